package qa

import (
	"bytes"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

var updateSpans = flag.Bool("update.spans", false, "rewrite data/spans.bin from data/spans.tsv (go generate ./qa)")

// TestSpanTableUpToDate encodes data/spans.tsv and compares it with the
// embedded data/spans.bin, byte for byte, then checks that every weight
// of the file reads back from the table: a new spans.tsv needs go
// generate ./qa (the trainer writes both).
func TestSpanTableUpToDate(t *testing.T) {
	tsv, err := os.ReadFile("data/spans.tsv")
	if err != nil {
		t.Fatal(err)
	}
	weights, err := readSpanModelFile(tsv)
	if err != nil {
		t.Fatal(err)
	}
	want := encodeSpanTable(weights)
	if *updateSpans {
		if err := os.WriteFile("data/spans.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal([]byte(spanModelTable), want) {
		t.Fatalf("data/spans.bin (%d bytes) is not the table data/spans.tsv makes (%d bytes): run go generate ./qa", len(spanModelTable), len(want))
	}
	m, err := loadSpanModel(nil)
	if err != nil || m == nil {
		t.Fatalf("the embedded span model does not open: %v, %v", m, err)
	}
	for name, w := range weights {
		block, feat, ok := strings.Cut(name, "|")
		pos, word, lexical := lexFeature(feat)
		if !ok || !lexical || block == "rules" {
			continue
		}
		id := m.lexID(pos, word)
		if id < 0 {
			t.Errorf("lexID(%q) = -1", feat)
			continue
		}
		if got := m.lex.block(block)[pos][id]; got != w {
			t.Errorf("weight of %q = %g; want %g", name, got, w)
		}
	}
	if id := m.lexID(lexPrev, "no-such-word-zzz"); id != -1 {
		t.Errorf("lexID(an unknown word) = %d; want -1", id)
	}
	if m.lex.block("lang=xx") != nil {
		t.Error("block(an unknown block) is not nil")
	}
}

// TestSpanTableRefusesDamage cuts the embedded table short and breaks its
// references: each damaged table is refused, never read out of bounds.
func TestSpanTableRefusesDamage(t *testing.T) {
	good := []byte(spanModelTable)
	for _, n := range []int{0, 8, 20, 40, 100, len(good) / 3, len(good) - 1} {
		b := slices.Clone(good[:n])
		if _, err := decodeSpanTable(b, string(b)); err == nil {
			t.Errorf("decodeSpanTable(first %d of %d bytes) = nil error", n, len(good))
		}
	}
	hdr := len(spanMagic) + 4*(6+nLexPos+1)
	// The first base weight's name offset, pushed past the end.
	b := slices.Clone(good)
	copy(b[hdr:], []byte{0xff, 0xff, 0xff, 0x7f})
	if _, err := decodeSpanTable(b, string(b)); err == nil {
		t.Error("decodeSpanTable(a name outside the table) = nil error")
	}
	// A first word count larger than the words.
	b = slices.Clone(good)
	copy(b[len(spanMagic)+4*7:], []byte{0xff, 0xff, 0xff, 0x00})
	if _, err := decodeSpanTable(b, string(b)); err == nil {
		t.Error("decodeSpanTable(word rows past the words) = nil error")
	}
	if _, err := decodeSpanTable(good, unsafe.String(&good[0], len(good))); err != nil {
		t.Errorf("decodeSpanTable(the embedded table) = %v", err)
	}
}
