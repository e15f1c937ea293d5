package dictd

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
)

// maxText bounds the uncompressed text read into memory from a .dict.dz
// that lacks dictzip's chunk table (a plain gzip file). The largest FreeDict
// text, German, is about 100 MB; anything far bigger is not a dictionary
// (or is a gzip bomb).
const maxText = 512 << 20

// maxHeader bounds the gzip header read to find dictzip's chunk table: the
// extra field is at most 64 KiB, and a file name or comment longer than the
// rest is not worth finding.
const maxHeader = 128 << 10

// errBeyond means an index entry points past the end of the text.
var errBeyond = errors.New("entry lies beyond the end of the dictionary text")

// A text gives random access to the uncompressed text of a dictionary.
type text interface {
	// appendSpan appends the bytes [off, off+n) of the text to dst. c holds
	// decoded chunks between calls; each goroutine needs its own.
	appendSpan(dst []byte, off, n int64, c *chunkCache) ([]byte, error)
	// limit is the size of the text.
	limit() int64
}

// plainText is an uncompressed .dict, or a gzip file decoded in memory.
type plainText struct {
	r    io.ReaderAt
	size int64
}

func (p plainText) limit() int64 { return p.size }

func (p plainText) appendSpan(dst []byte, off, n int64, _ *chunkCache) ([]byte, error) {
	if off < 0 || n < 0 || off > p.size || n > p.size-off {
		return dst, errBeyond
	}
	start := len(dst)
	dst = slices.Grow(dst, int(n))[:start+int(n)]
	got, err := p.r.ReadAt(dst[start:], off)
	if got == int(n) {
		return dst, nil // ReaderAt may report io.EOF with the last byte
	}
	if err == nil || err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return dst[:start], err
}

// dzText is a dictzip file: a gzip file whose deflate stream is cut into
// chunks of chunkLen uncompressed bytes, each compressed on its own and
// listed in the header, so any span can be read by inflating one or two
// chunks rather than the whole text.
type dzText struct {
	r        io.ReaderAt
	chunkLen int64
	size     int64   // of the uncompressed text, from the gzip trailer
	starts   []int64 // compressed offset of each chunk, then of the end
}

func (z *dzText) limit() int64 { return z.size }

// chunkSize is the uncompressed length of chunk i: chunkLen but for the
// last.
func (z *dzText) chunkSize(i int64) int64 {
	return min(z.chunkLen, z.size-i*z.chunkLen)
}

// A chunkCache keeps the last two chunks decoded (an entry may straddle a
// boundary) and the buffers to decode into, so reading entries in text
// order inflates each chunk once.
type chunkCache struct {
	idx  [2]int64
	data [2][]byte
	next int
	comp []byte
	fr   io.ReadCloser
	// bad remembers the last chunk that failed, so the hundreds of
	// entries in a corrupt chunk cost one attempt and one error.
	bad    int64
	badErr error
}

func newChunkCache() *chunkCache { return &chunkCache{idx: [2]int64{-1, -1}, bad: -1} }

func (z *dzText) chunk(i int64, c *chunkCache) ([]byte, error) {
	for k := range c.idx {
		if c.idx[k] == i {
			return c.data[k], nil
		}
	}
	if c.bad == i {
		return nil, c.badErr
	}
	data, err := z.decode(i, c)
	if err != nil {
		c.bad, c.badErr = i, err
		return nil, err
	}
	k := c.next
	c.idx[k], c.data[k] = i, data
	c.next = 1 - k
	return data, nil
}

// decode inflates chunk i into the buffer of the cache slot about to be
// reused.
func (z *dzText) decode(i int64, c *chunkCache) ([]byte, error) {
	size := z.starts[i+1] - z.starts[i]
	c.comp = append(c.comp[:0], make([]byte, size)...)
	if n, err := z.r.ReadAt(c.comp, z.starts[i]); n != len(c.comp) {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("chunk %d: %w", i, err)
	}
	if c.fr == nil {
		c.fr = flate.NewReader(bytes.NewReader(c.comp))
	} else if err := c.fr.(flate.Resetter).Reset(bytes.NewReader(c.comp), nil); err != nil {
		return nil, fmt.Errorf("chunk %d: %w", i, err)
	}
	buf := c.data[c.next]
	if int64(cap(buf)) < z.chunkLen {
		buf = make([]byte, z.chunkLen)
	}
	buf = buf[:z.chunkSize(i)]
	c.idx[c.next] = -1 // the slot's old contents are being overwritten
	// Every chunk, the last too, ends with a flush rather than the end of
	// the stream (dictzip writes the final block after the table's last
	// chunk), so a chunk is whole when it gives its length in bytes.
	if _, err := io.ReadFull(c.fr, buf); err != nil {
		return nil, fmt.Errorf("chunk %d: %w", i, corrupt(err))
	}
	return buf, nil
}

// corrupt names what a failed inflate means for a reader of the error.
func corrupt(err error) error {
	if err == nil || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return errors.New("compressed data is truncated or corrupt")
	}
	return err
}

func (z *dzText) appendSpan(dst []byte, off, n int64, c *chunkCache) ([]byte, error) {
	if off < 0 || n < 0 || off > z.limit() || n > z.limit()-off {
		return dst, errBeyond
	}
	start := len(dst)
	for n > 0 {
		ci := off / z.chunkLen
		data, err := z.chunk(ci, c)
		if err != nil {
			return dst[:start], err
		}
		within := off - ci*z.chunkLen
		if within >= int64(len(data)) {
			return dst[:start], errBeyond
		}
		take := min(n, int64(len(data))-within)
		dst = append(dst, data[within:within+take]...)
		off += take
		n -= take
	}
	return dst, nil
}

// parseDictzip reads dictzip's chunk table from the start of a gzip file
// of size bytes. ok is false when the file is gzip without a usable table,
// which is then read as one stream; err is set when it is not gzip at all.
func parseDictzip(head, trailer []byte, size int64) (z *dzText, ok bool, err error) {
	if len(head) < 10 || head[0] != 0x1f || head[1] != 0x8b {
		return nil, false, errors.New("not a gzip file")
	}
	if head[2] != 8 {
		return nil, false, fmt.Errorf("unknown gzip compression method %d", head[2])
	}
	const (
		fhcrc    = 1 << 1
		fextra   = 1 << 2
		fname    = 1 << 3
		fcomment = 1 << 4
	)
	flags := head[3]
	p := 10
	var chunkLen int64
	var sizes []byte
	if flags&fextra != 0 {
		if len(head) < p+2 {
			return nil, false, nil
		}
		xlen := int(binary.LittleEndian.Uint16(head[p:]))
		p += 2
		if len(head) < p+xlen {
			return nil, false, nil
		}
		extra := head[p : p+xlen]
		p += xlen
		for len(extra) >= 4 {
			n := int(binary.LittleEndian.Uint16(extra[2:]))
			if len(extra) < 4+n {
				break
			}
			field := extra[4 : 4+n]
			if extra[0] == 'R' && extra[1] == 'A' && len(field) >= 6 &&
				binary.LittleEndian.Uint16(field) == 1 {
				chunkLen = int64(binary.LittleEndian.Uint16(field[2:]))
				count := int(binary.LittleEndian.Uint16(field[4:]))
				if len(field) >= 6+2*count {
					sizes = field[6 : 6+2*count]
				}
			}
			extra = extra[4+n:]
		}
	}
	for _, f := range []byte{fname, fcomment} {
		if flags&f != 0 {
			end := bytes.IndexByte(head[p:], 0)
			if end < 0 {
				return nil, false, nil
			}
			p += end + 1
		}
	}
	if flags&fhcrc != 0 {
		p += 2
	}
	if chunkLen == 0 || len(sizes) == 0 {
		return nil, false, nil
	}
	z = &dzText{chunkLen: chunkLen, starts: make([]int64, 0, len(sizes)/2+1)}
	at := int64(p)
	for i := 0; i < len(sizes); i += 2 {
		z.starts = append(z.starts, at)
		at += int64(binary.LittleEndian.Uint16(sizes[i:]))
	}
	z.starts = append(z.starts, at)
	// The chunks and the 8-byte gzip trailer must fit the file, and the
	// text length the trailer gives (modulo 2^32) must fill the last chunk;
	// a table that says otherwise is not trusted, and the file is read as
	// a stream, which reports any real damage itself.
	if at+8 > size || len(trailer) != 4 {
		return nil, false, nil
	}
	full := z.chunkLen * int64(len(z.starts)-2) // all chunks but the last
	z.size = full - full%(1<<32) + int64(binary.LittleEndian.Uint32(trailer))
	if z.size <= full {
		z.size += 1 << 32
	}
	if z.size <= full || z.size > full+z.chunkLen {
		return nil, false, nil
	}
	return z, true, nil
}

// openText opens name.dict.dz, or name.dict when there is none. With
// inMemory the file is read whole, so nothing stays open; otherwise the
// file is used in place when it supports ReadAt, and done must be called.
func openText(fsys fs.FS, name string, inMemory bool) (t text, path string, done func(), err error) {
	path = name + ".dict.dz"
	r, size, done, err := openReaderAt(fsys, path, inMemory)
	compressed := true
	if errors.Is(err, fs.ErrNotExist) {
		path = name + ".dict"
		r, size, done, err = openReaderAt(fsys, path, inMemory)
		compressed = false
		if errors.Is(err, fs.ErrNotExist) {
			return nil, path, nil, fmt.Errorf("%s: neither %s.dict.dz nor %s.dict exists", name, name, name)
		}
	}
	if err != nil {
		return nil, path, nil, err
	}
	if !compressed {
		return plainText{r: r, size: size}, path, done, nil
	}
	head := make([]byte, min(size, maxHeader))
	if n, err := r.ReadAt(head, 0); n < len(head) {
		done()
		return nil, path, nil, fmt.Errorf("%s: %w", path, err)
	}
	trailer := make([]byte, 4)
	if size >= 4 {
		if _, err := r.ReadAt(trailer, size-4); err != nil && err != io.EOF {
			done()
			return nil, path, nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	z, ok, err := parseDictzip(head, trailer, size)
	if err != nil {
		done()
		return nil, path, nil, fmt.Errorf("%s: %w", path, err)
	}
	if ok {
		z.r = r
		return z, path, done, nil
	}
	// Plain gzip: there is no way in but from the start, so decode it
	// whole, once.
	defer done()
	zr, err := gzip.NewReader(io.NewSectionReader(r, 0, size))
	if err != nil {
		return nil, path, nil, fmt.Errorf("%s: %w", path, err)
	}
	data, err := io.ReadAll(io.LimitReader(zr, maxText+1))
	if err != nil {
		return nil, path, nil, fmt.Errorf("%s: %w", path, corrupt(err))
	}
	if len(data) > maxText {
		return nil, path, nil, fmt.Errorf("%s: text is larger than %d bytes", path, maxText)
	}
	return plainText{r: bytes.NewReader(data), size: int64(len(data))}, path, func() {}, nil
}

// openReaderAt gives random access to a file of fsys: the file itself when
// it supports ReadAt (os.DirFS and fstest.MapFS files do), else its
// contents read into memory.
func openReaderAt(fsys fs.FS, path string, inMemory bool) (io.ReaderAt, int64, func(), error) {
	if !inMemory {
		f, err := fsys.Open(path)
		if err != nil {
			return nil, 0, nil, err
		}
		if ra, ok := f.(io.ReaderAt); ok {
			if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
				return ra, st.Size(), func() { f.Close() }, nil
			}
		}
		f.Close()
	}
	data, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, 0, nil, err
	}
	return bytes.NewReader(data), int64(len(data)), func() {}, nil
}
