package qa

import (
	"context"
	"math"
	"slices"
	"sync"
)

// Candidate generation: the first stage of the ranking (rank.go), over
// data the index computes once (candIndex) so that a question costs what
// its words' postings cost, not what the corpus holds.
//
// A sentence's first-stage score is, per question word in order, its BM25
// contribution when the sentence has the word, else weightArticle times the
// word's weight when its article has it elsewhere; then that sum times the
// evidence factor and the coverage factor (stage1). The sentences no
// posting reaches but whose article has a question word all score alike
// within their article, so they are kept per article, not per sentence.
// When the caller wants only the best k (Ask), the evidence factor, the one
// part that looks at a sentence's facts, is computed only for sentences
// whose score can still reach the k-th best: it lies between 1 and 1.3, so
// a sentence's score is bounded on both sides before it is known
// (candidates).
//
// Every posting of every question word is read. A max-score stage that
// skipped the postings of common words once k sentences were sure to
// outscore what they could give (1dbd19f) was removed: with the ranker's
// 41 candidates its bound seldom held, and scoring the sentences it read
// from a forward index cost twice the exhaustive stage at 100 generated
// articles, and more at 1 and 1,000 (BenchmarkStages), besides 8 bytes a
// posting of memory.

// A candIndex is what the first stage reads of the index, laid out flat.
type candIndex struct {
	// artStart[a] is the first sentence of article a; artStart has one
	// more entry, the number of sentences. The sentences of an article are
	// consecutive in index.docs.
	artStart []int32
	// norm is each sentence's BM25 length normalisation, docArt its
	// article.
	norm   []float64
	docArt []int32
	// postOff[t] is where term t's postings start in the flat array that
	// index.post slices; nameBit has a bit per posting there: the term is
	// a word of a name the sentence holds (such a match weighs more).
	postOff []int32
	nameBit []uint64
	// bm25[postOff[t]+i] is bm25Of of term t's posting i, computed once:
	// it depends on the term and the sentence only, and computing it per
	// question cost a division and a look at the sentence's norm per
	// posting.
	bm25 []float64
	// arts[artOff[t]:artOff[t+1]] are the articles whose sentences have
	// term t among their own words (not only as inherited context),
	// ascending.
	artOff []int32
	arts   []int32
	pool   sync.Pool // *stage1Buf
}

// A nameHit records, while the index is built, that a sentence's posting
// of a term is a word of one of its names.
type nameHit struct{ term, doc int32 }

// bm25Of is the BM25 contribution of a term of weight idf found tf times
// in a sentence of length normalisation norm.
func bm25Of(idf float64, tf float32, norm float64) float64 {
	t := float64(tf)
	return idf * t * (bm25K1 + 1) / (t + bm25K1*norm)
}

// buildCandidates lays out the first stage's data once the postings, the
// idf and the average length are known.
func (ix *index) buildCandidates(names []nameHit) {
	c := &ix.cand
	articles := 0
	if n := len(ix.docs); n > 0 {
		articles = ix.docs[n-1].artIdx + 1
	}
	c.artStart = make([]int32, articles+1)
	for a, d := 0, 0; a <= articles; a++ {
		for d < len(ix.docs) && ix.docs[d].artIdx < a {
			d++
		}
		c.artStart[a] = int32(d)
	}
	c.norm = make([]float64, len(ix.docs))
	c.docArt = make([]int32, len(ix.docs))
	for i := range ix.docs {
		c.norm[i] = 1 - bm25B + bm25B*ix.docs[i].length/math.Max(ix.avgLen, 1)
		c.docArt[i] = int32(ix.docs[i].artIdx)
	}

	// One array for every posting: no slack left by appends, and a place
	// for a bit per posting.
	total := 0
	for _, p := range ix.post {
		total += len(p)
	}
	flat := make([]posting, 0, total)
	c.postOff = make([]int32, len(ix.post)+1)
	c.artOff = make([]int32, len(ix.post)+1)
	for t, p := range ix.post {
		off := len(flat)
		c.postOff[t] = int32(off)
		flat = append(flat, p...)
		ix.post[t] = flat[off:len(flat):len(flat)]
		c.artOff[t] = int32(len(c.arts))
		last := int32(-1)
		for _, q := range ix.post[t] {
			if a := c.docArt[q.doc]; q.tf >= 1 && a != last {
				c.arts = append(c.arts, a)
				last = a
			}
		}
	}
	c.postOff[len(ix.post)] = int32(len(flat))
	c.artOff[len(ix.post)] = int32(len(c.arts))
	c.arts = slices.Clip(c.arts)
	c.bm25 = make([]float64, len(flat))
	for t, p := range ix.post {
		w := c.bm25[c.postOff[t]:c.postOff[t+1]]
		for i, q := range p {
			w[i] = bm25Of(ix.idf[t], q.tf, c.norm[q.doc])
		}
	}
	c.nameBit = make([]uint64, (len(flat)+63)/64)
	for _, h := range names {
		p := ix.post[h.term]
		if i, ok := slices.BinarySearchFunc(p, h.doc, func(p posting, d int32) int { return int(p.doc - d) }); ok {
			k := int(c.postOff[h.term]) + i
			c.nameBit[k/64] |= 1 << (k % 64)
		}
	}
}

// articles returns the number of articles.
func (c *candIndex) articles() int { return len(c.artStart) - 1 }

// A stage1Buf is the scratch of one question's first stage, reused from
// question to question (candIndex.pool): arrays over every sentence and
// article that only the touched entries of are reset.
type stage1Buf struct {
	slot    []int32   // per sentence: its slot, or -1 when no posting reached it
	artMark []int32   // per article: 1 + the last question word it has
	artAcc  []float64 // per article: the score a sentence of it with no question word has
	cover   []float64 // per sentence: firstStage.cover
	words   []uint64  // per sentence: firstStage.words
	slots   []slot
	marked  []int32 // articles with a question word, in the order met
	garts   []int32 // articles with the current question word
	touched []int32 // slots the current question word reached
	lbs     []float64
	pend    []pending // candidates not yet scored (best)
	got     []ranked  // and those scored
	// terms[termOff[g]:termOff[g+1]] are question word g's (resolve).
	terms   []resolvedTerm
	termOff []int32

	filled     []bool // per article: its sentences are in cover (fillArticle)
	filledList []int32
	// coverAll is set when cover was written for every sentence of the
	// marked articles (k <= 0): only then do they need clearing, and
	// clearing them takes a pass over most of the corpus.
	coverAll bool
}

// A slot is a sentence a posting reached.
type slot struct {
	doc, art int32
	gStamp   int32   // 1 + the question word gScore and gCover are for
	matched  int32   // 1 + the last question word the sentence matched
	score    float64 // BM25 with inherited context and article words
	cover    float64 // coverage, in question-weight units
	rel      float64 // the same, for the words that are not names
	gScore   float64 // the current word's best BM25 contribution
	gCover   float64 // and its best coverage
}

func (c *candIndex) get(docs int) *stage1Buf {
	if b, ok := c.pool.Get().(*stage1Buf); ok && len(b.slot) == docs {
		return b
	}
	b := &stage1Buf{
		slot:    make([]int32, docs),
		artMark: make([]int32, c.articles()),
		artAcc:  make([]float64, c.articles()),
		cover:   make([]float64, docs),
		words:   make([]uint64, docs),
		filled:  make([]bool, c.articles()),
	}
	for i := range b.slot {
		b.slot[i] = -1
	}
	return b
}

// put resets what the question touched and keeps b for the next one.
func (c *candIndex) put(b *stage1Buf) {
	c.reset(b)
	c.pool.Put(b)
}

// reset clears what the question touched but its terms (resolve).
func (c *candIndex) reset(b *stage1Buf) {
	for _, s := range b.slots {
		b.slot[s.doc] = -1
		b.words[s.doc] = 0
	}
	for _, a := range b.marked {
		b.artMark[a] = 0
		b.artAcc[a] = 0
	}
	if b.coverAll {
		for _, s := range b.slots {
			b.cover[s.doc] = 0
		}
		for _, a := range b.marked {
			clear(b.cover[c.artStart[a]:c.artStart[a+1]])
		}
		b.coverAll = false
	}
	for _, a := range b.filledList {
		b.filled[a] = false
		clear(b.cover[c.artStart[a]:c.artStart[a+1]])
	}
	b.slots, b.marked, b.garts, b.touched, b.lbs = b.slots[:0], b.marked[:0], b.garts[:0], b.touched[:0], b.lbs[:0]
	b.pend, b.got = b.pend[:0], b.got[:0]
	b.filledList = b.filledList[:0]
}

// candidates scores the sentences for q as stage1 describes and returns
// them best first: every sentence with a positive score when k <= 0, else
// the k best, exactly as the full list would begin. It also returns what
// the first stage saw of the sentences the second stage reads (every
// sentence for k <= 0, those of the best k's articles else), and the
// scratch to give back
// (candIndex.put) once the firstStage is no longer read. It returns
// nothing once ctx ends: it checks between question words and every few
// thousand postings.
func (e *Engine) candidates(ctx context.Context, q *query, k int) ([]ranked, *firstStage, *stage1Buf) {
	ix := e.idx
	c := &ix.cand
	b := c.get(len(ix.docs))
	e.resolve(q, b)
	totalIDF, relIDF := 0.0, 0.0
	visited := 0
	for gi, g := range q.group {
		if ctx.Err() != nil {
			c.put(b)
			return nil, nil, nil
		}
		stamp := int32(gi + 1)
		totalIDF += g.idf
		isName := e.isNameGroup(g)
		if !isName {
			relIDF += g.idf
		}
		b.touched = b.touched[:0]
		for _, t := range b.groupTerms(gi) {
			tid, per, damp := t.tid, t.per, t.damp
			post := ix.post[tid]
			if visited += len(post); visited > checkPostings {
				if ctx.Err() != nil {
					c.put(b)
					return nil, nil, nil
				}
				visited = 0
			}
			off := int(c.postOff[tid])
			w := c.bm25[off : off+len(post)]
			for i, p := range post {
				s := w[i] * per * damp
				if k := off + i; c.nameBit[k/64]&(1<<(k%64)) != 0 {
					s *= 1.3
				}
				si := b.slot[p.doc]
				if si < 0 {
					si = int32(len(b.slots))
					b.slot[p.doc] = si
					art := c.docArt[p.doc]
					// What the earlier words' articles gave it.
					acc := b.artAcc[art]
					b.slots = append(b.slots, slot{doc: p.doc, art: art, score: acc, cover: acc})
				}
				sl := &b.slots[si]
				// The stamp, not a zero score, says the word reaches the
				// slot for the first time: a posting that scores 0 must
				// not let a later one list the slot twice.
				if sl.gStamp != stamp {
					sl.gStamp, sl.gScore, sl.gCover = stamp, 0, 0
					b.touched = append(b.touched, si)
				}
				sl.gScore = max(sl.gScore, s)
				sl.gCover = max(sl.gCover, per*min(1, float64(p.tf)))
				// A term frequency under 1 is inherited context, not
				// the sentence's text (firstStage.mark).
				if gi < 64 && p.tf >= 1 {
					b.words[p.doc] |= 1 << gi
				}
			}
		}
		for _, si := range b.touched {
			sl := &b.slots[si]
			sl.score += sl.gScore
			sl.cover += g.idf * sl.gCover
			if !isName {
				sl.rel += g.idf * sl.gCover
			}
			sl.matched = stamp
		}
		// A word the sentence lacks but its article has counts a little:
		// it tells articles apart and stands in for "it" and "the river".
		b.garts = b.garts[:0]
		for _, t := range b.groupTerms(gi) {
			for _, art := range c.arts[c.artOff[t.tid]:c.artOff[t.tid+1]] {
				switch b.artMark[art] {
				case stamp:
					continue
				case 0:
					b.marked = append(b.marked, art)
				}
				b.artMark[art] = stamp
				b.garts = append(b.garts, art)
			}
		}
		if len(b.garts) > 0 {
			for si := range b.slots {
				sl := &b.slots[si]
				if sl.matched != stamp && b.artMark[sl.art] == stamp {
					sl.score += weightArticle * g.idf
					sl.cover += weightArticle * g.idf
				}
			}
			for _, art := range b.garts {
				b.artAcc[art] += weightArticle * g.idf
			}
		}
	}

	seen := &firstStage{cover: b.cover, words: b.words}
	sc := stage1Sums{totalIDF, relIDF}
	if k <= 0 {
		// What the second stage reads of every sentence: the sentences
		// no posting reached have their article's score as their
		// coverage.
		b.coverAll = true
		for i := range b.slots {
			b.cover[b.slots[i].doc] = b.slots[i].cover
		}
		for _, art := range b.marked {
			acc := b.artAcc[art]
			for d := c.artStart[art]; d < c.artStart[art+1]; d++ {
				if b.slot[d] < 0 {
					b.cover[d] = acc
				}
			}
		}
	}

	// tau is a score that k sentences reach for sure: the k-th largest
	// lower bound. No sentence whose upper bound is below it is among the
	// k best.
	best := kBest{k: k, h: b.lbs[:0]}
	b.pendSlots(sc, &best)
	for _, art := range b.marked {
		acc := b.artAcc[art]
		if acc <= 0 {
			continue
		}
		lower, upper := sc.bounds(acc, acc)
		for d, n := c.artStart[art], 0; d < c.artStart[art+1] && n < k && best.wants(lower); d++ {
			if b.slot[d] < 0 {
				best.push(lower)
				n++
			}
		}
		if !(upper < best.bound()) {
			b.pend = append(b.pend, pending{upper: upper, i: ^art})
		}
	}
	tau := best.bound()
	b.lbs = best.h
	out := e.best(q, b, sc, tau, k)
	if k > 0 {
		// The best k's second stage reads the sentences of their
		// articles only: filling in every sentence of every article with
		// a question word cost a tenth of the stage over 1,000 articles.
		for _, r := range out {
			b.fillArticle(c, c.docArt[r.doc])
		}
	}
	return out, seen, b
}

// fillArticle writes the coverage of every sentence of article art in
// b.cover, once a question, for the second stage: a sentence a posting
// reached has its slot's, another its article's score (0 when the
// article has no question word).
func (b *stage1Buf) fillArticle(c *candIndex, art int32) {
	if b.filled[art] {
		return
	}
	b.filled[art] = true
	b.filledList = append(b.filledList, art)
	acc := b.artAcc[art]
	for d := c.artStart[art]; d < c.artStart[art+1]; d++ {
		if si := b.slot[d]; si >= 0 {
			b.cover[d] = b.slots[si].cover
		} else {
			b.cover[d] = acc
		}
	}
}

// stage1Sums turns a sentence's sums of question-word weights into the
// first stage's ranked: its coverage and relation are shares of the
// question's weight (totalIDF, relIDF of the words that are not names).
type stage1Sums struct{ totalIDF, relIDF float64 }

func (sc stage1Sums) ranked(d int32, score, cover, rel float64) ranked {
	r := ranked{doc: int(d), bm25: score}
	if sc.totalIDF > 0 {
		r.coverage = cover / sc.totalIDF
	}
	r.relation = 1
	if sc.relIDF > 0 {
		r.relation = rel / sc.relIDF
	}
	return r
}

// The first stage's score is BM25 times the evidence factor times the
// coverage factor: BM25 rewards a rare word matched twice; coverage
// rewards a sentence that matches all of the question; both count. The
// evidence factor lies in [1, 1.3], so lower and upper bound the score
// before the sentence's facts are looked at, and final computes it.
func (r *ranked) lower() float64 { return r.bm25 * (coverageFloor + r.coverage) }
func (r *ranked) upper() float64 { return r.bm25 * 1.3 * (coverageFloor + r.coverage) }

func (r *ranked) final(evidence float64) {
	r.score = r.bm25 * (1 + 0.3*evidence) * (coverageFloor + r.coverage)
}

// bounds returns the lower and upper bounds of the score of a sentence
// with these sums, as its ranked's lower and upper would.
func (sc stage1Sums) bounds(score, cover float64) (lower, upper float64) {
	r := ranked{bm25: score}
	if sc.totalIDF > 0 {
		r.coverage = cover / sc.totalIDF
	}
	return r.lower(), r.upper()
}

// pendSlots lists the slots with a positive score in b.pend. When lbs is
// not nil, their lower bounds are pushed into it, and a slot whose upper
// bound is below the k-th best lower bound so far is left out.
func (b *stage1Buf) pendSlots(sc stage1Sums, lbs *kBest) {
	for i := range b.slots {
		s := &b.slots[i]
		if s.score <= 0 {
			continue
		}
		lower, upper := sc.bounds(s.score, s.cover)
		if lbs != nil {
			lbs.push(lower)
			if upper < lbs.bound() {
				continue
			}
		}
		b.pend = append(b.pend, pending{upper: upper, i: int32(i)})
	}
}

// A pending is a candidate of the first stage whose score is bounded but
// not known: slot i of the stage1Buf, or, for i < 0, the sentences of
// article ^i that no posting reached (they score alike but for their
// evidence).
type pending struct {
	upper float64
	i     int32
}

// best returns the k best candidates (every one when k <= 0) among those
// b.pend lists whose upper bound reaches tau, best first, exactly as
// sorting them all by their final score would begin. It looks at the evidence of a
// candidate only while its upper bound can still reach the k-th best
// score found: highest upper bound first, it stops at the first that
// cannot.
func (e *Engine) best(q *query, b *stage1Buf, sc stage1Sums, tau float64, k int) []ranked {
	c := &e.idx.cand
	b.pend = slices.DeleteFunc(b.pend, func(p pending) bool { return p.upper < tau })
	p := pendingHeap(b.pend)
	if k > 0 {
		p.init()
	}
	evidence := e.evidenceOf(q)
	found := kBest{k: k, h: b.lbs[:0]}
	got := b.got[:0]
	for len(p) > 0 {
		var next pending
		if k > 0 {
			// Every candidate left scores at most p[0].upper.
			if p[0].upper*scoreSlack < found.bound() {
				break
			}
			next = p.pop()
		} else {
			next, p = p[len(p)-1], p[:len(p)-1]
		}
		if next.i >= 0 {
			s := &b.slots[next.i]
			r := sc.ranked(s.doc, s.score, s.cover, s.rel)
			r.final(evidence(r.doc))
			got = append(got, r)
			found.push(r.score)
			continue
		}
		art := ^next.i
		acc := b.artAcc[art]
		for d := c.artStart[art]; d < c.artStart[art+1]; d++ {
			if b.slot[d] < 0 {
				r := sc.ranked(d, acc, acc, 0)
				r.final(evidence(r.doc))
				got = append(got, r)
				found.push(r.score)
			}
		}
	}
	if k > 0 {
		// Only those at least as good as the k-th best score are sorted.
		kth := found.bound()
		got = slices.DeleteFunc(got, func(r ranked) bool { return r.score < kth })
	}
	if k > 0 && len(got) > k {
		// Scores tie by the hundred in an article of like sentences:
		// only the best k are sorted.
		got = bestOf(got, k)
	} else {
		// slices.SortFunc runs the same pattern-defeating quicksort as
		// sort.Slice, comparing where it asked less, without its
		// reflection.
		slices.SortFunc(got, byFirstStage)
	}
	out := slices.Clone(got)
	b.pend, b.got, b.lbs = b.pend[:0], got[:0], found.h[:0]
	return out
}

// byFirstStage orders candidates best first: by score, then by sentence,
// so that no two compare equal and any sort gives the one order.
func byFirstStage(x, y ranked) int {
	if x.score != y.score {
		if x.score > y.score {
			return -1
		}
		return 1
	}
	if x.doc < y.doc {
		return -1
	}
	if y.doc < x.doc {
		return 1
	}
	return 0
}

// bestOf returns the k first of rs in byFirstStage order, sorted; it
// reorders rs. The order being total, they are the k first of the whole
// sorted list, at the cost of one pass with a heap of the k best so far
// (the worst of them at its root) and a sort of k.
func bestOf(rs []ranked, k int) []ranked {
	h := rs[:k]
	worse := func(i, j int) bool { return byFirstStage(h[i], h[j]) > 0 }
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < k && worse(l, m) {
				m = l
			}
			if l+1 < k && worse(l+1, m) {
				m = l + 1
			}
			if m == i {
				return
			}
			h[m], h[i] = h[i], h[m]
			i = m
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, r := range rs[k:] {
		if byFirstStage(r, h[0]) < 0 {
			h[0] = r
			down(0)
		}
	}
	slices.SortFunc(h, byFirstStage)
	return h
}

// scoreSlack covers the rounding of the bounds' own arithmetic.
const scoreSlack = 1 + 1e-9

// A pendingHeap is a max-heap of pending by upper bound.
type pendingHeap []pending

func (h pendingHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *pendingHeap) pop() pending {
	old := *h
	top := old[0]
	n := len(old) - 1
	old[0] = old[n]
	*h = old[:n]
	h.down(0)
	return top
}

func (h pendingHeap) down(i int) {
	for {
		l, m := 2*i+1, i
		if l < len(h) && h[l].upper > h[m].upper {
			m = l
		}
		if l+1 < len(h) && h[l+1].upper > h[m].upper {
			m = l + 1
		}
		if m == i {
			return
		}
		h[m], h[i] = h[i], h[m]
		i = m
	}
}

// A resolvedTerm is a stem of an alternative of a question word that the
// corpus has, with what its postings are weighed by: its idf, the
// alternative's weight shared among its stems (per), and damp.
type resolvedTerm struct {
	tid            int32
	idf, per, damp float64
}

// resolve looks the stems of every question word up once for the first
// stage, in the order of its alternatives and their stems. A term that
// several alternatives of a word share is kept once, where it first comes,
// with the largest share of weight any of them gives it: a sentence scores
// a question word by the best of its terms, so the others add nothing, and
// a merged query over articles in several languages lists the same term by
// the dozen (on BenchmarkScale's 1,000 articles, 61 terms a question of
// which 57 distinct, 30,000 postings of which 18,600 distinct).
func (e *Engine) resolve(q *query, b *stage1Buf) {
	ix := e.idx
	b.terms, b.termOff = b.terms[:0], append(b.termOff[:0], 0)
	for _, g := range q.group {
		start := len(b.terms)
		// An alternative never counts for more than the word the user
		// wrote would: "Portuguese" is rarer than "Portugal" in an article
		// about Portugal, and must not outweigh it.
		ceiling := e.ownIDF(g)
		for _, a := range g.alts {
			per := a.weight / float64(len(a.stems))
			for _, st := range a.stems {
				tid, ok := ix.termID(st)
				if !ok {
					continue
				}
				if i := slices.IndexFunc(b.terms[start:], func(t resolvedTerm) bool { return t.tid == tid }); i >= 0 {
					// idf and damp are the term's and the word's: the
					// same. A larger share gives each posting a larger
					// score and coverage, bit for bit (x*per is monotone
					// in per).
					t := &b.terms[start+i]
					t.per = max(t.per, per)
					continue
				}
				idf := ix.idf[tid]
				damp := 1.0
				if ceiling > 0 && idf > ceiling {
					damp = ceiling / idf
				}
				b.terms = append(b.terms, resolvedTerm{tid: tid, idf: idf, per: per, damp: damp})
			}
		}
		b.termOff = append(b.termOff, int32(len(b.terms)))
	}
}

// groupTerms returns question word g's terms.
func (b *stage1Buf) groupTerms(g int) []resolvedTerm { return b.terms[b.termOff[g]:b.termOff[g+1]] }

// checkPostings is how many postings the first stage reads between two
// looks at its context: a few microseconds of work.
const checkPostings = 4096

// askDepth is how many of the best sentences answering a question reads:
// pick tries the first five, suggests the first maxSuggestions, and
// weighs the margin over the second.
const askDepth = 5

// rankTop is rank for a caller that reads only the first k sentences of
// the ranking (at least): the first stage keeps its best k, and as many
// as the ranker reorders and the one after them.
func (e *Engine) rankTop(ctx context.Context, q *query, k int) []ranked {
	if r := e.ranker; r != nil {
		k = max(k, r.Candidates+1)
	}
	out, seen, b := e.candidates(ctx, q, k)
	if b == nil {
		return nil
	}
	out = e.rerank(e.ranker, q, out, seen)
	e.idx.cand.put(b)
	return out
}
