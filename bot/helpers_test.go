package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/qabot/qabot/bot/discordtest"
	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

// Magic questions the test handler answers in its own way.
const (
	panicQuestion = "PANIC-TEST please"
	slowQuestion  = "SLOW-TEST please"
)

// world is the real engine over the embedded seed article, built once per
// test binary: it takes most of a second.
var world struct {
	once   sync.Once
	router *command.Router
	langs  *lang.Registry
	err    error
}

// timelineEvents is how many dated items the stub timeline returns.
const timelineEvents = 25

func mustWorld(tb testing.TB) (*command.Router, *lang.Registry) {
	tb.Helper()
	world.once.Do(func() {
		p, err := corpus.NewParser()
		if err != nil {
			world.err = err
			return
		}
		c, err := corpus.Load(seeds.FS, p)
		if err != nil {
			world.err = err
			return
		}
		reg, err := lang.Load(lang.Data)
		if err != nil {
			world.err = err
			return
		}
		d, err := lang.DefaultDetector()
		if err != nil {
			world.err = err
			return
		}
		e, err := qa.New(c, qa.Options{Languages: reg, Detector: d})
		if err != nil {
			world.err = err
			return
		}
		r := command.NewRouter(e, reg)
		// As qabot serve wires it: mentions and DMs are turns of a
		// conversation, and command words ("tl;dr") run their command.
		convs, err := qa.NewConversations(e, qa.ConversationOptions{})
		if err != nil {
			world.err = err
			return
		}
		r.UseConversations(convs)
		// The router has no timeline yet: a stub returns dated items, one
		// a line, the way the bot reads timeline replies for now.
		r.Route(command.Timeline, command.HandlerFunc(func(ctx context.Context, q command.Query) (command.Reply, error) {
			var b strings.Builder
			for i := range timelineEvents {
				fmt.Fprintf(&b, "%d-01-01 — event %d %s\n", 2000+i, i+1, q.Text)
			}
			return command.Reply{Command: command.Timeline, Lang: r.Language(q).Code, Message: b.String()}, nil
		}))
		world.router, world.langs = r, reg
	})
	if world.err != nil {
		tb.Fatalf("build engine: %v", world.err)
	}
	return world.router, world.langs
}

// stub wraps the router: it panics on panicQuestion and waits for release
// on slowQuestion, so tests can drive the bot's error and defer paths.
type stub struct {
	next    command.Handler
	entered chan struct{}
	release chan struct{}
}

func newStub(next command.Handler) *stub {
	return &stub{next: next, entered: make(chan struct{}, 10), release: make(chan struct{})}
}

// drain forgets slow calls that entered before: a dispatch replayed
// after a reconnect runs twice.
func (s *stub) drain() {
	for {
		select {
		case <-s.entered:
		default:
			return
		}
	}
}

func (s *stub) Handle(ctx context.Context, q command.Query) (command.Reply, error) {
	switch q.Text {
	case panicQuestion:
		panic("test panic")
	case slowQuestion:
		s.entered <- struct{}{}
		select {
		case <-s.release:
		case <-ctx.Done():
			return command.Reply{}, ctx.Err()
		}
		q.Text = "who anounced the decision to cut relations"
	}
	return s.next.Handle(ctx, q)
}

// logSink collects log output and lets tests wait for a line.
type logSink struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func newLogSink() *logSink { return &logSink{changed: make(chan struct{})} }

func (l *logSink) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	close(l.changed)
	l.changed = make(chan struct{})
	return len(p), nil
}

func (l *logSink) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

func (l *logSink) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// waitFor waits for a log line holding every one of parts.
func (l *logSink) waitFor(ctx context.Context, parts ...string) error {
	for {
		l.mu.Lock()
		for _, line := range strings.Split(l.buf.String(), "\n") {
			all := true
			for _, p := range parts {
				all = all && strings.Contains(line, p)
			}
			if all {
				l.mu.Unlock()
				return nil
			}
		}
		changed := l.changed
		l.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return fmt.Errorf("no log line with %q: %w", parts, ctx.Err())
		}
	}
}

func testContext(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// newUser returns a user no other test has used, so that rate limits of
// one test do not leak into another.
func newUser() discordtest.User {
	id := discordtest.NewSnowflake()
	return discordtest.User{ID: id, Username: "user" + id[len(id)-5:], Discriminator: "0"}
}

// result is the message an interaction finally produced: the initial
// response, or the edit or follow-up that completed a deferred one.
type result struct {
	Type       discordgo.InteractionResponseType
	Deferred   bool
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Ephemeral  bool
	Choices    []*discordgo.ApplicationCommandOptionChoice
	Latency    time.Duration
}

// awaitResult waits for what the bot made of interaction i.
func awaitResult(t testing.TB, srv *discordtest.Server, i *discordtest.Interaction) result {
	t.Helper()
	ctx := testContext(t)
	resp, err := srv.WaitResponse(ctx, i.ID)
	if err != nil {
		t.Fatalf("interaction %s got no response: %v", i.ID, err)
	}
	res := result{Type: resp.Type, Content: resp.Content, Embeds: resp.Embeds, Components: resp.Components,
		Ephemeral: resp.Ephemeral(), Choices: resp.Choices, Latency: resp.Latency}
	if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource && resp.Type != discordgo.InteractionResponseDeferredMessageUpdate {
		return res
	}
	res.Deferred = true
	rec, err := srv.WaitFor(ctx, func(r discordtest.Record) bool {
		return r.Message != nil && !r.Message.Deleted && strings.Contains(r.Path, "/"+i.Token) &&
			(r.Route == discordtest.RouteEditOriginal || r.Route == discordtest.RouteFollowup)
	})
	if err != nil {
		t.Fatalf("deferred interaction %s was never completed: %v", i.ID, err)
	}
	m := rec.Message
	res.Content, res.Embeds, res.Components = m.Content, m.Embeds, m.Components
	res.Ephemeral = m.Flags&discordgo.MessageFlagsEphemeral != 0
	return res
}

// embed returns the only embed of r.
func (r result) embed(t testing.TB) *discordgo.MessageEmbed {
	t.Helper()
	if len(r.Embeds) != 1 {
		t.Fatalf("result has %d embeds, want 1 (content %q)", len(r.Embeds), r.Content)
	}
	return r.Embeds[0]
}

// text is every visible text of r, for "contains" checks.
func (r result) text() string {
	parts := []string{r.Content}
	for _, e := range r.Embeds {
		parts = append(parts, e.Title, e.Description)
		for _, f := range e.Fields {
			parts = append(parts, f.Name, f.Value)
		}
		if e.Footer != nil {
			parts = append(parts, e.Footer.Text)
		}
	}
	return strings.Join(parts, "\n")
}

// checkAllowedMentions fails unless every message the bot sent allowed no
// mentions at all.
func checkAllowedMentions(t *testing.T, srv *discordtest.Server) {
	t.Helper()
	n := 0
	for _, r := range srv.Requests() {
		var am json.RawMessage
		switch r.Route {
		case discordtest.RouteInteractionCallback:
			var cb struct {
				Type discordgo.InteractionResponseType `json:"type"`
				Data struct {
					AllowedMentions json.RawMessage `json:"allowed_mentions"`
				} `json:"data"`
			}
			if err := json.Unmarshal(r.RawBody, &cb); err != nil {
				t.Errorf("%s: %v", r, err)
				continue
			}
			if cb.Type == discordgo.InteractionApplicationCommandAutocompleteResult || cb.Type == discordgo.InteractionResponsePong {
				continue
			}
			am = cb.Data.AllowedMentions
		case discordtest.RouteFollowup, discordtest.RouteEditOriginal, discordtest.RouteCreateMessage:
			var m struct {
				AllowedMentions json.RawMessage `json:"allowed_mentions"`
			}
			if err := json.Unmarshal(r.RawBody, &m); err != nil {
				t.Errorf("%s: %v", r, err)
				continue
			}
			am = m.AllowedMentions
		default:
			continue
		}
		n++
		var got struct {
			Parse       []string `json:"parse"`
			Roles       []string `json:"roles"`
			Users       []string `json:"users"`
			RepliedUser bool     `json:"replied_user"`
		}
		if err := json.Unmarshal(am, &got); err != nil || got.Parse == nil || len(got.Parse) != 0 || len(got.Roles) != 0 || len(got.Users) != 0 || got.RepliedUser {
			t.Errorf("%s: allowed_mentions = %s, want {\"parse\":[]}", r, am)
		}
	}
	if n == 0 {
		t.Errorf("no message requests recorded")
	}
}

// message returns the registry's text of message id in language code.
func message(t testing.TB, langs *lang.Registry, code, id string, args map[string]string) string {
	t.Helper()
	l, ok := langs.Get(code)
	if !ok {
		t.Fatalf("no language %q", code)
	}
	return l.Message(id, args)
}

// checkLogsHoldNoSecrets fails if the log output holds the bot token or an
// interaction token the emulator issued, or a webhook URL with its token.
func checkLogsHoldNoSecrets(t testing.TB, srv *discordtest.Server, logs string) {
	t.Helper()
	secrets := srv.Secrets()
	if len(secrets) < 2 {
		t.Errorf("the emulator knows %d secrets, want the bot token and interaction tokens", len(secrets))
	}
	for _, s := range secrets {
		if i := strings.Index(logs, s); i >= 0 {
			t.Errorf("the logs hold the secret %q: ...%s...", s, logs[max(0, i-200):min(len(logs), i+len(s)+50)])
			return
		}
	}
}
