package qa

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A translation's stem may miss the article's form of the same word when
// the stemmer leaves different endings on the dictionary form and on the
// inflected one: the lexicon gives Russian "умерл" and "умерет" for "die",
// the article writes "умер"; "трубк" for "pipe", the article "труб". The
// article stems that differ from such a stem only in its last letters
// stand in for it, at weightVariant.

// weightVariant is the share of a translation's weight a stem variant of
// it keeps.
const weightVariant = 0.7

// minVariantPrefix is the shortest shared beginning, in letters, of a
// stem and its variant; maxVariantTail the most letters after it on
// either side.
const (
	minVariantPrefix = 4
	maxVariantTail   = 2
)

// sortedStems returns the corpus's stems in order, built once.
func (ix *index) sortedStems() []string {
	ix.stemsOnce.Do(func() {
		ix.stemList = make([]string, 0, len(ix.termIDs))
		for st := range ix.termIDs {
			ix.stemList = append(ix.stemList, st)
		}
		slices.Sort(ix.stemList)
	})
	return ix.stemList
}

// stemVariants returns the corpus stems that share all but the last
// maxVariantTail letters of st (at least minVariantPrefix) and end at
// most maxVariantTail letters after what they share; none when st is in
// the corpus itself.
func (ix *index) stemVariants(st string) []string {
	if _, ok := ix.termIDs[st]; ok {
		return nil
	}
	return endingVariantsIn(ix.sortedStems(), st)
}

// endingVariantsIn returns the stems of the sorted list, other than st,
// that share all but the last maxVariantTail letters of st (at least
// minVariantPrefix) and end at most maxVariantTail letters after what they
// share.
func endingVariantsIn(list []string, st string) []string {
	n := utf8.RuneCountInString(st)
	keep := max(minVariantPrefix, n-maxVariantTail)
	if n < keep {
		return nil
	}
	prefix := st[:runeOffset(st, keep)]
	var out []string
	for i, _ := slices.BinarySearch(list, prefix); i < len(list) && strings.HasPrefix(list[i], prefix); i++ {
		c := list[i]
		if c == st {
			continue
		}
		shared := utf8.RuneCountInString(commonPrefix(c, st))
		if utf8.RuneCountInString(c)-shared <= maxVariantTail && n-shared <= maxVariantTail {
			out = append(out, c)
		}
	}
	return out
}

func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

func commonPrefix(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) {
		ra, sa := utf8.DecodeRuneInString(a[i:])
		rb, _ := utf8.DecodeRuneInString(b[i:])
		if ra != rb {
			break
		}
		i += sa
	}
	return a[:i]
}
