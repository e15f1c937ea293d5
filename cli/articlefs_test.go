//go:build unix

package cli

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestArticleFSOpenNeverBlocks opens a named pipe that has no writer: a
// plain open(2) would wait for one for ever. The open must return at once
// and Stat of the open file must say it is a pipe, which corpus.Load then
// refuses.
func TestArticleFSOpenNeverBlocks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.txt")
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	type result struct {
		f   fs.File
		err error
	}
	done := make(chan result, 1)
	go func() {
		f, err := newArticleFS(dir).Open("x.txt")
		done <- result{f, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(time.Minute):
		if w, err := os.OpenFile(path, os.O_RDWR, 0); err == nil { // releases the blocked open
			w.Close()
		}
		t.Fatal("Open(x.txt) of a named pipe blocked")
	}
	if r.err != nil {
		t.Fatalf("Open(x.txt) error = %v, want an open pipe to check", r.err)
	}
	defer r.f.Close()
	info, err := r.f.Stat()
	if err != nil || info.Mode()&fs.ModeNamedPipe == 0 {
		t.Errorf("Stat of the opened pipe = %v, %v; want a named pipe", info, err)
	}
}

func TestArticleFSLikeDirFS(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("text"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := newArticleFS(dir)
	if b, err := fs.ReadFile(fsys, "a.txt"); err != nil || string(b) != "text" {
		t.Errorf("ReadFile(a.txt) = %q, %v; want \"text\"", b, err)
	}
	for _, name := range []string{"../a.txt", "/a.txt", "missing.txt"} {
		_, err := fsys.Open(name)
		var pe *fs.PathError
		if err == nil || !errors.As(err, &pe) || pe.Path != name {
			t.Errorf("Open(%q) error = %v, want a PathError naming %q", name, err, name)
		}
	}
	if entries, err := fs.ReadDir(fsys, "."); err != nil || len(entries) != 1 {
		t.Errorf("ReadDir(.) = %v, %v; want a.txt", entries, err)
	}
}
