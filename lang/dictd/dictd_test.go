package dictd

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/lang"
)

// entryText returns the text of the entry of d whose first line starts
// with prefix.
func entryText(t testing.TB, dict, prefix string) string {
	t.Helper()
	for _, d := range testDicts {
		if d.name != dict {
			continue
		}
		for _, e := range d.entries {
			if strings.HasPrefix(e.text, prefix) {
				return e.text
			}
		}
	}
	t.Fatalf("no entry %q in %s", prefix, dict)
	return ""
}

func mustOpen(t testing.TB, fsys fs.FS, name string) *Dict {
	t.Helper()
	d, err := Open(fsys, name)
	if err != nil {
		t.Fatalf("Open(%s) = %v", name, err)
	}
	return d
}

func TestLookup(t *testing.T) {
	tests := []struct {
		dict, head string
		want       []string // prefixes of the entries' first lines
	}{
		{"freedict-fra-eng", "abri", []string{"abri /"}},
		{"freedict-fra-eng", "ÉLECTION", []string{"élection /"}},
		{"freedict-fra-eng", "élection", []string{"élection /"}},
		{"freedict-fra-eng", "coup", []string{"coup /ku/ <n, masc>\nblow", "coup /ku/ <n, masc>\ncoup"}},
		{"freedict-fra-eng", "porte-parole", []string{"porte-parole /"}},
		{"freedict-fra-eng", "pirate  informatique", []string{"pirate informatique /"}},
		{"freedict-fra-eng", "nonexistent", nil},
		{"freedict-fra-eng", "", nil},
		{"freedict-deu-eng", "PC-Nato", nil},
		{"freedict-deu-eng", "NATO", []string{"Nordatlantikpakt-Organisation /"}},
		{"freedict-deu-eng", "Nordatlantikpakt-Organisation", []string{"Nordatlantikpakt-Organisation /"}},
		{"freedict-deu-eng", "Lösegeld Erpressergeld", []string{"Lösegeld / Erpressergeld"}},
		{"freedict-hun-eng", "kormány", []string{"kormány /"}},
		{"freedict-hun-eng", "emel (hangot)", []string{"emel (hangot)"}},
	}
	for _, layout := range layouts {
		fsys := testFS(t, layout)
		for _, tt := range tests {
			d := mustOpen(t, fsys, tt.dict)
			var want []string
			for _, p := range tt.want {
				want = append(want, entryText(t, tt.dict, p))
			}
			got, ok := d.Lookup(tt.head)
			if diff := cmp.Diff(want, got); diff != "" || ok != (len(want) > 0) {
				t.Errorf("%s: %s.Lookup(%q) = _, %v; mismatch (-want +got):\n%s", layout, tt.dict, tt.head, ok, diff)
			}
			if err := d.Err(); err != nil {
				t.Errorf("%s: %s.Err() = %v", layout, tt.dict, err)
			}
		}
	}
}

func TestAll(t *testing.T) {
	for _, layout := range layouts {
		fsys := testFS(t, layout)
		for _, td := range testDicts {
			d := mustOpen(t, fsys, td.name)
			// All goes in text order, which is the order of definition,
			// with the extra keys of an entry beside it.
			var want []string
			for _, e := range td.entries {
				want = append(want, e.text)
				for range e.keys {
					want = append(want, e.text)
				}
			}
			var got []string
			for _, entry := range d.All {
				got = append(got, entry)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s: %s.All mismatch (-want +got):\n%s", layout, td.name, diff)
			}
			if d.Len() != len(want) {
				t.Errorf("%s: %s.Len() = %d, want %d", layout, td.name, d.Len(), len(want))
			}
			// Stopping early stops.
			n := 0
			for range d.All {
				n++
				break
			}
			if n != 1 {
				t.Errorf("%s: %s.All ran %d times after break, want 1", layout, td.name, n)
			}
		}
	}
}

func TestLookupConcurrent(t *testing.T) {
	d := mustOpen(t, testFS(t, "dz"), "freedict-deu-eng")
	want, _ := d.Lookup("regierung")
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for _, head := range []string{"regierung", "sprecher", "abbrechen", "regierung"} {
				got, ok := d.Lookup(head)
				if !ok {
					t.Errorf("Lookup(%q) found nothing", head)
				}
				if head == "regierung" && !cmp.Equal(got, want) {
					t.Errorf("Lookup(%q) = %q, want %q", head, got, want)
				}
			}
		})
	}
	wg.Wait()
}

func TestDiscover(t *testing.T) {
	got := Discover(os.DirFS("testdata"))
	want := []Info{
		{Name: "freedict-deu-eng", From: "de", To: "en"},
		{Name: "freedict-fra-eng", From: "fr", To: "en"},
		{Name: "freedict-hun-eng", From: "hu", To: "en"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Discover(testdata) mismatch (-want +got):\n%s", diff)
	}

	file := &fstest.MapFile{Data: []byte{}}
	fsys := fstest.MapFS{
		"freedict-spa-eng.index":         file,
		"freedict-spa-eng.dict.dz":       file,
		"freedict-swe-eng.index":         file,
		"freedict-swe-eng.dict":          file,
		"freedict-eng-fra.index":         file, // into French, not English
		"freedict-eng-fra.dict.dz":       file,
		"freedict-xyz-eng.index":         file, // unknown language
		"freedict-xyz-eng.dict.dz":       file,
		"freedict-ita-eng.index":         file, // no text
		"jargon.index":                   file, // not bilingual
		"jargon.dict.dz":                 file,
		"freedict-por-eng.dict.dz":       file, // no index
		"por-eng/por-eng.index":          file, // an unpacked FreeDict release
		"por-eng/por-eng.dict.dz":        file,
		"deep/er/freedict-deu-eng.index": file, // too deep
		"deep/er/freedict-deu-eng.dict":  file,
		"freedict-nob-eng.index/x":       file, // a directory named like an index
	}
	got = Discover(fsys)
	want = []Info{
		{Name: "freedict-spa-eng", From: "es", To: "en"},
		{Name: "freedict-swe-eng", From: "sv", To: "en"},
		{Name: "por-eng/por-eng", From: "pt", To: "en"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Discover(MapFS) mismatch (-want +got):\n%s", diff)
	}
	if got := Discover(fstest.MapFS{}); len(got) != 0 {
		t.Errorf("Discover(empty) = %v, want none", got)
	}
}

func TestGlossary(t *testing.T) {
	want := map[string]map[string][]string{
		"freedict-fra-eng": {
			"abri":                {"shelter", "refuge"},
			"accord":              {"agreement", "deal", "chord"},
			"attaque":             {"attack", "assault", "raid"},
			"coup":                {"blow", "knock", "coup", "putsch"},
			"election":            {"election", "poll"},
			"otan":                {"NATO"},
			"pirate informatique": {"hacker"},
			"porte-parole":        {"spokesperson", "spokesman"},
			"rancon":              {"ransom"},
			"rompre":              {"break", "sever", "break off"},
			// "ministre des affaires étrangères" has four words, and
			// "x" is one letter.
		},
		"freedict-deu-eng": {
			"abbrechen":                     {"break off", "sever"},
			"cyberangriff":                  {"cyberattack", "cyber attack"},
			"dollar-zeichen":                {"dollar sign"},
			"losegeld":                      {"ransom", "ransom money"},
			"nato":                          {"North Atlantic Treaty Organization"},
			"nordatlantikpakt-organisation": {"North Atlantic Treaty Organization"},
			"regierung":                     {"government", "administration"},
			"regierungen":                   {"governments"},
			"sprecher":                      {"speaker", "spokesman", "spokesperson"},
			// "Beispiel" is over 4 KB.
		},
		"freedict-hun-eng": {
			"emel":         {"raise"},
			"ker":          {"ask for", "request"},
			"kibertamadas": {"cyberattack"},
			"kormany":      {"government", "steering wheel", "helm"},
			"megszakit":    {"interrupt", "break off", "sever"},
			"szovivo":      {"spokesman", "spokesperson"},
		},
	}
	for _, layout := range layouts {
		fsys := testFS(t, layout)
		for _, info := range Discover(fsys) {
			got, err := Glossary(fsys, info, 0)
			if err != nil {
				t.Errorf("%s: Glossary(%s) error %v", layout, info.Name, err)
			}
			if diff := cmp.Diff(want[info.Name], got); diff != "" {
				t.Errorf("%s: Glossary(%s) mismatch (-want +got):\n%s", layout, info.Name, diff)
			}
		}
	}
}

// TestGlossaryBound checks that a small maxEntries keeps the shortest
// headwords.
func TestGlossaryBound(t *testing.T) {
	fsys := os.DirFS("testdata")
	got, err := Glossary(fsys, Info{Name: "freedict-fra-eng", From: "fr", To: "en"}, 4)
	if err != nil {
		t.Fatalf("Glossary error %v", err)
	}
	// Four entries: "x" (kept, then dropped as one letter), then of the
	// five of four letters the longest: "otan" (64 bytes), the second
	// "coup" (43) and "abri" (39), not the first "coup" (32).
	want := map[string][]string{
		"abri": {"shelter", "refuge"},
		"coup": {"coup", "putsch"},
		"otan": {"NATO"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Glossary(fra, 4) mismatch (-want +got):\n%s", diff)
	}
}

// mutate returns testFS(layout) with fn applied.
func mutate(t *testing.T, layout string, fn func(*testing.T, fstest.MapFS)) fstest.MapFS {
	fsys := testFS(t, layout)
	fn(t, fsys)
	return fsys
}

const fra = "freedict-fra-eng"

func TestBrokenFiles(t *testing.T) {
	// setLine replaces the index line of "attaque", whose fields are
	// given to fn.
	setLine := func(fn func(off, size string) string) func(*testing.T, fstest.MapFS) {
		return func(t *testing.T, fsys fstest.MapFS) {
			f := fsys[fra+".index"]
			lines := strings.SplitAfter(string(f.Data), "\n")
			for i, l := range lines {
				if fields := strings.Split(strings.TrimSuffix(l, "\n"), "\t"); fields[0] == "attaque" {
					lines[i] = fn(fields[1], fields[2]) + "\n"
					f.Data = []byte(strings.Join(lines, ""))
					return
				}
			}
			t.Fatalf("index has no attaque")
		}
	}
	const attaqueLine = 6
	tests := []struct {
		name   string
		layout string
		change func(*testing.T, fstest.MapFS)
		// openFails: Open returns no Dict; otherwise it returns one with
		// the good entries and, when badLine > 0, an error naming that
		// line of the index.
		openFails bool
		badLine   int
		// errFile is the file every error must name.
		errFile string
	}{
		{
			name:    "truncated index line",
			layout:  "dz",
			change:  setLine(func(off, _ string) string { return "attaque\t" + off }),
			badLine: attaqueLine, errFile: fra + ".index",
		},
		{
			name:    "bad base64",
			layout:  "dz",
			change:  setLine(func(_, size string) string { return "attaque\tC!\t" + size }),
			badLine: attaqueLine, errFile: fra + ".index",
		},
		{
			name:    "too many fields",
			layout:  "dict",
			change:  setLine(func(off, size string) string { return "attaque\t" + off + "\t" + size + "\tattaque\textra" }),
			badLine: attaqueLine, errFile: fra + ".index",
		},
		{
			name:    "offset beyond the dict",
			layout:  "dict",
			change:  setLine(func(_, size string) string { return "attaque\tzzzz\t" + size }),
			badLine: attaqueLine, errFile: fra + ".index",
		},
		{
			name:    "offset beyond the dict.dz",
			layout:  "dz",
			change:  setLine(func(off, _ string) string { return "attaque\t" + off + "\tqqqq" }),
			badLine: attaqueLine, errFile: fra + ".index",
		},
		{
			name:    "number too long",
			layout:  "gz",
			change:  setLine(func(off, size string) string { return "attaque\tAAAAAAAAAAA" + off + "\t" + size }),
			badLine: attaqueLine, errFile: fra + ".index",
		},
		{
			name:   "over-long index line",
			layout: "dz",
			change: func(_ *testing.T, fsys fstest.MapFS) {
				f := fsys[fra+".index"]
				f.Data = append([]byte(strings.Repeat("a", maxIndexLine+10)+"\tA\tB\n"), f.Data...)
			},
			badLine: 1, errFile: fra + ".index",
		},
		{
			name:      "missing index",
			layout:    "dz",
			change:    func(_ *testing.T, fsys fstest.MapFS) { delete(fsys, fra+".index") },
			openFails: true, errFile: fra + ".index",
		},
		{
			name:      "missing dict",
			layout:    "dict",
			change:    func(_ *testing.T, fsys fstest.MapFS) { delete(fsys, fra+".dict") },
			openFails: true, errFile: fra + ".dict",
		},
		{
			name:   "dict.dz is not gzip",
			layout: "dz",
			change: func(_ *testing.T, fsys fstest.MapFS) {
				fsys[fra+".dict.dz"] = &fstest.MapFile{Data: fsys[fra+".index"].Data}
			},
			openFails: true, errFile: fra + ".dict.dz",
		},
		{
			name:   "corrupt gzip",
			layout: "gz",
			change: func(_ *testing.T, fsys fstest.MapFS) {
				data := fsys[fra+".dict.dz"].Data
				for i := 20; i < len(data)-8; i += 7 {
					data[i] ^= 0x55
				}
			},
			openFails: true, errFile: fra + ".dict.dz",
		},
		{
			name:   "truncated gzip",
			layout: "gz",
			change: func(_ *testing.T, fsys fstest.MapFS) {
				f := fsys[fra+".dict.dz"]
				f.Data = f.Data[:len(f.Data)/2]
			},
			openFails: true, errFile: fra + ".dict.dz",
		},
		{
			// With the chunks cut off, the table no longer fits the file;
			// it is read as one stream, which ends too soon.
			name:   "truncated dictzip",
			layout: "dz",
			change: func(_ *testing.T, fsys fstest.MapFS) {
				f := fsys[fra+".dict.dz"]
				f.Data = f.Data[:len(f.Data)/2]
			},
			openFails: true, errFile: fra + ".dict.dz",
		},
		{
			name:      "empty dict.dz",
			layout:    "dz",
			change:    func(_ *testing.T, fsys fstest.MapFS) { fsys[fra+".dict.dz"] = &fstest.MapFile{} },
			openFails: true, errFile: fra + ".dict.dz",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := mutate(t, tt.layout, tt.change)
			d, err := Open(fsys, fra)
			if tt.openFails {
				if d != nil || err == nil {
					t.Fatalf("Open = %v, %v; want no Dict and an error", d, err)
				}
			} else {
				if d == nil {
					t.Fatalf("Open = nil, %v; want a Dict", err)
				}
				checkLine(t, "Open", err, tt.errFile, tt.badLine)
				// The good entries are still there.
				if _, ok := d.Lookup("abri"); !ok {
					t.Errorf("Lookup(abri) after a bad line found nothing")
				}
			}
			if err != nil && !strings.Contains(err.Error(), tt.errFile) {
				t.Errorf("Open error %q does not name %s", err, tt.errFile)
			}

			g, err := Glossary(fsys, Info{Name: fra, From: "fr", To: "en"}, 0)
			if tt.openFails {
				if g != nil || err == nil {
					t.Fatalf("Glossary = %v, %v; want nil and an error", g, err)
				}
			} else {
				checkLine(t, "Glossary", err, tt.errFile, tt.badLine)
				if len(g["abri"]) == 0 {
					t.Errorf("Glossary lost abri after a bad line: %v", g)
				}
			}
			if err != nil && !strings.Contains(err.Error(), tt.errFile) {
				t.Errorf("Glossary error %q does not name %s", err, tt.errFile)
			}
		})
	}
}

// checkLine checks that err is a lang.ErrorList reporting line of file.
func checkLine(t *testing.T, fn string, err error, file string, line int) {
	t.Helper()
	if line == 0 {
		if err != nil {
			t.Errorf("%s error %v, want none", fn, err)
		}
		return
	}
	var list lang.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("%s error %v (%T), want a lang.ErrorList", fn, err, err)
	}
	for _, e := range list {
		if e.Path == file && e.Line == line {
			return
		}
	}
	t.Errorf("%s error %v does not report %s:%d", fn, err, file, line)
}

// TestCorruptChunk breaks one chunk of a dictzip file: Open cannot see it,
// Lookup and All skip the entries in it and report it through Err, and
// Glossary returns the rest with an error.
func TestCorruptChunk(t *testing.T) {
	fsys := testFS(t, "dz")
	data := fsys[fra+".dict.dz"].Data
	head := data[:min(len(data), maxHeader)]
	z, ok, err := parseDictzip(head, data[len(data)-4:], int64(len(data)))
	if !ok || err != nil {
		t.Fatalf("parseDictzip = %v, %v", ok, err)
	}
	// Chunk 2 holds bytes 256-383 of the text: "attaque" and "coup".
	for i := z.starts[2]; i < z.starts[3]; i++ {
		data[i] = 0xff
	}
	d := mustOpen(t, fsys, fra)
	if _, ok := d.Lookup("abri"); !ok {
		t.Errorf("Lookup(abri) found nothing; its chunk is whole")
	}
	if got, ok := d.Lookup("attaque"); ok {
		t.Errorf("Lookup(attaque) = %q, want nothing from a corrupt chunk", got)
	}
	if err := d.Err(); err == nil || !strings.Contains(err.Error(), "chunk 2") {
		t.Errorf("Err() = %v, want the corrupt chunk", err)
	}
	n := 0
	for range d.All {
		n++
	}
	if n == 0 || n >= d.Len() {
		t.Errorf("All yielded %d of %d entries, want the ones outside chunk 2", n, d.Len())
	}

	g, err := Glossary(fsys, Info{Name: fra}, 0)
	if err == nil || !strings.Contains(err.Error(), fra+".dict.dz") {
		t.Errorf("Glossary error = %v, want one naming %s.dict.dz", err, fra)
	}
	if _, ok := g["attaque"]; ok || len(g["abri"]) == 0 {
		t.Errorf("Glossary = %v, want abri without attaque", g)
	}
}

func TestDecode64(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"A", 0, true},
		{"B", 1, true},
		{"/", 63, true},
		{"BA", 64, true},
		{"Cz", 179, true},
		{"8m", 60*64 + 38, true},
		{"//////////", 1<<60 - 1, true},
		{"", 0, false},
		{"AAAAAAAAAAA", 0, false},
		{"B=", 0, false},
		{"é", 0, false},
	}
	for _, tt := range tests {
		got, err := decode64([]byte(tt.in))
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("decode64(%q) = %d, %v; want %d, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if tt.ok {
			if back := encode64(got); back != strings.TrimLeft(tt.in, "A") && !(got == 0 && back == "A") {
				t.Errorf("encode64(%d) = %q, want %q", got, back, tt.in)
			}
		}
	}
}

func TestIndexLine(t *testing.T) {
	tests := []struct {
		line string
		want entry
		ok   bool
	}{
		{"abri\tA\tp", entry{head: "abri", off: 0, size: 41}, true},
		{" à\t8m\ts\r\n", entry{head: "à", off: 3878, size: 44}, true},
		{"\tGHAt\tB0", entry{head: "", off: 6*64*64*64 + 7*64*64 + 0*64 + 45, size: 116}, true},
		{"akut\tB\tC\tAkut", entry{head: "Akut", off: 1, size: 2}, true},
		{"akut\tB\tC\t ", entry{head: "akut", off: 1, size: 2}, true},
		{"bad\xff\tB\tC", entry{head: "bad\uFFFD", off: 1, size: 2}, true},
		{"abri\tA", entry{}, false},
		{"abri", entry{}, false},
		{"abri\tA\t", entry{}, false},
		{"abri\t-\tB", entry{}, false},
		{"a\tB\tC\tD\tE", entry{}, false},
	}
	for _, tt := range tests {
		got, err := parseIndexLine([]byte(tt.line))
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("parseIndexLine(%q) = %+v, %v; want %+v, ok %v", tt.line, got, err, tt.want, tt.ok)
		}
	}
}
