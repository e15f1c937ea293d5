package qa

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
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
	synonyms     phraseMatcher
	dictionary   wordSet
	times        *timex.Languages
	cues         *cues
	spans        *spanModel
	places       map[string]bool // stems of the article language's places
	translations map[string]*lazyTable
	// pairs holds the translations between any two languages (pairs.go);
	// glosses the English stems of the bilingual files' glosses.
	pairs     pairTables
	glossOnce sync.Once
	glosses   *glossStems
	// forced is set when Options.ArticleLang names the articles'
	// language; otherwise each article is read in its own.
	forced bool

	parserOnce sync.Once
	parser     *corpus.Parser
	parserErr  error

	chat sharedChatCues // conversation_cues_shared.go

	// otherCues holds the answer cues of the other languages than the
	// resources' article language, read when an engine's articles are in
	// one of them (cuesOf).
	otherCuesMu sync.Mutex
	otherCues   map[string]*cues
}

// NewResources reads the language data of opts. Options.Languages is
// required; the other fields take their defaults as in New.
func NewResources(opts Options) (*Resources, error) {
	if opts.Languages == nil {
		return nil, errors.New("qa: Options.Languages is required")
	}
	// The embedded data's synonym table was built with qabot (syntable.go).
	embedded := opts.Data == nil || opts.Data == fs.FS(lang.Data)
	if opts.Data == nil {
		opts.Data = lang.Data
	}
	forced := opts.ArticleLang != ""
	if !forced {
		opts.ArticleLang = "en"
	}
	if opts.MaxQuestionRunes <= 0 {
		opts.MaxQuestionRunes = 500
	}
	if opts.Ranker == nil {
		r, err := DefaultRanker()
		if err != nil {
			return nil, fmt.Errorf("qa: %w", err)
		}
		opts.Ranker = r
	}
	if opts.MinConfidence <= 0 {
		opts.MinConfidence = defaultMinConfidence
		if c := opts.Ranker.Calibration; c != nil {
			opts.MinConfidence = c.Threshold
		}
	}
	if opts.MinCoverage <= 0 {
		opts.MinCoverage = DefaultMinCoverage
	}
	r := &Resources{opts: opts, langs: opts.Languages, analyzers: map[string]*analyzer{}, translations: map[string]*lazyTable{}, forced: forced}
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
	var (
		synErr error
		synAn  = &analyzer{l: art.l, memo: map[string]string{}}
		done   = make(chan struct{})
	)
	if t, err := embeddedSynonyms(); embedded && art.l.Code == "en" && err == nil {
		r.synonyms, r.dictionary = t, t
		close(done)
	} else {
		dict := mapWords{}
		r.dictionary = dict
		go func() {
			defer close(done)
			r.synonyms, synErr = loadSynonyms(opts.Data, synAn, dict)
		}()
	}
	var err error
	glosses := newGlossStems(art)
	for _, l := range opts.Languages.Languages() {
		if l.Code != art.l.Code {
			from, code := r.analyzers[l.Code], l.Code
			ct := func() *conceptTable { return newConceptTable(l, art.l, weightTranslated) }
			var embedded *synTable
			if art.l.Code == "en" {
				embedded = r.embeddedToEnglish(code)
			}
			r.translations[l.Code] = &lazyTable{newConcepts: ct, embedded: embedded, build: func() *stemTable {
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
		// The time words of each language are compiled when first used;
		// other data than the embedded (which the tests check) is checked
		// whole now, so a broken file is an error here, not dates
		// silently unread later.
		if r.times, err = timex.OpenLanguages(opts.Data); err != nil {
			return fmt.Errorf("qa: %w", err)
		}
		if !embedded {
			if _, err := r.times.All(); err != nil {
				return fmt.Errorf("qa: %w", err)
			}
		}
		if r.spans, err = loadSpanModel(opts.SpanModel); err != nil {
			return fmt.Errorf("qa: %w", err)
		}
		r.places = placeStems(&analyzer{l: art.l, memo: map[string]string{}})
		return nil
	}()
	<-done
	if cuesErr != nil {
		return nil, cuesErr
	}
	if synErr != nil {
		return nil, synErr
	}
	if _, err := fs.Stat(opts.Data, "data/"+art.l.Code+"/synonyms.tsv"); err != nil && !(embedded && art.l.Code == "en") {
		// A language without a synonym file of its own (every one but
		// English) takes the synonyms its concepts give within it, as its
		// articles do in a corpus of another language's resources
		// (Engine.synonymsOf): a Russian corpus found "заболевание" for
		// "болезнь" only beside English articles.
		r.synonyms = tables{r.synonyms, newConceptTable(art.l, art.l, weightSynonym)}
	}
	for w, st := range synAn.memo {
		art.memo[w] = st
	}
	for _, an := range r.analyzers {
		an.freeze() // shared by every engine from now on
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
	// The index stems each article's words with an analyzer of its
	// language whose memo sits over the shared one: the shared memo is
	// never written, so engines are built concurrently without locks.
	e := &Engine{
		opts: r.opts, corpus: c, langs: r.langs, res: r,
		synonyms: r.synonyms, dictionary: r.dictionary, times: r.times,
		cues: r.cues, spans: r.spans, places: r.places, spanDocs: &spanDocCache{}, groups: &groupMemo{}, translations: r.translations, ranker: r.opts.Ranker,
		analyzers: make(map[string]*analyzer, len(r.analyzers)),
	}
	for code, an := range r.analyzers {
		e.analyzers[code] = an
	}
	sentences := map[string]int{}
	for _, a := range c.Articles {
		code := r.articleLang(a)
		if _, ok := sentences[code]; !ok {
			e.articleLangs = append(e.articleLangs, code)
			shared := r.analyzers[code]
			e.analyzers[code] = &analyzer{l: shared.l, shared: shared.memo, memo: map[string]string{}}
		}
		sentences[code] += len(a.Sentences)
	}
	// The articles' language is the one most of their sentences are in;
	// the answer extraction reads the text in it.
	slices.SortStableFunc(e.articleLangs, func(a, b string) int { return sentences[b] - sentences[a] })
	e.article = e.analyzers[e.articleLangs[0]]
	// The cues of every article language are read now, so a question
	// never meets a broken data file. The answer extraction keeps the
	// resources' own (e.cues); the speaker of a sentence is read with its
	// language's (cuesFor).
	for _, code := range e.articleLangs {
		if _, err := r.cuesOf(code); err != nil {
			return nil, err
		}
	}
	e.idx = buildIndex(c, func(a *corpus.Article) *analyzer { return e.analyzers[r.articleLang(a)] })
	for _, code := range e.articleLangs {
		e.analyzers[code].freeze() // shared by concurrent questions from now on
	}
	return e, nil
}

// cuesOf returns the answer cues of a language (cues.tsv, the words of
// saying of facts.txt, ...): the resources' article language's are read
// with them, another's on first use, so that when no article language is
// forced, who says a French sentence is read with French verbs of saying.
func (r *Resources) cuesOf(code string) (*cues, error) {
	if code == r.article.l.Code {
		return r.cues, nil
	}
	an, ok := r.analyzers[code]
	if !ok {
		return nil, fmt.Errorf("qa: cues of %q: %w", code, ErrNoLanguage)
	}
	r.otherCuesMu.Lock()
	defer r.otherCuesMu.Unlock()
	if c := r.otherCues[code]; c != nil {
		return c, nil
	}
	// The analyzer is frozen and shared: it stems safely beside
	// concurrent questions, so the cues may be read late.
	c, err := loadCues(r.opts.Data, an)
	if err != nil {
		return nil, fmt.Errorf("qa: %w", err)
	}
	if r.otherCues == nil {
		r.otherCues = map[string]*cues{}
	}
	r.otherCues[code] = c
	return c, nil
}

// articleLang returns the language an article is read in: the one the
// options force, else its own, else the resources' one.
func (r *Resources) articleLang(a *corpus.Article) string {
	if r.forced {
		return r.article.l.Code
	}
	if _, ok := r.analyzers[a.Lang]; ok {
		return a.Lang
	}
	return r.article.l.Code
}

// Parser returns a parser that reads each article in its own language
// (or every one in Options.ArticleLang when set), built on first use: it
// reads the number words, place names, words of saying and time words of
// that language, so "four diplomats" is a quantity, "Iceland" a place
// and "lundi 30 octobre" a date. Like Load, it is
// what turns pages into a corpus for Engine.
func (r *Resources) Parser() (*corpus.Parser, error) {
	r.parserOnce.Do(func() {
		p, err := corpus.NewParser()
		if err != nil {
			r.parserErr = err
			return
		}
		p.UseLanguageSet(r.langs, r.times)
		if r.forced {
			p.Lang = r.article.l.Code
		}
		if r.opts.Detector != nil {
			p.Detector = r.opts.Detector
		}
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
