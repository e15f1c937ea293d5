package timeline_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/timeline"
)

// expected is one hand-listed event of an article: words of its sentence
// and the date it should carry.
type expected struct {
	words, date, kind string
}

func mustExpected(t *testing.T, path string) []expected {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expected
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 3 {
			t.Fatalf("%s:%d: want words<TAB>date<TAB>kind, got %q", path, n, line)
		}
		out = append(out, expected{parts[0], parts[1], parts[2]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// minFound is the target of issue 4: on articles nobody tuned on, 90% of
// the dated events found with the right normalised date.
const minFound = 0.90

// pageDate is the date line of larsvik-ferry.txt, a bare Reuters-style
// "March 15, 2024 4:12 PM GMT+1" that the cleaner does not yet take for
// the page's date (it drops the line), so the article is read against a
// date found deep in its text instead.
const pageDate = "March 15, 2024 4:12 PM GMT+1"

// withPublished is a DateFinder that first gives the article the date line
// the cleaner missed: what the pipeline will do once the cleaner reads
// bare date lines.
type withPublished struct {
	corpus.DateFinder
	published string
}

func (w withPublished) FindDates(a *corpus.Article) ([][]timex.Expr, timex.Ref, string) {
	a.Meta.Published = w.published
	return w.DateFinder.FindDates(a)
}

// TestUnseenArticle scores the timeline of an article written after the
// extractor, against events listed by hand before its timeline was built:
// an expected event is found when an event of a sentence containing its
// words carries its date. Events the list lacks are logged, not scored.
//
// Two readings are scored, and both must meet the target. "as published"
// is the whole pipeline, which must find the page's date line and caption
// itself; "page date read" hands the article its date line, so a failure
// there is the extractor's and not the cleaner's.
func TestUnseenArticle(t *testing.T) {
	want := mustExpected(t, "testdata/larsvik-ferry.expected.tsv")
	tests := []struct {
		name      string
		published string
		min       float64
	}{
		{"as published", "", minFound},
		{"page date read", pageDate, minFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := oneArticle(t, os.DirFS("testdata"), "larsvik-ferry.txt")
			var c *corpus.Corpus
			if tt.published == "" {
				c = mustLoad(t, fsys)
			} else {
				c = mustLoadWith(t, fsys, func(f corpus.DateFinder) corpus.DateFinder { return withPublished{f, tt.published} })
			}
			found := score(t, want, timeline.Build(c))
			share := float64(found) / float64(len(want))
			t.Logf("%s: found %d of %d hand-listed events with the right date (%.0f%%)", tt.name, found, len(want), 100*share)
			if share < tt.min {
				t.Errorf("%s: found %.0f%% of the dated events with the right date, want at least %.0f%%", tt.name, 100*share, 100*tt.min)
			}
		})
	}
}

// score counts the expected events found, logging misses, wrong kinds and
// events the list lacks.
func score(t *testing.T, want []expected, events []timeline.Event) int {
	used := make([]bool, len(events))
	found := 0
	for _, w := range want {
		i := indexOf(events, used, w)
		if i < 0 {
			t.Logf("missed: %s in %q", w.date, w.words)
			continue
		}
		used[i] = true
		found++
		if k := events[i].Kind.String(); k != w.kind {
			t.Logf("kind: %s in %q is %s, want %s", w.date, w.words, k, w.kind)
		}
	}
	for i, e := range events {
		if !used[i] {
			t.Logf("not listed: %s (%q) in %q", e.Date, e.Text, e.Quote)
		}
	}
	return found
}

func indexOf(events []timeline.Event, used []bool, w expected) int {
	for i, e := range events {
		if !used[i] && e.Date == w.date && strings.Contains(e.Quote, w.words) {
			return i
		}
	}
	return -1
}
