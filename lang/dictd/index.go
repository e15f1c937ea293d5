package dictd

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// b64 is dictd's base64 alphabet. Offsets and lengths are written as plain
// base-64 numerals in it, most significant digit first, with no padding.
const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// maxDigits bounds a numeral: ten digits are 60 bits, so the value always
// fits an int64, and no real dictionary is an exabyte.
const maxDigits = 10

// maxIndexLine is the longest index line read; longer lines are reported
// and skipped, so a file that is not an index cannot make us buffer it
// whole.
const maxIndexLine = 64 << 10

var b64Value = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i := 0; i < len(b64); i++ {
		t[b64[i]] = int8(i)
	}
	return t
}()

// decode64 reads one dictd base-64 numeral.
func decode64(s []byte) (int64, error) {
	if len(s) == 0 {
		return 0, errors.New("empty number")
	}
	if len(s) > maxDigits {
		return 0, fmt.Errorf("number %q is too long", s)
	}
	var v int64
	for i := 0; i < len(s); i++ {
		d := b64Value[s[i]]
		if d < 0 {
			return 0, fmt.Errorf("bad base64 digit %q in %q", s[i], s)
		}
		v = v<<6 | int64(d)
	}
	return v, nil
}

// encode64 writes v as a dictd base-64 numeral; tests use it to build
// indexes.
func encode64(v int64) string {
	if v <= 0 {
		return "A"
	}
	var buf [maxDigits + 1]byte
	i := len(buf)
	for v > 0 {
		i--
		buf[i] = b64[v&63]
		v >>= 6
	}
	return string(buf[i:])
}

// An entry is one line of an index: where a headword's text lies in the
// uncompressed dictionary.
type entry struct {
	head string // the headword as the index spells it, trimmed
	off  int64
	size int64
}

// parseIndexLine parses one index line, "headword TAB offset TAB length",
// with an optional fourth field, the original spelling of the headword,
// that dictfmt --index-keep-orig writes and which is then preferred. It
// works on bytes and allocates only the headword: an index has half a
// million lines.
func parseIndexLine(line []byte) (entry, error) {
	line = bytes.TrimRight(line, "\r\n")
	var f [4][]byte
	n := 0
	for rest := line; ; n++ {
		if n == len(f) {
			return entry{}, fmt.Errorf("want headword<TAB>offset<TAB>length, got more than %d fields", len(f))
		}
		var ok bool
		f[n], rest, ok = bytes.Cut(rest, []byte{'\t'})
		if !ok {
			n++
			break
		}
	}
	if n < 3 {
		return entry{}, fmt.Errorf("want headword<TAB>offset<TAB>length, got %d fields", n)
	}
	off, err := decode64(f[1])
	if err != nil {
		return entry{}, fmt.Errorf("offset: %w", err)
	}
	size, err := decode64(f[2])
	if err != nil {
		return entry{}, fmt.Errorf("length: %w", err)
	}
	head := f[0]
	if n == 4 && len(bytes.TrimSpace(f[3])) > 0 {
		head = f[3]
	}
	head = bytes.TrimSpace(head)
	if !utf8.Valid(head) {
		head = bytes.ToValidUTF8(head, []byte("\uFFFD"))
	}
	return entry{head: string(head), off: off, size: size}, nil
}

// maxReported bounds how many bad lines of one file are listed one by one;
// the rest are counted, so a file that is not an index at all yields a
// short error rather than half a million.
const maxReported = 10

// problems collects the errors of one file, keeping the first few.
type problems struct {
	path  string
	list  lang.ErrorList
	extra int
}

func (p *problems) add(line int, err error) {
	if len(p.list) == maxReported {
		p.extra++
		return
	}
	p.list.Add(p.path, line, err)
}

// into appends the problems to l, with a count of those left out.
func (p *problems) into(l *lang.ErrorList) {
	*l = append(*l, p.list...)
	if p.extra > 0 {
		l.Add(p.path, 0, fmt.Errorf("%d more problems", p.extra))
	}
}

// readIndex calls fn for every good line of an index, in file order, and
// notes every bad one. It stops early only when the reader fails.
func readIndex(r io.Reader, probs *problems, fn func(line int, e entry)) {
	br := bufio.NewReaderSize(r, 64<<10)
	var long []byte
	for n := 1; ; n++ {
		line, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// Gather the rest of an over-long line, up to a bound, so it
			// is skipped as one bad line rather than read as several.
			long = append(long[:0], line...)
			for errors.Is(err, bufio.ErrBufferFull) {
				line, err = br.ReadSlice('\n')
				if len(long) < maxIndexLine+1 {
					long = append(long, line...)
				}
			}
			line = long
		}
		if len(line) > 0 {
			switch {
			case len(line) > maxIndexLine:
				probs.add(n, fmt.Errorf("line longer than %d bytes", maxIndexLine))
			case len(bytes.TrimSpace(line)) == 0:
				// dictfmt never writes blank lines, but a hand-edited
				// index may end with one; it names nothing.
			default:
				e, perr := parseIndexLine(line)
				if perr != nil {
					probs.add(n, fmt.Errorf("%w: %q", perr, clip(string(bytes.TrimRight(line, "\r\n")))))
				} else {
					fn(n, e)
				}
			}
		}
		if err != nil {
			if err != io.EOF {
				probs.add(0, err)
			}
			return
		}
	}
}

// clip shortens a bad line for an error message.
func clip(s string) string {
	const max = 60
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}
