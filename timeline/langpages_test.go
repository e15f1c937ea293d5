package timeline_test

import (
	"io/fs"
	"os"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/timeline"
)

// TestPagesInTheirLanguage scores the timelines of the French, German and
// Russian news pages of testdata/langarticles, each read in its own
// language as the binary reads a --corpus folder, against the events
// listed by hand beside each page before its timeline was built: every
// listed event must be found with its date (issue 10: "their timelines
// complete").
func TestPagesInTheirLanguage(t *testing.T) {
	const dir = "../testdata/langarticles"
	for _, tt := range []struct{ page, lang string }{
		{"vernaz-glissement", "fr"},
		{"auerbrueck-bruecke", "de"},
		{"severogorsk-teplotrassa", "ru"},
	} {
		t.Run(tt.page, func(t *testing.T) {
			want := mustExpected(t, dir+"/"+tt.page+".expected.tsv")
			c := mustLoadLanguages(t, oneArticle(t, os.DirFS(dir), tt.page+".txt"))
			if got := c.Articles[0].Lang; got != tt.lang {
				t.Fatalf("%s read as %q, want %q", tt.page, got, tt.lang)
			}
			found := score(t, want, timeline.Build(c))
			if found < len(want) {
				t.Errorf("found %d of the %d hand-listed events with the right date", found, len(want))
			}
		})
	}
}

// mustLoadLanguages parses the articles of fsys each in its own language,
// as qa.Resources.Parser does for a --corpus folder.
func mustLoadLanguages(t testing.TB, fsys fs.FS) *corpus.Corpus {
	t.Helper()
	langs, times := data()
	p, err := corpus.NewParser()
	if err != nil {
		t.Fatalf("NewParser: %v", err)
	}
	p.UseLanguages(langs, times)
	p.Detector = lang.NewDetector(langs)
	c, err := corpus.Load(fsys, p)
	if err != nil {
		t.Fatalf("corpus.Load: %v", err)
	}
	return c
}
