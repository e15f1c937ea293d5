// Command genplaces writes lang/data/<code>/places.tsv for every supported
// language: country, territory and language names from CLDR (through
// golang.org/x/text/language/display) paired with their English names, then
// the hand-written lines of extra/<code>.tsv (capitals, cities, demonyms and
// names CLDR lacks or spells in an outdated way).
//
// Run it from the lang directory with `go generate`, or directly:
//
//	go run ./internal/genplaces -data data -extra internal/genplaces/extra
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
)

func main() {
	dataDir := flag.String("data", "data", "directory holding one sub-directory per language code")
	extraDir := flag.String("extra", "internal/genplaces/extra", "directory holding <code>.tsv hand-written lines and english-names.tsv")
	flag.Parse()

	files, err := Generate(os.DirFS(*extraDir))
	if err != nil {
		log.Fatalf("genplaces: %v", err)
	}
	for _, code := range sortedKeys(files) {
		dir := filepath.Join(*dataDir, code)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			log.Fatalf("genplaces: %v", err)
		}
		path := filepath.Join(dir, "places.tsv")
		if err := os.WriteFile(path, files[code], 0o644); err != nil {
			log.Fatalf("genplaces: write %s: %v", path, err)
		}
		fmt.Fprintf(os.Stderr, "genplaces: wrote %s (%d bytes)\n", path, len(files[code]))
	}
}

// compile-time check that os.DirFS satisfies what Generate reads.
var _ fs.FS = os.DirFS(".")
