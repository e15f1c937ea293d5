package qa

import (
	"context"
	"math"
	"slices"
	"sort"
)

// Pruned candidate generation for a caller that reads only the best k
// sentences (Ask, clarifications): the max-score method. A question word
// with a common word's postings, and synonyms by the dozen, can add only
// so much to a sentence's score; once k sentences are known to score more
// than any sentence could that matches none but such words, their
// postings need not be read. A sentence that is read is scored from its
// own words (a forward index), so its score is the one the postings would
// give, to the bit.
//
// The bounds: a matched word adds at most the best BM25 its postings hold
// (termMax) and its weight to the coverage; an unmatched one at most the
// article's share (weightArticle). The evidence factor lies in [1, 1.3].

// A fwdIndex lists each sentence's terms: entries fwdOff[d]:fwdOff[d+1]
// of fwdTerm (the term, with fwdName set when it is a word of a name the
// sentence holds) and fwdTF, ascending by term.
type fwdIndex struct {
	fwdOff  []int32
	fwdTerm []uint32
	fwdTF   []float32
	// termMax is, per term, the largest BM25 factor of its postings
	// (bm25Of with idf 1, the name bonus included).
	termMax []float64
	// artTermOff and artTerms list each article's terms (its own words),
	// ascending.
	artTermOff []int32
	artTerms   []int32
}

const fwdName = 1 << 31

func (c *candIndex) buildForward(ix *index) {
	f := &c.fwd
	n := len(ix.docs)
	f.fwdOff = make([]int32, n+1)
	for _, p := range ix.post {
		for _, q := range p {
			f.fwdOff[q.doc+1]++
		}
	}
	for d := range n {
		f.fwdOff[d+1] += f.fwdOff[d]
	}
	total := f.fwdOff[n]
	f.fwdTerm = make([]uint32, total)
	f.fwdTF = make([]float32, total)
	next := slices.Clone(f.fwdOff[:n])
	f.termMax = make([]float64, len(ix.post))
	for t, p := range ix.post {
		off := int(c.postOff[t])
		for i, q := range p {
			k := off + i
			name := c.nameBit[k/64]&(1<<(k%64)) != 0
			e := next[q.doc]
			next[q.doc]++
			f.fwdTerm[e] = uint32(t)
			f.fwdTF[e] = q.tf
			m := bm25Of(1, q.tf, c.norm[q.doc])
			if name {
				f.fwdTerm[e] |= fwdName
				m *= 1.3
			}
			f.termMax[t] = max(f.termMax[t], m)
		}
	}
	arts := c.articles()
	f.artTermOff = make([]int32, arts+1)
	for _, a := range c.arts {
		f.artTermOff[a+1]++
	}
	for a := range arts {
		f.artTermOff[a+1] += f.artTermOff[a]
	}
	f.artTerms = make([]int32, len(c.arts))
	at := slices.Clone(f.artTermOff[:arts])
	for t := range ix.post {
		for _, a := range c.arts[c.artOff[t]:c.artOff[t+1]] {
			f.artTerms[at[a]] = int32(t)
			at[a]++
		}
	}
}

// A qref is one stem of one alternative of a question word, as the terms
// of a sentence find it (stage1Buf.qhead).
type qref struct {
	group     int32
	next      int32 // the next qref of the same term, or -1
	per, damp float64
	idf       float64 // the term's
}

// A groupInfo is what the pruned first stage knows of a question word.
type groupInfo struct {
	idf      float64 // the group's weight
	isName   bool
	refs     []int32 // its terms in the corpus
	upScore  float64 // most a sentence matching it gets from it
	upCover  float64 // most coverage (in weight units) it gives
	bonus    float64 // what an article that has it gives a sentence without it
	postings int
}

// maxPrunedPostings is the most postings the pruned stage reads of one
// question word; past it, the exhaustive stage is cheaper.
const maxPrunedPostings = 1500

// scoreSlack covers the rounding of the bounds' own arithmetic.
const scoreSlack = 1 + 1e-9

// candidatesPruned is candidates for k > 0 by the max-score method, in b
// (its terms resolved). ok is false when the question is outside what it
// handles (more than 64 words, an alternative of no weight, no k); b is
// then reset and the caller scores every sentence. out is nil when ctx
// ended. The firstStage holds every sentence of the articles of the
// sentences returned, which is what the second stage reads.
func (e *Engine) candidatesPruned(ctx context.Context, q *query, b *stage1Buf, k int) (out []ranked, seen *firstStage, ok bool) {
	ix := e.idx
	c := &ix.cand
	f := &c.fwd
	G := len(q.group)
	if k <= 0 || G == 0 || G > 64 {
		return nil, nil, false
	}
	for _, g := range q.group {
		for _, a := range g.alts {
			if !(a.weight > 0) || len(a.stems) == 0 {
				return nil, nil, false
			}
		}
	}
	b.groups = slices.Grow(b.groups[:0], G)[:G]
	totalIDF, relIDF := 0.0, 0.0
	for gi, g := range q.group {
		gs := &b.groups[gi]
		*gs = groupInfo{idf: g.idf, isName: e.isNameGroup(g), refs: gs.refs[:0]}
		totalIDF += g.idf
		if !gs.isName {
			relIDF += g.idf
		}
		maxPer := 0.0
		for _, t := range b.groupTerms(gi) {
			tid, idf, per, damp := t.tid, t.idf, t.per, t.damp
			r := int32(len(b.refs))
			b.refs = append(b.refs, qref{group: int32(gi), next: b.qhead[tid], per: per, damp: damp, idf: idf})
			if b.qhead[tid] == -1 {
				b.qterms = append(b.qterms, tid)
			}
			b.qhead[tid] = r
			gs.refs = append(gs.refs, tid)
			gs.upScore = max(gs.upScore, idf*f.termMax[tid]*per*damp)
			maxPer = max(maxPer, per)
			gs.postings += len(ix.post[tid])
		}
		if len(gs.refs) > 0 {
			gs.upScore *= scoreSlack
			gs.upCover = g.idf * maxPer * scoreSlack
			gs.bonus = weightArticle * g.idf * scoreSlack
		}
	}

	// bound is the most a sentence can score that matches no question
	// word outside the first n of order.
	order := make([]int, G)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return b.groups[order[i]].upScore < b.groups[order[j]].upScore })
	bound := func(n int) float64 {
		s, cv := 0.0, 0.0
		for i, g := range order {
			gs := &b.groups[g]
			if i < n {
				s += max(gs.upScore, gs.bonus)
				cv += max(gs.upCover, gs.bonus)
			} else {
				s += gs.bonus
				cv += gs.bonus
			}
		}
		if totalIDF <= 0 {
			return math.Inf(1)
		}
		return s * 1.3 * (coverageFloor + cv/totalIDF) * scoreSlack
	}

	var gS, gC [64]float64
	// eval scores sentence d from its own terms, as the postings would.
	eval := func(d int32) (score, cover, rel float64, words uint64) {
		var matched uint64
		norm := c.norm[d]
		for i := f.fwdOff[d]; i < f.fwdOff[d+1]; i++ {
			term := f.fwdTerm[i]
			name := term&fwdName != 0
			tid := int32(term &^ fwdName)
			tf := f.fwdTF[i]
			for r := b.qhead[tid]; r >= 0; r = b.refs[r].next {
				ref := &b.refs[r]
				g := ref.group
				s := bm25Of(ref.idf, tf, norm) * ref.per * ref.damp
				if name {
					s *= 1.3
				}
				if matched&(1<<g) == 0 {
					matched |= 1 << g
					gS[g], gC[g] = 0, 0
				}
				gS[g] = max(gS[g], s)
				gC[g] = max(gC[g], ref.per*min(1, float64(tf)))
				if tf >= 1 {
					words |= 1 << g
				}
			}
		}
		art := c.docArt[d]
		for g := range G {
			gs := &b.groups[g]
			if matched&(1<<g) != 0 {
				score += gS[g]
				cover += gs.idf * gC[g]
				if !gs.isName {
					rel += gs.idf * gC[g]
				}
			} else if b.articleHas(f, art, g) {
				score += weightArticle * gs.idf
				cover += weightArticle * gs.idf
			}
		}
		return score, cover, rel, words
	}
	sc := stage1Sums{totalIDF, relIDF}

	best := kBest{k: k, h: b.lbs[:0]} // the k best lower bounds
	theta := best.bound
	var done uint64
	visited := 0
	for {
		// The words a sentence must match to reach theta.
		n := 0
		for n < G && bound(n+1) < theta() {
			n++
		}
		next := -1
		for _, g := range order[n:] {
			if done&(1<<g) == 0 && (next < 0 || b.groups[g].postings < b.groups[next].postings) {
				next = g
			}
		}
		if next < 0 {
			break
		}
		if b.groups[next].postings > maxPrunedPostings {
			// A common word that could still lift a sentence into the
			// best k: reading its postings one sentence at a time from
			// the forward index costs more than the exhaustive stage.
			c.reset(b)
			return nil, nil, false
		}
		done |= 1 << next
		for _, tid := range b.groups[next].refs {
			post := ix.post[tid]
			if visited += len(post); visited > checkPostings {
				if ctx.Err() != nil {
					return nil, nil, true
				}
				visited = 0
			}
			for _, p := range post {
				if b.slot[p.doc] >= 0 {
					continue
				}
				score, cover, rel, words := eval(p.doc)
				b.slot[p.doc] = int32(len(b.slots))
				b.slots = append(b.slots, slot{doc: p.doc, art: c.docArt[p.doc], score: score, cover: cover, rel: rel})
				b.words[p.doc] = words
				if score > 0 {
					r := sc.ranked(p.doc, score, cover, rel)
					best.push(r.lower())
				}
			}
		}
	}
	b.lbs = best.h
	tau := theta()
	// A sentence that matches no question word scores at most bound(0):
	// when that could reach the k best, every sentence counts.
	if !(bound(0) < tau) {
		c.reset(b)
		return nil, nil, false
	}
	b.pendSlots(sc, nil)
	out = e.best(q, b, sc, tau, k)
	// What the second stage reads: every sentence of the candidates'
	// articles.
	for _, r := range out {
		art := c.docArt[r.doc]
		if b.filled[art] {
			continue
		}
		b.filled[art] = true
		b.filledList = append(b.filledList, art)
		for d := c.artStart[art]; d < c.artStart[art+1]; d++ {
			if si := b.slot[d]; si >= 0 {
				b.cover[d] = b.slots[si].cover
				continue
			}
			_, cover, _, words := eval(d)
			b.cover[d], b.words[d] = cover, words
		}
	}
	return out, &firstStage{cover: b.cover, words: b.words}, true
}

// articleHas reports whether article art has a word of question word g,
// remembering the answer for the question.
func (b *stage1Buf) articleHas(f *fwdIndex, art int32, g int) bool {
	bit := uint64(1) << g
	if b.artKnown[art]&bit == 0 {
		if b.artKnown[art] == 0 {
			b.knownList = append(b.knownList, art)
		}
		b.artKnown[art] |= bit
		terms := f.artTerms[f.artTermOff[art]:f.artTermOff[art+1]]
		for _, tid := range b.groups[g].refs {
			if _, ok := slices.BinarySearch(terms, tid); ok {
				b.artHasBits[art] |= bit
				break
			}
		}
	}
	return b.artHasBits[art]&bit != 0
}
