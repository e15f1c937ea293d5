package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"strings"
	"sync"

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

	// Lang forces the language every article is read in (ISO 639-1).
	// Empty, each article is read in the language its "lang:" line
	// declares or, without one, the language its words are in (see
	// UseLanguages). NewParser sets "en"; UseLanguage sets its language.
	Lang string
	// Detector, when set, confirms the language of an article whose stop
	// words leave a doubt (a short passage, a list, a language qabot does
	// not read). *lang.Detector is one. Optional.
	Detector LanguageDetector

	langs *languages // set by UseLanguages
}

// A LanguageDetector names the language of a short text; *lang.Detector
// is one. prior is the language to prefer when the text is too short to
// tell.
type LanguageDetector interface {
	DetectWithPrior(text, prior string) lang.Guess
}

// languages holds the pipeline of each language, each built the first
// time an article in it is read.
type languages struct {
	reg *lang.Registry
	// times returns a language's time words (nil when it has none).
	times func(code string) (*timex.Language, error)
	data  fs.FS
	mu    sync.Mutex
	by    map[string]*pipeline
}

// A pipeline is the cleaner, segmenter and fact extractor of one language.
type pipeline struct {
	once    sync.Once
	cleaner *Cleaner
	seg     *Segmenter
	facts   *FactExtractor
	err     error
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
	return &Parser{Cleaner: c, Segmenter: s, Facts: x, MaxBytes: DefaultMaxBytes, MaxCorpusBytes: DefaultMaxCorpusBytes, Lang: "en"}, nil
}

// UseLanguage sets the parser up to read every article in l: its number
// words ("four diplomats" is a quantity), its place names ("Iceland" is a
// place), its stop words, and its time words (dates are found and
// resolved). tl may be nil, which leaves only four-digit years as dates.
func (p *Parser) UseLanguage(l *lang.Language, tl *timex.Language) {
	useLanguage(p.Facts, l, tl)
	p.Lang = l.Code
}

func useLanguage(x *FactExtractor, l *lang.Language, tl *timex.Language) {
	x.NumberWords = map[string]float64{}
	for w, v := range l.NumberWords {
		x.NumberWords[w] = float64(v)
	}
	x.Places = map[string]bool{}
	for name := range l.Places().All {
		x.Places[name] = true
	}
	x.Stopword = l.IsStopword
	x.Stem = l.Stem
	x.placeStems = map[string]bool{}
	for name := range x.Places {
		if !strings.ContainsAny(name, " -") {
			x.placeStems[l.Stem(name)] = true
		}
	}
	if x.nounCapitals {
		// The lexicon's one-word entries are ordinary words; their stems
		// find the inflected forms ("Beschäftigten", "Gewerkschaften").
		stems := map[string]bool{}
		for phrase := range l.Lexicon().All {
			if !strings.ContainsAny(phrase, " -") {
				stems[l.Stem(phrase)] = true
			}
		}
		x.CommonNoun = func(w string) bool { return stems[l.Stem(w)] }
	}
	if tl != nil {
		x.Dates = TimexDates{Resolver: &timex.Resolver{Lang: tl}}
	}
}

// UseLanguages sets the parser up to read each article in its own
// language, with that language's abbreviations, page furniture, number
// formats, words of saying, number words, places and time words (read
// from data/<code>/ of lang.Data), and clears Lang. An article's language
// is the one its "lang:" line declares, else the one whose stop words it
// uses (lang.Registry.IdentifyText), confirmed by Detector when that
// leaves a doubt.
func (p *Parser) UseLanguages(reg *lang.Registry, times map[string]*timex.Language) {
	p.useLanguages(reg, func(code string) (*timex.Language, error) { return times[code], nil })
}

// UseLanguageSet is UseLanguages with time words compiled on first use:
// a parser that reads English articles only never compiles the others'.
func (p *Parser) UseLanguageSet(reg *lang.Registry, times *timex.Languages) {
	p.useLanguages(reg, times.Get)
}

func (p *Parser) useLanguages(reg *lang.Registry, times func(code string) (*timex.Language, error)) {
	p.langs = &languages{reg: reg, times: times, data: lang.Data, by: map[string]*pipeline{}}
	p.Lang = ""
}

// pipeline returns the pipeline of a language, built on first use.
func (ls *languages) pipeline(code string) (*pipeline, error) {
	ls.mu.Lock()
	pl := ls.by[code]
	if pl == nil {
		pl = &pipeline{}
		ls.by[code] = pl
	}
	ls.mu.Unlock()
	pl.once.Do(func() {
		l, ok := ls.reg.Get(code)
		if !ok {
			pl.err = fmt.Errorf("language %q not in registry", code)
			return
		}
		tl, err := ls.times(code)
		if err != nil {
			pl.err = err
			return
		}
		if pl.cleaner, pl.err = NewCleanerFor(ls.data, code); pl.err != nil {
			return
		}
		if pl.seg, pl.err = NewSegmenterFor(ls.data, code, l.IsStopword, tl); pl.err != nil {
			return
		}
		if pl.facts, pl.err = NewFactExtractorFor(ls.data, code); pl.err != nil {
			return
		}
		useLanguage(pl.facts, l, tl)
	})
	return pl, pl.err
}

// Parse turns one raw page into an Article.
func (p *Parser) Parse(id string, raw []byte) (*Article, error) {
	if p.MaxBytes > 0 && len(raw) > p.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(raw), p.MaxBytes)
	}
	if looksBinary(raw) {
		return nil, ErrBinary
	}
	var a Article
	raw = p.language(&a, raw)
	cleaner, seg, facts := p.Cleaner, p.Segmenter, p.Facts
	if p.langs != nil {
		pl, err := p.langs.pipeline(a.Lang)
		if err != nil {
			return nil, err
		}
		cleaner, seg, facts = pl.cleaner, pl.seg, pl.facts
	}
	doc := cleaner.Clean(raw)
	if len(doc.Paragraphs) == 0 {
		return nil, ErrNoText
	}
	a.ID, a.Title, a.Meta = id, doc.Title, doc.Meta
	if a.Title == "" {
		a.Title = id
	}
	seg.Build(&a, doc.Paragraphs)
	facts.Extract(&a)
	return &a, nil
}

// CleanPage cleans a raw page as Parse does before segmenting it: in the
// language the page declares on its "lang:" line or is written in, with
// that language's furniture rules ("Publicité", "Lire aussi"). The
// Document's Lang is that language, or the one the page declares when
// qabot does not read it; "" when nothing says.
func (p *Parser) CleanPage(raw []byte) Document {
	var a Article
	raw = p.language(&a, raw)
	cleaner := p.Cleaner
	if p.langs != nil {
		if pl, err := p.langs.pipeline(a.Lang); err == nil {
			cleaner = pl.cleaner
		}
	}
	doc := cleaner.Clean(raw)
	doc.Lang = a.Lang
	if a.OtherLang != "" {
		doc.Lang = strings.Trim(a.OtherLang, "?")
	}
	return doc
}

// identifyBytes is how much of a page language identification reads.
const identifyBytes = 16 << 10

// sureStopScore is the lang.Identification.Score above which an article's
// language is not double-checked with the Detector: news text scores
// 0.2-0.35 in its language.
const sureStopScore = 0.15

// language settles the language of the article of page raw into a (Lang,
// OtherLang, LangReason) and returns the page without its "lang:" line.
func (p *Parser) language(a *Article, raw []byte) []byte {
	code, line := lang.DeclaredLanguage(string(raw[:min(len(raw), 4096)]))
	if line != "" {
		raw = bytes.Replace(raw, []byte(line), nil, 1)
	}
	switch {
	case p.Lang != "":
		a.Lang, a.LangReason = p.Lang, "set by the reader"
		return raw
	case p.langs == nil:
		a.Lang, a.LangReason = "en", "the default"
		return raw
	case code != "":
		if _, ok := p.langs.reg.Get(code); ok {
			a.Lang, a.LangReason = code, "declared by its lang: line"
			return raw
		}
		a.OtherLang = code
	}
	sample := string(raw[:min(len(raw), identifyBytes)])
	id := p.langs.reg.IdentifyText(sample)
	a.Lang = id.Code
	a.LangReason = fmt.Sprintf("%.0f%% of its words are %s stop words", 100*id.Share, id.Code)
	if a.OtherLang != "" {
		a.LangReason = fmt.Sprintf("declared %q, which qabot does not read; read as %s, whose stop words are %.0f%% of its words", a.OtherLang, id.Code, 100*id.Share)
	}
	if id.Code == "" {
		a.Lang, a.LangReason = "en", "no words; the default"
		return raw
	}
	if id.Score >= sureStopScore || a.OtherLang != "" {
		return raw
	}
	if p.Detector == nil {
		if !id.Supported() {
			a.OtherLang = "?"
			a.LangReason += ", too few of its own for a text in it"
		}
		return raw
	}
	g := p.Detector.DetectWithPrior(detectSample(sample), id.Code)
	switch {
	case g.Unsupported:
		a.OtherLang = g.Other
		if a.OtherLang == "" {
			a.OtherLang = "?"
		}
		a.LangReason += fmt.Sprintf("; the detector reads it as %s, which qabot does not read", a.OtherLang)
	case g.Lang != "" && g.Lang != id.Code && g.Confidence > 0.9:
		a.Lang = g.Lang
		a.LangReason += fmt.Sprintf("; the detector reads it as %s", g.Lang)
	}
	return raw
}

// detectSample is the part of a page the Detector reads: its first
// kilobytes, which are plenty for character statistics.
func detectSample(s string) string {
	const n = 1500
	if len(s) <= n {
		return s
	}
	for i := n; i > n-8 && i > 0; i-- {
		if s[i]&0xC0 != 0x80 {
			return s[:i]
		}
	}
	return s[:n]
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
