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
