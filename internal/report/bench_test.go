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
