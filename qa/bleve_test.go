//go:build unix

package qa_test

// A Bleve BM25 index over the same sentences the engine answers from: the
// baseline the engine's speed is measured against (make report compares
// their accuracy: internal/report). Bleve stays out of the binary.

import (
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/internal/bleveindex"
)

// newBleveIndex indexes every sentence of c and closes the index when
// the test ends.
func newBleveIndex(tb testing.TB, c *corpus.Corpus) *bleveIndex {
	tb.Helper()
	b, err := bleveindex.New(c)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { b.Close() })
	return &bleveIndex{b}
}

type bleveIndex struct{ *bleveindex.Index }

// top returns the best sentence for q, and false when nothing matches.
func (b *bleveIndex) top(tb testing.TB, q string) (string, bool) {
	s, ok, err := b.Top(q)
	if err != nil {
		tb.Fatal(err)
	}
	return s, ok
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
		bi, err := bleveindex.New(c)
		if err != nil {
			b.Fatal(err)
		}
		bi.Close()
	}
	reportCPU(b, cpu, "cpu-ns/op")
}
