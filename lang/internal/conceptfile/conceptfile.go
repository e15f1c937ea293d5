// Package conceptfile reads and writes the binary concept tables of
// lang/data/<code>/concepts.bin: a language's words and phrases to the
// concepts (WordNet synsets) they mean, and each concept to the words that
// say it (see lang/concepts.go for what the tables mean). genlex writes
// them; lang reads them in place, without parsing: a lookup is a binary
// search over front-coded blocks of sorted strings, or a jump to a bucket
// of concepts.
//
// The format (integers little-endian, uvarint as in encoding/binary):
//
//	header   "QCT1", senseWidth, entryWidth, blockShift, bucketShift (one
//	         byte each), nStrings, nBuckets, len(strings), len(words)
//	         (uint32 each)
//	blocks   [ceil(nStrings / 2^blockShift)]uint32: where each block of
//	         strings starts in strings
//	buckets  [nBuckets+1]uint32: where each bucket starts in words
//	strings  the sorted strings (the keys, and the stems of the words of
//	         the second table), in blocks of 2^blockShift: the first of a
//	         block as uvarint length and bytes, the others as uvarint
//	         length of the prefix shared with the string before, uvarint
//	         suffix length and the suffix; each string followed by uvarint
//	         nSenses and nSenses values of senseWidth bytes, concept<<7 |
//	         weight, heaviest first (a string that is no key has none)
//	words    per bucket (concept >> bucketShift), its concepts in
//	         increasing order, each as one byte concept & (2^bucketShift-1),
//	         uvarint nWords and nWords values of entryWidth bytes,
//	         stringIndex<<7 | weight, heaviest first
//
// Widths are 3 bytes when the concepts (strings) fit in 17 bits, else 4;
// weights are 1-100. Reading malformed data gives an empty or shorter
// table, never a panic.
package conceptfile

import (
	"encoding/binary"
)

// Magic opens every concept file; the digit is the format version.
const Magic = "QCT1"

const (
	headerSize = 8 + 4*4
	// blockShift: 8 strings a block. A lookup decodes at most a block.
	blockShift = 3
	// bucketShift: 32 concepts a bucket.
	bucketShift = 5
)

// A Table is a parsed concept file. Its methods read the data in place.
type Table struct {
	senseW, entryW          int
	blockShift, bucketShift uint
	nStrings                int
	blocks, buckets         []byte // uint32 offsets
	strs, words             []byte
}

// Parse reads the header of a concept file and checks that its sections
// fit the data.
func Parse(data []byte) (*Table, bool) {
	t := &Table{}
	if len(data) < headerSize || string(data[:4]) != Magic {
		return nil, false
	}
	t.senseW, t.entryW = int(data[4]), int(data[5])
	t.blockShift, t.bucketShift = uint(data[6]), uint(data[7])
	u := func(i int) int { return int(binary.LittleEndian.Uint32(data[8+4*i:])) }
	nStrings, nBuckets, nStrs, nWords := u(0), u(1), u(2), u(3)
	if t.senseW < 3 || t.senseW > 4 || t.entryW < 3 || t.entryW > 4 || t.blockShift > 10 || t.bucketShift > 8 {
		return nil, false
	}
	nBlocks := (nStrings + 1<<t.blockShift - 1) >> t.blockShift
	rest := data[headerSize:]
	ok := true
	take := func(n int) []byte {
		if n < 0 || n > len(rest) {
			ok = false
			return nil
		}
		b := rest[:n:n]
		rest = rest[n:]
		return b
	}
	t.blocks = take(4 * nBlocks)
	t.buckets = take(4 * (nBuckets + 1))
	t.strs = take(nStrs)
	t.words = take(nWords)
	if !ok || len(rest) != 0 {
		return nil, false
	}
	t.nStrings = nStrings
	return t, true
}

// Len returns the number of strings of the table (keys and words).
func (t *Table) Len() int {
	if t == nil {
		return 0
	}
	return t.nStrings
}

// Values is a list of (id, weight) values read in place: the senses of a
// key (id a concept) or the words of a concept (id the index of the
// word's stems among the table's strings, for String).
type Values struct {
	raw   []byte
	width int
}

// Len returns the number of values.
func (v Values) Len() int {
	if v.width == 0 {
		return 0
	}
	return len(v.raw) / v.width
}

// At returns the i-th value: an id and its weight, 1-100.
func (v Values) At(i int) (id uint32, weight int) {
	x := value(v.raw[i*v.width:], v.width)
	return x >> 7, int(x & 0x7f)
}

// Senses returns the concepts of key, heaviest first (none when key is no
// key).
func (t *Table) Senses(key string) Values {
	if t == nil {
		return Values{}
	}
	raw, _ := t.find(key)
	return Values{raw, t.senseW}
}

// Words returns the words of a concept, heaviest first: String gives the
// stems of each.
func (t *Table) Words(concept uint32) Values {
	if t == nil {
		return Values{}
	}
	return Values{t.entries(concept), t.entryW}
}

// String appends the i-th string of the table to buf.
func (t *Table) String(i int, buf []byte) ([]byte, bool) {
	if t == nil {
		return buf, false
	}
	return t.stringAt(i, buf)
}

// Each calls fn with every string of the table, in order, and its number
// of senses (0 for a string that is only a word of the second table),
// until fn returns false. key is valid only during the call.
func (t *Table) Each(fn func(key []byte, senses int) bool) {
	if t == nil {
		return
	}
	var buf []byte
	for b := range len(t.blocks) / 4 {
		r := t.reader(b, buf)
		for r.next() {
			if !fn(r.key, len(r.senses)/t.senseW) {
				return
			}
		}
		buf = r.key
	}
}

// uvarint is binary.Uvarint with a fast path for one byte, which most
// lengths and counts take.
func uvarint(b []byte) (uint64, int) {
	if len(b) > 0 && b[0] < 0x80 {
		return uint64(b[0]), 1
	}
	return binary.Uvarint(b)
}

// value reads a little-endian value of w (3 or 4) bytes.
func value(b []byte, w int) uint32 {
	v := uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16
	if w == 4 {
		v |= uint32(b[3]) << 24
	}
	return v
}

// offset reads the i-th uint32 of an offset section, or -1.
func offset(sec []byte, i int) int {
	if i < 0 || 4*i+4 > len(sec) {
		return -1
	}
	return int(binary.LittleEndian.Uint32(sec[4*i:]))
}

// block returns the bytes of block b of the strings, or nil.
func (t *Table) block(b int) []byte {
	start := offset(t.blocks, b)
	end := offset(t.blocks, b+1)
	if end < 0 {
		end = len(t.strs)
	}
	if start < 0 || start > end || end > len(t.strs) {
		return nil
	}
	return t.strs[start:end]
}

// A blockReader reads the strings of one block in order.
type blockReader struct {
	senseW int
	data   []byte
	first  bool
	key    []byte // the current string (reused)
	senses []byte // its senses, raw
}

func (t *Table) reader(b int, buf []byte) blockReader {
	return blockReader{senseW: t.senseW, data: t.block(b), first: true, key: buf[:0]}
}

// next reads the next string; false at the end of the block or on bad
// data.
func (r *blockReader) next() bool {
	if len(r.data) == 0 {
		return false
	}
	shared := 0
	if !r.first {
		n, k := uvarint(r.data)
		if k <= 0 || n > uint64(len(r.key)) {
			r.data = nil
			return false
		}
		shared, r.data = int(n), r.data[k:]
	}
	r.first = false
	n, k := uvarint(r.data)
	if k <= 0 || n > uint64(len(r.data)-k) {
		r.data = nil
		return false
	}
	r.key = append(r.key[:shared], r.data[k:k+int(n)]...)
	r.data = r.data[k+int(n):]
	ns, k := uvarint(r.data)
	if k <= 0 || ns > uint64((len(r.data)-k)/r.senseW) {
		r.data = nil
		return false
	}
	end := k + int(ns)*r.senseW
	r.senses, r.data = r.data[k:end], r.data[end:]
	return true
}

// firstString returns the first string of block b.
func (t *Table) firstString(b int) ([]byte, bool) {
	data := t.block(b)
	n, k := uvarint(data)
	if k <= 0 || n > uint64(len(data)-k) {
		return nil, false
	}
	return data[k : k+int(n)], true
}

// find returns the raw senses of a key, false when the table does not
// hold it as a key.
func (t *Table) find(key string) ([]byte, bool) {
	// The last block whose first string is <= key.
	lo, hi := 0, len(t.blocks)/4
	for lo < hi {
		mid := lo + (hi-lo)/2
		first, ok := t.firstString(mid)
		if !ok {
			return nil, false
		}
		if string(first) <= key {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return nil, false
	}
	var buf [64]byte
	r := t.reader(lo-1, buf[:0])
	for r.next() {
		switch s := string(r.key); {
		case s == key:
			return r.senses, len(r.senses) > 0
		case s > key:
			return nil, false
		}
	}
	return nil, false
}

// stringAt appends the i-th string to buf.
func (t *Table) stringAt(i int, buf []byte) ([]byte, bool) {
	if i < 0 || i >= t.nStrings {
		return buf, false
	}
	start := len(buf)
	r := t.reader(i>>t.blockShift, buf[start:])
	for range i&(1<<t.blockShift-1) + 1 {
		if !r.next() {
			return buf, false
		}
	}
	// r.key was built in buf's spare capacity, or in a new array.
	return append(buf, r.key...), true
}

// entries returns the raw words of a concept.
func (t *Table) entries(c uint32) []byte {
	b := int(c >> t.bucketShift)
	start, end := offset(t.buckets, b), offset(t.buckets, b+1)
	if start < 0 || end < start || end > len(t.words) {
		return nil
	}
	data := t.words[start:end]
	low := byte(c & (1<<t.bucketShift - 1))
	for len(data) > 1 {
		id := data[0]
		n, k := uvarint(data[1:])
		if k <= 0 || n > uint64((len(data)-1-k)/t.entryW) {
			return nil
		}
		body := data[1+k : 1+k+int(n)*t.entryW]
		switch {
		case id == low:
			return body
		case id > low:
			return nil
		}
		data = data[1+k+len(body):]
	}
	return nil
}
