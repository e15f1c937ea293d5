package qa

import (
	"strings"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// A result is the outcome of answering one query.
type result struct {
	found       bool
	doc         int
	text        string
	score       float64
	suggestions []Citation
}

// Candidates within this share of the best score may give the answer when
// the best sentence has none of the kind asked for.
const candidateRatio = 0.6

// minCoverageNoFact is the coverage a sentence needs to answer a question
// whose kind of fact it lacks (a who-question, no name): the quote alone.
const minCoverageNoFact = 0.75

// maxSuggestions bounds the sentences offered when the engine abstains.
const maxSuggestions = 3

// answer picks the sentence and the short answer for a query.
func (e *Engine) answer(q *query) result {
	if len(q.group) == 0 {
		return result{}
	}
	return e.pick(q, e.rank(q))
}

// pick chooses the answer among ranked sentences, best first. It is apart
// from answer so that a conversation can re-weigh the ranking by what was
// said before (qa/conversation.go) and still pick the way Ask does.
func (e *Engine) pick(q *query, ranked []ranked) result {
	if len(ranked) == 0 {
		return result{}
	}
	best := ranked[0].score
	for i, r := range ranked {
		if i >= 5 || r.score < candidateRatio*best {
			break
		}
		if r.coverage < e.opts.MinCoverage || r.relation < e.opts.MinRelation {
			continue
		}
		if text, ok := e.extract(q, r.doc, r.coverage); ok {
			return result{found: true, doc: r.doc, text: text, score: r.score}
		}
	}
	var res result
	for _, r := range ranked {
		if len(res.suggestions) == maxSuggestions {
			break
		}
		res.suggestions = append(res.suggestions, e.cite(r.doc))
	}
	return res
}

// evidence says how well a sentence can answer the kind of question, from
// 0 (nothing of the kind) to 1.
func (e *Engine) evidence(q *query, d int) float64 {
	f := &e.idx.docs[d].sentence.Facts
	switch q.kind {
	case KindWhen:
		if len(f.Dates) > 0 {
			return 1
		}
	case KindHowLong:
		for _, d := range f.Dates {
			if d.Kind == timex.Duration {
				return 1
			}
		}
		if len(f.Numbers) > 0 {
			return 0.5
		}
	case KindHowMany, KindHowMuch:
		if len(f.Numbers) > 0 {
			return 1
		}
	case KindWho:
		if f.Quote != nil || hasName(f, corpus.NamePerson) {
			return 1
		}
		if hasName(f, corpus.NameOrg) {
			return 0.5
		}
	case KindDefine:
		if e.define(q, &e.idx.docs[d]) != "" {
			return 1
		}
	case KindWhere:
		if hasName(f, corpus.NamePlace) {
			return 1
		}
		if hasName(f, corpus.NameOther) {
			return 0.5
		}
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

// extract cuts the short answer of the query's kind out of sentence d. ok
// is false when the sentence holds nothing of that kind, so a when-question
// is never answered by a sentence without a date.
func (e *Engine) extract(q *query, d int, coverage float64) (string, bool) {
	doc := &e.idx.docs[d]
	s := doc.sentence
	near := e.matchedOffsets(q, d)
	switch q.kind {
	case KindWhen:
		d, ok := e.pickDate(q, s, near, false)
		if !ok {
			return "", false
		}
		return e.renderDate(q.lang, d), true
	case KindHowLong:
		if d, ok := e.pickDate(q, s, near, true); ok {
			return e.renderDate(q.lang, d), true
		}
		n, ok := e.pickNumber(q, s, near)
		if !ok {
			return "", false
		}
		return n.Text, true
	case KindHowMany, KindHowMuch:
		n, ok := e.pickNumber(q, s, near)
		if !ok {
			return "", false
		}
		return n.Text, true
	case KindWho:
		if sp, ok := e.speaker(q, s); ok {
			return sp, true
		}
		for _, kind := range []corpus.NameKind{corpus.NamePerson, corpus.NameOrg} {
			if sp, ok := nearest(near, e.unmentionedNames(q, s, kind)); ok {
				return sp.Text, true
			}
		}
		// "Who built the city?" - "the mujahideen": the answer is not a
		// name. Quote the sentence without a short answer, but only when
		// it matches the question well.
		return "", coverage >= minCoverageNoFact
	case KindWhere:
		for _, kind := range []corpus.NameKind{corpus.NamePlace, corpus.NameOther} {
			if sp, ok := nearest(near, e.unmentionedNames(q, s, kind)); ok {
				return sp.Text, true
			}
		}
		return "", false
	case KindYesNo:
		return e.yesNo(q, doc), true
	case KindWhy:
		if c := e.cues.cut(doc, "why"); c != "" {
			return c, true
		}
		return e.rest(q, doc), true
	case KindDefine:
		if def := e.define(q, doc); def != "" {
			return def, true
		}
		return e.rest(q, doc), true
	case KindWhich, KindWhat:
		// "which country ...", "what union ...": a name the question did
		// not give, when the question names the kind of thing it wants.
		if len(q.focus) > 0 {
			for _, kind := range []corpus.NameKind{corpus.NamePerson, corpus.NamePlace, corpus.NameOrg, corpus.NameOther} {
				if sp, ok := nearest(near, e.unmentionedNames(q, s, kind)); ok {
					return sp.Text, true
				}
			}
		}
		return e.rest(q, doc), true
	}
	return e.rest(q, doc), true
}

// rest returns the part of the sentence the question did not say: the
// words after the last matched word up to the end of its clause, or,
// when the match ends the clause, the words before the first matched word.
// It is the short answer of what- and why-questions that no cue cuts out.
func (e *Engine) rest(q *query, d *doc) string {
	text := d.sentence.Text
	first, last := -1, -1
	for i, t := range d.toks {
		if t.stem != "" && q.mentioned[t.stem] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if last < 0 {
		return ""
	}
	const maxWords = 14
	start := d.toks[last].End
	end := clauseEnd(text, start)
	if span := trimWords(text[start:end], maxWords, false); e.hasContent(span) {
		return span
	}
	begin := 0
	if i := strings.LastIndexAny(text[:d.toks[first].Start], ",;:\"("); i >= 0 {
		begin = i + 1
	}
	return trimWords(text[begin:d.toks[first].Start], maxWords, true)
}

// hasContent reports whether s has a word that is not a stop word.
func (e *Engine) hasContent(s string) bool {
	return len(e.article.stems(s)) > 0
}

// trimWords keeps at most n words of s: the first n, or the last n when
// fromEnd is set.
func trimWords(s string, n int, fromEnd bool) string {
	w := strings.Fields(s)
	if len(w) > n {
		if fromEnd {
			w = w[len(w)-n:]
		} else {
			w = w[:n]
		}
	}
	return strings.Trim(strings.Join(w, " "), " ,;:\"'()")
}

// matchedOffsets returns the byte offsets of the sentence's words that the
// question matched, to choose among several candidates the one nearest them.
func (e *Engine) matchedOffsets(q *query, d int) []int {
	var out []int
	for _, t := range e.idx.docs[d].toks {
		if t.stem != "" && q.mentioned[t.stem] {
			out = append(out, t.Start)
		}
	}
	return out
}

// nearest returns the span closest to any of the offsets (the first span
// when there are none).
func nearest(offsets []int, spans []corpus.Span) (corpus.Span, bool) {
	if len(spans) == 0 {
		return corpus.Span{}, false
	}
	best, bestDist := spans[0], -1
	for _, sp := range spans {
		for _, o := range offsets {
			dist := o - sp.End
			if o >= sp.Start {
				dist = o - sp.Start
				if o < sp.End {
					dist = 0
				}
			}
			if dist < 0 {
				dist = -dist
			}
			if bestDist < 0 || dist < bestDist {
				best, bestDist = sp, dist
			}
		}
	}
	return best, true
}

// mentionedSpan reports whether every content word of a span was already
// in the question: such a span cannot be the answer.
func (e *Engine) mentionedSpan(q *query, text string) bool {
	any := false
	for _, st := range e.article.stems(text) {
		any = true
		if !q.mentioned[st] {
			return false
		}
	}
	return any
}

// pickDate chooses the date a question asks for among the sentence's
// expressions of the wanted kinds: one the question did not give, nearest
// the words it matched.
func (e *Engine) pickDate(q *query, s *corpus.Sentence, near []int, durations bool) (timex.Expr, bool) {
	var (
		cands []timex.Expr
		spans []corpus.Span
	)
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
	sp, ok := nearest(near, spans)
	if !ok {
		return timex.Expr{}, false
	}
	for _, d := range cands {
		if d.Start == sp.Start && d.End == sp.End {
			return d, true
		}
	}
	return timex.Expr{}, false
}

// renderDate writes a date in the reply's language, to its precision:
// "7 September 2022 (a Wednesday)", "juillet 2022", "2009", "early 1990s".
// Without the language's time data it quotes the article's words.
func (e *Engine) renderDate(l *lang.Language, d timex.Expr) string {
	tl, ok := e.times[l.Code]
	if !ok {
		return d.Text
	}
	text := tl.Format(d)
	if text == "" {
		return d.Text
	}
	if d.Precision == timex.Day && d.Kind == timex.Point && !d.From.IsZero() {
		return l.Message("date_with_weekday", map[string]string{"date": text, "weekday": tl.Weekday(d.From)})
	}
	return text
}

// unmentionedNames returns the names of a kind that the question did not
// use: a name counts as used when any of its words is ("who is Rama's
// rival?" is not answered by "Edi Rama").
func (e *Engine) unmentionedNames(q *query, s *corpus.Sentence, kind corpus.NameKind) []corpus.Span {
	var out []corpus.Span
	for _, n := range s.Facts.Names {
		if n.Kind == kind && !e.mentionsAny(q, n.Text) {
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

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
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

// yesNo decides a yes/no question from the sentence that matches it: the
// answer is no when exactly one of question and sentence is negated, or
// when the sentence uses the opposite of a question word ("succeed" /
// "failed").
func (e *Engine) yesNo(q *query, d *doc) string {
	neg := 0
	for _, t := range d.toks {
		if e.cues.isNegation(t.folded) {
			neg++
		}
	}
	for _, t := range q.toks {
		if e.cues.isNegation(lang.Fold(t.Text)) && q.lang.Code == e.article.l.Code {
			neg++
		}
	}
	for st := range q.mentioned {
		for _, t := range d.toks {
			if t.stem != "" && e.cues.opposite(st, t.stem) {
				neg++
			}
		}
	}
	if neg%2 == 1 {
		return q.lang.Message("no", nil)
	}
	return q.lang.Message("yes", nil)
}

// define answers "who is X?" and "what is X?" from the sentence that
// introduces X: an acronym spelt out there, the apposition after the name
// ("the PMOI, a movement in exile"), or the title before a person's name
// ("Albanian Prime Minister Edi Rama").
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
		if desc := e.cues.apposition(s.Text, n.End); desc != "" {
			return desc
		}
		if title := e.titleBefore(s, n); title != "" {
			return title
		}
	}
	return ""
}

// titleBefore returns the words between the clause start and a person's
// name when they read like a title: "Albanian Prime Minister" before "Edi
// Rama", "National Security Council spokeswoman" before "Adrienne Watson".
func (e *Engine) titleBefore(s *corpus.Sentence, n corpus.Name) string {
	if n.Kind != corpus.NamePerson {
		return ""
	}
	before := s.Text[:n.Start]
	if i := strings.LastIndexAny(before, ",;:\"("); i >= 0 {
		before = before[i+1:]
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
