// Command write writes a generated corpus (package gencorpus) to a folder,
// for measuring the qabot binary over it:
//
//	go run ./internal/gencorpus/write -n 1000 -out /tmp/corpus1000
//	/usr/bin/time -v bin/qabot ask --corpus /tmp/corpus1000 "How many people live in Kelomby?"
//
// The questions go to questions.jsonl beside the folder's articles (not a
// .txt, so not read as an article), one JSON object per line.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/qabot/qabot/internal/gencorpus"
)

func main() {
	n := flag.Int("n", 1000, "articles")
	seed := flag.Uint64("seed", 1, "seed")
	out := flag.String("out", "", "folder to write (created)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "usage: write -n N -out DIR")
		os.Exit(2)
	}
	if err := write(*out, gencorpus.Generate(*n, *seed, 2)); err != nil {
		fmt.Fprintln(os.Stderr, "write:", err)
		os.Exit(1)
	}
}

func write(dir string, c *gencorpus.Corpus) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, a := range c.Articles {
		if err := os.WriteFile(filepath.Join(dir, a.Name), []byte(a.Text), 0o644); err != nil {
			return err
		}
	}
	f, err := os.Create(filepath.Join(dir, "questions.jsonl"))
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, q := range c.Questions {
		if err := enc.Encode(q); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}
