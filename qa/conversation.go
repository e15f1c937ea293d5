package qa

import (
	"context"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
)

// A Conversation is what one conversation remembers between turns: the
// frame of the last question. Conversations owns them; the zero value is
// a conversation with nothing said yet.
type Conversation struct {
	mu   ctxMutex // one turn at a time, acquired with the turn's context
	lang string   // language of the last turn, the hint for the next
	f    *frame   // nil until the first question
	// noticed holds the notices already given (Answer.noticeKey).
	noticed map[string]bool
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
		return done(ctx, s.request(ctx, c, t))
	}
	kind := s.classify(c, t)
	if kind == TurnFresh {
		return s.fresh(ctx, c, t)
	}
	return done(ctx, s.followUp(ctx, c, t, kind))
}

// done returns a, or the context's error when it ended while a was being
// worked out (the ranking then stops early and a means nothing).
func done(ctx context.Context, a Answer) (Answer, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	return a, nil
}
