package qa_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// invented paragraphs, one article each, for engines built per article.
var paragraphs = []struct{ title, text, question, quote string }{
	{"Vltava treaty", "Borduria and Syldavia signed a treaty on the Vltava river in 2021. The talks began in 2011 in Geneva.", "when did the talks begin?", "talks began in 2011"},
	{"Klow harbour", "The harbour of Klow opened in 1887. Harbour chief Olaf Brenn took office in 2019.", "who is the harbour chief?", "Olaf Brenn"},
	{"Tarnow farms", "Around 12,000 farmers live near Tarnow. Their wheat is sold in Klow.", "how many farmers live near tarnow?", "12,000 farmers"},
	{"Orvik dock", "The grain barges sail from the Orvik loading dock. The dock was built by the Borduria Farm Fund.", "who built the dock?", "Borduria Farm Fund"},
}

func paragraphCorpus(t testing.TB, r *qa.Resources, title, text string) *corpus.Corpus {
	t.Helper()
	p, err := r.Parser()
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Parse(title, []byte(title+"\n\n"+text+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	return &corpus.Corpus{Articles: []*corpus.Article{a}}
}

// TestResourcesEngine checks that engines built from shared resources
// answer as qa.New's do, and that building and asking them concurrently
// is safe (run with -race: the analyzers' memos must not be written by two
// engines at once).
func TestResourcesEngine(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := qa.NewResources(qa.Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	want := make([]qa.Answer, len(paragraphs))
	for i, p := range paragraphs {
		e, err := qa.New(paragraphCorpus(t, r, p.title, p.text), qa.Options{Languages: reg})
		if err != nil {
			t.Fatal(err)
		}
		if want[i], err = e.Ask(ctx, qa.Question{Text: p.question}); err != nil {
			t.Fatal(err)
		}
		if !want[i].Answered || !strings.Contains(want[i].Quote.Text, p.quote) {
			t.Fatalf("qa.New: Ask(%q) = %+v, want a quote with %q", p.question, want[i], p.quote)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 4*len(paragraphs))
	for round := range 4 {
		for i, p := range paragraphs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				e, err := r.Engine(paragraphCorpus(t, r, p.title, p.text))
				if err != nil {
					errs <- err
					return
				}
				// Another language too: its translation table is built
				// once, on first use, by whichever engine asks first.
				if _, err := e.Ask(ctx, qa.Question{Text: "quand les négociations ont-elles commencé ?", Lang: "fr"}); err != nil {
					errs <- err
					return
				}
				got, err := e.Ask(ctx, qa.Question{Text: p.question})
				if err != nil {
					errs <- err
					return
				}
				if got.Answered != want[i].Answered || got.Quote != want[i].Quote || got.Text != want[i].Text {
					errs <- fmt.Errorf("round %d: Resources.Engine: Ask(%q) = %q / %q, qa.New answered %q / %q",
						round, p.question, got.Text, got.Quote.Text, want[i].Text, want[i].Quote.Text)
				}
			}()
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestResourcesLoad(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	r, err := qa.NewResources(qa.Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"treaty.txt": &fstest.MapFile{Data: []byte(invented)}}
	e, err := r.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Ask(context.Background(), qa.Question{Text: "when did the talks begin?"})
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || a.Text != "2011" {
		t.Errorf("Ask = %q (answered %v), want 2011", a.Text, a.Answered)
	}
	if _, err := r.Engine(&corpus.Corpus{}); err == nil {
		t.Error("Engine over an empty corpus: no error")
	}
	if _, err := qa.NewResources(qa.Options{}); err == nil {
		t.Error("NewResources without languages: no error")
	}
	if _, err := qa.NewResources(qa.Options{Languages: reg, ArticleLang: "xx"}); err == nil {
		t.Error("NewResources with an unknown article language: no error")
	}
}

// TestArticleLanguageSynonyms: articles in a language without a synonym
// file of its own find the synonyms its concepts give within it, as they
// do beside articles of another language.
func TestArticleLanguageSynonyms(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ lang, question, other, sentence string }{
		{"ru", "Какая болезнь поразила город?", "Пожар поразил город Псков в 1655 году.", "Заболевание поразило город Тверь в 1654 году."},
		{"es", "¿Qué enfermedad afectó a la ciudad?", "Un incendio afectó a la ciudad de Ávila en 1655.", "Una dolencia afectó a la ciudad de Soria en 1654."},
	}
	for _, tt := range tests {
		page := "Title\n\n" + tt.other + "\n\n" + tt.sentence + "\n"
		r, err := qa.NewResources(qa.Options{Languages: reg, ArticleLang: tt.lang})
		if err != nil {
			t.Fatal(err)
		}
		p, err := r.Parser()
		if err != nil {
			t.Fatal(err)
		}
		a, err := p.Parse("page", []byte(page))
		if err != nil {
			t.Fatal(err)
		}
		e, err := r.Engine(&corpus.Corpus{Articles: []*corpus.Article{a}})
		if err != nil {
			t.Fatal(err)
		}
		ins, err := e.Inspect(context.Background(), qa.Question{Text: tt.question, Lang: tt.lang}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(ins.Candidates) == 0 || ins.Candidates[0].Quote.Text != tt.sentence {
			t.Errorf("%s: %q: first candidate %v, want %q", tt.lang, tt.question, ins.Candidates, tt.sentence)
		}
	}
}
