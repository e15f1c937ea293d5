package realdata

import (
	"context"
	"strings"
	"sync"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// Qabot is the engine as a System: one engine per article, built from
// language resources shared by all (qa.Resources), questions in the
// language the detector finds, as the binary asks them. It also parses
// the articles, with the number words, places and time words of the
// article's language.
type Qabot struct {
	// Options are the engine's options; Languages is required.
	// ArticleLang is set per article (see ArticleLang).
	Options qa.Options
	// ArticleLang returns the language to read an article in. Nil means
	// the article's own language.
	ArticleLang func(a *dataset.Article) string
	// Lang forces the questions' language, as --lang does; "" detects it.
	Lang string

	mu  sync.Mutex
	res map[string]*resources
}

type resources struct {
	once sync.Once
	r    *qa.Resources
	err  error
}

// Name implements System.
func (q *Qabot) Name() string { return "qabot" }

func (q *Qabot) articleLang(a *dataset.Article) string {
	code := a.Lang
	if q.ArticleLang != nil {
		code = q.ArticleLang(a)
	}
	if _, ok := q.Options.Languages.Get(code); !ok {
		code = "en"
	}
	return code
}

// Resources returns the shared resources of one article language, built
// on first use.
func (q *Qabot) Resources(code string) (*qa.Resources, error) {
	q.mu.Lock()
	if q.res == nil {
		q.res = map[string]*resources{}
	}
	r := q.res[code]
	if r == nil {
		r = &resources{}
		q.res[code] = r
	}
	q.mu.Unlock()
	r.once.Do(func() {
		opts := q.Options
		opts.ArticleLang = code
		r.r, r.err = qa.NewResources(opts)
	})
	return r.r, r.err
}

// Parse parses an article's page as the binary parses a .txt file.
func (q *Qabot) Parse(a *dataset.Article) (*corpus.Article, error) {
	r, err := q.Resources(q.articleLang(a))
	if err != nil {
		return nil, err
	}
	p, err := r.Parser()
	if err != nil {
		return nil, err
	}
	id := a.ID
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		id = id[i+1:]
	}
	return p.Parse(id, a.Page())
}

// Answerer implements System.
func (q *Qabot) Answerer(a *dataset.Article, c *corpus.Corpus) (Answerer, error) {
	r, err := q.Resources(q.articleLang(a))
	if err != nil {
		return nil, err
	}
	e, err := r.Engine(c)
	if err != nil {
		return nil, err
	}
	return qabotAnswerer{e, q.Lang}, nil
}

type qabotAnswerer struct {
	e    *qa.Engine
	lang string
}

func (x qabotAnswerer) Ask(ctx context.Context, q *dataset.Question) (Reply, error) {
	// score.py sends each question as one line.
	a, err := x.e.Ask(ctx, qa.Question{Text: strings.ReplaceAll(q.Q, "\n", " "), Lang: x.lang})
	if err != nil {
		return Reply{}, err
	}
	r := Reply{Sentence: -1, Top: -1}
	if a.Answered {
		r.Answered, r.Answer, r.Quote = true, a.Text, a.Quote.Text
		r.Sentence, r.Top, r.TopQuote = a.Quote.Sentence, a.Quote.Sentence, a.Quote.Text
		r.Article, r.TopArticle = a.Quote.ArticleID, a.Quote.ArticleID
	} else if len(a.Suggestions) > 0 {
		r.Top, r.TopQuote, r.TopArticle = a.Suggestions[0].Sentence, a.Suggestions[0].Text, a.Suggestions[0].ArticleID
	}
	return r, nil
}

// NewQabot returns the engine as the binary builds it: the embedded
// language data and the language detector.
func NewQabot(reg *lang.Registry) *Qabot {
	return &Qabot{Options: qa.Options{Languages: reg, Detector: lang.NewDetector(reg)}}
}
