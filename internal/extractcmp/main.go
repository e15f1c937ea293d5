// Command extractcmp scores go-readability (alone, and inside qabot's
// ingest package) and go-trafilatura on the saved news pages of
// ingest/testdata/pages: story paragraphs found, furniture text leaked,
// title, date and language right, and time per page.
package main

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/ingest"
)

var cts = map[string]string{"en-wrong-charset-cafe": "text/html; charset=utf-8", "de-windpark": "text/html; charset=windows-1252"}

func furniture(page string) []string {
	doc, _ := html.Parse(strings.NewReader(page))
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

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func main() {
	dir := "../../ingest/testdata/pages"
	files, _ := filepath.Glob(dir + "/*.html")
	c, _ := corpus.NewCleaner()
	x := ingest.New(ingest.Options{Cleaner: c})
	type score struct {
		paras, found, leaks, titles, dates, langs int
		dur                                       time.Duration
	}
	res := map[string]*score{"readability (raw)": {}, "readability + ingest": {}, "trafilatura": {}, "trafilatura+fallback": {}}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		raw, _ := os.ReadFile(f)
		text := ingest.Decode(raw, cts[name])
		gold, _ := os.ReadFile(filepath.Join(dir, name+".golden"))
		parts := strings.SplitN(string(gold), "\n\n", 2)
		var title, date, lang string
		for _, l := range strings.Split(parts[0], "\n") {
			k, v, _ := strings.Cut(l, ": ")
			switch k {
			case "title":
				title = v
			case "published":
				date = v
			case "lang":
				lang = v
			}
		}
		var want []string
		for _, l := range strings.Split(strings.TrimSpace(parts[1]), "\n") {
			if strings.HasPrefix(l, "[") {
				l = l[strings.Index(l, "] ")+2:]
			}
			want = append(want, l)
		}
		furn := furniture(text)
		u, _ := url.Parse("https://news.example/" + name)
		run := func(key, body, gotTitle, gotDate, gotLang string, d time.Duration) {
			s := res[key]
			body = squash(body)
			s.paras += len(want)
			for _, w := range want {
				if strings.Contains(body, squash(w)) {
					s.found++
				}
			}
			for _, fu := range furn {
				if strings.Contains(body, fu) {
					s.leaks++
				}
			}
			if gotTitle == title {
				s.titles++
			}
			if gotDate == date {
				s.dates++
			}
			if strings.HasPrefix(strings.ToLower(gotLang), lang) {
				s.langs++
			}
			s.dur += d
		}
		t0 := time.Now()
		ra, err := readability.FromReader(strings.NewReader(text), u)
		d := time.Since(t0)
		if err == nil {
			var b bytes.Buffer
			ra.RenderText(&b)
			pd := ""
			if t, err := ra.PublishedTime(); err == nil {
				pd = t.Format("2006-01-02")
			}
			run("readability (raw)", b.String(), ra.Title(), pd, ra.Language(), d)
		}
		t0 = time.Now()
		ia, err := x.Extract(raw, cts[name], u.String())
		d = time.Since(t0)
		if err == nil {
			run("readability + ingest", ia.Text(), ia.Title, ia.Published, ia.Lang, d)
		}
		for _, fb := range []bool{false, true} {
			t0 = time.Now()
			tr, err := trafilatura.Extract(strings.NewReader(text), trafilatura.Options{OriginalURL: u, ExcludeComments: true, EnableFallback: fb})
			d = time.Since(t0)
			key := "trafilatura"
			if fb {
				key = "trafilatura+fallback"
			}
			if err != nil {
				fmt.Println(name, key, err)
				continue
			}
			pd := ""
			if !tr.Metadata.Date.IsZero() {
				pd = tr.Metadata.Date.Format("2006-01-02")
			}
			run(key, tr.ContentText, tr.Metadata.Title, pd, tr.Metadata.Language, d)
			if fb && os.Getenv("SHOW") != "" {
				fmt.Println("==", name, "\n", tr.ContentText)
			}
		}
	}
	for _, k := range []string{"readability (raw)", "readability + ingest", "trafilatura", "trafilatura+fallback"} {
		s := res[k]
		fmt.Printf("%-22s paragraphs %d/%d  furniture leaks %d  titles %d/11  dates %d/11  langs %d/11  time/page %v\n", k, s.found, s.paras, s.leaks, s.titles, s.dates, s.langs, s.dur/11)
	}
}
