package qa

import (
	"errors"
	"fmt"
	"io/fs"
	"sync"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// Resources are the read-only language data every engine of one article
// language reads: analyzers, synonyms, answer cues, time words and the
// (lazily built) translation tables. Building them is most of what New
// costs, so a program that answers over many small corpora (one engine per
// article, as the evaluation over thousands of one-paragraph articles
// does) builds them once with NewResources and an engine per corpus with
// Engine. Resources are safe for concurrent use.
type Resources struct {
	opts         Options
	langs        *lang.Registry
	article      *analyzer            // the articles' language; frozen
	analyzers    map[string]*analyzer // by language code; frozen
	synonyms     *stemTable
	dictionary   map[string]bool
	times        map[string]*timex.Language
	cues         *cues
	translations map[string]*lazyTable

	parserOnce sync.Once
	parser     *corpus.Parser
	parserErr  error
}

// NewResources reads the language data of opts. Options.Languages is
// required; the other fields take their defaults as in New.
func NewResources(opts Options) (*Resources, error) {
	if opts.Languages == nil {
		return nil, errors.New("qa: Options.Languages is required")
	}
	if opts.Data == nil {
		opts.Data = lang.Data
	}
	if opts.ArticleLang == "" {
		opts.ArticleLang = "en"
	}
	if opts.MaxQuestionRunes <= 0 {
		opts.MaxQuestionRunes = 500
	}
	if opts.MinConfidence <= 0 {
		opts.MinConfidence = DefaultMinConfidence
		if r := opts.Ranker; r != nil && r.Calibration != nil {
			opts.MinConfidence = r.Calibration.Threshold
		}
	}
	if opts.MinCoverage <= 0 {
		opts.MinCoverage = DefaultMinCoverage
	}
	r := &Resources{opts: opts, langs: opts.Languages, analyzers: map[string]*analyzer{}, translations: map[string]*lazyTable{}}
	for _, l := range opts.Languages.Languages() {
		r.analyzers[l.Code] = &analyzer{l: l, memo: map[string]string{}}
	}
	art, ok := r.analyzers[opts.ArticleLang]
	if !ok {
		return nil, fmt.Errorf("qa: article language %q: %w", opts.ArticleLang, ErrNoLanguage)
	}
	r.article = art
	// The synonyms are the slowest part: they are read on the other core
	// while the cues and time words are, with an analyzer of their own so
	// the two never share a memo; its stems join the shared memo after.
	r.dictionary = map[string]bool{}
	var (
		synErr error
		synAn  = &analyzer{l: art.l, memo: map[string]string{}}
		done   = make(chan struct{})
	)
	go func() {
		defer close(done)
		r.synonyms, synErr = loadSynonyms(opts.Data, synAn, r.dictionary)
	}()
	var err error
	glosses := newGlossStems(art)
	for _, l := range opts.Languages.Languages() {
		if l.Code != art.l.Code {
			from, code := r.analyzers[l.Code], l.Code
			ct := func() *conceptTable { return newConceptTable(l, art.l, weightTranslated) }
			r.translations[l.Code] = &lazyTable{newConcepts: ct, build: func() *stemTable {
				t := buildTranslations(from, glosses)
				if opts.Glossary != nil {
					addGlossary(t, from, glosses, opts.Glossary(code))
				}
				return t
			}}
		}
	}
	cuesErr := func() error {
		if r.cues, err = loadCues(opts.Data, art); err != nil {
			return err
		}
		if r.times, err = timex.LoadLanguages(opts.Data); err != nil {
			return fmt.Errorf("qa: %w", err)
		}
		return nil
	}()
	<-done
	if cuesErr != nil {
		return nil, cuesErr
	}
	if synErr != nil {
		return nil, synErr
	}
	for w, st := range synAn.memo {
		art.memo[w] = st
	}
	for _, an := range r.analyzers {
		an.frozen = true // shared by every engine from now on
	}
	return r, nil
}

// Engine builds an engine over c, which must hold at least one article,
// with the resources' language data. It indexes c and shares everything
// else, so it costs about what indexing c costs.
func (r *Resources) Engine(c *corpus.Corpus) (*Engine, error) {
	if c == nil || len(c.Articles) == 0 {
		return nil, fmt.Errorf("qa: %w", corpus.ErrNoArticles)
	}
	// The index stems the corpus's words with an analyzer of its own,
	// whose memo sits over the shared one: the shared memo is never
	// written, so engines are built concurrently without locks.
	art := &analyzer{l: r.article.l, shared: r.article.memo, memo: map[string]string{}}
	e := &Engine{
		opts: r.opts, corpus: c, langs: r.langs, article: art,
		synonyms: r.synonyms, dictionary: r.dictionary, times: r.times,
		cues: r.cues, translations: r.translations, ranker: r.opts.Ranker,
		analyzers: make(map[string]*analyzer, len(r.analyzers)),
	}
	for code, an := range r.analyzers {
		e.analyzers[code] = an
	}
	e.analyzers[art.l.Code] = art
	e.idx = buildIndex(c, art)
	art.frozen = true // shared by concurrent questions from now on
	return e, nil
}

// Parser returns a parser for the articles' language, built on first use:
// it reads number words and place names of the articles' language, so
// "four diplomats" is a quantity and "Iceland" a place. Like Load, it is
// what turns pages into a corpus for Engine.
func (r *Resources) Parser() (*corpus.Parser, error) {
	r.parserOnce.Do(func() {
		p, err := corpus.NewParser()
		if err != nil {
			r.parserErr = err
			return
		}
		p.UseLanguage(r.article.l, r.times[r.article.l.Code])
		r.parser = p
	})
	return r.parser, r.parserErr
}

// Load reads every .txt article at the top of articles and builds an
// engine over them, as the package's Load does with these resources.
func (r *Resources) Load(articles fs.FS) (*Engine, error) {
	p, err := r.Parser()
	if err != nil {
		return nil, err
	}
	c, loadErr := corpus.Load(articles, p)
	if c == nil || len(c.Articles) == 0 {
		if loadErr == nil {
			loadErr = corpus.ErrNoArticles
		}
		return nil, fmt.Errorf("load articles: %w", loadErr)
	}
	e, err := r.Engine(c)
	if err != nil {
		return nil, err
	}
	return e, loadErr
}
