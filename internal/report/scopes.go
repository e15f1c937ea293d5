//go:build unix

package main

import (
	"fmt"
	"io"

	"github.com/qabot/qabot/library"
)

// scopesTable prints, from the output of library's BenchmarkScopes on r,
// what one process serving many small scopes costs: medians of every run.
func scopesTable(r io.Reader, w io.Writer) error {
	bs, err := parseBench(r)
	if err != nil {
		return err
	}
	var b *benchResult
	for _, x := range bs {
		if x.name == "library BenchmarkScopes" {
			b = x
		}
	}
	if b == nil {
		return fmt.Errorf("no library BenchmarkScopes on stdin")
	}
	m := func(unit string) float64 {
		if len(b.metrics[unit]) == 0 {
			err = fmt.Errorf("BenchmarkScopes reports no %s", unit)
			return 0
		}
		return median(b.metrics[unit])
	}
	scopes, asked := m("scopes"), m("asked-scopes")
	shared := m("shared-MB")
	live, perSentence, sentences := m("live-B/scope"), m("live-B/sentence"), m("sentences/scope")
	idle, store, first := m("idle-B/scope"), m("store-B/scope"), m("first-question-cpu-ms")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "| %s scopes of 5 to 20 generated articles in one process, a question in %s of them after as many others (`BenchmarkScopes` in `library`, %d runs) | median |\n",
		thousands(int(scopes)), thousands(int(asked)), b.runs)
	fmt.Fprintln(w, "| --- | --- |")
	fmt.Fprintf(w, "| the language data every engine shares, once | %.1f MB |\n", shared)
	fmt.Fprintf(w, "| a scope with its engine built, until `IdleAfter` or `MaxEngines` drops it | %s (%s a sentence, %.0f sentences) |\n",
		formatMetric(live, "B"), formatMetric(perSentence, "B"), sentences)
	fmt.Fprintf(w, "| at most `MaxEngines` (%s by default) such engines at once | %s |\n",
		thousands(library.DefaultMaxEngines), gigabytes(live*library.DefaultMaxEngines))
	fmt.Fprintf(w, "| a scope whose engine was dropped | %s |\n", formatMetric(max(idle, 0), "B"))
	fmt.Fprintf(w, "| CPU of a scope's first question: its engine built from the store's articles, and the answer | %.1f ms |\n", first)
	fmt.Fprintf(w, "| the test's in-memory store, per scope (SQLite and PostgreSQL keep it on disk) | %s |\n", formatMetric(store, "B"))
	return nil
}

// gigabytes writes a heap size of a GB or more in GB.
func gigabytes(v float64) string {
	if v >= 1<<30 {
		return fmt.Sprintf("%.1f GB", v/(1<<30))
	}
	return formatMetric(v, "B")
}
