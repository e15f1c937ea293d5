package library_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/fetch"
	"github.com/qabot/qabot/ingest"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/library"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
	"github.com/qabot/qabot/store"
)

// shared is what every test builds once: language data, resources and
// the default engine over the seed article.
var shared struct {
	once  sync.Once
	langs *lang.Registry
	res   *qa.Resources
	def   *qa.Engine
	err   error
}

func setup(t testing.TB) {
	t.Helper()
	shared.once.Do(func() {
		shared.langs, shared.err = lang.Load(lang.Data)
		if shared.err != nil {
			return
		}
		shared.res, shared.err = qa.NewResources(qa.Options{Languages: shared.langs, Detector: lang.NewDetector(shared.langs)})
		if shared.err != nil {
			return
		}
		shared.def, shared.err = shared.res.Load(seeds.FS)
	})
	if shared.err != nil {
		t.Fatal(shared.err)
	}
}

// site serves the saved pages of ingest/testdata/pages on loopback.
func site(t testing.TB) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/page/{name}", func(w http.ResponseWriter, r *http.Request) {
		data, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "pages", filepath.Base(r.PathValue("name"))+".html"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(data)
	})
	mux.HandleFunc("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.0.0.1/", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// loopbackOnly is a dialer that refuses, and fails the test on, any
// address outside the loopback interface.
type loopbackOnly struct{ t testing.TB }

func (d loopbackOnly) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	ap, err := netip.ParseAddrPort(address)
	if err != nil || !ap.Addr().Unmap().IsLoopback() {
		d.t.Errorf("dial %s: outside the loopback interface", address)
		return nil, fmt.Errorf("refused %s", address)
	}
	// A generous timeout: 2,000 questions may hold both cores while a
	// swap test fetches, and a loopback dial never needs a deadline to fail.
	return (&net.Dialer{Timeout: time.Minute}).DialContext(ctx, network, address)
}

type env struct {
	lib  *library.Library
	db   *store.DB
	file string
	srv  *httptest.Server
}

// newLibrary opens a library over an SQLite file; reopen starts another
// on the same file, as after a restart.
func newLibrary(t testing.TB, file string, opts library.Options) *env {
	setup(t)
	if file == "" {
		file = filepath.Join(t.TempDir(), "qabot.db")
	}
	db, err := store.OpenSQLite(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c, err := corpus.NewCleaner()
	if err != nil {
		t.Fatal(err)
	}
	e := &env{db: db, file: file, srv: site(t)}
	opts.Store, opts.Resources, opts.Languages, opts.Default = db, shared.res, shared.langs, shared.def
	p, err := shared.res.Parser()
	if err != nil {
		t.Fatal(err)
	}
	opts.Extractor = ingest.New(ingest.Options{Cleaner: c, Clean: p.CleanPage})
	allow := []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}
	opts.Fetcher = fetch.New(fetch.Options{Policy: fetch.Policy{Allow: allow}, Dialer: loopbackOnly{t}, Timeout: time.Minute})
	e.lib, err = library.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.lib.Close)
	return e
}

func ask(t testing.TB, h command.Handler, scope, question string) qa.Answer {
	t.Helper()
	r, err := h.Handle(context.Background(), command.Query{Command: command.Ask, Text: question, Scope: scope, Lang: "en"})
	if err != nil {
		t.Fatalf("ask %q in %s: %v", question, scope, err)
	}
	if r.Answer == nil {
		t.Fatalf("ask %q in %s: no answer in %+v", question, scope, r)
	}
	return *r.Answer
}

func manage(t testing.TB, h command.Handler, scope string, req command.ArticleRequest) command.Reply {
	t.Helper()
	r, err := h.Handle(context.Background(), command.Query{Command: command.Article, Scope: scope, Lang: "en", Article: &req})
	if err != nil {
		t.Fatalf("article %s in %s: %v", req.Action, scope, err)
	}
	return r
}

const (
	guild = "guild:100"
	other = "guild:200"
)

func TestAddAskListRemove(t *testing.T) {
	e := newLibrary(t, "", library.Options{})
	// A scope without articles answers from the seed article.
	if a := ask(t, e.lib, guild, "when did albania join nato?"); !a.Answered || !strings.Contains(a.Quote.Text, "2009") {
		t.Fatalf("default article: %+v", a)
	}
	r := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/en-harbour-reopens", Admin: true, By: "1", ByName: "mod"})
	if r.Manage == nil || len(r.Manage.Articles) != 1 || r.Private {
		t.Fatalf("add: %+v", r)
	}
	added := r.Manage.Articles[0]
	if added.Title != "Harbour at Kellwick reopens after storm repairs" || added.Sentences == 0 || !strings.Contains(r.Message, added.Title) {
		t.Errorf("add reply = %+v, message %q", added, r.Message)
	}
	a := ask(t, e.lib, guild, "How much did the repairs cost?")
	if !a.Answered || !strings.Contains(a.Quote.Text, "3.2 million pounds") {
		t.Errorf("after add: %+v", a)
	}
	// Another scope is untouched.
	if a := ask(t, e.lib, other, "How much did the repairs cost?"); a.Answered && strings.Contains(a.Quote.Text, "3.2 million") {
		t.Errorf("another scope answered from guild's article: %+v", a)
	}
	list := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleList})
	if len(list.Manage.Articles) != 1 || list.Manage.Articles[0].AddedBy != "mod" || list.Manage.Articles[0].Lang != "en" {
		t.Errorf("list = %+v", list.Manage)
	}
	show := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleShow, ID: added.Number})
	if !strings.HasPrefix(show.Manage.Text, "The harbour at Kellwick reopened") || strings.Contains(show.Manage.Text, "cookies") {
		t.Errorf("show = %q", show.Manage.Text)
	}
	// Only moderators add and remove.
	if r := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleRemove, ID: added.Number}); !r.Private || r.Manage != nil {
		t.Errorf("remove without permission: %+v", r)
	}
	rm := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleRemove, ID: added.Number, Admin: true})
	if rm.Manage == nil || !strings.Contains(rm.Message, "Harbour") {
		t.Errorf("remove: %+v", rm)
	}
	if a := ask(t, e.lib, guild, "when did albania join nato?"); !a.Answered {
		t.Errorf("after removing the only article, the default article should answer: %+v", a)
	}
}

func TestAddRefusals(t *testing.T) {
	e := newLibrary(t, "", library.Options{MaxArticles: 1})
	tests := []struct {
		name string
		req  command.ArticleRequest
		want string // message id, as the English text starts
	}{
		{"not a moderator", command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/en-harbour-reopens"}, "article_forbidden"},
		{"metadata address", command.ArticleRequest{Action: command.ArticleAdd, URL: "http://169.254.169.254/latest/meta-data/", Admin: true}, "fetch_blocked_address"},
		{"redirect to private", command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/to-private", Admin: true}, "fetch_blocked_address"},
		{"missing page", command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/nothing", Admin: true}, "fetch_status"},
		{"file scheme", command.ArticleRequest{Action: command.ArticleAdd, URL: "file:///etc/passwd", Admin: true}, "fetch_scheme"},
		{"binary file", command.ArticleRequest{Action: command.ArticleAdd, File: &command.File{Name: "x.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.4")}, Admin: true}, "article_unsupported_file"},
		{"empty page", command.ArticleRequest{Action: command.ArticleAdd, File: &command.File{Name: "x.html", Data: []byte("<html><body><nav>Home</nav></body></html>")}, Admin: true}, "article_no_text"},
		{"nothing to add", command.ArticleRequest{Action: command.ArticleAdd, Admin: true}, "article_add_usage"},
	}
	en, _ := shared.langs.Get("en")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := manage(t, e.lib, guild, tt.req)
			want := en.Message(tt.want, nil)
			prefix := want[:min(len(want), 20)]
			if !r.Private || !strings.HasPrefix(r.Message, prefix) {
				t.Errorf("add %s: %q (private %v); want the %s message %q", tt.name, r.Message, r.Private, tt.want, want)
			}
		})
	}
	if r := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/en-harbour-reopens", Admin: true}); r.Manage == nil {
		t.Fatalf("first add: %+v", r)
	}
	if r := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/en-harbour-reopens", Admin: true}); !strings.Contains(r.Message, "already") {
		t.Errorf("same page again: %q", r.Message)
	}
	if r := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/en-council-budget", Admin: true}); !strings.Contains(r.Message, "1") || r.Manage != nil {
		t.Errorf("over the cap of 1: %q", r.Message)
	}
}

// A restart keeps every scope's articles and votes: add, stop, start, ask.
func TestRestartKeepsArticlesAndVotes(t *testing.T) {
	file := filepath.Join(t.TempDir(), "qabot.db")
	e := newLibrary(t, file, library.Options{})
	manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/en-council-budget", Admin: true})
	manage(t, e.lib, other, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/en-harbour-reopens", Admin: true})
	a := ask(t, e.lib, guild, "By how much will council tax rise?")
	vote := &command.Vote{Up: false, Target: "msg1", User: "42", Question: a.Question, Answer: a.Text, Quote: a.Quote.Text, ArticleID: a.Quote.ArticleID, ArticleTitle: a.Quote.Article}
	if _, err := e.lib.Handle(context.Background(), command.Query{Command: command.Feedback, Scope: guild, Vote: vote}); err != nil {
		t.Fatal(err)
	}
	ask(t, e.lib, guild, "Who won the election for mayor?")
	e.lib.Close()
	e.db.Close()

	e2 := newLibrary(t, file, library.Options{})
	if a := ask(t, e2.lib, guild, "By how much will council tax rise?"); !a.Answered || !strings.Contains(a.Quote.Text, "4.5 percent") {
		t.Errorf("after restart, guild: %+v", a)
	}
	if a := ask(t, e2.lib, other, "How much did the repairs cost?"); !a.Answered || !strings.Contains(a.Quote.Text, "3.2 million") {
		t.Errorf("after restart, other: %+v", a)
	}
	r := manage(t, e2.lib, guild, command.ArticleRequest{Action: command.ArticleReport, Admin: true})
	rep := r.Manage.Report
	if rep == nil || len(rep.DownVoted) != 1 || rep.DownVoted[0].Down != 1 || len(rep.Unanswered) != 1 || rep.Unanswered[0].Question != "Who won the election for mayor?" {
		t.Errorf("report after restart: %+v", rep)
	}
}

// Swapping a scope's engine under 2,000 concurrent questions loses none:
// every question gets an answer from the old engine or the new one.
func TestSwapUnderLoad(t *testing.T) {
	e := newLibrary(t, "", library.Options{})
	manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/en-harbour-reopens", Admin: true})
	const questions = 2000
	var (
		wg       sync.WaitGroup
		answered atomic.Int64
		failed   atomic.Int64
		start    = make(chan struct{})
	)
	for i := 0; i < questions; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			r, err := e.lib.Handle(context.Background(), command.Query{Command: command.Ask, Text: "How much did the repairs cost?", Scope: guild, Lang: "en"})
			if err != nil || r.Answer == nil || !r.Answer.Answered || !strings.Contains(r.Answer.Quote.Text, "3.2 million") {
				failed.Add(1)
				return
			}
			answered.Add(1)
		}()
	}
	close(start)
	// Swap the engine several times while the questions run.
	for _, name := range []string{"en-council-budget", "en-wire-glacier", "fr-greve-tram"} {
		if r := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/" + name, Admin: true}); r.Manage == nil {
			t.Errorf("add %s during the questions: %s", name, r.Message)
		}
	}
	wg.Wait()
	if answered.Load() != questions {
		t.Errorf("%d of %d questions answered during the swaps (%d failed)", answered.Load(), questions, failed.Load())
	}
	list := manage(t, e.lib, guild, command.ArticleRequest{Action: command.ArticleList})
	if len(list.Manage.Articles) != 4 {
		t.Errorf("%d articles after the swaps; want 4", len(list.Manage.Articles))
	}
}

func TestEviction(t *testing.T) {
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	// No refresh from the store in between (it would hold a scope's build
	// lock, and Evict leaves a scope being built alone).
	e := newLibrary(t, "", library.Options{IdleAfter: time.Hour, MaxEngines: 2, Now: clock, RefreshEvery: 1000 * time.Hour})
	for _, s := range []string{"guild:1", "guild:2", "guild:3"} {
		manage(t, e.lib, s, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/en-harbour-reopens", Admin: true})
		ask(t, e.lib, s, "How much did the repairs cost?")
		mu.Lock()
		now = now.Add(time.Minute)
		mu.Unlock()
	}
	if n := e.lib.Evict(); n != 1 || e.lib.Engines() != 2 {
		t.Errorf("Evict with 3 engines and MaxEngines 2: dropped %d, %d left", n, e.lib.Engines())
	}
	mu.Lock()
	now = now.Add(2 * time.Hour)
	mu.Unlock()
	if n := e.lib.Evict(); n != 2 || e.lib.Engines() != 0 {
		t.Errorf("Evict after two idle hours: dropped %d, %d left", n, e.lib.Engines())
	}
	// Rebuilt on demand.
	if a := ask(t, e.lib, "guild:1", "How much did the repairs cost?"); !a.Answered {
		t.Errorf("after eviction: %+v", a)
	}
}

// Another process (a replica sharing the database) adds an article: this
// library notices within RefreshEvery.
func TestRefreshFromStore(t *testing.T) {
	e := newLibrary(t, "", library.Options{RefreshEvery: time.Millisecond})
	ask(t, e.lib, guild, "when did albania join nato?")
	replica := newLibrary(t, e.file, library.Options{})
	manage(t, replica.lib, guild, command.ArticleRequest{Action: command.ArticleAdd, URL: e.srv.URL + "/page/en-harbour-reopens", Admin: true})
	deadline := time.Now().Add(60 * time.Second) // generous: only a failure waits it out, and CI machines are loaded
	for time.Now().Before(deadline) {
		if a := ask(t, e.lib, guild, "How much did the repairs cost?"); a.Answered && strings.Contains(a.Quote.Text, "3.2 million") {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Errorf("the other replica's article never reached this library")
}
