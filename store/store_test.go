package store_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/store"
)

// The same tests run against both dialects: SQLite always, PostgreSQL
// when QABOT_TEST_POSTGRES holds the URL of a server (make test-postgres
// starts one). Set but unreachable is a failure, never a skip.

type opener struct {
	name string
	// open returns a store; reopen returns a new connection to the same
	// data, as after a restart.
	open func(t *testing.T) (s *store.DB, reopen func() *store.DB)
}

func openers(t *testing.T) []opener {
	out := []opener{{"sqlite", openSQLite}}
	if url := os.Getenv("QABOT_TEST_POSTGRES"); url != "" {
		out = append(out, opener{"postgres", func(t *testing.T) (*store.DB, func() *store.DB) { return openPostgres(t, url) }})
	} else {
		t.Log("QABOT_TEST_POSTGRES is not set: PostgreSQL not tested here (make test-postgres runs these tests against a real server)")
	}
	return out
}

func openSQLite(t *testing.T) (*store.DB, func() *store.DB) {
	file := filepath.Join(t.TempDir(), "sub", "qabot.db")
	open := func() *store.DB {
		db, err := store.OpenSQLite(context.Background(), file)
		if err != nil {
			t.Fatalf("OpenSQLite(%s): %v", file, err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	return open(), open
}

// openPostgres gives each test a schema of its own, dropped at the end.
func openPostgres(t *testing.T, url string) (*store.DB, func() *store.DB) {
	ctx := context.Background()
	admin, err := store.OpenPostgres(ctx, url)
	if err != nil {
		t.Fatalf("QABOT_TEST_POSTGRES is set but the server cannot be used: %v", err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	schema := "qabot_test_" + hex.EncodeToString(b)
	if err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	sep := "?"
	if containsQuery(url) {
		sep = "&"
	}
	scoped := url + sep + "search_path=" + schema
	open := func() *store.DB {
		db, err := store.OpenPostgres(ctx, scoped)
		if err != nil {
			t.Fatalf("OpenPostgres: %v", err)
		}
		t.Cleanup(func() { db.Close() })
		return db
	}
	return open(), open
}

func containsQuery(url string) bool {
	for i := 0; i < len(url); i++ {
		if url[i] == '?' {
			return true
		}
	}
	return false
}

func article(scope, title, url string) store.Article {
	return store.Article{
		Scope: scope, Title: title, Byline: "Ada Reporter", Published: "2024-03-11", Lang: "en",
		Caption: "Boats in the harbour.", Canonical: url, SourceURL: url, AddedBy: "1001", AddedByName: "mod",
		Paragraphs: []store.Paragraph{{Text: "The harbour reopened on Monday."}, {Section: "Cost", Text: "Repairs cost 3.2 million pounds."}},
	}
}

func forEach(t *testing.T, f func(t *testing.T, db *store.DB, reopen func() *store.DB)) {
	for _, o := range openers(t) {
		t.Run(o.name, func(t *testing.T) {
			db, reopen := o.open(t)
			var (
				mu  sync.Mutex
				now = time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)
			)
			db.Now = func() time.Time {
				mu.Lock()
				defer mu.Unlock()
				now = now.Add(time.Second)
				return now
			}
			f(t, db, reopen)
		})
	}
}

func TestArticles(t *testing.T) {
	forEach(t, func(t *testing.T, db *store.DB, reopen func() *store.DB) {
		ctx := context.Background()
		g1, g2 := store.GuildScope("1"), store.GuildScope("2")
		a, err := db.AddArticle(ctx, article(g1, "Harbour reopens", "https://news.example/harbour"), 0)
		if err != nil {
			t.Fatal(err)
		}
		if a.ID == 0 || a.AddedAt.IsZero() {
			t.Errorf("AddArticle = ID %d, AddedAt %v; want both set", a.ID, a.AddedAt)
		}
		b, err := db.AddArticle(ctx, article(g1, "Council budget", "https://news.example/budget"), 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddArticle(ctx, article(g2, "Harbour reopens", "https://news.example/harbour"), 0); err != nil {
			t.Fatalf("the same URL in another scope: %v", err)
		}
		got, err := db.Articles(ctx, g1)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff([]store.Article{a, b}, got); diff != "" {
			t.Errorf("Articles(%s) (-want +got):\n%s", g1, diff)
		}
		one, err := db.Article(ctx, g1, b.ID)
		if err != nil || one.Title != "Council budget" {
			t.Errorf("Article(%s, %d) = %q, %v", g1, b.ID, one.Title, err)
		}
		if _, err := db.Article(ctx, g2, b.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Article from another scope: err = %v; want ErrNotFound", err)
		}
		if err := db.RemoveArticle(ctx, g2, a.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("RemoveArticle from another scope: err = %v; want ErrNotFound", err)
		}
		if err := db.RemoveArticle(ctx, g1, a.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.Articles(ctx, g1); len(got) != 1 || got[0].ID != b.ID {
			t.Errorf("after RemoveArticle: %v", got)
		}
		scopes, err := db.Scopes(ctx)
		if err != nil || !cmp.Equal(scopes, []string{g1, g2}) {
			t.Errorf("Scopes() = %v, %v; want %v", scopes, err, []string{g1, g2})
		}
		// A restart keeps everything.
		db2 := reopen()
		if got, _ := db2.Articles(ctx, g1); len(got) != 1 || got[0].Title != "Council budget" || len(got[0].Paragraphs) != 2 {
			t.Errorf("after reopening: %+v", got)
		}
	})
}

func TestArticleLimits(t *testing.T) {
	forEach(t, func(t *testing.T, db *store.DB, reopen func() *store.DB) {
		ctx := context.Background()
		s := store.GuildScope("9")
		first, err := db.AddArticle(ctx, article(s, "One", "https://news.example/1"), 2)
		if err != nil {
			t.Fatal(err)
		}
		dup, err := db.AddArticle(ctx, article(s, "One again", "https://news.example/1"), 2)
		if !errors.Is(err, store.ErrDuplicate) || dup.ID != first.ID {
			t.Errorf("same URL again: %v, ID %d; want ErrDuplicate with ID %d", err, dup.ID, first.ID)
		}
		if _, err := db.AddArticle(ctx, article(s, "Two", "https://news.example/2"), 2); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddArticle(ctx, article(s, "Three", "https://news.example/3"), 2); !errors.Is(err, store.ErrFull) {
			t.Errorf("third article with a cap of 2: err = %v; want ErrFull", err)
		}
		bad := article(s, "Empty", "https://news.example/4")
		bad.Paragraphs = nil
		if _, err := db.AddArticle(ctx, bad, 0); err == nil {
			t.Errorf("article without text: err = nil")
		}
	})
}

// Many writers at once: the cap holds and nothing is lost.
func TestConcurrentAdds(t *testing.T) {
	forEach(t, func(t *testing.T, db *store.DB, reopen func() *store.DB) {
		ctx := context.Background()
		s := store.GuildScope("c")
		var wg sync.WaitGroup
		errs := make(chan error, 40)
		for i := 0; i < 40; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := db.AddArticle(ctx, article(s, fmt.Sprint("A", i), fmt.Sprint("https://news.example/", i)), 25)
				errs <- err
			}()
		}
		wg.Wait()
		close(errs)
		ok, full := 0, 0
		for err := range errs {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, store.ErrFull):
				full++
			default:
				t.Errorf("AddArticle: %v", err)
			}
		}
		got, _ := db.Articles(ctx, s)
		if ok != 25 || full != 15 || len(got) != 25 {
			t.Errorf("40 concurrent adds with a cap of 25: %d added, %d full, %d stored", ok, full, len(got))
		}
	})
}

func TestFeedbackReport(t *testing.T) {
	forEach(t, func(t *testing.T, db *store.DB, reopen func() *store.DB) {
		ctx := context.Background()
		s := store.GuildScope("1")
		key, err := db.Key(ctx, store.VoterKey)
		if err != nil || len(key) != 32 {
			t.Fatalf("Key = %d bytes, %v", len(key), err)
		}
		vote := func(user, target, kind, question string) {
			t.Helper()
			err := db.AddFeedback(ctx, store.Feedback{Scope: s, Kind: kind, Target: target, Voter: store.VoterHash(key, s, target, user),
				Question: question, Answer: "four months", Quote: "The harbour reopened four months after the storm.", ArticleID: "a1", Article: "Harbour reopens", Lang: "en"})
			if err != nil {
				t.Fatal(err)
			}
		}
		decline := func(q, lang string) {
			t.Helper()
			if err := db.AddFeedback(ctx, store.Feedback{Scope: s, Kind: store.KindDeclined, Question: q, Lang: lang, ArticleID: "a1", Article: "Harbour reopens"}); err != nil {
				t.Fatal(err)
			}
		}
		vote("u1", "m1", store.KindDown, "How long was it closed?")
		vote("u1", "m1", store.KindDown, "How long was it closed?") // the same vote again: one vote
		vote("u2", "m1", store.KindUp, "How long was it closed?")
		vote("u2", "m1", store.KindDown, "How long was it closed?") // changed their mind
		vote("u3", "m1", store.KindUp, "How long was it closed?")
		vote("u1", "m2", store.KindUp, "When did it reopen?")
		decline("Who paid for the slipway?", "en")
		decline("who paid for the slipway", "en")
		decline("WHO PAID FOR THE SLIPWAY ?", "en")
		decline("Combien de bateaux ?", "fr")
		// Another scope's questions never show.
		if err := db.AddFeedback(ctx, store.Feedback{Scope: store.GuildScope("2"), Kind: store.KindDeclined, Question: "Secret question?"}); err != nil {
			t.Fatal(err)
		}
		r, err := reopen().Report(ctx, s, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Unanswered) != 2 || r.Unanswered[0].Count != 3 || Normalize(r.Unanswered[0].Question) != "who paid for the slipway" || r.Unanswered[1].Count != 1 {
			t.Errorf("Unanswered = %+v", r.Unanswered)
		}
		if len(r.DownVoted) != 1 || r.DownVoted[0].Down != 2 || r.DownVoted[0].Up != 1 || r.DownVoted[0].Article != "Harbour reopens" {
			t.Errorf("DownVoted = %+v; want one answer with 2 down, 1 up", r.DownVoted)
		}
		if err := db.AddFeedback(ctx, store.Feedback{Scope: s, Kind: store.KindUp, Question: "q"}); err == nil {
			t.Errorf("a vote without voter: err = nil")
		}
		// The key is kept.
		again, err := reopen().Key(ctx, store.VoterKey)
		if err != nil || !cmp.Equal(again, key) {
			t.Errorf("Key after reopening differs: %v", err)
		}
	})
}

func Normalize(s string) string { return store.Normalize(s) }

func TestVoterHash(t *testing.T) {
	k1, k2 := []byte("key one"), []byte("key two")
	h := store.VoterHash(k1, "guild:1", "m1", "42")
	if h != store.VoterHash(k1, "guild:1", "m1", "42") || len(h) != 32 {
		t.Errorf("VoterHash is not stable: %q", h)
	}
	for name, other := range map[string]string{
		"other user":    store.VoterHash(k1, "guild:1", "m1", "43"),
		"other answer":  store.VoterHash(k1, "guild:1", "m2", "42"),
		"other scope":   store.VoterHash(k1, "guild:2", "m1", "42"),
		"other key":     store.VoterHash(k2, "guild:1", "m1", "42"),
		"shifted parts": store.VoterHash(k1, "guild:1m", "1", "42"),
	} {
		if other == h {
			t.Errorf("VoterHash: %s gives the same hash", name)
		}
	}
}

func TestDefaultPath(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	if p, _ := store.DefaultPath(env(map[string]string{"QABOT_DB": "/data/qabot.db", "HOME": "/home/u"})); p != "/data/qabot.db" {
		t.Errorf("DefaultPath with QABOT_DB = %q", p)
	}
	p, _ := store.DefaultPath(env(map[string]string{"HOME": "/home/u", "XDG_DATA_HOME": "/xdg"}))
	if filepath.Base(p) != "qabot.db" || filepath.Base(filepath.Dir(p)) != "qabot" {
		t.Errorf("DefaultPath = %q; want .../qabot/qabot.db", p)
	}
}

func TestDefaultPathNeedsEnvironment(t *testing.T) {
	if p, err := store.DefaultPath(func(string) string { return "" }); !errors.Is(err, store.ErrNoDatabase) {
		t.Errorf("DefaultPath with an empty environment = %q, %v; want ErrNoDatabase", p, err)
	}
}
