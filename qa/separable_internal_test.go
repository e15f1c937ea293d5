package qa

import (
	"slices"
	"testing"
	"testing/fstest"
)

// TestJoinSeparable reads a German question that ends in a separable
// particle with the particle joined to its verb, for an English article,
// when the translation knows the joined verb; else as it is.
func TestJoinSeparable(t *testing.T) {
	e := storeEngine(t)
	de, _ := e.langs.Get("de")
	table := e.translation(de, e.article).get()
	for _, tc := range []struct {
		question string
		want     []string // stems of the question as read
	}{
		// The particle joins the verb; the particle is no word any more.
		{"Was lehnt die Kirche ab?", []string{"was", "ablehnt", "die", "kirch"}},
		{"Wer stellte den Fehler fest?", []string{"wer", "feststellt", "den", "fehl"}},
		// The verb is not a noun (capital) nor the question word, even
		// when the joined word exists ("Aufwand"), and not the first word
		// when a later one joins ("auftreten").
		{"Welcher Teil der Stadt trat zuerst auf?", []string{"welch", "teil", "der", "stadt", "auftrat", "zuerst"}},
		{"Wegen welcher Krankheit treten Fieber auf?", []string{"weg", "welch", "krankheit", "auftret", "fieb"}},
		// The noun a how-many phrase asks about is no verb, typed in
		// lower case or not ("abbauen" is a word too).
		{"wie viele bauern hängen vom fluss ab?", []string{"wie", "viel", "bau", "abhang", "vom", "fluss"}},
		// No particle at the end, or no joined word the tables know.
		{"Wann ist das Treffen?", []string{"wann", "ist", "das", "treff"}},
		{"Was gibt es bei?", []string{"was", "gibt", "es", "bei"}},
	} {
		w := e.readWords(tc.question, de)
		_, folded, stems := e.joinSeparable(de, e.article, table, w.phrases, w.toks, w.folded, w.stems)
		if !slices.Equal(stems, tc.want) || len(folded) != len(stems) {
			t.Errorf("%q read as %q (%d folded), want %q", tc.question, stems, len(folded), tc.want)
		}
	}

	// Within German the article writes the verb apart too: no join.
	reg := testRegistry(t)
	ge, err := Load(fstest.MapFS{"kirche.txt": {Data: []byte("Die Kirche\n\nDie Kirche lehnt den Plan ab. Sie sagt das seit Jahren.\n")}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	q := "Was lehnt die Kirche ab?"
	w := ge.readWords(q, de)
	if _, _, stems := ge.joinSeparable(de, ge.article, ge.synonymsOf(ge.article), w.phrases, w.toks, w.folded, w.stems); !slices.Equal(stems, w.stems) {
		t.Errorf("within German %q read as %q, want %q", q, stems, w.stems)
	}
}
