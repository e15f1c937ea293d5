package main

import (
	"math"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/qabot/qabot/qa"
)

// TestListGradient compares listGradient with the numeric derivative of
// the list's softmax loss.
func TestListGradient(t *testing.T) {
	z := []float64{0.3, -1, 2, 0.5, 1}
	pos := []bool{false, true, false, true, false}
	loss := func(z []float64) float64 {
		all, in := 0.0, 0.0
		for i, v := range z {
			all += math.Exp(v)
			if pos[i] {
				in += math.Exp(v)
			}
		}
		return 2 * (math.Log(all) - math.Log(in))
	}
	g := make([]float64, len(z))
	h := make([]float64, len(z))
	listGradient(z, pos, 2, g, h)
	for i := range z {
		const eps = 1e-5
		up := append([]float64(nil), z...)
		down := append([]float64(nil), z...)
		up[i] += eps
		down[i] -= eps
		num := (loss(up) - loss(down)) / (2 * eps)
		if math.Abs(num-g[i]) > 1e-6 {
			t.Errorf("gradient %d: %v, numerically %v", i, g[i], num)
		}
		curv := (loss(up) - 2*loss(z) + loss(down)) / (eps * eps)
		// floored where two answering candidates make it negative
		if curv = math.Max(curv, 2e-6); math.Abs(curv-h[i]) > 1e-3 {
			t.Errorf("curvature %d: %v, numerically %v", i, h[i], curv)
		}
	}
}

// TestBoostRankerLearnsAnInteraction: the answering candidate of a list
// is the one with the highest coverage in lists of family 0 and the one
// with the lowest in lists of family 1: a linear ranker can not say both,
// the trees must.
func TestBoostRankerLearnsAnInteraction(t *testing.T) {
	names := qa.FeatureNames()
	idx := map[string]int{}
	for i, n := range names {
		idx[n] = i
	}
	rb := &rankBoost{}
	for l := range 200 {
		family := float64(l % 2)
		rb.starts = append(rb.starts, len(rb.rows))
		best, bestV := 0, 0.0
		for c := range 5 {
			x := make([]float64, len(names))
			x[idx["coverage"]] = float64((l*7+c*3)%11) / 11
			x[idx["q_family"]] = family
			v := x[idx["coverage"]]
			if family == 1 {
				v = 1 - v
			}
			if c == 0 || v > bestV {
				best, bestV = c, v
			}
			rb.rows = append(rb.rows, x)
		}
		for c := range 5 {
			rb.pos = append(rb.pos, c == best)
		}
		rb.w = append(rb.w, 1)
	}
	rb.starts = append(rb.starts, len(rb.rows))
	rb.b = binRows(rb.rows, quantileCuts(rb.rows, 16))
	lin := &qa.Ranker{Candidates: 5, Features: names, Mean: make([]float64, len(names)), Scale: ones(len(names)), Weights: make([]float64, len(names))}
	if err := lin.Compile(); err != nil {
		t.Fatal(err)
	}
	p := boostParams{depth: 2, rate: 0.3, leafL2: 1, minHess: 1, maxCuts: 16}
	trees := boostRanker(rb, lin, 40, p, nil)
	again := boostRanker(rb, lin, 40, p, nil)
	if !reflect.DeepEqual(exported(trees), exported(again)) {
		t.Errorf("two fits on the same lists grew different trees")
	}
	r := *lin
	r.Trees = trees
	if err := r.Compile(); err != nil {
		t.Fatal(err)
	}
	right := 0
	for l := range len(rb.starts) - 1 {
		lo, hi := rb.starts[l], rb.starts[l+1]
		best, bestZ := -1, math.Inf(-1)
		for i := lo; i < hi; i++ {
			if z := r.Score(rb.rows[i]); z > bestZ {
				best, bestZ = i, z
			}
		}
		if rb.pos[best] {
			right++
		}
	}
	if right < 190 {
		t.Errorf("the boosted ranker puts the answer first in %d of 200 lists, want at least 190", right)
	}
}

// exported drops what Compile adds, to compare trees as written.
func exported(ts []qa.CalibrationTree) []qa.CalibrationTree {
	var out []qa.CalibrationTree
	for _, t := range ts {
		out = append(out, qa.CalibrationTree{Split: t.Split, Threshold: t.Threshold, Left: t.Left, Right: t.Right, Value: t.Value})
	}
	return out
}

func ones(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = 1
	}
	return v
}

// TestListsCacheRoundTrip writes and reads the candidates' cache.
func TestListsCacheRoundTrip(t *testing.T) {
	a, b := &article{questions: []question{{}, {}}}, &article{questions: []question{{}}}
	lists := map[*article][]qlist{
		a: {{x: [][]float64{{1, 2}, {3, 4}}, pos: []bool{false, true}}, {x: [][]float64{{5, 6}}, pos: []bool{true}}},
		b: {{x: [][]float64{{7, 8}}, pos: []bool{false}}},
	}
	path := filepath.Join(t.TempDir(), "lists.gob")
	if err := writeLists(path, []*article{a, b}, lists); err != nil {
		t.Fatal(err)
	}
	back, err := readLists(path, []*article{a, b})
	if err != nil {
		t.Fatal(err)
	}
	for _, art := range []*article{a, b} {
		for k := range lists[art] {
			if !reflect.DeepEqual(back[art][k].x, lists[art][k].x) || !reflect.DeepEqual(back[art][k].pos, lists[art][k].pos) {
				t.Errorf("question %d: read %v %v, wrote %v %v", k, back[art][k].x, back[art][k].pos, lists[art][k].x, lists[art][k].pos)
			}
		}
	}
	if _, err := readLists(path, []*article{a}); err == nil {
		t.Errorf("read a cache of two articles for one")
	}
}
