package qa

import (
	"fmt"
	"math"
)

// The calibration's logistic model weighs each input alone; evidence
// that means one thing in one setting and another elsewhere (a softmax
// share of 0.4 among three candidates or among forty, a missing name in a
// who-question or a why-question) needs more. A small ensemble of
// regression trees, boosted by internal/train on what the logistic model
// gets wrong, adds its leaves to the logistic score: the probability is
// sigmoid(linear + pair + sum of the trees' leaves).

// A CalibrationTree is one regression tree over the calibration's inputs,
// stored as parallel arrays of nodes, node 0 the root. A node with a
// Split routes x to Left when x[Split] <= Threshold, else to Right; a node
// without one is a leaf worth Value.
type CalibrationTree struct {
	Split     []string  `json:"split"`
	Threshold []float64 `json:"threshold"`
	Left      []int     `json:"left"`
	Right     []int     `json:"right"`
	Value     []float64 `json:"value"`

	feature []int // Split by index into the input vector; -1 for a leaf (compile; appendTree reads it)
}

// compile resolves the tree's input names and checks that every path ends
// in a leaf: children come after their parent, so no walk can loop.
func (t *CalibrationTree) compile(idx map[string]int) error {
	n := len(t.Split)
	if n == 0 {
		return fmt.Errorf("empty tree")
	}
	if len(t.Threshold) != n || len(t.Left) != n || len(t.Right) != n || len(t.Value) != n {
		return fmt.Errorf("%d nodes but %d thresholds, %d left, %d right, %d values", n, len(t.Threshold), len(t.Left), len(t.Right), len(t.Value))
	}
	t.feature = make([]int, n)
	for i, name := range t.Split {
		if math.IsNaN(t.Value[i]) || math.IsInf(t.Value[i], 0) {
			return fmt.Errorf("node %d: bad value", i)
		}
		if name == "" {
			t.feature[i] = -1
			continue
		}
		k, ok := idx[name]
		if !ok {
			return fmt.Errorf("node %d: unknown input %q", i, name)
		}
		if math.IsNaN(t.Threshold[i]) {
			return fmt.Errorf("node %d: bad threshold", i)
		}
		if l, r := t.Left[i], t.Right[i]; l <= i || r <= i || l >= n || r >= n {
			return fmt.Errorf("node %d: children %d and %d out of order", i, l, r)
		}
		t.feature[i] = k
	}
	return nil
}
