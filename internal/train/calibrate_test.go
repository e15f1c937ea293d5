package main

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/qa"
)

// TestFitTwoStage checks that the two-part calibration learns each part
// from its own evidence: on samples where one input ("top_para") says
// whether the article answers and another ("prob") whether the sentence is
// right when it does, the answerability model weighs the first and the
// other model the second, and the product orders the samples as they are.
func TestFitTwoStage(t *testing.T) {
	names := qa.CalibrationNames()
	col := columns(names)
	rng := rand.New(rand.NewPCG(1, 2))
	var samples []calSample
	for i := range 4000 {
		x := make([]float64, len(names))
		x[col["top_para"]], x[col["prob"]] = rng.Float64(), rng.Float64()
		s := calSample{pair: "en>en", fold: i % 5, answered: true, x: x, answerable: eval.Yes}
		if rng.Float64() > x[col["top_para"]] {
			s.answerable = eval.No
		} else {
			s.right = rng.Float64() < x[col["prob"]]
		}
		samples = append(samples, s)
	}
	cal, _ := fitCalibration(samples, calOptions{cost: 2, folds: 5, twoStage: true})
	if cal.Answerable == nil {
		t.Fatal("no answerability model")
	}
	weight := func(c *qa.Calibration, name string) float64 {
		for i, n := range c.Features {
			if n == name {
				return c.Weights[i]
			}
		}
		return math.NaN()
	}
	if a, r := weight(cal.Answerable, "top_para"), weight(cal.Answerable, "prob"); !(a > 1 && math.Abs(r) < a/5) {
		t.Errorf("answerability weights: top_para %v, prob %v; want top_para strong and prob near 0", a, r)
	}
	if a, r := weight(cal, "top_para"), weight(cal, "prob"); !(r > 1 && math.Abs(a) < r/5) {
		t.Errorf("rightness weights: top_para %v, prob %v; want prob strong and top_para near 0", a, r)
	}
	vec := func(para, prob float64) []float64 {
		x := make([]float64, len(names))
		x[col["top_para"]], x[col["prob"]] = para, prob
		return x
	}
	// P(answers) = para * prob, about.
	for _, tc := range []struct{ para, prob, want float64 }{{0.9, 0.9, 0.81}, {0.9, 0.2, 0.18}, {0.2, 0.9, 0.18}, {0.5, 0.5, 0.25}} {
		if got := cal.Probability(vec(tc.para, tc.prob), "en>en"); math.Abs(got-tc.want) > 0.08 {
			t.Errorf("Probability(top_para %v, prob %v) = %.3f, want about %.2f", tc.para, tc.prob, got, tc.want)
		}
	}
	if !(cal.Threshold > 0.3 && cal.Threshold < 0.8) {
		t.Errorf("threshold %v, want near 0.5 (at cost 2, answering pays when a right answer is likelier than not)", cal.Threshold)
	}
}

// TestBestThresholdDeclinesEnough: unanswerable questions scored 0.30 to
// 0.59, and three right answers at each step from 0.30 to 0.99. Each step
// up from 0.30 declines one unanswerable question (saving 2) and three
// right answers (costing 3): the cheapest threshold answers everything.
// Asked to decline 80% of the unanswerable ones, the cheapest threshold
// that does is 0.54; asked for all, 0.60; asked for more than any
// declines, the lowest that declines most.
func TestBestThresholdDeclinesEnough(t *testing.T) {
	samples, probs := thresholdSteps()
	for _, tc := range []struct {
		minDeclined float64
		want        float64
	}{
		{0, 0.01},
		{0.8, 0.54},
		{1, 0.60},
		{1.1, 0.60},
	} {
		got, _ := bestThreshold(samples, probs, calOptions{cost: 2, minDeclined: tc.minDeclined})
		if math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("minDeclined %.1f: threshold %.2f, want %.2f", tc.minDeclined, got, tc.want)
		}
	}
}

// TestLowestThreshold checks the threshold at which a share of the
// unanswerable questions is declined: questions the engine cannot answer
// (-1) are declined at any threshold.
func TestLowestThreshold(t *testing.T) {
	tests := []struct {
		name  string
		probs []float64
		share float64
		want  float64
		ok    bool
	}{
		{"none", nil, 0.5, 0, false},
		{"all declined already", []float64{-1, -1}, 1, 0, true},
		{"half", []float64{0.2, 0.4, 0.6, 0.8}, 0.5, 0.401, true},
		{"unanswered count", []float64{-1, 0.3, 0.9}, 0.6, 0.301, true},
		{"all", []float64{0.2, 0.4}, 1, 0.401, true},
		{"a probability of 1 is never declined", []float64{1}, 1, 0, false},
	}
	for _, tt := range tests {
		got, ok := lowestThreshold(tt.probs, tt.share)
		if ok != tt.ok || math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: lowestThreshold(%v, %v) = %v, %v; want %v, %v", tt.name, tt.probs, tt.share, got, ok, tt.want, tt.ok)
		}
	}
}

// TestBestThresholdShare: on the samples of TestBestThresholdDeclinesEnough
// (each step of 0.01 up declines one unanswerable question and three right
// answers, so the cheapest threshold that declines 80% of the unanswerable
// ones is 0.54), asking for 90% of them declined moves the threshold to
// 0.561 (just above 0.56, the 27th unanswerable question's score) when the
// tolerance covers the 3 the move costs, and leaves it at the cheapest
// when it does not, or when the share asked is under the least declined.
func TestBestThresholdShare(t *testing.T) {
	samples, probs := thresholdSteps()
	for _, tc := range []struct {
		share, tolerance float64
		want             float64
	}{
		{0, 1, 0.54},
		{0.9, 10, 0.561},
		{0.9, 0.1, 0.54},
		{0.7, 10, 0.54}, // under -min-declined's 0.8
	} {
		got, how := bestThreshold(samples, probs, calOptions{cost: 2, minDeclined: 0.8, share: tc.share, tolerance: tc.tolerance})
		if math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("share %.1f, tolerance %g: threshold %.3f (%s), want %.3f", tc.share, tc.tolerance, got, how, tc.want)
		}
	}
}

// TestThresholdDeclining checks the threshold that declines a share of the
// unanswerable samples as realeval counts them: those the engine cannot
// answer are declined at any threshold, and a question the article half
// answers (Either) is not one of them.
func TestThresholdDeclining(t *testing.T) {
	samples := []calSample{
		{answerable: eval.No}, // cannot answer: always declined
		{answerable: eval.No, answered: true},
		{answerable: eval.No, answered: true},
		{answerable: eval.No, answered: true},
		{answerable: eval.Yes, answered: true},
		{answerable: eval.Either, answered: true},
	}
	probs := []float64{0, 0.2, 0.6, 0.4, 0.1, 0.9}
	for _, tc := range []struct {
		share float64
		want  float64
	}{
		{0.25, 0},
		{0.5, 0.201},
		{0.75, 0.401},
		{1, 0.601},
	} {
		got, ok := thresholdDeclining(samples, probs, tc.share)
		if !ok || math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("share %.2f: threshold %v, %v; want %v", tc.share, got, ok, tc.want)
		}
		if o := operate(samples, probs, 2, got); o.unansDeclined < 100*tc.share-1e-9 {
			t.Errorf("share %.2f: threshold %v declines %.1f%% of the unanswerable samples", tc.share, got, o.unansDeclined)
		}
	}
}

// TestStageTrees checks that the trees on each model of the two-stage
// calibration learn what one weight per input cannot: a sentence is
// likelier right the higher its "prob" when "typed" is unset and the lower
// when it is set, which the trees tell and the logistic models alone
// cannot.
func TestStageTrees(t *testing.T) {
	names := qa.CalibrationNames()
	col := columns(names)
	rng := rand.New(rand.NewPCG(3, 4))
	var samples []calSample
	for i := range 4000 {
		x := make([]float64, len(names))
		x[col["prob"]], x[col["top_para"]] = rng.Float64(), rng.Float64()
		if rng.IntN(2) == 0 {
			x[col["typed"]] = 1
		}
		s := calSample{pair: "en>en", fold: i % 5, answered: true, x: x, answerable: eval.Yes}
		p := x[col["prob"]]
		if x[col["typed"]] == 1 {
			p = 1 - p
		}
		s.right = rng.Float64() < p
		samples = append(samples, s)
	}
	plain, _ := fitCalibration(samples, calOptions{cost: 2, folds: 5, twoStage: true})
	boosted, _ := fitCalibration(samples, calOptions{cost: 2, folds: 5, twoStage: true, stage: boostParams{trees: 50, depth: 2, rate: 0.1, leafL2: 1, minHess: 5, maxCuts: 32}})
	if len(boosted.Trees) != 50 || len(boosted.Answerable.Trees) != 50 {
		t.Fatalf("%d and %d trees, want 50 on each model", len(boosted.Trees), len(boosted.Answerable.Trees))
	}
	if a, b := auc(samples, plain), auc(samples, boosted); !(b > a+0.1) {
		t.Errorf("AUC %.3f with trees, %.3f without: want the trees to learn the interaction", b, a)
	}
}

// TestTreesFrom checks the candidate count from which the calibration's
// trees are fitted and count: the one all but share of the unanswerable
// samples reach, the answerable ones (from single passages, with few
// candidates) not counted.
func TestTreesFrom(t *testing.T) {
	var samples []calSample
	for _, n := range []int{1, 1, 2, 2, 2, 3} {
		samples = append(samples, calSample{answerable: eval.Yes, scored: n})
	}
	for n := 1; n <= 20; n++ {
		samples = append(samples, calSample{answerable: eval.No, scored: 5 + n})
	}
	samples = append(samples, calSample{answerable: eval.Either, scored: 1})
	for _, tc := range []struct {
		share float64
		want  int
	}{
		{0, 0},     // off: everywhere
		{0.05, 7},  // the 2nd of 20 (index 1)
		{0.5, 16},  // index 10
		{0.99, 25}, // the last
	} {
		if got := treesFrom(samples, tc.share); got != tc.want {
			t.Errorf("share %v: from %d, want %d", tc.share, got, tc.want)
		}
	}
	if got := treesFrom(samples[:6], 0.05); got != 0 {
		t.Errorf("no unanswerable samples: from %d, want 0", got)
	}
}

// thresholdSteps gives the samples of TestBestThresholdDeclinesEnough:
// 30 unanswerable questions scored 0.30 to 0.59, and three right answers
// at each step of 0.01 from 0.30 to 0.99.
func thresholdSteps() ([]calSample, []float64) {
	var samples []calSample
	var probs []float64
	for i := range 30 {
		samples = append(samples, calSample{answerable: eval.No, answered: true})
		probs = append(probs, 0.30+float64(i)/100)
	}
	for i := range 70 {
		for range 3 {
			samples = append(samples, calSample{answerable: eval.Yes, answered: true, right: true})
			probs = append(probs, 0.30+float64(i)/100)
		}
	}
	return samples, probs
}

// columns maps each calibration input's name to its column in a sample.
func columns(names []string) map[string]int {
	col := make(map[string]int, len(names))
	for i, n := range names {
		col[n] = i
	}
	return col
}

// TestDumpSamples checks what -dump writes for reading the calibration's
// errors: a header naming every input, a row per sample, fit and dev, the
// question's tabs and line breaks made spaces, and -1 as the probability
// of a question the engine could not answer.
func TestDumpSamples(t *testing.T) {
	names := qa.CalibrationNames()
	col := columns(names)
	rng := rand.New(rand.NewPCG(3, 4))
	var fit []calSample
	for i := range 500 {
		x := make([]float64, len(names))
		x[col["prob"]] = rng.Float64()
		s := calSample{pair: "en>en", fold: i % 5, answered: true, x: x, right: rng.Float64() < x[col["prob"]], q: "q"}
		if i%10 == 0 {
			s.answerable = eval.No
			s.right = false
		}
		fit = append(fit, s)
	}
	fit = append(fit, calSample{pair: "en>en", fold: 0, q: "never answered"})
	dev := []calSample{{pair: "en>en", answered: true, x: fit[1].x, q: "a\tquestion\non two lines", quote: "chosen", gold: "gold", set: "s", article: "s/a"}}
	opts := calOptions{cost: 2, folds: 5, twoStage: true}
	cal, _ := fitCalibration(fit, opts)
	path := filepath.Join(t.TempDir(), "dump.tsv")
	if err := dumpSamples(path, fit, dev, cal, opts); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 1+len(fit)+len(dev) {
		t.Fatalf("%d lines, want a header and %d samples", len(lines), len(fit)+len(dev))
	}
	header := strings.Split(lines[0], "\t")
	if len(header) != 12+len(names) || header[6] != "P" || header[len(header)-1] != names[len(names)-1] {
		t.Errorf("header %q: want 12 columns, P the 7th, then the %d inputs", header, len(names))
	}
	for i, line := range lines[1:] {
		if f := strings.Split(line, "\t"); len(f) != len(header) {
			t.Errorf("line %d: %d columns, want %d", i+2, len(f), len(header))
		}
	}
	unanswered := strings.Split(lines[len(fit)], "\t")
	if unanswered[0] != "fit" || unanswered[6] != "-1.0000" || unanswered[9] != "never answered" {
		t.Errorf("unanswered fit sample: %q; want split fit, probability -1", unanswered[:10])
	}
	last := strings.Split(lines[len(lines)-1], "\t")
	if want := fmt.Sprintf("%.4f", dev[0].prob(cal)); last[0] != "dev" || last[6] != want || last[9] != "a question on two lines" || last[10] != "chosen" || last[11] != "gold" {
		t.Errorf("dev sample: %q; want split dev, probability %s, the question on one line", last[:12], want)
	}
}
