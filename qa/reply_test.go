package qa_test

import (
	"context"
	"strings"
	"testing"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// TestAskReplyLanguage checks Question.Reply: the question is read in its
// own language and only the reply (the short answer, yes and no, dates)
// is in the chosen one.
func TestAskReplyLanguage(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	e := mustEngine(t, map[string]string{"treaty.txt": invented})
	e2, err := qa.New(e.Corpus(), qa.Options{Languages: reg, Detector: lang.NewDetector(reg)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		question, reply string
		want            string // the short answer, exactly
		quote           string // substring of the quoted sentence
	}{
		{"when did the talks begin?", "fr", "2011", "The talks began in 2011"},
		{"when did they sign the treaty?", "fr", "mercredi 3 mars 2021", "signed a treaty"},
		{"when did they sign the treaty?", "de", "Mittwoch, 3. März 2021", "signed a treaty"},
		{"did the first attempt at a deal fail?", "fr", "oui", "A first attempt"},
		{"did the first attempt at a deal fail?", "sv", "ja", "A first attempt"},
		{"quand les négociations ont-elles commencé ?", "en", "2011", "The talks began in 2011"},
	}
	for _, tt := range tests {
		a, err := e2.Ask(context.Background(), qa.Question{Text: tt.question, Reply: tt.reply})
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || !strings.EqualFold(a.Text, tt.want) || !strings.Contains(a.Quote.Text, tt.quote) || a.Lang != tt.reply {
			t.Errorf("Ask(%q, Reply %q) = %q (lang %q, answered %v) from %q; want %q from a sentence with %q",
				tt.question, tt.reply, a.Text, a.Lang, a.Answered, a.Quote.Text, tt.want, tt.quote)
		}
	}
	// Lang, unlike Reply, also reads the question in that language: an
	// English question read as French loses its question word.
	a, err := e2.Ask(context.Background(), qa.Question{Text: "when did the talks begin?", Reply: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := e2.Ask(context.Background(), qa.Question{Text: "when did the talks begin?", Lang: "fr"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != qa.KindWhen || b.Kind == qa.KindWhen {
		t.Errorf("kind with Reply fr = %q, with Lang fr = %q; want when, and not when", a.Kind, b.Kind)
	}
}
