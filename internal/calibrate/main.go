// Command calibrate fits the engine's confidence model (qa/confidence.go)
// on the tuning question sets and shows what each abstention threshold
// gives on the tuning and the held-out sets.
//
//	go run ./internal/calibrate
//
// It asks every tuning question with abstention switched off, records the
// evidence of the sentence the engine would quote and whether that
// sentence is right (it contains a gold substring of an answerable
// question), and fits a logistic regression of rightness on the evidence.
// Held-out questions are only scored, never fitted on. Paste the printed
// weights into qa/confidence.go.
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

func main() {
	root := flag.String("root", ".", "repository root")
	flag.Float64Var(&floor, "floor", qa.DefaultMinCoverage, "coverage below which the engine never answers")
	flag.Parse()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		log.Fatal(err)
	}
	var tune, held []sample
	for _, set := range []struct {
		dir      string
		articles fs.FS
	}{
		{"testdata/eval/seed", seeds.FS},
		{"testdata/eval/articles", os.DirFS(filepath.Join(*root, "testdata/articles"))},
	} {
		e, err := qa.Load(set.articles, qa.Options{Languages: reg, Detector: lang.NewDetector(reg), MinConfidence: 1e-9})
		if err != nil {
			log.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(*root, set.dir, "*.jsonl"))
		for _, f := range files {
			s := ask(e, f)
			if strings.HasSuffix(f, ".heldout.jsonl") {
				held = append(held, s...)
			} else {
				tune = append(tune, s...)
			}
		}
	}
	w := fit(tune)
	fmt.Printf("weights: bias %.3f, coverage %.3f, relation %.3f, margin %.3f, unknown %.3f, typed %.3f, coverageTyped %.3f\n",
		w[0], w[1], w[2], w[3], w[4], w[5], w[6])
	fmt.Println("threshold  tuning sentence@1 abstain   held-out sentence@1 abstain")
	for _, t := range []float64{0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7} {
		s1, a1 := score(tune, w, t)
		s2, a2 := score(held, w, t)
		fmt.Printf("%9.2f  %17.1f %7.1f   %19.1f %7.1f\n", t, s1, a1, s2, a2)
	}
}

// floor is the engine's coverage floor: below it no answer is given,
// whatever the model says, so such samples are neither fitted nor counted
// as answered.
var floor float64

// A sample is one question with the evidence of the sentence the engine
// would quote.
type sample struct {
	x          []float64
	answered   bool // the engine found a sentence with the kind of fact asked for
	right      bool // that sentence answers (contains a gold substring)
	answerable eval.Answerable
}

func ask(e *qa.Engine, file string) []sample {
	f, err := os.Open(file)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	qs, err := eval.Read(f, file)
	if err != nil {
		log.Fatal(err)
	}
	var out []sample
	for _, q := range qs {
		a, err := e.Ask(context.Background(), qa.Question{Text: q.Q})
		if err != nil {
			log.Fatal(err)
		}
		out = append(out, sample{
			x:          features(a.Evidence),
			answered:   a.Answered && a.Evidence.Coverage >= floor,
			right:      a.Answered && q.Answerable != eval.No && eval.Hit(a.Quote.Text, q.Gold),
			answerable: q.Answerable,
		})
	}
	return out
}

// features must list the evidence in the order of qa/confidence.go.
func features(ev qa.Evidence) []float64 {
	typed := 0.0
	if ev.Typed {
		typed = 1
	}
	return []float64{ev.Coverage, ev.Relation, ev.Margin, ev.Unknown, typed, ev.Coverage * typed}
}

// signs constrains each feature's weight to the direction that makes
// sense whatever the sample says: more coverage, relation, margin or a
// typed fact never lowers confidence, and unknown words never raise it.
// Without them the fit learns accidents of the question sets (unanswerable
// questions in one set happened to have many unknown words and a clear
// winner).
var signs = []float64{+1, +1, +1, -1, +1, +1}

// fit is a logistic regression by projected gradient descent with a small
// L2 penalty and the signs above: a handful of features and a thousand
// samples need nothing more.
func fit(samples []sample) []float64 {
	var data []sample
	for _, s := range samples {
		if s.answered {
			data = append(data, s)
		}
	}
	n := len(data[0].x)
	w := make([]float64, n+1)
	const (
		rate   = 0.5
		lambda = 0.001
		epochs = 5000
	)
	for range epochs {
		g := make([]float64, n+1)
		for _, s := range data {
			d := predict(w, s.x) - b2f(s.right)
			g[0] += d
			for i, x := range s.x {
				g[i+1] += d * x
			}
		}
		for i := range w {
			reg := 0.0
			if i > 0 {
				reg = lambda * w[i]
			}
			w[i] -= rate * (g[i]/float64(len(data)) + reg)
			if i > 0 && w[i]*signs[i-1] < 0 {
				w[i] = 0
			}
		}
	}
	return w
}

func predict(w, x []float64) float64 {
	z := w[0]
	for i, v := range x {
		z += w[i+1] * v
	}
	return 1 / (1 + math.Exp(-z))
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// score returns sentence@1 and abstention, in percent, when answers below
// the threshold are withheld.
func score(samples []sample, w []float64, t float64) (sentence, abstain float64) {
	var na, nu, s, a int
	for _, x := range samples {
		answers := x.answered && predict(w, x.x) >= t
		if x.answerable == eval.Yes {
			na++
			if answers && x.right {
				s++
			}
			continue
		}
		nu++
		if !answers || x.answerable == eval.Either && x.right {
			a++
		}
	}
	return 100 * float64(s) / float64(max(na, 1)), 100 * float64(a) / float64(max(nu, 1))
}
