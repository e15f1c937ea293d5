//go:build unix

package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// A benchResult is every run of one benchmark: metric unit -> values.
type benchResult struct {
	name    string // package-qualified: "qa BenchmarkAsk/en"
	runs    int
	metrics map[string][]float64
	units   []string // in the order the output gives them
}

// parseBench reads `go test -bench` output: "pkg: ..." lines name the
// package, "BenchmarkX-2  N  v unit  v unit ..." lines are runs.
func parseBench(r io.Reader) ([]*benchResult, error) {
	var (
		out   []*benchResult
		byKey = map[string]*benchResult{}
		pkg   string
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = p[strings.LastIndex(p, "/")+1:]
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		name := f[0]
		if i := strings.LastIndex(name, "-"); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i] // the GOMAXPROCS suffix
			}
		}
		key := pkg + " " + name
		b := byKey[key]
		if b == nil {
			b = &benchResult{name: key, metrics: map[string][]float64{}}
			byKey[key] = b
			out = append(out, b)
		}
		b.runs++
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("%q: %w", line, err)
			}
			unit := f[i+1]
			if _, ok := b.metrics[unit]; !ok {
				b.units = append(b.units, unit)
			}
			b.metrics[unit] = append(b.metrics[unit], v)
		}
	}
	return out, sc.Err()
}

func median(vs []float64) float64 {
	s := slices.Clone(vs)
	slices.Sort(s)
	if n := len(s); n%2 == 1 {
		return s[n/2]
	} else {
		return (s[n/2-1] + s[n/2]) / 2
	}
}

// formatMetric writes a median for people: times in µs or ms, bytes in
// KB or MB, the rest as the benchmark names it.
func formatMetric(v float64, unit string) string {
	per := ""
	base := unit
	if i := strings.Index(unit, "/"); i >= 0 {
		base, per = unit[:i], unit[i:]
	}
	switch {
	case base == "ns" || strings.HasSuffix(base, "-ns"):
		label := strings.TrimSuffix(base, "ns")
		switch {
		case v >= 1e9:
			return fmt.Sprintf("%.2f %ss%s", v/1e9, label, per)
		case v >= 1e6:
			return fmt.Sprintf("%.1f %sms%s", v/1e6, label, per)
		case v >= 1e3:
			return fmt.Sprintf("%.1f %sµs%s", v/1e3, label, per)
		}
		return fmt.Sprintf("%.0f %sns%s", v, label, per)
	case base == "B":
		switch {
		case v >= 1<<20:
			return fmt.Sprintf("%.1f MB%s", v/(1<<20), per)
		case v >= 1<<10:
			return fmt.Sprintf("%.1f KB%s", v/(1<<10), per)
		}
		return fmt.Sprintf("%.0f B%s", v, per)
	}
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return fmt.Sprintf("%.0f %s", v, unit)
	}
	return fmt.Sprintf("%.3g %s", v, unit)
}

// benchTable prints the median of every metric of every benchmark read
// from r, one row per benchmark.
func benchTable(r io.Reader, w io.Writer) error {
	bs, err := parseBench(r)
	if err != nil {
		return err
	}
	if len(bs) == 0 {
		return fmt.Errorf("no benchmark results on stdin")
	}
	fmt.Fprintln(w, "| benchmark | runs | medians |")
	fmt.Fprintln(w, "| --- | ---: | --- |")
	for _, b := range bs {
		var ms []string
		for _, u := range b.units {
			ms = append(ms, formatMetric(median(b.metrics[u]), u))
		}
		pkg, name, _ := strings.Cut(b.name, " ")
		fmt.Fprintf(w, "| `%s` in `%s` | %d | %s |\n", name, pkg, b.runs, strings.Join(ms, ", "))
	}
	return nil
}
