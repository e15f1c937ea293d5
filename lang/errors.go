package lang

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one problem of a file: a file that cannot be read or parsed, or
// one bad line of it (language data, an article of a corpus).
type Error struct {
	Path string // file path inside the fs.FS, e.g. "data/fr/questions.tsv"
	Line int    // 1-based line number, 0 when the problem concerns the whole file
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorList collects every problem of a load instead of stopping at the
// first one, in the manner of go/scanner.ErrorList, so a data author sees
// all the mistakes of a file at once. It is the one error-list type of
// qabot's libraries: corpus reports its unreadable articles with it too
// (corpus.ErrorList is this type).
type ErrorList []*Error

// Add appends a problem.
func (l *ErrorList) Add(path string, line int, err error) {
	*l = append(*l, &Error{Path: path, Line: line, Err: err})
}

// Sort orders the list by path, then line.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].Path != l[j].Path {
			return l[i].Path < l[j].Path
		}
		return l[i].Line < l[j].Line
	})
}

// maxShown is how many problems Error names before it counts the rest.
const maxShown = 10

// Error names the problems, up to maxShown of them: "3 problems: a.txt:
// not a text file; b.txt: ...".
func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d problems: ", len(l))
	for i, e := range l[:min(len(l), maxShown)] {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(e.Error())
	}
	if len(l) > maxShown {
		fmt.Fprintf(&b, "; and %d more", len(l)-maxShown)
	}
	return b.String()
}

// Unwrap returns the problems, so errors.Is and errors.As see them.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Err returns the list as an error, or nil when it is empty: a nil
// ErrorList must not become a non-nil error interface.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}
