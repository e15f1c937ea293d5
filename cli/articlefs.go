package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// articleFS is os.DirFS(dir) whose Open never blocks: corpus.Load refuses
// what is not a regular file before opening it, but a file swapped for a
// named pipe between that check and the open would otherwise hang the
// process in open(2). Opened without blocking, the pipe is refused by the
// check Load makes on the open file.
//
// With only set, it is the folder of one article file that shows nothing
// but that file, so that --corpus FILE is read by corpus.Load with the
// same checks as every file of a folder.
type articleFS struct {
	dir  fs.FS // os.DirFS(root), for Stat, ReadDir and name checks
	root string
	only string // the one file name shown; "" shows the whole folder
}

func newArticleFS(root string) articleFS { return articleFS{dir: os.DirFS(root), root: root} }

// newArticleFileFS is the article file at path alone in its folder.
func newArticleFileFS(path string) articleFS {
	a := newArticleFS(filepath.Dir(path))
	a.only = filepath.Base(path)
	return a
}

// hides reports whether name is outside what a shows.
func (a articleFS) hides(name string) bool { return a.only != "" && name != a.only }

func (a articleFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if a.hides(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
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

func (a articleFS) Stat(name string) (fs.FileInfo, error) {
	if a.hides(name) {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return fs.Stat(a.dir, name)
}

// ReadDir lists the folder, or, for one file, describes that file from
// Lstat without listing its folder, which may be large or unreadable.
// Like a folder's entry, a link is followed only by Stat, when the file
// is read.
func (a articleFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if a.only == "" {
		return fs.ReadDir(a.dir, name)
	}
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	info, err := os.Lstat(filepath.Join(a.root, a.only))
	if err != nil {
		return nil, err
	}
	return []fs.DirEntry{fs.FileInfoToDirEntry(info)}, nil
}
