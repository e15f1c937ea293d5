package qa

import (
	"context"
	"math"
	"slices"
)

// rank orders the sentences for a question in two stages. The first
// (stage1, engine.go) scores every sentence that shares a word with the
// question, cheaply: BM25 over stems weighed by coverage and by evidence
// of the kind of fact asked for. The second reorders the best of them by
// the learned ranker (model.go) over the features of each (question,
// sentence) pair (features.go). Without a ranker, the first stage's order
// stands.
//
// The scores of the reordered candidates are exp(z - best z), so that
// ratios between scores keep their meaning for the callers that compare
// or scale them (pick, conversations); the sentences after them keep their
// first-stage order, below.
//
// Once ctx ends, rank returns nothing; the caller reports ctx.Err().
func (e *Engine) rank(ctx context.Context, q *query) []ranked {
	out, seen, b := e.candidates(ctx, q, 0)
	if b == nil {
		return nil
	}
	out = e.rerank(e.ranker, q, out, seen, nil)
	e.idx.cand.put(b)
	return out
}

// rerank reorders the first r.Candidates of out (in first-stage order) by
// the ranker's score. With rb, the features live in rb's buffers (nil:
// in new ones).
func (e *Engine) rerank(r *Ranker, q *query, out []ranked, seen *firstStage, rb *rankBuf) []ranked {
	if r == nil || len(out) == 0 {
		return out
	}
	k := min(len(out), r.Candidates)
	e.scoreCandidates(q, out[:k], seen, rb)
	for i := range out[:k] {
		out[i].z = r.Score(out[i].x)
		out[i].first = out[i].score
	}
	tail := 0.0
	if k < len(out) {
		tail = out[k].score
	}
	top := out[:k]
	// The same stable merge sort as sort.SliceStable, without reflection.
	slices.SortStableFunc(top, func(x, y ranked) int {
		if x.z > y.z {
			return -1
		}
		if y.z > x.z {
			return 1
		}
		return 0
	})
	low := 1.0
	for i := range top {
		top[i].score = math.Exp(top[i].z - top[0].z)
		low = min(low, top[i].score)
	}
	for i := k; i < len(out); i++ {
		out[i].score = low / 2 * out[i].score / tail
	}
	return out
}

// scoreCandidates computes the features of each candidate; cands must be in
// first-stage order. With rb, they are written into its buffers, which
// the candidates then share until rb is reused; nil: into new ones.
func (e *Engine) scoreCandidates(q *query, cands []ranked, seen *firstStage, rb *rankBuf) {
	m := e.newMatcher(q)
	defer e.putMatcher(m)
	if rb == nil {
		rb = &rankBuf{}
	}
	xs := rb.features(len(cands) * numFeatures)
	var buf match
	for i := range cands {
		x := xs[i*numFeatures : (i+1)*numFeatures : (i+1)*numFeatures]
		e.features(m, cands, i, seen, x, &buf)
	}
	rows := rb.rowsOf(len(cands))
	for i := range cands {
		cands[i].x = xs[i*numFeatures : (i+1)*numFeatures : (i+1)*numFeatures]
		rows[i] = cands[i].x
	}
	relativeFeatures(rows)
}

// A rankBuf holds the buffers one ranking of a question fills: the
// candidates, their features and the rows relativeFeatures reads. Ask
// takes one from the index's pool (index.ranks) and gives it back once
// its answer is picked, since nothing of the ranking outlives that;
// rankings that other code keeps (conversations, Inspect) use new ones.
type rankBuf struct {
	ranked []ranked
	xs     []float64
	rows   [][]float64
}

// features returns n float64s (features overwrites each row whole).
func (rb *rankBuf) features(n int) []float64 {
	if cap(rb.xs) < n {
		rb.xs = make([]float64, n)
	}
	return rb.xs[:n]
}

// rowsOf returns n row slots.
func (rb *rankBuf) rowsOf(n int) [][]float64 {
	if cap(rb.rows) < n {
		rb.rows = make([][]float64, n)
	}
	return rb.rows[:n]
}

// A firstStage is what the first stage saw of every sentence, for the
// features of the second: its coverage of the question, and which question
// words its own text has (a bit per word, the first 64 words).
type firstStage struct {
	cover []float64 // in question-weight units, context included
	words []uint64  // question words the text has, by any alternative
	// articles caches the question words of each article the second stage
	// asked of (article): the candidates' few, looked through in order,
	// where a map was made anew on every question.
	articles []articleWords
}

// articleWords is the question words an article has in any sentence.
type articleWords struct {
	art   int
	words uint64
}

func newFirstStage(cover []float64, n int) *firstStage {
	return &firstStage{cover: cover, words: make([]uint64, n)}
}

// article returns the question words that article art (which holds
// sentence d) has in any of its sentences.
func (f *firstStage) article(ix *index, art, d int) uint64 {
	for _, a := range f.articles {
		if a.art == art {
			return a.words
		}
	}
	var w uint64
	for o := d; o >= 0 && ix.docs[o].artIdx == art; o-- {
		w |= f.words[o]
	}
	for o := d + 1; o < len(ix.docs) && ix.docs[o].artIdx == art; o++ {
		w |= f.words[o]
	}
	f.articles = append(f.articles, articleWords{art: art, words: w})
	return w
}

// mark records that posting p matched alternative a of question word g.
// A term frequency under 1 is inherited context, not the sentence's text.
func (f *firstStage) mark(g int, p posting, a alt) {
	if g < 64 && p.tf >= 1 {
		f.words[p.doc] |= 1 << g
	}
}
