package qa

// Reading a turn: what a message is (a fresh question, a follow-up, a
// request about the last answer, a pick after a clarification), its own
// words, its pronouns and references.

import (
	"strings"
	"unicode"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

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
	k := kinds[t.q.kind]
	if k.bareRequest != "" && len(t.own) == 0 {
		return k.bareRequest
	}
	if k.speechRequest != "" && speech {
		return k.speechRequest
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
