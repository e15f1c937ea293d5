// Command genxquad writes the English questions about the Spanish,
// German and Russian articles of xquad-dev (issue 10: "English questions
// over the es, de, ru articles reported too"): en-over-<lang>.jsonl, made
// from xling-en.jsonl and mono-<lang>.jsonl by realdata.EnglishOver.
//
//	go run ./internal/genxquad            # rewrite them
//	go run ./internal/genxquad --check    # fail when they are stale
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/qabot/qabot/internal/realdata"
)

func main() {
	dir := flag.String("dir", "testdata/realdata/xquad-dev", "the xquad-dev folder")
	check := flag.Bool("check", false, "only check that the files are up to date")
	flag.Parse()
	if err := run(*dir, *check); err != nil {
		fmt.Fprintln(os.Stderr, "genxquad:", err)
		os.Exit(1)
	}
}

// Langs are the article languages of xquad-dev besides English.
var Langs = []string{"de", "es", "ru"}

func run(dir string, check bool) error {
	en, err := os.ReadFile(filepath.Join(dir, "xling-en.jsonl"))
	if err != nil {
		return err
	}
	for _, l := range Langs {
		mono, err := os.ReadFile(filepath.Join(dir, "mono-"+l+".jsonl"))
		if err != nil {
			return err
		}
		out, err := realdata.EnglishOver(en, mono)
		if err != nil {
			return fmt.Errorf("mono-%s: %w", l, err)
		}
		name := filepath.Join(dir, "en-over-"+l+".jsonl")
		if check {
			old, err := os.ReadFile(name)
			if err != nil || !bytes.Equal(old, out) {
				return fmt.Errorf("%s is stale: run go run ./internal/genxquad", name)
			}
			continue
		}
		if err := os.WriteFile(name, out, 0o644); err != nil {
			return err
		}
	}
	return nil
}
