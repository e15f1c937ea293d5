package command_test

import (
	"context"
	"testing"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

// mustChatRouter is the Router as the CLI and the bot wire it: with
// conversations, whose chat cues hold the command words.
func mustChatRouter(t *testing.T) *command.Router {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := qa.Load(seeds.FS, qa.Options{Languages: reg, Detector: lang.NewDetector(reg)})
	if err != nil {
		t.Fatal(err)
	}
	convs, err := qa.NewConversations(e, qa.ConversationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	r := command.NewRouter(e, reg)
	r.UseConversations(convs)
	return r
}

func TestSummary(t *testing.T) {
	r := mustChatRouter(t)
	got, err := r.Handle(context.Background(), command.Query{Command: command.Summary, LangHint: "it"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Command != command.Summary || got.Lang != "it" || len(got.Summaries) != 1 {
		t.Fatalf("Handle(summary) = %+v; want one Italian summary", got)
	}
	s := got.Summaries[0]
	if n := len(s.Sentences); n < 3 || n > 5 {
		t.Errorf("summary has %d sentences; want 3 to 5", n)
	}
	if s.Sentences[0].Paragraph != 0 {
		t.Errorf("summary starts in paragraph %d; want the lead", s.Sentences[0].Paragraph)
	}
}

// TestCommandWords checks that a message that is only a command word is
// served by that command, in the word's language, whether or not it is a
// turn of a conversation.
func TestCommandWords(t *testing.T) {
	r := mustChatRouter(t)
	for _, tt := range []struct {
		text, session string
		cmd, lang     string
	}{
		{"tl;dr", "", command.Summary, "en"},
		{"TLDR please", "u1", command.Summary, "en"},
		{"Résumé", "", command.Summary, "fr"},
		{"help", "u2", command.Help, "en"},
		{"ayuda", "", command.Help, "es"},
		{"Zeitleiste", "", command.Timeline, "de"},
		{"хронология", "u3", command.Timeline, "ru"},
		{"help me", "", command.Ask, "en"},               // small talk, not the command
		{"quit", "", command.Ask, ""},                    // the terminal chat's own
		{"what is the timeline?", "", command.Ask, "en"}, // a question
	} {
		got, err := r.Handle(context.Background(), command.Query{Command: command.Ask, Text: tt.text, Session: tt.session})
		if err != nil {
			t.Fatal(err)
		}
		if got.Command != tt.cmd || tt.lang != "" && got.Lang != tt.lang {
			t.Errorf("Handle(ask %q) = command %q lang %q; want %q %q", tt.text, got.Command, got.Lang, tt.cmd, tt.lang)
		}
	}
}
