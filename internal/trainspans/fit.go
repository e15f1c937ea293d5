package main

import (
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/qabot/qabot/qa"
)

// A model is a weight per (block, base feature), the blocks of an example
// being qa.SpanBlocks of its kind and article language, and a weight per
// (lexical block, lexical feature), the lexical blocks qa.SpanLexBlocks.
type model struct {
	names     []string // base feature names
	lexNames  []string // lexical feature names, by vocabulary id
	blocks    map[string]int
	lexBlocks map[string]int
	w         []float64 // base weights, block by block
	lw        []float64 // lexical weights, block by block
	lambda    float64
}

func newModel() *model {
	return &model{names: qa.SpanFeatureNames(), lexNames: lexVocab.names, blocks: map[string]int{}, lexBlocks: map[string]int{}}
}

// offsets returns the offsets of an example's blocks in w and lw, adding
// new blocks when add is set (-1 for a block the model lacks).
func (m *model) offsets(ex *example, add bool) (base, lex []int) {
	for _, b := range qa.SpanBlocks(qa.Kind(ex.kind), ex.artLang) {
		id, ok := m.blocks[b]
		if !ok && add {
			id = len(m.blocks)
			m.blocks[b] = id
			m.w = append(m.w, make([]float64, len(m.names))...)
		} else if !ok {
			continue
		}
		base = append(base, id*len(m.names))
	}
	for _, b := range qa.SpanLexBlocks(qa.Kind(ex.kind), ex.artLang) {
		id, ok := m.lexBlocks[b]
		if !ok && add {
			id = len(m.lexBlocks)
			m.lexBlocks[b] = id
			m.lw = append(m.lw, make([]float64, len(m.lexNames))...)
		} else if !ok {
			continue
		}
		lex = append(lex, id*len(m.lexNames))
	}
	return base, lex
}

// scores writes the score of every candidate of ex into out.
func (m *model) scores(ex *example, base, lex []int, out []float64) []float64 {
	out = out[:0]
	for k := 0; k < ex.n(); k++ {
		s := 0.0
		for _, off := range base {
			for f := ex.off[k]; f < ex.off[k+1]; f++ {
				s += m.w[off+int(ex.feat[f])] * float64(ex.val[f])
			}
		}
		for _, off := range lex {
			for _, id := range ex.lex[nLex*k : nLex*(k+1)] {
				if id >= 0 {
					s += m.lw[off+int(id)]
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// scoreOf is the score of candidate k of ex.
func (m *model) scoreOf(ex *example, k int) float64 {
	base, lex := m.offsets(ex, false)
	return m.scores(ex, base, lex, nil)[k]
}

// choose returns the candidate the model prefers among those the engine
// lets it choose (example.fit), -1 when there is none.
func (m *model) choose(ex *example) int {
	base, lex := m.offsets(ex, false)
	best, bestS := -1, math.Inf(-1)
	for k, s := range m.scores(ex, base, lex, nil) {
		if ex.fit(k) && s > bestS {
			best, bestS = k, s
		}
	}
	return best
}

// file writes the model in the engine's format, dropping zero weights.
//
// Weights under minWeight are dropped: they change no choice worth the
// lines.
func (m *model) file(about []string) qa.SpanModelFile {
	f := qa.SpanModelFile{About: about, Weights: map[string]float64{}}
	put := func(name string, w float64) {
		if math.Abs(w) >= minWeight {
			f.Weights[name] = math.Round(w*1e4) / 1e4
		}
	}
	for b, id := range m.blocks {
		for i, n := range m.names {
			put(b+"|"+n, m.w[id*len(m.names)+i])
		}
	}
	for b, id := range m.lexBlocks {
		for i, n := range m.lexNames {
			put(b+"|"+n, m.lw[id*len(m.lexNames)+i])
		}
	}
	return f
}

// minWeight is the smallest weight the model file keeps.
const minWeight = 0.005

// fitModel fits a conditional logit: for each question, the probability of
// its best candidates (those of the highest F1) among all of its
// candidates, with an L2 penalty of lambda per weight, by full-batch Adam.
// The weights of an example's blocks add up, so the forward and backward
// passes work on the summed weights of each (kind, language) pair and
// spread the pair's gradient over its blocks once per iteration.
//
// With expF1 > 0 the loss also weighs, expF1 times, the expected F1 of the
// choice under the model's probabilities (negated): the likelihood of the
// best candidates alone treats a candidate one word off the answer as
// wrong as one in another clause, which the F1 does not.
func fitModel(exs []example, lambda, expF1 float64, log io.Writer) *model {
	m := newModel()
	m.lambda = lambda
	nb := len(m.names)
	type pair struct {
		base, lex []int     // block offsets
		w, g      []float64 // summed base weights, their gradient
		lg        map[int32]float64
	}
	pairs := map[string]*pair{}
	type prepared struct {
		ex   *example
		p    *pair
		gold []bool
	}
	var data []prepared
	for i := range exs {
		ex := &exs[i]
		best := 0.0
		for _, f := range ex.f1 {
			best = max(best, f)
		}
		if best <= 0 {
			continue // no candidate overlaps the answer
		}
		key := ex.kind + "|" + ex.artLang
		p := pairs[key]
		if p == nil {
			p = &pair{w: make([]float64, nb), g: make([]float64, nb), lg: map[int32]float64{}}
			p.base, p.lex = m.offsets(ex, true)
			pairs[key] = p
		}
		d := prepared{ex: ex, p: p, gold: make([]bool, ex.n())}
		for k, f := range ex.f1 {
			d.gold[k] = f >= best-1e-9
		}
		data = append(data, d)
	}
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Strings(keys) // sums in a fixed order: the same weights every run
	params := [][]float64{m.w, m.lw}
	grads := [][]float64{make([]float64, len(m.w)), make([]float64, len(m.lw))}
	moms := [][]float64{make([]float64, len(m.w)), make([]float64, len(m.lw))}
	vels := [][]float64{make([]float64, len(m.w)), make([]float64, len(m.lw))}
	const (
		maxIters = 200
		rate     = 0.1
		b1       = 0.9
		b2       = 0.999
	)
	var scores []float64
	prevLoss := math.Inf(1)
	for it := 1; it <= maxIters; it++ {
		for _, g := range grads {
			clear(g)
		}
		for _, p := range pairs {
			clear(p.w)
			for _, off := range p.base {
				for f := range nb {
					p.w[f] += m.w[off+f]
				}
			}
			clear(p.g)
			clear(p.lg)
		}
		loss := 0.0
		for _, d := range data {
			ex, p := d.ex, d.p
			scores = scores[:0]
			top := math.Inf(-1)
			for k := 0; k < ex.n(); k++ {
				s := 0.0
				for f := ex.off[k]; f < ex.off[k+1]; f++ {
					s += p.w[ex.feat[f]] * float64(ex.val[f])
				}
				for _, id := range ex.lex[nLex*k : nLex*(k+1)] {
					if id >= 0 {
						for _, off := range p.lex {
							s += m.lw[off+int(id)]
						}
					}
				}
				scores = append(scores, s)
				top = max(top, s)
			}
			z, zg := 0.0, 0.0
			for k, s := range scores {
				e := math.Exp(s - top)
				scores[k] = e
				z += e
				if d.gold[k] {
					zg += e
				}
			}
			loss -= math.Log(zg / z)
			expected := 0.0
			if expF1 > 0 {
				for k, e := range scores {
					expected += e / z * ex.f1[k]
				}
				loss -= expF1 * expected
			}
			for k, e := range scores {
				g := e / z
				if d.gold[k] {
					g -= e / zg
				}
				if expF1 > 0 {
					g -= expF1 * e / z * (ex.f1[k] - expected)
				}
				if math.Abs(g) < 1e-12 {
					continue
				}
				for f := ex.off[k]; f < ex.off[k+1]; f++ {
					p.g[ex.feat[f]] += g * float64(ex.val[f])
				}
				for _, id := range ex.lex[nLex*k : nLex*(k+1)] {
					if id >= 0 {
						p.lg[id] += g
					}
				}
			}
		}
		for _, k := range keys {
			p := pairs[k]
			for _, off := range p.base {
				for f, g := range p.g {
					grads[0][off+f] += g
				}
			}
			for _, off := range p.lex {
				for id, g := range p.lg {
					grads[1][off+int(id)] += g
				}
			}
		}
		inv := 1 / float64(len(data))
		loss *= inv
		bc1, bc2 := 1-math.Pow(b1, float64(it)), 1-math.Pow(b2, float64(it))
		for v, w := range params {
			g, mo, ve := grads[v], moms[v], vels[v]
			for i := range w {
				gi := g[i]*inv + lambda*w[i]
				loss += 0.5 * lambda * w[i] * w[i]
				mo[i] = b1*mo[i] + (1-b1)*gi
				ve[i] = b2*ve[i] + (1-b2)*gi*gi
				w[i] -= rate * (mo[i] / bc1) / (math.Sqrt(ve[i]/bc2) + 1e-8)
			}
		}
		if it%25 == 0 {
			fmt.Fprintf(log, "  lambda %g iter %d loss %.4f\n", lambda, it, loss)
			if prevLoss-loss < 1e-3 {
				break // converged: the last 25 iterations gained nothing
			}
			prevLoss = loss
		}
	}
	return m
}
