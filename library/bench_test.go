package library_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/library"
)

// page1000 is a news page of about 1,000 words of story (the English
// saved pages' paragraphs, each kept once per section) inside the usual
// furniture.
func page1000(tb testing.TB) string {
	var paras []string
	for _, name := range []string{"en-harbour-reopens", "en-council-budget", "en-wire-glacier", "en-wrong-charset-cafe"} {
		data, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "pages", name+".golden"))
		if err != nil {
			tb.Fatal(err)
		}
		_, body, _ := strings.Cut(string(data), "\n\n")
		for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
			if i := strings.Index(line, "] "); strings.HasPrefix(line, "[") && i > 0 {
				line = line[i+2:]
			}
			paras = append(paras, line)
		}
	}
	var b strings.Builder
	b.WriteString(`<!doctype html><html lang="en"><head><title>Regional round-up</title><meta property="article:published_time" content="2024-03-11"></head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept</button></div>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav><article><h1>Regional round-up</h1>`)
	words := 0
	for section := 1; words < 1000; section++ {
		fmt.Fprintf(&b, "<h2>Part %d</h2>", section)
		for _, p := range paras {
			if words >= 1000 {
				break
			}
			fmt.Fprintf(&b, "<p>%s</p>\n", p)
			words += len(strings.Fields(p))
		}
	}
	b.WriteString(`</article><aside class="related"><h3>Related</h3><ul><li><a href="/x">Other story</a></li></ul></aside>
<section class="comments"><p>First comment here.</p></section><footer>© 2024</footer></body></html>`)
	return b.String()
}

// BenchmarkAddToAnswer measures what a moderator waits for between
// "/article add url:..." and the first answer from that article: the
// fetch from a local server, extraction, storing in SQLite, the scope's
// engine rebuilt and swapped in, and the question answered. Each
// iteration adds the page to a new scope.
func BenchmarkAddToAnswer(b *testing.B) {
	page := page1000(b)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	e := newLibrary(b, "", library.Options{MaxEngines: 100000})
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		scope := fmt.Sprintf("guild:%d", i)
		r, err := e.lib.Handle(ctx, command.Query{Command: command.Article, Scope: scope, Lang: "en",
			Article: &command.ArticleRequest{Action: command.ArticleAdd, URL: srv.URL + "/story", Admin: true}})
		if err != nil || r.Manage == nil {
			b.Fatalf("add: %v %+v", err, r)
		}
		a, err := e.lib.Handle(ctx, command.Query{Command: command.Ask, Scope: scope, Lang: "en", Text: "How much did the repairs cost?"})
		if err != nil || a.Answer == nil || !a.Answer.Answered {
			b.Fatalf("ask: %v %+v", err, a.Answer)
		}
	}
}
