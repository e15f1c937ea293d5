package library_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/internal/fakeclock"
	"github.com/qabot/qabot/internal/gencorpus"
	"github.com/qabot/qabot/library"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/store"
)

// A genScope is one scope of generated articles and the question asked
// in it.
type genScope struct {
	name      string
	articles  int
	question  gencorpus.Question
	sentences int // of its engine, once built
}

// fillScopes adds n scopes of 5 to 20 generated articles each to st
// (different articles in every scope: names, numbers and languages drawn
// afresh), and returns them with a question about one of their articles.
func fillScopes(tb testing.TB, st *memStore, n int, seed uint64) []genScope {
	tb.Helper()
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	scopes := make([]genScope, n)
	total := 0
	for i := range scopes {
		scopes[i] = genScope{name: fmt.Sprintf("guild:%d", 100000+i), articles: 5 + r.IntN(16)}
		total += scopes[i].articles
	}
	g := gencorpus.Generate(total, seed, 1)
	questions := make(map[string]gencorpus.Question, len(g.Questions))
	for _, q := range g.Questions {
		if _, ok := questions[q.Article]; !ok {
			questions[q.Article] = q
		}
	}
	ctx := context.Background()
	next := 0
	for i := range scopes {
		sc := &scopes[i]
		// The question is about an article drawn among the scope's.
		asked := r.IntN(sc.articles)
		for j := range sc.articles {
			ga := g.Articles[next]
			next++
			title, body, _ := strings.Cut(ga.Text, "\n\n")
			a := store.Article{Scope: sc.name, Title: title, Lang: ga.Lang, SourceURL: "file:" + ga.Name, AddedBy: "1", AddedByName: "mod"}
			for _, p := range strings.Split(strings.TrimSpace(body), "\n\n") {
				a.Paragraphs = append(a.Paragraphs, store.Paragraph{Text: p})
			}
			if _, err := st.AddArticle(ctx, a, 0); err != nil {
				tb.Fatal(err)
			}
			if q, ok := questions[ga.Name]; ok && (j <= asked || sc.question.Text == "") {
				sc.question = q
			}
		}
		if sc.question.Text == "" {
			tb.Fatalf("no question about any article of %s", sc.name)
		}
	}
	return scopes
}

// askScope asks sc's question in its scope, in a conversation as the bot
// holds one, and returns the answer and the sentence it ranked first.
func askScope(tb testing.TB, lib *library.Library, sc genScope) (qa.Answer, string) {
	tb.Helper()
	r, err := lib.Handle(context.Background(), command.Query{Command: command.Ask, Text: sc.question.Text,
		LangHint: sc.question.Lang, Scope: sc.name, Session: "user:1/channel:1"})
	if err != nil || r.Answer == nil {
		tb.Fatalf("ask %q in %s: %v %+v", sc.question.Text, sc.name, err, r)
	}
	a := *r.Answer
	switch {
	case a.Answered:
		return a, a.Quote.Text
	case len(a.Suggestions) > 0:
		return a, a.Suggestions[0].Text
	}
	return a, ""
}

// TestManyScopes is the scenario of BenchmarkScopes at a small size: 200
// scopes of 5 to 20 articles in one library, engines built only on a
// question, bounded by MaxEngines, dropped when idle, rebuilt with the
// same answers, and all over one shared set of language data.
func TestManyScopes(t *testing.T) {
	setup(t)
	const (
		scopes     = 200
		asked      = 16 // scopes that get a question: each builds an engine
		maxEngines = 6
		idleAfter  = time.Hour
	)
	st := newMemStore()
	all := fillScopes(t, st, scopes, 1)
	clock := fakeclock.New(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	lib, err := library.New(library.Options{Store: st, Resources: shared.res, Languages: shared.langs, Default: shared.def,
		IdleAfter: idleAfter, MaxEngines: maxEngines, RefreshEvery: 1000 * time.Hour, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	// No janitor: only the test's Evict drops engines, at the fake
	// clock's time.
	lib.Close()

	// Lazy: listing a scope's articles builds nothing.
	manage(t, lib, all[0].name, command.ArticleRequest{Action: command.ArticleList})
	if n := lib.Engines(); n != 0 {
		t.Fatalf("%d engines before any question; want none", n)
	}

	first := map[string]string{}
	right := 0
	for i, sc := range all[:asked] {
		a, top := askScope(t, lib, sc)
		first[sc.name] = a.Text + "\x00" + top
		if top == sc.question.Gold {
			right++
		}
		// One a scope, up to MaxEngines at any time: a build past it
		// evicts there and then, not at the janitor's next run.
		if n, want := lib.Engines(), min(i+1, maxEngines); n != want {
			t.Fatalf("%d engines after questions in %d scopes; want %d", n, i+1, want)
		}
		// One conversation a live scope: a dropped engine's go with it.
		if n, want := lib.Conversations(), min(i+1, maxEngines); n != want {
			t.Fatalf("%d conversations kept after questions in %d scopes; want %d", n, i+1, want)
		}
		e, err := lib.Engine(context.Background(), sc.name)
		if err != nil {
			t.Fatal(err)
		}
		if e == shared.def {
			t.Fatalf("%s answered from the default engine", sc.name)
		}
		if got := e.Resources(); got != shared.res {
			t.Fatalf("the engine of %s has resources %p of its own; want the library's %p", sc.name, got, shared.res)
		}
		clock.Advance(time.Second)
	}
	// The generated questions are answered by the sentence they were
	// written from (BenchmarkScale in qa finds all of them at 1,000
	// articles); a few may rank another sentence first.
	if right < asked*9/10 {
		t.Errorf("top sentence right in %d of %d scopes; want at least 90%%", right, asked)
	}

	// The survivors are the last asked: asking them again builds nothing.
	for _, sc := range all[asked-maxEngines : asked] {
		askScope(t, lib, sc)
	}
	if n := lib.Engines(); n != maxEngines {
		t.Errorf("asking the %d most recently used scopes again: %d engines; want the same %d", maxEngines, n, maxEngines)
	}

	// Idle for IdleAfter: every engine goes.
	clock.Advance(idleAfter + time.Second)
	lib.Evict()
	if n := lib.Engines(); n != 0 {
		t.Fatalf("%d engines after %v idle; want none", n, idleAfter)
	}
	if n := lib.Conversations(); n != 0 {
		t.Fatalf("%d conversations kept after %v idle; want none", n, idleAfter)
	}

	// Rebuilt on the next question, with the same answer.
	for _, sc := range all[:asked] {
		a, top := askScope(t, lib, sc)
		if got := a.Text + "\x00" + top; got != first[sc.name] {
			t.Errorf("%s after its engine was rebuilt: %q; first %q", sc.name, got, first[sc.name])
		}
		clock.Advance(time.Second)
	}
	if n := lib.Engines(); n != maxEngines {
		t.Errorf("%d engines after rebuilding %d with MaxEngines %d", n, asked, maxEngines)
	}
}
