package corpus_test

import (
	"os"
	"testing"

	"github.com/qabot/qabot/corpus"
)

const seedArticle = "../seeds/000_3025b2289f4c8319.txt"

func readSeed(b *testing.B) []byte {
	b.Helper()
	raw, err := os.ReadFile(seedArticle)
	if err != nil {
		b.Fatal(err)
	}
	return raw
}

// BenchmarkParse measures the whole pipeline on the seed page; its bytes per
// second say how long loading a corpus folder takes.
func BenchmarkParse(b *testing.B) {
	raw := readSeed(b)
	p := mustParser(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := p.Parse("seed", raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkClean measures cleaning alone: line joining, tidying and roles.
func BenchmarkClean(b *testing.B) {
	raw := readSeed(b)
	c, err := corpus.NewCleaner()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if d := c.Clean(raw); len(d.Paragraphs) == 0 {
			b.Fatal("Clean found no paragraphs in the seed article")
		}
	}
}

// BenchmarkSplit measures sentence splitting over the cleaned seed text.
func BenchmarkSplit(b *testing.B) {
	a, err := mustParser(b).Parse("seed", readSeed(b))
	if err != nil {
		b.Fatal(err)
	}
	s, err := corpus.NewSegmenter()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(a.Text)))
	for b.Loop() {
		if len(s.Split(a.Text)) == 0 {
			b.Fatal("Split found no sentences in the seed text")
		}
	}
}
