package cli

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/qabot/qabot/lang"
)

var (
	seedOnce sync.Once
	seedApp  *app
	seedBot  *service
	seedErr  error
)

// mustSeedChat returns a new chat session over the embedded article. The
// engine is loaded once for all tests, so that each case costs an answer,
// not a start.
func mustSeedChat(t *testing.T) *chatSession {
	t.Helper()
	seedOnce.Do(func() {
		langs, err := lang.Load(lang.Data)
		if err != nil {
			seedErr = err
			return
		}
		seedApp = &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
			getenv: func(string) string { return "" }, langs: langs, log: slog.New(slog.DiscardHandler)}
		seedBot, seedErr = seedApp.loadBot(context.Background())
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return &chatSession{app: seedApp, bot: seedBot}
}

// chatLines runs lines through a chat session and returns what it wrote
// and whether the chat goes on.
func chatLines(t *testing.T, s *chatSession, lines ...string) (string, bool) {
	t.Helper()
	var out strings.Builder
	more := true
	for _, line := range lines {
		var err error
		if more, err = s.handle(context.Background(), line, &out); err != nil {
			t.Fatalf("handle(%q): %v", line, err)
		}
		if !more {
			break
		}
	}
	return out.String(), more
}

// TestChatCommands checks that every command the chat's help lists works,
// typed with a slash or, for the plain command words of chat.tsv, alone.
func TestChatCommands(t *testing.T) {
	const natoQ = "when did albania join nato?"
	tests := []struct {
		name  string
		lines []string
		want  []string // in order in the output
		not   []string // nowhere in the output
		quits bool
	}{
		{
			name:  "help lists every command",
			lines: []string{"/help"},
			want:  []string{"/summary", "/timeline [--from DATE] [--to DATE] [WORDS]", "/source", "/lang xx", "/help", "/quit"},
		},
		{
			name:  "summary",
			lines: []string{"/summary"},
			want:  []string{"Summary: Albania accuses Iran", "> ", "(Paragraph 1)", "> ", "> "},
			not:   []string{"Answer:", "The article doesn't say"},
		},
		{
			name:  "command words",
			lines: []string{"tldr", "help", "timeline", "summary", "tl;dr please"},
			want:  []string{"Summary: ", "Type your question, or a command", "Date", "2009", "Summary: ", "Summary: "},
			not:   []string{"Answer:", "The article doesn't say"},
		},
		{
			name:  "command words of other languages",
			lines: []string{"Zusammenfassung", "aide"},
			want:  []string{"Zusammenfassung: Albania accuses Iran", "Tapez votre question"},
		},
		{
			name:  "timeline with filters",
			lines: []string{"/timeline --from 2009 --to 2013"},
			want:  []string{"Date", "2009", "since 2013"},
			not:   []string{"1981", "July 2022"},
		},
		{
			name:  "timeline with a quoted date",
			lines: []string{`/timeline --from "December 2018" --to=2021`},
			want:  []string{"Date", "since December 2018"},
			not:   []string{"1981", "2009", "July 2022"},
		},
		{
			name:  "timeline about a topic",
			lines: []string{"/timeline revolution"},
			want:  []string{"1979"},
			not:   []string{"2009"},
		},
		{
			name:  "source",
			lines: []string{"/source"},
			want:  []string{"About the article", "Albania accuses Iran", "By: RFI", "sentences in"},
		},
		{
			name:  "unknown command",
			lines: []string{"/nope", natoQ},
			want:  []string{"I don't know the command /nope.", "/help", "Answer: 2009"},
		},
		{
			name:  "bad timeline option",
			lines: []string{"/timeline --since 2009"},
			want:  []string{"unknown option --since", "/timeline [--from DATE]"},
		},
		{
			name:  "unclosed quote",
			lines: []string{`/timeline --from "2009`},
			want:  []string{"unclosed \" quote"},
		},
		{
			name:  "quit in another language",
			lines: []string{"quitter", natoQ},
			want:  []string{"Goodbye"},
			not:   []string{"Answer:"},
			quits: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, more := chatLines(t, mustSeedChat(t), tt.lines...)
			rest := out
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("chat %q lacks %q (in order):\n%s", tt.lines, w, out)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("chat %q has %q, want it absent:\n%s", tt.lines, n, out)
				}
			}
			if more == tt.quits {
				t.Errorf("chat %q goes on = %v; want %v", tt.lines, more, !tt.quits)
			}
		})
	}
}

// TestAskOneMessage checks what qabot ask prints for what is not a
// question about the article: small talk as the chat answers it, one
// message for a language qabot does not read, and command words.
func TestAskOneMessage(t *testing.T) {
	s := mustSeedChat(t)
	a := s.app
	tests := []struct {
		question string
		want     string // the whole output
		prefix   bool   // want is only the start
	}{
		{"hi", "Hello! Ask me anything about “Albania accuses Iran of cyber attack and breaks diplomatic ties with Tehran”.\n", false},
		{"thank you!", "You're welcome", true},
		{"ما هي عاصمة ألبانيا؟", "Sorry, I can't read that language yet. I understand: Deutsch, English, español, français, magyar, italiano, norsk bokmål, português, русский, svenska.\n", false},
		{"阿尔巴尼亚什么时候加入北约？", "Sorry, I can't read that language yet. I understand: Deutsch, English, español, français, magyar, italiano, norsk bokmål, português, русский, svenska.\n", false},
		{"tl;dr", "Summary: Albania accuses Iran", true},
	}
	for _, tt := range tests {
		reply, err := a.askBot(context.Background(), s.bot, tt.question)
		if err != nil {
			t.Fatalf("askBot(%q): %v", tt.question, err)
		}
		got := a.render(reply, len(s.bot.corpus.Articles))
		if tt.prefix && !strings.HasPrefix(got, tt.want) || !tt.prefix && got != tt.want {
			t.Errorf("qabot ask %q = %q; want %q", tt.question, got, tt.want)
		}
	}
}

// TestReplyLanguage checks that --lang, QABOT_LANG and /lang choose the
// language of the reply only: the question is read in its own language.
func TestReplyLanguage(t *testing.T) {
	s := mustSeedChat(t)
	defer func() { s.app.lang = "" }()
	out, _ := chatLines(t, s, "/lang fr", "when did albania join nato?", "did albania join nato?", "hi", "/lang auto")
	for _, want := range []string{"Langue: fr (français)", "Réponse: 2009", "Réponse: Oui", "Bonjour !", "Language: auto"} {
		i := strings.Index(out, want)
		if i < 0 {
			t.Fatalf("chat lacks %q (in order):\n%s", want, out)
		}
		out = out[i+len(want):]
	}
}
