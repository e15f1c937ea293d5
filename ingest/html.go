package ingest

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/qabot/qabot/corpus"
)

// maxParagraphRunes splits nothing but refuses absurd blocks: a
// "paragraph" this long is a page that put its whole text in one element.
const maxParagraphRunes = 20000

// HTML reads the article of an HTML page.
func (x *Extractor) HTML(body []byte, contentType, pageURL string) (*Article, error) {
	text := decode(body, contentType)
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, err
	}
	// The head is read first: Readability changes the tree it reads.
	m := readMeta(doc)
	prune(doc)
	u, _ := url.Parse(pageURL)
	if u == nil {
		u = &url.URL{}
	}
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc, u)
	if err != nil || art.Node == nil {
		return nil, ErrNoArticle
	}
	a := &Article{
		Title:     firstNonEmpty(m.title, art.Title()),
		Byline:    firstNonEmpty(art.Byline(), m.author),
		Published: m.published,
		Lang:      normLang(firstNonEmpty(art.Language(), m.lang)),
		Canonical: m.canonical,
		SiteName:  firstNonEmpty(art.SiteName(), m.site),
	}
	if a.Published == "" {
		if t, err := art.PublishedTime(); err == nil {
			a.Published = t.Format(time.DateOnly)
		}
	}
	a.Byline = cleanByline(a.Byline)
	w := walker{}
	w.walk(art.Node)
	a.Caption = firstNonEmpty(m.caption, w.caption)
	a.Paragraphs = dropHead(w.paras, a)
	if len(a.Paragraphs) == 0 {
		return nil, ErrNoArticle
	}
	if a.Lang == "" {
		a.Lang = x.detect(a)
	}
	return a, nil
}

// walker collects the paragraphs and headings of Readability's result.
type walker struct {
	section string
	paras   []corpus.DocParagraph
	caption string
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Blockquote, atom.Li, atom.Ul, atom.Ol,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre, atom.Figure, atom.Figcaption,
		atom.Table, atom.Dl, atom.Dd, atom.Dt, atom.Header, atom.Footer, atom.Aside, atom.Hr:
		return true
	}
	return false
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c.DataAtom) {
			return true
		}
	}
	return false
}

func (w *walker) walk(n *html.Node) {
	if n.Type != html.ElementNode && n.Type != html.DocumentNode {
		return
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Button, atom.Form, atom.Nav, atom.Table, atom.Svg:
		return
	case atom.Figure:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Figcaption && w.caption == "" {
				w.caption = textOf(c)
			}
		}
		return
	case atom.Figcaption:
		if w.caption == "" {
			w.caption = textOf(n)
		}
		return
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if t := textOf(n); t != "" {
			w.section = t
		}
		return
	}
	if n.Type == html.ElementNode && !hasBlockChild(n) {
		if t := textOf(n); t != "" && len([]rune(t)) <= maxParagraphRunes {
			w.paras = append(w.paras, corpus.DocParagraph{Section: w.section, Text: t})
		}
		return
	}
	// Text directly inside a block that also has block children (a div
	// with loose text between paragraphs) is a paragraph of its own.
	var loose strings.Builder
	flush := func() {
		if t := squash(loose.String()); t != "" {
			w.paras = append(w.paras, corpus.DocParagraph{Section: w.section, Text: t})
		}
		loose.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c.DataAtom) {
			flush()
			w.walk(c)
			continue
		}
		collect(&loose, c)
	}
	flush()
}

// textOf returns the text of n with white space folded.
func textOf(n *html.Node) string {
	var b strings.Builder
	collect(&b, n)
	return squash(b.String())
}

func collect(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.ElementNode:
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Button:
			return
		case atom.Br:
			b.WriteString(" ")
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collect(b, c)
	}
	if n.Type == html.ElementNode && isBlock(n.DataAtom) {
		b.WriteString(" ")
	}
}

func squash(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// meta is what a page's head (and JSON-LD) says about the page.
type meta struct {
	title, author, published, lang, canonical, site, caption string
}

func readMeta(doc *html.Node) meta {
	var (
		m                          meta
		ogTitle, ogURL, ogLocale   string
		h1, docTitle, timeDatetime string
		metaDates                  []string
		ldDate, ldAuthor, ldTitle  string
	)
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				m.lang = attr(n, "lang")
			case atom.Nav, atom.Aside, atom.Footer:
				return
			case atom.Figcaption:
				if m.caption == "" {
					m.caption = textOf(n)
				}
			case atom.Title:
				if docTitle == "" {
					docTitle = textOf(n)
				}
			case atom.H1:
				if h1 == "" {
					h1 = textOf(n)
				}
			case atom.Time:
				if timeDatetime == "" {
					timeDatetime = attr(n, "datetime")
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
					m.canonical = attr(n, "href")
				}
			case atom.Meta:
				key := strings.ToLower(firstNonEmpty(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"), attr(n, "http-equiv")))
				v := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					ogTitle = v
				case "og:url":
					ogURL = v
				case "og:locale":
					ogLocale = v
				case "og:site_name":
					m.site = v
				case "author", "article:author", "dc.creator", "byl":
					if m.author == "" && !strings.HasPrefix(v, "http") {
						m.author = v
					}
				case "content-language":
					if m.lang == "" {
						m.lang = v
					}
				case "article:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date":
					metaDates = append(metaDates, v)
				}
			case atom.Script:
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					d, a, t := readJSONLD(n.FirstChild.Data)
					ldDate, ldAuthor, ldTitle = firstNonEmpty(ldDate, d), firstNonEmpty(ldAuthor, a), firstNonEmpty(ldTitle, t)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	m.title = firstNonEmpty(ldTitle, ogTitle, h1, docTitle)
	m.author = firstNonEmpty(ldAuthor, m.author)
	m.canonical = firstNonEmpty(m.canonical, ogURL)
	if m.lang == "" && ogLocale != "" {
		m.lang = ogLocale
	}
	for _, d := range append([]string{ldDate}, append(metaDates, timeDatetime)...) {
		if iso := isoDate(d); iso != "" {
			m.published = iso
			break
		}
	}
	return m
}

// readJSONLD reads the date, author and headline of the first article
// object of a JSON-LD block (possibly inside an @graph or a list).
func readJSONLD(data string) (date, author, headline string) {
	var v any
	if json.Unmarshal([]byte(data), &v) != nil {
		return
	}
	var visit func(v any) bool
	visit = func(v any) bool {
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				if visit(e) {
					return true
				}
			}
		case map[string]any:
			if g, ok := t["@graph"]; ok && visit(g) {
				return true
			}
			if !isArticleType(t["@type"]) {
				return false
			}
			date, _ = t["datePublished"].(string)
			if date == "" {
				date, _ = t["dateCreated"].(string)
			}
			headline, _ = t["headline"].(string)
			author = names(t["author"])
			return true
		}
		return false
	}
	visit(v)
	return
}

func isArticleType(t any) bool {
	switch v := t.(type) {
	case string:
		return strings.HasSuffix(v, "Article") || v == "BlogPosting" || v == "Report"
	case []any:
		for _, e := range v {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// names joins the names of a JSON-LD author: a string, an object or a
// list of either.
func names(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case map[string]any:
		s, _ := t["name"].(string)
		return s
	case []any:
		var out []string
		for _, e := range t {
			if s := names(e); s != "" {
				out = append(out, s)
			}
		}
		return strings.Join(out, ", ")
	}
	return ""
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return strings.TrimSpace(a.Val)
		}
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// isoDate returns the date of a machine-readable timestamp as
// YYYY-MM-DD, or "".
func isoDate(s string) string {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", time.DateOnly, "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	if len(s) >= 10 {
		if t, err := time.Parse(time.DateOnly, s[:10]); err == nil {
			return t.Format(time.DateOnly)
		}
	}
	return ""
}

// normLang turns "en-GB", "fr_FR" or "PT-br" into "en", "fr", "pt".
func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 {
		return ""
	}
	return s
}

var bylinePrefix = regexp.MustCompile(`(?i)^(by|par|von|por|di|av|от|автор:?)\s+`)

// cleanByline drops "By" and its translations: the renderers add their
// own label.
func cleanByline(s string) string {
	s = squash(s)
	return strings.TrimSpace(bylinePrefix.ReplaceAllString(s, ""))
}

// dropHead removes what Readability keeps of the page's head before the
// story: the headline again, and short lines without a full stop that
// hold the byline or a date ("Frauke Jansen 30. Januar 2024").
func dropHead(paras []corpus.DocParagraph, a *Article) []corpus.DocParagraph {
	for len(paras) > 0 {
		t := paras[0].Text
		switch {
		case strings.EqualFold(t, a.Title):
		case len(strings.Fields(t)) <= 12 && !strings.ContainsAny(lastRune(t), ".!?\"»“”") &&
			(a.Byline != "" && strings.Contains(t, a.Byline) || strings.ContainsAny(t, "0123456789")):
		default:
			return paras
		}
		paras = paras[1:]
	}
	return paras
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}
