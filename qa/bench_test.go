//go:build unix

package qa_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

// The benchmarks answer questions from the project's own evaluation sets,
// so the figures are for the questions users ask, not for toy input.
const evalDir = "../testdata/eval"

// readEval reads a question file in score.py's format.
func readEval(tb testing.TB, path string) []eval.Question {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	qs, err := eval.Read(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	if len(qs) == 0 {
		tb.Fatalf("%s holds no questions", path)
	}
	return qs
}

// Each language's benchmark set has the same mix, so languages compare:
// mostly questions the article answers, a few it does not (those take the
// suggestions path).
const (
	benchAnswerable   = 26
	benchUnanswerable = 4
)

// benchQuestions returns the fixed benchmark questions of one language: the
// first benchAnswerable answerable and the first benchUnanswerable
// unanswerable questions of testdata/eval/seed/<code>.jsonl, in file order.
func benchQuestions(tb testing.TB, code string) []string {
	tb.Helper()
	var ans, un []string
	for _, it := range readEval(tb, filepath.Join(evalDir, "seed", code+".jsonl")) {
		switch it.Answerable {
		case eval.Yes:
			if len(ans) < benchAnswerable {
				ans = append(ans, it.Q)
			}
		case eval.No:
			if len(un) < benchUnanswerable {
				un = append(un, it.Q)
			}
		}
	}
	if len(ans) < benchAnswerable || len(un) < benchUnanswerable {
		tb.Fatalf("seed/%s.jsonl has %d answerable and %d unanswerable questions, want %d and %d", code, len(ans), len(un), benchAnswerable, benchUnanswerable)
	}
	return append(ans, un...)
}

func mustRegistry(tb testing.TB) *lang.Registry {
	tb.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		tb.Fatal(err)
	}
	return reg
}

// mustLoad builds an engine over the articles of fsys the way the binary
// does (qa.Load parses them with the article language's number words and
// places).
func mustLoad(tb testing.TB, fsys fs.FS, opts qa.Options) *qa.Engine {
	tb.Helper()
	e, err := qa.Load(fsys, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// seedCorpus returns the embedded seed article parsed as qa.Load parses it.
func seedCorpus(tb testing.TB) *corpus.Corpus {
	tb.Helper()
	return mustLoad(tb, seeds.FS, qa.Options{Languages: mustRegistry(tb)}).Corpus()
}

func mustNew(tb testing.TB, c *corpus.Corpus, opts qa.Options) *qa.Engine {
	tb.Helper()
	e, err := qa.New(c, opts)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// benchAsk asks qs in turn, one question per iteration, after asking each
// once so that tables built on first use (a language's translations) are
// not counted against the steady state. It fails if the engine answers
// none of them, so a broken engine cannot post a fast figure.
func benchAsk(b *testing.B, e *qa.Engine, qs []string) {
	b.Helper()
	ctx := context.Background()
	answered := 0
	for _, q := range qs {
		a, err := e.Ask(ctx, qa.Question{Text: q})
		if err != nil {
			b.Fatal(err)
		}
		if a.Answered {
			answered++
		}
	}
	if answered == 0 {
		b.Fatalf("the engine answered none of %d benchmark questions", len(qs))
	}
	b.ReportAllocs()
	cpu := cpuTime(b)
	i := 0
	for b.Loop() {
		if _, err := e.Ask(ctx, qa.Question{Text: qs[i%len(qs)]}); err != nil {
			b.Fatal(err)
		}
		i++
	}
	reportCPU(b, cpu, "cpu-ns/question")
}

// cpuTime returns the CPU time the process has used, user and system, all
// threads (the garbage collector's included). Unlike ns/op it does not
// grow when other processes share the machine's cores, so figures taken
// on a busy machine stay comparable.
func cpuTime(tb testing.TB) time.Duration {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the CPU time used since start per iteration.
func reportCPU(b *testing.B, start time.Duration, unit string) {
	b.ReportMetric(float64((cpuTime(b)-start).Nanoseconds())/float64(b.N), unit)
}

// BenchmarkAsk answers English questions about the seed article with the
// engine as the CLI builds it for English (no language detection).
func BenchmarkAsk(b *testing.B) {
	e := mustNew(b, seedCorpus(b), qa.Options{Languages: mustRegistry(b)})
	benchAsk(b, e, benchQuestions(b, "en"))
}

// BenchmarkAskMultilingual answers questions with language detection on;
// one sub-benchmark per language (English included, with the same
// detector) so that "a French question costs x times an English one" is
// the ratio of two lines of one run. "mixed" cycles through the non-English
// languages, as a multilingual server would see them.
func BenchmarkAskMultilingual(b *testing.B) {
	reg := mustRegistry(b)
	e := mustNew(b, seedCorpus(b), qa.Options{Languages: reg, Detector: lang.NewDetector(reg)})
	var mixed []string
	for _, code := range []string{"en", "fr", "ru", "de"} {
		qs := benchQuestions(b, code)
		if code != "en" {
			mixed = append(mixed, qs...)
		}
		b.Run(code, func(b *testing.B) { benchAsk(b, e, qs) })
	}
	// Interleave so consecutive questions change language.
	inter := make([]string, 0, len(mixed))
	n := len(mixed) / 3
	for i := range n {
		inter = append(inter, mixed[i], mixed[n+i], mixed[2*n+i])
	}
	b.Run("mixed", func(b *testing.B) { benchAsk(b, e, inter) })
}

// BenchmarkNew measures building the engine (index, synonyms, cues) over
// the seed article; the corpus and language data are loaded once outside
// the loop.
func BenchmarkNew(b *testing.B) {
	c := seedCorpus(b)
	reg := mustRegistry(b)
	b.ReportAllocs()
	cpu := cpuTime(b)
	for b.Loop() {
		if _, err := qa.New(c, qa.Options{Languages: reg}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, cpu, "cpu-ns/op")
}

// BenchmarkResourcesEngine measures building an engine per article from
// shared resources, as the evaluation over thousands of one-paragraph
// articles does: "parse" parses the article and builds the engine, "seed"
// builds the engine over the parsed seed article (compare BenchmarkNew).
func BenchmarkResourcesEngine(b *testing.B) {
	reg := mustRegistry(b)
	r, err := qa.NewResources(qa.Options{Languages: reg})
	if err != nil {
		b.Fatal(err)
	}
	p, err := r.Parser()
	if err != nil {
		b.Fatal(err)
	}
	page := []byte("Vltava treaty\n\n" + paragraphs[0].text + " " + paragraphs[1].text + " " + paragraphs[2].text + "\n")
	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cpuTime(b)
		for b.Loop() {
			a, err := p.Parse("treaty", page)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := r.Engine(&corpus.Corpus{Articles: []*corpus.Article{a}}); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu, "cpu-ns/op")
	})
	c := seedCorpus(b)
	b.Run("seed", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cpuTime(b)
		for b.Loop() {
			if _, err := r.Engine(c); err != nil {
				b.Fatal(err)
			}
		}
		reportCPU(b, cpu, "cpu-ns/op")
	})
}

// BenchmarkStartToFirstAnswer measures everything a fresh process does
// before it can print its first answer, in process: load the language
// data, parse the embedded corpus and build the engine (qa.Load), open the
// detector trained at build time, and answer one question. cli's benchmark of the same name adds
// the command layer and JSON output. The "fr" case also pays for what the engine makes on
// the first French question: the French translation table opened (built with qabot,
// transtable.go) and the concept table's word list.
// Process exec and the Go runtime's own start are not included (a few ms).
func BenchmarkStartToFirstAnswer(b *testing.B) {
	reg := mustRegistry(b)
	warm := mustNew(b, seedCorpus(b), qa.Options{Languages: reg, Detector: lang.NewDetector(reg)})
	for _, code := range []string{"en", "fr"} {
		q := firstAnswered(b, warm, benchQuestions(b, code))
		b.Run(code, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime(b)
			for b.Loop() {
				reg, err := lang.Load(lang.Data)
				if err != nil {
					b.Fatal(err)
				}
				d, err := lang.DefaultDetector()
				if err != nil {
					b.Fatal(err)
				}
				e, err := qa.Load(seeds.FS, qa.Options{Languages: reg, Detector: d})
				if err != nil {
					b.Fatal(err)
				}
				a, err := e.Ask(context.Background(), qa.Question{Text: q})
				if err != nil {
					b.Fatal(err)
				}
				if !a.Answered {
					b.Fatalf("Ask(%q) not answered (reason %q)", q, a.Reason)
				}
			}
			reportCPU(b, cpu, "cpu-ns/op")
		})
	}
}

// firstAnswered returns the first of qs that e answers, so a start-up
// figure is the time to a real answer, not to an abstention.
func firstAnswered(tb testing.TB, e *qa.Engine, qs []string) string {
	tb.Helper()
	for _, q := range qs {
		a, err := e.Ask(context.Background(), qa.Question{Text: q})
		if err != nil {
			tb.Fatal(err)
		}
		if a.Answered {
			return q
		}
	}
	tb.Fatalf("the engine answers none of %q", qs)
	return ""
}

// allLanguages are the languages of the project's question sets.
var allLanguages = []string{"en", "fr", "es", "ru", "sv", "nb", "hu", "de", "it", "pt"}

// BenchmarkMemory reports the live heap after building the engine with
// every language loaded and the detector on, and asking one question in
// each language (so every lazily built translation table exists). heap-MB
// is HeapInuse after a GC with the engine still reachable; base-MB is the
// same figure before anything was loaded (the test binary's own share);
// sys-MB is all the memory the Go runtime got from the OS, an upper bound
// on what the engine adds to the process's resident size. Embedded data
// files live in the binary's read-only data, not in the heap.
func BenchmarkMemory(b *testing.B) {
	var qs []string
	for _, code := range allLanguages {
		qs = append(qs, benchQuestions(b, code)[0])
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	b.ReportAllocs()
	var heap, sys uint64
	for b.Loop() {
		reg := mustRegistry(b)
		d, err := lang.DefaultDetector()
		if err != nil {
			b.Fatal(err)
		}
		e := mustNew(b, seedCorpus(b), qa.Options{Languages: reg, Detector: d})
		for _, q := range qs {
			if _, err := e.Ask(context.Background(), qa.Question{Text: q}); err != nil {
				b.Fatal(err)
			}
		}
		runtime.GC()
		runtime.ReadMemStats(&ms)
		heap, sys = max(heap, ms.HeapInuse), max(sys, ms.Sys)
		runtime.KeepAlive(e)
	}
	const mb = 1 << 20
	b.ReportMetric(float64(heap)/mb, "heap-MB")
	b.ReportMetric(float64(base)/mb, "base-MB")
	b.ReportMetric(float64(sys)/mb, "sys-MB")
}
