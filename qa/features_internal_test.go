package qa

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
)

func TestWindow(t *testing.T) {
	tests := []struct {
		name    string
		pos     [][]int
		matched int
		want    int
	}{
		{"one word", [][]int{{4}}, 1, 1},
		{"side by side", [][]int{{2}, {3}}, 2, 2},
		{"nearest pair of repeated words", [][]int{{0, 10}, {12}, {}, {9}}, 3, 4},
		{"far apart", [][]int{{1}, {20}}, 2, 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			count := make([]int, len(tt.pos))
			if got := window(tt.pos, tt.matched, count, nil); got != tt.want {
				t.Errorf("window(%v, %d) = %d, want %d", tt.pos, tt.matched, got, tt.want)
			}
			for g, n := range count {
				if n != 0 {
					t.Errorf("window(%v) left count[%d] = %d; it must leave its scratch zeroed", tt.pos, g, n)
				}
			}
		})
	}
}

func TestInOrder(t *testing.T) {
	tests := []struct {
		name string
		pos  [][]int
		want int
	}{
		{"in order and near", [][]int{{1}, {2}, {4}}, 2},
		{"reversed", [][]int{{5}, {2}}, 0},
		{"too far", [][]int{{1}, {1 + nearWords + 1}}, 0},
		{"a word missing", [][]int{{1}, {}, {3}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := inOrder(tt.pos); got != tt.want {
				t.Errorf("inOrder(%v) = %d, want %d", tt.pos, got, tt.want)
			}
		})
	}
}

// TestFeatures checks a few features on the candidates of real questions
// about the invented store article: a fact of the kind asked for that the
// question does not give, and the share of the question the sentence has.
func TestFeatures(t *testing.T) {
	e := storeEngine(t)
	tests := []struct {
		question string
		sentence string // a substring of the candidate to check
		feature  int
		want     float64
	}{
		// The sentence has a date the question does not give ...
		{"When did the harbour reopen?", "reopened on Thursday", fFactTime, 1},
		{"When did the harbour reopen?", "reopened on Thursday", fFactNumber, 0},
		// ... but not when the question gives it.
		{"What happened in Port Ellin on May 4, 2023?", "reopened on Thursday", fFact, 0},
		// Who rebuilt the quays: the sentence has every word, and a
		// person's name the question does not give.
		{"Who rebuilt the quays?", "rebuilt by local workers", fCovText, 1},
		{"Who rebuilt the quays?", "rebuilt by local workers", fFactPerson, 1},
	}
	for _, tt := range tests {
		t.Run(tt.question+"/"+featureNames[tt.feature], func(t *testing.T) {
			ins, err := e.Inspect(context.Background(), Question{Text: tt.question}, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range ins.Candidates {
				if strings.Contains(c.Quote.Text, tt.sentence) {
					if got := c.Features[tt.feature]; got != tt.want {
						t.Errorf("%s of %q for %q = %v, want %v", featureNames[tt.feature], c.Quote.Text, tt.question, got, tt.want)
					}
					return
				}
			}
			t.Fatalf("no candidate for %q holds %q", tt.question, tt.sentence)
		})
	}
}

// endingContext ends after its Err has been asked a number of times.
type endingContext struct {
	context.Context
	left int
}

func (c *endingContext) Err() error {
	if c.left--; c.left < 0 {
		return context.Canceled
	}
	return nil
}

// TestRankStopsWhenContextEnds checks that the ranking looks at its
// context while it works, not only on entry: a context that ends after
// the first look leaves it with nothing, where a live one ranks.
func TestRankStopsWhenContextEnds(t *testing.T) {
	e := storeEngine(t)
	q := e.parse("Who rebuilt the quays of the harbour?", e.article.l)
	if got := e.rank(context.Background(), q); len(got) == 0 {
		t.Fatal("rank found nothing with a live context; the test needs a question that matches")
	}
	if got := e.rank(&endingContext{Context: context.Background(), left: 1}, q); got != nil {
		t.Errorf("rank went on after its context ended: %d sentences", len(got))
	}
}

// TestPlainBM25 checks the plain BM25 features on an invented article: a
// sentence that says the question's rare words, and says one twice, scores
// above one that says fewer of them; the best is marked as such, and each
// candidate's share of the best is its score over the best's.
func TestPlainBM25(t *testing.T) {
	article := "The Lighthouse\n\n" +
		"The keeper painted the lighthouse red, and the lighthouse shone.\n" +
		"Gulls nested on the cliffs below the lighthouse.\n" +
		"The keeper walked home along the harbour wall.\n" +
		"Fishermen mended their nets in the morning.\n"
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load(fstest.MapFS{"lighthouse.txt": {Data: []byte(article)}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	ins, err := e.Inspect(context.Background(), Question{Text: "Who painted the lighthouse red?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	score := map[string][]float64{}
	for _, c := range ins.Candidates {
		for _, key := range []string{"painted", "Gulls", "walked"} {
			if strings.Contains(c.Quote.Text, key) {
				score[key] = c.Features
			}
		}
	}
	painted, gulls := score["painted"], score["Gulls"]
	if painted == nil || gulls == nil {
		t.Fatalf("the candidates miss a sentence the test needs: %v", score)
	}
	if !(painted[fPlainBM25] > gulls[fPlainBM25] && gulls[fPlainBM25] > 0) {
		t.Errorf("plain BM25: %v for the sentence with every word, %v for the one with one; want the first higher and both positive", painted[fPlainBM25], gulls[fPlainBM25])
	}
	if painted[fPlainBM25Top] != 1 || gulls[fPlainBM25Top] != 0 {
		t.Errorf("plain_bm25_top: %v and %v, want 1 for the best and 0 for the other", painted[fPlainBM25Top], gulls[fPlainBM25Top])
	}
	if painted[fPlainBM25Rel] != 1 || math.Abs(gulls[fPlainBM25Rel]-gulls[fPlainBM25]/painted[fPlainBM25]) > 1e-9 {
		t.Errorf("plain_bm25_rel: %v and %v, want 1 and %v", painted[fPlainBM25Rel], gulls[fPlainBM25Rel], gulls[fPlainBM25]/painted[fPlainBM25])
	}
	if w := score["walked"]; w != nil && w[fPlainBM25] != 0 {
		t.Errorf("plain BM25 of a sentence without the question's words = %v, want 0", w[fPlainBM25])
	}
}

// TestFindForgetsTheSentenceBefore checks that a matcher reused from
// sentence to sentence (find clears only what the sentence before set)
// finds in each what a matcher new to it finds.
func TestFindForgetsTheSentenceBefore(t *testing.T) {
	e := storeEngine(t)
	q := e.parse("Who rebuilt the quays of the harbour after the storm?", e.article.l)
	reused := e.newMatcher(q)
	defer e.putMatcher(reused)
	var got match
	changed := 0
	var before []float64
	for d := range e.idx.docs {
		doc := &e.idx.docs[d]
		fresh := e.newMatcher(q)
		var want match
		fresh.find(doc, &want)
		wantStrength, wantStrong := slices.Clone(want.strength), slices.Clone(want.strong)
		wantPos := make([][]int, len(want.pos))
		for g := range want.pos {
			wantPos[g] = slices.Clone(want.pos[g])
		}
		wantMentioned := slices.Clone(want.mentioned)
		e.putMatcher(fresh)

		reused.find(doc, &got)
		if !slices.Equal(got.strength, wantStrength) || !slices.Equal(got.strong, wantStrong) ||
			got.focus != want.focus || got.plain != want.plain || !slices.Equal(got.mentioned, wantMentioned) {
			t.Errorf("sentence %d: reused matcher found strength %v strong %v focus %v plain %v, a new one %v %v %v %v",
				d, got.strength, got.strong, got.focus, got.plain, wantStrength, wantStrong, want.focus, want.plain)
		}
		for g := range wantPos {
			if !slices.Equal(got.pos[g], wantPos[g]) {
				t.Errorf("sentence %d: reused matcher found word %d at %v, a new one at %v", d, g, got.pos[g], wantPos[g])
			}
		}
		if before != nil && !slices.Equal(before, wantStrength) {
			changed++
		}
		before = wantStrength
	}
	// Sentences that match the question differently one after the other
	// are what a matcher could carry over wrongly.
	if changed < 2 {
		t.Fatalf("the strengths changed %d times from sentence to sentence; the test needs sentences that match differently", changed)
	}
}
