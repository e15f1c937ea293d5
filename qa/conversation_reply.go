package qa

import (
	"context"
	"strings"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

// smallTalk answers greetings, thanks, goodbyes and "what can you do?"
// in the language they are written in, or in the forced language. Such
// messages are too short to identify, so the cues of the detected
// language are tried first, then the hint's, then every language's.
func (s *Conversations) smallTalk(text string, l *lang.Language, hint, forced string) (Answer, bool) {
	_, words := foldedTokens(text)
	if len(words) == 0 || len(words) > 10 {
		return Answer{}, false
	}
	order := make([]*lang.Language, 0, 12)
	if l != nil {
		order = append(order, l)
	}
	if h, ok := s.e.langs.Get(hint); ok {
		order = append(order, h)
	}
	// A word several languages greet with ("hi" is English and German)
	// is read in the articles' language before the others.
	order = append(order, s.e.article.l)
	order = append(order, s.e.langs.Languages()...)
	for _, cand := range order {
		used, ok := s.cuesOf(cand.Code).coverAll(words, smallTalkCues)
		if !ok {
			continue
		}
		if fl, ok := s.e.langs.Get(forced); ok {
			cand = fl
		}
		id := "greeting"
		switch {
		case used[cueCapabilities]:
			id = "capabilities"
		case used[cueThanks]:
			id = "thanks_reply"
		case used[cueBye]:
			id = "goodbye"
		}
		return Answer{
			Question: text, Lang: cand.Code, Reason: ReasonSmallTalk, Turn: TurnSmallTalk,
			Message: cand.Message(id, map[string]string{"title": s.titles()}),
		}, true
	}
	return Answer{}, false
}

// titles names the articles for small talk: “A”, “B”.
func (s *Conversations) titles() string {
	var titles []string
	for _, a := range s.e.corpus.Articles {
		titles = append(titles, a.Title)
	}
	return strings.Join(titles, "”, “")
}

// request answers a request about the last answer.
func (s *Conversations) request(ctx context.Context, c *Conversation, t *turn) Answer {
	f := c.f
	a := Answer{Question: t.text, Lang: t.out.Code}
	if f == nil || f.doc < 0 && t.request != cueMore {
		if f != nil && t.request == cueWhy {
			// "why?" after a question the article did not answer: ask
			// it again as a why-question.
			return s.followUp(ctx, c, t, TurnEllipsis)
		}
		a.Reason = ReasonNoContext
		a.Message = t.out.Message(string(ReasonNoContext), nil)
		a.Turn = requestTurn(t.request)
		return a
	}
	a.Kind = f.kind
	switch t.request {
	case cueSource:
		a.Turn = TurnSource
		s.quote(&a, f.doc, f.text)
		a.Context = s.paragraph(f.doc)
	case cueWhy:
		a.Turn = TurnWhy
		a.Kind = KindWhy
		d, text := s.reason(f, t)
		s.quote(&a, d, text)
		s.remember(c, t, d, text, nil)
	case cueWhoSaid:
		a.Turn = TurnWhoSaid
		a.Kind = KindWho
		sp := s.speakerOf(f.doc)
		if sp == "" {
			// Nobody is quoted: the article itself says it.
			sp = s.author(f.doc)
		}
		s.quote(&a, f.doc, sp)
		// "what else did he say?" now means the speaker.
		st := s.e.article.stems(sp)
		if len(st) > 0 {
			f.ents = mergeEntities([]entity{{text: sp, stems: st, kind: s.speakerKind(st)}}, f.ents)
		}
	case cueMore:
		a.Turn = TurnMore
		d := s.next(ctx, f, t)
		if d < 0 {
			a.Reason = ReasonNoMore
			a.Message = t.out.Message(string(ReasonNoMore), nil)
			return a
		}
		s.quote(&a, d, "")
		s.remember(c, t, d, "", nil)
	}
	return a
}

func requestTurn(cat string) Turn {
	switch cat {
	case cueSource:
		return TurnSource
	case cueWhy:
		return TurnWhy
	case cueWhoSaid:
		return TurnWhoSaid
	}
	return TurnMore
}

// quote fills a with sentence d as the answer.
func (s *Conversations) quote(a *Answer, d int, text string) {
	a.Answered = true
	a.Reason = ReasonNone
	a.Quote = s.e.cite(d)
	a.Text = text
}

// paragraph returns the text of the paragraph sentence d stands in.
func (s *Conversations) paragraph(d int) string {
	doc := &s.e.idx.docs[d]
	p := doc.sentence.Paragraph
	if p < 0 || p >= len(doc.article.Paragraphs) {
		return doc.sentence.Text
	}
	par := doc.article.Paragraphs[p]
	if par.Start < 0 || par.End > len(doc.article.Text) || par.Start >= par.End {
		return doc.sentence.Text
	}
	return strings.TrimSpace(doc.article.Text[par.Start:par.End])
}

// reason answers "why?" about the last answer: the reason clause of its
// sentence ("because ...", "accused of ..."), else the next sentence when
// it gives one, else the sentence itself with what it says beyond the
// question.
func (s *Conversations) reason(f *frame, t *turn) (int, string) {
	e := s.e
	d := f.doc
	if c := e.cues.cut(&e.idx.docs[d], "why"); c != "" {
		return d, c
	}
	if n := d + 1; n < len(e.idx.docs) && e.idx.docs[n].artIdx == e.idx.docs[d].artIdx {
		if c := e.cues.cut(&e.idx.docs[n], "why"); c != "" {
			return n, c
		}
	}
	q := &query{text: t.text, lang: t.l, out: t.out, kind: KindWhy, focus: map[string]bool{}, mentioned: map[string]bool{}}
	for _, tg := range f.topic {
		for _, a := range tg.g.alts {
			for _, st := range a.stems {
				q.mentioned[st] = true
			}
		}
	}
	return d, e.rest(q, &e.idx.docs[d])
}

// speakerOf returns who says sentence d: the speaker of its quote, the
// subject of its verb of saying ("The union says ...", "la préfecture a
// annoncé ..."), the speaker after it ("..., a annoncé jeudi la
// préfecture", "..., sagte am Montag ein Sprecher"), or its first person.
// The verbs of saying are those of the sentence's own language.
func (s *Conversations) speakerOf(d int) string {
	e := s.e
	doc := &e.idx.docs[d]
	if q := doc.sentence.Facts.Quote; q != nil && q.Resolved != "" {
		return q.Resolved
	}
	cues := e.cuesFor(doc)
	for i, tk := range doc.toks {
		if !cues.says(tk) {
			continue
		}
		if sp, pron := s.speakerAround(doc, cues, i); sp != "" {
			if pron >= 0 {
				if p := s.personBefore(d, doc.toks[pron].Start); p != "" {
					return p // "..., sagte er": the person named last
				}
			}
			return sp
		}
	}
	for _, n := range doc.sentence.Facts.Names {
		if n.Kind == corpus.NamePerson {
			return n.Text
		}
	}
	return ""
}

// maxSpeakerWords bounds a speaker read around a verb of saying: a longer
// run is a clause, not who speaks.
const maxSpeakerWords = 6

// personBefore returns the person named last before byte off of sentence
// d, in it or in the sentences of its article before it: who a pronoun
// speaker stands for, as the fact extractor resolves "dit-il". "" when
// none is named.
func (s *Conversations) personBefore(d, off int) string {
	docs := s.e.idx.docs
	for k := d; k >= 0 && docs[k].artIdx == docs[d].artIdx; k-- {
		names := docs[k].sentence.Facts.Names
		for i := len(names) - 1; i >= 0; i-- {
			if n := names[i]; n.Kind == corpus.NamePerson && (k < d || n.End <= off) {
				return n.Text
			}
		}
	}
	return ""
}

// speakerAround returns who speaks by the verb of saying doc.toks[v], and
// the index of its token when it is a pronoun (else -1):
//   - a pronoun just before it, auxiliaries aside ("he said", "Il a
//     annoncé");
//   - the words of its clause before it, without the function words that
//     open it ("wie") and the auxiliaries and dates that close it ("Le
//     préfet a annoncé": "Le préfet"), or when they are too many, the
//     person named there;
//   - the person just before the clause's comma ("La maire, Anne Roux,
//     estime");
//   - when only function words stand before it, the words after it up to
//     the clause's end, without the dates before and after them ("a
//     annoncé jeudi la préfecture de Savoie": "la préfecture de Savoie";
//     "said the ministry on Monday": "the ministry"), when they open with
//     a word, a determiner or a pronoun ("insisted that ..." does not).
//
// "" when the verb follows "and" (its subject is an earlier verb's) or
// nothing fits.
func (s *Conversations) speakerAround(doc *doc, c *cues, v int) (string, int) {
	text := doc.sentence.Text
	names := doc.sentence.Facts.Names
	toks := doc.toks
	verb := toks[v]
	inDate := func(k int) bool {
		for _, x := range doc.sentence.Facts.Dates {
			// The date, or the function word that opens it ("в
			// пятницу", "on Monday") where the date leaves it out.
			for _, t := range toks[k:min(k+2, len(toks))] {
				if t.Start >= x.Start && t.End <= x.End {
					return true
				}
				if toks[k].stem != "" {
					break
				}
			}
		}
		return false
	}
	start := lastMarkEnd(text[:verb.Start], ",;:"+corpus.QuoteMarks)
	subjEnd, trimmed := -1, false
	for k := v - 1; k >= 0 && toks[k].Start >= start; k-- {
		t := toks[k]
		if t.stem != "" && !inDate(k) {
			subjEnd = t.End
			break
		}
		if t.stem == "" && s.isAnd(doc, t.folded) {
			return "", -1 // "a déclenché le plan et promis": an earlier verb's subject
		}
		if t.stem == "" && c.pronouns[t.folded] {
			return t.Text, k
		}
		trimmed = true
	}
	if subjEnd >= 0 {
		from := start
		for k := v - 1; k >= 0 && toks[k].Start >= start; k-- {
			if t := toks[k]; t.stem != "" || c.determiners[t.folded] || c.pronouns[t.folded] {
				from = t.Start
			}
		}
		to := verb.Start
		if trimmed {
			to = subjEnd
		}
		if sp := withinSpeakerWords(strings.TrimSpace(text[from:to])); sp != "" {
			return sp, -1
		}
		for i := len(names) - 1; i >= 0; i-- {
			if n := names[i]; n.Kind == corpus.NamePerson && n.Start >= start && n.End <= subjEnd {
				return n.Text, -1
			}
		}
		return "", -1
	}
	if start > 0 && text[start-1] == ',' {
		for _, n := range names {
			if n.Kind == corpus.NamePerson && strings.TrimSpace(text[n.End:start-1]) == "" {
				return n.Text, -1 // "La maire de Vernaz, Sophie Duclos, estime"
			}
		}
	}
	end := len(text)
	if i := strings.IndexAny(text[verb.End:], ",;:.!?()"+corpus.QuoteMarks); i >= 0 {
		end = verb.End + i
	}
	from, to := -1, -1 // the speaker's first and last tokens after the verb
	for k := v + 1; k < len(toks) && toks[k].End <= end; k++ {
		t := toks[k]
		if inDate(k) {
			if to >= 0 {
				break // "the ministry on Monday"
			}
			from = -1 // "jeudi la préfecture": the date is not the speaker
			continue
		}
		if from < 0 {
			if t.stem == "" && !c.determiners[t.folded] && !c.pronouns[t.folded] {
				return "", -1 // "insisted that ...": what was said
			}
			if t.stem == "" && c.pronouns[t.folded] {
				return t.Text, k // "..., sagte er"
			}
			from = k
		}
		if t.stem != "" {
			to = k
		}
	}
	if to < 0 {
		return "", -1
	}
	// A phrase too long to be who speaks is cut before the last function
	// word that keeps it within maxSpeakerWords ("les hydrologues du bureau
	// des recherches côtières et portuaires de Halsholm": "les hydrologues du
	// bureau").
	for k := to; k > from; k-- {
		if sp := withinSpeakerWords(text[toks[from].Start:toks[k].End]); sp != "" && (k == to || toks[k].stem != "" && toks[k+1].stem == "") {
			return sp, -1
		}
	}
	return withinSpeakerWords(text[toks[from].Start:toks[to].End]), -1
}

// isAnd reports whether a folded function word joins two clauses in the
// language of doc: the one-word "and" cues of chat.tsv ("and", "et",
// "und", "и").
func (s *Conversations) isAnd(doc *doc, folded string) bool {
	c := s.cues[doc.an.l.Code]
	if c == nil {
		return false
	}
	for _, p := range c.phrases[cueAnd] {
		if len(p) == 1 && p[0] == folded {
			return true
		}
	}
	return false
}

// withinSpeakerWords returns s when it is short enough to be a speaker,
// else "".
func withinSpeakerWords(s string) string {
	if n := len(strings.Fields(s)); n == 0 || n > maxSpeakerWords {
		return ""
	}
	return s
}

// cuesFor returns the cues of the language sentence d is read in: a
// corpus may mix languages, and unless Options.ArticleLang forces one,
// e.cues are the default language's (English).
func (e *Engine) cuesFor(d *doc) *cues {
	if d.an != nil && d.an.l.Code != e.cues.an.l.Code && e.res != nil {
		if c, err := e.res.cuesOf(d.an.l.Code); err == nil {
			return c
		}
	}
	return e.cues
}

// author names who wrote the article of sentence d: its byline, else its
// sources, else its title.
func (s *Conversations) author(d int) string {
	a := s.e.idx.docs[d].article
	for _, v := range []string{a.Meta.Byline, a.Meta.Source, a.Title} {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

func (s *Conversations) speakerKind(stems []string) corpus.NameKind {
	if k := s.kindOf(stems); k != corpus.NameOther {
		return k
	}
	return corpus.NameOrg // "the union", "the ministry": a body that speaks
}

// next chooses the sentence "tell me more" gives: the next sentences of
// the article not shown yet (by the same speaker when the user asks what
// else he or she said), else the best sentence on the topic not shown.
func (s *Conversations) next(ctx context.Context, f *frame, t *turn) int {
	e := s.e
	if f.doc >= 0 {
		art := e.idx.docs[f.doc].artIdx
		var cands []int
		for d := f.doc + 1; d < len(e.idx.docs) && d <= f.doc+3 && e.idx.docs[d].artIdx == art; d++ {
			if !containsInt(f.shown, d) {
				cands = append(cands, d)
			}
		}
		if sp := s.speakerOf(f.doc); sp != "" && s.asksPerson(t) {
			for _, d := range cands {
				if s.speakerOf(d) == sp {
					return d
				}
			}
		}
		if len(cands) > 0 {
			return cands[0]
		}
	}
	q := &query{text: t.text, lang: t.l, out: t.out, kind: f.kind, focus: map[string]bool{}, mentioned: map[string]bool{}}
	for _, tg := range f.topic {
		q.group = append(q.group, scaleGroup(tg.g, tg.w))
	}
	if len(q.group) == 0 {
		return -1
	}
	for _, r := range e.rank(ctx, q) {
		if !containsInt(f.shown, r.doc) && r.coverage >= e.opts.MinCoverage {
			return r.doc
		}
	}
	return -1
}

// asksPerson reports whether the message has a pronoun for a person.
func (s *Conversations) asksPerson(t *turn) bool {
	for _, p := range t.prons {
		if p.class == pronPerson || p.class == pronAny && p.number != 'p' {
			return true
		}
	}
	return false
}

// clarifyVague asks which reading is meant when a question with nothing
// but a pronoun ("when did it happen?", "wann war das?") finds several
// facts of its kind in the last answer's sentence.
func (s *Conversations) clarifyVague(c *Conversation, t *turn, q *query) (Answer, bool) {
	f := c.f
	if f.doc < 0 || !isFactKind(q.kind) {
		return Answer{}, false
	}
	var choices []choice
	seen := map[string]bool{}
	for _, fact := range s.facts(q, f.doc) {
		if seen[fact.value] || len(choices) == maxChoices {
			continue
		}
		seen[fact.value] = true
		choices = append(choices, s.newChoice(f.doc, fact.start, fact.end, fact.text))
	}
	if len(choices) < 2 {
		return Answer{}, false
	}
	f.kind = q.kind
	return s.clarify(f, t, choices), true
}

// A fact is a candidate short answer in a sentence.
type fact struct {
	text, value string
	start, end  int
}

// facts returns the facts of the query's kind in sentence d, in order.
func (s *Conversations) facts(q *query, d int) []fact {
	e := s.e
	sen := e.idx.docs[d].sentence
	if k := kinds[q.kind]; k.facts != nil {
		return k.facts(e, q, sen)
	}
	return nil
}

// clarifyFresh asks which reading is meant when a short new question
// ("when was the attack?", "when's the next meeting?") names a thing the
// article tells of more than once, with different answers: several
// sentences of one article match all of it and give different facts.
func (s *Conversations) clarifyFresh(ctx context.Context, c *Conversation, t *turn) (Answer, bool) {
	e := s.e
	q := t.q
	if !kinds[q.kind].clarifyFresh || t.names > 0 || len(t.own) == 0 || len(t.own) > 2 || len(q.group) == 0 {
		return Answer{}, false
	}
	for _, g := range t.own {
		if isNumberGroup(g) {
			return Answer{}, false
		}
	}
	ranked := e.rankTop(ctx, q, clarifyDepth)
	if len(ranked) < 2 {
		return Answer{}, false
	}
	top := ranked[0].score
	art := -1
	var choices []choice
	seen := map[string]bool{}
	for i, r := range ranked {
		if i >= clarifyDepth || r.score < clarifyRatio*top || len(choices) == maxChoices {
			break
		}
		if r.coverage < e.opts.MinCoverage {
			continue
		}
		if art >= 0 && e.idx.docs[r.doc].artIdx != art {
			continue
		}
		x, ok := e.extract(q, r.doc)
		text := x.text
		key := strings.ToLower(text)
		if !ok || !x.typed || text == "" || seen[key] {
			continue
		}
		seen[key] = true
		art = e.idx.docs[r.doc].artIdx
		fs, fe := s.factSpan(q, r.doc, text)
		choices = append(choices, s.newChoice(r.doc, fs, fe, text))
	}
	if len(choices) < 2 {
		return Answer{}, false
	}
	c.f.kind = q.kind
	return s.clarify(c.f, t, choices[:2]), true
}

// How far down the ranking readings of a fresh question are looked for.
const clarifyDepth = 8

// factSpan returns where in sentence d the short answer text stands, or
// the first word the question matched.
func (s *Conversations) factSpan(q *query, d int, text string) (int, int) {
	sen := s.e.idx.docs[d].sentence.Text
	for _, x := range s.facts(q, d) {
		if x.text == text {
			return x.start, x.end
		}
	}
	if i := strings.Index(sen, text); i >= 0 {
		return i, i + len(text)
	}
	return s.matchedSpan(q, d)
}

// matchedSpan returns the offsets of the first word of sentence d that the
// question matched.
func (s *Conversations) matchedSpan(q *query, d int) (int, int) {
	for _, tk := range s.e.idx.docs[d].toks {
		if tk.stem == "" {
			continue
		}
		for _, g := range q.group {
			for _, a := range g.alts {
				if containsString(a.stems, tk.stem) {
					return tk.Start, tk.End
				}
			}
		}
	}
	return 0, 0
}

// newChoice makes a reading of the fact at [start,end) of sentence doc:
// its clause is the label, and the words of the clause count more than
// the rest of the sentence when the user picks by naming it ("the one in
// Rome").
func (s *Conversations) newChoice(doc, start, end int, text string) choice {
	sen := s.e.idx.docs[doc].sentence.Text
	label := labelAround(sen, start, end)
	ch := choice{label: label, doc: doc, text: text, stems: map[string]float64{}}
	for _, st := range s.e.article.stems(sen) {
		ch.stems[st] = 0.5
	}
	for _, st := range s.e.article.stems(label) {
		ch.stems[st] = 1
	}
	return ch
}

// clarify asks which of the choices the user means.
func (s *Conversations) clarify(f *frame, t *turn, choices []choice) Answer {
	f.pending, f.choices, f.picked = true, choices, -1
	labels := make([]string, len(choices))
	for i, ch := range choices {
		labels[i] = ch.label
	}
	return Answer{
		Question: t.text, Lang: t.out.Code, Kind: t.q.kind, Reason: ReasonClarify, Turn: t.turnOr(TurnFresh),
		Clarify: labels,
		Message: t.out.Message("clarify_which", map[string]string{"first": "“" + labels[0] + "”", "second": "“" + labels[1] + "”"}),
	}
}

// turnOr returns how the clarified question was read: fresh for a new
// question, a pronoun follow-up when it had nothing but a pronoun.
func (t *turn) turnOr(def Turn) Turn {
	if len(t.own) == 0 && len(t.prons) > 0 {
		return TurnPronoun
	}
	return def
}

// labelAround names a reading by the clause of text around [start,end):
// a few words before and after, up to the clause's punctuation. Quotation
// marks do not end a clause ("... infrastructure" on July 15) and are
// left out.
func labelAround(text string, start, end int) string {
	const before, after = 12, 6
	if start < 0 || end > len(text) || start > end {
		return ""
	}
	b := strings.LastIndexAny(text[:start], ",;:()") + 1
	en := strings.IndexAny(text[end:], ",;:().")
	if en < 0 {
		en = len(text)
	} else {
		en += end
	}
	pre := strings.Fields(text[b:start])
	if len(pre) > before {
		pre = pre[len(pre)-before:]
	}
	post := strings.Fields(text[end:en])
	if len(post) > after {
		post = post[:after]
	}
	parts := append(pre, strings.Fields(text[start:end])...)
	parts = append(parts, post...)
	label := strings.Join(parts, " ")
	label = strings.NewReplacer("\"", "", "“", "", "”", "", "«", "", "»", "").Replace(label)
	return strings.Trim(strings.Join(strings.Fields(label), " "), " ,;:")
}

// matchChoice returns the choice a message picks after a clarification
// question ("the first one", "the hack", "the one in Rome"), or -1 when
// it picks none: the user asked something else.
func (s *Conversations) matchChoice(f *frame, t *turn) int {
	if t.pick > 0 && t.pick <= len(f.choices) {
		return t.pick - 1
	}
	if len(t.own) > 3 {
		return -1
	}
	return s.overlapChoice(f, t, -1)
}

// overlapChoice returns the choice whose label shares the most of the
// message's words, or -1 when none or several tie. skip is a choice not
// to return.
func (s *Conversations) overlapChoice(f *frame, t *turn, skip int) int {
	best, bestScore, tie := -1, 0.0, false
	for i, ch := range f.choices {
		if i == skip {
			continue
		}
		score := 0.0
		for _, g := range t.own {
			score += g.idf * max(groupWeightIn(g, ch.stems), s.partsIn(g, ch.stems))
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = i, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if tie {
		return -1
	}
	return best
}

func groupIn(g termGroup, stems map[string]bool) bool {
	for _, a := range g.alts {
		for _, st := range a.stems {
			if stems[st] {
				return true
			}
		}
	}
	return false
}

// groupWeightIn returns the weight of the best word of g in stems.
func groupWeightIn(g termGroup, stems map[string]float64) float64 {
	best := 0.0
	for _, a := range g.alts {
		for _, st := range a.stems {
			best = max(best, stems[st])
		}
	}
	return best
}

// partsIn matches the parts of a hyphenated word ("nato-beitritt") one by
// one, as the parser may not know the whole.
func (s *Conversations) partsIn(g termGroup, stems map[string]float64) float64 {
	if !strings.ContainsAny(g.surface, "-‐") {
		return 0
	}
	best := 0.0
	for _, part := range strings.FieldsFunc(g.surface, func(r rune) bool { return r == '-' || r == '‐' }) {
		best = max(best, stems[s.e.article.stem(part)])
	}
	return best
}

// otherChoice returns the reading an ellipsis right after a pick refers
// to: the choice its words name, or the one left when its words name
// nothing the article knows ("and the breakup?").
func (s *Conversations) otherChoice(f *frame, t *turn) int {
	if i := s.overlapChoice(f, t, -1); i >= 0 {
		return i
	}
	if len(f.choices) != 2 || len(t.own) == 0 || t.phrase {
		return -1
	}
	for _, g := range t.own {
		if s.e.known(g.alts) {
			return -1
		}
	}
	return 1 - f.picked
}

// answerChoice answers with the reading a message picked.
func (s *Conversations) answerChoice(c *Conversation, t *turn, i int) Answer {
	f := c.f
	ch := f.choices[i]
	f.picked = i
	a := Answer{Question: t.text, Lang: t.out.Code, Kind: f.kind, Turn: TurnClarify}
	s.quote(&a, ch.doc, ch.text)
	a.Score = 1
	for _, g := range t.own {
		f.topic = append([]topicGroup{{g: g, w: 1}}, f.topic...)
	}
	s.remember(c, t, ch.doc, ch.text, nil)
	return a
}
