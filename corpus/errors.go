package corpus

import (
	"errors"

	"github.com/qabot/qabot/lang"
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

// A FileError is a problem with one file of a corpus: lang's Error, with
// the file's name as Path and no line.
type FileError = lang.Error

// ErrorList collects the problems of several files, so that loading
// reports them all at once. It is lang.ErrorList, the one error-list type
// of qabot's libraries.
type ErrorList = lang.ErrorList
