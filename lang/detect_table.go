package lang

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
)

// The detector's tables are one block of bytes, so that the detector
// trained at build time (detector.bin, written by go generate) is used
// where it lies in the binary: Open reads a few dozen header bytes and
// the models' names, and every lookup reads the tables in place. Training
// at run time (NewDetector) writes the same block, so both detectors are
// one code path.
//
// Layout, little-endian, sections back to back:
//
//	magic    "qabotLD1"
//	header   8 uint32: models, gram rows, gram slots, gram entries,
//	         word rows, word slots, word entries, log counts
//	models   per model: code and script (uint8 length + bytes), flags
//	         (1 supported, 2 romanised), logDen[1..4] and wordDen (float64)
//	grams    a table (below)
//	words    a table, then an opener mask per word row (uint32)
//	logs     log(c+α) for c = 0, 1, ... (float64)
//
// A table is an open-addressing hash of keys to rows: slot keys (uint64,
// 0 = empty), slot rows (uint32), then per row the offset of its entries
// (uint32, one more than rows), and the entries: model (uint8) and count
// (uint16) arrays. Rows hold only the models whose count is not zero.
const detectorMagic = "qabotLD1"

// maxModels bounds the models of a detector: opener masks are 32 bits.
const maxModels = 32

// table is a read-only view of one encoded table.
type table struct {
	keys, rows []byte // per slot: uint64, uint32
	shift      uint   // 64 - log2(slots)
	off        []byte // per row + 1: uint32
	model      []byte // per entry: uint8
	counts     []byte // per entry: uint16
}

func le16(b []byte, i int) int    { return int(binary.LittleEndian.Uint16(b[2*i:])) }
func le32(b []byte, i int) uint32 { return binary.LittleEndian.Uint32(b[4*i:]) }
func le64(b []byte, i int) uint64 { return binary.LittleEndian.Uint64(b[8*i:]) }

// slot is where probing for key starts: Fibonacci hashing of the key.
func slot(key uint64, shift uint) int { return int((key * 0x9e3779b97f4a7c15) >> shift) }

// row returns the row of key.
func (t *table) row(key uint64) (int, bool) {
	slots := len(t.rows) / 4
	i := slot(key, t.shift)
	for range slots {
		switch le64(t.keys, i) {
		case key:
			return int(le32(t.rows, i)) - 1, true
		case 0:
			return 0, false
		}
		i = (i + 1) & (slots - 1)
	}
	return 0, false
}

// span returns the entries of row: the models that have a count in it
// (t.model[e]) and the counts (le16(t.counts, e)) for e in [start, end).
func (t *table) span(row int) (start, end int) {
	return int(le32(t.off, row)), int(le32(t.off, row+1))
}

// count returns model m's count in row.
func (t *table) count(row, m int) int {
	for e, end := t.span(row); e < end; e++ {
		if int(t.model[e]) == m {
			return le16(t.counts, e)
		}
	}
	return 0
}

// wordKey is the key of a word in the words table: FNV-1a, never 0.
func wordKey(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return max(h, 1)
}

// errBadDetector means a detector block is damaged or of another version.
var errBadDetector = errors.New("lang: not a detector block")

// decodeDetector returns the detector encoded in blob, which it keeps.
func decodeDetector(blob []byte) (*Detector, error) {
	r := reader{b: blob}
	if string(r.next(len(detectorMagic))) != detectorMagic {
		return nil, errBadDetector
	}
	var h [8]int
	for i := range h {
		h[i] = int(r.u32())
	}
	k, gRows, gSlots, gEntries, wRows, wSlots, wEntries, nLogs := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7]
	if k > maxModels || bits.OnesCount(uint(gSlots)) != 1 || bits.OnesCount(uint(wSlots)) != 1 || gRows >= gSlots || wRows >= wSlots {
		return nil, errBadDetector
	}
	d := &Detector{tune: DefaultDetectorTuning(), blob: blob, models: make([]model, k)}
	for i := range d.models {
		m := &d.models[i]
		m.code = string(r.next(int(r.u8())))
		m.script = string(r.next(int(r.u8())))
		flags := r.u8()
		m.supported, m.romanised = flags&1 != 0, flags&2 != 0
		for n := 1; n <= maxOrder; n++ {
			m.logDen[n] = r.f64()
		}
		m.wordDen = r.f64()
	}
	d.grams = r.table(gRows, gSlots, gEntries)
	d.words = r.table(wRows, wSlots, wEntries)
	d.opens = r.next(4 * wRows)
	logs := r.next(8 * nLogs)
	if r.err != nil || len(r.b) != 0 || nLogs == 0 {
		return nil, errBadDetector
	}
	d.logCount = make([]float64, nLogs)
	for c := range d.logCount {
		d.logCount[c] = math.Float64frombits(le64(logs, c))
	}
	return d, nil
}

// reader reads a detector block front to back; a short block sets err.
type reader struct {
	b   []byte
	err error
}

func (r *reader) next(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.err = errBadDetector
		r.b = nil
		return make([]byte, max(n, 0))
	}
	out := r.b[:n:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u8() uint8    { return r.next(1)[0] }
func (r *reader) u32() uint32  { return binary.LittleEndian.Uint32(r.next(4)) }
func (r *reader) f64() float64 { return math.Float64frombits(binary.LittleEndian.Uint64(r.next(8))) }

func (r *reader) table(rows, slots, entries int) table {
	return table{
		keys: r.next(8 * slots), rows: r.next(4 * slots), shift: uint(64 - bits.TrailingZeros(uint(slots))),
		off: r.next(4 * (rows + 1)), model: r.next(entries), counts: r.next(2 * entries),
	}
}

// MarshalBinary returns the detector's encoded tables, which
// DetectorFromBinary reads back; go generate writes them to detector.bin.
func (d *Detector) MarshalBinary() ([]byte, error) { return d.blob, nil }

// DetectorFromBinary returns the detector whose tables MarshalBinary
// wrote. It reads them in place: data must not change afterwards.
func DetectorFromBinary(data []byte) (*Detector, error) {
	d, err := decodeDetector(data)
	if err != nil {
		return nil, fmt.Errorf("detector tables: %w", err)
	}
	return d, nil
}

// encoder writes a detector block.
type encoder struct{ b []byte }

func (e *encoder) u8(v uint8)     { e.b = append(e.b, v) }
func (e *encoder) u16(v uint16)   { e.b = binary.LittleEndian.AppendUint16(e.b, v) }
func (e *encoder) u32(v int)      { e.b = binary.LittleEndian.AppendUint32(e.b, uint32(v)) }
func (e *encoder) u64(v uint64)   { e.b = binary.LittleEndian.AppendUint64(e.b, v) }
func (e *encoder) f64(v float64)  { e.u64(math.Float64bits(v)) }
func (e *encoder) str(s string)   { e.u8(uint8(len(s))); e.b = append(e.b, s...) }
func (e *encoder) bytes(b []byte) { e.b = append(e.b, b...) }

// tableSlots returns the slots of a table of n keys: a power of two, with
// the table at most 70% full, so that probes stay short.
func tableSlots(n int) int { return max(1<<bits.Len(uint(n*10/7)), 8) }

// encodeTable writes the table of keys (row order) with counts (row-major,
// k per row), and returns its entry count.
func encodeTable(keys []uint64, counts []uint16, k int) (slotKeys, slotRows, off, models, cnts []byte) {
	slots := tableSlots(len(keys))
	shift := uint(64 - bits.TrailingZeros(uint(slots)))
	sk := make([]uint64, slots)
	sr := make([]uint32, slots)
	for row, key := range keys {
		i := slot(key, shift)
		for sk[i] != 0 {
			i = (i + 1) & (slots - 1)
		}
		sk[i], sr[i] = key, uint32(row+1)
	}
	for i := range sk {
		slotKeys = binary.LittleEndian.AppendUint64(slotKeys, sk[i])
		slotRows = binary.LittleEndian.AppendUint32(slotRows, sr[i])
	}
	e := 0
	for row := range keys {
		off = binary.LittleEndian.AppendUint32(off, uint32(e))
		for m, c := range counts[row*k : (row+1)*k] {
			if c != 0 {
				models = append(models, uint8(m))
				cnts = binary.LittleEndian.AppendUint16(cnts, c)
				e++
			}
		}
	}
	off = binary.LittleEndian.AppendUint32(off, uint32(e))
	return slotKeys, slotRows, off, models, cnts
}
