package qa_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// Two invented pages in two languages, served as one corpus.
const (
	frenchMill = `Les ouvriers de la papeterie de Vaudrecourt reconduisent la grève

Publié le : 14/03/2024 - 17:20

Les ouvriers de la papeterie de Vaudrecourt ont reconduit la grève jeudi, au quatrième jour du mouvement.

Selon le syndicat, 640 ouvriers sur 900 ont cessé le travail depuis lundi.

La direction propose une prime de 1 500 euros, que les grévistes jugent insuffisante.

« Nous voulons des embauches, pas une prime », a déclaré Anaïs Perrot, secrétaire du syndicat.

Une réunion avec le préfet est prévue mardi à Vaudrecourt.
`
	englishFerry = `Ferry crews at Holmsund vote to end their walkout

Published 14 March 2024

Ferry crews at the port of Holmsund voted on Thursday to end a three-day walkout over rosters.

About 120 crew members had refused to sail since Monday, the operator said.

The first ferry is expected to leave for Brask on Friday morning.
`
)

func mustMixedEngine(t *testing.T) *qa.Engine {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"papeterie.txt": {Data: []byte(frenchMill)},
		"ferry.txt":     {Data: []byte(englishFerry)},
	}
	e, err := qa.Load(fsys, qa.Options{Languages: reg, Detector: lang.NewDetector(reg)})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// A corpus may mix languages: each article is read and indexed in its
// own, and a question in any language reaches the sentence of either.
func TestMixedLanguageCorpus(t *testing.T) {
	e := mustMixedEngine(t)
	langs := map[string]string{}
	for _, a := range e.Corpus().Articles {
		langs[a.ID] = a.Lang
	}
	if langs["papeterie"] != "fr" || langs["ferry"] != "en" {
		t.Fatalf("article languages = %v, want papeterie fr and ferry en", langs)
	}
	tests := []struct {
		question, article, quote string
	}{
		{"combien d'ouvriers ont cessé le travail ?", "papeterie", "640 ouvriers"},
		{"quelle prime propose la direction ?", "papeterie", "prime de 1 500 euros"},
		{"how many workers stopped work?", "papeterie", "640 ouvriers"},
		{"how many crew members refused to sail?", "ferry", "About 120 crew members"},
		{"when does the first ferry leave?", "ferry", "first ferry"},
		{"quand le premier ferry part-il ?", "ferry", "first ferry"},
	}
	for _, tt := range tests {
		a, err := e.Ask(context.Background(), qa.Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		c := a.Quote
		if !a.Answered && len(a.Suggestions) > 0 {
			c = a.Suggestions[0] // the right sentence first is what this test is about
		}
		if c.ArticleID != tt.article || !strings.Contains(c.Text, tt.quote) {
			t.Errorf("Ask(%q) quotes %s: %q; want %s: %q", tt.question, c.ArticleID, c.Text, tt.article, tt.quote)
		}
		if want := langs[tt.article]; c.ArticleID == tt.article && c.Lang != want {
			t.Errorf("Ask(%q): citation language %q, want %q", tt.question, c.Lang, want)
		}
	}
}
