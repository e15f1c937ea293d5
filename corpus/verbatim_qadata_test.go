package corpus

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQADataQuotesAreVerbatim extends TestQuotesAreVerbatim to the
// articles of the real-data sets stored compressed in testdata/realdata
// (qa-data: one JSON line per question, the paragraphs of one title joined
// in order, as eval/dataset reads them; the page is the title and the
// paragraphs, as dataset.Article.Page writes it). Under the race detector
// it reads every tenth article (a minute otherwise); make test runs it in
// full without the race detector.
func TestQADataQuotesAreVerbatim(t *testing.T) {
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../testdata/realdata/qa-data/*.jsonl.gz")
	if len(files) == 0 {
		t.Fatal("no qa-data files in ../testdata/realdata/qa-data")
	}
	articles, sentences := 0, 0
	for _, path := range files {
		for i, page := range qaDataPages(t, path) {
			if raceEnabled && i%10 != 0 {
				continue
			}
			articles++
			a, err := p.Parse(filepath.Base(path), []byte(page))
			if err != nil {
				continue // refusals are tested elsewhere
			}
			src := []rune(foldSource([]byte(page)))
			for _, s := range a.Sentences {
				sentences++
				if !verbatimIn(src, []rune(s.Text)) {
					t.Errorf("%s: %.60q: sentence %d is not the source text:\n%s", path, page, s.Index, s.Text)
				}
			}
		}
	}
	t.Logf("%d sentences of %d qa-data articles checked", sentences, articles)
}

// qaDataPages returns the pages of a qa-data file, one per title.
func qaDataPages(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var titles []string
	paragraphs := map[string][]string{}
	seen := map[[2]string]bool{}
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var line struct{ Title, Context string }
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if _, ok := paragraphs[line.Title]; !ok {
			titles = append(titles, line.Title)
			paragraphs[line.Title] = nil
		}
		if k := [2]string{line.Title, line.Context}; !seen[k] {
			seen[k] = true
			paragraphs[line.Title] = append(paragraphs[line.Title], line.Context)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	pages := make([]string, len(titles))
	for i, title := range titles {
		pages[i] = title + "\n\n" + strings.Join(paragraphs[title], "\n\n") + "\n"
	}
	return pages
}
