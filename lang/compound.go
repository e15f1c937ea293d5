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
	for n := 2; n <= maxCompoundParts; n++ {
		if parts := l.cutCompound(w, 0, n, known); parts != nil {
			return parts
		}
	}
	return nil
}

func (l *Language) compoundStem(s string) string { return Fold(l.Stem(s)) }

// cutCompound cuts w, which starts at offset of the word, into exactly n
// known parts, the last one as long as it can be, except that a last part
// that starts with joining letters gives way to the part after them:
// "Einwohner|zahl", not "Einwohn|erzahl" ("erzählen").
func (l *Language) cutCompound(w string, offset, n int, known func(string) bool) []CompoundPart {
	if n == 1 {
		if st := l.compoundStem(w); utf8.RuneCountInString(w) >= minCompoundPart && known(st) {
			return []CompoundPart{{Start: offset, End: offset + len(w), Stem: st}}
		}
		return nil
	}
	for cut := range w {
		if utf8.RuneCountInString(w[cut:]) < (n-1)*minCompoundPart {
			break
		}
		parts := l.cutAt(w, offset, n, cut, known)
		if parts == nil {
			continue
		}
		for _, link := range l.compoundLinks[1:] {
			if strings.HasPrefix(w[cut:], link) {
				if p := l.cutAt(w, offset, n, cut+len(link), known); p != nil {
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
func (l *Language) cutAt(w string, offset, n, cut int, known func(string) bool) []CompoundPart {
	first, rest := w[:cut], w[cut:]
	if utf8.RuneCountInString(first) < minCompoundPart {
		return nil
	}
	for _, link := range l.compoundLinks { // "" first
		base, ok := strings.CutSuffix(first, link)
		if !ok || utf8.RuneCountInString(base) < minCompoundPart {
			continue
		}
		st := l.compoundStem(base)
		if !known(st) {
			continue
		}
		if tail := l.cutCompound(rest, offset+cut, n-1, known); tail != nil {
			return append([]CompoundPart{{Start: offset, End: offset + cut, Stem: st}}, tail...)
		}
	}
	return nil
}
