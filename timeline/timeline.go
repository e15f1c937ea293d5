// Package timeline turns the dates of a corpus into events: one per dated
// mention, ordered by date, each with the sentence that says so. It is a
// pure library over corpus and corpus/timex: the dates come already
// normalised and resolved from the parser (corpus.Parser.UseLanguage), so
// this package only chooses which expressions are events, orders them,
// filters them and writes their labels.
//
// # What is an event
//
// Every temporal expression of a sentence that names a time (a point, the
// start of a period, a deadline, a range) is an event, so a sentence with
// three dates gives three events. Durations ("within 24 hours", "six
// years") and recurrences ("every 11 days") are not events: they say how
// long or how often, not when, and nothing in the text ties them to a
// calendar date that timex has not already given as a point of its own
// ("a month earlier" and "two years ago" are points, and are events).
// A sentence that mentions the same date twice in the same way gives one
// event. A date whose year could not be worked out ("XXXX-07") is kept,
// with zero Begin and End, and sorts after every placed event.
//
// # Order
//
// Events sort by the start of their interval (Begin): "since December
// 2018" at 1 December 2018, "the early 1990s" at 1990, so before 2009.
// Events starting at the same instant go coarse before fine ("2022" before
// "January 2022" before "1 January 2022"; "the 1990s" before "1990"),
// the way a chronicle puts the heading before its detail; then the longer
// interval first; then in reading order (article ID, sentence, position in
// the sentence). Events that cannot be placed come last, in reading order.
package timeline

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
)

// An Event is one dated mention of a corpus: a date and the sentence that
// gives it. The zero Begin and End mean the date could not be placed on the
// calendar. Paragraph and Sentence are 0-based indexes into the article.
type Event struct {
	// Date is the ISO 8601 / TIMEX3 value to its precision: "2022-09-07",
	// "2022-07", "2022-SU", "2009", "199X" (a decade), "19XX" (a century),
	// "2014/2018" (a range). Unknown parts are X ("XXXX-07").
	Date      string
	Precision timex.Precision
	// Kind is timex.Point, Since, Until or Range; never Duration or Set.
	Kind timex.Kind
	// Mod narrows the date: "early 1990s" is 199X with ModEarly.
	Mod timex.Mod
	// Begin and End bound the half-open interval [Begin, End) in UTC that
	// the date denotes, narrowed by Mod. A Since or Until event spans its
	// own date: "since December 2018" spans December 2018.
	Begin, End time.Time
	// Label is the date written for people in one language ("7 September
	// 2022", "since December 2018", "2014–2018"); set by Localize.
	Label string
	// Text is the date as the sentence writes it ("Wednesday, September 7").
	Text string
	// Quote is the whole sentence, exactly as the article has it.
	Quote string
	// ArticleID is the article's file name without extension; Article is
	// its title.
	ArticleID, Article  string
	Paragraph, Sentence int
	// Reason says in plain English how the date was worked out ("year 2022:
	// 7 September 2022 was a Wednesday").
	Reason string
}

// Placed reports whether e has a calendar interval.
func (e Event) Placed() bool { return !e.Begin.IsZero() }

// Build returns the events of every article of c in order (see the
// package comment). It never returns nil, so that an empty timeline
// encodes as an empty JSON array.
func Build(c *corpus.Corpus) []Event {
	events := []Event{}
	if c == nil {
		return events
	}
	for _, a := range c.Articles {
		if a == nil {
			continue
		}
		for _, s := range a.Sentences {
			events = appendSentence(events, a, s)
		}
	}
	Sort(events)
	return events
}

// appendSentence adds the events of one sentence in reading order. A date
// given twice in the same way ("a week earlier, on October 31") is one
// event, told by its written form rather than the relative one.
func appendSentence(events []Event, a *corpus.Article, s corpus.Sentence) []Event {
	type key struct {
		value string
		kind  timex.Kind
		mod   timex.Mod
	}
	seen := map[key]int{}      // index in events
	relative := map[int]bool{} // the event's text is relative ("a week earlier")
	for _, d := range s.Facts.Dates {
		if !isEvent(d) {
			continue
		}
		e := Event{
			Date: d.Value, Precision: d.Precision, Kind: d.Kind, Mod: d.Mod,
			Begin: d.From, End: d.To,
			Text: d.Text, Quote: s.Text,
			ArticleID: a.ID, Article: a.Title,
			Paragraph: s.Paragraph, Sentence: s.Index,
			Reason: d.Reason,
		}
		if e.Begin.IsZero() {
			// Without time words the parser finds only bare years, with no
			// interval: work it out from the value.
			e.Begin, e.End, _ = Interval(d.Value)
		}
		k := key{d.Value, d.Kind, d.Mod}
		if i, dup := seen[k]; dup {
			if relative[i] && d.Shift == nil {
				events[i].Text, events[i].Reason = e.Text, e.Reason
				relative[i] = false
			}
			continue
		}
		seen[k] = len(events)
		relative[len(events)] = d.Shift != nil
		events = append(events, e)
	}
	return events
}

// isEvent reports whether an expression says when rather than how long
// or how often.
func isEvent(d timex.Expr) bool {
	switch d.Kind {
	case timex.Point, timex.Since, timex.Until, timex.Range:
		return d.Value != "" && !strings.HasPrefix(d.Value, "P")
	}
	return false
}

// Sort orders events as the package comment says. It is stable, so events
// equal in every key keep their order (their place in the sentence).
func Sort(events []Event) {
	slices.SortStableFunc(events, Compare)
}

// Compare orders two events: placed before unplaced; then by Begin; then
// coarse precision before fine; then the longer interval first; then by
// article ID, sentence and paragraph.
func Compare(a, b Event) int {
	if pa, pb := a.Placed(), b.Placed(); pa != pb {
		if pa {
			return -1
		}
		return 1
	}
	if a.Placed() {
		if c := a.Begin.Compare(b.Begin); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Precision, b.Precision); c != 0 {
			return c
		}
		if c := b.End.Compare(a.End); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(a.ArticleID, b.ArticleID); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Sentence, b.Sentence); c != 0 {
		return c
	}
	return cmp.Compare(a.Paragraph, b.Paragraph)
}

// Interval returns the half-open interval [begin, end) in UTC of an ISO
// 8601 / TIMEX3 value: "2022-09-07", "2022-W36", "2022-07", "2022-SU",
// "2022", "199X" (decade), "19XX" (century) and ranges "2014/2018", so
// that every placed Event's Date reads back. ok is false for anything
// else, such as values with unknown parts ("XXXX-07") and periods.
func Interval(value string) (begin, end time.Time, ok bool) {
	if a, b, isRange := strings.Cut(value, "/"); isRange {
		ba, _, okA := Interval(a)
		_, eb, okB := Interval(b)
		if !okA || !okB || !ba.Before(eb) {
			return time.Time{}, time.Time{}, false
		}
		return ba, eb, true
	}
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	num := func(s string) (int, bool) {
		if s == "" {
			return 0, false
		}
		for _, r := range s {
			if r < '0' || r > '9' {
				return 0, false
			}
		}
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	switch {
	case len(value) == 4 && strings.HasSuffix(value, "XX"):
		if c, ok := num(value[:2]); ok {
			return day(c*100, 1, 1), day(c*100+100, 1, 1), true
		}
	case len(value) == 4 && strings.HasSuffix(value, "X"):
		if d, ok := num(value[:3]); ok {
			return day(d*10, 1, 1), day(d*10+10, 1, 1), true
		}
	case len(value) == 4:
		if y, ok := num(value); ok && y > 0 {
			return day(y, 1, 1), day(y+1, 1, 1), true
		}
	case len(value) == 7 && value[4] == '-' && value[5] >= 'A':
		// Meteorological seasons of the northern hemisphere, as timex
		// reads them: winter Y runs from December Y into February Y+1.
		y, okY := num(value[:4])
		first := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[value[5:]]
		if okY && y > 0 && first > 0 {
			return day(y, first, 1), day(y, first+3, 1), true
		}
	case len(value) == 8 && value[4] == '-' && value[5] == 'W':
		y, okY := num(value[:4])
		w, okW := num(value[6:])
		if okY && okW && y > 0 && w >= 1 && w <= 53 {
			// ISO week 1 holds 4 January; weeks start on Monday.
			jan4 := day(y, 1, 4)
			monday := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)+7*(w-1))
			if _, wy := monday.ISOWeek(); wy == w {
				return monday, monday.AddDate(0, 0, 7), true
			}
		}
	case len(value) == 7 && value[4] == '-':
		y, okY := num(value[:4])
		m, okM := num(value[5:])
		if okY && okM && y > 0 && m >= 1 && m <= 12 {
			return day(y, m, 1), day(y, m+1, 1), true
		}
	case len(value) == 10 && value[4] == '-' && value[7] == '-':
		y, okY := num(value[:4])
		m, okM := num(value[5:7])
		d, okD := num(value[8:])
		if okY && okM && okD && y > 0 && m >= 1 && m <= 12 && d >= 1 && day(y, m, d).Day() == d {
			b := day(y, m, d)
			return b, b.AddDate(0, 0, 1), true
		}
	}
	return time.Time{}, time.Time{}, false
}
