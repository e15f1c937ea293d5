package qa

// Answering a turn: a fresh question as Ask does, a follow-up with the
// words of the frame it refers to, ranked near what was just discussed.

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

// fresh answers a question that starts a new frame, exactly as Ask does,
// unless it is ambiguous enough to ask which reading is meant.
func (s *Conversations) fresh(ctx context.Context, c *Conversation, t *turn) (Answer, error) {
	f := &frame{kind: t.q.kind, doc: -1, picked: -1}
	for _, g := range t.own {
		f.topic = append(f.topic, topicGroup{g: g, w: 1})
	}
	if old := c.f; old != nil {
		f.ents = old.ents
		f.recent = old.recent
	}
	c.f = f
	if a, ok := s.clarifyFresh(ctx, c, t); ok {
		return a, nil
	}
	a, err := s.e.Ask(ctx, Question{Text: t.core(), Lang: t.l.Code, Reply: t.out.Code})
	if err != nil {
		return a, err
	}
	a.Turn = TurnFresh
	doc := -1
	if a.Answered {
		doc = s.docOf(a.Quote)
	}
	s.remember(c, t, doc, a.Text, nil)
	return a, nil
}

// followUp answers a question that refers back to the frame.
func (s *Conversations) followUp(ctx context.Context, c *Conversation, t *turn, kind Turn) Answer {
	f := c.f
	if kind == TurnEllipsis && f.picked >= 0 {
		if i := s.otherChoice(f, t); i >= 0 {
			a := s.answerChoice(c, t, i)
			a.Turn = kind
			return a
		}
	}
	m := s.modeOf(t, kind)
	q, refs, topic := s.contextQuery(f, t, kind, m)
	var res result
	switch {
	case m == modeVague && t.vague:
		if a, ok := s.clarifyVague(c, t, q); ok {
			a.Turn = kind
			return a
		}
		fallthrough
	case m == modeVague:
		// "since when?", "by who?", "when was that?": the same event,
		// so the sentence just quoted when it has such a fact.
		if f.doc >= 0 && isFactKind(q.kind) {
			if x, ok := s.e.extract(q, f.doc); ok && x.typed {
				res = result{found: true, doc: f.doc, text: x.text, score: 1}
			}
		}
	}
	// A pronoun stands for something of the article just quoted: in a
	// corpus of several articles, the answer is in that one.
	art := -1
	if f.doc >= 0 && m != modeEntity && len(t.prons) > 0 {
		art = s.e.idx.docs[f.doc].artIdx
	}
	if !res.found {
		var require []termGroup
		if m == modeEntity {
			require = s.entityGroups(t)
		}
		res = s.answerInContext(ctx, f, q, search{near: m != modeEntity, ctx: topic, require: require, onlyArt: art, refs: refs})
	}
	if !res.found && len(t.own) > 0 && m != modeVague {
		// A complete question after all ("and what does she do?"):
		// its own words, with the context as a tie-breaker only.
		own := *q
		own.group = append([]termGroup(nil), t.own...)
		own.group = append(own.group, refs...)
		res = s.answerInContext(ctx, f, &own, search{near: true, ctx: topic, onlyArt: art, refs: refs})
	}
	if !res.found && m == modeRelation && f.doc >= 0 && q.kind != KindYesNo && (len(t.prons) > 0 || !t.refs) && s.allUnknown(t.own) {
		// "wem wurde er angelastet?", "¿y quién estuvo detrás?": about
		// what was just said (a pronoun, or no noun phrase of its own),
		// in words the article does not use. The sentence just quoted
		// answers when it has a fact of the kind.
		if x, ok := s.e.extract(q, f.doc); ok && x.typed {
			res = result{found: true, doc: f.doc, text: x.text, score: 1}
		}
	}
	a := s.toAnswer(t, q, res)
	a.Turn = kind
	// The new frame: this question's words, the referents, and the older
	// topic fading.
	nf := &frame{kind: q.kind, doc: f.doc, text: f.text, ents: f.ents, recent: f.recent, shown: f.shown, picked: -1}
	for _, g := range t.own {
		nf.topic = append(nf.topic, topicGroup{g: g, w: 1})
	}
	for _, g := range refs {
		nf.topic = append(nf.topic, topicGroup{g: g, w: 1})
	}
	fade := topicFade
	if m == modeEntity || m == modeVague {
		fade = 1 // "and the EU?" keeps the question it repeats
	}
	for _, tg := range f.topic {
		if m == modeEntity && s.replaced(tg.g, t.own) {
			continue
		}
		if w := tg.w * fade; w >= topicMin {
			nf.topic = append(nf.topic, topicGroup{g: tg.g, w: w})
		}
	}
	nf.topic = dedupTopic(nf.topic)
	c.f = nf
	doc := -1
	if a.Answered {
		doc = res.doc
	}
	s.remember(c, t, doc, a.Text, refs)
	return a
}

// dedupTopic keeps the first (newest, heaviest) of the topic words that
// say the same thing: "WMO" asked, then resolved from "they".
func dedupTopic(topic []topicGroup) []topicGroup {
	out := topic[:0]
	seen := map[string]bool{}
	for _, tg := range topic {
		key := lang.Fold(tg.g.surface)
		if len(tg.g.alts) > 0 {
			key = strings.Join(tg.g.alts[0].stems, " ")
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, tg)
	}
	return out
}

// A mode is how a follow-up uses the frame.
type mode int

const (
	// modeVague: nothing but a question word and pronouns ("since
	// when?", "when did it happen?"): the last question, asked anew.
	modeVague mode = iota
	// modeEntity: the last question about a new name or date ("and the
	// EU?", "and in 1981?").
	modeEntity
	// modeRelation: something new about what was just said ("what did
	// he say about the damage?", "and injured?").
	modeRelation
)

func (s *Conversations) modeOf(t *turn, kind Turn) mode {
	switch {
	case len(t.own) == 0:
		return modeVague
	case kind == TurnEllipsis && s.newEntity(t):
		return modeEntity
	}
	return modeRelation
}

// newEntity reports whether the message names something or gives a
// number or year.
func (s *Conversations) newEntity(t *turn) bool {
	for _, g := range t.own {
		if s.isNameLike(g) || isNumberGroup(g) {
			return true
		}
	}
	return false
}

// entityGroups returns the names, numbers and years of the message: an
// ellipsis must be answered by a sentence that has them.
func (s *Conversations) entityGroups(t *turn) []termGroup {
	var out []termGroup
	for _, g := range t.own {
		if s.isNameLike(g) || isNumberGroup(g) {
			out = append(out, g)
		}
	}
	return out
}

// allUnknown reports whether the corpus has none of the words the user
// wrote (or their translations); synonyms do not count.
func (s *Conversations) allUnknown(own []termGroup) bool {
	for _, g := range own {
		if len(g.alts) > 0 && g.alts[0].weight >= weightCorrected && s.e.known(g.alts[:1]) {
			return false
		}
	}
	return true
}

// replaced reports whether an ellipsis puts a new word in the place of g:
// a number or year for a number, a name for a name of the same kind ("and
// the EU?" after the UN replaces the UN, not the country asked about).
func (s *Conversations) replaced(g termGroup, own []termGroup) bool {
	for _, o := range own {
		switch {
		case isNumberGroup(g) && isNumberGroup(o):
			return true
		case s.isNameLike(g) && s.isNameLike(o) && !isNumberGroup(o):
			kg, okg := s.groupKind(g)
			ko, oko := s.groupKind(o)
			if okg && oko && kg == ko {
				return true
			}
		}
	}
	return false
}

// groupKind returns the kind of the corpus name a question word or one of
// its alternatives names ("EU" -> "European Union", an organisation).
func (s *Conversations) groupKind(g termGroup) (corpus.NameKind, bool) {
	for _, a := range g.alts {
		found, kind := false, corpus.NameOther
		for _, st := range a.stems {
			if k, ok := s.nameKinds[st]; ok {
				found = true
				if k != corpus.NameOther {
					kind = k
				}
			}
		}
		if found {
			return kind, true
		}
	}
	return corpus.NameOther, false
}

// contextQuery builds the question a follow-up asks: its own words, the
// entities its pronouns stand for, and the earlier topic. It returns the
// referent groups it added, and the earlier words it added as context
// only (at their full weight, for liftCoverage).
func (s *Conversations) contextQuery(f *frame, t *turn, kind Turn, m mode) (q *query, refs []termGroup, ctx []topicGroup) {
	q = t.q
	q.group = append([]termGroup(nil), t.own...)
	q.fromFrame = nil
	// The question as resolved is the text with each word of the frame it
	// stands for and does not say, once (query.resolvedRunes).
	said := map[string]bool{}
	for _, w := range words(t.text) {
		said[lang.Fold(w)] = true
	}
	fromFrame := func(surface string) {
		for _, w := range words(surface) {
			if k := lang.Fold(w); !said[k] {
				said[k] = true
				q.fromFrame = append(q.fromFrame, w)
			}
		}
	}
	switch {
	case t.phrase:
		// The message asks its own kind of question.
	case m != modeRelation || kind == TurnEllipsis:
		q.kind = f.kind // "and the EU?", "and the attack?": the last question's kind
	}
	newRelation := false
	for _, g := range t.own {
		if !s.isNameLike(g) && !isNumberGroup(g) {
			newRelation = true
		}
	}
	if m == modeRelation {
		// What a pronoun stands for raises the sentences that have it,
		// and makes up coverage as the context does; it is not required,
		// as "what did he say?" is answered by a quote that does not
		// repeat his name, and a wrong guess must not cost the answer.
		for _, ent := range s.resolve(f, t) {
			refs = append(refs, s.entityGroup(ent))
			fromFrame(ent.text)
			// One word at a time, as a question would name it: a
			// sentence with the surname alone ("Halvorsen said") counts.
			for _, st := range ent.stems {
				g := s.entityGroup(entity{text: st, stems: []string{st}})
				scored := scaleGroup(g, 1)
				scored.idf = 0
				q.group = append(q.group, scored)
				ctx = append(ctx, topicGroup{g: g, w: 1.0 / float64(len(ent.stems))})
				q.mentioned[st] = true
			}
		}
	}
	for _, tg := range f.topic {
		w := tg.w
		if m == modeEntity && s.replaced(tg.g, t.own) {
			continue
		}
		fromFrame(tg.g.surface)
		switch {
		case m == modeVague, m == modeEntity && !newRelation:
			// The repeated question's own words count in full.
		default:
			// Beside new words, the old ones only break ties: they add
			// to a sentence's score but not to its coverage, so a
			// sentence need not repeat the whole conversation to answer.
			g := scaleGroup(tg.g, w*weightContext)
			g.idf = 0
			q.group = append(q.group, g)
			ctx = append(ctx, tg)
			continue
		}
		q.group = append(q.group, scaleGroup(tg.g, w))
	}
	// The words the question says, which the short answer must not
	// repeat and which the date or name picked should be near. In
	// context only, the earlier topic says neither.
	for _, g := range q.group {
		if g.idf == 0 {
			continue
		}
		for _, a := range g.alts {
			for _, st := range a.stems {
				q.mentioned[st] = true
			}
		}
	}
	return q, refs, ctx
}

// words splits text into its words: runs of letters and digits.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// scaleGroup returns g counting w times as much, in score and coverage.
func scaleGroup(g termGroup, w float64) termGroup {
	out := termGroup{surface: g.surface, idf: g.idf * w, unknown: g.unknown, alts: make([]alt, len(g.alts))}
	for i, a := range g.alts {
		out.alts[i] = alt{stems: a.stems, weight: a.weight * w}
	}
	return out
}

// A search says how a follow-up's question is answered in context.
type search struct {
	near    bool         // favour the sentences just discussed (not for "and the EU?")
	ctx     []topicGroup // earlier words that may make up coverage
	require []termGroup  // words every answer must have ("and Rama?")
	onlyArt int          // the article to keep to; -1 for any
	refs    []termGroup  // what the pronouns stand for
}

// answerInContext ranks sentences for a follow-up, favours the sentences
// the conversation was just about, and picks as Ask does.
func (s *Conversations) answerInContext(ctx context.Context, f *frame, q *query, sr search) result {
	e := s.e
	if len(q.group) == 0 {
		return result{}
	}
	ranked := e.rank(ctx, q)
	if sr.onlyArt >= 0 {
		kept := ranked[:0]
		for _, r := range ranked {
			if e.idx.docs[r.doc].artIdx == sr.onlyArt {
				kept = append(kept, r)
			}
		}
		ranked = kept
	}
	for _, g := range sr.require {
		// "and Rama?" is not answered by the sentence about Watson:
		// keep the sentences that have the new name (or are said by it).
		docs := s.docsWith(g)
		kept := ranked[:0]
		for _, r := range ranked {
			if docs[r.doc] {
				kept = append(kept, r)
			}
		}
		ranked = kept
	}
	s.liftCoverage(ranked, sr.ctx)
	// "What did he say?": the sentences just discussed are favoured when
	// they are about him.
	var about map[int]bool
	if len(sr.refs) > 0 {
		about = map[int]bool{}
		for _, g := range sr.refs {
			for d := range s.docsWith(g) {
				about[d] = true
			}
		}
	}
	art := -1
	if f.doc >= 0 {
		art = e.idx.docs[f.doc].artIdx
	}
	// The sentences just discussed win ties, not against a sentence that
	// matches more of what the user asked now.
	bestCover := 0.0
	for i, r := range ranked {
		if i >= clarifyDepth {
			break
		}
		bestCover = max(bestCover, r.coverage)
	}
	for i := range ranked {
		d := ranked[i].doc
		switch {
		case !sr.near || ranked[i].coverage < bestCover-priorSlack || about != nil && !about[d]:
		case d == f.doc:
			ranked[i].score *= priorLast
		case f.doc >= 0 && (d == f.doc+1 || d == f.doc-1) || containsInt(f.recent, d):
			ranked[i].score *= priorRecent
		}
		if art >= 0 && e.idx.docs[d].artIdx == art {
			ranked[i].score *= priorArticle
		}
	}
	sort.SliceStable(ranked, func(i, j int) bool {
		if ranked[i].score != ranked[j].score {
			return ranked[i].score > ranked[j].score
		}
		return ranked[i].doc < ranked[j].doc
	})
	return e.pick(q, ranked)
}

// docsWith returns the sentences that have a word of g, in their text or
// in what the index gives them (the speaker a "he said" stands for).
func (s *Conversations) docsWith(g termGroup) map[int]bool {
	out := map[int]bool{}
	for _, a := range g.alts {
		for _, st := range a.stems {
			tid, ok := s.e.idx.termID(st)
			if !ok {
				continue
			}
			for _, p := range s.e.idx.post[tid] {
				out[int(p.doc)] = true
			}
		}
	}
	return out
}

// liftCoverage lets the context make up part of what a follow-up's own
// words leave unmatched: a sentence that has the earlier topic answers
// "who was blamed for it?" though it says "accused", not "blamed". It
// never lowers a coverage, so a sentence need not repeat the whole
// conversation.
func (s *Conversations) liftCoverage(ranked []ranked, ctx []topicGroup) {
	total := 0.0
	for _, tg := range ctx {
		total += tg.g.idf
	}
	if total == 0 {
		return
	}
	for i := range ranked {
		if ranked[i].relation == 0 {
			continue // the new words must say something of the sentence
		}
		have := map[string]bool{}
		for _, tk := range s.e.idx.docs[ranked[i].doc].toks {
			if tk.stem != "" {
				have[tk.stem] = true
			}
		}
		got := 0.0
		for _, tg := range ctx {
			if groupIn(tg.g, have) {
				got += tg.g.idf * tg.w // older words lift less
			}
		}
		share := contextCredit * got / total
		r := &ranked[i]
		r.coverage += (1 - r.coverage) * share
		r.relation += (1 - r.relation) * share
	}
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// toAnswer turns a result into the reply to turn t.
func (s *Conversations) toAnswer(t *turn, q *query, res result) Answer {
	a := Answer{Question: t.text, Lang: t.out.Code, Kind: q.kind}
	if res.found {
		a.Answered = true
		a.Text = res.text
		a.Quote = s.e.cite(res.doc)
		a.Score = s.e.answerScore(res)
		return a
	}
	a.Reason = ReasonNotFound
	a.Suggestions = res.suggestions
	return a
}

// docOf returns the index of the sentence a citation points at, or -1.
func (s *Conversations) docOf(c Citation) int {
	for i := range s.e.idx.docs {
		d := &s.e.idx.docs[i]
		if d.sentence.Index == c.Sentence && d.article.ID == c.ArticleID {
			return i
		}
	}
	return -1
}
