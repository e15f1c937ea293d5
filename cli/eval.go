package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/internal/realdata"
)

func (a *app) evalUsage(w io.Writer) {
	a.usageLine(w, "eval")
	fmt.Fprint(w, `Scores question files (JSON lines: {"id","lang","q","gold":[...],"ans":[...],
"answerable":true|false|"either"}; testdata/eval/README.md) against the
engine, in process, as if each were asked with "qabot ask --json": per
language and overall, sentence@1 (the quote holds a gold substring), answer (the short
answer holds an ans) and abstain (unanswerable questions left unanswered).

A threshold P is a percentage for the overall figure ("70"), per language
("en=70,fr=50"), or both ("60,en=70"). When a figure falls below its
threshold, qabot eval says which on stderr and exits 1. Figures with no
question to count are not checked. --per-question refuses files under a
heldout/ folder: nobody may look at those questions.

Real-data files are recognised by their content: the qa-data format
(testdata/realdata/qa-data/*.jsonl.gz, lines with their paragraph) and the
xquad-dev format (lines that name their article, read from the folder
"articles" beside the file). Each article gets its own engine; figures are
per set, language and split (fit, dev, heldout by article; see
testdata/realdata/README.md): sentence@1, strict (the quote is the sentence
holding the answer's offset), top1 (the first sentence, answered or not),
SQuAD F1 and EM of the short answer, answerable questions declined, and
unanswerable ones declined (qa-data's are made by removing the paragraph
that answers). Thresholds there are per set ("en.squad1.0-train.sample=70"),
--min-answer is F1, and they check fit and dev only: held-out figures are
printed apart and never gate anything, and --per-question refuses them.

Flags:
`)
	a.printDefaults(w, a.evalFlags(new(evalOptions)))
}

type evalOptions struct {
	perQuestion bool
	markdown    bool
	row         string
	thresholds  eval.Thresholds
	// real data only
	splits     string
	holdOutMin int
	jobs       int
}

func (a *app) evalFlags(o *evalOptions) *flag.FlagSet {
	fs := a.flagSet("eval")
	a.corpusFlag(fs)
	fs.BoolVar(&o.perQuestion, "per-question", false, "print every question scored wrong")
	fs.BoolVar(&o.markdown, "markdown", false, "print the figures per language as a markdown table (for make report)")
	fs.StringVar(&o.row, "row", "", "print only the overall figures, as one markdown table row labelled `LABEL` (for make report)")
	fs.Var(&o.thresholds.Sentence, "min-sentence", "fail below `P` percent sentence@1")
	fs.Var(&o.thresholds.Answer, "min-answer", "fail below `P` percent right short answers")
	fs.Var(&o.thresholds.Abstain, "min-abstain", "fail below `P` percent right abstentions")
	fs.StringVar(&o.splits, "split", "fit,dev,heldout", "real data: the splits to score, comma-separated")
	fs.IntVar(&o.holdOutMin, "hold-out-min", realdata.DefaultMinParagraphs, "real data: paragraphs an article needs to make unanswerable questions of it by removing one (0: none)")
	fs.IntVar(&o.jobs, "jobs", 2, "real data: articles worked on at once")
	return fs
}

func (a *app) eval(ctx context.Context, args []string) error {
	var o evalOptions
	files, err := a.parse(a.evalFlags(&o), args, a.evalUsage)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("eval: no question files given")
	}
	kinds, err := formats(files)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(kinds, func(f realdata.Format) bool { return f != realdata.Own }) {
		if slices.Contains(kinds, realdata.Own) {
			return usagef("eval: give real-data files (qa-data, xquad-dev) and question files about the served corpus in separate runs")
		}
		return a.evalReal(ctx, o, files)
	}
	if o.perQuestion {
		for _, name := range files {
			if slices.Contains(strings.Split(filepath.ToSlash(filepath.Clean(name)), "/"), "heldout") {
				return usagef("eval: --per-question would print the questions of %s, a held-out set nobody may look at", name)
			}
		}
	}
	var qs []eval.Question
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return fmt.Errorf("question file: %w", err)
		}
		more, err := eval.Read(f, name)
		f.Close()
		if err != nil {
			return err
		}
		qs = append(qs, more...)
	}
	a.noStore = true
	b, err := a.loadBot(ctx)
	if err != nil {
		return err
	}

	var askErr error
	start := time.Now()
	report := eval.Score(qs, func(q string) eval.Result {
		if askErr != nil {
			return eval.Result{}
		}
		reply, err := a.askBot(ctx, b, q)
		if err != nil {
			askErr = err
			return eval.Result{}
		}
		v := toJSON(q, reply)
		return eval.Result{Answered: v.Answered, Answer: v.Answer, Quote: v.Quote}
	})
	elapsed := time.Since(start)
	if errors.Is(askErr, errInterrupted) {
		return askErr
	}
	if askErr != nil {
		// One failure would skew every figure: report it, not numbers.
		return fmt.Errorf("eval: answering failed: %w", askErr)
	}

	out := bufio.NewWriter(a.stdout)
	if o.perQuestion {
		report.WriteMisses(out)
	}
	switch {
	case o.row != "":
		report.WriteMarkdownRow(out, o.row)
	case o.markdown:
		report.WriteMarkdown(out)
	default:
		report.WriteTable(out)
		fmt.Fprintf(out, "time %.2fs for %d questions\n", elapsed.Seconds(), len(qs))
		report.WriteOverall(out)
	}
	if err := out.Flush(); err != nil {
		return err
	}
	if fails := report.Check(o.thresholds); len(fails) > 0 {
		for _, f := range fails {
			fmt.Fprintf(a.stderr, "qabot eval: FAIL %s\n", f)
		}
		return &failedError{}
	}
	return nil
}
