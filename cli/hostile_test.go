//go:build unix

package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/qabot/qabot/cli"
)

// TestCorpusWithHostileFiles serves a folder where a named pipe, a link to
// a device and a sparse file of 2 GB sit beside the article: the article
// is answered at once and each hostile file is named in one warning.
func TestCorpusWithHostileFiles(t *testing.T) {
	dir := mustCorpus(t, map[string][]byte{"seed.txt": mustReadFile(t, "../seeds/000_3025b2289f4c8319.txt")})
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.txt")); err != nil {
		t.Fatal(err)
	}
	sparse, err := os.Create(filepath.Join(dir, "sparse.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if err := sparse.Truncate(2 << 30); err != nil {
		t.Skipf("truncate: %v", err)
	}
	sparse.Close()

	r := mustRun(t, "", nil, "ask", "--corpus", dir, natoQ)
	if r.code != cli.ExitOK || !strings.Contains(r.stdout, "Answer: 2009") {
		t.Errorf("ask beside hostile files: code %d, stdout %q, stderr %q; want the answer", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{"pipe.txt: not a regular file (a named pipe)", "zero.txt: not a regular file (a character device)", "sparse.txt: article too large"} {
		if !strings.Contains(r.stderr, "warning: skipped "+want) {
			t.Errorf("stderr = %q, want a warning %q", r.stderr, want)
		}
	}
}

// TestCorpusFileHostile gives --corpus one path that is not an article
// file: each is refused at once, on one line that says why, without
// reading it (a pipe would block the open, /dev/zero never ends).
func TestCorpusFileHostile(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	zero := filepath.Join(dir, "zero.txt")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "page.html")
	if err := os.WriteFile(page, []byte("<p>not a .txt article</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path, want string
	}{
		{pipe, "pipe.txt: not a regular file (a named pipe)"},
		{zero, "zero.txt: not a regular file (a character device)"},
		{"/dev/zero", "neither a folder nor a .txt article"},
		{page, "neither a folder nor a .txt article"},
	}
	for _, tt := range tests {
		for _, args := range [][]string{{"ask", "--corpus", tt.path, natoQ}, {"timeline", "--corpus", tt.path}} {
			r := mustRun(t, "", nil, args...)
			if r.code != cli.ExitError || strings.Count(r.stderr, "\n") != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("qabot %q: code %d, stderr %q; want %d and one line containing %q", args, r.code, r.stderr, cli.ExitError, tt.want)
			}
		}
	}
}

// TestDotenvNamedPipe checks that a .env that is a named pipe is refused
// instead of blocking the start.
func TestDotenvNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, ".env"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	t.Chdir(dir)
	r := mustRun(t, "", nil, "ask", natoQ)
	if r.code != cli.ExitError || !strings.Contains(r.stderr, ".env is not a regular file") {
		t.Errorf("with a pipe for .env: code %d, stderr %q; want it refused", r.code, r.stderr)
	}
}
