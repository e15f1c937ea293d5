package lang

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Phrases maps phrases, sequences of folded words, to values. It is the
// shape of every "phrase<TAB>value" file: question words, lexicons, place
// and organisation names. Matching is on folded tokens (see Fold and
// Tokens), so "Où", "ou" and "OÙ" are one key, and the longest phrase wins.
// A nil *Phrases is an empty table.
type Phrases[V any] struct {
	m        map[string]V
	exact    map[string]V // lower-cased keys with their accents, which win over m
	maxWords int
}

func newPhrases[V any]() *Phrases[V] { return &Phrases[V]{m: make(map[string]V)} }

// lowerKey is phraseKey without removing accents: the key of the exact
// table, for phrases whose accents tell them apart from an unaccented
// twin ("où" is "where", "ou" is "or").
func lowerKey(phrase string) string {
	toks := phraseTokens(phrase)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = lower(t.Text)
	}
	return strings.Join(parts, " ")
}

// lower lower-cases s in NFC, with apostrophes unified, as the exact table
// is keyed.
func lower(s string) string {
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return '\''
		}
		return r
	}, norm.NFC.String(strings.ToLower(s)))
}

// phraseTokens tokenizes a phrase of a data file as Tokens would the same
// words in running text: a phrase that ends in an elided word ("qu'",
// "quand est-ce qu'", "dell'") keeps its apostrophe, as "qu'a" gives "qu'".
func phraseTokens(phrase string) []Token {
	toks := Tokens(phrase)
	if len(toks) == 0 {
		return toks
	}
	last := &toks[len(toks)-1]
	r, size := utf8.DecodeRuneInString(phrase[last.End:])
	if isApostrophe(r) && strings.TrimSpace(phrase[last.End+size:]) == "" && isElision(strings.ToLower(lastSegment(last.Text))) {
		last.End += size
		last.Text = phrase[last.Start:last.End]
	}
	return toks
}

// setExact stores v under the accented, lower-cased form of phrase.
func (p *Phrases[V]) setExact(phrase string, v V) {
	if p.exact == nil {
		p.exact = make(map[string]V)
	}
	p.exact[lowerKey(phrase)] = v
}

// phraseKey folds and tokenizes phrase into its lookup key: folded tokens
// joined by one space. It returns the number of tokens too.
func phraseKey(phrase string) (string, int) {
	toks := phraseTokens(phrase)
	n := 0
	buf := make([]byte, 0, len(phrase))
	for _, t := range toks {
		if n > 0 {
			buf = append(buf, ' ')
		}
		buf = append(buf, Fold(t.Text)...)
		n++
	}
	return string(buf), n
}

// set stores v under phrase, merging with an existing value when merge is
// not nil, and reports the key and whether it was new.
func (p *Phrases[V]) set(phrase string, v V, merge func(old, v V) V) (key string, fresh bool) {
	key, n := phraseKey(phrase)
	if n == 0 {
		return "", false
	}
	old, ok := p.m[key]
	if ok && merge != nil {
		v = merge(old, v)
	}
	if !ok || merge != nil {
		p.m[key] = v
	}
	if n > p.maxWords {
		p.maxWords = n
	}
	return key, !ok
}

// Len returns the number of phrases.
func (p *Phrases[V]) Len() int {
	if p == nil {
		return 0
	}
	return len(p.m)
}

// MaxWords returns the number of words of the longest phrase.
func (p *Phrases[V]) MaxWords() int {
	if p == nil {
		return 0
	}
	return p.maxWords
}

// Lookup returns the value of a whole phrase, written any way: it is folded
// and tokenized first. A phrase listed with accents that tell it apart from
// an unaccented twin matches its own entry when written with them.
func (p *Phrases[V]) Lookup(phrase string) (V, bool) {
	var zero V
	if p.Len() == 0 {
		return zero, false
	}
	if v, ok := p.exact[lowerKey(phrase)]; ok && len(p.exact) > 0 {
		return v, true
	}
	key, _ := phraseKey(phrase)
	v, ok := p.m[key]
	return v, ok
}

// Match finds the longest phrase that starts words, which must already be
// folded (Fold of each token's text). It returns the value and the number
// of words matched, or ok == false when no phrase starts there.
func (p *Phrases[V]) Match(words []string) (v V, n int, ok bool) {
	if p.Len() == 0 || len(words) == 0 {
		return v, 0, false
	}
	limit := min(len(words), p.maxWords)
	var buf [128]byte
	key := buf[:0]
	for i := 0; i < limit; i++ {
		if i > 0 {
			key = append(key, ' ')
		}
		key = append(key, words[i]...)
		if got, found := p.m[string(key)]; found {
			v, n, ok = got, i+1, true
		}
	}
	return v, n, ok
}

// matchBoth is Match that also tries the exact table with the lower-cased
// words; on equal length the exact match wins.
func (p *Phrases[V]) matchBoth(lowerWords, folded []string) (v V, n int, ok bool) {
	v, n, ok = p.Match(folded)
	if len(p.exact) == 0 {
		return v, n, ok
	}
	limit := min(len(lowerWords), p.maxWords)
	var buf [128]byte
	key := buf[:0]
	for i := 0; i < limit; i++ {
		if i > 0 {
			key = append(key, ' ')
		}
		key = append(key, lowerWords[i]...)
		if got, found := p.exact[string(key)]; found && i+1 >= n {
			v, n, ok = got, i+1, true
		}
	}
	return v, n, ok
}

// All calls yield for every phrase key and value, in no particular order,
// until yield returns false. It fits range-over-func: for k, v := range p.All.
func (p *Phrases[V]) All(yield func(key string, v V) bool) {
	if p == nil {
		return
	}
	for k, v := range p.m {
		if !yield(k, v) {
			return
		}
	}
}
