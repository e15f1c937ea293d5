package qa

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
	evidence    Evidence
	suggestions []Citation
}

// Candidates within this share of the best score may give the answer when
// the best sentence has none of the kind asked for.
const candidateRatio = 0.6

// maxSuggestions bounds the sentences offered when the engine abstains.
const maxSuggestions = 3

// answer picks the sentence and the short answer for a query.
func (e *Engine) answer(q *query) result {
	if len(q.group) == 0 {
		return result{}
	}
	return e.pick(q, e.rankTop(q, askDepth))
}

// pick chooses the answer among ranked sentences, best first. It is apart
// from answer so that a conversation can re-weigh the ranking by what was
// said before (qa/conversation.go) and still pick the way Ask does.
func (e *Engine) pick(q *query, ranked []ranked) result {
	if len(ranked) == 0 {
		return result{}
	}
	best := ranked[0].score
	res := result{evidence: e.weigh(q, ranked, 0, extraction{})}
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
			res.evidence = ev
		}
		if e.declines(ev) {
			continue
		}
		x = e.refine(q, r.doc, x)
		return result{found: true, doc: r.doc, text: x.text, score: r.score, evidence: ev}
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
	total, unknown := 0.0, 0.0
	for _, g := range q.group {
		total += g.idf
		if g.unknown {
			unknown += g.idf
		}
	}
	if total > 0 {
		ev.Unknown = unknown / total
	}
	ev.Confidence = e.probability(q, ranked, i, x, ev)
	return ev
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
	// second-guess such an answer.
	precise bool
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

// quotation returns the words a sentence quotes: between its first two
// quotation marks, or, when the page lost the opening mark, from the start
// of the sentence to the closing one. "" when it quotes nothing.
func quotation(text string) string {
	first := strings.IndexAny(text, corpus.QuoteMarks)
	if first < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(text[first:])
	if second := strings.IndexAny(text[first+size:], corpus.QuoteMarks); second >= 0 {
		return strings.Trim(text[first+size:first+size+second], " ,.;:")
	}
	if first > 0 {
		return strings.Trim(text[:first], " ,.;:")
	}
	return ""
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
	if i := strings.LastIndexAny(text[:d.toks[first].Start], ",;:("+corpus.QuoteMarks); i >= 0 {
		_, n := utf8.DecodeRuneInString(text[i:])
		begin = i + n
	}
	if span := trimWords(text[begin:d.toks[first].Start], maxWords, true); e.hasContent(span) {
		return span
	}
	return ""
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
	return strings.Trim(strings.Join(w, " "), " ,;:'()"+corpus.QuoteMarks)
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

// renderNumber writes a quantity for the reply's language. In the
// articles' language it is the article's own words ("3,000 people",
// "€7.5 million"). In another it is the value written the way that
// language writes numbers ("3 000", "7.500.000 €"): the quote beside it
// says what is counted, and a unit is not translated where its grammar
// (plural, case) could go wrong.
func (e *Engine) renderNumber(l *lang.Language, n corpus.Number) string {
	if l.Code == e.article.l.Code || n.Value != math.Trunc(n.Value) && n.Value < 1000 && !strings.ContainsAny(n.Text, "0123456789") {
		return n.Text
	}
	text := formatNumber(n.Value, l.Message("digit_group", nil), l.Message("decimal_mark", nil))
	if n.Unit != "" && !unicode.IsLetter([]rune(n.Unit)[0]) {
		text += " " + n.Unit // a currency sign or a percent sign
	}
	return text
}

// formatNumber writes v with digit groups of three and a decimal mark.
func formatNumber(v float64, group, decimal string) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 && len(intPart) > 4 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(decimal + frac)
	}
	return b.String()
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
// use: a name counts as used when any of its words is ("who is Kovac's
// rival?" is not answered by "Anna Kovac").
func (e *Engine) unmentionedNames(q *query, s *corpus.Sentence, kind corpus.NameKind) []corpus.Span {
	var out []corpus.Span
	for _, n := range s.Facts.Names {
		if n.Kind == kind && !e.mentionsAny(q, n.Text) {
			out = append(out, n.Span)
		}
	}
	return out
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
