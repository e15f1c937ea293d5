package timeline_test

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/seeds"
	"github.com/qabot/qabot/timeline"
)

var update = flag.Bool("update", false, "rewrite the golden timelines in testdata/")

// data is the language data, loaded once for all tests.
var data = sync.OnceValues(func() (*lang.Registry, map[string]*timex.Language) {
	langs, err := lang.Load(lang.Data)
	if err != nil {
		panic(fmt.Sprintf("lang.Load: %v", err))
	}
	times, err := timex.LoadLanguages(lang.Data)
	if err != nil {
		panic(fmt.Sprintf("timex.LoadLanguages: %v", err))
	}
	return langs, times
})

// mustLoad parses the articles of fsys the way production does (qa.Load):
// an English parser set up with the language's words and time words.
func mustLoad(t testing.TB, fsys fs.FS) *corpus.Corpus {
	t.Helper()
	return mustLoadWith(t, fsys, nil)
}

// mustLoadWith is mustLoad with the parser's DateFinder wrapped by wrap.
func mustLoadWith(t testing.TB, fsys fs.FS, wrap func(corpus.DateFinder) corpus.DateFinder) *corpus.Corpus {
	t.Helper()
	langs, times := data()
	en, _ := langs.Get("en")
	p, err := corpus.NewParser()
	if err != nil {
		t.Fatalf("NewParser: %v", err)
	}
	p.UseLanguage(en, times["en"])
	if wrap != nil {
		p.Facts.Dates = wrap(p.Facts.Dates)
	}
	c, err := corpus.Load(fsys, p)
	if err != nil {
		t.Fatalf("corpus.Load: %v", err)
	}
	return c
}

// oneArticle serves one file of a folder as a corpus of its own.
func oneArticle(t testing.TB, fsys fs.FS, name string) fs.FS {
	t.Helper()
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return fstest.MapFS{name: {Data: raw}}
}

// render writes a timeline one event a line, with its English label, so
// that a person can check it against the article.
func render(c *corpus.Corpus, events []timeline.Event) string {
	var b strings.Builder
	for _, a := range c.Articles {
		fmt.Fprintf(&b, "# %s: reference %s (%s)\n", a.ID, a.Reference.Date.Format("2006-01-02"), a.ReferenceReason)
	}
	b.WriteString("# date | precision | kind | mod | label | where | text | reason\n#   quote\n")
	for _, e := range events {
		mod := string(e.Mod)
		if mod == "" {
			mod = "-"
		}
		fmt.Fprintf(&b, "%s | %s | %s | %s | %s | p%d s%d | %s | %s\n    %s\n",
			e.Date, e.Precision, e.Kind, mod, e.Label, e.Paragraph+1, e.Sentence, e.Text, e.Reason, e.Quote)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		dir  string // folder of the article; "" for the embedded seed
		note string // what a reader of the golden file should know
	}{
		{"seed", "", "the heading \"Four Iranian diplomats expelled since 2018\" is not a sentence, so not an event"},
		{"alvorinha-wildfire", "../testdata/articles", ""},
		{"glacis-3-launch", "../testdata/articles", ""},
		{"marvento-port-strike", "../testdata/articles", ""},
		{"larsvik-ferry", "testdata", "an article no one tuned on; the hand-made expected events are in larsvik-ferry.expected.tsv (TestUnseenArticle)"},
	}
	langs, times := data()
	en, _ := langs.Get("en")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fsys fs.FS = seeds.FS
			if tt.dir != "" {
				fsys = oneArticle(t, os.DirFS(tt.dir), tt.name+".txt")
			}
			c := mustLoad(t, fsys)
			events := timeline.Localize(timeline.Build(c), times["en"], en)
			for _, e := range events {
				// Every placed date reads back as the interval it stands for.
				b, end, err := timeline.ParseDate(e.Date)
				if e.Placed() && e.Mod == timex.ModNone && (err != nil || !b.Equal(e.Begin) || !end.Equal(e.End)) {
					t.Errorf("ParseDate(%q) = %v, %v, %v; want the event's [%v, %v)", e.Date, b, end, err, e.Begin, e.End)
				}
			}
			got := render(c, events)
			if tt.note != "" {
				got = "# note: " + tt.note + "\n" + got
			}
			path := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./timeline -update)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("timeline of %s differs from %s (-want +got):\n%s", tt.name, path, diff)
			}
		})
	}
}
