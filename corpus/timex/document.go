package timex

import (
	"fmt"
	"time"
)

// Resolver extracts and resolves the temporal expressions of a whole
// article, choosing its reference date from the article itself. A Resolver
// is safe for concurrent use.
type Resolver struct {
	Lang *Language
	// Order reads all-numeric dates; OrderAuto judges it from the page.
	Order DateOrder
	// Fallback is the reference when neither the anchors nor the text give
	// a date, e.g. the time the page was fetched. It may be zero.
	Fallback Ref
}

// Doc is the result of resolving one article.
type Doc struct {
	// Ref is the reference date the article was read against.
	Ref Ref
	// RefReason says where Ref came from.
	RefReason string
	// Order is the numeric date order that was applied.
	Order DateOrder
	// Sentences holds the expressions of each sentence, offsets relative
	// to that sentence.
	Sentences [][]Expr
}

// leadSentences is how far into the text a dated lead ("on Wednesday,
// September 7") may move the reference date.
const leadSentences = 10

// Document resolves an article. anchors are strings that date the page
// (dateline, "Issued on" line, photo caption), possibly none; sentences
// are the article's sentences in order.
//
// The reference date is the latest full date of the anchors (or, without
// anchors, of the lead, then of the whole text), moved later by a weekday
// date of the lead that falls within a year after it: a photo caption is
// often older than the news. Partial dates then take their year from their
// sentence, the date just before them, or the reference; weekday dates take
// the year in which the weekday matches.
func (r *Resolver) Document(anchors []string, sentences []string) Doc {
	doc := Doc{Sentences: make([][]Expr, len(sentences))}
	if r == nil || r.Lang == nil {
		return doc
	}
	type parsed struct {
		p  *parser
		ms []mention
	}
	// The parsers take their arrays from one arena: all texts are
	// tokenized first, so that the match offsets are sized exactly.
	arena := getParserArena(anchors, sentences)
	defer putParserArena(arena)
	ps := make([]parser, len(anchors)+len(sentences))
	offsets := 0
	for i := range ps {
		var s string
		if i < len(anchors) {
			s = anchors[i]
		} else {
			s = sentences[i-len(anchors)]
		}
		ps[i].tokenize(r.Lang, s, arena)
		offsets += len(ps[i].toks) + 1
	}
	arena.reserveOffsets(offsets)
	parse := func(ps []parser) []parsed {
		out := make([]parsed, len(ps))
		for i := range ps {
			p := &ps[i]
			p.lookUp(arena)
			out[i] = parsed{p, p.all()}
		}
		return out
	}
	ap, sp := parse(ps[:len(anchors)]), parse(ps[len(anchors):])

	// Numeric date order.
	order := r.Order
	if order == OrderAuto {
		var numeric []date
		var written []time.Time
		votes := 0
		for _, group := range [][]parsed{ap, sp} {
			for _, ps := range group {
				for _, m := range ps.ms {
					if m.form != fmDate || m.d.prec != Day || m.d.year == 0 {
						continue
					}
					switch {
					case m.d.numA > 0:
						numeric = append(numeric, m.d)
					case m.d.numHint != 0:
						votes += int(m.d.numHint)
					default:
						written = append(written, day(m.d.year, m.d.month, m.d.day))
					}
				}
			}
		}
		order = judgeOrder(numeric, written, votes)
	}
	doc.Order = order

	// Anchor: the latest full date of the anchors, else of the lead, else
	// of the text.
	var anchor date
	var anchorText, anchorSrc string
	pick := func(group []parsed, limit int) {
		for i, ps := range group {
			if i >= limit {
				break
			}
			for _, m := range ps.ms {
				if m.form != fmDate || m.d.prec != Day || m.d.year == 0 || m.d.month == 0 {
					continue
				}
				d := m.d
				if d.numA > 0 {
					var tmp Expr
					d = (&resolution{order: order}).numericOrder(&tmp, d)
				}
				if anchor.prec == PrecisionNone || day(d.year, d.month, d.day).After(day(anchor.year, anchor.month, anchor.day)) {
					anchor = d
					anchorText = ps.p.src[ps.p.toks[m.start].start:ps.p.toks[m.end-1].end]
				}
			}
		}
	}
	pick(ap, len(ap))
	anchorSrc = "the anchor date"
	if anchor.prec == PrecisionNone {
		pick(sp, leadSentences)
		anchorSrc = "the first full date of the lead"
	}
	if anchor.prec == PrecisionNone {
		pick(sp, len(sp))
		anchorSrc = "the latest full date of the text"
	}

	var ref Ref
	var refName string
	if anchor.prec != PrecisionNone {
		anchor = coarsen(anchor, Day)
		anchor.weekday = -1
		anchorName := fmt.Sprintf("%s %s (%q)", anchorSrc, value(anchor), anchorText)
		ref = Ref{Date: day(anchor.year, anchor.month, anchor.day), Precision: Day}
		refName = "the reference date " + value(anchor)
		doc.RefReason = anchorName
		// A weekday date in the lead, within a year after the anchor,
		// moves the reference: the news is newer than its photo.
		res := newResolution(r.Lang, ref, anchorName, order)
		for i, ps := range sp {
			if i >= leadSentences {
				break
			}
			for j, m := range ps.ms {
				if m.form != fmDate || m.d.weekday < 0 || m.d.day == 0 {
					continue
				}
				if fut, _ := ps.p.future(ps.ms, j); fut {
					continue // "a meeting is planned for Thursday 16 November" is not the news's day
				}
				var tmp Expr
				d, ok := m.d, true
				if d.year == 0 {
					d, ok = res.weekdayYear(&tmp, d)
				} else if d.numA > 0 {
					d = res.numericOrder(&tmp, d)
				}
				if !ok || int(day(d.year, d.month, d.day).Weekday()) != m.d.weekday {
					continue
				}
				t := day(d.year, d.month, d.day)
				if t.After(ref.Date) && t.Before(ref.Date.AddDate(1, 0, 1)) {
					text := ps.p.src[ps.p.toks[m.start].start:ps.p.toks[m.end-1].end]
					ref.Date = t
					refName = "the reference date " + value(dateOf(t))
					doc.RefReason = fmt.Sprintf("%s, moved to %s by %q in the lead", anchorName, value(dateOf(t)), text)
				}
			}
		}
		doc.Ref = ref
		res = newResolution(r.Lang, ref, refName, order)
		res.anchor, res.anchorName = anchor, anchorName
		for i, ps := range sp {
			doc.Sentences[i] = res.sentence(ps.p, ps.ms)
		}
		return doc
	}

	// No full date anywhere: the latest year written, else the fallback.
	latest := 0
	for _, ps := range sp {
		for _, m := range ps.ms {
			if m.form == fmDate && m.d.year > latest && m.kind == Point {
				latest = m.d.year
			}
		}
	}
	switch {
	case latest > 0:
		ref = Ref{Date: day(latest, 1, 1), Precision: Year}
		refName = fmt.Sprintf("the reference year %d", latest)
		doc.RefReason = fmt.Sprintf("no full date; the latest year in the text, %d", latest)
	case r.Fallback.Known():
		ref = r.Fallback
		doc.RefReason = "no date in the page; the fallback reference"
	default:
		doc.RefReason = "no date in the page and no fallback"
	}
	doc.Ref = ref
	res := newResolution(r.Lang, ref, refName, order)
	for i, ps := range sp {
		doc.Sentences[i] = res.sentence(ps.p, ps.ms)
	}
	return doc
}

// judgeOrder decides how to read ambiguous numeric dates: by the page's
// unambiguous numeric dates (votes > 0 day first, < 0 month first), else by
// which reading puts them nearer the written-out dates, else day first.
func judgeOrder(numeric []date, written []time.Time, votes int) DateOrder {
	switch {
	case votes > 0:
		return DayFirst
	case votes < 0:
		return MonthFirst
	case len(numeric) == 0 || len(written) == 0:
		return DayFirst
	}
	cost := func(order DateOrder) float64 {
		sum := 0.0
		for _, d := range numeric {
			m, dd := d.numB, d.numA
			if order == MonthFirst {
				m, dd = d.numA, d.numB
			}
			if !validDay(d.year, m, dd) {
				sum += 1e6
				continue
			}
			t := day(d.year, m, dd)
			best := -1.0
			for _, w := range written {
				x := t.Sub(w).Hours()
				if x < 0 {
					x = -x
				}
				if best < 0 || x < best {
					best = x
				}
			}
			sum += best
		}
		return sum
	}
	if cost(MonthFirst) < cost(DayFirst) {
		return MonthFirst
	}
	return DayFirst
}
