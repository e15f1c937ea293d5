package timex

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Format renders e as a short localised label: "7 September 2022",
// "July 2022", "early 1990s", "since the late 1990s", "summer 2022",
// "24 hours", "every 11 days", "every July", "April–June 2024". An
// expression without a value renders as its text.
//
// Labels are built from the render layouts of time.json. A placeholder may
// name a grammatical case: "с {x@gen}" renders the inner label with the
// layouts "key@gen" ("year@gen": "{y} года"), and "{month@gen}" takes the
// month's "gen" form; a case with no layout of its own falls back to the
// plain one. The language's contractions ("à le " -> "au ") are applied
// last, so layouts may join a preposition and an article as the grammar
// does and let the spelling fuse them.
func (l *Language) Format(e Expr) string {
	return l.contract(l.format(e))
}

func (l *Language) format(e Expr) string {
	switch e.Kind {
	case Duration:
		if s, ok := l.formatPeriod(e.Duration, "duration"); ok {
			return s
		}
		return e.Text
	case Set:
		if d, ok := parseValue(e.Value); ok && d.prec == Day && d.month == 0 && d.weekday >= 0 {
			return l.fill(l.tmpl("everyWeekday", PrecisionNone), l.dateVars(d, nil))
		}
		if d, ok := parseValue(e.Value); ok && d.year == 0 && (d.prec == Month || d.prec == Season) {
			// A recurring month or season: "every July", "every summer".
			if t := l.tmpl("everyDate", d.prec); t != "" {
				return l.fill(t, l.dateVars(d, func(cs string) string { return l.label(d, e.Mod, cs) }))
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
		// One year for both ends: "April–June 2024", "2024. április–június".
		// A year-first season keeps its year, as it owns the season:
		// "2024 tavasza–2024 nyara", not "2024 tavasza–nyár".
		if da.year != 0 && da.year == db.year && da.prec >= Season && db.prec >= Season {
			switch {
			case !l.yearFirst:
				da.year = 0
			case da.prec != Season && db.prec != Season:
				db.year = 0
			}
		}
		la, lb := l.label(da, ModNone, ""), l.label(db, ModNone, "")
		if da.prec == Year && db.prec == Year {
			la, lb = a, b // "2014–2018", never "2014 год–2018 год"
		}
		return l.fill(l.tmpl("range", min(da.prec, db.prec)), func(name string) string {
			switch name {
			case "a":
				return la
			case "b":
				return lb
			}
			return ""
		})
	}
	d, ok := parseValue(e.Value)
	if !ok {
		return e.Text
	}
	switch e.Kind {
	case Since:
		return l.wrap("since", d, e.Mod)
	case Until:
		return l.wrap("until", d, e.Mod)
	}
	return l.label(d, e.Mod, "")
}

// wrap applies a kind layout ("since {x}", "с {x@gen}") to a date. A
// layout for the kind and precision ("until.year": "jusqu'en {y}") serves
// dates without a mod only, as it does not know the mod.
func (l *Language) wrap(key string, d date, mod Mod) string {
	t := ""
	if mod == ModNone {
		t = l.render[key+"."+d.prec.String()]
	}
	if t == "" {
		t = l.render[key]
	}
	inner := func(cs string) string { return l.label(d, mod, cs) }
	if t == "" {
		return inner("")
	}
	return l.fill(t, l.dateVars(d, inner))
}

// label renders a date with its mod in grammatical case cs ("" is the
// standalone form).
func (l *Language) label(d date, mod Mod, cs string) string {
	if d.prec == Day && d.month == 0 {
		if d.weekday < 0 {
			return ""
		}
		if t := l.layout("weekday", PrecisionNone, cs); t != "" {
			return l.fill(t, l.dateVars(d, nil))
		}
		return l.weekdays[d.weekday].form(cs)
	}
	key := d.prec.String()
	if d.year == 0 && (d.prec == Day || d.prec == Month || d.prec == Season) {
		key += "NoYear"
	}
	t := l.layout(key, PrecisionNone, cs)
	if d.day == 1 {
		// "1er septembre", "1º de mayo"
		if t1 := l.layout(key+"1", PrecisionNone, cs); t1 != "" {
			t = t1
		}
	}
	base := func(c string) string {
		if c == cs {
			return l.fill(t, l.dateVars(d, nil))
		}
		return l.label(d, ModNone, c)
	}
	if mod == ModNone {
		return base(cs)
	}
	mk := strings.ToLower(string(mod))
	var mt string
	if d.prec == Day {
		// "late on Wednesday": only a layout made for days says it well.
		mt = l.layout(mk+".day", PrecisionNone, cs)
	} else {
		mt = l.layout(mk, d.prec, cs)
	}
	if mt == "" {
		return base(cs)
	}
	return l.fill(mt, l.dateVars(d, base))
}

// layout finds the layout for key in case cs, preferring the most
// specific: "key.precision@case", "key@case", "key.precision", "key". The
// case comes first because it is grammar, where the precision is style.
func (l *Language) layout(key string, p Precision, cs string) string {
	ps := ""
	if p != PrecisionNone {
		ps = "." + p.String()
	}
	if cs != "" {
		if ps != "" {
			if t, ok := l.render[key+ps+"@"+cs]; ok {
				return t
			}
		}
		if t, ok := l.render[key+"@"+cs]; ok {
			return t
		}
	}
	if ps != "" {
		if t, ok := l.render[key+ps]; ok {
			return t
		}
	}
	return l.render[key]
}

// tmpl finds the layout for key, preferring "key.precision".
func (l *Language) tmpl(key string, p Precision) string {
	return l.layout(key, p, "")
}

// dateVars resolves the placeholders of a date layout; inner renders {x}
// and {x@case}.
func (l *Language) dateVars(d date, inner func(cs string) string) func(string) string {
	return func(name string) string {
		base, cs, _ := strings.Cut(name, "@")
		switch base {
		case "x":
			if inner != nil {
				return inner(cs)
			}
		case "y":
			if d.year != 0 {
				return strconv.Itoa(d.year)
			}
		case "d":
			if d.day > 0 {
				return strconv.Itoa(d.day)
			}
		case "month", "monthGen":
			if d.month >= 1 && d.month <= 12 {
				if base == "monthGen" {
					cs = "gen"
				}
				return l.months[d.month-1].form(cs)
			}
		case "season", "seasonGen":
			if d.season >= 0 && d.season < 4 {
				if base == "seasonGen" {
					cs = "gen"
				}
				return l.seasons[d.season].form(cs)
			}
		case "weekday":
			if d.weekday >= 0 && d.weekday < 7 {
				return l.weekdays[d.weekday].form(cs)
			}
		case "decade":
			if d.decade >= 0 {
				return strconv.Itoa(d.decade * 10)
			}
		case "dsfx":
			if d.decade >= 0 {
				// Hungarian "1990-es", "1980-as": the ending follows the
				// tens digit, and the hundreds for round centuries.
				sfx := l.render["decadeSuffix."+strconv.Itoa(d.decade%10)]
				if d.decade%100 == 0 {
					sfx = firstNonEmpty(l.render["decadeSuffix.00"], sfx)
				}
				return sfx
			}
		case "ord", "roman", "start":
			if d.century >= 0 {
				n := d.century + 1
				switch base {
				case "ord":
					return l.ordinal(n)
				case "roman":
					return roman(n)
				}
				return strconv.Itoa(d.century * 100)
			}
		case "w":
			if d.week > 0 {
				return strconv.Itoa(d.week)
			}
		}
		return ""
	}
}

// fill replaces {name} placeholders in t with vars(name) and trims the
// result, so that an empty placeholder at either end leaves no space.
func (l *Language) fill(t string, vars func(string) string) string {
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
		b.WriteString(vars(t[i+1 : i+j]))
		t = t[i+j+1:]
	}
	return collapseSpaces(b.String())
}

// collapseSpaces trims s and folds runs of spaces, left where a
// placeholder was empty ("{d} {month} {y}" without a year).
func collapseSpaces(s string) string {
	s = strings.Trim(s, " ")
	for strings.Contains(s, "  ") {
		s = strings.ReplaceAll(s, "  ", " ")
	}
	return s
}

// contract applies the language's contractions to a finished label, in
// their order, wherever one starts a word: "jusqu'à le printemps" ->
// "jusqu'au printemps", "fino a la fine di il 2026" -> "fino alla fine
// del 2026".
func (l *Language) contract(s string) string {
	for _, c := range l.contractions {
		from, to := c[0], c[1]
		if from == "" || !strings.Contains(s, from) {
			continue
		}
		var b strings.Builder
		for {
			i := strings.Index(s, from)
			if i < 0 {
				b.WriteString(s)
				break
			}
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			if i == 0 || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteString(s[:i])
				b.WriteString(to)
			} else {
				b.WriteString(s[:i+len(from)])
			}
			s = s[i+len(from):]
		}
		s = b.String()
	}
	return s
}

// formatPeriod renders an ISO period with the "duration" or "every"
// layouts; "key.unit" ("every1.week": "каждую неделю") overrides "key",
// for languages whose words agree with the unit's gender.
func (l *Language) formatPeriod(iso, key string) (string, bool) {
	n, u, ok := parsePeriod(iso)
	if !ok {
		return "", false
	}
	vars := map[string]string{}
	if n < 0 {
		vars["units"] = l.unitLabel(u, "vague")
		if key == "duration" {
			key = "durationVague"
		} else {
			n = 1
		}
	}
	if n >= 0 {
		vars["n"] = strconv.Itoa(n)
		vars["ord"] = l.ordinal(n)
		vars["unit"] = l.unitLabel(u, "one")
		vars["units"] = l.unitLabel(u, l.pluralCategory(n))
	}
	if key == "every" && n == 1 {
		key = "every1"
	}
	t := firstNonEmpty(l.render[key+"."+unitNames[u]], l.render[key])
	return l.fill(t, func(name string) string { return vars[name] }), true
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
	case "sv":
		// Swedish "1:a", "2:a", "3:e", "11:e", "21:a".
		if k := n % 100; (n%10 == 1 || n%10 == 2) && k != 11 && k != 12 {
			return strconv.Itoa(n) + ":a"
		}
		return strconv.Itoa(n) + ":e"
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
	return l.contract(l.label(dateOf(t), ModNone, ""))
}
