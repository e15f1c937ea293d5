package conceptfile

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// randomTables makes tables of n keys with their senses, and the words of
// every concept they name, from a fixed seed.
func randomTables(seed uint64, n, concepts int) (map[string][]Sense, map[uint32][]Word) {
	r := rand.New(rand.NewPCG(seed, 1))
	word := func() string {
		var sb strings.Builder
		for range 1 + r.IntN(3) {
			if sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			// Shared prefixes, as stems have, and non-ASCII letters.
			sb.WriteString([]string{"ab", "abc", "zu", "пра", "gé"}[r.IntN(5)])
			for range r.IntN(6) {
				sb.WriteByte(byte('a' + r.IntN(26)))
			}
		}
		return sb.String()
	}
	keys := map[string][]Sense{}
	words := map[uint32][]Word{}
	for range n {
		k := word()
		var ss []Sense
		for range 1 + r.IntN(4) {
			c := uint32(r.IntN(concepts))
			if slices.ContainsFunc(ss, func(s Sense) bool { return s.Concept == c }) {
				continue
			}
			ss = append(ss, Sense{Concept: c, Weight: 1 + r.IntN(100)})
			words[c] = append(words[c], Word{Stems: word(), Weight: 1 + r.IntN(100)})
		}
		keys[k] = ss
	}
	return keys, words
}

// TestRoundTrip encodes tables and reads every key, string and concept
// back, with both value widths.
func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		keys, concepts int
	}{{1, 1}, {7, 3}, {2000, 500}, {3000, 1 << 18}} {
		t.Run(fmt.Sprint(tc.keys, "/", tc.concepts), func(t *testing.T) {
			keys, words := randomTables(uint64(tc.keys), tc.keys, tc.concepts)
			data, err := Encode(keys, words)
			if err != nil {
				t.Fatal(err)
			}
			tab, ok := Parse(data)
			if !ok {
				t.Fatal("Parse failed")
			}
			for k, want := range keys {
				vs := tab.Senses(k)
				var got []Sense
				for i := range vs.Len() {
					c, w := vs.At(i)
					got = append(got, Sense{c, w})
				}
				if !slices.Equal(got, want) {
					t.Errorf("Senses(%q) = %v, want %v", k, got, want)
				}
				if vs := tab.Senses(k + "\x00"); vs.Len() != 0 {
					t.Errorf("Senses(%q) found %d senses", k+"\x00", vs.Len())
				}
			}
			for c, want := range words {
				ws := tab.Words(c)
				var got []Word
				for i := range ws.Len() {
					id, w := ws.At(i)
					s, ok := tab.String(int(id), nil)
					if !ok {
						t.Fatalf("String(%d) failed", id)
					}
					got = append(got, Word{string(s), w})
				}
				if !slices.Equal(got, want) {
					t.Errorf("Words(%d) = %v, want %v", c, got, want)
				}
			}
			if ws := tab.Words(uint32(tc.concepts) + 1); ws.Len() != 0 {
				t.Errorf("a concept past the last has %d words", ws.Len())
			}
			// Each lists every string once, sorted, with the key's senses.
			var prev string
			n := 0
			tab.Each(func(key []byte, senses int) bool {
				if n > 0 && string(key) <= prev {
					t.Errorf("Each: %q after %q", key, prev)
				}
				if senses != len(keys[string(key)]) {
					t.Errorf("Each: %q with %d senses, want %d", key, senses, len(keys[string(key)]))
				}
				prev = string(key)
				n++
				return true
			})
			if n != tab.Len() {
				t.Errorf("Each listed %d strings, Len %d", n, tab.Len())
			}
		})
	}
	if _, err := Encode(map[string][]Sense{"a": {{1, 101}}}, nil); err == nil {
		t.Error("Encode took a weight of 101")
	}
}

// TestMalformed reads every truncation and many corruptions of a table:
// never a panic, and a lookup in a table that parses stays in bounds.
func TestMalformed(t *testing.T) {
	keys, words := randomTables(3, 300, 100)
	data, err := Encode(keys, words)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for k := range keys {
		all = append(all, k)
	}
	slices.Sort(all)
	probes := []string{"", "zz"}
	for i := 0; i < len(all); i += 30 {
		probes = append(probes, all[i])
	}
	probe := func(d []byte) {
		tab, ok := Parse(d)
		if !ok {
			return
		}
		for _, k := range probes {
			vs := tab.Senses(k)
			for i := range vs.Len() {
				c, _ := vs.At(i)
				ws := tab.Words(c)
				for j := range ws.Len() {
					id, _ := ws.At(j)
					tab.String(int(id), nil)
				}
			}
		}
		tab.Each(func([]byte, int) bool { return true })
	}
	for n := range len(data) {
		probe(data[:n])
	}
	r := rand.New(rand.NewPCG(7, 7))
	for range 2000 {
		d := slices.Clone(data)
		for range 1 + r.IntN(4) {
			d[r.IntN(len(d))] = byte(r.IntN(256))
		}
		probe(d)
	}
	if tab, ok := Parse(nil); ok || tab.Len() != 0 || tab.Senses("a").Len() != 0 || tab.Words(0).Len() != 0 {
		t.Error("an empty file reads as a table")
	}
}
