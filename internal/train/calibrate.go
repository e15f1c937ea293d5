package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/qa"
)

// A calSample is one question as the engine answers it without
// abstaining: whether it could answer at all, whether the sentence it
// chose answers, and the evidence for it.
type calSample struct {
	set, lang  string
	artLang    string // the article's language
	answerable eval.Answerable
	pair       string // the question's and the article's languages, as the engine names them (qa.Inspection.Pair)
	fold       int    // the article's cross-validation fold
	answered   bool
	right      bool
	x          []float64
	scored     int // candidates the ranker scored (qa.Inspection.Scored)
	// For reading the calibration's errors (-dump): the question, the
	// sentence the engine chose, a gold answer, and the article.
	q, quote, gold, article string
}

// prob is the probability cal gives s.
func (s calSample) prob(cal *qa.Calibration) float64 {
	return cal.ProbabilityAmong(s.x, s.pair, s.scored)
}

// calibrationSamples asks every question of arts with ranker r and no
// abstention.
func calibrationSamples(arts []*article, r *qa.Ranker, fold func(*article) int) []calSample {
	out := make([][]calSample, len(arts))
	parallel(len(arts), func(i int) {
		a := arts[i]
		for _, q := range a.questions {
			ins, err := a.engine.Inspect(context.Background(), qa.Question{Text: q.Q}, r)
			if err != nil {
				log.Fatal(err)
			}
			s := calSample{set: a.set, lang: q.Lang, artLang: a.lang, pair: ins.Pair, fold: fold(a), answerable: q.Answerable, answered: ins.Answer.Answered && ins.Calibration != nil, x: ins.Calibration, scored: ins.Scored}
			s.right = s.answered && q.right(ins.Answer.Quote)
			s.q, s.quote, s.article = q.Q, ins.Answer.Quote.Text, a.a.Key
			if len(q.Gold) > 0 {
				s.gold = q.Gold[0]
			}
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

// minPair is how many answered fit questions a language pair needs for a
// term of its own in the calibration (Calibration.Pairs).
const minPair = 50

// calOptions are the calibration's choices: boosting is off when depths
// is empty.
type calOptions struct {
	dump   string // a TSV file to write the samples to (-dump)
	drop   string // comma-separated inputs left out
	cost   float64
	depths []int // tree depths to choose among by cross-validation
	boost  boostParams
	folds  int
	// twoStage fits the probability that the article answers apart
	// (Calibration.Answerable) from that of the sentence being right when
	// it does.
	twoStage bool
	smooth   int // steps of 0.01 the threshold's cost is averaged over on either side
	// minDeclined is the least share of the questions the article does not
	// answer that the threshold must decline on the out-of-fold scores
	// (issue 9's target: 80%); the cheapest threshold that does is chosen.
	minDeclined float64
	// stage boosts trees on each model of the two-stage calibration when
	// its trees are more than 0.
	stage boostParams
	// share, when above 0, is the share of the unanswerable questions
	// the threshold declines, out of fold, when its cost is within
	// tolerance standard errors of the cheapest threshold's.
	share, tolerance float64
	// fadeShare is the share of the unanswerable fit questions whose
	// ranker scored fewer candidates than the trees need to count in full
	// (qa.Calibration.TreesFrom, treesFrom).
	fadeShare float64
}

// fitCalibration fits the calibration on the questions the engine can
// answer: a logistic model with a term per language pair, then, when opts
// asks for them, boosted trees on top, as many and as deep as
// cross-validation by article (the samples' folds) finds best in
// log-loss. The threshold is where answering costs least on the fit
// questions, each scored by a calibration that did not see its article.
func fitCalibration(samples []calSample, opts calOptions) (*qa.Calibration, string) {
	var answered []calSample
	for _, s := range samples {
		if s.answered {
			answered = append(answered, s)
		}
	}
	pairs := pairsOf(answered)
	if opts.twoStage {
		cal := fitTwoStage(answered, pairs, opts.cost, opts.stage, opts.fadeShare)
		oof := make([]float64, len(answered)) // out-of-fold probabilities, for the threshold
		for f := range opts.folds {
			train, test, idx := splitFold(answered, f)
			c := fitTwoStage(train, pairs, opts.cost, opts.stage, opts.fadeShare)
			for k, s := range test {
				oof[idx[k]] = s.prob(c)
			}
		}
		probs := make([]float64, len(samples))
		k := 0
		for i, s := range samples {
			if s.answered {
				probs[i] = oof[k]
				k++
			}
		}
		t, how := bestThreshold(samples, probs, opts)
		cal.Threshold = t
		log.Printf("calibration: out of fold on fit: AUC %.4f; at the threshold: %v", aucOf(samples, probs), operate(samples, probs, opts.cost, t))
		if ft, ok := thresholdDeclining(samples, probs, fixedDeclined); ok {
			log.Printf("calibration: out of fold on fit: at %.1f%% of the unanswerable declined: %v", 100*fixedDeclined, operate(samples, probs, opts.cost, ft))
		}
		return cal, how
	}
	cal := fitLinear(answered, pairs, opts.cost)
	oof := make([]float64, len(answered)) // out-of-fold scores, for the threshold
	if len(opts.depths) == 0 {
		for f := range opts.folds {
			train, test, idx := splitFold(answered, f)
			c := fitLinear(train, pairs, opts.cost)
			for k, s := range test {
				oof[idx[k]] = c.Linear(s.x, s.pair)
			}
		}
	} else {
		depth, trees := chooseBoost(answered, pairs, opts)
		p := opts.boost
		p.depth, p.trees = depth, trees
		for f := range opts.folds {
			train, test, idx := splitFold(answered, f)
			c := fitLinear(train, pairs, opts.cost)
			b, y, base := boostInputs(train, c, opts.boost.maxCuts)
			rows, evalBase := linearScores(test, c)
			for i := range test {
				oof[idx[i]] = evalBase[i] // no trees at all
			}
			boost(b, y, base, p, rows, evalBase, func(k int, score []float64) {
				if k == trees {
					for i := range test {
						oof[idx[i]] = score[i]
					}
				}
			})
		}
		b, y, base := boostInputs(answered, cal, opts.boost.maxCuts)
		for _, t := range boost(b, y, base, p, nil, nil, nil) {
			tt := t.export(qa.CalibrationNames(), b.cuts)
			for i, v := range tt.Value {
				tt.Value[i] = roundTo(v)
			}
			cal.Trees = append(cal.Trees, tt)
		}
		if err := (&qa.Ranker{Candidates: 1, Calibration: cal}).Compile(); err != nil {
			log.Fatal(err)
		}
		log.Printf("calibration: %d trees of depth %d", trees, depth)
	}
	probs := make([]float64, len(samples))
	k := 0
	for i, s := range samples {
		if s.answered {
			probs[i] = 1 / (1 + math.Exp(-oof[k]))
			k++
		}
	}
	t, how := bestThreshold(samples, probs, opts)
	cal.Threshold = t
	return cal, how
}

// pairsOf returns the language pairs that enough samples have, in order.
func pairsOf(samples []calSample) []string {
	n := map[string]int{}
	for _, s := range samples {
		n[s.pair]++
	}
	var out []string
	for p, k := range n {
		if k >= minPair {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// splitFold returns the samples outside fold f, those in it, and the
// index of each of the latter among samples.
func splitFold(samples []calSample, f int) (train, test []calSample, idx []int) {
	for i, s := range samples {
		if s.fold == f {
			test = append(test, s)
			idx = append(idx, i)
		} else {
			train = append(train, s)
		}
	}
	return train, test, idx
}

// fitTwoStage fits a calibration in two parts on answered samples: the
// probability that the sentence is right on the questions the article
// answers, and, as its Answerable, the probability that the article
// answers, on all of them.
func fitTwoStage(samples []calSample, pairs []string, cost float64, stage boostParams, fadeShare float64) *qa.Calibration {
	var answerable []calSample
	for _, s := range samples {
		if s.answerable != eval.No {
			answerable = append(answerable, s)
		}
	}
	cal := fitLogistic(answerable, pairs, cost, func(s calSample) bool { return s.right })
	cal.Answerable = fitLogistic(samples, pairs, cost, func(s calSample) bool { return s.answerable != eval.No })
	cal.Answerable.CostRatio, cal.Answerable.Threshold = 0, 0
	if stage.trees > 0 {
		// The trees learn, and count, only where the fit data holds
		// unanswerable questions too (treesFrom).
		from := treesFrom(samples, fadeShare)
		many := func(ss []calSample) []calSample {
			var out []calSample
			for _, s := range ss {
				if s.scored >= from {
					out = append(out, s)
				}
			}
			return out
		}
		boostStage(many(answerable), cal, func(s calSample) bool { return s.right }, stage)
		boostStage(many(samples), cal.Answerable, func(s calSample) bool { return s.answerable != eval.No }, stage)
		cal.TreesFrom, cal.Answerable.TreesFrom = from, from
		if err := (&qa.Ranker{Candidates: 1, Calibration: cal}).Compile(); err != nil {
			log.Fatal(err)
		}
	}
	if err := (&qa.Ranker{Candidates: 1, Calibration: cal}).Compile(); err != nil {
		log.Fatal(err)
	}
	return cal
}

// treesFrom is the fewest candidates scored that all but share of the
// unanswerable samples reach: from where the trees are fitted and count
// (qa.Calibration.TreesFrom); 0 when share is 0 or there are none. When
// the unanswerable questions were made from articles of three paragraphs
// or more alone, below about 9 candidates the fit data held answerable
// questions alone, from single passages, and the trees learnt there that
// few candidates mean an answer: on a short article the bot reads, they
// would answer what it does not say. Short articles give unanswerable
// questions too now (dataset.HoldOut removes a sentence), which brings
// the count down to about 3.
func treesFrom(samples []calSample, share float64) int {
	var n []int
	for _, s := range samples {
		if s.answerable == eval.No {
			n = append(n, s.scored)
		}
	}
	if share <= 0 || len(n) == 0 {
		return 0
	}
	sort.Ints(n)
	return n[min(len(n)-1, int(share*float64(len(n))))]
}

// boostStage adds to c, a fitted logistic model of label, trees boosted
// on what it leaves; the caller compiles c again.
func boostStage(samples []calSample, c *qa.Calibration, label func(calSample) bool, p boostParams) {
	rows, base := linearScores(samples, c)
	y := make([]float64, len(samples))
	for i, s := range samples {
		if label(s) {
			y[i] = 1
		}
	}
	b := binRows(rows, quantileCuts(rows, min(255, p.maxCuts)))
	for _, t := range boost(b, y, base, p, nil, nil, nil) {
		tt := t.export(qa.CalibrationNames(), b.cuts)
		for i, v := range tt.Value {
			tt.Value[i] = roundTo(v)
		}
		c.Trees = append(c.Trees, tt)
	}
}

// fitLinear fits the logistic part of the calibration on answered
// samples: the standardised inputs, and a 0/1 column per pair.
func fitLinear(samples []calSample, pairs []string, cost float64) *qa.Calibration {
	return fitLogistic(samples, pairs, cost, func(s calSample) bool { return s.right })
}

// fitLogistic fits a logistic model of label on samples: the
// standardised inputs, and a 0/1 column per pair.
func fitLogistic(samples []calSample, pairs []string, cost float64, label func(calSample) bool) *qa.Calibration {
	names := qa.CalibrationNames()
	rows := make([][]float64, len(samples))
	for i, s := range samples {
		rows[i] = s.x
	}
	mean, scale := standardise(rows, len(names))
	std := apply(rows, mean, scale)
	col := map[string]int{}
	for i, p := range pairs {
		col[p] = len(names) + i
	}
	data := make([]sample, len(samples))
	for i, s := range samples {
		x := append(std[i], make([]float64, len(pairs))...)
		if c, ok := col[s.pair]; ok {
			x[c] = 1
		}
		y := 0.0
		if label(s) {
			y = 1
		}
		data[i] = sample{x: x, y: y, w: 1}
	}
	w := make([]float64, len(names)+len(pairs)+1)
	minimise(func(w, g []float64) float64 { return logLoss(data, w, calLambda, g) }, w, 1000)
	w = round(w)
	cal := &qa.Calibration{
		Features: names, Mean: mean, Scale: scale, Weights: w[1 : 1+len(names)], Bias: w[0],
		CostRatio: cost, Threshold: 0.5,
	}
	if len(pairs) > 0 {
		cal.Pairs = map[string]float64{}
		for i, p := range pairs {
			cal.Pairs[p] = w[1+len(names)+i]
		}
	}
	if err := (&qa.Ranker{Candidates: 1, Calibration: cal}).Compile(); err != nil {
		log.Fatal(err)
	}
	return cal
}

// linearScores returns the samples' inputs and their scores under the
// logistic part of c.
func linearScores(samples []calSample, c *qa.Calibration) (rows [][]float64, score []float64) {
	for _, s := range samples {
		rows = append(rows, s.x)
		score = append(score, c.Linear(s.x, s.pair))
	}
	return rows, score
}

// boostInputs returns what boosting on samples over linear model c reads.
func boostInputs(samples []calSample, c *qa.Calibration, maxCuts int) (binned, []float64, []float64) {
	rows, base := linearScores(samples, c)
	y := make([]float64, len(samples))
	for i, s := range samples {
		if s.right {
			y[i] = 1
		}
	}
	return binRows(rows, quantileCuts(rows, min(255, maxCuts))), y, base
}

// chooseBoost returns the depth and number of trees whose out-of-fold
// log-loss is least (the fewest trees of equals).
func chooseBoost(samples []calSample, pairs []string, opts calOptions) (depth, trees int) {
	bestLoss := math.Inf(1)
	for _, d := range opts.depths {
		p := opts.boost
		p.depth = d
		loss := make([]float64, p.trees+1)
		for f := range opts.folds {
			train, test, _ := splitFold(samples, f)
			c := fitLinear(train, pairs, opts.cost)
			b, y, base := boostInputs(train, c, opts.boost.maxCuts)
			rows, evalBase := linearScores(test, c)
			loss[0] += scoreLoss(test, evalBase)
			boost(b, y, base, p, rows, evalBase, func(k int, score []float64) {
				loss[k] += scoreLoss(test, score)
			})
		}
		for k, l := range loss {
			log.Printf("calibration: depth %d, %d trees: out-of-fold log-loss %.4f", d, k, l/float64(len(samples)))
			if l < bestLoss-1e-9 {
				bestLoss, depth, trees = l, d, k
			}
		}
	}
	return depth, trees
}

// scoreLoss is the summed log-loss of samples at log-odds score.
func scoreLoss(samples []calSample, score []float64) float64 {
	sum := 0.0
	for i, s := range samples {
		z := score[i]
		y := 0.0
		if s.right {
			y = 1
		}
		sum += math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - y*z
	}
	return sum
}

// costOf is what the engine's answers cost at threshold t, each sample
// answered with probability probs[i]: a wrong answer costs cost, a
// declined question the article answers costs 1, a right answer or a
// declined question the article does not answer nothing.
func costOf(samples []calSample, probs []float64, cost, t float64) float64 {
	sum := 0.0
	for i, s := range samples {
		answers := s.answered && probs[i] >= t
		switch {
		case answers && !s.right:
			sum += cost
		case !answers && s.answerable == eval.Yes:
			sum++
		}
	}
	return sum
}

// bestThreshold returns the threshold, in steps of 0.01, at which the
// answers to the samples cost least, the cost at each step averaged with
// opts.smooth steps on either side (the curve is flat near its least, where
// one question more or less moves the bare minimum far); the lowest of
// equals. Only thresholds that decline at least opts.minDeclined of the
// questions the article does not answer are chosen among; when none does,
// the one that declines most of them.
//
// When opts.share is set (and no less than opts.minDeclined), the
// threshold that declines that share of the unanswerable questions is
// chosen instead, in steps of 0.001, if its cost is within opts.tolerance
// standard errors of the cheapest's. It returns the threshold and how it
// was chosen, for the model's note.
func bestThreshold(samples []calSample, probs []float64, opts calOptions) (float64, string) {
	var at, declined [100]float64
	unanswerable := 0
	for _, s := range samples {
		if s.answerable == eval.No {
			unanswerable++
		}
	}
	for k := 1; k < 100; k++ {
		t := float64(k) / 100
		at[k] = costOf(samples, probs, opts.cost, t)
		if unanswerable == 0 {
			declined[k] = 1
			continue
		}
		n := 0
		for i, s := range samples {
			if s.answerable == eval.No && !(s.answered && probs[i] >= t) {
				n++
			}
		}
		declined[k] = float64(n) / float64(unanswerable)
	}
	best, bestCost := 0.0, math.Inf(1)
	for k := 1; k < 100; k++ {
		if declined[k] < opts.minDeclined {
			continue
		}
		sum, n := 0.0, 0
		for j := max(1, k-opts.smooth); j <= min(99, k+opts.smooth); j++ {
			sum += at[j]
			n++
		}
		if c := sum / float64(n); c < bestCost-1e-9 {
			best, bestCost = float64(k)/100, c
		}
	}
	if best == 0 { // no threshold declines enough: the lowest that declines most
		k := 1
		for j := 2; j < 100; j++ {
			if declined[j] > declined[k] {
				k = j
			}
		}
		return float64(k) / 100, fmt.Sprintf("no threshold declines %.0f%% of the unanswerable fit questions: the one that declines most", 100*opts.minDeclined)
	}
	cheapest := fmt.Sprintf("the cheapest threshold on the fit questions, each scored out of fold, among those that decline %.0f%% of the unanswerable ones", 100*opts.minDeclined)
	if opts.share > 0 && opts.share >= opts.minDeclined {
		// The cost is flat near its least, where one question more or less
		// moves the cheapest threshold far and the sentences right with it.
		// The threshold that declines the share asked for of the
		// unanswerable questions costs no more within the noise, and
		// stays where it is from one refit to the next.
		t, ok := thresholdDeclining(samples, probs, opts.share)
		if ok && t > 0 && t < 1 && costOf(samples, probs, opts.cost, t)-costOf(samples, probs, opts.cost, best) <= opts.tolerance*costSE(samples, probs, opts.cost, t, best) {
			return t, fmt.Sprintf("the threshold that declines %.1f%% of the unanswerable fit questions, each scored out of fold, whose cost exceeds the cheapest threshold's (%.2f) by no more than %g times the standard error of their difference", 100*opts.share, best, opts.tolerance)
		}
	}
	return best, cheapest
}

// costSE is the standard error of the difference between the costs of
// thresholds a and b: the samples differ in cost only where one threshold
// answers and the other does not.
func costSE(samples []calSample, probs []float64, cost, a, b float64) float64 {
	one := func(s calSample, p, t float64) float64 {
		answers := s.answered && p >= t
		switch {
		case answers && !s.right:
			return cost
		case !answers && s.answerable == eval.Yes:
			return 1
		}
		return 0
	}
	sum, sq := 0.0, 0.0
	for i, s := range samples {
		d := one(s, probs[i], a) - one(s, probs[i], b)
		sum += d
		sq += d * d
	}
	n := float64(max(len(samples), 1))
	return math.Sqrt(max(0, sq-sum*sum/n))
}

// roundTo keeps v to 6 significant digits, as round does.
func roundTo(v float64) float64 { return round([]float64{v})[0] }

// probsOf returns the probability cal gives each sample (0 when the
// engine cannot answer it).
func probsOf(samples []calSample, cal *qa.Calibration) []float64 {
	out := make([]float64, len(samples))
	for i, s := range samples {
		if s.answered {
			out[i] = s.prob(cal)
		}
	}
	return out
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
	fmt.Fprintf(w, "== %s: at threshold %.3f (cost ratio %g); AUC %.3f, log-loss %.3f, cost %.0f\n", title, cal.Threshold, cal.CostRatio, auc(samples, cal), logLossOf(samples, cal), costOf(samples, probsOf(samples, cal), cal.CostRatio, cal.Threshold))
	probs := probsOf(samples, cal)
	fmt.Fprintf(w, "-- %s: cost by threshold:", title)
	for k := 30; k <= 70; k += 4 {
		t := float64(k) / 100
		fmt.Fprintf(w, " %.2f:%.0f", t, costOf(samples, probs, cal.CostRatio, t))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-30s %5s %9s %9s %9s %9s %9s %5s\n", "set/lang", "ans", "sent@1", "top-right", "ans-decl", "right-dec", "unans-ok", "unans")
	keys = append(keys, key{"all", ""})
	by[key{"all", ""}] = samples
	for _, k := range keys {
		m := measure(by[k], cal, cal.Threshold)
		fmt.Fprintf(w, "%-30s %5d %8.1f%% %8.1f%% %8.1f%% %8.1f%% %8.1f%% %5d\n", k.set+"/"+k.lang, m.answerable,
			pct(m.sentence, m.answerable), pct(m.topRight, m.answerable), pct(m.answerableDeclined, m.answerable),
			pct(m.rightDeclined, m.topRight), pct(m.unansOK, m.unanswerable), m.unanswerable)
	}
	fmt.Fprintf(w, "-- %s: at the threshold: %v\n", title, operate(samples, probs, cal.CostRatio, cal.Threshold))
	if t, ok := thresholdDeclining(samples, probs, fixedDeclined); ok {
		fmt.Fprintf(w, "-- %s: at the lowest threshold that declines %.1f%% of the unanswerable questions: %v\n", title, 100*fixedDeclined, operate(samples, probs, cal.CostRatio, t))
	}
	// byThreshold prints a table of a cell per set/language and threshold.
	ts := []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9}
	byThreshold := func(what, headFormat string, cell func(measured) string) {
		fmt.Fprintf(w, "-- %s: %s\n", title, what)
		fmt.Fprintf(w, "%-30s", "set/lang")
		for _, t := range ts {
			fmt.Fprintf(w, headFormat, t)
		}
		fmt.Fprintln(w)
		for _, k := range keys {
			fmt.Fprintf(w, "%-30s", k.set+"/"+k.lang)
			for _, t := range ts {
				fmt.Fprint(w, cell(measure(by[k], cal, t)))
			}
			fmt.Fprintln(w)
		}
	}
	byThreshold("coverage (answered/all) and precision (right/answered) by threshold", " %11.2f", func(m measured) string {
		return fmt.Sprintf(" %5.1f/%5.1f", pct(m.answered, m.n), pct(m.answeredRight, m.answered))
	})
	byThreshold("sentence@1 / answerable declined / unanswerable declined, by threshold", " %14.2f", func(m measured) string {
		return fmt.Sprintf(" %4.0f/%4.0f/%4.0f", pct(m.sentence, m.answerable), pct(m.answerableDeclined, m.answerable), pct(m.unansOK, m.unanswerable))
	})
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
		p := s.prob(cal)
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

// fixedDeclined is the share of unanswerable questions at which curve
// compares rankers (-fixed-declined): sentence@1 moves with the threshold,
// about 0.7 points a step of 0.01, so two rankers whose calibrations chose
// different thresholds are compared where they decline alike.
var fixedDeclined = 0.816

// thresholdDeclining returns the lowest threshold, in steps of 0.001,
// that declines at least share of the samples the article does not answer
// (as realeval counts them: those the engine cannot answer are declined at
// any threshold), given each sample's probability; false when there are
// none or no threshold does. There calibrations that order the samples
// differently are compared at the same price in unanswerable questions.
func thresholdDeclining(samples []calSample, probs []float64, share float64) (float64, bool) {
	var ps []float64 // of the unanswerable samples: the probability each is answered with, -1 when it cannot be
	for i, s := range samples {
		if s.answerable != eval.No {
			continue
		}
		p := -1.0
		if s.answered {
			p = probs[i]
		}
		ps = append(ps, p)
	}
	return lowestThreshold(ps, share)
}

// lowestThreshold returns the lowest threshold, in steps of 0.001, below
// which at least share of probs lie.
func lowestThreshold(probs []float64, share float64) (float64, bool) {
	if len(probs) == 0 {
		return 0, false
	}
	for k := 0; k <= 1000; k++ {
		t := float64(k) / 1000
		below := 0
		for _, p := range probs {
			if p < t {
				below++
			}
		}
		if float64(below) >= share*float64(len(probs)) {
			return t, true
		}
	}
	return 0, false
}

func measure(samples []calSample, cal *qa.Calibration, t float64) measured {
	var m measured
	for _, s := range samples {
		m.n++
		answers := s.answered && s.prob(cal) >= t
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

// auc is the probability that a right answer gets a higher probability
// than a wrong one, over the questions the engine can answer.
func auc(samples []calSample, cal *qa.Calibration) float64 {
	return aucOf(samples, probsOf(samples, cal))
}

// aucOf is auc with each sample's probability given.
func aucOf(samples []calSample, probs []float64) float64 {
	type pr struct {
		p     float64
		right bool
	}
	var ps []pr
	for i, s := range samples {
		if s.answered {
			ps = append(ps, pr{probs[i], s.right})
		}
	}
	sort.Slice(ps, func(i, j int) bool { return ps[i].p < ps[j].p })
	var wrong, pairs, won float64
	for _, x := range ps {
		if x.right {
			won += wrong
		} else {
			wrong++
		}
	}
	right := float64(len(ps)) - wrong
	pairs = right * wrong
	if pairs == 0 {
		return 0
	}
	return won / pairs
}

// logLossOf is the mean log-loss of the calibration on the questions the
// engine can answer.
func logLossOf(samples []calSample, cal *qa.Calibration) float64 {
	sum, n := 0.0, 0
	for _, s := range samples {
		if !s.answered {
			continue
		}
		p := min(max(s.prob(cal), 1e-9), 1-1e-9)
		if s.right {
			sum -= math.Log(p)
		} else {
			sum -= math.Log(1 - p)
		}
		n++
	}
	return sum / float64(max(n, 1))
}

// markdownCurve prints, for the README (make report-curve), what the
// engine does per question language at its threshold, and the coverage
// and precision it would have at others.
func markdownCurve(w io.Writer, samples []calSample, cal *qa.Calibration) {
	by := map[string][]calSample{}
	var keys []string
	for _, s := range samples {
		k := s.lang
		if s.artLang != s.lang {
			k = s.lang + " over " + s.artLang
		}
		if _, ok := by[k]; !ok {
			keys = append(keys, k)
		}
		by[k] = append(by[k], s)
	}
	sort.Strings(keys)
	keys = append(keys, "all")
	by["all"] = samples
	fmt.Fprintf(w, "At the engine's threshold, %.2f (a wrong answer costs %g declined right ones):\n\n", cal.Threshold, cal.CostRatio)
	fmt.Fprintf(w, "| questions | answerable | unanswerable | right sentence ranked first | answered, right | answerable declined | unanswerable declined | right answers declined |\n")
	fmt.Fprintf(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	for _, k := range keys {
		m := measure(by[k], cal, cal.Threshold)
		fmt.Fprintf(w, "| %s | %d | %d | %.1f%% | %.1f%% | %.1f%% | %.1f%% | %.1f%% |\n", k, m.answerable, m.unanswerable,
			pct(m.topRight, m.answerable), pct(m.sentence, m.answerable), pct(m.answerableDeclined, m.answerable),
			pct(m.unansOK, m.unanswerable), pct(m.rightDeclined, m.topRight))
	}
	ts := []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}
	fmt.Fprintf(w, "\nCoverage (questions answered, answerable and not) / precision (answers whose sentence is right), by threshold:\n\n| questions |")
	for _, t := range ts {
		fmt.Fprintf(w, " %.1f |", t)
	}
	fmt.Fprintf(w, "\n| --- |%s\n", strings.Repeat(" ---: |", len(ts)))
	for _, k := range keys {
		fmt.Fprintf(w, "| %s |", k)
		for _, t := range ts {
			m := measure(by[k], cal, t)
			fmt.Fprintf(w, " %.0f / %.0f |", pct(m.answered, m.n), pct(m.answeredRight, m.answered))
		}
		fmt.Fprintln(w)
	}
}

// An operating point is what the engine does on a sample set at one
// threshold, in the figures the team compares calibrations by (TEAM.md):
// sentence@1 (a decline counts as a miss), the answerable and the
// unanswerable questions declined, in percent, and the cost, a wrong
// answer counting cost declined right ones.
type operating struct {
	threshold                                   float64
	sentence, answerableDeclined, unansDeclined float64
	cost                                        float64
}

func operate(samples []calSample, probs []float64, cost, t float64) operating {
	var answerable, right, declined, unans, unansDeclined int
	for i, s := range samples {
		answers := s.answered && probs[i] >= t
		switch s.answerable {
		case eval.Yes:
			answerable++
			if !answers {
				declined++
			} else if s.right {
				right++
			}
		case eval.No:
			unans++
			if !answers {
				unansDeclined++
			}
		}
	}
	return operating{t, pct(right, answerable), pct(declined, answerable), pct(unansDeclined, unans), costOf(samples, probs, cost, t)}
}

func (o operating) String() string {
	return fmt.Sprintf("threshold %.3f: sentence@1 %.1f%%, answerable declined %.1f%%, unanswerable declined %.1f%%, cost %.0f", o.threshold, o.sentence, o.answerableDeclined, o.unansDeclined, o.cost)
}

// dumpSamples writes the samples to a TSV file, each fit sample with the
// probability a two-stage calibration fitted without its fold gives it,
// each dev sample with cal's, for reading what the calibration gets
// wrong. A sample the engine cannot answer has probability -1.
func dumpSamples(path string, fit, dev []calSample, cal *qa.Calibration, opts calOptions) error {
	var answered []calSample
	for _, s := range fit {
		if s.answered {
			answered = append(answered, s)
		}
	}
	pairs := pairsOf(answered)
	oof := make([]float64, len(answered))
	for f := range opts.folds {
		train, test, idx := splitFold(answered, f)
		c := fitTwoStage(train, pairs, opts.cost, opts.stage, opts.fadeShare)
		for k, s := range test {
			oof[idx[k]] = s.prob(c)
		}
	}
	var b strings.Builder
	b.WriteString("split\tset\tlang\tpair\tanswerable\tright\tP\tscored\tarticle\tq\tquote\tgold")
	for _, n := range qa.CalibrationNames() {
		b.WriteString("\t" + n)
	}
	b.WriteString("\n")
	clean := func(s string) string { return strings.NewReplacer("\t", " ", "\n", " ").Replace(s) }
	write := func(split string, s calSample, p float64) {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%d\t%v\t%.4f\t%d\t%s\t%s\t%s\t%s", split, s.set, s.lang, s.pair, s.answerable, s.right, p, s.scored, clean(s.article), clean(s.q), clean(s.quote), clean(s.gold))
		x := s.x
		if x == nil {
			x = make([]float64, len(qa.CalibrationNames()))
		}
		for _, v := range x {
			fmt.Fprintf(&b, "\t%.4g", v)
		}
		b.WriteString("\n")
	}
	k := 0
	for _, s := range fit {
		p := -1.0
		if s.answered {
			p = oof[k]
			k++
		}
		write("fit", s, p)
	}
	for _, s := range dev {
		p := -1.0
		if s.answered {
			p = s.prob(cal)
		}
		write("dev", s, p)
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
