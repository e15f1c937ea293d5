package main

import (
	"math"
)

// A list is the candidates of one question for the listwise ranker: their
// features (standardised) and which of them answer.
type list struct {
	x   [][]float64
	pos []bool
	w   float64 // weight of the question in the loss; 0 counts as 1
}

// standardise returns the mean and scale of every feature over the rows,
// the scale floored so that a constant feature stays finite.
func standardise(rows [][]float64, n int) (mean, scale []float64) {
	mean = make([]float64, n)
	scale = make([]float64, n)
	for _, r := range rows {
		for j, v := range r {
			mean[j] += v
		}
	}
	for j := range mean {
		mean[j] /= float64(max(len(rows), 1))
	}
	for _, r := range rows {
		for j, v := range r {
			d := v - mean[j]
			scale[j] += d * d
		}
	}
	for j := range scale {
		scale[j] = math.Sqrt(scale[j] / float64(max(len(rows), 1)))
		if scale[j] < 1e-6 {
			scale[j] = 1
		}
	}
	return mean, scale
}

func apply(rows [][]float64, mean, scale []float64) [][]float64 {
	out := make([][]float64, len(rows))
	for i, r := range rows {
		o := make([]float64, len(r))
		for j, v := range r {
			o[j] = (v - mean[j]) / scale[j]
		}
		out[i] = o
	}
	return out
}

func dot(w, x []float64) float64 {
	z := 0.0
	for j, v := range x {
		z += w[j] * v
	}
	return z
}

// listLoss is the listwise softmax loss of the lists: minus the log of the
// probability the softmax of w.x over each list's candidates gives its
// answering candidates, averaged, plus lambda/2 |w|^2. It returns the loss
// and writes the gradient.
func listLoss(lists []list, w []float64, lambda float64, grad []float64) float64 {
	for j := range grad {
		grad[j] = lambda * w[j]
	}
	loss := 0.0
	for j := range w {
		loss += lambda / 2 * w[j] * w[j]
	}
	n := 0.0
	for _, l := range lists {
		n += weightOf(l)
	}
	z := []float64{}
	for _, l := range lists {
		lw := weightOf(l) / n
		z = z[:0]
		zmax := math.Inf(-1)
		for _, x := range l.x {
			v := dot(w, x)
			z = append(z, v)
			zmax = max(zmax, v)
		}
		all, pos := 0.0, 0.0
		for i, v := range z {
			e := math.Exp(v - zmax)
			all += e
			if l.pos[i] {
				pos += e
			}
		}
		loss += (math.Log(all) - math.Log(pos)) * lw
		for i, x := range l.x {
			e := math.Exp(z[i] - zmax)
			c := e / all
			if l.pos[i] {
				c -= e / pos
			}
			if c == 0 {
				continue
			}
			for j, v := range x {
				grad[j] += c * v * lw
			}
		}
	}
	return loss
}

func weightOf(l list) float64 {
	if l.w == 0 {
		return 1
	}
	return l.w
}

// A sample is one row of a logistic regression.
type sample struct {
	x []float64
	y float64
	w float64 // weight of the row
}

// logLoss is the weighted logistic loss of the samples with weights w
// (w[0] the bias, not penalised), plus lambda/2 |w[1:]|^2.
func logLoss(samples []sample, w []float64, lambda float64, grad []float64) float64 {
	for j := range grad {
		grad[j] = 0
	}
	loss, total := 0.0, 0.0
	for _, s := range samples {
		total += s.w
	}
	for j := 1; j < len(w); j++ {
		loss += lambda / 2 * w[j] * w[j]
		grad[j] = lambda * w[j]
	}
	for _, s := range samples {
		z := w[0] + dot(w[1:], s.x)
		p := 1 / (1 + math.Exp(-z))
		// log(1+e^z) - y z, computed without overflow
		l := math.Max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) - s.y*z
		loss += s.w * l / total
		d := s.w * (p - s.y) / total
		grad[0] += d
		for j, v := range s.x {
			grad[j+1] += d * v
		}
	}
	return loss
}

// minimise runs L-BFGS with a backtracking line search from w (changed in
// place) until the gradient is small or maxIter steps; it is deterministic.
func minimise(f func(w, grad []float64) float64, w []float64, maxIter int) float64 {
	const (
		memory = 10
		tol    = 1e-7
	)
	n := len(w)
	g := make([]float64, n)
	fx := f(w, g)
	var ss, ys [][]float64
	var rhos []float64
	d := make([]float64, n)
	wNew := make([]float64, n)
	gNew := make([]float64, n)
	alpha := make([]float64, memory)
	for it := 0; it < maxIter; it++ {
		if norm(g) < tol {
			break
		}
		// two-loop recursion: d = -H g
		copy(d, g)
		for k := len(ss) - 1; k >= 0; k-- {
			alpha[k] = rhos[k] * dot(ss[k], d)
			for j := range d {
				d[j] -= alpha[k] * ys[k][j]
			}
		}
		if k := len(ss) - 1; k >= 0 {
			gamma := dot(ss[k], ys[k]) / dot(ys[k], ys[k])
			for j := range d {
				d[j] *= gamma
			}
		}
		for k := range ss {
			b := rhos[k] * dot(ys[k], d)
			for j := range d {
				d[j] += ss[k][j] * (alpha[k] - b)
			}
		}
		for j := range d {
			d[j] = -d[j]
		}
		slope := dot(g, d)
		if slope >= 0 { // not a descent direction: restart from the gradient
			ss, ys, rhos = nil, nil, nil
			for j := range d {
				d[j] = -g[j]
			}
			slope = dot(g, d)
		}
		step := 1.0
		if len(ss) == 0 {
			step = 1 / math.Max(1, norm(g))
		}
		var fNew float64
		for {
			for j := range w {
				wNew[j] = w[j] + step*d[j]
			}
			fNew = f(wNew, gNew)
			if fNew <= fx+1e-4*step*slope || step < 1e-12 {
				break
			}
			step /= 2
		}
		if step < 1e-12 {
			break
		}
		s := make([]float64, n)
		y := make([]float64, n)
		for j := range w {
			s[j] = wNew[j] - w[j]
			y[j] = gNew[j] - g[j]
		}
		if sy := dot(s, y); sy > 1e-12 {
			ss, ys, rhos = append(ss, s), append(ys, y), append(rhos, 1/sy)
			if len(ss) > memory {
				ss, ys, rhos = ss[1:], ys[1:], rhos[1:]
			}
		}
		improved := fx - fNew
		copy(w, wNew)
		copy(g, gNew)
		fx = fNew
		if improved < 1e-10*math.Max(1, math.Abs(fx)) {
			break
		}
	}
	return fx
}

func norm(v []float64) float64 { return math.Sqrt(dot(v, v)) }
