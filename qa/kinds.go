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
	// factEvidence is the same for a kind whose evidence is a sentence's
	// facts alone: the index computes it once per sentence (evidenceOf).
	// A kind has at most one of the two.
	evidence     func(e *Engine, q *query, d *doc) float64
	factEvidence func(f *corpus.Facts) float64
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

	// family groups the kinds that look for the same facts, for the
	// ranker's and the abstention's features (qa/features.go, family);
	// with classIsName, a question of the kind that names a class of name
	// ("which COUNTRY") is of familyName.
	family      kindFamily
	classIsName bool
	// spanFacts are the facts (qa/span.go: factDate, ...) a candidate of
	// the span model must hold or overlap to answer the kind; nil: any
	// span may.
	spanFacts []int
	// spanFactsTyped says spanFacts binds only when the rules found a
	// fact of the kind in the sentence (extraction.typed): a kind whose
	// answers the facts do not always cover ("how long": "for most of
	// his reign").
	spanFactsTyped bool
	// focusEnds says the question's focus names the kind of thing asked
	// for ("which FAULT", "how many PEOPLE"), which the answer may end with.
	focusEnds bool
	// classTyped says that when the rules' answer is sure (extraction.
	// precise) and the focus is a class of names, the span model's answer
	// must be a name of that class too (spanContext.ofFocus): "which
	// OFFICIAL". focusTyped says the same of a focus word the sentence
	// holds: "which PUMP", "what kind of EVIDENCE".
	//
	// A what-question's focus word does not bind: "what" is read before
	// the verb in V2 languages too ("Hva ropte demonstrantene?", "Hvordan
	// omtaler ..."), and before a noun whose instance, not whose
	// qualifier, is asked for ("what currency": "rupiah", not "official
	// currency"). On the dev split, binding it cost 0.2 F1 (which-questions'
	// binding: 0.1 gained).
	classTyped, focusTyped bool
}

// kinds registers every answer kind.
var kinds = map[Kind]kindSpec{
	KindWhen: {extract: extractWhen, factEvidence: evidenceWhen, facts: dateFacts, clarifyFresh: true,
		family: familyTime, spanFacts: dateSpans},
	KindSince: {extract: extractWhen, factEvidence: evidenceSince,
		family: familyTime, spanFacts: dateSpans},
	KindHowLong: {extract: extractHowLong, factEvidence: evidenceHowLong, facts: dateFacts,
		family: familyTime, spanFacts: durationSpans, spanFactsTyped: true},
	KindHowMany: {extract: extractHowMany, factEvidence: evidenceNumber, facts: numberFacts,
		family: familyNumber, spanFacts: numberSpans, focusEnds: true},
	KindHowMuch: {extract: extractHowMany, factEvidence: evidenceNumber, facts: numberFacts,
		family: familyNumber, spanFacts: numberSpans, focusEnds: true},
	KindName: {extract: extractName,
		family: familyName, focusEnds: true},
	KindWho: {extract: extractWho, factEvidence: evidenceWho, facts: nameFacts, clarifyFresh: true, speechRequest: cueWhoSaid,
		family: familyPerson},
	KindWhere: {extract: extractWhere, factEvidence: evidenceWhere, facts: nameFacts, clarifyFresh: true, speechRequest: cueSource,
		family: familyPlace},
	KindYesNo: {extract: extractYesNo,
		family: familyYesNo},
	KindWhy: {extract: extractWhy, bareRequest: cueWhy,
		family: familyWhy},
	KindDefine: {extract: extractDefine, evidence: evidenceDefine, speechRequest: cueWhoSaid,
		family: familyDefine},
	KindWhich: {extract: extractWhich,
		classIsName: true, focusEnds: true, classTyped: true, focusTyped: true},
	KindWhat: {extract: extractWhich,
		classIsName: true, focusEnds: true, classTyped: true},
}

// The facts a date's or a number's span model candidate holds.
var (
	dateSpans   = []int{factDate}
	numberSpans = []int{factNumber, factMoney, factNumeral, factDuration}
	// A how-long question is answered by a duration ("for decades"), a
	// number of some unit ("48 hours") or the date its period began
	// ("since 2013"), as its rules (extractHowLong) are.
	durationSpans = []int{factDuration, factNumber, factNumeral, factDate}
)

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
func (e *Engine) evidence(q *query, d int) float64 { return e.evidenceOf(q)(d) }

// evidenceOf returns evidence for the question q: a caller that asks it of
// many sentences looks the kind up once.
func (e *Engine) evidenceOf(q *query) func(d int) float64 {
	if t := e.idx.factEvidence[q.kind]; t != nil {
		return func(d int) float64 { return t[d] }
	}
	if k := kinds[q.kind]; k.evidence != nil {
		return func(d int) float64 { return k.evidence(e, q, &e.idx.docs[d]) }
	}
	return func(int) float64 { return 0 }
}

// buildEvidence computes each sentence's evidence for every kind whose
// evidence is the sentence's facts alone.
func (ix *index) buildEvidence() {
	ix.factEvidence = map[Kind][]float64{}
	for k, spec := range kinds {
		if spec.factEvidence == nil {
			continue
		}
		t := make([]float64, len(ix.docs))
		for d := range ix.docs {
			t[d] = spec.factEvidence(&ix.docs[d].sentence.Facts)
		}
		ix.factEvidence[k] = t
	}
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

// graded is a kind's evidence in a sentence: 1 when it holds what the kind
// asks for (a person for who), 0.5 when it holds only something near it
// (an organisation), else 0.
func graded(exact, near bool) float64 {
	switch {
	case exact:
		return 1
	case near:
		return 0.5
	}
	return 0
}
