// Command realeval scores qabot against a Bleve BM25 baseline on the real
// data of testdata/realdata, in one run and over the same sentences: one
// engine and one Bleve index per article, per set, language and split.
// Held-out figures are reported apart and never checked against a floor;
// the floors (--min-*) apply to fit and dev together.
//
//	go run ./internal/realeval                    # every set, every split
//	go run ./internal/realeval --sets xquad       # sets whose name holds "xquad"
//	go run ./internal/realeval --min-sentence 'en.squad1.0-train.sample=60'
//
// Bleve is imported here and in tests only, never by the binary (make
// check-deps).
package main

import (
	"context"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"maps"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/realdata"
	"github.com/qabot/qabot/lang"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "realeval:", err)
		os.Exit(1)
	}
}

type options struct {
	data, sets, systems, articleLang string
	splits                           string
	jobs, sample, minParagraphs      int
	pool                             int
	heldout, markdown                bool
	contrast                         bool
	threshold                        float64
	th                               eval.Thresholds
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	var o options
	fs := flag.NewFlagSet("realeval", flag.ContinueOnError)
	fs.StringVar(&o.data, "data", "testdata/realdata", "folder of real-data sets (qa-data/*.jsonl.gz, xquad-dev/*.jsonl)")
	fs.StringVar(&o.sets, "sets", "", "comma-separated substrings: score only the sets whose name holds one")
	fs.StringVar(&o.systems, "systems", "qabot,bleve", "systems to score: qabot, bleve")
	fs.StringVar(&o.articleLang, "article-lang", "", "read every article in this language (default: each article's own)")
	fs.IntVar(&o.jobs, "jobs", 2, "articles worked on at once")
	fs.IntVar(&o.sample, "sample", 100, "keep this percentage of the articles, chosen by a hash of their key (deterministic)")
	fs.IntVar(&o.minParagraphs, "hold-out-min", realdata.DefaultMinParagraphs, "paragraphs an article needs for unanswerable questions made by removing one; shorter articles lose a sentence (0: no unanswerable questions made)")
	fs.IntVar(&o.pool, "pool", 0, "ask each question of a corpus of this many articles of its set and split (grouped by a hash of their keys, realdata.Pools) instead of its article alone, as users' folders are; -1: one corpus of them all. A quote counts only from the question's own article; an unanswerable question (its answering paragraph removed) is asked of its article's corpus with that article without the paragraph, and stays unanswerable")
	fs.StringVar(&o.splits, "splits", "fit,dev", "the splits scored, checked and reported together (\"dev\" alone compares variants on what no model was fitted on)")
	fs.BoolVar(&o.heldout, "heldout", true, "report the held-out split too (apart, never checked)")
	fs.BoolVar(&o.markdown, "markdown", false, "print Markdown tables of qabot against Bleve (fit+dev, and held-out apart) instead, for the README (make report-real)")
	fs.BoolVar(&o.contrast, "contrast", false, "print the fit or dev questions whose first sentence Bleve has right and qabot wrong (never the held-out ones), for reading why qabot ranks worse")
	fs.Float64Var(&o.threshold, "threshold", 0, "decline below this calibrated probability instead of the ranker's threshold (0: the ranker's), for comparing rankers at a like share of unanswerable questions declined")
	fs.Var(&o.th.Sentence, "min-sentence", "fail below `P` percent sentence@1 on fit+dev: overall, or per set (\"set=P,...\")")
	fs.Var(&o.th.Answer, "min-f1", "fail below `F1` on fit+dev, as --min-sentence")
	fs.Var(&o.th.Abstain, "min-abstain", "fail below `P` percent of unanswerable questions declined on fit+dev, as --min-sentence")
	if err := fs.Parse(args); err != nil {
		return err
	}
	reg, err := lang.Load(lang.Data)
	if err != nil {
		return err
	}
	dir := os.DirFS(o.data)
	files, err := realdata.Files(dir, ".")
	if err != nil {
		return err
	}
	var sets []*dataset.Set
	for _, f := range files {
		s, err := realdata.ReadFile(dir, f, o.minParagraphs)
		if err != nil {
			return err
		}
		if o.sets == "" || slices.ContainsFunc(strings.Split(o.sets, ","), func(sub string) bool { return sub != "" && strings.Contains(s.Name, sub) }) {
			sets = append(sets, s)
		}
	}
	if len(sets) == 0 {
		return fmt.Errorf("no set in %s matches %q", o.data, o.sets)
	}
	qabot := realdata.NewQabot(reg)
	qabot.Options.MinConfidence = o.threshold
	if o.articleLang != "" {
		qabot.ArticleLang = func(*dataset.Article) string { return o.articleLang }
	}
	var systems []realdata.System
	var names []string
	for _, name := range strings.Split(o.systems, ",") {
		switch name {
		case "qabot":
			systems = append(systems, &timed{System: qabot})
		case "bleve":
			systems = append(systems, &timed{System: bleveSystem{}})
		default:
			return fmt.Errorf("unknown system %q", name)
		}
		names = append(names, name)
	}
	tuning := strings.Split(o.splits, ",")
	for _, sp := range tuning {
		if sp != dataset.Fit && sp != dataset.Dev {
			return fmt.Errorf("--splits: %q is not fit or dev (the held-out split is reported apart, with --heldout)", sp)
		}
	}
	splits := slices.Clone(tuning)
	if o.heldout {
		splits = append(splits, dataset.Heldout)
	}
	keep := func(a *dataset.Article) bool {
		if !slices.Contains(splits, a.Split) {
			return false
		}
		h := fnv.New32a()
		h.Write([]byte("sample/" + a.Key))
		return int(h.Sum32()%100) < o.sample
	}
	start := time.Now()
	outs, err := realdata.Run(ctx, sets, qabot.Parse, systems, realdata.Options{Jobs: o.jobs, Keep: keep, Pool: o.pool})
	if err != nil {
		return err
	}
	elapsed := time.Since(start)
	t := realdata.Tally{}
	t.Add(outs)

	if o.contrast {
		if !slices.Contains(names, "qabot") || !slices.Contains(names, "bleve") {
			return fmt.Errorf("--contrast compares qabot with bleve: keep both in --systems")
		}
		if err := realdata.WriteContrast(stdout, outs, "qabot", "bleve"); err != nil {
			return err
		}
	}
	if o.markdown {
		if !slices.Contains(names, "qabot") || !slices.Contains(names, "bleve") {
			return fmt.Errorf("--markdown compares qabot with bleve: keep both in --systems")
		}
		fmt.Fprintf(stdout, "%s (%s):\n\n", splitsNote(tuning), sampleNote(o.sample, o.pool))
		t.WriteMarkdown(stdout, tuning, "qabot", "bleve")
		if o.heldout {
			fmt.Fprintf(stdout, "\nHeld-out split (never looked at, never gates anything):\n\n")
			t.WriteMarkdown(stdout, []string{dataset.Heldout}, "qabot", "bleve")
		}
	} else {
		fmt.Fprintf(stdout, "== real data, %s (%s)\n", strings.ToLower(splitsNote(tuning)), sampleNote(o.sample, o.pool))
		if err := t.WriteTable(stdout, tuning, names); err != nil {
			return err
		}
		if o.heldout {
			fmt.Fprintf(stdout, "\n== real data, held-out split: reported apart, never looked at, never gates anything\n")
			if err := t.WriteTable(stdout, []string{dataset.Heldout}, names); err != nil {
				return err
			}
		}
	}
	n := 0
	for _, out := range outs {
		if out.System == names[0] {
			n++
		}
	}
	if o.markdown {
		// The README's table: its time would change at every run.
		return checkFloors(t, tuning, o.th)
	}
	fmt.Fprintf(stdout, "\n%d questions, %d sets, wall %.1fs;", n, len(sets), elapsed.Seconds())
	for _, s := range systems {
		ts := s.(*timed)
		fmt.Fprintf(stdout, " %s %.1fs (engines and answers, summed over jobs)", ts.Name(), time.Duration(ts.ns.Load()).Seconds())
	}
	fmt.Fprintln(stdout)
	if o.sets != "" {
		// Floors of the sets left out by --sets are not checked.
		kept := map[string]bool{}
		for _, s := range sets {
			kept[s.Name] = true
		}
		for _, lim := range []*eval.Limit{&o.th.Sentence, &o.th.Answer, &o.th.Abstain} {
			lim.PerLang = maps.Clone(lim.PerLang)
			maps.DeleteFunc(lim.PerLang, func(set string, _ float64) bool {
				return !kept[set] && slices.ContainsFunc(files, func(f string) bool { return strings.Contains(f, strings.TrimPrefix(set, "xquad-dev/")) })
			})
		}
	}
	return checkFloors(t, tuning, o.th)
}

func checkFloors(t realdata.Tally, tuning []string, th eval.Thresholds) error {
	if fails := t.Check("qabot", tuning, th); len(fails) > 0 {
		for _, f := range fails {
			fmt.Fprintf(os.Stderr, "realeval: FAIL qabot %s\n", f)
		}
		return fmt.Errorf("%d figures below their floors", len(fails))
	}
	return nil
}

func splitsNote(splits []string) string {
	if len(splits) == 1 {
		return strings.ToUpper(splits[0][:1]) + splits[0][1:] + " split"
	}
	return "Fit and dev splits"
}

func sampleNote(p, pool int) string {
	note := "every article"
	if p < 100 {
		note = fmt.Sprintf("a fixed %d%% sample of the articles", p)
	}
	switch {
	case pool < 0:
		note += ", each set and split's articles in one corpus"
	case pool > 0:
		note += fmt.Sprintf(", in corpora of up to %d articles of a set and split", pool)
	}
	return note
}

// timed measures the time a system spends building its answerers and
// answering.
type timed struct {
	realdata.System
	ns atomic.Int64
}

func (t *timed) Answerer(a *dataset.Article, c *corpus.Corpus) (realdata.Answerer, error) {
	start := time.Now()
	ans, err := t.System.Answerer(a, c)
	t.ns.Add(int64(time.Since(start)))
	if err != nil {
		return nil, err
	}
	return &timedAnswerer{ans, t}, nil
}

type timedAnswerer struct {
	realdata.Answerer
	t *timed
}

func (x *timedAnswerer) Ask(ctx context.Context, q *dataset.Question) (realdata.Reply, error) {
	start := time.Now()
	r, err := x.Answerer.Ask(ctx, q)
	x.t.ns.Add(int64(time.Since(start)))
	return r, err
}

func (x *timedAnswerer) Close() error {
	if c, ok := x.Answerer.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
