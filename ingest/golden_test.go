package ingest_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/net/html"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/pages")

// Pages saved from news sites as a browser gets them (navigation, cookie
// banners, sharing buttons, related links, comments, scripts), with the
// Content-Type header each was served with. Elements marked
// data-test="furniture" are not the story: the extractor never reads that
// attribute, and the test checks none of their text reaches an article.
var pages = []struct {
	name, contentType string
}{
	{"en-harbour-reopens", "text/html; charset=utf-8"},
	{"en-council-budget", "text/html"},
	{"en-wire-glacier", "text/html; charset=UTF-8"},
	{"en-wrong-charset-cafe", "text/html; charset=utf-8"}, // the bytes are Latin-1
	{"fr-greve-tram", "text/html"},                        // ISO-8859-1 named in a meta tag
	{"fr-festival-jazz", "text/html; charset=utf-8"},
	{"de-bahn-streik", "text/html; charset=utf-8"},
	{"de-windpark", "text/html; charset=windows-1252"}, // named only in the header
	{"es-sequia-embalses", "text/html; charset=utf-8"},
	{"es-elecciones-club", ""},          // no header: sniffed
	{"ru-metro-stantsiya", "text/html"}, // windows-1251 named in a meta tag
}

func extractor(t testing.TB) *ingest.Extractor {
	c, err := corpus.NewCleaner()
	if err != nil {
		t.Fatal(err)
	}
	return ingest.New(ingest.Options{Cleaner: c})
}

// golden writes what the tests compare: the metadata, then one line per
// paragraph with its section.
func golden(a *ingest.Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\nbyline: %s\npublished: %s\nlang: %s\ncaption: %s\ncanonical: %s\n\n",
		a.Title, a.Byline, a.Published, a.Lang, a.Caption, a.Canonical)
	for _, p := range a.Paragraphs {
		if p.Section != "" {
			fmt.Fprintf(&b, "[%s] ", p.Section)
		}
		b.WriteString(p.Text)
		b.WriteString("\n")
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	x := extractor(t)
	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "pages", p.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := x.Extract(raw, p.contentType, "https://news.example/"+p.name)
			if err != nil {
				t.Fatalf("Extract(%s): %v", p.name, err)
			}
			got := golden(a)
			file := filepath.Join("testdata", "pages", p.name+".golden")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("Extract(%s) differs from %s (-want +got):\n%s", p.name, file, diff)
			}
		})
	}
}

// furnitureTexts returns the texts of the elements marked as furniture.
func furnitureTexts(t *testing.T, raw []byte, contentType string) []string {
	doc, err := html.Parse(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var visit func(n *html.Node, in bool)
	visit = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "data-test" && a.Val == "furniture" {
					in = true
				}
			}
		}
		if in && n.Type == html.TextNode {
			if s := strings.Join(strings.Fields(n.Data), " "); len([]rune(s)) >= 12 {
				out = append(out, s)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, in)
		}
	}
	visit(doc, false)
	return out
}

// No sentence of an extracted article holds navigation, banner, related
// link or comment text.
func TestNoFurnitureInSentences(t *testing.T) {
	x := extractor(t)
	p, err := corpus.NewParser()
	if err != nil {
		t.Fatal(err)
	}
	for _, pg := range pages {
		t.Run(pg.name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "pages", pg.name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			a, err := x.Extract(raw, pg.contentType, "")
			if err != nil {
				t.Fatal(err)
			}
			art, err := p.ParseDocument(pg.name, a.Document())
			if err != nil {
				t.Fatal(err)
			}
			if len(art.Sentences) < 4 {
				t.Fatalf("%s: %d sentences; want the whole story", pg.name, len(art.Sentences))
			}
			// Furniture is compared as ASCII-insensitive substrings of the
			// raw bytes' text, so the check works whatever the charset:
			// texts are read from the decoded page.
			decoded := a.Text()
			furniture := furnitureTexts(t, []byte(decodedPage(t, x, raw, pg.contentType)), pg.contentType)
			if len(furniture) < 5 {
				t.Fatalf("%s: only %d furniture texts found; the fixture lost its markers", pg.name, len(furniture))
			}
			for _, f := range furniture {
				for _, s := range art.Sentences {
					if strings.Contains(s.Text, f) || strings.Contains(f, s.Text) {
						t.Errorf("%s: sentence %q holds furniture %q", pg.name, s.Text, f)
					}
				}
				if strings.Contains(decoded, f) {
					t.Errorf("%s: article text holds furniture %q", pg.name, f)
				}
			}
		})
	}
}

// decodedPage is the page as UTF-8, decoded the way the extractor does.
func decodedPage(t *testing.T, x *ingest.Extractor, raw []byte, contentType string) string {
	return ingest.Decode(raw, contentType)
}
