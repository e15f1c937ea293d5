package gencorpus_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/internal/gencorpus"
)

func TestGenerate(t *testing.T) {
	c := gencorpus.Generate(200, 7, 2)
	if diff := cmp.Diff(c, gencorpus.Generate(200, 7, 2)); diff != "" {
		t.Fatalf("Generate is not deterministic:\n%s", diff)
	}
	if len(c.Articles) != 200 {
		t.Fatalf("%d articles, want 200", len(c.Articles))
	}
	langs := map[string]int{}
	texts := map[string]bool{}
	for _, a := range c.Articles {
		langs[a.Lang]++
		if texts[a.Text] {
			t.Errorf("article %s is a copy of another", a.Name)
		}
		texts[a.Text] = true
	}
	for _, code := range []string{"en", "fr", "de", "es"} {
		if langs[code] == 0 {
			t.Errorf("no %s article among 200: %v", code, langs)
		}
	}
	if langs["en"] < 100 {
		t.Errorf("%d English articles of 200, want most", langs["en"])
	}
	byName := map[string]string{}
	for _, a := range c.Articles {
		byName[a.Name] = a.Text
	}
	if len(c.Questions) < 200 {
		t.Errorf("%d questions, want two about most articles", len(c.Questions))
	}
	for _, q := range c.Questions {
		if !strings.Contains(byName[q.Article], q.Gold) {
			t.Errorf("question %q: gold %q is not in %s", q.Text, q.Gold, q.Article)
		}
	}
}

// TestGeneratedArticlesParse checks the pages read as news pages: a title
// and about 24 sentences each, so that 1,000 articles are some 24,000
// sentences.
func TestGeneratedArticlesParse(t *testing.T) {
	p, err := corpus.NewParser()
	if err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Load(gencorpus.Generate(50, 1, 2).FS(), p)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Sentences(); got < 50*22 || got > 50*26 {
		t.Errorf("50 articles have %d sentences, want about %d", got, 50*24)
	}
}

// TestFirstGrows checks First's corpora begin with the smaller ones, so
// that a benchmark asks the same questions at every size.
func TestFirstGrows(t *testing.T) {
	small, large := gencorpus.First(10, 6, 2), gencorpus.First(50, 6, 2)
	if diff := cmp.Diff(small.Articles, large.Articles[:len(small.Articles)]); diff != "" {
		t.Errorf("First(50) does not begin with First(10)'s articles:\n%s", diff)
	}
	if diff := cmp.Diff(small.Questions, large.Questions[:len(small.Questions)]); diff != "" {
		t.Errorf("First(50) does not begin with First(10)'s questions:\n%s", diff)
	}
	if g := gencorpus.Generate(10, 6, 2); cmp.Equal(g.Articles[0], gencorpus.Generate(50, 6, 2).Articles[0]) {
		t.Error("Generate(10) and Generate(50) begin with the same article: the size no longer seeds Generate")
	}
}
