package main

import (
	"math"
	"sort"

	"github.com/qabot/qabot/qa"
)

// Gradient-boosted regression trees on top of the calibration's logistic
// score: each tree is fitted to the gradient and curvature of the log-loss
// at the current scores (a Newton step per leaf, with an L2 penalty on the
// leaf values), so the ensemble corrects what the linear model cannot say.
// Splits are chosen among a few quantiles of each input, so a tree is fast
// to grow and the same data always gives the same trees: ties between
// splits go to the first input and the lowest threshold.

// boostParams are the choices of one boosted ensemble.
type boostParams struct {
	depth   int     // levels of splits per tree
	trees   int     // how many trees
	rate    float64 // shrinkage of every leaf
	leafL2  float64 // L2 penalty on a leaf's value
	minHess float64 // least curvature (sum of p(1-p)) a leaf may hold
	maxCuts int     // candidate thresholds per input (at most 255)
}

// binned is the calibration inputs of a sample set, each value replaced by
// the index of the first cut at or above it.
type binned struct {
	cuts [][]float64 // per input, ascending thresholds
	bins [][]uint8   // per sample, per input
}

// quantileCuts returns, per input, up to k distinct thresholds at the
// quantiles of its values in rows: a split "x <= cut".
func quantileCuts(rows [][]float64, k int) [][]float64 {
	if len(rows) == 0 {
		return nil
	}
	n := len(rows[0])
	cuts := make([][]float64, n)
	vals := make([]float64, len(rows))
	for f := range n {
		for i, r := range rows {
			vals[i] = r[f]
		}
		sort.Float64s(vals)
		var c []float64
		for q := 1; q < k; q++ {
			v := vals[q*len(vals)/k]
			if v < vals[len(vals)-1] && (len(c) == 0 || v > c[len(c)-1]) {
				c = append(c, v)
			}
		}
		cuts[f] = c
	}
	return cuts
}

func binRows(rows [][]float64, cuts [][]float64) binned {
	b := binned{cuts: cuts, bins: make([][]uint8, len(rows))}
	for i, r := range rows {
		b.bins[i] = make([]uint8, len(cuts))
		for f, c := range cuts {
			b.bins[i][f] = uint8(sort.SearchFloat64s(c, r[f]))
		}
	}
	return b
}

// A tree is a regression tree as it grows: node i splits on input
// input[i] at cut bin[i] (x <= cuts[input][bin] goes left) or, when
// input[i] < 0, is a leaf worth value[i].
type tree struct {
	input, bin, left, right []int
	value                   []float64
}

func (t *tree) leafBinned(bins []uint8) float64 {
	i := 0
	for t.input[i] >= 0 {
		if int(bins[t.input[i]]) <= t.bin[i] {
			i = t.left[i]
		} else {
			i = t.right[i]
		}
	}
	return t.value[i]
}

func (t *tree) leafRaw(x []float64, cuts [][]float64) float64 {
	i := 0
	for t.input[i] >= 0 {
		if x[t.input[i]] <= cuts[t.input[i]][t.bin[i]] {
			i = t.left[i]
		} else {
			i = t.right[i]
		}
	}
	return t.value[i]
}

// export writes t as the engine reads it.
func (t *tree) export(names []string, cuts [][]float64) qa.CalibrationTree {
	var out qa.CalibrationTree
	for i, f := range t.input {
		if f < 0 {
			out.Split = append(out.Split, "")
			out.Threshold = append(out.Threshold, 0)
			out.Left = append(out.Left, 0)
			out.Right = append(out.Right, 0)
		} else {
			out.Split = append(out.Split, names[f])
			out.Threshold = append(out.Threshold, cuts[f][t.bin[i]])
			out.Left = append(out.Left, t.left[i])
			out.Right = append(out.Right, t.right[i])
		}
		out.Value = append(out.Value, t.value[i])
	}
	return out
}

// boost grows p.trees trees on the binned samples with labels y and
// starting scores base (log-odds), and returns them. When eval is set, it
// is called after tree k (1-based) with the scores of evalRows (raw
// inputs) that start at evalBase.
func boost(b binned, y, base []float64, p boostParams, evalRows [][]float64, evalBase []float64, eval func(k int, score []float64)) []*tree {
	n := len(y)
	score := append([]float64(nil), base...)
	evalScore := append([]float64(nil), evalBase...)
	g := make([]float64, n)
	h := make([]float64, n)
	var trees []*tree
	for k := range p.trees {
		for i := range n {
			pr := 1 / (1 + math.Exp(-score[i]))
			g[i] = pr - y[i]
			h[i] = pr * (1 - pr)
		}
		t := growTree(b, g, h, p)
		for i := range n {
			score[i] += t.leafBinned(b.bins[i])
		}
		if eval != nil {
			for i, r := range evalRows {
				evalScore[i] += t.leafRaw(r, b.cuts)
			}
			eval(k+1, evalScore)
		}
		trees = append(trees, t)
	}
	return trees
}

// growTree grows one tree, level by level, each node split where the
// Newton gain is largest.
func growTree(b binned, g, h []float64, p boostParams) *tree {
	t := &tree{}
	add := func() int {
		t.input = append(t.input, -1)
		t.bin = append(t.bin, 0)
		t.left = append(t.left, 0)
		t.right = append(t.right, 0)
		t.value = append(t.value, 0)
		return len(t.input) - 1
	}
	type node struct {
		id      int
		members []int
	}
	all := make([]int, len(g))
	for i := range all {
		all[i] = i
	}
	level := []node{{add(), all}}
	nIn := len(b.cuts)
	off := make([]int, nIn+1) // input f's bins are hg[off[f]:off[f+1]]
	for f, c := range b.cuts {
		off[f+1] = off[f] + len(c) + 1
	}
	hg := make([]float64, off[nIn])
	hh := make([]float64, off[nIn])
	for d := 0; d <= p.depth; d++ {
		var next []node
		for _, nd := range level {
			G, H := 0.0, 0.0
			for _, i := range nd.members {
				G += g[i]
				H += h[i]
			}
			t.value[nd.id] = -p.rate * G / (H + p.leafL2)
			if d == p.depth || H < 2*p.minHess {
				continue
			}
			parent := G * G / (H + p.leafL2)
			bestGain, bestF, bestB := 1e-9, -1, 0
			// The histograms of every input at once, a row at a time (the
			// rows are stored by sample): the same sums in the same order
			// as input by input, several times faster.
			for f := range nIn {
				clear(hg[off[f]:off[f+1]])
				clear(hh[off[f]:off[f+1]])
			}
			for _, i := range nd.members {
				gi, hi := g[i], h[i]
				for f, k := range b.bins[i][:nIn] {
					hg[off[f]+int(k)] += gi
					hh[off[f]+int(k)] += hi
				}
			}
			for f := range nIn {
				nb := len(b.cuts[f]) + 1
				if nb < 2 {
					continue
				}
				hg, hh := hg[off[f]:off[f+1]], hh[off[f]:off[f+1]]
				gl, hl := 0.0, 0.0
				for k := 0; k < nb-1; k++ {
					gl += hg[k]
					hl += hh[k]
					gr, hr := G-gl, H-hl
					if hl < p.minHess || hr < p.minHess {
						continue
					}
					gain := gl*gl/(hl+p.leafL2) + gr*gr/(hr+p.leafL2) - parent
					if gain > bestGain {
						bestGain, bestF, bestB = gain, f, k
					}
				}
			}
			if bestF < 0 {
				continue
			}
			var l, r []int
			for _, i := range nd.members {
				if int(b.bins[i][bestF]) <= bestB {
					l = append(l, i)
				} else {
					r = append(r, i)
				}
			}
			t.input[nd.id], t.bin[nd.id] = bestF, bestB
			t.left[nd.id], t.right[nd.id] = add(), 0
			t.right[nd.id] = add()
			next = append(next, node{t.left[nd.id], l}, node{t.right[nd.id], r})
		}
		level = next
	}
	return t
}
