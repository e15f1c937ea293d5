package timeline

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// A Query selects events. Its zero value selects every event.
type Query struct {
	// From and To bound the period of interest, half-open [From, To);
	// zero means unbounded on that side. An event is kept when its
	// interval overlaps the period, so "2022" is kept for July 2022, and
	// an event that cannot be placed is dropped once either bound is set.
	From, To time.Time
	// About keeps the events whose sentence shares a content word with
	// it, compared through Stems. Words that Stems drops (stop words)
	// select nothing by themselves: "the" alone keeps every event.
	About string
	// Stems returns the stems of the content words of a text: the
	// article language's analyzer, so that "expelled" finds "expel".
	// Nil compares lower-cased, accent-folded words.
	Stems func(text string) []string
	// About, when set, decides what an event is about in place of About
	// and Stems: it reports whether the sentence of an event (article ID,
	// sentence index) is about the topic. The engine gives one that reads
	// the topic in the user's language and every article in its own
	// (qa.Engine.Topic).
	AboutSentence func(articleID string, sentence int) bool
}

// Filter returns the events that q selects, in the order given. It does
// not change events.
func Filter(events []Event, q Query) []Event {
	stems := q.Stems
	if stems == nil {
		stems = words
	}
	about := map[string]bool{}
	if q.AboutSentence == nil && strings.TrimSpace(q.About) != "" {
		for _, s := range stems(q.About) {
			about[s] = true
		}
	}
	bounded := !q.From.IsZero() || !q.To.IsZero()
	out := []Event{}
	for _, e := range events {
		if bounded && !overlaps(e, q.From, q.To) {
			continue
		}
		if len(about) > 0 && !shares(stems(e.Quote), about) {
			continue
		}
		if q.AboutSentence != nil && !q.AboutSentence(e.ArticleID, e.Sentence) {
			continue
		}
		out = append(out, e)
	}
	return out
}

func overlaps(e Event, from, to time.Time) bool {
	if !e.Placed() {
		return false
	}
	if !from.IsZero() && !e.End.After(from) {
		return false
	}
	return to.IsZero() || e.Begin.Before(to)
}

func shares(stems []string, set map[string]bool) bool {
	for _, s := range stems {
		if set[s] {
			return true
		}
	}
	return false
}

// words is the Stems of a Query without one: the folded words of text.
func words(text string) []string {
	toks := lang.Tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = lang.Fold(t.Text)
	}
	return out
}

// ErrBadDate is wrapped by ParseDate for input it cannot read as a date.
var ErrBadDate = errors.New("not a date")

// ErrNoYear is wrapped by ParseDate for a date without a year ("July",
// "Monday"): a timeline bound needs one.
var ErrNoYear = errors.New("date without a year")

// maxDateBytes bounds what ParseDate reads: a date is a few words.
const maxDateBytes = 200

// ParseDate reads a date a user typed as a bound: ISO 8601 ("2022-09-07",
// "2022-07", "2022", "199X") or words in one of langs, tried in order
// ("July 2022", "juillet 2022", "7. September 2022", "the 1990s",
// "07/11/2024" read day first). It returns the half-open interval
// [begin, end) the date denotes: a bound --from takes begin and --to end,
// so "--from 2022 --to 2022" is the whole year. Nothing is resolved
// against today: "last year" and "July" have no year and are refused with
// ErrNoYear.
func ParseDate(s string, langs ...*timex.Language) (begin, end time.Time, err error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, time.Time{}, fmt.Errorf("empty date: %w", ErrBadDate)
	}
	if len(s) > maxDateBytes {
		return time.Time{}, time.Time{}, fmt.Errorf("date of %d bytes: %w", len(s), ErrBadDate)
	}
	if b, e, ok := Interval(s); ok {
		return b, e, nil
	}
	// The expression that covers most of the input wins, so that "July
	// 2022" read in French (where only "2022" is a date) loses to English.
	var best timex.Expr
	for _, tl := range langs {
		if tl == nil {
			continue
		}
		x := timex.Extractor{Lang: tl}
		for _, d := range x.Extract(s, timex.Ref{}) {
			if d.Kind != timex.Duration && d.Kind != timex.Set && len(d.Text) > len(best.Text) {
				best = d
			}
		}
	}
	if !best.From.IsZero() {
		return best.From, best.To, nil
	}
	noYear := best.Text != ""
	if noYear {
		return time.Time{}, time.Time{}, fmt.Errorf("date %q: %w", s, ErrNoYear)
	}
	return time.Time{}, time.Time{}, fmt.Errorf("date %q: %w", s, ErrBadDate)
}
