// Package ingest turns a fetched web page or an uploaded file into the
// text of one article with its metadata, ready to be stored and indexed.
//
// HTML pages go through go-readability (a Go port of Mozilla's
// Readability, the reader view of Firefox), which finds the story among
// the navigation, cookie banners, related links, comments and scripts;
// this package then reads the story's paragraphs and headings out of the
// result and the page's own metadata (title, byline, publication date,
// language, photo caption, canonical URL) out of the document head,
// JSON-LD and Open Graph tags. Plain text goes through corpus.Cleaner, as
// the files of a --corpus folder do. Bytes in any charset are decoded with
// golang.org/x/net/html/charset (the HTTP header, a byte order mark, the
// page's meta tag; a page that is not the UTF-8 its header claims is read
// as Windows-1252).
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/qabot/qabot/corpus"
)

// ErrNoArticle means a page has no story text that could be found.
var ErrNoArticle = errors.New("no article text found")

// ErrUnsupported means a file is neither HTML nor plain text.
var ErrUnsupported = errors.New("not an HTML page or a text file")

// An Article is the story of one page and what the page says about itself.
type Article struct {
	Title     string
	Byline    string
	Published string // the publication date: YYYY-MM-DD when the page says it in a machine form, else as written
	Lang      string // ISO 639-1 code, from the page or detected; "" when unknown
	Caption   string // the lead photo's caption
	Canonical string // the page's canonical URL
	SiteName  string
	// Paragraphs are the story's paragraphs, each with the heading it
	// falls under.
	Paragraphs []corpus.DocParagraph
}

// Text returns the story: its paragraphs separated by blank lines.
func (a *Article) Text() string {
	var b strings.Builder
	for i, p := range a.Paragraphs {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.Text)
	}
	return b.String()
}

// Document returns the article in the form corpus.Parser.ParseDocument
// takes.
func (a *Article) Document() corpus.Document {
	d := corpus.Document{Title: a.Title, Paragraphs: a.Paragraphs, Lang: a.Lang}
	d.Meta.Byline = a.Byline
	d.Meta.Published = a.Published
	d.Meta.Caption = a.Caption
	d.Meta.Source = a.SiteName
	seen := map[string]bool{}
	for _, p := range a.Paragraphs {
		if p.Section != "" && !seen[p.Section] {
			seen[p.Section] = true
			d.Meta.Headings = append(d.Meta.Headings, p.Section)
		}
	}
	return d
}

// Options configure an Extractor.
type Options struct {
	// Cleaner cleans plain-text files. Required for Text unless Clean is
	// set.
	Cleaner *corpus.Cleaner
	// Clean, when set, cleans plain-text files instead of Cleaner, in
	// the language each is written in, and says which (Document.Lang), as
	// a --corpus folder is read: corpus.Parser.CleanPage.
	Clean func(raw []byte) corpus.Document
	// Detect names the language of a text (ISO 639-1) when the page does
	// not say; nil leaves it unknown.
	Detect func(text string) string
}

// An Extractor reads articles out of pages and files. It is safe for
// concurrent use.
type Extractor struct {
	opts Options
}

// New returns an Extractor.
func New(opts Options) *Extractor { return &Extractor{opts: opts} }

// Extract reads the article of a page or file: body in the charset that
// contentType (the HTTP header, or "" for a file) and the bytes say, at
// pageURL (used to resolve relative links; may be ""). HTML and plain
// text are read; anything else is ErrUnsupported.
func (x *Extractor) Extract(body []byte, contentType, pageURL string) (*Article, error) {
	if contentType == "" {
		contentType = http.DetectContentType(body)
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "text/html", "application/xhtml+xml":
		return x.HTML(body, contentType, pageURL)
	case "text/plain", "text/markdown":
		return x.Text(body, contentType)
	}
	return nil, fmt.Errorf("%w (%s)", ErrUnsupported, mt)
}

// Text reads a plain-text article with the same cleaner as the files of a
// corpus folder.
func (x *Extractor) Text(body []byte, contentType string) (*Article, error) {
	if x.opts.Cleaner == nil && x.opts.Clean == nil {
		return nil, errors.New("ingest: Options.Cleaner is required for text")
	}
	text := decode(body, contentType)
	var doc corpus.Document
	if x.opts.Clean != nil {
		doc = x.opts.Clean([]byte(text))
	} else {
		doc = x.opts.Cleaner.Clean([]byte(text))
	}
	if len(doc.Paragraphs) == 0 {
		return nil, ErrNoArticle
	}
	a := &Article{Title: doc.Title, Byline: doc.Meta.Byline, Published: doc.Meta.Published, Caption: doc.Meta.Caption, Paragraphs: doc.Paragraphs}
	a.Lang = doc.Lang
	if a.Lang == "" {
		a.Lang = x.detect(a)
	}
	return a, nil
}

func (x *Extractor) detect(a *Article) string {
	if x.opts.Detect == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range a.Paragraphs {
		if b.Len() > 2000 {
			break
		}
		b.WriteString(p.Text)
		b.WriteString(" ")
	}
	return x.opts.Detect(b.String())
}

// decode returns body as UTF-8 text, decoded from the charset the
// content type, a byte order mark or the page's meta tag names. A page
// that claims UTF-8 but is not valid UTF-8 is read in the charset its meta
// tag names, else as Windows-1252, the web's usual mislabelled charset.
// Decode returns body as UTF-8 text; see decode.
func Decode(body []byte, contentType string) string { return decode(body, contentType) }

func decode(body []byte, contentType string) string {
	enc, name, _ := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" && !utf8.Valid(body) {
		enc = charmap.Windows1252
		if e, n, _ := charset.DetermineEncoding(body, "text/html"); n != "utf-8" && n != "windows-1252" {
			enc = e
		}
	}
	if enc == encoding.Nop || name == "utf-8" && utf8.Valid(body) {
		return string(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	return string(bytes.TrimPrefix(out, []byte("\xef\xbb\xbf")))
}
