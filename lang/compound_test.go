package lang

import (
	"reflect"
	"testing"
)

func TestSplitCompound(t *testing.T) {
	r := mustLoad(t)
	de := mustGet(t, r, "de")
	// A small lexicon of stems, so that the cuts do not depend on the
	// generated tables.
	lex := map[string]bool{}
	for _, w := range []string{"bevölkerung", "zahl", "einwohner", "erzählen", "welt", "meisterschaft",
		"meister", "schaft", "fuß", "ball", "spieler", "staat", "oberhaupt", "haupt"} {
		lex[Fold(de.Stem(w))] = true
	}
	known := func(st string) bool { return lex[st] }
	stem := func(w string) string { return Fold(de.Stem(w)) }
	for _, tc := range []struct {
		word string
		want []CompoundPart
	}{
		// A joining "s" stays with the first part.
		{"Bevölkerungszahl", []CompoundPart{{0, 13, stem("bevölkerung")}, {13, 17, "zahl"}}},
		// The longest last part: "Welt|meisterschaft", not "Weltmeister|schaft".
		{"Weltmeisterschaft", []CompoundPart{{0, 4, "welt"}, {4, 17, stem("meisterschaft")}}},
		// Joining letters at the start of the last part give way:
		// "Einwohner|zahl", not "Einwohn|erzahl".
		{"Einwohnerzahl", []CompoundPart{{0, 9, stem("einwohner")}, {9, 13, "zahl"}}},
		{"Staatsoberhaupt", []CompoundPart{{0, 6, "staat"}, {6, 15, "oberhaupt"}}},
		// Three parts when two will not do.
		{"Fußballspieler", []CompoundPart{{0, 4, stem("fuß")}, {4, 8, "ball"}, {8, 15, stem("spieler")}}},
		// Parts too short, unknown parts, not one plain word.
		{"Ballon", nil},
		{"Zahlwelt", []CompoundPart{{0, 4, "zahl"}, {4, 8, "welt"}}},
		{"Zahlxyz", nil},
		{"Welt-Zahl", nil},
		{"Welt2zahl", nil},
		{"", nil},
	} {
		if got := de.SplitCompound(tc.word, known); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SplitCompound(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
	// Languages that do not compound are never cut.
	en := mustGet(t, r, "en")
	if got := en.SplitCompound("bookshelf", func(string) bool { return true }); got != nil {
		t.Errorf("en SplitCompound(bookshelf) = %v, want nil", got)
	}
	// With its own lexicon (the concept table), German cuts a compound
	// the table lacks.
	if got := de.SplitCompound("Bevölkerungszahl", nil); len(got) != 2 || got[1].Stem != "zahl" {
		t.Errorf("SplitCompound(Bevölkerungszahl, concept table) = %v, want bevölkerung|zahl", got)
	}
}

func FuzzSplitCompound(f *testing.F) {
	r := mustLoad(f)
	de := mustGet(f, r, "de")
	for _, s := range []string{"Bevölkerungszahl", "Fußballspieler", "ẞtraße", "İstanbulzahl", "\xff\xfezahl"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		prev := 0
		for _, p := range de.SplitCompound(word, nil) {
			if p.Start != prev || p.End <= p.Start || p.End > len(word) || p.Stem == "" {
				t.Fatalf("SplitCompound(%q): bad part %+v after %d", word, p, prev)
			}
			prev = p.End
		}
		if prev != 0 && prev != len(word) {
			t.Fatalf("SplitCompound(%q): parts end at %d of %d", word, prev, len(word))
		}
	})
}

// TestCompoundingLanguages: the languages whose meta.json lists joining
// letters cut compounds, the others never. (Swedish and Norwegian write
// compounds as one word too, but their links cost their questions over the
// English seed article and gained nothing within the language on the real
// data's dev split: they have none.)
func TestCompoundingLanguages(t *testing.T) {
	r := mustLoad(t)
	for _, tc := range []struct {
		code string
		want bool
		word string
		lex  []string
		head string // the last part's word, "" for no cut
	}{
		{"de", true, "Bevölkerungszahl", []string{"bevölkerung", "zahl"}, "zahl"},
		{"de", true, "Einwohnerzahl", []string{"einwohner", "zahl"}, "zahl"},
		{"nb", false, "barnehage", []string{"barn", "hage"}, ""},
		{"en", false, "bookshelf", []string{"book", "shelf"}, ""},
		{"es", false, "bocacalle", []string{"boca", "calle"}, ""},
	} {
		l := mustGet(t, r, tc.code)
		if l.Compounds() != tc.want {
			t.Errorf("%s: Compounds() = %v, want %v", tc.code, l.Compounds(), tc.want)
		}
		lex := map[string]bool{}
		for _, w := range tc.lex {
			lex[Fold(l.Stem(w))] = true
		}
		parts := l.SplitCompound(tc.word, func(st string) bool { return lex[st] })
		switch {
		case tc.head == "" && parts != nil:
			t.Errorf("%s: SplitCompound(%q) = %v, want nil", tc.code, tc.word, parts)
		case tc.head != "" && (len(parts) != 2 || parts[1].Stem != Fold(l.Stem(tc.head))):
			t.Errorf("%s: SplitCompound(%q) = %v, want two parts ending in %q", tc.code, tc.word, parts, tc.head)
		}
	}
}
