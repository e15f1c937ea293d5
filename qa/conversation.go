package qa

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

// A Conversation is what one conversation remembers between turns: the
// frame of the last question. Conversations owns them; the zero value is
// a conversation with nothing said yet.
type Conversation struct {
	mu   ctxMutex // one turn at a time, acquired with the turn's context
	lang string   // language of the last turn, the hint for the next
	f    *frame   // nil until the first question
}

// A frame is the context a follow-up refers to.
type frame struct {
	kind  Kind
	topic []topicGroup // what the question was about, newest first
	doc   int          // sentence last quoted; -1 for none
	text  string       // the short answer last given
	ents  []entity     // names to resolve pronouns to, most salient first
	// recent holds the sentences quoted lately (newest first), for
	// definite references to something said a turn or two ago.
	recent []int
	// shown holds the sentences quoted on this topic, so "more" says
	// something new.
	shown []int
	// pending is the clarification question just asked; choices are its
	// readings, kept after the pick so "and the other one?" works.
	pending bool
	choices []choice
	picked  int // index of the choice picked, -1 for none
}

// A topicGroup is a content word of an earlier question, with how much it
// still counts: words fade as the conversation moves on.
type topicGroup struct {
	g termGroup
	w float64
}

// An entity is a name a pronoun may stand for.
type entity struct {
	text   string
	stems  []string
	kind   corpus.NameKind
	gender byte // 'm', 'f', or 0 when unknown
}

// A choice is one reading offered by a clarification question, with the
// answer it gives.
type choice struct {
	label string
	stems map[string]float64 // words that name it: 1 in the label, 0.5 elsewhere in the sentence
	doc   int
	text  string
}

// Bounds that keep a conversation small whatever the user does.
const (
	maxTopic   = 12
	maxAlts    = 8
	maxEnts    = 8
	maxRecent  = 4
	maxShown   = 16
	maxChoices = 3
)

// Weights of context in a follow-up question.
const (
	weightContext = 0.5 // an earlier question's words, beside the new ones
	// contextCredit is how much of the coverage a follow-up's own words
	// leave unmatched the earlier words may make up: "who was blamed for
	// it?" matches little by itself, the sentence about "it" much.
	contextCredit = 0.6
	topicFade     = 0.5  // how much an inherited word keeps per turn
	topicMin      = 0.2  // below this an inherited word is dropped
	priorLast     = 1.3  // the sentence last quoted
	priorRecent   = 1.1  // sentences quoted lately, and next to the last one
	priorArticle  = 1.05 // the article of the last answer
	priorSlack    = 0.1  // how much less of the question a favoured sentence may match
)

// clarifyRatio: a fresh question's readings are the sentences scoring at
// least this share of the best.
const clarifyRatio = 0.25

// converse answers one turn of c.
func (s *Conversations) converse(ctx context.Context, c *Conversation, q Question) (Answer, error) {
	e := s.e
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	text := cleanQuestion(q.Text)
	if text == "" || !hasWord(text) || utf8.RuneCountInString(text) > e.opts.MaxQuestionRunes {
		return e.Ask(ctx, q) // the refusals of Ask; the frame stays
	}
	if q.LangHint == "" {
		q.LangHint = c.lang
	}
	l := e.questionLanguage(text, q)
	if h, ok := e.langs.Get(q.LangHint); ok && q.Lang == "" && (l == nil || l.Code != h.Code) && s.explains(h, text) {
		// "source?", "more pls": too short to identify, and chat words
		// of the language the conversation is in.
		l = h
	}
	replyLang := q.Lang
	if q.Reply != "" {
		replyLang = q.Reply
	}
	if a, ok := s.smallTalk(text, l, q.LangHint, replyLang); ok {
		c.lang = a.Lang
		return a, nil
	}
	if l == nil {
		a, err := e.Ask(ctx, q)
		a.Turn = TurnFresh
		return a, err
	}
	c.lang = l.Code
	t := s.read(text, l)
	if r, ok := e.langs.Get(q.Reply); ok {
		t.out, t.q.out = r, r
	}
	f := c.f
	if f != nil && f.pending {
		f.pending = false
		if i := s.matchChoice(f, t); i >= 0 {
			return s.answerChoice(c, t, i), nil
		}
	}
	if f != nil && t.pick > 0 && t.pick <= len(f.choices) && len(t.own) == 0 {
		// "the second one" after the first was answered.
		return s.answerChoice(c, t, t.pick-1), nil
	}
	if t.request != "" {
		return s.request(c, t), nil
	}
	kind := s.classify(c, t)
	if kind == TurnFresh {
		return s.fresh(ctx, c, t)
	}
	return s.followUp(c, t, kind), nil
}

// core returns the message without the fillers it starts with: "ok. how
// did Washington react?" asks "how did Washington react?".
func (t *turn) core() string {
	toks := lang.Tokens(t.text)
	for i, tk := range toks {
		if t.marks[i] != cueFiller {
			if i == 0 {
				return t.text
			}
			return t.text[tk.Start:]
		}
	}
	return t.text
}

// A turn is one message read for the conversation.
type turn struct {
	text   string
	l      *lang.Language // the language the message is written in
	out    *lang.Language // the reply's: l unless the user chose one (Question.Reply)
	cues   *chatCues
	words  []string // folded tokens
	marks  []string // cue category covering each token, "" for none
	q      *query
	phrase bool        // a question phrase set the kind
	own    []termGroup // content groups: the question without cue words
	// prons holds the readings of the pronouns and general nouns ("the
	// group") that refer back, in order.
	prons   []pronoun
	vague   bool // a pronoun stands for an event or the whole topic: "that", "it"
	names   int  // own groups that are names
	opener  bool // starts with "and", "what about"
	cataph  bool // a name comes before the pronoun: "what about X, what does she do?"
	refs    bool // a determiner before a content word: "the embassy", "that attack"
	demRef  bool // a demonstrative before one: "that attack", "cette attaque"
	request string
	pick    int // 1 or 2 for "the first/second one"; 0 otherwise
}

// read analyses a message in language l.
func (s *Conversations) read(text string, l *lang.Language) *turn {
	e := s.e
	cues := s.cuesOf(l.Code)
	toks, words := foldedTokens(text)
	t := &turn{text: text, l: l, out: l, cues: cues, words: words}
	t.marks = cues.marks(words, cueFiller, cueLight, cueDet, cueDem, cueAnd, cueFirst, cueSecond)
	t.q = e.parse(text, l)
	t.phrase = len(l.QuestionPhrases(text)) > 0

	first := 0
	for first < len(words) && t.marks[first] == cueFiller {
		first++
	}
	t.opener = first < len(words) && t.marks[first] == cueAnd

	// Pronouns and general nouns. A determiner followed by a content word
	// makes a definite reference ("that attack"); alone, a
	// demonstrative is a pronoun ("when was that?").
	firstPron := -1
	var firstReadings []pronoun
	for i, w := range words {
		det := t.marks[i] == cueDet || t.marks[i] == cueDem
		if det && i+1 < len(words) && t.marks[i+1] == "" && cues.prons[words[i+1]] == nil && !l.IsStopword(words[i+1]) {
			t.refs = true
			t.demRef = t.demRef || t.marks[i] == cueDem
			continue
		}
		readings := cues.prons[w]
		if i := strings.LastIndexAny(w, "-‐"); readings == nil && i >= 0 {
			// "a-t-il", "dit-elle", "ont-ils": a pronoun after the verb.
			readings = cues.prons[w[i+len("-"):]]
		}
		if rs, ok := cues.nouns[w]; ok && (i > 0 && (t.marks[i-1] == cueDet || t.marks[i-1] == cueDem) || rs[0].def) {
			readings = rs
		}
		if len(readings) == 0 {
			continue
		}
		if firstPron < 0 {
			firstPron, firstReadings = i, readings
		}
		t.prons = append(t.prons, readings...)
		for _, p := range readings {
			if p.class == pronNeutral || p.class == pronThing {
				t.vague = true
			}
		}
	}

	// Content groups: what the parser kept, less the cue words.
	cursor := 0
	for _, g := range t.q.group {
		at := strings.Index(text[cursor:], g.surface)
		if at < 0 {
			at = 0
		} else {
			at += cursor
			cursor = at + len(g.surface)
		}
		if s.cueOnly(t, toks, at, at+len(g.surface)) {
			continue
		}
		t.own = append(t.own, g)
		if s.isNameLike(g) {
			t.names++
			if firstPron >= 0 && at < toks[firstPron].Start && s.canRefer(firstReadings, g) {
				t.cataph = true
			}
		}
	}
	t.request = s.requestOf(t, first)
	t.pick = s.ordinal(t)
	return t
}

// canRefer reports whether a pronoun may stand for a name the question
// gave before it ("what about Sigrid Halvorsen, what does she do?"): a
// person for "she", a group for "they".
func (s *Conversations) canRefer(readings []pronoun, g termGroup) bool {
	kind, _ := s.groupKind(g)
	for _, p := range readings {
		switch {
		case p.class == pronNeutral || p.class == pronPlace:
		case p.number == 'p':
			if kind == corpus.NameOrg || kind == corpus.NamePlace {
				return true
			}
		case p.class != pronThing && kind == corpus.NamePerson:
			return true
		}
	}
	return false
}

func (s *Conversations) cuesOf(code string) *chatCues {
	if c, ok := s.cues[code]; ok {
		return c
	}
	return loadChatCues(nil)
}

// cueOnly reports whether every token between start and end is a cue word
// (pronoun, determiner, filler, light verb, opener, ordinal).
func (s *Conversations) cueOnly(t *turn, toks []lang.Token, start, end int) bool {
	any := false
	for i, tk := range toks {
		if tk.Start < start || tk.End > end {
			continue
		}
		if t.l.IsStopword(t.words[i]) {
			continue
		}
		any = true
		if t.marks[i] == "" && t.cues.prons[t.words[i]] == nil {
			return false
		}
	}
	return any
}

// isNameLike reports whether a question word names something: a name of
// the corpus, or a word the user capitalised ("EU", "Rama").
func (s *Conversations) isNameLike(g termGroup) bool {
	if s.e.isNameGroup(g) {
		return true
	}
	for _, r := range g.surface {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func isNumberGroup(g termGroup) bool {
	if len(g.alts) == 0 || len(g.alts[0].stems) != 1 {
		return false
	}
	st := g.alts[0].stems[0]
	return st != "" && st[0] >= '0' && st[0] <= '9'
}

// isSpeechGroup reports whether a question word is a verb of saying: its
// own word or its translation, not a synonym nor a word of a phrase
// ("United States" is no "state").
func (s *Conversations) isSpeechGroup(g termGroup) bool {
	for _, a := range g.alts {
		if len(a.stems) == 1 && a.weight >= weightCorrected && s.e.cues.isSpeech(a.stems[0]) {
			return true
		}
	}
	return false
}

// requestOf recognises a request about the last answer: a request phrase
// ("tell me more", "source?", "qui l'a dit ?") with nothing else to ask
// but pronouns and verbs of saying, or a question that asks only why, who
// said or where it says.
func (s *Conversations) requestOf(t *turn, first int) string {
	rest := 0
	for _, g := range t.own {
		if !s.isSpeechGroup(g) {
			rest++
		}
	}
	for _, cat := range requestCues {
		n := 0
		if first < len(t.words) {
			n = t.cues.matchAt(cat, t.words, first)
		}
		if n == 0 {
			continue
		}
		covered := 0
		for _, g := range t.own {
			if !s.isSpeechGroup(g) && s.withinWords(t, g, first, first+n) {
				covered++
			}
		}
		if rest-covered == 0 {
			return cat
		}
	}
	if !t.phrase || rest > 0 {
		return ""
	}
	// "who said that?", "wo steht das?": a verb of saying, a neutral
	// pronoun at most, and nothing else ("who do they say was behind
	// it?" asks something else).
	speech := len(t.own) > 0 && len(t.words) <= 5
	for _, p := range t.prons {
		if p.class != pronNeutral && p.class != pronThing {
			speech = false
		}
	}
	switch t.q.kind {
	case KindWhy:
		if len(t.own) == 0 {
			return cueWhy
		}
	case KindWho, KindDefine:
		if speech {
			return cueWhoSaid
		}
	case KindWhere:
		if speech {
			return cueSource
		}
	}
	return ""
}

// withinWords reports whether a group's words all lie among words[from:to].
func (s *Conversations) withinWords(t *turn, g termGroup, from, to int) bool {
	gw := foldedWords(g.surface)
	if len(gw) == 0 {
		return false
	}
	for i := from; i+len(gw) <= to; i++ {
		if hasPrefixWords(t.words[i:to], gw) {
			return true
		}
	}
	return false
}

// ordinal returns 1 or 2 when the message picks "the first" or "the
// second" reading and asks nothing else.
func (s *Conversations) ordinal(t *turn) int {
	pick := 0
	for i, m := range t.marks {
		switch {
		case m == cueFirst && pick == 0:
			pick = 1
		case m == cueSecond && pick == 0:
			pick = 2
		case m == "" && t.cues.prons[t.words[i]] == nil && !t.l.IsStopword(t.words[i]):
			return 0
		}
	}
	return pick
}

// classify decides whether a question refers back, and how.
func (s *Conversations) classify(c *Conversation, t *turn) Turn {
	f := c.f
	if f == nil {
		return TurnFresh
	}
	switch {
	case len(t.own) == 0:
		if len(t.prons) > 0 {
			return TurnPronoun
		}
		return TurnEllipsis
	case t.cataph:
		// "what about X, what does she do?": the pronoun is X.
		return TurnFresh
	case t.opener && len(t.own) <= 3 && s.newEntity(t):
		return TurnEllipsis // "and the EU?", "und was sagen die USA dazu?"
	case len(t.prons) > 0 && !t.cataph:
		return TurnPronoun
	case t.opener && len(t.own) <= 3:
		return TurnEllipsis
	case t.demRef, t.refs && len(t.own) <= 3 && s.refersBack(f, t):
		return TurnPronoun
	case !t.phrase && len(t.own) <= 2:
		// A bare noun phrase: "the hack", "der NATO-Beitritt".
		return TurnEllipsis
	case len(t.own) <= 2 && t.names == 0 && !t.refs:
		// Short, naming nothing and with no noun phrase of its own:
		// "how far?", "come si chiama?" in languages that drop the
		// pronoun.
		return TurnPronoun
	}
	return TurnFresh
}

// refersBack reports whether a content word of the question was in the
// last question or in a sentence quoted lately: "the embassy" after a
// question about the embassy.
func (s *Conversations) refersBack(f *frame, t *turn) bool {
	seen := map[string]bool{}
	for _, tg := range f.topic {
		for _, a := range tg.g.alts {
			for _, st := range a.stems {
				seen[st] = true
			}
		}
	}
	for _, d := range f.recent {
		for _, tk := range s.e.idx.docs[d].toks {
			if tk.stem != "" {
				seen[tk.stem] = true
			}
		}
	}
	for _, g := range t.own {
		for _, a := range g.alts {
			for _, st := range a.stems {
				if seen[st] {
					return true
				}
			}
		}
	}
	return false
}

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
	if a, ok := s.clarifyFresh(c, t); ok {
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
func (s *Conversations) followUp(c *Conversation, t *turn, kind Turn) Answer {
	f := c.f
	if kind == TurnEllipsis && f.picked >= 0 {
		if i := s.otherChoice(f, t); i >= 0 {
			a := s.answerChoice(c, t, i)
			a.Turn = kind
			return a
		}
	}
	m := s.modeOf(t, kind)
	q, refs, ctx := s.contextQuery(f, t, kind, m)
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
		if f.doc >= 0 && factKinds[q.kind] {
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
		res = s.answerInContext(f, q, search{near: m != modeEntity, ctx: ctx, require: require, onlyArt: art, refs: refs})
	}
	if !res.found && len(t.own) > 0 && m != modeVague {
		// A complete question after all ("and what does she do?"):
		// its own words, with the context as a tie-breaker only.
		own := *q
		own.group = append([]termGroup(nil), t.own...)
		own.group = append(own.group, refs...)
		res = s.answerInContext(f, &own, search{near: true, ctx: ctx, onlyArt: art, refs: refs})
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
		switch {
		case m == modeEntity && s.replaced(tg.g, t.own):
			continue
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

// scaleGroup returns g counting w times as much, in score and coverage.
func scaleGroup(g termGroup, w float64) termGroup {
	out := termGroup{surface: g.surface, idf: g.idf * w, unknown: g.unknown, alts: make([]alt, len(g.alts))}
	for i, a := range g.alts {
		out.alts[i] = alt{stems: a.stems, weight: a.weight * w}
	}
	return out
}

// entityGroup makes a question word of an entity.
func (s *Conversations) entityGroup(ent entity) termGroup {
	alts := []alt{{stems: ent.stems, weight: weightExact}}
	g := termGroup{surface: ent.text, alts: alts, idf: s.e.groupIDF(alts)}
	return g
}

// resolve finds the entities the question's pronouns stand for: a person
// for "he" and "she" (by gender when the article shows it), a group for
// "they". "It" and "that" stand for the topic, which the frame keeps.
func (s *Conversations) resolve(f *frame, t *turn) []entity {
	var out []entity
	used := map[string]bool{}
	for _, p := range t.prons {
		// A person the article shows to be of the pronoun's gender first,
		// then anyone the pronoun fits.
		best := -1
		for i, ent := range f.ents {
			if used[strings.Join(ent.stems, " ")] || !s.fits(p, ent, i) {
				continue
			}
			if best < 0 {
				best = i
			}
			if p.gender == 'm' || p.gender == 'f' {
				if s.genderOf(ent) == p.gender {
					best = i
					break
				}
			}
		}
		if best >= 0 {
			used[strings.Join(f.ents[best].stems, " ")] = true
			out = append(out, f.ents[best])
		}
	}
	return out
}

// fits reports whether a pronoun can stand for an entity. rank is the
// entity's place in the frame: pronouns that do not say "person" only
// reach the entities of the last turn.
func (s *Conversations) fits(p pronoun, ent entity, rank int) bool {
	switch {
	case p.class == pronPlace:
		// "there", "the country": a place just named.
		return ent.kind == corpus.NamePlace && rank < 4
	case p.class == pronNeutral, p.class == pronThing:
		return false // the topic, which the frame keeps
	case p.number == 'p':
		return ent.kind == corpus.NameOrg
	case ent.kind != corpus.NamePerson:
		return false
	case p.class == pronAny && rank >= 4:
		return false
	}
	g := s.genderOf(ent)
	return p.gender == 0 || p.gender == 'n' || g == 0 || g == p.gender
}

func (s *Conversations) genderOf(ent entity) byte {
	if ent.gender != 0 {
		return ent.gender
	}
	for _, st := range ent.stems {
		if g := s.genders[st]; g != 0 {
			return g
		}
	}
	return 0
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
func (s *Conversations) answerInContext(f *frame, q *query, sr search) result {
	e := s.e
	if len(q.group) == 0 {
		return result{}
	}
	ranked := e.rank(q)
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
		a.Score = res.score
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

// remember records what a turn quoted: the sentence, its short answer,
// and the entities of the question and of the sentence, most salient
// first.
func (s *Conversations) remember(c *Conversation, t *turn, doc int, text string, refs []termGroup) {
	f := c.f
	// What the question was about comes first: "they" after "what is the
	// WMO?" is the WMO, not the UN its answer also names.
	var ents []entity
	var run []termGroup // consecutive name words: "sigrid" "halvorsen"
	flush := func() {
		if len(run) > 0 {
			ents = append(ents, s.runEntity(run))
			run = nil
		}
	}
	for _, g := range t.own {
		if s.isNameLike(g) && len(g.alts) > 0 && !isNumberGroup(g) {
			run = append(run, g)
			continue
		}
		flush()
	}
	flush()
	for _, g := range refs {
		ents = append(ents, s.groupEntity(g))
	}
	if doc >= 0 {
		f.doc, f.text = doc, text
		f.recent = pushFront(f.recent, doc, maxRecent)
		if !containsInt(f.shown, doc) {
			f.shown = pushFront(f.shown, doc, maxShown)
		}
		ents = append(ents, s.sentenceEntities(doc)...)
	}
	f.ents = mergeEntities(ents, f.ents)
	for i := range f.topic {
		if len(f.topic[i].g.alts) > maxAlts {
			f.topic[i].g.alts = f.topic[i].g.alts[:maxAlts]
		}
	}
	if len(f.topic) > maxTopic {
		f.topic = f.topic[:maxTopic]
	}
}

func pushFront(list []int, v, limit int) []int {
	out := make([]int, 0, min(len(list)+1, limit))
	out = append(out, v)
	for _, x := range list {
		if x != v && len(out) < limit {
			out = append(out, x)
		}
	}
	return out
}

// sentenceEntities returns the entities of a sentence: the speaker of its
// quote first, then its names in order.
func (s *Conversations) sentenceEntities(doc int) []entity {
	e := s.e
	f := &e.idx.docs[doc].sentence.Facts
	var out []entity
	if q := f.Quote; q != nil && q.Resolved != "" {
		if st := e.article.stems(q.Resolved); len(st) > 0 {
			out = append(out, entity{text: q.Resolved, stems: st, kind: s.kindOf(st)})
		}
	}
	for _, n := range f.Names {
		if st := e.article.stems(n.Text); len(st) > 0 {
			out = append(out, entity{text: n.Text, stems: st, kind: n.Kind})
		}
	}
	return out
}

// runEntity makes one entity of consecutive name words of a question.
func (s *Conversations) runEntity(run []termGroup) entity {
	if len(run) == 1 {
		return s.groupEntity(run[0])
	}
	var stems, words []string
	for _, g := range run {
		stems = append(stems, g.alts[0].stems...)
		words = append(words, g.surface)
	}
	return entity{text: strings.Join(words, " "), stems: stems, kind: s.kindOf(stems)}
}

// groupEntity makes an entity of a question word that names something.
func (s *Conversations) groupEntity(g termGroup) entity {
	st := g.alts[0].stems
	return entity{text: g.surface, stems: st, kind: s.kindOf(st)}
}

// kindOf returns the kind of the corpus name that has these words.
func (s *Conversations) kindOf(stems []string) corpus.NameKind {
	kind := corpus.NameOther
	for _, st := range stems {
		if k, ok := s.nameKinds[st]; ok {
			if k == corpus.NamePerson {
				return k
			}
			kind = k
		}
	}
	return kind
}

// mergeEntities puts the new entities before the old, without repeats
// (a name repeated keeps its first, most salient place), within maxEnts.
func mergeEntities(fresh, old []entity) []entity {
	out := make([]entity, 0, maxEnts)
	seen := map[string]bool{}
	for _, list := range [][]entity{fresh, old} {
		for _, ent := range list {
			key := strings.Join(ent.stems, " ")
			if seen[key] || len(out) == maxEnts {
				continue
			}
			seen[key] = true
			out = append(out, ent)
		}
	}
	return out
}
