// Package bleveindex is the baseline qabot measures itself against: a
// Bleve BM25 index with one document per sentence of a corpus, searched
// top-1. The qa benchmarks, `make report` and realeval use it; it is never
// part of the qabot binary (make check-deps keeps Bleve out).
package bleveindex

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
)

// analyzers maps qabot's language codes to Bleve's analyzers.
var analyzers = map[string]string{
	"en": en.AnalyzerName, "de": de.AnalyzerName, "es": es.AnalyzerName, "fr": fr.AnalyzerName,
	"hu": hu.AnalyzerName, "it": it.AnalyzerName, "nb": no.AnalyzerName, "pt": pt.AnalyzerName,
	"ru": ru.AnalyzerName, "sv": sv.AnalyzerName,
}

// Analyzer returns the name of Bleve's analyzer for a language code,
// English for a language Bleve has none for.
func Analyzer(lang string) string {
	if a, ok := analyzers[lang]; ok {
		return a
	}
	return en.AnalyzerName
}

// An Index is an in-memory Bleve index over the sentences of a corpus.
type Index struct {
	idx       bleve.Index
	sentences []corpus.Sentence // by document id
}

const field = "text"

// New indexes every sentence of c with Bleve's English analyzer
// (possessives, lower case, stop words, Porter) and BM25 scoring. Close
// the index when done.
func New(c *corpus.Corpus) (*Index, error) { return NewAnalyzed(c, en.AnalyzerName) }

// NewAnalyzed is New with the named Bleve analyzer (see Analyzer).
func NewAnalyzed(c *corpus.Corpus, analyzer string) (*Index, error) {
	fm := mapping.NewTextFieldMapping()
	fm.Analyzer = analyzer
	fm.Store = false
	fm.IncludeInAll = false
	fm.IncludeTermVectors = false
	fm.DocValues = false
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(field, fm)
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
	b := &Index{idx: idx}
	batch := idx.NewBatch()
	for _, a := range c.Articles {
		for _, s := range a.Sentences {
			id := strconv.Itoa(len(b.sentences))
			b.sentences = append(b.sentences, s)
			if err := batch.Index(id, map[string]any{field: s.Text}); err != nil {
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

// Close releases the index.
func (b *Index) Close() error { return b.idx.Close() }

// Top returns the text of the best sentence for q; ok is false when
// nothing matches.
func (b *Index) Top(q string) (sentence string, ok bool, err error) {
	s, ok, err := b.TopSentence(context.Background(), q)
	return s.Text, ok, err
}

// TopSentence returns the best sentence for q; ok is false when nothing
// matches.
func (b *Index) TopSentence(ctx context.Context, q string) (s corpus.Sentence, ok bool, err error) {
	query := bleve.NewMatchQuery(q)
	query.SetField(field)
	res, err := b.idx.SearchInContext(ctx, bleve.NewSearchRequestOptions(query, 1, 0, false))
	if err != nil {
		return s, false, fmt.Errorf("bleve search %q: %w", q, err)
	}
	if len(res.Hits) == 0 {
		return s, false, nil
	}
	i, err := strconv.Atoi(res.Hits[0].ID)
	if err != nil || i < 0 || i >= len(b.sentences) {
		return s, false, fmt.Errorf("bleve hit id %q", res.Hits[0].ID)
	}
	return b.sentences[i], true, nil
}
