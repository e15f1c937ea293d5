package lang

import (
	"iter"
	"maps"
	"math"
	"slices"
	"strings"
)

// NewDetector trains a detector on the langid.txt of every language of r
// that has one, and on r's unsupported-language texts. It takes a few
// hundredths of a second; DefaultDetector returns the detector trained on
// the embedded data at build time, at once.
func NewDetector(r *Registry) *Detector {
	d, err := decodeDetector(trainDetector(r))
	if err != nil {
		panic("lang: a detector just trained does not decode: " + err.Error()) // a bug in this file
	}
	return d
}

// trainedModel is a model being trained.
type trainedModel struct {
	model
	// romanised is the language whose transliteration the model learns.
	romanisedFrom *Language
	total         [maxOrder + 1]float64
	words         float64
}

// trainDetector trains on r's texts and returns the encoded detector.
func trainDetector(r *Registry) []byte {
	var models []*trainedModel
	for _, l := range r.langs {
		if len(l.langid) > 0 {
			models = append(models, &trainedModel{model: model{code: l.Code, supported: true}})
		}
	}
	for _, l := range r.langs {
		if len(l.langid) > 0 && l.translit != nil {
			models = append(models, &trainedModel{model: model{code: l.Code, supported: true, romanised: true}, romanisedFrom: l})
		}
	}
	others := make([]string, 0, len(r.others))
	for code := range r.others {
		if _, dup := r.byCode[code]; !dup {
			others = append(others, code)
		}
	}
	slices.Sort(others)
	for _, code := range others {
		models = append(models, &trainedModel{model: model{code: code}})
	}
	k := len(models)
	if k > maxModels {
		panic("lang: more detector models than opener masks hold")
	}
	gramRows := make(map[uint64]int32, 1<<16)
	var gramKeys []uint64
	counts := make([]uint16, 0, 1<<15*k)
	wordRows := make(map[string]int32, 1<<12)
	var wordKeys []string
	var wcount []uint16
	openers := map[string]uint32{}
	for i, m := range models {
		var text string
		if l, ok := r.byCode[m.code]; ok && m.supported {
			text = string(l.langid)
		} else {
			text = string(r.others[m.code])
		}
		scripts := map[string]int{}
		countGram := func(h uint64, n int) {
			row, ok := gramRows[h]
			if !ok {
				row = int32(len(gramKeys))
				gramRows[h] = row
				gramKeys = append(gramKeys, h)
				counts = append(counts, make([]uint16, k)...)
			}
			c := &counts[int(row)*k+i]
			if *c < math.MaxUint16 {
				*c++
			}
			m.total[n]++
		}
		countWord := func(w string, times int) {
			row, ok := wordRows[w]
			if !ok {
				row = int32(len(wordKeys))
				wordRows[w] = row
				wordKeys = append(wordKeys, w)
				wcount = append(wcount, make([]uint16, k)...)
			}
			c := &wcount[int(row)*k+i]
			*c = uint16(min(int(*c)+times, math.MaxUint16))
			m.words += float64(times)
		}
		// spellings returns the forms of a training word to learn: the word,
		// or for a romanised model its few likeliest Latin spellings.
		spellings := func(w string) []string {
			if m.romanisedFrom != nil {
				return m.romanisedFrom.TransliterateVariants(w, 3)
			}
			return []string{w}
		}
		eachLineText(text, func(line string) {
			for _, dw := range detectWords(line, nil) {
				for _, w := range spellings(dw.text) {
					grams(w, countGram)
					// The same word as typed without accents, so casual
					// spelling is not penalised.
					f := Fold(w)
					if f != w {
						grams(f, countGram)
					}
					if !dw.name {
						// Names belong to no language; training sentences
						// are full of them.
						countWord(f, 1)
					}
					for _, r := range w {
						scripts[scriptOf(r)]++
					}
				}
			}
		})
		m.script = majority(scripts)
		if l, ok := r.byCode[m.code]; ok && m.supported {
			// Stop words and question words are the surest cues of a short
			// question; make sure the word model knows them all.
			// In sorted order, so that the tables come out the same at
			// every run (detector.bin is compared byte for byte).
			for _, w := range slices.Sorted(maps.Keys(l.stop)) {
				for _, sp := range spellings(w) {
					countWord(sp, 2)
				}
			}
			for _, key := range sortedKeys(l.questions.All) {
				first, _, _ := strings.Cut(key, " ")
				for _, sp := range spellings(first) {
					countWord(sp, 2)
					openers[sp] |= 1 << i
				}
			}
		}
	}
	maxCount := uint16(0)
	for _, c := range counts {
		maxCount = max(maxCount, c)
	}
	for _, c := range wcount {
		maxCount = max(maxCount, c)
	}
	// Vocabulary sizes for smoothing.
	var vocab [maxOrder + 1]float64
	for _, h := range gramKeys {
		vocab[gramOrder(h)]++
	}
	wordV := float64(len(wordKeys))
	for _, m := range models {
		for n := 1; n <= maxOrder; n++ {
			m.logDen[n] = math.Log(m.total[n] + alpha*vocab[n])
		}
		m.wordDen = math.Log(m.words + alpha*wordV)
	}

	// Words are looked up by a 64-bit hash: two words of one hash would
	// share counts.
	hashed := make([]uint64, len(wordKeys))
	seen := make(map[uint64]string, len(wordKeys))
	for row, w := range wordKeys {
		h := wordKey(w)
		if other, dup := seen[h]; dup {
			panic("lang: detector words " + other + " and " + w + " share a hash")
		}
		seen[h] = w
		hashed[row] = h
	}
	var e encoder
	e.bytes([]byte(detectorMagic))
	gk, gr, goff, gm, gc := encodeTable(gramKeys, counts, k)
	wk, wr, woff, wm, wc := encodeTable(hashed, wcount, k)
	for _, v := range []int{k, len(gramKeys), len(gr) / 4, len(gm), len(wordKeys), len(wr) / 4, len(wm), int(maxCount) + 1} {
		e.u32(v)
	}
	for _, m := range models {
		e.str(m.code)
		e.str(m.script)
		flags := uint8(0)
		if m.supported {
			flags |= 1
		}
		if m.romanised {
			flags |= 2
		}
		e.u8(flags)
		for n := 1; n <= maxOrder; n++ {
			e.f64(m.logDen[n])
		}
		e.f64(m.wordDen)
	}
	for _, b := range [][]byte{gk, gr, goff, gm, gc, wk, wr, woff, wm, wc} {
		e.bytes(b)
	}
	for _, w := range wordKeys {
		e.u32(int(openers[w]))
	}
	for c := 0; c <= int(maxCount); c++ {
		e.f64(math.Log(float64(c) + alpha))
	}
	return e.b
}

// sortedKeys returns the keys of an iterator over pairs, sorted.
func sortedKeys[V any](all func(yield func(string, V) bool)) []string {
	return slices.Sorted(func(yield func(string) bool) {
		for k := range iter.Seq2[string, V](all) {
			if !yield(k) {
				return
			}
		}
	})
}
