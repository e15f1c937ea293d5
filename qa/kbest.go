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
