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
	bleveq "github.com/blevesearch/bleve/v2/search/query"
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
	articles  []string          // the ID of each sentence's article, by document id
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
			// Zero-padded, so that the ids' order is the sentences' order and
			// breaks ties between equal scores the same way in every run
			// (scorch builds segments concurrently, and with the score alone
			// a tie went to whichever segment came first).
			id := fmt.Sprintf("%09d", len(b.sentences))
			b.sentences = append(b.sentences, s)
			b.articles = append(b.articles, a.ID)
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
// nothing matches. It is Bleve's plain top-1 search, the one the speed
// benchmarks time: of sentences with equal scores it returns whichever
// scorch numbered first, which can change from run to run. Accuracy
// figures use TopSentence.
func (b *Index) Top(q string) (sentence string, ok bool, err error) {
	query := bleve.NewMatchQuery(q)
	query.SetField(field)
	res, err := b.idx.Search(bleve.NewSearchRequestOptions(query, 1, 0, false))
	if err != nil {
		return "", false, fmt.Errorf("bleve search %q: %w", q, err)
	}
	if len(res.Hits) == 0 {
		return "", false, nil
	}
	s, err := b.sentence(res.Hits[0].ID)
	return s.Text, err == nil, err
}

// TopSentence returns the best sentence for q; ok is false when nothing
// matches. Of sentences with equal scores it returns the first in the
// article's order, so that every run reports the same: scorch numbers the
// documents of a batch in map order, and with the score alone a tie went to
// a different sentence in each run. Asking for a few hits costs little; only
// when they all tie is the search rerun sorted by id, which costs about twice
// as much.
func (b *Index) TopSentence(ctx context.Context, q string) (s corpus.Sentence, ok bool, err error) {
	_, s, ok, err = b.TopArticleSentence(ctx, q)
	return s, ok, err
}

// TopArticleSentence is TopSentence with the ID of the article the
// sentence lies in, for an index over several articles.
func (b *Index) TopArticleSentence(ctx context.Context, q string) (article string, s corpus.Sentence, ok bool, err error) {
	query := bleve.NewMatchQuery(q)
	query.SetField(field)
	res, err := b.search(ctx, query, q, false)
	if err != nil || len(res.Hits) == 0 {
		return "", s, false, err
	}
	if len(res.Hits) == tieWindow && res.Hits[tieWindow-1].Score == res.Hits[0].Score {
		if res, err = b.search(ctx, query, q, true); err != nil {
			return "", s, false, err
		}
	}
	best := res.Hits[0]
	for _, h := range res.Hits[1:] {
		if h.Score == best.Score && h.ID < best.ID {
			best = h
		}
	}
	i, err := b.index(best.ID)
	if err != nil {
		return "", s, false, err
	}
	return b.articles[i], b.sentences[i], true, nil
}

func (b *Index) index(id string) (int, error) {
	i, err := strconv.Atoi(id)
	if err != nil || i < 0 || i >= len(b.sentences) {
		return 0, fmt.Errorf("bleve hit id %q", id)
	}
	return i, nil
}

func (b *Index) sentence(id string) (corpus.Sentence, error) {
	i, err := b.index(id)
	if err != nil {
		return corpus.Sentence{}, err
	}
	return b.sentences[i], nil
}

// tieWindow is how many hits TopSentence reads to break ties.
const tieWindow = 8

func (b *Index) search(ctx context.Context, query bleveq.Query, q string, byID bool) (*bleve.SearchResult, error) {
	req := bleve.NewSearchRequestOptions(query, tieWindow, 0, false)
	if byID {
		req.SortBy([]string{"-_score", "_id"})
	}
	res, err := b.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("bleve search %q: %w", q, err)
	}
	return res, nil
}
