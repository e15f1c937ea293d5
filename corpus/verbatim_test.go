package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

// verbatimDirs hold every article of the repository: the sentences qabot
// quotes from them must be their source text.
var verbatimDirs = []string{"../seeds", "../testdata/articles", "../testdata/langarticles", "../testdata/realdata"}

// TestQuotesAreVerbatim checks that every sentence of every article in the
// repository is the page's own text, character for character (quotation
// marks, apostrophes, dashes, spaces), with only whitespace folded and
// HTML character references decoded ("&quot;" is compared as the '"' it
// stands for: the cleaner decodes them, see DecodeCharRefs).
func TestQuotesAreVerbatim(t *testing.T) {
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, dir := range verbatimDirs {
		filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(path) == ".txt" {
				files = append(files, path)
			}
			return nil
		})
	}
	if len(files) < 4 {
		t.Fatalf("found %d articles in %v; want the seed and the test articles at least", len(files), verbatimDirs)
	}
	sentences := 0
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a, err := p.Parse(filepath.Base(path), raw)
		if err != nil {
			continue // refusals are tested elsewhere
		}
		src := []rune(foldSource(raw))
		for _, s := range a.Sentences {
			sentences++
			if !verbatimIn(src, []rune(s.Text)) {
				t.Errorf("%s: sentence %d is not the source text:\n%s", path, s.Index, s.Text)
			}
		}
	}
	t.Logf("%d sentences of %d articles checked", sentences, len(files))
}

// foldSource writes the page the way the check reads it: character
// references decoded and characters that carry no text dropped
// (normalizeSpace), each run of whitespace one ' ', or one '\n' when it
// holds a line break.
func foldSource(raw []byte) string {
	return string(foldSpaces(normalizeSpace(raw)))
}

// verbatimIn reports whether quote occurs in src with only whitespace
// folded: a space of quote stands for a run of whitespace of src, and a
// run holding a line break (where the scrape cut a line) may stand for
// nothing. src is folded by foldSource.
func verbatimIn(src, quote []rune) bool {
	if len(quote) == 0 {
		return true
	}
	for start := range src {
		if src[start] != quote[0] {
			continue
		}
		i, j := start, 0
		for j < len(quote) && i < len(src) {
			switch {
			case quote[j] == ' ' && (src[i] == ' ' || src[i] == '\n'):
				i, j = i+1, j+1
			case src[i] == quote[j]:
				i, j = i+1, j+1
			case src[i] == '\n':
				i++
			default:
				i = len(src) + 1
			}
		}
		if j == len(quote) {
			return true
		}
	}
	return false
}

func TestVerbatimIn(t *testing.T) {
	tests := []struct {
		name       string
		src, quote string
		want       bool
	}{
		{"same", "a “b” c", "a “b” c", true},
		{"spaces folded", "a  “b”\t c", "a “b” c", true},
		{"seam dropped", "said “\nwe stay\n”.", "said “we stay”.", true},
		{"seam kept as a space", "Ola Brenn\nsaid so.", "Ola Brenn said so.", true},
		{"quote mark rewritten", "a “b” c", `a "b" c`, false},
		{"space within a line dropped", "pourquoi ?", "pourquoi?", false},
		{"space added", "ab", "a b", false},
		{"character reference read as its character", "a &quot;b&quot; c", `a "b" c`, true},
		{"character reference is not its markup", "a &quot;b&quot; c", "a &quot;b&quot; c", false},
		{"malformed reference stays markup", "a &quot b", "a &quot b", true},
	}
	for _, tt := range tests {
		if got := verbatimIn([]rune(foldSource([]byte(tt.src))), []rune(tt.quote)); got != tt.want {
			t.Errorf("%s: verbatimIn(%q, %q) = %v, want %v", tt.name, tt.src, tt.quote, got, tt.want)
		}
	}
}
