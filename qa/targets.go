package qa

import (
	"slices"
	"sync"

	"github.com/qabot/qabot/lang"
)

// Questions meet articles in the articles' language: each of the
// question's words becomes the ways to say it there. A corpus may hold
// articles in several languages; the question is then read for each, and
// the readings are merged word by word (mergeQueries), so a sentence of
// any article matches the words of its own language.

// translation returns the table that says words of a question in l in
// the language of target, or nil when they are one language.
func (e *Engine) translation(l *lang.Language, target *analyzer) *lazyTable {
	if l.Code == target.l.Code {
		return nil
	}
	return e.res.table(l.Code, target.l.Code)
}

// synonymsOf returns the synonyms within the language of target: the
// synonym files for the language they are written for (Options.ArticleLang,
// English by default), the concepts a language shares with itself for the
// others.
func (e *Engine) synonymsOf(target *analyzer) phraseMatcher {
	if target.l.Code == e.res.article.l.Code {
		return e.synonyms
	}
	return e.res.sameLanguage(target.l.Code).get()
}

// isWord reports whether a folded word is a word of the language of
// target that the engine's data knows, so that it is never "corrected"
// into another word of the articles.
func (e *Engine) isWord(target *analyzer, folded string) bool {
	if target.l.Code == e.res.article.l.Code {
		return e.dictionary.has(folded)
	}
	if _, ok := target.l.Lexicon().Lookup(folded); ok {
		return true
	}
	return target.l.IsStopword(folded)
}

// mergeQueries joins the readings of one question for articles in several
// languages, the commonest first: a group takes the alternatives of the
// groups of the other readings that read the same words, so a sentence
// matches in whichever language it is written. What the question asks
// (its kind, class and language) is the first reading's. The readings
// share one set of the stems the question used (parse), so that is not
// merged.
//
// A group of four readings may hold hundreds of alternatives: whether one
// is already there is looked up by its first stem (altIndex), not by
// reading the group's list for each, which made the merge quadratic.
func mergeQueries(qs []*query) *query {
	q := qs[0]
	n := 0
	for _, o := range qs {
		for _, g := range o.group {
			n += len(g.alts)
		}
	}
	have := newAltIndex(n)
	defer have.release()
	for _, g := range q.group {
		have.addGroup(g.at, g.alts)
	}
	// Room for the other readings' alternatives of each group at once:
	// most are new to it, and growing it reading by reading copied it
	// once a reading.
	for i := range q.group {
		h := &q.group[i]
		more := 0
		for _, o := range qs[1:] {
			for _, g := range o.group {
				if h.reads(g.at) {
					more += len(g.alts)
				}
			}
		}
		h.alts = slices.Grow(h.alts, more)
	}
	for _, o := range qs[1:] {
		for _, g := range o.group {
			i := slices.IndexFunc(q.group, func(h termGroup) bool { return h.reads(g.at) })
			if i < 0 {
				q.group = append(q.group, g)
				have.addGroup(g.at, g.alts)
				continue
			}
			h := &q.group[i]
			h.alts = slices.Grow(h.alts, len(g.alts))
			for _, a := range g.alts {
				if have.addNew(h.at, h.alts, a.stems) {
					h.alts = append(h.alts, a)
				}
			}
			h.idf = max(h.idf, g.idf)
			h.unknown = h.unknown && g.unknown
		}
		slices.SortStableFunc(q.group, func(a, b termGroup) int { return a.at - b.at })
		for s := range o.focus {
			q.focus[s] = true
		}
		for _, n := range o.numbers {
			if !slices.Contains(q.numbers, n) {
				q.numbers = append(q.numbers, n)
			}
		}
		if !q.hasClass && o.hasClass {
			q.class, q.hasClass = o.class, true
		}
	}
	return q
}

// An altIndex finds the alternatives of a merged query's groups by first
// stem: head holds the last entry of a first stem ("" for none), and each
// entry the group (by the token it starts at, which no two groups of a
// query share and which sorting them keeps), the place of the alternative
// in the group's alts, and the entry of the same first stem before it.
type altIndex struct {
	head    map[string]int32
	entries []altEntry
}

type altEntry struct{ at, i, prev int32 }

// altIndexes keeps the altIndexes of merged questions for the next ones:
// made anew, a question's map of a thousand first stems was a sixth of
// the bytes reading it allocated (BenchmarkStages, 100 articles).
var altIndexes sync.Pool // *altIndex

// maxPooledAlts bounds the alternatives of an altIndex kept for the next
// question, so that one very long question does not keep its map, which
// clearing costs by its size, for every question after it.
const maxPooledAlts = 1 << 13

// newAltIndex returns an empty altIndex for about n alternatives; release
// gives it back.
func newAltIndex(n int) *altIndex {
	if x, ok := altIndexes.Get().(*altIndex); ok {
		x.entries = slices.Grow(x.entries, n)
		return x
	}
	return &altIndex{head: make(map[string]int32, n), entries: make([]altEntry, 0, n)}
}

// release empties x and keeps it for the next question's merge.
func (x *altIndex) release() {
	if len(x.entries) > maxPooledAlts {
		return
	}
	clear(x.head)
	x.entries = x.entries[:0]
	altIndexes.Put(x)
}

func firstStem(stems []string) string {
	if len(stems) == 0 {
		return ""
	}
	return stems[0]
}

func (x *altIndex) addGroup(at int, alts []alt) {
	for i, a := range alts {
		x.add(at, i, a.stems)
	}
}

func (x *altIndex) add(at, i int, stems []string) {
	k := firstStem(stems)
	prev, ok := x.head[k]
	if !ok {
		prev = -1
	}
	x.head[k] = int32(len(x.entries))
	x.entries = append(x.entries, altEntry{at: int32(at), i: int32(i), prev: prev})
}

// addNew adds stems as the next alternative of alts, those of the group
// at at, unless one of alts holds them already, and reports whether it
// did: one look at the first stem's entries where asking and then adding
// took two.
func (x *altIndex) addNew(at int, alts []alt, stems []string) bool {
	k := firstStem(stems)
	prev, ok := x.head[k]
	if !ok {
		prev = -1
	}
	for e := prev; e >= 0; e = x.entries[e].prev {
		if en := x.entries[e]; en.at == int32(at) && slices.Equal(alts[en.i].stems, stems) {
			return false
		}
	}
	x.head[k] = int32(len(x.entries))
	x.entries = append(x.entries, altEntry{at: int32(at), i: int32(len(alts)), prev: prev})
	return true
}
