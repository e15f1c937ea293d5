package qa

import (
	"context"
	"math"
	mathbits "math/bits"
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
// Sentences are scored an article at a time. A sentence's score depends
// on its own article only, so each term's postings are kept in runs of one
// article (artBlock) with the largest BM25 part among them: one pass over
// the question words' runs bounds the best score of every article before
// any posting is read (boundArticles), to the bit, as the bound is summed
// in the order and with the arithmetic of a score, from parts at least as
// large. The articles are then scored whole (scoreArticle) in a scratch
// the size of one article, within which the sums run over the question
// words in order, as the exhaustive stage's do: the same scores to the bit
// (TestCandidatesMatchExhaustive). When the caller wants only the best k,
// an article whose bound cannot beat the k-th best sentence found is never
// read; a bound equal to its score rules the article out when its
// sentences come after that one, since ties go to the earlier sentence.
// With the evidence a table (the fact kinds), the sentences found are
// pushed with their scores, not with lower bounds. Over BenchmarkScale's
// 1,000 generated articles, whose like sentences tie by the hundred, about
// 180 of the 990 articles that share a word with a question are read.
//
// A max-score stage that skipped the postings of common words per
// sentence (1dbd19f) was removed: with the ranker's 41 candidates its bound
// seldom held, and scoring the sentences it read from a forward index cost
// twice the exhaustive stage. An article is ruled out whole, by a bound
// that is often its best sentence's score.

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
	// blocks[blockOff[t]:blockOff[t+1]] are term t's postings cut into
	// runs of one article, in order; block i ends where block i+1 starts,
	// the term's last where its postings end (postOff[t+1]).
	blockOff []int32
	blocks   []artBlock
	pool     sync.Pool // *stage1Buf
}

// An artBlock is the postings of one term in one article: where they start
// in the flat postings, and the most they give a sentence, so that an
// article is bounded without reading them.
type artBlock struct {
	art, start int32
	// cover is the largest min(1, tf) of the run: 1 when the article has
	// the term among its own words, not only as inherited context.
	cover float32
	// best and bestName are the largest BM25 part of the run's postings
	// that are not a word of a name of their sentence, and of those that
	// are (0 when none is): a posting's score is a product of its BM25
	// part, so the one with the largest scores most, to the bit.
	best, bestName float64
}

// own reports whether the article has the term among its sentences' own
// words: then its sentences that lack it get weightArticle of its weight.
func (k artBlock) own() bool { return k.cover >= 1 }

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
	for t, p := range ix.post {
		off := len(flat)
		c.postOff[t] = int32(off)
		flat = append(flat, p...)
		ix.post[t] = flat[off:len(flat):len(flat)]
	}
	c.postOff[len(ix.post)] = int32(len(flat))
	for t, p := range ix.post {
		for i := range p {
			p[i].bm25 = bm25Of(ix.idf[t], p[i].tf, c.norm[p[i].doc])
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
	c.buildBlocks(ix.post)
}

// buildBlocks cuts each term's postings into runs of one article.
func (c *candIndex) buildBlocks(post [][]posting) {
	c.blockOff = make([]int32, len(post)+1)
	n := 0
	for _, p := range post {
		last := int32(-1)
		for _, q := range p {
			if a := c.docArt[q.doc]; a != last {
				n++
				last = a
			}
		}
	}
	c.blocks = make([]artBlock, 0, n)
	for t, p := range post {
		c.blockOff[t] = int32(len(c.blocks))
		off := int(c.postOff[t])
		for i, q := range p {
			k := off + i
			a := c.docArt[q.doc]
			if i == 0 || a != c.blocks[len(c.blocks)-1].art {
				c.blocks = append(c.blocks, artBlock{art: a, start: int32(k)})
			}
			blk := &c.blocks[len(c.blocks)-1]
			if c.named(k) {
				blk.bestName = max(blk.bestName, q.bm25)
			} else {
				blk.best = max(blk.best, q.bm25)
			}
			blk.cover = max(blk.cover, min(1, q.tf))
		}
	}
	c.blockOff[len(post)] = int32(len(c.blocks))
}

// named reports whether posting k of the flat array is a word of a name
// of its sentence.
func (c *candIndex) named(k int) bool { return c.nameBit[k/64]&(1<<(k%64)) != 0 }

// blockEnd returns where block i of term t ends in the flat postings.
func (c *candIndex) blockEnd(t int32, i int32) int32 {
	if i+1 < c.blockOff[t+1] {
		return c.blocks[i+1].start
	}
	return c.postOff[t+1]
}

// articles returns the number of articles.
func (c *candIndex) articles() int { return len(c.artStart) - 1 }

// A stage1Buf is the scratch of one question's first stage, reused from
// question to question (candIndex.pool): arrays over every sentence and
// article that only the touched entries of are reset.
type stage1Buf struct {
	reached []bool    // per sentence of a scored article: a posting reached it
	artAcc  []float64 // per article: the score a sentence of it with no question word has
	cover   []float64 // per sentence of a scored article: firstStage.cover
	words   []uint64  // per sentence of a scored article: firstStage.words
	scored  []int32   // the articles scored
	slots   []slot    // the sentences listed in pend
	// bound is per article its bound so far (articleBound); marked lists
	// the articles a question word's postings reach, in the order met.
	bound  []articleBound
	marked []int32
	// markBits has a bit per article b.marked lists.
	markBits []uint64
	garts    []int32    // articles the current question word reaches
	isName   []bool     // per question word: it is a name (isNameGroup)
	refs     []blockRef // the question words' blocks, in question word order
	byArt    []blockRef // and grouped by article, each article's in that order
	order    articleHeap
	sent     []sentenceSums // per sentence of the article being scored
	reach    []int32        // those a posting reached, in the order met
	gReach   []int32        // and those the current question word reached
	lbs      []float64
	sure     []scoredDoc // what the k best found so far score for sure
	pend     []pending   // candidates not yet scored (best)
	// bestScratch is bestOf's.
	bestScratch bestScratch
	got         []ranked // and those scored
	// terms[termOff[g]:termOff[g+1]] are question word g's (resolve).
	terms   []resolvedTerm
	termOff []int32
	// stemTids is resolve's scratch: a word's stems' term ids (stemTerms).
	stemTids []int32
	// seen is what candidates returns of the sentences, over reached,
	// cover and words: valid, as they are, until b is put back.
	seen firstStage
}

// An articleBound is what the first stage knows of an article before it
// scores its sentences: bounds of the BM25 sum and of the coverage any of
// them can have (over the question words read so far), the same for the
// current question word, and its blocks' place in stage1Buf.byArt.
type articleBound struct {
	score, cover   float64
	gScore, gCover float64
	gStamp         int32 // 1 + the question word gScore and gCover are for
	gOwn           bool  // the article has the current word among its own
	scored         bool
	upper          float64 // the bound of its sentences' scores
	refs, next     int32   // its blocks are byArt[refs:refs+n], next is where the next goes
}

// A blockRef is a block of a question word's term met in an article.
type blockRef struct {
	art   int32
	group int32 // the question word
	term  int32 // the term, in stage1Buf.terms
	block int32 // the block, in candIndex.blocks
}

// sentenceSums is a sentence's sums while its article is scored.
type sentenceSums struct {
	score   float64 // BM25 with inherited context and article words
	cover   float64 // coverage, in question-weight units
	rel     float64 // the same, for the words that are not names
	gScore  float64 // the current word's best BM25 contribution
	gCover  float64 // and its best coverage
	gStamp  int32   // 1 + the question word gScore and gCover are for
	reached bool    // a posting reached it
}

// A slot is a sentence a posting reached, with its sums, while it is a
// candidate.
type slot struct {
	doc, art int32
	score    float64 // BM25 with inherited context and article words
	cover    float64 // coverage, in question-weight units
	rel      float64 // the same, for the words that are not names
}

func (c *candIndex) get(docs int) *stage1Buf {
	if b, ok := c.pool.Get().(*stage1Buf); ok && len(b.reached) == docs {
		return b
	}
	return &stage1Buf{
		reached:  make([]bool, docs),
		artAcc:   make([]float64, c.articles()),
		bound:    make([]articleBound, c.articles()),
		markBits: make([]uint64, (c.articles()+63)/64),
		cover:    make([]float64, docs),
		words:    make([]uint64, docs),
	}
}

// put resets what the question touched and keeps b for the next one.
func (c *candIndex) put(b *stage1Buf) {
	c.reset(b)
	c.pool.Put(b)
}

// reset clears what the question touched but its terms (resolve).
func (c *candIndex) reset(b *stage1Buf) {
	for _, a := range b.scored {
		from, to := c.artStart[a], c.artStart[a+1]
		clear(b.reached[from:to])
		clear(b.cover[from:to])
		clear(b.words[from:to])
	}
	for _, a := range b.marked {
		b.bound[a] = articleBound{}
		b.artAcc[a] = 0
		b.markBits[a/64] = 0
	}
	b.slots, b.scored, b.marked, b.garts, b.lbs = b.slots[:0], b.scored[:0], b.marked[:0], b.garts[:0], b.lbs[:0]
	b.refs, b.byArt, b.order = b.refs[:0], b.byArt[:0], b.order[:0]
	b.pend, b.got = b.pend[:0], b.got[:0]
}

// candidates scores the sentences for q as stage1 describes and returns
// them best first: every sentence with a positive score when k <= 0, else
// the k best, exactly as the full list would begin. It also returns what
// the first stage saw of the sentences the second stage reads (every
// sentence for k <= 0, those of the best k's articles else), and the
// scratch to give back (candIndex.put) once the firstStage is no longer
// read. It returns nothing once ctx ends: it checks between question
// words and articles, and every few thousand postings.
func (e *Engine) candidates(ctx context.Context, q *query, k int) ([]ranked, *firstStage, *stage1Buf) {
	return e.candidatesInto(ctx, q, k, nil)
}

// candidatesInto is candidates, the candidates written into rb.ranked when
// rb is not nil (then they are rb's until it is reused), else into a new
// slice.
func (e *Engine) candidatesInto(ctx context.Context, q *query, k int, rb *rankBuf) ([]ranked, *firstStage, *stage1Buf) {
	ix := e.idx
	c := &ix.cand
	b := c.get(len(ix.docs))
	e.resolve(q, b)
	sc := b.boundArticles(e, q)
	if ctx.Err() != nil {
		c.put(b)
		return nil, nil, nil
	}
	b.groupByArticle()

	// best holds the k best sentences found, by what they score for sure
	// (their score, when evidence is a table): no sentence that comes
	// after its k-th is among the k best, and no article whose bound
	// does (outranked).
	best := kDocs{k: k, h: b.sure[:0]}
	evidence := e.idx.factEvidence[q.kind]
	if k <= 0 {
		for i, a := range b.marked {
			if i%checkArticles == 0 && ctx.Err() != nil {
				c.put(b)
				return nil, nil, nil
			}
			b.scoreArticle(e, q, sc, a, evidence, &best)
		}
	} else {
		// The articles with the best bounds first, so that the k-th best
		// score found soon rules most others out; then the others in
		// order, so that each term's postings are read forwards.
		b.order = b.order[:0]
		for _, a := range b.marked {
			ab := &b.bound[a]
			_, ab.upper = sc.bounds(ab.score, ab.cover)
			b.order = append(b.order, articleUpper{upper: ab.upper, art: a})
			b.markBits[a/64] |= 1 << (a % 64)
		}
		b.order.init()
		for i := 0; i < leadArticles && len(b.order) > 0 && !c.outranked(b.order[0], &best); i++ {
			a := b.order.pop().art
			b.bound[a].scored = true
			b.scoreArticle(e, q, sc, a, evidence, &best)
		}
		n := 0
		for w, bits := range b.markBits {
			for bits != 0 {
				a := int32(w*64 + mathbits.TrailingZeros64(bits))
				bits &= bits - 1
				ab := &b.bound[a]
				if ab.scored || c.outranked(articleUpper{upper: ab.upper, art: a}, &best) {
					continue
				}
				if n++; n%checkArticles == 0 && ctx.Err() != nil {
					c.put(b)
					return nil, nil, nil
				}
				b.scoreArticle(e, q, sc, a, evidence, &best)
			}
		}
	}
	// The second stage reads the sentences of the candidates' articles,
	// which were all scored.
	seen := &b.seen
	seen.cover, seen.words, seen.articles = b.cover, b.words, seen.articles[:0]
	tau := best.bound().score
	b.sure = best.h
	return e.best(q, b, sc, tau, k, rb), seen, b
}

// boundArticles reads the blocks of the question words' terms: it lists
// each in b.refs and bounds the BM25 sum and the coverage of every
// article's sentences (b.bound, for the articles b.marked lists). It
// returns the question's weights.
func (b *stage1Buf) boundArticles(e *Engine, q *query) stage1Sums {
	c := &e.idx.cand
	var sc stage1Sums
	b.isName = b.isName[:0]
	for gi, g := range q.group {
		stamp := int32(gi + 1)
		sc.totalIDF += g.idf
		isName := e.isNameGroup(g)
		if !isName {
			sc.relIDF += g.idf
		}
		b.isName = append(b.isName, isName)
		b.garts = b.garts[:0]
		for ti := b.termOff[gi]; ti < b.termOff[gi+1]; ti++ {
			per, damp := b.terms[ti].per, b.terms[ti].damp
			tid := b.terms[ti].tid
			for bi := c.blockOff[tid]; bi < c.blockOff[tid+1]; bi++ {
				blk := &c.blocks[bi]
				// The most a posting of the run gives, computed as
				// scoreArticle computes a posting's: a bound to the bit.
				s := blk.best * per * damp
				if blk.bestName > 0 {
					if n := blk.bestName * per * damp * 1.3; n > s {
						s = n
					}
				}
				cov := per * float64(blk.cover)
				ab := &b.bound[blk.art]
				if ab.gStamp != stamp {
					if ab.gStamp == 0 {
						b.marked = append(b.marked, blk.art)
					}
					ab.gStamp, ab.gScore, ab.gCover, ab.gOwn = stamp, s, cov, blk.own()
					b.garts = append(b.garts, blk.art)
				} else {
					// Neither is NaN nor -0: as max, without its cases.
					if s > ab.gScore {
						ab.gScore = s
					}
					if cov > ab.gCover {
						ab.gCover = cov
					}
					ab.gOwn = ab.gOwn || blk.own()
				}
				ab.refs++
				b.refs = append(b.refs, blockRef{art: blk.art, group: int32(gi), term: ti, block: bi})
			}
		}
		// A sentence gets the word's BM25 part when a posting reaches
		// it, else its article's share when the article has the word.
		for _, a := range b.garts {
			ab := &b.bound[a]
			share := 0.0
			if ab.gOwn {
				share = weightArticle * g.idf
			}
			ab.score += max(ab.gScore, share)
			ab.cover += max(g.idf*ab.gCover, share)
		}
	}
	if sc.totalIDF > 0 {
		sc.inv = 1 / sc.totalIDF
	}
	return sc
}

// groupByArticle sorts b.refs into b.byArt by article, keeping each
// article's in question word order (a counting sort).
func (b *stage1Buf) groupByArticle() {
	at := int32(0)
	for _, a := range b.marked {
		ab := &b.bound[a]
		n := ab.refs
		ab.refs, ab.next = at, at
		at += n
	}
	b.byArt = slices.Grow(b.byArt[:0], len(b.refs))[:len(b.refs)]
	for _, r := range b.refs {
		ab := &b.bound[r.art]
		b.byArt[ab.next] = r
		ab.next++
	}
}

// scoreArticle scores the sentences of article art: their sums, and
// their coverage and question words in b.cover and b.words for the second
// stage; a sentence no posting reaches has the article's score, artAcc.
// It pushes what they score for sure into best, and lists in b.pend those
// whose upper bound reaches best's. evidence, when not nil, is each
// sentence's evidence: then what they score for sure is their score.
func (b *stage1Buf) scoreArticle(e *Engine, q *query, sc stage1Sums, art int32, evidence []float64, best *kDocs) {
	ix := e.idx
	c := &ix.cand
	first, n := c.artStart[art], int(c.artStart[art+1]-c.artStart[art])
	b.scored = append(b.scored, art)
	b.sent = slices.Grow(b.sent[:0], n)[:n]
	sent := b.sent
	clear(sent)
	reach := b.reach[:0]
	ab := &b.bound[art]
	refs := b.byArt[ab.refs:ab.next]
	acc := 0.0
	for i := 0; i < len(refs); {
		gi := refs[i].group
		idf := q.group[gi].idf
		stamp := gi + 1
		own := false
		touched := b.gReach[:0]
		for ; i < len(refs) && refs[i].group == gi; i++ {
			r := refs[i]
			t := &b.terms[r.term]
			tid, per, damp := t.tid, t.per, t.damp
			blk := c.blocks[r.block]
			own = own || blk.own()
			start, end := blk.start, c.blockEnd(tid, r.block)
			off := c.postOff[tid]
			post := ix.post[tid][start-off : end-off]
			for j, p := range post {
				s := p.bm25 * per * damp
				if c.named(int(start) + j) {
					s *= 1.3
				}
				cov := per * min(1, float64(p.tf))
				x := p.doc - first
				st := &sent[x]
				// The stamp, not a zero score, says the word reaches the
				// sentence for the first time. A sentence first reached
				// has what the earlier words' articles gave it.
				if st.gStamp != stamp {
					if !st.reached {
						st.reached = true
						st.score, st.cover = acc, acc
						reach = append(reach, x)
					}
					st.gStamp, st.gScore, st.gCover = stamp, s, cov
					touched = append(touched, x)
				} else {
					// Neither is NaN nor -0: as max, without its cases.
					if s > st.gScore {
						st.gScore = s
					}
					if cov > st.gCover {
						st.gCover = cov
					}
				}
				// A term frequency under 1 is inherited context, not
				// the sentence's text (firstStage.mark).
				if gi < 64 && p.tf >= 1 {
					b.words[p.doc] |= 1 << gi
				}
			}
		}
		for _, x := range touched {
			st := &sent[x]
			st.score += st.gScore
			st.cover += idf * st.gCover
			if !b.isName[gi] {
				st.rel += idf * st.gCover
			}
		}
		b.gReach = touched
		// A word the sentence lacks but its article has counts a little:
		// it tells articles apart and stands in for "it" and "the river".
		if own {
			share := weightArticle * idf
			acc += share
			for _, x := range reach {
				if st := &sent[x]; st.gStamp != stamp {
					st.score += share
					st.cover += share
				}
			}
		}
	}
	b.reach = reach
	b.artAcc[art] = acc

	// What the second stage reads of the article's sentences.
	cover := b.cover[first : int(first)+n]
	for x := range sent {
		if st := &sent[x]; st.reached {
			cover[x] = st.cover
			b.reached[int(first)+x] = true
		} else {
			cover[x] = acc
		}
	}
	for _, x := range reach {
		st := &sent[x]
		if st.score <= 0 || sc.below(st.score, st.cover, best.bound().score) {
			continue
		}
		doc := first + x
		sure, upper := b.bounds(sc, doc, st.score, st.cover, st.rel, evidence)
		best.push(scoredDoc{sure, doc})
		if upper < best.bound().score {
			continue
		}
		b.pend = append(b.pend, pending{upper: upper, i: int32(len(b.slots))})
		b.slots = append(b.slots, slot{doc: doc, art: art, score: st.score, cover: st.cover, rel: st.rel})
	}
	if acc <= 0 {
		return
	}
	// The sentences no posting reached score alike but for their
	// evidence: one pending entry for them all.
	if len(reach) == n || sc.below(acc, acc, best.bound().score) {
		return
	}
	var top float64
	if evidence == nil {
		// They all have these bounds: at most k of them enter best.
		sure, upper := sc.bounds(acc, acc)
		top = upper
		for x, m := 0, 0; x < n && m < best.k; x++ {
			if v := (scoredDoc{sure, first + int32(x)}); !sent[x].reached {
				if !best.wants(v) {
					break
				}
				best.push(v)
				m++
			}
		}
	} else {
		top = math.Inf(-1)
		for x := range sent {
			if !sent[x].reached {
				sure, _ := b.bounds(sc, first+int32(x), acc, acc, 0, evidence)
				best.push(scoredDoc{sure, first + int32(x)})
				top = max(top, sure)
			}
		}
	}
	if !(top < best.bound().score) {
		b.pend = append(b.pend, pending{upper: top, i: ^art})
	}
}

// bounds returns what a sentence with these sums scores for sure and at
// most: its score, twice, when its evidence is known, else the bounds the
// evidence factor allows.
func (b *stage1Buf) bounds(sc stage1Sums, doc int32, score, cover, rel float64, evidence []float64) (sure, upper float64) {
	if evidence == nil {
		return sc.bounds(score, cover)
	}
	r := sc.ranked(doc, score, cover, rel)
	r.final(evidence[doc])
	return r.score, r.score
}

// An articleUpper is an article with the bound of its sentences' scores.
type articleUpper struct {
	upper float64
	art   int32
}

// outranked reports whether every sentence of article a.art comes after
// the k-th best found so far: a.upper bounds their scores to the bit
// (boundArticles computes it as scoreArticle computes a score, from
// parts at least as large), so a bound equal to the k-th best score rules
// the article out when its sentences come after that one.
func (c *candIndex) outranked(a articleUpper, best *kDocs) bool {
	return scoredDoc{a.upper, c.artStart[a.art]}.worse(best.bound())
}

// An articleHeap is a max-heap of articles by bound.
type articleHeap []articleUpper

func (h articleHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *articleHeap) pop() articleUpper {
	old := *h
	top := old[0]
	n := len(old) - 1
	old[0] = old[n]
	*h = old[:n]
	h.down(0)
	return top
}

func (h articleHeap) down(i int) {
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

// stage1Sums turns a sentence's sums of question-word weights into the
// first stage's ranked: its coverage and relation are shares of the
// question's weight (totalIDF, relIDF of the words that are not names).
type stage1Sums struct {
	totalIDF, relIDF float64
	inv              float64 // 1 / totalIDF, or 0
}

// below reports that a sentence with these sums scores less than bound,
// for sure: its upper bound, computed without a division (and so not to
// the bit, hence the slack), is below it.
func (sc stage1Sums) below(score, cover, bound float64) bool {
	return score*1.3*(coverageFloor+cover*sc.inv)*quickSlack < bound
}

// quickSlack covers the rounding of below's arithmetic.
const quickSlack = 1 + 1e-6

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
func (e *Engine) best(q *query, b *stage1Buf, sc stage1Sums, tau float64, k int, rb *rankBuf) []ranked {
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
			if !b.reached[d] {
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
		got = bestOf(got, k, &b.bestScratch)
	} else {
		// slices.SortFunc runs the same pattern-defeating quicksort as
		// sort.Slice, comparing where it asked less, without its
		// reflection.
		slices.SortFunc(got, byFirstStage)
	}
	var out []ranked
	if rb != nil {
		out = append(rb.ranked[:0], got...)
		rb.ranked = out
	} else {
		out = slices.Clone(got)
	}
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
// reorders rs and uses scratch. The order being total, they are the k
// first of the whole sorted list: those scoring more than the k-th best
// score, and of those scoring it (by the hundred in an article of like
// sentences), the ones with the first sentences. Only the k are sorted;
// the ties are told apart by their sentences alone.
func bestOf(rs []ranked, k int, scratch *bestScratch) []ranked {
	if k <= 0 {
		return rs[:0]
	}
	if len(rs) <= k {
		slices.SortFunc(rs, byFirstStage)
		return rs
	}
	top := kBest{k: k, h: scratch.scores[:0]}
	for i := range rs {
		top.push(rs[i].score)
	}
	kth := top.bound()
	scratch.scores = top.h
	above := 0
	docs := scratch.docs[:0]
	for i := range rs {
		switch {
		case rs[i].score > kth:
			above++
		case rs[i].score == kth:
			docs = append(docs, rs[i].doc)
		}
	}
	// The tied sentences kept are the k-above first.
	slices.Sort(docs)
	last := docs[k-above-1]
	scratch.docs = docs
	out := rs[:0]
	for _, r := range rs {
		if r.score > kth || r.score == kth && r.doc <= last {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, byFirstStage)
	return out
}

// bestScratch is bestOf's scratch, kept from question to question.
type bestScratch struct {
	scores []float64
	docs   []int
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
		tids := e.stemTerms(b.stemTids[:0], g)
		b.stemTids = tids
		ceiling := e.ownIDFOf(g, tids)
		for _, a := range g.alts {
			per := a.weight / float64(len(a.stems))
			for range a.stems {
				tid := tids[0]
				tids = tids[1:]
				if tid < 0 {
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

// leadArticles is how many articles the first stage scores best bound
// first before it reads the others in order: enough that the k-th best
// score found is near the final one (over BenchmarkScale's 1,000
// articles, 16 score about as few articles as scoring all best bound
// first would), few enough that the rest are read forwards.
const leadArticles = 16

// checkArticles is how many articles the first stage scores between two
// looks at its context: a few microseconds of work.
const checkArticles = 64

// askDepth is how many of the best sentences answering a question reads:
// pick tries the first five, suggests the first maxSuggestions, and
// weighs the margin over the second.
const askDepth = 5

// rankTop is rank for a caller that reads only the first k sentences of
// the ranking (at least): the first stage keeps its best k, and as many
// as the ranker reorders and the one after them.
func (e *Engine) rankTop(ctx context.Context, q *query, k int) []ranked {
	return e.rankTopInto(ctx, q, k, nil)
}

// rankTopInto is rankTop into rb's buffers (nil: new ones): the ranking
// is rb's until rb is reused.
func (e *Engine) rankTopInto(ctx context.Context, q *query, k int, rb *rankBuf) []ranked {
	if r := e.ranker; r != nil {
		k = max(k, r.Candidates+1)
	}
	out, seen, b := e.candidatesInto(ctx, q, k, rb)
	if b == nil {
		return nil
	}
	out = e.rerank(e.ranker, q, out, seen, rb)
	e.idx.cand.put(b)
	return out
}
