package qa

import "math"

// kBest keeps the k largest values pushed into it, as a min-heap, so that
// its least is a score k of them reach for sure: the first stage's
// pruning bound. The heap's slice is the caller's, to reuse between
// questions.
type kBest struct {
	k int
	h []float64
}

// push offers v.
func (t *kBest) push(v float64) {
	h := t.h
	if len(h) < t.k {
		h = append(h, v)
		for i := len(h) - 1; i > 0; { // sift up
			p := (i - 1) / 2
			if h[p] <= h[i] {
				break
			}
			h[p], h[i] = h[i], h[p]
			i = p
		}
		t.h = h
		return
	}
	if len(h) == 0 || v <= h[0] {
		return
	}
	h[0] = v
	for i := 0; ; { // sift down
		l, m := 2*i+1, i
		if l < len(h) && h[l] < h[m] {
			m = l
		}
		if l+1 < len(h) && h[l+1] < h[m] {
			m = l + 1
		}
		if m == i {
			break
		}
		h[m], h[i] = h[i], h[m]
		i = m
	}
}

// wants reports whether pushing v would change what t keeps.
func (t *kBest) wants(v float64) bool {
	return t.k > 0 && (len(t.h) < t.k || v > t.h[0])
}

// bound returns the k-th largest value pushed, or -Inf while fewer than k
// were.
func (t *kBest) bound() float64 {
	if t.k <= 0 || len(t.h) < t.k {
		return math.Inf(-1)
	}
	return t.h[0]
}

// A scoredDoc is a sentence with its first-stage score, or with a score
// it reaches for sure.
type scoredDoc struct {
	score float64
	doc   int32
}

// worse reports whether x comes after y in the first stage's order
// (byFirstStage): a lower score, or the same score and a later sentence.
func (x scoredDoc) worse(y scoredDoc) bool {
	return x.score < y.score || x.score == y.score && x.doc > y.doc
}

// kDocs keeps the k best sentences pushed into it in the first stage's
// order, as a heap with the worst at its root: k sentences are at least
// as good as that one, so a sentence worse than it is not among the k
// best. Ties in score are told apart by the sentence, as in the order:
// over articles of like sentences, scores tie by the hundred, and only
// this tells the sentences after the k-th from those before.
type kDocs struct {
	k int
	h []scoredDoc
}

// push offers v.
func (t *kDocs) push(v scoredDoc) {
	h := t.h
	if len(h) < t.k {
		h = append(h, v)
		for i := len(h) - 1; i > 0; { // sift up
			p := (i - 1) / 2
			if !h[i].worse(h[p]) {
				break
			}
			h[p], h[i] = h[i], h[p]
			i = p
		}
		t.h = h
		return
	}
	if len(h) == 0 || !h[0].worse(v) {
		return
	}
	h[0] = v
	for i := 0; ; { // sift down
		l, m := 2*i+1, i
		if l < len(h) && h[l].worse(h[m]) {
			m = l
		}
		if l+1 < len(h) && h[l+1].worse(h[m]) {
			m = l + 1
		}
		if m == i {
			break
		}
		h[m], h[i] = h[i], h[m]
		i = m
	}
}

// wants reports whether pushing v would change what t keeps.
func (t *kDocs) wants(v scoredDoc) bool {
	return t.k > 0 && (len(t.h) < t.k || t.h[0].worse(v))
}

// bound returns the k-th best sentence pushed, or a score of -Inf while
// fewer than k were.
func (t *kDocs) bound() scoredDoc {
	if t.k <= 0 || len(t.h) < t.k {
		return scoredDoc{score: math.Inf(-1), doc: math.MaxInt32}
	}
	return t.h[0]
}
