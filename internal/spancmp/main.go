// Command spancmp compares the short answers of two span models on our own
// tuning sets (testdata/eval/seed, articles and langarticles, never a
// *.heldout.jsonl file): for every answerable question whose quote holds the
// answer, it prints where the two models' short answers differ, and whether
// each holds an accepted answer (qabot eval's "answer").
//
//	go run ./internal/spancmp -a qa/data/spans.tsv -b /tmp/refit.tsv
package main

import (
	"context"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

func main() {
	a := flag.String("a", "qa/data/spans.tsv", "first span model")
	b := flag.String("b", "", "second span model")
	all := flag.Bool("all", false, "print the questions both answer alike too")
	flag.Parse()
	reg, err := lang.Load(lang.Data)
	check(err)
	models := []*qa.SpanModel{load(*a), load(*b)}
	sets := []struct {
		dir      string
		articles fs.FS
	}{
		{"testdata/eval/seed", seeds.FS},
		{"testdata/eval/articles", os.DirFS("testdata/articles")},
		{"testdata/eval/langarticles", os.DirFS("testdata/langarticles")},
	}
	var gain, loss, same, diff int
	for _, set := range sets {
		files, err := filepath.Glob(filepath.Join(set.dir, "*.jsonl"))
		check(err)
		var qs []eval.Question
		for _, f := range files {
			if strings.HasSuffix(f, ".heldout.jsonl") {
				continue
			}
			data, err := os.ReadFile(f)
			check(err)
			q, err := eval.Read(strings.NewReader(string(data)), f)
			check(err)
			qs = append(qs, q...)
		}
		var engines []*qa.Engine
		for _, m := range models {
			e, err := qa.Load(set.articles, qa.Options{Languages: reg, Detector: lang.NewDetector(reg), SpanModel: m})
			check(err)
			engines = append(engines, e)
		}
		for _, q := range qs {
			if q.Answerable != eval.Yes {
				continue
			}
			var ans [2]qa.Answer
			var hit [2]bool
			for i, e := range engines {
				ans[i], err = e.Ask(context.Background(), qa.Question{Text: q.Q})
				check(err)
				hit[i] = ans[i].Answered && eval.Hit(ans[i].Text, q.Ans)
			}
			if !ans[0].Answered && !ans[1].Answered {
				continue
			}
			switch {
			case hit[0] && !hit[1]:
				loss++
			case !hit[0] && hit[1]:
				gain++
			}
			if ans[0].Text == ans[1].Text && ans[0].Answered == ans[1].Answered {
				same++
				if !*all {
					continue
				}
			} else {
				diff++
			}
			mark := "  "
			switch {
			case hit[0] && !hit[1]:
				mark = "- "
			case !hit[0] && hit[1]:
				mark = "+ "
			}
			qhit := ans[0].Answered && eval.Hit(ans[0].Quote.Text, q.Gold)
			fmt.Printf("%s%s [%s] %q quote-ok=%v\n   a %q (%v)  b %q (%v)  want %q\n", mark, q.ID, ans[0].Kind, q.Q, qhit, ans[0].Text, hit[0], ans[1].Text, hit[1], q.Ans)
		}
	}
	fmt.Printf("same %d, differ %d; b gains %d, loses %d answers\n", same, diff, gain, loss)
}

func load(path string) *qa.SpanModel {
	data, err := os.ReadFile(path)
	check(err)
	m, err := qa.ParseSpanModel(data)
	check(err)
	return m
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "spancmp:", err)
		os.Exit(1)
	}
}
