package cli_test

import (
	"strings"
	"testing"
)

// TestServeConfig checks that serve and serve-http refuse a bad
// configuration with one line naming the variable, and never echo the token.
func TestServeConfig(t *testing.T) {
	const token = "secret-token-value"
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string // in stderr
	}{
		{"no token", []string{"serve"}, nil, "DISCORD_TOKEN"},
		{"bad app id", []string{"serve"}, map[string]string{"DISCORD_TOKEN": token, "DISCORD_APP_ID": "abc"}, "DISCORD_APP_ID"},
		{"http without key", []string{"serve-http"}, map[string]string{"DISCORD_TOKEN": token, "DISCORD_APP_ID": "123456789012345678"}, "DISCORD_PUBLIC_KEY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, "", tt.env, tt.args...)
			if r.code != 1 {
				t.Errorf("qabot %v exit %d, want 1; stderr %q", tt.args, r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.want) {
				t.Errorf("qabot %v stderr = %q, want it to name %s", tt.args, r.stderr, tt.want)
			}
			if n := strings.Count(strings.TrimSpace(r.stderr), "\n"); n > 0 {
				t.Errorf("qabot %v printed %d lines on stderr, want one: %q", tt.args, n+1, r.stderr)
			}
			if strings.Contains(r.stderr+r.stdout, token) {
				t.Errorf("qabot %v printed the token", tt.args)
			}
		})
	}
}
