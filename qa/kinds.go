package qa

import "github.com/qabot/qabot/corpus"

// A kindSpec is what the engine does for one answer kind. Every kind of
// lang.Kinds() has one in kinds, the one place a kind is registered
// (docs/DESIGN.md, "Add an answer kind"); TestKindsRegistered checks it.
type kindSpec struct {
	// extract cuts the short answer out of sentence d by the kind's rules
	// (near: the bytes of d the question matched). ok is false only when
	// the kind needs a fact and d holds none: a when-question is never
	// answered by a sentence without a date.
	extract func(e *Engine, q *query, d *doc, near []int) (x extraction, ok bool)
	// evidence says how well sentence d can answer the kind, from 0
	// (nothing of the kind) to 1, before any extraction; nil for 0.
	evidence func(e *Engine, q *query, d *doc) float64
	// facts lists, in order and rendered in the reply's language, the
	// facts of the kind sentence sen holds: the readings a follow-up with
	// nothing but a pronoun ("when did it happen?") is asked to choose
	// among. nil for a kind whose answer is not such a fact: its vague
	// follow-ups are not clarified.
	facts func(e *Engine, q *query, sen *corpus.Sentence) []fact
	// clarifyFresh says that a short new question of the kind that finds
	// different answers in several sentences of one article is asked
	// which one is meant ("when was the attack?").
	clarifyFresh bool
	// bareRequest is the request about the last answer that a question of
	// the kind with no words of its own makes ("why?": why).
	bareRequest string
	// speechRequest is the request about the last answer that a question
	// of the kind makes with only a verb of saying and a neutral pronoun
	// ("who said that?": who said it; "where does it say that?": the
	// source).
	speechRequest string
}

// kinds registers every answer kind.
var kinds = map[Kind]kindSpec{
	KindWhen:    {extract: extractWhen, evidence: evidenceWhen, facts: dateFacts, clarifyFresh: true},
	KindSince:   {extract: extractWhen, evidence: evidenceSince},
	KindHowLong: {extract: extractHowLong, evidence: evidenceHowLong, facts: dateFacts},
	KindHowMany: {extract: extractHowMany, evidence: evidenceNumber, facts: numberFacts},
	KindHowMuch: {extract: extractHowMany, evidence: evidenceNumber, facts: numberFacts},
	KindName:    {extract: extractName},
	KindWho:     {extract: extractWho, evidence: evidenceWho, facts: nameFacts, clarifyFresh: true, speechRequest: cueWhoSaid},
	KindWhere:   {extract: extractWhere, evidence: evidenceWhere, facts: nameFacts, clarifyFresh: true, speechRequest: cueSource},
	KindYesNo:   {extract: extractYesNo},
	KindWhy:     {extract: extractWhy, bareRequest: cueWhy},
	KindDefine:  {extract: extractDefine, evidence: evidenceDefine, speechRequest: cueWhoSaid},
	KindWhich:   {extract: extractWhich},
	KindWhat:    {extract: extractWhich},
}

// ruleExtract cuts the short answer of the query's kind out of sentence d
// by the rules of its kind (kinds); a kind without rules quotes the part
// of the sentence the question did not say.
func (e *Engine) ruleExtract(q *query, d int) (extraction, bool) {
	doc := &e.idx.docs[d]
	near := e.matchedOffsets(q, d)
	if k, ok := kinds[q.kind]; ok && k.extract != nil {
		return k.extract(e, q, doc, near)
	}
	return untyped(e.rest(q, doc))
}

// evidence says how well a sentence can answer the kind of question, from
// 0 (nothing of the kind) to 1.
func (e *Engine) evidence(q *query, d int) float64 {
	if k, ok := kinds[q.kind]; ok && k.evidence != nil {
		return k.evidence(e, q, &e.idx.docs[d])
	}
	return 0
}

// isFactKind reports whether the answer of kind k is a fact a sentence may
// hold several of, so that a vague question can have several readings.
func isFactKind(k Kind) bool { return kinds[k].facts != nil }

// The extraction of a fact of the kind asked for, at bytes start:end of
// the sentence when known; of other words of the sentence.
func typed(text string) (extraction, bool) { return extraction{text: text, typed: true}, true }

func typedAt(text string, start, end int) (extraction, bool) {
	return extraction{text: text, typed: true, start: start, end: end}, true
}

func untyped(text string) (extraction, bool) { return extraction{text: text}, true }
