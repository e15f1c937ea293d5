//go:build unix

package main

import (
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// perfTables prints, from `go test -bench` output on r, how qabot scales
// against Bleve (BenchmarkScale in qa, warm and cold), and what a process costs to start
// and to serve a burst (BenchmarkProcess, qa's BenchmarkStartToFirstAnswer
// and BenchmarkMemory, lang's BenchmarkDefaultDetector, bot's
// BenchmarkHTTPAskBurst): medians of every run. Benchmarks missing from the
// input are left out; no benchmark at all is an error.
func perfTables(r io.Reader, w io.Writer) error {
	bs, err := parseBench(r)
	if err != nil {
		return err
	}
	byName := map[string]*benchResult{}
	for _, b := range bs {
		byName[b.name] = b
	}
	m := func(name, unit string) (float64, bool) {
		b := byName[name]
		if b == nil || len(b.metrics[unit]) == 0 {
			return 0, false
		}
		return median(b.metrics[unit]), true
	}
	printed := false

	// Scale: one row per corpus size, in the order of the input.
	sizeRe := regexp.MustCompile(`^qa BenchmarkScale/articles=(\d+)/qabot$`)
	var sizes []string
	for _, b := range bs {
		if s := sizeRe.FindStringSubmatch(b.name); s != nil {
			sizes = append(sizes, s[1])
		}
	}
	if len(sizes) > 0 {
		printed = true
		// qabot's cell is warm / cold when the input has the cold line:
		// the same questions asked over and over find their words in the
		// engine's memos (warm), as new questions do not (cold).
		fmt.Fprintln(w, "| articles | sentences | qabot, CPU per question, warm / cold | Bleve BM25, CPU per question | qabot ÷ Bleve, warm / cold | top sentence right, qabot / Bleve | engine heap per sentence | engine build, wall / CPU |")
		fmt.Fprintln(w, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
		for _, n := range sizes {
			q, b := "qa BenchmarkScale/articles="+n+"/qabot", "qa BenchmarkScale/articles="+n+"/bleve"
			qc, _ := m(q, "cpu-ns/question")
			bc, okb := m(b, "cpu-ns/question")
			sent, _ := m(q, "sentences")
			qt, _ := m(q, "top1-%")
			bt, _ := m(b, "top1-%")
			heap, _ := m(q, "B/sentence")
			build, _ := m(q, "build-cpu-ms")
			buildCell := formatMetric(build*1e6, "ns")
			if wall, ok := m(q, "build-ms"); ok {
				buildCell = formatMetric(wall*1e6, "ns") + " / " + buildCell
			}
			qCell, ratio := formatMetric(qc, "ns"), "–"
			if okb && bc > 0 {
				ratio = fmt.Sprintf("%.1f×", qc/bc)
			}
			if cold, ok := m(q+"-cold", "cpu-ns/question"); ok {
				qCell += " / " + formatMetric(cold, "ns")
				if okb && bc > 0 {
					ratio += fmt.Sprintf(" / %.1f×", cold/bc)
				}
			}
			nInt, _ := strconv.Atoi(n)
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %.0f%% / %.0f%% | %s | %s |\n",
				thousands(nInt), thousands(int(sent)), qCell, formatMetric(bc, "ns"), ratio, qt, bt,
				formatMetric(heap, "B"), buildCell)
		}
	}

	// Start-up, memory and load.
	var rows [][2]string
	if v, ok := m("qabot BenchmarkProcess", "start-ms"); ok {
		cpu, _ := m("qabot BenchmarkProcess", "cpu-ms")
		rss, _ := m("qabot BenchmarkProcess", "RSS-MB")
		rows = append(rows, [2]string{"`qabot ask --json QUESTION`, exec to exit (`BenchmarkProcess`)",
			fmt.Sprintf("%s wall, %s CPU, %.1f MB peak resident", formatMetric(v*1e6, "ns"), formatMetric(cpu*1e6, "ns"), rss)})
	}
	if v, ok := m("qa BenchmarkStartToFirstAnswer/en", "cpu-ns/op"); ok {
		rows = append(rows, [2]string{"language data, engine over the seed article and a first answer, in process (`BenchmarkStartToFirstAnswer/en` in `qa`)",
			formatMetric(v, "ns") + " CPU"})
	}
	if v, ok := m("lang BenchmarkDefaultDetector", "ns/op"); ok {
		rows = append(rows, [2]string{"opening the language detector trained at build time (`BenchmarkDefaultDetector` in `lang`)", formatMetric(v, "ns")})
	}
	if v, ok := m("qa BenchmarkMemory", "heap-MB"); ok {
		rows = append(rows, [2]string{"heap with all ten languages loaded and a question asked in each (`BenchmarkMemory` in `qa`)", fmt.Sprintf("%.1f MB", v)})
	}
	const burst = "bot BenchmarkHTTPAskBurst"
	if p50, ok := m(burst, "ack-p50-ms"); ok {
		p99, _ := m(burst, "ack-p99-ms")
		late, _ := m(burst, "late-acks")
		busy, _ := m(burst, "busy-%")
		cpu, _ := m(burst, "cpu-µs/req")
		rss, _ := m(burst, "peak-RSS-MB")
		rows = append(rows, [2]string{"a burst of signed `/ask` to `serve-http` (`BenchmarkHTTPAskBurst` in `bot`)",
			fmt.Sprintf("acknowledged in %.0f ms (median), %.0f ms (p99), %.0f late; %.0f%% told busy; %.0f µs CPU a request; %.0f MB peak resident", p50, p99, late, busy, cpu, rss)})
	}
	if len(rows) > 0 {
		if printed {
			fmt.Fprintln(w)
		}
		printed = true
		fmt.Fprintln(w, "| what | median |")
		fmt.Fprintln(w, "| --- | --- |")
		for _, r := range rows {
			fmt.Fprintf(w, "| %s | %s |\n", r[0], r[1])
		}
	}
	if !printed {
		return fmt.Errorf("none of the performance benchmarks on stdin")
	}
	return nil
}

// thousands writes n with commas: 24,356.
func thousands(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
