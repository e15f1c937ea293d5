package qa

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/qabot/qabot/internal/gencorpus"
	"github.com/qabot/qabot/lang"
)

// refCorrect is the speller as it was with its deletion strings in a map:
// the compact index must find the same word for every input.
func refDeletes(vocab map[string]string, maxEdits int) map[string][]string {
	f := &fuzzyIndex{maxEdits: maxEdits}
	deletes := map[string][]string{}
	for v := range vocab {
		if n := utf8.RuneCountInString(v); n >= minFuzzyLen {
			for _, d := range deletions(v, f.limit(n)) {
				deletes[d] = append(deletes[d], v)
			}
		}
	}
	return deletes
}

func refCorrect(deletes map[string][]string, maxEdits int, w string) (string, int, bool) {
	f := &fuzzyIndex{maxEdits: maxEdits}
	limit := f.limit(utf8.RuneCountInString(w))
	if limit == 0 {
		return "", 0, false
	}
	best, bestDist := "", limit+1
	first, _ := utf8.DecodeRuneInString(w)
	for _, d := range deletions(w, limit) {
		for _, cand := range deletes[d] {
			dist := editDistance(w, cand, limit)
			if dist > limit {
				continue
			}
			cf, _ := utf8.DecodeRuneInString(cand)
			if dist < bestDist ||
				dist == bestDist && (cf == first) && !startsWith(best, first) ||
				dist == bestDist && (cf == first) == startsWith(best, first) && cand < best {
				best, bestDist = cand, dist
			}
		}
	}
	if best == "" {
		return "", 0, false
	}
	return best, bestDist, true
}

// TestFuzzyIndexMatchesStrings checks the hashed speller against the one
// that kept its deletion strings, on the vocabulary of a generated corpus
// and words one, two and three random edits away from its words.
func TestFuzzyIndexMatchesStrings(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load(gencorpus.Generate(20, 3, 1).FS(), Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	vocab := e.idx.fuzzy.words
	var words []string
	for w := range vocab {
		words = append(words, w)
	}
	slices.Sort(words)
	r := rand.New(rand.NewPCG(1, 2))
	letters := []rune("abcdefghijklmnopqrstuvwxyzéäöü")
	edit := func(w string) string {
		rs := []rune(w)
		switch i := r.IntN(len(rs) + 1); r.IntN(4) {
		case 0: // insert
			rs = slices.Insert(rs, i, letters[r.IntN(len(letters))])
		case 1: // delete
			if i < len(rs) {
				rs = slices.Delete(rs, i, i+1)
			}
		case 2: // substitute
			if i < len(rs) {
				rs[i] = letters[r.IntN(len(letters))]
			}
		default: // swap neighbours
			if i+1 < len(rs) {
				rs[i], rs[i+1] = rs[i+1], rs[i]
			}
		}
		return string(rs)
	}
	for _, maxEdits := range []int{1, 2} {
		f := newFuzzyIndex(vocab, maxEdits)
		deletes := refDeletes(vocab, maxEdits)
		found := 0
		for i := 0; i < 1500; i++ {
			w := words[r.IntN(len(words))]
			for range 1 + i%3 {
				w = edit(w)
			}
			got, gd, gok := f.correct(w)
			want, wd, wok := refCorrect(deletes, maxEdits, w)
			if got != want || gd != wd || gok != wok {
				t.Fatalf("maxEdits %d: correct(%q) = %q %d %v, want %q %d %v", maxEdits, w, got, gd, gok, want, wd, wok)
			}
			if gok {
				found++
			}
		}
		if found < 300 {
			t.Fatalf("maxEdits %d: only %d of 1500 misspellings put right: the test checks too little", maxEdits, found)
		}
	}
}
