package qa

import (
	"github.com/qabot/qabot/corpus"
)

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

func evidenceNumber(f *corpus.Facts) float64 {
	return graded(len(f.Numbers) > 0, false)
}

// numberFacts lists the numbers of a sentence.
func numberFacts(e *Engine, q *query, sen *corpus.Sentence) []fact {
	var out []fact
	for _, n := range sen.Facts.Numbers {
		out = append(out, fact{text: n.Text, value: n.Text, start: n.Start, end: n.End})
	}
	return out
}

// pickNumber chooses the quantity a how-many question asks for: one whose
// unit the question names ("how many PEOPLE"), else the one nearest the
// matched words. Numbers the question itself gives are skipped.
func (e *Engine) pickNumber(q *query, s *corpus.Sentence, near []int) (corpus.Number, bool) {
	var cands []corpus.Number
	for _, n := range s.Facts.Numbers {
		if containsString(q.numbers, numberKey(n.Span.Text)) {
			continue
		}
		cands = append(cands, n)
	}
	if len(cands) == 0 {
		return corpus.Number{}, false
	}
	for _, n := range cands {
		for _, st := range e.article.stems(n.Unit) {
			if q.focus[st] || q.mentioned[st] {
				return n, true
			}
		}
	}
	// "How far ...?" wants a distance, "how much did it cost?" money, "how
	// many ...?" a count rather than a measure; the nearest such number.
	var want func(corpus.Number) bool
	switch asked := e.measureAsked(q); {
	case asked != "":
		want = func(n corpus.Number) bool { return e.cues.measureOf(n) == asked }
	case q.kind == KindHowMuch:
		want = func(n corpus.Number) bool { return n.Money }
	case q.kind == KindHowMany:
		want = func(n corpus.Number) bool { return e.cues.measureOf(n) == "" }
	}
	if want != nil {
		var kept []corpus.Number
		for _, n := range cands {
			if want(n) {
				kept = append(kept, n)
			}
		}
		if len(kept) > 0 {
			cands = kept
		}
	}
	spans := make([]corpus.Span, len(cands))
	for i, n := range cands {
		spans[i] = n.Span
	}
	sp, _ := nearest(near, spans)
	for _, n := range cands {
		if n.Span == sp {
			return n, true
		}
	}
	return cands[0], true
}

// measureAsked returns the measure a question asks for ("distance" for
// "how far", "weight" for "how much does it weigh"), from its own words
// in the articles' language or the first reading of each of its words;
// "" when it names none.
func (e *Engine) measureAsked(q *query) string {
	if q.lang.Code == e.article.l.Code {
		for _, t := range q.toks {
			if m := e.cues.askMeasure[e.article.stem(t.Text)]; m != "" {
				return m
			}
		}
	}
	for _, g := range q.group {
		if len(g.alts) > 0 && len(g.alts[0].stems) == 1 {
			if m := e.cues.askMeasure[g.alts[0].stems[0]]; m != "" {
				return m
			}
		}
	}
	return ""
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
