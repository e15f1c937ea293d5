package qa

import "github.com/qabot/qabot/lang"

// A Kind is the type of answer a question expects. It is lang's kind:
// the kinds of a question are read from lang/data/*/questions.tsv.
type Kind = lang.Kind

// Answer kinds, as lang defines them.
const (
	KindWhen    = lang.KindWhen
	KindSince   = lang.KindSince
	KindWho     = lang.KindWho
	KindName    = lang.KindName
	KindWhere   = lang.KindWhere
	KindHowMany = lang.KindHowMany
	KindHowMuch = lang.KindHowMuch
	KindHowLong = lang.KindHowLong
	KindWhy     = lang.KindWhy
	KindWhat    = lang.KindWhat
	KindWhich   = lang.KindWhich
	KindYesNo   = lang.KindYesNo
	KindDefine  = lang.KindDefine
)

// A Question is what a user asked, with what the front end knows about how
// to answer.
type Question struct {
	Text string
	// Lang forces the language of the question and of the reply (an ISO
	// 639-1 code such as "fr"). Empty means detect it.
	Lang string
	// Reply forces the language of the reply only: the question is still
	// read in its own language (detected unless Lang forces it), and the
	// short answer, the bot's messages and Answer.Lang are in Reply.
	// Empty: reply in the question's language. This is what --lang and
	// QABOT_LANG set: "when did the bridge open?" with Reply "fr" is read
	// as English and answered with the date in French.
	Reply string
	// LangHint is the language to prefer when the question is too short to
	// tell: the user's Discord locale, or the previous turn's language.
	LangHint string
}

// Reason says why a question got no answer from the article.
type Reason string

const (
	ReasonNone        Reason = ""                     // answered
	ReasonNotFound    Reason = "not_in_article"       // the article does not say
	ReasonEmpty       Reason = "empty_question"       // nothing to ask
	ReasonTooLong     Reason = "question_too_long"    // refused before analysis
	ReasonInvalid     Reason = "invalid_input"        // no words at all (binary, only symbols)
	ReasonUnsupported Reason = "unsupported_language" // a language qabot does not speak

	// Reasons of conversation turns (Conversations.Ask). Each names the
	// message id of the reply, which Answer.Message holds.
	ReasonClarify   Reason = "clarify"    // two readings: Clarify lists them, Message asks which
	ReasonSmallTalk Reason = "small_talk" // greetings, thanks, "what can you do?"
	ReasonNoMore    Reason = "no_more"    // "tell me more" after all of the topic was shown
	ReasonNoContext Reason = "no_context" // "source?", "why?" with no answer before
)

// A Turn says how a conversation read a question: a new question, or which
// kind of follow-up. The names match the turn types of
// testdata/dialogues/README.md.
type Turn string

// Turn types. Ask leaves Answer.Turn empty.
const (
	TurnFresh     Turn = "fresh"     // a complete question: a new frame starts
	TurnEllipsis  Turn = "ellipsis"  // "and the EU?": the last question with a new entity, date or kind
	TurnPronoun   Turn = "pronoun"   // "when did he die?": a pronoun or definite reference to the last turn
	TurnWhy       Turn = "why"       // "why?" about the last answer
	TurnSource    Turn = "source"    // "source?": the last answer's sentence and paragraph
	TurnMore      Turn = "more"      // "tell me more": the next sentence on the topic
	TurnWhoSaid   Turn = "who_said"  // "who said that?": the speaker of the last quote
	TurnClarify   Turn = "clarify"   // the user's pick after a clarification question
	TurnSmallTalk Turn = "smalltalk" // greetings, thanks, "what can you do?"
)

// An Answer is the engine's reply to one question. Every field a user sees
// is either text of the article (Quote, Suggestions) or localised text the
// engine built from a fact of that text (Text).
type Answer struct {
	Question string
	Lang     string // language of the reply
	Kind     Kind
	Answered bool
	Reason   Reason // why not answered; ReasonNone when answered
	// Unsupported is set when the question is in a language qabot does
	// not speak: the reply is in the articles' language, and any answer
	// comes from names and numbers alone.
	Unsupported bool

	// Text is the short answer in Lang: "2009", "7 septembre 2022",
	// "Jane Doe", "non". Empty when not answered.
	Text string
	// Quote is the source sentence, exactly as in the article.
	Quote Citation
	// Score says how sure the engine is of Quote: the calibrated
	// probability that it answers (Evidence.Confidence) when the engine
	// has a calibration, as the embedded ranker does; else the retrieval
	// score. Comparable within one engine.
	Score float64
	// Evidence is what the engine weighed to answer or abstain: for the
	// quoted sentence when answered, for the best one otherwise.
	Evidence Evidence
	// Suggestions are the closest sentences when the question was not
	// answered, best first.
	Suggestions []Citation

	// Notice is what the user should know about how far to trust the
	// answer, localised, and NoticeID its message id (notice.go): the
	// article is in a language qabot does not read, or little of the
	// question could be said in the article's language. Empty otherwise;
	// a conversation gives each notice once.
	Notice, NoticeID string
	// noticeArticle is the ID of the article the notice is about, so
	// that a conversation gives it once per article.
	noticeArticle string

	// Turn says how a conversation read the question; empty for Ask.
	Turn Turn
	// Message is the bot's own reply, localised, when the turn was not a
	// question the article answers: small talk, a clarification question,
	// "that's everything". Empty otherwise.
	Message string
	// Clarify lists the readings a clarification question offers, in the
	// order "the first one", "the second one" pick them.
	Clarify []string
	// Context is the paragraph Quote stands in, for "source?" requests.
	Context string
}

// Evidence is what says a sentence answers a question.
type Evidence struct {
	// Coverage is the share of the question's weight the sentence matches
	// (rare words weigh more), and Relation the same for the words that
	// are not names: what the question says about its names.
	Coverage, Relation float64
	// Margin is how far the sentence's score stands above the next best
	// sentence's, as a share of its own.
	Margin float64
	// Unknown is the share of the question's weight in words that neither
	// the article nor the engine's data know.
	Unknown float64
	// Typed is set when the short answer is a fact of the kind asked for.
	Typed bool
	// Words is the number of content words of the question.
	Words int
	// Confidence is the probability that the sentence answers, from the
	// calibration fitted with the ranker on real questions, answerable
	// and unanswerable (make train; qa/abstain.go).
	Confidence float64
}

// A Citation points at one sentence of the corpus.
type Citation struct {
	ArticleID string
	Article   string // the article's title
	// Lang is the language the article is written in (ISO 639-1); for an
	// article in a language qabot does not read, the one it seems to be
	// in (corpus.Article.OtherLang).
	Lang string
	// NameLang is set when a reply should name Lang beside the title: the
	// corpus mixes languages, or qabot does not read the article's.
	NameLang  bool
	Paragraph int    // 0-based paragraph index
	Section   string // section heading, if any
	Sentence  int    // 0-based sentence index in the article
	Text      string // the sentence, exactly as in the article
}
