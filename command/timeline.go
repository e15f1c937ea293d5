package command

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/timeline"
)

// timelineData is what the Timeline handler builds once per engine: the
// events of the corpus in order, the time words of every language, and the
// language the articles are written in.
type timelineData struct {
	events      []timeline.Event
	times       map[string]*timex.Language
	articleLang *lang.Language
	glosses     map[string]*glossTable // by language code, each built on first use
	err         error
}

// timelineCache builds timelineData on the first /timeline, so start-up and
// routers that never serve one do not pay for it.
type timelineCache struct {
	once sync.Once
	data timelineData
}

func (r *Router) timelineData() *timelineData {
	r.timelines.once.Do(func() {
		d := &r.timelines.data
		d.times, d.err = timex.LoadLanguages(lang.Data)
		if d.err != nil {
			d.err = fmt.Errorf("timeline: %w", d.err)
			return
		}
		c := r.engine.Corpus()
		d.events = timeline.Build(c)
		d.articleLang = articleLanguage(c, r.langs)
		if d.articleLang == nil {
			d.articleLang = r.Language(Query{Lang: "en"})
		}
		d.glosses = map[string]*glossTable{}
		for _, l := range r.langs.Languages() {
			d.glosses[l.Code] = &glossTable{l: l}
		}
	})
	return &r.timelines.data
}

func (r *Router) timeline(ctx context.Context, q Query) (Reply, error) {
	if err := ctx.Err(); err != nil {
		return Reply{}, err
	}
	d := r.timelineData()
	if d.err != nil {
		return Reply{}, d.err
	}
	l := r.Language(q)
	reply := Reply{Command: Timeline, Lang: l.Code, Events: []timeline.Event{}}

	// Dates typed by the user are read in the reply's language, then in
	// English and the articles' language, so "--lang fr --from 2022-07"
	// and "--from July 2022" both work.
	var dateLangs []*timex.Language
	for _, code := range []string{l.Code, "en", d.articleLang.Code} {
		if tl := d.times[code]; tl != nil {
			dateLangs = append(dateLangs, tl)
		}
	}
	tq := timeline.Query{About: r.aboutWords(q.Text, l, d.articleLang), Stems: stemmer(d.articleLang)}
	for _, bound := range []struct {
		text string
		set  func(begin, end time.Time)
	}{
		{q.From, func(begin, _ time.Time) { tq.From = begin }},
		{q.To, func(_, end time.Time) { tq.To = end }},
	} {
		if strings.TrimSpace(bound.text) == "" {
			continue
		}
		begin, end, err := timeline.ParseDate(bound.text, dateLangs...)
		if err != nil {
			id := "timeline_bad_date"
			if errors.Is(err, timeline.ErrNoYear) {
				id = "timeline_no_year"
			}
			reply.Message = l.Message(id, map[string]string{"date": strings.TrimSpace(bound.text)})
			reply.Private = true
			return reply, nil
		}
		bound.set(begin, end)
	}

	events := timeline.Filter(d.events, tq)
	reply.Events = timeline.Localize(events, d.times[l.Code], l)
	switch {
	case len(d.events) == 0:
		reply.Message = l.Message("timeline_empty", nil)
	case len(events) == 0:
		reply.Message = l.Message("timeline_no_match", nil)
	}
	return reply, nil
}

// aboutWords returns the topic words to look for in the articles: the
// user's words, and, when they write in another language than the
// articles', the English glosses of their words and names from the
// language's lexicon, places and organisations (the lexicons gloss into
// English, so they only help English articles).
func (r *Router) aboutWords(about string, l, article *lang.Language) string {
	if strings.TrimSpace(about) == "" || l.Code == article.Code || article.Code != "en" {
		return about
	}
	g := r.timelineData().glosses[l.Code]
	if g == nil {
		return about
	}
	return strings.Join(append([]string{about}, g.translate(about)...), " ")
}

// A glossTable maps the stems of a language's lexicon phrases to their
// English glosses, so that inflected words find them ("diplomates" finds
// "diplomate", glossed "diplomat"). It is built on first use.
type glossTable struct {
	l        *lang.Language
	once     sync.Once
	glosses  map[string][]string // stems joined by spaces -> glosses
	maxWords int
}

// stemKey is the key of a phrase: the folded stems of all its words, stop
// words included, so "chef de la diplomatie" keeps its shape.
func (g *glossTable) stemKey(words []lang.Token) string {
	keys := make([]string, len(words))
	for i, t := range words {
		keys[i] = lang.Fold(g.l.Stem(t.Text))
	}
	return strings.Join(keys, " ")
}

func (g *glossTable) build() {
	g.glosses = map[string][]string{}
	for _, table := range []*lang.Phrases[[]string]{g.l.Lexicon(), g.l.Places(), g.l.Orgs()} {
		for phrase, glosses := range table.All {
			toks := lang.Tokens(phrase)
			key := g.stemKey(toks)
			g.glosses[key] = append(g.glosses[key], glosses...)
			g.maxWords = max(g.maxWords, len(toks))
		}
	}
}

// translate returns the glosses of the phrases of text, longest first.
func (g *glossTable) translate(text string) []string {
	g.once.Do(g.build)
	toks := lang.Tokens(text)
	var out []string
	for i := 0; i < len(toks); {
		n := min(g.maxWords, len(toks)-i)
		for ; n > 0; n-- {
			if gl, ok := g.glosses[g.stemKey(toks[i:i+n])]; ok {
				out = append(out, gl...)
				break
			}
		}
		i += max(n, 1)
	}
	return out
}

// stemmer returns the stems of the content words of a text in language l,
// the way the index reads the articles: folded, stop words dropped,
// Snowball stems.
func stemmer(l *lang.Language) func(string) []string {
	return func(text string) []string {
		var out []string
		for _, t := range lang.Tokens(text) {
			if !l.IsStopword(t.Text) {
				out = append(out, lang.Fold(l.Stem(t.Text)))
			}
		}
		return out
	}
}

// articleLanguage guesses the language the articles are written in from
// their stop words: the language whose stop-word list covers the most
// words of the text wins, English on a tie. (The engine knows the language
// it was built for but does not say; see Options.ArticleLang.)
func articleLanguage(c *corpus.Corpus, langs *lang.Registry) *lang.Language {
	const sample = 2000 // words are plenty to tell languages apart
	var words []string
	for _, a := range c.Articles {
		for _, t := range lang.Tokens(a.Text) {
			if t.Kind == lang.TokenWord && len(words) < sample {
				words = append(words, t.Text)
			}
		}
	}
	best, bestScore := (*lang.Language)(nil), -1
	for _, l := range langs.Languages() {
		score := 0
		for _, w := range words {
			if l.IsStopword(w) {
				score++
			}
		}
		if score > bestScore || score == bestScore && l.Code == "en" {
			best, bestScore = l, score
		}
	}
	return best
}
