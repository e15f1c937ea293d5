package corpus

import (
	"errors"
	"fmt"
	"strings"
)

var (
	// ErrNoArticles means a corpus folder holds no .txt article.
	ErrNoArticles = errors.New("no .txt articles")
	// ErrNoText means a file had no body text left after cleaning.
	ErrNoText = errors.New("no article text")
	// ErrBinary means a file does not look like text at all.
	ErrBinary = errors.New("not a text file")
	// ErrTooLarge means a file is larger than Parser.MaxBytes.
	ErrTooLarge = errors.New("article too large")
)

// A FileError is a problem with one file of a corpus.
type FileError struct {
	Name string
	Err  error
}

func (e *FileError) Error() string { return e.Name + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// ErrorList collects the problems of several files, in the manner of
// go/scanner.ErrorList, so that loading reports them all at once.
type ErrorList []*FileError

// Add appends an error for the named file.
func (l *ErrorList) Add(name string, err error) { *l = append(*l, &FileError{name, err}) }

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d files failed: ", len(l))
	for i, e := range l {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is and errors.As look at every file's error.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Err returns nil when the list is empty and the list otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
