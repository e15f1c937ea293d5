package corpus

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// A FactExtractor finds the facts of every sentence of an article: numbers
// with their units, names and their kinds, acronyms with their expansions,
// and who is quoted. It works on the whole article at once because a name's
// capitalisation elsewhere in the article, and the person last named, decide
// what a word is and who "he" is.
type FactExtractor struct {
	speech, pronoun, org, title, connector, expansion, placePrep, nonUnit, currency, clock, ordinal, opener, determiner map[string]bool
	multiplier                                                                                                          map[string]float64
	partOf                                                                                                              map[string]bool // "of the" in "420 of the 1,850 jobs"

	// decimalComma: "40,5" is forty and a half, and "1.850" a thousand
	// and more; otherwise "1,850" is and "2.5" is two and a half.
	decimalComma bool
	// groupSpace: a space may group digits ("1 850"), as no-break spaces
	// always may.
	groupSpace bool
	// nounCapitals: the language writes every noun with a capital
	// (German), so a capital alone does not make a name.
	nounCapitals bool

	// Stopword reports the language's stop words: at the start of a
	// sentence they are never names, and after a number never what it
	// counts. Optional.
	Stopword func(string) bool
	// CommonNoun reports words the language's lexicon knows as ordinary
	// words, for languages that capitalise nouns: "Gewerkschaft" is no
	// name. Optional.
	CommonNoun func(string) bool

	// NumberWords maps number words of the article's language ("seven",
	// "forty", "thousand") to their value. Optional.
	NumberWords map[string]float64
	// Places holds lower-case names of countries, regions and cities, so
	// that a name can be told to be a place. Optional.
	Places map[string]bool
	// Stem reduces a lower-case word to its stem, so that the inflected
	// forms of a place are known as one ("Заречинска", "в
	// Заречинске"). Optional: without it a word is its own stem.
	Stem func(string) string
	// placeStems holds the stems of the one-word Places (usePlaceStems).
	placeStems map[string]bool
	// Dates finds the temporal expressions of each sentence. Optional:
	// without it, only four-digit years are found.
	Dates DateFinder
}

// TimexDates finds dates with a timex.Resolver, anchored on what the page
// says of its own date: the date line, the dateline and the photo caption.
type TimexDates struct {
	Resolver *timex.Resolver
}

// FindDates implements DateFinder.
func (t TimexDates) FindDates(a *Article) ([][]timex.Expr, timex.Ref, string) {
	sentences := make([]string, len(a.Sentences))
	for i, s := range a.Sentences {
		sentences[i] = s.Text
	}
	var anchors []string
	for _, m := range []string{a.Meta.Published, a.Meta.Dateline, a.Meta.Caption} {
		if m != "" {
			anchors = append(anchors, m)
		}
	}
	doc := t.Resolver.Document(anchors, sentences)
	return doc.Sentences, doc.Ref, doc.RefReason
}

// A DateFinder finds temporal expressions in an article's sentences. It is
// an interface so that corpus does not decide how dates are resolved.
type DateFinder interface {
	// FindDates returns, for each sentence of a, its temporal expressions
	// with offsets into the sentence, and the date the article is written
	// from (its reference date) with the reason for it.
	FindDates(a *Article) (dates [][]timex.Expr, ref timex.Ref, why string)
}

// NewFactExtractor returns a FactExtractor with the embedded English word
// lists.
func NewFactExtractor() (*FactExtractor, error) { return NewFactExtractorFor(lang.Data, "en") }

// NewFactExtractorFor returns a FactExtractor with the word lists of
// data/<code>/facts.txt in fsys (laid out as lang.Data). A language
// without the file gets empty lists: numbers, acronyms and capitalised
// names are still found.
func NewFactExtractorFor(fsys fs.FS, code string) (*FactExtractor, error) {
	text, err := readLangData(fsys, code, "facts.txt")
	if err != nil {
		return nil, err
	}
	lists := map[string][]string{}
	for _, l := range dataLines(text) {
		name, words, ok := strings.Cut(l, "\t")
		if !ok {
			return nil, fmt.Errorf("%s/facts.txt: want list<TAB>words in %q", code, l)
		}
		lists[name] = append(lists[name], strings.Split(words, "|")...)
	}
	set := func(name string) map[string]bool {
		m := map[string]bool{}
		for _, w := range lists[name] {
			m[strings.TrimSpace(w)] = true
		}
		return m
	}
	x := &FactExtractor{
		speech: set("speech"), pronoun: set("pronoun"), org: set("org"), title: set("title"),
		connector: set("connector"), expansion: set("expansion"), placePrep: set("place_prep"),
		nonUnit: set("nonunit"), currency: set("currency"), clock: set("clock"), ordinal: set("not_quantity_suffix"), opener: set("opener"),
		determiner: set("determiner"), partOf: set("part_of"),
		multiplier: map[string]float64{},
	}
	for _, f := range lists["number_format"] {
		switch strings.TrimSpace(f) {
		case "decimal_comma":
			x.decimalComma = true
		case "group_space":
			x.groupSpace = true
		case "":
		default:
			return nil, fmt.Errorf("%s/facts.txt: unknown number_format %q", code, f)
		}
	}
	for _, f := range lists["flags"] {
		switch strings.TrimSpace(f) {
		case "noun_capitals":
			x.nounCapitals = true
		case "":
		default:
			return nil, fmt.Errorf("%s/facts.txt: unknown flag %q", code, f)
		}
	}
	for _, m := range lists["multiplier"] {
		w, v, _ := strings.Cut(m, "=")
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return nil, fmt.Errorf("%s/facts.txt: multiplier %q: %w", code, m, err)
		}
		x.multiplier[w] = f
	}
	return x, nil
}

// Extract fills in the facts of every sentence of a, and a.Acronyms.
func (x *FactExtractor) Extract(a *Article) {
	toks := x.tokenizeAll(a.Sentences)
	words := 0
	for _, ts := range toks {
		words += len(ts)
	}
	caps := make(capitalisation, words/2) // room for the distinct words, about half the words of a news article
	for _, ts := range toks {
		caps.count(ts)
	}
	var dates [][]timex.Expr
	if x.Dates != nil {
		dates, a.Reference, a.ReferenceReason = x.Dates.FindDates(a)
	}
	a.Acronyms = map[string]string{}
	places := x.placeForms(toks)
	var persons []string // people named so far, most recent last
	for i := range a.Sentences {
		s := &a.Sentences[i]
		f := &s.Facts
		if dates != nil && i < len(dates) {
			f.Dates = dates[i]
		} else {
			f.Dates = findYears(s.Text)
		}
		f.Names = outside(x.names(s.Text, toks[i], caps, persons, places), nameSpan, f.Dates, dateSpan)
		f.Numbers = outside(x.numbers(s.Text, toks[i]), numberSpan, f.Dates, dateSpan)
		f.Numbers = outside(f.Numbers, numberSpan, f.Names, nameSpan)
		f.Acronyms = x.acronyms(s.Text, toks[i])
		for _, ac := range f.Acronyms {
			if _, ok := a.Acronyms[ac.Short]; !ok {
				a.Acronyms[ac.Short] = ac.Long
			}
		}
		f.Quote = x.quote(s.Text, toks[i], f.Names, f.Dates, persons)
		if f.Quote == nil && i > 0 && isWholeQuote(s.Text) {
			// A quotation standing alone goes on the words of the
			// speaker quoted just before: '"It failed," he said.' then
			// '"The damage was minimal."'.
			if prev := a.Sentences[i-1].Facts.Quote; prev != nil {
				f.Quote = &Quote{Speaker: prev.Speaker, Resolved: prev.Resolved, Verb: prev.Verb}
			}
		}
		for _, n := range f.Names {
			if n.Kind == NamePerson {
				persons = append(persons, n.Text)
			}
		}
	}
	markDoubted(a, caps)
}

// markDoubted sets Doubted on the persons' names whose words the article
// also writes in lower case, unless it calls them by their last word alone.
func markDoubted(a *Article, caps capitalisation) {
	alone := map[string]bool{}
	for _, s := range a.Sentences {
		for _, n := range s.Facts.Names {
			if !strings.Contains(n.Text, " ") {
				alone[strings.ToLower(trimPossessive(n.Text))] = true
			}
		}
	}
	for i := range a.Sentences {
		names := a.Sentences[i].Facts.Names
		for k, n := range names {
			if n.Kind != NamePerson {
				continue
			}
			words := strings.Fields(n.Text)
			if len(words) > 1 && alone[strings.ToLower(trimPossessive(words[len(words)-1]))] {
				continue
			}
			names[k].Doubted = slices.ContainsFunc(words, func(w string) bool { return caps[strings.ToLower(trimPossessive(w))][1] > 0 })
		}
	}
}

// trimPossessive drops a possessive ending: "Mitchell's" is Mitchell.
func trimPossessive(w string) string {
	return w[:len(w)-possessiveLen(token{text: w})]
}

// A token is a word or number of a sentence, with byte offsets.
type token struct {
	text       string
	start, end int
	// low is text in lower case, made once by tokenize: the extractors
	// look most words up in lower case several times.
	low string
}

func newToken(text string, start, end int) token {
	return token{text: text, start: start, end: end, low: strings.ToLower(text)}
}

func (t token) lower() string { return t.low }

func (t token) capitalised() bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// allCaps reports an acronym-like token: two or more capitals and no lower
// case letters ("UN", "G7", "COVID-19").
func (t token) allCaps() bool {
	upper := 0
	for _, r := range t.text {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

// tokenize splits text into words: runs of letters and digits, with inner
// apostrophes, hyphens, dots and commas between digits ("People's",
// "ex-nihilo", "3,000", "2.5", "U.S"), and the spaces that group digits
// ("1 850").
func (x *FactExtractor) tokenize(text string) []token { return x.appendTokens(nil, text) }

// tokenizeAll tokenizes each sentence into arrays shared by the article's
// sentences, each capped at its length: a few allocations an article
// instead of a growing array a sentence.
func (x *FactExtractor) tokenizeAll(sentences []Sentence) [][]token {
	out := make([][]token, len(sentences))
	left := 0 // bytes of the sentences still to tokenize
	for _, s := range sentences {
		left += len(s.Text)
	}
	var all, scratch []token
	for i, s := range sentences {
		scratch = x.appendTokens(scratch[:0], s.Text)
		left -= len(s.Text)
		if cap(all)-len(all) < len(scratch) {
			all = make([]token, 0, len(scratch)+left/5)
		}
		start := len(all)
		all = append(all, scratch...)
		out[i] = all[start:len(all):len(all)]
	}
	return out
}

// appendTokens appends the tokens of text to out.
func (x *FactExtractor) appendTokens(out []token, text string) []token {
	start := -1
	for i, r := range text {
		inner := (r == '\'' || r == '-' || r == '’' || r == '.' || r == ',' || r == '/' || r == ' ' || isGroupSpace(r)) && start >= 0 && i+1 < len(text)
		if inner {
			next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
			prev, _ := utf8.DecodeLastRuneInString(text[:i])
			switch {
			case r == ',' || r == '.':
				// "3,000", "2.5", and single-letter abbreviations "U.S", "p.m"
				inner = unicode.IsDigit(prev) && unicode.IsDigit(next) ||
					r == '.' && unicode.IsLetter(prev) && unicode.IsLetter(next) && (i-start == utf8.RuneLen(prev) || i-start > 2 && text[i-utf8.RuneLen(prev)-1] == '.')
			case r == ' ' || isGroupSpace(r):
				inner = (isGroupSpace(r) || x != nil && x.groupSpace) && digitGroupAt(text, start, i, i+utf8.RuneLen(r))
			case r == '/':
				inner = unicode.IsLetter(prev) && unicode.IsLetter(next)
			default:
				inner = unicode.IsLetter(next) || unicode.IsDigit(next)
			}
		}
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case word || inner:
			if start < 0 {
				start = i
			}
		case start >= 0:
			out = append(out, newToken(text[start:i], start, i))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, newToken(text[start:], start, len(text)))
	}
	return out
}

// tokenize splits text as an English extractor does.
func tokenize(text string) []token { return (*FactExtractor)(nil).tokenize(text) }

// digitGroupAt reports whether the space at text[sp:next] groups the
// digits of a number: the word so far (from start) is digits in groups of
// at most three, and exactly three digits follow the space, then no digit.
func digitGroupAt(text string, start, sp, next int) bool {
	head := text[start:sp]
	last := strings.LastIndexFunc(head, func(r rune) bool { return !unicode.IsDigit(r) })
	group := head[last+1:]
	if last >= 0 {
		_, size := utf8.DecodeRuneInString(head[last:])
		group = head[last+size:]
	}
	if len(group) == 0 || len(group) > 3 || last >= 0 && len(group) != 3 {
		return false
	}
	for _, r := range head {
		if !unicode.IsDigit(r) && r != ' ' && !isGroupSpace(r) {
			return false
		}
	}
	n := 0
	for n < 3 && next+n < len(text) && text[next+n] >= '0' && text[next+n] <= '9' {
		n++
	}
	return n == 3 && (next+n == len(text) || text[next+n] < '0' || text[next+n] > '9')
}

// capitalisation counts how often each word is written with a capital
// where a capital is not forced by the start of a sentence.
type capitalisation map[string][2]int // lower form -> [capitalised, lower case]

func (c capitalisation) count(toks []token) {
	for i, t := range toks {
		if i == 0 {
			continue
		}
		k := withoutPossessive(t)
		v := c[k]
		if t.capitalised() {
			v[0]++
		} else {
			v[1]++
		}
		c[k] = v
	}
}

// properOnly reports whether the word is only ever written capitalised in
// the article outside sentence starts, as names are.
func (c capitalisation) properOnly(w string) bool {
	v := c[w]
	return v[0] > 0 && v[1] == 0
}

var yearRE = regexp.MustCompile(`\b(1[0-9]{3}|20[0-9]{2})\b`)

// outside drops the facts whose span lies inside one of the spans of
// others: the 7 of "September 7" is no quantity and "Wednesday" no name
// (others are dates); the 7 of "Camp 7" is no quantity (others are names).
func outside[T, U any](facts []T, span func(T) Span, others []U, otherSpan func(U) Span) []T {
	if len(others) == 0 {
		return facts
	}
	out := facts[:0]
	for _, f := range facts {
		sp := span(f)
		inside := false
		for _, o := range others {
			if osp := otherSpan(o); sp.Start >= osp.Start && sp.End <= osp.End {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, f)
		}
	}
	return out
}

func numberSpan(n Number) Span { return n.Span }
func nameSpan(n Name) Span     { return n.Span }
func dateSpan(d timex.Expr) Span {
	return Span{Text: d.Text, Start: d.Start, End: d.End}
}

// findYears is the fallback date finder: four-digit years that are not
// part of a larger number.
func findYears(text string) []timex.Expr {
	var out []timex.Expr
	for _, m := range yearRE.FindAllStringIndex(text, -1) {
		before, _ := utf8.DecodeLastRuneInString(text[:m[0]])
		if m[0] > 0 && strings.ContainsRune(",.$€£¥₽", before) ||
			m[1]+1 < len(text) && strings.ContainsRune(",.", rune(text[m[1]])) && isDigits(text[m[1]+1:m[1]+2]) {
			continue // part of an amount or a larger number
		}
		out = append(out, timex.Expr{Text: text[m[0]:m[1]], Start: m[0], End: m[1], Value: text[m[0]:m[1]],
			Precision: timex.Year, Kind: timex.Point})
	}
	return out
}

// numbers finds quantities: digits ("3,000", "€7.5 million", "24-hour") and
// number words ("seven", "Forty-five"), each with the word it counts.
func (x *FactExtractor) numbers(text string, toks []token) []Number {
	var out []Number
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if len(out) > 0 && t.start < out[len(out)-1].End {
			continue // the multiplier or unit of the number before: "€90 million"
		}
		value, unit, ok := x.numberValue(t)
		if !ok || x.isYear(t) || isPartOfCode(text, t) || i+1 < len(toks) && x.clock[toks[i+1].lower()] {
			continue
		}
		n := Number{Span: Span{Text: t.text, Start: t.start, End: t.end}, Value: value, Unit: unit}
		// Currency sign right before the digits: "€186", "$35".
		if t.start > 0 {
			if r, size := utf8.DecodeLastRuneInString(text[:t.start]); x.currency[string(r)] {
				n.Start -= size
				n.Unit = string(r)
			}
		}
		j := i + 1
		if j < len(toks) && x.multiplier[toks[j].lower()] > 0 && text[n.End:toks[j].start] == " " {
			n.Value *= x.multiplier[toks[j].lower()]
			n.End = toks[j].end
			j++
		}
		if n.Unit == "" && j < len(toks) && text[n.End:toks[j].start] == " " {
			n.Unit, n.End = x.unitAfter(toks, j, n.End)
		}
		n.Text = text[n.Start:n.End]
		n.Money = x.currency[strings.ToLower(n.Unit)]
		out = append(out, n)
	}
	// "420 of the 1,850 jobs": the part counts what the whole counts.
	for k := 0; k+1 < len(out); k++ {
		part, whole := &out[k], out[k+1]
		if !x.ofBetween(text[part.End:whole.Start]) {
			continue
		}
		switch {
		case part.Unit == "" && whole.Unit != "" && !whole.Money:
			part.Unit = whole.Unit
		case whole.Unit == "" && part.Unit != "" && !part.Money:
			out[k+1].Unit = part.Unit // "1 850 salariés sur 2 300"
		}
	}
	return out
}

// ofBetween reports whether the text between two numbers says that the
// first is a part of the second: "of", "of the", "sur" (part_of).
func (x *FactExtractor) ofBetween(gap string) bool {
	return x.partOf[strings.Join(strings.Fields(strings.ToLower(gap)), " ")]
}

// numberValue reads a token as a number: digits with thousands commas, a
// number word, or a hyphenated "24-hour" whose second part is the unit.
func (x *FactExtractor) numberValue(t token) (float64, string, bool) {
	s := t.text
	unit := ""
	if head, tail, ok := strings.Cut(s, "-"); ok {
		if isDigits(head) {
			s, unit = head, tail
		} else if v1, ok1 := x.NumberWords[strings.ToLower(head)]; ok1 {
			// "forty-five"
			if v2, ok2 := x.NumberWords[strings.ToLower(tail)]; ok2 && v2 < 10 {
				return v1 + v2, "", true
			}
			return v1, tail, true
		}
	}
	if r, _ := utf8.DecodeRuneInString(s); unicode.IsDigit(r) {
		num, suffix := s, ""
		if k := strings.IndexFunc(s, unicode.IsLetter); k > 0 {
			num, suffix = s[:k], strings.ToLower(s[k:])
		}
		v, err := strconv.ParseFloat(x.plainNumber(num), 64)
		if err != nil {
			return 0, "", false
		}
		switch {
		case suffix == "":
		case x.multiplier[suffix] > 0: // "4.5m", "2bn"
			v *= x.multiplier[suffix]
		case x.ordinal[suffix]: // "3rd" ranks and "1990s" is a decade: neither counts
			return 0, "", false
		case unit == "": // "5km", "24h"
			unit = suffix
		}
		return v, unit, true
	}
	if v, ok := x.NumberWords[strings.ToLower(s)]; ok && !(x.Stopword != nil && x.Stopword(s)) {
		// A number word that is a stop word ("un", "une", "ein") is an
		// article far more often than a count.
		return v, unit, true
	}
	return 0, "", false
}

// plainNumber writes digits as strconv reads them: group separators
// dropped, the decimal separator a dot. In a language with a decimal comma
// ("40,5") a dot followed by three digits groups thousands ("1.850");
// otherwise the comma groups them ("1,850").
func (x *FactExtractor) plainNumber(num string) string {
	var b strings.Builder
	for i, r := range num {
		switch {
		case r == ' ' || isGroupSpace(r):
		case r == ',' && x != nil && x.decimalComma:
			b.WriteByte('.')
		case r == ',':
		case r == '.' && x != nil && x.decimalComma && threeDigitsThenEnd(num[i+1:]):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// threeDigitsThenEnd reports whether s starts with exactly three digits
// that end it or a group.
func threeDigitsThenEnd(s string) bool {
	if len(s) < 3 || !isDigits(s[:3]) {
		return false
	}
	return len(s) == 3 || !unicode.IsDigit(rune(s[3]))
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isYear reports a bare four-digit year: it is a date, not a quantity.
func (x *FactExtractor) isYear(t token) bool {
	if len(t.text) != 4 || !isDigits(t.text) || !yearRE.MatchString(t.text) {
		return false
	}
	return true
}

// isPartOfCode reports digits that belong to a time ("09:14"), a date
// ("07/11"), a decade ("1990s") or a name ("Vantor-2").
func isPartOfCode(text string, t token) bool {
	if t.end < len(text) {
		switch text[t.end] {
		case ':', '/':
			return true
		case 's':
			return true
		}
	}
	if t.start > 0 {
		switch text[t.start-1] {
		case ':', '/':
			return true
		case '-':
			return t.start > 1 && unicode.IsLetter(rune(text[t.start-2]))
		}
	}
	return false
}

// unitAfter returns the word a number counts: one word, or two when the
// first modifies the second ("container ships").
func (x *FactExtractor) unitAfter(toks []token, j, end int) (string, int) {
	w := toks[j]
	if x.nonUnit[w.lower()] || x.nonUnit["@stopwords"] && x.Stopword != nil && x.Stopword(w.text) || w.capitalised() && !x.currency[w.lower()] && !(x.nounCapitals && x.common(w)) {
		return "", end
	}
	unit, end := w.text, w.end
	if k := j + 1; k < len(toks) && toks[k].start-w.end == 1 && !strings.HasSuffix(w.text, "s") &&
		strings.HasSuffix(toks[k].text, "s") && !toks[k].capitalised() && !x.nonUnit[toks[k].lower()] {
		unit, end = unit+" "+toks[k].text, toks[k].end
	}
	return unit, end
}

// names finds runs of capitalised words and gives each a kind. A run is
// split at titles ("Prime Minister") and acronyms, and what follows a title
// is a person.
func (x *FactExtractor) names(text string, toks []token, caps capitalisation, persons []string, places map[string]bool) []Name {
	var out []Name
	for i := 0; i < len(toks); {
		if !x.startsName(text, toks, i, caps) {
			i++
			continue
		}
		j := i + 1
		// A possessive ends a name ("Norway's Arctic coast") unless it
		// opens one whose first word is no name by itself ("People's ...").
		for j < len(toks) && (toks[j].start-toks[j-1].end <= 1 || isInitial(text, toks[j-1], toks[j])) &&
			!(isPossessive(toks[j-1]) && (j-1 > i || caps.properOnly(withoutPossessive(toks[j-1])))) {
			if toks[j].capitalised() && !(x.nounCapitals && x.common(toks[j])) {
				j++
				continue
			}
			if x.connector[toks[j].lower()] && j+1 < len(toks) && toks[j+1].capitalised() && !toks[j+1].allCaps() {
				j += 2
				continue
			}
			break
		}
		// "Camp 7", "Apollo 11": a short number that closes the clause
		// right after a name is part of it, not a quantity.
		if j < len(toks) && toks[j].start-toks[j-1].end == 1 && !isPossessive(toks[j-1]) &&
			isShortNumber(toks[j].text) && closesClause(text[toks[j].end:]) {
			j++
		}
		out = append(out, x.splitRun(text, toks[i:j], toks, i, persons, places)...)
		i = j
	}
	return out
}

// isInitial reports whether t is the initial of a name, a capital letter
// and its full stop, followed by the next word of the name: the "B. " of
// "Lyndon B. Johnson".
func isInitial(text string, t, next token) bool {
	r, size := utf8.DecodeRuneInString(t.text)
	return size == len(t.text) && unicode.IsUpper(r) && text[t.end:next.start] == ". "
}

// isShortNumber reports whether s is one to three digits.
func isShortNumber(s string) bool {
	return len(s) >= 1 && len(s) <= 3 && isDigits(s)
}

// closesClause reports whether text that follows a word ends its clause.
func closesClause(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || strings.ContainsRune(".,;:!?)"+QuoteMarks, r)
}

// startsName reports whether toks[i] can start a name. At the start of a
// sentence a capital proves nothing, so the word must be written
// capitalised elsewhere in the article too.
func (x *FactExtractor) startsName(text string, toks []token, i int, caps capitalisation) bool {
	t := toks[i]
	if !t.capitalised() {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(t.text); unicode.IsDigit(r) {
		return false
	}
	if x.pronoun[t.lower()] || x.clock[t.lower()] {
		return false // "I"; "GMT", "CET" are times, not names
	}
	if x.nounCapitals && !t.allCaps() && (x.common(t) || i > 0 && x.determiner[toks[i-1].lower()] && !x.Places[t.lower()]) {
		return false // "die Gewerkschaft": a noun, as every German noun is capitalised
	}
	if i == 0 || opensSentence(text[:t.start]) {
		if caps.properOnly(withoutPossessive(t)) || t.allCaps() {
			return true
		}
		// "Kari Lund visited ...": two capitalised words in a row at the
		// start, the first never written in lower case in the article.
		next := i + 1
		return next < len(toks) && toks[next].capitalised() && toks[next].start-t.end == 1 &&
			caps[withoutPossessive(t)][1] == 0 && !x.isOpener(t.lower()) && !x.connector[t.lower()] && !x.title[t.lower()]
	}
	return true
}

// isOpener reports a word that opens sentences with a capital and is never
// a name: the opener list and the language's stop words.
func (x *FactExtractor) isOpener(lower string) bool {
	return x.opener[lower] || x.Stopword != nil && x.Stopword(lower)
}

// common reports a capitalised word the language's lexicon knows as an
// ordinary word, in a language that capitalises its nouns.
func (x *FactExtractor) common(t token) bool {
	return x.CommonNoun != nil && !x.Places[t.lower()] && x.CommonNoun(withoutPossessive(t))
}

// opensSentence reports whether a word after the given text starts a
// sentence (or a quotation), where a capital proves nothing.
func opensSentence(before string) bool {
	before = strings.TrimRight(before, " ")
	if before == "" || strings.HasSuffix(before, ".") || strings.HasSuffix(before, "!") || strings.HasSuffix(before, "?") {
		return true
	}
	// An opening quotation mark or a dialogue dash: '"', ' «', ': „', '– '.
	last, size := utf8.DecodeLastRuneInString(before)
	if !IsQuoteMark(last) && !strings.ContainsRune(dialogueDashes, last) {
		return false
	}
	rest := strings.TrimRight(before[:len(before)-size], " ")
	return rest == "" || strings.HasSuffix(rest, ":") || len(rest) < len(before)-size
}

// splitRun cuts a run of capitalised tokens into names.
func (x *FactExtractor) splitRun(text string, run, toks []token, at int, persons []string, places map[string]bool) []Name {
	var out []Name
	emit := func(part []token, afterTitle bool) {
		for len(part) > 0 && x.connector[part[len(part)-1].lower()] {
			part = part[:len(part)-1]
		}
		if len(part) == 0 {
			return
		}
		end := part[len(part)-1].end
		if n := possessiveLen(part[len(part)-1]); n > 0 {
			end -= n // "Borduria's" names Borduria
		}
		n := Name{Span: Span{Text: text[part[0].start:end], Start: part[0].start, End: end}}
		if last := len(part) - 1; last > 0 && isDigits(part[last].text) {
			part = part[:last] // "Camp 7" is of the kind of "Camp"
		}
		n.Kind = x.kindOf(part, afterTitle, persons)
		if n.Kind == NameOther && len(part) == 1 && x.placePrep[tokenBefore(toks, part[0])] {
			n.Kind = NamePlace // "diplomats in Vienna", "flights to Oslo"
		}
		out = append(out, n)
	}
	start := 0
	afterTitle := at > 0 && x.title[toks[at-1].lower()]
	if len(run) >= 3 && (afterTitle || at > 1 && x.connector[toks[at-1].lower()] && x.title[toks[at-2].lower()]) && x.isPlaceForm(run[0], places) {
		// "мэр Заречинска Олег Ветров", "the mayor of Halsholm Tom
		// Rydal": the place of the title, then the person who holds it.
		if emit(run[:1], false); len(out) > 0 {
			out[len(out)-1].Kind = NamePlace
		}
		start, afterTitle = 1, true
	}
	for k := start; k < len(run); k++ {
		switch {
		case run[k].allCaps() && !(k > start && isRegnalNumber(run[k].text)):
			emit(run[start:k], afterTitle)
			emit(run[k:k+1], false)
			start, afterTitle = k+1, false
		case x.title[run[k].lower()]:
			emit(run[start:k], false)
			start, afterTitle = k+1, true
		}
	}
	emit(run[start:], afterTitle)
	return out
}

// isRegnalNumber reports whether w is a Roman numeral written after a
// name ("Louis XIV", "Elizabeth II"): the name goes on through it, where
// another word in capitals ("ZELT Secretary General") is an acronym of its
// own.
func isRegnalNumber(w string) bool {
	return w != "" && strings.Trim(w, "IVX") == ""
}

// stem returns the stem of a token in lower case (the word itself without
// x.Stem).
func (x *FactExtractor) stem(t token) string {
	w := t.low
	if x.Stem != nil {
		return x.Stem(w)
	}
	return w
}

// placeForms returns the stems of the capitalised words an article writes
// after a place preposition ("в Заречинске", "in Halsholm"): the
// article's own places, whatever form they take elsewhere.
func (x *FactExtractor) placeForms(toks [][]token) map[string]bool {
	out := map[string]bool{}
	for _, ts := range toks {
		for k := 1; k < len(ts); k++ {
			if ts[k].capitalised() && !ts[k].allCaps() && x.placePrep[ts[k-1].lower()] {
				out[x.stem(ts[k])] = true
			}
		}
	}
	return out
}

// isPlaceForm reports whether t is a form of a place: of a one-word place
// the language knows, or of one the article writes after a place
// preposition.
func (x *FactExtractor) isPlaceForm(t token, places map[string]bool) bool {
	st := x.stem(t)
	return x.Places[t.lower()] || x.placeStems[st] || places[st]
}

// tokenBefore returns the lower-case word before t among toks, or "".
func tokenBefore(toks []token, t token) string {
	for k := 1; k < len(toks); k++ {
		if toks[k].start == t.start {
			return toks[k-1].lower()
		}
	}
	return ""
}

// kindOf guesses what a name names.
func (x *FactExtractor) kindOf(part []token, afterTitle bool, persons []string) NameKind {
	text := joinLower(part)
	for _, t := range part {
		if x.org[withoutPossessive(t)] {
			return NameOrg
		}
	}
	if x.Places[text] {
		return NamePlace
	}
	if len(part) == 1 && part[0].allCaps() {
		return NameOrg
	}
	if afterTitle {
		return NamePerson
	}
	if len(part) == 1 {
		// A surname already met as part of a person's full name.
		suffix := " " + text
		for _, p := range persons {
			if hasLowerSuffix(p, suffix) {
				return NamePerson
			}
		}
		return NameOther
	}
	if len(part) <= 3 {
		for _, t := range part {
			if x.connector[t.lower()] || x.Places[t.lower()] {
				return NameOther
			}
		}
		return NamePerson
	}
	return NameOther
}

// hasLowerSuffix reports whether s in lower case ends with suffix, as
// strings.HasSuffix(strings.ToLower(s), suffix) does, without lower-casing
// an ASCII s anew: a one-word name is checked against every person named
// before it in the article.
func hasLowerSuffix(s, suffix string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.HasSuffix(strings.ToLower(s), suffix)
		}
	}
	if len(s) < len(suffix) {
		return false
	}
	tail := s[len(s)-len(suffix):]
	for i := 0; i < len(tail); i++ {
		c := tail[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != suffix[i] {
			return false
		}
	}
	return true
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.ToUpper(r)
}

func isPossessive(t token) bool { return possessiveLen(t) > 0 }

// possessiveLen returns the length in bytes of a possessive ending of the
// token ("'s", "’s"), or 0.
func possessiveLen(t token) int {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(t.text, suf) && len(t.text) > len(suf) {
			return len(suf)
		}
	}
	return 0
}

// withoutPossessive returns the lower-case word without its possessive.
// Lower-casing maps rune by rune and keeps the possessive's length, so
// this is the lower-case token cut as the token would be.
func withoutPossessive(t token) string {
	return t.low[:len(t.low)-possessiveLen(t)]
}

// joinLower is joinTokens in lower case.
func joinLower(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.low
	}
	return strings.Join(parts, " ")
}

func joinTokens(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.text
	}
	return strings.Join(parts, " ")
}

// acronyms finds "Long Name (LN)" and "LN (Long Name)".
func (x *FactExtractor) acronyms(text string, toks []token) []Acronym {
	var out []Acronym
	for i, t := range toks {
		if t.start == 0 || text[t.start-1] != '(' {
			continue
		}
		close := strings.IndexByte(text[t.start:], ')')
		if close < 0 {
			continue
		}
		inner := strings.TrimSpace(text[t.start : t.start+close])
		if t.allCaps() && t.end == t.start+close {
			// "World Meteorological Organization (WMO)"
			if long := x.expansionBefore(toks, i, t.text); long != "" {
				out = append(out, Acronym{Short: t.text, Long: long})
			}
			continue
		}
		// "KESTREL-3 (Keel and Shore Tracking Radar Laboratory)"
		if i > 0 && toks[i-1].allCaps() && strings.Count(inner, " ") >= 1 && toks[i-1].end+2 >= t.start {
			out = append(out, Acronym{Short: toks[i-1].text, Long: inner})
		}
	}
	return out
}

// expansionBefore walks back from the acronym at toks[i] over capitalised
// words and small connecting words, as far as the acronym's letters allow.
func (x *FactExtractor) expansionBefore(toks []token, i int, short string) string {
	letters := 0
	for _, r := range short {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	k := i - 1
	words := 0
	for k >= 0 && words < letters+3 {
		t := toks[k]
		if !t.capitalised() && !x.connector[t.lower()] && !x.expansion[t.lower()] {
			break
		}
		if !t.capitalised() && k > 0 && !toks[k-1].capitalised() {
			break
		}
		k--
		words++
	}
	run := toks[k+1 : i]
	// The expansion starts at a capitalised word whose initial is one of
	// the acronym's letters: "The Nordic Fisheries Board (NFB)" is not
	// "The ...", but "Italian Federation of Port Workers (FILP)" keeps
	// "Italian" although the letters follow another language's order.
	for len(run) > 0 && (!run[0].capitalised() || !strings.ContainsRune(strings.ToUpper(short), firstRune(run[0].text))) {
		run = run[1:]
	}
	if len(run) < 2 {
		return ""
	}
	return joinTokens(run)
}

// isWholeQuote reports whether a sentence is one quotation and nothing
// else: '"The damage was minimal."'.
func isWholeQuote(text string) bool {
	inner := strings.TrimRight(text, ".!?…")
	first, _ := utf8.DecodeRuneInString(text)
	last, _ := utf8.DecodeLastRuneInString(inner)
	marks := 0
	for _, r := range text {
		if IsQuoteMark(r) {
			marks++
		}
	}
	return marks == 2 && IsQuoteMark(first) && IsQuoteMark(last)
}

// afterQuotation reports whether the verb toks[i] follows the end of a
// quotation (a comma or quotation mark before it), where languages put
// the speaker after the verb: "«…», dit-il", "„…“, sagte er".
func afterQuotation(text string, toks []token, i int) bool {
	from := 0
	if i > 0 {
		from = toks[i-1].end
	}
	return strings.ContainsAny(text[from:toks[i].start], ","+QuoteMarks)
}

// invertedSpeech reads a speech verb joined to its pronoun by hyphens, as
// French writes them: "dit-il", "estime-t-il", or an auxiliary listed
// whole among the words of saying, "a-t-elle" (déclaré). It returns the
// verb (the whole word for an auxiliary) and the pronoun.
func (x *FactExtractor) invertedSpeech(word string) (verb, pron string, ok bool) {
	if !strings.Contains(word, "-") {
		return "", "", false
	}
	parts := strings.Split(word, "-")
	verb, pron = parts[0], parts[len(parts)-1]
	if len(parts) < 2 || !x.pronoun[strings.ToLower(pron)] {
		return "", "", false
	}
	if x.speech[strings.ToLower(word)] {
		// The auxiliary with its pronoun, listed whole: "a-t-elle"
		// (déclaré).
		return word, pron, true
	}
	if !x.speech[verb] {
		return "", "", false
	}
	return verb, pron, true
}

// inDates reports whether token t lies inside one of the dates.
func inDates(dates []timex.Expr, t token) bool {
	for _, d := range dates {
		if t.start >= d.Start && t.end <= d.End {
			return true
		}
	}
	return false
}

// maxSpeakerWords bounds a speaker read after its verb: a longer noun
// phrase is cut before one of its complements.
const maxSpeakerWords = 6

// nounPhraseEnd returns the index of the last token of the noun phrase
// that the determiner toks[det] opens, its noun toks[det+1] with the
// adjectives and complements after it ("le conseil régional", "die
// Sprecherin der Stadt", "the head of the harbour office"), up to the
// clause's end: a mark between two words, a date, a function word that
// opens no complement (a connector, or a determiner after one), or a word
// of saying. A phrase longer than maxSpeakerWords words is cut before the
// last complement that keeps it within them, else after its noun.
func (x *FactExtractor) nounPhraseEnd(text string, toks []token, det int, dates []timex.Expr) int {
	last, cut := det+1, det+1 // last content word; last one before a complement within the bound
	for k := det + 2; k < len(toks) && strings.TrimSpace(text[toks[k-1].end:toks[k].start]) == "" && !inDates(dates, toks[k]); k++ {
		w := toks[k].lower()
		if x.connector[w] || x.determiner[w] && x.connector[toks[k-1].lower()] {
			if x.connector[w] && last == k-1 && k-det <= maxSpeakerWords {
				cut = last // the phrase may end before this complement
			}
			continue
		}
		if x.determiner[w] || x.speech[w] || x.pronoun[w] || x.Stopword != nil && x.Stopword(w) {
			break
		}
		last = k
	}
	if last-det+1 <= maxSpeakerWords {
		return last
	}
	return cut
}

// quote finds reported speech: a speech verb with its speaker next to it.
// A pronoun speaker is resolved to the person named last.
func (x *FactExtractor) quote(text string, toks []token, names []Name, dates []timex.Expr, persons []string) *Quote {
	if !hasQuotation(text) {
		return nil
	}
	nameEndingAt := map[int]Name{}
	nameStartingAt := map[int]Name{}
	for _, n := range names {
		nameEndingAt[n.End] = n
		nameStartingAt[n.Start] = n
	}
	byPronoun := func(q *Quote, p string) {
		q.Speaker = p
		if len(persons) > 0 {
			q.Resolved = persons[len(persons)-1]
		}
	}
	for i, t := range toks {
		if verb, pron, ok := x.invertedSpeech(t.text); ok {
			// "dit-il", "a-t-elle déclaré" written as one word: the
			// pronoun after the verb speaks.
			q := &Quote{Verb: verb}
			byPronoun(q, pron)
			return q
		}
		if !x.speech[t.text] {
			continue // lower case only: "United States" states nothing
		}
		q := &Quote{Verb: t.text}
		switch {
		case i > 0 && x.pronoun[toks[i-1].lower()]:
			byPronoun(q, toks[i-1].text)
		case i+1 < len(toks) && x.pronoun[toks[i+1].text] && toks[i+1].start-t.end == 1 && afterQuotation(text, toks, i):
			byPronoun(q, toks[i+1].text) // "sagte er", "sa han", "сказал он"
		case i > 0:
			if n, ok := nameEndingAt[toks[i-1].end]; ok {
				q.Speaker, q.Resolved = text[n.Start:n.End], text[n.Start:n.End]
			}
		}
		if q.Speaker == "" {
			for _, n := range names {
				if n.Kind == NamePerson && n.Start > t.end && i+6 < len(toks) && n.Start <= toks[i+6].start || n.Kind == NamePerson && n.Start > t.end && i+6 >= len(toks) {
					q.Speaker, q.Resolved = n.Text, n.Text
					break
				}
			}
		}
		if q.Speaker == "" && i+1 < len(toks) {
			if n, ok := nameStartingAt[toks[i+1].start]; ok {
				q.Speaker, q.Resolved = text[n.Start:n.End], text[n.Start:n.End]
			} else if i+2 < len(toks) {
				if n, ok := nameStartingAt[toks[i+2].start]; ok && x.title[toks[i+1].lower()] {
					q.Speaker, q.Resolved = text[n.Start:n.End], text[n.Start:n.End]
				}
			}
		}
		if q.Speaker == "" && i > 1 && x.determiner[toks[i-2].lower()] {
			q.Speaker = text[toks[i-2].start:toks[i-1].end] // "the union said"
			q.Resolved = q.Speaker
		}
		// "a déclaré le syndicat", "a déclaré jeudi le syndicat", "dijo
		// el martes la autoridad": a date, and the small word that opens
		// it, may stand between the verb and the speaker.
		j := i + 1
		for j < len(toks) && (inDates(dates, toks[j]) || j+1 < len(toks) && inDates(dates, toks[j+1]) && !toks[j].capitalised()) {
			j++
		}
		if q.Speaker == "" && j+1 < len(toks) && x.determiner[toks[j].lower()] && toks[j+1].start-toks[j].end <= 1 {
			q.Speaker = text[toks[j].start:toks[x.nounPhraseEnd(text, toks, j, dates)].end]
			q.Resolved = q.Speaker
		}
		if q.Speaker != "" {
			return q
		}
	}
	return nil
}
