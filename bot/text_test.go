package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Who signed the treaty?", "Who signed the treaty?"},
		{"everyone", "hi @everyone", "hi @\u200beveryone"},
		{"here", "@here now", "@\u200bhere now"},
		{"user mention", "ask <@123456789012345678>", `ask \<@123456789012345678>`},
		{"nickname mention", "<@!42>", `\<@!42>`},
		{"role mention", "<@&1100000000000000500> who?", `\<@&1100000000000000500> who?`},
		{"channel mention", "see <#99>", `see \<#99>`},
		{"bold", "**loud**", `\*\*loud\*\*`},
		{"underline", "__under__", `\_\_under\_\_`},
		{"strike", "~~gone~~", `\~\~gone\~\~`},
		{"code", "`x` and ```block```", "\\`x\\` and \\`\\`\\`block\\`\\`\\`"},
		{"spoiler", "||secret||", `\|\|secret\|\|`},
		{"quote at line start", "> quoted\nnot > quoted", "\\> quoted\nnot > quoted"},
		{"heading", "# Big\n## Bigger", "\\# Big\n\\## Bigger"},
		{"subtext and list", "-# small\n- item\n+ item", "\\-# small\n\\- item\n\\+ item"},
		{"ordered list", "1. first\n 12. twelfth", "1\\. first\n 12\\. twelfth"},
		{"masked link", "[click](https://evil.example/x)", `\[click\](<https://evil.example/x>)`},
		{"bare link", "go to https://example.com/a_b now", "go to <https://example.com/a_b> now"},
		{"link ending a sentence", "see https://example.com/(x).", "see <https://example.com/(x)>."},
		{"backslash", `a\b`, `a\\b`},
		{"emoji and scripts", "Кто? 🤔 誰", "Кто? 🤔 誰"},
		{"invalid utf-8", "a\xffb", "a\uFFFDb"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCut(t *testing.T) {
	long := strings.Repeat("word ", 30) // 150 runes
	tests := []struct {
		name  string
		in    string
		limit int
		want  string
	}{
		{"fits", "short text", 20, "short text"},
		{"exact", "12345", 5, "12345"},
		{"sentence boundary", "First sentence here. Second one is much longer than the rest.", 40, "First sentence here. …"},
		{"word boundary", "alpha beta gamma delta", 15, "alpha beta…"},
		{"boundary right after", "alpha beta gamma", 11, "alpha beta…"},
		{"one long word", "abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"},
		{"multibyte", "Кто подписал договор в Тиране", 17, "Кто подписал…"},
		{"limit one", "abc", 1, "…"},
		{"limit zero", "abc", 0, ""},
		{"dangling escape", `abcdefgh\*`, 10, `abcdefgh\*`},
		{"escape cut in half", `abcdefgh\*x`, 10, `abcdefgh…`},
		{"long", long, 100, strings.Repeat("word ", 19) + "word…"},
		{"long word late", "a " + strings.Repeat("x", 30), 20, "a xxxxxxxxxxxxxxxxx…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Cut(tt.in, tt.limit)
			if got != tt.want {
				t.Errorf("Cut(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.limit {
				t.Errorf("Cut(%q, %d) has %d runes", tt.in, tt.limit, n)
			}
		})
	}
}

func TestStripMentions(t *testing.T) {
	tests := []struct{ in, want string }{
		{"who is edi rama", "who is edi rama"},
		{"@everyone who is <@&123> edi <@!45> rama <#6> @here", "who is edi rama"},
		{"mail me@example.com", "mail me@example.com"},
	}
	for _, tt := range tests {
		if got := stripMentions(tt.in); got != tt.want {
			t.Errorf("stripMentions(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzEscapeCut(f *testing.F) {
	for _, s := range []string{"", "@everyone **x** <@1>", "a\xffb", "> q\n# h\n1. x", strings.Repeat("é ", 300), "https://x.y/_z_ [a](b)"} {
		f.Add(s, 50)
	}
	f.Fuzz(func(t *testing.T, s string, limit int) {
		limit = limit%5000 + 1
		if limit < 1 {
			limit = -limit + 1
		}
		e := Escape(s)
		if !utf8.ValidString(e) {
			t.Fatalf("Escape(%q) is not valid UTF-8", s)
		}
		if strings.Contains(e, "@everyone") || strings.Contains(e, "@here") {
			t.Fatalf("Escape(%q) = %q still holds a mass mention", s, e)
		}
		c := Cut(e, limit)
		if n := utf8.RuneCountInString(c); n > limit {
			t.Fatalf("Cut(%q, %d) has %d runes", e, limit, n)
		}
		if !utf8.ValidString(c) {
			t.Fatalf("Cut(%q, %d) is not valid UTF-8", e, limit)
		}
	})
}

func BenchmarkEscapeCut(b *testing.B) {
	s := strings.Repeat("Albania's **PM** said <@123> @everyone: ~~no~~ https://example.com/a_b. ", 40)
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Cut(Escape(s), maxDescription)
	}
}
