//go:build unix

package qa_test

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/internal/gencorpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// BenchmarkBuild builds engines over the generated corpora of
// BenchmarkScale (-scale.sizes), in its three steps as well as whole:
// "load" is what BenchmarkScale's build-cpu-ms times (qa.Load: the
// resources, parsing the articles and indexing them), "parse" reads the
// articles into a corpus (corpus.Load with the resources' parser) and
// "index" builds the engine over the parsed corpus (Resources.Engine).
//
//	go test ./qa -run '^$' -bench 'Build/articles=1000' -scale.sizes 1000 -count 6
func BenchmarkBuild(b *testing.B) {
	reg := mustRegistry(b)
	d, err := lang.DefaultDetector()
	if err != nil {
		b.Fatal(err)
	}
	opts := qa.Options{Languages: reg, Detector: d}
	for _, f := range strings.Split(*scaleSizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("-scale.sizes: %q is not a size", f)
		}
		fsys := gencorpus.Generate(n, 1, 2).FS()
		b.Run(fmt.Sprintf("articles=%d/load", n), func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime(b)
			for b.Loop() {
				mustLoad(b, fsys, opts)
			}
			reportCPU(b, cpu, "cpu-ns/op")
		})
		r, err := qa.NewResources(opts)
		if err != nil {
			b.Fatal(err)
		}
		p, err := r.Parser()
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("articles=%d/parse", n), func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime(b)
			for b.Loop() {
				if _, err := corpus.Load(fsys, p); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu, "cpu-ns/op")
		})
		c, err := corpus.Load(fsys, p)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("articles=%d/index", n), func(b *testing.B) {
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
}
