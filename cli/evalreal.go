package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/realdata"
)

// formats returns the format of each question file.
func formats(files []string) ([]realdata.Format, error) {
	out := make([]realdata.Format, len(files))
	for i, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("question file: %w", err)
		}
		out[i], err = realdata.Detect(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("question file %s: %w", name, err)
		}
	}
	return out, nil
}

// parseSplits reads --split: a comma-separated list of fit, dev, heldout.
func parseSplits(s string) ([]string, error) {
	var out []string
	for part := range strings.SplitSeq(s, ",") {
		part = strings.TrimSpace(part)
		if !slices.Contains(dataset.Splits, part) {
			return nil, usagef("eval: --split %q: want a list of %s", s, strings.Join(dataset.Splits, ", "))
		}
		if !slices.Contains(out, part) {
			out = append(out, part)
		}
	}
	return out, nil
}

// evalReal scores real-data files (qa-data, xquad-dev): one engine per
// article from shared resources, figures per set, language and split.
// Held-out figures are printed apart and never checked, and their
// questions are never printed.
func (a *app) evalReal(ctx context.Context, o evalOptions, files []string) error {
	splits, err := parseSplits(o.splits)
	if err != nil {
		return err
	}
	tuning := slices.DeleteFunc(slices.Clone(splits), func(s string) bool { return s == dataset.Heldout })
	held := slices.Contains(splits, dataset.Heldout)
	if o.perQuestion && held {
		return usagef("eval: --per-question would print held-out questions, which nobody may look at; add --split fit,dev")
	}
	if len(tuning) == 0 && (o.thresholds.Sentence.HasAll || o.thresholds.Sentence.PerLang != nil ||
		o.thresholds.Answer.HasAll || o.thresholds.Answer.PerLang != nil ||
		o.thresholds.Abstain.HasAll || o.thresholds.Abstain.PerLang != nil) {
		return usagef("eval: held-out figures never gate anything: thresholds need --split fit or dev")
	}
	var sets []*dataset.Set
	for _, name := range files {
		s, err := realdata.ReadFile(os.DirFS(filepath.Dir(name)), filepath.Base(name), o.holdOutMin)
		if err != nil {
			return fmt.Errorf("question file: %w", err)
		}
		sets = append(sets, s)
	}
	q := realdata.NewQabot(a.langs)
	q.Options.Glossary = a.glossaries()
	q.Lang = a.lang
	start := time.Now()
	outs, err := realdata.Run(ctx, sets, q.Parse, []realdata.System{q}, realdata.Options{
		Jobs: max(o.jobs, 1),
		Keep: func(art *dataset.Article) bool { return slices.Contains(splits, art.Split) },
	})
	if err != nil {
		if ctx.Err() != nil {
			return errInterrupted
		}
		return fmt.Errorf("eval: %w", err)
	}
	elapsed := time.Since(start)
	t := realdata.Tally{}
	t.Add(outs)

	out := bufio.NewWriter(a.stdout)
	if o.perQuestion {
		realdata.WriteMisses(out, outs)
	}
	if len(tuning) > 0 {
		t.WriteTable(out, tuning, []string{"qabot"})
	}
	if held {
		if len(tuning) > 0 {
			fmt.Fprintln(out)
		}
		fmt.Fprintln(out, "held-out split: reported apart, never looked at, never gates anything")
		t.WriteTable(out, []string{dataset.Heldout}, []string{"qabot"})
	}
	fmt.Fprintf(out, "time %.2fs for %d questions\n", elapsed.Seconds(), len(outs))
	if err := out.Flush(); err != nil {
		return err
	}
	if len(tuning) == 0 {
		return nil
	}
	if fails := t.Check("qabot", tuning, o.thresholds); len(fails) > 0 {
		for _, f := range fails {
			fmt.Fprintf(a.stderr, "qabot eval: FAIL %s\n", f)
		}
		return &failedError{}
	}
	return nil
}
