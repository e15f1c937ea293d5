package dictd

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

func readTestdata(f *testing.F, name string) []byte {
	f.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatal(err)
	}
	return data
}

// FuzzParseIndex reads arbitrary bytes as an index: no panic, every entry
// it accepts writes back to a line that reads the same, and the Dict over
// it serves every entry or reports why not.
func FuzzParseIndex(f *testing.F) {
	f.Add(readTestdata(f, "freedict-fra-eng.index"))
	f.Add(readTestdata(f, "freedict-deu-eng.index"))
	f.Add([]byte("abri\tA\tp\n\tB\tC\n a\t//////////\t/\nbad\xff\tB\n"))
	f.Add([]byte("a\tB\tC\tD\r\nb\tB\tC\tD\tE\n\n\n"))
	text := readTestdata(f, "freedict-fra-eng.dict")
	f.Fuzz(func(t *testing.T, data []byte) {
		probs := problems{path: "x.index"}
		readIndex(bytes.NewReader(data), &probs, func(n int, e entry) {
			if e.off < 0 || e.size < 0 || !utf8.ValidString(e.head) || strings.TrimSpace(e.head) != e.head {
				t.Fatalf("line %d: bad entry %+v", n, e)
			}
			line := e.head + "\t" + encode64(e.off) + "\t" + encode64(e.size)
			back, err := parseIndexLine([]byte(line))
			if err != nil || back != e {
				t.Fatalf("line %d: %+v writes as %q, which reads as %+v, %v", n, e, line, back, err)
			}
		})
		if len(probs.list) > maxReported {
			t.Fatalf("%d problems listed, want at most %d", len(probs.list), maxReported)
		}

		fsys := fstest.MapFS{"x.index": {Data: data}, "x.dict": {Data: text}}
		d, _ := Open(fsys, "x")
		if d == nil {
			t.Fatal("Open returned no Dict for a readable index")
		}
		n := 0
		for head, entry := range d.All {
			n++
			if got, ok := d.Lookup(head); !ok || len(got) == 0 {
				t.Fatalf("All yields %q, which Lookup cannot find", head)
			}
			Translations(entry)
		}
		if n != d.Len() {
			t.Fatalf("All yielded %d of %d entries of a plain .dict", n, d.Len())
		}
		if _, err := Glossary(fsys, Info{Name: "x"}, 0); err != nil && !strings.Contains(err.Error(), "x.") {
			t.Fatalf("Glossary error %v names no file", err)
		}
	})
}

// FuzzTranslations checks what any entry gives: valid, trimmed, non-empty
// glosses with no separators or brackets left, none twice.
func FuzzTranslations(f *testing.F) {
	for _, d := range testDicts {
		for _, e := range d.entries {
			f.Add(e.text)
		}
	}
	f.Add("x /iks/\nfoo (bar (baz), qux) quux, corge (unclosed, grault\n")
	f.Add("a\n1. to sb./sth., so. ; <n> $ / / [ ] { } \xff\xfe\n")
	f.Add("\n\n\r\n")
	f.Fuzz(func(t *testing.T, entry string) {
		seen := map[string]bool{}
		for _, g := range Translations(entry) {
			first, _ := utf8.DecodeRuneInString(g)
			last, _ := utf8.DecodeLastRuneInString(g)
			switch {
			case g == "" || !utf8.ValidString(g):
				t.Fatalf("Translations(%q) gave %q", entry, g)
			case !isWordRune(first) || !isWordRune(last):
				t.Fatalf("Translations(%q) gave untrimmed %q", entry, g)
			case strings.ContainsAny(g, ",;\n"):
				t.Fatalf("Translations(%q) gave %q with a separator", entry, g)
			case seen[lang.Fold(g)]:
				t.Fatalf("Translations(%q) gave %q twice", entry, g)
			}
			seen[lang.Fold(g)] = true
		}
		if h := Headword(entry); !utf8.ValidString(h) || strings.Contains(h, "\n") {
			t.Fatalf("Headword(%q) = %q", entry, h)
		}
	})
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// FuzzDictzip reads arbitrary bytes as a .dict.dz: no panic, and whatever
// cannot be read is an error, not a wrong entry.
func FuzzDictzip(f *testing.F) {
	index := readTestdata(f, "freedict-fra-eng.index")
	dz := readTestdata(f, "freedict-fra-eng.dict.dz")
	text := readTestdata(f, "freedict-fra-eng.dict")
	f.Add(dz)
	f.Add(dz[:len(dz)/2])
	f.Add(plainGzip(text))
	f.Add(dictzip(text, 7))
	f.Add([]byte{0x1f, 0x8b, 8, 4, 0, 0, 0, 0, 0, 0, 10, 0, 'R', 'A', 6, 0, 1, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{fra + ".index": {Data: index}, fra + ".dict.dz": {Data: data}}
		d, err := Open(fsys, fra)
		if d == nil {
			if err == nil {
				t.Fatal("Open returned neither a Dict nor an error")
			}
			return
		}
		for _, e := range d.entries {
			// An entry that reads has the length the index gives. (Damage
			// inside a chunk that still inflates to the right length cannot
			// be seen without the CRC of the whole file.)
			if s, ok := d.read(e); ok && int64(len(s)) != e.size {
				t.Fatalf("entry %q read as %d bytes, want %d", e.head, len(s), e.size)
			}
		}
		Glossary(fsys, Info{Name: fra}, 0)
	})
}
