package qa

import "github.com/qabot/qabot/corpus"

// The kinds that ask for a name: who, where, what is ... called, which or
// what with a class ("which country").

func extractName(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	s := doc.sentence
	// "What is the ambassador's name?" wants a name and nothing else,
	// and not where something is: a place is asked for with "where".
	kinds := []corpus.NameKind{corpus.NamePerson, corpus.NameOrg, corpus.NameOther}
	var keep func(corpus.Span) bool
	if q.hasClass {
		// "What is the city called?": a place's name, and not the
		// one it lies near ("the city they built not far from
		// Strelsau" does not name the city).
		kinds = []corpus.NameKind{q.class, corpus.NameOther}
		if q.class == corpus.NamePlace {
			keep = func(sp corpus.Span) bool { return !e.cues.after(doc, sp.Start, "landmark") }
		}
	}
	if sp, ok := e.nameOf(q, s, near, keep, kinds...); ok {
		x, _ := typedAt(sp.Text, sp.Start, sp.End)
		x.precise = q.hasClass && e.nameKind(s, sp) == q.class
		return x, true
	}
	return extraction{}, false
}

func extractWho(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	s := doc.sentence
	if sp, ok := e.speaker(q, s); ok {
		return extraction{text: sp, typed: true, precise: true}, true
	}
	// "Who sponsored the attack?" - "... sponsored by Ruritania".
	// An agent without a name ("by the group") may be the one a
	// passive question does not ask for ("who was welcomed?"): a
	// person's or organisation's name comes before it.
	agent, named := e.agent(q, doc)
	if named {
		// The agent of the very verb asked about: a role, not a guess.
		return extraction{text: agent, typed: true, precise: true}, true
	}
	if sp, ok := e.nameOf(q, s, near, nil, corpus.NamePerson, corpus.NameOrg); ok {
		return typedAt(sp.Text, sp.Start, sp.End)
	}
	if agent != "" {
		return untyped(agent)
	}
	// "Who built the dam?" - "the engineers": the answer is not a
	// name, but it may be the subject before the matched words.
	return untyped(e.subject(q, doc))
}

func extractWhere(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	s := doc.sentence
	// Places and names of no known kind together: the extractor
	// calls a place only what a place word or list marks, and "the
	// Orvik launch centre" is a place nonetheless.
	var both []corpus.Span
	for _, kind := range []corpus.NameKind{corpus.NamePlace, corpus.NameOther} {
		both = append(both, e.unmentionedNames(q, s, kind)...)
	}
	heads, modifiers := splitModifiers(s.Text, both)
	if sp, ok := nearest(near, heads); ok {
		return typedAt(sp.Text, sp.Start, sp.End)
	}
	if sp, ok := nearest(near, modifiers); ok {
		return typedAt(sp.Text, sp.Start, sp.End)
	}
	return untyped("")
}

// extractWhich answers "which" and "what".
func extractWhich(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	s := doc.sentence
	// "Which country ...", "what American official ...": a name of
	// that kind, and no other.
	if q.hasClass {
		if q.class == corpus.NamePerson {
			if sp, ok := e.speaker(q, s); ok {
				return extraction{text: sp, typed: true, precise: true}, true
			}
		}
		// The extractor cannot tell every place or organisation
		// from other names ("Washington" for the United States):
		// those may answer too, after the names known to be of
		// the kind.
		kinds := []corpus.NameKind{q.class}
		if q.class != corpus.NamePerson {
			kinds = append(kinds, corpus.NameOther)
		}
		if sp, ok := e.nameOf(q, s, near, nil, kinds...); ok {
			x, _ := typedAt(sp.Text, sp.Start, sp.End)
			x.precise = e.nameKind(s, sp) == q.class // "which COUNTRY": a country's name
			return x, true
		}
		return untyped(e.rest(q, doc))
	}
	// "What did the spokeswoman say?": the words quoted.
	if e.asksSpeaker(q) {
		if quoted := quotation(s.Text); quoted != "" {
			return extraction{text: quoted, precise: true}, true
		}
	}
	// "which union ...": a name that has the word the question asks
	// about and says more ("European Union"), then a name the question
	// did not give at all.
	if len(q.focus) > 0 {
		if sp, ok := nearest(near, e.namesWithFocus(q, s)); ok {
			return typedAt(sp.Text, sp.Start, sp.End)
		}
		// "What kind of proof?" - "indisputable proof": the words
		// that qualify the thing asked about.
		if phrase := e.qualified(q, doc); phrase != "" {
			return extraction{text: phrase, typed: true, precise: true}, true
		}
		if sp, ok := e.nameOf(q, s, near, nil, corpus.NamePerson, corpus.NamePlace, corpus.NameOrg, corpus.NameOther); ok {
			return typedAt(sp.Text, sp.Start, sp.End)
		}
	}
	return untyped(e.rest(q, doc))
}

func evidenceWho(e *Engine, q *query, d *doc) float64 {
	f := &d.sentence.Facts
	if f.Quote != nil || hasName(f, corpus.NamePerson) {
		return 1
	}
	if hasName(f, corpus.NameOrg) {
		return 0.5
	}
	return 0
}

func evidenceWhere(e *Engine, q *query, d *doc) float64 {
	f := &d.sentence.Facts
	if hasName(f, corpus.NamePlace) {
		return 1
	}
	if hasName(f, corpus.NameOther) {
		return 0.5
	}
	return 0
}

func hasName(f *corpus.Facts, kind corpus.NameKind) bool {
	for _, n := range f.Names {
		if n.Kind == kind {
			return true
		}
	}
	return false
}

// nameFacts lists the people's names of a who-question, the places of a
// where-question.
func nameFacts(e *Engine, q *query, sen *corpus.Sentence) []fact {
	var out []fact
	want := corpus.NamePerson
	if q.kind == KindWhere {
		want = corpus.NamePlace
	}
	for _, n := range sen.Facts.Names {
		if n.Kind == want {
			out = append(out, fact{text: n.Text, value: n.Text, start: n.Start, end: n.End})
		}
	}
	return out
}
