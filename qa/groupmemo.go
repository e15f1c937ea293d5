package qa

import (
	"slices"
	"sync"

	"github.com/qabot/qabot/lang"
)

// A groupMemo keeps, for one engine, the term groups that reading a
// question word in another language than the articles' gave (readGroup).
// Such a word becomes its dozen renderings, each with its synonyms,
// variants and compounds in the articles' words, and the idf of them all:
// a hundred or more alternatives a word, looked up again for every
// question and every language of the articles that uses it, and most of
// reading a question over articles in several languages. The words of
// questions come back question after question, as the renderings' cache
// (renderCache) finds.
//
// What a group holds is a function of the engine's index and of its key:
// the question's and the articles' languages, the token's kind, text,
// folded form and stem, the stems of the phrase the table matched (whose
// renderings do not depend on what follows it), and whether the word
// starts the question. Only its surface may come from the question's text
// around it, and a number word adds itself to the query's numbers: both
// are redone on a hit. It is emptied when it holds maxGroups words, so its
// size stays bounded whatever users ask.
type groupMemo struct {
	mu sync.RWMutex
	m  map[string]memoGroup
}

// maxGroups bounds an engine's memo: at about a hundred alternatives of
// 40 bytes a word, a few MB at most.
const maxGroups = 1 << 11

// A memoGroup is what readGroup returned for a key.
type memoGroup struct {
	// g's alternatives are handed to every reading that uses the word,
	// clipped: a reading that adds to a group's alternatives (addOpposites,
	// mergeQueries) copies them, and none changes one in place, as with
	// the renderings' cache.
	g       termGroup
	n       int
	spanned bool   // the surface is spanText of the tokens read
	number  string // a number the word says, added to query.numbers; "" for none
}

// read is readGroup through the memo.
func (m *groupMemo) read(e *Engine, q *query, l *lang.Language, table phraseMatcher, memo *wordMemo, toks []lang.Token, folded, stems []string, i int, alts []alt, n int) (termGroup, int) {
	var buf [256]byte
	key := append(buf[:0], l.Code...)
	key = append(key, 0)
	key = append(key, q.target.l.Code...)
	key = append(key, 0, byte(toks[i].Kind))
	if i > 0 {
		key = append(key, 1)
	} else {
		key = append(key, 0)
	}
	key = append(key, toks[i].Text...)
	key = append(key, 0)
	key = append(key, folded[i]...)
	for _, st := range stems[i : i+max(n, 1)] {
		key = append(key, 0)
		key = append(key, st...)
	}
	m.mu.RLock()
	got, ok := m.m[string(key)]
	m.mu.RUnlock()
	if ok {
		g := got.g
		if got.spanned {
			g.surface = spanText(q.text, toks[i:i+got.n])
		} else {
			g.surface = toks[i].Text
		}
		if got.number != "" {
			q.numbers = append(q.numbers, got.number)
		}
		return g, got.n
	}
	numbers := len(q.numbers)
	var spanned bool
	g, k := e.readGroup(q, l, table, memo, toks, folded, stems, i, alts, n, &spanned)
	g.alts = slices.Clip(g.alts)
	keep := memoGroup{g: g, n: k, spanned: spanned}
	keep.g.surface = ""
	switch len(q.numbers) - numbers {
	case 0:
	case 1:
		keep.number = q.numbers[numbers]
	default:
		return g, k // never happens: a word says one number
	}
	m.mu.Lock()
	if m.m == nil || len(m.m) >= maxGroups {
		m.m = make(map[string]memoGroup)
	}
	m.m[string(key)] = keep
	m.mu.Unlock()
	return g, k
}
