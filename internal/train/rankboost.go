package main

import (
	"bufio"
	"encoding/gob"
	"fmt"
	"math"
	"os"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/qa"
)

// The ranker's trees: regression trees boosted on top of the linear
// listwise model, on the same loss (minus the log of the softmax share of
// a question's answering candidates), each tree a Newton step per leaf
// from the gradient and the curvature of that loss at the current scores.
// They grow like the calibration's (boost.go: growTree), on the raw
// features cut at quantiles, so the engine evaluates exactly what was
// fitted.

// rankBoost is what one boosted ranker needs: the rows of the fit lists,
// binned, and where each list starts.
type rankBoost struct {
	b      binned
	rows   [][]float64 // raw features
	pos    []bool
	starts []int // list k is rows[starts[k]:starts[k+1]]
	w      []float64
}

// rankRows gathers the candidates of the answerable questions of arts
// that have an answering candidate among the first k (as fitRanker).
func rankRows(arts []*article, lists map[*article][]qlist, k, maxCuts int) *rankBoost {
	rb := &rankBoost{}
	for a, l := range rankable(arts, lists, k) {
		rb.starts = append(rb.starts, len(rb.rows))
		rb.rows = append(rb.rows, l.x...)
		rb.pos = append(rb.pos, l.pos...)
		rb.w = append(rb.w, setWeightOf(a.set))
	}
	rb.starts = append(rb.starts, len(rb.rows))
	rb.b = binRows(rb.rows, quantileCuts(rb.rows, maxCuts))
	return rb
}

func setWeightOf(set string) float64 {
	if w, ok := setWeight[set]; ok {
		return w
	}
	return 1
}

// boostRanker grows n trees on top of r's linear scores and returns them
// exported; after tree k (1-based) it calls eval, when set, with the trees
// so far.
func boostRanker(rb *rankBoost, r *qa.Ranker, n int, p boostParams, eval func(k int, trees []qa.CalibrationTree)) []qa.CalibrationTree {
	names := r.Features
	score := make([]float64, len(rb.rows))
	for i, x := range rb.rows {
		score[i] = r.Score(x)
	}
	g := make([]float64, len(rb.rows))
	h := make([]float64, len(rb.rows))
	var out []qa.CalibrationTree
	for k := range n {
		for li := range len(rb.starts) - 1 {
			lo, hi := rb.starts[li], rb.starts[li+1]
			listGradient(score[lo:hi], rb.pos[lo:hi], rb.w[li], g[lo:hi], h[lo:hi])
		}
		t := growTree(rb.b, g, h, p)
		for i := range rb.rows {
			score[i] += t.leafBinned(rb.b.bins[i])
		}
		ct := t.export(names, rb.b.cuts)
		roundTree(&ct)
		out = append(out, ct)
		if eval != nil {
			eval(k+1, out)
		}
	}
	return out
}

// listGradient writes the gradient and the curvature (the diagonal of the
// Hessian) of one list's softmax loss, weighted w, at scores z.
func listGradient(z []float64, pos []bool, w float64, g, h []float64) {
	zmax := math.Inf(-1)
	for _, v := range z {
		zmax = max(zmax, v)
	}
	all, in := 0.0, 0.0
	for i, v := range z {
		e := math.Exp(v - zmax)
		all += e
		if pos[i] {
			in += e
		}
	}
	for i, v := range z {
		e := math.Exp(v - zmax)
		p := e / all
		gi, hi := p, p*(1-p)
		if pos[i] {
			q := e / in
			gi -= q
			hi -= q * (1 - q)
		}
		g[i] = w * gi
		h[i] = w * math.Max(hi, 1e-6)
	}
}

// roundTree keeps the leaves' values to 6 significant digits, as the
// linear weights (round); thresholds are the features' own values.
func roundTree(t *qa.CalibrationTree) {
	t.Value = round(t.Value)
}

// top1Trees counts the answerable questions of arts whose best candidate,
// by the linear ranker r plus trees, answers.
func top1Trees(arts []*article, lists map[*article][]qlist, r *qa.Ranker, trees []qa.CalibrationTree) (right, n int) {
	rr := *r
	rr.Trees = trees
	rr.Calibration = nil
	if err := rr.Compile(); err != nil {
		panic(err)
	}
	for _, a := range arts {
		for _, l := range lists[a] {
			if l.q.Answerable != eval.Yes {
				continue
			}
			n++
			if best := bestOf(l, &rr); best >= 0 && l.pos[best] {
				right++
			}
		}
	}
	return right, n
}

func treeNote(n int, p boostParams) string {
	if n == 0 {
		return "No boosted trees on top of the ranker's linear score."
	}
	return fmt.Sprintf("Ranker trees: %d regression trees of depth %d (shrinkage %g) boosted on the listwise loss on top of the linear score; how many chosen on dev top-1.", n, p.depth, p.rate)
}

// listsCache keeps the first stage's candidates of every article between
// runs (-lists-cache, for trying rankers; make train never sets it).
type listsCache struct {
	X   [][][][]float64 // article, question, candidate, feature
	Pos [][][]bool
}

func readLists(path string, arts []*article) (map[*article][]qlist, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var c listsCache
	if err := gob.NewDecoder(bufio.NewReader(f)).Decode(&c); err != nil {
		return nil, err
	}
	if len(c.X) != len(arts) {
		return nil, fmt.Errorf("%s: %d articles, want %d", path, len(c.X), len(arts))
	}
	m := map[*article][]qlist{}
	for i, a := range arts {
		if len(c.X[i]) != len(a.questions) {
			return nil, fmt.Errorf("%s: article %d: %d questions, want %d", path, i, len(c.X[i]), len(a.questions))
		}
		for k, q := range a.questions {
			m[a] = append(m[a], qlist{q: q, x: c.X[i][k], pos: c.Pos[i][k]})
		}
	}
	return m, nil
}

func writeLists(path string, arts []*article, lists map[*article][]qlist) error {
	var c listsCache
	for _, a := range arts {
		var xs [][][]float64
		var ps [][]bool
		for _, l := range lists[a] {
			xs = append(xs, l.x)
			ps = append(ps, l.pos)
		}
		c.X = append(c.X, xs)
		c.Pos = append(c.Pos, ps)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := gob.NewEncoder(w).Encode(&c); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
