// Command train fits the engine's learned ranker and its calibrated
// abstention, and writes them to qa/data/ranker.json, which the engine
// embeds.
//
//	go run ./internal/train        (make train)
//
// It reads the real question sets the repository keeps in testdata, split
// by article (TEAM.md): it fits on the "fit" part only, chooses between
// variants (the L2 penalty) by cross-validation over fit articles, and
// reports the "dev" part; it never reads the held-out part.
//
// The ranker is a listwise softmax over each question's first-stage
// candidates (qa.Inspect): the probability that candidate i is the
// answering sentence is exp(w.x_i) / sum_j exp(w.x_j), fitted by L-BFGS on
// standardised features with an L2 penalty. The calibration is the
// product of two models of the evidence for the sentence the engine chose,
// each a logistic regression with a few boosted trees on top: that the
// article answers the question (fitted on answerable and unanswerable
// questions alike) and that the sentence is right when it does, each
// question described by a ranker that did not see its article (out of
// fold). The engine declines below a threshold chosen on out-of-fold
// probabilities for the cost of a wrong answer, -cost declined right ones:
// the one that declines a fixed share of the unanswerable questions when
// it costs no more than the cheapest within the noise (bestThreshold).
//
// Everything is deterministic: fixed order, no random numbers.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"iter"
	"log"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/realdata"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

func main() {
	var (
		root       = flag.String("root", ".", "repository root")
		out        = flag.String("out", "qa/data/ranker.json", "where to write the model, under root; - for stdout")
		candidates = flag.Int("candidates", qa.DefaultCandidates, "first-stage candidates the ranker reorders")
		folds      = flag.Int("folds", 5, "cross-validation folds, by article")
		cost       = flag.Float64("cost", 2, "cost of a wrong answer, in declined right answers")
		lambdas    = flag.String("lambda", "0.001,0.01", "L2 penalties to choose among by cross-validation")
		dataDir    = flag.String("data", "testdata/realdata", "the real-data sets, under root")
		own        = flag.Bool("own", true, "fit on the tuning sets of testdata/eval too")
		sets       = flag.String("sets", "", "comma-separated prefixes of the sets to read (all when empty)")
		fitSets    = flag.String("fit", "", "comma-separated prefixes of the sets to fit on (every set when empty); the others are only reported")
		explainSet = flag.String("explain", "", "print fit questions of this set the ranker gets wrong, and stop")
		balance    = flag.Float64("balance", 0, "weigh each fit question by (mean questions of a set / its set's questions)^balance: 0 weighs every question alike, 1 every set alike")
		curveOnly  = flag.Bool("curve", false, "fit nothing: print the README's tables of the embedded ranker's abstention on the dev split, per question language (make report-curve), and stop")
		depths     = flag.String("boost-depth", "", "depths of the one-model calibration's boosted trees (-two-stage=false) to choose among by cross-validation, \"2,3\" (\"\": a logistic calibration alone); the two-stage calibration boosts with -stage-trees")
		trees      = flag.Int("boost-trees", 300, "most trees the calibration may boost")
		rate       = flag.Float64("boost-rate", 0.05, "shrinkage of each boosted tree's leaves")
		drop       = flag.String("cal-drop", "", "comma-separated calibration inputs to leave out (for trying calibrations)")
		twoStage   = flag.Bool("two-stage", true, "fit the probability that the article answers apart from that of the sentence being right when it does (Calibration.Answerable); false: one logistic model of the sentence being right")
		smooth     = flag.Int("smooth", 4, "average the cost of each threshold with this many steps of 0.01 on either side before choosing the cheapest (chosen on dev: 0 picks 0.49, whose dev cost at ratio 2 is 2,704 and which declines 78.4% of dev's unanswerable questions; 2 picks 0.51, 2,666 and 80.6%; 4 picks 0.53, 2,644 and 81.8%)")
		minDecl    = flag.Float64("min-declined", 0.8, "least share of the unanswerable fit questions the threshold must decline, out of fold (issue 9's target); the cheapest threshold that does is chosen")
		rankTrees  = flag.Int("rank-trees", 0, "most boosted trees the ranker may add to its linear score; how many it keeps (a multiple of -rank-every) is chosen on dev top-1; 0: a linear ranker (300 raised dev top-1 73.8 -> 74.7 but, recalibrated, sentence@1 fell 59.5 -> 55.5: the threshold rose 0.54 -> 0.63, and at 0.54 the unanswerable declined fell 81.2 -> 78.4; again on 91d0577 with the two-stage calibration, branch rank6-trees: 300 kept, realeval dev top1 74.6 -> 75.6% against a linear refit, sentence@1 60.2% -> about 60.3% at 81.6% of the unanswerable declined, 59.2% at its own threshold 0.58)")
		rankDepth  = flag.Int("rank-depth", 3, "depth of the ranker's trees")
		rankRate   = flag.Float64("rank-rate", 0.2, "shrinkage of each of the ranker's trees")
		rankEvery  = flag.Int("rank-every", 20, "the ranker's tree counts to choose among are its multiples")
		listsFile  = flag.String("lists-cache", "", "a file (outside the repository) that keeps the first stage's candidates between runs (for trying rankers; make train never sets it)")
		rankOnly   = flag.Bool("rank-only", false, "fit and report the ranker, and stop before the calibration (for trying rankers)")
		rankDrop   = flag.String("rank-drop", "", "comma-separated ranker features to leave out: they weigh nothing (for trying features)")
		stageTrees = flag.Int("stage-trees", 150, "boosted trees on each model of the two-stage calibration, on what its logistic part leaves (on dev, main 91d0577, depth 3: 0/100/150/200 trees, AUC 0.837/0.842/0.842/0.842; at 81.6% of the unanswerable questions declined, sentence@1 59.4/60.6/60.8/60.7% and cost 2,657/2,636/2,634/2,634; on main cbdb0c8 with unanswerable questions of short articles (dataset.HoldOut), realeval dev: 0 trees 60.5% sentence@1, 79.9% of the unanswerable declined, cost 2,555; 150 trees 61.2%, 81.2%, 2,504)")
		stageDepth = flag.Int("stage-depth", 3, "depth of -stage-trees (chosen on dev: at 2, 300 trees reach AUC 0.840; at 4, 150 trees 0.842 but a threshold out of -tolerance)")
		share      = flag.Float64("declined-share", 0.816, "the threshold declines this share of the unanswerable fit questions, out of fold, when its cost is within -tolerance standard errors of the cheapest threshold's; 0: the cheapest (0.816, the share main's model declined on dev when it was set, steadies the threshold, which moved 0.01-0.03 from refit to refit, 0.7 points of dev sentence@1 each 0.01)")
		tolerance  = flag.Float64("tolerance", 2, "see -declined-share (2: within the noise at about 95%; at 1, a refit on main c9a7efd fell back to the cheapest threshold, 0.55, whose dev sentence@1 is 58.9% against 61.3% at the share's)")
		fadeShare  = flag.Float64("trees-from-share", 0.05, "the trees of the two-stage calibration are fitted and count from the number of candidates scored that all but this share of the unanswerable fit questions reach, not below, where the fit data holds answerable questions alone (0: everywhere)")
		dump       = flag.String("dump", "", "write the calibration's questions, fit and dev, each with its inputs and probability (a fit question's from a calibration fitted without its fold), to this TSV file (outside the repository), for reading what the gate gets wrong")
		cache      = flag.String("cache", "", "a file (outside the repository) that keeps the fitted ranker and the calibration's questions between runs: when it exists, only the calibration is refitted (for trying calibrations; make train never sets it)")
	)
	flag.Float64Var(&fixedDeclined, "fixed-declined", fixedDeclined, "the share of unanswerable questions at which the curves also report sentence@1, for comparing rankers whose thresholds differ")
	flag.Parse()
	log.SetFlags(0)
	reg, err := lang.Load(lang.Data)
	if err != nil {
		log.Fatal(err)
	}
	system := realdata.NewQabot(reg)
	fsys := os.DirFS(*root)
	if *curveOnly {
		dev, err := load(fsys, *dataDir, *sets, map[string]bool{dataset.Dev: true}, system)
		if err != nil {
			log.Fatal(err)
		}
		r, err := qa.DefaultRanker()
		if err != nil {
			log.Fatal(err)
		}
		markdownCurve(os.Stdout, calibrationSamples(dev, r, func(*article) int { return 0 }), r.Calibration)
		return
	}
	calOpts := calOptions{dump: *dump, drop: *drop, cost: *cost, folds: *folds, twoStage: *twoStage, smooth: *smooth, minDeclined: *minDecl, share: *share, tolerance: *tolerance, fadeShare: *fadeShare, stage: boostParams{trees: *stageTrees, depth: *stageDepth, rate: *rate, leafL2: 1, minHess: 5, maxCuts: 32}, boost: boostParams{trees: *trees, rate: *rate, leafL2: 1, minHess: 5, maxCuts: 32}}
	for _, d := range strings.Split(*depths, ",") {
		if d = strings.TrimSpace(d); d == "" {
			continue
		}
		var v int
		if _, err := fmt.Sscan(d, &v); err != nil || v < 1 {
			log.Fatalf("-boost-depth %q: want positive depths", d)
		}
		calOpts.depths = append(calOpts.depths, v)
	}
	if calOpts.twoStage && len(calOpts.depths) > 0 {
		log.Fatal("-boost-depth boosts the one-model calibration: give -two-stage=false with it")
	}
	if *cache != "" {
		if c, err := readCache(*cache); err == nil {
			log.Printf("read the ranker and the calibration's questions from %s", *cache)
			calibrate(c, calOpts, *root, *out)
			return
		}
	}
	fit, err := load(fsys, *dataDir, *sets, map[string]bool{dataset.Fit: true}, system)
	if err != nil {
		log.Fatal(err)
	}
	dev, err := load(fsys, *dataDir, *sets, map[string]bool{dataset.Dev: true}, system)
	if err != nil {
		log.Fatal(err)
	}
	var kept []*article
	for _, a := range fit {
		if wanted(a.set, *fitSets) {
			kept = append(kept, a)
		}
	}
	fit = kept
	if *own {
		o, err := loadOwn(fsys, ".", system)
		if err != nil {
			log.Fatal(err)
		}
		fit = append(fit, o...)
	}
	arts := append(append([]*article(nil), fit...), dev...)
	log.Printf("%d fit and %d dev articles, %d and %d questions", len(fit), len(dev), countQ(fit), countQ(dev))

	// Pass 1: the first stage's candidates and their features.
	var lists map[*article][]qlist
	if *listsFile != "" {
		if lists, err = readLists(*listsFile, arts); err != nil {
			log.Printf("lists cache: %v", err)
			lists = nil
		}
	}
	if lists == nil {
		lists = inspectAll(arts, nil)
		if *listsFile != "" {
			if err := writeLists(*listsFile, arts, lists); err != nil {
				log.Fatal(err)
			}
		}
	}
	var ls []float64
	for _, s := range strings.Split(*lambdas, ",") {
		var v float64
		if _, err := fmt.Sscan(s, &v); err != nil {
			log.Fatalf("-lambda %q: %v", s, err)
		}
		ls = append(ls, v)
	}
	names := qa.FeatureNames()
	rankDropped = map[int]bool{}
	for i, n := range names {
		if *rankDrop != "" && strings.Contains(","+*rankDrop+",", ","+n+",") {
			log.Printf("ranker: leaving out %s", n)
			rankDropped[i] = true
		}
	}
	setWeight = balanced(fit, *balance)
	fold := func(a *article) int { return int(hash("fold/"+a.a.Key) % uint32(*folds)) }
	bestL, bestAcc := ls[0], -1.0
	for _, l := range ls {
		right, n := 0, 0
		for f := range *folds {
			train, test := byFold(fit, fold, f)
			r := fitRanker(train, lists, names, l, *candidates)
			rr, nn := top1(test, lists, r)
			right, n = right+rr, n+nn
		}
		acc := float64(right) / float64(max(n, 1))
		log.Printf("lambda %g: cross-validated top-1 %.1f%% of %d", l, 100*acc, n)
		if acc > bestAcc+1e-9 {
			bestL, bestAcc = l, acc
		}
	}
	ranker := fitRanker(fit, lists, names, bestL, *candidates)
	rankParams := boostParams{depth: *rankDepth, rate: *rankRate, leafL2: 1, minHess: 1, maxCuts: 32}
	nTrees := 0
	if *rankTrees > 0 {
		rb := rankRows(fit, lists, *candidates, rankParams.maxCuts)
		right, n := top1(dev, lists, ranker)
		best := float64(right) / float64(max(n, 1))
		log.Printf("ranker trees: %d fit rows; dev top-1 linear %.2f%%", len(rb.rows), 100*best)
		trees := boostRanker(rb, ranker, *rankTrees, rankParams, func(k int, trees []qa.CalibrationTree) {
			if k%*rankEvery != 0 {
				return
			}
			right, n := top1Trees(dev, lists, ranker, trees)
			acc := float64(right) / float64(max(n, 1))
			log.Printf("ranker trees: %d: dev top-1 %.2f%%", k, 100*acc)
			if acc > best+1e-9 {
				best, nTrees = acc, k
			}
		})
		ranker.Trees = trees[:nTrees]
		if err := ranker.Compile(); err != nil {
			log.Fatal(err)
		}
		log.Printf("ranker trees: kept %d (depth %d, rate %g)", nTrees, *rankDepth, *rankRate)
	}
	if *explainSet != "" {
		explain(fit, lists, ranker, *explainSet, 40)
		return
	}
	report("dev ranking (no abstention)", dev, lists, ranker)
	report("fit ranking (no abstention)", fit, lists, ranker)
	if *rankOnly {
		return
	}

	// Pass 2: calibration on out-of-fold rankers.
	var samples []calSample
	for f := range *folds {
		train, test := byFold(fit, fold, f)
		r := fitRanker(train, lists, names, bestL, *candidates)
		if nTrees > 0 {
			r.Trees = boostRanker(rankRows(train, lists, *candidates, rankParams.maxCuts), r, nTrees, rankParams, nil)
			if err := r.Compile(); err != nil {
				log.Fatal(err)
			}
		}
		samples = append(samples, calibrationSamples(test, r, fold)...)
	}
	c := &cached{
		Ranker: ranker, Fit: exportSamples(samples), Dev: exportSamples(calibrationSamples(dev, ranker, fold)),
		Note: []string{
			fmt.Sprintf("Ranker: listwise softmax over %d first-stage candidates, L2 %g chosen by %d-fold cross-validation by article (top-1 %.1f%%).", *candidates, bestL, *folds, 100*bestAcc),
			treeNote(nTrees, rankParams),
			fmt.Sprintf("Fit questions weighed by (mean questions of a set / their set's)^%g.", *balance),
		},
	}
	if *cache != "" {
		if err := writeCache(*cache, c); err != nil {
			log.Fatal(err)
		}
	}
	calibrate(c, calOpts, *root, *out)
}

// calibrate fits the calibration of c's ranker on c's fit questions,
// prints its figures on fit and dev, and writes the ranker to out.
func calibrate(c *cached, opts calOptions, root, out string) {
	ranker := c.Ranker
	samples, devSamples := importSamples(c.Fit), importSamples(c.Dev)
	for i, n := range qa.CalibrationNames() {
		if opts.drop != "" && strings.Contains(","+opts.drop+",", ","+n+",") {
			log.Printf("calibration: leaving out %s", n)
			for _, s := range append(append([]calSample(nil), samples...), devSamples...) {
				if s.x != nil {
					s.x[i] = 0
				}
			}
		}
	}
	cal, how := fitCalibration(samples, opts)
	ranker.Calibration = cal
	if err := ranker.Compile(); err != nil {
		log.Fatal(err)
	}
	if opts.dump != "" {
		if err := dumpSamples(opts.dump, samples, devSamples, cal, opts); err != nil {
			log.Fatal(err)
		}
	}
	{
		for _, ans := range []eval.Answerable{eval.Yes, eval.No} {
			var n []int
			for _, s := range samples {
				if s.answered && s.answerable == ans {
					n = append(n, s.scored)
				}
			}
			sort.Ints(n)
			if len(n) > 0 {
				fmt.Printf("== candidates scored, answered fit questions, answerable %v: 1%% %d, 5%% %d, 10%% %d, 50%% %d\n", ans == eval.Yes,
					n[len(n)/100], n[len(n)/20], n[len(n)/10], n[len(n)/2])
			}
		}
		fmt.Printf("== the trees are fitted and count from %d candidates scored on\n", cal.TreesFrom)
	}
	curve(os.Stdout, "fit (out of fold ranker, calibration in sample)", samples, cal)
	curve(os.Stdout, "dev", devSamples, cal)

	model := fmt.Sprintf("logistic on %d out-of-fold fit questions, with a term per language pair", answeredCount(samples))
	if cal.Answerable != nil {
		model = fmt.Sprintf("the product of two logistic models with a term per language pair, on %d out-of-fold fit questions: that the article answers, and that the sentence is right when it does", answeredCount(samples))
	}
	switch {
	case cal.Answerable != nil && len(cal.Trees) > 0:
		model += fmt.Sprintf(", each with %d boosted trees of depth %d on top (rate %g)", len(cal.Trees), opts.stage.depth, opts.stage.rate)
		if cal.TreesFrom > 1 {
			model += fmt.Sprintf(", fitted on and counting for questions with %d candidates scored or more (all but %g%% of the unanswerable fit questions reach it: below, the fit data holds answerable questions alone)", cal.TreesFrom, 100*opts.fadeShare)
		}
	case len(cal.Trees) > 0:
		model += fmt.Sprintf(", and %d boosted trees (depth and number chosen by %d-fold cross-validation by article)", len(cal.Trees), opts.folds)
	}
	ranker.Note = append(append([]string{"Written by `make train` (go run ./internal/train): do not edit by hand."}, c.Note...),
		fmt.Sprintf("Calibration: %s; a wrong answer costs %g declines, so the engine declines below %.3f: %s.", model, opts.cost, cal.Threshold, how))
	data, err := json.MarshalIndent(ranker, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	data = append(data, '\n')
	if out == "-" {
		os.Stdout.Write(data)
		return
	}
	path := out
	if !filepath.IsAbs(path) {
		path = filepath.Join(root, path)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		log.Fatal(err)
	}
}

func answeredCount(samples []calSample) int {
	n := 0
	for _, s := range samples {
		if s.answered {
			n++
		}
	}
	return n
}

// byFold returns the articles outside fold f and those in it.
func byFold(arts []*article, fold func(*article) int, f int) (train, test []*article) {
	for _, a := range arts {
		if fold(a) == f {
			test = append(test, a)
		} else {
			train = append(train, a)
		}
	}
	return train, test
}

func hash(s string) uint32 {
	h := fnv.New32a()
	h.Write([]byte(s))
	return h.Sum32()
}

func countQ(arts []*article) int {
	n := 0
	for _, a := range arts {
		n += len(a.questions)
	}
	return n
}

// parallel runs fn(0..n-1) on every core; fn writes only its own slot.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// A qlist is one question's candidates, with which of them answer.
type qlist struct {
	q   question
	x   [][]float64
	pos []bool
}

// inspectAll returns, per article and question, the first stage's
// candidates.
func inspectAll(arts []*article, r *qa.Ranker) map[*article][]qlist {
	out := make([][]qlist, len(arts))
	parallel(len(arts), func(i int) {
		a := arts[i]
		for _, q := range a.questions {
			ins, err := a.engine.Inspect(context.Background(), qa.Question{Text: q.Q}, r)
			if err != nil {
				log.Fatal(err)
			}
			l := qlist{q: q}
			for _, c := range ins.Candidates {
				l.x = append(l.x, c.Features)
				l.pos = append(l.pos, q.Answerable == eval.Yes && q.right(c.Quote))
			}
			out[i] = append(out[i], l)
		}
	})
	m := map[*article][]qlist{}
	for i, a := range arts {
		m[a] = out[i]
	}
	return m
}

// rankable yields the candidate lists the ranker learns from: those of the
// answerable questions of arts with an answering candidate among their
// first k (and at least two candidates), cut to k.
func rankable(arts []*article, lists map[*article][]qlist, k int) iter.Seq2[*article, qlist] {
	return func(yield func(*article, qlist) bool) {
		for _, a := range arts {
			for _, l := range lists[a] {
				n := min(k, len(l.x))
				if n < 2 || !slices.Contains(l.pos[:n], true) {
					continue
				}
				l.x, l.pos = l.x[:n], l.pos[:n]
				if !yield(a, l) {
					return
				}
			}
		}
	}
}

// fitRanker fits the listwise ranker on the answerable questions of arts
// that have an answering candidate.
func fitRanker(arts []*article, lists map[*article][]qlist, names []string, lambda float64, k int) *qa.Ranker {
	var rows [][]float64
	var ls []list
	for a, l := range rankable(arts, lists, k) {
		rows = append(rows, l.x...)
		ls = append(ls, list{x: l.x, pos: l.pos, w: setWeightOf(a.set)})
	}
	mean, scale := standardise(rows, len(names))
	for i := range ls {
		ls[i].x = apply(ls[i].x, mean, scale)
		for _, x := range ls[i].x {
			for j := range rankDropped {
				x[j] = 0
			}
		}
	}
	w := make([]float64, len(names))
	minimise(func(w, g []float64) float64 { return listLoss(ls, w, lambda, g) }, w, 500)
	r := &qa.Ranker{Candidates: k, Features: names, Mean: mean, Scale: scale, Weights: round(w)}
	if err := r.Compile(); err != nil {
		log.Fatal(err)
	}
	return r
}

// rankDropped names the ranker's features left out (-rank-drop): standardised
// to 0 in every row, they weigh nothing.
var rankDropped map[int]bool

// setWeight is the weight of a fit question of each set in the ranker's
// loss (-balance); a set it does not name weighs 1.
var setWeight map[string]float64

// balanced returns the weight of each set's questions: (mean questions
// of a set / the set's questions)^p.
func balanced(arts []*article, p float64) map[string]float64 {
	n := map[string]int{}
	total := 0
	for _, a := range arts {
		n[a.set] += len(a.questions)
		total += len(a.questions)
	}
	out := map[string]float64{}
	for set, k := range n {
		out[set] = math.Pow(float64(total)/float64(len(n))/float64(k), p)
	}
	return out
}

// round keeps weights to 6 significant digits, so the file diffs well and
// reads the same on every machine.
func round(w []float64) []float64 {
	out := make([]float64, len(w))
	for i, v := range w {
		if v == 0 {
			continue
		}
		e := math.Pow(10, 5-math.Floor(math.Log10(math.Abs(v))))
		out[i] = math.Round(v*e) / e
	}
	return out
}

// top1 counts the answerable questions whose best candidate under r
// answers.
func top1(arts []*article, lists map[*article][]qlist, r *qa.Ranker) (right, n int) {
	for _, a := range arts {
		for _, l := range lists[a] {
			if l.q.Answerable != eval.Yes {
				continue
			}
			n++
			if best := bestOf(l, r); best >= 0 && l.pos[best] {
				right++
			}
		}
	}
	return right, n
}

func bestOf(l qlist, r *qa.Ranker) int {
	best, bestZ := -1, math.Inf(-1)
	for i, x := range l.x[:min(len(l.x), r.Candidates)] {
		if z := r.Score(x); z > bestZ {
			best, bestZ = i, z
		}
	}
	return best
}

// report prints top-1 per set: the first stage's and the ranker's.
func report(title string, arts []*article, lists map[*article][]qlist, r *qa.Ranker) {
	type counts struct{ n, first, ranked, any int }
	by := map[string]*counts{}
	var sets []string
	for _, a := range arts {
		c := by[a.set]
		if c == nil {
			c = &counts{}
			by[a.set] = c
			sets = append(sets, a.set)
		}
		for _, l := range lists[a] {
			if l.q.Answerable != eval.Yes {
				continue
			}
			c.n++
			if len(l.pos) > 0 && l.pos[0] {
				c.first++
			}
			if b := bestOf(l, r); b >= 0 && l.pos[b] {
				c.ranked++
			}
			for _, p := range l.pos {
				if p {
					c.any++
					break
				}
			}
		}
	}
	sort.Strings(sets)
	fmt.Printf("== %s: sentence top-1, first stage -> ranker (answer among candidates)\n", title)
	for _, s := range sets {
		c := by[s]
		fmt.Printf("%-28s %5d  %5.1f%% -> %5.1f%%  (%5.1f%%)\n", s, c.n, pct(c.first, c.n), pct(c.ranked, c.n), pct(c.any, c.n))
	}
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(max(b, 1)) }

// explain prints the fit questions whose best candidate under r is wrong
// (for development; never the held-out part).
func explain(arts []*article, lists map[*article][]qlist, r *qa.Ranker, set string, n int) {
	names := qa.FeatureNames()
	for _, a := range arts {
		if !strings.HasPrefix(a.set, set) {
			continue
		}
		for qi, l := range lists[a] {
			if l.q.Answerable != eval.Yes || len(l.x) == 0 {
				continue
			}
			b := bestOf(l, r)
			if l.pos[b] {
				continue
			}
			g := -1
			for i, p := range l.pos {
				if p {
					g = i
					break
				}
			}
			if n--; n < 0 {
				return
			}
			ins, _ := a.engine.Inspect(context.Background(), qa.Question{Text: l.q.Q}, nil)
			_ = qi
			fmt.Printf("\nQ %s  gold=%q\n  chose[%d] %.1f: %s\n", l.q.Q, l.q.Gold, b, r.Score(l.x[b]), ins.Candidates[b].Quote.Text)
			if g >= 0 {
				fmt.Printf("  gold [%d] %.1f: %s\n", g, r.Score(l.x[g]), ins.Candidates[g].Quote.Text)
				for j, nm := range names {
					if l.x[b][j] != l.x[g][j] {
						fmt.Printf("    %s %.2f/%.2f", nm, l.x[b][j], l.x[g][j])
					}
				}
				fmt.Println()
			}
		}
	}
}
