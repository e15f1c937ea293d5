package lang

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// An inflected question word may have a stem that is not the stem of its
// dictionary form, which is what the concept tables hold: Snowball leaves
// Russian "органу" as "орган" but "орган" as "орга", "уровне" as "уровн"
// but "уровень" as "уровен"; German "nutzte" as "nutzt", "nutzen" as
// "nutz". NearKeys finds the keys such a stem stands for: those that share
// all of it but its last letters and end a few letters after what they
// share, as qa's stem variants do on the article side; a key that holds
// all of the stem and more is another word built on it.

// Shapes of a near key: the shortest shared beginning, in letters, and
// the most letters after it on either side.
const (
	nearMinPrefix = 4
	nearMaxTail   = 2
)

// NearKeys returns the one-word keys of the table nearest to stem, a
// one-word key it does not hold: those sharing the longest beginning with
// it (at least all of stem but its last nearMaxTail letters, and
// nearMinPrefix letters), each ending at most nearMaxTail letters after
// it, and not starting with all of stem. Nil when stem is a key itself or
// none is near.
func (c *Concepts) NearKeys(stem string) []string {
	if c.Empty() || strings.IndexByte(stem, ' ') >= 0 || c.HasKey(stem) {
		return nil
	}
	n := utf8.RuneCountInString(stem)
	keep := max(nearMinPrefix, n-nearMaxTail)
	if n < keep {
		return nil
	}
	prefix := stem[:runeOffset(stem, keep)]
	keys := c.words()
	var out []string
	best := 0
	for i, _ := slices.BinarySearch(keys, prefix); i < len(keys) && strings.HasPrefix(keys[i], prefix); i++ {
		k := keys[i]
		shared := utf8.RuneCountInString(commonPrefix(k, stem))
		// A key that only lengthens the stem is another word built on it
		// (German "nutzt" is no "Nutztier"), not its dictionary form.
		if utf8.RuneCountInString(k)-shared > nearMaxTail || n-shared > nearMaxTail || shared == n {
			continue
		}
		switch {
		case shared > best:
			best, out = shared, append(out[:0], k)
		case shared == best:
			out = append(out, k)
		}
	}
	return out
}

// words returns the one-word keys of the table, sorted, listed once.
func (c *Concepts) words() []string {
	c.wordsOnce.Do(func() {
		c.Keys(func(key string) bool {
			c.wordList = append(c.wordList, key)
			return true
		})
		slices.Sort(c.wordList) // the file's order is bytewise already
	})
	return c.wordList
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
