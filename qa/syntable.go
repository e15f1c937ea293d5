package qa

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unsafe"
)

// The synonym table of the embedded data (synonyms.tsv and places.tsv of
// English, the articles' default language, analysed as loadSynonyms does)
// is built when qabot is built and embedded: analysing its thousands of
// lines was most of what a process did before its first answer. The table
// is read in place, where the binary holds it: a lookup hashes the key,
// probes an open-addressing table and decodes only the alternatives of the
// phrase found. `go generate ./qa` rewrites synonyms.bin (through
// TestSynonymTableUpToDate -update.synonyms); the test fails while it differs from
// what loadSynonyms builds.
//
// Layout, little-endian; a string is an offset and a length (uint32 each)
// into the string bytes at the end, where each distinct string is once:
//
//	magic    "qabotST1"
//	header   uint32: maxWords, keys, key slots, alternatives, stems,
//	         words, word slots, string bytes
//	slots    per key slot: key hash (uint64, 0 empty), key row + 1 (uint32)
//	keys     per key: its string, its first alternative (uint32); then the
//	         alternative count (uint32)
//	alts     per alternative: its first stem (uint32); then the stem count;
//	         then per alternative its weight (float64)
//	stems    per stem: its string
//	words    per word slot: word hash (uint64, 0 empty), its string
//	strings  the bytes
//
//go:generate go test -run ^TestSynonymTableUpToDate$ -update.synonyms .
//go:embed synonyms.bin
var synonymsBin string

const synMagic = "qabotST1"

var errBadSynTable = errors.New("qa: not a synonym table")

// A synTable is a stemTable and its dictionary read in place from their
// encoding. It is read-only and safe for concurrent use.
type synTable struct {
	maxWords                  int
	slots, keys, alts, wghts  []byte
	stems, words              []byte
	strs                      string
	nKeys, nAlts, nStems, nWd int
}

// synHash is FNV-1a, never 0 (the empty slot).
func synHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return max(h, 1)
}

func u32(b []byte, i int) int { return int(binary.LittleEndian.Uint32(b[4*i:])) }

// synSlots is a power of two that keeps a table of n keys at most 70% full.
func synSlots(n int) int { return max(1<<bits.Len(uint(n*10/7)), 8) }

// slotOf is where the probe for hash h starts in n slots (Fibonacci
// hashing; n is a power of two).
func slotOf(h uint64, n int) int {
	return int((h * 0x9e3779b97f4a7c15) >> (64 - bits.TrailingZeros(uint(n))))
}

// strAt returns the string whose offset and length are the uint32s at
// b[4*i:] and b[4*i+4:].
func (t *synTable) strAt(b []byte, i int) string {
	off := u32(b, i)
	return t.strs[off : off+u32(b, i+1)]
}

// findKey returns the row of key, or -1.
func (t *synTable) findKey(key string) int {
	n := len(t.slots) / 12
	h := synHash(key)
	for i, probes := slotOf(h, n), 0; probes < n; i, probes = (i+1)&(n-1), probes+1 {
		s := t.slots[12*i:]
		switch binary.LittleEndian.Uint64(s) {
		case 0:
			return -1
		case h:
			if row := int(binary.LittleEndian.Uint32(s[8:])) - 1; t.strAt(t.keys, 3*row) == key {
				return row
			}
		}
	}
	return -1
}

// has reports whether a folded word is in the dictionary: a word of the
// article language that the engine's data knows.
func (t *synTable) has(w string) bool {
	n := len(t.words) / 16
	h := synHash(w)
	for i, probes := slotOf(h, n), 0; probes < n; i, probes = (i+1)&(n-1), probes+1 {
		s := t.words[16*i:]
		switch binary.LittleEndian.Uint64(s) {
		case 0:
			return false
		case h:
			if t.strAt(s[8:], 0) == w {
				return true
			}
		}
	}
	return false
}

// alternatives decodes the alternatives of key row.
func (t *synTable) alternatives(row int) []alt {
	first, end := u32(t.keys, 3*row+2), u32(t.keys, 3*row+5)
	out := make([]alt, 0, end-first)
	// The alternatives' stems are consecutive in the table: one array
	// holds them all, each alternative a full slice of it (an append
	// copies, so none can write over the next), instead of an allocation
	// per alternative on every question word that has synonyms.
	all := make([]string, 0, u32(t.alts, end)-u32(t.alts, first))
	for a := first; a < end; a++ {
		s0, s1 := u32(t.alts, a), u32(t.alts, a+1)
		from := len(all)
		for s := s0; s < s1; s++ {
			all = append(all, t.strAt(t.stems, 2*s))
		}
		w := math.Float64frombits(binary.LittleEndian.Uint64(t.wghts[8*a:]))
		out = append(out, alt{stems: all[from:len(all):len(all)], weight: w})
	}
	return out
}

// match is stemTable.match over the encoded table.
func (t *synTable) match(stems []string) ([]alt, int) {
	if t == nil || t.nKeys == 0 {
		return nil, 0
	}
	// The key grows a word at a time in a buffer on the stack: findKey
	// keeps no copy, so string(key) of a key of up to 32 bytes (the
	// runtime's buffer for a conversion that does not escape) allocates nothing,
	// where a strings.Builder allocated on every question word.
	var (
		best = -1
		n    int
		buf  [64]byte
	)
	key := buf[:0]
	for i := 0; i < len(stems) && i < t.maxWords; i++ {
		if i > 0 {
			key = append(key, ' ')
		}
		key = append(key, stems[i]...)
		if row := t.findKey(string(key)); row >= 0 {
			best, n = row, i+1
		}
	}
	if best < 0 {
		return nil, 0
	}
	return t.alternatives(best), n
}

// eachKey calls yield with each key of the table, in key order, until it
// returns false.
func (t *synTable) eachKey(yield func(string) bool) {
	for row := range t.nKeys {
		if !yield(t.strAt(t.keys, 3*row)) {
			return
		}
	}
}

// stemTable decodes the whole table into the form built at run time, for
// the code that reads a table whole (composeTables, invertTranslations):
// the same keys, alternatives in the same order, and maxWords.
func (t *synTable) stemTable() *stemTable {
	st := newStemTable()
	for row := range t.nKeys {
		key := t.strAt(t.keys, 3*row)
		words := strings.Count(key, " ") + 1
		for _, a := range t.alternatives(row) {
			st.add(key, words, a)
		}
	}
	st.maxWords = t.maxWords
	return st
}

// A wordSet is a set of folded words.
type wordSet interface{ has(w string) bool }

// mapWords is a wordSet built at run time.
type mapWords map[string]bool

func (m mapWords) has(w string) bool { return m[w] }

// embeddedSynonyms returns the synonym table built from the embedded data
// when qabot was built.
func embeddedSynonyms() (*synTable, error) {
	return decodeSynTable(unsafe.Slice(unsafe.StringData(synonymsBin), len(synonymsBin)), synonymsBin)
}

// decodeSynTable reads an encoded table in place; strs is b as a string
// (both views of the same bytes, which must not change).
func decodeSynTable(b []byte, strs string) (*synTable, error) {
	hdr := len(synMagic) + 4*8
	if len(b) < hdr || string(b[:len(synMagic)]) != synMagic || len(strs) != len(b) {
		return nil, errBadSynTable
	}
	v := make([]int, 8)
	for i := range v {
		v[i] = u32(b[len(synMagic):], i)
	}
	maxWords, nKeys, slots, nAlts, nStems, nWords, wordSlots, nStr := v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]
	if bits.OnesCount(uint(slots)) != 1 || bits.OnesCount(uint(wordSlots)) != 1 || nKeys >= slots || nWords >= wordSlots {
		return nil, errBadSynTable
	}
	sec := &sections{b: b, off: hdr}
	next := sec.next
	t := &synTable{maxWords: maxWords, nKeys: nKeys, nAlts: nAlts, nStems: nStems, nWd: nWords}
	t.slots = next(12 * slots)
	t.keys = next(4 * (3*nKeys + 3))
	t.alts = next(4 * (nAlts + 1))
	t.wghts = next(8 * nAlts)
	t.stems = next(4 * 2 * nStems)
	t.words = next(16 * wordSlots)
	start := sec.off
	next(nStr)
	if sec.off != len(b) {
		return nil, errBadSynTable
	}
	t.strs = strs[start:]
	// Every reference within bounds, so that a damaged table is refused
	// here rather than found out by a lookup.
	inStrs := func(tab []byte, i int) bool { return u32(tab, i)+u32(tab, i+1) <= nStr }
	for k := range nKeys {
		if !inStrs(t.keys, 3*k) || u32(t.keys, 3*k+2) > u32(t.keys, 3*k+5) {
			return nil, errBadSynTable
		}
	}
	if u32(t.keys, 3*nKeys+2) != nAlts {
		return nil, errBadSynTable
	}
	for a := range nAlts {
		if u32(t.alts, a) > u32(t.alts, a+1) {
			return nil, errBadSynTable
		}
	}
	if u32(t.alts, nAlts) != nStems {
		return nil, errBadSynTable
	}
	for s := range nStems {
		if !inStrs(t.stems, 2*s) {
			return nil, errBadSynTable
		}
	}
	for i := range wordSlots {
		if !inStrs(t.words[16*i+8:], 0) {
			return nil, errBadSynTable
		}
	}
	return t, nil
}

// encodeSynTable writes t and the dictionary in the layout above: the
// same bytes for the same table.
func encodeSynTable(t *stemTable, dict map[string]bool) []byte {
	var pool strings.Builder
	interned := map[string]int{}
	str := func(s string) (int, int) {
		o, ok := interned[s]
		if !ok {
			o = pool.Len()
			pool.WriteString(s)
			interned[s] = o
		}
		return o, len(s)
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range t.m {
			if !yield(k) {
				return
			}
		}
	})
	words := slices.Sorted(func(yield func(string) bool) {
		for w, ok := range dict {
			if ok && !yield(w) {
				return
			}
		}
	})
	var (
		keyRecs, altRecs, stemRecs []byte
		weights                    []byte
		nAlts, nStems              int
	)
	put := func(b []byte, vs ...int) []byte {
		for _, v := range vs {
			b = binary.LittleEndian.AppendUint32(b, uint32(v))
		}
		return b
	}
	for _, k := range keys {
		o, l := str(k)
		keyRecs = put(keyRecs, o, l, nAlts)
		for _, a := range t.m[k] {
			if a.opposite {
				panic("qa: encodeSynTable: an opposite alternative in the synonyms")
			}
			altRecs = put(altRecs, nStems)
			weights = binary.LittleEndian.AppendUint64(weights, math.Float64bits(a.weight))
			nAlts++
			for _, s := range a.stems {
				o, l := str(s)
				stemRecs = put(stemRecs, o, l)
				nStems++
			}
		}
	}
	keyRecs = put(keyRecs, 0, 0, nAlts)
	altRecs = put(altRecs, nStems)
	slots, wordSlots := synSlots(len(keys)), synSlots(len(words))
	keySlots := make([]byte, 12*slots)
	for row, k := range keys {
		h := synHash(k)
		i := slotOf(h, slots)
		for binary.LittleEndian.Uint64(keySlots[12*i:]) != 0 {
			i = (i + 1) & (slots - 1)
		}
		binary.LittleEndian.PutUint64(keySlots[12*i:], h)
		binary.LittleEndian.PutUint32(keySlots[12*i+8:], uint32(row+1))
	}
	wordTab := make([]byte, 16*wordSlots)
	for _, w := range words {
		h := synHash(w)
		i := slotOf(h, wordSlots)
		for binary.LittleEndian.Uint64(wordTab[16*i:]) != 0 {
			i = (i + 1) & (wordSlots - 1)
		}
		o, l := str(w)
		binary.LittleEndian.PutUint64(wordTab[16*i:], h)
		binary.LittleEndian.PutUint32(wordTab[16*i+8:], uint32(o))
		binary.LittleEndian.PutUint32(wordTab[16*i+12:], uint32(l))
	}
	e := []byte(synMagic)
	e = put(e, t.maxWords, len(keys), slots, nAlts, nStems, len(words), wordSlots, pool.Len())
	for _, b := range [][]byte{keySlots, keyRecs, altRecs, weights, stemRecs, wordTab} {
		e = append(e, b...)
	}
	return append(e, pool.String()...)
}
