package cli

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/timeline"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		text  string
		width int
		want  []string
	}{
		{"", 10, []string{""}},
		{"one two three", 20, []string{"one two three"}},
		{"one two three", 7, []string{"one two", "three"}},
		{"one two three", 3, []string{"one", "two", "thr", "ee"}},
		{"  spaced\n\tout  ", 20, []string{"spaced out"}},
		{"Étés à Tirana", 6, []string{"Étés à", "Tirana"}},
		{"abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"a abcdefghij", 4, []string{"a", "abcd", "efgh", "ij"}},
		{"x", 0, []string{"x"}},
	}
	for _, tt := range tests {
		got := wrap(tt.text, tt.width)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("wrap(%q, %d) (-want +got):\n%s", tt.text, tt.width, diff)
		}
		for _, line := range got {
			if n := utf8.RuneCountInString(line); n > max(tt.width, 1) {
				t.Errorf("wrap(%q, %d): line %q has %d runes", tt.text, tt.width, line, n)
			}
		}
	}
}

func TestWriteTimeline(t *testing.T) {
	langs, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	en, _ := langs.Get("en")
	events := []timeline.Event{
		{Label: "2009", Quote: "Albania joined NATO in 2009 and applied for membership of the European Union.", Article: "A", Paragraph: 11},
		{Label: "since the beginning of a very long period", Quote: "Short.", Article: "B", Paragraph: 0},
	}
	var b strings.Builder
	writeTimeline(&b, en, events, true, 60)
	want := `Date  Event
2009  Albania joined NATO in 2009 and applied for membership
      of the European Union.
      — A, Paragraph 12
since the beginning of a very long period
      Short.
      — B, Paragraph 1
`
	if diff := cmp.Diff(want, b.String()); diff != "" {
		t.Errorf("writeTimeline (-want +got):\n%s", diff)
	}
}
