package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"sort"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/qa"
)

// A calSample is one question as the engine answers it without
// abstaining: whether it could answer at all, whether the sentence it
// chose answers, and the evidence for it.
type calSample struct {
	set, lang  string
	answerable eval.Answerable
	answered   bool
	right      bool
	x          []float64
}

// calibrationSamples asks every question of arts with ranker r and no
// abstention.
func calibrationSamples(arts []*article, r *qa.Ranker) []calSample {
	out := make([][]calSample, len(arts))
	parallel(len(arts), func(i int) {
		a := arts[i]
		for _, q := range a.questions {
			ins, err := a.engine.Inspect(context.Background(), qa.Question{Text: q.Q}, r)
			if err != nil {
				log.Fatal(err)
			}
			s := calSample{set: a.set, lang: q.Lang, answerable: q.Answerable, answered: ins.Answer.Answered && ins.Calibration != nil, x: ins.Calibration}
			s.right = s.answered && q.right(ins.Answer.Quote)
			out[i] = append(out[i], s)
		}
	})
	var all []calSample
	for _, s := range out {
		all = append(all, s...)
	}
	return all
}

// calLambda is the L2 penalty of the calibration: small, the samples are
// many and the features few.
const calLambda = 1e-3

// fitCalibration fits the logistic calibration on the questions the engine
// can answer.
func fitCalibration(samples []calSample, cost float64) *qa.Calibration {
	names := qa.CalibrationNames()
	var rows [][]float64
	for _, s := range samples {
		if s.answered {
			rows = append(rows, s.x)
		}
	}
	mean, scale := standardise(rows, len(names))
	std := apply(rows, mean, scale)
	var data []sample
	k := 0
	for _, s := range samples {
		if !s.answered {
			continue
		}
		y := 0.0
		if s.right {
			y = 1
		}
		data = append(data, sample{x: std[k], y: y, w: 1})
		k++
	}
	w := make([]float64, len(names)+1)
	minimise(func(w, g []float64) float64 { return logLoss(data, w, calLambda, g) }, w, 1000)
	w = round(w)
	return &qa.Calibration{
		Features: names, Mean: mean, Scale: scale, Weights: w[1:], Bias: w[0],
		CostRatio: cost, Threshold: cost / (1 + cost),
	}
}

// curve prints, per set and language, what the engine does at the
// calibration's threshold, and the trade-off between the share of questions
// answered and the share of answers that are right at other thresholds.
func curve(w io.Writer, title string, samples []calSample, cal *qa.Calibration) {
	type key struct{ set, lang string }
	by := map[key][]calSample{}
	var keys []key
	for _, s := range samples {
		k := key{s.set, s.lang}
		if _, ok := by[k]; !ok {
			keys = append(keys, k)
		}
		by[k] = append(by[k], s)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].set != keys[j].set {
			return keys[i].set < keys[j].set
		}
		return keys[i].lang < keys[j].lang
	})
	fmt.Fprintf(w, "== %s: at threshold %.3f (cost ratio %g)\n", title, cal.Threshold, cal.CostRatio)
	fmt.Fprintf(w, "%-30s %5s %9s %9s %9s %9s %9s %5s\n", "set/lang", "ans", "sent@1", "top-right", "ans-decl", "right-dec", "unans-ok", "unans")
	for _, k := range keys {
		m := measure(by[k], cal, cal.Threshold)
		fmt.Fprintf(w, "%-30s %5d %8.1f%% %8.1f%% %8.1f%% %8.1f%% %8.1f%% %5d\n", k.set+"/"+k.lang, m.answerable,
			pct(m.sentence, m.answerable), pct(m.topRight, m.answerable), pct(m.answerableDeclined, m.answerable),
			pct(m.rightDeclined, m.topRight), pct(m.unansOK, m.unanswerable), m.unanswerable)
	}
	fmt.Fprintf(w, "-- %s: coverage (answered/all) and precision (right/answered) by threshold\n", title)
	ts := []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9}
	fmt.Fprintf(w, "%-30s", "set/lang")
	for _, t := range ts {
		fmt.Fprintf(w, " %11.2f", t)
	}
	fmt.Fprintln(w)
	for _, k := range keys {
		fmt.Fprintf(w, "%-30s", k.set+"/"+k.lang)
		for _, t := range ts {
			m := measure(by[k], cal, t)
			fmt.Fprintf(w, " %5.1f/%5.1f", pct(m.answered, m.n), pct(m.answeredRight, m.answered))
		}
		fmt.Fprintln(w)
	}
	// Reliability: predicted against observed, in bins.
	fmt.Fprintf(w, "-- %s: reliability (predicted -> observed right, n)\n", title)
	var bins [10]struct {
		n     int
		p, ok float64
	}
	for _, s := range samples {
		if !s.answered {
			continue
		}
		p := cal.Probability(s.x)
		b := min(int(p*10), 9)
		bins[b].n++
		bins[b].p += p
		if s.right {
			bins[b].ok++
		}
	}
	for _, b := range bins {
		if b.n > 0 {
			fmt.Fprintf(w, "  %.2f -> %.2f (%d)\n", b.p/float64(b.n), b.ok/float64(b.n), b.n)
		}
	}
}

type measured struct {
	n, answerable, unanswerable int
	sentence, topRight          int // answered and right; right without abstention
	answerableDeclined          int
	rightDeclined               int // right without abstention, declined
	unansOK                     int // unanswerable declined, or "either" declined or right
	answered, answeredRight     int
}

func measure(samples []calSample, cal *qa.Calibration, t float64) measured {
	var m measured
	for _, s := range samples {
		m.n++
		answers := s.answered && cal.Probability(s.x) >= t
		if answers {
			m.answered++
			if s.right {
				m.answeredRight++
			}
		}
		if s.answerable == eval.Yes {
			m.answerable++
			if s.right {
				m.topRight++
			}
			if answers && s.right {
				m.sentence++
			}
			if !answers {
				m.answerableDeclined++
				if s.right {
					m.rightDeclined++
				}
			}
			continue
		}
		m.unanswerable++
		if !answers || s.answerable == eval.Either && s.right {
			m.unansOK++
		}
	}
	return m
}
