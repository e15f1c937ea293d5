// Command spandiag sorts the short answers qabot gets wrong on the dev
// split of the real data when its quote is right (the F1|hit column of
// realeval) by cause, counts them, and prints examples of each:
//
//	go run ./internal/spandiag                  # the counts per cause and kind
//	go run ./internal/spandiag -show wrong-sure -n 20
//
// It reads the dev split, or with -split fit the fit split (where causes
// can be studied without choosing by the data the keep rule measures on);
// never the held-out split.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
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
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "spandiag:", err)
		os.Exit(1)
	}
}

// A row is one answered dev question whose quote holds the answer.
type row struct {
	article, kind, question, answer, quote string
	gold                                   []string
	f1                                     float64
	cause                                  string
	rule                                   string // the rules' answer, "" when none
	precise, typed                         bool
	oracle                                 float64 // the best F1 among the sentence's candidates
	oracleText                             string
}

// Causes, in the order a failure is sorted into the first that fits.
var causes = []string{
	"yesno",       // a yes or no answer to a question whose answer is a span
	"empty",       // answered with no short answer
	"unreachable", // no candidate of the sentence reaches F1 0.5
	"wrong-sure",  // F1 0, the rules' sure answer stood
	"wrong-typed", // F1 0, the rules' typed answer stood
	"wrong-rule",  // F1 0, the rules' untyped answer stood
	"wrong-model", // F1 0, the model chose another span
	"too-long",    // shares words with the answer, and has more words than it
	"too-short",   // shares words with the answer, and has no more words
}

func run(args []string, w io.Writer) error {
	fs := flag.NewFlagSet("spandiag", flag.ContinueOnError)
	data := fs.String("data", "testdata/realdata", "folder of the real data")
	show := fs.String("show", "", "print examples of this cause")
	kind := fs.String("kind", "", "only questions of this kind")
	sets := fs.String("sets", "", "only the sets whose name holds this")
	n := fs.Int("n", 15, "examples printed")
	split := fs.String("split", dataset.Dev, "the split read: dev or fit (never held-out)")
	dump := fs.String("dump", "", "write every row to this file, tab-separated (article, kind, question, answer, F1, cause), to compare two variants")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *split != dataset.Dev && *split != dataset.Fit {
		return fmt.Errorf("-split %q: want %s or %s (the held-out split is never read)", *split, dataset.Dev, dataset.Fit)
	}
	reg, err := lang.Load(lang.Data)
	if err != nil {
		return err
	}
	dir := os.DirFS(*data)
	files, err := realdata.Files(dir, ".")
	if err != nil {
		return err
	}
	var all []*dataset.Set
	for _, f := range files {
		s, err := realdata.ReadFile(dir, f, 0)
		if err != nil {
			return err
		}
		if *sets == "" || strings.Contains(s.Name, *sets) {
			all = append(all, s)
		}
	}
	sys := &diag{Qabot: realdata.NewQabot(reg)}
	// The outcomes are the rows diag keeps; Run's own are empty replies.
	if _, err := realdata.Run(context.Background(), all, sys.Parse, []realdata.System{sys},
		realdata.Options{Jobs: 2, Keep: func(a *dataset.Article) bool { return a.Split == *split }}); err != nil {
		return err
	}
	rows := sys.rows
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].article+rows[i].question < rows[j].article+rows[j].question })
	if *dump != "" {
		var b strings.Builder
		for _, r := range rows {
			fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%.3f\t%s\n", r.article, r.kind, oneLine(r.question), oneLine(r.answer), r.f1, r.cause)
		}
		if err := os.WriteFile(*dump, []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	count := map[string]map[string]int{}
	lost := map[string]float64{}
	hits, total := 0, 0.0
	kinds := map[string]bool{}
	for _, r := range rows {
		if *kind != "" && r.kind != *kind {
			continue
		}
		hits++
		total += r.f1
		if r.f1 >= 1 {
			continue
		}
		if count[r.cause] == nil {
			count[r.cause] = map[string]int{}
		}
		count[r.cause][r.kind]++
		count[r.cause]["all"]++
		kinds[r.kind] = true
		lost[r.cause] += 1 - r.f1
	}
	var ks []string
	for k := range kinds {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	fmt.Fprintf(w, "%s questions whose quote holds the answer: %d, F1|hit %.1f\n", *split, hits, 100*total/float64(max(1, hits)))
	fmt.Fprintf(w, "%-12s %5s %6s", "cause", "n", "lostF1")
	for _, k := range ks {
		fmt.Fprintf(w, " %8s", k)
	}
	fmt.Fprintln(w)
	for _, c := range causes {
		fmt.Fprintf(w, "%-12s %5d %6.1f", c, count[c]["all"], 100*lost[c]/float64(max(1, hits)))
		for _, k := range ks {
			fmt.Fprintf(w, " %8d", count[c][k])
		}
		fmt.Fprintln(w)
	}
	if *show == "" {
		return nil
	}
	shown := 0
	for _, r := range rows {
		if r.cause != *show || r.f1 >= 1 || *kind != "" && r.kind != *kind {
			continue
		}
		fmt.Fprintf(w, "\n%s %s | %s\n  got %q (F1 %.2f) gold %q\n  rule %q sure=%v typed=%v; best candidate %q (%.2f)\n  quote: %s\n",
			r.article, r.kind, r.question, r.answer, r.f1, r.gold, r.rule, r.precise, r.typed, r.oracleText, r.oracle, r.quote)
		if shown++; shown == *n {
			break
		}
	}
	return nil
}

// diag is the engine as the binary answers, which also reads the
// quoted sentence's candidates.
type diag struct {
	*realdata.Qabot
	mu   sync.Mutex
	rows []row
}

func (d *diag) Name() string { return "qabot" }

func (d *diag) Answerer(a *dataset.Article, c *corpus.Corpus) (realdata.Answerer, error) {
	code := a.Lang
	if _, ok := d.Options.Languages.Get(code); !ok {
		code = "en"
	}
	r, err := d.Resources(code)
	if err != nil {
		return nil, err
	}
	e, err := r.Engine(c)
	if err != nil {
		return nil, err
	}
	return &diagAnswerer{d: d, e: e, article: a.Key}, nil
}

type diagAnswerer struct {
	d       *diag
	e       *qa.Engine
	article string
}

func (x *diagAnswerer) Ask(ctx context.Context, q *dataset.Question) (realdata.Reply, error) {
	text := strings.ReplaceAll(q.Q, "\n", " ")
	a, err := x.e.Ask(ctx, qa.Question{Text: text})
	if err != nil {
		return realdata.Reply{}, err
	}
	if q.Answerable != eval.Yes || !a.Answered || !eval.Hit(a.Quote.Text, q.Gold) {
		return realdata.Reply{}, nil
	}
	f1, _ := eval.BestF1(a.Text, q.Ans)
	r := row{article: x.article, kind: string(a.Kind), question: q.Q, answer: a.Text, quote: a.Quote.Text, gold: q.Ans, f1: f1}
	if sq, ok := x.e.SpanCandidates(qa.Question{Text: text}, 0, a.Quote.Sentence); ok {
		if sq.Rule >= 0 {
			r.rule = sq.Candidates[sq.Rule].Text
		}
		r.precise, r.typed = sq.RulePrecise, sq.RuleTyped
		for _, c := range sq.Candidates {
			if cf, _ := eval.BestF1(c.Text, q.Ans); cf > r.oracle {
				r.oracle, r.oracleText = cf, c.Text
			}
		}
	}
	r.cause = cause(r, a.Kind == qa.KindYesNo)
	x.d.mu.Lock()
	x.d.rows = append(x.d.rows, r)
	x.d.mu.Unlock()
	return realdata.Reply{}, nil
}

func cause(r row, yesno bool) string {
	words := func(s string) int { return len(strings.Fields(s)) }
	switch {
	case yesno:
		return "yesno"
	case strings.TrimSpace(r.answer) == "":
		return "empty"
	case r.oracle < 0.5:
		return "unreachable"
	case r.f1 == 0 && r.answer == r.rule && r.precise:
		return "wrong-sure"
	case r.f1 == 0 && r.answer == r.rule && r.typed:
		return "wrong-typed"
	case r.f1 == 0 && r.answer == r.rule:
		return "wrong-rule"
	case r.f1 == 0:
		return "wrong-model"
	}
	shortest := words(r.gold[0])
	for _, g := range r.gold {
		shortest = min(shortest, words(g))
	}
	if words(r.answer) > shortest {
		return "too-long"
	}
	return "too-short"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
