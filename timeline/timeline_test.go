package timeline_test

import (
	"errors"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/seeds"
	"github.com/qabot/qabot/timeline"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// ev is an event of article "a" at sentence 0 with the interval of its ISO
// date.
func ev(date string, prec timex.Precision) timeline.Event {
	b, e, _ := timeline.Interval(date)
	return timeline.Event{Date: date, Precision: prec, Begin: b, End: e, ArticleID: "a"}
}

// An evOpt changes one field of a test event.
type evOpt func(timeline.Event) timeline.Event

func with(e timeline.Event, opts ...evOpt) timeline.Event {
	for _, o := range opts {
		e = o(e)
	}
	return e
}

func kind(k timex.Kind) evOpt { return func(e timeline.Event) timeline.Event { e.Kind = k; return e } }
func at(article string, sentence int) evOpt {
	return func(e timeline.Event) timeline.Event { e.ArticleID, e.Sentence = article, sentence; return e }
}
func span(b, end time.Time) evOpt {
	return func(e timeline.Event) timeline.Event { e.Begin, e.End = b, end; return e }
}
func quote(q string) evOpt  { return func(e timeline.Event) timeline.Event { e.Quote = q; return e } }
func mod(m timex.Mod) evOpt { return func(e timeline.Event) timeline.Event { e.Mod = m; return e } }

func dates(events []timeline.Event) []string {
	out := make([]string, len(events))
	for i, e := range events {
		out[i] = e.Date + "@" + e.ArticleID + ":" + string(rune('0'+e.Sentence))
	}
	return out
}

func TestSort(t *testing.T) {
	tests := []struct {
		name string
		want []timeline.Event // in the order Sort must give
	}{
		{
			name: "early 1990s before 2009",
			want: []timeline.Event{
				with(ev("199X", timex.Decade), mod(timex.ModEarly), span(day(1990, 1, 1), day(1994, 1, 1))),
				ev("2009", timex.Year),
			},
		},
		{
			name: "since sorts at its start",
			want: []timeline.Event{
				ev("2018-11-30", timex.Day),
				with(ev("2018-12", timex.Month), kind(timex.Since)),
				ev("2018-12-15", timex.Day),
			},
		},
		{
			name: "coarse before fine at the same start",
			want: []timeline.Event{
				ev("202X", timex.Decade),
				ev("2020", timex.Year),
				ev("2020-01", timex.Month),
				ev("2020-01-01", timex.Day),
			},
		},
		{
			name: "the wider interval first at the same precision",
			want: []timeline.Event{
				ev("199X", timex.Decade),
				with(ev("199X", timex.Decade), mod(timex.ModEarly), span(day(1990, 1, 1), day(1994, 1, 1))),
			},
		},
		{
			name: "a range at its first year",
			want: []timeline.Event{
				with(ev("2014/2018", timex.Year), kind(timex.Range)),
				ev("2015", timex.Year),
			},
		},
		{
			name: "ties in reading order",
			want: []timeline.Event{
				with(ev("2022-07-15", timex.Day), at("a", 1)),
				with(ev("2022-07-15", timex.Day), at("a", 3)),
				with(ev("2022-07-15", timex.Day), at("b", 0)),
			},
		},
		{
			name: "dates that cannot be placed last, in reading order",
			want: []timeline.Event{
				with(ev("2030", timex.Year), at("b", 2)),
				with(ev("XXXX-07", timex.Month), at("a", 5)),
				with(ev("XXXX-09-07", timex.Day), at("b", 1)),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Every rotation of the reversed list must sort back.
			for r := range tt.want {
				got := make([]timeline.Event, 0, len(tt.want))
				for i := range tt.want {
					got = append(got, tt.want[len(tt.want)-1-(i+r)%len(tt.want)])
				}
				timeline.Sort(got)
				if diff := cmp.Diff(dates(tt.want), dates(got)); diff != "" {
					t.Errorf("Sort (rotation %d) order (-want +got):\n%s", r, diff)
				}
			}
		})
	}
}

// sentence builds a corpus sentence with the given dates.
func sentence(i int, text string, ds ...timex.Expr) corpus.Sentence {
	return corpus.Sentence{Index: i, Paragraph: i, Text: text, Facts: corpus.Facts{Dates: ds}}
}

func TestBuild(t *testing.T) {
	july15 := timex.Expr{Text: "July 15", Value: "2022-07-15", Precision: timex.Day, From: day(2022, 7, 15), To: day(2022, 7, 16), Reason: "year 2022"}
	weekEarlier := timex.Expr{Text: "a week earlier", Value: "2022-07-15", Precision: timex.Day, From: day(2022, 7, 15), To: day(2022, 7, 16),
		Shift: &timex.Shift{N: -1, Unit: timex.Week, Anaphoric: true}, Reason: "1 week before"}
	c := &corpus.Corpus{Articles: []*corpus.Article{{
		ID: "a", Title: "A title",
		Sentences: []corpus.Sentence{
			sentence(0, "Nothing dated here."),
			sentence(1, "Within 24 hours, every 11 days.",
				timex.Expr{Text: "Within 24 hours", Value: "PT24H", Duration: "PT24H", Kind: timex.Duration, Precision: timex.Time},
				timex.Expr{Text: "every 11 days", Value: "P11D", Duration: "P11D", Kind: timex.Set, Precision: timex.Day}),
			sentence(2, "A week earlier, on July 15, and in 2009.", weekEarlier, july15,
				// Without time words the parser gives bare years with no interval.
				timex.Expr{Text: "2009", Value: "2009", Precision: timex.Year}),
			sentence(3, "Since December 2018 it was in July.",
				timex.Expr{Text: "Since December 2018", Value: "2018-12", Precision: timex.Month, Kind: timex.Since, From: day(2018, 12, 1), To: day(2019, 1, 1)},
				timex.Expr{Text: "July", Value: "XXXX-07", Precision: timex.Month},
				timex.Expr{Text: "last year", Value: ""}),
		},
	}}}
	got := timeline.Build(c)
	base := timeline.Event{ArticleID: "a", Article: "A title"}
	want := []timeline.Event{
		{Date: "2009", Precision: timex.Year, Begin: day(2009, 1, 1), End: day(2010, 1, 1), Text: "2009", Quote: "A week earlier, on July 15, and in 2009.", Paragraph: 2, Sentence: 2},
		{Date: "2018-12", Precision: timex.Month, Kind: timex.Since, Begin: day(2018, 12, 1), End: day(2019, 1, 1), Text: "Since December 2018", Quote: "Since December 2018 it was in July.", Paragraph: 3, Sentence: 3},
		{Date: "2022-07-15", Precision: timex.Day, Begin: day(2022, 7, 15), End: day(2022, 7, 16), Text: "July 15", Reason: "year 2022", Quote: "A week earlier, on July 15, and in 2009.", Paragraph: 2, Sentence: 2},
		{Date: "XXXX-07", Precision: timex.Month, Text: "July", Quote: "Since December 2018 it was in July.", Paragraph: 3, Sentence: 3},
	}
	for i := range want {
		want[i].ArticleID, want[i].Article = base.ArticleID, base.Article
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Build (-want +got):\n%s", diff)
	}

	for _, c := range []*corpus.Corpus{nil, {}, {Articles: []*corpus.Article{nil, {ID: "empty"}}}} {
		if got := timeline.Build(c); got == nil || len(got) != 0 {
			t.Errorf("Build(%v) = %#v, want an empty, non-nil slice", c, got)
		}
	}
}

func TestInterval(t *testing.T) {
	tests := []struct {
		value      string
		begin, end time.Time
		ok         bool
	}{
		{"2022-09-07", day(2022, 9, 7), day(2022, 9, 8), true},
		{"2022-12", day(2022, 12, 1), day(2023, 1, 1), true},
		{"2009", day(2009, 1, 1), day(2010, 1, 1), true},
		{"199X", day(1990, 1, 1), day(2000, 1, 1), true},
		{"19XX", day(1900, 1, 1), day(2000, 1, 1), true},
		{"2014/2018", day(2014, 1, 1), day(2019, 1, 1), true},
		{"2018/2014", time.Time{}, time.Time{}, false},
		{"2022-02-30", time.Time{}, time.Time{}, false},
		{"2022-13", time.Time{}, time.Time{}, false},
		{"2022-SU", day(2022, 6, 1), day(2022, 9, 1), true},
		{"2022-WI", day(2022, 12, 1), day(2023, 3, 1), true},
		{"2022-XX", time.Time{}, time.Time{}, false},
		{"2022-W36", day(2022, 9, 5), day(2022, 9, 12), true},
		{"2024-W12", day(2024, 3, 18), day(2024, 3, 25), true},
		{"2020-W53", day(2020, 12, 28), day(2021, 1, 4), true},
		{"2021-W53", time.Time{}, time.Time{}, false},
		{"2022-W00", time.Time{}, time.Time{}, false},
		{"XXXX-07", time.Time{}, time.Time{}, false},
		{"0000", time.Time{}, time.Time{}, false},
		{"+202", time.Time{}, time.Time{}, false},
		{"PT24H", time.Time{}, time.Time{}, false},
		{"", time.Time{}, time.Time{}, false},
	}
	for _, tt := range tests {
		b, e, ok := timeline.Interval(tt.value)
		if !b.Equal(tt.begin) || !e.Equal(tt.end) || ok != tt.ok {
			t.Errorf("Interval(%q) = %v, %v, %v; want %v, %v, %v", tt.value, b, e, ok, tt.begin, tt.end, tt.ok)
		}
	}
}

// enStems is the English analyzer's view of a text: content words, stemmed.
func enStems(t testing.TB) func(string) []string {
	langs, _ := data()
	en, _ := langs.Get("en")
	return func(text string) []string {
		var out []string
		for _, tok := range lang.Tokens(text) {
			if !en.IsStopword(tok.Text) {
				out = append(out, lang.Fold(en.Stem(tok.Text)))
			}
		}
		return out
	}
}

func TestFilter(t *testing.T) {
	events := []timeline.Event{
		with(ev("199X", timex.Decade), mod(timex.ModEarly), span(day(1990, 1, 1), day(1994, 1, 1)), quote("The regime fell in the early 1990s.")),
		with(ev("2009", timex.Year), quote("Albania joined NATO in 2009.")),
		with(ev("2018-12", timex.Month), kind(timex.Since), quote("Since December 2018, four diplomats have been expelled.")),
		with(ev("2022-07-15", timex.Day), quote("A heavy cyberattack hit on July 15.")),
		with(ev("XXXX-07", timex.Month), quote("The summit was planned for July.")),
	}
	stems := enStems(t)
	tests := []struct {
		name string
		q    timeline.Query
		want []string
	}{
		{"no filter", timeline.Query{}, []string{"199X", "2009", "2018-12", "2022-07-15", "XXXX-07"}},
		{"from", timeline.Query{From: day(2010, 1, 1)}, []string{"2018-12", "2022-07-15"}},
		{"to is exclusive", timeline.Query{To: day(2009, 1, 1)}, []string{"199X"}},
		{"overlap of a month", timeline.Query{From: day(2018, 12, 20), To: day(2019, 1, 1)}, []string{"2018-12"}},
		{"overlap of a narrowed decade", timeline.Query{From: day(1992, 1, 1), To: day(1993, 1, 1)}, []string{"199X"}},
		{"outside the narrowed decade", timeline.Query{From: day(1995, 1, 1), To: day(1999, 1, 1)}, nil},
		{"about a stem", timeline.Query{About: "expel", Stems: stems}, []string{"2018-12"}},
		{"about an inflected word", timeline.Query{About: "cyberattacks", Stems: stems}, []string{"2022-07-15"}},
		{"about any of the words", timeline.Query{About: "NATO summit", Stems: stems}, []string{"2009", "XXXX-07"}},
		{"about stop words only", timeline.Query{About: "the of", Stems: stems}, []string{"199X", "2009", "2018-12", "2022-07-15", "XXXX-07"}},
		{"about without stems", timeline.Query{About: "nato"}, []string{"2009"}},
		{"about and period", timeline.Query{About: "july", From: day(2022, 1, 1), Stems: stems}, []string{"2022-07-15"}},
		{"about nothing there", timeline.Query{About: "volcano", Stems: stems}, nil},
		{"about junk", timeline.Query{About: "\xff\xfe 🙂", Stems: stems}, []string{"199X", "2009", "2018-12", "2022-07-15", "XXXX-07"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := timeline.Filter(events, tt.q)
			var ds []string
			for _, e := range got {
				ds = append(ds, e.Date)
			}
			if diff := cmp.Diff(tt.want, ds); diff != "" {
				t.Errorf("Filter(%+v) (-want +got):\n%s", tt.q, diff)
			}
			if got == nil {
				t.Errorf("Filter(%+v) = nil, want a non-nil slice", tt.q)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	_, times := data()
	tests := []struct {
		in         string
		langs      []string
		begin, end time.Time
		err        error
	}{
		{"2022-09-07", nil, day(2022, 9, 7), day(2022, 9, 8), nil},
		{" 2022-07 ", nil, day(2022, 7, 1), day(2022, 8, 1), nil},
		{"2022", nil, day(2022, 1, 1), day(2023, 1, 1), nil},
		{"199X", nil, day(1990, 1, 1), day(2000, 1, 1), nil},
		{"July 2022", []string{"en"}, day(2022, 7, 1), day(2022, 8, 1), nil},
		{"7 September 2022", []string{"en"}, day(2022, 9, 7), day(2022, 9, 8), nil},
		{"the 1990s", []string{"en"}, day(1990, 1, 1), day(2000, 1, 1), nil},
		{"early 2022", []string{"en"}, day(2022, 1, 1), day(2022, 5, 1), nil},
		{"07/11/2024", []string{"en"}, day(2024, 11, 7), day(2024, 11, 8), nil},
		{"juillet 2022", []string{"fr"}, day(2022, 7, 1), day(2022, 8, 1), nil},
		{"7. September 2022", []string{"de"}, day(2022, 9, 7), day(2022, 9, 8), nil},
		{"сентябрь 2022", []string{"ru"}, day(2022, 9, 1), day(2022, 10, 1), nil},
		{"2022. július", []string{"hu"}, day(2022, 7, 1), day(2022, 8, 1), nil},
		{"julio de 2022", []string{"es"}, day(2022, 7, 1), day(2022, 8, 1), nil},
		{"July 2022", []string{"fr", "en"}, day(2022, 7, 1), day(2022, 8, 1), nil}, // English after the reply's language
		{"July", []string{"en"}, time.Time{}, time.Time{}, timeline.ErrNoYear},
		{"last year", []string{"en"}, time.Time{}, time.Time{}, timeline.ErrNoYear},
		{"July 2022", nil, time.Time{}, time.Time{}, timeline.ErrBadDate}, // words need a language
		{"banana", []string{"en"}, time.Time{}, time.Time{}, timeline.ErrBadDate},
		{"24 hours", []string{"en"}, time.Time{}, time.Time{}, timeline.ErrBadDate},
		{"", []string{"en"}, time.Time{}, time.Time{}, timeline.ErrBadDate},
		{strings.Repeat("2022 ", 100), []string{"en"}, time.Time{}, time.Time{}, timeline.ErrBadDate},
		{"\xff\xfe", []string{"en"}, time.Time{}, time.Time{}, timeline.ErrBadDate},
	}
	for _, tt := range tests {
		var tls []*timex.Language
		for _, code := range tt.langs {
			tls = append(tls, times[code])
		}
		b, e, err := timeline.ParseDate(tt.in, tls...)
		if !b.Equal(tt.begin) || !e.Equal(tt.end) || !errors.Is(err, tt.err) || (err != nil) != (tt.err != nil) {
			t.Errorf("ParseDate(%q, %v) = %v, %v, %v; want %v, %v, %v", tt.in, tt.langs, b, e, err, tt.begin, tt.end, tt.err)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2022-09-07", "July 2022", "the early 1990s", "7. September 2022", "2014/2018", "XXXX-07", "\xff"} {
		f.Add(s)
	}
	_, times := data()
	f.Fuzz(func(t *testing.T, s string) {
		b, e, err := timeline.ParseDate(s, times["en"], times["de"])
		if err == nil && !b.Before(e) {
			t.Errorf("ParseDate(%q) = [%v, %v), want a non-empty interval", s, b, e)
		}
	})
}

func TestLocalize(t *testing.T) {
	langs, times := data()
	events := []timeline.Event{
		ev("2022-09-07", timex.Day),
		ev("2022-07", timex.Month),
		with(ev("199X", timex.Decade), mod(timex.ModEarly), span(day(1990, 1, 1), day(1994, 1, 1))),
		with(ev("2018-12", timex.Month), kind(timex.Since)),
		with(ev("2014/2018", timex.Year), kind(timex.Range)),
		with(ev("XXXX-07", timex.Month)),
	}
	exact := map[string][]string{
		"en": {"7 September 2022", "July 2022", "early 1990s", "since December 2018", "2014–2018", "July (year unknown)"},
		"fr": {"7 septembre 2022", "juillet 2022", "début des années 1990", "depuis décembre 2018", "2014–2018", "juillet (année inconnue)"},
	}
	seen := map[string]string{} // September label -> language
	if n := len(langs.Languages()); n != 10 {
		t.Errorf("%d languages, want the ten of docs/DESIGN.md", n)
	}
	for _, l := range langs.Languages() {
		tl := times[l.Code]
		if tl == nil {
			t.Errorf("no time words for %s", l.Code)
			continue
		}
		got := timeline.Localize(events, tl, l)
		if want, ok := exact[l.Code]; ok {
			var labels []string
			for _, e := range got {
				labels = append(labels, e.Label)
			}
			if diff := cmp.Diff(want, labels); diff != "" {
				t.Errorf("Localize in %s (-want +got):\n%s", l.Code, diff)
			}
		}
		for i, e := range got {
			if e.Label == "" || e.Label == e.Date && e.Kind != timex.Range {
				t.Errorf("Localize(%s) in %s: label %q, want words of the language", e.Date, l.Code, e.Label)
			}
			if events[i].Label != "" {
				t.Errorf("Localize changed its input: %+v", events[i])
			}
		}
		if !strings.Contains(got[0].Label, "7") || !strings.Contains(got[0].Label, "2022") || !strings.ContainsFunc(got[0].Label, unicode.IsLetter) {
			t.Errorf("Localize(2022-09-07) in %s = %q, want the day, the year and a month name", l.Code, got[0].Label)
		}
		if !strings.Contains(got[2].Label, "1990") || !strings.Contains(got[3].Label, "2018") {
			t.Errorf("Localize in %s = %q, %q; want the years", l.Code, got[2].Label, got[3].Label)
		}
		if other, dup := seen[got[0].Label]; dup {
			t.Errorf("Localize(2022-09-07) in %s = %q, the same as in %s", l.Code, got[0].Label, other)
		}
		seen[got[0].Label] = l.Code
		if note := l.Message(timeline.MsgYearUnknown, map[string]string{"label": ""}); !strings.Contains(got[5].Label, strings.TrimSpace(note)) {
			t.Errorf("Localize(XXXX-07) in %s = %q, want the note %q", l.Code, got[5].Label, note)
		}
	}

	// Without a language the labels are the ISO dates.
	if got := timeline.Localize(events[:1], nil, nil); got[0].Label != "2022-09-07" {
		t.Errorf("Localize without languages = %q, want the ISO date", got[0].Label)
	}
}

func BenchmarkBuild(b *testing.B) {
	c := mustLoad(b, seeds.FS)
	b.ReportAllocs()
	for b.Loop() {
		timeline.Build(c)
	}
}

func BenchmarkFilterAbout(b *testing.B) {
	events := timeline.Build(mustLoad(b, seeds.FS))
	q := timeline.Query{About: "cyberattack diplomats", Stems: enStems(b), From: day(2010, 1, 1)}
	b.ReportAllocs()
	for b.Loop() {
		timeline.Filter(events, q)
	}
}
