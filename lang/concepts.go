package lang

import (
	"bytes"
	"io/fs"
	"strconv"
	"strings"
	"sync"
)

// Concept tables join the words of every language through shared
// meanings: the synsets of Princeton WordNet 3.0, to which the Open
// Multilingual Wordnet links the words of the other languages. Each
// language has two generated files (lang/internal/genlex, see
// data/README.md):
//
//	concepts.tsv       key<TAB>concept:weight concept:weight ...
//	concept-words.tsv  concept<TAB>stems:weight|stems:weight ...
//
// A key is a word or phrase as the engine reads a question: the folded
// Snowball stems of all its words, stop words included, joined by spaces.
// A concept is a synset, written as a short base-36 id shared by every
// language's files. The weight, 1-100, is how much of the word's meaning
// the concept holds (commonest sense first); in concept-words.tsv it is
// how much of the listed word's meaning the concept is. stems are the
// content stems of the word, as the index reads an article.
//
// So a question word of any language finds the words of any article
// language that share its concepts: no pair of languages needs a table of
// its own, and no pair goes through English words. Both files are sorted
// by their first field and searched in place, so loading them costs
// nothing and a lookup is a binary search.

// MaxConceptWords is the longest phrase, in words, of concepts.tsv.
const MaxConceptWords = 4

// A Sense is one concept a word or phrase can mean, with how much of
// its meaning the concept holds (0-1).
type Sense struct {
	Concept string
	Weight  float64
}

// A ConceptWord is one way to say a concept in a language: the content
// stems of the word or phrase, and how much of its meaning the concept is.
type ConceptWord struct {
	Stems  []string
	Weight float64
}

// Concepts is a language's concept tables, read from their files on first
// use. The zero value is empty.
type Concepts struct {
	fsys                   fs.FS
	wordsPath, conceptPath string
	once                   sync.Once
	words                  []byte // concepts.tsv
	concepts               []byte // concept-words.tsv
}

// conceptFiles are the file names of a language's concept tables.
const (
	conceptWordsFile = "concepts.tsv"
	conceptFile      = "concept-words.tsv"
)

// Concepts returns the language's concept tables (empty when the files are
// absent).
func (l *Language) Concepts() *Concepts {
	c := &l.concepts
	c.once.Do(func() {
		if c.fsys == nil {
			return
		}
		// A file that cannot be read leaves its table empty; Load has
		// already checked that both exist.
		c.words, _ = fs.ReadFile(c.fsys, c.wordsPath)
		c.concepts, _ = fs.ReadFile(c.fsys, c.conceptPath)
	})
	return c
}

// Empty reports whether the tables hold nothing.
func (c *Concepts) Empty() bool { return c == nil || len(c.words) == 0 }

// Senses returns the concepts of a key (stems joined by spaces), heaviest
// first, or nil when the key is not in the table.
func (c *Concepts) Senses(key string) []Sense {
	if c == nil {
		return nil
	}
	rest, ok := findLine(c.words, key)
	if !ok {
		return nil
	}
	out := make([]Sense, 0, strings.Count(rest, " ")+1)
	for f := range strings.SplitSeq(rest, " ") {
		id, w, ok := strings.Cut(f, ":")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(w)
		if err != nil {
			continue
		}
		out = append(out, Sense{Concept: id, Weight: float64(n) / 100})
	}
	return out
}

// HasKey reports whether a key is in the table, without decoding it.
func (c *Concepts) HasKey(key string) bool {
	if c == nil {
		return false
	}
	_, ok := findLine(c.words, key)
	return ok
}

// Words returns the words of the language that say concept, heaviest
// first.
func (c *Concepts) Words(concept string) []ConceptWord {
	if c == nil {
		return nil
	}
	rest, ok := findLine(c.concepts, concept)
	if !ok {
		return nil
	}
	out := make([]ConceptWord, 0, strings.Count(rest, "|")+1)
	for f := range strings.SplitSeq(rest, "|") {
		i := strings.LastIndexByte(f, ':')
		if i <= 0 {
			continue
		}
		n, err := strconv.Atoi(f[i+1:])
		if err != nil {
			continue
		}
		out = append(out, ConceptWord{Stems: strings.Fields(f[:i]), Weight: float64(n) / 100})
	}
	return out
}

// Keys calls fn with every key of one word (no space) of the table, in
// order, until fn returns false.
func (c *Concepts) Keys(fn func(key string) bool) {
	if c == nil {
		return
	}
	data := c.words
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		key, _, _ := bytes.Cut(line, []byte{'\t'})
		if len(key) > 0 && bytes.IndexByte(key, ' ') < 0 && !fn(string(key)) {
			return
		}
	}
}

// findLine finds the line of data, sorted by its first tab-separated
// field, whose first field is key, and returns the rest of it.
func findLine(data []byte, key string) (string, bool) {
	lo, hi := 0, len(data) // line starts in [lo, hi)
	for lo < hi {
		mid := lo + (hi-lo)/2
		// The line holding mid starts after the previous newline.
		start := bytes.LastIndexByte(data[lo:mid], '\n') + 1 + lo
		end := bytes.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		line := data[start:end]
		k, rest, _ := bytes.Cut(line, []byte{'\t'})
		switch {
		case string(k) == key:
			return string(rest), true
		case string(k) < key:
			lo = end + 1
		default:
			hi = start
		}
	}
	return "", false
}
