package qa_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// rankerJSON writes a ranker file that weighs the named features only.
func rankerJSON(t *testing.T, weights map[string]float64, calibration *qa.Calibration) []byte {
	t.Helper()
	r := qa.Ranker{Candidates: 10}
	for name, w := range weights {
		r.Features = append(r.Features, name)
		r.Mean = append(r.Mean, 0)
		r.Scale = append(r.Scale, 1)
		r.Weights = append(r.Weights, w)
	}
	r.Calibration = calibration
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sure is a calibration that trusts every answer.
func sure() *qa.Calibration {
	return &qa.Calibration{Features: []string{"prob"}, Mean: []float64{0}, Scale: []float64{1}, Weights: []float64{0}, Bias: 5, CostRatio: 1, Threshold: 0.5}
}

func TestParseRanker(t *testing.T) {
	valid := `{"candidates": 5, "features": ["coverage", "position"], "mean": [0.3, 2], "scale": [0.2, 1.5], "weights": [1, -0.5],
		"calibration": {"features": ["prob", "typed"], "mean": [0.5, 0.5], "scale": [0.3, 0.5], "weights": [2, 1], "bias": -1, "cost_ratio": 3, "threshold": 0.75}}`
	if _, err := qa.ParseRanker([]byte(valid)); err != nil {
		t.Fatalf("ParseRanker(valid) = %v", err)
	}
	bad := []struct{ name, change, with string }{
		{"unknown feature", `"position"]`, `"shoe size"]`},
		{"unknown calibration input", `"typed"]`, `"luck"]`},
		{"fewer weights than features", `"weights": [1, -0.5]`, `"weights": [1]`},
		{"zero scale", `"scale": [0.2, 1.5]`, `"scale": [0, 1.5]`},
		{"no candidates", `"candidates": 5`, `"candidates": 0`},
		{"threshold not a probability", `"threshold": 0.75`, `"threshold": 1.5`},
		{"not JSON", `{"candidates"`, `{candidates`},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			data := strings.Replace(valid, tt.change, tt.with, 1)
			if data == valid {
				t.Fatalf("the test's change %q is not in the file", tt.change)
			}
			if _, err := qa.ParseRanker([]byte(data)); err == nil {
				t.Errorf("ParseRanker accepted a file with %s", tt.name)
			}
		})
	}
}

// TestInspect checks what the trainer reads: the first stage's candidates
// with one value per feature, the sentence that answers among them, and an
// answer even where Ask would decline.
func TestInspect(t *testing.T) {
	e := mustEngine(t, map[string]string{"treaty.txt": invented})
	ctx := context.Background()
	ins, err := e.Inspect(ctx, qa.Question{Text: "How many farmers depend on the river?"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ins.Candidates) < 2 {
		t.Fatalf("Inspect gave %d candidates, want several", len(ins.Candidates))
	}
	found := false
	for _, c := range ins.Candidates {
		if len(c.Features) != len(qa.FeatureNames()) {
			t.Fatalf("candidate %q has %d features, want %d", c.Quote.Text, len(c.Features), len(qa.FeatureNames()))
		}
		found = found || strings.Contains(c.Quote.Text, "12,000 farmers")
	}
	if !found {
		t.Errorf("the sentence with 12,000 farmers is not among the candidates")
	}
	if ins.Calibration != nil {
		t.Errorf("Inspect without a ranker described a calibration")
	}

	r, err := qa.ParseRanker(rankerJSON(t, map[string]float64{"cov_text": 3}, sure()))
	if err != nil {
		t.Fatal(err)
	}
	q := qa.Question{Text: "Who won the water prize?"}
	ins, err = e.Inspect(ctx, q, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(ins.Calibration) != len(qa.CalibrationNames()) {
		t.Errorf("Inspect(%q) with a ranker: %d calibration values, want %d", q.Text, len(ins.Calibration), len(qa.CalibrationNames()))
	}
	if a, err := e.Ask(ctx, q); err != nil || a.Answered {
		t.Fatalf("Ask(%q) = %v, %v; the test needs a question Ask declines", q.Text, a.Answered, err)
	}
	if !ins.Answer.Answered {
		t.Errorf("Inspect(%q) declined; it must answer what Ask declines, for the calibration", q.Text)
	}
}

// TestRankerOrders checks that the engine orders sentences by its
// ranker: with the words matched weighed, the sentence that has both words
// of the question; with the position weighed, the first or the last of the
// candidates.
func TestRankerOrders(t *testing.T) {
	q := qa.Question{Text: "What did the ministers sign?"}
	tests := []struct {
		name    string
		weights map[string]float64
		want    func(a qa.Answer, cands []qa.Candidate) bool
	}{
		{"by the words matched", map[string]float64{"cov_text": 5}, func(a qa.Answer, _ []qa.Candidate) bool {
			return strings.Contains(a.Quote.Text, "The ministers have never once")
		}},
		{"last first", map[string]float64{"position": 5}, func(a qa.Answer, cands []qa.Candidate) bool {
			for _, c := range cands {
				if c.Quote.Sentence > a.Quote.Sentence {
					return false
				}
			}
			return true
		}},
		{"first first", map[string]float64{"position": -5}, func(a qa.Answer, cands []qa.Candidate) bool {
			for _, c := range cands {
				if c.Quote.Sentence < a.Quote.Sentence {
					return false
				}
			}
			return true
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := qa.ParseRanker(rankerJSON(t, tt.weights, sure()))
			if err != nil {
				t.Fatal(err)
			}
			e := mustEngineWith(t, map[string]string{"treaty.txt": invented}, qa.Options{Ranker: r})
			a, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			ins, err := e.Inspect(context.Background(), q, r)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Answered || !tt.want(a, ins.Candidates[:min(len(ins.Candidates), r.Candidates)]) {
				t.Errorf("Ask(%q) = %v %q (sentence %d)", q.Text, a.Answered, a.Quote.Text, a.Quote.Sentence)
			}
		})
	}
}

func mustEngineWith(t testing.TB, articles map[string]string, opts qa.Options) *qa.Engine {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range articles {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	opts.Languages = reg
	e, err := qa.Load(fsys, opts)
	if err != nil {
		t.Fatal(err)
	}
	return e
}
