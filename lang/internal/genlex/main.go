// Command genlex writes the concept tables of every supported language,
// lang/data/<code>/concepts.bin (meaning in lang/concepts.go, format in
// lang/internal/conceptfile), from Princeton WordNet 3.0 and the Open
// Multilingual Wordnet's lists in its data folder.
//
// Run it from the lang directory with `go generate`, or directly:
//
//	go run ./internal/genlex -in internal/genlex/data -data data
//
// The inputs are copies of ../shared/lexical (see data/README.md there)
// plus three small extracts of the WordNet 3.0 database, which
//
//	go run ./internal/genlex -extract /usr/share/wordnet -in internal/genlex/data
//
// rewrites from an unpacked Debian wordnet-base package, and
//
//	go run ./internal/genlex -dump data/de/concepts.bin
//
// prints a table as text. The output
// depends only on the inputs and on the language data it stems with (stop
// words, stemmers), so the same inputs give the same bytes.
package main

import (
	"crypto/sha256"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/lang/internal/conceptfile"
)

func main() {
	in := flag.String("in", "internal/genlex/data", "folder of the input lists")
	dataDir := flag.String("data", "data", "the language data folder: data/<code>/ (read for stemming, written)")
	wn := flag.String("extract", "", "instead of generating, extract the WordNet `DIR` (index.*, data.*, *.exc, cntlist.rev) into -in")
	dump := flag.String("dump", "", "instead of generating, print the concept `FILE` as text")
	p := DefaultParams
	flag.IntVar(&p.MaxSenses, "max-senses", p.MaxSenses, "most concepts a word keeps (to measure a change of DefaultParams)")
	flag.Float64Var(&p.MinWeight, "min-weight", p.MinWeight, "least share of a word's meaning a concept keeps")
	flag.Func("collision-support", "weigh words whose stems collide by their support to this `POWER` in every language (0: alike)", func(v string) error {
		x, err := strconv.ParseFloat(v, 64)
		p.CollisionSupport = map[string]float64{}
		for _, lg := range languages {
			p.CollisionSupport[lg.code] = x
		}
		return err
	})
	flag.Parse()

	if *dump != "" {
		data, err := os.ReadFile(*dump)
		if err != nil {
			log.Fatalf("genlex: %v", err)
		}
		t, ok := conceptfile.Parse(data)
		if !ok {
			log.Fatalf("genlex: %s is not a concept table", *dump)
		}
		fmt.Print(conceptfile.Dump(t))
		return
	}

	if *wn != "" {
		if err := extract(*wn, *in); err != nil {
			log.Fatalf("genlex: %v", err)
		}
		return
	}
	reg, err := lang.Load(os.DirFS(filepath.Dir(filepath.Clean(*dataDir))))
	if err != nil {
		log.Fatalf("genlex: language data: %v", err)
	}
	files, err := Generate(os.DirFS(*in), reg, p)
	if err != nil {
		log.Fatalf("genlex: %v", err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		path := filepath.Join(*dataDir, name)
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			log.Fatalf("genlex: %v", err)
		}
		fmt.Fprintf(os.Stderr, "genlex: wrote %s (%d bytes)\n", path, len(files[name]))
	}
	if err := os.WriteFile(filepath.Join(*in, manifestFile), manifest(files), 0o644); err != nil {
		log.Fatalf("genlex: %v", err)
	}
}

// manifestFile lists the SHA-256 of every file genlex writes, so that a
// test can check all of them without regenerating them all.
const manifestFile = "output.sha256"

// manifest writes "sha256  path" lines, sorted, as sha256sum does.
func manifest(files map[string][]byte) []byte {
	var lines []string
	for name, data := range files {
		lines = append(lines, fmt.Sprintf("%x  %s\n", sha256.Sum256(data), name))
	}
	slices.Sort(lines)
	return []byte(strings.Join(lines, ""))
}
