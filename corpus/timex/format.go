package timex

import (
	"strconv"
	"strings"
	"time"
)

// Format renders e as a short localised label: "7 September 2022",
// "July 2022", "early 1990s", "since December 2018", "summer 2022",
// "24 hours", "every 11 days", "2014–2018". An expression without a value
// renders as its text.
func (l *Language) Format(e Expr) string {
	switch e.Kind {
	case Duration:
		if s, ok := l.formatPeriod(e.Duration, "duration"); ok {
			return s
		}
		return e.Text
	case Set:
		if strings.HasPrefix(e.Value, "XXXX-WXX-") {
			if n, err := strconv.Atoi(e.Value[len("XXXX-WXX-"):]); err == nil && n >= 1 && n <= 7 {
				return l.fill(l.tmpl("everyWeekday", PrecisionNone), map[string]string{"weekday": l.weekdays[n%7].nom})
			}
		}
		if s, ok := l.formatPeriod(e.Duration, "every"); ok {
			return s
		}
		return e.Text
	case Range:
		a, b, ok := strings.Cut(e.Value, "/")
		da, okA := parseValue(a)
		db, okB := parseValue(b)
		if !ok || !okA || !okB {
			return e.Text
		}
		la, lb := l.label(da, ModNone), l.label(db, ModNone)
		if da.prec == Year && db.prec == Year {
			la, lb = a, b // "2014–2018", never "2014 год–2018 год"
		}
		return l.fill(l.tmpl("range", min(da.prec, db.prec)), map[string]string{"a": la, "b": lb})
	}
	d, ok := parseValue(e.Value)
	if !ok {
		return e.Text
	}
	x := l.label(d, e.Mod)
	switch e.Kind {
	case Since:
		return l.wrap("since", d, x, e.Mod)
	case Until:
		return l.wrap("until", d, x, e.Mod)
	}
	return x
}

// wrap applies a kind layout ("since {x}") to a label.
func (l *Language) wrap(key string, d date, x string, mod Mod) string {
	t := l.tmpl(key, d.prec)
	if mod != ModNone {
		t = l.render[key] // the precision layouts do not know the mod
	}
	if t == "" {
		return x
	}
	ph := l.placeholders(d)
	ph["x"] = x
	return l.fill(t, ph)
}

// label renders a date with its mod.
func (l *Language) label(d date, mod Mod) string {
	key := d.prec.String()
	if d.year == 0 && (d.prec == Day || d.prec == Month || d.prec == Season) {
		key += "NoYear"
	}
	if d.prec == Day && d.month == 0 {
		if d.weekday >= 0 {
			return l.weekdays[d.weekday].nom
		}
		return ""
	}
	ph := l.placeholders(d)
	t := l.tmpl(key, PrecisionNone)
	if d.day == 1 && l.render[key+"1"] != "" {
		t = l.render[key+"1"] // "1er septembre", "1º de mayo"
	}
	base := l.fill(t, ph)
	if mod == ModNone {
		return base
	}
	mk := strings.ToLower(string(mod))
	t = l.tmpl(mk, d.prec)
	if d.prec == Day {
		// "late on Wednesday": only a layout made for days says it well.
		t = l.render[mk+".day"]
	}
	if t == "" {
		return base
	}
	ph["x"] = base
	return l.fill(t, ph)
}

// tmpl finds the layout for key, preferring "key.precision".
func (l *Language) tmpl(key string, p Precision) string {
	if p != PrecisionNone {
		if t, ok := l.render[key+"."+p.String()]; ok {
			return t
		}
	}
	return l.render[key]
}

func (l *Language) placeholders(d date) map[string]string {
	ph := map[string]string{}
	if d.year != 0 {
		ph["y"] = strconv.Itoa(d.year)
	}
	if d.day > 0 {
		ph["d"] = strconv.Itoa(d.day)
	}
	if d.month >= 1 && d.month <= 12 {
		ph["month"] = l.months[d.month-1].nom
		ph["monthGen"] = l.months[d.month-1].gen
	}
	if d.season >= 0 && d.season < 4 {
		ph["season"] = l.seasons[d.season].nom
		ph["seasonGen"] = l.seasons[d.season].gen
	}
	if d.decade >= 0 {
		ph["decade"] = strconv.Itoa(d.decade * 10)
		// Hungarian "1990-es", "1980-as": the ending follows the tens
		// digit, and the hundreds for round centuries.
		sfx := l.render["decadeSuffix."+strconv.Itoa(d.decade%10)]
		if d.decade%10 == 0 && d.decade%100 == 0 {
			sfx = firstNonEmpty(l.render["decadeSuffix.00"], sfx)
		}
		ph["dsfx"] = sfx
	}
	if d.century >= 0 {
		n := d.century + 1
		ph["ord"] = l.ordinal(n)
		ph["roman"] = roman(n)
		ph["start"] = strconv.Itoa(d.century * 100)
	}
	if d.week > 0 {
		ph["w"] = strconv.Itoa(d.week)
	}
	return ph
}

// fill replaces {name} placeholders in t.
func (l *Language) fill(t string, ph map[string]string) string {
	if !strings.Contains(t, "{") {
		return t
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			break
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			break
		}
		b.WriteString(t[:i])
		b.WriteString(ph[t[i+1:i+j]])
		t = t[i+j+1:]
	}
	return strings.TrimSpace(b.String())
}

// formatPeriod renders an ISO period with the "duration" or "every"
// layouts.
func (l *Language) formatPeriod(iso, key string) (string, bool) {
	n, u, ok := parsePeriod(iso)
	if !ok {
		return "", false
	}
	ph := map[string]string{}
	if n < 0 {
		ph["units"] = l.unitLabel(u, "vague")
		if key == "duration" {
			return l.fill(l.tmpl("durationVague", PrecisionNone), ph), true
		}
		n = 1
	}
	ph["n"] = strconv.Itoa(n)
	ph["unit"] = l.unitLabel(u, "one")
	ph["units"] = l.unitLabel(u, l.pluralCategory(n))
	if key == "every" && n == 1 {
		key = "every1"
	}
	return l.fill(l.tmpl(key, PrecisionNone), ph), true
}

func (l *Language) unitLabel(u unit, cat string) string {
	labels := l.units[u]
	for _, c := range []string{cat, "other", "many", "one"} {
		if s, ok := labels[c]; ok {
			return s
		}
	}
	return unitNames[u]
}

// pluralCategory is the CLDR plural category of n for the language's rule.
func (l *Language) pluralCategory(n int) string {
	switch l.plural {
	case "fr":
		if n == 0 || n == 1 {
			return "one"
		}
		return "other"
	case "slavic":
		switch {
		case n%10 == 1 && n%100 != 11:
			return "one"
		case n%10 >= 2 && n%10 <= 4 && (n%100 < 12 || n%100 > 14):
			return "few"
		default:
			return "many"
		}
	case "none":
		return "other"
	}
	if n == 1 {
		return "one"
	}
	return "other"
}

func (l *Language) ordinal(n int) string {
	switch l.ordinalStyle {
	case "en":
		suffix := "th"
		if n%100 < 11 || n%100 > 13 {
			switch n % 10 {
			case 1:
				suffix = "st"
			case 2:
				suffix = "nd"
			case 3:
				suffix = "rd"
			}
		}
		return strconv.Itoa(n) + suffix
	case "dot":
		return strconv.Itoa(n) + "."
	case "roman":
		return roman(n)
	}
	return strconv.Itoa(n)
}

func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// parsePeriod reads the ISO periods this package writes: P6Y, PT24H, P11D,
// P2W, P14M, PXDE, PXY.
func parsePeriod(iso string) (int, unit, bool) {
	s, timePart := strings.CutPrefix(iso, "PT")
	if !timePart {
		var ok bool
		if s, ok = strings.CutPrefix(iso, "P"); !ok {
			return 0, 0, false
		}
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n := -1
	switch {
	case i > 0:
		var err error
		if n, err = strconv.Atoi(s[:i]); err != nil {
			return 0, 0, false
		}
	case strings.HasPrefix(s, "X"):
		i = 1
	default:
		return 0, 0, false
	}
	switch rest := s[i:]; {
	case timePart && rest == "H":
		return n, uHour, true
	case timePart && rest == "M":
		return n, uMinute, true
	case rest == "D":
		return n, uDay, true
	case rest == "W":
		return n, uWeek, true
	case rest == "M":
		return n, uMonth, true
	case rest == "Y":
		return n, uYear, true
	case rest == "DE":
		return n, uDecade, true
	case rest == "CE":
		return n, uCentury, true
	}
	return 0, 0, false
}

// parseValue reads the values this package writes back into date parts.
func parseValue(v string) (date, bool) {
	d := newDate()
	if v == "" {
		return d, false
	}
	if rest, ok := strings.CutPrefix(v, "XXXX-WXX-"); ok {
		n, err := strconv.Atoi(rest)
		if err != nil || n < 1 || n > 7 {
			return d, false
		}
		d.weekday, d.prec = n%7, Day
		return d, true
	}
	year := func(s string) (int, bool) {
		if s == "XXXX" {
			return 0, true
		}
		n, err := strconv.Atoi(s)
		return n, err == nil && len(s) == 4
	}
	switch {
	case len(v) == 4 && strings.HasSuffix(v, "XX"):
		n, err := strconv.Atoi(v[:2])
		d.century, d.prec = n, Century
		return d, err == nil
	case len(v) == 4 && strings.HasSuffix(v, "X"):
		n, err := strconv.Atoi(v[:3])
		d.decade, d.prec = n, Decade
		return d, err == nil
	case len(v) == 4:
		y, ok := year(v)
		d.year, d.prec = y, Year
		return d, ok && y > 0
	}
	if len(v) < 7 || v[4] != '-' {
		return d, false
	}
	y, ok := year(v[:4])
	if !ok {
		return d, false
	}
	d.year = y
	rest := v[5:]
	switch {
	case len(rest) == 2 && rest[0] >= 'A':
		for i, c := range seasonCodes {
			if c == rest {
				d.season, d.prec = i, Season
				return d, true
			}
		}
		return d, false
	case len(rest) == 3 && rest[0] == 'W':
		n, err := strconv.Atoi(rest[1:])
		d.week, d.prec = n, Week
		return d, err == nil
	case len(rest) == 2:
		n, err := strconv.Atoi(rest)
		d.month, d.prec = n, Month
		return d, err == nil && n >= 1 && n <= 12
	case len(rest) == 5 && rest[2] == '-':
		m, err1 := strconv.Atoi(rest[:2])
		dd, err2 := strconv.Atoi(rest[3:])
		d.month, d.day, d.prec = m, dd, Day
		return d, err1 == nil && err2 == nil && validDay(yearOr(y), m, dd)
	}
	return d, false
}

// FormatDate renders a calendar date at day precision ("7 September 2022").
func (l *Language) FormatDate(t time.Time) string {
	return l.label(dateOf(t), ModNone)
}
