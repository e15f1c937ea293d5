package qa

import (
	"slices"
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

// TestStopWordsAreNoNames: a stop word of the question's language is no
// name of an article in another language that happens to write it ("the"
// of an English title quoted in a German article, Spanish "el" of "El
// Paso"), unless the question writes it in capitals ("US").
func TestStopWordsAreNoNames(t *testing.T) {
	reg := testRegistry(t)
	for _, tc := range []struct {
		articleLang, article string
		lang, question       string
		group                string // the question word
		want                 bool   // read as a group of its own
	}{
		{"de", "Gedichte\n\nDer Dichter schrieb 1819 das Gedicht The Mask of Anarchy. Die Truppen der US landeten in der Normandie.\n",
			"en", "What did the poet write in 1819?", "the", false},
		{"en", "Cities\n\nThe city of El Paso lies on the river. The mayor spoke in 1990.\n",
			"es", "¿Dónde está el río?", "el", false},
		{"de", "Gedichte\n\nDer Dichter schrieb 1819 das Gedicht The Mask of Anarchy. Die Truppen der US landeten in der Normandie.\n",
			"en", "Where did the troops of the US land?", "US", true},
	} {
		e := articleEngine(t, reg, tc.articleLang, tc.article)
		l, _ := reg.Get(tc.lang)
		surfaces, _ := groupsOf(e.parse(tc.question, l))
		if got := slices.Contains(surfaces, tc.group); got != tc.want {
			t.Errorf("%s over %s %q: group %q is there: %v, want %v (groups %q)", tc.lang, tc.articleLang, tc.question, tc.group, got, tc.want, surfaces)
		}
	}
}
