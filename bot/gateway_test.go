package bot_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/bot"
	"github.com/qabot/qabot/bot/discordtest"
	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/internal/fakeclock"
	"github.com/qabot/qabot/lang"
)

// allowedChannel is a channel where the bot answers every message.
const allowedChannel = "1100000000000000777"

// gateway is a bot served over the emulator's gateway.
type gateway struct {
	srv    *discordtest.Server
	stub   *stub
	logs   *logSink
	clock  *fakeclock.Clock
	router *command.Router
	langs  *lang.Registry
	cancel context.CancelFunc
	served chan error
	done   bool
}

func startGateway(t testing.TB) *gateway {
	t.Helper()
	router, langs := mustWorld(t)
	srv := discordtest.Start(t, discordtest.Options{})
	g := &gateway{srv: srv, stub: newStub(router), logs: newLogSink(), clock: fakeclock.New(time.Unix(1_700_000_000, 0)),
		router: router, langs: langs, served: make(chan error, 1)}
	cfg := bot.Config{
		Token: bot.Secret(srv.Token()), AppID: srv.AppID(), GuildID: discordtest.DefaultGuildID,
		Chat: true, Channels: []string{allowedChannel},
		RatePerMinute: 6, RateBurst: 3, DeferAfter: 500 * time.Millisecond, Now: g.clock.Now,
	}
	var ctx context.Context
	ctx, g.cancel = context.WithCancel(context.Background())
	go func() { g.served <- bot.Serve(ctx, cfg, g.stub, langs, g.logs.logger()) }()
	t.Cleanup(func() { g.stop(t) })
	if _, err := srv.WaitFor(testContext(t), discordtest.Dispatched("READY")); err != nil {
		t.Fatalf("bot did not connect: %v\nlogs:\n%s", err, g.logs)
	}
	return g
}

// stop cancels Serve and waits for it to return.
func (g *gateway) stop(t testing.TB) {
	t.Helper()
	if g.done {
		return
	}
	g.done = true
	g.cancel()
	select {
	case err := <-g.served:
		if err != nil {
			t.Errorf("Serve() = %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Errorf("Serve did not return after its context was cancelled")
	}
}

func (g *gateway) dispatch(t *testing.T, i *discordtest.Interaction) result {
	t.Helper()
	if _, err := g.srv.DispatchInteraction(i); err != nil {
		t.Fatalf("DispatchInteraction: %v", err)
	}
	return awaitResult(t, g.srv, i)
}

func (g *gateway) ask(t *testing.T, question, locale string) result {
	t.Helper()
	i := discordtest.SlashCommand("ask", discordtest.String("question", question)).WithLocale(locale).From(newUser())
	return g.dispatch(t, i)
}

// sendMessage dispatches m and waits for the bot's reply to it.
func (g *gateway) sendMessage(t *testing.T, m *discordtest.Message) discordtest.SentMessage {
	t.Helper()
	if _, err := g.srv.DispatchMessage(m); err != nil {
		t.Fatalf("DispatchMessage: %v", err)
	}
	reply, err := g.srv.WaitReply(testContext(t), m.ID)
	if err != nil {
		t.Fatalf("no reply to message %q: %v", m.Content, err)
	}
	return reply
}

// expectIgnored dispatches m and waits until the bot has decided to
// ignore it, then checks that it did not reply.
func (g *gateway) expectIgnored(t *testing.T, m *discordtest.Message) {
	t.Helper()
	if _, err := g.srv.DispatchMessage(m); err != nil {
		t.Fatalf("DispatchMessage: %v", err)
	}
	if err := g.logs.waitFor(testContext(t), "message ignored", m.ID); err != nil {
		t.Fatal(err)
	}
	for _, r := range g.srv.Records() {
		if discordtest.ReplyTo(m.ID)(r) {
			t.Errorf("bot replied to ignored message %q: %s", m.Content, r)
		}
	}
}

const seedFooter = "Albania accuses Iran of cyber attack and breaks diplomatic ties with Tehran · %s · RFI · With AFP · AFP - KENZO TRIBOUILLARD"

func TestGateway(t *testing.T) {
	g := startGateway(t)
	srv, langs := g.srv, g.langs

	t.Run("intents", func(t *testing.T) {
		ids := srv.Identifies()
		if len(ids) == 0 {
			t.Fatal("no IDENTIFY received")
		}
		want := discordgo.IntentGuildMessages | discordgo.IntentDirectMessages | discordgo.IntentMessageContent
		if got := discordgo.Intent(ids[0].Intents); got != want {
			t.Errorf("IDENTIFY intents = %b, want %b", got, want)
		}
	})

	t.Run("commands registered once with localisations", func(t *testing.T) {
		var overwrites, creates int
		for _, r := range srv.Requests() {
			switch r.Route {
			case discordtest.RouteOverwriteGuildCommands, discordtest.RouteOverwriteGlobalCommands:
				overwrites++
			case discordtest.RouteCreateGuildCommand, discordtest.RouteCreateGlobalCommand:
				creates++
			}
		}
		if overwrites != 1 || creates != 0 {
			t.Errorf("bulk overwrites = %d, single creates = %d; want 1 and 0", overwrites, creates)
		}
		if got := srv.Commands(""); len(got) != 0 {
			t.Errorf("%d global commands registered, want none with DISCORD_GUILD_ID set", len(got))
		}
		cmds := srv.Commands(discordtest.DefaultGuildID)
		var names []string
		for _, c := range cmds {
			names = append(names, c.Name)
		}
		if diff := cmp.Diff([]string{"ask", "timeline", "source", "summary", "help", "article"}, names); diff != "" {
			t.Fatalf("command names (-want +got):\n%s", diff)
		}
		ask := cmds[0]
		wantNames := map[discordgo.Locale]string{
			discordgo.EnglishUS: "ask", discordgo.EnglishGB: "ask", discordgo.French: "demander",
			discordgo.SpanishES: "preguntar", discordgo.SpanishLATAM: "preguntar", discordgo.Russian: "спросить",
			discordgo.Swedish: "fråga", discordgo.Norwegian: "spør", discordgo.Hungarian: "kérdezz",
			discordgo.German: "fragen", discordgo.Italian: "chiedi", discordgo.PortugueseBR: "perguntar",
		}
		if ask.NameLocalizations == nil {
			t.Fatal("ask has no name_localizations")
		}
		if diff := cmp.Diff(wantNames, *ask.NameLocalizations); diff != "" {
			t.Errorf("ask name_localizations (-want +got):\n%s", diff)
		}
		if ask.DescriptionLocalizations == nil || len(*ask.DescriptionLocalizations) != len(wantNames) {
			t.Errorf("ask description_localizations = %v, want one per locale", ask.DescriptionLocalizations)
		}
		q := ask.Options[0]
		if q.Name != "question" || !q.Required || !q.Autocomplete || q.NameLocalizations[discordgo.German] != "frage" {
			t.Errorf("ask option = %+v, want a required autocompleted question localised as \"frage\" in German", q)
		}
	})

	t.Run("ask answers in the question's language, else the locale's", func(t *testing.T) {
		tests := []struct {
			name, question, locale string
			wantLang, wantTitle    string
			wantQuote              string
		}{
			{"english", "who anounced the decision to cut relations", "en-US", "en", "Edi Rama", "Edi Rama announced"},
			{"french question, english locale", "en quelle année l'Albanie est entrée dans l'OTAN ?", "en-GB", "fr", "2009", "joining NATO in 2009"},
			{"german", "wer hat den abbruch der beziehungen verkündet?", "de", "de", "Edi Rama", "Edi Rama announced"},
			{"spanish, latin american locale", "¿en qué año ilegalizó Teherán a los muyahidines?", "es-419", "es", "1981", "outlaw"},
			{"russian", "Кто в США осудил кибератаку Ирана?", "ru", "ru", "Adrienne Watson", "strongly condemns"},
			{"italian", "chi ha deciso di rompere le relazioni con l'Iran", "it", "it", "Council of Ministers", "Edi Rama announced"},
			{"hungarian", "kit támogatott a PMOI 1979-ben?", "hu", "hu", "Ayatollah Khomeini", "Ayatollah Khomeini"},
			{"a name alone takes the locale: Brazilian Portuguese", "Adrienne Watson", "pt-BR", "pt", "", "Adrienne Watson"},
			{"a name alone takes the locale: Norwegian", "Adrienne Watson", "no", "nb", "", "Adrienne Watson"},
			{"a name alone takes the locale: Swedish", "Adrienne Watson", "sv-SE", "sv", "", "Adrienne Watson"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				hint, _ := langs.ForLocale(tt.locale)
				want, err := g.router.Handle(context.Background(), command.Query{Command: command.Ask, Text: tt.question, LangHint: hint.Code})
				if err != nil || want.Answer == nil || !want.Answer.Answered {
					t.Fatalf("router does not answer %q: %+v, %v", tt.question, want.Answer, err)
				}
				if want.Lang != tt.wantLang {
					t.Fatalf("router answers %q in %q, want %q", tt.question, want.Lang, tt.wantLang)
				}
				got := g.ask(t, tt.question, tt.locale)
				e := got.embed(t)
				if got.Ephemeral {
					t.Errorf("answer is ephemeral, want public")
				}
				if tt.wantTitle != "" && e.Title != tt.wantTitle {
					t.Errorf("title = %q, want %q", e.Title, tt.wantTitle)
				}
				if e.Title != bot.Escape(want.Answer.Text) {
					t.Errorf("title = %q, want the router's answer %q", e.Title, want.Answer.Text)
				}
				if !strings.HasPrefix(e.Description, "> ") || !strings.Contains(e.Description, tt.wantQuote) {
					t.Errorf("description = %q, want a block quote holding %q", e.Description, tt.wantQuote)
				}
				para := message(t, langs, tt.wantLang, "paragraph_label", map[string]string{"n": strconv.Itoa(want.Answer.Quote.Paragraph + 1)})
				if e.Footer == nil || e.Footer.Text != fmt.Sprintf(seedFooter, para) {
					t.Errorf("footer = %+v, want %q", e.Footer, fmt.Sprintf(seedFooter, para))
				}
				if len(e.Fields) != 1 || e.Fields[0].Name != message(t, langs, tt.wantLang, "discord_question_label", nil) || e.Fields[0].Value != bot.Escape(tt.question) {
					t.Errorf("fields = %+v, want the question, labelled in %s", e.Fields, tt.wantLang)
				}
			})
		}
	})

	t.Run("hide makes the answer ephemeral", func(t *testing.T) {
		i := discordtest.SlashCommand("ask", discordtest.String("question", "who is adrienne watson"), discordtest.Bool("hide", true)).From(newUser())
		got := g.dispatch(t, i)
		if !got.Ephemeral || !strings.Contains(got.embed(t).Description, "Adrienne Watson") {
			t.Errorf("hidden answer = %+v, want an ephemeral answer", got)
		}
	})

	t.Run("not in the article", func(t *testing.T) {
		got := g.ask(t, "who won the football world cup final", "fr")
		e := got.embed(t)
		want := message(t, langs, "en", "not_in_article", nil)
		if e.Title != want {
			t.Errorf("title = %q, want %q", e.Title, want)
		}
	})

	t.Run("autocomplete suggests answerable questions in the user's locale", func(t *testing.T) {
		if err := g.logs.waitFor(testContext(t), "autocomplete suggestions ready"); err != nil {
			t.Fatal(err)
		}
		tests := []struct{ locale, typed, code, prefix string }{
			{"en-US", "Wh", "en", "wh"},
			{"fr", "Qu", "fr", "qu"},
			{"de", "", "de", ""},
			{"pt-BR", "o que", "pt", "o que"},
		}
		for _, tt := range tests {
			i := discordtest.Autocomplete("ask", discordtest.Focused(discordtest.String("question", tt.typed))).WithLocale(tt.locale).From(newUser())
			got := g.dispatch(t, i)
			if got.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
				t.Fatalf("autocomplete response type = %d, want %d", got.Type, discordgo.InteractionApplicationCommandAutocompleteResult)
			}
			if got.Latency >= discordgo.InteractionDeadline {
				t.Errorf("autocomplete answered after %v, want within %v", got.Latency, discordgo.InteractionDeadline)
			}
			if len(got.Choices) == 0 {
				t.Errorf("autocomplete(%q, %s) offered nothing", tt.typed, tt.locale)
			}
			for _, c := range got.Choices {
				name := c.Name
				if !strings.HasPrefix(lang.Fold(name), tt.prefix) {
					t.Errorf("autocomplete(%q, %s) offered %q", tt.typed, tt.locale, name)
				}
				r, err := g.router.Handle(context.Background(), command.Query{Command: command.Ask, Text: name, Lang: tt.code})
				if err != nil || r.Answer == nil || !r.Answer.Answered {
					t.Errorf("suggestion %q is not answered", name)
				}
			}
		}
	})

	t.Run("timeline pages with buttons", func(t *testing.T) {
		i := discordtest.SlashCommand("timeline", discordtest.String("about", "talks")).WithLocale("fr").From(newUser())
		page1 := g.dispatch(t, i)
		e := page1.embed(t)
		if got := strings.Count(e.Description, "• "); got != 10 {
			t.Errorf("page 1 shows %d items, want 10:\n%s", got, e.Description)
		}
		if want := message(t, langs, "fr", "discord_page", map[string]string{"page": "1", "pages": "3"}); e.Footer == nil || e.Footer.Text != want {
			t.Errorf("page 1 footer = %+v, want %q", e.Footer, want)
		}
		prev, next := buttons(t, page1)
		if !prev.Disabled || next.Disabled {
			t.Errorf("page 1 buttons: previous disabled %v, next disabled %v; want true, false", prev.Disabled, next.Disabled)
		}
		// Each click re-runs the query from the button's custom ID.
		click := discordtest.ButtonClick(next.CustomID, nil).WithLocale("de").From(newUser())
		page2 := g.dispatch(t, click)
		if page2.Type != discordgo.InteractionResponseUpdateMessage {
			t.Errorf("click response type = %d, want an update (7)", page2.Type)
		}
		e2 := page2.embed(t)
		if !strings.Contains(e2.Description, "event 11 talks") || strings.Contains(e2.Description, "event 10 ") {
			t.Errorf("page 2 = %q, want events 11 to 20", e2.Description)
		}
		if want := message(t, langs, "fr", "discord_page", map[string]string{"page": "2", "pages": "3"}); e2.Footer == nil || e2.Footer.Text != want {
			t.Errorf("page 2 footer = %+v, want %q (the language of the query, not of the clicker)", e2.Footer, want)
		}
		_, next2 := buttons(t, page2)
		page3 := g.dispatch(t, discordtest.ButtonClick(next2.CustomID, nil).From(newUser()))
		if !strings.Contains(page3.embed(t).Description, "event 25 talks") {
			t.Errorf("page 3 = %q, want the last events", page3.embed(t).Description)
		}
		if _, last := buttons(t, page3); !last.Disabled {
			t.Errorf("next button of the last page is enabled")
		}
		forged := strings.Replace(next.CustomID, "talks", "other", 1)
		bad := g.dispatch(t, discordtest.ButtonClick(forged, nil).From(newUser()))
		if !bad.Ephemeral || bad.Content != message(t, langs, "en", "discord_expired", nil) {
			t.Errorf("forged button = %+v, want the ephemeral expired notice", bad)
		}
	})

	t.Run("source", func(t *testing.T) {
		got := g.dispatch(t, discordtest.SlashCommand("source").WithLocale("it").From(newUser()))
		e := got.embed(t)
		if e.Title != message(t, langs, "it", "source_title", nil) || len(e.Fields) != 1 {
			t.Fatalf("source = %+v, want the Italian title and one article", e)
		}
		f := e.Fields[0]
		want := message(t, langs, "it", "discord_counts", map[string]string{"sentences": "23", "paragraphs": "23"})
		if !strings.HasPrefix(f.Name, "Albania accuses Iran") || !strings.Contains(f.Value, "RFI") || !strings.Contains(f.Value, want) {
			t.Errorf("source field = %+v, want title, byline and %q", f, want)
		}
	})

	t.Run("summary quotes a few sentences with their paragraphs", func(t *testing.T) {
		got := g.dispatch(t, discordtest.SlashCommand("summary").WithLocale("fr").From(newUser()))
		e := got.embed(t)
		title := message(t, langs, "fr", "summary_title", map[string]string{"title": "Albania accuses Iran of cyber attack and breaks diplomatic ties with Tehran"})
		if e.Title != title {
			t.Errorf("summary title = %q, want %q", e.Title, title)
		}
		quotes, paras := strings.Count(e.Description, "> "), strings.Count(e.Description, "— Paragraphe ")
		if quotes < 3 || quotes > 5 || paras != quotes {
			t.Errorf("summary = %q, want 3 to 5 quoted sentences, each with its paragraph in French", e.Description)
		}
	})

	t.Run("a command word in a mention runs the command", func(t *testing.T) {
		m := discordtest.GuildMessage(discordtest.MentionID(srv.AppID()) + " tl;dr").From(newUser())
		reply := g.sendMessage(t, m)
		if len(reply.Embeds) != 1 || !strings.HasPrefix(reply.Embeds[0].Title, "Summary: ") {
			t.Fatalf("reply to tl;dr = %+v (first embed %+v), want the summary embed", reply, *reply.Embeds[0])
		}
	})

	t.Run("help in the user's language", func(t *testing.T) {
		got := g.dispatch(t, discordtest.SlashCommand("help").WithLocale("de").From(newUser()))
		if d := got.embed(t).Description; !strings.Contains(d, "/fragen") || !strings.Contains(d, "/zeitleiste") {
			t.Errorf("help = %q, want the German command names", d)
		}
	})

	t.Run("mention in a channel is answered as a reply", func(t *testing.T) {
		m := discordtest.GuildMessage(discordtest.MentionID(srv.AppID()) + " who anounced the decision to cut relations").From(newUser())
		reply := g.sendMessage(t, m)
		if len(reply.Embeds) != 1 || reply.Embeds[0].Title != "Edi Rama" {
			t.Fatalf("reply = %+v, want the answer embed", reply)
		}
		if f := reply.Embeds[0].Fields; len(f) != 1 || f[0].Value != "who anounced the decision to cut relations" {
			t.Errorf("echoed question = %+v, want it without the bot's mention", f)
		}
		if reply.Reference == nil || reply.Reference.MessageID != m.ID {
			t.Errorf("reply reference = %+v, want message %s", reply.Reference, m.ID)
		}
	})

	t.Run("direct message is answered as a reply", func(t *testing.T) {
		m := discordtest.DirectMessage("¿Quién es Adrienne Watson?").From(newUser())
		reply := g.sendMessage(t, m)
		if len(reply.Embeds) != 1 || !strings.Contains(reply.Embeds[0].Description, "Adrienne Watson") {
			t.Errorf("DM reply = %+v, want the answer", reply)
		}
		if reply.ChannelID != discordtest.DefaultDMChannelID {
			t.Errorf("DM reply in channel %s, want %s", reply.ChannelID, discordtest.DefaultDMChannelID)
		}
	})

	t.Run("allow-listed channel is answered without a mention", func(t *testing.T) {
		m := discordtest.GuildMessage("who is adrienne watson").InGuild(discordtest.DefaultGuildID, allowedChannel).From(newUser())
		if reply := g.sendMessage(t, m); len(reply.Embeds) != 1 {
			t.Errorf("reply = %+v, want the answer embed", reply)
		}
	})

	t.Run("other messages are ignored", func(t *testing.T) {
		g.expectIgnored(t, discordtest.GuildMessage("who is adrienne watson").From(newUser()))
		other := discordtest.User{ID: discordtest.NewSnowflake(), Username: "otherbot", Discriminator: "0", Bot: true}
		g.expectIgnored(t, discordtest.GuildMessage(discordtest.MentionID(srv.AppID())+" who is adrienne watson").From(other))
		g.expectIgnored(t, discordtest.DirectMessage("who is adrienne watson").From(srv.BotUser()))
	})

	t.Run("mentions in a question do not ping", func(t *testing.T) {
		q := "@everyone <@&1100000000000000500> who anounced the decision to cut relations"
		got := g.ask(t, q, "en-US")
		e := got.embed(t)
		if e.Title != "Edi Rama" {
			t.Errorf("title = %q, want the answer to the question without its mentions", e.Title)
		}
		v := e.Fields[0].Value
		if strings.Contains(v, "@everyone") || !strings.Contains(v, `\<@&1100000000000000500>`) {
			t.Errorf("echoed question = %q, want @everyone broken and the role mention escaped", v)
		}
		m := discordtest.GuildMessage(discordtest.MentionID(srv.AppID()) + " " + q).From(newUser())
		reply := g.sendMessage(t, m)
		if reply.AllowedMentions == nil || len(reply.AllowedMentions.Parse) != 0 {
			t.Errorf("reply allowed_mentions = %+v, want none", reply.AllowedMentions)
		}
		if v := reply.Embeds[0].Fields[0].Value; strings.Contains(v, "@everyone") || strings.Contains(v, "<@&") && !strings.Contains(v, `\<@&`) {
			t.Errorf("echoed question = %q, want mentions escaped", v)
		}
	})

	t.Run("a huge question gets a clear refusal", func(t *testing.T) {
		q := strings.Repeat("why ", 2500)
		got := g.ask(t, q, "de")
		want := message(t, langs, "de", "question_too_long", map[string]string{"max": "500"})
		if !got.Ephemeral || got.Content != want {
			t.Errorf("refusal = %+v, want ephemeral %q", got, want)
		}
		reply := g.sendMessage(t, discordtest.DirectMessage(q).From(newUser()))
		if reply.Content != message(t, langs, "en", "question_too_long", map[string]string{"max": "500"}) {
			t.Errorf("chat refusal = %q", reply.Content)
		}
	})

	t.Run("invalid UTF-8 does not crash", func(t *testing.T) {
		got := g.ask(t, "\xff\xfe who \xc3 is adrienne watson \xed\xa0\x80", "en-US")
		if got.text() == "" {
			t.Errorf("no visible reply to invalid UTF-8")
		}
		reply := g.sendMessage(t, discordtest.DirectMessage("\xff\xfe\xfd").From(newUser()))
		if reply.Content == "" && len(reply.Embeds) == 0 {
			t.Errorf("empty reply to invalid UTF-8")
		}
		if got := g.ask(t, "who is adrienne watson", "en-US"); len(got.Embeds) != 1 {
			t.Errorf("bot stopped answering after invalid UTF-8: %+v", got)
		}
	})

	t.Run("rate limit engages and releases", func(t *testing.T) {
		u := newUser()
		ask := func() result {
			return g.dispatch(t, discordtest.SlashCommand("ask", discordtest.String("question", "who is adrienne watson")).WithLocale("fr").From(u))
		}
		for n := range 3 {
			if got := ask(); len(got.Embeds) != 1 {
				t.Fatalf("question %d within the burst = %+v, want an answer", n+1, got)
			}
		}
		limited := ask()
		want := message(t, langs, "fr", "rate_limited", map[string]string{"seconds": "10"})
		if !limited.Ephemeral || limited.Content != want {
			t.Errorf("fourth question = %+v, want ephemeral %q", limited, want)
		}
		if other := g.ask(t, "who is adrienne watson", "fr"); len(other.Embeds) != 1 {
			t.Errorf("another user was limited too: %+v", other)
		}
		g.clock.Advance(10 * time.Second)
		if got := ask(); len(got.Embeds) != 1 {
			t.Errorf("after 10 s = %+v, want an answer", got)
		}
	})

	t.Run("a panic is reported and the bot keeps serving", func(t *testing.T) {
		got := g.ask(t, panicQuestion, "it")
		if want := message(t, langs, "it", "internal_error", nil); !got.Ephemeral || got.Content != want {
			t.Errorf("after a panic = %+v, want ephemeral %q", got, want)
		}
		if strings.Contains(got.Content, "test panic") {
			t.Errorf("the user sees the panic: %q", got.Content)
		}
		reply := g.sendMessage(t, discordtest.DirectMessage(panicQuestion).From(newUser()))
		if reply.Content != message(t, langs, "en", "internal_error", nil) {
			t.Errorf("chat reply after a panic = %q", reply.Content)
		}
		if err := g.logs.waitFor(testContext(t), "handler panic", "test panic", "goroutine"); err != nil {
			t.Error(err)
		}
		if got := g.ask(t, "who is adrienne watson", "it"); len(got.Embeds) != 1 {
			t.Errorf("bot stopped answering after a panic: %+v", got)
		}
	})

	t.Run("a slow answer is deferred and completed", func(t *testing.T) {
		g.stub.drain()
		i := discordtest.SlashCommand("ask", discordtest.String("question", slowQuestion)).From(newUser())
		if _, err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		<-g.stub.entered
		resp, err := srv.WaitResponse(testContext(t), i.ID)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
			t.Fatalf("slow answer first response type = %d, want deferred (5)", resp.Type)
		}
		g.stub.release <- struct{}{}
		got := awaitResult(t, srv, i)
		if !got.Deferred || got.embed(t).Title != "Edi Rama" {
			t.Errorf("completed answer = %+v, want the answer edited in", got)
		}
	})

	t.Run("the bot answers after the gateway drops", func(t *testing.T) {
		mark := srv.Mark()
		srv.DropConnections()
		if _, err := srv.WaitSince(testContext(t), mark, discordtest.Dispatched("RESUMED")); err != nil {
			t.Fatalf("session did not resume: %v", err)
		}
		if got := g.ask(t, "who is adrienne watson", "en-US"); len(got.Embeds) != 1 {
			t.Errorf("after a reconnect = %+v, want an answer", got)
		}
	})

	t.Run("recorded payloads replay", func(t *testing.T) {
		files, err := filepath.Glob("testdata/interactions/*.json")
		if err != nil || len(files) == 0 {
			t.Fatalf("no payloads: %v", err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "ping.json") {
				continue // Discord sends PING only to HTTP endpoints
			}
			t.Run(filepath.Base(f), func(t *testing.T) {
				raw, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				i, err := discordtest.ParseInteraction(raw)
				if err != nil {
					t.Fatal(err)
				}
				got := g.dispatch(t, i)
				if got.text() == "" && len(got.Choices) == 0 {
					t.Errorf("%s: empty response %+v", f, got)
				}
				checkReplay(t, filepath.Base(f), got, langs)
			})
		}
	})

	t.Run("every message allows no mentions", func(t *testing.T) {
		checkAllowedMentions(t, srv)
		if u := srv.Unhandled(); len(u) > 0 {
			t.Errorf("bot called routes the emulator does not know: %v", u)
		}
	})

	t.Run("shutdown lets the handler in flight finish", func(t *testing.T) {
		g.stub.drain()
		i := discordtest.SlashCommand("ask", discordtest.String("question", slowQuestion)).From(newUser())
		if _, err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		<-g.stub.entered
		g.cancel()
		if err := g.logs.waitFor(testContext(t), "shutting down"); err != nil {
			t.Fatal(err)
		}
		g.stub.release <- struct{}{}
		got := awaitResult(t, srv, i)
		if got.embed(t).Title != "Edi Rama" {
			t.Errorf("answer in flight at shutdown = %+v", got)
		}

		g.stop(t)
	})

	checkLogsHoldNoSecrets(t, srv, g.logs.String())
}

// checkReplay checks what each recorded payload should produce.
func checkReplay(t *testing.T, name string, got result, langs *lang.Registry) {
	t.Helper()
	switch name {
	case "slash_command.json", "dm_slash_command.json":
		if len(got.Embeds) != 1 {
			t.Errorf("%s: %+v, want an answer embed", name, got)
		}
	case "autocomplete.json":
		if got.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(got.Choices) == 0 {
			t.Errorf("%s: %+v, want choices", name, got)
		}
	case "button_click.json":
		want := message(t, langs, "de", "discord_page", map[string]string{"page": "2", "pages": "3"})
		if got.Type != discordgo.InteractionResponseUpdateMessage || got.embed(t).Footer == nil || got.embed(t).Footer.Text != want {
			t.Errorf("%s: %+v, want timeline page 2 in German", name, got)
		}
	}
}

// buttons returns the previous and next buttons of a timeline page.
func buttons(t *testing.T, r result) (prev, next *discordgo.Button) {
	t.Helper()
	if len(r.Components) != 1 {
		t.Fatalf("%d component rows, want 1", len(r.Components))
	}
	row, ok := r.Components[0].(*discordgo.ActionsRow)
	if !ok || len(row.Components) != 2 {
		t.Fatalf("components = %#v, want a row of two buttons", r.Components)
	}
	var bs []*discordgo.Button
	for _, c := range row.Components {
		b, ok := c.(*discordgo.Button)
		if !ok {
			t.Fatalf("component %#v is not a button", c)
		}
		bs = append(bs, b)
	}
	if !slices.ContainsFunc(bs, func(b *discordgo.Button) bool { return strings.HasPrefix(b.CustomID, "tl:") }) {
		t.Fatalf("buttons %+v have no timeline IDs", bs)
	}
	return bs[0], bs[1]
}

func TestServeStartupErrors(t *testing.T) {
	router, langs := mustWorld(t)
	tests := []struct {
		name     string
		opts     discordtest.Options
		cfg      func(*bot.Config)
		wantText []string
	}{
		{"wrong token", discordtest.Options{}, func(c *bot.Config) { c.Token = "not-the-token-secret" }, []string{"register commands", "401"}},
		{"message content not enabled", discordtest.Options{DisabledIntents: discordgo.IntentMessageContent},
			func(c *bot.Config) { c.Channels = []string{"1"} }, []string{"4014", "QABOT_CHANNELS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := discordtest.Start(t, tt.opts)
			cfg := bot.Config{Token: bot.Secret(srv.Token()), AppID: srv.AppID()}
			tt.cfg(&cfg)
			logs := newLogSink()
			err := bot.Serve(testContext(t), cfg, router, langs, logs.logger())
			if err == nil {
				t.Fatal("Serve() = nil, want an error")
			}
			for _, w := range tt.wantText {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Serve() = %q, want it to mention %q", err, w)
				}
			}
			if s := err.Error() + logs.String(); strings.Contains(s, string(cfg.Token)) {
				t.Errorf("the error or the logs hold the token: %s", s)
			}
		})
	}
}
