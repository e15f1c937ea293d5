package qa

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// The span model is tens of thousands of weights, most of them lexical
// ("lang=en|prev=by"): parsing data/spans.tsv at every start was half of
// what a one-question process did. So the model is embedded as
// data/spans.bin, a table written when the model is (by the trainer, and
// by `go generate ./qa` through TestSpanTableUpToDate -update.spans, which
// fails while it differs from what spans.tsv makes) and read in place: a
// lexical word is found by hashing, and a block's weights ("kind=who/
// lang=en") are spread into dense tables only when a question first reads
// them, so a process pays for the blocks of the languages it answers in.
//
// Layout, little-endian; a string is an offset and a length (uint32 each)
// into the string bytes at the end:
//
//	magic    "qabotSM1"
//	header   uint32: base weights, words, word slots, blocks, lexical
//	         weights, string bytes; then nLexPos+1 word rows, where
//	         each position's words start (and the last ends)
//	base     per non-lexical weight, in name order: its name, its weight
//	         (float64 bits)
//	words    per word, by position then word: its string (without the
//	         position's prefix); its id is its row less its position's
//	         start
//	slots    per word slot: hash of prefix+word (uint64, 0 empty), row + 1
//	         (uint32)
//	blocks   per block of lexical weights, in name order: its name, then
//	         nLexPos+1 lexical rows where each position's weights start
//	ids      per lexical weight: its word's id (uint32)
//	weights  per lexical weight: float64 bits
//	strings  the bytes
const spanMagic = "qabotSM1"

var errBadSpanTable = errors.New("qa: not a span model table")

// encodeSpanTable writes the weights of a span model file (as
// readSpanModelFile returns them) as a table; names without a block are
// left out, as the model ignores them. The same weights always give the
// same bytes.
func encodeSpanTable(weights map[string]float64) []byte {
	type lexEntry struct {
		pos  int
		word string
		w    float64
	}
	var base []string
	lexByBlock := map[string][]lexEntry{}
	var vocab [nLexPos][]string
	for name, w := range weights {
		block, feat, ok := strings.Cut(name, "|")
		if !ok {
			continue
		}
		if pos, word, ok := lexFeature(feat); ok && block != "rules" {
			lexByBlock[block] = append(lexByBlock[block], lexEntry{pos, word, w})
			vocab[pos] = append(vocab[pos], word)
			continue
		}
		base = append(base, name)
	}
	slices.Sort(base)
	var posStart [nLexPos + 1]int
	for p := range vocab {
		vocab[p] = slices.Compact(slices.Sorted(slices.Values(vocab[p])))
		posStart[p+1] = posStart[p] + len(vocab[p])
	}
	idOf := func(pos int, word string) int {
		i, _ := slices.BinarySearch(vocab[pos], word)
		return i
	}
	blocks := make([]string, 0, len(lexByBlock))
	for b := range lexByBlock {
		blocks = append(blocks, b)
	}
	slices.Sort(blocks)

	var (
		strs   strings.Builder
		strOff = map[string]int{}
	)
	str := func(out []byte, s string) []byte {
		off, ok := strOff[s]
		if !ok {
			off = strs.Len()
			strOff[s] = off
			strs.WriteString(s)
		}
		out = binary.LittleEndian.AppendUint32(out, uint32(off))
		return binary.LittleEndian.AppendUint32(out, uint32(len(s)))
	}
	nWords := posStart[nLexPos]
	nSlots := synSlots(nWords)
	nLex := 0
	for _, es := range lexByBlock {
		nLex += len(es)
	}

	var body []byte
	for _, name := range base {
		body = str(body, name)
		body = binary.LittleEndian.AppendUint64(body, math.Float64bits(weights[name]))
	}
	for p := range vocab {
		for _, w := range vocab[p] {
			body = str(body, w)
		}
	}
	slots := make([]byte, 12*nSlots)
	for p := range vocab {
		for id, w := range vocab[p] {
			h := spanWordHash(p, w)
			i := slotOf(h, nSlots)
			for binary.LittleEndian.Uint64(slots[12*i:]) != 0 {
				i = (i + 1) & (nSlots - 1)
			}
			binary.LittleEndian.PutUint64(slots[12*i:], h)
			binary.LittleEndian.PutUint32(slots[12*i+8:], uint32(posStart[p]+id+1))
		}
	}
	body = append(body, slots...)
	var ids, ws []byte
	row := 0
	for _, b := range blocks {
		es := lexByBlock[b]
		slices.SortFunc(es, func(x, y lexEntry) int {
			if x.pos != y.pos {
				return x.pos - y.pos
			}
			return strings.Compare(x.word, y.word)
		})
		body = str(body, b)
		k := 0
		for p := 0; p <= nLexPos; p++ {
			for k < len(es) && es[k].pos < p {
				k++
			}
			body = binary.LittleEndian.AppendUint32(body, uint32(row+k))
		}
		for _, e := range es {
			ids = binary.LittleEndian.AppendUint32(ids, uint32(idOf(e.pos, e.word)))
			ws = binary.LittleEndian.AppendUint64(ws, math.Float64bits(e.w))
		}
		row += len(es)
	}
	body = append(body, ids...)
	body = append(body, ws...)

	out := []byte(spanMagic)
	for _, v := range []int{len(base), nWords, nSlots, len(blocks), nLex, strs.Len()} {
		out = binary.LittleEndian.AppendUint32(out, uint32(v))
	}
	for _, v := range posStart {
		out = binary.LittleEndian.AppendUint32(out, uint32(v))
	}
	out = append(out, body...)
	return append(out, strs.String()...)
}

// spanWordHash hashes a lexical feature's position prefix and word as
// synHash hashes their concatenation, without making it.
func spanWordHash(pos int, word string) uint64 {
	h := uint64(14695981039346656037)
	for _, s := range [2]string{lexPosNames[pos], word} {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
	}
	return max(h, 1)
}

// A lexTable is the lexical weights of a span model, read in place from
// a table. It is read-only (each block's dense tables are made once) and
// safe for concurrent use.
type lexTable struct {
	posStart [nLexPos + 1]int
	words    []byte // per word: string offset and length
	slots    []byte
	ids, ws  []byte
	strs     string
	blocks   []lexBlock // in name order
}

// A lexBlock is one block's lexical weights: rows [start[p], start[p+1])
// of the table's ids and weights hold position p's.
type lexBlock struct {
	name  string
	start [nLexPos + 1]int
	once  sync.Once
	dense *[nLexPos][]float64
}

// decodeSpanTable reads a table in place; strs is b as a string (both
// views of the same bytes, which must not change). It checks every
// reference, so reading the model never goes outside the table.
func decodeSpanTable(b []byte, strs string) (*spanModel, error) {
	bad := func(what string) (*spanModel, error) { return nil, fmt.Errorf("%w: %s", errBadSpanTable, what) }
	hdr := len(spanMagic) + 4*(6+nLexPos+1)
	if len(b) < hdr || string(b[:len(spanMagic)]) != spanMagic || len(strs) != len(b) {
		return bad("no header")
	}
	h := b[len(spanMagic):]
	nBase, nWords, nSlots, nBlocks, nLex, nStr := u32(h, 0), u32(h, 1), u32(h, 2), u32(h, 3), u32(h, 4), u32(h, 5)
	t := &lexTable{}
	for p := range t.posStart {
		t.posStart[p] = u32(h, 6+p)
		if p > 0 && t.posStart[p] < t.posStart[p-1] {
			return bad("word rows out of order")
		}
	}
	if t.posStart[0] != 0 || t.posStart[nLexPos] != nWords || nWords >= nSlots || nSlots&(nSlots-1) != 0 {
		return bad("word counts")
	}
	sec := &sections{b: b, off: hdr}
	next := sec.next
	baseRows := next(16 * nBase)
	t.words = next(8 * nWords)
	t.slots = next(12 * nSlots)
	blockRows := next(nBlocks * 4 * (2 + nLexPos + 1))
	t.ids = next(4 * nLex)
	t.ws = next(8 * nLex)
	if sec.off+nStr != len(b) {
		return bad("section sizes")
	}
	t.strs = strs[sec.off:]
	strOK := func(sec []byte, i int) bool { return u32(sec, i)+u32(sec, i+1) <= len(t.strs) }
	for i := 0; i < nWords; i++ {
		if !strOK(t.words, 2*i) {
			return bad("word string")
		}
	}
	for i := 0; i < nSlots; i++ {
		if r := int(binary.LittleEndian.Uint32(t.slots[12*i+8:])); r > nWords || (r == 0) != (binary.LittleEndian.Uint64(t.slots[12*i:]) == 0) {
			return bad("word slot")
		}
	}
	const blockRow = 2 + nLexPos + 1 // uint32s
	t.blocks = make([]lexBlock, nBlocks)
	for i := range t.blocks {
		if !strOK(blockRows, blockRow*i) {
			return bad("block name")
		}
		blk := &t.blocks[i]
		blk.name = t.strAt(blockRows, blockRow*i)
		for p := range blk.start {
			blk.start[p] = u32(blockRows, blockRow*i+2+p)
			if blk.start[p] > nLex || p > 0 && blk.start[p] < blk.start[p-1] {
				return bad("block rows")
			}
			if p > 0 {
				for r := blk.start[p-1]; r < blk.start[p]; r++ {
					if u32(t.ids, r) >= t.posStart[p]-t.posStart[p-1] {
						return bad("word id")
					}
				}
			}
		}
		if i > 0 && t.blocks[i-1].name >= blk.name {
			return bad("blocks out of order")
		}
	}
	m := newSpanModel()
	m.lex = t
	index := spanFeatureIndex()
	for i := 0; i < nBase; i++ {
		if !strOK(baseRows, 4*i) {
			return bad("weight name")
		}
		name := t.strAt(baseRows, 4*i)
		m.addBase(index, name, math.Float64frombits(binary.LittleEndian.Uint64(baseRows[16*i+8:])))
	}
	m.sumPairs()
	return m, nil
}

// strAt returns the string whose offset and length are the uint32s at
// b[4*i:] and b[4*i+4:].
func (t *lexTable) strAt(b []byte, i int) string {
	off := u32(b, i)
	return t.strs[off : off+u32(b, i+1)]
}

// id returns the id of word at position pos, -1 when the table has no
// weight for it.
func (t *lexTable) id(pos int, word string) int32 {
	if t == nil {
		return -1
	}
	n := len(t.slots) / 12
	if n == 0 {
		return -1
	}
	h := spanWordHash(pos, word)
	for i, probes := slotOf(h, n), 0; probes < n; i, probes = (i+1)&(n-1), probes+1 {
		s := t.slots[12*i:]
		switch binary.LittleEndian.Uint64(s) {
		case 0:
			return -1
		case h:
			row := int(binary.LittleEndian.Uint32(s[8:])) - 1
			if row >= t.posStart[pos] && row < t.posStart[pos+1] && t.strAt(t.words, 2*row) == word {
				return int32(row - t.posStart[pos])
			}
		}
	}
	return -1
}

// block returns the dense tables of a block of lexical weights, by
// position and word id, or nil when the model has none.
func (t *lexTable) block(name string) *[nLexPos][]float64 {
	if t == nil {
		return nil
	}
	i := sort.Search(len(t.blocks), func(i int) bool { return t.blocks[i].name >= name })
	if i == len(t.blocks) || t.blocks[i].name != name {
		return nil
	}
	blk := &t.blocks[i]
	blk.once.Do(func() {
		d := &[nLexPos][]float64{}
		for p := range d {
			d[p] = make([]float64, t.posStart[p+1]-t.posStart[p])
			for r := blk.start[p]; r < blk.start[p+1]; r++ {
				d[p][u32(t.ids, r)] = math.Float64frombits(binary.LittleEndian.Uint64(t.ws[8*r:]))
			}
		}
		blk.dense = d
	})
	return blk.dense
}
