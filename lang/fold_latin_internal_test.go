package lang

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFoldLatinAsSlow checks foldLatin against decomposing words whole
// (foldSlow): every rune it reads alone, every pair of them, and random
// words of Latin letters, combining marks, other scripts and invalid bytes.
// A word foldLatin reads must fold as foldSlow folds it; one it does not
// read goes to foldSlow.
func TestFoldLatinAsSlow(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Fatalf("Fold(%q) = %q, foldSlow gives %q", s, got, want)
		}
	}
	read := 0
	for r := range rune(latinEnd) {
		if _, ok := foldLatin(string(r)); ok {
			read++
		}
		for q := rune(0x80); q < latinEnd; q++ {
			check(string(r) + string(q))
			check(string(q) + string(r))
		}
	}
	if read < latinEnd*9/10 {
		t.Fatalf("foldLatin reads %d of the %d runes below latinEnd alone, want most", read, latinEnd)
	}
	pieces := []string{"é", "É", "ß", "ẞ", "ø", "Ø", "æ", "œ", "ł", "ı", "İ", "ǆ", "Ǆ", "ĳ", "ª", "½", "¨", "´", "\u0301", "\u0308", "\u0306", "и", "й", "ё", "Α", "ή", "ﬁ", "Ｎ", "\u2019", "\u2010", "\xff", "\xc3", "a", "Z", "-", "'", " ", "1", "ñ", "Ñ", "ő", "ů", "ș", "ț", "ǅ", "ǰ", "ƒ", "ȷ"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var b strings.Builder
		for range 1 + rng.IntN(8) {
			if rng.IntN(3) == 0 {
				b.WriteRune(rune(rng.IntN(0x300)))
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		check(b.String())
	}
}
