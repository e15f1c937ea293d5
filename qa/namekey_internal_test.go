package qa

import (
	"testing"
)

// TestNearNames: a capitalised question word nothing else knows finds the
// article's name spelt nearly as it is across languages and scripts;
// other words do not.
func TestNearNames(t *testing.T) {
	reg := testRegistry(t)
	article := "Reformers\n\nMartin Luther wrote hymns in Wittenberg. Joseph Priestley found oxygen in 1774. Dudley was a port.\n"
	e := articleEngine(t, reg, "en", article)
	en := e.analyzers["en"]
	for _, tc := range []struct {
		lang, question, name string
		want                 bool
	}{
		{"es", "¿Qué escribió Lutero?", "Luther", true},      // lutero / luther: the same key
		{"ru", "Что открыл Пристли?", "Priestley", true},     // pristl / priestl: one edit
		{"ru", "Какие гимны писал Лютера?", "Luther", true},  // liuter / luter
		{"ru", "Какие гимны писал лютера?", "Luther", false}, // not capitalised
		{"de", "Wo liegt Dublin?", "Dudley", false},          // dublin / dudl: too far
	} {
		l, _ := reg.Get(tc.lang)
		_, stems := groupsOf(e.parse(tc.question, l))
		if got := stems[en.stem(tc.name)]; got != tc.want {
			t.Errorf("%s %q: %s offered %v, want %v (%v)", tc.lang, tc.question, tc.name, got, tc.want, stems)
		}
	}
}

// TestNearNamesNotWords: a word of the question's language is matched to a
// name only by its exact key, never one edit away: "Seven" is not
// "Северной".
func TestNearNamesNotWords(t *testing.T) {
	reg := testRegistry(t)
	article := "Война\n\nБоевые действия в Северной Америке шли девять лет.\n"
	e := articleEngine(t, reg, "ru", article)
	l, _ := reg.Get("en")
	_, stems := groupsOf(e.parse("How long was the Seven Years War?", l))
	if st := e.analyzers["ru"].stem("Северной"); stems[st] {
		t.Errorf("Seven offers %s: %v", st, stems)
	}
}
