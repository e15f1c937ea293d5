package qa

import "github.com/qabot/qabot/corpus"

// The kinds that ask for a quantity: how many, how much.

func extractHowMany(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	s := doc.sentence
	if n, ok := e.pickNumber(q, s, near); ok {
		x, _ := typedAt(e.renderNumber(q.reply(), n), n.Start, n.End)
		asked := e.measureAsked(q)
		x.precise = asked != "" && e.cues.measureOf(n) == asked
		return x, true
	}
	// "How many hours did they get?" - "within 24 hours": a count of
	// time is a duration, which the date reader took.
	if q.kind == KindHowMany {
		if d, ok := e.pickDate(q, s, near, true); ok {
			return typedAt(e.renderDate(q.reply(), d), d.Start, d.End)
		}
	}
	// "How much data was lost?" - "no irreversible erasure of data".
	return untyped(e.rest(q, doc))
}

func evidenceNumber(e *Engine, q *query, d *doc) float64 {
	if len(d.sentence.Facts.Numbers) > 0 {
		return 1
	}
	return 0
}

// numberFacts lists the numbers of a sentence.
func numberFacts(e *Engine, q *query, sen *corpus.Sentence) []fact {
	var out []fact
	for _, n := range sen.Facts.Numbers {
		out = append(out, fact{text: n.Text, value: n.Text, start: n.Start, end: n.End})
	}
	return out
}
