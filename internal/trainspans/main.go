// Command trainspans fits the span model that chooses qabot's short
// answers (qa/span.go) on real questions, and writes it to
// qa/data/spans.tsv.
//
// For every answerable question of the "fit" part of the real data of
// testdata/realdata (eval/dataset; split by article, TEAM.md), it builds an
// engine over the question's article, takes the sentence that holds the
// answer, lists its candidate spans with their features
// (qa.Engine.SpanCandidates) and labels each by its SQuAD token F1 against
// the answers. A conditional logit over the candidates of
// each question, with L2 regularisation, is fitted by gradient descent,
// its loss weighing beside the likelihood of the best candidates the
// expected F1 of the choice (-exp-f1: a candidate one word off the answer
// is not as wrong as one in another clause); of several -lambda strengths
// the one that does best on the "dev" part is kept (0.003 lost to 0.001
// in every refit of session 8, so 0.001 alone is the default). The "heldout" part is
// only scored, with -heldout, and never used to choose anything.
//
//	go run ./internal/trainspans              # fit, choose on dev, write the model
//	go run ./internal/trainspans -eval        # score the embedded model on dev
//	go run ./internal/trainspans -eval -heldout  # and on the held-out part, for the record
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/realdata"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "trainspans:", err)
		os.Exit(1)
	}
}

type config struct {
	data, out, table  string
	evalOnly, heldout bool
	workers           int
	lambdas           string
	debug             int
	sets              string
	noReport          bool
	cache             string
	minLex            int
	minArticles       int
	yesNoOnly         bool
	expF1             float64
}

func run(args []string, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("trainspans", flag.ContinueOnError)
	fs.StringVar(&c.data, "data", "testdata/realdata", "folder of the real data (qa-data and xquad-dev files)")
	fs.StringVar(&c.out, "out", "qa/data/spans.tsv", "where to write the model")
	fs.StringVar(&c.table, "table", "qa/data/spans.bin", "where to write the model as the table the engine embeds")
	fs.BoolVar(&c.evalOnly, "eval", false, "only score the embedded model")
	fs.BoolVar(&c.heldout, "heldout", false, "also score the held-out part (a report only: it never chooses anything)")
	fs.IntVar(&c.workers, "workers", max(1, runtime.NumCPU()-1), "articles worked on at once")
	fs.StringVar(&c.lambdas, "lambda", "0.001", "L2 strengths to choose from on dev")
	fs.StringVar(&c.sets, "sets", "", "only the data sets whose name holds one of these comma-separated strings")
	fs.StringVar(&c.cache, "cache", "", "folder to keep the collected candidates in between runs (for development)")
	fs.IntVar(&c.minLex, "min-lex", 20, "drop the lexical features that fire in fewer fit questions")
	fs.IntVar(&c.minArticles, "min-articles", 10, "drop the lexical features of words themselves (wprev=, ...) that fire in fewer fit articles")
	fs.BoolVar(&c.noReport, "no-report", false, "skip the end-to-end scores")
	fs.IntVar(&c.debug, "debug", 0, "print this many dev questions whose answer the model missed")
	fs.Float64Var(&c.expF1, "exp-f1", 3, "weight of the expected F1 of the choice in the loss, beside the likelihood of the best candidates")
	fs.BoolVar(&c.yesNoOnly, "yesno-only", false, "only choose again the support a yes or a no needs, in the model at -out")
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return err
	}
	sets, err := readSets(c)
	if err != nil {
		return err
	}
	reg, err := lang.Load(lang.Data)
	if err != nil {
		return err
	}
	if c.evalOnly {
		return report(stdout, reg, sets, nil, c)
	}
	if c.yesNoOnly {
		return rewriteYesNo(stderr, reg, c.out, c.table)
	}
	var fit, dev []example
	cached := false
	if c.cache != "" {
		if fit, dev, err = loadCache(cachePath(c.cache, c)); err == nil {
			cached = true
		}
	}
	if !cached {
		fmt.Fprintln(stderr, "collecting the candidates of the fit and dev parts")
		fit = collect(reg, sets, dataset.Fit, c.workers)
		dev = collect(reg, sets, dataset.Dev, c.workers)
		if c.cache != "" {
			if err := saveCache(cachePath(c.cache, c), fit, dev); err != nil {
				return err
			}
		}
	}
	kept := pruneLex(fit, dev, c.minLex, c.minArticles)
	fmt.Fprintf(stderr, "fit: %d questions, dev: %d; %d lexical features of %d fire in %d fit questions or more (words: of %d articles)\n",
		len(fit), len(dev), kept, len(lexVocab.names), c.minLex, c.minArticles)
	var best *model
	bestF1 := -1.0
	for _, s := range strings.Split(c.lambdas, ",") {
		var lambda float64
		if _, err := fmt.Sscan(s, &lambda); err != nil {
			return fmt.Errorf("-lambda %q: %w", s, err)
		}
		m := fitModel(fit, lambda, c.expF1, stderr)
		f1 := goldF1(m, dev)
		fmt.Fprintf(stderr, "lambda %g: dev F1 on the answer's sentence %.1f (fit %.1f)\n", lambda, 100*f1, 100*goldF1(m, fit))
		if f1 > bestF1 {
			best, bestF1 = m, f1
		}
	}
	if c.debug > 0 {
		misses(stderr, best, dev, c.debug)
	}
	bySet(stderr, best, dev)
	margin, preciseMargin := chooseMargins(stderr, best, dev)
	file := best.file([]string{
		"The span model of qa/span.go: see qa.SpanModelFile. Written by make train (go run ./internal/trainspans); do not edit.",
		fmt.Sprintf("Fitted on the %d answerable questions of the fit part of testdata/realdata, lexical features", len(fit)),
		fmt.Sprintf("that fire in %d fit questions or more (words themselves: in %d fit articles or more), the expected F1 weighing %g", c.minLex, c.minArticles, c.expF1),
		fmt.Sprintf("beside the likelihood of the best candidates; lambda %g chosen on the dev part (F1 %.1f on the answer's sentence).", best.lambda, 100*bestF1),
		"The rules' facts of a kind stand unless the model's choice scores more than the kind's rules|margin line above",
		"them (chosen on the dev part; no line: any margin); the rules' sure answers (precise) by the rules|precise_margin",
		"line (no line: they stand).",
	})
	share, err := chooseYesNo(stderr, reg, ".")
	if err != nil {
		return err
	}
	file.Weights["rules|yesno_support"] = share
	for k, mg := range margin {
		if mg > 0 {
			file.Weights["rules|margin="+k] = mg
		}
	}
	for k, mg := range preciseMargin {
		if mg < 1e9 { // no line: the sure answers stand
			file.Weights["rules|precise_margin="+k] = mg
		}
	}
	var buf strings.Builder
	if _, err := file.WriteTo(&buf); err != nil {
		return err
	}
	data := []byte(buf.String())
	if err := writeModel(c.out, c.table, data); err != nil {
		return err
	}
	sm, err := qa.ParseSpanModel(data)
	if err != nil || c.noReport {
		return err
	}
	return report(stdout, reg, sets, sm, c)
}

// readSets reads the real-data files, keeping those -sets names.
func readSets(c config) ([]*dataset.Set, error) {
	fsys := os.DirFS(c.data)
	files, err := realdata.Files(fsys, ".")
	if err != nil {
		return nil, err
	}
	var sets []*dataset.Set
	for _, f := range files {
		if !selected(c.sets, f) {
			continue
		}
		s, err := realdata.ReadFile(fsys, f, 0)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	if len(sets) == 0 {
		return nil, fmt.Errorf("no real-data files in %s", c.data)
	}
	return sets, nil
}

func selected(list, name string) bool {
	if list == "" {
		return true
	}
	for _, s := range strings.Split(list, ",") {
		if strings.Contains(name, s) {
			return true
		}
	}
	return false
}

// An example is one question's candidates with their F1, stored
// compactly: candidate k has the base features feat[off[k]:off[k+1]] and
// the lexical features lex[nLex*k:nLex*(k+1)] (ids in the vocabulary, -1
// for none).
type example struct {
	set, lang, kind, artLang string
	article                  string // the article's key: words of one article are no lesson
	id, question             string
	answers                  []string
	rule                     int    // the rules' candidate, -1 for none
	typed                    bool   // the rules found a fact of the kind
	precise                  bool   // the rules are sure of it (their margin is apart)
	fits                     []bool // the engine lets the model choose the candidate (qa.SpanCandidate.Fits)
	texts                    []string
	f1                       []float64
	off                      []int32
	feat                     []int16
	val                      []float32
	lex                      []int32
}

func (ex *example) n() int { return len(ex.f1) }

// fit reports whether the engine lets the model choose candidate k.
func (ex *example) fit(k int) bool { return ex.fits == nil || ex.fits[k] }

// nLex is the number of lexical features of every candidate.
const nLex = 17

// A vocab numbers the lexical feature names.
type vocab struct {
	mu    sync.Mutex
	ids   map[string]int32
	names []string
}

func (v *vocab) id(name string) int32 {
	v.mu.Lock()
	defer v.mu.Unlock()
	if id, ok := v.ids[name]; ok {
		return id
	}
	id := int32(len(v.names))
	v.ids[name] = id
	v.names = append(v.names, name)
	return id
}

var lexVocab = &vocab{ids: map[string]int32{}}

// collect lists the candidates of the answer's sentence of every
// answerable question of the articles of one part.
func collect(reg *lang.Registry, sets []*dataset.Set, part string, workers int) []example {
	q := realdata.NewQabot(reg)
	q.Options.Detector = nil // the data says each question's language
	q.Options.SpanModel = emptyModel()
	type job struct {
		set *dataset.Set
		a   *dataset.Article
		qs  []*dataset.Question
	}
	var jobs []job
	for _, s := range sets {
		byArticle := map[string][]*dataset.Question{}
		for i := range s.Questions {
			if qu := &s.Questions[i]; qu.Answerable == eval.Yes {
				byArticle[qu.Article] = append(byArticle[qu.Article], qu)
			}
		}
		for _, a := range s.Articles {
			if a.Split == part && len(byArticle[a.ID]) > 0 {
				jobs = append(jobs, job{s, a, byArticle[a.ID]})
			}
		}
	}
	var (
		mu  sync.Mutex
		out []example
		wg  sync.WaitGroup
	)
	next := make(chan job)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				ex := examples(q, j.set, j.a, j.qs)
				mu.Lock()
				out = append(out, ex...)
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].set != out[j].set {
			return out[i].set < out[j].set
		}
		return out[i].id < out[j].id
	})
	return out
}

func examples(qb *realdata.Qabot, s *dataset.Set, a *dataset.Article, qs []*dataset.Question) []example {
	parsed, err := qb.Parse(a)
	if err != nil {
		return nil
	}
	r, err := qb.Resources(a.Lang)
	if err != nil {
		return nil
	}
	e, err := r.Engine(&corpus.Corpus{Articles: []*corpus.Article{parsed}})
	if err != nil {
		return nil
	}
	loc := dataset.Locate(a, parsed)
	var out []example
	for _, q := range qs {
		gold := dataset.GoldSentences(a, *q, loc)
		if len(gold) == 0 {
			continue
		}
		sq, ok := e.SpanCandidates(qa.Question{Text: q.Q, Lang: q.Lang}, 0, gold[0])
		if !ok {
			continue
		}
		cands := sq.Candidates
		ex := example{article: a.Key, id: q.ID, question: q.Q, answers: q.Ans, set: s.Name, lang: q.Lang, kind: string(sq.Kind), artLang: e.ArticleLang(),
			rule: sq.Rule, typed: sq.RuleTyped, precise: sq.RulePrecise,
			texts: make([]string, len(cands)), f1: make([]float64, len(cands)), off: make([]int32, 0, len(cands)+1), fits: make([]bool, len(cands))}
		ex.off = append(ex.off, 0)
		for i, c := range cands {
			ex.texts[i] = c.Text
			ex.fits[i] = c.Fits
			ex.f1[i], _ = eval.BestF1(c.Text, q.Ans)
			for _, f := range c.Features {
				ex.feat = append(ex.feat, int16(f.ID))
				ex.val = append(ex.val, float32(f.Value))
			}
			ex.off = append(ex.off, int32(len(ex.feat)))
			if len(c.Lex) != nLex {
				panic(fmt.Sprintf("trainspans: %d lexical positions, nLex is %d", len(c.Lex), nLex))
			}
			for _, l := range c.Lex {
				id := int32(-1)
				if l != "" {
					id = lexVocab.id(l)
				}
				ex.lex = append(ex.lex, id)
			}
		}
		out = append(out, ex)
	}
	return out
}

var emptyModelOnce = sync.OnceValue(func() *qa.SpanModel {
	m, err := qa.ParseSpanModel(nil)
	if err != nil {
		panic(err)
	}
	return m
})

// emptyModel is a span model without weights: the rules of each kind
// alone choose the short answer.
func emptyModel() *qa.SpanModel { return emptyModelOnce() }

// named gives a system another name, to tell two configurations apart.
type named struct {
	realdata.System
	name string
}

func (n named) Name() string { return n.name }

// report scores a span model end to end, against the rules alone, as
// the binary answers (the engine's own sentence, the language detector; a
// declined question scores 0): the dev part and, with -heldout, the
// held-out part apart. Without a model it scores the embedded one.
func report(w io.Writer, reg *lang.Registry, sets []*dataset.Set, sm *qa.SpanModel, c config) error {
	rules := realdata.NewQabot(reg)
	rules.Options.SpanModel = emptyModel()
	model := realdata.NewQabot(reg)
	model.Options.SpanModel = sm
	systems := []realdata.System{named{rules, "rules"}, named{model, "spans"}}
	parts := []string{dataset.Dev}
	if c.heldout {
		parts = append(parts, dataset.Heldout)
	}
	for _, part := range parts {
		outs, err := realdata.Run(context.Background(), sets, rules.Parse, systems,
			realdata.Options{Jobs: c.workers, Keep: func(a *dataset.Article) bool { return a.Split == part }})
		if err != nil {
			return err
		}
		t := realdata.Tally{}
		t.Add(outs)
		fmt.Fprintf(w, "== %s part: the rules alone against the span model (F1 and EM: SQuAD v1.1, a declined question scores 0)\n", part)
		if err := t.WriteTable(w, []string{part}, []string{"rules", "spans"}); err != nil {
			return err
		}
	}
	return nil
}

// goldF1 is the mean F1 of the model's choice on the answer's sentence.
func goldF1(m *model, exs []example) float64 {
	total := 0.0
	for i := range exs {
		ex := &exs[i]
		if best := m.choose(ex); best >= 0 {
			total += ex.f1[best]
		} else if ex.rule >= 0 { // no candidate fits: the rules' answer stands
			total += ex.f1[ex.rule]
		}
	}
	return total / float64(max(1, len(exs)))
}

// misses prints dev questions whose chosen span is not the best candidate.
func misses(w io.Writer, m *model, exs []example, n int) {
	for i := range exs {
		ex := &exs[i]
		best, top := m.choose(ex), 0.0
		for _, f := range ex.f1 {
			top = max(top, f)
		}
		if best < 0 || ex.f1[best] >= top || i%3 != 0 {
			continue
		}
		fmt.Fprintf(w, "%s %s | %s\n   got %q (F1 %.2f), want %q (best %.2f)\n", ex.set, ex.kind, ex.question, ex.texts[best], ex.f1[best], ex.answers, top)
		if n--; n == 0 {
			return
		}
	}
}

// bySet prints the F1 on the answer's sentence per data set and question
// language: of the rules' own answer and of the model's choice.
func bySet(w io.Writer, m *model, exs []example) {
	type acc struct {
		n                int
		rule, mo, oracle float64
		cands            int
		missed, partial  int     // the model's choice shares no word with the answer; shares some
		longer           int     // of partial, choices longer than the best candidate
		partialF1        float64 // the F1 of the partial choices
	}
	sums := map[string]*acc{}
	var keys []string
	for i := range exs {
		ex := &exs[i]
		for _, k := range []string{ex.set + " (" + ex.lang + ")", "all (" + ex.lang + ")"} {
			a := sums[k]
			if a == nil {
				a = &acc{}
				sums[k] = a
				keys = append(keys, k)
			}
			a.n++
			if ex.rule >= 0 {
				a.rule += ex.f1[ex.rule]
			}
			f := 0.0
			if b := m.choose(ex); b >= 0 {
				f = ex.f1[b]
			}
			a.mo += f
			switch {
			case f == 0:
				a.missed++
			case f < 1:
				a.partial++
				a.partialF1 += f
				if b := bestCand(ex); len(strings.Fields(ex.texts[m.choose(ex)])) > len(strings.Fields(ex.texts[b])) {
					a.longer++
				}
			}
			top := 0.0
			for _, f := range ex.f1 {
				top = max(top, f)
			}
			a.oracle += top
			a.cands += ex.n()
		}
	}
	sort.Strings(keys)
	// missed: the model's choice shares no word with the answer (the
	// wrong place); partial: it shares some (the boundaries), with the mean
	// F1 of those.
	fmt.Fprintf(w, "dev F1 on the answer's sentence:\n%-36s %5s %6s %6s %6s %6s %7s %7s %6s %7s\n", "set", "n", "rules", "model", "oracle", "cands", "missed", "partial", "its F1", "longer")
	for _, k := range keys {
		a := sums[k]
		fmt.Fprintf(w, "%-36s %5d %6.1f %6.1f %6.1f %6.0f %6.1f%% %6.1f%% %6.1f %6.1f%%\n", k, a.n, 100*a.rule/float64(a.n), 100*a.mo/float64(a.n), 100*a.oracle/float64(a.n), float64(a.cands)/float64(a.n),
			pct(a.missed, a.n), pct(a.partial, a.n), 100*a.partialF1/float64(max(1, a.partial)), pct(a.longer, a.partial))
	}
}

// bestCand returns the shortest of the candidates of the highest F1.
func bestCand(ex *example) int {
	best := 0
	for k, f := range ex.f1 {
		if f > ex.f1[best] || f == ex.f1[best] && len(ex.texts[k]) < len(ex.texts[best]) {
			best = k
		}
	}
	return best
}

func pct(n, d int) float64 { return 100 * float64(n) / float64(max(1, d)) }

// pruneLex drops the lexical features that fire in fewer than min fit
// questions, in fit and dev alike: rare words would only be learnt by
// heart, and would swell the model file. The features of words themselves
// must also fire in minArticles fit articles: a word many questions of one
// article share is that article's topic, not a cue. It returns how many
// are kept.
func pruneLex(fit, dev []example, min, minArticles int) int {
	count := make([]int, len(lexVocab.names))
	articles := make([]map[string]bool, len(lexVocab.names))
	for i := range fit {
		seen := map[int32]bool{}
		for _, id := range fit[i].lex {
			if id >= 0 && !seen[id] {
				seen[id] = true
				count[id]++
				if qa.SpanWordFeature(lexVocab.names[id]) {
					if articles[id] == nil {
						articles[id] = map[string]bool{}
					}
					articles[id][fit[i].set+"/"+fit[i].article] = true
				}
			}
		}
	}
	for id, arts := range articles {
		if arts != nil && len(arts) < minArticles {
			count[id] = 0
		}
	}
	for _, exs := range [][]example{fit, dev} {
		for i := range exs {
			for k, id := range exs[i].lex {
				if id >= 0 && count[id] < min {
					exs[i].lex[k] = -1
				}
			}
		}
	}
	kept := 0
	for _, n := range count {
		if n >= min {
			kept++
		}
	}
	return kept
}

// margins are the score margins the trainer tries, per kind, by which the
// model's choice must beat the rules' fact to replace it (qa.SpanModel's
// margin); the last keeps the rules' fact always.
var margins = []float64{0, 0.25, 0.5, 1, 2, 4, 1e9}

// chooseMargins returns, per kind, the margin that did best on dev for
// the rules' facts and, apart, for their sure answers (precise: a name of
// the class asked for), chosen together (the largest of equals: the rules'
// answers stand when the data cannot tell).
func chooseMargins(w io.Writer, m *model, exs []example) (typed, precise map[string]float64) {
	type acc struct {
		n, typed, precise int
		f1                [][]float64 // by typed margin, precise margin
	}
	by := map[string]*acc{}
	for i := range exs {
		ex := &exs[i]
		a := by[ex.kind]
		if a == nil {
			a = &acc{f1: make([][]float64, len(margins))}
			for mi := range a.f1 {
				a.f1[mi] = make([]float64, len(margins))
			}
			by[ex.kind] = a
		}
		a.n++
		base, lex := m.offsets(ex, false)
		scores := m.scores(ex, base, lex, nil)
		best := -1
		for k, s := range scores {
			if ex.fit(k) && (best < 0 || s > scores[best]) {
				best = k
			}
		}
		switch {
		case ex.typed && ex.precise && ex.rule >= 0:
			a.precise++
		case ex.typed && ex.rule >= 0:
			a.typed++
		}
		for mi, margin := range margins {
			for pi, pm := range margins {
				if ex.precise && ex.typed {
					margin = pm
				}
				f := 0.0
				switch {
				case ex.typed && ex.rule >= 0 && (best < 0 || scores[best]-scores[ex.rule] < margin):
					f = ex.f1[ex.rule]
				case best >= 0:
					f = ex.f1[best]
				case ex.rule >= 0: // no candidate fits: the rules' answer stands
					f = ex.f1[ex.rule]
				}
				a.f1[mi][pi] += f
			}
		}
	}
	var kinds []string
	for k := range by {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	typed, precise = map[string]float64{}, map[string]float64{}
	fmt.Fprintf(w, "dev F1 on the answer's sentence by kind and margin the model must beat the rules' facts by (the sure ones' margin chosen):\n%-10s %5s %6s %7s", "kind", "n", "typed", "precise")
	for _, mg := range margins {
		if mg >= 1e9 {
			fmt.Fprintf(w, " %6s", "rules")
		} else {
			fmt.Fprintf(w, " %6g", mg)
		}
	}
	fmt.Fprintln(w, "  chosen  precise chosen (F1 kept always)")
	for _, k := range kinds {
		a := by[k]
		bm, bp := 0, 0
		for mi := range margins {
			for pi := range margins {
				if a.f1[mi][pi] >= a.f1[bm][bp]-1e-9 {
					bm, bp = mi, pi
				}
			}
		}
		typed[k], precise[k] = margins[bm], margins[bp]
		fmt.Fprintf(w, "%-10s %5d %6d %7d", k, a.n, a.typed, a.precise)
		for mi := range margins {
			fmt.Fprintf(w, " %6.1f", 100*a.f1[mi][bp]/float64(a.n))
		}
		last := len(margins) - 1
		fmt.Fprintf(w, "  %g  %g (%.1f)\n", margins[bm], margins[bp], 100*a.f1[bm][last]/float64(a.n))
	}
	return typed, precise
}

// writeModel writes a span model file at path and, at tablePath, the
// table the engine embeds (qa/spantable.go), which it reads without
// parsing; TestSpanTableUpToDate fails while the two differ.
func writeModel(path, tablePath string, file []byte) error {
	table, err := qa.SpanModelTable(file)
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, file, 0o644); err != nil {
		return err
	}
	return os.WriteFile(tablePath, table, 0o644)
}
