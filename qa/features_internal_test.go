package qa

import (
	"context"
	"strings"
	"testing"
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
			if got := window(tt.pos, tt.matched, count); got != tt.want {
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
