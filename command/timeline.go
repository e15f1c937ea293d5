package command

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/timeline"
)

// timelineData is what the Timeline handler builds once per engine: the
// events of the corpus in order, the time words of every language, and the
// languages the articles are read in (the engine says which).
type timelineData struct {
	events       []timeline.Event
	times        map[string]*timex.Language
	articleLangs []string
	err          error
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
		d.events = timeline.Build(r.engine.Corpus())
		d.articleLangs = r.engine.ArticleLanguages()
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
	// English and the articles' languages, so "--lang fr --from 2022-07"
	// and "--from July 2022" both work.
	var dateLangs []*timex.Language
	for _, code := range append([]string{l.Code, "en"}, d.articleLangs...) {
		if tl := d.times[code]; tl != nil && !slices.Contains(dateLangs, tl) {
			dateLangs = append(dateLangs, tl)
		}
	}
	// The topic is read by the engine, in the user's language, against
	// each article in its own.
	tq := timeline.Query{}
	if strings.TrimSpace(q.Text) != "" {
		tq.AboutSentence = r.engine.Topic(q.Text, l.Code)
		if tq.AboutSentence == nil {
			tq.About = q.Text // no content word: compared as written
		}
	}
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
