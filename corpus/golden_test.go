package corpus_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenArticles are the pages whose cleaning, segmentation and facts were
// reviewed by eye once; the golden files pin that review.
var goldenArticles = []string{
	"../seeds/000_3025b2289f4c8319.txt",
	"../testdata/articles/alvorinha-wildfire.txt",
	"../testdata/articles/glacis-3-launch.txt",
	"../testdata/articles/marvento-port-strike.txt",
}

func TestGolden(t *testing.T) {
	p := mustLanguageParser(t)
	for _, path := range goldenArticles {
		id := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(id, func(t *testing.T) {
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a, err := p.Parse(id, raw)
			if err != nil {
				t.Fatalf("Parse(%s): %v", id, err)
			}
			checkGolden(t, filepath.Join("testdata", id+".sentences.golden"), renderSentences(a))
			checkGolden(t, filepath.Join("testdata", id+".facts.golden"), renderFacts(a))
		})
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./corpus -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func renderSentences(a *corpus.Article) string {
	var b strings.Builder
	m := a.Meta
	fmt.Fprintf(&b, "title: %s\ncaption: %s\ncredit: %s\nbyline: %s\nsource: %s\ndateline: %s\npublished: %s\n",
		a.Title, m.Caption, m.Credit, m.Byline, m.Source, m.Dateline, m.Published)
	fmt.Fprintf(&b, "headings: %q\ntags: %q\nrelated: %q\n\n", m.Headings, m.Tags, m.Related)
	for _, s := range a.Sentences {
		fmt.Fprintf(&b, "[%d] p%d %q\n    %s\n", s.Index, s.Paragraph, s.Section, s.Text)
	}
	return b.String()
}

func renderFacts(a *corpus.Article) string {
	var b strings.Builder
	kinds := []string{"other", "person", "place", "org"}
	fmt.Fprintf(&b, "acronyms: %v\nreference: %s %s (%s)\n", a.Acronyms, a.Reference.Date.Format("2006-01-02"), a.Reference.Precision, a.ReferenceReason)
	for _, s := range a.Sentences {
		fmt.Fprintf(&b, "[%d]", s.Index)
		for _, d := range s.Facts.Dates {
			fmt.Fprintf(&b, " date=%q(%s %s %s)", d.Text, d.Value, d.Precision, d.Kind)
		}
		for _, n := range s.Facts.Numbers {
			fmt.Fprintf(&b, " number=%q(%g %s)", n.Text, n.Value, n.Unit)
		}
		for _, n := range s.Facts.Names {
			fmt.Fprintf(&b, " %s=%q", kinds[n.Kind], n.Text)
		}
		if q := s.Facts.Quote; q != nil {
			fmt.Fprintf(&b, " quote=%s(%q->%q)", q.Verb, q.Speaker, q.Resolved)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// mustLanguageParser returns a parser set up with English data, as the
// engine uses it.
func mustLanguageParser(t testing.TB) *corpus.Parser {
	t.Helper()
	p := mustParser(t)
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	times, err := timex.LoadLanguages(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	en, _ := reg.Get("en")
	p.UseLanguage(en, times["en"])
	return p
}

func mustParser(t testing.TB) *corpus.Parser {
	t.Helper()
	p, err := corpus.NewParser()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestSpansInBounds checks the invariants every consumer relies on: each
// sentence is its slice of the article text and each fact its slice of the
// sentence.
func TestSpansInBounds(t *testing.T) {
	p := mustParser(t)
	for _, path := range goldenArticles {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := p.Parse(path, raw)
		if err != nil {
			t.Fatal(err)
		}
		checkArticle(t, a)
	}
}

func checkArticle(t *testing.T, a *corpus.Article) {
	t.Helper()
	for i, s := range a.Sentences {
		if s.Index != i {
			t.Errorf("sentence %d has Index %d", i, s.Index)
		}
		if s.Start < 0 || s.End > len(a.Text) || s.Start > s.End || a.Text[s.Start:s.End] != s.Text {
			t.Fatalf("sentence %d: offsets [%d,%d) do not give its text %q", i, s.Start, s.End, s.Text)
		}
		spans := []corpus.Span{}
		for _, d := range s.Facts.Dates {
			spans = append(spans, corpus.Span{Text: d.Text, Start: d.Start, End: d.End})
		}
		for _, n := range s.Facts.Numbers {
			spans = append(spans, n.Span)
		}
		for _, n := range s.Facts.Names {
			spans = append(spans, n.Span)
		}
		for _, sp := range spans {
			if sp.Start < 0 || sp.End > len(s.Text) || sp.Start > sp.End || s.Text[sp.Start:sp.End] != sp.Text {
				t.Errorf("sentence %d: span %+v is not its slice of %q", i, sp, s.Text)
			}
		}
	}
	for i, p := range a.Paragraphs {
		if p.Start < 0 || p.End > len(a.Text) || p.Start > p.End {
			t.Errorf("paragraph %d: bad offsets [%d,%d)", i, p.Start, p.End)
		}
	}
}
