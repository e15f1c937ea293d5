package qa

import "context"

// Choosing the answer among the ranked sentences; the rules that cut it
// out of a sentence are those of its kind (kinds.go, kind_*.go).

// A result is the outcome of answering one query.
type result struct {
	found       bool
	doc         int
	text        string
	score       float64
	evidence    Evidence
	suggestions []Citation
}

// Candidates within this share of the best score may give the answer when
// the best sentence has none of the kind asked for.
const candidateRatio = 0.6

// maxSuggestions bounds the sentences offered when the engine abstains.
const maxSuggestions = 3

// answer picks the sentence and the short answer for a query.
func (e *Engine) answer(ctx context.Context, q *query) result {
	if len(q.group) == 0 {
		return result{}
	}
	// Nothing of the ranking outlives pick (result holds no part of it),
	// so its buffers go back to the pool for the next question.
	rb, _ := e.idx.ranks.Get().(*rankBuf)
	if rb == nil {
		rb = &rankBuf{}
	}
	defer e.idx.ranks.Put(rb)
	return e.pick(q, e.rankTopInto(ctx, q, askDepth, rb))
}

// pick chooses the answer among ranked sentences, best first. It is apart
// from answer so that a conversation can re-weigh the ranking by what was
// said before (qa/conversation.go) and still pick the way Ask does.
func (e *Engine) pick(q *query, ranked []ranked) result {
	if len(ranked) == 0 {
		// Nothing to weigh, but what the question is made of still says
		// whether it reached the articles' language (notice.go).
		return result{evidence: Evidence{Words: len(q.group), Unknown: q.unknownShare()}}
	}
	best := ranked[0].score
	var res result
	weighed := false // res.evidence holds candidate 0's, weighed with its extraction
	for i, r := range ranked {
		if i >= 5 || r.score < candidateRatio*best {
			break
		}
		x, ok := e.extract(q, r.doc)
		if !ok {
			continue
		}
		ev := e.weigh(q, ranked, i, x)
		if i == 0 {
			res.evidence, weighed = ev, true
		}
		if e.declines(ev) {
			continue
		}
		x = e.refine(q, r.doc, x)
		return result{found: true, doc: r.doc, text: x.text, score: r.score, evidence: ev}
	}
	if !weighed {
		// Candidate 0 gave no answer of its own (or was not read): its
		// evidence without one. Weighing it up front as well cost a
		// second calibration whenever it did.
		res.evidence = e.weigh(q, ranked, 0, extraction{})
	}
	for _, r := range ranked {
		if len(res.suggestions) == maxSuggestions {
			break
		}
		res.suggestions = append(res.suggestions, e.cite(r.doc))
	}
	return res
}

// weigh gathers the evidence that candidate i answers the query, and the
// confidence it gives.
func (e *Engine) weigh(q *query, ranked []ranked, i int, x extraction) Evidence {
	r := ranked[i]
	ev := Evidence{Coverage: r.coverage, Relation: r.relation, Typed: x.typed, Words: len(q.group)}
	if len(ranked) > 1 {
		next := ranked[0].score
		if i == 0 {
			next = ranked[1].score
		}
		if r.score > 0 {
			ev.Margin = max(0, (r.score-next)/r.score)
		}
	}
	ev.Unknown = q.unknownShare()
	ev.Confidence = e.probability(q, ranked, i, x, ev)
	return ev
}

// unknownShare is the share of the query's weight in words that neither
// the articles nor the translation tables know.
func (q *query) unknownShare() float64 {
	total, unknown := 0.0, 0.0
	for _, g := range q.group {
		total += g.idf
		if g.unknown {
			unknown += g.idf
		}
	}
	if total == 0 {
		return 0
	}
	return unknown / total
}

// An extraction is a short answer cut out of a sentence.
type extraction struct {
	text string
	// typed is set when the answer is a fact of the kind asked for (a
	// date for when, a number for how many, a name for who); unset when
	// the sentence is quoted with the part the question did not say.
	typed bool
	// start and end are the bytes of the sentence the answer stands for,
	// when known (end is 0 otherwise): a date's words, not its rendering.
	start, end int
	// precise is set when the question says exactly what it wants and the
	// rules found just that: the words quoted for "what did she say?" and
	// who said them for "who said ...?", a quantity of the measure named
	// ("how much did it COST?", "how much does it WEIGH?"), a name of the
	// class named ("which OFFICIAL", "which COUNTRY"), the words that
	// qualify the thing in "what KIND of proof?". The span model does not
	// second-guess such an answer, unless it is cut.
	precise bool
	// cut is set when the answer may be the cut end of a longer name
	// ("Food and [Agriculture Organization]", joinsName): it still says
	// the sentence holds what the question names (the calibration reads
	// precise), but its edges are the span model's to weigh (sure).
	cut bool
}

// sure reports whether the span model leaves the rules' answer alone: it
// is precise and not cut.
func (x extraction) sure() bool { return x.precise && !x.cut }
