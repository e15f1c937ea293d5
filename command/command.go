// Package command is the command layer that the CLI and the Discord bot
// share. A front end turns what a user did (a line typed, a slash command,
// a mention) into a Query, a Handler turns the Query into a Reply value,
// and the front end renders the Reply: as text, as JSON, or as an embed.
// Handlers never write to a terminal or call Discord, so both front ends
// answer identically and tests need neither.
package command

import (
	"context"
	"fmt"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/timeline"
)

// Command names.
const (
	Ask      = "ask"
	Timeline = "timeline"
	Source   = "source"
	Help     = "help"
	Summary  = "summary"
)

// A Query is one request of a user.
type Query struct {
	Command string // Ask, Timeline, Source, Summary or Help
	// Text is the question for Ask and the topic words for Timeline.
	Text string
	// Lang forces the reply language (ISO 639-1); the question is still
	// read in its own. Empty: reply in the question's language.
	Lang string
	// LangHint is the language to prefer when a question is too short to
	// tell: the user's Discord locale, or the CLI's previous turn.
	LangHint string
	// Session identifies a conversation for follow-up questions; empty
	// means each question stands alone.
	Session string
	// From and To bound a timeline (dates as the user wrote them).
	From, To string
	// Scope names whose articles answer: a Discord server, a DM, the
	// CLI's local scope (see package store). Empty: the default articles.
	Scope string
	// Article is set for the Article command, Vote for Feedback.
	Article *ArticleRequest
	Vote    *Vote
}

// A Reply is what a handler gives back; front ends only render it.
type Reply struct {
	Command string
	Lang    string // language of every word the bot says
	// Answer is set for Ask.
	Answer *qa.Answer
	// Articles is set for Source.
	Articles []ArticleInfo
	// Summaries is set for Summary: one per article, in corpus order.
	Summaries []ArticleSummary
	// Events is set for Timeline: the dated events that match the query,
	// in date order, with labels in Lang. Never nil for Timeline; empty
	// when nothing matched, and then Message says why.
	Events []timeline.Event
	// Message is the bot's own text, already localised: help, refusals,
	// errors, small talk.
	Message string
	// Private asks the front end to show the reply to the asker only
	// (an ephemeral Discord message): errors and refusals.
	Private bool
	// Manage is set for the Article command.
	Manage *ArticleReply
}

// ArticleInfo describes one article of the corpus for /source.
type ArticleInfo struct {
	ID, Title             string
	Byline, Source        string
	Credit, Published     string
	Sentences, Paragraphs int
	// For articles a scope added (package library): the number users
	// remove or show it by, its language, where it came from, who added
	// it and when.
	Number    int64
	Lang, URL string
	AddedBy   string
	Added     time.Time
}

// A Handler answers queries. Handle must be safe for concurrent use and
// must return promptly when ctx is done.
type Handler interface {
	Handle(ctx context.Context, q Query) (Reply, error)
}

// HandlerFunc lets an ordinary function be a Handler.
type HandlerFunc func(ctx context.Context, q Query) (Reply, error)

// Handle calls f(ctx, q).
func (f HandlerFunc) Handle(ctx context.Context, q Query) (Reply, error) { return f(ctx, q) }

var _ Handler = HandlerFunc(nil)

// Middleware wraps a Handler with behaviour of its own (recovery, rate
// limits, deadlines), in the manner of net/http middleware.
type Middleware func(Handler) Handler

// Chain applies middleware so that the first one listed runs first.
func Chain(h Handler, mw ...Middleware) Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}

// A PanicError is a panic inside a handler turned into an error, with the
// stack for the log. Users never see it; they get ReplyInternalError.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("handler panic: %v", e.Value) }

// Recover is middleware that turns a panic into a *PanicError, so one bad
// input cannot take a front end down.
func Recover() Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, q Query) (r Reply, err error) {
			defer func() {
				if v := recover(); v != nil {
					err = &PanicError{Value: v, Stack: debug.Stack()}
				}
			}()
			return next.Handle(ctx, q)
		})
	}
}

// Router is the Handler that serves every command of the bot.
type Router struct {
	engine    *qa.Engine
	langs     *lang.Registry
	routes    map[string]Handler
	timelines timelineCache // events of the engine's corpus, built on first use
	// convs answers questions with a Session as turns of that
	// conversation; nil, or an empty Session, asks each question alone.
	convs *qa.Conversations
}

// UseConversations makes Ask queries with a Session turns of that
// session's conversation: follow-ups, clarifications and small talk. Call
// it before the Router serves queries.
func (r *Router) UseConversations(c *qa.Conversations) { r.convs = c }

// NewRouter returns a Router over an engine. Its handlers are the
// built-in commands; Handle routes on Query.Command.
func NewRouter(e *qa.Engine, langs *lang.Registry) *Router {
	r := &Router{engine: e, langs: langs}
	r.routes = map[string]Handler{
		Ask:      HandlerFunc(r.ask),
		Timeline: HandlerFunc(r.timeline),
		Source:   HandlerFunc(r.source),
		Help:     HandlerFunc(r.help),
		Summary:  HandlerFunc(r.summary),
	}
	return r
}

// Route adds or replaces the handler of a command.
func (r *Router) Route(command string, h Handler) { r.routes[command] = h }

// Handle serves q with the handler of its command.
func (r *Router) Handle(ctx context.Context, q Query) (Reply, error) {
	h, ok := r.routes[q.Command]
	if !ok {
		return r.help(ctx, q)
	}
	return h.Handle(ctx, q)
}

// Language returns the language to reply in for a query, falling back to
// the hint and then to English.
func (r *Router) Language(q Query) *lang.Language {
	for _, code := range []string{q.Lang, q.LangHint, "en"} {
		if l, ok := r.langs.Get(code); ok {
			return l
		}
	}
	return r.langs.Languages()[0]
}

func (r *Router) ask(ctx context.Context, q Query) (Reply, error) {
	// Lang sets the language of the reply only: the question is read in
	// its own language, with the chosen one as the guess for a question
	// too short to tell.
	question := qa.Question{Text: q.Text, Reply: q.Lang, LangHint: q.LangHint}
	if question.LangHint == "" {
		question.LangHint = q.Lang
	}
	if reply, ok, err := r.commandWord(ctx, q, question); ok {
		return reply, err
	}
	var (
		a   qa.Answer
		err error
	)
	switch {
	case r.convs != nil && q.Session != "":
		a, err = r.convs.Ask(ctx, q.Session, question)
	case r.convs != nil:
		// Standing alone, small talk is still small talk.
		var ok bool
		if a, ok = r.convs.SmallTalk(question); !ok {
			a, err = r.engine.Ask(ctx, question)
		}
	default:
		a, err = r.engine.Ask(ctx, question)
	}
	if err != nil {
		return Reply{}, err
	}
	// Small talk, clarification questions and "that's all": the
	// conversation's own localised reply.
	reply := Reply{Command: Ask, Lang: a.Lang, Answer: &a, Message: a.Message}
	l := r.Language(Query{Lang: a.Lang})
	switch a.Reason {
	case qa.ReasonEmpty, qa.ReasonTooLong, qa.ReasonInvalid:
		reply.Message = l.Message(string(a.Reason), map[string]string{"max": strconv.Itoa(r.engine.MaxQuestionRunes())})
		reply.Private = true
	}
	if a.Unsupported {
		reply.Message = r.unsupported()
	}
	return reply, nil
}

// commandWord serves a message that is plainly a command ("help",
// "tl;dr", "chronologie": the command phrases of chat.tsv) with that
// command, in the language of the phrase unless q forces one. ok is false
// for a question.
func (r *Router) commandWord(ctx context.Context, q Query, question qa.Question) (Reply, bool, error) {
	if r.convs == nil {
		return Reply{}, false, nil
	}
	name, code, ok := r.convs.Command(question)
	if !ok || name == Ask {
		return Reply{}, false, nil
	}
	h, ok := r.routes[name]
	if !ok {
		return Reply{}, false, nil // "quit": the terminal chat's own
	}
	reply, err := h.Handle(ctx, Query{Command: name, Lang: q.Lang, LangHint: code, Session: q.Session})
	return reply, true, err
}

// unsupported is the notice for a question in a language qabot lacks:
// always in English, listing the languages it speaks.
func (r *Router) unsupported() string {
	en := r.Language(Query{Lang: "en"})
	names := ""
	for i, l := range r.langs.Languages() {
		if i > 0 {
			names += ", "
		}
		names += l.Name
	}
	return en.Message("unsupported_language", map[string]string{"languages": names})
}

func (r *Router) source(ctx context.Context, q Query) (Reply, error) {
	reply := Reply{Command: Source, Lang: r.Language(q).Code}
	for _, a := range r.engine.Corpus().Articles {
		reply.Articles = append(reply.Articles, articleInfo(a))
	}
	return reply, nil
}

func articleInfo(a *corpus.Article) ArticleInfo {
	return ArticleInfo{
		ID: a.ID, Title: a.Title, Byline: a.Meta.Byline, Source: a.Meta.Source,
		Credit: a.Meta.Credit, Published: a.Meta.Published,
		Sentences: len(a.Sentences), Paragraphs: len(a.Paragraphs),
	}
}

func (r *Router) help(ctx context.Context, q Query) (Reply, error) {
	l := r.Language(q)
	return Reply{Command: Help, Lang: l.Code, Message: l.Message("help_text", nil)}, nil
}
