package timex_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/corpus/timex"
)

var update = flag.Bool("update", false, "update golden files")

// goldenArticles are the four test articles, with the strings that date
// each page (what corpus.Clean would hand over as caption, dateline or
// "Issued on" line).
var goldenArticles = []struct {
	name    string
	path    string
	anchors []string
}{
	{
		name:    "seed",
		path:    "../../seeds/000_3025b2289f4c8319.txt",
		anchors: []string{"Albanian Prime Minister Edi Rama, June 23, 2022 in Brussels."},
	},
	{
		name:    "marvento-port-strike",
		path:    "../../testdata/articles/marvento-port-strike.txt",
		anchors: []string{"Issued on: 07/11/2024 - 18:25Modified: 07/11/2024 - 18:31", "Striking dockworkers gather outside the main gate of the container terminal in Marvento, eastern Italy, on November 6, 2024."},
	},
	{
		name:    "alvorinha-wildfire",
		path:    "../../testdata/articles/alvorinha-wildfire.txt",
		anchors: []string{"Updated 9:48 PM GMT+1, August 12, 2025", "Firefighters try to stop a wildfire from reaching houses in Alvorinha, central Portugal, Tuesday, Aug. 12, 2025."},
	},
	{
		name:    "glacis-3-launch",
		path:    "../../testdata/articles/glacis-3-launch.txt",
		anchors: []string{"Image caption, The Vantor-2 rocket lifted off from the Kolvik launch centre in northern Norway on 18 September 2023"},
	},
}

// blocks splits a raw page into blank-line separated blocks, each block's
// lines joined with spaces.
func blocks(raw string) []string {
	var out, cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, ln := range strings.Split(raw, "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" {
			flush()
			continue
		}
		cur = append(cur, ln)
	}
	flush()
	return out
}

func mustLanguages(tb testing.TB) map[string]*timex.Language {
	tb.Helper()
	langs, err := loadLangs()
	if err != nil {
		tb.Fatalf("LoadLanguages: %v", err)
	}
	return langs
}

func renderDoc(l *timex.Language, doc timex.Doc, sentences []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# ref: %s (%s) from %s\n", doc.Ref.Date.Format("2006-01-02"), doc.Ref.Precision, doc.RefReason)
	order := map[timex.DateOrder]string{timex.OrderAuto: "auto", timex.DayFirst: "day first", timex.MonthFirst: "month first"}[doc.Order]
	fmt.Fprintf(&b, "# numeric dates: %s\n", order)
	fmt.Fprintf(&b, "# sentence | text | value | precision | kind | mod | label | reason\n")
	for i, exprs := range doc.Sentences {
		for _, e := range exprs {
			mod := string(e.Mod)
			if mod == "" {
				mod = "-"
			}
			fmt.Fprintf(&b, "s%d | %s | %s | %s | %s | %s | %s | %s\n", i, e.Text, e.Value, e.Precision, e.Kind, mod, l.Format(e), e.Reason)
			if e.Text != sentences[i][e.Start:e.End] {
				fmt.Fprintf(&b, "!! offsets %d:%d do not give the text\n", e.Start, e.End)
			}
		}
	}
	return b.String()
}

func TestDocumentGolden(t *testing.T) {
	langs := mustLanguages(t)
	r := &timex.Resolver{Lang: langs["en"]}
	for _, a := range goldenArticles {
		t.Run(a.name, func(t *testing.T) {
			raw, err := os.ReadFile(a.path)
			if err != nil {
				t.Fatalf("read article: %v", err)
			}
			sentences := blocks(string(raw))
			got := renderDoc(r.Lang, r.Document(a.anchors, sentences), sentences)
			golden := filepath.Join("testdata", a.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatalf("write golden: %v", err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden (run with -update to create): %v", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("Document(%s) mismatch (-want +got):\n%s", a.name, diff)
			}
		})
	}
}

// TestDocumentArenaReuse resolves the golden articles again in the other
// order, a long article after a short one and back: Document reuses the
// arrays of a finished document's parsers, and what a finished document
// left in them must not reach the next one.
func TestDocumentArenaReuse(t *testing.T) {
	langs := mustLanguages(t)
	r := &timex.Resolver{Lang: langs["en"]}
	type article struct {
		anchors, sentences []string
	}
	var arts []article
	for _, a := range goldenArticles {
		raw, err := os.ReadFile(a.path)
		if err != nil {
			t.Fatalf("read article: %v", err)
		}
		arts = append(arts, article{a.anchors, blocks(string(raw))})
	}
	if len(arts) < 2 {
		t.Fatalf("want at least two golden articles, have %d", len(arts))
	}
	first := make([]string, len(arts))
	for i, a := range arts {
		first[i] = renderDoc(r.Lang, r.Document(a.anchors, a.sentences), a.sentences)
	}
	for round := 0; round < 2; round++ {
		for i := len(arts) - 1; i >= 0; i-- {
			a := arts[i]
			got := renderDoc(r.Lang, r.Document(a.anchors, a.sentences), a.sentences)
			if diff := cmp.Diff(first[i], got); diff != "" {
				t.Fatalf("article %d resolved again (round %d) differs (-first +again):\n%s", i, round, diff)
			}
		}
	}
}
