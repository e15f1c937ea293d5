package qa

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// A name is spelt a little differently from one language to the next,
// past what lang.LatinKey folds: "Lutero" and "Luther", "Лютер" (liuter)
// and "Luther" (luter), "Пристли" (pristl) and "Priestley" (priestl),
// "Temüdschin" (temudsin) and "Temüjin" (temuin). A capitalised question
// word whose translations the article lacks (after the question's first
// word) finds the article's names whose keys are this close to its own,
// the first letter the same: the same key for a word of the question's
// language, one edit for another word, two for a long key of a word
// nothing knows at all.

// Limits of a near name: the shortest key matched at all, and the
// shortest matched at two edits.
const (
	minNearNameKey = 4
	minNearNameTwo = 7
)

// nameKey is one key of an article name and its stem.
type nameKey struct{ key, stem string }

// nameKeys returns the keys of the article's names, in any script,
// built on first use.
func (ix *index) nameKeys() []nameKey {
	ix.nameKeysOnce.Do(func() {
		k := &ix.scripts
		k.latinOnce.Do(func() { k.latin = latinKeys(ix.vocab) })
		for _, table := range []map[string][]string{k.latin, k.other} {
			for key, stems := range table {
				if utf8.RuneCountInString(key) < minNearNameKey {
					continue
				}
				for _, st := range stems {
					if ix.nameStems[st] {
						ix.nameKeyList = append(ix.nameKeyList, nameKey{key, st})
					}
				}
			}
		}
		slices.SortFunc(ix.nameKeyList, func(a, b nameKey) int {
			if a.key != b.key {
				if a.key < b.key {
					return -1
				}
				return 1
			}
			if a.stem < b.stem {
				return -1
			}
			if a.stem > b.stem {
				return 1
			}
			return 0
		})
	})
	return ix.nameKeyList
}

// nearNames returns the stems of the article's names spelt nearly as the
// question word (in language l, as written) is, at weightCognate; nil for
// a word that does not start with a capital.
func (e *Engine) nearNames(l *lang.Language, word string, limit int) []alt {
	first, _ := utf8.DecodeRuneInString(word)
	if !unicode.IsUpper(first) {
		return nil
	}
	key := l.ScriptKey(lang.Fold(word))
	n := utf8.RuneCountInString(key)
	if n < minNearNameKey {
		return nil
	}
	if n < minNearNameTwo {
		limit = min(limit, 1)
	}
	k0, _ := utf8.DecodeRuneInString(key)
	best := limit + 1
	var out []alt
	for _, nk := range e.idx.nameKeys() {
		if c, _ := utf8.DecodeRuneInString(nk.key); c != k0 {
			continue
		}
		d := editDistance(key, nk.key, limit)
		switch {
		case d > limit || d > best:
			continue
		case d < best:
			best, out = d, out[:0]
		}
		if !slices.ContainsFunc(out, func(a alt) bool { return a.stems[0] == nk.stem }) {
			out = append(out, alt{stems: []string{nk.stem}, weight: weightCognate})
		}
	}
	return out
}

// nearNameLimit is how far a question word's key may be from a name's
// when the word's translations are not in the article: one edit for a
// word its language's concept table does not hold as it is, none for a
// word of the language ("Seven" is not "Северной", one edit away).
func nearNameLimit(l *lang.Language, stem string) int {
	if l.Concepts().HasKey(stem) {
		return 0
	}
	return 1
}
