package cli_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pages serves the saved news pages of ingest/testdata on loopback.
func pages(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		data, err := os.ReadFile(filepath.Join("..", "ingest", "testdata", "pages", filepath.Base(r.URL.Path)+".html"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		w.Write(data)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// A user adds an article by URL, asks about it, lists and shows it, reads
// the report of what was not answered, removes it and is back to the
// embedded article; every run is a new process, as after a restart.
func TestAddArticlesReport(t *testing.T) {
	srv := pages(t)
	db := filepath.Join(t.TempDir(), "data", "qabot.db")
	env := map[string]string{"QABOT_DB": db, "QABOT_FETCH_ALLOW": "127.0.0.0/8", "USER": "ada"}

	// Reading commands make no database.
	if r := mustRun(t, "", env, "ask", "when did albania join nato?"); r.code != 0 || !strings.Contains(r.stdout, "2009") {
		t.Fatalf("ask before add: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatalf("qabot ask created %s", db)
	}
	r := mustRun(t, "", env, "add", srv.URL+"/en-harbour-reopens")
	if r.code != 0 || !strings.Contains(r.stdout, "Harbour at Kellwick reopens") {
		t.Fatalf("add: %d %q %q", r.code, r.stdout, r.stderr)
	}
	file := filepath.Join(t.TempDir(), "budget.html")
	if err := os.WriteFile(file, mustReadFile(t, filepath.Join("..", "ingest", "testdata", "pages", "en-council-budget.html")), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := mustRun(t, "", env, "add", file); r.code != 0 || !strings.Contains(r.stdout, "Council approves budget") {
		t.Fatalf("add file: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := mustRun(t, "", env, "add", "http://169.254.169.254/latest/meta-data/"); r.code != 1 || !strings.Contains(r.stderr, "private or local network") {
		t.Errorf("add metadata address: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := mustRun(t, "", env, "ask", "How much did the repairs cost?"); !strings.Contains(r.stdout, "3.2 million pounds") {
		t.Errorf("ask after add: %q %q", r.stdout, r.stderr)
	}
	list := mustRun(t, "", env, "articles")
	if !strings.Contains(list.stdout, "1  Harbour at Kellwick") || !strings.Contains(list.stdout, "added by ada") || !strings.Contains(list.stdout, "2  Council approves budget") {
		t.Errorf("articles: %q %q", list.stdout, list.stderr)
	}
	if r := mustRun(t, "", env, "articles", "show", "2"); !strings.Contains(r.stdout, "Westmere City Council approved its budget") || strings.Contains(r.stdout, "Have your say") {
		t.Errorf("articles show 2: %q", r.stdout)
	}
	mustRun(t, "", env, "ask", "Who won the mayoral election?")
	mustRun(t, "", env, "ask", "who won the mayoral election")
	if r := mustRun(t, "", env, "report"); !strings.Contains(r.stdout, "2×  Who won the mayoral election?") {
		t.Errorf("report: %q %q", r.stdout, r.stderr)
	}
	if r := mustRun(t, "", env, "articles", "remove", "1", "2"); r.code != 0 {
		t.Errorf("articles remove: %d %q", r.code, r.stderr)
	}
	if r := mustRun(t, "", env, "articles", "show", "1"); r.code != 1 || !strings.Contains(r.stderr, "no article number 1") {
		t.Errorf("show a removed article: %d %q", r.code, r.stderr)
	}
	if r := mustRun(t, "", env, "ask", "when did albania join nato?"); !strings.Contains(r.stdout, "2009") {
		t.Errorf("after removing every article: %q", r.stdout)
	}
	// --corpus keeps working as before, whatever the store holds.
	mustRun(t, "", env, "add", srv.URL+"/en-harbour-reopens")
	if r := mustRun(t, "", env, "ask", "--corpus", "../testdata/articles", "How much did the repairs cost?"); strings.Contains(r.stdout, "3.2 million") {
		t.Errorf("--corpus answered from the store: %q", r.stdout)
	}
}
