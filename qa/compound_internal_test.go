package qa

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
)

// TestCompoundQuestionWords reads a German compound that the translation
// has no entry for as the words it joins, each translated, and keeps it
// whole within German.
func TestCompoundQuestionWords(t *testing.T) {
	e := storeEngine(t)
	de, _ := e.langs.Get("de")
	en := e.analyzers["en"]
	q := e.parse("Wie hoch ist die Bevölkerungszahl?", de)
	var surfaces []string
	found := map[string]bool{}
	for _, g := range q.group {
		surfaces = append(surfaces, g.surface)
		for _, a := range g.alts {
			found[strings.Join(a.stems, " ")] = true
		}
	}
	if !slices.Contains(surfaces, "Bevölkerungs") || !slices.Contains(surfaces, "zahl") {
		t.Errorf("groups of the question: %q, want Bevölkerungs and zahl apart", surfaces)
	}
	for _, w := range []string{"population", "number"} {
		if !found[en.stem(w)] {
			t.Errorf("no group renders %q: %v", w, found)
		}
	}

	// A German article: the compound is a German word like any other.
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	article := "Die Stadt wächst\n\nDie Stadt hat eine Bevölkerung von 12.000 Menschen. Die Zahl der Häfen ist gering.\n"
	ge, err := Load(fstest.MapFS{"stadt.txt": {Data: []byte(article)}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	if ge.article.l.Code != "de" {
		t.Fatalf("article read as %s, want de", ge.article.l.Code)
	}
	q = ge.parse("Wie hoch ist die Bevölkerungszahl?", de)
	for _, g := range q.group {
		if g.surface == "Bevölkerungs" {
			t.Errorf("cut within German: %q", g.surface)
		}
	}
}
