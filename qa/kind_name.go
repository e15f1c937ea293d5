package qa

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

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
	// "Who released the single?" - "Drake released a single": the name
	// right before the word asked about is its subject.
	if sp, ok := e.doer(q, doc); ok {
		return typedAt(sp.Text, sp.Start, sp.End)
	}
	// A person's name the article gives no reason to doubt comes first:
	// "Harlow County" may be typed a person, yet the article writes
	// "county" as an ordinary word.
	if sp, ok := e.nameOf(q, s, near, undoubted(s), corpus.NamePerson); ok {
		return typedAt(sp.Text, sp.Start, sp.End)
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

// joinsName reports whether the name starting at byte start of a
// sentence follows a capitalised word and one or two lower-case stop
// words, without punctuation between ("Food and [Agriculture
// Organization]"): the extractor may have cut a longer name there.
func joinsName(d *doc, start int) bool {
	k := slices.IndexFunc(d.toks, func(t docToken) bool { return t.Start == start })
	for m := k - 1; k > 0 && m >= 0 && m >= k-2; m-- {
		t, next := d.toks[m], d.toks[m+1]
		if hasPunct(d.sentence.Text[t.End:next.Start]) || t.stem != "" || startsUpper(t.Text) {
			return false
		}
		if m > 0 {
			prev := d.toks[m-1]
			if !hasPunct(d.sentence.Text[prev.End:t.Start]) && prev.stem != "" && startsUpper(prev.Text) {
				return true
			}
		}
	}
	return false
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
			// "which COUNTRY": a country's name; unless it may be the
			// cut end of a longer name (joinsName), which the span
			// model then weighs.
			x.precise = e.nameKind(s, sp) == q.class
			x.cut = joinsName(doc, sp.Start)
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
			return extraction{text: phrase, typed: true, precise: q.focusNext}, true
		}
		if sp, ok := e.nameOf(q, s, near, nil, corpus.NamePerson, corpus.NamePlace, corpus.NameOrg, corpus.NameOther); ok {
			return typedAt(sp.Text, sp.Start, sp.End)
		}
	}
	return untyped(e.rest(q, doc))
}

// undoubted keeps the names of s that the article gives no reason to
// doubt (corpus.Name.Doubted).
func undoubted(s *corpus.Sentence) func(corpus.Span) bool {
	return func(sp corpus.Span) bool {
		return !slices.ContainsFunc(s.Facts.Names, func(n corpus.Name) bool { return n.Span == sp && n.Doubted })
	}
}

func evidenceWho(f *corpus.Facts) float64 {
	return graded(f.Quote != nil || hasName(f, corpus.NamePerson), hasName(f, corpus.NameOrg))
}

func evidenceWhere(f *corpus.Facts) float64 {
	return graded(hasName(f, corpus.NamePlace), hasName(f, corpus.NameOther))
}

func hasName(f *corpus.Facts, kind corpus.NameKind) bool {
	return slices.ContainsFunc(f.Names, func(n corpus.Name) bool { return n.Kind == kind })
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

// agent returns who did what the question asks about when the sentence
// names the doer after an agent cue right behind a word of the question:
// "sponsored by Ruritania", "postponed on the recommendation of the Syldavian
// government". The answer is the noun phrase the cue introduces, up to the
// first stop word after its head; named says it holds a name. "" when no
// such cue is there.
func (e *Engine) agent(q *query, d *doc) (phrase string, named bool) {
	text := d.sentence.Text
	for i, t := range d.toks {
		if t.stem == "" || !q.mentioned[t.stem] {
			continue
		}
		// The cue may follow the matched word after a few words ("sponsored
		// " by"); it may also contain it ("on the RECOMMENDATION of").
		for k := max(0, i-3); k < min(len(d.toks), i+maxAgentGap+1); k++ {
			for _, cue := range e.cues.phrases["who"] {
				next := k + len(cue)
				if next <= i || next >= len(d.toks) || !matchWords(d.toks[k:], cue) {
					continue
				}
				if strings.ContainsAny(text[d.toks[next-1].End:d.toks[next].Start], ",;.:") {
					continue
				}
				if np, end := e.nounPhrase(d, next); np != "" {
					for _, n := range d.sentence.Facts.Names {
						if n.Start >= d.toks[next].Start && n.End <= end && !e.mentionsAny(q, n.Text) {
							named = true
						}
					}
					return np, named
				}
			}
		}
	}
	return "", false
}

// doer returns the name that stands right before a word the question
// asks about after its question word (its focus), as a subject stands
// before its verb: "Drake" of "In 2013, Drake released a single" for "who
// released the single?". Only spaces may stand between: a name before a
// comma may close a clause of its own. Names the question used do not
// count, and the sentence must go on as the question does
// (saysRestAfter).
func (e *Engine) doer(q *query, d *doc) (corpus.Span, bool) {
	text := d.sentence.Text
	for i, t := range d.toks {
		if t.stem == "" || !q.focus[t.stem] {
			continue
		}
		for _, n := range d.sentence.Facts.Names {
			if n.End <= t.Start && strings.TrimSpace(text[n.End:t.Start]) == "" && !e.mentionsAny(q, n.Text) && e.saysRestAfter(q, d, i) {
				return n.Span, true
			}
		}
	}
	return corpus.Span{}, false
}

// saysRestAfter reports whether the sentence says, after its word verb,
// a word that the question says after its focus: the sentence reads in
// the question's order ("Drake released a SINGLE" for "who released the
// SINGLE?"), so the name before the verb stands where the question's
// "who" does. "Chi appoggiavano i ribelli?" asks whom the rebels
// supported: "the League supported Tarrak" does not say "ribelli" after
// "supported", and the League is no answer. Numbers do not count:
// they date a sentence wherever they stand.
func (e *Engine) saysRestAfter(q *query, d *doc, verb int) bool {
	afterFocus := false
	for _, g := range q.group {
		if !afterFocus {
			afterFocus = slices.ContainsFunc(g.alts, func(a alt) bool { return slices.ContainsFunc(a.stems, func(st string) bool { return q.focus[st] }) })
			continue
		}
		if !strings.ContainsFunc(g.surface, unicode.IsLetter) {
			continue
		}
		for _, t := range d.toks[verb+1:] {
			if t.stem != "" && slices.ContainsFunc(g.alts, func(a alt) bool { return slices.Contains(a.stems, t.stem) }) {
				return true
			}
		}
	}
	return false
}

// nounPhrase returns the words of d from token i up to the first stop
// word or clause mark after a content word ("the Albanian government" of
// "the Albanian government for security reasons"), and where it ends; ""
// when that is longer than a subject or holds no content word.
func (e *Engine) nounPhrase(d *doc, i int) (string, int) {
	text := d.sentence.Text
	start, end := d.toks[i].Start, d.toks[i].Start
	content := false
	for k := i; k < len(d.toks); k++ {
		t := d.toks[k]
		if k > i && strings.ContainsAny(text[d.toks[k-1].End:t.Start], ",;.:()"+corpus.QuoteMarks) {
			break
		}
		if t.stem == "" && content {
			break
		}
		content = content || t.stem != ""
		end = t.End
		if k-i+1 > maxSubjectWords {
			return "", 0
		}
	}
	if !content {
		return "", 0
	}
	return text[start:end], end
}

// maxAgentGap is how many words may stand between a question word and the
// agent cue after it: "orchestrated and sponsored by".
const maxAgentGap = 3

// subject returns the few words that open the clause of the first word
// the question matched, when they are short enough to be its subject:
// "the engineers" in "The engineers who came in 1990 built ...". ""
// otherwise.
func (e *Engine) subject(q *query, d *doc) string {
	text := d.sentence.Text
	for _, t := range d.toks {
		if t.stem == "" || !q.mentioned[t.stem] {
			continue
		}
		begin := 0
		if i := strings.LastIndexAny(text[:t.Start], ",;:("+corpus.QuoteMarks); i >= 0 {
			_, n := utf8.DecodeRuneInString(text[i:])
			begin = i + n
		}
		span := strings.TrimSpace(text[begin:t.Start])
		if n := len(strings.Fields(span)); n == 0 || n > maxSubjectWords || !e.hasContent(span) {
			return ""
		}
		return strings.Trim(span, " ,;:'()"+corpus.QuoteMarks)
	}
	return ""
}

// maxSubjectWords bounds the subject subject returns.
const maxSubjectWords = 5

// unmentionedNames returns the names of a kind that the question did not
// use: a name counts as used when any of its words is ("who is Kovac's
// rival?" is not answered by "Anna Kovac").
func (e *Engine) unmentionedNames(q *query, s *corpus.Sentence, kind corpus.NameKind) []corpus.Span {
	var out []corpus.Span
	for _, n := range s.Facts.Names {
		if n.Kind == kind && !e.usesName(q, n.Text) {
			out = append(out, n.Span)
		}
	}
	return out
}

// usesName reports whether the question used a word of the name other
// than the kind of thing it asks for: "what is the name of the BRIDGE?"
// does not use "John Weeks Bridge", which says more than "bridge". A
// who-question's focus is no kind of thing but often a name ("who is
// KOVAC's rival?"), and it counts.
func (e *Engine) usesName(q *query, name string) bool {
	asksKind := q.kind == KindName || q.kind == KindWhich || q.kind == KindWhat
	focusOnly, more := false, false
	for _, st := range e.article.stems(name) {
		switch {
		case asksKind && q.focus[st]:
			focusOnly = true
		case q.mentioned[st]:
			return true
		default:
			more = true
		}
	}
	return focusOnly && !more
}

// nameOf picks the answer among the names of the given kinds the question
// did not use: of the first kind that has one, the nearest to the words
// the question matched. A name that only qualifies the capitalised words
// after it ("US" in "US Vice President Jan Berg", "Baltic" in "its
// Baltic EU partner") is an adjective, not what the sentence is about: it
// is taken only when no kind has another.
//
// keep, when not nil, says which names may answer at all.
func (e *Engine) nameOf(q *query, s *corpus.Sentence, near []int, keep func(corpus.Span) bool, kinds ...corpus.NameKind) (corpus.Span, bool) {
	var modifiers []corpus.Span
	for _, kind := range kinds {
		var names []corpus.Span
		for _, sp := range e.unmentionedNames(q, s, kind) {
			if keep == nil || keep(sp) {
				names = append(names, sp)
			}
		}
		heads, mods := splitModifiers(s.Text, names)
		if sp, ok := nearest(near, heads); ok {
			return sp, true
		}
		modifiers = append(modifiers, mods...)
	}
	return nearest(near, modifiers)
}

// splitModifiers parts names into those a sentence is about and those
// that only qualify the capitalised word after them.
func splitModifiers(text string, names []corpus.Span) (heads, modifiers []corpus.Span) {
	for _, sp := range names {
		if qualifies(text, sp.End) {
			modifiers = append(modifiers, sp)
		} else {
			heads = append(heads, sp)
		}
	}
	return heads, modifiers
}

// qualifies reports whether the word after offset end of text is
// capitalised and follows with a single space: the name that ends there
// modifies it.
func qualifies(text string, end int) bool {
	rest, ok := strings.CutPrefix(text[end:], " ")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsUpper(r)
}

// qualified returns the word the question asks about ("what kind of
// PROOF") as the sentence writes it, with the words before it that
// qualify it and that the question did not use: "indisputable proof"; or
// the name right before it. "" when the sentence does not qualify it.
func (e *Engine) qualified(q *query, d *doc) string {
	text := d.sentence.Text
	for i, t := range d.toks {
		if t.stem == "" || !q.focus[t.stem] {
			continue
		}
		// "Which rocket?" - "a Kestrel-9 rocket": a name right before
		// the word is what the question asks for.
		for _, n := range d.sentence.Facts.Names {
			if n.End < t.Start && strings.TrimSpace(text[n.End:t.Start]) == "" && !e.mentionsAny(q, n.Text) {
				return n.Text
			}
		}
		start := i
		for start > 0 && i-start < maxQualifiers {
			p := d.toks[start-1]
			if p.stem == "" || q.mentioned[p.stem] || p.Kind != lang.TokenWord || strings.TrimSpace(text[p.End:d.toks[start].Start]) != "" {
				break
			}
			start--
		}
		if start == i {
			return ""
		}
		return text[d.toks[start].Start:t.End]
	}
	return ""
}

// maxQualifiers bounds the words qualified takes before the word asked
// about.
const maxQualifiers = 3

// namesWithFocus returns the names that hold a word the question asks
// about (its focus) together with words the question did not use.
func (e *Engine) namesWithFocus(q *query, s *corpus.Sentence) []corpus.Span {
	var out []corpus.Span
	for _, n := range s.Facts.Names {
		focus, more := false, false
		for _, st := range e.article.stems(n.Text) {
			focus = focus || q.focus[st]
			more = more || !q.mentioned[st]
		}
		if focus && more {
			out = append(out, n.Span)
		}
	}
	return out
}

// mentionsAny reports whether the question used any content word of text.
func (e *Engine) mentionsAny(q *query, text string) bool {
	for _, st := range e.article.stems(text) {
		if q.mentioned[st] {
			return true
		}
	}
	return false
}

// speaker answers "who said ...?" with the person a quote is attributed to.
func (e *Engine) speaker(q *query, s *corpus.Sentence) (string, bool) {
	quote := s.Facts.Quote
	if quote == nil || quote.Resolved == "" || !e.asksSpeaker(q) || e.mentionedSpan(q, quote.Resolved) {
		return "", false
	}
	return quote.Resolved, true
}

// asksSpeaker reports whether the question is about who said something.
func (e *Engine) asksSpeaker(q *query) bool {
	if q.lang.Code == e.article.l.Code {
		// The question's own words, which a conversation may have
		// rearranged into other groups.
		for _, t := range q.toks {
			if e.cues.isSpeech(e.article.stem(t.Text)) {
				return true
			}
		}
	}
	for _, g := range q.group {
		for _, a := range g.alts {
			for _, st := range a.stems {
				if e.cues.isSpeech(st) {
					return true
				}
			}
		}
	}
	return false
}

// titleBefore returns the words between the clause start and a person's
// name when they read like a title: "Albanian Prime Minister" before "Edi
// Rama", "National Security Council spokeswoman" before "Adrienne Watson".
func (e *Engine) titleBefore(s *corpus.Sentence, n corpus.Name) string {
	if n.Kind != corpus.NamePerson {
		return ""
	}
	before := s.Text[:n.Start]
	if i := strings.LastIndexAny(before, ",;:("+corpus.QuoteMarks); i >= 0 {
		_, n := utf8.DecodeRuneInString(before[i:])
		before = before[i+n:]
	}
	words := strings.Fields(before)
	// The title is the tail of the clause up to the name: drop the verb
	// phrase and articles before it by keeping only the last run of words
	// that are not stop words.
	start := len(words)
	for start > 0 && !e.article.isStop(lang.Fold(words[start-1])) {
		start--
	}
	words = words[start:]
	if len(words) == 0 || len(words) > 6 {
		return ""
	}
	return strings.Join(words, " ")
}

// nameKind returns the kind the extractor gave the name at span sp.
func (e *Engine) nameKind(s *corpus.Sentence, sp corpus.Span) corpus.NameKind {
	for _, n := range s.Facts.Names {
		if n.Start == sp.Start && n.End == sp.End {
			return n.Kind
		}
	}
	return corpus.NameOther
}
