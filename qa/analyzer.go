package qa

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// An analyzer reads text of one language the way the index does: tokens,
// folded, stop words dropped, stemmed.
type analyzer struct {
	l *lang.Language
	// memo caches stems. It is filled while the engine is built and read
	// only afterwards (frozen), so questions share it without locks:
	// Snowball costs about a microsecond a word, and the index and the
	// synonyms stem the same few thousand words many times over.
	memo   map[string]string
	frozen bool
	// shared is a memo of Resources that several engines read and none
	// writes; memo sits over it. May be nil.
	shared map[string]string
	// late keeps the stems of the words neither memo holds once frozen:
	// the questions' own words ("cuántos", "habitantes"), stemmed again
	// on every question without it. Set when the analyzer is frozen.
	late *stemCache
}

// A stemCache is a memo that concurrent questions fill, emptied when it
// holds maxLateStems words so that its size stays bounded whatever users
// ask.
type stemCache struct {
	mu sync.RWMutex
	m  map[string]string
}

// maxLateStems bounds a stemCache: a few hundred kilobytes at most.
const maxLateStems = 1 << 13

func (c *stemCache) get(word string) (string, bool) {
	c.mu.RLock()
	st, ok := c.m[word]
	c.mu.RUnlock()
	return st, ok
}

func (c *stemCache) put(word, st string) {
	c.mu.Lock()
	if c.m == nil || len(c.m) >= maxLateStems {
		c.m = make(map[string]string)
	}
	c.m[word] = st
	c.mu.Unlock()
}

// freeze makes a's memos read-only, to be shared by concurrent questions
// from now on; the words they lack go to a bounded cache of their own.
func (a *analyzer) freeze() {
	a.frozen = true
	if a.late == nil {
		a.late = &stemCache{}
	}
}

// isStop reports whether a folded word is a stop word. A hyphenated word
// made of stop words and single letters is one too: the French inversion
// "a-t-elle", "est-il".
func (a *analyzer) isStop(folded string) bool {
	if a.l.IsStopword(folded) {
		return true
	}
	if !strings.Contains(folded, "-") {
		return false
	}
	for part := range strings.SplitSeq(folded, "-") {
		if utf8.RuneCountInString(part) > 1 && !a.l.IsStopword(part) {
			return false
		}
	}
	return true
}

// stem returns the stem of a word as written, in any case. Snowball
// stems the word with its accents and the stem is folded afterwards:
// folding first would break stemmers that need the accents ("anunció" and
// "anunciar" share a stem only this way round).
func (a *analyzer) stem(word string) string {
	if st, ok := a.memo[word]; ok {
		return st
	}
	if st, ok := a.shared[word]; ok {
		return st
	}
	if a.late != nil {
		if st, ok := a.late.get(word); ok {
			return st
		}
	}
	st := lang.Fold(a.l.Stem(word))
	switch {
	case !a.frozen && a.memo != nil:
		a.memo[word] = st
	case a.late != nil:
		a.late.put(word, st)
	}
	return st
}

// stems returns the stems of the content words of text.
func (a *analyzer) stems(text string) []string {
	var out []string
	for _, t := range lang.Tokens(text) {
		if f := lang.Fold(t.Text); !a.isStop(f) && !isClitic(f) {
			out = append(out, a.stem(t.Text))
		}
	}
	return out
}

// stemKeys returns the keys under which a phrase is stored in stemmed
// tables: the stems of all its words, stop words included, joined by
// spaces (stop words stay so that "kick out" and "kick" differ). There are
// two keys when the phrase has accents: its own stems, and the stems of
// the phrase written without accents, as users often type it.
func (a *analyzer) stemKeys(phrase string) (keys []string, words int) {
	toks := lang.Tokens(phrase)
	own := make([]string, len(toks))
	bare := make([]string, len(toks))
	for i, t := range toks {
		own[i] = a.stem(t.Text)
		bare[i] = a.stem(lang.Fold(t.Text))
	}
	keys = []string{strings.Join(own, " ")}
	if b := strings.Join(bare, " "); b != keys[0] {
		keys = append(keys, b)
	}
	return keys, len(toks)
}

// An analysedPhrase is a phrase read once for every use the tables make of
// it: its stem keys, its content stems, its number of words.
type analysedPhrase struct {
	keys  []string
	words int
	stems []string
}

// phrase analyses a phrase of a data file in one pass over its tokens, and
// adds its folded words to dictionary.
func (a *analyzer) phrase(text string, dictionary map[string]bool) analysedPhrase {
	toks := lang.Tokens(text)
	own := make([]string, len(toks))
	bare := make([]string, len(toks))
	var p analysedPhrase
	for i, t := range toks {
		f := lang.Fold(t.Text)
		dictionary[f] = true
		own[i] = a.stem(t.Text)
		bare[i] = own[i]
		if f != t.Text && f != strings.ToLower(t.Text) {
			bare[i] = a.stem(f)
		}
		if !a.isStop(f) && !isClitic(f) {
			p.stems = append(p.stems, own[i])
		}
	}
	p.words = len(toks)
	p.keys = []string{strings.Join(own, " ")}
	if b := strings.Join(bare, " "); b != p.keys[0] {
		p.keys = append(p.keys, b)
	}
	return p
}

// fork returns an analyzer of the same language for another goroutine,
// while a's memo is being filled: it reads the memo a sits over and fills
// one of its own, which join gives back to a. (A word a's own memo already
// holds is stemmed again: a stem depends on the word only.) The fork of an
// analyzer that fills no memo reads a's.
func (a *analyzer) fork() *analyzer {
	f := &analyzer{l: a.l, shared: a.shared}
	if a.frozen || a.memo == nil {
		f.memo, f.frozen, f.late = a.memo, true, a.late
	} else {
		f.memo = map[string]string{}
	}
	return f
}

// join adds to a's memo the stems its fork f memoised.
func (a *analyzer) join(f *analyzer) {
	if a.frozen || a.memo == nil || f.frozen {
		return
	}
	for w, st := range f.memo {
		a.memo[w] = st
	}
}
