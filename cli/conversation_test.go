package cli_test

import (
	"strings"
	"testing"

	"github.com/qabot/qabot/cli"
)

// TestAskJSONChat checks ask --json --chat: the lines of stdin are turns
// of one conversation, so follow-ups refer back; without --chat the same
// lines stand alone, small talk included.
func TestAskJSONChat(t *testing.T) {
	in := strings.Join([]string{"hi", natoQ, "source?", "who said that?", "merci !"}, "\n")
	type want struct {
		answered bool
		reason   string
		quote    string // substring
		lang     string
		any      bool // a question of its own: anything but the last quote
	}
	tests := []struct {
		name string
		args []string
		want []want
	}{
		{"chat", []string{"ask", "--json", "--chat"}, []want{
			{false, "small_talk", "", "en", false},
			{true, "", natoQuote, "en", false},
			{true, "", natoQuote, "en", false},
			{true, "", natoQuote, "en", false},
			{false, "small_talk", "", "fr", false},
		}},
		// Standing alone, small talk is still small talk, but follow-ups
		// have nothing to follow.
		{"single questions", []string{"ask", "--json"}, []want{
			{false, "small_talk", "", "en", false},
			{true, "", natoQuote, "en", false},
			{any: true},
			{any: true},
			{false, "small_talk", "", "fr", false},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, in, nil, tt.args...)
			if r.code != cli.ExitOK {
				t.Fatalf("qabot %v: code %d, stderr %q", tt.args, r.code, r.stderr)
			}
			rs := mustReplies(t, r.stdout)
			if len(rs) != len(tt.want) {
				t.Fatalf("qabot %v printed %d objects for %d lines:\n%s", tt.args, len(rs), len(tt.want), r.stdout)
			}
			for i, w := range tt.want {
				got := rs[i]
				if w.any {
					if strings.Contains(got.Quote, natoQuote) || got.Reason == "small_talk" {
						t.Errorf("line %d %q = %q (reason %q), want a question of its own", i, got.Question, got.Quote, got.Reason)
					}
					continue
				}
				if got.Answered != w.answered || got.Reason != w.reason || !strings.Contains(got.Quote, w.quote) || w.lang != "" && got.Lang != w.lang {
					t.Errorf("line %d %q = {answered %v reason %q lang %q quote %.40q}, want {answered %v reason %q lang %q quote containing %q}",
						i, got.Question, got.Answered, got.Reason, got.Lang, got.Quote, w.answered, w.reason, w.lang, w.quote)
				}
				if w.reason == "small_talk" && got.Message == "" {
					t.Errorf("line %d %q: small talk without a message", i, got.Question)
				}
			}
		})
	}
}

// TestChatPipedIsConversation checks that the chat answers follow-ups.
func TestChatPipedIsConversation(t *testing.T) {
	r := mustRun(t, natoQ+"\nsource?\n", nil)
	if r.code != cli.ExitOK || r.stderr != "" {
		t.Fatalf("qabot: code %d, stderr %q", r.code, r.stderr)
	}
	if n := strings.Count(r.stdout, natoQuote); n != 2 {
		t.Errorf("chat quoted %q %d times, want twice (the answer, then its source):\n%s", natoQuote, n, r.stdout)
	}
}
