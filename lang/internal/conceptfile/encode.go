package conceptfile

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
)

// A Sense is a concept of a key and its weight, 1-100.
type Sense struct {
	Concept uint32
	Weight  int
}

// A Word is a way to say a concept: its stems, joined by spaces, and its
// weight, 1-100.
type Word struct {
	Stems  string
	Weight int
}

// maxWeight is the largest weight: weights take the low 7 bits.
const maxWeight = 100

// Encode writes a concept file: keys maps each key to its senses, words
// each concept to its words, both in the order the reader should see them
// (heaviest first). The output depends only on the arguments.
func Encode(keys map[string][]Sense, words map[uint32][]Word) ([]byte, error) {
	set := map[string]bool{}
	var maxConcept uint32
	for k, ss := range keys {
		if k == "" {
			return nil, fmt.Errorf("empty key")
		}
		set[k] = true
		for _, s := range ss {
			if s.Weight < 1 || s.Weight > maxWeight {
				return nil, fmt.Errorf("key %q: weight %d out of 1-%d", k, s.Weight, maxWeight)
			}
			maxConcept = max(maxConcept, s.Concept)
		}
	}
	for c, ws := range words {
		maxConcept = max(maxConcept, c)
		for _, w := range ws {
			if w.Stems == "" || w.Weight < 1 || w.Weight > maxWeight {
				return nil, fmt.Errorf("concept %d: bad word %+v", c, w)
			}
			set[w.Stems] = true
		}
	}
	strs := make([]string, 0, len(set))
	for s := range set {
		strs = append(strs, s)
	}
	slices.Sort(strs)
	index := make(map[string]int, len(strs))
	for i, s := range strs {
		index[s] = i
	}
	senseW, entryW := width(uint64(maxConcept)), width(uint64(len(strs)))
	if senseW == 0 || entryW == 0 {
		return nil, fmt.Errorf("%d concepts, %d strings: too many for 32 bits", maxConcept+1, len(strs))
	}

	var blocks, strData []byte
	for i, s := range strs {
		if i&(1<<blockShift-1) == 0 {
			blocks = binary.LittleEndian.AppendUint32(blocks, uint32(len(strData)))
			strData = binary.AppendUvarint(strData, uint64(len(s)))
			strData = append(strData, s...)
		} else {
			prev := strs[i-1]
			n := 0
			for n < len(s) && n < len(prev) && s[n] == prev[n] {
				n++
			}
			strData = binary.AppendUvarint(strData, uint64(n))
			strData = binary.AppendUvarint(strData, uint64(len(s)-n))
			strData = append(strData, s[n:]...)
		}
		ss := keys[s]
		strData = binary.AppendUvarint(strData, uint64(len(ss)))
		for _, x := range ss {
			strData = appendValue(strData, x.Concept<<7|uint32(x.Weight), senseW)
		}
	}

	nBuckets := int(maxConcept>>bucketShift) + 1
	if len(words) == 0 {
		nBuckets = 0
	}
	concepts := make([]uint32, 0, len(words))
	for c := range words {
		concepts = append(concepts, c)
	}
	slices.Sort(concepts)
	var buckets, wordData []byte
	next := 0
	for b := range nBuckets + 1 {
		buckets = binary.LittleEndian.AppendUint32(buckets, uint32(len(wordData)))
		for ; next < len(concepts) && int(concepts[next]>>bucketShift) == b; next++ {
			c := concepts[next]
			ws := words[c]
			wordData = append(wordData, byte(c&(1<<bucketShift-1)))
			wordData = binary.AppendUvarint(wordData, uint64(len(ws)))
			for _, w := range ws {
				wordData = appendValue(wordData, uint32(index[w.Stems])<<7|uint32(w.Weight), entryW)
			}
		}
	}
	if len(strData) > 1<<32-1 || len(wordData) > 1<<32-1 {
		return nil, fmt.Errorf("tables too large")
	}

	out := make([]byte, 0, headerSize+len(blocks)+len(buckets)+len(strData)+len(wordData))
	out = append(out, Magic...)
	out = append(out, byte(senseW), byte(entryW), blockShift, bucketShift)
	for _, n := range []int{len(strs), nBuckets, len(strData), len(wordData)} {
		out = binary.LittleEndian.AppendUint32(out, uint32(n))
	}
	out = append(out, blocks...)
	out = append(out, buckets...)
	out = append(out, strData...)
	out = append(out, wordData...)
	return out, nil
}

// width is the bytes a value of n<<7|weight takes: 3, 4, or 0 for too
// large.
func width(n uint64) int {
	switch {
	case n < 1<<17:
		return 3
	case n < 1<<25:
		return 4
	}
	return 0
}

func appendValue(b []byte, v uint32, w int) []byte {
	b = append(b, byte(v), byte(v>>8), byte(v>>16))
	if w == 4 {
		b = append(b, byte(v>>24))
	}
	return b
}

// Dump writes a table as text, a line per key (key<TAB>concept:weight
// ...) and then a line per concept (#concept<TAB>stems:weight|...), for
// people and diffs.
func Dump(t *Table) string {
	var sb strings.Builder
	t.Each(func(key []byte, n int) bool {
		if n == 0 {
			return true
		}
		sb.Write(key)
		sb.WriteByte('\t')
		ss := t.Senses(string(key))
		for i := range ss.Len() {
			if i > 0 {
				sb.WriteByte(' ')
			}
			c, w := ss.At(i)
			fmt.Fprintf(&sb, "%d:%d", c, w)
		}
		sb.WriteByte('\n')
		return true
	})
	for b := 0; b+1 < len(t.buckets)/4; b++ {
		for low := range uint32(1) << t.bucketShift {
			c := uint32(b)<<t.bucketShift | low
			ws := t.Words(c)
			for i := range ws.Len() {
				if i == 0 {
					fmt.Fprintf(&sb, "#%d\t", c)
				} else {
					sb.WriteByte('|')
				}
				id, w := ws.At(i)
				stems, _ := t.String(int(id), nil)
				fmt.Fprintf(&sb, "%s:%d", stems, w)
			}
			if ws.Len() > 0 {
				sb.WriteByte('\n')
			}
		}
	}
	return sb.String()
}
