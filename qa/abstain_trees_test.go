package qa_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/qabot/qabot/qa"
)

// treeRanker is a ranker file whose calibration is a bias of -1, a term
// for Spanish questions about English articles, and two trees: one split
// on the softmax share, one a lone leaf.
const treeRanker = `{"candidates": 5, "features": ["coverage"], "mean": [0], "scale": [1], "weights": [1],
	"calibration": {"features": ["prob"], "mean": [0], "scale": [1], "weights": [0], "bias": -1,
		"pairs": {"es>en": 0.5},
		"trees": [
			{"split": ["prob", "", "typed", "", ""], "threshold": [0.5, 0, 0, 0, 0], "left": [1, 0, 3, 0, 0], "right": [2, 0, 4, 0, 0], "value": [0, -2, 0, 1, 3]},
			{"split": [""], "threshold": [0], "left": [0], "right": [0], "value": [0.25]}
		],
		"cost_ratio": 2, "threshold": 0.6}}`

func TestCalibrationTrees(t *testing.T) {
	r, err := qa.ParseRanker([]byte(treeRanker))
	if err != nil {
		t.Fatalf("ParseRanker = %v", err)
	}
	index := map[string]int{}
	for i, n := range qa.CalibrationNames() {
		index[n] = i
	}
	vec := func(prob, typed float64) []float64 {
		x := make([]float64, len(qa.CalibrationNames()))
		x[index["prob"]], x[index["typed"]] = prob, typed
		return x
	}
	sigmoid := func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
	for _, tc := range []struct {
		name        string
		prob, typed float64
		pair        string
		want        float64 // log-odds
	}{
		{"low share: left leaf", 0.2, 1, "en>en", -1 - 2 + 0.25},
		{"at the threshold goes left", 0.5, 0, "en>en", -1 - 2 + 0.25},
		{"high share, untyped", 0.9, 0, "en>en", -1 + 1 + 0.25},
		{"high share, typed", 0.9, 1, "en>en", -1 + 3 + 0.25},
		{"a pair with a term", 0.9, 1, "es>en", -1 + 0.5 + 3 + 0.25},
		{"a pair without one", 0.9, 1, "sv>de", -1 + 3 + 0.25},
	} {
		got := r.Calibration.Probability(vec(tc.prob, tc.typed), tc.pair)
		if want := sigmoid(tc.want); math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: Probability = %v, want %v", tc.name, got, want)
		}
	}
}

// TestCalibrationTreesFrom checks that the trees' leaves count from
// TreesFrom candidates scored on, not below, and always when the count is
// unknown (0) or TreesFrom unset.
func TestCalibrationTreesFrom(t *testing.T) {
	index := map[string]int{}
	for i, n := range qa.CalibrationNames() {
		index[n] = i
	}
	x := make([]float64, len(qa.CalibrationNames()))
	x[index["prob"]], x[index["typed"]] = 0.9, 1 // the trees add 3 + 0.25
	sigmoid := func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
	for _, tc := range []struct {
		name      string
		from, n   int
		treeShare float64
	}{
		{"unset", 0, 2, 1},
		{"unknown count", 9, 0, 1},
		{"at the count", 9, 9, 1},
		{"above it", 9, 40, 1},
		{"one under", 9, 8, 0},
		{"two candidates", 9, 2, 0},
		{"from 1: always", 1, 1, 1},
	} {
		data := strings.Replace(treeRanker, `"cost_ratio": 2,`, fmt.Sprintf(`"trees_from": %d, "cost_ratio": 2,`, tc.from), 1)
		r, err := qa.ParseRanker([]byte(data))
		if err != nil {
			t.Fatalf("ParseRanker = %v", err)
		}
		want := sigmoid(-1 + tc.treeShare*(3+0.25))
		if got := r.Calibration.ProbabilityAmong(x, "en>en", tc.n); math.Abs(got-want) > 1e-12 {
			t.Errorf("%s: ProbabilityAmong(%d candidates), trees from %d = %v, want %v", tc.name, tc.n, tc.from, got, want)
		}
	}
	if _, err := qa.ParseRanker([]byte(strings.Replace(treeRanker, `"cost_ratio": 2,`, `"trees_from": -1, "cost_ratio": 2,`, 1))); err == nil {
		t.Error("ParseRanker accepted a negative trees_from")
	}
}

func TestParseRankerRejectsBadTrees(t *testing.T) {
	bad := []struct{ name, change, with string }{
		{"unknown input", `["prob", "", "typed"`, `["prob", "", "luck"`},
		{"a child before its parent", `"left": [1, 0, 3, 0, 0]`, `"left": [1, 0, 1, 0, 0]`},
		{"a child out of range", `"right": [2, 0, 4, 0, 0]`, `"right": [2, 0, 5, 0, 0]`},
		{"fewer values than nodes", `"value": [0, -2, 0, 1, 3]`, `"value": [0, -2, 0, 1]`},
		{"an empty tree", `{"split": [""], "threshold": [0], "left": [0], "right": [0], "value": [0.25]}`, `{"split": [], "threshold": [], "left": [], "right": [], "value": []}`},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(treeRanker, tt.change, tt.with, 1)
			if data == treeRanker {
				t.Fatalf("the test's change %q is not in the file", tt.change)
			}
			if _, err := qa.ParseRanker([]byte(data)); err == nil {
				t.Errorf("ParseRanker accepted a calibration with %s", tt.name)
			}
		})
	}
}

// twoStageRanker is a ranker file whose calibration says how likely the
// sentence is right when the article answers (log-odds 1 + 2*prob) and,
// apart, how likely the article answers (log-odds -1 + 3*top_para,
// with a term for Spanish questions about English articles).
const twoStageRanker = `{"candidates": 5, "features": ["coverage"], "mean": [0], "scale": [1], "weights": [1],
	"calibration": {"features": ["prob"], "mean": [0], "scale": [1], "weights": [2], "bias": 1,
		"answerable": {"features": ["top_para"], "mean": [0], "scale": [1], "weights": [3], "bias": -1,
			"pairs": {"es>en": 0.5}, "cost_ratio": 0, "threshold": 0},
		"cost_ratio": 2, "threshold": 0.6}}`

// TestCalibrationAnswerable checks that a calibration with a model of
// whether the article answers gives the product of the two probabilities.
func TestCalibrationAnswerable(t *testing.T) {
	r, err := qa.ParseRanker([]byte(twoStageRanker))
	if err != nil {
		t.Fatalf("ParseRanker = %v", err)
	}
	index := map[string]int{}
	for i, n := range qa.CalibrationNames() {
		index[n] = i
	}
	sigmoid := func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
	for _, tc := range []struct {
		prob, para float64
		pair       string
		want       float64
	}{
		{0.5, 0, "en>en", sigmoid(2) * sigmoid(-1)},
		{0.5, 1, "en>en", sigmoid(2) * sigmoid(2)},
		{0.1, 1, "es>en", sigmoid(1.2) * sigmoid(2.5)},
	} {
		x := make([]float64, len(qa.CalibrationNames()))
		x[index["prob"]], x[index["top_para"]] = tc.prob, tc.para
		if got := r.Calibration.Probability(x, tc.pair); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Probability(prob %v, top_para %v, %s) = %v, want %v", tc.prob, tc.para, tc.pair, got, tc.want)
		}
	}
	for name, data := range map[string]string{
		"an unknown input":         strings.Replace(twoStageRanker, `["top_para"]`, `["luck"]`, 1),
		"an answerable of its own": strings.Replace(twoStageRanker, `"cost_ratio": 0,`, `"answerable": {"features": [], "mean": [], "scale": [], "weights": [], "bias": 0}, "cost_ratio": 0,`, 1),
		"weights missing":          strings.Replace(twoStageRanker, `"weights": [3]`, `"weights": []`, 1),
	} {
		if _, err := qa.ParseRanker([]byte(data)); err == nil {
			t.Errorf("ParseRanker accepted an answerable model with %s", name)
		}
	}
}
