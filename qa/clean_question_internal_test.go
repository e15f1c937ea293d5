package qa

import "testing"

func TestCleanQuestion(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Who won?", "Who won?"},
		{"spaces collapsed", "  Who \t won?\n", "Who won?"},
		{"control characters", "Who\x00won\u200b?", "Who won ?"},
		{"invalid UTF-8", "Who\xffwon?", "Who won?"},
		{"mention and markdown", "<@123> **who** won?", "who won?"},
		{"character references decoded", "De que palavra &quot;Bey Hive&quot; deriva?", `De que palavra "Bey Hive" deriva?`},
		{"no-break space reference", "Who&nbsp;won?", "Who won?"},
		{"malformed reference kept", "AT&T &quot won?", "AT&T &quot won?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanQuestion(tt.in); got != tt.want {
				t.Errorf("cleanQuestion(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
