package timex

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"time"
)

// Language is the compiled temporal vocabulary of one language, read from
// lang/data/<code>/time.json. It is immutable once loaded and safe for
// concurrent use.
type Language struct {
	// Code is the ISO 639-1 code, e.g. "en".
	Code string

	lex          map[string][]*phrase // keyed by the phrase's first token
	months       [12]label
	weekdays     [7]label // indexed by time.Weekday (Sunday = 0)
	seasons      [4]label
	units        [numUnits]map[string]string // plural category -> label
	suffixes     map[string]suffixRole
	decadeAfter  bool // decades need an after word
	yearFirst    bool // dates may be written year, month, day (Hungarian)
	nounCapitals bool // every noun is capitalised (German)
	hasTo        bool // "from X to Y" has its own words, apart from "between X and Y"
	plural       string
	ordinalStyle string
	render       map[string]string
	contractions [][2]string
	// pastEndings and futureEndings are verb endings that tell a clause's
	// tense (time.json).
	pastEndings, futureEndings []string
}

// label is the name of a month, weekday or season in labels: nom stands
// alone, cases holds the forms a layout asks for by name ("{month@gen}").
type label struct {
	nom   string
	cases map[string]string
}

// form is the name in case cs, or the plain name when the case has no
// form of its own.
func (w label) form(cs string) string {
	if s, ok := w.cases[cs]; ok && cs != "" {
		return s
	}
	return w.nom
}

func newLabel(w wordForms) label {
	lb := label{nom: w.Label, cases: w.Cases}
	if w.Genitive != "" {
		lb.cases = make(map[string]string, len(w.Cases)+1)
		for k, v := range w.Cases {
			lb.cases[k] = v
		}
		lb.cases["gen"] = w.Genitive
	}
	return lb
}

// file is the JSON schema of time.json; see doc.go.
type file struct {
	Code       string               `json:"code"`
	Months     []wordForms          `json:"months"`
	Weekdays   []wordForms          `json:"weekdays"`
	Seasons    []wordForms          `json:"seasons"`
	Ambiguous  []string             `json:"ambiguous"`
	Units      map[string]unitForms `json:"units"`
	Numbers    map[string]int       `json:"numbers"`
	Indefinite []string             `json:"indefinite"`
	Vague      []string             `json:"vague"`
	Ordinals   map[string]int       `json:"ordinals"`
	Suffixes   struct {
		Ordinal []string `json:"ordinal"`
		In      []string `json:"in"`
		Since   []string `json:"since"`
		Until   []string `json:"until"`
	} `json:"suffixes"`
	Relative []struct {
		Text    string `json:"text"`
		Unit    string `json:"unit"`
		Season  string `json:"season"`
		Weekday string `json:"weekday"`
		N       int    `json:"n"`
		// Anaphoric phrases count from the previous date: "the next day".
		Anaphoric bool `json:"anaphoric"`
	} `json:"relative"`
	Deictic       map[string]int      `json:"deictic"`
	Shift         map[string]position `json:"shift"`
	Preps         map[string][]string `json:"preps"`
	Postpositions map[string][]string `json:"postpositions"`
	Mods          map[string][]string `json:"mods"`
	ModsAfter     map[string][]string `json:"modsAfter"`
	Articles      []string            `json:"articles"`
	Connectors    []string            `json:"connectors"`
	YearWords     position            `json:"yearWords"`
	DayWords      []string            `json:"dayWords"`
	ClockPreps    []string            `json:"clockPreps"`
	Decade        struct {
		Suffixes []string `json:"suffixes"`
		Before   []string `json:"before"`
		After    []string `json:"after"`
		// NeedAfter: a suffixed number is a decade only with an after
		// word ("1990-es évek"), as the suffix alone also makes adjectives.
		NeedAfter bool `json:"needAfter"`
	} `json:"decade"`
	TimeWords  []string `json:"timeWords"`
	PartsOfDay []string `json:"partsOfDay"`
	Future     []string `json:"future"`
	// Past words mark a clause told in the past ("had", "était", "hatte");
	// a word ending in one of PastEndings ("-ed", "-ait", "-ала") or
	// FutureEndings ("-ra", "-rá") does so too. A yearless month in a
	// clause in the past follows the story's last date; in one in the
	// future, it is the next one after the reference.
	Past           []string          `json:"past"`
	PastEndings    []string          `json:"pastEndings"`
	FutureEndings  []string          `json:"futureEndings"`
	DurationOf     []string          `json:"durationOf"`
	Approx         []string          `json:"approx"`
	Sets           map[string]string `json:"sets"`
	FixedDurations map[string]string `json:"fixedDurations"`
	// Reporting verbs ("said", "a déclaré", "közölte"): a date told with
	// one is when the news was told, not when its events happened.
	Reporting []string `json:"reporting"`
	// Habitual words ("usually", "often", "now"): a month or season
	// without a year in their clause recurs rather than happened once.
	Habitual []string `json:"habitual"`
	// ThisPart words take, before "this year/month/week/summer", the
	// part of it before or after the reference: "earlier this year",
	// "later this month", "plus tôt cette année".
	ThisPart     position          `json:"thisPart"`
	YearFirst    bool              `json:"yearFirst"`
	NounCapitals bool              `json:"nounCapitals"`
	Plural       string            `json:"plural"`
	OrdinalStyle string            `json:"ordinalStyle"`
	Render       map[string]string `json:"render"`
	Contractions [][2]string       `json:"contractions"`
}

type wordForms struct {
	Label    string `json:"label"`
	Genitive string `json:"genitive"`
	// Cases are further forms for labels, by the case names the render
	// layouts use ("det": "l'été", "ig": "nyárig").
	Cases map[string]string `json:"cases"`
	Forms []string          `json:"forms"`
	Abbr  []string          `json:"abbr"`
	// In are the forms that carry "in" themselves, as a preposition
	// would: Russian "летом" (in summer), Hungarian "nyáron".
	In []string `json:"in"`
}

type unitForms struct {
	Singular []string          `json:"singular"`
	Plural   []string          `json:"plural"`
	Ago      []string          `json:"ago"`
	Every    []string          `json:"every"`
	For      []string          `json:"for"`
	Labels   map[string]string `json:"labels"`
}

type position struct {
	Before []string `json:"before"`
	After  []string `json:"after"`
}

// unit is a calendar unit named in text.
type unit int

const (
	uMinute unit = iota
	uHour
	uDay
	uWeek
	uMonth
	uYear
	uDecade
	uCentury
	numUnits
)

var unitNames = [numUnits]string{"minute", "hour", "day", "week", "month", "year", "decade", "century"}

// precision is the precision of a point shifted by a whole number of u.
func (u unit) precision() Precision {
	switch u {
	case uMinute, uHour, uDay, uWeek:
		return Day
	case uMonth:
		return Month
	case uYear:
		return Year
	case uDecade:
		return Decade
	default:
		return Century
	}
}

// shiftUnit is the Precision recorded in Shift.Unit for u.
func (u unit) shiftUnit() Precision {
	switch u {
	case uMinute, uHour:
		return Time
	case uWeek:
		return Week
	default:
		return u.precision()
	}
}

// isoDuration renders n u as an ISO 8601 period; n < 0 means unknown (X).
func (u unit) isoDuration(n int) string {
	c := "X"
	if n >= 0 {
		c = fmt.Sprint(n)
	}
	switch u {
	case uMinute:
		return "PT" + c + "M"
	case uHour:
		return "PT" + c + "H"
	case uDay:
		return "P" + c + "D"
	case uWeek:
		return "P" + c + "W"
	case uMonth:
		return "P" + c + "M"
	case uYear:
		return "P" + c + "Y"
	case uDecade:
		if n >= 0 {
			return fmt.Sprintf("P%dY", n*10)
		}
		return "PXDE"
	default:
		if n >= 0 {
			return fmt.Sprintf("P%dY", n*100)
		}
		return "PXCE"
	}
}

type category uint8

const (
	cMonth category = iota + 1
	cWeekday
	cSeason
	cUnit
	cNumber
	cVague
	cOrdinal
	cRelative
	cDeictic
	cShift
	cPoint
	cSince
	cUntil
	cBetween
	cFrom
	cAnd
	cTo
	cWithin
	cFor
	cEvery
	cPostSince
	cPostUntil
	cPostWithin
	cPostFor
	cPostBetween
	cClock
	cMod
	cModAfter
	cArticle
	cConnector
	cYearBefore
	cYearAfter
	cDayWord
	cDecadeBefore
	cDecadeAfter
	cTimeWord
	cPartOfDay
	cFuture
	cPast
	cDurationOf
	cApprox
	cSet
	cFixedDuration
	cReporting
	cHabitual
	cThisPart
)

// Entry flags.
const (
	fAbbr       = 1 << iota // month or weekday abbreviation: needs a number beside it
	fAmbiguous              // also an ordinary word: needs a number or a trigger beside it
	fPlural                 // plural unit form
	fIndefinite             // number that is an indefinite article ("a", "un")
	fUnitAgo                // unit form that means "... ago" by itself (Hungarian "éve")
	fUnitEvery              // unit form that means "every ..." (Hungarian "naponta")
	fUnitFor                // unit form that means "for ..." (Hungarian "évig")
	fAfter                  // shift word placed after the amount
	fAnaphoric              // relative phrase counted from the previous date ("the next day")
	fIn                     // form that carries "in" itself ("летом": in summer)
	fOnward                 // since word that starts a period to come ("ab Donnerstag")
)

// Shift roles, stored in entry.val for cShift.
const (
	shiftAgo     = iota // before the reference date
	shiftHence          // after the reference date
	shiftEarlier        // before the previous date
	shiftLater          // after the previous date
)

type entry struct {
	cat   category
	flags uint16
	val   int    // month 1-12, weekday 0-6, season 0-3, unit, number, offset, shift role, mod index
	val2  int    // relative: the target kind; see relTarget
	n     int    // relative: offset
	str   string // ISO period for sets and fixed durations
}

// relTarget says what a fixed relative phrase points at.
const (
	relUnit = iota
	relSeason
	relWeekday
)

type phrase struct {
	words   []string
	entries []entry
}

type suffixRole uint8

const (
	sfOrdinal suffixRole = 1 << iota
	sfDecade
	sfIn
	sfSince
	sfUntil
)

var modOrder = []Mod{ModEarly, ModMid, ModLate, ModStart, ModEnd}

// LoadLanguages reads data/*/time.json from fsys (lang.Data in production)
// and returns the languages by code (OpenLanguages reads each on first
// use instead).
func LoadLanguages(fsys fs.FS) (map[string]*Language, error) {
	s, err := OpenLanguages(fsys)
	if err != nil {
		return nil, err
	}
	return s.All()
}

// ParseLanguage compiles one time.json document. Lines whose first
// non-blank character is # are comments.
func ParseLanguage(code string, data []byte) (*Language, error) {
	var f file
	dec := json.NewDecoder(bytes.NewReader(stripComments(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse time.json: %w", err)
	}
	if f.Code != "" && f.Code != code {
		return nil, fmt.Errorf("code %q in a file for %q", f.Code, code)
	}
	if len(f.Months) != 12 || len(f.Weekdays) != 7 || len(f.Seasons) != 4 {
		return nil, fmt.Errorf("need 12 months, 7 weekdays and 4 seasons, have %d, %d and %d",
			len(f.Months), len(f.Weekdays), len(f.Seasons))
	}
	l := &Language{
		Code:         code,
		lex:          make(map[string][]*phrase),
		suffixes:     make(map[string]suffixRole),
		plural:       f.Plural,
		ordinalStyle: f.OrdinalStyle,
		render:       f.Render,
		contractions: f.Contractions,
	}
	ambiguous := make(map[string]bool, len(f.Ambiguous))
	for _, w := range f.Ambiguous {
		ambiguous[strings.ToLower(w)] = true
	}
	b := builder{l: l}
	addForms := func(c category, val int, w wordForms) {
		for _, s := range w.Forms {
			var fl uint16
			if ambiguous[strings.ToLower(s)] {
				fl |= fAmbiguous
			}
			b.add(s, entry{cat: c, val: val, flags: fl})
		}
		for _, s := range w.Abbr {
			b.add(s, entry{cat: c, val: val, flags: fAbbr})
		}
		for _, s := range w.In {
			b.add(s, entry{cat: c, val: val, flags: fIn})
		}
	}
	for i, m := range f.Months {
		l.months[i] = newLabel(m)
		addForms(cMonth, i+1, m)
	}
	for i, w := range f.Weekdays {
		wd := (i + 1) % 7 // Monday first in the file, Sunday = 0 in time.Weekday
		l.weekdays[wd] = newLabel(w)
		addForms(cWeekday, wd, w)
	}
	for i, s := range f.Seasons {
		l.seasons[i] = newLabel(s)
		addForms(cSeason, i, s)
	}
	for _, name := range sortedKeys(f.Units) {
		u := f.Units[name]
		ui := slices.Index(unitNames[:], name)
		if ui < 0 {
			return nil, fmt.Errorf("unknown unit %q", name)
		}
		l.units[ui] = u.Labels
		for _, s := range u.Singular {
			b.add(s, entry{cat: cUnit, val: ui})
		}
		for _, s := range u.Plural {
			b.add(s, entry{cat: cUnit, val: ui, flags: fPlural})
		}
		for _, s := range u.Ago {
			b.add(s, entry{cat: cUnit, val: ui, flags: fUnitAgo})
		}
		for _, s := range u.Every {
			b.add(s, entry{cat: cUnit, val: ui, flags: fUnitEvery})
		}
		for _, s := range u.For {
			b.add(s, entry{cat: cUnit, val: ui, flags: fUnitFor})
		}
	}
	indefinite := make(map[string]bool)
	for _, s := range f.Indefinite {
		indefinite[strings.ToLower(s)] = true
	}
	for _, s := range sortedKeys(f.Numbers) {
		n := f.Numbers[s]
		var fl uint16
		if indefinite[strings.ToLower(s)] {
			fl = fIndefinite
		}
		b.add(s, entry{cat: cNumber, val: n, flags: fl})
	}
	b.addAll(f.Vague, entry{cat: cVague})
	for _, s := range sortedKeys(f.Ordinals) {
		n := f.Ordinals[s]
		b.add(s, entry{cat: cOrdinal, val: n})
	}
	for _, r := range f.Relative {
		e := entry{cat: cRelative, n: r.N}
		if r.Anaphoric {
			e.flags |= fAnaphoric
		}
		switch {
		case r.Season != "" && r.Unit == "year":
			si := slices.Index([]string{"spring", "summer", "autumn", "winter"}, r.Season)
			if si < 0 {
				return nil, fmt.Errorf("relative %q: unknown season %q", r.Text, r.Season)
			}
			e.val2, e.val = relSeasonYear, si
		case r.Unit != "":
			ui := slices.Index(unitNames[:], r.Unit)
			if ui < 0 {
				return nil, fmt.Errorf("relative %q: unknown unit %q", r.Text, r.Unit)
			}
			e.val2, e.val = relUnit, ui
		case r.Season != "":
			si := slices.Index([]string{"spring", "summer", "autumn", "winter"}, r.Season)
			if si < 0 {
				return nil, fmt.Errorf("relative %q: unknown season %q", r.Text, r.Season)
			}
			e.val2, e.val = relSeason, si
		case r.Weekday != "":
			wi := slices.Index([]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}, r.Weekday)
			if wi < 0 {
				return nil, fmt.Errorf("relative %q: unknown weekday %q", r.Text, r.Weekday)
			}
			e.val2, e.val = relWeekday, wi
		default:
			return nil, fmt.Errorf("relative %q: needs unit, season or weekday", r.Text)
		}
		b.add(r.Text, e)
	}
	for _, s := range sortedKeys(f.Deictic) {
		n := f.Deictic[s]
		b.add(s, entry{cat: cDeictic, val: n})
	}
	for role, name := range []string{"ago", "hence", "earlier", "later"} {
		p := f.Shift[name]
		b.addAll(p.Before, entry{cat: cShift, val: role})
		b.addAll(p.After, entry{cat: cShift, val: role, flags: fAfter})
	}
	prepCats := map[string]category{
		"point": cPoint, "since": cSince, "until": cUntil, "between": cBetween, "from": cFrom,
		"and": cAnd, "to": cTo, "within": cWithin, "for": cFor, "every": cEvery,
		"onward": cSince,
	}
	for _, name := range sortedKeys(f.Preps) {
		words := f.Preps[name]
		c, ok := prepCats[name]
		if !ok {
			return nil, fmt.Errorf("unknown preposition role %q", name)
		}
		var fl uint16
		if name == "onward" {
			fl = fOnward
		}
		b.addAll(words, entry{cat: c, flags: fl})
		if c == cTo && len(words) > 0 {
			l.hasTo = true
		}
	}
	postCats := map[string]category{"since": cPostSince, "until": cPostUntil, "within": cPostWithin, "for": cPostFor, "between": cPostBetween}
	for _, name := range sortedKeys(f.Postpositions) {
		words := f.Postpositions[name]
		c, ok := postCats[name]
		if !ok {
			return nil, fmt.Errorf("unknown postposition role %q", name)
		}
		b.addAll(words, entry{cat: c})
	}
	for _, name := range sortedKeys(f.Mods) {
		words := f.Mods[name]
		mi := slices.Index(modOrder, Mod(name))
		if mi < 0 {
			return nil, fmt.Errorf("unknown mod %q", name)
		}
		b.addAll(words, entry{cat: cMod, val: mi})
	}
	for _, name := range sortedKeys(f.ModsAfter) {
		words := f.ModsAfter[name]
		mi := slices.Index(modOrder, Mod(name))
		if mi < 0 {
			return nil, fmt.Errorf("unknown mod %q", name)
		}
		b.addAll(words, entry{cat: cModAfter, val: mi})
	}
	b.addAll(f.Articles, entry{cat: cArticle})
	b.addAll(f.Connectors, entry{cat: cConnector})
	b.addAll(f.YearWords.Before, entry{cat: cYearBefore})
	b.addAll(f.YearWords.After, entry{cat: cYearAfter})
	b.addAll(f.DayWords, entry{cat: cDayWord})
	b.addAll(f.ClockPreps, entry{cat: cClock})
	l.decadeAfter = f.Decade.NeedAfter
	l.yearFirst = f.YearFirst
	l.nounCapitals = f.NounCapitals
	b.addAll(f.Decade.Before, entry{cat: cDecadeBefore})
	b.addAll(f.Decade.After, entry{cat: cDecadeAfter})
	b.addAll(f.TimeWords, entry{cat: cTimeWord})
	b.addAll(f.PartsOfDay, entry{cat: cPartOfDay})
	b.addAll(f.Future, entry{cat: cFuture})
	b.addAll(f.Past, entry{cat: cPast})
	l.pastEndings, l.futureEndings = lowerAll(f.PastEndings), lowerAll(f.FutureEndings)
	b.addAll(f.DurationOf, entry{cat: cDurationOf})
	b.addAll(f.Approx, entry{cat: cApprox})
	for _, s := range sortedKeys(f.Sets) {
		iso := f.Sets[s]
		b.add(s, entry{cat: cSet, str: iso})
	}
	for _, s := range sortedKeys(f.FixedDurations) {
		iso := f.FixedDurations[s]
		b.add(s, entry{cat: cFixedDuration, str: iso})
	}
	b.addAll(f.Reporting, entry{cat: cReporting})
	b.addAll(f.Habitual, entry{cat: cHabitual})
	b.addAll(f.ThisPart.Before, entry{cat: cThisPart, val: -1})
	b.addAll(f.ThisPart.After, entry{cat: cThisPart, val: 1})
	addSuffix := func(words []string, r suffixRole) {
		for _, w := range words {
			if w != "." {
				w = strings.TrimLeft(w, "-':")
			}
			l.suffixes[strings.ToLower(w)] |= r
		}
	}
	addSuffix(f.Suffixes.Ordinal, sfOrdinal)
	addSuffix(f.Decade.Suffixes, sfDecade)
	addSuffix(f.Suffixes.In, sfIn)
	addSuffix(f.Suffixes.Since, sfSince)
	addSuffix(f.Suffixes.Until, sfUntil)
	if b.err != nil {
		return nil, b.err
	}
	// Longest phrases first, so that the first match of a category is the
	// longest one.
	for _, ps := range l.lex {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	if l.render == nil {
		l.render = map[string]string{}
	}
	return l, nil
}

type builder struct {
	l   *Language
	err error
}

func (b *builder) addAll(words []string, e entry) {
	for _, w := range words {
		b.add(w, e)
	}
}

// add files e under the tokens of s. Phrases that share their tokens share
// one *phrase, so that every entry of a span is found with one lookup.
func (b *builder) add(s string, e entry) {
	toks := tokenize(s, nil)
	if len(toks) == 0 {
		if b.err == nil {
			b.err = fmt.Errorf("empty phrase in category %d", e.cat)
		}
		return
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.text
	}
	for _, p := range b.l.lex[words[0]] {
		if slices.Equal(p.words, words) {
			p.entries = append(p.entries, e)
			return
		}
	}
	b.l.lex[words[0]] = append(b.l.lex[words[0]], &phrase{words: words, entries: []entry{e}})
}

// stripComments blanks lines whose first non-blank character is #, keeping
// line numbers for JSON error messages.
func stripComments(data []byte) []byte {
	lines := bytes.Split(data, []byte("\n"))
	for i, ln := range lines {
		if t := bytes.TrimSpace(ln); len(t) > 0 && t[0] == '#' {
			lines[i] = nil
		}
	}
	return bytes.Join(lines, []byte("\n"))
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// MonthName is the standalone name of m ("September", "сентябрь").
func (l *Language) MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return l.months[m-1].nom
}

// Weekday is the name of t's weekday ("Wednesday", "mercredi").
func (l *Language) Weekday(t time.Time) string {
	return l.weekdays[t.Weekday()].nom
}

// sortedKeys makes the lexicon independent of map order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// IsMonth reports whether word, in any case, is a name or abbreviation of
// a month in the language ("Oktober", "сентября", "sept."): after "3." a
// month name makes the dot an ordinal's, not a full stop.
func (l *Language) IsMonth(word string) bool {
	w := strings.ToLower(word)
	for _, p := range l.lex[w] {
		if len(p.words) != 1 {
			continue
		}
		for _, e := range p.entries {
			if e.cat == cMonth {
				return true
			}
		}
	}
	return false
}

// DotOrdinals reports whether the language writes ordinals with a full
// stop ("am 3. Oktober", "den 3. mai"), so that a number and a dot need not
// end a sentence.
func (l *Language) DotOrdinals() bool { return l.suffixes["."]&sfOrdinal != 0 }

func lowerAll(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = strings.ToLower(w)
	}
	return out
}

// Unit returns the precision of a calendar unit word of the language
// ("year", "años", "Monat", "часов"): Year for a year, Time for hours and
// minutes. ok is false for any other word.
func (l *Language) Unit(word string) (p Precision, ok bool) {
	toks := tokenize(word, nil)
	if len(toks) == 1 && toks[0].kind != tWord {
		return PrecisionNone, false
	}
	if len(toks) != 1 {
		return PrecisionNone, false
	}
	for _, ph := range l.lex[toks[0].text] {
		if len(ph.words) != 1 {
			continue
		}
		for _, e := range ph.entries {
			if e.cat == cUnit && e.val >= 0 && e.val < int(numUnits) {
				return unitPrecision(unit(e.val)), true
			}
		}
	}
	return PrecisionNone, false
}
