package corpus_test

import (
	"errors"
	"testing"

	"github.com/qabot/qabot/corpus"
)

// A page read out of HTML (or a database) keeps its paragraphs and
// sections, and is read in its declared or identified language.
func TestParseDocument(t *testing.T) {
	p := mustLanguagesParser(t)
	doc := corpus.Document{
		Title: "Grève du tramway : la circulation reprend jeudi",
		Paragraphs: []corpus.DocParagraph{
			{Text: "Après six jours de grève, les conducteurs du tramway reprendront le travail jeudi matin, a annoncé mardi la société des transports."},
			{Section: "Salaires", Text: "Un accord a été trouvé sur une hausse des salaires de 3,5 % et sur le recrutement de vingt-cinq conducteurs."},
		},
	}
	a, err := p.ParseDocument("a1", doc)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "a1" || a.Title != doc.Title || a.Lang != "fr" || len(a.Paragraphs) != 2 || len(a.Sentences) != 2 || a.Sentences[1].Section != "Salaires" {
		t.Errorf("ParseDocument = ID %q, title %q, lang %q, %d paragraphs, %d sentences", a.ID, a.Title, a.Lang, len(a.Paragraphs), len(a.Sentences))
	}
	doc.Lang = "de" // what the page declares wins over identification
	if a, err := p.ParseDocument("a1", doc); err != nil || a.Lang != "de" {
		t.Errorf("ParseDocument with Lang de: lang %q, %v", a.Lang, err)
	}
	if _, err := p.ParseDocument("empty", corpus.Document{Title: "x"}); !errors.Is(err, corpus.ErrNoText) {
		t.Errorf("ParseDocument without paragraphs: %v; want ErrNoText", err)
	}
}
