package lang

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"
)

// NearKeys returns the one-word keys of the table nearest to stem, a
// one-word key it does not hold: of its ending variants (EndingVariants:
// an inflected question word may not have the stem of its dictionary
// form, which is what the tables hold), those sharing the longest
// beginning with it. In a language that writes compounds as one word, a
// key that only lengthens the stem is another word built on it (German
// "nutzt" is no "Nutztier"), not its dictionary form, and is left out;
// elsewhere it is the dictionary form the stemmer cut less of (Russian
// "принят" прин, принять приня). Nil when stem is a key itself or none
// is near.
func (c *Concepts) NearKeys(stem string) []string {
	if c.Empty() || strings.IndexByte(stem, ' ') >= 0 || c.HasKey(stem) {
		return nil
	}
	n := utf8.RuneCountInString(stem)
	var out []string
	best := 0
	for k, shared := range EndingVariants(c.words(), stem) {
		switch {
		case shared == n && c.compounds:
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
		// The keys are copied into one string and the list slices it:
		// a string a key was most of what the first question in a
		// language paid for NearKeys (tens of thousands of keys).
		var (
			all  []byte
			ends []int
		)
		c.t.Each(func(key []byte, senses int) bool {
			if senses > 0 && bytes.IndexByte(key, ' ') < 0 { // as Keys gives them
				all = append(all, key...)
				ends = append(ends, len(all))
			}
			return true
		})
		s := string(all)
		c.wordList = make([]string, len(ends))
		start := 0
		for i, end := range ends {
			c.wordList[i] = s[start:end]
			start = end
		}
		if !slices.IsSorted(c.wordList) { // the file's order is bytewise already
			slices.Sort(c.wordList)
		}
	})
	return c.wordList
}
