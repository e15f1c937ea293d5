package main

import (
	"context"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/bleveindex"
	"github.com/qabot/qabot/internal/realdata"
)

// bleveSystem is the baseline: an in-memory Bleve index of the article's
// sentences (the same sentences qabot answers from) with the analyzer of
// the article's language and BM25 scoring; its answer is the top hit, and
// it never declines unless nothing matches. Over a pooled corpus it indexes
// every article's sentences, with the analyzer of the first one's
// language (a set's articles share one).
type bleveSystem struct{}

func (bleveSystem) Name() string { return "bleve" }

func (bleveSystem) Answerer(a *dataset.Article, c *corpus.Corpus) (realdata.Answerer, error) {
	idx, err := bleveindex.NewAnalyzed(c, bleveindex.Analyzer(a.Lang))
	if err != nil {
		return nil, err
	}
	return bleveAnswerer{idx}, nil
}

type bleveAnswerer struct{ *bleveindex.Index }

func (b bleveAnswerer) Ask(ctx context.Context, q *dataset.Question) (realdata.Reply, error) {
	r := realdata.Reply{Sentence: -1, Top: -1}
	article, s, ok, err := b.TopArticleSentence(ctx, q.Q)
	if err != nil || !ok {
		return r, err
	}
	r.Answered, r.Quote, r.Sentence, r.Top, r.TopQuote = true, s.Text, s.Index, s.Index, s.Text
	r.Article, r.TopArticle = article, article
	return r, nil
}
