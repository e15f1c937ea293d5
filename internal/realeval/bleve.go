package main

import (
	"context"
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/de"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/lang/fr"
	"github.com/blevesearch/bleve/v2/analysis/lang/hu"
	"github.com/blevesearch/bleve/v2/analysis/lang/it"
	"github.com/blevesearch/bleve/v2/analysis/lang/no"
	"github.com/blevesearch/bleve/v2/analysis/lang/pt"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/lang/sv"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/realdata"
)

// bleveAnalyzers maps qabot's language codes to Bleve's analyzers.
var bleveAnalyzers = map[string]string{
	"en": en.AnalyzerName, "de": de.AnalyzerName, "es": es.AnalyzerName, "fr": fr.AnalyzerName,
	"hu": hu.AnalyzerName, "it": it.AnalyzerName, "nb": no.AnalyzerName, "pt": pt.AnalyzerName,
	"ru": ru.AnalyzerName, "sv": sv.AnalyzerName,
}

// bleveSystem is the baseline: an in-memory Bleve index of the article's
// sentences (the same sentences qabot answers from) with the analyzer of
// the article's language and BM25 scoring; its answer is the top hit, and
// it never declines unless nothing matches.
type bleveSystem struct{}

func (bleveSystem) Name() string { return "bleve" }

const bleveField = "text"

func (bleveSystem) Answerer(a *dataset.Article, c *corpus.Corpus) (realdata.Answerer, error) {
	analyzer, ok := bleveAnalyzers[a.Lang]
	if !ok {
		analyzer = en.AnalyzerName
	}
	field := mapping.NewTextFieldMapping()
	field.Analyzer = analyzer
	field.Store = false
	field.IncludeInAll = false
	field.IncludeTermVectors = false
	field.DocValues = false
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(bleveField, field)
	m := mapping.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzer
	m.ScoringModel = index.BM25Scoring
	// An empty path keeps the scorch index in memory; NewMemOnly would
	// pick the older upsidedown index, which has no BM25.
	idx, err := bleve.New("", m)
	if err != nil {
		return nil, fmt.Errorf("bleve index: %w", err)
	}
	b := &bleveIndex{idx: idx}
	batch := idx.NewBatch()
	for _, art := range c.Articles {
		for _, s := range art.Sentences {
			id := strconv.Itoa(len(b.sentences))
			b.sentences = append(b.sentences, s)
			if err := batch.Index(id, map[string]any{bleveField: s.Text}); err != nil {
				idx.Close()
				return nil, fmt.Errorf("bleve index sentence %s: %w", id, err)
			}
		}
	}
	if err := idx.Batch(batch); err != nil {
		idx.Close()
		return nil, fmt.Errorf("bleve batch: %w", err)
	}
	return b, nil
}

type bleveIndex struct {
	idx       bleve.Index
	sentences []corpus.Sentence
}

func (b *bleveIndex) Ask(ctx context.Context, q *dataset.Question) (realdata.Reply, error) {
	query := bleve.NewMatchQuery(q.Q)
	query.SetField(bleveField)
	res, err := b.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(query, 1, 0, false))
	if err != nil {
		return realdata.Reply{}, fmt.Errorf("bleve search: %w", err)
	}
	r := realdata.Reply{Sentence: -1, Top: -1}
	if len(res.Hits) == 0 {
		return r, nil
	}
	i, err := strconv.Atoi(res.Hits[0].ID)
	if err != nil {
		return r, fmt.Errorf("bleve hit id %q: %w", res.Hits[0].ID, err)
	}
	s := b.sentences[i]
	r.Answered, r.Quote, r.Sentence, r.Top, r.TopQuote = true, s.Text, s.Index, s.Index, s.Text
	return r, nil
}

func (b *bleveIndex) Close() error { return b.idx.Close() }
