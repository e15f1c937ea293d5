package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

// A yes or a no needs a sentence that says what the question asks (qa:
// yesNoSupport, the share of the question's words the sentence says). The
// real data has no yes/no questions, so the least share is chosen on the
// yes/no questions of our own tuning sets (testdata/eval, never a
// *.heldout.jsonl file nor the heldout/ folder): the share that maximises
// right answers minus yesNoCost times wrong ones, a declined question
// counting nothing. A wrong answer is an answer to an unanswerable
// question, a wrong yes or no, or a right one quoted from a sentence that
// does not say it.

// yesNoCost is what a wrong yes or no costs, in right ones: the cost of a
// wrong answer internal/train calibrates the abstention for.
const yesNoCost = 3

// yesNoShares are the least shares tried; -2 is no gate at all, -0.5 asks
// for the question's names only.
var yesNoShares = []float64{-2, -0.5, 0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.67, 0.75, 0.8, 0.9, 1}

// tuningSets are the question sets of testdata/eval and the articles they
// are about.
func tuningSets(root string) []struct {
	dir      string
	articles fs.FS
} {
	return []struct {
		dir      string
		articles fs.FS
	}{
		{filepath.Join(root, "testdata/eval/seed"), seeds.FS},
		{filepath.Join(root, "testdata/eval/articles"), os.DirFS(filepath.Join(root, "testdata/articles"))},
	}
}

// chooseYesNo returns the least share of a yes/no question a sentence must
// say, printing the tally of every share tried.
func chooseYesNo(w io.Writer, reg *lang.Registry, root string) (float64, error) {
	type tally struct{ right, wrong, declined int }
	tallies := make([]tally, len(yesNoShares))
	n := 0
	for _, set := range tuningSets(root) {
		files, err := filepath.Glob(filepath.Join(set.dir, "*.jsonl"))
		if err != nil {
			return 0, err
		}
		var qs []eval.Question
		for _, f := range files {
			if strings.HasSuffix(f, ".heldout.jsonl") {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				return 0, err
			}
			q, err := eval.Read(strings.NewReader(string(data)), f)
			if err != nil {
				return 0, err
			}
			qs = append(qs, q...)
		}
		for i, share := range yesNoShares {
			sm, err := qa.ParseSpanModel([]byte("rules|yesno_support\t" + strconv.FormatFloat(share, 'g', -1, 64) + "\n"))
			if err != nil {
				return 0, err
			}
			e, err := qa.Load(set.articles, qa.Options{Languages: reg, Detector: lang.NewDetector(reg), SpanModel: sm})
			if err != nil {
				return 0, err
			}
			for _, q := range qs {
				a, err := e.Ask(context.Background(), qa.Question{Text: q.Q})
				if err != nil {
					return 0, err
				}
				if a.Kind != qa.KindYesNo {
					continue
				}
				if i == 0 {
					n++
				}
				t := &tallies[i]
				switch {
				case !a.Answered:
					t.declined++
				case q.Answerable == eval.Yes && eval.Hit(a.Quote.Text, q.Gold) && eval.Hit(a.Text, q.Ans):
					t.right++
				case q.Answerable == eval.Yes || q.Answerable == eval.No:
					t.wrong++
				case !eval.Hit(a.Quote.Text, q.Gold): // "either": a half answer may be quoted
					t.wrong++
				}
			}
		}
	}
	fmt.Fprintf(w, "yes/no questions of the tuning sets (%d): the least share of the question a sentence must say (-2: no gate, -0.5: its names only)\n%6s %6s %6s %8s %6s\n", n, "share", "right", "wrong", "declined", "gain")
	best, bestGain := 0, 0.0
	for i, t := range tallies {
		gain := float64(t.right) - yesNoCost*float64(t.wrong)
		fmt.Fprintf(w, "%6g %6d %6d %8d %6g\n", yesNoShares[i], t.right, t.wrong, t.declined, gain)
		if i == 0 || gain > bestGain {
			best, bestGain = i, gain
		}
	}
	return yesNoShares[best], nil
}

// rewriteYesNo chooses the yes/no support again and writes it into the
// model file at path (and its table at tablePath), the other lines as
// they are.
func rewriteYesNo(w io.Writer, reg *lang.Registry, path, tablePath string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	share, err := chooseYesNo(w, reg, ".")
	if err != nil {
		return err
	}
	line := "rules|yesno_support\t" + strconv.FormatFloat(share, 'g', -1, 64)
	var out []string
	done := false
	for _, l := range strings.SplitAfter(string(data), "\n") {
		switch {
		case strings.HasPrefix(l, "rules|yesno_support\t"):
			continue
		case !done && !strings.HasPrefix(l, "#") && l > "rules|yesno_support":
			out = append(out, line+"\n")
			done = true
		}
		out = append(out, l)
	}
	if !done {
		out = append(out, line+"\n")
	}
	return writeModel(path, tablePath, []byte(strings.Join(out, "")))
}
