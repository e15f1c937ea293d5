package discordtest_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/bot/discordtest"
)

// TestGatewayLifecycle drives one real discordgo session through
// everything a bot meets: READY, commands, interactions, messages, and
// three kinds of reconnection. The subtests share the session and run in
// order.
func TestGatewayLifecycle(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	intents := discordgo.IntentsGuilds | discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages
	bot := openEchoBot(t, srv, intents)
	ctx := testContext(t)
	t.Cleanup(func() { bot.checkErrors(t) })

	t.Run("Identify", func(t *testing.T) {
		ids := srv.Identifies()
		if len(ids) != 1 {
			t.Fatalf("Identifies() has %d payloads, want 1", len(ids))
		}
		got := ids[0]
		if got.Intents != intents || got.Token != "Bot "+srv.Token() || !got.Compress || got.Shard != nil {
			t.Errorf("IDENTIFY = intents %d token %q compress %v shard %v, want intents %d token %q compress true shard nil",
				got.Intents, got.Token, got.Compress, got.Shard, intents, "Bot "+srv.Token())
		}
		if u := bot.sess.State.User; u == nil || u.ID != srv.AppID() || !u.Bot {
			t.Errorf("State.User = %+v, want the bot user %s", u, srv.AppID())
		}
		ready, err := srv.WaitFor(ctx, discordtest.Dispatched("READY"))
		if err != nil {
			t.Fatal(err)
		}
		if ready.GatewaySeq != 1 || !ready.Compressed {
			t.Errorf("READY seq %d compressed %v, want seq 1 compressed (discordgo asks for compression)", ready.GatewaySeq, ready.Compressed)
		}
		if bot.sess.State.SessionID != ready.SessionID {
			t.Errorf("session ID in discordgo state = %q, want %q", bot.sess.State.SessionID, ready.SessionID)
		}
		if _, err := srv.WaitFor(ctx, discordtest.Dispatched("GUILD_CREATE")); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("Heartbeat", func(t *testing.T) {
		// discordgo sends its first heartbeat as soon as it is connected.
		beat, err := srv.WaitFor(ctx, discordtest.Received(discordtest.OpHeartbeat))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := srv.WaitSince(ctx, beat.Seq, func(r discordtest.Record) bool {
			return r.Kind == discordtest.KindSend && r.Op == discordtest.OpHeartbeatAck && r.Conn == beat.Conn
		}); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("Commands", func(t *testing.T) {
		cmds := []*discordgo.ApplicationCommand{{
			Name:                     "ask",
			Description:              "Ask a question about the article",
			DescriptionLocalizations: &map[discordgo.Locale]string{discordgo.French: "Poser une question sur l'article"},
			Options: []*discordgo.ApplicationCommandOption{{
				Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "Your question", Required: true, Autocomplete: true,
			}},
		}}
		global, err := bot.sess.ApplicationCommandBulkOverwrite(srv.AppID(), "", cmds)
		if err != nil {
			t.Fatalf("ApplicationCommandBulkOverwrite(global) = %v", err)
		}
		guild, err := bot.sess.ApplicationCommandBulkOverwrite(srv.AppID(), discordtest.DefaultGuildID, cmds)
		if err != nil {
			t.Fatalf("ApplicationCommandBulkOverwrite(guild) = %v", err)
		}
		if len(global) != 1 || global[0].ID == "" || global[0].ApplicationID != srv.AppID() || global[0].Version == "" {
			t.Fatalf("global commands = %+v, want one with ID, application ID and version", global)
		}
		if guild[0].GuildID != discordtest.DefaultGuildID || guild[0].ID == global[0].ID {
			t.Errorf("guild command = %+v, want guild %s and an ID of its own", guild[0], discordtest.DefaultGuildID)
		}
		again, err := bot.sess.ApplicationCommandBulkOverwrite(srv.AppID(), "", cmds)
		if err != nil {
			t.Fatal(err)
		}
		if again[0].ID != global[0].ID {
			t.Errorf("overwriting the same command changed its ID from %s to %s", global[0].ID, again[0].ID)
		}
		listed, err := bot.sess.ApplicationCommands(srv.AppID(), "")
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(again, listed); diff != "" {
			t.Errorf("ApplicationCommands() differs from the overwrite result (-overwrite +listed):\n%s", diff)
		}
		if diff := cmp.Diff(again, srv.Commands("")); diff != "" {
			t.Errorf("srv.Commands(\"\") differs (-overwrite +stored):\n%s", diff)
		}
	})

	t.Run("SlashCommand", func(t *testing.T) {
		i := discordtest.SlashCommand("ask", discordtest.String("question", "Who signed it?"), discordtest.Int("limit", 3)).
			WithLocale("fr").WithGuildLocale("de")
		if _, err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		resp, err := srv.WaitResponse(ctx, i.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := "ask question=Who signed it?,limit=3 locale=fr guild_locale=de member:" + discordtest.DefaultUserID
		if resp.Type != discordgo.InteractionResponseChannelMessageWithSource || resp.Content != want {
			t.Errorf("response = type %d %q, want type 4 %q", resp.Type, resp.Content, want)
		}
		if resp.Latency <= 0 || resp.Latency > 3*time.Second {
			t.Errorf("response latency = %v, want between 0 and the 3s deadline", resp.Latency)
		}
		if cmd := srv.Commands(discordtest.DefaultGuildID); len(cmd) == 0 || i.Data.ID != cmd[0].ID {
			t.Errorf("dispatched command ID %s, want the registered guild command's ID", i.Data.ID)
		}
	})

	t.Run("SlashCommandInDM", func(t *testing.T) {
		i := discordtest.SlashCommand("ask", discordtest.String("question", "¿Quién?")).InDM(discordtest.DefaultDMChannelID).WithLocale("es-ES")
		if _, err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		resp, err := srv.WaitResponse(ctx, i.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := "ask question=¿Quién? locale=es-ES guild_locale= user:" + discordtest.DefaultUserID
		if resp.Content != want {
			t.Errorf("response = %q, want %q", resp.Content, want)
		}
	})

	t.Run("Autocomplete", func(t *testing.T) {
		i := discordtest.Autocomplete("ask", discordtest.Focused(discordtest.String("question", "When did")))
		if _, err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		resp, err := srv.WaitResponse(ctx, i.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := []*discordgo.ApplicationCommandOptionChoice{{Name: "When did it happen?", Value: "When did it happen?"}}
		if resp.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Errorf("response type = %d, want 8", resp.Type)
		}
		if diff := cmp.Diff(want, resp.Choices); diff != "" {
			t.Errorf("choices (-want +got):\n%s", diff)
		}
	})

	t.Run("ButtonClick", func(t *testing.T) {
		i := discordtest.ButtonClick("answer:more", nil).WithLocale("sv-SE")
		if _, err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		resp, err := srv.WaitResponse(ctx, i.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := "clicked answer:more locale=sv-SE"; resp.Type != discordgo.InteractionResponseUpdateMessage || resp.Content != want {
			t.Errorf("response = type %d %q, want type 7 %q", resp.Type, resp.Content, want)
		}
		r, err := srv.WaitFor(ctx, discordtest.ResponseTo(i.ID))
		if err != nil {
			t.Fatal(err)
		}
		if r.Message == nil || r.Message.ID != i.Message.ID || r.Message.Content != resp.Content {
			t.Errorf("updated message = %+v, want message %s with the new content", r.Message, i.Message.ID)
		}
	})

	t.Run("ReplayTestdata", func(t *testing.T) {
		for _, name := range []string{"slash_command", "dm_slash_command", "autocomplete", "button_click"} {
			raw, err := os.ReadFile(filepath.Join("..", "testdata", "interactions", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			i, err := discordtest.ParseInteraction(raw)
			if err != nil {
				t.Fatal(err)
			}
			// Raw bytes, so that fields the builders do not model reach
			// discordgo too.
			if _, err := srv.Dispatch("INTERACTION_CREATE", json.RawMessage(raw)); err != nil {
				t.Fatal(err)
			}
			if _, err := srv.WaitResponse(ctx, i.ID); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	})

	t.Run("MessageReply", func(t *testing.T) {
		m := discordtest.GuildMessage(discordtest.MentionID(srv.AppID()) + " what happened? " + discordtest.MentionRole("77") + " @everyone")
		if _, err := srv.DispatchMessage(m); err != nil {
			t.Fatal(err)
		}
		reply, err := srv.WaitReply(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := `echo "<@` + srv.AppID() + `> what happened? <@&77> @everyone" mentions=[` + srv.AppID() + `] roles=[77] everyone=true`
		if reply.Content != want || reply.ChannelID != discordtest.DefaultChannelID || reply.Source != discordtest.SourceChannel {
			t.Errorf("reply = %q in %s from %s, want %q in %s from channel", reply.Content, reply.ChannelID, reply.Source, want, discordtest.DefaultChannelID)
		}
		if reply.Latency <= 0 {
			t.Errorf("reply latency = %v, want > 0", reply.Latency)
		}
	})

	t.Run("MessageContentIntent", func(t *testing.T) {
		// The bot did not ask for MESSAGE_CONTENT: guild messages that do
		// not mention it arrive without content, DMs keep theirs.
		tests := []struct {
			name string
			msg  *discordtest.Message
			want string
		}{
			{"guild without mention", discordtest.GuildMessage("secret"), `echo "" mentions=[] roles=[] everyone=false`},
			{"DM", discordtest.DirectMessage("hello"), `echo "hello" mentions=[] roles=[] everyone=false`},
		}
		for _, tt := range tests {
			if _, err := srv.DispatchMessage(tt.msg); err != nil {
				t.Fatal(err)
			}
			reply, err := srv.WaitReply(ctx, tt.msg.ID)
			if err != nil {
				t.Fatal(err)
			}
			if reply.Content != tt.want {
				t.Errorf("%s: reply = %q, want %q", tt.name, reply.Content, tt.want)
			}
		}
	})

	t.Run("FilteredByIntents", func(t *testing.T) {
		// The bot did not ask for GUILD_MESSAGE_TYPING.
		_, err := srv.Dispatch("TYPING_START", map[string]any{
			"channel_id": discordtest.DefaultChannelID, "guild_id": discordtest.DefaultGuildID,
			"user_id": discordtest.DefaultUserID, "timestamp": time.Now().Unix(),
		})
		if !errors.Is(err, discordtest.ErrFiltered) {
			t.Errorf("Dispatch(TYPING_START) = %v, want ErrFiltered", err)
		}
	})

	t.Run("ResumeAfterDrop", func(t *testing.T) {
		mark := srv.Mark()
		srv.DropConnections()
		// Sent while the bot is away: it must come back by RESUME replay.
		i := discordtest.SlashCommand("ask", discordtest.String("question", "still there?"))
		if _, err := srv.DispatchInteraction(i); err != nil {
			t.Fatal(err)
		}
		if _, err := srv.WaitResponse(ctx, i.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := srv.WaitSince(ctx, mark, discordtest.Received(discordtest.OpResume)); err != nil {
			t.Fatal(err)
		}
		if _, err := srv.WaitSince(ctx, mark, func(r discordtest.Record) bool {
			return r.Replayed && r.Event == "INTERACTION_CREATE"
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := srv.WaitSince(ctx, mark, discordtest.Dispatched("RESUMED")); err != nil {
			t.Fatal(err)
		}
		if n := len(srv.Identifies()); n != 1 {
			t.Errorf("IDENTIFY count after resume = %d, want still 1", n)
		}
	})

	t.Run("IdentifyAfterInvalidSession", func(t *testing.T) {
		mark := srv.Mark()
		srv.InvalidateSessions()
		ready, err := srv.WaitSince(ctx, mark, discordtest.Dispatched("READY"))
		if err != nil {
			t.Fatal(err)
		}
		i := discordtest.SlashCommand("ask", discordtest.String("question", "new session?"))
		rec, err := srv.DispatchInteraction(i)
		if err != nil {
			t.Fatal(err)
		}
		if rec.SessionID != ready.SessionID {
			t.Errorf("dispatched on session %s, want the new session %s", rec.SessionID, ready.SessionID)
		}
		if _, err := srv.WaitResponse(ctx, i.ID); err != nil {
			t.Fatal(err)
		}
		if n := len(srv.Identifies()); n != 2 {
			t.Errorf("IDENTIFY count = %d, want 2", n)
		}
	})

	t.Run("IdentifyAfterFailedResume", func(t *testing.T) {
		mark := srv.Mark()
		srv.DropConnections()
		srv.InvalidateSessions()
		ready, err := srv.WaitSince(ctx, mark, discordtest.Dispatched("READY"))
		if err != nil {
			t.Fatal(err)
		}
		resume, err := srv.WaitSince(ctx, mark, discordtest.Received(discordtest.OpResume))
		if err != nil {
			t.Fatal(err)
		}
		if resume.Seq > ready.Seq {
			t.Errorf("RESUME (#%d) came after the new READY (#%d), want the failed resume first", resume.Seq, ready.Seq)
		}
		m := discordtest.DirectMessage("after re-identify")
		if _, err := srv.DispatchMessage(m); err != nil {
			t.Fatal(err)
		}
		if _, err := srv.WaitReply(ctx, m.ID); err != nil {
			t.Fatal(err)
		}
		if n := len(srv.Identifies()); n != 3 {
			t.Errorf("IDENTIFY count = %d, want 3", n)
		}
	})

	t.Run("NothingUnhandled", func(t *testing.T) {
		for _, r := range srv.Unhandled() {
			t.Errorf("unexpected request %s %s", r.Method, r.Path)
		}
	})
}

// TestShardsAndCompression runs two shards, one compressed and one not,
// and checks that each receives the events of its guilds only.
func TestShardsAndCompression(t *testing.T) {
	base, _ := strconv.ParseUint(discordtest.DefaultGuildID, 10, 64)
	guilds := map[int]string{}
	for id := base; len(guilds) < 2; id += 1 << 22 {
		guilds[int((id>>22)%2)] = strconv.FormatUint(id, 10)
	}
	srv := discordtest.Start(t, discordtest.Options{GuildIDs: []string{guilds[0], guilds[1]}})
	ctx := testContext(t)
	intents := discordgo.IntentsGuildMessages | discordgo.IntentsDirectMessages | discordgo.IntentsMessageContent
	var bots []*echoBot
	for shard := range 2 {
		b := newEchoBot(t, srv, intents, "shard"+strconv.Itoa(shard)+" ")
		b.sess.ShardID, b.sess.ShardCount = shard, 2
		b.sess.Compress = shard == 0
		if err := b.sess.Open(); err != nil {
			t.Fatalf("shard %d: Open() = %v", shard, err)
		}
		bots = append(bots, b)
	}
	t.Cleanup(func() {
		closeSessions(bots...)
		for _, b := range bots {
			b.checkErrors(t)
		}
	})

	for i, id := range srv.Identifies() {
		if id.Shard == nil || id.Shard[1] != 2 || id.Compress != (id.Shard[0] == 0) {
			t.Errorf("IDENTIFY %d: shard %v compress %v, want [n 2] and compression on shard 0 only", i, id.Shard, id.Compress)
		}
	}
	tests := []struct {
		name  string
		msg   *discordtest.Message
		shard string
	}{
		{"guild of shard 0", discordtest.GuildMessage("zero").InGuild(guilds[0], "2100000000000000001"), "shard0 "},
		{"guild of shard 1", discordtest.GuildMessage("one").InGuild(guilds[1], "2100000000000000002"), "shard1 "},
		{"DM goes to shard 0", discordtest.DirectMessage("dm"), "shard0 "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := srv.DispatchMessage(tt.msg)
			if err != nil {
				t.Fatal(err)
			}
			reply, err := srv.WaitReply(ctx, tt.msg.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(reply.Content, tt.shard) {
				t.Errorf("reply %q, want it from %q", reply.Content, tt.shard)
			}
			if wantCompressed := tt.shard == "shard0 "; rec.Compressed != wantCompressed {
				t.Errorf("dispatch compressed = %v, want %v", rec.Compressed, wantCompressed)
			}
		})
	}
}

// TestOpenFailures checks that the gateway refuses what Discord refuses,
// with Discord's close codes, and that discordgo's Open reports it.
func TestOpenFailures(t *testing.T) {
	tests := []struct {
		name      string
		opts      discordtest.Options
		configure func(s *discordgo.Session)
		wantCode  int
	}{
		{
			name:      "wrong token",
			configure: func(s *discordgo.Session) { s.Identify.Token = "Bot not-the-token" },
			wantCode:  discordtest.CloseAuthenticationFailed,
		},
		{
			name: "privileged intent not enabled",
			opts: discordtest.Options{DisabledIntents: discordgo.IntentMessageContent},
			configure: func(s *discordgo.Session) {
				s.Identify.Intents = discordgo.IntentsGuildMessages | discordgo.IntentMessageContent
			},
			wantCode: discordtest.CloseDisallowedIntents,
		},
		{
			name:      "unknown intent bit",
			configure: func(s *discordgo.Session) { s.Identify.Intents = 1 << 30 },
			wantCode:  discordtest.CloseInvalidIntents,
		},
		{
			name:      "shard out of range",
			configure: func(s *discordgo.Session) { s.Identify.Shard = &[2]int{3, 2} },
			wantCode:  discordtest.CloseInvalidShard,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := discordtest.Start(t, tt.opts)
			sess, err := discordgo.New("Bot " + srv.Token())
			if err != nil {
				t.Fatal(err)
			}
			sess.ShouldReconnectOnError = false
			tt.configure(sess)
			if err := sess.Open(); err == nil {
				sess.Close()
				t.Fatal("Open() = nil, want an error")
			}
			rec, err := srv.WaitFor(testContext(t), discordtest.OfKind(discordtest.KindDisconnect))
			if err != nil {
				t.Fatal(err)
			}
			if rec.CloseCode != tt.wantCode {
				t.Errorf("close code = %d, want %d", rec.CloseCode, tt.wantCode)
			}
		})
	}
}

// TestDispatchErrors checks what Dispatch says when nobody can receive.
func TestDispatchErrors(t *testing.T) {
	srv := discordtest.NewServer(discordtest.Options{})
	defer srv.Close()
	_, err := srv.DispatchMessage(discordtest.GuildMessage("hello"))
	if !errors.Is(err, discordtest.ErrNoSession) {
		t.Errorf("DispatchMessage without session = %v, want ErrNoSession", err)
	}
}
