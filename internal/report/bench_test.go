//go:build unix

package main

import (
	"strings"
	"testing"
)

func TestBenchTable(t *testing.T) {
	in := `goos: linux
pkg: github.com/qabot/qabot/qa
BenchmarkAsk-2        	   20000	     61234 ns/op	     58123 cpu-ns/question	   12288 B/op	     150 allocs/op
BenchmarkAsk-2        	   20000	     59000 ns/op	     57000 cpu-ns/question	   12288 B/op	     150 allocs/op
BenchmarkAsk-2        	   20000	     70000 ns/op	     60000 cpu-ns/question	   12288 B/op	     151 allocs/op
BenchmarkMemory-2     	       1	 2000000000 ns/op	        55.2 heap-MB
PASS
pkg: github.com/qabot/qabot/bot
BenchmarkHTTPInteractions-2   3000   400000 ns/op   2500 req/s
ok  	github.com/qabot/qabot/bot	3.1s
`
	var b strings.Builder
	if err := benchTable(strings.NewReader(in), &b); err != nil {
		t.Fatal(err)
	}
	want := "| benchmark | runs | medians |\n| --- | ---: | --- |\n" +
		"| `BenchmarkAsk` in `qa` | 3 | 61.2 µs/op, 58.1 cpu-µs/question, 12.0 KB/op, 150 allocs/op |\n" +
		"| `BenchmarkMemory` in `qa` | 1 | 2.00 s/op, 55.2 heap-MB |\n" +
		"| `BenchmarkHTTPInteractions` in `bot` | 1 | 400.0 µs/op, 2500 req/s |\n"
	if got := b.String(); got != want {
		t.Errorf("benchTable() =\n%s\nwant\n%s", got, want)
	}
	if err := benchTable(strings.NewReader("PASS\n"), &b); err == nil {
		t.Error("benchTable(no results) = nil error; want one")
	}
}

func TestPerfTables(t *testing.T) {
	in := `pkg: github.com/qabot/qabot/qa
BenchmarkScale/articles=100/qabot-2   	 200	 8315947 ns/op	 10766 B/sentence	 432.0 build-cpu-ms	 250.0 build-ms	 2000000 cpu-ns/question	 2428 sentences	 93.50 top1-%
BenchmarkScale/articles=100/qabot-cold-2   	 200	 8315947 ns/op	 5000000 cpu-ns/question	 2428 sentences	 93.50 top1-%
BenchmarkScale/articles=100/bleve-2   	 200	 252300 ns/op	 100000 cpu-ns/question	 2428 sentences	 89.50 top1-%
BenchmarkScale/articles=100/qabot-cold-2   	 200	 8315947 ns/op	 7000000 cpu-ns/question	 2428 sentences	 93.50 top1-%
BenchmarkScale/articles=100/qabot-2   	 200	 8315947 ns/op	 10766 B/sentence	 432.0 build-cpu-ms	 260.0 build-ms	 2200000 cpu-ns/question	 2428 sentences	 93.50 top1-%
BenchmarkScale/articles=100/bleve-2   	 200	 252300 ns/op	 100000 cpu-ns/question	 2428 sentences	 89.50 top1-%
BenchmarkScale/articles=1000/qabot-2   	 200	 8315947 ns/op	 10766 B/sentence	 1500 build-cpu-ms	 20000000 cpu-ns/question	 24280 sentences	 93.50 top1-%
BenchmarkScale/articles=1000/bleve-2   	 200	 252300 ns/op	 1000000 cpu-ns/question	 24280 sentences	 89.50 top1-%
pkg: github.com/qabot/qabot
BenchmarkProcess-2   	 10	 400069561 ns/op	 29.53 RSS-MB	 107.0 cpu-ms	 29.90 max-RSS-MB	 395.5 start-ms
`
	var out strings.Builder
	if err := perfTables(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| 100 | 2,428 | 2.1 ms / 6.0 ms | 100.0 µs | 21.0× / 60.0× | 94% / 90% | 10.5 KB | 255.0 ms / 432.0 ms |",
		// Figures from before the build's wall time (and the cold line)
		// were reported: CPU alone, warm alone.
		"| 1,000 | 24,280 | 20.0 ms | 1.0 ms | 20.0× | 94% / 90% | 10.5 KB | 1.50 s |",
		"| `qabot ask --json QUESTION`, exec to exit (`BenchmarkProcess`) | 395.5 ms wall, 107.0 ms CPU, 29.5 MB peak resident |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("perfTables output lacks %q:\n%s", want, out.String())
		}
	}
	if err := perfTables(strings.NewReader("pkg: x\nBenchmarkOther-2 1 5 ns/op\n"), &out); err == nil {
		t.Error("perfTables without a performance benchmark = nil error")
	}
}
