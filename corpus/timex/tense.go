package timex

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// tense is what the verbs of a clause say of its time.
type tense int8

const (
	tenseUnknown tense = iota
	tensePast
	tenseFuture
)

// tenseWindow is how many tokens on either side of a date its tense is
// looked for.
const tenseWindow = 10

// minEndingStem is how many letters a word needs before a tense ending
// for the ending to count: "united" is no verb, "ended" is.
const minEndingStem = 3

// tenseOf reads the tense of the clause of mention i from the past or
// future word nearest to it ("had", "will", "était", "wird", a verb ending
// in "-ed" or "-ала"), within tenseWindow tokens and not past the dates
// beside it, which have clauses of their own. It returns the cue as
// written.
func (p *parser) tenseOf(ms []mention, i int) (tense, string) {
	t, cue, _ := p.tenseCue(ms, i)
	return t, cue
}

// tenseCue is tenseOf, and whether the cue is a word of the lists rather
// than a verb ending, which is weaker: "is reached by mid-November" ends
// in "-ed" and speaks of the future.
func (p *parser) tenseCue(ms []mention, i int) (tense, string, bool) {
	m := ms[i]
	lo, hi := max(0, m.start-tenseWindow), min(len(p.toks), m.end+tenseWindow)
	if i > 0 {
		lo = max(lo, ms[i-1].end)
	}
	if i+1 < len(ms) {
		hi = min(hi, ms[i+1].start)
	}
	for d := 1; d <= tenseWindow; d++ {
		for _, k := range []int{m.start - d, m.end - 1 + d} {
			if k < lo || k >= hi {
				continue
			}
			if t, word, next := p.tenseAt(k); t != tenseUnknown {
				return t, p.src[p.toks[k].start:p.toks[next-1].end], word
			}
		}
	}
	return tenseUnknown, "", false
}

// tenseAt reports the tense the token at k marks, if any, whether a
// word or phrase of the lists marks it (rather than an ending), and the
// index after the cue.
func (p *parser) tenseAt(k int) (tense, bool, int) {
	if e, next := p.find(k, cFuture); e != nil {
		return tenseFuture, true, next
	}
	if e, next := p.find(k, cPast); e != nil {
		return tensePast, true, next
	}
	t := p.toks[k]
	if t.kind != tWord {
		return tenseUnknown, false, k + 1
	}
	ends := func(endings []string) bool {
		for _, e := range endings {
			if strings.HasSuffix(t.text, e) && utf8.RuneCountInString(t.text)-utf8.RuneCountInString(e) >= minEndingStem {
				return true
			}
		}
		return false
	}
	switch {
	case ends(p.l.futureEndings):
		return tenseFuture, false, k + 1
	case ends(p.l.pastEndings):
		return tensePast, false, k + 1
	}
	return tenseUnknown, false, k + 1
}

// future reports whether mention i speaks of the future, and the cue that
// says so: the verbs of its clause (tenseOf), else a preposition of the
// mention ("by Friday", "until") or a future word in the twelve tokens
// before it.
func (p *parser) future(ms []mention, i int) (bool, string) {
	switch t, cue, word := p.tenseCue(ms, i); {
	case t == tensePast && (word || !ms[i].lean):
		return false, ""
	case t == tenseFuture:
		return true, fmt.Sprintf("%q", cue)
	}
	if ms[i].lean {
		return true, fmt.Sprintf("%q", p.src[p.toks[ms[i].start].start:p.toks[ms[i].start].end])
	}
	lo := ms[i].start - 12
	if i > 0 && ms[i-1].end > lo {
		lo = ms[i-1].end
	}
	for k := max(lo, 0); k < ms[i].start; k++ {
		if e, next := p.find(k, cFuture); e != nil {
			return true, fmt.Sprintf("%q", p.src[p.toks[k].start:p.toks[next-1].end])
		}
	}
	return false, ""
}

// storyWindow is how many sentences back the story's last date still
// dates a yearless month told in the past.
const storyWindow = 3

// storyYear dates a yearless month told in the past from the story: the
// first such month on or after the story's last date ("Enrolment began in
// March 2022. By August, 300 had signed up": August 2022), unless that
// falls after the reference date, which the story cannot have reached.
func (r *resolution) storyYear(d date) (date, string, bool) {
	prev := r.prev
	if prev == nil || prev.d.prec < Month || prev.d.prec > Day || r.sentences-prev.sentence > storyWindow {
		return d, "", false
	}
	pf, _, ok := interval(coarsen(prev.d, Month))
	if !ok {
		return d, "", false
	}
	for _, y := range []int{prev.d.year, prev.d.year + 1} {
		c := d.at(y)
		f, _, ok := interval(c)
		if !ok || f.Before(pf) {
			continue
		}
		if r.refKnown() && r.refDay() && f.After(r.refTime) {
			return d, "", false
		}
		return c, fmt.Sprintf("year %d: the story was at %q (%s), and the clause is in the past", y, prev.text, value(prev.d)), true
	}
	return d, "", false
}

// nearRef reports whether a date falls within a month of the reference,
// where a partial date is taken to speak of the news's own time.
func (r *resolution) nearRef(d date) bool {
	f, t, ok := interval(d)
	return ok && r.refDay() && distance(f, t, r.refTime) <= 31
}
