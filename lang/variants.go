package lang

import (
	"iter"
	"slices"
	"strings"
	"unicode/utf8"
)

// A stemmer can leave different endings on two forms of one word: Snowball
// stems Russian "органу" as "орган" but "орган" as "орга", German "nutzte"
// as "nutzt" but "nutzen" as "nutz". Two stems that share all but their
// last few letters are taken for forms of one word: the concept tables'
// keys for a question's stem (Concepts.NearKeys), the article's stems for
// a translation's (package qa).

// Shapes of an ending variant: the shortest shared beginning, in letters,
// and the most letters after it on either side.
const (
	variantMinPrefix = 4
	variantMaxTail   = 2
)

// EndingVariants yields the words of sorted, other than stem, that share
// all of stem but at most its last two letters (and at least four letters)
// and end at most two letters after what they share, each with the number
// of letters it shares with stem.
func EndingVariants(sorted []string, stem string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		n := utf8.RuneCountInString(stem)
		keep := max(variantMinPrefix, n-variantMaxTail)
		if n < keep {
			return
		}
		prefix := stem[:runeOffset(stem, keep)]
		for i, _ := slices.BinarySearch(sorted, prefix); i < len(sorted) && strings.HasPrefix(sorted[i], prefix); i++ {
			w := sorted[i]
			if w == stem {
				continue
			}
			shared := utf8.RuneCountInString(commonPrefix(w, stem))
			if utf8.RuneCountInString(w)-shared <= variantMaxTail && n-shared <= variantMaxTail && !yield(w, shared) {
				return
			}
		}
	}
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
