package timex

import (
	"fmt"
	"time"
)

var seasonCodes = [4]string{"SP", "SU", "FA", "WI"}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func validDay(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	return day(y, m, d).Day() == d
}

// interval is the half-open span [From, To) of a resolved date.
func interval(d date) (time.Time, time.Time, bool) {
	switch d.prec {
	case Day:
		if d.year == 0 || d.month == 0 {
			return time.Time{}, time.Time{}, false
		}
		f := day(d.year, d.month, d.day)
		return f, f.AddDate(0, 0, 1), true
	case Week:
		if d.year == 0 || d.week == 0 {
			return time.Time{}, time.Time{}, false
		}
		f := isoWeekStart(d.year, d.week)
		return f, f.AddDate(0, 0, 7), true
	case Month:
		if d.year == 0 {
			return time.Time{}, time.Time{}, false
		}
		f := day(d.year, d.month, 1)
		return f, f.AddDate(0, 1, 0), true
	case Season:
		if d.year == 0 {
			return time.Time{}, time.Time{}, false
		}
		// Meteorological seasons of the northern hemisphere; winter Y runs
		// from December Y into February Y+1.
		f := day(d.year, 3+3*d.season, 1)
		return f, f.AddDate(0, 3, 0), true
	case Year:
		if d.year == 0 {
			return time.Time{}, time.Time{}, false
		}
		return day(d.year, 1, 1), day(d.year+1, 1, 1), true
	case Decade:
		if d.decade < 0 || d.shortDecade {
			return time.Time{}, time.Time{}, false
		}
		return day(d.decade*10, 1, 1), day(d.decade*10+10, 1, 1), true
	case Century:
		if d.century < 0 {
			return time.Time{}, time.Time{}, false
		}
		return day(d.century*100, 1, 1), day(d.century*100+100, 1, 1), true
	}
	return time.Time{}, time.Time{}, false
}

// narrow applies a mod to an interval: early, mid and late take thirds
// (months for a year, years for a decade), start and end the first and last
// thirds as well.
func narrow(from, to time.Time, prec Precision, mod Mod) (time.Time, time.Time) {
	if mod == ModNone || from.IsZero() {
		return from, to
	}
	part := 0 // 0 first third, 1 middle, 2 last
	switch mod {
	case ModMid:
		part = 1
	case ModLate, ModEnd:
		part = 2
	}
	switch prec {
	case Year:
		return from.AddDate(0, 4*part, 0), from.AddDate(0, 4*part+4, 0)
	case Decade:
		cuts := [4]int{0, 4, 7, 10}
		return from.AddDate(cuts[part], 0, 0), from.AddDate(cuts[part+1], 0, 0)
	case Century:
		cuts := [4]int{0, 34, 67, 100}
		return from.AddDate(cuts[part], 0, 0), from.AddDate(cuts[part+1], 0, 0)
	case Month:
		cuts := [3]int{0, 10, 20}
		f := from.AddDate(0, 0, cuts[part])
		if part == 2 {
			return f, to
		}
		return f, from.AddDate(0, 0, cuts[part+1])
	case Season:
		return from.AddDate(0, part, 0), from.AddDate(0, part+1, 0)
	case Day:
		return from.Add(time.Duration(part) * 8 * time.Hour), from.Add(time.Duration(part+1) * 8 * time.Hour)
	}
	return from, to
}

// value renders d as an ISO 8601 / TIMEX3 value.
func value(d date) string {
	y := "XXXX"
	if d.year != 0 {
		y = fmt.Sprintf("%04d", d.year)
	}
	switch d.prec {
	case Day:
		if d.month == 0 {
			if d.weekday >= 0 {
				return fmt.Sprintf("XXXX-WXX-%d", isoWeekday(time.Weekday(d.weekday)))
			}
			return ""
		}
		return fmt.Sprintf("%s-%02d-%02d", y, d.month, d.day)
	case Week:
		return fmt.Sprintf("%s-W%02d", y, d.week)
	case Month:
		return fmt.Sprintf("%s-%02d", y, d.month)
	case Season:
		return y + "-" + seasonCodes[d.season]
	case Year:
		return y
	case Decade:
		if d.shortDecade {
			return fmt.Sprintf("XX%dX", d.decade%10)
		}
		return fmt.Sprintf("%03dX", d.decade)
	case Century:
		return fmt.Sprintf("%02dXX", d.century)
	}
	return ""
}

func isoWeekday(w time.Weekday) int {
	if w == time.Sunday {
		return 7
	}
	return int(w)
}

// isoWeekStart is the Monday of ISO week w of year y.
func isoWeekStart(y, w int) time.Time {
	jan4 := day(y, 1, 4)
	monday := jan4.AddDate(0, 0, 1-isoWeekday(jan4.Weekday()))
	return monday.AddDate(0, 0, 7*(w-1))
}

// dateOf is the day-precision date of t.
func dateOf(t time.Time) date {
	d := newDate()
	d.year, d.month, d.day, d.prec = t.Year(), int(t.Month()), t.Day(), Day
	return d
}

// weekOf is the ISO week containing t.
func weekOf(t time.Time) date {
	d := newDate()
	d.year, d.week = t.ISOWeek()
	d.prec = Week
	return d
}

// at returns d with its year replaced.
func (d date) at(year int) date {
	d.year = year
	return d
}

// coarsen lowers the precision of d to p, keeping the parts p needs.
func coarsen(d date, p Precision) date {
	if p >= d.prec {
		return d
	}
	out := newDate()
	out.year, out.prec = d.year, p
	switch p {
	case Month:
		out.month = d.month
	case Season:
		out.season = seasonOf(d.month)
		if d.month == 12 {
			out.year = d.year
		} else if d.month <= 2 {
			out.year = d.year - 1
		}
	case Decade:
		out.decade = d.year / 10
	case Century:
		out.century = d.year / 100
	case Week:
		t := day(d.year, d.month, d.day)
		return weekOf(t)
	}
	return out
}

func seasonOf(month int) int {
	switch {
	case month >= 3 && month <= 5:
		return 0
	case month >= 6 && month <= 8:
		return 1
	case month >= 9 && month <= 11:
		return 2
	}
	return 3
}

// add moves a day-precision time by n units.
func add(t time.Time, u unit, n int) time.Time {
	switch u {
	case uMinute:
		return t.Add(time.Duration(n) * time.Minute)
	case uHour:
		return t.Add(time.Duration(n) * time.Hour)
	case uDay:
		return t.AddDate(0, 0, n)
	case uWeek:
		return t.AddDate(0, 0, 7*n)
	case uMonth:
		return t.AddDate(0, n, 0)
	case uYear:
		return t.AddDate(n, 0, 0)
	case uDecade:
		return t.AddDate(10*n, 0, 0)
	default:
		return t.AddDate(100*n, 0, 0)
	}
}

// shiftDate moves a resolved date by n units, keeping the coarser of the
// two precisions.
func shiftDate(base date, u unit, n int) (date, bool) {
	if base.year == 0 {
		return base, false
	}
	if u <= uHour {
		// Hours and minutes from a date: the same day, as the time of day
		// is not known.
		return coarsen(base, min(base.prec, Day)), true
	}
	switch base.prec {
	case Day, Week:
		var t time.Time
		if base.prec == Week {
			t = isoWeekStart(base.year, base.week)
		} else {
			t = day(base.year, base.month, base.day)
		}
		t = add(t, u, n)
		d := dateOf(t)
		return coarsen(d, min(base.prec, u.precision())), true
	case Month:
		t := add(day(base.year, base.month, 1), u, n)
		return coarsen(dateOf(t), min(Month, u.precision())), true
	case Season:
		if u <= uWeek {
			return base, true
		}
		t := add(day(base.year, 3+3*base.season, 1), u, n)
		return coarsen(dateOf(t), min(Season, u.precision())), true
	case Year:
		t := add(day(base.year, 1, 1), u, n)
		return coarsen(dateOf(t), min(Year, u.precision())), true
	case Decade:
		t := add(day(base.decade*10, 1, 1), u, n)
		return coarsen(dateOf(t), min(Decade, u.precision())), true
	case Century:
		t := add(day(base.century*100, 1, 1), u, n)
		return coarsen(dateOf(t), Century), true
	}
	return base, false
}

// distance is how far interval [f, t) lies from ref, in days; 0 inside.
func distance(f, t, ref time.Time) float64 {
	switch {
	case ref.Before(f):
		return f.Sub(ref).Hours() / 24
	case !ref.Before(t):
		return ref.Sub(t).Hours()/24 + 1
	}
	return 0
}
