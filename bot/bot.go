// Package bot is qabot's Discord front end: a thin adapter over
// command.Handler, so that Discord and the CLI answer identically and only
// the rendering differs. It serves slash commands (/ask with autocomplete,
// /timeline with page buttons, /source, /help), mentions, direct messages
// and allow-listed channels, either over the gateway (Serve) or as an HTTP
// interactions endpoint (NewHTTPHandler).
//
// Every message it sends allows no mentions, escapes the user's text it
// echoes and fits Discord's limits; every handler runs under recover, a
// deadline and a per-user rate limit; and interactions whose answer is not
// ready within Config.DeferAfter are deferred and completed later.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
)

// restAPI is the part of discordgo.Session the bot calls after the first
// response to an interaction, and to answer messages.
type restAPI interface {
	InteractionResponseEdit(i *discordgo.Interaction, edit *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error)
	InteractionResponseDelete(i *discordgo.Interaction, options ...discordgo.RequestOption) error
	FollowupMessageCreate(i *discordgo.Interaction, wait bool, data *discordgo.WebhookParams, options ...discordgo.RequestOption) (*discordgo.Message, error)
	ChannelMessageSendComplex(channelID string, data *discordgo.MessageSend, options ...discordgo.RequestOption) (*discordgo.Message, error)
}

var _ restAPI = (*discordgo.Session)(nil)

// A responder sends the initial response to an interaction: through the
// REST callback on the gateway, in the HTTP response body otherwise.
type responder func(*discordgo.InteractionResponse) error

// bot holds what the gateway and HTTP front ends share.
type bot struct {
	cfg    Config
	h      command.Handler
	langs  *lang.Registry
	log    *slog.Logger
	api    restAPI
	limits *userLimits
	gate   *gate
	// busyWarned is when the log last said the bot is refusing questions
	// (Unix nanoseconds), so that an overload is one line every few
	// seconds, not one a refusal.
	busyWarned atomic.Int64
	suggest    suggestions
	render     renderer
	channels   map[string]bool

	// base is the parent of every handler context. It outlives the
	// context of Serve, so in-flight handlers can finish during shutdown.
	base   context.Context
	cancel context.CancelFunc

	mu      sync.Mutex
	closing bool
	wg      sync.WaitGroup

	artMu    sync.Mutex
	articles map[string]command.ArticleInfo // nil until loaded
}

func newBot(cfg Config, h command.Handler, langs *lang.Registry, log *slog.Logger, api restAPI) *bot {
	cfg = cfg.withDefaults()
	log = safeLogger(log, cfg)
	b := &bot{
		cfg: cfg, h: command.Chain(h, command.Recover()), langs: langs, log: log, api: api,
		limits:   newUserLimits(cfg.RatePerMinute, cfg.RateBurst, cfg.RateLimiterUsers),
		gate:     newGate(cfg.MaxConcurrent, cfg.MaxQueued, cfg.QueueWait),
		channels: map[string]bool{},
	}
	for _, id := range cfg.Channels {
		b.channels[id] = true
	}
	b.render = renderer{langs: langs, article: b.articleInfo, votes: cfg.Votes}
	b.base, b.cancel = context.WithCancel(context.Background())
	return b
}

// begin registers an event being handled; false means the bot is
// shutting down and takes nothing new.
func (b *bot) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closing {
		return false
	}
	b.wg.Add(1)
	return true
}

func (b *bot) end() { b.wg.Done() }

// shutdown stops taking events and gives those in flight up to
// cfg.ShutdownTimeout to finish before their contexts are cancelled.
func (b *bot) shutdown() {
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() {
		b.wg.Wait()
		close(done)
	}()
	timer := time.NewTimer(b.cfg.ShutdownTimeout)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
		b.log.Warn("shutdown: handlers still running, cancelling them", "timeout", b.cfg.ShutdownTimeout)
		b.cancel()
		<-done
	}
	b.cancel()
}

// warm builds the autocomplete suggestions and the article cache in the
// background.
func (b *bot) warm() {
	if !b.begin() {
		return
	}
	go func() {
		defer b.end()
		defer b.guard("warm", nil)
		ctx, cancel := context.WithTimeout(b.base, time.Minute)
		defer cancel()
		start := time.Now()
		b.articleInfo("")
		s := harvest(ctx, b.h, b.langs)
		b.suggest.set(s)
		n := 0
		for _, v := range s {
			n += len(v)
		}
		b.log.Info("autocomplete suggestions ready", "suggestions", n, "took", time.Since(start).Round(time.Millisecond))
	}()
}

// articleInfo returns what /source says about an article, for citations. It
// asks the handler once; a failure is retried on the next call.
func (b *bot) articleInfo(id string) (command.ArticleInfo, bool) {
	b.artMu.Lock()
	defer b.artMu.Unlock()
	if b.articles == nil {
		ctx, cancel := context.WithTimeout(b.base, 2*time.Second)
		r, err := b.h.Handle(ctx, command.Query{Command: command.Source})
		cancel()
		if err != nil {
			b.log.Warn("load article list", "err", err)
			return command.ArticleInfo{}, false
		}
		b.articles = map[string]command.ArticleInfo{}
		for _, a := range r.Articles {
			b.articles[a.ID] = a
		}
	}
	a, ok := b.articles[id]
	return a, ok
}

// guard is deferred by every event handler: discordgo runs handlers
// without recover, so one panic would take the whole bot down.
func (b *bot) guard(event string, onPanic func()) {
	if v := recover(); v != nil {
		b.log.Error("panic in event handler", "event", event, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
		if onPanic != nil {
			func() {
				defer func() { recover() }()
				onPanic()
			}()
		}
	}
}

// lang returns the language of a code, else English.
func (b *bot) lang(code string) *lang.Language { return b.render.lang(code) }

// localeLang maps a Discord locale ("pt-BR") to a language code, or "".
func (b *bot) localeLang(locales ...discordgo.Locale) string {
	for _, loc := range locales {
		if l, ok := b.langs.ForLocale(string(loc)); ok {
			return l.Code
		}
	}
	return ""
}

// limited takes a token from the user's bucket; when none is left it
// returns the localised notice and whether to send it.
func (b *bot) limited(user, code string) (msg string, limited, tell bool) {
	ok, wait, tell := b.limits.allow(user, b.cfg.Now())
	if ok {
		return "", false, false
	}
	secs := int(math.Ceil(wait.Seconds()))
	return b.lang(code).Message("rate_limited", map[string]string{"seconds": strconv.Itoa(max(secs, 1))}), true, tell
}

// tooLong returns the refusal for a question longer than the limit.
func (b *bot) tooLong(question, code string) (string, bool) {
	if utf8.RuneCountInString(question) <= b.cfg.MaxQuestionRunes {
		return "", false
	}
	return b.lang(code).Message("question_too_long", map[string]string{"max": strconv.Itoa(b.cfg.MaxQuestionRunes)}), true
}

// outcome is what a handler returned.
type outcome struct {
	reply command.Reply
	err   error
}

// call runs the handler with the bot's deadline once the gate lets it
// in, and gives up waiting when the deadline passes even if the handler
// does not; the handler keeps its slot until it returns, so work whose
// caller gave up still counts against the bound. A refusal by the gate
// comes back as errBusy at once.
func (b *bot) call(ctx context.Context, q command.Query) <-chan outcome {
	return b.callWith(ctx, q, b.h.Handle)
}

func (b *bot) callWith(ctx context.Context, q command.Query, handle func(context.Context, command.Query) (command.Reply, error)) <-chan outcome {
	done := make(chan outcome, 1)
	go func() {
		release, err := b.gate.enter(ctx)
		if err != nil {
			done <- outcome{err: err}
			return
		}
		defer release()
		defer func() {
			if v := recover(); v != nil {
				done <- outcome{err: &command.PanicError{Value: v, Stack: debug.Stack()}}
			}
		}()
		r, err := handle(ctx, q)
		done <- outcome{r, err}
	}()
	return done
}

func wait(ctx context.Context, done <-chan outcome) outcome {
	select {
	case o := <-done:
		return o
	case <-ctx.Done():
		return outcome{err: ctx.Err()}
	}
}

// message renders an outcome. Errors are logged with their details and
// shown to the user as a short localised apology.
func (b *bot) message(o outcome, v view, code string, attrs ...any) message {
	if o.err == nil {
		return b.render.render(o.reply, v)
	}
	l := b.lang(code)
	var pe *command.PanicError
	switch {
	case errors.As(o.err, &pe):
		b.log.Error("handler panic", append(attrs, "panic", fmt.Sprint(pe.Value), "stack", string(pe.Stack))...)
	case errors.Is(o.err, errBusy):
		b.logBusy(attrs)
		return text(l.Message("discord_busy", nil), true)
	case errors.Is(o.err, context.DeadlineExceeded):
		b.log.Warn("handler timed out", append(attrs, "timeout", b.cfg.HandlerTimeout)...)
		return text(l.Message("discord_timeout", nil), true)
	default:
		b.log.Error("handler failed", append(attrs, "err", o.err)...)
	}
	return text(l.Message("internal_error", nil), true)
}

// logBusy logs a refusal at debug level, and at most every ten seconds
// a warning with the totals.
func (b *bot) logBusy(attrs []any) {
	b.log.Debug("busy: question refused", attrs...)
	now := time.Now().UnixNano()
	last := b.busyWarned.Load()
	if now-last < int64(10*time.Second) || !b.busyWarned.CompareAndSwap(last, now) {
		return
	}
	running, waiting := b.gate.load()
	b.log.Warn("busy: refusing questions past the limit; raise QABOT_MAX_CONCURRENT only if the machine has idle CPUs",
		"running", running, "waiting", waiting, "refused_so_far", b.gate.refused.Load())
}

// exchange is one interaction being answered.
type exchange struct {
	b         *bot
	i         *discordgo.Interaction
	respond   responder
	responded bool
	lang      string // the user's language, from their locale
	user      string
}

// send sends the first response to the interaction. When the HTTP
// endpoint has already deferred it, r completes the deferral instead.
func (x *exchange) send(r *discordgo.InteractionResponse) error {
	x.responded = true
	err := x.respond(r)
	if errors.Is(err, errEndpointDeferred) {
		return x.b.completeDeferred(x, r)
	}
	return err
}

// conversation keys a user's conversation in a channel or DM: follow-ups
// ("and the EU?") continue what that user asked there.
func conversation(user, channel string) string {
	if user == "" {
		return ""
	}
	return user + "@" + channel
}

func interactionUser(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return i.Member.User.ID
	case i.User != nil:
		return i.User.ID
	}
	return ""
}

// interaction answers one interaction. respond must be called once; it
// is, even when something panics.
func (b *bot) interaction(i *discordgo.Interaction, respond responder) {
	if i.AppID == "" {
		i.AppID = b.cfg.AppID // follow-ups are addressed to the application
	}
	var guildLocale discordgo.Locale
	if i.GuildLocale != nil {
		guildLocale = *i.GuildLocale
	}
	x := &exchange{b: b, i: i, respond: respond, user: interactionUser(i), lang: b.localeLang(i.Locale, guildLocale)}
	defer b.guard("interaction", func() {
		m := text(b.lang(x.lang).Message("internal_error", nil), true)
		if !x.responded {
			b.check(x, "respond after panic", x.send(m.response(discordgo.InteractionResponseChannelMessageWithSource)))
			return
		}
		_, err := b.api.FollowupMessageCreate(i, false, m.followup())
		b.check(x, "follow up after panic", err)
	})
	// Route on the type first: ApplicationCommandData panics on the others.
	switch i.Type {
	case discordgo.InteractionPing:
		b.check(x, "pong", x.send(&discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}))
	case discordgo.InteractionApplicationCommand:
		b.command(x)
	case discordgo.InteractionApplicationCommandAutocomplete:
		b.autocomplete(x)
	case discordgo.InteractionMessageComponent:
		b.component(x)
	default:
		b.log.Debug("interaction type not served", "type", i.Type, "id", i.ID)
		m := text(b.lang(x.lang).Message("discord_expired", nil), true)
		b.check(x, "respond", x.send(m.response(discordgo.InteractionResponseChannelMessageWithSource)))
	}
}

// check logs the error of a Discord call.
func (b *bot) check(x *exchange, what string, err error) {
	if err != nil {
		b.log.Error("discord call failed", "call", what, "interaction", x.i.ID, "err", err)
	}
}

func optionMap(opts []*discordgo.ApplicationCommandInteractionDataOption) map[string]*discordgo.ApplicationCommandInteractionDataOption {
	m := make(map[string]*discordgo.ApplicationCommandInteractionDataOption, len(opts))
	for _, o := range opts {
		if o != nil {
			m[o.Name] = o
		}
	}
	return m
}

func stringOpt(m map[string]*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	if o, ok := m[name]; ok {
		if s, ok := o.Value.(string); ok {
			return clean(s)
		}
	}
	return ""
}

func boolOpt(m map[string]*discordgo.ApplicationCommandInteractionDataOption, name string) bool {
	if o, ok := m[name]; ok {
		if v, ok := o.Value.(bool); ok {
			return v
		}
	}
	return false
}

// command serves a slash command.
func (b *bot) command(x *exchange) {
	data := x.i.ApplicationCommandData()
	opts := optionMap(data.Options)
	q := command.Query{LangHint: x.lang, Scope: scopeOf(x.i.GuildID, x.user)}
	v := view{}
	hide := false
	switch data.Name {
	case command.Article:
		b.article(x, data)
		return
	case command.Ask:
		v.question = stringOpt(opts, optQuestion)
		q.Command, q.Text = command.Ask, stripMentions(v.question)
		q.Session = conversation(x.user, x.i.ChannelID)
		hide = boolOpt(opts, optHide)
	case command.Timeline:
		q.Command, q.Text = command.Timeline, stringOpt(opts, optAbout)
		q.From, q.To = stringOpt(opts, optFrom), stringOpt(opts, optTo)
	case command.Source, command.Summary:
		q.Command = data.Name
	default:
		q.Command = command.Help
	}
	v.query = q
	if msg, limited, _ := b.limited(x.user, x.lang); limited {
		b.check(x, "respond", x.send(text(msg, true).response(discordgo.InteractionResponseChannelMessageWithSource)))
		return
	}
	if msg, long := b.tooLong(v.question, x.lang); long {
		b.check(x, "respond", x.send(text(msg, true).response(discordgo.InteractionResponseChannelMessageWithSource)))
		return
	}
	b.run(x, q, v, hide, false)
}

// run answers an interaction with the handler's reply: inline when it is
// ready within DeferAfter, else by deferring and completing the response
// later. update is for components, whose answer replaces their message.
func (b *bot) run(x *exchange, q command.Query, v view, hide, update bool) {
	b.runWith(x, q, v, hide, update, b.h.Handle)
}

// runWith is run with a handler function of its own (which may do more
// than the bot's handler, such as downloading an attachment first).
func (b *bot) runWith(x *exchange, q command.Query, v view, hide, update bool, handle func(context.Context, command.Query) (command.Reply, error)) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(b.base, b.cfg.HandlerTimeout)
	defer cancel()
	attrs := []any{"interaction", x.i.ID, "command", q.Command, "user", x.user}
	done := b.callWith(ctx, q, handle)
	timer := time.NewTimer(b.cfg.DeferAfter)
	defer timer.Stop()
	select {
	case o := <-done:
		m := b.message(o, v, x.lang, attrs...)
		typ := discordgo.InteractionResponseChannelMessageWithSource
		if update && !m.Ephemeral {
			typ = discordgo.InteractionResponseUpdateMessage
		}
		m.Ephemeral = m.Ephemeral || hide
		b.check(x, "respond", x.send(m.response(typ)))
		b.log.Debug("answered", append(attrs, "took", time.Since(start))...)
		return
	case <-timer.C:
	}
	// Discord wants a response within 3 seconds: acknowledge now, answer
	// when the handler is done.
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{AllowedMentions: noMentions()}}
	if update {
		deferred.Type = discordgo.InteractionResponseDeferredMessageUpdate
	} else if hide {
		deferred.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	if err := x.send(deferred); err != nil {
		b.check(x, "defer", err)
		return
	}
	m := b.message(wait(ctx, done), v, x.lang, attrs...)
	if m.Ephemeral && !hide {
		// A public "thinking…" cannot become private: remove it (unless it
		// is the message a button was on) and answer privately.
		if !update {
			b.check(x, "delete deferred", b.api.InteractionResponseDelete(x.i))
		}
		_, err := b.api.FollowupMessageCreate(x.i, false, m.followup())
		b.check(x, "follow up", err)
		return
	}
	_, err := b.api.InteractionResponseEdit(x.i, m.edit())
	b.check(x, "edit deferred", err)
	b.log.Debug("answered after deferring", append(attrs, "took", time.Since(start))...)
}

// autocomplete suggests answerable questions in the user's language.
func (b *bot) autocomplete(x *exchange) {
	data := x.i.ApplicationCommandData()
	typed := ""
	for _, o := range data.Options {
		// The focused option holds the raw partial input as a string.
		if o != nil && o.Focused {
			if s, ok := o.Value.(string); ok {
				typed = clean(s)
			}
		}
	}
	code := x.lang
	if code == "" {
		code = "en"
	}
	var choices []*discordgo.ApplicationCommandOptionChoice
	if data.Name == command.Ask {
		for _, s := range b.suggest.get(code, typed, maxChoices) {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: Cut(s, maxChoice), Value: Cut(s, maxChoice)})
		}
	}
	if len(choices) == 0 {
		// Offer what was typed, so Discord has a choice to show.
		if t := strings.TrimSpace(typed); t != "" {
			choices = append(choices, &discordgo.ApplicationCommandOptionChoice{Name: Cut(t, maxChoice), Value: Cut(t, maxChoice)})
		}
	}
	b.check(x, "autocomplete", x.send(&discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices},
	}))
}

// component serves a button: timeline pages re-run their query from the
// button's custom ID, so no state is kept between clicks.
func (b *bot) component(x *exchange) {
	data := x.i.MessageComponentData()
	if strings.HasPrefix(data.CustomID, votePrefix) {
		b.vote(x, data.CustomID)
		return
	}
	page, q, ok := parseTimelineID(data.CustomID)
	if !ok {
		m := text(b.lang(x.lang).Message("discord_expired", nil), true)
		b.check(x, "respond", x.send(m.response(discordgo.InteractionResponseChannelMessageWithSource)))
		return
	}
	if msg, limited, _ := b.limited(x.user, x.lang); limited {
		b.check(x, "respond", x.send(text(msg, true).response(discordgo.InteractionResponseChannelMessageWithSource)))
		return
	}
	q.LangHint = x.lang
	q.Scope = scopeOf(x.i.GuildID, x.user) // the page of this server's timeline
	b.run(x, q, view{query: q, page: page}, false, true)
}

// chat answers a message when the bot is mentioned, in a DM, or in an
// allow-listed channel; it ignores everything else, other bots and
// itself. The answer is a reply to the message.
func (b *bot) chat(m *discordgo.Message, selfID string) {
	if m == nil || m.Author == nil {
		return
	}
	if m.Author.Bot || m.Author.ID == selfID {
		b.log.Debug("message ignored", "message", m.ID, "channel", m.ChannelID, "reason", "from a bot")
		return
	}
	dm := m.GuildID == ""
	mentioned := false
	for _, u := range m.Mentions {
		mentioned = mentioned || (u != nil && u.ID == selfID)
	}
	if !(b.cfg.Chat && (dm || mentioned)) && !b.channels[m.ChannelID] {
		b.log.Debug("message ignored", "message", m.ID, "channel", m.ChannelID, "reason", "not for the bot")
		return
	}
	question := clean(m.Content)
	for _, mention := range []string{"<@" + selfID + ">", "<@!" + selfID + ">"} {
		question = strings.ReplaceAll(question, mention, " ")
	}
	question = strings.TrimSpace(question)
	attrs := []any{"message", m.ID, "channel", m.ChannelID, "user", m.Author.ID}
	reply := func(msg message) {
		_, err := b.api.ChannelMessageSendComplex(m.ChannelID, msg.send(m))
		if err != nil {
			b.log.Error("discord call failed", append(attrs, "call", "reply", "err", err)...)
		}
	}
	if msg, limited, tell := b.limited(m.Author.ID, ""); limited {
		if tell {
			reply(text(msg, false))
		}
		return
	}
	if msg, long := b.tooLong(question, ""); long {
		reply(text(msg, false))
		return
	}
	ctx, cancel := context.WithTimeout(b.base, b.cfg.HandlerTimeout)
	defer cancel()
	q := command.Query{Command: command.Ask, Text: stripMentions(question), Session: conversation(m.Author.ID, m.ChannelID), Scope: scopeOf(m.GuildID, m.Author.ID)}
	msg := b.message(wait(ctx, b.call(ctx, q)), view{question: question, query: q}, "", attrs...)
	msg.Ephemeral = false // messages cannot be private; errors are short and safe to show
	reply(msg)
}
