package bleveindex_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/internal/bleveindex"
)

// TestTopSentenceBreaksTiesInArticleOrder builds the same index many times:
// scorch numbers a batch's documents in map order, so a tie between equal
// sentences went to a different one in each build, and the baseline's
// figures moved between runs. The first of the tied sentences must win,
// with fewer ties than the hits read at once and with more.
func TestTopSentenceBreaksTiesInArticleOrder(t *testing.T) {
	for _, ties := range []int{2, 5, 20} {
		t.Run(fmt.Sprintf("ties=%d", ties), func(t *testing.T) {
			var a corpus.Article
			add := func(text string) {
				a.Sentences = append(a.Sentences, corpus.Sentence{Index: len(a.Sentences), Text: text})
			}
			add("The harbour opened in spring.")
			for i := range ties {
				add("The ferry leaves at noon.")
				add(fmt.Sprintf("Filler sentence number %d about nothing.", i))
			}
			first := 1 // the first ferry sentence
			for build := range 10 {
				idx, err := bleveindex.New(&corpus.Corpus{Articles: []*corpus.Article{&a}})
				if err != nil {
					t.Fatal(err)
				}
				s, ok, err := idx.TopSentence(context.Background(), "when does the ferry leave?")
				idx.Close()
				if err != nil || !ok {
					t.Fatalf("build %d: ok=%v err=%v", build, ok, err)
				}
				if s.Index != first {
					t.Fatalf("build %d: the tie went to sentence %d, want the first, %d", build, s.Index, first)
				}
			}
		})
	}
}
