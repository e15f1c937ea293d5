//go:build unix

package library_test

import (
	"context"
	"flag"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/qabot/qabot/internal/fakeclock"
	"github.com/qabot/qabot/internal/gencorpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/library"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

var (
	benchScopes = flag.Int("scopes.n", 10000, "scopes of BenchmarkScopes")
	benchAsked  = flag.Int("scopes.asked", 500, "scopes of each of BenchmarkScopes' two rounds that get a question (each builds an engine)")
)

// sharedMeasured is set once BenchmarkScopes has reported the shared
// data's heap: some of it (the synonym table, the ranker) is read once per
// process, so a second run in the same process would count less.
var sharedMeasured bool

// heapInUse returns the bytes of live heap after a full collection.
func heapInUse() uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.GC() // the first may leave finalizers' objects for the second
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// perScope is the heap growth from before to after, per n.
func perScope(before, after uint64, n int) float64 {
	return (float64(after) - float64(before)) / float64(n)
}

// warmResources builds an engine over other generated articles than the
// benchmark's, with a store of conversations, and asks it questions in
// every language gencorpus writes, then those of scopes: what Resources
// reads on first use, builds on a language's first question and caches
// of a question's words is there before the heap is measured.
func warmResources(ctx context.Context, res *qa.Resources, scopes []genScope) error {
	g := gencorpus.Generate(40, 2, 1)
	e, err := res.Load(g.FS())
	if err != nil {
		return err
	}
	// The conversations' chat cues are read on the first store of
	// conversations.
	if _, err := qa.NewConversations(e, qa.ConversationOptions{}); err != nil {
		return err
	}
	qs := g.Questions
	for _, sc := range scopes {
		qs = append(qs, sc.question)
	}
	for _, q := range qs {
		if _, err := e.Ask(ctx, qa.Question{Text: q.Text, LangHint: q.Lang}); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkScopes is one process serving many small scopes
// (-scopes.n, 10,000 by default; 5 to 20 generated articles each) from a
// store in memory. A question in -scopes.asked of them builds their
// engines; then the fake clock moves past IdleAfter and the engines are
// dropped; then the same with as many other scopes, which are measured.
// It reports, from the live heap after a collection between the phases:
// shared-MB, the language data every engine shares (qa.Resources, with
// the default engine over the seed article, as the first round's
// questions left it), once, and only on the process's first run;
// live-B/scope and
// live-B/sentence, what a scope with its engine built costs, per scope
// and per sentence of its articles; idle-B/scope, what the library keeps
// of a scope once its engine is dropped; store-B/scope, what this
// in-memory store holds per scope (a real one keeps it on disk); and
// first-question-cpu-ms, the CPU of a scope's first question: its engine
// built from the store's articles, and the answer.
//
//	go test ./library -run '^$' -bench '^BenchmarkScopes$' -benchtime 1x
func BenchmarkScopes(b *testing.B) {
	n := *benchScopes
	asked := min(*benchAsked, n/2) // twice: a first round, then the measured one
	for b.Loop() {
		base := heapInUse()
		st := newMemStore()
		scopes := fillScopes(b, st, n, 1)
		filled := heapInUse()

		langs, err := lang.Load(lang.Data)
		if err != nil {
			b.Fatal(err)
		}
		det, err := lang.DefaultDetector()
		if err != nil {
			b.Fatal(err)
		}
		res, err := qa.NewResources(qa.Options{Languages: langs, Detector: det})
		if err != nil {
			b.Fatal(err)
		}
		def, err := res.Load(seeds.FS)
		if err != nil {
			b.Fatal(err)
		}
		clock := fakeclock.New(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
		const idleAfter = time.Hour
		lib, err := library.New(library.Options{Store: st, Resources: res, Languages: langs, Default: def,
			IdleAfter: idleAfter, MaxEngines: asked, RefreshEvery: 1000 * time.Hour, Now: clock.Now})
		if err != nil {
			b.Fatal(err)
		}
		lib.Close() // only Evict drops engines, at the fake clock's time

		// A first round of scopes: what the shared data builds on first use
		// (a language's translation tables, the span model's blocks of a
		// kind of question) is built, and counted as shared; then they go
		// idle and their engines are dropped.
		first, measured := scopes[:asked], scopes[asked:2*asked]
		askAll(b, lib, clock, first)
		clock.Advance(idleAfter + time.Minute)
		lib.Evict()
		shared := heapInUse()

		// The caches of the shared tables (what a question's words
		// translate to, bounded) fill with the questions whatever engine
		// answers them: asked first of another engine, they are not
		// counted as the measured scopes' own.
		if err := warmResources(b.Context(), res, measured); err != nil {
			b.Fatal(err)
		}
		cached := heapInUse()

		cpu := cpuTime(b)
		sentences := askAll(b, lib, clock, measured)
		firstCPU := cpuTime(b) - cpu
		if got := lib.Engines(); got != asked {
			b.Fatalf("%d engines after %d first questions", got, asked)
		}
		live := heapInUse()

		clock.Advance(idleAfter + time.Minute)
		lib.Evict()
		if got := lib.Engines(); got != 0 {
			b.Fatalf("%d engines left after %v idle", got, idleAfter)
		}
		idle := heapInUse()

		if !sharedMeasured {
			b.ReportMetric((float64(shared)-float64(filled))/(1<<20), "shared-MB")
			sharedMeasured = true
		}
		b.ReportMetric(perScope(cached, live, asked), "live-B/scope")
		b.ReportMetric((float64(live)-float64(cached))/float64(sentences), "live-B/sentence")
		b.ReportMetric(perScope(cached, idle, asked), "idle-B/scope")
		b.ReportMetric(perScope(base, filled, n), "store-B/scope")
		b.ReportMetric(float64(firstCPU.Microseconds())/1000/float64(asked), "first-question-cpu-ms")
		b.ReportMetric(float64(sentences)/float64(asked), "sentences/scope")
		b.ReportMetric(float64(n), "scopes")
		b.ReportMetric(float64(asked), "asked-scopes")
		runtime.KeepAlive(lib)
		runtime.KeepAlive(scopes)
		runtime.KeepAlive(st)
		runtime.KeepAlive(def)
	}
}

// askAll asks each scope's question, a second apart on the clock, and
// returns how many sentences their engines hold.
func askAll(b *testing.B, lib *library.Library, clock *fakeclock.Clock, scopes []genScope) int {
	b.Helper()
	sentences := 0
	for _, sc := range scopes {
		askScope(b, lib, sc)
		e, err := lib.Engine(b.Context(), sc.name)
		if err != nil {
			b.Fatal(err)
		}
		sentences += e.Corpus().Sentences()
		clock.Advance(time.Second)
	}
	return sentences
}
