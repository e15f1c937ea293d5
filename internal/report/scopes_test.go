//go:build unix

package main

import (
	"strings"
	"testing"
)

func TestScopesTable(t *testing.T) {
	in := `pkg: github.com/qabot/qabot/library
BenchmarkScopes-2   	       1	 90000000000 ns/op	 40.0 first-question-cpu-ms	 1.0 idle-B/scope	 1400000 live-B/scope	 4400 live-B/sentence	 300.0 sentences/scope	 30.0 shared-MB	 35000 store-B/scope	 10000 scopes	 500.0 asked-scopes
BenchmarkScopes-2   	       1	 90000000000 ns/op	 30.0 first-question-cpu-ms	 -3.0 idle-B/scope	 1300000 live-B/scope	 4300 live-B/sentence	 300.0 sentences/scope	 30.0 shared-MB	 35000 store-B/scope	 10000 scopes	 500.0 asked-scopes
BenchmarkScopes-2   	       1	 90000000000 ns/op	 35.0 first-question-cpu-ms	 2.0 idle-B/scope	 1350000 live-B/scope	 4350 live-B/sentence	 300.0 sentences/scope	 31.0 shared-MB	 35000 store-B/scope	 10000 scopes	 500.0 asked-scopes
`
	var out strings.Builder
	if err := scopesTable(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| 10,000 scopes of 5 to 20 generated articles in one process, a question in 500 of them after as many others (`BenchmarkScopes` in `library`, 3 runs) | median |",
		"| the language data every engine shares, once | 30.0 MB |",
		"| a scope with its engine built, until `IdleAfter` or `MaxEngines` drops it | 1.3 MB (4.2 KB a sentence, 300 sentences) |",
		"| at most `MaxEngines` (1,000 by default) such engines at once | 1.3 GB |",
		"| a scope whose engine was dropped | 1 B |",
		"| CPU of a scope's first question: its engine built from the store's articles, and the answer | 35.0 ms |",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("scopesTable output lacks %q:\n%s", want, out.String())
		}
	}
	if err := scopesTable(strings.NewReader("pkg: x\nBenchmarkOther-2 1 5 ns/op\n"), &out); err == nil {
		t.Error("scopesTable without BenchmarkScopes = nil error")
	}
	if err := scopesTable(strings.NewReader("pkg: github.com/qabot/qabot/library\nBenchmarkScopes-2 1 5 ns/op\n"), &out); err == nil {
		t.Error("scopesTable without BenchmarkScopes' metrics = nil error")
	}
}
