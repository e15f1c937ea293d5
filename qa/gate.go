package qa

import (
	"math"
	"unicode"
	"unicode/utf8"
)

// Evidence for the gate alone (abstain.go), read for every reranked
// candidate while the first stage's view of the article is at hand. A
// question whose answering paragraph the article lacks still shares its
// topic words with the article, but what that paragraph alone said is
// gone: a name or a number the question gives may be nowhere in the
// article, and the best sentence left shares only words many sentences
// have. The ranker does not weigh these (they say little about which
// sentence of an article answers); the calibration does.
//
// Tried on dev and left out (branch gate8, calibration with and without
// boosted trees, at 81.6% of the unanswerable questions declined): the
// question's words or weight the article lacks (article_cov says it), the
// question's rarest words in the sentence or its neighbours, idf-squared
// coverage, and the rarest word matched as a share of the question's
// rarest; none moved sentence@1 or the cost beyond noise.
const (
	gAbsentName   = iota // a name the question gives (or writes with a capital) is in no sentence of the article
	gAbsentNumber        // a number the question gives is in no sentence of the article
	gSpecific            // 1/(sentences of the article that have it) for the question word the sentence has that fewest sentences have
	numGate
)

// gateEvidence writes the gate's evidence for sentence d into g; the
// question's first 64 words count (firstStage.words has a bit for each).
func (e *Engine) gateEvidence(m *matcher, d int, seen *firstStage, g []float64) {
	for k := range g {
		g[k] = 0
	}
	n := min(len(m.idf), 64)
	if n == 0 {
		return
	}
	counts := seen.articleCounts(e.idx, e.idx.docs[d].artIdx, d, n)
	own := seen.words[d]
	fewest := int32(math.MaxInt32)
	for k := range n {
		if counts[k] == 0 {
			if m.isName[k] || writtenAsName(m.q.group[k]) {
				g[gAbsentName] = 1
			}
			if m.isNum[k] {
				g[gAbsentNumber] = 1
			}
			continue
		}
		if own&(1<<k) != 0 {
			fewest = min(fewest, counts[k])
		}
	}
	if fewest < math.MaxInt32 {
		g[gSpecific] = 1 / float64(fewest)
	}
}

// writtenAsName reports whether the question writes word g as a name: a
// capital letter inside the question. (A name the article has is known by
// the index, matcher.isName; one it lacks is known by its spelling only.)
func writtenAsName(g termGroup) bool {
	r, _ := utf8.DecodeRuneInString(g.surface)
	return g.at > 0 && unicode.IsUpper(r)
}

// articleCounts returns, for each of the first n question words, how many
// sentences of article art (which holds sentence d) have it in their own
// words; it reads the article once per question.
func (f *firstStage) articleCounts(ix *index, art, d, n int) []int32 {
	if c, ok := f.counts[art]; ok {
		return c
	}
	c := make([]int32, n)
	add := func(o int) {
		w := f.words[o]
		for k := range n {
			if w&(1<<k) != 0 {
				c[k]++
			}
		}
	}
	for o := d; o >= 0 && ix.docs[o].artIdx == art; o-- {
		add(o)
	}
	for o := d + 1; o < len(ix.docs) && ix.docs[o].artIdx == art; o++ {
		add(o)
	}
	if f.counts == nil {
		f.counts = map[int][]int32{}
	}
	f.counts[art] = c
	return c
}
