//go:build unix

package corpus_test

import (
	"errors"

	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/corpus"
)

// spyFS wraps a file system and remembers which files were opened and how
// many bytes were read from each, so that a test can tell a hostile file
// was refused before it was read.
type spyFS struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]bool
	read   map[string]int64
}

func newSpyFS(fsys fs.FS) *spyFS {
	return &spyFS{FS: fsys, opened: map[string]bool{}, read: map[string]int64{}}
}

func (s *spyFS) Open(name string) (fs.File, error) {
	s.mu.Lock()
	s.opened[name] = true
	s.mu.Unlock()
	f, err := s.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return &spyFile{File: f, spy: s, name: name}, nil
}

func (s *spyFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(s.FS, name) }

func (s *spyFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(s.FS, name) }

type spyFile struct {
	fs.File
	spy  *spyFS
	name string
}

func (f *spyFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.spy.mu.Lock()
	f.spy.read[f.name] += int64(n)
	f.spy.mu.Unlock()
	return n, err
}

// loadWithin runs Load and fails the test if it does not return within a
// generous bound: a blocking open or an endless read would hang it. release
// is called on a timeout to unblock whatever Load is stuck on.
func loadWithin(t *testing.T, fsys fs.FS, p *corpus.Parser, release func()) (*corpus.Corpus, error) {
	t.Helper()
	type result struct {
		c   *corpus.Corpus
		err error
	}
	done := make(chan result, 1)
	go func() {
		c, err := corpus.Load(fsys, p)
		done <- result{c, err}
	}()
	select {
	case r := <-done:
		return r.c, r.err
	case <-time.After(time.Minute):
		if release != nil {
			release()
		}
		t.Fatal("Load did not return: it blocked on a hostile file")
		return nil, nil
	}
}

// fileErr returns the error Load reported for name, or nil.
func fileErr(err error, name string) error {
	var list corpus.ErrorList
	if !errors.As(err, &list) {
		return nil
	}
	for _, fe := range list {
		if fe.Path == name {
			return fe.Err
		}
	}
	return nil
}

func writeStory(t *testing.T, dir, name string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), storyPage("Council closes the ferry pier").Data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadHostileFiles puts each kind of file that once hung the process,
// exhausted its memory or was read whole before its size was checked
// beside a good article: the good article is served, the hostile file is
// refused with a reason, and it is never read.
func TestLoadHostileFiles(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string) (release func())
		want error
		// opened: whether Load may open the file at all.
		opened bool
	}{
		{
			name: "named pipe",
			make: func(t *testing.T, path string) func() {
				if err := syscall.Mkfifo(path, 0o644); err != nil {
					t.Skipf("mkfifo: %v", err)
				}
				// A writer unblocks a reader stuck in open.
				return func() {
					if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
						f.Close()
					}
				}
			},
			want: corpus.ErrNotRegular,
		},
		{
			name: "symbolic link to /dev/zero",
			make: func(t *testing.T, path string) func() {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skipf("no /dev/zero: %v", err)
				}
				if err := os.Symlink("/dev/zero", path); err != nil {
					t.Fatal(err)
				}
				return nil
			},
			want: corpus.ErrNotRegular,
		},
		{
			name: "symbolic link to a folder",
			make: func(t *testing.T, path string) func() {
				if err := os.Symlink(t.TempDir(), path); err != nil {
					t.Fatal(err)
				}
				return nil
			},
			want: corpus.ErrNotRegular,
		},
		{
			name: "sparse 2 GB file",
			make: func(t *testing.T, path string) func() {
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				if err := f.Truncate(2 << 30); err != nil {
					t.Skipf("truncate: %v", err)
				}
				return nil
			},
			want: corpus.ErrTooLarge,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeStory(t, dir, "a-good.txt")
			release := tt.make(t, filepath.Join(dir, "x.txt"))
			spy := newSpyFS(os.DirFS(dir))
			c, err := loadWithin(t, spy, mustParser(t), release)
			if c == nil {
				t.Fatalf("Load = nil corpus, %v; want the good article", err)
			}
			if diff := cmp.Diff([]string{"a-good"}, articleIDs(c)); diff != "" {
				t.Errorf("Load article IDs mismatch (-want +got):\n%s", diff)
			}
			if got := fileErr(err, "x.txt"); !errors.Is(got, tt.want) {
				t.Errorf("Load error for x.txt = %v, want %v (whole error: %v)", got, tt.want, err)
			}
			if spy.opened["x.txt"] != tt.opened {
				t.Errorf("Load opened x.txt = %t, want %t", spy.opened["x.txt"], tt.opened)
			}
			if n := spy.read["x.txt"]; n != 0 {
				t.Errorf("Load read %d bytes of x.txt, want 0", n)
			}
		})
	}
}

// endless is a file that says it is empty and never ends, like the files
// of /proc: only a capped read stops it.
type endless struct{ read int64 }

func (e *endless) Stat() (fs.FileInfo, error) { return endlessInfo{}, nil }
func (e *endless) Close() error               { return nil }
func (e *endless) Read(p []byte) (int, error) {
	if e.read >= 64<<20 { // an end, so that a reader without a cap fails instead of exhausting memory
		return 0, io.EOF
	}
	for i := range p {
		p[i] = 'a'
	}
	e.read += int64(len(p))
	return len(p), nil
}

type endlessInfo struct{}

func (endlessInfo) Name() string       { return "proc.txt" }
func (endlessInfo) Size() int64        { return 0 }
func (endlessInfo) Mode() fs.FileMode  { return 0o444 }
func (endlessInfo) ModTime() time.Time { return time.Time{} }
func (endlessInfo) IsDir() bool        { return false }
func (endlessInfo) Sys() any           { return nil }

type endlessFS struct {
	files fstest.MapFS
	file  *endless
}

func (f endlessFS) Open(name string) (fs.File, error) {
	if name == "proc.txt" {
		return f.file, nil
	}
	return f.files.Open(name)
}

func (f endlessFS) Stat(name string) (fs.FileInfo, error) {
	if name == "proc.txt" {
		return endlessInfo{}, nil
	}
	return f.files.Stat(name)
}

func (f endlessFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := f.files.ReadDir(name)
	return append(entries, fs.FileInfoToDirEntry(endlessInfo{})), err
}

// TestLoadCapsReads checks that a file whose size Stat does not tell is
// read no further than the limit.
func TestLoadCapsReads(t *testing.T) {
	p := mustParser(t)
	p.MaxBytes = 4096
	file := &endless{}
	fsys := endlessFS{files: fstest.MapFS{"a-good.txt": storyPage("Council closes the ferry pier")}, file: file}
	c, err := loadWithin(t, fsys, p, nil)
	if got := fileErr(err, "proc.txt"); !errors.Is(got, corpus.ErrTooLarge) {
		t.Errorf("Load error for proc.txt = %v, want %v", got, corpus.ErrTooLarge)
	}
	if c == nil || len(c.Articles) != 1 {
		t.Errorf("Load = %v, want the good article", c)
	}
	// io.ReadAll reads in chunks of at most 512 bytes past what it has.
	if limit := int64(p.MaxBytes) + 1 + 64<<10; file.read > limit {
		t.Errorf("Load read %d bytes of an endless file, want at most %d", file.read, limit)
	}
}

// TestLoadCorpusCap checks the cap on the corpus as a whole: the files that
// would take it over are refused, those that fit are served.
func TestLoadCorpusCap(t *testing.T) {
	page := storyPage("Council closes the ferry pier")
	size := int64(len(page.Data))
	p := mustParser(t)
	p.MaxCorpusBytes = 2*size + size/2
	fsys := fstest.MapFS{"a.txt": page, "b.txt": page, "c.txt": page, "d.txt": page}
	c, err := corpus.Load(fsys, p)
	if diff := cmp.Diff([]string{"a", "b"}, articleIDs(c)); diff != "" {
		t.Errorf("Load article IDs mismatch (-want +got):\n%s", diff)
	}
	for _, name := range []string{"c.txt", "d.txt"} {
		if got := fileErr(err, name); !errors.Is(got, corpus.ErrCorpusTooLarge) {
			t.Errorf("Load error for %s = %v, want %v", name, got, corpus.ErrCorpusTooLarge)
		}
	}
}

// TestLoadReadsThroughSymlinks checks that a link to a regular file is an
// article like any other.
func TestLoadReadsThroughSymlinks(t *testing.T) {
	dir, other := t.TempDir(), t.TempDir()
	writeStory(t, other, "real.txt")
	if err := os.Symlink(filepath.Join(other, "real.txt"), filepath.Join(dir, "linked.txt")); err != nil {
		t.Fatal(err)
	}
	c, err := corpus.Load(os.DirFS(dir), mustParser(t))
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if diff := cmp.Diff([]string{"linked"}, articleIDs(c)); diff != "" {
		t.Errorf("Load article IDs mismatch (-want +got):\n%s", diff)
	}
}
