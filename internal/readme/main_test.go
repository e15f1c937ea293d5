package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	text := "# Title\n\nIntro.\n\n<!-- report: printf '| a |\\n| 1 |\\n' -->\nold table\n<!-- /report -->\n\nMiddle.\n\n<!-- report: echo -n two -->\n<!-- /report -->\nEnd.\n"
	got, err := render(text, t.TempDir(), "", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := "# Title\n\nIntro.\n\n<!-- report: printf '| a |\\n| 1 |\\n' -->\n| a |\n| 1 |\n<!-- /report -->\n\nMiddle.\n\n<!-- report: echo -n two -->\ntwo\n<!-- /report -->\nEnd.\n"
	if got != want {
		t.Errorf("render() =\n%s\nwant\n%s", got, want)
	}

	only, err := render(text, t.TempDir(), "two", io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(only, "old table\n") || !strings.Contains(only, "two\n<!-- /report -->") {
		t.Errorf("render(only two) =\n%s\nwant the first block kept and the second run", only)
	}
}

func TestRenderErrors(t *testing.T) {
	for _, tt := range []struct{ name, text, want string }{
		{"unclosed", "<!-- report: echo a -->\nx\n", "no <!-- /report -->"},
		{"nested", "<!-- report: echo a -->\n<!-- report: echo b -->\n<!-- /report -->\n", "not closed before the next one"},
		{"command fails", "<!-- report: exit 3 -->\n<!-- /report -->\n", "exit status 3"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := render(tt.text, t.TempDir(), "", io.Discard)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("render() error = %v; want one containing %q", err, tt.want)
			}
		})
	}
}

func TestRunCheck(t *testing.T) {
	file := filepath.Join(t.TempDir(), "README.md")
	stale := "<!-- report: echo new -->\nold\n<!-- /report -->\n"
	if err := os.WriteFile(file, []byte(stale), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(file, true, "", io.Discard); err != errStale {
		t.Errorf("run(-check) on a stale file = %v; want errStale", err)
	}
	if b, _ := os.ReadFile(file); string(b) != stale {
		t.Errorf("run(-check) wrote the file:\n%s", b)
	}
	if err := run(file, false, "", io.Discard); err != nil {
		t.Fatal(err)
	}
	if err := run(file, true, "", io.Discard); err != nil {
		t.Errorf("run(-check) after run() = %v; want nil", err)
	}
}
