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
//
// The words are pooled by their ids in the table and only the stems of
// those kept are decoded: a word's string is read from a front-coded
// block, and a question word's senses list hundreds of words of which
// twelve at most are kept. The table's strings are unique and written as
// stems joined by single spaces (TestConceptWordsAreStems), so pooling by
// id is pooling by stems.
func (t *conceptTable) render(key string, senses []lang.Sense) []alt {
	type cand struct {
		id    uint32
		score float64
		first int // order of discovery, for ties
	}
	var (
		cands []cand
		byID  = map[uint32]int{} // id -> index in cands
		refs  []lang.ConceptWordRef
	)
	for _, s := range senses {
		refs = t.to.WordRefs(s.Concept, refs[:0])
		for _, w := range refs {
			i, ok := byID[w.ID]
			if !ok {
				i = len(cands)
				byID[w.ID] = i
				cands = append(cands, cand{id: w.ID, first: i})
			}
			cands[i].score += s.Weight * math.Sqrt(w.Weight)
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return a.first - b.first
	})
	var (
		out  []alt
		best float64
	)
	for _, c := range cands {
		// Past the first word kept, the words left weigh no more than
		// this one: the first too light ends the list, skipped or not.
		if out != nil && (c.score/best < conceptMinShare || len(out) == conceptMaxAlts) {
			break
		}
		stems := t.to.Stems(c.id)
		if len(stems) == 0 || t.self && strings.Join(stems, " ") == key {
			// No stems: not a word. The word itself, within one
			// language, is the question's own reading, not a synonym.
			continue
		}
		if out == nil {
			best = c.score
			out = make([]alt, 0, min(len(cands), conceptMaxAlts))
		}
		share := c.score / best
		out = append(out, alt{stems: stems, weight: t.weight * share})
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
