package library_test

import (
	"os"
	"strings"
	"testing"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/library"
)

// TestArticlesReadInTheirLanguage adds a French and a Russian page to one
// scope: each is stored with the language the extractor found, and the
// scope's engine reads each in it (its stop words, stems and facts), as
// the CLI's --corpus does, so questions in either language, and in
// English, find their sentences. A citation names the language its
// article was read in.
func TestArticlesReadInTheirLanguage(t *testing.T) {
	e := newLibrary(t, "", library.Options{})
	for _, page := range []string{"fr-greve-tram", "ru-metro-stantsiya"} {
		r := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/" + page, Admin: true, By: "1", ByName: "mod"})
		if r.Manage == nil || len(r.Manage.Articles) != 1 {
			t.Fatalf("add %s: %+v", page, r)
		}
	}
	list := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleList})
	var langs []string
	for _, a := range list.Manage.Articles {
		langs = append(langs, a.Lang)
	}
	if strings.Join(langs, ",") != "fr,ru" {
		t.Errorf("stored languages = %v, want fr,ru", langs)
	}
	tests := []struct {
		lang, q, quote, articleLang string
	}{
		{"fr", "les salaires vont augmenter de combien ?", "hausse des salaires de 3,5 %", "fr"},
		{"ru", "сколько стоило строительство станции?", "9,6 миллиарда рублей", "ru"},
		{"en", "how many passengers a day will use the new metro station?", "35 тысяч пассажиров", "ru"},
	}
	for _, tt := range tests {
		r, err := e.lib.Handle(t.Context(), command.Query{Command: command.Ask, Text: tt.q, Scope: guild, Lang: tt.lang})
		if err != nil || r.Answer == nil {
			t.Fatalf("ask %q: %v %+v", tt.q, err, r)
		}
		a := r.Answer
		if !a.Answered || !strings.Contains(a.Quote.Text, tt.quote) || a.Quote.Lang != tt.articleLang {
			t.Errorf("ask %q: answered %v, quote %q read in %q; want the sentence with %q read in %q", tt.q, a.Answered, a.Quote.Text, a.Quote.Lang, tt.quote, tt.articleLang)
		}
	}
}

// TestTextFileCleanedInItsLanguage adds a French news page as a .txt
// file: it is cleaned with the French page furniture, as a --corpus folder
// cleans it, so "Publicité", "Lire aussi" and the related headline after
// it are not taken for section headings of the story.
func TestTextFileCleanedInItsLanguage(t *testing.T) {
	e := newLibrary(t, "", library.Options{})
	raw, err := os.ReadFile("../testdata/langarticles/vernaz-glissement.txt")
	if err != nil {
		t.Fatal(err)
	}
	r := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleAdd, Admin: true, By: "1", ByName: "mod",
		File: &command.File{Name: "vernaz.txt", ContentType: "text/plain; charset=utf-8", Data: raw}})
	if r.Manage == nil || len(r.Manage.Articles) != 1 {
		t.Fatalf("add: %+v", r)
	}
	a, err := e.db.Article(t.Context(), guild, r.Manage.Articles[0].Number)
	if err != nil {
		t.Fatal(err)
	}
	if a.Lang != "fr" {
		t.Errorf("stored language %q, want fr", a.Lang)
	}
	furniture := []string{"Publicité", "Lire aussi", "Dans les Alpes, le dégel du permafrost fragilise les sommets", "Newsletter quotidienne"}
	sections := map[string]bool{}
	for _, p := range a.Paragraphs {
		sections[p.Section] = true
		for _, f := range furniture {
			if p.Text == f {
				t.Errorf("furniture %q kept as a paragraph", f)
			}
		}
	}
	for _, f := range furniture {
		if sections[f] {
			t.Errorf("furniture %q taken for a section heading", f)
		}
	}
	if !sections["Une vallée coupée du monde"] {
		t.Errorf("sections %v lack the page's heading %q", sections, "Une vallée coupée du monde")
	}
}
