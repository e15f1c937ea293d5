package qa

import (
	"slices"

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
// (its kind, class and language) is the first reading's.
func mergeQueries(qs []*query) *query {
	q := qs[0]
	for _, o := range qs[1:] {
		for _, g := range o.group {
			i := slices.IndexFunc(q.group, func(h termGroup) bool { return g.at >= h.at && g.at < h.at+max(h.n, 1) })
			if i < 0 {
				q.group = append(q.group, g)
				continue
			}
			h := &q.group[i]
			for _, a := range g.alts {
				if !slices.ContainsFunc(h.alts, func(b alt) bool { return slices.Equal(a.stems, b.stems) }) {
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
		for s := range o.mentioned {
			q.mentioned[s] = true
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
