package command

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"

	"github.com/qabot/qabot/timeline"
)

// timelineCache builds the events of the engine's corpus, in order, on
// the first /timeline, so start-up and routers that never serve one do
// not pay for it.
type timelineCache struct {
	once   sync.Once
	events []timeline.Event
}

func (r *Router) timelineEvents() []timeline.Event {
	r.timelines.once.Do(func() { r.timelines.events = timeline.Build(r.engine.Corpus()) })
	return r.timelines.events
}

func (r *Router) timeline(ctx context.Context, q Query) (Reply, error) {
	if err := ctx.Err(); err != nil {
		return Reply{}, err
	}
	all := r.timelineEvents()
	l := r.Language(q)
	reply := Reply{Command: Timeline, Lang: l.Code, Events: []timeline.Event{}}
	// Dates typed by the user are read in the languages the engine says.
	dateLangs := r.engine.DateLanguages(l.Code)
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

	events := timeline.Filter(all, tq)
	reply.Events = timeline.Localize(events, r.engine.TimeLanguage(l.Code), l)
	switch {
	case len(all) == 0:
		reply.Message = l.Message("timeline_empty", nil)
	case len(events) == 0:
		reply.Message = l.Message("timeline_no_match", nil)
	}
	return reply, nil
}
