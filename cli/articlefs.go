package cli

import (
	"io/fs"
	"os"
	"syscall"
)

// articleFS is os.DirFS(dir) whose Open never blocks: corpus.Load refuses
// what is not a regular file before opening it, but a file swapped for a
// named pipe between that check and the open would otherwise hang the
// process in open(2). Opened without blocking, the pipe is refused by the
// check Load makes on the open file.
type articleFS struct {
	dir  fs.FS // os.DirFS(root), for Stat, ReadDir and name checks
	root string
}

func newArticleFS(root string) articleFS { return articleFS{dir: os.DirFS(root), root: root} }

func (a articleFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := os.OpenFile(a.root+string(os.PathSeparator)+name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		// The path in the error is the one the caller asked for, as
		// os.DirFS reports it.
		if pe, ok := err.(*fs.PathError); ok {
			pe.Path = name
		}
		return nil, err
	}
	return f, nil
}

func (a articleFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(a.dir, name) }

func (a articleFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(a.dir, name) }
