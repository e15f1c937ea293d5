// Package dictd reads dictionaries in the dictd format, the format of the
// FreeDict bilingual dictionaries that Debian ships as dict-freedict-xxx-eng
// packages, and turns their entries into English glosses that extend the
// embedded lexicons of package lang.
//
// A dictionary is two files: name.index, one line per headword
// ("headword TAB offset TAB length", the numbers in dictd's base 64), and
// the text the offsets point into, either name.dict or name.dict.dz
// (dictzip: gzip cut into chunks that can be inflated one at a time).
//
// FreeDict data is GPL-licensed, so qabot never embeds it: the package
// reads whatever fs.FS it is given (os.DirFS("/usr/share/dictd") in the
// front ends), does no other I/O and keeps no state between calls.
package dictd

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/qabot/qabot/lang"
)

// maxEntry bounds one entry's text. The longest FreeDict entry is under
// 5 KB; an index that claims more is damaged, and Lookup should not
// allocate what it claims.
const maxEntry = 1 << 20

// A Dict is one dictionary held in memory: its index, and its text
// (compressed, for a .dict.dz with a chunk table). It is safe for
// concurrent use.
type Dict struct {
	name    string
	text    text
	entries []entry            // in text order, for All
	byKey   map[string][]int32 // lookup key -> entries, in index order

	mu    sync.Mutex // guards cache and err
	cache *chunkCache
	err   error
}

// Open reads the dictionary name (a path in fsys without extension, e.g.
// "freedict-fra-eng") from name.index and name.dict.dz, or name.dict when
// there is no .dict.dz.
//
// Bad index lines (too few fields, bad base 64, an entry beyond the end of
// the text) are skipped and reported, with the file name and line, in the
// returned error, a lang.ErrorList, alongside a Dict that holds the good
// ones, as lang.Load does. The Dict is nil only when a file cannot be read
// at all.
func Open(fsys fs.FS, name string) (*Dict, error) {
	t, _, done, err := openText(fsys, name, true)
	if err != nil {
		return nil, err
	}
	done()
	indexPath := name + ".index"
	f, err := fsys.Open(indexPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d := &Dict{name: name, text: t, byKey: map[string][]int32{}, cache: newChunkCache()}
	probs := problems{path: indexPath}
	readIndex(f, &probs, func(n int, e entry) {
		if err := checkSpan(e, t, maxEntry); err != nil {
			probs.add(n, err)
			return
		}
		k := lookupKey(e.head)
		d.byKey[k] = append(d.byKey[k], int32(len(d.entries)))
		d.entries = append(d.entries, e)
	})
	// byKey holds positions in index order; All wants text order, so sort
	// a permutation and renumber.
	order := make([]int32, len(d.entries))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortStableFunc(order, func(a, b int32) int {
		return compareInt64(d.entries[a].off, d.entries[b].off)
	})
	pos := make([]int32, len(order))
	sorted := make([]entry, len(order))
	for to, from := range order {
		pos[from] = int32(to)
		sorted[to] = d.entries[from]
	}
	d.entries = sorted
	for _, list := range d.byKey {
		for i, p := range list {
			list[i] = pos[p]
		}
	}
	var errs lang.ErrorList
	probs.into(&errs)
	return d, errs.Err()
}

func compareInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// checkSpan reports an entry the text cannot hold, or one over max bytes.
func checkSpan(e entry, t text, max int64) error {
	switch {
	case e.size > max:
		return fmt.Errorf("entry %q is %d bytes, more than %d", e.head, e.size, max)
	case e.off > t.limit() || e.size > t.limit()-e.off:
		return fmt.Errorf("entry %q at %d+%d: %w (%d bytes)", e.head, e.off, e.size, errBeyond, t.limit())
	}
	return nil
}

// Name returns the name the dictionary was opened with.
func (d *Dict) Name() string { return d.name }

// Len returns the number of index entries, 00-database-* entries included.
func (d *Dict) Len() int { return len(d.entries) }

// Lookup returns the raw text of every entry of headword, in index order.
// The headword is matched as dictd does: case, accents, punctuation and
// repeated spaces do not count ("PC-Hersteller" finds "pchersteller").
// ok is false when there is no entry, or none could be read (see Err).
func (d *Dict) Lookup(headword string) ([]string, bool) {
	list := d.byKey[lookupKey(headword)]
	var out []string
	for _, i := range list {
		if s, ok := d.read(d.entries[i]); ok {
			out = append(out, s)
		}
	}
	return out, len(out) > 0
}

// All calls yield with the index headword and the raw text of every entry,
// in the order of the text, so that each chunk of a .dict.dz is inflated
// once, until yield returns false. Entries that cannot be read are skipped
// and the first such error is kept for Err. It fits range-over-func:
//
//	for head, entry := range d.All { ... }
func (d *Dict) All(yield func(headword, entry string) bool) {
	for _, e := range d.entries {
		s, ok := d.read(e)
		if ok && !yield(e.head, s) {
			return
		}
	}
}

// Err returns the first error met reading entry text, for instance a
// corrupt chunk of a .dict.dz, which Open cannot see without inflating the
// whole file.
func (d *Dict) Err() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.err
}

func (d *Dict) read(e entry) (string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	b, err := d.text.appendSpan(nil, e.off, e.size, d.cache)
	if err != nil {
		if d.err == nil {
			d.err = fmt.Errorf("%s: entry %q: %w", d.name, e.head, err)
		}
		return "", false
	}
	return string(b), true
}

// lookupKey normalises a headword the way dictfmt builds index keys: folded
// (lang.Fold), with only letters, digits and single spaces kept.
func lookupKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range lang.Fold(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r):
			space = true
		}
	}
	return b.String()
}

// isMeta reports dictd's metadata entries (00-database-info, -url, ...),
// which are about the dictionary, not words. Their index keys lose the
// hyphens: "00databaseinfo".
func isMeta(head string) bool {
	return strings.HasPrefix(head, "00database") || strings.HasPrefix(head, "00-database")
}
