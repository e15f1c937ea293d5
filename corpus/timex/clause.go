package timex

import "sort"

// clauses splits a sentence at clause punctuation (commas, semicolons,
// colons, brackets and spaced dashes outside temporal expressions) and
// counts the content words of each segment: words that belong to no
// temporal expression and to no entry of the lexicon (prepositions,
// articles, "and" words are not content). Without a parser of its own, the
// package tells a clause, which has a verb and so content words, from an
// adverbial such as "In 2019," or "last year,", which has none.
type clauses struct {
	seg     []int // segment of each token
	content []int // content words of each segment
}

func clausesOf(p *parser, ms []mention) clauses {
	inMention := make([]bool, len(p.toks))
	for _, m := range ms {
		for k := m.start; k < m.end && k < len(inMention); k++ {
			inMention[k] = true
		}
	}
	c := clauses{seg: make([]int, len(p.toks)), content: []int{0}}
	s := 0
	for k, t := range p.toks {
		if !inMention[k] && p.clauseBreak(k) {
			s++
			c.content = append(c.content, 0)
		}
		c.seg[k] = s
		if !inMention[k] && t.kind == tWord && p.contentWord(k) {
			c.content[s]++
		}
	}
	return c
}

// contentWord reports whether the word at k is in no lexicon category but
// the reporting verbs and the verbs of the past, which are content words
// like any other verb.
func (p *parser) contentWord(k int) bool {
	for _, m := range p.matches(k) {
		if m.e.cat != cReporting && m.e.cat != cPast {
			return false
		}
	}
	return true
}

// reportingDate reports whether mention i dates the telling of the news
// ("the agency said on Friday", "told reporters on Friday", "police on
// Friday said", "pénteken közölte"): a reporting verb stands just after
// it, or before it with at most one content word and four tokens between.
func (p *parser) reportingDate(ms []mention, i int) bool {
	m := ms[i]
	if p.has(m.end, cReporting) {
		return true
	}
	lo := max(m.start-5, 0)
	if i > 0 {
		lo = max(lo, ms[i-1].end)
	}
	content := 0
	for k := m.start - 1; k >= lo; k-- {
		if p.clauseBreak(k) {
			return false
		}
		if p.has(k, cReporting) {
			return true
		}
		if t := p.tok(k); t.kind == tWord && p.contentWord(k) {
			if content++; content > 1 {
				return false
			}
		}
	}
	return false
}

// clauseBreak reports whether token k is punctuation that ends a clause.
func (p *parser) clauseBreak(k int) bool {
	t := p.tok(k)
	if t == nil || t.kind != tPunct {
		return false
	}
	switch t.text {
	case ";", ":", "(", ")", "[", "]", "–", "—":
		return true
	case ",":
		// Not a digit group: "6,000".
		prev, next := p.tok(k-1), p.tok(k+1)
		return !(prev != nil && prev.kind == tNum && next != nil && next.kind == tNum && p.glued(k) && p.glued(k+1))
	case "-":
		next := p.tok(k + 1)
		return t.space && next != nil && next.space
	}
	return false
}

// lends reports whether a year written at token from may date an
// expression at token to: within one clause; from an adverbial segment,
// which qualifies the whole sentence ("In 2019, the company opened a store
// on March 5"; "Last year, fires burned 6,000 hectares in July"); or to an
// apposition just beside it ("it opened in 2019, on March 5"). A year in
// another clause is not lent: in "the ferry, refitted in the spring of
// 2019, had passed its last inspection on February 27" the inspection has
// a year of its own.
func (c clauses) lends(from, to int) bool {
	sf, st := c.seg[from], c.seg[to]
	switch {
	case sf == st:
		return true
	case c.content[sf] == 0 || sf == 0 && c.content[sf] <= 1:
		// An adverbial; a sentence may open with one word more ("But
		// this year,").
		return true
	case c.content[st] == 0 && abs(sf-st) == 1:
		return true
	}
	return false
}

// lendingDonor returns the donor nearest pos (ties go to the one before)
// that may lend its year to the expression at pos, as a slice of at most
// one, and the nearest donor that may not, if it is nearer; donors are in
// text order.
func lendingDonor(donors []donor, pos int, c clauses) (lend []donor, skipped *donor) {
	if len(donors) == 0 {
		return nil, nil
	}
	order := make([]int, len(donors))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		da, db := abs(donors[order[a]].pos-pos), abs(donors[order[b]].pos-pos)
		if da != db {
			return da < db
		}
		return donors[order[a]].pos < donors[order[b]].pos
	})
	for _, i := range order {
		if c.lends(donors[i].pos, pos) {
			return donors[i : i+1], skipped
		}
		if skipped == nil {
			skipped = &donors[i]
		}
	}
	return nil, skipped
}
