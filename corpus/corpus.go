// Package corpus turns scraped news pages into articles: cleaned paragraphs,
// page metadata, and sentences that keep their offsets and carry the facts
// answers need (dates, numbers, names, acronyms, quote speakers).
//
// The pipeline runs one way, each step a small type with one job:
//
//	raw bytes -> Cleaner (blocks with roles) -> Segmenter (sentences) -> FactExtractor (facts)
//
// Nothing in this package knows any particular article; page furniture and
// abbreviations are data files embedded from data/.
package corpus

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/internal/parallel"
)

// A Corpus is the set of articles the bot answers from.
type Corpus struct {
	Articles []*Article
}

// Sentences returns the number of sentences over all articles.
func (c *Corpus) Sentences() int {
	n := 0
	for _, a := range c.Articles {
		n += len(a.Sentences)
	}
	return n
}

// An Article is one cleaned news page.
type Article struct {
	ID    string // file name without extension; stable across runs
	Title string
	Meta  Meta

	// Lang is the language the article was read in (ISO 639-1): its
	// stop words, stemming, abbreviations, number formats, words of
	// saying and time words. LangReason says how it was settled.
	Lang       string
	LangReason string
	// OtherLang is set when the article is in a language qabot does not
	// read (its code, or "?" when unknown): it was read in Lang, the
	// nearest, and answers from it are unreliable.
	OtherLang string

	// Text is the cleaned body: paragraphs separated by "\n\n". Paragraph and
	// sentence offsets are byte offsets into Text.
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence

	// Acronyms maps an acronym to its expansion as written in the article,
	// e.g. "BSA" -> "Boreal Space Agency".
	Acronyms map[string]string

	// Reference is the date the article is written from, against which
	// "on Wednesday" and "last year" are read, and ReferenceReason says how
	// it was found. Zero without a DateFinder.
	Reference       timex.Ref
	ReferenceReason string
}

// Meta is what the page says about itself rather than about the story.
type Meta struct {
	Caption   string   // photo caption
	Credit    string   // photo credit
	Byline    string   // author or desk ("RFI", "By A and B")
	Source    string   // agency credits at the end ("With AFP")
	Dateline  string   // "LISBON, Portugal (AP)"
	Published string   // the page's own date line, as written
	Headings  []string // section headings, in order
	Tags      []string
	Related   []string // related headlines that were dropped from the body
}

// A Paragraph is a run of body text under a section heading.
type Paragraph struct {
	Index      int    // 0-based position among the article's paragraphs
	Section    string // heading the paragraph falls under; "" before the first
	Start, End int    // byte offsets in Article.Text
}

// A Sentence is the unit of retrieval and the text quoted to users.
type Sentence struct {
	Index      int    // 0-based position in the article
	Paragraph  int    // index of its paragraph
	Section    string // heading it falls under
	Text       string // exact text shown to users
	Start, End int    // byte offsets in Article.Text
	Facts      Facts
}

// Load reads every .txt file at the top of fsys as one article, in name
// order. Only regular files are read (symbolic links are followed): named
// pipes, devices and the like are refused unopened, and no file is read
// past Parser.MaxBytes or the corpus past Parser.MaxCorpusBytes. Articles that cannot be read or hold no text are reported in the
// returned error (an ErrorList) while the others are still returned, so one
// broken file does not take the whole corpus down.
func Load(fsys fs.FS, p *Parser) (*Corpus, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	var (
		c    Corpus
		errs ErrorList
	)
	budget := p.MaxCorpusBytes
	if budget <= 0 {
		budget = DefaultMaxCorpusBytes
	}
	// The files are read in order (the corpus budget is counted in that
	// order), then parsed on every core: parsing is almost all of the
	// cost, and each article's parse is independent of the others'.
	type file struct {
		name string
		raw  []byte
		a    *Article
		err  error
	}
	var files []file
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || path.Ext(name) != ".txt" || strings.HasPrefix(name, ".") {
			continue
		}
		raw, err := readArticle(fsys, name, e, int64(p.MaxBytes), budget)
		if err == nil {
			budget -= int64(len(raw))
		}
		files = append(files, file{name: name, raw: raw, err: err})
	}
	parallel.For(len(files), func(_, i int) {
		f := &files[i]
		if f.err == nil {
			f.a, f.err = p.Parse(strings.TrimSuffix(f.name, ".txt"), f.raw)
			f.raw = nil
		}
	})
	for _, f := range files {
		if f.err != nil {
			errs.Add(f.name, 0, f.err)
			continue
		}
		c.Articles = append(c.Articles, f.a)
	}
	if len(c.Articles) == 0 && len(errs) == 0 {
		errs.Add(".", 0, ErrNoArticles)
	}
	return &c, errs.Err()
}
