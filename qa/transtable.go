package qa

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"slices"
	"unsafe"

	"github.com/qabot/qabot/lang"
)

// The translation tables of the embedded data (each language's lexicon,
// places and orgs into English, as buildTranslations reads them with the
// English analyzer) are built when qabot is built and embedded: building
// one on the first question in its language was most of what a process
// did before its first non-English answer (BenchmarkStartToFirstAnswer/fr).
// Each is a synonym table (syntable.go, without a dictionary) read in
// place. `go generate ./qa` rewrites translations.bin (through
// TestTranslationTablesUpToDate -update.translations); the test fails
// while it differs from what buildTranslations builds.
//
// Layout, little-endian:
//
//	magic    "qabotTT1"
//	count    uint32
//	entries  per table: its language code's offset and length, its
//	         table's offset and length (uint32 each; offsets from the
//	         start of the file)
//	codes    the codes' bytes
//	tables   the tables, each as encodeSynTable writes it
//
//go:generate go test -run ^TestTranslationTablesUpToDate$ -update.translations .
//go:embed translations.bin
var translationsBin string

const transMagic = "qabotTT1"

var errBadTransTables = errors.New("qa: not a set of translation tables")

// embeddedTranslation returns the table of language l's bilingual files
// into English built when qabot was built, or nil when l and English
// are not the embedded data's (the table would describe other files) or
// the set holds no table for l.
func embeddedTranslation(l, en *lang.Language) (*synTable, error) {
	if !l.Embedded() || !en.Embedded() || en.Code != "en" {
		return nil, nil
	}
	b := unsafe.Slice(unsafe.StringData(translationsBin), len(translationsBin))
	return findTransTable(b, translationsBin, l.Code)
}

// findTransTable reads the table of code from an encoded set in place (b
// and strs are two views of the same bytes), or nil when the set has
// none.
func findTransTable(b []byte, strs, code string) (*synTable, error) {
	hdr := len(transMagic) + 4
	if len(b) < hdr || string(b[:len(transMagic)]) != transMagic || len(strs) != len(b) {
		return nil, errBadTransTables
	}
	n := u32(b[len(transMagic):], 0)
	if n > (len(b)-hdr)/16 {
		return nil, errBadTransTables
	}
	in := func(off, l int) bool { return off <= len(b) && l <= len(b)-off }
	for i := range n {
		e := b[hdr+16*i:]
		codeOff, codeLen, off, l := u32(e, 0), u32(e, 1), u32(e, 2), u32(e, 3)
		if !in(codeOff, codeLen) || !in(off, l) {
			return nil, errBadTransTables
		}
		if strs[codeOff:codeOff+codeLen] == code {
			return decodeSynTable(b[off:off+l:off+l], strs[off:off+l])
		}
	}
	return nil, nil
}

// encodeTransTables writes the tables, by language code, in the layout
// above: the same bytes for the same tables.
func encodeTransTables(tabs map[string]*stemTable) []byte {
	codes := slices.Sorted(func(yield func(string) bool) {
		for c := range tabs {
			if !yield(c) {
				return
			}
		}
	})
	encoded := make([][]byte, len(codes))
	for i, c := range codes {
		encoded[i] = encodeSynTable(tabs[c], nil)
	}
	hdr := len(transMagic) + 4 + 16*len(codes)
	codeOff := hdr
	tabOff := hdr
	for _, c := range codes {
		tabOff += len(c)
	}
	out := binary.LittleEndian.AppendUint32([]byte(transMagic), uint32(len(codes)))
	for i, c := range codes {
		for _, v := range []int{codeOff, len(c), tabOff, len(encoded[i])} {
			out = binary.LittleEndian.AppendUint32(out, uint32(v))
		}
		codeOff += len(c)
		tabOff += len(encoded[i])
	}
	for _, c := range codes {
		out = append(out, c...)
	}
	for _, e := range encoded {
		out = append(out, e...)
	}
	return out
}
