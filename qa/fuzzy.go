package qa

import (
	"cmp"
	"slices"
	"sync"
	"unicode/utf8"
)

// A fuzzyIndex finds the words of a vocabulary within a small edit
// distance of a misspelt word, by the symmetric-delete method (SymSpell):
// every word is stored under the strings it gives when one or two letters
// are deleted, so a lookup costs a few probes instead of a scan.
//
// The deletion strings are not kept: each is stored as a 64-bit hash next
// to the number of its word, in one sorted array (12 bytes a variant
// instead of a map entry with its string). A lookup checks every word it
// finds by its edit distance, so a hash collision could only add a word
// that is within the distance anyway, which the deletions find too: the
// results are those of the strings themselves.
//
// The arrays are made on the first lookup: most questions spell every
// word as the article does, and a one-question process should not pay for
// hashing every deletion of every word of its corpus before it answers.
type fuzzyIndex struct {
	once   sync.Once
	hashes []uint64          // deletion variants' hashes, ascending
	ids    []uint32          // the word of each, an index into list
	list   []string          // the vocabulary's words, sorted
	words  map[string]string // vocabulary word -> stem
	// maxEdits caps the distance whatever the word's length: the
	// lexicons' spellers keep to one edit, which keeps them small.
	maxEdits int
}

// Words shorter than minFuzzyLen are never corrected: "war" and "was" are
// one letter apart and both real. Words of longFuzzyLen letters or more may
// be two edits away.
const (
	minFuzzyLen  = 4
	longFuzzyLen = 8
)

func maxDistance(n int) int {
	switch {
	case n < minFuzzyLen:
		return 0
	case n < longFuzzyLen:
		return 1
	}
	return 2
}

func newFuzzyIndex(vocab map[string]string, maxEdits int) *fuzzyIndex {
	return &fuzzyIndex{words: vocab, maxEdits: maxEdits}
}

// build makes the sorted deletion arrays, once.
func (f *fuzzyIndex) build() { f.once.Do(f.buildArrays) }

func (f *fuzzyIndex) buildArrays() {
	for w := range f.words {
		if utf8.RuneCountInString(w) >= minFuzzyLen {
			f.list = append(f.list, w)
		}
	}
	slices.Sort(f.list)
	type entry struct {
		h  uint64
		id uint32
	}
	var entries []entry
	for id, w := range f.list {
		for _, d := range deletions(w, f.limit(utf8.RuneCountInString(w))) {
			entries = append(entries, entry{fnv64(d), uint32(id)})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmp.Compare(a.h, b.h); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	f.hashes = make([]uint64, len(entries))
	f.ids = make([]uint32, len(entries))
	for i, e := range entries {
		f.hashes[i], f.ids[i] = e.h, e.id
	}
}

// variants returns the words stored under deletion variant d.
func (f *fuzzyIndex) variants(d string) []uint32 {
	h := fnv64(d)
	i, ok := slices.BinarySearch(f.hashes, h)
	if !ok {
		return nil
	}
	j := i
	for j < len(f.hashes) && f.hashes[j] == h {
		j++
	}
	return f.ids[i:j]
}

// fnv64 is the 64-bit FNV-1a hash of s.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// deletions returns w and every string made by deleting up to depth runes.
func deletions(w string, depth int) []string {
	// At most C(n, k) strings delete k of n runes: sized by that bound,
	// the slices and the map grow no more (this runs for every question
	// word the article lacks).
	n := utf8.RuneCountInString(w)
	bound, level := 1, 1
	for k := 1; k <= depth && k <= n; k++ {
		level = level * (n - k + 1) / k
		bound += level
	}
	seen := make(map[string]bool, bound)
	seen[w] = true
	out := make([]string, 1, bound)
	out[0] = w
	frontier := []string{w}
	level = 1
	for d := 0; d < depth; d++ {
		if d < n {
			level = level * (n - d) / (d + 1)
		}
		next := make([]string, 0, level)
		for _, s := range frontier {
			rs := []rune(s)
			for i := range rs {
				v := string(rs[:i]) + string(rs[i+1:])
				if !seen[v] {
					seen[v] = true
					out = append(out, v)
					next = append(next, v)
				}
			}
		}
		frontier = next
	}
	return out
}

// limit is the edit distance allowed for a word of n runes.
func (f *fuzzyIndex) limit(n int) int { return min(maxDistance(n), f.maxEdits) }

// stemOf returns the stem a vocabulary word stands for.
func (f *fuzzyIndex) stemOf(w string) string { return f.words[w] }

// correct returns the vocabulary word nearest to w and its distance, or
// ok == false when none is close enough. Ties go to the word that keeps
// w's first letter, then to the shorter edit, then alphabetically, so the
// result is deterministic.
func (f *fuzzyIndex) correct(w string) (word string, dist int, ok bool) {
	n := utf8.RuneCountInString(w)
	limit := f.limit(n)
	if limit == 0 {
		return "", 0, false
	}
	f.build()
	best, bestDist := "", limit+1
	first, _ := utf8.DecodeRuneInString(w)
	for _, d := range deletions(w, limit) {
		for _, id := range f.variants(d) {
			cand := f.list[id]
			dist := editDistance(w, cand, limit)
			if dist > limit {
				continue
			}
			cf, _ := utf8.DecodeRuneInString(cand)
			better := dist < bestDist ||
				dist == bestDist && (cf == first) && !startsWith(best, first) ||
				dist == bestDist && (cf == first) == startsWith(best, first) && cand < best
			if better {
				best, bestDist = cand, dist
			}
		}
	}
	if best == "" {
		return "", 0, false
	}
	return best, bestDist, true
}

func startsWith(s string, r rune) bool {
	f, _ := utf8.DecodeRuneInString(s)
	return s != "" && f == r
}

// editDistance returns the optimal-string-alignment distance between a and
// b (insertions, deletions, substitutions and swaps of neighbours), or
// limit+1 as soon as it must exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
