package qa

import "github.com/qabot/qabot/lang"

// The kinds answered by a clause of the sentence, or a word for it: yes or
// no, why, what something is.

func extractYesNo(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	return typed(e.yesNo(q, doc))
}

func extractWhy(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	if c := e.cues.cut(doc, "why"); c != "" {
		return typed(c)
	}
	return untyped(e.rest(q, doc))
}

func extractDefine(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	if def := e.define(q, doc); def != "" {
		return typed(def)
	}
	return untyped(e.rest(q, doc))
}

func evidenceDefine(e *Engine, q *query, d *doc) float64 {
	if e.define(q, d) != "" {
		return 1
	}
	return 0
}

// yesNo decides a yes/no question from the sentence that matches it: the
// answer is no when exactly one of question and sentence is negated, or
// when the sentence uses the opposite of a question word ("succeed" /
// "failed").
func (e *Engine) yesNo(q *query, d *doc) string {
	sentence := make([]string, len(d.toks))
	for i, t := range d.toks {
		sentence[i] = t.folded
	}
	// A negation of the sentence counts when it bears on what the question
	// asks: a word of the question follows it closely ("never claimed",
	// "did not succeed"), not "... and there was no damage" after it.
	neg := 0
	for _, end := range e.cues.negationEnds(sentence) {
		content := 0
		for _, t := range d.toks[end:] {
			if t.stem == "" {
				continue
			}
			if q.mentioned[t.stem] {
				neg++
				break
			}
			if content++; content == negationScope {
				break
			}
		}
	}
	if q.lang.Code == e.article.l.Code {
		question := make([]string, len(q.toks))
		for i, t := range q.toks {
			question[i] = lang.Fold(t.Text)
		}
		neg += len(e.cues.negationEnds(question))
	}
	// The question's own words (not the opposites added to find the
	// sentence) against the sentence's: "succeed" / "failed". A word
	// counts once however many of its synonyms ("succeed", "success")
	// the sentence contradicts.
	for _, g := range q.group {
		if e.contradicts(g, d) {
			neg++
		}
	}
	if e.otherOrdinal(q, d) {
		neg++ // "is it the first?" - "it is the third"
	}
	if neg%2 == 1 {
		return q.reply().Message("no", nil)
	}
	return q.reply().Message("yes", nil)
}

// negationScope is how many content words after a negation it may bear
// on: "never claimed responsibility for this attack".
const negationScope = 3

// otherOrdinal reports whether the question asks about an ordinal ("the
// first satellite") that the sentence does not give the thing while it
// gives another ("the third satellite"), whatever the languages.
func (e *Engine) otherOrdinal(q *query, d *doc) bool {
	asked := map[int64]bool{}
	for _, t := range q.toks {
		if v, ok := q.lang.Number(t.Text); ok && v.Ordinal {
			asked[v.Value] = true
		}
	}
	if len(asked) == 0 {
		return false
	}
	// Only the sentence's ordinals of a thing the question names count:
	// "the third SATELLITE", not "the agency's first launch".
	other := false
	for i, t := range d.toks {
		v, ok := e.article.l.Number(t.Text)
		if !ok || !v.Ordinal || !e.nextMentioned(q, d, i) {
			continue
		}
		if asked[v.Value] {
			return false
		}
		other = true
	}
	return other
}

// nextMentioned reports whether the first content word after token i of d
// is a word of the question.
func (e *Engine) nextMentioned(q *query, d *doc, i int) bool {
	for _, t := range d.toks[i+1:] {
		if t.stem != "" {
			return q.mentioned[t.stem]
		}
	}
	return false
}

// contradicts reports whether sentence d has the opposite of a reading of
// question word g.
func (e *Engine) contradicts(g termGroup, d *doc) bool {
	for _, a := range g.alts {
		if a.opposite || len(a.stems) != 1 {
			continue
		}
		for _, t := range d.toks {
			if t.stem != "" && e.cues.opposite(a.stems[0], t.stem) {
				return true
			}
		}
	}
	return false
}

// define answers "who is X?" and "what is X?" from the sentence that
// introduces X: an acronym spelt out there, the apposition after the name
// ("the WMO, a United Nations agency"), or the title before a person's name
// ("Foreign Minister Anna Kovac").
func (e *Engine) define(q *query, d *doc) string {
	s := d.sentence
	for _, ac := range s.Facts.Acronyms {
		if q.mentioned[e.article.stem(ac.Short)] || e.mentionedSpan(q, ac.Long) {
			return ac.Long
		}
	}
	for _, n := range s.Facts.Names {
		if !e.mentionedSpan(q, n.Text) {
			continue
		}
		desc := e.cues.apposition(s.Text, n.End)
		if desc != "" && !e.relative(desc) {
			return desc
		}
		// A person's title ("ACME chief executive Jan Berg, who
		// took over in January") says who they are better than a
		// relative clause after the name.
		if title := e.titleBefore(s, n); title != "" {
			return title
		}
		if desc != "" {
			return desc
		}
	}
	return ""
}

// relative reports whether a clause opens with a relative pronoun: ",
// who took over in January" tells of the name, it does not say what it is.
func (e *Engine) relative(clause string) bool {
	words := foldedWords(clause)
	for _, cue := range e.cues.phrases["relative"] {
		if hasPrefixWords(words, cue) {
			return true
		}
	}
	return false
}
