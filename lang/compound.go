package lang

import (
	"strings"
	"unicode/utf8"
)

// Compound words: German, Swedish and Norwegian write a compound as one
// word ("Bevölkerungszahl", "befolkningsmängd"), so a question word may be
// missing from every table while each of its parts is in it. A language
// that compounds lists in meta.json ("compound_links") the joining letters
// that may stand between two parts (the "s" of "Bevölkerungs|zahl"); the
// parts themselves are the words of the language's own lexicon, not a list
// of compounds.

// minCompoundPart is the fewest letters a part of a compound has.
const minCompoundPart = 3

// maxCompoundParts is the most parts a word is cut into.
const maxCompoundParts = 3

// A CompoundPart is one part of a compound word: word[Start:End] (joining
// letters included) and the folded Snowball stem of the part without them,
// as the concept tables key it.
type CompoundPart struct {
	Start, End int
	Stem       string
}

// Compounds reports whether the language writes compounds as one word.
func (l *Language) Compounds() bool { return len(l.compoundLinks) > 0 }

// SplitCompound cuts a word into parts that known holds: two parts if it
// can, trying the longest last part first (the head of a compound is its
// last part: "Staats|oberhaupt", not "Staatsober|haupt"), else three.
// known is asked about folded stems; nil means the keys of the language's
// concept table. It returns nil when the language does not compound or no
// cut gives known parts; whether the word needs cutting (is it known as a
// whole?) is the caller's question.
func (l *Language) SplitCompound(word string, known func(stem string) bool) []CompoundPart {
	return l.splitCompound(word, known, nil)
}

// CompoundSplitter returns SplitCompound with known fixed, for cutting
// many words: it remembers the stems of the pieces it tried, which the
// words of one text share ("zahl", "bevölkerung"). It is not safe for
// concurrent use.
func (l *Language) CompoundSplitter(known func(stem string) bool) func(word string) []CompoundPart {
	memo := map[string]string{}
	return func(word string) []CompoundPart { return l.splitCompound(word, known, memo) }
}

func (l *Language) splitCompound(word string, known func(stem string) bool, memo map[string]string) []CompoundPart {
	if !l.Compounds() {
		return nil
	}
	if known == nil {
		known = l.Concepts().HasKey
	}
	w := strings.ToLower(word)
	if len(w) != len(word) || utf8.RuneCountInString(w) < 2*minCompoundPart {
		return nil
	}
	for _, r := range w {
		if !isLetter(r) {
			return nil // hyphens, digits, apostrophes: not one plain word
		}
	}
	c := cutter{l: l, known: known, memo: memo}
	for n := 2; n <= maxCompoundParts; n++ {
		if parts := c.cutCompound(w, 0, n); parts != nil {
			return parts
		}
	}
	return nil
}

// mayKnow reports whether the stem of piece s may be known: a Snowball
// stem of the compounding languages takes letters off the end of the
// word, so with both folded it is a beginning of the word, and a piece no
// beginning of which is known needs no stemming (most pieces: Snowball
// costs a microsecond a word, a look-up a few dozen nanoseconds).
func (c *cutter) mayKnow(s string) bool {
	f := Fold(s)
	for i := range f {
		if i > 0 && c.known(f[:i]) {
			return true
		}
	}
	return c.known(f)
}

// A cutter cuts one word into compound parts.
type cutter struct {
	l     *Language
	known func(string) bool
	memo  map[string]string // stems of pieces; nil: none kept
}

func (c *cutter) stem(s string) string {
	if st, ok := c.memo[s]; ok {
		return st
	}
	if !c.mayKnow(s) {
		return ""
	}
	st := Fold(c.l.Stem(s))
	if c.memo != nil {
		c.memo[s] = st
	}
	return st
}

// cutCompound cuts w, which starts at offset of the word, into exactly n
// known parts, the last one as long as it can be, except that a last part
// that starts with joining letters gives way to the part after them:
// "Einwohner|zahl", not "Einwohn|erzahl" ("erzählen").
func (c *cutter) cutCompound(w string, offset, n int) []CompoundPart {
	if n == 1 {
		if st := c.stem(w); utf8.RuneCountInString(w) >= minCompoundPart && c.known(st) {
			return []CompoundPart{{Start: offset, End: offset + len(w), Stem: st}}
		}
		return nil
	}
	for cut := range w {
		if utf8.RuneCountInString(w[cut:]) < (n-1)*minCompoundPart {
			break
		}
		parts := c.cutAt(w, offset, n, cut)
		if parts == nil {
			continue
		}
		for _, link := range c.l.compoundLinks[1:] {
			if strings.HasPrefix(w[cut:], link) {
				if p := c.cutAt(w, offset, n, cut+len(link)); p != nil {
					return p
				}
			}
		}
		return parts
	}
	return nil
}

// cutAt cuts w at byte cut: a known first part, with or without joining
// letters, then n-1 known parts.
func (c *cutter) cutAt(w string, offset, n, cut int) []CompoundPart {
	first, rest := w[:cut], w[cut:]
	if utf8.RuneCountInString(first) < minCompoundPart {
		return nil
	}
	for _, link := range c.l.compoundLinks { // "" first
		base, ok := strings.CutSuffix(first, link)
		if !ok || utf8.RuneCountInString(base) < minCompoundPart {
			continue
		}
		st := c.stem(base)
		if !c.known(st) {
			continue
		}
		if tail := c.cutCompound(rest, offset+cut, n-1); tail != nil {
			return append([]CompoundPart{{Start: offset, End: offset + cut, Stem: st}}, tail...)
		}
	}
	return nil
}
