package discordtest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/bot/discordtest"
)

// restSession returns a discordgo session that only uses the REST API,
// which needs no gateway connection (and no 1s Close).
func restSession(t *testing.T, srv *discordtest.Server) *discordgo.Session {
	t.Helper()
	sess, err := discordgo.New("Bot " + srv.Token())
	if err != nil {
		t.Fatal(err)
	}
	return sess
}

// toInteraction converts a built payload the way discordgo would receive it.
func toInteraction(t *testing.T, i *discordtest.Interaction) *discordgo.Interaction {
	t.Helper()
	b, err := json.Marshal(i)
	if err != nil {
		t.Fatal(err)
	}
	var out discordgo.Interaction
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("discordgo cannot decode the built interaction: %v", err)
	}
	return &out
}

func message(content string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: content},
	}
}

func TestInteractionCallback(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	sess := restSession(t, srv)
	slash := func() *discordtest.Interaction {
		return discordtest.SlashCommand("ask", discordtest.String("question", "q"))
	}
	tests := []struct {
		name      string
		build     func() *discordtest.Interaction
		response  *discordgo.InteractionResponse
		wantCode  int // Discord error code; 0 for success
		wantField string
	}{
		{name: "message", build: slash, response: message("answer")},
		{name: "ephemeral message", build: slash, response: &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "only you", Flags: discordgo.MessageFlagsEphemeral},
		}},
		{name: "deferred", build: slash, response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}},
		{name: "modal", build: slash, response: &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseModal,
			Data: &discordgo.InteractionResponseData{CustomID: "ask-modal", Title: "Ask", Components: []discordgo.MessageComponent{
				discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.TextInput{CustomID: "q", Label: "Question", Style: discordgo.TextInputShort}}},
			}},
		}},
		{name: "autocomplete result", build: func() *discordtest.Interaction {
			return discordtest.Autocomplete("ask", discordtest.Focused(discordtest.String("question", "wh")))
		}, response: &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "who", Value: "who"}}},
		}},
		{name: "update message", build: func() *discordtest.Interaction { return discordtest.ButtonClick("next", nil) },
			response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: &discordgo.InteractionResponseData{Content: "page 2"}}},
		{name: "deferred update", build: func() *discordtest.Interaction { return discordtest.SelectMenu("pick", nil, "fr") },
			response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}},
		{name: "pong to a ping", build: discordtest.Ping, response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}},
		{name: "pong to a command", build: slash, response: &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong},
			wantCode: 50035, wantField: "type"},
		{name: "autocomplete result to a command", build: slash, response: &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult, Data: &discordgo.InteractionResponseData{}},
			wantCode: 50035, wantField: "type"},
		{name: "update message to a command", build: slash, response: &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseUpdateMessage, Data: &discordgo.InteractionResponseData{Content: "x"}},
			wantCode: 50035, wantField: "type"},
		{name: "message to autocomplete", build: func() *discordtest.Interaction {
			return discordtest.Autocomplete("ask", discordtest.Focused(discordtest.String("question", "wh")))
		}, response: message("no"), wantCode: 50035, wantField: "type"},
		{name: "content over 2000 characters", build: slash, response: message(strings.Repeat("é", 2001)),
			wantCode: 50035, wantField: "data.content"},
		{name: "2000 characters is fine", build: slash, response: message(strings.Repeat("é", 2000))},
		{name: "empty message", build: slash, response: message(""), wantCode: 50006},
		{name: "too many choices", build: func() *discordtest.Interaction {
			return discordtest.Autocomplete("ask", discordtest.Focused(discordtest.String("question", "wh")))
		}, response: &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: choices(26)},
		}, wantCode: 50035, wantField: "data.choices"},
		{name: "embed field without value", build: slash, response: &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Embeds: []*discordgo.MessageEmbed{{Fields: []*discordgo.MessageEmbedField{{Name: "n"}}}}},
		}, wantCode: 50035, wantField: "data.embeds.0.fields.0.value"},
		{name: "six action rows", build: slash, response: &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "x", Components: rows(6)},
		}, wantCode: 50035, wantField: "data.components"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			built := tt.build()
			srv.RegisterInteraction(built)
			mark := srv.Mark()
			err := sess.InteractionRespond(toInteraction(t, built), tt.response)
			if tt.wantCode == 0 {
				if err != nil {
					t.Fatalf("InteractionRespond() = %v, want nil", err)
				}
				r, err := srv.WaitSince(testContext(t), mark, discordtest.ResponseTo(built.ID))
				if err != nil {
					t.Fatal(err)
				}
				if r.Response.Type != tt.response.Type {
					t.Errorf("recorded type %d, want %d", r.Response.Type, tt.response.Type)
				}
				if d := tt.response.Data; d != nil && (r.Response.Content != d.Content || r.Response.Flags != d.Flags || r.Response.CustomID != d.CustomID) {
					t.Errorf("recorded %q flags %d custom_id %q, want %q flags %d custom_id %q",
						r.Response.Content, r.Response.Flags, r.Response.CustomID, d.Content, d.Flags, d.CustomID)
				}
				return
			}
			status, code := restError(t, err)
			if status != http.StatusBadRequest || code != tt.wantCode {
				t.Errorf("InteractionRespond() = HTTP %d code %d, want 400 code %d", status, code, tt.wantCode)
			}
			if tt.wantField != "" {
				checkFormError(t, srv, tt.wantField)
			}
		})
	}
}

func choices(n int) []*discordgo.ApplicationCommandOptionChoice {
	var out []*discordgo.ApplicationCommandOptionChoice
	for range n {
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: "c", Value: "c"})
	}
	return out
}

func rows(n int) []discordgo.MessageComponent {
	var out []discordgo.MessageComponent
	for range n {
		out = append(out, discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "b", CustomID: "b", Style: discordgo.PrimaryButton}}})
	}
	return out
}

// checkFormError checks that the last REST answer is an Invalid Form Body
// error about field (a dotted path such as "data.content").
func checkFormError(t *testing.T, srv *discordtest.Server, field string) {
	t.Helper()
	reqs := srv.Requests()
	last := reqs[len(reqs)-1]
	var body struct {
		Errors map[string]any `json:"errors"`
	}
	if err := json.Unmarshal(last.Reply, &body); err != nil {
		t.Fatalf("error body %s: %v", last.Reply, err)
	}
	var node any = body.Errors
	for _, seg := range strings.Split(field, ".") {
		m, ok := node.(map[string]any)
		if !ok || m[seg] == nil {
			t.Fatalf("error body %s has no errors at %q", last.Reply, field)
		}
		node = m[seg]
	}
	if m, ok := node.(map[string]any); !ok || m["_errors"] == nil {
		t.Errorf("error body %s: no _errors at %q", last.Reply, field)
	}
}

func TestInteractionLifecycleErrors(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	sess := restSession(t, srv)

	t.Run("second response", func(t *testing.T) {
		i := discordtest.SlashCommand("ask")
		srv.RegisterInteraction(i)
		if err := sess.InteractionRespond(toInteraction(t, i), message("first")); err != nil {
			t.Fatal(err)
		}
		err := sess.InteractionRespond(toInteraction(t, i), message("second"))
		if status, code := restError(t, err); status != 400 || code != 40060 {
			t.Errorf("second InteractionRespond() = HTTP %d code %d, want 400 code 40060", status, code)
		}
	})
	t.Run("unknown interaction", func(t *testing.T) {
		i := discordtest.SlashCommand("ask")
		err := sess.InteractionRespond(toInteraction(t, i), message("hello?"))
		if status, code := restError(t, err); status != 404 || code != 10062 {
			t.Errorf("InteractionRespond() = HTTP %d code %d, want 404 code 10062", status, code)
		}
	})
	t.Run("wrong token", func(t *testing.T) {
		i := discordtest.SlashCommand("ask")
		srv.RegisterInteraction(i)
		gi := toInteraction(t, i)
		gi.Token = "forged"
		err := sess.InteractionRespond(gi, message("hello?"))
		if status, code := restError(t, err); status != 404 || code != 10062 {
			t.Errorf("InteractionRespond() = HTTP %d code %d, want 404 code 10062", status, code)
		}
	})
	t.Run("follow-up before response", func(t *testing.T) {
		i := discordtest.SlashCommand("ask")
		srv.RegisterInteraction(i)
		_, err := sess.FollowupMessageCreate(toInteraction(t, i), true, &discordgo.WebhookParams{Content: "early"})
		if status, code := restError(t, err); status != 404 || code != 10015 {
			t.Errorf("FollowupMessageCreate() = HTTP %d code %d, want 404 code 10015", status, code)
		}
	})
	t.Run("edit original before response", func(t *testing.T) {
		i := discordtest.SlashCommand("ask")
		srv.RegisterInteraction(i)
		content := "early"
		_, err := sess.InteractionResponseEdit(toInteraction(t, i), &discordgo.WebhookEdit{Content: &content})
		if status, code := restError(t, err); status != 404 || code != 10008 {
			t.Errorf("InteractionResponseEdit() = HTTP %d code %d, want 404 code 10008", status, code)
		}
	})
}

// TestInteractionDeadline checks the 3-second rule with a deadline of 1ns,
// which every response misses, so nothing has to wait.
func TestInteractionDeadline(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{InteractionDeadline: time.Nanosecond})
	sess := restSession(t, srv)
	i := discordtest.SlashCommand("ask")
	srv.RegisterInteraction(i)
	err := sess.InteractionRespond(toInteraction(t, i), message("too late"))
	if status, code := restError(t, err); status != 404 || code != 10062 {
		t.Errorf("late InteractionRespond() = HTTP %d code %d, want 404 code 10062", status, code)
	}
}

// TestDeferredThenFollowups walks the path a slow answer takes: defer,
// edit the original, add, edit and delete a follow-up.
func TestDeferredThenFollowups(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	sess := restSession(t, srv)
	i := discordtest.SlashCommand("ask", discordtest.String("question", "slow one"))
	srv.RegisterInteraction(i)
	gi := toInteraction(t, i)

	if err := sess.InteractionRespond(gi, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages()
	if len(msgs) != 1 || msgs[0].Flags&discordgo.MessageFlagsLoading == 0 || msgs[0].Source != discordtest.SourceInteraction {
		t.Fatalf("after deferring, messages = %+v, want one loading interaction message", msgs)
	}
	answer := "the answer"
	edited, err := sess.InteractionResponseEdit(gi, &discordgo.WebhookEdit{Content: &answer})
	if err != nil {
		t.Fatalf("InteractionResponseEdit() = %v", err)
	}
	if edited.Content != answer || edited.ID != msgs[0].ID || edited.EditedTimestamp == nil {
		t.Errorf("edited message = %+v, want content %q, ID %s and an edit time", edited, answer, msgs[0].ID)
	}
	orig, err := sess.InteractionResponse(gi)
	if err != nil {
		t.Fatal(err)
	}
	if orig.Content != answer {
		t.Errorf("InteractionResponse().Content = %q, want %q", orig.Content, answer)
	}

	follow, err := sess.FollowupMessageCreate(gi, true, &discordgo.WebhookParams{Content: "more", Flags: discordgo.MessageFlagsEphemeral})
	if err != nil {
		t.Fatalf("FollowupMessageCreate() = %v", err)
	}
	if follow == nil || follow.ID == "" || follow.Content != "more" || follow.Flags != discordgo.MessageFlagsEphemeral {
		t.Fatalf("follow-up = %+v, want an ephemeral message %q with an ID", follow, "more")
	}
	changed := "more, edited"
	if _, err := sess.FollowupMessageEdit(gi, follow.ID, &discordgo.WebhookEdit{Content: &changed}); err != nil {
		t.Fatalf("FollowupMessageEdit() = %v", err)
	}
	if err := sess.FollowupMessageDelete(gi, follow.ID); err != nil {
		t.Fatalf("FollowupMessageDelete() = %v", err)
	}

	type state struct {
		Source, Content string
		Loading, Edited bool
		Deleted         bool
	}
	var got []state
	for _, m := range srv.Messages() {
		got = append(got, state{m.Source, m.Content, m.Flags&discordgo.MessageFlagsLoading != 0, !m.Edited.IsZero(), m.Deleted})
	}
	want := []state{
		{discordtest.SourceInteraction, answer, false, true, false},
		{discordtest.SourceFollowup, changed, false, true, true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
	if _, err := srv.WaitFor(testContext(t), discordtest.FollowupTo(i.ID)); err != nil {
		t.Error(err)
	}
}

func TestChannelMessages(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	sess := restSession(t, srv)
	userMsg := discordtest.GuildMessage("hi bot")
	srv.RegisterMessage(userMsg)
	ctx := testContext(t)

	t.Run("reply", func(t *testing.T) {
		sent, err := sess.ChannelMessageSendReply(userMsg.ChannelID, "hi human", &discordgo.MessageReference{MessageID: userMsg.ID})
		if err != nil {
			t.Fatal(err)
		}
		if sent.Type != discordgo.MessageTypeReply || sent.MessageReference == nil || sent.MessageReference.MessageID != userMsg.ID || sent.Author.ID != srv.AppID() {
			t.Errorf("returned message = %+v, want a reply to %s by the bot", sent, userMsg.ID)
		}
		reply, err := srv.WaitReply(ctx, userMsg.ID)
		if err != nil {
			t.Fatal(err)
		}
		if reply.Content != "hi human" || reply.ID != sent.ID {
			t.Errorf("recorded reply = %q (%s), want %q (%s)", reply.Content, reply.ID, "hi human", sent.ID)
		}
		in, err := srv.WaitFor(ctx, discordtest.MessageIn(userMsg.ChannelID))
		if err != nil {
			t.Fatal(err)
		}
		route, err := srv.WaitFor(ctx, discordtest.OnRoute(discordtest.RouteCreateMessage))
		if err != nil {
			t.Fatal(err)
		}
		if in.Seq != route.Seq || route.Path != "/channels/"+userMsg.ChannelID+"/messages" || !route.OK() {
			t.Errorf("MessageIn matched #%d, OnRoute #%d %s, want the same accepted request", in.Seq, route.Seq, route.Path)
		}
		var body discordgo.MessageSend
		if err := route.Decode(&body); err != nil || body.Content != "hi human" {
			t.Errorf("Decode() = %v, content %q, want %q", err, body.Content, "hi human")
		}
	})
	t.Run("reply to unknown message", func(t *testing.T) {
		_, err := sess.ChannelMessageSendReply(userMsg.ChannelID, "?", &discordgo.MessageReference{MessageID: "1"})
		if status, code := restError(t, err); status != 400 || code != 50035 {
			t.Errorf("reply = HTTP %d code %d, want 400 code 50035", status, code)
		}
		checkFormError(t, srv, "message_reference")
	})
	t.Run("reply to unknown message without failing", func(t *testing.T) {
		no := false
		sent, err := sess.ChannelMessageSendComplex(userMsg.ChannelID, &discordgo.MessageSend{
			Content: "plain", Reference: &discordgo.MessageReference{MessageID: "1", FailIfNotExists: &no},
		})
		if err != nil {
			t.Fatal(err)
		}
		if sent.MessageReference != nil {
			t.Errorf("message reference = %+v, want none", sent.MessageReference)
		}
	})
	t.Run("reply in another channel", func(t *testing.T) {
		_, err := sess.ChannelMessageSendReply("999", "?", &discordgo.MessageReference{MessageID: userMsg.ID})
		if status, _ := restError(t, err); status != 400 {
			t.Errorf("reply in another channel = HTTP %d, want 400", status)
		}
	})
	t.Run("edit own and others", func(t *testing.T) {
		sent, err := sess.ChannelMessageSend(userMsg.ChannelID, "draft")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := sess.ChannelMessageEdit(userMsg.ChannelID, sent.ID, "final"); err != nil {
			t.Fatalf("editing own message: %v", err)
		}
		_, err = sess.ChannelMessageEdit(userMsg.ChannelID, userMsg.ID, "hacked")
		if status, code := restError(t, err); status != 403 || code != 50005 {
			t.Errorf("editing the user's message = HTTP %d code %d, want 403 code 50005", status, code)
		}
	})
	t.Run("file upload", func(t *testing.T) {
		sent, err := sess.ChannelMessageSendComplex(userMsg.ChannelID, &discordgo.MessageSend{
			Files: []*discordgo.File{{Name: "answer.txt", ContentType: "text/plain", Reader: strings.NewReader("42")}},
		})
		if err != nil {
			t.Fatal(err)
		}
		msgs := srv.Messages()
		last := msgs[len(msgs)-1]
		want := []discordtest.Attachment{{Filename: "answer.txt", ContentType: "text/plain", Size: 2}}
		if diff := cmp.Diff(want, last.Attachments); diff != "" || last.ID != sent.ID {
			t.Errorf("attachments of %s (-want +got):\n%s", sent.ID, diff)
		}
	})
	t.Run("channel", func(t *testing.T) {
		ch, err := sess.Channel(discordtest.DefaultDMChannelID)
		if err != nil {
			t.Fatal(err)
		}
		if ch.Type != discordgo.ChannelTypeDM {
			t.Errorf("DM channel type = %d, want %d", ch.Type, discordgo.ChannelTypeDM)
		}
	})
}

func TestCommandValidation(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	sess := restSession(t, srv)
	str := func(name string, required bool) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{Type: discordgo.ApplicationCommandOptionString, Name: name, Description: "d", Required: required}
	}
	tests := []struct {
		name  string
		cmd   *discordgo.ApplicationCommand
		field string // "" for a valid command
	}{
		{"valid", &discordgo.ApplicationCommand{Name: "ask", Description: "Ask", Options: []*discordgo.ApplicationCommandOption{str("question", true), str("lang", false)},
			NameLocalizations: &map[discordgo.Locale]string{discordgo.Russian: "спросить", discordgo.Hungarian: "kérdés"}}, ""},
		{"valid context menu", &discordgo.ApplicationCommand{Name: "Ask about this", Type: discordgo.MessageApplicationCommand}, ""},
		{"uppercase name", &discordgo.ApplicationCommand{Name: "Ask", Description: "d"}, "0.name"},
		{"space in name", &discordgo.ApplicationCommand{Name: "ask me", Description: "d"}, "0.name"},
		{"name too long", &discordgo.ApplicationCommand{Name: strings.Repeat("a", 33), Description: "d"}, "0.name"},
		{"no description", &discordgo.ApplicationCommand{Name: "ask"}, "0.description"},
		{"description too long", &discordgo.ApplicationCommand{Name: "ask", Description: strings.Repeat("d", 101)}, "0.description"},
		{"unknown locale", &discordgo.ApplicationCommand{Name: "ask", Description: "d", NameLocalizations: &map[discordgo.Locale]string{"xx": "ask"}}, "0.name_localizations"},
		{"uppercase localized name", &discordgo.ApplicationCommand{Name: "ask", Description: "d", NameLocalizations: &map[discordgo.Locale]string{discordgo.German: "Fragen"}}, "0.name_localizations.de"},
		{"required after optional", &discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: []*discordgo.ApplicationCommandOption{str("a", false), str("b", true)}}, "0.options.1.required"},
		{"duplicate option", &discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: []*discordgo.ApplicationCommandOption{str("a", true), str("a", false)}}, "0.options.1.name"},
		{"choices with autocomplete", &discordgo.ApplicationCommand{Name: "ask", Description: "d", Options: []*discordgo.ApplicationCommandOption{{
			Type: discordgo.ApplicationCommandOptionString, Name: "a", Description: "d", Autocomplete: true,
			Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: "x", Value: "x"}},
		}}}, "0.options.0.autocomplete"},
		{"description on context menu", &discordgo.ApplicationCommand{Name: "Ask", Type: discordgo.UserApplicationCommand, Description: "d"}, "0.description"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := sess.ApplicationCommandBulkOverwrite(srv.AppID(), "", []*discordgo.ApplicationCommand{tt.cmd})
			if tt.field == "" {
				if err != nil {
					t.Fatalf("ApplicationCommandBulkOverwrite() = %v, want nil", err)
				}
				return
			}
			if status, code := restError(t, err); status != 400 || code != 50035 {
				t.Fatalf("ApplicationCommandBulkOverwrite() = HTTP %d code %d, want 400 code 50035", status, code)
			}
			checkFormError(t, srv, tt.field)
		})
	}
	t.Run("duplicate command", func(t *testing.T) {
		c := &discordgo.ApplicationCommand{Name: "ask", Description: "d"}
		_, err := sess.ApplicationCommandBulkOverwrite(srv.AppID(), "", []*discordgo.ApplicationCommand{c, c})
		if status, _ := restError(t, err); status != 400 {
			t.Errorf("duplicate names = HTTP %d, want 400", status)
		}
	})
	t.Run("other application", func(t *testing.T) {
		_, err := sess.ApplicationCommandBulkOverwrite("42", "", nil)
		if status, code := restError(t, err); status != 403 || code != 50001 {
			t.Errorf("other application = HTTP %d code %d, want 403 code 50001", status, code)
		}
	})
	t.Run("create and delete one", func(t *testing.T) {
		c, err := sess.ApplicationCommandCreate(srv.AppID(), discordtest.DefaultGuildID, &discordgo.ApplicationCommand{Name: "timeline", Description: "Dates in the article"})
		if err != nil {
			t.Fatal(err)
		}
		if err := sess.ApplicationCommandDelete(srv.AppID(), discordtest.DefaultGuildID, c.ID); err != nil {
			t.Fatal(err)
		}
		if got := srv.Commands(discordtest.DefaultGuildID); len(got) != 0 {
			t.Errorf("guild commands after delete = %d, want 0", len(got))
		}
	})
}

func TestAuthAndUnknownRoutes(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})

	t.Run("bot user", func(t *testing.T) {
		u, err := restSession(t, srv).User("@me")
		if err != nil {
			t.Fatal(err)
		}
		if want := srv.BotUser(); u.ID != want.ID || u.Username != want.Username || !u.Bot {
			t.Errorf("User(@me) = %+v, want the bot %+v", u, want)
		}
	})
	t.Run("wrong token", func(t *testing.T) {
		sess, _ := discordgo.New("Bot wrong")
		_, err := sess.User("@me")
		if status, _ := restError(t, err); status != 401 {
			t.Errorf("User(@me) with a wrong token = HTTP %d, want 401", status)
		}
	})
	t.Run("gateway bot", func(t *testing.T) {
		g, err := restSession(t, srv).GatewayBot()
		if err != nil {
			t.Fatal(err)
		}
		if g.URL != srv.GatewayURL() || g.Shards != 1 || g.SessionStartLimit.MaxConcurrency != 1 || g.SessionStartLimit.Remaining < 1 {
			t.Errorf("GatewayBot() = %+v, want %s, 1 shard and a session start limit", g, srv.GatewayURL())
		}
	})
	t.Run("callback needs no bot token", func(t *testing.T) {
		i := discordtest.SlashCommand("ask")
		srv.RegisterInteraction(i)
		body := `{"type":4,"data":{"content":"ok"}}`
		resp, err := http.Post(srv.URL+"/api/v10/interactions/"+i.ID+"/"+i.Token+"/callback?with_response=true", "application/json", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var cb struct {
			Interaction struct {
				ID                string `json:"id"`
				ResponseMessageID string `json:"response_message_id"`
			} `json:"interaction"`
			Resource struct {
				Type    int `json:"type"`
				Message struct {
					ID      string `json:"id"`
					Content string `json:"content"`
				} `json:"message"`
			} `json:"resource"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&cb); err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK || cb.Interaction.ID != i.ID || cb.Resource.Type != 4 ||
			cb.Resource.Message.Content != "ok" || cb.Resource.Message.ID != cb.Interaction.ResponseMessageID {
			t.Errorf("callback without Authorization, with_response = %d %+v, want 200 with the interaction and its message", resp.StatusCode, cb)
		}
	})
	t.Run("unknown route", func(t *testing.T) {
		sess := restSession(t, srv)
		_, err := sess.GuildMembers(discordtest.DefaultGuildID, "", 10)
		if status, _ := restError(t, err); status != 404 {
			t.Errorf("unknown route = HTTP %d, want 404", status)
		}
		un := srv.Unhandled()
		if len(un) != 1 || un[0].Path != "/guilds/"+discordtest.DefaultGuildID+"/members" || un[0].APIVersion != discordgo.APIVersion {
			t.Errorf("Unhandled() = %v, want the members request", un)
		}
	})
}

func TestFaults(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	userMsg := discordtest.GuildMessage("hi")
	srv.RegisterMessage(userMsg)

	t.Run("429 is retried after retry_after", func(t *testing.T) {
		sess := restSession(t, srv)
		limited := make(chan *discordgo.RateLimit, 1)
		sess.AddHandler(func(_ *discordgo.Session, r *discordgo.RateLimit) { limited <- r })
		srv.InjectFault(discordtest.Fault{Route: discordtest.RouteCreateMessage, Status: 429, RetryAfter: 100 * time.Millisecond})
		mark := srv.Mark()
		if _, err := sess.ChannelMessageSend(userMsg.ChannelID, "patient"); err != nil {
			t.Fatalf("ChannelMessageSend() = %v, want success after the retry", err)
		}
		reqs := srv.Requests()[mark:]
		if len(reqs) != 2 || reqs[0].Status != 429 || !reqs[0].Fault || reqs[1].Status != 200 {
			t.Fatalf("requests = %v, want a 429 then a 200", reqs)
		}
		if gap := reqs[1].Time.Sub(reqs[0].Time); gap < 100*time.Millisecond {
			t.Errorf("retry came %v after the 429, want at least retry_after (100ms)", gap)
		}
		select {
		case r := <-limited:
			if r.RetryAfter != 100*time.Millisecond {
				t.Errorf("RateLimit event RetryAfter = %v, want 100ms", r.RetryAfter)
			}
		case <-testContext(t).Done():
			t.Error("no RateLimit event")
		}
	})
	t.Run("429 without retry", func(t *testing.T) {
		sess := restSession(t, srv)
		sess.ShouldRetryOnRateLimit = false
		srv.InjectFault(discordtest.Fault{Route: discordtest.RouteCreateMessage, Status: 429, RetryAfter: 250 * time.Millisecond})
		_, err := sess.ChannelMessageSend(userMsg.ChannelID, "impatient")
		var rl *discordgo.RateLimitError
		if !errors.As(err, &rl) || rl.RetryAfter != 250*time.Millisecond {
			t.Errorf("ChannelMessageSend() = %v, want a RateLimitError with RetryAfter 250ms", err)
		}
	})
	t.Run("global 429 holds other routes", func(t *testing.T) {
		sess := restSession(t, srv)
		sess.ShouldRetryOnRateLimit = false
		srv.InjectFault(discordtest.Fault{Route: discordtest.RouteCreateMessage, Status: 429, RetryAfter: 150 * time.Millisecond, Global: true})
		mark := srv.Mark()
		if _, err := sess.ChannelMessageSend(userMsg.ChannelID, "x"); err == nil {
			t.Fatal("ChannelMessageSend() = nil, want the rate limit")
		}
		if _, err := sess.User("@me"); err != nil {
			t.Fatal(err)
		}
		reqs := srv.Requests()[mark:]
		if len(reqs) != 2 {
			t.Fatalf("requests = %v, want 2", reqs)
		}
		if gap := reqs[1].Time.Sub(reqs[0].Time); gap < 140*time.Millisecond {
			t.Errorf("next request on another route came after %v, want it held ~150ms by the global limit", gap)
		}
	})
	t.Run("500 is not retried", func(t *testing.T) {
		sess := restSession(t, srv)
		srv.InjectFault(discordtest.Fault{Route: discordtest.RouteCreateMessage, Status: 500})
		mark := srv.Mark()
		_, err := sess.ChannelMessageSend(userMsg.ChannelID, "x")
		if status, _ := restError(t, err); status != 500 {
			t.Errorf("ChannelMessageSend() = HTTP %d, want 500", status)
		}
		if n := len(srv.Requests()[mark:]); n != 1 {
			t.Errorf("%d requests, want 1 (discordgo retries only 502)", n)
		}
	})
	t.Run("502 is retried", func(t *testing.T) {
		sess := restSession(t, srv)
		srv.InjectFault(discordtest.Fault{Route: discordtest.RouteCreateMessage, Status: 502, Times: 2})
		mark := srv.Mark()
		if _, err := sess.ChannelMessageSend(userMsg.ChannelID, "x"); err != nil {
			t.Fatalf("ChannelMessageSend() = %v, want success on the third try", err)
		}
		if n := len(srv.Requests()[mark:]); n != 3 {
			t.Errorf("%d requests, want 3", n)
		}
	})
	t.Run("delay", func(t *testing.T) {
		sess := restSession(t, srv)
		srv.InjectFault(discordtest.Fault{Delay: 50 * time.Millisecond})
		start := time.Now()
		if _, err := sess.User("@me"); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); d < 50*time.Millisecond {
			t.Errorf("request took %v, want at least the 50ms delay", d)
		}
	})
}

// TestRecordHTTPResponse covers interactions that reach the bot over HTTP:
// the inline response is checked like a callback and follow-ups then work.
func TestRecordHTTPResponse(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	i := discordtest.SlashCommand("ask")
	srv.RegisterInteraction(i)
	resp, err := srv.RecordHTTPResponse(i.ID, []byte(`{"type":5}`))
	if err != nil {
		t.Fatal(err)
	}
	if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Errorf("type = %d, want 5", resp.Type)
	}
	if _, err := srv.RecordHTTPResponse(i.ID, []byte(`{"type":4,"data":{"content":"again"}}`)); err == nil {
		t.Error("second inline response accepted, want an error")
	}
	if _, err := restSession(t, srv).FollowupMessageCreate(toInteraction(t, i), false, &discordgo.WebhookParams{Content: "later"}); err != nil {
		t.Errorf("follow-up after an inline response = %v", err)
	}
	var buf bytes.Buffer
	for _, r := range srv.Responses() {
		buf.WriteString(r.InteractionID)
	}
	if buf.String() != i.ID {
		t.Errorf("Responses() = %q, want just %s", buf.String(), i.ID)
	}
}

// TestRecordsAreCopies checks that callers cannot change the log.
func TestRecordsAreCopies(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	if _, err := restSession(t, srv).User("@me"); err != nil {
		t.Fatal(err)
	}
	got := srv.Records()
	if len(got) != 1 || got[0].Seq != 1 || got[0].Route != discordtest.RouteCurrentUser || got[0].Kind != discordtest.KindREST {
		t.Fatalf("Records() = %v, want the one GET /users/@me", got)
	}
	got[0].Route = "changed"
	if again := srv.Records(); again[0].Route != discordtest.RouteCurrentUser {
		t.Errorf("changing the returned slice changed the log: Route = %q", again[0].Route)
	}
}
