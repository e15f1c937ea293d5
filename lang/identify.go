package lang

import (
	"sort"
	"strings"
)

// An Identification names the language of a long text, such as an article.
type Identification struct {
	// Code is the supported language whose stop words the text uses most;
	// "" when the text has no words.
	Code string
	// Score measures how much of the text is Code's own: each word that
	// is a stop word of Code counts 1/n, n the number of languages whose
	// lists hold it, over the text's words. News text scores 0.2-0.35 in
	// its language; a text in a language qabot does not read scores under
	// 0.1 with the nearest one, however many stop words they share
	// (Dutch "de", "van", "een"), except its close kin (Catalan with
	// Spanish, Bulgarian with Russian).
	Score float64
	// Share is the part of the text's words that are stop words of Code.
	Share float64
	// Ranked holds every language with a score, best first.
	Ranked []Scored
}

// MinStopScore is the Score below which a text is taken to be in a
// language qabot does not read.
const MinStopScore = 0.1

// identifyWords is how many words IdentifyText reads: plenty to tell
// languages apart, and it keeps the cost of a long page small.
const identifyWords = 3000

// Supported reports whether the identified language is one of the
// registry's: Code is set and the text uses enough of its stop words.
func (id Identification) Supported() bool { return id.Code != "" && id.Score >= MinStopScore }

// IdentifyText names the language of a long text by its stop words: each
// word of the text votes for the languages whose list holds it, a word
// that several lists share counting for less. Short chat messages are the
// Detector's job; over a paragraph or more, stop words are both faster and
// surer, and need no training.
func (r *Registry) IdentifyText(text string) Identification {
	var id Identification
	if len(r.langs) == 0 {
		return id
	}
	// Each word votes as it is read: no list of the text's words.
	stops := r.stopLanguages()
	score := make([]float64, len(r.langs))
	hits := make([]int, len(r.langs))
	words := 0
	for t := range eachToken(text) {
		if t.Kind != TokenWord {
			continue
		}
		have := stops[Fold(t.Text)]
		for _, i := range have {
			score[i] += 1 / float64(len(have))
			hits[i]++
		}
		if words++; words == identifyWords {
			break
		}
	}
	if words == 0 {
		return id
	}
	for i, l := range r.langs {
		if score[i] > 0 {
			id.Ranked = append(id.Ranked, Scored{Lang: l.Code, Score: score[i] / float64(words)})
		}
	}
	if len(id.Ranked) == 0 {
		return id
	}
	sort.SliceStable(id.Ranked, func(a, b int) bool { return id.Ranked[a].Score > id.Ranked[b].Score })
	id.Code, id.Score = id.Ranked[0].Lang, id.Ranked[0].Score
	for i, l := range r.langs {
		if l.Code == id.Code {
			id.Share = float64(hits[i]) / float64(words)
		}
	}
	return id
}

// DeclaredLanguage reads a "lang: xx" line at the top of a page (the
// first non-blank line, or the line after the title), by which a page
// names its own language. It returns the code and the line, or "" when the
// page declares none.
func DeclaredLanguage(page string) (code, line string) {
	n := 0
	for l := range strings.Lines(page) {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if n++; n > 2 {
			break
		}
		key, val, ok := strings.Cut(t, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(key), "lang") {
			continue
		}
		val = strings.ToLower(strings.TrimSpace(val))
		if len(val) >= 2 && len(val) <= 3 && strings.IndexFunc(val, func(r rune) bool { return r < 'a' || r > 'z' }) < 0 {
			// A copy: the code outlives the page, and a slice of it would
			// keep the whole page (an article's first kilobytes, for as
			// long as the article is served).
			return strings.Clone(val), l
		}
	}
	return "", ""
}

// stopLanguages returns, for every stop word of any language, the
// languages whose list holds it (indices into r.langs, in order), built on
// first use: one lookup a word instead of one a language.
func (r *Registry) stopLanguages() map[string][]int {
	r.stopsOnce.Do(func() {
		r.stops = map[string][]int{}
		for i, l := range r.langs {
			for w := range l.stop {
				r.stops[w] = append(r.stops[w], i)
			}
		}
	})
	return r.stops
}
