package main

import (
	"math"
	"testing"
)

// TestListLossGradient checks the listwise loss's gradient against finite
// differences, with several answering candidates in a list.
func TestListLossGradient(t *testing.T) {
	lists := []list{
		{x: [][]float64{{1, 0, 2}, {0, 1, -1}, {0.5, 0.5, 0}}, pos: []bool{true, false, false}},
		{x: [][]float64{{2, 1, 0}, {1, 1, 1}}, pos: []bool{false, true}},
		{x: [][]float64{{0, 0, 1}, {1, 0, 0}, {0, 1, 0}}, pos: []bool{true, false, true}},
	}
	w := []float64{0.3, -0.2, 0.5}
	g := make([]float64, 3)
	listLoss(lists, w, 0.1, g)
	const h = 1e-6
	for j := range w {
		wp := append([]float64(nil), w...)
		wm := append([]float64(nil), w...)
		wp[j] += h
		wm[j] -= h
		num := (listLoss(lists, wp, 0.1, make([]float64, 3)) - listLoss(lists, wm, 0.1, make([]float64, 3))) / (2 * h)
		if math.Abs(num-g[j]) > 1e-6 {
			t.Errorf("gradient[%d] = %v, finite difference %v", j, g[j], num)
		}
	}
}

func TestLogLossGradient(t *testing.T) {
	samples := []sample{{x: []float64{1, 2}, y: 1, w: 1}, {x: []float64{-1, 0.5}, y: 0, w: 2}, {x: []float64{0.3, -2}, y: 1, w: 1}}
	w := []float64{0.1, 0.4, -0.3}
	g := make([]float64, 3)
	logLoss(samples, w, 0.01, g)
	const h = 1e-6
	for j := range w {
		wp := append([]float64(nil), w...)
		wm := append([]float64(nil), w...)
		wp[j] += h
		wm[j] -= h
		num := (logLoss(samples, wp, 0.01, make([]float64, 3)) - logLoss(samples, wm, 0.01, make([]float64, 3))) / (2 * h)
		if math.Abs(num-g[j]) > 1e-6 {
			t.Errorf("gradient[%d] = %v, finite difference %v", j, g[j], num)
		}
	}
}

// TestMinimiseFindsSeparatingWeights fits lists where the first feature
// alone tells the answering candidate: the fitted ranker must put it first
// in every list, weigh the noise feature less, and give the same weights
// on a second run.
func TestMinimiseFindsSeparatingWeights(t *testing.T) {
	var lists []list
	for i := range 50 {
		noise := float64(i%7) - 3
		lists = append(lists, list{
			x:   [][]float64{{0.2, noise}, {0.9, -noise}, {0.1, noise / 2}},
			pos: []bool{false, true, false},
		})
	}
	fit := func() []float64 {
		w := make([]float64, 2)
		minimise(func(w, g []float64) float64 { return listLoss(lists, w, 0.01, g) }, w, 200)
		return w
	}
	w := fit()
	for i, l := range lists {
		best, bz := -1, math.Inf(-1)
		for k, x := range l.x {
			if z := dot(w, x); z > bz {
				best, bz = k, z
			}
		}
		if !l.pos[best] {
			t.Fatalf("list %d: fitted weights %v rank candidate %d first", i, w, best)
		}
	}
	if !(w[0] > 0 && math.Abs(w[1]) < w[0]) {
		t.Errorf("weights %v: want the telling feature positive and larger than the noise", w)
	}
	if again := fit(); again[0] != w[0] || again[1] != w[1] {
		t.Errorf("second fit gave %v, first %v: the fit must be deterministic", again, w)
	}
}
