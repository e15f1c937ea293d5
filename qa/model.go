package qa

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sync"
)

// A Ranker is what the engine learned from real questions: the weights
// that combine the features of a (question, sentence) pair (features.go)
// into the score that orders the candidate sentences, and the calibration
// that turns the evidence for the chosen sentence into the probability
// that it answers, with the threshold below which the engine declines.
//
// internal/train fits it (`make train`) and writes qa/data/ranker.json,
// which the engine embeds; nothing in it is set by hand.
type Ranker struct {
	// Note says how the file was made: command, data, figures.
	Note []string `json:"note,omitempty"`
	// Candidates is how many first-stage sentences the model reorders.
	Candidates int `json:"candidates"`
	// Features names the inputs in the order of Mean, Scale and Weights.
	// Features the engine computes but the file does not name weigh
	// nothing; a name the engine does not know is an error.
	Features []string  `json:"features"`
	Mean     []float64 `json:"mean"`
	Scale    []float64 `json:"scale"`
	Weights  []float64 `json:"weights"`
	// Trees add their leaves to the linear score: regression trees over
	// the same features (raw, not standardised), boosted by internal/train
	// on the listwise loss the linear model leaves, so that a feature can
	// count for more or less depending on another (the kind of question,
	// the first stage's rank). The same node format as the calibration's.
	Trees []CalibrationTree `json:"trees,omitempty"`
	// Calibration is absent in a ranker being trained.
	Calibration *Calibration `json:"calibration,omitempty"`

	w    [numFeatures]float64 // Weights/Scale, by feature index
	bias float64              // -sum Weights*Mean/Scale
	// nodes holds every tree's nodes in one array, each tree from its root
	// in roots: a walk reads one small struct per level, which is what
	// keeps forty candidates times a few hundred trees cheap.
	nodes []treeNode
	roots []int32
}

// appendTree appends the nodes of compiled tree t to nodes, its children
// by index into the whole; t's root is the first appended.
func appendTree(nodes []treeNode, t *CalibrationTree) []treeNode {
	base := int32(len(nodes))
	for k, f := range t.feature {
		n := treeNode{feature: int32(f), v: t.Value[k]}
		if f >= 0 {
			n.left, n.right, n.v = base+int32(t.Left[k]), base+int32(t.Right[k]), t.Threshold[k]
		}
		nodes = append(nodes, n)
	}
	return nodes
}

// addLeaves adds to z, tree by tree in the order of roots, the value of
// the leaf x reaches in each tree of nodes (appendTree). The ranker and
// the calibration both walk their trees with it; adding to z one leaf at a
// time, rather than adding the leaves' sum, keeps every score what the
// trainer computed to the bit.
func addLeaves(z float64, nodes []treeNode, roots []int32, x []float64) float64 {
	for _, i := range roots {
		n := &nodes[i]
		for n.feature >= 0 {
			if x[n.feature] <= n.v {
				n = &nodes[n.left]
			} else {
				n = &nodes[n.right]
			}
		}
		z += n.v
	}
	return z
}

// A treeNode is a split on x[feature] <= v, or a leaf worth v when
// feature < 0; children are indices into Ranker.nodes.
type treeNode struct {
	feature     int32
	left, right int32
	v           float64
}

// A Calibration is a logistic model of the probability that the sentence
// the engine chose answers the question, and the threshold below which the
// engine declines.
type Calibration struct {
	Features []string  `json:"features"`
	Mean     []float64 `json:"mean"`
	Scale    []float64 `json:"scale"`
	Weights  []float64 `json:"weights"`
	Bias     float64   `json:"bias"`
	// Pairs adds to the score of a question in one language about an
	// article in another (or the same), keyed "es>en"; a pair it does
	// not name adds nothing.
	Pairs map[string]float64 `json:"pairs,omitempty"`
	// Trees add their leaves to the score (abstain_trees.go).
	Trees []CalibrationTree `json:"trees,omitempty"`
	// TreesFrom is the fewest candidates the ranker must have scored for
	// the trees to count: internal/train fits them on the questions with
	// that many, where its data holds unanswerable questions too; with
	// fewer (a two-sentence article) its data held answerable ones alone,
	// and inputs such as the softmax's entropy or the candidates'
	// paragraphs told only that. 0 or 1: the trees always count.
	TreesFrom int `json:"trees_from,omitempty"`
	// Answerable, when present, is a logistic model of its own over the
	// same inputs (no threshold) of the probability that the article
	// answers the question at all; the model above then says how likely
	// the chosen sentence is right when it does, and the probability that
	// it answers is the product of the two.
	Answerable *Calibration `json:"answerable,omitempty"`
	// CostRatio is what a wrong answer costs, in declined right answers;
	// Threshold = CostRatio/(1+CostRatio) is the probability at which
	// answering and declining cost the same.
	CostRatio float64 `json:"cost_ratio"`
	Threshold float64 `json:"threshold"`

	w    [numCalibration]float64
	bias float64
	// nodes holds every tree's nodes in one array, each tree's root at
	// roots[i] (appendTree): one walk through memory that stays in cache,
	// where each tree's five arrays did not.
	nodes []treeNode
	roots []int32
}

//go:embed data/ranker.json
var rankerFile []byte

var defaultRanker = sync.OnceValues(func() (*Ranker, error) { return ParseRanker(rankerFile) })

// DefaultRanker returns the ranker the engine embeds (qa/data/ranker.json),
// shared and read-only.
func DefaultRanker() (*Ranker, error) { return defaultRanker() }

// ParseRanker reads a ranker file (the format internal/train writes).
func ParseRanker(data []byte) (*Ranker, error) {
	var r Ranker
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("ranker: %w", err)
	}
	if err := r.Compile(); err != nil {
		return nil, err
	}
	return &r, nil
}

// Compile checks the ranker and prepares it for use; ParseRanker calls it,
// and a trainer that fills a Ranker in memory must.
func (r *Ranker) Compile() error {
	if r.Candidates <= 0 {
		return errors.New("ranker: candidates must be positive")
	}
	idx := map[string]int{}
	for i, n := range featureNames {
		idx[n] = i
	}
	b, err := fold(r.Features, r.Mean, r.Scale, r.Weights, idx, r.w[:])
	if err != nil {
		return fmt.Errorf("ranker: %w", err)
	}
	r.bias = b
	r.nodes, r.roots = nil, nil // fresh: a copied Ranker must not write into the original's
	for i := range r.Trees {
		t := &r.Trees[i]
		if err := t.compile(idx); err != nil {
			return fmt.Errorf("ranker: tree %d: %w", i, err)
		}
		r.roots = append(r.roots, int32(len(r.nodes)))
		r.nodes = appendTree(r.nodes, t)
	}
	if c := r.Calibration; c != nil {
		if err := c.compile("ranker calibration"); err != nil {
			return err
		}
		if !(c.Threshold > 0 && c.Threshold < 1) {
			return fmt.Errorf("ranker calibration: threshold %v is not a probability", c.Threshold)
		}
		if a := c.Answerable; a != nil {
			if a.Answerable != nil {
				return errors.New("ranker calibration: answerable: a model of its own answerability")
			}
			if err := a.compile("ranker calibration: answerable"); err != nil {
				return err
			}
		}
	}
	return nil
}

// compile places c's weights by input and checks them; what names the
// calibration in its errors.
func (c *Calibration) compile(what string) error {
	idx := map[string]int{}
	for i, n := range calibrationNames {
		idx[n] = i
	}
	b, err := fold(c.Features, c.Mean, c.Scale, c.Weights, idx, c.w[:])
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	c.bias = c.Bias + b
	for p, v := range c.Pairs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("%s: pair %q: bad value", what, p)
		}
	}
	if c.TreesFrom < 0 {
		return fmt.Errorf("%s: trees_from %d is negative", what, c.TreesFrom)
	}
	c.nodes, c.roots = nil, nil // fresh: a copied Calibration must not write into the original's
	for i := range c.Trees {
		if err := c.Trees[i].compile(idx); err != nil {
			return fmt.Errorf("%s: tree %d: %w", what, i, err)
		}
		c.roots = append(c.roots, int32(len(c.nodes)))
		c.nodes = appendTree(c.nodes, &c.Trees[i])
	}
	return nil
}

// fold turns standardised weights into weights on the raw features, placed
// by name, and returns the constant the standardisation adds.
func fold(names []string, mean, scale, weights []float64, idx map[string]int, out []float64) (float64, error) {
	if len(mean) != len(names) || len(scale) != len(names) || len(weights) != len(names) {
		return 0, fmt.Errorf("%d features but %d means, %d scales, %d weights", len(names), len(mean), len(scale), len(weights))
	}
	for i := range out {
		out[i] = 0
	}
	bias := 0.0
	for i, n := range names {
		k, ok := idx[n]
		if !ok {
			return 0, fmt.Errorf("unknown feature %q", n)
		}
		if !(scale[i] > 0) || math.IsInf(scale[i], 0) || math.IsNaN(mean[i]) || math.IsNaN(weights[i]) || math.IsInf(weights[i], 0) {
			return 0, fmt.Errorf("feature %q: bad mean, scale or weight", n)
		}
		out[k] += weights[i] / scale[i]
		bias -= weights[i] * mean[i] / scale[i]
	}
	return bias, nil
}

// Score is the ranking score of a feature vector (in FeatureNames order)
// of a compiled ranker.
func (r *Ranker) Score(x []float64) float64 {
	z := r.bias
	for i, v := range x[:numFeatures] {
		z += r.w[i] * v
	}
	return addLeaves(z, r.nodes, r.roots, x[:numFeatures])
}

// Probability is the calibrated probability of a calibration vector (in
// CalibrationNames order) of a question and article in the languages of
// pair (Inspection.Pair), for a compiled ranker.
func (c *Calibration) Probability(x []float64, pair string) float64 {
	return c.ProbabilityAmong(x, pair, 0)
}

// ProbabilityAmong is Probability when the ranker scored n candidates
// (Inspection.Scored; 0: unknown, the trees count in full): the trees'
// leaves count from TreesFrom candidates on.
func (c *Calibration) ProbabilityAmong(x []float64, pair string, n int) float64 {
	z := -c.Linear(x, pair)
	if share := c.TreeShare(n); share != 0 {
		// Trees that count for nothing are not walked: -z - 0*leaves is -z.
		z -= share * c.Boost(x)
	}
	p := 1 / (1 + math.Exp(z))
	if c.Answerable != nil {
		p *= c.Answerable.ProbabilityAmong(x, pair, n)
	}
	return p
}

// TreeShare is how much the trees' leaves count when the ranker scored n
// candidates (0: unknown, in full): nothing below TreesFrom.
func (c *Calibration) TreeShare(n int) float64 {
	if n <= 0 || n >= c.TreesFrom {
		return 1
	}
	return 0
}

// Linear is the logistic model's part of the score (the log-odds) of x:
// its weights and the pair's term.
func (c *Calibration) Linear(x []float64, pair string) float64 {
	z := c.bias + c.Pairs[pair]
	for i, v := range x[:numCalibration] {
		z += c.w[i] * v
	}
	return z
}

// Boost is the trees' part of the score of x.
func (c *Calibration) Boost(x []float64) float64 {
	return addLeaves(0, c.nodes, c.roots, x[:numCalibration])
}
