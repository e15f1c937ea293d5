package main

import (
	"bytes"
	"fmt"
	"io/fs"
	"log"
	"path"
	"strings"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/realdata"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

// An article is one article of a set with the questions asked about it,
// parsed, with its engine.
type article struct {
	set       string // the set's name
	lang      string // the article's language
	a         *dataset.Article
	questions []question
	engine    *qa.Engine
}

// A question is one question with the sentences of the parsed article
// that answer it.
type question struct {
	*dataset.Question
	gold []int // sentence indices (dataset.GoldSentences); nil: match gold strings
}

// right reports whether a quoted sentence answers q: it holds the
// answer's offset when the data gives one, else it contains a gold string
// (score.py's matching).
func (q question) right(c qa.Citation) bool {
	if q.Answerable == eval.No {
		return false
	}
	if q.gold != nil {
		for _, g := range q.gold {
			if g == c.Sentence {
				return true
			}
		}
		return false
	}
	return eval.Hit(c.Text, q.Gold)
}

// load reads the real-data sets under dir of fsys whose names start with
// one of prefixes (all when empty), keeps the articles of the given splits,
// and parses them and builds their engines with q. The held-out split is
// never asked for: its articles are not even parsed.
func load(fsys fs.FS, dir string, prefixes string, splits map[string]bool, q *realdata.Qabot) ([]*article, error) {
	if splits[dataset.Heldout] {
		return nil, fmt.Errorf("the trainer never reads the held-out split")
	}
	files, err := realdata.Files(fsys, dir)
	if err != nil {
		return nil, err
	}
	var out []*article
	for _, f := range files {
		s, err := realdata.ReadFile(fsys, f, realdata.DefaultMinParagraphs)
		if err != nil {
			return nil, err
		}
		if !wanted(s.Name, prefixes) {
			continue
		}
		byID := map[string]*article{}
		for _, a := range s.Articles {
			if !splits[a.Split] {
				continue
			}
			art := &article{set: s.Name, lang: a.Lang, a: a}
			byID[a.ID] = art
			out = append(out, art)
		}
		for i := range s.Questions {
			qq := &s.Questions[i]
			if art := byID[qq.Article]; art != nil {
				art.questions = append(art.questions, question{Question: qq})
			}
		}
	}
	parallel(len(out), func(i int) {
		art := out[i]
		parsed, err := q.Parse(art.a)
		if err != nil {
			log.Printf("skipped %s: %v", art.a.ID, err)
			return
		}
		loc := dataset.Locate(art.a, parsed)
		for k := range art.questions {
			if len(art.questions[k].Answers) > 0 {
				art.questions[k].gold = dataset.GoldSentences(art.a, *art.questions[k].Question, loc)
				if art.questions[k].gold == nil {
					art.questions[k].gold = []int{} // the cleaner dropped it: nothing is right
				}
			}
		}
		code := art.a.Lang
		if _, ok := q.Options.Languages.Get(code); !ok {
			code = "en"
		}
		r, err := q.Resources(code)
		if err != nil {
			log.Fatal(err)
		}
		e, err := r.Engine(&corpus.Corpus{Articles: []*corpus.Article{parsed}})
		if err != nil {
			log.Printf("skipped %s: %v", art.a.ID, err)
			return
		}
		art.engine = e
	})
	var kept []*article
	for _, a := range out {
		if a.engine != nil && len(a.questions) > 0 {
			kept = append(kept, a)
		}
	}
	return kept, nil
}

func wanted(set, prefixes string) bool {
	if prefixes == "" {
		return true
	}
	for _, p := range strings.Split(prefixes, ",") {
		if strings.HasPrefix(set, p) {
			return true
		}
	}
	return false
}

// loadOwn reads the project's own question sets (testdata/eval, the
// tuning files only: never *.heldout.jsonl) as articles of the fit split:
// each folder's questions ask about one corpus, the embedded seed article
// or testdata/articles. They are questions written the way this bot's
// users ask, about news articles, so the calibration learns their style
// beside the real data's.
func loadOwn(fsys fs.FS, root string, q *realdata.Qabot) ([]*article, error) {
	r, err := q.Resources("en")
	if err != nil {
		return nil, err
	}
	var out []*article
	for _, set := range []struct {
		name, dir string
		corpus    fs.FS
	}{
		{"own/seed", "testdata/eval/seed", seeds.FS},
		{"own/articles", "testdata/eval/articles", nil},
	} {
		corpusFS := set.corpus
		if corpusFS == nil {
			sub, err := fs.Sub(fsys, path.Join(root, "testdata/articles"))
			if err != nil {
				return nil, err
			}
			corpusFS = sub
		}
		e, err := r.Load(corpusFS)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", set.name, err)
		}
		files, err := fs.Glob(fsys, path.Join(root, set.dir, "*.jsonl"))
		if err != nil {
			return nil, err
		}
		art := &article{set: set.name, lang: "en", a: &dataset.Article{ID: set.name, Key: set.name, Split: dataset.Fit}, engine: e}
		for _, f := range files {
			if strings.HasSuffix(f, ".heldout.jsonl") {
				continue
			}
			data, err := fs.ReadFile(fsys, f)
			if err != nil {
				return nil, err
			}
			qs, err := eval.Read(bytes.NewReader(data), f)
			if err != nil {
				return nil, err
			}
			for _, qq := range qs {
				art.questions = append(art.questions, question{Question: &dataset.Question{Question: qq, Article: set.name}})
			}
		}
		out = append(out, art)
	}
	return out, nil
}
