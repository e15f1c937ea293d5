package main

import (
	"math"
	"reflect"
	"testing"

	"github.com/qabot/qabot/qa"
)

// xorRows is a sample set where the label is "exactly one of the first two
// inputs is over its bar" (unequal bars, so that a first split already
// gains something, as greedy trees need): no weighted sum of the inputs can tell it, two levels
// of splits can. Every row is as wide as the calibration vector, so the
// trees can be read by the engine.
func xorRows() (rows [][]float64, y []float64) {
	width := len(qa.CalibrationNames())
	for i := range 400 {
		x := make([]float64, width)
		x[0] = float64(i%20) / 20
		x[1] = float64((i/20)%20) / 20
		x[2] = float64(i%7) / 7 // noise
		rows = append(rows, x)
		if (x[0] >= 0.3) != (x[1] >= 0.6) {
			y = append(y, 1)
		} else {
			y = append(y, 0)
		}
	}
	return rows, y
}

var testBoost = boostParams{depth: 2, trees: 60, rate: 0.3, leafL2: 1, minHess: 2, maxCuts: 16}

func TestBoostLearnsAnInteraction(t *testing.T) {
	rows, y := xorRows()
	b := binRows(rows, quantileCuts(rows, testBoost.maxCuts))
	base := make([]float64, len(y))
	var final []float64
	boost(b, y, base, testBoost, rows, base, func(k int, score []float64) { final = score })
	right := 0
	for i, z := range final {
		if (z > 0) == (y[i] == 1) {
			right++
		}
	}
	if right < 390 {
		t.Errorf("boosted trees tell %d of 400 XOR rows, want at least 390", right)
	}
	if loss := scoreLossOf(y, final) / float64(len(y)); loss > 0.2 {
		t.Errorf("log-loss after boosting %.3f, want under 0.2 (log 2 = 0.69 before)", loss)
	}
}

// TestBoostIsDeterministic fits twice on the same rows: the trees must be
// the same to the bit.
func TestBoostIsDeterministic(t *testing.T) {
	rows, y := xorRows()
	names := qa.CalibrationNames()
	fit := func() []qa.CalibrationTree {
		b := binRows(rows, quantileCuts(rows, testBoost.maxCuts))
		var out []qa.CalibrationTree
		for _, tr := range boost(b, y, make([]float64, len(y)), testBoost, nil, nil, nil) {
			out = append(out, tr.export(names, b.cuts))
		}
		return out
	}
	if a, b := fit(), fit(); !reflect.DeepEqual(a, b) {
		t.Error("two fits on the same rows gave different trees")
	}
}

// TestExportedTreesScoreAsFitted checks that the engine, reading the
// exported trees, scores every row as the trainer's binned trees do.
func TestExportedTreesScoreAsFitted(t *testing.T) {
	rows, y := xorRows()
	b := binRows(rows, quantileCuts(rows, testBoost.maxCuts))
	trees := boost(b, y, make([]float64, len(y)), testBoost, nil, nil, nil)
	cal := &qa.Calibration{Features: []string{"prob"}, Mean: []float64{0}, Scale: []float64{1}, Weights: []float64{0}, CostRatio: 2, Threshold: 0.5}
	for _, tr := range trees {
		cal.Trees = append(cal.Trees, tr.export(qa.CalibrationNames(), b.cuts))
	}
	if err := (&qa.Ranker{Candidates: 1, Calibration: cal}).Compile(); err != nil {
		t.Fatal(err)
	}
	for i, x := range rows {
		binnedSum, rawSum := 0.0, 0.0
		for _, tr := range trees {
			binnedSum += tr.leafBinned(b.bins[i])
			rawSum += tr.leafRaw(x, b.cuts)
		}
		if got := cal.Boost(x); math.Abs(got-binnedSum) > 1e-12 || math.Abs(rawSum-binnedSum) > 1e-12 {
			t.Fatalf("row %d: engine %v, trainer raw %v, binned %v", i, got, rawSum, binnedSum)
		}
	}
}

func TestQuantileCuts(t *testing.T) {
	rows := [][]float64{{1, 5}, {2, 5}, {3, 5}, {4, 5}}
	cuts := quantileCuts(rows, 4)
	// 4 is a quantile too, but a cut at the largest value splits nothing off.
	if want := []float64{2, 3}; !reflect.DeepEqual(cuts[0], want) {
		t.Errorf("cuts of 1..4 = %v, want %v", cuts[0], want)
	}
	if len(cuts[1]) != 0 {
		t.Errorf("a constant input has cuts %v, want none", cuts[1])
	}
}

func scoreLossOf(y, z []float64) float64 {
	sum := 0.0
	for i := range y {
		sum += math.Max(z[i], 0) + math.Log1p(math.Exp(-math.Abs(z[i]))) - y[i]*z[i]
	}
	return sum
}
