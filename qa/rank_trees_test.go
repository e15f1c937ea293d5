package qa_test

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/qabot/qabot/qa"
)

// treeScored is a ranker whose linear part weighs coverage by 2 (around a
// mean of 0.5) and whose two trees add: the first, by coverage and then by
// the question's family; the second, a lone leaf.
const treeScored = `{"candidates": 5, "features": ["coverage"], "mean": [0.5], "scale": [1], "weights": [2],
	"trees": [
		{"split": ["coverage", "", "q_family", "", ""], "threshold": [0.4, 0, 1, 0, 0], "left": [1, 0, 3, 0, 0], "right": [2, 0, 4, 0, 0], "value": [0, -1, 0, 0.5, 2]},
		{"split": [""], "threshold": [0], "left": [0], "right": [0], "value": [0.125]}
	]}`

func TestRankerTrees(t *testing.T) {
	r, err := qa.ParseRanker([]byte(treeScored))
	if err != nil {
		t.Fatalf("ParseRanker = %v", err)
	}
	index := map[string]int{}
	for i, n := range qa.FeatureNames() {
		index[n] = i
	}
	vec := func(coverage, family float64) []float64 {
		x := make([]float64, len(qa.FeatureNames()))
		x[index["coverage"]], x[index["q_family"]] = coverage, family
		return x
	}
	linear := func(coverage float64) float64 { return 2 * (coverage - 0.5) }
	for _, tc := range []struct {
		name             string
		coverage, family float64
		want             float64
	}{
		{"low coverage: left leaf", 0.2, 3, linear(0.2) - 1 + 0.125},
		{"at the threshold goes left", 0.4, 0, linear(0.4) - 1 + 0.125},
		{"high coverage, family 1", 0.9, 1, linear(0.9) + 0.5 + 0.125},
		{"high coverage, family 2", 0.9, 2, linear(0.9) + 2 + 0.125},
	} {
		if got := r.Score(vec(tc.coverage, tc.family)); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s: Score = %v, want %v", tc.name, got, tc.want)
		}
	}

	// The file the trainer writes reads back to the same scores.
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	back, err := qa.ParseRanker(data)
	if err != nil {
		t.Fatalf("ParseRanker(Marshal(r)) = %v", err)
	}
	if len(back.Trees) != 2 {
		t.Fatalf("round trip kept %d trees, want 2", len(back.Trees))
	}
	for _, x := range [][]float64{vec(0.1, 0), vec(0.9, 1), vec(0.9, 5)} {
		if a, b := r.Score(x), back.Score(x); a != b {
			t.Errorf("round trip: Score %v, was %v", b, a)
		}
	}

	bad := []struct{ name, change, with string }{
		{"unknown feature", `["coverage", "", "q_family"`, `["coverage", "", "shoe_size"`},
		{"a child before its parent", `"left": [1, 0, 3, 0, 0]`, `"left": [1, 0, 1, 0, 0]`},
		{"fewer values than nodes", `"value": [0, -1, 0, 0.5, 2]`, `"value": [0, -1, 0, 0.5]`},
	}
	for _, tt := range bad {
		data := strings.Replace(treeScored, tt.change, tt.with, 1)
		if data == treeScored {
			t.Fatalf("%s: the test's change %q is not in the file", tt.name, tt.change)
		}
		if _, err := qa.ParseRanker([]byte(data)); err == nil {
			t.Errorf("ParseRanker accepted ranker trees with %s", tt.name)
		}
	}
}

// TestDefaultRankerTreesScore checks that the embedded ranker's trees, if
// it has any, read: every tree's leaves are finite, and a candidate's
// score is finite.
func TestDefaultRankerTreesScore(t *testing.T) {
	r, err := qa.DefaultRanker()
	if err != nil {
		t.Fatal(err)
	}
	x := make([]float64, len(qa.FeatureNames()))
	for i := range x {
		x[i] = 0.5
	}
	if z := r.Score(x); math.IsNaN(z) || math.IsInf(z, 0) {
		t.Errorf("the embedded ranker scores %v", z)
	}
}
