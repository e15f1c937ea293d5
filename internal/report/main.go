//go:build unix

// Command report prints, as markdown tables for the README (make report),
// the figures that are measured rather than gated: how scripted dialogues
// fare, how the engine compares with a Bleve BM25 baseline, and the
// medians of benchmark runs. Run it from the repository root.
//
//	go run ./internal/report dialogues
//	go run ./internal/report bleve
//	go test -run '^$' -bench . -count 3 ./qa | go run ./internal/report bench
//	go test -run '^$' -bench Scale -count 3 ./qa | go run ./internal/report perf
//	go test -run '^$' -bench Scopes -benchtime 1x ./library | go run ./internal/report scopes
package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/internal/bleveindex"
	"github.com/qabot/qabot/internal/dialogues"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

func main() {
	reports := map[string]func(io.Writer) error{
		"dialogues": dialogueTable,
		"bleve":     bleveTable,
		"bench":     func(w io.Writer) error { return benchTable(os.Stdin, w) },
		"perf":      func(w io.Writer) error { return perfTables(os.Stdin, w) },
		"scopes":    func(w io.Writer) error { return scopesTable(os.Stdin, w) },
	}
	if len(os.Args) != 2 || reports[os.Args[1]] == nil {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/report dialogues|bleve|bench|perf|scopes")
		os.Exit(2)
	}
	if err := reports[os.Args[1]](os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "report %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

// corpora are the article sets the question files are about.
var corpora = map[string]fs.FS{"seed": seeds.FS, "articles": os.DirFS("testdata/articles")}

func engines(withDetector bool) (map[string]*qa.Engine, error) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		return nil, err
	}
	opts := qa.Options{Languages: reg}
	if withDetector {
		opts.Detector = lang.NewDetector(reg)
	}
	out := map[string]*qa.Engine{}
	for name, fsys := range corpora {
		e, err := qa.Load(fsys, opts)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", name, err)
		}
		out[name] = e
	}
	return out, nil
}

// dialogueTable scores the dialogues of testdata/dialogues: the tuning
// ones (seed.jsonl, articles.jsonl, which the qa tests gate on) and the
// held-out ones, apart.
func dialogueTable(w io.Writer) error {
	es, err := engines(true)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "| dialogues | count | languages | follow-up turns | right | right after a right turn | follow-ups read as new questions |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
	for _, set := range []struct {
		label string
		files []string
	}{
		{"tuning (`seed.jsonl`, `articles.jsonl`)", []string{"seed.jsonl", "articles.jsonl"}},
		{"held-out (`heldout.jsonl`)", []string{"heldout.jsonl"}},
	} {
		var ds []dialogues.Dialogue
		for _, name := range set.files {
			f, err := os.Open(filepath.Join("testdata/dialogues", name))
			if err != nil {
				return err
			}
			more, err := dialogues.Read(f, name)
			f.Close()
			if err != nil {
				return err
			}
			for _, d := range more {
				if d.Corpus == "" {
					d.Corpus = strings.TrimSuffix(name, ".jsonl")
				}
				ds = append(ds, d)
			}
		}
		stores := map[string]*qa.Conversations{}
		for name, e := range es {
			if stores[name], err = qa.NewConversations(e, qa.ConversationOptions{}); err != nil {
				return err
			}
		}
		sc, err := dialogues.Run(context.Background(), stores, ds)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "| %s | %d | %d | %d | %.0f%% | %.0f%% | %d |\n", set.label, sc.Dialogues, len(sc.Langs),
			sc.FollowUps, sc.FollowRate(), sc.AfterRightRate(), sc.WronglyFresh)
	}
	return nil
}

// bleveTable compares, on the English question sets, Bleve's top sentence
// with the engine's: its best sentence whether or not it dares answer, and
// the sentences it does answer with (sentence@1 as make eval counts it).
func bleveTable(w io.Writer) error {
	es, err := engines(false)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "| English questions | answerable | Bleve's top sentence | qabot's top sentence | qabot's answers (declining when unsure) |")
	fmt.Fprintln(w, "| --- | ---: | ---: | ---: | ---: |")
	for _, set := range []struct{ label, corpus, file string }{
		{"seed article, tuning", "seed", "seed/en.jsonl"},
		{"seed article, held-out", "seed", "seed/en.heldout.jsonl"},
		{"three test articles, tuning", "articles", "articles/en.jsonl"},
		{"three test articles, held-out", "articles", "articles/en.heldout.jsonl"},
	} {
		e := es[set.corpus]
		bi, err := bleveindex.New(e.Corpus())
		if err != nil {
			return err
		}
		f, err := os.Open(filepath.Join("testdata/eval", set.file))
		if err != nil {
			bi.Close()
			return err
		}
		qs, err := eval.Read(f, set.file)
		f.Close()
		if err != nil {
			bi.Close()
			return err
		}
		var n, bleveHits, qaHits, qaTop int
		for _, q := range qs {
			if q.Answerable != eval.Yes {
				continue
			}
			n++
			s, ok, err := bi.TopSentence(context.Background(), q.Q)
			if err != nil {
				bi.Close()
				return err
			}
			if ok && eval.Hit(s.Text, q.Gold) {
				bleveHits++
			}
			a, err := e.Ask(context.Background(), qa.Question{Text: q.Q})
			if err != nil {
				bi.Close()
				return err
			}
			top := a.Quote.Text
			if a.Answered && eval.Hit(a.Quote.Text, q.Gold) {
				qaHits++
			}
			if !a.Answered && len(a.Suggestions) > 0 {
				top = a.Suggestions[0].Text
			}
			if eval.Hit(top, q.Gold) {
				qaTop++
			}
		}
		bi.Close()
		pct := func(k int) float64 { return 100 * float64(k) / float64(max(n, 1)) }
		fmt.Fprintf(w, "| %s | %d | %.0f%% | %.0f%% | %.0f%% |\n", set.label, n, pct(bleveHits), pct(qaTop), pct(qaHits))
	}
	return nil
}
