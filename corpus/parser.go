package corpus

import (
	"fmt"

	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// A Parser runs the whole pipeline on one page. Build one with NewParser
// and reuse it: it holds compiled rules and is safe for concurrent use.
type Parser struct {
	Cleaner   *Cleaner
	Segmenter *Segmenter
	Facts     *FactExtractor

	// MaxBytes bounds the size of one article; larger files are refused
	// rather than slowing everything down.
	MaxBytes int
	// MaxCorpusBytes bounds the articles Load reads altogether; the files
	// past it are refused with ErrCorpusTooLarge. <= 0 means
	// DefaultMaxCorpusBytes.
	MaxCorpusBytes int64
}

// DefaultMaxBytes is the default Parser.MaxBytes: far above any news page.
const DefaultMaxBytes = 1 << 20

// NewParser returns a Parser with the embedded rules for English pages.
func NewParser() (*Parser, error) {
	c, err := NewCleaner()
	if err != nil {
		return nil, fmt.Errorf("new parser: %w", err)
	}
	s, err := NewSegmenter()
	if err != nil {
		return nil, fmt.Errorf("new parser: %w", err)
	}
	x, err := NewFactExtractor()
	if err != nil {
		return nil, fmt.Errorf("new parser: %w", err)
	}
	return &Parser{Cleaner: c, Segmenter: s, Facts: x, MaxBytes: DefaultMaxBytes, MaxCorpusBytes: DefaultMaxCorpusBytes}, nil
}

// UseLanguage sets the parser up with the data of the articles' language:
// its number words ("four diplomats" is a quantity), its place names
// ("Iceland" is a place) and its time words (dates are found and resolved).
// tl may be nil, which leaves only four-digit years as dates.
func (p *Parser) UseLanguage(l *lang.Language, tl *timex.Language) {
	p.Facts.NumberWords = map[string]float64{}
	for w, v := range l.NumberWords {
		p.Facts.NumberWords[w] = float64(v)
	}
	p.Facts.Places = map[string]bool{}
	for name := range l.Places().All {
		p.Facts.Places[name] = true
	}
	if tl != nil {
		p.Facts.Dates = TimexDates{Resolver: &timex.Resolver{Lang: tl}}
	}
}

// Parse turns one raw page into an Article.
func (p *Parser) Parse(id string, raw []byte) (*Article, error) {
	if p.MaxBytes > 0 && len(raw) > p.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(raw), p.MaxBytes)
	}
	if looksBinary(raw) {
		return nil, ErrBinary
	}
	doc := p.Cleaner.Clean(raw)
	if len(doc.Paragraphs) == 0 {
		return nil, ErrNoText
	}
	a := &Article{ID: id, Title: doc.Title, Meta: doc.Meta}
	if a.Title == "" {
		a.Title = id
	}
	p.Segmenter.Build(a, doc.Paragraphs)
	p.Facts.Extract(a)
	return a, nil
}

// looksBinary reports whether data is unlikely to be text: NUL bytes or a
// large share of control characters in its first kilobytes.
func looksBinary(data []byte) bool {
	if len(data) > 8192 {
		data = data[:8192]
	}
	ctrl := 0
	for _, c := range data {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f':
			ctrl++
		}
	}
	return len(data) > 0 && ctrl*10 > len(data)
}
