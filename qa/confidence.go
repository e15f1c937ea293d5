package qa

import "math"

// confidence is a logistic model of the probability that a sentence
// answers a question, given the evidence. Its weights were fitted on the
// tuning question sets of testdata/eval, never the held-out ones, by
// `go run ./internal/calibrate`; rerun it and paste its weights here when
// the evidence changes.
func confidence(ev Evidence) float64 {
	w := confidenceWeights
	typed := 0.0
	if ev.Typed {
		typed = 1
	}
	z := w.bias + w.coverage*ev.Coverage + w.relation*ev.Relation + w.margin*ev.Margin +
		w.unknown*ev.Unknown + w.typed*typed + w.coverageTyped*ev.Coverage*typed
	return 1 / (1 + math.Exp(-z))
}

// confidenceWeights are the fitted weights of the confidence model, in the
// order internal/calibrate prints them. Read-only.
var confidenceWeights = struct {
	bias, coverage, relation, margin, unknown, typed, coverageTyped float64
}{
	bias: -2.076, coverage: 1.076, relation: 0.852, margin: 2.465, unknown: 0, typed: 0.162, coverageTyped: 0.903,
}
