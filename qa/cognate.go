package qa

import (
	"slices"
	"strings"

	"github.com/qabot/qabot/lang"
)

// Learned words cross languages with their endings changed: Russian
// "реконструкция" is "reconstruction", "монументального" "monumental",
// German "Rekonstruktionen" and Spanish "martirio" are "reconstruction"
// and "martyr". Their LatinKeys (lang.LatinKey, through the question's
// transliteration) share a long beginning and part at the suffix each
// language gives the word (-ция/-tion, -альный/-al, -io/-yr). A foreign
// question word finds the article words whose stem's key begins as its
// own does for most of the shorter of the two, beside the renderings the
// tables give it (question.go).
const (
	// minCognatePrefix is the fewest letters of key the two must share.
	minCognatePrefix = 6
	// cognateShare is the share of the shorter key they must share.
	cognateShare = 0.8
)

// sortedKeys returns the keys of a key table, sorted.
func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// cognates returns the article stems whose keys share the longest
// cognate beginning with the key of stem, a question word's stem in
// language l (folded is the word), at weightCognate; nil for none. A
// word in another script than Latin is looked for among the article's
// Latin words; a Latin word among the article's words in other scripts,
// or, when it has none, among its Latin words.
func (e *Engine) cognates(l *lang.Language, folded, stem string) []alt {
	k := &e.idx.scripts
	var (
		table map[string][]string
		keys  []string
	)
	if nonLatin(folded) {
		if !l.HasTransliteration() {
			return nil
		}
		k.latinOnce.Do(func() { k.latin = latinKeys(e.idx.vocab) })
		k.latinSortOnce.Do(func() { k.latinSorted = sortedKeys(k.latin) })
		table, keys = k.latin, k.latinSorted
	} else {
		k.otherSortOnce.Do(func() { k.otherSorted = sortedKeys(k.other) })
		table, keys = k.other, k.otherSorted
		if len(keys) == 0 {
			k.latinOnce.Do(func() { k.latin = latinKeys(e.idx.vocab) })
			k.latinSortOnce.Do(func() { k.latinSorted = sortedKeys(k.latin) })
			table, keys = k.latin, k.latinSorted
		}
	}
	key := l.ScriptKey(stem)
	if len(key) < minCognatePrefix {
		return nil
	}
	best := 0
	var out []alt
	for i, _ := slices.BinarySearch(keys, key[:minCognatePrefix]); i < len(keys) && strings.HasPrefix(keys[i], key[:minCognatePrefix]); i++ {
		a := keys[i]
		p, ok := cognateKeys(a, key)
		if !ok || p < best {
			continue
		}
		if p > best {
			best, out = p, out[:0]
		}
		for _, st := range table[a] {
			if !slices.ContainsFunc(out, func(x alt) bool { return x.stems[0] == st }) {
				out = append(out, alt{stems: []string{st}, weight: weightCognate})
			}
		}
	}
	return out
}

// cognateKeys reports whether two keys are a cognate's, and how many
// bytes they begin with alike: at least minCognatePrefix, and at least
// cognateShare of the shorter key.
func cognateKeys(a, b string) (int, bool) {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	return p, p >= minCognatePrefix && float64(p) >= cognateShare*float64(min(len(a), len(b)))
}
