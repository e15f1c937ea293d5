package timex_test

import (
	"testing"
	"time"

	"github.com/qabot/qabot/corpus/timex"
)

func TestFormatDay(t *testing.T) {
	langs := mustLanguages(t)
	e := timex.Expr{Value: "2022-09-07", Precision: timex.Day, Kind: timex.Point}
	want := map[string]string{
		"en": "7 September 2022",
		"fr": "7 septembre 2022",
		"es": "7 de septiembre de 2022",
		"ru": "7 сентября 2022 г.",
		"de": "7. September 2022",
		"hu": "2022. szeptember 7.",
		"sv": "7 september 2022",
		"nb": "7. september 2022",
		"it": "7 settembre 2022",
		"pt": "7 de setembro de 2022",
	}
	for code, w := range want {
		if got := langs[code].Format(e); got != w {
			t.Errorf("%s.Format(%s) = %q, want %q", code, e.Value, got, w)
		}
	}
	if len(langs) != len(want) {
		t.Errorf("LoadLanguages gave %d languages, want %d", len(langs), len(want))
	}
}

func TestFormat(t *testing.T) {
	langs := mustLanguages(t)
	tests := []struct {
		lang string
		e    timex.Expr
		want string
	}{
		{"en", timex.Expr{Value: "2022-07", Precision: timex.Month}, "July 2022"},
		{"en", timex.Expr{Value: "2009", Precision: timex.Year}, "2009"},
		{"en", timex.Expr{Value: "199X", Precision: timex.Decade, Mod: timex.ModEarly}, "early 1990s"},
		{"fr", timex.Expr{Value: "199X", Precision: timex.Decade, Mod: timex.ModEarly}, "début des années 1990"},
		{"en", timex.Expr{Value: "2018-12", Precision: timex.Month, Kind: timex.Since}, "since December 2018"},
		{"fr", timex.Expr{Value: "2018-12", Precision: timex.Month, Kind: timex.Since}, "depuis décembre 2018"},
		{"ru", timex.Expr{Value: "2018-12", Precision: timex.Month, Kind: timex.Since}, "с декабря 2018 г."},
		{"en", timex.Expr{Value: "2022-SU", Precision: timex.Season}, "summer 2022"},
		{"sv", timex.Expr{Value: "2022-SU", Precision: timex.Season}, "sommaren 2022"},
		{"hu", timex.Expr{Value: "2022-SU", Precision: timex.Season}, "2022 nyara"},
		{"en", timex.Expr{Kind: timex.Duration, Duration: "PT24H"}, "24 hours"},
		{"fr", timex.Expr{Kind: timex.Duration, Duration: "PT24H"}, "24 heures"},
		{"ru", timex.Expr{Kind: timex.Duration, Duration: "PT24H"}, "24 часа"},
		{"ru", timex.Expr{Kind: timex.Duration, Duration: "P6Y"}, "6 лет"},
		{"en", timex.Expr{Kind: timex.Duration, Duration: "P1Y"}, "1 year"},
		{"en", timex.Expr{Kind: timex.Duration, Duration: "PXDE"}, "decades"},
		{"fr", timex.Expr{Kind: timex.Duration, Duration: "PXDE"}, "des décennies"},
		{"en", timex.Expr{Kind: timex.Set, Value: "P11D", Duration: "P11D"}, "every 11 days"},
		{"de", timex.Expr{Kind: timex.Set, Value: "P11D", Duration: "P11D"}, "alle 11 Tage"},
		{"en", timex.Expr{Kind: timex.Range, Value: "2014/2018", Precision: timex.Year}, "2014–2018"},
		{"ru", timex.Expr{Kind: timex.Range, Value: "2014/2018", Precision: timex.Year}, "2014–2018"},
		{"en", timex.Expr{Value: "2026", Precision: timex.Year, Kind: timex.Until, Mod: timex.ModEnd}, "until the end of 2026"},
		{"de", timex.Expr{Value: "2026", Precision: timex.Year, Kind: timex.Until, Mod: timex.ModEnd}, "bis Ende 2026"},
		{"en", timex.Expr{Value: "2024-11", Precision: timex.Month, Mod: timex.ModMid}, "mid-November 2024"},
		{"fr", timex.Expr{Value: "2024-11", Precision: timex.Month, Mod: timex.ModMid}, "mi-novembre 2024"},
		{"hu", timex.Expr{Value: "198X", Precision: timex.Decade}, "1980-as évek"},
		{"hu", timex.Expr{Value: "199X", Precision: timex.Decade}, "1990-es évek"},
		{"de", timex.Expr{Value: "197X", Precision: timex.Decade}, "1970er Jahre"},
		{"en", timex.Expr{Value: "20XX", Precision: timex.Century}, "21st century"},
		{"fr", timex.Expr{Value: "19XX", Precision: timex.Century}, "XXe siècle"},
		{"fr", timex.Expr{Value: "2022-05-01", Precision: timex.Day}, "1er mai 2022"},
		{"en", timex.Expr{Value: "XXXX-09-07", Precision: timex.Day}, "7 September"},
		{"en", timex.Expr{Value: "XXXX-WXX-3", Precision: timex.Day}, "Wednesday"},
		{"en", timex.Expr{Text: "last year", Precision: timex.Year}, "last year"},
	}
	for _, tt := range tests {
		if got := langs[tt.lang].Format(tt.e); got != tt.want {
			t.Errorf("%s.Format(%+v) = %q, want %q", tt.lang, tt.e, got, tt.want)
		}
	}
}

func TestWeekday(t *testing.T) {
	langs := mustLanguages(t)
	wed := time.Date(2022, 9, 7, 0, 0, 0, 0, time.UTC)
	want := map[string]string{"en": "Wednesday", "fr": "mercredi", "ru": "среда", "de": "Mittwoch", "hu": "szerda", "pt": "quarta-feira"}
	for code, w := range want {
		if got := langs[code].Weekday(wed); got != w {
			t.Errorf("%s.Weekday(2022-09-07) = %q, want %q", code, got, w)
		}
	}
	if got := langs["en"].MonthName(time.July); got != "July" {
		t.Errorf("en.MonthName(July) = %q, want %q", got, "July")
	}
}

// TestFormatRoundTrip renders what Extract finds in every language: a
// label must never be empty or leak a placeholder.
func TestFormatRoundTrip(t *testing.T) {
	langs := mustLanguages(t)
	texts := []string{
		"7 September 2022", "July 2022", "2009", "the early 1990s", "since December 2018",
		"summer 2022", "24 hours", "every 11 days", "between 2014 and 2018", "last year", "the 21st century",
	}
	en := &timex.Extractor{Lang: langs["en"]}
	for _, text := range texts {
		for _, e := range en.Extract(text, testRef) {
			for code, l := range langs {
				got := l.Format(e)
				if got == "" || containsAny(got, "{}") {
					t.Errorf("%s.Format(%q -> %s) = %q, want a filled label", code, text, e.Value, got)
				}
			}
		}
	}
}

func containsAny(s, chars string) bool {
	for _, c := range chars {
		for _, r := range s {
			if r == c {
				return true
			}
		}
	}
	return false
}
