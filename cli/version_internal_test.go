package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionText(t *testing.T) {
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		{
			name: "from a checkout with changes",
			bi: &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/qabot/qabot", Version: "v0.3.1-0.20250102030405-0123456789ab+dirty"},
				Settings: []debug.BuildSetting{
					{Key: "vcs", Value: "git"},
					{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
					{Key: "vcs.time", Value: "2025-01-02T03:04:05Z"},
					{Key: "vcs.modified", Value: "true"},
				}},
			ok: true,
			want: "qabot v0.3.1-0.20250102030405-0123456789ab+dirty\n" +
				"commit:      0123456789abcdef0123456789abcdef01234567 (with uncommitted changes)\n" +
				"commit date: 2025-01-02T03:04:05Z\n" +
				"go:          go1.26.8\n",
		},
		{
			name: "without version control",
			bi:   &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/qabot/qabot", Version: "(devel)"}},
			ok:   true,
			want: "qabot (devel)\ncommit:      unknown\ncommit date: unknown\ngo:          go1.26.8\n",
		},
		{
			name: "no build information",
			want: "qabot unknown\ncommit:      unknown\ncommit date: unknown\ngo:          unknown\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionText(tt.bi, tt.ok); got != tt.want {
				t.Errorf("versionText() =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
