package qa

import (
	"bytes"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/lang"
)

var updateSynonyms = flag.Bool("update.synonyms", false, "rewrite synonyms.bin (go generate ./qa)")

// builtSynonyms builds the synonym table and dictionary from the embedded
// data as a process did at every start before synonyms.bin.
func builtSynonyms(t *testing.T) (*stemTable, map[string]bool) {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	en, _ := reg.Get("en")
	dict := map[string]bool{}
	st, err := loadSynonyms(lang.Data, &analyzer{l: en, memo: map[string]string{}}, dict)
	if err != nil {
		t.Fatal(err)
	}
	return st, dict
}

// TestSynonymTableUpToDate builds the synonym table from the embedded data
// and compares it with synonyms.bin, byte for byte, then reads every key
// and word back: a change to synonyms.tsv, places.tsv or the English
// analyzer needs go generate ./qa.
func TestSynonymTableUpToDate(t *testing.T) {
	st, dict := builtSynonyms(t)
	want := encodeSynTable(st, dict)
	if *updateSynonyms {
		if err := os.WriteFile("synonyms.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal([]byte(synonymsBin), want) {
		t.Fatalf("synonyms.bin (%d bytes) is not the table the data makes (%d bytes): run go generate ./qa", len(synonymsBin), len(want))
	}
	tab, err := embeddedSynonyms()
	if err != nil {
		t.Fatal(err)
	}
	opt := cmp.AllowUnexported(alt{})
	for k, alts := range st.m {
		row := tab.findKey(k)
		if row < 0 {
			t.Errorf("key %q not found", k)
			continue
		}
		if diff := cmp.Diff(alts, tab.alternatives(row), opt); diff != "" {
			t.Errorf("alternatives of %q (-built +read):\n%s", k, diff)
		}
		// The longest phrase wins, as in stemTable.match.
		stems := append(strings.Fields(k), "zzzz", "yyyy")
		a1, n1 := st.match(stems)
		a2, n2 := tab.match(stems)
		if n1 != n2 || !cmp.Equal(a1, a2, opt) {
			t.Errorf("match(%q) = %v, %d read; %v, %d built", stems, a2, n2, a1, n1)
		}
	}
	for w := range dict {
		if !tab.has(w) {
			t.Errorf("dictionary word %q not found", w)
		}
	}
	for _, w := range []string{"", "zzzqqq", "notaword123"} {
		if tab.has(w) != dict[w] {
			t.Errorf("has(%q) = %t, want %t", w, tab.has(w), dict[w])
		}
	}
	if a, n := tab.match([]string{"zzzqqq"}); a != nil || n != 0 {
		t.Errorf("match(unknown) = %v, %d; want nothing", a, n)
	}
}

// TestSynonymTableRefusesDamage cuts the embedded table short and makes
// its references point outside it: each damaged table is refused.
func TestSynonymTableRefusesDamage(t *testing.T) {
	good := []byte(synonymsBin)
	for _, n := range []int{0, 8, 20, 40, len(good) / 3, len(good) - 1} {
		if _, err := decodeSynTable(good[:n], string(good[:n])); err == nil {
			t.Errorf("decodeSynTable(first %d of %d bytes) = nil error", n, len(good))
		}
	}
	tab, err := decodeSynTable(good, string(good))
	if err != nil {
		t.Fatal(err)
	}
	// The first key's string offset, pushed past the end.
	bad := slices.Clone(good)
	off := len(good) - len(tab.strs) - len(tab.words) - len(tab.stems) - len(tab.wghts) - len(tab.alts) - len(tab.keys)
	copy(bad[off:], []byte{0xff, 0xff, 0xff, 0x7f})
	if _, err := decodeSynTable(bad, string(bad)); err == nil {
		t.Error("decodeSynTable(a key outside the strings) = nil error")
	}
}
