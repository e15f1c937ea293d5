// Package realdata scores question-answering systems on the real data of
// testdata/realdata (public sets in the formats eval/dataset reads): it
// parses each article once, as the binary parses pages, builds one engine
// per article, asks the article's questions and tallies per set, language
// and split. `qabot eval` uses it for qabot alone; internal/realeval adds
// the Bleve BM25 baseline in the same run, and the trainers read the same
// sets through it.
package realdata

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/qabot/qabot/eval/dataset"
)

// A Format is the layout of a question file.
type Format int

const (
	// Own is testdata/eval's format: questions about the corpus served.
	Own Format = iota
	// QAData is the qa-data format: lines with their paragraph.
	QAData
	// XQuAD is the xquad-dev format: lines that name their article file.
	XQuAD
)

// Detect tells the format of a question file from its first line: a gzip
// file or a line with "context" is qa-data, a line with "article" xquad-dev,
// anything else testdata/eval's own.
func Detect(r io.Reader) (Format, error) {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		return QAData, nil
	}
	for {
		line, err := br.ReadBytes('\n')
		if line = bytes.TrimSpace(line); len(line) > 0 {
			var fields map[string]json.RawMessage
			if json.Unmarshal(line, &fields) != nil {
				return Own, nil // let the own reader say what is wrong
			}
			switch {
			case fields["context"] != nil:
				return QAData, nil
			case fields["article"] != nil:
				return XQuAD, nil
			}
			return Own, nil
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				return Own, nil
			}
			return Own, err
		}
	}
}

// DefaultMinParagraphs is the number of paragraphs (non-blank lines) an
// article needs for dataset.HoldOut to make unanswerable questions of it
// by removing a paragraph; a shorter one loses a sentence instead.
const DefaultMinParagraphs = 3

// ReadFile reads one real-data file of fsys: a qa-data file (with the
// unanswerable questions dataset.HoldOut makes when minParagraphs > 0) or
// an xquad-dev question file, whose articles are read from the folder
// "articles" beside it. A file of testdata/eval's own format is an error.
func ReadFile(fsys fs.FS, name string, minParagraphs int) (*dataset.Set, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	format, err := Detect(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	switch format {
	case QAData:
		s, err := dataset.ReadQAData(bytes.NewReader(data), name)
		if err != nil {
			return nil, err
		}
		if err := dataset.HoldOut(s, minParagraphs); err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		return s, nil
	case XQuAD:
		dir := path.Join(path.Dir(name), "articles")
		return dataset.ReadXQuAD(bytes.NewReader(data), name, func(lang, article string) ([]byte, error) {
			if strings.ContainsAny(lang+article, "/\\") || strings.HasPrefix(article, ".") {
				return nil, fmt.Errorf("bad article name %q/%q", lang, article)
			}
			return fs.ReadFile(fsys, path.Join(dir, lang, article+".txt"))
		})
	}
	return nil, fmt.Errorf("%s: not a real-data file (qa-data or xquad-dev format)", name)
}

// Files returns the real-data files under root of fsys, sorted: the
// qa-data files (*.jsonl.gz) and the xquad-dev question files (*.jsonl
// beside an articles folder).
func Files(fsys fs.FS, root string) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == "articles" {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(p, ".jsonl.gz") || strings.HasSuffix(p, ".jsonl") {
			files = append(files, p)
		}
		return nil
	})
	slices.Sort(files)
	return files, err
}
