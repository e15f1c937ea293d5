//go:build unix

package qa_test

import (
	"context"
	"flag"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/qabot/qabot/internal/bleveindex"
	"github.com/qabot/qabot/internal/gencorpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

var scaleSizes = flag.String("scale.sizes", "1,100,1000", "comma-separated corpus sizes (articles) of BenchmarkScale; 10000 adds about 240,000 sentences")

// scaleQuestions is how many generated questions BenchmarkScale asks in
// turn at each size: two about each of the first 100 articles, and at 1
// article the two about it.
const scaleQuestions = 200

// scaleSeed draws BenchmarkScale's corpora (gencorpus.First): the first
// seed whose first article is English, so that the 1-article corpus is an
// English article asked two English questions, as most are; 71 of its
// first 100 articles are English, the rest French, German and Spanish.
const scaleSeed = 6

// A scaled is one generated corpus with the engine and the Bleve index
// over it, built once per size for every sub-benchmark.
type scaled struct {
	engine    *qa.Engine
	bleve     *bleveindex.Index
	questions []gencorpus.Question
	sentences int
	// Costs of building the engine: wall and CPU time (on a machine of
	// several cores the articles are parsed and indexed concurrently, so
	// start-up is the wall time), and heap in use after a GC beyond what
	// it was before.
	buildWall, buildCPU time.Duration
	heapBytes           uint64
}

var scaledCorpora sync.Map // size -> *scaled

func scaleCorpus(b *testing.B, n int) *scaled {
	if s, ok := scaledCorpora.Load(n); ok {
		return s.(*scaled)
	}
	g := gencorpus.First(n, scaleSeed, 2)
	fsys := g.FS()
	reg := mustRegistry(b)
	d, err := lang.DefaultDetector()
	if err != nil {
		b.Fatal(err)
	}
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	before := ms.HeapInuse
	cpu, start := cpuTime(b), time.Now()
	e := mustLoad(b, fsys, qa.Options{Languages: reg, Detector: d})
	s := &scaled{engine: e, buildWall: time.Since(start), buildCPU: cpuTime(b) - cpu, sentences: e.Corpus().Sentences()}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	s.heapBytes = ms.HeapInuse - min(before, ms.HeapInuse)
	if s.bleve, err = bleveindex.New(e.Corpus()); err != nil {
		b.Fatal(err)
	}
	// The same questions at every size from 100 articles on: those about
	// the first articles, which every larger corpus holds too (First).
	for _, q := range g.Questions {
		if len(s.questions) < scaleQuestions {
			s.questions = append(s.questions, q)
		}
	}
	scaledCorpora.Store(n, s)
	return s
}

// BenchmarkScale answers the same generated questions over generated
// corpora of 1, 100 and 1,000 articles (-scale.sizes), with qabot and with
// a Bleve BM25 index of the same sentences, in the same run: per-question
// time and CPU, and how often the top sentence is the one the question was
// written from (top1-%). The qabot line also reports the engine's build
// (build-ms wall, build-cpu-ms CPU) and its heap per sentence
// (B/sentence).
//
// It asks the same 200 questions in turn, so the engine's memos of
// question words (the renderings and term groups of words read in another
// language, the stems of question words, the sentences the span features
// read) hold every word after the first round: the qabot line is a warm
// figure, which real traffic, whose questions vary, sees less. The
// qabot-cold line asks the same questions with those memos emptied
// before each (ForgetQuestionCaches), as if every question were new.
//
//	go test ./qa -run '^$' -bench 'Scale' -scale.sizes 1,100,1000,10000
func BenchmarkScale(b *testing.B) {
	for _, f := range strings.Split(*scaleSizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("-scale.sizes: %q is not a size", f)
		}
		b.Run(fmt.Sprintf("articles=%d/qabot", n), func(b *testing.B) {
			s := scaleCorpus(b, n)
			benchScale(b, s, qabotTop(b, s, false))
			b.ReportMetric(float64(s.buildCPU.Milliseconds()), "build-cpu-ms")
			b.ReportMetric(float64(s.buildWall.Milliseconds()), "build-ms")
			b.ReportMetric(float64(s.heapBytes)/float64(s.sentences), "B/sentence")
		})
		b.Run(fmt.Sprintf("articles=%d/qabot-cold", n), func(b *testing.B) {
			s := scaleCorpus(b, n)
			benchScale(b, s, qabotTop(b, s, true))
		})
		b.Run(fmt.Sprintf("articles=%d/bleve", n), func(b *testing.B) {
			s := scaleCorpus(b, n)
			benchScale(b, s, func(q gencorpus.Question) string {
				t, _, err := s.bleve.Top(q.Text)
				if err != nil {
					b.Fatal(err)
				}
				return t
			})
		})
	}
}

// qabotTop returns a function that asks s's engine a question and returns
// its top sentence: the quote, or the first suggestion when it declines.
// When cold, it empties the engine's memos of question words first.
func qabotTop(b *testing.B, s *scaled, cold bool) func(gencorpus.Question) string {
	ctx := context.Background()
	return func(q gencorpus.Question) string {
		if cold {
			qa.ForgetQuestionCaches(s.engine)
		}
		a, err := s.engine.Ask(ctx, qa.Question{Text: q.Text})
		if err != nil {
			b.Fatal(err)
		}
		if a.Answered {
			return a.Quote.Text
		}
		if len(a.Suggestions) > 0 {
			return a.Suggestions[0].Text
		}
		return ""
	}
}

// benchScale asks the questions in turn, one an iteration, after asking
// each once to count how often top finds its sentence.
func benchScale(b *testing.B, s *scaled, top func(gencorpus.Question) string) {
	right := 0
	for _, q := range s.questions {
		if top(q) == q.Gold {
			right++
		}
	}
	b.ReportAllocs()
	cpu := cpuTime(b)
	i := 0
	for b.Loop() {
		top(s.questions[i%len(s.questions)])
		i++
	}
	reportCPU(b, cpu, "cpu-ns/question")
	b.ReportMetric(100*float64(right)/float64(len(s.questions)), "top1-%")
	b.ReportMetric(float64(s.sentences), "sentences")
}
