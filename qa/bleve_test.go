//go:build unix

package qa_test

// A Bleve BM25 index over the same sentences the engine answers from: the
// baseline the engine's speed and accuracy are measured against. Bleve is
// imported only by this test file, so it stays out of the binary.

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

// A bleveIndex is an in-memory Bleve index with one document per sentence.
type bleveIndex struct {
	idx       bleve.Index
	sentences []string // by document id
}

const bleveField = "text"

// newBleveIndex indexes every sentence of c (see buildBleve) and closes
// the index when the test ends.
func newBleveIndex(tb testing.TB, c *corpus.Corpus) *bleveIndex {
	tb.Helper()
	b, err := buildBleve(c)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { b.idx.Close() })
	return b
}

// buildBleve indexes every sentence of c with Bleve's English analyzer
// (possessives, lower case, stop words, Porter) and BM25 scoring.
func buildBleve(c *corpus.Corpus) (*bleveIndex, error) {
	field := mapping.NewTextFieldMapping()
	field.Analyzer = en.AnalyzerName
	field.Store = false
	field.IncludeInAll = false
	field.IncludeTermVectors = false
	field.DocValues = false
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(bleveField, field)
	m := mapping.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = en.AnalyzerName
	m.ScoringModel = index.BM25Scoring
	// An empty path keeps the scorch index in memory; NewMemOnly would
	// pick the older upsidedown index, which has no BM25.
	idx, err := bleve.New("", m)
	if err != nil {
		return nil, fmt.Errorf("bleve index: %w", err)
	}
	b := &bleveIndex{idx: idx}
	batch := idx.NewBatch()
	for _, a := range c.Articles {
		for _, s := range a.Sentences {
			id := strconv.Itoa(len(b.sentences))
			b.sentences = append(b.sentences, s.Text)
			if err := batch.Index(id, map[string]any{bleveField: s.Text}); err != nil {
				idx.Close()
				return nil, fmt.Errorf("bleve index sentence %s: %w", id, err)
			}
		}
	}
	if err := idx.Batch(batch); err != nil {
		idx.Close()
		return nil, fmt.Errorf("bleve batch: %w", err)
	}
	return b, nil
}

// top returns the best sentence for q, and false when nothing matches.
func (b *bleveIndex) top(tb testing.TB, q string) (string, bool) {
	query := bleve.NewMatchQuery(q)
	query.SetField(bleveField)
	req := bleve.NewSearchRequestOptions(query, 1, 0, false)
	res, err := b.idx.Search(req)
	if err != nil {
		tb.Fatalf("bleve search %q: %v", q, err)
	}
	if len(res.Hits) == 0 {
		return "", false
	}
	i, err := strconv.Atoi(res.Hits[0].ID)
	if err != nil {
		tb.Fatalf("bleve hit id %q: %v", res.Hits[0].ID, err)
	}
	return b.sentences[i], true
}

// BenchmarkBleveSearch runs the questions of BenchmarkAsk through Bleve,
// top-1 per question, for comparison in the same run.
func BenchmarkBleveSearch(b *testing.B) {
	bi := newBleveIndex(b, seedCorpus(b))
	qs := benchQuestions(b, "en")
	found := 0
	for _, q := range qs {
		if _, ok := bi.top(b, q); ok {
			found++
		}
	}
	if found == 0 {
		b.Fatalf("bleve found nothing for %d questions", len(qs))
	}
	b.ReportAllocs()
	cpu := cpuTime(b)
	i := 0
	for b.Loop() {
		bi.top(b, qs[i%len(qs)])
		i++
	}
	reportCPU(b, cpu, "cpu-ns/question")
}

// BenchmarkBleveIndex builds the Bleve index of the seed article, the
// counterpart of BenchmarkNew.
func BenchmarkBleveIndex(b *testing.B) {
	c := seedCorpus(b)
	b.ReportAllocs()
	cpu := cpuTime(b)
	for b.Loop() {
		bi, err := buildBleve(c)
		if err != nil {
			b.Fatal(err)
		}
		bi.idx.Close()
	}
	reportCPU(b, cpu, "cpu-ns/op")
}

// TestBleveBaselineAccuracy scores Bleve's top hit and the engine's answer
// with sentence@1 as score.py defines it, on the English question sets of
// the seed article and of the test articles, and logs both (go test -v).
// It does not judge accuracy (make eval does, with thresholds); it fails
// only when a scorer returns nothing at all, which means it is broken.
func TestBleveBaselineAccuracy(t *testing.T) {
	sets := []struct {
		name     string
		articles fs.FS
		files    []string
	}{
		{"seed", seeds.FS, []string{"seed/en.jsonl", "seed/en.heldout.jsonl"}},
		{"articles", os.DirFS("../testdata/articles"), []string{"articles/en.jsonl", "articles/en.heldout.jsonl"}},
	}
	reg := mustRegistry(t)
	for _, set := range sets {
		t.Run(set.name, func(t *testing.T) {
			e := mustLoad(t, set.articles, qa.Options{Languages: reg})
			c := e.Corpus()
			bi := newBleveIndex(t, c)
			for _, file := range set.files {
				items := readEval(t, filepath.Join(evalDir, file))
				var n, bleveHits, bleveFound, qaHits, qaAnswered, qaTop int
				for _, it := range items {
					if it.Answerable != eval.Yes {
						continue
					}
					n++
					if s, ok := bi.top(t, it.Q); ok {
						bleveFound++
						if eval.Hit(s, it.Gold) {
							bleveHits++
						}
					}
					a, err := e.Ask(context.Background(), qa.Question{Text: it.Q})
					if err != nil {
						t.Fatal(err)
					}
					// The engine's best sentence whether or not it
					// dared answer: the quote, or the first suggestion.
					top := a.Quote.Text
					if a.Answered {
						qaAnswered++
						if eval.Hit(a.Quote.Text, it.Gold) {
							qaHits++
						}
					} else if len(a.Suggestions) > 0 {
						top = a.Suggestions[0].Text
					}
					if eval.Hit(top, it.Gold) {
						qaTop++
					}
				}
				if n == 0 {
					t.Fatalf("%s: no answerable questions", file)
				}
				pct := func(k int) float64 { return 100 * float64(k) / float64(n) }
				t.Logf("%-26s n=%3d  bleve sentence@1 %5.1f%%  qabot sentence@1 %5.1f%% (answered %d)  qabot top-1 ignoring abstention %5.1f%%",
					file, n, pct(bleveHits), pct(qaHits), qaAnswered, pct(qaTop))
				if bleveFound == 0 {
					t.Errorf("%s: bleve returned no hit for any of %d questions", file, n)
				}
				if qaAnswered == 0 {
					t.Errorf("%s: qabot answered none of %d questions", file, n)
				}
			}
		})
	}
}
