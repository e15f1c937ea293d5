package dictd

import (
	"flag"
	"os"
	"testing"
)

// dictDir points the FreeDict benchmarks at installed dictionaries:
//
//	go test ./lang/dictd -run XXX -bench FreeDict -dictdir /usr/share/dictd
var dictDir = flag.String("dictdir", "", "directory of FreeDict dictionaries for BenchmarkGlossaryFreeDict")

func BenchmarkGlossary(b *testing.B) {
	fsys := os.DirFS("testdata")
	info := Info{Name: "freedict-deu-eng", From: "de", To: "en"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Glossary(fsys, info, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	d, err := Open(os.DirFS("testdata"), "freedict-deu-eng")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := d.Lookup("Regierung"); !ok {
			b.Fatal("no Regierung")
		}
	}
}

// BenchmarkGlossaryFreeDict loads every dictionary of -dictdir with the
// default bound, as the engine would at start.
func BenchmarkGlossaryFreeDict(b *testing.B) {
	if *dictDir == "" {
		b.Skip("no -dictdir")
	}
	fsys := os.DirFS(*dictDir)
	infos := Discover(fsys)
	if len(infos) == 0 {
		b.Fatalf("no dictionaries into English in %s", *dictDir)
	}
	for _, info := range infos {
		b.Run(info.Name, func(b *testing.B) {
			b.ReportAllocs()
			var keys int
			for b.Loop() {
				g, err := Glossary(fsys, info, 0)
				if err != nil {
					b.Fatal(err)
				}
				keys = len(g)
			}
			b.ReportMetric(float64(keys), "keys")
		})
	}
}
