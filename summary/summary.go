// Package summary picks the few sentences of an article that sum it up: an
// extractive summary, quoted exactly, never rewritten.
//
// The method is general and needs no data of its own: a sentence scores by
// how central it is to the article (LexRank: the stationary weight of a
// random walk over the sentences, linked by the cosine similarity of their
// content-word stems weighted by idf) and by how early it stands (news puts
// the gist first: the paragraph at position p weighs 1/(1+p)). The best
// sentences are taken greedily, skipping any that repeats one already taken,
// and given back in the article's order.
//
// The weights below are conventional values (LexRank's damping of 0.85,
// lead and centrality counted alike), not fitted: there is no gold summary
// data in the project to fit them on.
package summary

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

// Bounds of a summary's length: Sentences returns between Min and Max
// sentences (fewer only when the article has fewer that qualify).
const (
	Min = 3
	Max = 5
)

// Tuning of the method (see the package comment).
const (
	damping        = 0.85 // LexRank's random-walk damping
	leadWeight     = 0.5  // share of the score that comes from position
	minContent     = 5    // content words a sentence needs to be taken
	maxSimilarity  = 0.5  // a sentence this similar to a taken one repeats it
	walkIterations = 50
)

// Length returns how many sentences sum up an article of n sentences: Min
// up to 20 sentences, one more per further 20, at most Max.
func Length(n int) int {
	return min(Max, Min+max(0, (n-1)/20))
}

// Sentences returns the indexes (into a.Sentences) of the sentences that
// sum up the article, in the article's order. l is the language the article
// is written in: its stop words and stemmer tell content words apart. An
// article with no sentence of at least minContent content words has no
// summary.
func Sentences(a *corpus.Article, l *lang.Language) []int {
	n := len(a.Sentences)
	if n == 0 {
		return nil
	}
	bags := make([]map[string]bool, n)
	df := map[string]int{}
	for i, s := range a.Sentences {
		bags[i] = contentStems(s.Text, l)
		for st := range bags[i] {
			df[st]++
		}
	}
	vecs := make([]map[string]float64, n)
	for i, bag := range bags {
		vecs[i] = weigh(bag, df, n)
	}
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			c := cosine(vecs[i], vecs[j])
			sim[i][j], sim[j][i] = c, c
		}
	}
	// Centrality is rescaled to [0, 1] over the article, so that it
	// weighs as much as position whatever the article's length (the
	// random walk's jumps give every sentence the same floor).
	central := lexRank(sim)
	lo, hi := slices.Min(central), slices.Max(central)

	score := make([]float64, n)
	var eligible []int
	for i, s := range a.Sentences {
		if len(bags[i]) < minContent || isQuestion(s.Text) {
			continue
		}
		eligible = append(eligible, i)
		c := 0.0
		if hi > lo {
			c = (central[i] - lo) / (hi - lo)
		}
		score[i] = (1-leadWeight)*c + leadWeight*lead(s.Paragraph)
	}
	order := slices.Clone(eligible)
	sort.SliceStable(order, func(x, y int) bool { return score[order[x]] > score[order[y]] })

	want := Length(n)
	var picked []int
	for _, i := range order {
		if len(picked) == want {
			break
		}
		repeats := false
		for _, j := range picked {
			if sim[i][j] > maxSimilarity {
				repeats = true
				break
			}
		}
		if !repeats {
			picked = append(picked, i)
		}
	}
	slices.Sort(picked)
	return picked
}

// contentStems returns the stems of the words of text that carry content:
// no stop words, no one-letter words, numbers kept as written.
func contentStems(text string, l *lang.Language) map[string]bool {
	out := map[string]bool{}
	for _, t := range lang.Tokens(text) {
		if t.Kind == lang.TokenWord && (l.IsStopword(t.Text) || len([]rune(t.Text)) < 2) {
			continue
		}
		if strings.HasPrefix(t.Text, "'") || strings.HasSuffix(t.Text, "'") {
			continue // clitics and elisions: "'s", "l'"
		}
		out[lang.Fold(l.Stem(t.Text))] = true
	}
	return out
}

// weigh turns a bag of stems into idf weights: a stem all sentences share
// says nothing of what sets one apart.
func weigh(bag map[string]bool, df map[string]int, n int) map[string]float64 {
	v := make(map[string]float64, len(bag))
	for st := range bag {
		v[st] = math.Log(float64(n+1) / float64(df[st]))
	}
	return v
}

func cosine(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	dot := 0.0
	for k, x := range a {
		dot += x * b[k]
	}
	if dot == 0 {
		return 0
	}
	return dot / (norm(a) * norm(b))
}

func norm(v map[string]float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	return math.Sqrt(s)
}

// lexRank returns the centrality of each sentence: the stationary weights
// of a random walk that moves along similarity links (with probability
// damping) or jumps to any sentence.
func lexRank(sim [][]float64) []float64 {
	n := len(sim)
	rowSum := make([]float64, n)
	for i := range sim {
		for _, c := range sim[i] {
			rowSum[i] += c
		}
	}
	p := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for range walkIterations {
		for j := range next {
			next[j] = (1 - damping) / float64(n)
		}
		for i := range sim {
			if rowSum[i] == 0 {
				// A sentence linked to nothing spreads its weight evenly.
				for j := range next {
					next[j] += damping * p[i] / float64(n)
				}
				continue
			}
			for j, c := range sim[i] {
				if c > 0 {
					next[j] += damping * p[i] * c / rowSum[i]
				}
			}
		}
		p, next = next, p
	}
	return p
}

// lead is the weight of a sentence's position: 1 for the first paragraph,
// 1/2 for the second, 1/3 for the third...: the gist of a news story comes
// first, and past the first paragraphs position tells little.
func lead(para int) float64 {
	return 1 / float64(1+para)
}

// isQuestion reports whether a sentence asks rather than tells.
func isQuestion(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), `"'”’»)`)
	return strings.HasSuffix(t, "?")
}
