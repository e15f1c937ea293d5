package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/lang/internal/conceptfile"
)

// TestCommittedOutput regenerates the concept tables from the committed
// inputs and compares them byte for byte with lang/data: a hand edit of
// the output, a changed input or parameter, or a change to the stop words
// or stemmers that the tables were stemmed with all fail here until
// `go generate ./lang/...` is run again. The whole output takes about 12
// CPU seconds; under the race detector that becomes minutes, so there the
// test only checks every committed file against the SHA-256 list genlex
// wrote with them, and `make test` runs this test once more without the
// race detector for the full comparison.
func TestCommittedOutput(t *testing.T) {
	reg, err := lang.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultParams
	files := map[string][]byte{}
	if raceEnabled {
		p.Only = []string{}
	} else {
		files, err = Generate(os.DirFS("data"), reg, p)
	}
	if err != nil {
		t.Fatal(err)
	}
	if want := len(languages) + 1; p.Only == nil && len(files) != want {
		t.Errorf("Generate wrote %d files, want %d", len(files), want)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("../../data", name))
		if err != nil {
			t.Errorf("%s: %v (run go generate ./lang/...)", name, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s differs from what genlex writes (%d bytes, want %d): run go generate ./lang/...", name, len(got), len(want))
		}
	}
	if p.Only == nil {
		if got, want := readFile(t, filepath.Join("data", manifestFile)), manifest(files); !bytes.Equal(got, want) {
			t.Errorf("data/%s is not the list of what genlex writes: run go generate ./lang/...", manifestFile)
		}
		return
	}
	// Every file of the list is the committed file.
	lines := strings.Split(strings.TrimSpace(string(readFile(t, filepath.Join("data", manifestFile)))), "\n")
	if len(lines) != len(languages)+1 {
		t.Errorf("data/%s lists %d files", manifestFile, len(lines))
	}
	for _, line := range lines {
		sum, name, ok := strings.Cut(line, "  ")
		if !ok {
			t.Fatalf("data/%s: bad line %q", manifestFile, line)
		}
		data := readFile(t, filepath.Join("../../data", name))
		if got := fmt.Sprintf("%x", sha256.Sum256(data)); got != sum {
			t.Errorf("data/%s has SHA-256 %s, genlex wrote %s: run go generate ./lang/...", name, got, sum)
		}
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestAlign checks the synset ids of the multilingual lists against the
// English ones: the English Wiktionary list names, for each synset, an
// English word, which must then be a word of that synset nearly always.
func TestAlign(t *testing.T) {
	in := os.DirFS("data")
	wn, err := readWordnet(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := wn.align(in); err != nil {
		t.Fatal(err)
	}
	var total, found, mapped int
	err = eachGzipLine(in, "wn-wikt-eng.tab.gz", func(_ int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 || strings.HasPrefix(line, "#") {
			return nil
		}
		total++
		c, ok := wn.omw[f[0]]
		if !ok {
			return nil
		}
		mapped++
		if slices.ContainsFunc(wn.lemmas[c], func(l string) bool { return strings.EqualFold(l, f[2]) }) {
			found++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Wiktionary adds words WordNet lacks (about one in eight), so the
	// share is not 100%; a wrong shift makes it collapse for the synsets
	// it moves.
	if share := float64(found) / float64(total); share < 0.85 || mapped < total*99/100 {
		t.Errorf("of %d English Wiktionary pairs, %d have a synset and %d name one of its words (%.1f%%)", total, mapped, found, 100*share)
	}
}

// TestExtractFormat reads the committed WordNet extracts as Generate does.
func TestExtractFormat(t *testing.T) {
	for _, name := range []string{"wn30-senses.tsv.gz", "wn30-links.tsv.gz", "wn30-exc.tsv.gz"} {
		f, err := os.Open(filepath.Join("data", name))
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(data, []byte("\n")); n < 5000 {
			t.Errorf("%s has %d lines", name, n)
		}
	}
}

// TestPrune keeps a concept in a language's keys only when another
// language has words for it, and in its words only when another
// language's keys name it.
func TestPrune(t *testing.T) {
	a, b := &lang.Language{Code: "a"}, &lang.Language{Code: "b"}
	tables := map[*lang.Language]*table{
		a: {
			senses: map[string][]conceptfile.Sense{"x": {{Concept: 1, Weight: 60}, {Concept: 2, Weight: 40}}, "only": {{Concept: 1, Weight: 100}}},
			words:  map[uint32][]conceptfile.Word{1: {{Stems: "x", Weight: 100}}, 2: {{Stems: "x", Weight: 50}}},
		},
		b: {
			senses: map[string][]conceptfile.Sense{"y": {{Concept: 2, Weight: 100}}},
			words:  map[uint32][]conceptfile.Word{2: {{Stems: "y", Weight: 100}}, 3: {{Stems: "y", Weight: 10}}},
		},
	}
	prune(tables)
	if got := tables[a].senses; len(got) != 1 || !slices.Equal(got["x"], []conceptfile.Sense{{Concept: 2, Weight: 40}}) {
		t.Errorf("a's keys after prune: %v", got)
	}
	if got := tables[a].words; len(got) != 1 || got[2] == nil {
		t.Errorf("a's words after prune: %v", got)
	}
	if got := tables[b].words; len(got) != 1 || got[2] == nil {
		t.Errorf("b's words after prune: %v", got)
	}
	if got := tables[b].senses; len(got) != 1 {
		t.Errorf("b's keys after prune: %v", got)
	}
}

// TestEnglishCollisionSupport: English lemmas whose stems collide in one
// key share it by how common each is (their SemCor tags), so that the
// key of "population" means population first, not "populism", which
// SemCor never saw; with CollisionSupport 0 they share it alike.
func TestEnglishCollisionSupport(t *testing.T) {
	reg, err := lang.Load(os.DirFS("../.."))
	if err != nil {
		t.Fatal(err)
	}
	en, _ := reg.Get("en")
	if a, b := en.Stem("population"), en.Stem("populism"); a != b {
		t.Fatalf("the test wants colliding stems: %q, %q", a, b)
	}
	key := lang.Fold(en.Stem("population"))
	wn := &wordnet{senses: map[string][]sense{
		"population": {{concept: 1, pos: 'n', count: 27}, {concept: 2, pos: 'n', rank: 1, count: 4}},
		"populism":   {{concept: 3, pos: 'n'}},
	}}
	for _, tt := range []struct {
		power float64
		first uint32
	}{
		{0, 3}, // alike: populism's one sense outweighs population's first
		{1, 1},
	} {
		p := DefaultParams
		p.CollisionSupport = map[string]float64{"en": tt.power}
		g := &generator{wn: wn, p: p}
		if tt.power > 0 {
			g.support = g.englishSupport()
		}
		vs := map[string]vector{"population": g.cut(vector{1: 27, 2: 4}), "populism": g.cut(vector{3: 1})}
		senses := g.table(en, vs).senses[key]
		if len(senses) == 0 || senses[0].Concept != tt.first {
			t.Errorf("power %v: senses of %q = %v, want concept %d first", tt.power, key, senses, tt.first)
		}
	}
}
