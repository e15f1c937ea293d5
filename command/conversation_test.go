package command_test

import (
	"context"
	"strings"
	"testing"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

// TestRouterConversations checks that Ask queries with a Session are
// turns of that session's conversation, and that small talk and
// clarifications come back as the Reply's message.
func TestRouterConversations(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	d, err := lang.DefaultDetector()
	if err != nil {
		t.Fatal(err)
	}
	e, err := qa.Load(seeds.FS, qa.Options{Languages: reg, Detector: d})
	if err != nil {
		t.Fatal(err)
	}
	convs, err := qa.NewConversations(e, qa.ConversationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := command.NewRouter(e, reg)
	r.UseConversations(convs)
	ask := func(session, text string) command.Reply {
		t.Helper()
		reply, err := r.Handle(context.Background(), command.Query{Command: command.Ask, Text: text, Session: session})
		if err != nil {
			t.Fatal(err)
		}
		if reply.Answer == nil {
			t.Fatalf("Handle(%q) returned no answer", text)
		}
		return reply
	}
	const nato = "joining NATO in 2009"
	if got := ask("alice", "when did albania join nato?"); !strings.Contains(got.Answer.Quote.Text, nato) {
		t.Fatalf("first question quoted %q, want %q", got.Answer.Quote.Text, nato)
	}
	if got := ask("alice", "source?"); got.Answer.Turn != qa.TurnSource || !strings.Contains(got.Answer.Quote.Text, nato) {
		t.Errorf("alice's source? = turn %q quote %q, want the source of her last answer", got.Answer.Turn, got.Answer.Quote.Text)
	}
	if got := ask("bob", "source?"); got.Answer.Reason != qa.ReasonNoContext || got.Message == "" {
		t.Errorf("bob's source? = reason %q message %q, want no_context with a message: bob asked nothing before", got.Answer.Reason, got.Message)
	}
	if got := ask("", "source?"); got.Answer.Turn != "" {
		t.Errorf("source? without a session = turn %q, want a question of its own (no turn)", got.Answer.Turn)
	}
	got := ask("carol", "merci !")
	if got.Answer.Reason != qa.ReasonSmallTalk || got.Lang != "fr" || got.Message == "" {
		t.Errorf("merci ! = reason %q lang %q message %q, want French small talk", got.Answer.Reason, got.Lang, got.Message)
	}
}
