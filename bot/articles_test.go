package bot_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/qabot/qabot/bot"
	"github.com/qabot/qabot/bot/discordtest"
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/fetch"
	"github.com/qabot/qabot/ingest"
	"github.com/qabot/qabot/internal/fakeclock"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/library"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
	"github.com/qabot/qabot/store"
)

const adminRole = "1100000000000000777"

// libraryGateway is the bot over the emulator with a library of articles
// in a fresh SQLite file, and a loopback site with saved news pages.
type libraryGateway struct {
	*gateway
	site *httptest.Server
	db   *store.DB
}

func startLibraryGateway(t *testing.T) *libraryGateway {
	t.Helper()
	_, langs := mustWorld(t)
	res, err := qa.NewResources(qa.Options{Languages: langs, Detector: lang.NewDetector(langs)})
	if err != nil {
		t.Fatal(err)
	}
	def, err := res.Load(seeds.FS)
	if err != nil {
		t.Fatal(err)
	}
	db, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "qabot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cleaner, err := corpus.NewCleaner()
	if err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "pages", filepath.Base(r.URL.Path)+".html"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(data)
	}))
	t.Cleanup(site.Close)
	loopback := fetch.Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}}
	lib, err := library.New(library.Options{
		Store: db, Resources: res, Languages: langs, Default: def,
		Fetcher:   fetch.New(fetch.Options{Policy: loopback, Timeout: time.Minute}),
		Extractor: ingest.New(ingest.Options{Cleaner: cleaner}),
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(lib.Close)

	srv := discordtest.Start(t, discordtest.Options{})
	g := &gateway{srv: srv, logs: newLogSink(), clock: fakeclock.New(time.Unix(1_700_000_000, 0)), langs: langs, served: make(chan error, 1)}
	cfg := bot.Config{
		Token: bot.Secret(srv.Token()), AppID: srv.AppID(), GuildID: discordtest.DefaultGuildID,
		RatePerMinute: 600, RateBurst: 100, DeferAfter: time.Second, HandlerTimeout: time.Minute, Now: g.clock.Now,
		ShutdownTimeout: 2 * time.Second,
		Votes:           true, AdminRoles: []string{adminRole},
		Fetcher: fetch.New(fetch.Options{Policy: loopback, Timeout: time.Minute}), // the "CDN" of attachments is the loopback site
	}
	var ctx context.Context
	ctx, g.cancel = context.WithCancel(context.Background())
	go func() { g.served <- bot.Serve(ctx, cfg, lib, langs, g.logs.logger()) }()
	t.Cleanup(func() {
		// As gateway.stop, with more patience for a loaded machine: the
		// background harvest of suggestions asks the library hundreds of
		// questions.
		g.done = true
		g.cancel()
		select {
		case err := <-g.served:
			if err != nil {
				t.Errorf("Serve() = %v", err)
			}
		case <-time.After(time.Minute):
			t.Errorf("Serve did not return a minute after its context was cancelled")
		}
	})
	if _, err := srv.WaitFor(testContext(t), discordtest.Dispatched("READY")); err != nil {
		t.Fatalf("bot did not connect: %v\nlogs:\n%s", err, g.logs)
	}
	return &libraryGateway{gateway: g, site: site, db: db}
}

func articleCmd(sub string, opts ...discordtest.CommandOption) *discordtest.Interaction {
	return discordtest.SlashCommand("article", discordtest.Subcommand(sub, opts...))
}

// asModerator gives the invoking member the Manage Server permission.
func asModerator(i *discordtest.Interaction) *discordtest.Interaction {
	i.Member.Permissions = "32"
	return i
}

func TestArticleCommands(t *testing.T) {
	g := startLibraryGateway(t)
	langs := g.langs
	mod := newUser()

	// The command is registered, with its subcommands in every language.
	var article *discordgo.ApplicationCommand
	for _, c := range g.srv.Commands(discordtest.DefaultGuildID) {
		if c.Name == "article" {
			article = c
		}
	}
	if article == nil || len(article.Options) != 5 || (*article.NameLocalizations)[discordgo.Russian] != "статья" {
		t.Fatalf("/article registered as %+v", article)
	}

	// A server without articles says which one it answers from.
	list := g.dispatch(t, articleCmd("list").WithLocale("fr").From(mod))
	if !strings.Contains(list.text(), "Aucun article n'a encore été ajouté") {
		t.Errorf("/article list with none (fr) = %q", list.text())
	}

	// Adding needs Manage Server or the admin role.
	denied := g.dispatch(t, articleCmd("add", discordtest.String("url", g.site.URL+"/en-harbour-reopens")).WithLocale("de").From(newUser()))
	if want := message(t, langs, "de", "article_forbidden", nil); !denied.Ephemeral || !strings.Contains(denied.text(), want) {
		t.Errorf("/article add without permission = %q (ephemeral %v), want %q", denied.text(), denied.Ephemeral, want)
	}
	// SSRF attempts are refused with the reason, in the user's language.
	ssrf := g.dispatch(t, asModerator(articleCmd("add", discordtest.String("url", "http://169.254.169.254/latest/meta-data/")).WithLocale("es-ES").From(mod)))
	if want := message(t, langs, "es", "fetch_blocked_address", nil); !ssrf.Ephemeral || !strings.Contains(ssrf.text(), want) {
		t.Errorf("/article add metadata address = %q, want %q", ssrf.text(), want)
	}
	added := g.dispatch(t, asModerator(articleCmd("add", discordtest.String("url", g.site.URL+"/en-harbour-reopens")).WithLocale("fr").From(mod)))
	if !strings.Contains(added.text(), "Harbour at Kellwick reopens") || !strings.Contains(added.text(), "J'ai ajouté") {
		t.Fatalf("/article add = %q", added.text())
	}
	// A role from QABOT_ADMIN_ROLE may add too.
	byRole := g.dispatch(t, articleCmd("add", discordtest.String("url", g.site.URL+"/en-council-budget")).WithRoles(adminRole).From(newUser()))
	if !strings.Contains(byRole.text(), "Council approves budget") {
		t.Errorf("/article add by the admin role = %q", byRole.text())
	}

	// An attached file: the bot downloads it through the guarded fetcher.
	page := g.site.URL + "/es-sequia-embalses"
	file := g.dispatch(t, asModerator(articleCmd("add", discordtest.AttachmentOption("file", "sequia.html", "text/html; charset=utf-8", 4000, page)).WithLocale("es-ES").From(mod)))
	if !strings.Contains(file.text(), "Los embalses de la cuenca del Tormes") || !strings.Contains(file.text(), "He añadido") {
		t.Errorf("/article add file = %q", file.text())
	}
	// An attachment pointing at a private address is refused like a URL.
	private := g.dispatch(t, asModerator(articleCmd("add", discordtest.AttachmentOption("file", "x.html", "text/html", 10, "http://10.0.0.1/x.html")).From(mod)))
	if want := message(t, langs, "en", "fetch_blocked_address", nil); !strings.Contains(private.text(), want) {
		t.Errorf("/article add file at a private address = %q", private.text())
	}

	// The server's questions are answered from its articles, with vote
	// buttons under the answer.
	ask := discordtest.SlashCommand("ask", discordtest.String("question", "How much did the repairs cost?")).From(newUser())
	answer := g.dispatch(t, ask)
	e := answer.embed(t)
	if !strings.Contains(e.Description, "3.2 million pounds") {
		t.Fatalf("/ask after /article add = %q", e.Description)
	}
	up, down := voteButtons(t, answer)
	// Another server still has the seed article.
	elsewhere := g.dispatch(t, discordtest.SlashCommand("ask", discordtest.String("question", "How much did the repairs cost?")).InGuild("1100000000000000999", "1100000000000000998").From(newUser()))
	if strings.Contains(elsewhere.text(), "3.2 million") {
		t.Errorf("another server answered from this server's article: %q", elsewhere.text())
	}

	// Votes: one per user per answer, thanked privately.
	msg := answerMessage(t, e)
	voter := newUser()
	for _, click := range []*discordtest.Interaction{
		discordtest.ButtonClick(down.CustomID, msg).From(voter).WithLocale("it"),
		discordtest.ButtonClick(down.CustomID, msg).From(voter).WithLocale("it"),
		discordtest.ButtonClick(up.CustomID, msg).From(newUser()),
	} {
		r := g.dispatch(t, click)
		if !r.Ephemeral || !strings.Contains(r.text(), message(t, langs, "it", "feedback_thanks", nil)) && !strings.Contains(r.text(), message(t, langs, "en", "feedback_thanks", nil)) {
			t.Errorf("vote click = %q (ephemeral %v)", r.text(), r.Ephemeral)
		}
	}
	// A question the articles do not answer is logged for the report.
	g.dispatch(t, discordtest.SlashCommand("ask", discordtest.String("question", "Who won the mayoral election?")).From(newUser()))

	if r := g.dispatch(t, articleCmd("report").From(newUser())); !r.Ephemeral || !strings.Contains(r.text(), message(t, langs, "en", "article_forbidden", nil)) {
		t.Errorf("/article report without permission = %q", r.text())
	}
	report := g.dispatch(t, asModerator(articleCmd("report").From(mod)))
	rt := report.text()
	if !report.Ephemeral || !strings.Contains(rt, "1× Who won the mayoral election?") || !strings.Contains(rt, "👎 1 · 👍 1 · Harbour at Kellwick") || !strings.Contains(rt, "3.2 million pounds") {
		t.Errorf("/article report = %q", rt)
	}

	list = g.dispatch(t, articleCmd("list").From(newUser()))
	if lt := list.text(); !strings.Contains(lt, "1. Harbour at Kellwick") || !strings.Contains(lt, "2. Council approves budget") || !strings.Contains(lt, "3. Los embalses") {
		t.Errorf("/article list = %q", lt)
	}
	show := g.dispatch(t, articleCmd("show", discordtest.Int("number", 2)).From(newUser()))
	if st := show.text(); !strings.Contains(st, "Westmere City Council approved its budget") || strings.Contains(st, "Have your say") {
		t.Errorf("/article show = %q", st)
	}
	if r := g.dispatch(t, articleCmd("remove", discordtest.Int("number", 1)).From(newUser())); !r.Ephemeral {
		t.Errorf("/article remove without permission = %q", r.text())
	}
	removed := g.dispatch(t, asModerator(articleCmd("remove", discordtest.Int("number", 1)).WithLocale("pt-BR").From(mod)))
	if !strings.Contains(removed.text(), "Removi “Harbour at Kellwick") {
		t.Errorf("/article remove = %q", removed.text())
	}
	if a := g.dispatch(t, discordtest.SlashCommand("ask", discordtest.String("question", "How much did the repairs cost?")).From(newUser())); strings.Contains(a.text(), "3.2 million pounds") {
		t.Errorf("/ask after /article remove still quotes the removed article: %q", a.text())
	}
	checkAllowedMentions(t, g.srv)
}

// voteButtons returns the 👍 and 👎 buttons of an answer.
func voteButtons(t *testing.T, r result) (up, down discordgo.Button) {
	t.Helper()
	if len(r.Components) != 1 {
		t.Fatalf("answer has %d component rows, want the vote buttons", len(r.Components))
	}
	row, ok := r.Components[0].(*discordgo.ActionsRow)
	if !ok || len(row.Components) != 2 {
		t.Fatalf("answer components = %#v", r.Components)
	}
	up, ok1 := buttonOf(row.Components[0])
	down, ok2 := buttonOf(row.Components[1])
	if !ok1 || !ok2 || up.Emoji == nil || up.Emoji.Name != "👍" || down.Emoji == nil || down.Emoji.Name != "👎" {
		t.Fatalf("vote buttons = %#v", row.Components)
	}
	return up, down
}

func buttonOf(c discordgo.MessageComponent) (discordgo.Button, bool) {
	switch b := c.(type) {
	case *discordgo.Button:
		return *b, true
	case discordgo.Button:
		return b, true
	}
	return discordgo.Button{}, false
}

// answerMessage is the bot's answer message as a button click carries it.
func answerMessage(t *testing.T, e *discordgo.MessageEmbed) *discordtest.Message {
	t.Helper()
	m := discordtest.ButtonClick("x", nil).Message
	m.ID = discordtest.NewSnowflake()
	raw, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	m.Embeds = []json.RawMessage{raw}
	return m
}
