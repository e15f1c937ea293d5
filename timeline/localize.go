package timeline

import (
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// Message ids of lang/data/<code>/messages.json that Localize uses.
const (
	// MsgYearUnknown wraps the label of a date whose year could not be
	// worked out: "{label} (year unknown)".
	MsgYearUnknown = "timeline_year_unknown"
	// MsgUndated is the label of a date that has no words of its own in
	// the language: "date unknown".
	MsgUndated = "timeline_undated"
)

// Localize returns a copy of events with Label written in one language:
// "7 September 2022", "July 2022", "early 1990s", "since December 2018",
// "2014–2018" in English, "7 septembre 2022", "début des années 1990",
// "depuis décembre 2018" in French. tl gives the date words and layouts
// (timex.Language.Format); l gives the bot's own words for dates that
// cannot be placed. Either may be nil: without tl the label is the ISO
// date, without l no note is added. The events passed in are not changed,
// so a cached timeline can be localised for many replies at once.
func Localize(events []Event, tl *timex.Language, l *lang.Language) []Event {
	out := make([]Event, len(events))
	for i, e := range events {
		e.Label = label(e, tl, l)
		out[i] = e
	}
	return out
}

func label(e Event, tl *timex.Language, l *lang.Language) string {
	s := e.Date
	if tl != nil {
		s = tl.Format(timex.Expr{Text: e.Text, Value: e.Date, Precision: e.Precision, Kind: e.Kind, Mod: e.Mod})
	}
	if l == nil {
		return s
	}
	switch {
	case s == "":
		return l.Message(MsgUndated, nil)
	case !e.Placed():
		return l.Message(MsgYearUnknown, map[string]string{"label": s})
	}
	return s
}
