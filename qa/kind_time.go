package qa

import (
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
)

// The kinds that ask for a time: when, since when, how long.

func extractWhen(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	if d, ok := e.pickDate(q, doc.sentence, near, false); ok {
		return typedAt(e.renderDate(q.reply(), d), d.Start, d.End)
	}
	return extraction{}, false
}

func extractHowLong(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	s := doc.sentence
	if d, ok := e.pickDate(q, s, near, true); ok {
		return typedAt(e.renderDate(q.reply(), d), d.Start, d.End)
	}
	// "How long has Ruritania hosted them?" - "since 2013": the start
	// of the period says how long, where no duration does.
	if d, ok := e.sinceDate(q, s); ok {
		return typedAt(e.renderDate(q.reply(), d), d.Start, d.End)
	}
	if n, ok := e.pickNumber(q, s, near); ok {
		return typedAt(n.Text, n.Start, n.End)
	}
	return untyped(e.rest(q, doc))
}

func evidenceWhen(e *Engine, q *query, d *doc) float64 {
	if len(d.sentence.Facts.Dates) > 0 {
		return 1
	}
	return 0
}

func evidenceSince(e *Engine, q *query, d *doc) float64 {
	f := &d.sentence.Facts
	if hasDate(f, timex.Since) {
		return 1
	}
	if len(f.Dates) > 0 {
		return 0.5
	}
	return 0
}

func evidenceHowLong(e *Engine, q *query, d *doc) float64 {
	f := &d.sentence.Facts
	if hasDate(f, timex.Duration) {
		return 1
	}
	if len(f.Numbers) > 0 {
		return 0.5
	}
	return 0
}

func hasDate(f *corpus.Facts, kind timex.Kind) bool {
	for _, d := range f.Dates {
		if d.Kind == kind {
			return true
		}
	}
	return false
}

// dateFacts lists the dates of a when-question, the durations of a
// how-long one.
func dateFacts(e *Engine, q *query, sen *corpus.Sentence) []fact {
	var out []fact
	durations := q.kind == KindHowLong
	for _, x := range sen.Facts.Dates {
		if (x.Kind == timex.Duration || x.Kind == timex.Set) != durations || !durations && x.Value == "" {
			continue
		}
		out = append(out, fact{text: e.renderDate(q.reply(), x), value: x.Value, start: x.Start, end: x.End})
	}
	return out
}
