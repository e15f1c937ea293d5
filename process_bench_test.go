//go:build unix

package main_test

import (
	"flag"
	"os/exec"
	"slices"
	"syscall"
	"testing"
	"time"
)

var processCorpus = flag.String("process.corpus", "", "folder of articles for BenchmarkProcess (default: the embedded one)")

// BenchmarkProcess runs the built binary as a user would, one process an
// iteration: `qabot ask --json QUESTION`, from exec to exit. It reports
// the median wall time to the printed answer (start-ms: exec, start-up,
// one answer, exit), the CPU the process used, and the median and largest
// peak resident memory (RSS-MB). -process.corpus serves a folder instead
// of the embedded article, for instance one written by
// internal/gencorpus/write.
//
//	go test -run '^$' -bench Process -benchtime 20x .
func BenchmarkProcess(b *testing.B) {
	bin := mustBuild(b)
	args := []string{"ask", "--json", "when did albania join nato?"}
	if *processCorpus != "" {
		args = []string{"ask", "--json", "--corpus", *processCorpus, "How many people live in the town?"}
	}
	var walls, cpus, rss []float64
	for b.Loop() {
		cmd := exec.Command(bin, args...)
		start := time.Now()
		if out, err := cmd.Output(); err != nil {
			b.Fatalf("qabot %q: %v\n%s", args, err, out)
		}
		walls = append(walls, float64(time.Since(start).Microseconds())/1000)
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		cpus = append(cpus, float64(time.Duration(ru.Utime.Nano()+ru.Stime.Nano()).Microseconds())/1000)
		rss = append(rss, float64(ru.Maxrss)/1024) // Linux reports KB
	}
	med := func(v []float64) float64 {
		slices.Sort(v)
		return v[len(v)/2]
	}
	b.ReportMetric(med(walls), "start-ms")
	b.ReportMetric(med(cpus), "cpu-ms")
	b.ReportMetric(med(rss), "RSS-MB")
	b.ReportMetric(slices.Max(rss), "max-RSS-MB")
}
