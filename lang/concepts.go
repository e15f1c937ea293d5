package lang

import (
	"bytes"
	"io/fs"
	"strings"
	"sync"

	"github.com/qabot/qabot/lang/internal/conceptfile"
)

// Concept tables join the words of every language through shared
// meanings: the synsets of Princeton WordNet 3.0, to which the Open
// Multilingual Wordnet links the words of the other languages. Each
// language has one generated file, concepts.bin (lang/internal/genlex,
// see data/README.md), holding two tables:
//
//	key     -> concept:weight ...   (a word or phrase to what it means)
//	concept -> stems:weight ...     (a meaning to the words that say it)
//
// A key is a word or phrase as the engine reads a question: the folded
// Snowball stems of all its words, stop words included, joined by spaces.
// A concept is a synset, numbered the same way in every language's file.
// The weight, 1-100, is how much of the word's meaning the concept holds
// (commonest sense first); in the second table it is how much of the
// listed word's meaning the concept is. stems are the content stems of the
// word, as the index reads an article.
//
// So a question word of any language finds the words of any article
// language that share its concepts: no pair of languages needs a table of
// its own, and no pair goes through English words. The file is read in
// place, without parsing: a lookup is a binary search over front-coded
// blocks of sorted strings, or a jump to a bucket of concepts.
//
// The file format is in lang/internal/conceptfile.

// MaxConceptWords is the longest phrase, in words, of the concept tables.
const MaxConceptWords = 4

// A Concept is a WordNet synset, numbered the same in every language's
// concept table.
type Concept uint32

// A Sense is one concept a word or phrase can mean, with how much of
// its meaning the concept holds (0-1).
type Sense struct {
	Concept Concept
	Weight  float64
}

// A ConceptWord is one way to say a concept in a language: the content
// stems of the word or phrase, and how much of its meaning the concept is.
type ConceptWord struct {
	Stems  []string
	Weight float64
}

// Concepts is a language's concept tables, read from their file on first
// use. The zero value is empty.
type Concepts struct {
	fsys fs.FS
	path string
	// compounds: the language writes compounds as one word (NearKeys).
	compounds bool
	once      sync.Once
	t         *conceptfile.Table
	// wordList is the sorted one-word keys, for NearKeys, built once.
	wordsOnce sync.Once
	wordList  []string
}

// ConceptFile is the file name of a language's concept tables.
const ConceptFile = "concepts.bin"

// Concepts returns the language's concept tables (empty when the file is
// absent or malformed).
func (l *Language) Concepts() *Concepts {
	c := &l.concepts
	c.once.Do(func() {
		if c.fsys == nil {
			return
		}
		// One copy of the file, on the first question that needs it.
		data, err := fs.ReadFile(c.fsys, c.path)
		if err == nil {
			c.t, _ = conceptfile.Parse(data)
		}
	})
	return c
}

// Empty reports whether the tables hold nothing.
func (c *Concepts) Empty() bool { return c == nil || c.t.Len() == 0 }

// Senses returns the concepts of a key (stems joined by spaces), heaviest
// first, or nil when the key is not in the table.
func (c *Concepts) Senses(key string) []Sense {
	if c == nil {
		return nil
	}
	vs := c.t.Senses(key)
	if vs.Len() == 0 {
		return nil
	}
	out := make([]Sense, vs.Len())
	for i := range out {
		id, w := vs.At(i)
		out[i] = Sense{Concept: Concept(id), Weight: float64(w) / 100}
	}
	return out
}

// HasKey reports whether a key is in the table, without decoding it.
func (c *Concepts) HasKey(key string) bool {
	return c != nil && c.t.Senses(key).Len() > 0
}

// Words returns the words of the language that say concept, heaviest
// first.
func (c *Concepts) Words(concept Concept) []ConceptWord {
	if c == nil {
		return nil
	}
	vs := c.t.Words(uint32(concept))
	n := vs.Len()
	if n == 0 {
		return nil
	}
	// The stems of every word in one string, one word a line.
	var arr [256]byte
	buf := arr[:0]
	for i := range n {
		id, _ := vs.At(i)
		buf, _ = c.t.String(int(id), buf)
		buf = append(buf, '\n')
	}
	all := string(buf)
	out := make([]ConceptWord, 0, n)
	for i := range n {
		line, rest, _ := strings.Cut(all, "\n")
		all = rest
		_, w := vs.At(i)
		if line != "" {
			out = append(out, ConceptWord{Stems: strings.Fields(line), Weight: float64(w) / 100})
		}
	}
	return out
}

// A ConceptWordRef is a word that says a concept, by its id in the
// language's concept table: Stems gives its stems. Ids are equal when the
// words are (the table's strings are unique), so a caller that pools the
// words of several concepts can key them by id and decode the stems of
// only the words it keeps.
type ConceptWordRef struct {
	ID     uint32
	Weight float64
}

// WordRefs appends to refs the words of the language that say concept,
// heaviest first, as Words lists them but without decoding their stems.
func (c *Concepts) WordRefs(concept Concept, refs []ConceptWordRef) []ConceptWordRef {
	if c == nil {
		return refs
	}
	vs := c.t.Words(uint32(concept))
	for i := range vs.Len() {
		id, w := vs.At(i)
		refs = append(refs, ConceptWordRef{ID: id, Weight: float64(w) / 100})
	}
	return refs
}

// Stems returns the stems of the word of a WordRefs id, as Words gives
// them; nil for an id the table lacks.
func (c *Concepts) Stems(id uint32) []string {
	if c == nil {
		return nil
	}
	var arr [64]byte
	buf, ok := c.t.String(int(id), arr[:0])
	if !ok {
		return nil
	}
	return strings.Fields(string(buf))
}

// Keys calls fn with every key of one word (no space) of the table, in
// order, until fn returns false.
func (c *Concepts) Keys(fn func(key string) bool) {
	if c == nil {
		return
	}
	c.t.Each(func(key []byte, senses int) bool {
		if senses == 0 || bytes.IndexByte(key, ' ') >= 0 {
			return true
		}
		return fn(string(key))
	})
}

// EachKey calls fn with every key of the table and its senses, in order,
// until fn returns false (for tools and tests).
func (c *Concepts) EachKey(fn func(key string, senses []Sense) bool) {
	if c == nil {
		return
	}
	c.t.Each(func(key []byte, senses int) bool {
		if senses == 0 {
			return true
		}
		k := string(key)
		return fn(k, c.Senses(k))
	})
}
