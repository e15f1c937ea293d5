//go:build unix

// Package bleveindex is the baseline qabot measures itself against: a
// Bleve BM25 index with one document per sentence of a corpus, searched
// top-1. The qa benchmarks and `make report` use it; it is never part of
// the qabot binary (make check-deps keeps Bleve out).
package bleveindex

import (
	"fmt"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/qabot/qabot/corpus"
)

// An Index is an in-memory Bleve index over the sentences of a corpus.
type Index struct {
	idx       bleve.Index
	sentences []string // by document id
}

const field = "text"

// New indexes every sentence of c with Bleve's English analyzer
// (possessives, lower case, stop words, Porter) and BM25 scoring. Close
// the index when done.
func New(c *corpus.Corpus) (*Index, error) {
	fm := mapping.NewTextFieldMapping()
	fm.Analyzer = en.AnalyzerName
	fm.Store = false
	fm.IncludeInAll = false
	fm.IncludeTermVectors = false
	fm.DocValues = false
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(field, fm)
	m := mapping.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = en.AnalyzerName
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
			b.sentences = append(b.sentences, s.Text)
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

// Top returns the best sentence for q; ok is false when nothing matches.
func (b *Index) Top(q string) (sentence string, ok bool, err error) {
	query := bleve.NewMatchQuery(q)
	query.SetField(field)
	req := bleve.NewSearchRequestOptions(query, 1, 0, false)
	res, err := b.idx.Search(req)
	if err != nil {
		return "", false, fmt.Errorf("bleve search %q: %w", q, err)
	}
	if len(res.Hits) == 0 {
		return "", false, nil
	}
	i, err := strconv.Atoi(res.Hits[0].ID)
	if err != nil || i < 0 || i >= len(b.sentences) {
		return "", false, fmt.Errorf("bleve hit id %q", res.Hits[0].ID)
	}
	return b.sentences[i], true, nil
}
