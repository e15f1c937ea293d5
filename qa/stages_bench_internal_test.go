//go:build unix

package qa

import (
	"context"
	"flag"
	"fmt"
	"syscall"
	"testing"
	"time"

	"github.com/qabot/qabot/internal/gencorpus"
	"github.com/qabot/qabot/lang"
)

var stagesArticles = flag.Int("stages.articles", 1000, "corpus size (articles) of BenchmarkStages")

// BenchmarkStages times the steps of Ask apart over BenchmarkScale's
// generated corpus of 1,000 articles (-stages.articles), on its first 200
// questions (or as many as it has): reading a question (parse), the first
// stage keeping the ranker's candidates (first), and both stages (rank:
// the first, then the ranker's features and scores of its candidates). Ask's time is parse and rank's, plus the
// language detection and the answer's extraction.
//
//	go test ./qa -run '^$' -bench 'Stages' -count 6 -stages.articles 100
func BenchmarkStages(b *testing.B) {
	const questions = 200
	articles := *stagesArticles
	g := gencorpus.Generate(articles, 1, 2)
	e, err := Load(g.FS(), detectingOptions(b))
	if err != nil {
		b.Fatal(err)
	}
	type asked struct {
		text string
		l    *lang.Language
		q    *query
	}
	var qs []asked
	for _, q := range g.Questions[:min(questions, len(g.Questions))] {
		l := e.questionLanguage(q.Text, Question{})
		qs = append(qs, asked{text: q.Text, l: l, q: e.parse(q.Text, l)})
	}
	k := askDepth
	if r := e.ranker; r != nil {
		k = max(k, r.Candidates+1)
	}
	ctx := context.Background()
	b.Run(fmt.Sprintf("articles=%d/parse", articles), func(b *testing.B) {
		b.ReportAllocs()
		defer reportStageCPU(b, stageCPU(b))
		i := 0
		for b.Loop() {
			q := qs[i%len(qs)]
			e.parse(q.text, q.l)
			i++
		}
	})
	b.Run(fmt.Sprintf("articles=%d/first", articles), func(b *testing.B) {
		b.ReportAllocs()
		defer reportStageCPU(b, stageCPU(b))
		i := 0
		for b.Loop() {
			_, _, buf := e.candidates(ctx, qs[i%len(qs)].q, k)
			e.idx.cand.put(buf)
			i++
		}
	})
	b.Run(fmt.Sprintf("articles=%d/rank", articles), func(b *testing.B) {
		b.ReportAllocs()
		defer reportStageCPU(b, stageCPU(b))
		i := 0
		for b.Loop() {
			e.rankTop(ctx, qs[i%len(qs)].q, askDepth)
			i++
		}
	})
}

// stageCPU returns the CPU time the process has used: on a shared machine
// a steadier measure than the wall clock.
func stageCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportStageCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64((stageCPU(b)-start).Nanoseconds())/float64(b.N), "cpu-ns/question")
}
