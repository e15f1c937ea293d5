package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestGenerateIsDeterministic(t *testing.T) {
	extra := os.DirFS("extra")
	first, err := Generate(extra)
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	second, err := Generate(extra)
	if err != nil {
		t.Fatalf("Generate (second run): %v", err)
	}
	if len(first) != len(targets) {
		t.Errorf("Generate wrote %d files, want %d", len(first), len(targets))
	}
	for code, want := range first {
		if got := second[code]; !bytes.Equal(got, want) {
			t.Errorf("Generate()[%q] differs between two runs", code)
		}
	}
}

// TestCommittedFilesAreUpToDate fails when someone edits extra/*.tsv or a
// places.tsv by hand without running `go generate ./lang`.
func TestCommittedFilesAreUpToDate(t *testing.T) {
	files, err := Generate(os.DirFS("extra"))
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	for code, want := range files {
		path := filepath.Join("..", "..", "data", code, "places.tsv")
		got, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("read %s: %v", path, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run `go generate ./lang`", path)
		}
	}
}

func TestGenerateRejectsBadExtraLine(t *testing.T) {
	tests := []struct {
		name, line string
	}{
		{"no tab", "Tirana Tirana\n"},
		{"two tabs", "Tirana\tTirana\tAlbania\n"},
		{"empty right", "Tirana\t \n"},
		{"empty left", "\tTirana\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			extra := fstest.MapFS{
				englishNamesFile: {Data: []byte("US\tUnited States\n")},
				"fr.tsv":         {Data: []byte(tt.line)},
			}
			if _, err := Generate(extra); err == nil {
				t.Errorf("Generate with fr.tsv %q: got no error, want one", tt.line)
			}
		})
	}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Albanie", []string{"Albanie"}},
		{"Myanmar (Burma)", []string{"Myanmar", "Burma"}},
		{"Cocos (Keeling) Islands", []string{"Cocos Islands"}},
		{"Bosnia & Herzegovina", []string{"Bosnia and Herzegovina", "Bosnia & Herzegovina"}},
		{"St. Lucia", []string{"St. Lucia", "Saint Lucia"}},
		{"Côte d’Ivoire", []string{"Côte d’Ivoire", "Côte d'Ivoire"}},
		{"  ", nil},
		{"norvég (bokmål)", []string{"norvég", "bokmål"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, variants(tt.in)); diff != "" {
			t.Errorf("variants(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestGenerateNorwegianIsNotDanish(t *testing.T) {
	files, err := Generate(os.DirFS("extra"))
	if err != nil {
		t.Fatalf("Generate: %v", err)
	}
	tests := []struct {
		code, line string
	}{
		{"nb", "Tsjekkia\tCzech Republic|Czechia\n"},
		{"fr", "Albanie\tAlbania\n"},
		{"ru", "Албания\tAlbania\n"},
		{"pt", "Irão\tIran\n"},
		{"pt", "Irã\tIran\n"},
		{"en", "Burma\tMyanmar|Burma\n"},
	}
	for _, tt := range tests {
		if !bytes.Contains(files[tt.code], []byte(tt.line)) {
			t.Errorf("Generate()[%q] lacks line %q", tt.code, tt.line)
		}
	}
}

func FuzzVariants(f *testing.F) {
	for _, s := range []string{"Myanmar (Burma)", "Bosnia & Herzegovina", "St. Lucia", "(", ")(", "Côte d’Ivoire", "\xff("} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		seen := make(map[string]bool)
		for _, v := range variants(name) {
			if v == "" || strings.TrimSpace(v) != v {
				t.Errorf("variants(%q) has blank or padded entry %q", name, v)
			}
			if seen[v] {
				t.Errorf("variants(%q) repeats %q", name, v)
			}
			seen[v] = true
		}
	})
}
