package timex

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The parser turns tokens into mentions: spans with what they say, before
// any reference date is applied. It is a hand-written grammar over token
// categories from the language's lexicon, in the manner of HeidelTime's
// patterns and Duckling's rules, tried at every token; the longest parse
// wins and scanning resumes after it.

type form uint8

const (
	fmDate     form = iota + 1 // a calendar date, partial or full, weekday, season, year, decade, century
	fmDeictic                  // last/this/next + unit, weekday, month or season; "yesterday"
	fmShift                    // N units ago / earlier / later
	fmDuration                 // N units
	fmSet                      // every N units, weekly
	fmRange                    // between date and date
	fmNone                     // consumed but not a temporal expression ("à 18 heures", a clock time)
)

// relMonth and relSeasonYear extend relUnit/relSeason/relWeekday: a month
// with last/next ("juillet dernier"), and a season of a relative year
// ("tavaly nyáron", "i fjor sommer": the summer of last year).
const (
	relMonth      = 3
	relSeasonYear = 4
)

// date holds the parts of a calendar value as written; 0 or -1 mean absent.
type date struct {
	year, month, day int // 0 = absent
	weekday          int // -1 = absent, else time.Weekday
	season           int // -1 = absent, 0..3 spring..winter
	decade           int // -1 = absent, e.g. 199 for the 1990s
	century          int // -1 = absent, e.g. 19 for 1900-1999
	week             int // ISO week, 0 = absent
	prec             Precision
	numA, numB       int  // all-numeric date whose day/month order is open
	numHint          int  // numeric date that shows the page's order: +1 day first, -1 month first
	kind             Kind // Since or Until when a suffix says so ("2013-tól", "2027-ig")
	shortDecade      bool // "the 90s": the century is not written
}

func newDate() date { return date{weekday: -1, season: -1, decade: -1, century: -1} }

type mention struct {
	start, end int // token indexes, [start, end)
	form       form
	kind       Kind
	mod        Mod
	d, d2      date // d2: end of a range
	unit       unit // deictic, shift, duration, set
	target     int  // deictic: relUnit, relSeason, relWeekday or relMonth
	n          int  // deictic offset, or amount of a shift/duration/set; -1 unknown
	shift      int  // shift role
	anaphoric  bool // deictic relative to the previous date ("the next day")
	iso        string
	lean       bool // "by"/"until": a partial date leans to the future
	part       int  // "earlier this year" -1, "later this year" +1: the part before or after the reference
}

type match struct {
	n int // tokens spanned
	e *entry
}

type parser struct {
	l      *Language
	src    string
	toks   []token
	ms     []match
	mStart []int32
	depth  int // nesting of core, bounded so that "the the the ..." stays linear
	// lookups counts the lexicon lookups (calls of matches): the parser's
	// unit of work, which tests check grows linearly with the text.
	lookups int
}

// maxDepth bounds how deeply rules nest (article, mod, range, ...): real
// expressions need three or four levels.
const maxDepth = 6

func newParser(l *Language, src string) *parser {
	p := &parser{}
	p.init(l, src, nil)
	return p
}

// parserArena holds the arrays of the parsers of one document, so that a
// document's sentences share a few large arrays instead of three small
// ones each. A parser's slices are capped at their length: a later
// parser's appends cannot write into them.
type parserArena struct {
	toks   []token
	ms     []match
	mStart []int32
}

// arenaMatches is how many matches a document's arena makes room for at a
// time: most sentences have none or a few.
const arenaMatches = 256

// arenas keeps the arenas of finished documents for the next ones: an
// article's arena is tens of kilobytes, and a corpus of a thousand
// articles made that much garbage for every one (the collector's work).
var arenas = sync.Pool{New: func() any { return new(parserArena) }}

// getParserArena returns an empty arena whose tokens have room for the
// texts of groups as newParser sizes a parser's for each, reusing the
// arrays of a finished document's arena when they are large enough. Give
// it back with putParserArena once no parser of the document is used.
func getParserArena(groups ...[]string) *parserArena {
	n := 0
	for _, texts := range groups {
		for _, s := range texts {
			n += len(s)/5 + 4
		}
	}
	a := arenas.Get().(*parserArena)
	if cap(a.toks) < n {
		a.toks = make([]token, 0, n)
	}
	a.toks, a.ms, a.mStart = a.toks[:0], a.ms[:0], a.mStart[:0]
	return a
}

// putParserArena gives a back for another document. The parsers that took
// their arrays from a must not be used after.
func putParserArena(a *parserArena) {
	arenas.Put(a)
}

// tokens tokenizes src into the arena's free capacity, or into an array
// of its own when the capacity is too small.
func (a *parserArena) tokens(src string) []token {
	free := a.toks[len(a.toks):]
	toks := tokenize(src, free)
	if len(toks) <= cap(free) {
		a.toks = a.toks[:len(a.toks)+len(toks)]
	}
	return toks[:len(toks):len(toks)]
}

// reserveOffsets makes room for n match offsets, the sum over the parsers
// still to look their phrases up.
func (a *parserArena) reserveOffsets(n int) {
	if cap(a.mStart)-len(a.mStart) < n {
		a.mStart = make([]int32, 0, n)
	}
}

// offsets returns n zeroed offsets from the arena's free capacity, or a
// new array when it is too small.
func (a *parserArena) offsets(n int) []int32 {
	if cap(a.mStart)-len(a.mStart) < n {
		return make([]int32, n)
	}
	out := a.mStart[len(a.mStart) : len(a.mStart)+n : len(a.mStart)+n]
	clear(out) // a reused arena holds a finished document's offsets
	a.mStart = a.mStart[:len(a.mStart)+n]
	return out
}

// matches returns the arena's free match capacity (at least n), to append
// a parser's matches to.
func (a *parserArena) matches(n int) []match {
	if cap(a.ms)-len(a.ms) < n {
		a.ms = make([]match, 0, max(n, arenaMatches))
	}
	return a.ms[len(a.ms):len(a.ms)]
}

// keep takes ms, appended to a slice of matches with free capacity, out of
// the arena when they are still in it.
func (a *parserArena) keep(ms []match, free int) []match {
	if len(ms) <= free {
		a.ms = a.ms[:len(a.ms)+len(ms)]
	}
	return ms[:len(ms):len(ms)]
}

// init tokenizes src and looks its phrases up in l's lexicon, taking the
// arrays from a when it is not nil.
func (p *parser) init(l *Language, src string, a *parserArena) {
	p.tokenize(l, src, a)
	p.lookUp(a)
}

// tokenize reads src into tokens.
func (p *parser) tokenize(l *Language, src string, a *parserArena) {
	p.l, p.src = l, src
	if a == nil {
		p.toks = tokenize(src, make([]token, 0, len(src)/5+4))
	} else {
		p.toks = a.tokens(src)
	}
}

// lookUp finds the lexicon's phrases at each token.
func (p *parser) lookUp(a *parserArena) {
	l := p.l
	if a == nil {
		p.mStart = make([]int32, len(p.toks)+1)
		p.ms = make([]match, 0, len(p.toks)/2+4)
	} else {
		p.mStart = a.offsets(len(p.toks) + 1)
		p.ms = a.matches(len(p.toks)/2 + 4)
	}
	free := cap(p.ms)
	for i, t := range p.toks {
		p.mStart[i] = int32(len(p.ms))
		if t.kind == tNum {
			continue
		}
		for _, ph := range l.lex[t.text] {
			if i+len(ph.words) > len(p.toks) {
				continue
			}
			ok := true
			for k := 1; k < len(ph.words); k++ {
				if p.toks[i+k].text != ph.words[k] {
					ok = false
					break
				}
			}
			if ok {
				for k := range ph.entries {
					p.ms = append(p.ms, match{len(ph.words), &ph.entries[k]})
				}
			}
		}
	}
	p.mStart[len(p.toks)] = int32(len(p.ms))
	if a != nil {
		p.ms = a.keep(p.ms, free)
	}
}

func (p *parser) matches(i int) []match {
	p.lookups++
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return p.ms[p.mStart[i]:p.mStart[i+1]]
}

// find returns the longest entry of category c starting at token i and the
// index after it, or nil.
func (p *parser) find(i int, c category) (*entry, int) {
	for _, m := range p.matches(i) {
		if m.e.cat == c {
			return m.e, i + m.n
		}
	}
	return nil, i
}

// findAll returns the entries of category c in the longest phrase at i that
// has one, and the index after that phrase.
func (p *parser) findAll(i int, c category) ([]*entry, int) {
	var out []*entry
	n := 0
	for _, m := range p.matches(i) {
		if m.e.cat != c {
			continue
		}
		if n == 0 {
			n = m.n
		}
		if m.n == n {
			out = append(out, m.e)
		}
	}
	return out, i + n
}

func (p *parser) has(i int, c category) bool {
	e, _ := p.find(i, c)
	return e != nil
}

// skip advances over entries of the given categories, at most a few, so
// that a run of them cannot make parsing quadratic.
func (p *parser) skip(i int, cats ...category) int {
	for hops := 0; hops < 4; hops++ {
		moved := false
		for _, c := range cats {
			if e, next := p.find(i, c); e != nil && next > i {
				i = next
				moved = true
			}
		}
		if !moved {
			return i
		}
	}
	return i
}

func (p *parser) tok(i int) *token {
	if i < 0 || i >= len(p.toks) {
		return nil
	}
	return &p.toks[i]
}

func (p *parser) isPunct(i int, s ...string) bool {
	t := p.tok(i)
	if t == nil || t.kind != tPunct {
		return false
	}
	for _, x := range s {
		if t.text == x {
			return true
		}
	}
	return false
}

// glued reports whether token i follows token i-1 without space.
func (p *parser) glued(i int) bool {
	t := p.tok(i)
	return t != nil && i > 0 && !t.space
}

func isDash(s string) bool { return s == "-" || s == "–" || s == "—" || s == "‐" || s == "‑" }

// all parses the whole text.
func (p *parser) all() []mention {
	var out []mention
	for i := 0; i < len(p.toks); {
		if m, ok := p.parseAt(i); ok && m.end > i {
			if m.form != fmNone {
				out = append(out, m)
			}
			i = m.end
			continue
		}
		i++
	}
	return out
}

// ctx carries what preceded a core expression.
type ctx struct {
	prep    bool // a preposition, article, mod or deictic word introduces it
	article bool
	durPrep bool // "for", "within": a bare plural unit is a vague duration
}

// parseAt parses the longest expression starting at token i, with an
// optional leading preposition.
func (p *parser) parseAt(i int) (mention, bool) {
	var best mention
	found := false
	consider := func(m mention, ok bool) {
		if ok && (!found || m.end > best.end || m.end == best.end && m.start < best.start) {
			best, found = m, true
		}
	}
	t := p.tok(i)
	if t.kind == tNum && p.codeLike(i) {
		return best, false
	}
	// Every rule starts with a number, a lexicon phrase, an apostrophe
	// ("'90s") or a Roman numeral ("XXe siècle"); most words are none.
	if t.kind != tNum && t.text != "'" && len(p.matches(i)) == 0 {
		if _, ok := p.roman(i); !ok {
			return best, false
		}
	}
	consider(p.core(i, ctx{}))
	for _, m := range p.matches(i) {
		next := i + m.n
		switch m.e.cat {
		case cSince:
			k := p.skip(next, cApprox, cArticle)
			c, ok := p.core(k, ctx{prep: true})
			if ok {
				switch c.form {
				case fmDate, fmDeictic, fmShift:
					c.kind = Since
					// "ab Donnerstag", "à partir de lundi": a period to
					// come, unless the clause is told in the past.
					c.lean = m.e.flags&fOnward != 0
				case fmDuration:
					c.kind = Duration
				default:
					ok = false
				}
				c.start = i
			}
			consider(c, ok)
		case cUntil:
			k := p.skip(next, cApprox, cArticle)
			c, ok := p.core(k, ctx{prep: true})
			if ok && (c.form == fmDate || c.form == fmDeictic) {
				c.kind, c.start, c.lean = Until, i, true
				consider(c, true)
			}
		case cBetween, cFrom:
			k := p.skip(next, cArticle)
			c, ok := p.core(k, ctx{prep: true})
			if ok && c.form == fmRange { // "from 2014–2018"
				c.start = i
				consider(c, true)
				break
			}
			if !ok || c.form != fmDate {
				break
			}
			if r, ok := p.rangeTail(c, m.e.cat == cFrom); ok {
				r.start = i
				consider(r, true)
			} else if m.e.cat == cFrom {
				c.kind, c.start = Since, i
				consider(c, true)
			}
		case cWithin, cFor:
			k := p.skip(next, cApprox)
			c, ok := p.core(k, ctx{prep: true, durPrep: true})
			if ok && c.form == fmDuration {
				c.start = i
				consider(c, true)
			} else if ok && c.form != fmSet && m.e.cat == cFor {
				consider(c, true) // "for July": the date without the preposition
			}
			if m.e.cat == cFor {
				// "over a 14-month mission": an article before the amount.
				if e, k2 := p.find(k, cNumber); e != nil && e.flags&fIndefinite != 0 {
					if c, ok := p.core(k2, ctx{prep: true}); ok && c.form == fmDuration {
						c.start = i
						consider(c, true)
					}
				}
			}
		case cEvery:
			consider(p.every(i, next))
		case cPoint:
			k := p.skip(next, cApprox)
			if c, ok := p.core(k, ctx{prep: true}); ok {
				consider(c, true)
			}
		case cClock:
			// "à 18 heures", "в 18 часов": a clock time, not a duration.
			if c, ok := p.core(next, ctx{prep: true}); ok && c.form == fmDuration && c.unit <= uHour {
				consider(mention{start: i, end: c.end, form: fmNone}, true)
			}
		}
	}
	return best, found
}

// rangeTail extends a date with "and/to/–" and a second date.
func (p *parser) rangeTail(first mention, from bool) (mention, bool) {
	e, k := p.find(first.end, cAnd)
	if from && p.l.hasTo {
		e, k = p.find(first.end, cTo) // "from X to Y", not "from X and Y"
	}
	if e == nil {
		return first, false
	}
	k = p.skip(k, cArticle)
	second, ok := p.core(k, ctx{prep: true})
	if !ok || second.form != fmDate || second.d.prec == PrecisionNone {
		return first, false
	}
	r := first
	r.form, r.kind, r.d2, r.end = fmRange, Range, second.d, second.end
	return r, true
}

// every parses "every 11 days", "every Monday", "tous les jours".
func (p *parser) every(start, i int) (mention, bool) {
	m := mention{start: start, form: fmSet, kind: Set, d: newDate()}
	// The count: "every 11 days", "var elfte dag", "var 11:e dag",
	// "hver 11. dag", or none ("every day").
	type count struct{ n, k int }
	counts := []count{{1, i}}
	if a, next, ok := p.amount(i); ok && a >= 0 {
		counts = append(counts, count{a, next})
	}
	if e, next := p.find(i, cOrdinal); e != nil {
		counts = append(counts, count{e.val, next})
	}
	if t := p.tok(i); t != nil && t.kind == tNum && t.num > 0 {
		if next, ok := p.ordinalSuffix(i + 1); ok {
			counts = append(counts, count{t.num, next})
		}
	}
	for k := len(counts) - 1; k >= 0; k-- {
		if es, next := p.findAll(counts[k].k, cUnit); len(es) > 0 {
			n := counts[k].n
			m.unit, m.n, m.end = unit(es[0].val), n, next
			m.iso = m.unit.isoDuration(n)
			return m, true
		}
	}
	for _, mt := range p.matches(i) {
		if mt.e.flags&fAbbr != 0 {
			continue
		}
		// "every Monday", "every summer", "every July".
		switch mt.e.cat {
		case cWeekday:
			m.d.weekday, m.target, m.end, m.iso = mt.e.val, relWeekday, i+mt.n, "P1W"
			return m, true
		case cSeason:
			m.d.season, m.target, m.end, m.iso = mt.e.val, relSeason, i+mt.n, "P1Y"
			return m, true
		case cMonth:
			m.d.month, m.target, m.end, m.iso = mt.e.val, relMonth, i+mt.n, "P1Y"
			return m, true
		}
	}
	return m, false
}

// core parses an expression without its leading preposition.
func (p *parser) core(i int, c ctx) (mention, bool) {
	if p.tok(i) == nil || p.depth >= maxDepth {
		return mention{}, false
	}
	p.depth++
	defer func() { p.depth-- }()
	var best mention
	found := false
	consider := func(m mention, ok bool) {
		if ok && (!found || m.end > best.end || m.end == best.end && m.start < best.start) {
			best, found = m, true
		}
	}
	// First, so that it wins a tie with a mod phrase ("earlier in the
	// year").
	consider(p.thisPart(i))
	for _, mt := range p.matches(i) {
		next := i + mt.n
		e := mt.e
		switch e.cat {
		case cFixedDuration:
			consider(mention{start: i, end: next, form: fmDuration, kind: Duration, iso: e.str, unit: isoUnit(e.str)}, true)
		case cSet:
			consider(mention{start: i, end: next, form: fmSet, kind: Set, iso: e.str, unit: isoUnit(e.str), n: 1, d: newDate()}, true)
		case cRelative:
			m := mention{start: i, end: next, form: fmDeictic, kind: Point, n: e.n, target: e.val2, d: newDate(), anaphoric: e.flags&fAnaphoric != 0}
			switch e.val2 {
			case relUnit:
				m.unit = unit(e.val)
			case relSeason, relSeasonYear:
				m.d.season = e.val
			case relWeekday:
				m.d.weekday = e.val
			}
			m.end = p.partOfDay(m.end)
			consider(m, true)
		case cMod:
			consider(p.modified(i, next, modOrder[e.val], c))
		case cDeictic:
			consider(p.deicticFirst(i, next, e.val))
		case cShift:
			if e.flags&fAfter == 0 {
				consider(p.shiftBefore(i, next, e.val))
			}
		case cUnit:
			consider(p.unitFirst(i, c))
		}
	}
	// An article (after the lexicon phrases, which win ties: "the next
	// day" is anaphoric): "the early 1990s", "the summer", "l'année dernière".
	if e, next := p.find(i, cArticle); e != nil && next > i && !c.article {
		c2 := c
		c2.article = true
		if m, ok := p.core(next, c2); ok {
			if m.form != fmDate && m.form != fmRange {
				m.start = i // "l'année dernière" keeps its article; "the 1970s" does not
			}
			consider(m, true)
		}
	}
	consider(p.amountFirst(i, c))
	// A mod after a relative period: "jövő év elején" (early next year).
	if found && best.form == fmDeictic && best.target == relUnit && best.mod == ModNone {
		if e, k := p.find(best.end, cModAfter); e != nil {
			m := best
			m.mod, m.end = modOrder[e.val], k
			consider(m, true)
		}
	}
	if d, next, ok := p.date(i, c); ok {
		m := mention{start: i, end: next, form: fmDate, kind: d.kind, d: d, lean: d.kind == Until}
		// "juillet dernier", "lunes pasado", "l'été dernier"
		if d.year == 0 && d.day == 0 && d.decade < 0 && d.century < 0 {
			if e, k := p.find(next, cDeictic); e != nil && !p.has(k, cUnit) {
				m.form, m.n, m.end = fmDeictic, e.val, k
				switch {
				case d.weekday >= 0:
					m.target = relWeekday
				case d.season >= 0:
					m.target = relSeason
				case d.month > 0:
					m.target = relMonth
				}
			}
		}
		if e, k := p.find(m.end, cModAfter); e != nil {
			m.mod, m.end = modOrder[e.val], k
		}
		if m.form == fmDate {
			if r, ok := p.dashRange(m); ok {
				m = r
			} else if r, ok := p.postRange(m); ok {
				m = r
			}
		}
		// Postpositions: "2013 óta", "2018 decembere óta".
		if e, k := p.find(m.end, cPostSince); e != nil && m.form != fmRange {
			m.kind, m.end = Since, k
		} else if e, k := p.find(m.end, cPostUntil); e != nil && m.form != fmRange {
			m.kind, m.end, m.lean = Until, k, true
		}
		consider(m, true)
	}
	return best, found
}

// dashRange reads "2014–2018" and "2014 bis 2018": two dates joined by a
// dash, or two years joined by a "to" word.
func (p *parser) dashRange(first mention) (mention, bool) {
	t := p.tok(first.end)
	if t == nil {
		return first, false
	}
	k := first.end + 1
	if t.kind != tPunct || !isDash(t.text) {
		e, next := p.find(first.end, cTo)
		if e == nil || first.d.prec != Year || first.d.year == 0 {
			return first, false
		}
		k = next
	}
	second, ok := p.core(k, ctx{prep: true})
	if !ok || second.form != fmDate || second.d.prec != first.d.prec {
		return first, false
	}
	r := first
	r.form, r.kind, r.d2, r.end = fmRange, Range, second.d, second.end
	return r, true
}

// postRange reads "2014 és 2018 között": two dates joined by "and" and
// closed by a postposition.
func (p *parser) postRange(first mention) (mention, bool) {
	r, ok := p.rangeTail(first, false)
	if !ok {
		return first, false
	}
	if e, k := p.find(r.end, cPostBetween); e != nil {
		r.end = k
		return r, true
	}
	return first, false
}

// thisPart parses "earlier this year", "later this month", "earlier in
// the week", "plus tôt cette année": the part of the current week, month,
// season or year before (or after) the reference date.
func (p *parser) thisPart(i int) (mention, bool) {
	e, next := p.find(i, cThisPart)
	if e == nil {
		return mention{}, false
	}
	k := p.skip(next, cPoint, cArticle)
	period := func(u unit) bool { return u >= uWeek && u <= uYear }
	var m mention
	if c, ok := p.core(k, ctx{prep: true}); ok && c.form == fmDeictic && c.n == 0 && !c.anaphoric && c.mod == ModNone &&
		(c.target == relUnit && period(c.unit) || c.target == relSeason || c.target == relMonth) {
		m = c
	} else if es, end := p.findAll(k, cUnit); len(es) > 0 && es[0].flags&fPlural == 0 && period(unit(es[0].val)) {
		m = mention{end: end, form: fmDeictic, kind: Point, unit: unit(es[0].val), target: relUnit, d: newDate()}
	} else {
		return mention{}, false
	}
	m.start, m.part, m.mod = i, e.val, ModEarly
	if e.val > 0 {
		m.mod = ModLate
	}
	return m, true
}

// modified parses "early 1990s", "the end of 2026", "mid-November",
// "late on Wednesday", "the end of the decade".
func (p *parser) modified(start, i int, mod Mod, c ctx) (mention, bool) {
	k := p.skip(i, cConnector, cArticle, cPoint)
	c.prep = true
	if m, ok := p.core(k, c); ok && (m.form == fmDate || m.form == fmDeictic) && m.mod == ModNone {
		m.start, m.mod = start, mod
		return m, true
	}
	// "the end of the decade", "by the end of the year": this unit.
	if es, next := p.findAll(k, cUnit); len(es) > 0 && es[0].flags&fPlural == 0 {
		return mention{start: start, end: next, form: fmDeictic, kind: Point, mod: mod, unit: unit(es[0].val), target: relUnit, d: newDate()}, true
	}
	return mention{}, false
}

// deicticFirst parses "last year", "next Monday", "this summer",
// "the next 48 hours".
func (p *parser) deicticFirst(start, i, n int) (mention, bool) {
	m := mention{start: start, form: fmDeictic, kind: Point, n: n, d: newDate()}
	if a, k, ok := p.amount(i); ok && a != 1 {
		if es, next := p.findAll(k, cUnit); len(es) > 0 {
			return mention{start: start, end: next, form: fmDuration, kind: Duration, unit: unit(es[0].val), n: a, iso: unit(es[0].val).isoDuration(a)}, true
		}
	}
	k := p.skip(i, cArticle)
	if es, next := p.findAll(k, cUnit); len(es) > 0 && es[0].flags&fPlural == 0 {
		m.unit, m.target, m.end = unit(es[0].val), relUnit, next
		return m, true
	}
	for _, mt := range p.matches(k) {
		if mt.e.flags&fAbbr != 0 {
			continue
		}
		switch mt.e.cat {
		case cWeekday:
			m.target, m.d.weekday, m.end = relWeekday, mt.e.val, p.partOfDay(k+mt.n)
			return m, true
		case cSeason:
			m.target, m.d.season, m.end = relSeason, mt.e.val, k+mt.n
			return m, true
		case cMonth:
			m.target, m.d.month, m.end = relMonth, mt.e.val, k+mt.n
			return m, true
		}
	}
	return m, false
}

// unitFirst parses "l'année dernière", "el año pasado" (unit, then a
// deictic word), "месяцем ранее", "years later" (unit, then a shift word),
// and "decades of isolation", "for years" (a vague plural).
func (p *parser) unitFirst(i int, c ctx) (mention, bool) {
	es, next := p.findAll(i, cUnit)
	if len(es) == 0 {
		return mention{}, false
	}
	u := unit(es[0].val)
	plural := es[0].flags&fPlural != 0
	if e, k := p.find(next, cDeictic); e != nil && !plural {
		return mention{start: i, end: k, form: fmDeictic, kind: Point, n: e.val, unit: u, target: relUnit, d: newDate()}, true
	}
	if e, k := p.find(next, cModAfter); e != nil && c.article && !plural {
		// "az év végén": the end of this year, as "the end of the year".
		return mention{start: i, end: k, form: fmDeictic, kind: Point, mod: modOrder[e.val], unit: u, target: relUnit, d: newDate()}, true
	}
	if e, k := p.find(next, cShift); e != nil && e.flags&fAfter != 0 && !plural {
		// "месяцем ранее", "the day after". A plural ("hours after",
		// "years later") gives no date, so it is left alone.
		return mention{start: i, end: k, form: fmShift, kind: Point, unit: u, n: 1, shift: e.val}, true
	}
	if plural {
		_, afterOf := p.find(next, cDurationOf)
		if c.durPrep || afterOf > next {
			return mention{start: i, end: next, form: fmDuration, kind: Duration, unit: u, n: -1, iso: u.isoDuration(-1)}, true
		}
	}
	return mention{}, false
}

// shiftBefore parses "il y a deux ans", "hace dos años", "vor zwei Jahren",
// "через неделю".
func (p *parser) shiftBefore(start, i, role int) (mention, bool) {
	n, k, ok := p.amount(p.skip(i, cApprox))
	if !ok {
		n, k = 1, i
	}
	es, next := p.findAll(k, cUnit)
	if len(es) == 0 {
		return mention{}, false
	}
	if !ok && es[0].flags&fPlural != 0 {
		n = -1
	}
	m := mention{start: start, end: next, form: fmShift, kind: Point, unit: unit(es[0].val), n: n, shift: role}
	if e, k2 := p.find(next, cShift); e != nil && e.flags&fAfter != 0 { // "för två år sedan"
		m.end = k2
	}
	return m, true
}

// amountFirst parses amounts followed by a unit: "24 hours", "six years",
// "two years later", "a month earlier", "két éve", the compound adjectives
// "24-hour" and "14-month", and "11 naponta".
func (p *parser) amountFirst(i int, c ctx) (mention, bool) {
	n, k, ok := p.amount(i)
	if !ok {
		return mention{}, false
	}
	indefinite := false
	if e, _ := p.find(i, cNumber); e != nil && e.flags&fIndefinite != 0 && k == i+1 {
		indefinite = true
	}
	// Compound adjective: "24-hour", "two-year", "24-Stunden".
	if p.isPunct(k, "-", "‐", "‑") && p.glued(k) && p.glued(k+1) && n >= 0 {
		if es, next := p.findAll(k+1, cUnit); len(es) > 0 {
			u := unit(es[0].val)
			return mention{start: i, end: next, form: fmDuration, kind: Duration, unit: u, n: n, iso: u.isoDuration(n)}, true
		}
	}
	es, next := p.findAll(k, cUnit)
	if len(es) == 0 {
		return mention{}, false
	}
	if n >= 1000 && p.has(k, cYearAfter) {
		return mention{}, false // "в 2009 году" is a year, not 2009 years
	}
	u := unit(es[0].val)
	var flags uint16
	for _, e := range es {
		flags |= e.flags
	}
	switch {
	case flags&fUnitAgo != 0:
		return mention{start: i, end: next, form: fmShift, kind: Point, unit: u, n: n, shift: shiftAgo}, true
	case flags&fUnitEvery != 0:
		if n < 0 {
			n = 1
		}
		return mention{start: i, end: next, form: fmSet, kind: Set, unit: u, n: n, iso: u.isoDuration(n)}, true
	}
	if e, k2 := p.find(next, cShift); e != nil && e.flags&fAfter != 0 {
		return mention{start: i, end: k2, form: fmShift, kind: Point, unit: u, n: n, shift: e.val}, true
	}
	if indefinite && !c.prep && flags&fUnitFor == 0 {
		if e, _ := p.find(next, cPostWithin); e == nil {
			return mention{}, false // "€7.5 million a day"
		}
	}
	m := mention{start: i, end: next, form: fmDuration, kind: Duration, unit: u, n: n, iso: u.isoDuration(n)}
	if e, k2 := p.find(next, cPostWithin); e != nil {
		m.end = k2
	} else if e, k2 := p.find(next, cPostFor); e != nil {
		m.end = k2
	} else if e, k2 := p.find(next, cPostSince); e != nil {
		m.end = k2 // "hat éve óta": for six years
	}
	return m, true
}

// amount reads a count: digits, number words ("twenty-four", "a"), or a
// vague quantity ("several", -1).
func (p *parser) amount(i int) (int, int, bool) {
	t := p.tok(i)
	if t == nil {
		return 0, i, false
	}
	if t.kind == tNum {
		if t.num < 0 || t.digits > 4 || p.quantityPart(i) || p.codeLike(i) {
			return 0, i, false
		}
		if p.isPunct(i+1, ".", ",") && p.glued(i+1) && p.tok(i+2) != nil && p.tok(i+2).kind == tNum && p.glued(i+2) {
			return 0, i, false // 1.5, 2,5
		}
		return t.num, i + 1, true
	}
	if e, next := p.find(i, cVague); e != nil {
		return -1, next, true
	}
	e, next := p.find(i, cNumber)
	if e == nil {
		return 0, i, false
	}
	n := e.val
	// "twenty-four", "twenty four", "vingt-quatre"
	if n >= 20 && n%10 == 0 && n < 100 {
		k := next
		if p.isPunct(k, "-") {
			k++
		}
		if e2, next2 := p.find(k, cNumber); e2 != nil && e2.val < 10 && e2.val > 0 && e2.flags&fIndefinite == 0 {
			return n + e2.val, next2, true
		}
	}
	return n, next, true
}

// partOfDay extends a span over "morning", "night" and the like.
func (p *parser) partOfDay(i int) int {
	if e, next := p.find(i, cPartOfDay); e != nil {
		return next
	}
	return i
}

// date parses a calendar date.
func (p *parser) date(i int, c ctx) (date, int, bool) {
	if d, next, ok := p.numericDate(i); ok {
		return d, next, true
	}
	var best date
	bestEnd := -1
	consider := func(d date, next int, ok bool) {
		if ok && next > bestEnd {
			best, bestEnd = d, next
		}
	}
	consider(p.weekdayDate(i, c))
	consider(p.dayMonth(i, c))
	consider(p.seasonDate(i, c))
	consider(p.decadeDate(i, c))
	consider(p.centuryDate(i))
	consider(p.yearDate(i, c))
	return best, bestEnd, bestEnd > i
}

// numericDate reads 07/11/2024, 7.11.2024, 2022-09-07 and 2022.09.07.
func (p *parser) numericDate(i int) (date, int, bool) {
	d := newDate()
	a, s1, b, s2, y := p.tok(i), p.tok(i+1), p.tok(i+2), p.tok(i+3), p.tok(i+4)
	if y == nil || a.kind != tNum || b.kind != tNum || y.kind != tNum || s1.kind != tPunct || s2.kind != tPunct {
		return d, i, false
	}
	if s1.text != s2.text || !(s1.text == "/" || s1.text == "." || s1.text == "-") {
		return d, i, false
	}
	for k := i + 1; k <= i+4; k++ {
		if !p.glued(k) {
			return d, i, false
		}
	}
	if n := p.tok(i + 5); n != nil && !n.space && (n.kind == tNum || (n.kind == tPunct && (n.text == s1.text))) {
		return d, i, false // 1.2.3.4, version numbers
	}
	if i > 0 && p.glued(i) && (p.toks[i-1].kind == tNum || p.isPunct(i-1, ".", "/", "-")) {
		return d, i, false
	}
	end := i + 5
	switch {
	case a.digits == 4 && b.digits <= 2 && y.digits <= 2: // 2022-09-07, 2022.09.07.
		d.year, d.month, d.day = a.num, b.num, y.num
		if s1.text == "." && p.isPunct(end, ".") && p.glued(end) {
			end++
		}
	case a.digits <= 2 && b.digits <= 2 && (y.digits == 4 || y.digits == 2):
		year := y.num
		if y.digits == 2 {
			year += 2000
			if y.num > 50 {
				year -= 100
			}
		}
		d.year = year
		switch {
		case a.num > 12 && b.num <= 12:
			d.day, d.month, d.numHint = a.num, b.num, 1
		case b.num > 12 && a.num <= 12:
			d.month, d.day, d.numHint = a.num, b.num, -1
		case s1.text == ".": // dotted dates are European: day first
			d.day, d.month = a.num, b.num
		default:
			d.day, d.month = a.num, b.num
			d.numA, d.numB = a.num, b.num
		}
	default:
		return d, i, false
	}
	if !validDay(d.year, d.month, d.day) {
		return d, i, false
	}
	d.prec = Day
	return d, end, true
}

// weekdayDate reads "Wednesday, September 7", "mercredi 7 septembre",
// "Tuesday, Aug. 12, 2025", or a weekday alone ("Monday night").
func (p *parser) weekdayDate(i int, c ctx) (date, int, bool) {
	e, next := p.find(i, cWeekday)
	if e == nil {
		return date{}, i, false
	}
	k := next
	if p.isPunct(k, ",") {
		k++
	}
	k = p.skip(k, cArticle, cDayWord)
	if d, end, ok := p.dayMonth(k, ctx{prep: true}); ok && d.day > 0 {
		d.weekday = e.val
		return d, p.partOfDay(end), true
	}
	if d, end, ok := p.numericDate(k); ok {
		d.weekday = e.val
		return d, end, true
	}
	if e.flags&fAbbr != 0 {
		return date{}, i, false
	}
	d := newDate()
	d.weekday, d.prec = e.val, Day
	return d, p.partOfDay(next), true
}

// dayNum reads a day of the month with an optional ordinal suffix: "7",
// "7th", "1er", "7-го", "15-én", "7:e". A following dot is left to the
// caller.
func (p *parser) dayNum(i int) (int, int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.digits > 2 || t.num < 1 || t.num > 31 || p.quantityPart(i) {
		return 0, i, false
	}
	if next, ok := p.ordinalSuffix(i + 1); ok && p.tok(i+1).text != "." {
		return t.num, next, true
	}
	if n := p.tok(i + 1); n != nil && !n.space && (n.kind == tWord || n.kind == tNum) {
		return 0, i, false // "3D", "7a"
	}
	return t.num, i + 1, true
}

// ordinalSuffix reads the ordinal ending glued to a number at token i:
// "th", "er", "-го", ":e", "-én", or a dot.
func (p *parser) ordinalSuffix(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.space {
		return i, false
	}
	if t.kind == tWord {
		if p.l.suffixes[t.text]&sfOrdinal != 0 {
			return i + 1, true
		}
		return i, false
	}
	if t.kind == tPunct {
		if t.text == "." {
			return i + 1, true
		}
		if (isDash(t.text) || t.text == ":") && p.glued(i+1) && p.tok(i+1).kind == tWord && p.l.suffixes[p.toks[i+1].text]&sfOrdinal != 0 {
			return i + 2, true
		}
	}
	return i, false
}

// monthAt reads a month name at i; callers check abbreviations and
// ambiguous names against what surrounds them.
func (p *parser) monthAt(i int) (*entry, int) {
	return p.find(i, cMonth)
}

// dayMonth reads dates built from a day, a month name and an optional
// year, in the orders the languages use: "7 September 2022",
// "September 7, 2022", "7 de septiembre de 2022", "7 сентября 2022 г.",
// "7. September 2022", "2022. szeptember 7.", "the 7th of September",
// "September 2022", "December of 2018", "July".
func (p *parser) dayMonth(i int, c ctx) (date, int, bool) {
	best, bestEnd := date{}, -1
	consider := func(d date, end int) {
		if end > bestEnd {
			best, bestEnd = d, end
		}
	}
	// Day first.
	k := p.skip(i, cDayWord)
	if day, next, ok := p.dayNum(k); ok {
		dot := next
		if p.isPunct(dot, ".") && p.glued(dot) {
			dot++
		}
		for _, start := range []int{dot, p.skip(dot, cConnector, cArticle)} {
			if e, next2 := p.monthAt(start); e != nil {
				d := newDate()
				d.day, d.month = day, e.val
				end := next2
				if y, yEnd, ok := p.yearAfter(end); ok {
					d.year, end = y, yEnd
				}
				if validDay(yearOr(d.year), d.month, d.day) {
					d.prec = Day
					consider(d, end)
				}
			}
		}
	}
	// Month first.
	if e, next := p.monthAt(i); e != nil {
		d := newDate()
		d.month = e.val
		k := p.skip(next, cDayWord, cArticle)
		if day, dEnd, ok := p.dayNum(k); ok && !p.isPunct(dEnd, ":") {
			dd := d
			dd.day = day
			end := dEnd
			if dEnd == k+1 && p.isPunct(end, ".") && p.glued(end) && p.l.suffixes["."] != 0 {
				end++ // "szeptember 7.": the date ends with its dot
			} else if y, yEnd, ok := p.yearAfter(end); ok {
				dd.year, end = y, yEnd
			}
			if validDay(yearOr(dd.year), dd.month, dd.day) {
				dd.prec = Day
				consider(dd, end)
			}
		}
		if y, yEnd, ok := p.yearAfter(next); ok {
			dm := d
			dm.year, dm.prec = y, Month
			consider(dm, yEnd)
		}
		if e.flags&fAbbr == 0 && (e.flags&fAmbiguous == 0 || c.prep) {
			dm := d
			dm.prec = Month
			consider(dm, next)
		}
	}
	// Year first: "2022. szeptember 7.", "2022 szeptemberében".
	if y, yEnd, ok := p.yearNum(i); ok && p.l.yearFirst {
		k := yEnd
		if p.isPunct(k, ".") && p.glued(k) {
			k++
		}
		if e, next := p.monthAt(k); e != nil {
			d := newDate()
			d.year, d.month, d.prec = y, e.val, Month
			consider(d, next)
			if day, dEnd, ok := p.dayNum(next); ok {
				end := dEnd
				if p.isPunct(end, ".") && p.glued(end) {
					end++
				}
				if validDay(y, d.month, day) {
					d.day, d.prec = day, Day
					consider(d, end)
				}
			}
		}
	}
	return best, bestEnd, bestEnd > i
}

// yearAfter reads the year that may follow a day and month: ", 2022",
// " de 2022", " 2022 г.".
func (p *parser) yearAfter(i int) (int, int, bool) {
	k := i
	if p.isPunct(k, ",") {
		k++
	}
	k = p.skip(k, cConnector)
	y, next, ok := p.yearNum(k)
	if !ok {
		return 0, i, false
	}
	return y, p.yearTail(next), true
}

// yearTail extends a year over "г.", "года", "году".
func (p *parser) yearTail(i int) int {
	if e, next := p.find(i, cYearAfter); e != nil {
		return next
	}
	return i
}

// yearNum reads a four-digit year between 1000 and 2999 that is not part of
// a larger number.
func (p *parser) yearNum(i int) (int, int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tNum || t.digits != 4 || t.num < 1000 || t.num > 2999 || p.quantityPart(i) {
		return 0, i, false
	}
	if n := p.tok(i + 1); n != nil && !n.space && n.kind == tWord && p.l.suffixes[n.text] == 0 {
		return 0, i, false // "2022xyz"
	}
	return t.num, i + 1, true
}

// seasonDate reads "spring 2022", "the summer", "summer of 2022",
// "2022 nyarán".
func (p *parser) seasonDate(i int, c ctx) (date, int, bool) {
	d := newDate()
	if y, yEnd, ok := p.yearNum(i); ok && p.l.yearFirst {
		k := yEnd
		if p.isPunct(k, ".") && p.glued(k) {
			k++
		}
		if e, next := p.find(k, cSeason); e != nil && e.flags&fAmbiguous == 0 {
			d.year, d.season, d.prec = y, e.val, Season
			return d, next, true
		}
	}
	e, next := p.find(i, cSeason)
	if e == nil {
		return d, i, false
	}
	d.season, d.prec = e.val, Season
	if y, yEnd, ok := p.yearAfter(next); ok {
		d.year = y
		return d, yEnd, true
	}
	// "l'été dernier", "el verano pasado": a deictic word after it is
	// enough; otherwise a preposition or article must introduce it.
	if p.has(next, cDeictic) && !p.has(p.skipDeictic(next), cUnit) {
		return d, next, true
	}
	if e.flags&fAmbiguous != 0 || !(c.prep || c.article || e.flags&fIn != 0) {
		return d, i, false
	}
	return d, next, true
}

func (p *parser) skipDeictic(i int) int {
	_, next := p.find(i, cDeictic)
	return next
}

// decadeDate reads "1990s", "the '90s", "années 1990", "1990-е годы",
// "1990er Jahre", "1990-talet", "1990-es évek", "anni '90".
func (p *parser) decadeDate(i int, c ctx) (date, int, bool) {
	d := newDate()
	k := i
	prefixed := false
	if e, next := p.find(i, cDecadeBefore); e != nil {
		k, prefixed = p.skip(next, cConnector, cArticle), true
	}
	apos := false
	if p.isPunct(k, "'") {
		k++
		apos = true
	}
	t := p.tok(k)
	if t == nil || t.kind != tNum || t.num%10 != 0 || p.quantityPart(k) {
		return d, i, false
	}
	switch {
	case t.digits == 4 && t.num >= 1000 && t.num <= 2990:
		d.decade = t.num / 10
	case t.digits == 2:
		d.decade = t.num / 10
		d.shortDecade = true
	default:
		return d, i, false
	}
	end := k + 1
	suffixed, dashed := false, false
	if n := p.tok(end); n != nil && !n.space {
		w := end
		if n.kind == tPunct && (isDash(n.text) || n.text == "'") && p.glued(end+1) {
			w, dashed = end+1, isDash(n.text)
		}
		if wt := p.tok(w); wt != nil && wt.kind == tWord && !wt.space && p.l.suffixes[wt.text]&sfDecade != 0 {
			end, suffixed = w+1, true
		}
	}
	if !prefixed && !suffixed {
		return d, i, false
	}
	// Two digits need a mark that they are a decade: "the '90s",
	// "années 90", "90-х"; "in her 30s" is an age.
	if d.shortDecade && !(apos || prefixed || c.article || dashed) {
		return d, i, false
	}
	// "Jahre", "годы", "évek", also glued: "1990er-Jahren".
	k2 := end
	if p.isPunct(k2, "-") && p.glued(k2) {
		k2++
	}
	if e, next := p.find(k2, cDecadeAfter); e != nil {
		end = next
	} else if suffixed && !prefixed && p.l.decadeAfter {
		return d, i, false
	}
	d.prec = Decade
	return d, end, true
}

// centuryDate reads "the 21st century", "XXIe siècle", "siglo XXI",
// "20. Jahrhundert".
func (p *parser) centuryDate(i int) (date, int, bool) {
	d := newDate()
	isCentury := func(k int) (int, bool) {
		es, next := p.findAll(k, cUnit)
		if len(es) > 0 && unit(es[0].val) == uCentury {
			return next, true
		}
		return k, false
	}
	n, k := 0, i
	if e, next := p.find(i, cOrdinal); e != nil {
		n, k = e.val, next
	} else if t := p.tok(i); t != nil && t.kind == tNum && t.digits <= 2 && t.num > 0 {
		if next, ok := p.ordinalSuffix(i + 1); ok {
			n, k = t.num, next
		}
	} else if r, ok := p.roman(i); ok {
		n, k = r, i+1
	}
	if n > 0 && n <= 30 {
		if next, ok := isCentury(k); ok {
			d.century, d.prec = n-1, Century
			return d, next, true
		}
	}
	if next, ok := isCentury(i); ok {
		if r, ok := p.roman(next); ok && r <= 30 {
			d.century, d.prec = r-1, Century
			return d, next + 1, true
		}
	}
	return d, i, false
}

// roman reads an upper-case Roman numeral, optionally with a French
// ordinal ending ("XXIe").
func (p *parser) roman(i int) (int, bool) {
	t := p.tok(i)
	if t == nil || t.kind != tWord {
		return 0, false
	}
	s := p.src[t.start:t.end]
	j := 0
	for j < len(s) && strings.IndexByte("IVXLC", s[j]) >= 0 {
		j++
	}
	if j == 0 {
		return 0, false
	}
	switch s[j:] {
	case "", "e", "er", "ème", "o", "º":
	default:
		return 0, false
	}
	n := 0
	for k := 0; k < j; k++ {
		v := romanDigit(s[k])
		if k+1 < j && romanDigit(s[k+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	return n, n > 0
}

func romanDigit(c byte) int {
	switch c {
	case 'I':
		return 1
	case 'V':
		return 5
	case 'X':
		return 10
	case 'L':
		return 50
	case 'C':
		return 100
	}
	return 0
}

// yearDate reads a year on its own: "2009", "im Jahr 2009", "в 2009 году",
// "2009-ben", "the 1979 revolution".
func (p *parser) yearDate(i int, c ctx) (date, int, bool) {
	d := newDate()
	k := i
	framed := false
	if e, next := p.find(i, cYearBefore); e != nil {
		k, framed = p.skip(next, cConnector), true
	}
	y, next, ok := p.yearNum(k)
	if !ok {
		return d, i, false
	}
	end := next
	if sfx, n2, ok := p.numberSuffix(next); ok && sfx&(sfIn|sfSince|sfUntil) != 0 {
		end, framed = n2, true
		switch {
		case sfx&sfSince != 0:
			d.kind = Since
		case sfx&sfUntil != 0:
			d.kind = Until
		}
	}
	if e, n2 := p.find(end, cYearAfter); e != nil {
		end, framed = n2, true
	}
	if !framed && !c.prep && !p.bareYearOK(i, end) {
		return d, i, false
	}
	d.year, d.prec = y, Year
	return d, end, true
}

// numberSuffix reads letters glued to a number, directly or after a dash,
// apostrophe or colon ("2009-ben", "1990s").
func (p *parser) numberSuffix(i int) (suffixRole, int, bool) {
	t := p.tok(i)
	if t == nil || t.space {
		return 0, i, false
	}
	w := i
	if t.kind == tPunct && (isDash(t.text) || t.text == "'" || t.text == ":") {
		w = i + 1
	}
	wt := p.tok(w)
	if wt == nil || wt.space || wt.kind != tWord {
		return 0, i, false
	}
	r := p.l.suffixes[wt.text]
	return r, w + 1, r != 0
}

// bareYearOK decides whether a four-digit number with nothing around it is
// a year: between 1900 and 2100, and not followed by a lower-case word that
// reads as what it counts ("2000 people").
func (p *parser) bareYearOK(i, end int) bool {
	t := p.tok(i)
	if t.num < 1900 || t.num > 2100 {
		return false
	}
	n := p.tok(end)
	if n == nil || n.kind != tWord {
		return true
	}
	if len(p.matches(end)) > 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(p.src[n.start:n.end])
	if unicode.IsUpper(r) || p.l.nounCapitals {
		return true
	}
	// "the 1979 revolution": a determiner before makes it an adjective.
	if i > 0 && p.has(i-1, cArticle) {
		return true
	}
	// "1991 and 2021 figures": coordinated with a year.
	if i >= 2 && p.has(i-1, cAnd) {
		if y := p.tok(i - 2); y.kind == tNum && y.digits == 4 {
			return true
		}
	}
	return false
}

// quantityPart reports whether the number at i belongs to a larger
// quantity: digit groups ("3,000", "3 000"), decimals, money, percentages,
// times of day ("09:14", "4 p.m."), codes ("KESTREL-3").
func (p *parser) quantityPart(i int) bool {
	t := p.tok(i)
	prev, next := p.tok(i-1), p.tok(i+1)
	if prev != nil && !t.space && prev.kind == tPunct && (prev.text == "," || prev.text == "." || prev.text == ":") {
		if pp := p.tok(i - 2); pp != nil && pp.kind == tNum && !prev.space {
			return true
		}
	}
	if next != nil && !next.space && next.kind == tPunct && (next.text == "," || next.text == "." || next.text == ":") {
		if nn := p.tok(i + 2); nn != nil && nn.kind == tNum && !nn.space && (nn.digits == 3 || next.text == ":") {
			return true
		}
	}
	if next != nil && next.kind == tNum && next.digits == 3 && t.digits <= 3 && (next.hardSpace || next.space) {
		return true // "3 000"
	}
	if prev != nil && prev.kind == tNum && t.digits == 3 && prev.digits <= 3 && t.space {
		return true
	}
	if prev != nil && prev.kind == tPunct && strings.Contains("$€£¥₽₹#№", prev.text) {
		return true
	}
	if next != nil && next.kind == tPunct && (next.text == "%" || next.text == "‰") {
		return true
	}
	if e, _ := p.find(i+1, cTimeWord); e != nil {
		return true
	}
	return false
}

// codeLike reports whether the number at i is glued to a word before it,
// as in "KESTREL-3", "A4", "GMT+1", "COVID-19": a name, not a date.
func (p *parser) codeLike(i int) bool {
	if i == 0 || p.toks[i].space {
		return false
	}
	prev := p.toks[i-1]
	if prev.kind == tWord {
		return true
	}
	if prev.kind == tPunct && (isDash(prev.text) || prev.text == "+" || prev.text == "/") && !prev.space && i >= 2 && p.toks[i-2].kind == tWord {
		return true
	}
	return false
}

func yearOr(y int) int {
	if y == 0 {
		return 2000 // a leap year, so 29 February stays valid
	}
	return y
}

// isoUnit guesses the unit of an ISO period, for precision.
func isoUnit(iso string) unit {
	switch {
	case strings.HasPrefix(iso, "PT") && strings.HasSuffix(iso, "H"):
		return uHour
	case strings.HasPrefix(iso, "PT"):
		return uMinute
	case strings.HasSuffix(iso, "D"):
		return uDay
	case strings.HasSuffix(iso, "W"):
		return uWeek
	case strings.HasSuffix(iso, "M"):
		return uMonth
	default:
		return uYear
	}
}
