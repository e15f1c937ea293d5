package timex

import (
	"fmt"
	"time"
)

// Extractor finds temporal expressions in one text, such as a question,
// and resolves them against a given reference. The zero value with Lang
// set is ready to use; an Extractor is safe for concurrent use.
type Extractor struct {
	Lang *Language
	// Order reads all-numeric dates; OrderAuto means DayFirst here.
	Order DateOrder
}

// Extract returns the temporal expressions of text in order. Partial and
// relative expressions are resolved against ref; with an unknown ref they
// keep X placeholders ("XXXX-07") or an empty Value.
func (x *Extractor) Extract(text string, ref Ref) []Expr {
	if x == nil || x.Lang == nil || text == "" {
		return nil
	}
	p := newParser(x.Lang, text)
	ms := p.all()
	if len(ms) == 0 {
		return nil
	}
	order := x.Order
	if order == OrderAuto {
		order = DayFirst
	}
	r := newResolution(x.Lang, ref, "", order)
	return r.sentence(p, ms)
}

// point is a resolved Point expression kept for anaphora ("a month
// earlier") and narrative years.
type point struct {
	d        date
	text     string
	yearText bool // the year was written, not inferred
	sentence int  // index of its sentence in the resolution
}

// anaphoraWindow is how many sentences back an event date may serve "25
// minutes later" or "the next day": news often puts a sentence of detail
// between an event and what followed it.
const anaphoraWindow = 2

// resolution carries the reference and the previous dates from sentence to
// sentence.
type resolution struct {
	l          *Language
	ref        date // coarsened to the reference's precision; prec None when unknown
	refTime    time.Time
	refName    string
	anchor     date // where weekday dates look for their year
	anchorName string
	order      DateOrder
	prev       *point // the last Point date
	event      *point // the last Point date that does not date a report
	sentences  int    // sentences resolved so far
}

func newResolution(l *Language, ref Ref, name string, order DateOrder) *resolution {
	r := &resolution{l: l, order: order, ref: newDate()}
	if ref.Known() {
		t := ref.Date.UTC()
		t = day(t.Year(), int(t.Month()), t.Day())
		r.refTime = t
		r.ref = coarsen(dateOf(t), min(ref.Precision, Day))
		if name == "" {
			name = "the reference date " + value(r.ref)
		}
		r.refName = name
	}
	r.anchor, r.anchorName = r.ref, r.refName
	return r
}

func (r *resolution) refDay() bool   { return r.ref.prec == Day }
func (r *resolution) refKnown() bool { return r.ref.prec != PrecisionNone }

// donor is a year-bearing expression of the sentence.
type donor struct {
	pos  int
	year int
	text string
}

// sentence resolves the mentions of one sentence in three passes: what
// stands alone, then partial dates (which borrow a year from the sentence),
// then expressions relative to the previous date.
func (r *resolution) sentence(p *parser, ms []mention) []Expr {
	r.sentences++
	out := make([]Expr, len(ms))
	res := make([]date, len(ms)) // resolved dates of Point-like mentions
	ok := make([]bool, len(ms))
	yearText := make([]bool, len(ms))
	for i, m := range ms {
		e := &out[i]
		e.Start, e.End = p.toks[m.start].start, p.toks[m.end-1].end
		e.Text = p.src[e.Start:e.End]
		e.Kind, e.Mod = m.kind, m.mod
	}
	lean := func(i int) (bool, string) { return p.future(ms, i) }

	// Pass 1: expressions that need no other date of the sentence.
	for i, m := range ms {
		e := &out[i]
		switch m.form {
		case fmDuration:
			r.duration(e, m)
			ok[i] = true
		case fmSet:
			r.set(e, m)
			ok[i] = true
		case fmDate:
			if m.d.year != 0 || m.d.decade >= 0 || m.d.century >= 0 {
				res[i], ok[i] = r.explicit(e, m, m.d)
				yearText[i] = m.d.year != 0
			}
		case fmRange:
			if m.d.year != 0 && m.d2.year != 0 || m.d.decade >= 0 && m.d2.decade >= 0 {
				res[i], ok[i] = r.rangeExplicit(e, m)
				yearText[i] = true
			}
		case fmDeictic:
			if !m.anaphoric {
				l, why := lean(i)
				res[i], ok[i] = r.deictic(e, m, r.ref, r.refName, l, why)
				if ok[i] && m.part != 0 {
					r.clipToRef(e, res[i], m.part)
				}
			}
		case fmShift:
			if m.shift == shiftAgo || m.shift == shiftHence {
				res[i], ok[i] = r.shiftFromRef(e, m)
			}
		}
	}

	// Pass 2: a yearless month in a habitual clause recurs; other partial
	// dates take their year from the sentence, the previous date or the
	// reference. Only a written year or "last year" lends its year, the
	// nearest one that clauses.lends allows.
	var donors []donor
	for j := range ms {
		if !ok[j] || out[j].Kind != Point && out[j].Kind != Range {
			continue
		}
		d := res[j]
		if d.year == 0 || d.prec < Year || d.prec > Day {
			continue
		}
		if !yearText[j] && !(ms[j].form == fmDeictic && ms[j].target == relUnit && ms[j].unit == uYear) {
			continue
		}
		donors = append(donors, donor{pos: ms[j].start, year: d.year, text: out[j].Text})
	}
	cl := clausesOf(p, ms)
	for i, m := range ms {
		if ok[i] || !bareMonth(m) {
			continue
		}
		if l, _ := lean(i); !l {
			if cue, found := habitualCue(p, ms, out, cl, i); found {
				r.recurring(&out[i], m, cue)
				ok[i] = true
			}
		}
	}
	for i, m := range ms {
		if ok[i] || (m.form != fmDate && m.form != fmRange) {
			continue
		}
		donors, skipped := lendingDonor(donors, m.start, cl)
		l, why := lean(i)
		if m.form == fmRange {
			res[i], ok[i] = r.rangePartial(&out[i], m, donors, l, why)
		} else {
			t, _ := p.tenseOf(ms, i)
			res[i], ok[i] = r.partial(&out[i], m, donors, l, why, t == tensePast)
		}
		if len(donors) == 0 && skipped != nil && !(m.d.weekday >= 0 && m.d.month == 0) {
			out[i].Reason += fmt.Sprintf(" (%q is in another clause)", skipped.text)
		}
	}

	// Pass 3: anaphoric expressions, in order, each seeing the dates before
	// it.
	remember := func(i int, yearText bool) {
		if out[i].Kind != Point || res[i].prec == PrecisionNone {
			return
		}
		pt := &point{d: res[i], text: out[i].Text, yearText: yearText, sentence: r.sentences}
		r.prev = pt
		if !p.reportingDate(ms, i) {
			r.event = pt
		}
	}
	for i, m := range ms {
		if ok[i] {
			remember(i, yearText[i])
			continue
		}
		switch m.form {
		case fmShift:
			res[i], ok[i] = r.shiftAnaphoric(&out[i], m, ms, out, i)
		case fmDeictic:
			if base, name, found := r.anaphoraBase(m.unit); found {
				res[i], ok[i] = r.deictic(&out[i], m, base, name, false, "")
			} else {
				r.declined(&out[i], m)
			}
		}
		if ok[i] {
			remember(i, false)
		}
	}
	return out
}

// anaphoraBase picks the date that "25 minutes later", "a week earlier"
// or "the next day" counts from: the last event date of the narrative, in
// this sentence or the two before, when it is precise enough. The date of
// a report ("the agency said on Friday") is passed over for an event date
// ("ran aground on Thursday evening, the agency said on Friday"), as it
// says when the news was told, but serves when the narrative has no other
// ("placed in orbit, the agency said on Monday"). With no date that near,
// minutes and hours are not counted at all (found is false); longer units
// count from the last date, else from the reference.
func (r *resolution) anaphoraBase(u unit) (base date, name string, found bool) {
	need := u.precision()
	near := func(pt *point) bool {
		return pt != nil && r.sentences-pt.sentence <= anaphoraWindow && pt.d.prec >= need
	}
	named := func(pt *point) (date, string, bool) {
		return pt.d, fmt.Sprintf("%q (%s)", pt.text, value(pt.d)), true
	}
	switch {
	case near(r.event):
		return named(r.event)
	case near(r.prev):
		return named(r.prev)
	case u <= uHour:
		return newDate(), "", false
	case r.prev != nil && r.prev.d.prec >= need:
		return named(r.prev)
	}
	return r.ref, r.refName, true
}

// declined leaves a relative expression unresolved for want of an event to
// count from.
func (r *resolution) declined(e *Expr, m mention) {
	e.Precision = m.unit.precision()
	e.Reason = fmt.Sprintf("no event date in this sentence or the %d before to count %q from", anaphoraWindow, e.Text)
}

// clipToRef narrows "earlier this year" to the part of the year before the
// reference date, and "later this month" to the part after it. The mod
// (EARLY or LATE) is what a label can say; the interval says exactly. A
// reference coarser than a day, or outside the period, keeps the mod's
// third.
func (r *resolution) clipToRef(e *Expr, d date, part int) {
	f, t, ok := interval(d)
	if !ok || !r.refDay() || r.refTime.Before(f) || !r.refTime.Before(t) {
		return
	}
	if part < 0 {
		if r.refTime.After(f) {
			e.From, e.To = f, r.refTime
			e.Reason += fmt.Sprintf(", before %s", r.refName)
		}
		return
	}
	if next := r.refTime.AddDate(0, 0, 1); next.Before(t) {
		e.From, e.To = next, t
		e.Reason += fmt.Sprintf(", after %s", r.refName)
	}
}

// fill sets Value, Precision, From and To of e from a resolved date.
func fill(e *Expr, d date) {
	e.Value, e.Precision = value(d), d.prec
	if f, t, ok := interval(d); ok {
		e.From, e.To = narrow(f, t, d.prec, e.Mod)
	}
}

func (r *resolution) duration(e *Expr, m mention) {
	e.Kind = Duration
	e.Value, e.Duration = m.iso, m.iso
	e.Precision = unitPrecision(m.unit)
}

func unitPrecision(u unit) Precision {
	switch u {
	case uMinute, uHour:
		return Time
	case uWeek:
		return Week
	default:
		return u.precision()
	}
}

func (r *resolution) set(e *Expr, m mention) {
	e.Kind = Set
	e.Duration = m.iso
	switch m.target {
	case relWeekday:
		e.Value = fmt.Sprintf("XXXX-WXX-%d", isoWeekday(time.Weekday(m.d.weekday)))
		e.Precision = Day
		return
	case relSeason, relMonth:
		d := m.d
		d.prec = Month
		if m.target == relSeason {
			d.prec = Season
		}
		e.Value, e.Precision = value(d), d.prec // "XXXX-SU": every summer
		return
	}
	e.Value = m.iso
	e.Precision = unitPrecision(m.unit)
}

// recurring turns a month or season without a year into a set when its
// clause speaks of what usually happens ("usually in July", "visitors
// now outnumber residents in July and August", "every year in May"): the
// month recurs, so no year should be guessed for it. The value keeps the
// year unknown, TIMEX3 style: "XXXX-07" every July.
func (r *resolution) recurring(e *Expr, m mention, cue string) {
	d := m.d
	e.Kind, e.Duration = Set, "P1Y"
	e.Value, e.Precision = value(d), d.prec
	e.Reason = fmt.Sprintf("every %s: %q says what usually happens", r.describe(d), cue)
}

// habitualCue returns the words that make mention i recur: a habitual
// word or a set expression in its clause. Tense is not parsed, so the
// cue words stand for the present of habit.
func habitualCue(p *parser, ms []mention, out []Expr, cl clauses, i int) (string, bool) {
	seg := cl.seg[ms[i].start]
	for j := range ms {
		if j != i && out[j].Kind == Set && cl.seg[ms[j].start] == seg {
			return out[j].Text, true
		}
	}
	for k := range p.toks {
		if cl.seg[k] != seg {
			continue
		}
		if e, next := p.find(k, cHabitual); e != nil {
			return p.src[p.toks[k].start:p.toks[next-1].end], true
		}
	}
	return "", false
}

// bareMonth reports whether m is a month or season with no year, day or
// weekday: "July", "in the summer", "early July".
func bareMonth(m mention) bool {
	d := m.d
	return m.form == fmDate && m.kind == Point && d.year == 0 && d.day == 0 && d.weekday < 0 &&
		d.decade < 0 && d.century < 0 && d.numA == 0 && (d.prec == Month || d.prec == Season)
}

// explicit resolves a date whose year (or decade or century) is written.
func (r *resolution) explicit(e *Expr, m mention, d date) (date, bool) {
	e.Reason = "as written"
	if d.numA > 0 {
		d = r.numericOrder(e, d)
	}
	if d.shortDecade {
		d = r.century(e, d)
	}
	if d.weekday >= 0 && d.day > 0 && d.year != 0 {
		if w := day(d.year, d.month, d.day).Weekday(); int(w) != d.weekday {
			e.Reason = fmt.Sprintf("as written, though %s was a %s", day(d.year, d.month, d.day).Format("2 January 2006"), w)
		}
	}
	fill(e, d)
	return d, true
}

// numericOrder applies the day/month order to an ambiguous numeric date.
func (r *resolution) numericOrder(e *Expr, d date) date {
	if r.order == MonthFirst {
		d.month, d.day = d.numA, d.numB
		e.Reason = "numeric date read month first"
	} else {
		d.day, d.month = d.numA, d.numB
		e.Reason = "numeric date read day first"
	}
	d.numA, d.numB = 0, 0
	if !validDay(d.year, d.month, d.day) {
		d.day, d.month = d.month, d.day
	}
	return d
}

// century completes "the '90s" with the latest matching decade not after
// the reference, or the 1900s without one.
func (r *resolution) century(e *Expr, d date) date {
	digit := d.decade % 10
	d.shortDecade = false
	if !r.refKnown() {
		d.decade = 190 + digit
		e.Reason = "two-digit decade, taken as the 1900s (no reference date)"
		return d
	}
	c := r.ref.year / 100
	d.decade = c*10 + digit
	if d.decade*10 > r.ref.year {
		d.decade -= 10
	}
	e.Reason = fmt.Sprintf("two-digit decade, the latest one not after %s", r.refName)
	return d
}

func (r *resolution) rangeExplicit(e *Expr, m mention) (date, bool) {
	a, b := m.d, m.d2
	if a.shortDecade {
		a = r.century(e, a)
	}
	if b.shortDecade {
		b = r.century(e, b)
	}
	e.Reason = "as written"
	r.fillRange(e, a, b)
	return a, true
}

func (r *resolution) fillRange(e *Expr, a, b date) {
	e.Kind = Range
	e.Value = value(a) + "/" + value(b)
	e.Precision = min(a.prec, b.prec)
	fa, _, ok1 := interval(a)
	_, tb, ok2 := interval(b)
	if ok1 && ok2 {
		e.From, e.To = fa, tb
	}
}

// rangePartial resolves "from October 21 to November 15": the written
// year of one end serves the other; otherwise both follow the partial rule.
func (r *resolution) rangePartial(e *Expr, m mention, donors []donor, lean bool, why string) (date, bool) {
	a, b := m.d, m.d2
	switch {
	case a.year != 0 && b.year == 0:
		b.year = a.year
		if b.month > 0 && b.month < a.month {
			b.year++
		}
		e.Reason = fmt.Sprintf("year %d from the start of the range", a.year)
	case a.year == 0 && b.year != 0:
		a.year = b.year
		if a.month > b.month {
			a.year--
		}
		e.Reason = fmt.Sprintf("year %d from the end of the range", b.year)
	default:
		var tmp Expr
		ra, okA := r.partial(&tmp, mention{form: fmDate, d: a, start: m.start}, donors, lean, why, false)
		if !okA || ra.year == 0 {
			r.fillRange(e, a, b)
			e.Reason = tmp.Reason
			return a, false
		}
		a = ra
		b.year = a.year
		if b.month > 0 && b.month < a.month {
			b.year++
		}
		if b.weekday >= 0 && b.month == 0 && a.day > 0 {
			// "de mardi à mercredi": the end is the first such weekday
			// after the start.
			t := day(a.year, a.month, a.day)
			gap := (b.weekday - int(t.Weekday()) + 7) % 7
			if gap == 0 {
				gap = 7
			}
			weekday := b.weekday
			b = dateOf(t.AddDate(0, 0, gap))
			b.weekday = weekday
		}
		e.Reason = tmp.Reason
	}
	r.fillRange(e, a, b)
	return a, true
}

// partial infers the year of a date written without one, or resolves a
// weekday on its own.
func (r *resolution) partial(e *Expr, m mention, donors []donor, lean bool, why string, past bool) (date, bool) {
	d := m.d
	if d.weekday >= 0 && d.month == 0 {
		return r.weekday(e, d, lean, why)
	}
	if len(donors) > 0 {
		best := donors[0]
		d.year = best.year
		e.Reason = fmt.Sprintf("year %d from %q in the same sentence", best.year, best.text)
		if d.weekday >= 0 && d.day > 0 {
			if w := day(d.year, d.month, d.day).Weekday(); int(w) != d.weekday {
				e.Reason += fmt.Sprintf(", though %s was a %s", day(d.year, d.month, d.day).Format("2 January 2006"), w)
			}
		}
		fill(e, d)
		return d, true
	}
	if d.weekday >= 0 && d.day > 0 && r.anchor.prec != PrecisionNone {
		return r.weekdayYear(e, d)
	}
	if !r.refKnown() {
		e.Reason = "no year in the text and no reference date"
		fill(e, d)
		return d, false
	}
	if r.ref.prec < Month {
		d.year = r.ref.year
		e.Reason = fmt.Sprintf("year %d of %s", d.year, r.refName)
		fill(e, d)
		return d, true
	}
	got, reason := r.nearYear(d, lean, why)
	// A month told in the past that is not the reference's own, nor
	// within a month of it, follows the story's last date.
	if past && d.weekday < 0 && !r.nearRef(got) {
		if c, why, ok := r.storyYear(d); ok {
			e.Reason = why
			fill(e, c)
			return c, true
		}
	}
	// A date just before, with its year written, sets the narrative year
	// when the partial date lies within two months of it.
	if r.prev != nil && r.prev.yearText && r.prev.d.prec >= Month && r.prev.d.year != got.year {
		pf, _, _ := interval(r.prev.d)
		for _, y := range []int{r.prev.d.year, r.prev.d.year + 1, r.prev.d.year - 1} {
			c := d.at(y)
			f, t, ok := interval(c)
			if ok && distance(f, t, pf) <= 62 && y != got.year {
				got = c
				reason = fmt.Sprintf("year %d from %q just before", y, r.prev.text)
				break
			}
		}
	}
	e.Reason = reason
	fill(e, got)
	return got, true
}

// nearYear picks the year of a partial date from a day- or month-precise
// reference: the one containing it, else the nearest within a month, else
// the last one before it, or the first one after it when the sentence
// speaks of the future.
func (r *resolution) nearYear(d date, lean bool, why string) (date, string) {
	ref := r.refTime
	type cand struct {
		d    date
		f, t time.Time
	}
	var cs []cand
	for y := r.ref.year - 1; y <= r.ref.year+1; y++ {
		c := d.at(y)
		if f, t, ok := interval(c); ok {
			cs = append(cs, cand{c, f, t})
		}
	}
	if len(cs) == 0 {
		return d, "no valid year"
	}
	what := r.describe(d)
	for _, c := range cs {
		if distance(c.f, c.t, ref) == 0 {
			return c.d, fmt.Sprintf("year %d of %s, which falls in %s", c.d.year, r.refName, what)
		}
	}
	best := cs[0]
	for _, c := range cs[1:] {
		if distance(c.f, c.t, ref) < distance(best.f, best.t, ref) {
			best = c
		}
	}
	// The nearest within a month, unless the sentence speaks of the
	// future and that one is over: "work will begin in the summer" said
	// on 8 September is next summer.
	if distance(best.f, best.t, ref) <= 31 && !(lean && best.t.Before(ref)) {
		return best.d, fmt.Sprintf("year %d: the %s nearest %s", best.d.year, what, r.refName)
	}
	if lean {
		for _, c := range cs {
			if c.f.After(ref) {
				return c.d, fmt.Sprintf("year %d: the first %s after %s (future: %s)", c.d.year, what, r.refName, why)
			}
		}
	}
	for k := len(cs) - 1; k >= 0; k-- {
		if !cs[k].t.After(ref) {
			return cs[k].d, fmt.Sprintf("year %d: the last %s before %s", cs[k].d.year, what, r.refName)
		}
	}
	return best.d, fmt.Sprintf("year %d: the %s nearest %s", best.d.year, what, r.refName)
}

// describe names a partial date in English for reasons: "July 15",
// "July", "summer".
func (r *resolution) describe(d date) string {
	switch {
	case d.day > 0:
		return fmt.Sprintf("%s %d", time.Month(d.month), d.day)
	case d.month > 0:
		return time.Month(d.month).String()
	case d.season >= 0:
		return [4]string{"spring", "summer", "autumn", "winter"}[d.season]
	}
	return "date"
}

// weekdayYear picks the year, near the anchor, in which a day and month
// fall on the weekday written beside them.
func (r *resolution) weekdayYear(e *Expr, d date) (date, bool) {
	at := day(r.anchor.year, 7, 1)
	if r.anchor.prec >= Month {
		at = day(r.anchor.year, max(r.anchor.month, 1), max(r.anchor.day, 1))
	}
	var best date
	bestDist := -1.0
	for y := r.anchor.year - 11; y <= r.anchor.year+11; y++ {
		if !validDay(y, d.month, d.day) || int(day(y, d.month, d.day).Weekday()) != d.weekday {
			continue
		}
		t := day(y, d.month, d.day)
		dist := t.Sub(at).Hours()
		if dist < 0 {
			dist = -dist + 1 // on a tie, the past wins
		}
		if bestDist < 0 || dist < bestDist {
			best, bestDist = d.at(y), dist
		}
	}
	if bestDist < 0 {
		e.Reason = fmt.Sprintf("no year near %s where %s %d is a %s", r.anchorName, time.Month(d.month), d.day, time.Weekday(d.weekday))
		fill(e, d)
		return d, false
	}
	t := day(best.year, best.month, best.day)
	e.Reason = fmt.Sprintf("year %d: %s was a %s, the nearest such year to %s", best.year, t.Format("2 January 2006"), t.Weekday(), r.anchorName)
	fill(e, best)
	return best, true
}

// weekday resolves "on Tuesday": the nearest such day on or before the
// reference in past narrative, on or after it when the sentence looks
// ahead or the expression is a deadline.
func (r *resolution) weekday(e *Expr, d date, lean bool, why string) (date, bool) {
	if !r.refDay() {
		e.Reason = "weekday without a reference day"
		fill(e, d)
		return d, false
	}
	w := time.Weekday(d.weekday)
	refW := r.refTime.Weekday()
	var t time.Time
	if lean {
		t = r.refTime.AddDate(0, 0, (int(w)-int(refW)+7)%7)
		e.Reason = fmt.Sprintf("the %s on or after %s (a %s; future: %s)", w, r.refName, refW, why)
	} else {
		t = r.refTime.AddDate(0, 0, -((int(refW) - int(w) + 7) % 7))
		e.Reason = fmt.Sprintf("the %s on or before %s (a %s)", w, r.refName, refW)
	}
	out := dateOf(t)
	out.weekday = d.weekday
	fill(e, out)
	return out, true
}

// deictic resolves last/this/next expressions against base.
func (r *resolution) deictic(e *Expr, m mention, base date, baseName string, lean bool, why string) (date, bool) {
	if base.prec == PrecisionNone {
		e.Reason = "relative expression without a reference date"
		if m.target == relUnit {
			e.Shift = &Shift{N: m.n, Unit: m.unit.shiftUnit(), Anaphoric: m.anaphoric}
			e.Precision = unitPrecision(m.unit)
		}
		return base, false
	}
	switch m.target {
	case relUnit:
		e.Shift = &Shift{N: m.n, Unit: m.unit.shiftUnit(), Anaphoric: m.anaphoric}
		var d date
		switch m.unit {
		case uWeek:
			if base.prec < Day {
				return r.unresolved(e, m, baseName)
			}
			d = weekOf(day(base.year, base.month, base.day).AddDate(0, 0, 7*m.n))
		case uMinute, uHour, uDay:
			if base.prec < Day {
				return r.unresolved(e, m, baseName)
			}
			d = dateOf(add(day(base.year, base.month, base.day), m.unit, m.n))
		default:
			if base.prec < m.unit.precision() {
				return r.unresolved(e, m, baseName)
			}
			var ok bool
			d, ok = shiftDate(coarsen(base, m.unit.precision()), m.unit, m.n)
			if !ok {
				return r.unresolved(e, m, baseName)
			}
		}
		e.Reason = fmt.Sprintf("%q relative to %s", e.Text, baseName)
		fill(e, d)
		return d, true
	case relWeekday:
		if base.prec != Day {
			return r.unresolved(e, m, baseName)
		}
		ref := day(base.year, base.month, base.day)
		w, refW := m.d.weekday, int(ref.Weekday())
		var t time.Time
		switch {
		case m.n < 0:
			back := (refW - w + 7) % 7
			if back == 0 {
				back = 7
			}
			t = ref.AddDate(0, 0, -back)
			e.Reason = fmt.Sprintf("the %s before %s (a %s)", time.Weekday(w), baseName, ref.Weekday())
		case m.n > 0:
			ahead := (w - refW + 7) % 7
			if ahead == 0 {
				ahead = 7
			}
			t = ref.AddDate(0, 0, ahead)
			e.Reason = fmt.Sprintf("the %s after %s (a %s)", time.Weekday(w), baseName, ref.Weekday())
		default:
			t = ref.AddDate(0, 0, isoWeekday(time.Weekday(w))-isoWeekday(ref.Weekday()))
			e.Reason = fmt.Sprintf("the %s of the week of %s", time.Weekday(w), baseName)
		}
		d := dateOf(t)
		fill(e, d)
		return d, true
	case relSeasonYear:
		if base.prec < Year {
			return r.unresolved(e, m, baseName)
		}
		d := m.d.at(base.year + m.n)
		d.prec = Season
		e.Reason = fmt.Sprintf("the %s of the year %d, relative to %s", r.describe(d), d.year, baseName)
		fill(e, d)
		return d, true
	case relSeason, relMonth:
		if base.prec < Month {
			if base.prec == Year && m.n == 0 {
				d := m.d.at(base.year)
				d.prec = Season
				if m.target == relMonth {
					d.prec = Month
				}
				e.Reason = fmt.Sprintf("year %d of %s", base.year, baseName)
				fill(e, d)
				return d, true
			}
			return r.unresolved(e, m, baseName)
		}
		ref := day(base.year, max(base.month, 1), max(base.day, 1))
		d := m.d
		d.prec = Season
		if m.target == relMonth {
			d.prec = Month
		}
		var pick date
		found := false
		switch {
		case m.n < 0:
			for y := base.year + 1; y >= base.year-2 && !found; y-- {
				if _, t, ok := interval(d.at(y)); ok && !t.After(ref) {
					pick, found = d.at(y), true
				}
			}
			e.Reason = fmt.Sprintf("the last %s before %s", r.describe(d), baseName)
		case m.n > 0:
			for y := base.year - 1; y <= base.year+2 && !found; y++ {
				if f, _, ok := interval(d.at(y)); ok && f.After(ref) {
					pick, found = d.at(y), true
				}
			}
			e.Reason = fmt.Sprintf("the first %s after %s", r.describe(d), baseName)
		default:
			y := base.year
			if m.target == relSeason && d.season == 3 && base.month <= 2 {
				y--
			}
			pick, found = d.at(y), true
			e.Reason = fmt.Sprintf("the %s of %s", r.describe(d), baseName)
		}
		if !found {
			return r.unresolved(e, m, baseName)
		}
		fill(e, pick)
		return pick, true
	}
	return base, false
}

func (r *resolution) unresolved(e *Expr, m mention, baseName string) (date, bool) {
	e.Reason = fmt.Sprintf("%s is not precise enough for %q", baseName, e.Text)
	e.Precision = m.unit.precision()
	return newDate(), false
}

// shiftFromRef resolves "two years ago" and "in three days" against the
// reference.
func (r *resolution) shiftFromRef(e *Expr, m mention) (date, bool) {
	n := m.n
	if m.shift == shiftAgo {
		n = -n
	}
	e.Shift = &Shift{N: n, Unit: m.unit.shiftUnit()}
	return r.shiftFrom(e, m, r.ref, r.refName)
}

func (r *resolution) shiftFrom(e *Expr, m mention, base date, baseName string) (date, bool) {
	e.Precision = m.unit.precision()
	if m.n < 0 {
		e.Reason = fmt.Sprintf("an unknown number of %s from %s", plural(unitNames[m.unit]), baseName)
		if e.Shift != nil {
			e.Shift.N = 0
		}
		return newDate(), false
	}
	if base.prec == PrecisionNone {
		e.Reason = "relative expression without a reference date"
		return base, false
	}
	n := e.Shift.N
	d, ok := shiftDate(base, m.unit, n)
	if !ok {
		return r.unresolved(e, m, baseName)
	}
	dir := "after"
	if n < 0 {
		dir, n = "before", -n
	}
	e.Reason = fmt.Sprintf("%s %s %s", count(n, unitNames[m.unit]), dir, baseName)
	fill(e, d)
	return d, true
}

// shiftAnaphoric resolves "a month earlier": from the previous date when
// it is precise enough, else from the reference. When a date stands right
// after it in apposition ("a week earlier, on October 31"), the base that
// agrees with that date wins.
func (r *resolution) shiftAnaphoric(e *Expr, m mention, ms []mention, out []Expr, i int) (date, bool) {
	n := m.n
	if m.shift == shiftEarlier {
		n = -n
	}
	e.Shift = &Shift{N: n, Unit: m.unit.shiftUnit(), Anaphoric: true}
	base, name, found := r.anaphoraBase(m.unit)
	if !found {
		r.declined(e, m)
		return newDate(), false
	}
	if i+1 < len(ms) && m.n > 0 && r.refKnown() {
		next := out[i+1]
		if next.Kind == Point && next.Start-e.End <= 6 && next.Value != "" {
			for _, b := range []struct {
				d    date
				name string
			}{{base, name}, {r.ref, r.refName}} {
				if d, ok := shiftDate(b.d, m.unit, n); ok && value(d) == next.Value {
					got, ok := r.shiftFrom(e, m, b.d, b.name)
					e.Reason += fmt.Sprintf(", as %q right after it says", next.Text)
					return got, ok
				}
			}
		}
	}
	return r.shiftFrom(e, m, base, name)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// count writes "1 month", "3 months", "2 centuries" for reasons.
func count(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %s", n, plural(unit))
}

func plural(unit string) string {
	if unit == "century" {
		return "centuries"
	}
	return unit + "s"
}
