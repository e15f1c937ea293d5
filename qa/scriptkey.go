package qa

import (
	"slices"
	"sync"
	"unicode"

	"github.com/qabot/qabot/lang"
)

// scriptKeys finds the article words a question word in another script
// stands for: a name, a place, a loanword spelt in Latin letters in the
// question and in Cyrillic in the article ("Khamenei", "Хаменеи"), or the
// other way. Both are reduced to lang.LatinKey (through the article's or
// the question's transliteration), where the usual romanisations and the
// case endings of one name meet.
type scriptKeys struct {
	// other maps the keys of the article words written in a script other
	// than Latin, whose language has a transliteration, to their stems.
	other map[string][]string
	// latin maps the keys of the article's Latin words to their stems,
	// built on the first question in another script (most corpora are
	// never asked one).
	latinOnce sync.Once
	latin     map[string][]string
	// latinSorted and otherSorted list the keys of latin and other in
	// order, for the cognates that share a beginning (cognate.go).
	latinSortOnce, otherSortOnce sync.Once
	latinSorted, otherSorted     []string
}

// minScriptKey is the shortest key that matches a word by itself; a
// shorter key ("ram" for "Rama") matches names only.
const (
	minScriptKey     = 3
	minScriptKeyWord = 5
)

// addWord records an article word: only words in a script other than
// Latin, whose language can spell them in Latin letters, under the keys of
// the word and of its stem ("Тиране" and "тиран").
func (k *scriptKeys) addWord(l *lang.Language, folded, stem string) {
	if !l.HasTransliteration() || !nonLatin(folded) {
		return
	}
	if k.other == nil {
		k.other = map[string][]string{}
	}
	for _, key := range []string{l.ScriptKey(folded), l.ScriptKey(stem)} {
		if len(key) >= minScriptKey && !slices.Contains(k.other[key], stem) {
			k.other[key] = append(k.other[key], stem)
		}
	}
}

// crossScript returns the stems of article words in another script than the
// question word's (folded, in language l) that share its key.
func (ix *index) crossScript(l *lang.Language, folded string) (stems []string, key string) {
	k := &ix.scripts
	var table map[string][]string
	if nonLatin(folded) {
		if !l.HasTransliteration() {
			return nil, ""
		}
		k.latinOnce.Do(func() { k.latin = latinKeys(ix.vocab) })
		table = k.latin
	} else {
		table = k.other
	}
	key = l.ScriptKey(folded)
	if len(key) < minScriptKey {
		return nil, ""
	}
	return table[key], key
}

// latinKeys keys the Latin words of a vocabulary.
func latinKeys(vocab map[string]string) map[string][]string {
	out := map[string][]string{}
	for w, st := range vocab {
		if nonLatin(w) || !hasLetter(w) {
			continue
		}
		for _, key := range []string{lang.LatinKey(w), lang.LatinKey(st)} {
			if len(key) >= minScriptKey && !slices.Contains(out[key], st) {
				out[key] = append(out[key], st)
			}
		}
	}
	for _, v := range out {
		slices.Sort(v)
	}
	return out
}

// nonLatin reports whether a word has a letter of a script other than
// Latin.
func nonLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && r > unicode.MaxASCII && !unicode.In(r, unicode.Latin) {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// scriptAlts returns what a question word in one script matches among the
// article's words in another: every stem under its key, at the weight of
// a name spelt as in the article, or nothing. A short key matches names
// only; namesOnly restricts every key to names.
func (e *Engine) scriptAlts(l *lang.Language, folded string, namesOnly bool) []alt {
	stems, key := e.idx.crossScript(l, folded)
	var out []alt
	for _, st := range stems {
		if (namesOnly || len(key) < minScriptKeyWord) && !e.idx.nameStems[st] {
			continue
		}
		out = append(out, alt{stems: []string{st}, weight: weightExact})
	}
	return out
}
