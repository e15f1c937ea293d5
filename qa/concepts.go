package qa

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// A conceptTable says a word of one language in another through the
// concepts both share (lang.Concepts: WordNet synsets, joined to every
// language by the Open Multilingual Wordnet). Any pair of languages
// works the same way, English to English included, where it gives
// synonyms: no pair goes through a third language's words.
type conceptTable struct {
	from, to *lang.Concepts
	// weight is the weight of the best rendering; the others weigh less
	// by how much less of the question word's meaning they share.
	weight float64
	// self drops the word itself from a table within one language.
	self bool
	// fromEnglish: English question words take no near keys.
	fromEnglish bool
	// cache keeps the renderings of the phrases looked up (conceptcache.go).
	cache renderCache
}

// Translation choices, measured on the cross-lingual question sets.
const (
	// conceptMinShare drops renderings that share less of the word's
	// meaning than this, relative to the best one.
	conceptMinShare = 0.15
	// conceptMaxAlts caps the renderings of one word: 12 rather than 8
	// since the tables weigh colliding words by support (xling and
	// en-over xquad-dev sets, sentence@1 fit 52.2 -> 52.8%, dev 57.6 ->
	// 58.0%; 16: 52.8, 58.1%; 5: lower; conceptMinShare 0.10 and 0.25
	// gained nothing).
	conceptMaxAlts = 12
	// maxGrammarRunes: a word this short alone is read as grammar, not
	// looked up ("ab" of "hängen ... ab" is no "ahead"); names and
	// acronyms have tables of their own.
	maxGrammarRunes = 2
	// weightNearKey is the share of its weight a rendering found through a
	// near key keeps.
	weightNearKey = 0.8
)

func newConceptTable(from, to *lang.Language, weight float64) *conceptTable {
	t := &conceptTable{from: from.Concepts(), to: to.Concepts(), weight: weight, self: from == to, fromEnglish: from.Code == "en"}
	if t.from.Empty() || t.to.Empty() {
		return nil
	}
	return t
}

// match returns the renderings of the longest phrase of the table that
// starts stems, and how many stems it covers. The renderings are the
// cache's, to read only.
func (t *conceptTable) match(stems []string) ([]alt, int) {
	if t == nil {
		return nil, 0
	}
	// The keys are cut from one buffer on the stack, longest first.
	var buf [128]byte
	full := buf[:0]
	ends := [lang.MaxConceptWords]int{}
	maxN := min(len(stems), lang.MaxConceptWords)
	for i := range maxN {
		if i > 0 {
			full = append(full, ' ')
		}
		full = append(full, stems[i]...)
		ends[i] = len(full)
	}
	for n := maxN; n > 0; n-- {
		if n == 1 && utf8.RuneCountInString(stems[0]) <= maxGrammarRunes {
			break
		}
		alts := t.cache.lookup(full[:ends[n-1]], func(key string) []alt {
			if senses := t.from.Senses(key); len(senses) > 0 {
				return t.render(key, senses)
			}
			if n == 1 && !t.self && !t.fromEnglish {
				return t.renderNear(key)
			}
			return nil
		})
		if len(alts) > 0 {
			return alts, n
		}
	}
	return nil, 0
}

// renderNear renders a question word whose stem is not a key through the
// keys of its dictionary forms (lang.Concepts.NearKeys: Russian "органу"
// for "орган"), at weightNearKey: their senses pooled, each near key
// counting alike.
func (t *conceptTable) renderNear(key string) []alt {
	near := t.from.NearKeys(key)
	if len(near) == 0 {
		return nil
	}
	var senses []lang.Sense
	for _, k := range near {
		for _, s := range t.from.Senses(k) {
			s.Weight /= float64(len(near))
			senses = append(senses, s)
		}
	}
	alts := t.render(key, senses)
	for i := range alts {
		alts[i].weight *= weightNearKey
	}
	return alts
}

// render scores each word of the target language by the meaning it shares
// with the question word: the sum over shared concepts of the concept's
// share of the question word times the square root of its share of the
// target word. The share alone ranked a word with one sense ("clock
// time", "piecework") above the common word of many senses that says
// the concept most often ("time", "work"): a common word spreads its
// meaning over many concepts, so the root flattens the shares. On the
// cross-lingual xquad-dev sets (xling-de/es/ru, en-over-de/es/ru),
// sentence@1 / top1: dev 60.6/74.8 -> 62.0/75.5%, fit 53.5/70.5 ->
// 53.7/70.5% (power 0: dev 62.3/74.8; 0.25: 61.8/75.1; 0.75: 61.5/74.9;
// the root of the target word's share relative to the concept's best
// word: 61.3/74.9).
func (t *conceptTable) render(key string, senses []lang.Sense) []alt {
	type cand struct {
		stems []string
		key   string
		score float64
		first int // order of discovery, for ties
	}
	var cands []*cand
	byKey := map[string]*cand{}
	for _, s := range senses {
		for _, w := range t.to.Words(s.Concept) {
			k := strings.Join(w.Stems, " ")
			c, ok := byKey[k]
			if !ok {
				c = &cand{stems: w.Stems, key: k, first: len(cands)}
				byKey[k] = c
				cands = append(cands, c)
			}
			c.score += s.Weight * math.Sqrt(w.Weight)
		}
	}
	if t.self {
		// The word itself is the question's own reading, not a synonym.
		cands = slices.DeleteFunc(cands, func(c *cand) bool { return c.key == key })
	}
	if len(cands) == 0 {
		return nil
	}
	slices.SortStableFunc(cands, func(a, b *cand) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return a.first - b.first
	})
	best := cands[0].score
	out := make([]alt, 0, min(len(cands), conceptMaxAlts))
	for _, c := range cands {
		share := c.score / best
		if share < conceptMinShare || len(out) == conceptMaxAlts {
			break
		}
		out = append(out, alt{stems: c.stems, weight: t.weight * share})
	}
	return out
}

// A phraseMatcher finds the alternatives of the phrase that starts stems.
type phraseMatcher interface {
	match(stems []string) ([]alt, int)
}

// tables joins matchers: the longest phrase wins, and the alternatives of
// equally long phrases are pooled, earlier tables first.
type tables []phraseMatcher

// What it returns is to read only, like what each table returns (a
// stemTable's map entry, a conceptTable's cache): every caller copies what
// it keeps, so the alternatives are copied only when two tables pool them.
func (ts tables) match(stems []string) ([]alt, int) {
	var (
		best  []alt
		n     int
		owned bool // best is this call's copy, not a table's
	)
	for _, t := range ts {
		if t == nil {
			continue
		}
		alts, k := t.match(stems)
		switch {
		case k == 0 || k < n:
		case k > n:
			best, n, owned = alts, k, false
		default:
			if !owned {
				best, owned = slices.Clone(best), true
			}
			for _, a := range alts {
				i := slices.IndexFunc(best, func(b alt) bool { return slices.Equal(a.stems, b.stems) })
				if i < 0 {
					best = append(best, a)
				} else {
					best[i].weight = max(best[i].weight, a.weight)
				}
			}
		}
	}
	return best, n
}
