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
	return endingVariants(sorted, func(prefix string) int {
		i, _ := slices.BinarySearch(sorted, prefix)
		return i
	}, stem)
}

// endingVariants is EndingVariants with search giving where the words
// beginning with a prefix start in sorted.
func endingVariants(sorted []string, search func(prefix string) int, stem string) iter.Seq2[string, int] {
	return func(yield func(string, int) bool) {
		n := utf8.RuneCountInString(stem)
		keep := max(variantMinPrefix, n-variantMaxTail)
		if n < keep {
			return
		}
		prefix := stem[:runeOffset(stem, keep)]
		for i := search(prefix); i < len(sorted) && strings.HasPrefix(sorted[i], prefix); i++ {
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

// SortedWords is a sorted list of words that finds where a prefix begins
// in it quickly. A binary search over the strings themselves compares
// strings scattered over the heap, a cache miss a step: looking up the
// ending variants of a question's translations that way was a twentieth
// of answering over 1,000 generated articles (BenchmarkScale). SortedWords
// searches first the words' first four bytes, packed in one dense array of
// integers, and compares strings only among the few words that share them.
type SortedWords struct {
	words []string
	// heads[i] is the first four bytes of words[i] read as a big-endian
	// number, zero-padded: heads are in the words' order.
	heads []uint32
}

// NewSortedWords indexes sorted, a list in slices.Sort order, which it
// keeps and never changes.
func NewSortedWords(sorted []string) *SortedWords {
	heads := make([]uint32, len(sorted))
	for i, w := range sorted {
		heads[i] = head4(w)
	}
	return &SortedWords{words: sorted, heads: heads}
}

// head4 returns the first four bytes of s as a big-endian number, with
// zeros for the bytes a shorter s lacks: of two strings in order, the
// first's head4 is never the larger.
func head4(s string) uint32 {
	var h uint32
	for i := range 4 {
		h <<= 8
		if i < len(s) {
			h |= uint32(s[i])
		}
	}
	return h
}

// Words returns the sorted list.
func (s *SortedWords) Words() []string { return s.words }

// Search returns where prefix would be inserted in the list, as
// slices.BinarySearch would.
func (s *SortedWords) Search(prefix string) int {
	h := head4(prefix)
	lo, _ := slices.BinarySearch(s.heads, h)
	if lo == len(s.heads) || s.heads[lo] != h {
		// No word shares the prefix's head: the next word is after it,
		// and no string was read.
		return lo
	}
	// The words sharing the head are few: gallop to past them rather
	// than search the rest of the list.
	hi, step := lo+1, 1
	for hi < len(s.heads) && s.heads[hi] == h {
		hi += step
		step *= 2
	}
	hi = min(hi, len(s.heads))
	// A word before lo has a smaller head, so is before prefix; a word from
	// hi on has a larger head, so is after it.
	i, _ := slices.BinarySearch(s.words[lo:hi], prefix)
	return lo + i
}

// EndingVariants is the package's EndingVariants over the list.
func (s *SortedWords) EndingVariants(stem string) iter.Seq2[string, int] {
	return endingVariants(s.words, s.Search, stem)
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
