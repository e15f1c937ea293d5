package timex

import (
	"fmt"
	"time"
)

// Precision is how fine a temporal value is. Larger is finer, so
// precisions compare with < and >.
type Precision int

// Precisions from the coarsest to the finest. Week sits between Month and
// Day because a week is finer than a month but coarser than a day. Time is
// used for durations counted in hours or minutes.
const (
	PrecisionNone Precision = iota
	Century
	Decade
	Year
	Season
	Month
	Week
	Day
	Time
)

var precisionNames = [...]string{"none", "century", "decade", "year", "season", "month", "week", "day", "time"}

func (p Precision) String() string {
	if p < 0 || int(p) >= len(precisionNames) {
		return fmt.Sprintf("Precision(%d)", int(p))
	}
	return precisionNames[p]
}

// Kind says what role an expression plays.
type Kind int

const (
	// Point is a date or period at which something happened: "July 15",
	// "in 2009", "the early 1990s".
	Point Kind = iota
	// Since is the start of an open period: "since 2013".
	Since
	// Until is the end of a period or a deadline: "until 2027",
	// "by the end of 2026".
	Until
	// Duration is a length of time: "24 hours", "six years", "decades".
	Duration
	// Set is a recurrence: "every 11 days", "weekly".
	Set
	// Range is a closed period between two points: "between 2014 and 2018".
	Range
)

var kindNames = [...]string{"point", "since", "until", "duration", "set", "range"}

func (k Kind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return fmt.Sprintf("Kind(%d)", int(k))
	}
	return kindNames[k]
}

// Mod narrows a value to part of its period, as TIMEX3's MOD attribute does.
type Mod string

// Mods. Early, Mid and Late come from "early/mid/late"; Start and End
// come from "the beginning of" and "the end of".
const (
	ModNone  Mod = ""
	ModEarly Mod = "EARLY"
	ModMid   Mod = "MID"
	ModLate  Mod = "LATE"
	ModStart Mod = "START"
	ModEnd   Mod = "END"
)

// Expr is one temporal expression found in a text.
type Expr struct {
	// Text is the matched span, exactly input[Start:End].
	Text string
	// Start and End are byte offsets into the input.
	Start, End int

	// Value is the ISO 8601 / TIMEX3 value to its precision: "2022-09-07",
	// "2022-W36", "2022-07", "2022-SU", "2009", "199X", "19XX". Unknown parts
	// are X: "XXXX-09-07" when no year could be inferred, "XXXX-WXX-3" for
	// a weekday without a reference. Durations and sets hold their period:
	// "PT24H", "P6Y", "PXDE" (decades, count unknown), "P11D". A range holds
	// "2014/2018". Empty when a relative expression had no reference.
	Value     string
	Precision Precision
	Kind      Kind
	Mod       Mod
	// Duration is the ISO 8601 period of a Duration or Set ("PT24H",
	// "P6Y"); X stands for an unknown count ("PXY" for "for years").
	Duration string

	// From and To bound the interval the value denotes, half-open
	// [From, To), in UTC. Both are zero when the value is not a resolved
	// calendar interval (durations, unresolved partial dates).
	From, To time.Time

	// Shift is set for expressions relative to another date ("last year",
	// "a month earlier", "two years ago"); it lets a caller resolve them
	// again against another reference.
	Shift *Shift

	// Reason says, in plain English, how the value was worked out,
	// e.g. "year 2022 from the reference date 2022-09-07; July 15 falls
	// before it". It is meant to be shown to users.
	Reason string
}

// Shift describes a relative expression: N units away from a base.
type Shift struct {
	// N is the signed offset: -1 for "last year", +2 for "two years later",
	// 0 for "this year".
	N int
	// Unit is the unit of N: Year for "last year", Day for "yesterday",
	// Week, Month, Decade, Century, or Time for hours and minutes.
	Unit Precision
	// Anaphoric is true when the base is the previously mentioned date
	// ("a month earlier") rather than the reference date ("a month ago").
	Anaphoric bool
}

// Ref is a reference date ("document creation time" in TimeML terms)
// against which relative and partial expressions are resolved.
type Ref struct {
	// Date is the reference date; zero when unknown.
	Date time.Time
	// Precision is the precision of Date: Day when the day is known, Year
	// when only the year is. PrecisionNone means unknown.
	Precision Precision
}

// Known reports whether the reference carries a usable date.
func (r Ref) Known() bool { return r.Precision != PrecisionNone && !r.Date.IsZero() }

// DateOrder says how to read an all-numeric date such as 07/11/2024.
type DateOrder int

const (
	// OrderAuto lets the Resolver judge the order from the page (numeric
	// dates whose first or second field exceeds 12, and written-out dates
	// near them). An Extractor reads OrderAuto as DayFirst.
	OrderAuto DateOrder = iota
	// DayFirst reads 07/11/2024 as 7 November 2024.
	DayFirst
	// MonthFirst reads 07/11/2024 as July 11, 2024 (US style).
	MonthFirst
)
