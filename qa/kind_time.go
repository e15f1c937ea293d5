package qa

import (
	"slices"
	"strings"

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

func evidenceWhen(f *corpus.Facts) float64 {
	return graded(len(f.Dates) > 0, false)
}

func evidenceSince(f *corpus.Facts) float64 {
	return graded(hasDate(f, timex.Since), len(f.Dates) > 0)
}

func evidenceHowLong(f *corpus.Facts) float64 {
	return graded(hasDate(f, timex.Duration), len(f.Numbers) > 0)
}

func hasDate(f *corpus.Facts, kind timex.Kind) bool {
	return slices.ContainsFunc(f.Dates, func(d timex.Expr) bool { return d.Kind == kind })
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

// pickDate chooses the date a question asks for among the sentence's
// expressions of the wanted kinds: one the question did not give, nearest
// the words it matched.
func (e *Engine) pickDate(q *query, s *corpus.Sentence, near []int, durations bool) (timex.Expr, bool) {
	var (
		cands []timex.Expr
		spans []corpus.Span
	)
	if q.kind == KindSince {
		// "Since when?" is best answered by "since 2013".
		if d, ok := e.sinceDate(q, s); ok {
			return d, true
		}
	}
	for _, d := range s.Facts.Dates {
		if (d.Kind == timex.Duration || d.Kind == timex.Set) != durations || e.mentionedSpan(q, d.Text) {
			continue
		}
		if !durations && d.Value == "" {
			continue // a relative date nothing anchors says nothing
		}
		cands = append(cands, d)
		spans = append(spans, corpus.Span{Text: d.Text, Start: d.Start, End: d.End})
	}
	if durations && e.measureAsked(q) == "frequency" {
		// "How often?" - "every 11 days", not "a 14-month mission".
		var sets []corpus.Span
		for _, d := range cands {
			if d.Kind == timex.Set {
				sets = append(sets, corpus.Span{Text: d.Text, Start: d.Start, End: d.End})
			}
		}
		if len(sets) > 0 {
			spans = sets
		}
	}
	sp, ok := nearest(near, spans)
	if !ok {
		return timex.Expr{}, false
	}
	for _, d := range cands {
		if d.Start == sp.Start && d.End == sp.End {
			return finest(d, cands), true
		}
	}
	return timex.Expr{}, false
}

// finest returns, of the dates that say the same as d more precisely
// ("July" of "this year", 2022-07 within 2022), the most precise; d when
// none does.
func finest(d timex.Expr, cands []timex.Expr) timex.Expr {
	best := d
	for _, c := range cands {
		if c.Kind == d.Kind && d.Value != "" && len(c.Value) > len(best.Value) && strings.HasPrefix(c.Value, d.Value+"-") {
			best = c
		}
	}
	return best
}

// sinceDate returns the first start of a period ("since 2013") of a
// sentence that the question did not give.
func (e *Engine) sinceDate(q *query, s *corpus.Sentence) (timex.Expr, bool) {
	for _, d := range s.Facts.Dates {
		if d.Kind == timex.Since && d.Value != "" && !e.mentionedSpan(q, d.Text) {
			return d, true
		}
	}
	return timex.Expr{}, false
}
