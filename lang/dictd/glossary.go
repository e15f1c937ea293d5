package dictd

import (
	"container/heap"
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// DefaultMaxEntries is the number of entries Glossary takes from one
// dictionary when asked for maxEntries <= 0. Every FreeDict dictionary into
// English but Hungarian and German is smaller; for those two it keeps
// memory and start-up bounded (see Glossary).
const DefaultMaxEntries = 50000

// Limits of Glossary, for the matching the engine does: a question is
// short, so long headwords and long glosses rarely match, and an entry of
// several kilobytes is a page of examples, not a gloss.
const (
	maxEntryBytes = 4096 // larger entries are skipped
	maxHeadWords  = 3    // longer headwords are skipped
	maxGlossWords = 4    // longer glosses are dropped
	maxGlosses    = 8    // glosses kept per headword
)

// Glossary reads the dictionary info.Name and returns its headwords, folded
// (lang.Fold, single spaces), each with its English glosses (Translations,
// at most eight, without glosses of more than four words or with a gap
// "..."), ready to join a language's translation table. Metadata entries,
// headwords of more than three words, one letter or with a gap, and entries
// over 4 KB are skipped.
//
// The work is bounded by maxEntries (DefaultMaxEntries when <= 0): when the
// index has more candidates, the ones kept are those with the shortest
// headwords, then the longest entries, since common words are short and
// have many senses and examples, and common words are what questions use. Only
// the kept entries are read; a .dict.dz with a chunk table is inflated
// chunk by chunk on every core, skipping chunks no kept entry is in.
//
// Bad index lines, entries beyond the text and corrupt chunks are skipped
// and reported in the error, a lang.ErrorList, alongside the glossary of
// what could be read; the map is nil only when the files cannot be read.
func Glossary(fsys fs.FS, info Info, maxEntries int) (map[string][]string, error) {
	if maxEntries <= 0 {
		maxEntries = DefaultMaxEntries
	}
	t, textPath, done, err := openText(fsys, info.Name, false)
	if err != nil {
		return nil, err
	}
	defer done()
	indexPath := info.Name + ".index"
	f, err := fsys.Open(indexPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()

	indexProbs := problems{path: indexPath}
	chosen := &ranked{}
	// German FreeDict has an entry per sense, 48 for "offen"; past
	// maxGlosses more cannot add a gloss, only take a place. The index is
	// sorted, so a headword's entries are adjacent.
	prevHead, run := "", 0
	readIndex(f, &indexProbs, func(n int, e entry) {
		if e.head == prevHead {
			run++
		} else {
			prevHead, run = e.head, 1
		}
		if err := checkSpan(e, t, maxEntry); err != nil {
			indexProbs.add(n, err)
			return
		}
		if run > maxGlosses || isMeta(e.head) || e.size == 0 || e.size > maxEntryBytes || countWords(e.head) > maxHeadWords {
			return
		}
		c := candidate{entry: e, line: n, runes: utf8.RuneCountInString(e.head)}
		if chosen.Len() < maxEntries {
			heap.Push(chosen, c)
		} else if c.better(chosen.list[0]) {
			chosen.list[0] = c
			heap.Fix(chosen, 0)
		}
	})

	results := readGlosses(t, chosen.list)

	// Merge in index order, so the glossary does not depend on how the
	// work was split.
	slices.SortFunc(results, func(a, b found) int { return a.line - b.line })
	out := make(map[string][]string, len(results))
	textProbs := problems{path: textPath}
	for _, fd := range results {
		if fd.err != nil {
			textProbs.add(0, fd.err)
			continue
		}
		if fd.key == "" || len(fd.glosses) == 0 {
			continue
		}
		out[fd.key] = mergeGlosses(out[fd.key], fd.glosses)
	}
	var errs lang.ErrorList
	indexProbs.into(&errs)
	textProbs.into(&errs)
	return out, errs.Err()
}

// A candidate is an index entry Glossary may read.
type candidate struct {
	entry
	line  int
	runes int // length of the headword
}

// better ranks candidates: a shorter headword, then a longer entry, then
// earlier in the index. Frequent words are short (Zipf's law of
// abbreviation) and have many senses and examples, and frequent words
// are what questions use: on the project's German questions, the 50,000
// shortest headwords of FreeDict deu-eng cover 34 of the 47 words outside
// the embedded lexicon that the whole dictionary covers; its first 50,000
// entries with the fewest words, longest entries first, cover 13.
func (c candidate) better(o candidate) bool {
	if c.runes != o.runes {
		return c.runes < o.runes
	}
	if c.size != o.size {
		return c.size > o.size
	}
	return c.line < o.line
}

// ranked is a heap with the worst kept candidate on top, to be replaced by
// a better one.
type ranked struct{ list []candidate }

func (r *ranked) Len() int           { return len(r.list) }
func (r *ranked) Less(i, j int) bool { return r.list[j].better(r.list[i]) }
func (r *ranked) Swap(i, j int)      { r.list[i], r.list[j] = r.list[j], r.list[i] }
func (r *ranked) Push(x any)         { r.list = append(r.list, x.(candidate)) }
func (r *ranked) Pop() any {
	c := r.list[len(r.list)-1]
	r.list = r.list[:len(r.list)-1]
	return c
}

// found is what one entry gave.
type found struct {
	line    int
	key     string
	glosses []string
	err     error
}

// minPerWorker keeps small dictionaries on one goroutine: below this many
// entries, starting more costs more than it saves.
const minPerWorker = 4000

// readGlosses reads and parses the candidates' entries, in text order,
// split between up to GOMAXPROCS goroutines.
func readGlosses(t text, cands []candidate) []found {
	slices.SortFunc(cands, func(a, b candidate) int { return compareInt64(a.off, b.off) })
	out := make([]found, len(cands))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(cands)/minPerWorker))
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(cands)/workers, (w+1)*len(cands)/workers
		wg.Go(func() {
			c := newChunkCache()
			var buf []byte
			for i := lo; i < hi; i++ {
				e := cands[i]
				var err error
				buf, err = t.appendSpan(buf[:0], e.off, e.size, c)
				if err != nil {
					out[i] = found{line: e.line, err: fmt.Errorf("entry %q: %w", e.head, err)}
					continue
				}
				out[i] = parseFound(e, string(buf))
			}
		})
	}
	wg.Wait()
	return out
}

// parseFound turns one entry into a glossary line.
func parseFound(e candidate, text string) found {
	fd := found{line: e.line}
	// The entry's own headword keeps the hyphens and capitals the index
	// key lost ("PC-Hersteller" for "pchersteller"), and the index of
	// "Akut-Zeichen" even has an empty key. But an index may also point
	// other keys at an entry, abbreviations above all ("gus" at
	// "Gemeinschaft Unabhängiger Staaten (GUS)"), and those keep theirs.
	line, _ := splitHeadLine(text)
	if e.head == "" || sameKey(headPart(line), e.head) {
		fd.key = glossKey(Headword(text))
	} else {
		fd.key = glossKey(e.head)
	}
	if fd.key == "" || countWords(fd.key) > maxHeadWords || hasEllipsis(fd.key) {
		fd.key = ""
		return fd
	}
	for _, g := range Translations(text) {
		if countWords(g) <= maxGlossWords && !hasEllipsis(g) {
			fd.glosses = append(fd.glosses, g)
			if len(fd.glosses) == maxGlosses {
				break
			}
		}
	}
	return fd
}

// sameKey reports whether two headwords have the same letters and digits,
// ignoring case, as dictfmt's index keys do. It does not fold accents,
// since the index keeps them, and it allocates nothing: Glossary asks it
// of every entry.
func sameKey(a, b string) bool {
	next := func(s string) (rune, string) {
		for s != "" {
			r, size := utf8.DecodeRuneInString(s)
			s = s[size:]
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r), s
			}
		}
		return -1, ""
	}
	for {
		var ra, rb rune
		ra, a = next(a)
		rb, b = next(b)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
	}
}

// hasEllipsis reports a template with a gap, "von ... her", "make ...
// acquaintance": its words are never side by side in a text, so as a
// phrase it cannot match.
func hasEllipsis(s string) bool {
	return strings.Contains(s, "...") || strings.Contains(s, "…")
}

// countWords counts the space-separated words of s without allocating.
func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// glossKey folds a headword for the glossary: lang.Fold, single spaces,
// and nothing when it has no letter or is a single character, which
// would match stray letters of questions.
func glossKey(head string) string {
	k := strings.Join(strings.Fields(lang.Fold(trimEnds(head))), " ")
	if utf8.RuneCountInString(k) < 2 || strings.IndexFunc(k, unicode.IsLetter) < 0 {
		return ""
	}
	return k
}

// mergeGlosses appends the glosses of add that old lacks, ignoring case and
// accents, up to maxGlosses.
func mergeGlosses(old, add []string) []string {
	for _, g := range add {
		if len(old) >= maxGlosses {
			break
		}
		if !slices.ContainsFunc(old, func(o string) bool { return lang.Fold(o) == lang.Fold(g) }) {
			old = append(old, g)
		}
	}
	return old
}
