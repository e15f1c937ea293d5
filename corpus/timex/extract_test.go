package timex_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/corpus/timex"
)

// got is the part of an Expr the table checks.
type got struct {
	Text      string
	Value     string
	Precision timex.Precision
	Kind      timex.Kind
	Mod       timex.Mod
}

// testRef is Thursday 8 September 2022, the day after the seed article's
// news.
var testRef = timex.Ref{Date: time.Date(2022, 9, 8, 0, 0, 0, 0, time.UTC), Precision: timex.Day}

func pt(text, value string, p timex.Precision) got {
	return got{Text: text, Value: value, Precision: p, Kind: timex.Point}
}

func TestExtract(t *testing.T) {
	langs := mustLanguages(t)
	const (
		day    = timex.Day
		week   = timex.Week
		month  = timex.Month
		season = timex.Season
		year   = timex.Year
		decade = timex.Decade
	)
	tests := []struct {
		name, lang, text string
		want             []got
	}{
		// English: absolute and partial dates.
		{"full date", "en", "Edi Rama, June 23, 2022 in Brussels.", []got{pt("June 23, 2022", "2022-06-23", day)}},
		{"partial date past", "en", "the attack on July 15.", []got{pt("July 15", "2022-07-15", day)}},
		{"weekday date", "en", "Albania severed its relations on Wednesday, September 7, accused", []got{pt("Wednesday, September 7", "2022-09-07", day)}},
		{"month year", "en", "since December 2018", []got{{"since December 2018", "2018-12", month, timex.Since, ""}}},
		{"in year", "en", "joining NATO in 2009 and", []got{pt("2009", "2009", year)}},
		{"year adjective", "en", "during the 1979 revolution that", []got{pt("1979", "1979", year)}},
		{"early decade", "en", "in the early 1990s, joining", []got{{"early 1990s", "199X", decade, timex.Point, timex.ModEarly}}},
		{"decade", "en", "a major cargo port in the 1970s, when", []got{pt("1970s", "197X", decade)}},
		{"late decade since", "en", "the longest since the late 1990s.", []got{{"since the late 1990s", "199X", decade, timex.Since, timex.ModLate}}},
		{"2010s", "en", "In the 2010s the agency", []got{pt("2010s", "201X", decade)}},
		{"between years", "en", "four of them between 2014 and 2018, until", []got{{"between 2014 and 2018", "2014/2018", year, timex.Range, ""}}},
		{"two years", "en", "its population in 1991 and 2021 figures", []got{pt("1991", "1991", year), pt("2021", "2021", year)}},
		{"dash range", "en", "from 2014–2018 it grew", []got{{"from 2014–2018", "2014/2018", year, timex.Range, ""}}},
		{"abbreviated month", "en", "central Portugal, Tuesday, Aug. 12, 2025.", []got{pt("Tuesday, Aug. 12, 2025", "2025-08-12", day)}},
		{"numeric day first", "en", "Issued on: 07/11/2024 - 18:25", []got{pt("07/11/2024", "2024-11-07", day)}},
		{"numeric unambiguous", "en", "on 12/25/2024 at noon", []got{pt("12/25/2024", "2024-12-25", day)}},
		{"iso date", "en", "published 2022-09-07.", []got{pt("2022-09-07", "2022-09-07", day)}},
		{"day month year", "en", "on 18 September 2023", []got{pt("18 September 2023", "2023-09-18", day)}},
		{"ordinal of month", "en", "on the 24th of August, 2021", []got{pt("24th of August, 2021", "2021-08-24", day)}},
		{"season year", "en", "due to fly in spring 2022, but", []got{pt("spring 2022", "2022-SP", season)}},
		{"last autumn", "en", "and then last autumn after", []got{pt("last autumn", "2021-FA", season)}},
		{"mid month until", "en", "if no agreement is reached by mid-November.", []got{{"by mid-November", "2022-11", month, timex.Until, timex.ModMid}}},
		{"end of year until", "en", "automated carriers by the end of 2026.", []got{{"by the end of 2026", "2026", year, timex.Until, timex.ModEnd}}},
		{"until at least", "en", "to extend the mission until at least 2027.", []got{{"until at least 2027", "2027", year, timex.Until, ""}}},
		{"early year", "en", "in early 2020 the", []got{{"early 2020", "2020", year, timex.Point, timex.ModEarly}}},
		{"century", "en", "in the 21st century", []got{pt("21st century", "20XX", timex.Century)}},
		{"short decade", "en", "music of the '90s", []got{pt("'90s", "199X", decade)}},
		{"month", "en", "in May 2019.", []got{pt("May 2019", "2019-05", month)}},
		// English: relative and vague.
		{"month earlier", "en", "A month earlier, Pence had been welcomed", []got{pt("A month earlier", "2022-08", month)}},
		{"week earlier", "en", "a week earlier, the union", []got{pt("a week earlier", "2022-09-01", day)}},
		{"this year", "en", "But this year, the meeting scheduled for July", []got{pt("this year", "2022", year), pt("July", "2022-07", month)}},
		{"last year with month", "en", "Last year, fires burned 6,000 hectares in July.", []got{pt("Last year", "2021", year), pt("July", "2021-07", month)}},
		{"next weekday", "en", "a meeting in Rome next Monday.", []got{pt("next Monday", "2022-09-12", day)}},
		{"on weekday", "en", "severed relations on Wednesday", []got{pt("Wednesday", "2022-09-07", day)}},
		{"on weekday same", "en", "said on Thursday", []got{pt("Thursday", "2022-09-08", day)}},
		{"weekday future", "en", "talks will resume on Saturday", []got{pt("Saturday", "2022-09-10", day)}},
		{"weekday night", "en", "spent Monday night in a hall", []got{pt("Monday night", "2022-09-05", day)}},
		{"time then weekday", "en", "broke out shortly before 4 p.m. on Sunday near", []got{pt("Sunday", "2022-09-04", day)}},
		{"during summer", "en", "cyberattacks during the summer.", []got{pt("summer", "2022-SU", season)}},
		{"since year", "en", "Since 2013, Albania has welcomed", []got{{"Since 2013", "2013", year, timex.Since, ""}}},
		{"yesterday", "en", "It said yesterday that", []got{pt("yesterday", "2022-09-07", day)}},
		{"years ago", "en", "two years ago", []got{pt("two years ago", "2020", year)}},
		{"next day", "en", "It failed on July 15. The next day it worked.", []got{pt("July 15", "2022-07-15", day), pt("The next day", "2022-07-16", day)}},
		{"end of decade", "en", "a fourth satellite for the end of the decade", []got{{"the end of the decade", "202X", decade, timex.Point, timex.ModEnd}}},
		// English: durations and sets.
		{"vague decades", "en", "After decades of isolation on the", []got{{"decades", "PXDE", decade, timex.Duration, ""}}},
		{"within hours", "en", "leave the territory within 24 hours.", []got{{"within 24 hours", "PT24H", timex.Time, timex.Duration, ""}}},
		{"over a month compound", "en", "Over a 14-month primary mission, it", []got{{"Over a 14-month", "P14M", month, timex.Duration, ""}}},
		{"every days", "en", "revisiting each site every 11 days.", []got{{"every 11 days", "P11D", day, timex.Set, ""}}},
		{"for years", "en", "operated for six years, far longer", []got{{"for six years", "P6Y", year, timex.Duration, ""}}},
		{"compound hour", "en", "a nationwide 24-hour strike", []got{{"24-hour", "PT24H", timex.Time, timex.Duration, ""}}},
		{"next hours", "en", "warned that the next 48 hours would be", []got{{"the next 48 hours", "PT48H", timex.Time, timex.Duration, ""}}},
		{"bare duration", "en", "it took six years", []got{{"six years", "P6Y", year, timex.Duration, ""}}},
		{"weeks", "en", "for more than two weeks", []got{{"for more than two weeks", "P2W", week, timex.Duration, ""}}},
		{"quarter century", "en", "A quarter of a century in orbit", []got{{"A quarter of a century", "P25Y", year, timex.Duration, ""}}},
		{"weekly", "en", "our weekly newsletter", []got{{"weekly", "P1W", week, timex.Set, ""}}},
		{"bare hours", "en", "It lasted 24 hours.", []got{{"24 hours", "PT24H", timex.Time, timex.Duration, ""}}},
		{"bare compound month", "en", "a 14-month mission", []got{{"14-month", "P14M", month, timex.Duration, ""}}},
		{"word number hours", "en", "for twenty-four hours", []got{{"for twenty-four hours", "PT24H", timex.Time, timex.Duration, ""}}},
		{"clock and date", "en", "Updated 9:48 PM GMT+1, August 12, 2025", []got{pt("August 12, 2025", "2025-08-12", day)}},
		{"last week", "en", "last week", []got{pt("last week", "2022-W35", week)}},
		// Without a future cue a partial date more than a month away is
		// taken as past: news narrates what happened.
		{"from to", "en", "from October 21 to November 15", []got{{"from October 21 to November 15", "2021-10-21/2021-11-15", day, timex.Range, ""}}},
		{"from to future", "en", "the strike will run from October 21 to November 15", []got{{"from October 21 to November 15", "2022-10-21/2022-11-15", day, timex.Range, ""}}},
		{"every weekday", "en", "every Monday", []got{{"every Monday", "XXXX-WXX-1", day, timex.Set, ""}}},
		{"possessive weekday", "en", "after Tuesday's vote", []got{pt("Tuesday", "2022-09-06", day)}},
		// English traps.
		{"trap march", "en", "The March on Washington", nil},
		{"trap thousands", "en", "which hosts around 3,000 people.", nil},
		{"trap name number", "en", "their new city called Ashraf 3.", nil},
		{"trap number two", "en", "including the number two of the regime.", nil},
		{"trap code", "en", "GLACIS-3 lifted off aboard a Vantor-2 rocket", nil},
		{"trap weight", "en", "weighs 740 kg and cost €186 million", nil},
		{"trap clock", "en", "at 09:14 local time (07:14 GMT)", nil},
		{"trap jobs", "en", "around 420 of the 1,850 jobs at the terminal", nil},
		{"trap degrees", "en", "temperatures near 44 degrees Celsius", nil},
		{"trap speed", "en", "gusts of up to 80 km/h (50 mph)", nil},
		{"trap word number", "en", "Four Iranian diplomats expelled", nil},
		{"trap am", "en", "around 3:40 a.m. on a forest road", nil},
		{"trap pm", "en", "shortly after 7 p.m.", nil},
		{"trap count", "en", "2000 people fled", nil},
		{"trap covid", "en", "the COVID-19 pandemic", nil},
		{"trap rate", "en", "costing €7.5 million a day", nil},
		{"trap may", "en", "It may rain.", nil},
		{"trap fall", "en", "after the fall of the communist regime", nil},
		{"trap age", "en", "a woman in her 30s", nil},
		{"trap decimal", "en", "1.3 million TEU", nil},

		// French.
		{"fr le date", "fr", "Quand a eu lieu l'attaque du 7 septembre ?", []got{pt("7 septembre", "2022-09-07", day)}},
		{"fr en year", "fr", "Que s'est-il passé en 2009 ?", []got{pt("2009", "2009", year)}},
		{"fr last year", "fr", "Qu'est-il arrivé l'année dernière ?", []got{pt("l'année dernière", "2021", year)}},
		{"fr full date", "fr", "le mercredi 7 septembre 2022", []got{pt("mercredi 7 septembre 2022", "2022-09-07", day)}},
		{"fr since", "fr", "depuis décembre 2018", []got{{"depuis décembre 2018", "2018-12", month, timex.Since, ""}}},
		{"fr early decade", "fr", "au début des années 1990", []got{{"au début des années 1990", "199X", decade, timex.Point, timex.ModEarly}}},
		{"fr ago", "fr", "il y a deux ans", []got{pt("il y a deux ans", "2020", year)}},
		{"fr within", "fr", "quitter le pays dans les 24 heures", []got{{"dans les 24 heures", "PT24H", timex.Time, timex.Duration, ""}}},
		{"fr last summer", "fr", "l'été dernier", []got{pt("l'été dernier", "2022-SU", season)}},
		{"fr month earlier", "fr", "un mois plus tôt", []got{pt("un mois plus tôt", "2022-08", month)}},
		{"fr every", "fr", "tous les 11 jours", []got{{"tous les 11 jours", "P11D", day, timex.Set, ""}}},
		{"fr trap clock", "fr", "à 18 heures", nil},
		{"fr trap participle", "fr", "il a été expulsé", nil},
		{"fr trap thousands", "fr", "3 000 personnes", nil},

		// Spanish.
		{"es year", "es", "¿Qué pasó en 2009?", []got{pt("2009", "2009", year)}},
		{"es last year", "es", "el año pasado", []got{pt("el año pasado", "2021", year)}},
		{"es full date", "es", "el 7 de septiembre de 2022", []got{pt("7 de septiembre de 2022", "2022-09-07", day)}},
		{"es ago", "es", "hace dos años", []got{pt("hace dos años", "2020", year)}},
		{"es since", "es", "desde 2013", []got{{"desde 2013", "2013", year, timex.Since, ""}}},
		{"es every", "es", "cada 11 días", []got{{"cada 11 días", "P11D", day, timex.Set, ""}}},
		{"es mid", "es", "hasta mediados de noviembre", []got{{"hasta mediados de noviembre", "2022-11", month, timex.Until, timex.ModMid}}},

		// Russian.
		{"ru year", "ru", "Что произошло в 2009 году?", []got{pt("2009 году", "2009", year)}},
		{"ru full date", "ru", "7 сентября 2022 г.", []got{pt("7 сентября 2022 г.", "2022-09-07", day)}},
		{"ru month", "ru", "Что случилось в июле?", []got{pt("июле", "2022-07", month)}},
		{"ru last year", "ru", "в прошлом году", []got{pt("прошлом году", "2021", year)}},
		{"ru within", "ru", "в течение 24 часов", []got{{"в течение 24 часов", "PT24H", timex.Time, timex.Duration, ""}}},
		{"ru since", "ru", "с декабря 2018 года", []got{{"с декабря 2018 года", "2018-12", month, timex.Since, ""}}},
		{"ru early decade", "ru", "в начале 1990-х годов", []got{{"в начале 1990-х годов", "199X", decade, timex.Point, timex.ModStart}}},
		{"ru ago", "ru", "два года назад", []got{pt("два года назад", "2020", year)}},
		{"ru trap clock", "ru", "в 18 часов", nil},
		{"en season over, future tense", "en", "Work on the dam will begin in the summer.", []got{pt("summer", "2023-SU", season)}},
		{"ru season adverb", "ru", "Летом трубы прорывало трижды.", []got{pt("Летом", "2022-SU", season)}},
		{"ru season adverb, past", "ru", "Зимой трубы уже прорывало.", []got{pt("Зимой", "2021-WI", season)}},

		// German.
		{"de year", "de", "Was geschah im Jahr 2009?", []got{pt("Jahr 2009", "2009", year)}},
		{"de last year", "de", "letztes Jahr", []got{pt("letztes Jahr", "2021", year)}},
		{"de date", "de", "am 7. September", []got{pt("7. September", "2022-09-07", day)}},
		{"de since", "de", "seit 2013", []got{{"seit 2013", "2013", year, timex.Since, ""}}},
		{"de ago", "de", "vor zwei Jahren", []got{pt("vor zwei Jahren", "2020", year)}},
		{"de early decade", "de", "Anfang der 1990er Jahre", []got{{"Anfang der 1990er Jahre", "199X", decade, timex.Point, timex.ModEarly}}},
		{"de every", "de", "alle 11 Tage", []got{{"alle 11 Tage", "P11D", day, timex.Set, ""}}},
		{"de dotted date", "de", "am 07.11.2024", []got{pt("07.11.2024", "2024-11-07", day)}},
		{"de until end", "de", "bis Ende 2026", []got{{"bis Ende 2026", "2026", year, timex.Until, timex.ModEnd}}},
		{"de bare year before a lower-case word", "de", "wie sie die Bundeswehr 2013 nach dem Hochwasser errichtet hatte", []got{pt("2013", "2013", year)}},
		{"de at the earliest", "de", "könnte frühestens 2029 fertig sein", []got{pt("2029", "2029", year)}},
		{"de onward leans to the future", "de", "Die Stadt setzt ab Montag mehr Busse ein.", []got{{"ab Montag", "2022-09-12", day, timex.Since, ""}}},
		{"de since stays in the past", "de", "Die Brücke ist seit Montag gesperrt.", []got{{"seit Montag", "2022-09-05", day, timex.Since, ""}}},

		// A range of weekdays: the end is the first such day after the start.
		{"fr weekday range", "fr", "évacués dans la nuit de mardi à mercredi", []got{{"de mardi à mercredi", "2022-09-06/2022-09-07", day, timex.Range, ""}}},

		// Italian.
		{"it year", "it", "Cosa è successo nel 2009?", []got{pt("2009", "2009", year)}},
		{"it last year", "it", "l'anno scorso", []got{pt("l'anno scorso", "2021", year)}},
		{"it date", "it", "il 7 settembre 2022", []got{pt("7 settembre 2022", "2022-09-07", day)}},
		{"it ago", "it", "due anni fa", []got{pt("due anni fa", "2020", year)}},
		{"it decade", "it", "negli anni '70", []got{pt("anni '70", "197X", decade)}},
		{"it within", "it", "entro 24 ore", []got{{"entro 24 ore", "PT24H", timex.Time, timex.Duration, ""}}},

		// Portuguese.
		{"pt year", "pt", "O que aconteceu em 2009?", []got{pt("2009", "2009", year)}},
		{"pt last year", "pt", "no ano passado", []got{pt("ano passado", "2021", year)}},
		{"pt date", "pt", "em 7 de setembro de 2022", []got{pt("7 de setembro de 2022", "2022-09-07", day)}},
		{"pt ago", "pt", "há dois anos", []got{pt("há dois anos", "2020", year)}},
		{"pt weekday", "pt", "na quarta-feira", []got{pt("quarta-feira", "2022-09-07", day)}},
		{"pt every", "pt", "a cada 11 dias", []got{{"a cada 11 dias", "P11D", day, timex.Set, ""}}},

		// Swedish.
		{"sv month", "sv", "Vad hände i juli?", []got{pt("juli", "2022-07", month)}},
		{"sv last year", "sv", "i fjol", []got{pt("i fjol", "2021", year)}},
		{"sv date", "sv", "den 7 september 2022", []got{pt("7 september 2022", "2022-09-07", day)}},
		{"sv last summer", "sv", "i somras", []got{pt("i somras", "2022-SU", season)}},
		{"sv ago", "sv", "för två år sedan", []got{pt("två år sedan", "2020", year)}},
		{"sv decade", "sv", "på 1970-talet", []got{pt("1970-talet", "197X", decade)}},
		{"sv every", "sv", "var 11:e dag", []got{{"var 11:e dag", "P11D", day, timex.Set, ""}}},

		// Norwegian.
		{"nb last year", "nb", "Hva skjedde i fjor?", []got{pt("i fjor", "2021", year)}},
		{"nb month", "nb", "i juli", []got{pt("juli", "2022-07", month)}},
		{"nb date", "nb", "7. september 2022", []got{pt("7. september 2022", "2022-09-07", day)}},
		{"nb ago", "nb", "for to år siden", []got{pt("to år siden", "2020", year)}},
		{"nb every", "nb", "hver 11. dag", []got{{"hver 11. dag", "P11D", day, timex.Set, ""}}},
		{"nb last year summer", "nb", "i fjor sommer", []got{pt("i fjor sommer", "2021-SU", season)}},

		// Hungarian.
		{"hu year", "hu", "Mi történt 2009-ben?", []got{pt("2009-ben", "2009", year)}},
		{"hu last year", "hu", "Mi történt tavaly?", []got{pt("tavaly", "2021", year)}},
		{"hu full date", "hu", "2022. szeptember 7.", []got{pt("2022. szeptember 7.", "2022-09-07", day)}},
		{"hu day suffix", "hu", "szeptember 7-én", []got{pt("szeptember 7-én", "2022-09-07", day)}},
		{"hu within", "hu", "24 órán belül", []got{{"24 órán belül", "PT24H", timex.Time, timex.Duration, ""}}},
		{"hu since", "hu", "2013 óta", []got{{"2013 óta", "2013", year, timex.Since, ""}}},
		{"hu decade", "hu", "az 1990-es évek elején", []got{{"1990-es évek elején", "199X", decade, timex.Point, timex.ModStart}}},
		{"hu ago", "hu", "két éve", []got{pt("két éve", "2020", year)}},
		{"hu until", "hu", "2027-ig", []got{{"2027-ig", "2027", year, timex.Until, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.name, func(t *testing.T) {
			l := langs[tt.lang]
			if l == nil {
				t.Fatalf("no language %q", tt.lang)
			}
			x := &timex.Extractor{Lang: l}
			var out []got
			for _, e := range x.Extract(tt.text, testRef) {
				out = append(out, got{e.Text, e.Value, e.Precision, e.Kind, e.Mod})
			}
			if diff := cmp.Diff(tt.want, out); diff != "" {
				t.Errorf("Extract(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestExtractMonthFirst(t *testing.T) {
	langs := mustLanguages(t)
	x := &timex.Extractor{Lang: langs["en"], Order: timex.MonthFirst}
	exprs := x.Extract("Issued 07/11/2024", testRef)
	if len(exprs) != 1 || exprs[0].Value != "2024-07-11" {
		t.Errorf("Extract(month first) = %+v, want one expression with value 2024-07-11", exprs)
	}
}

func TestExtractWithoutReference(t *testing.T) {
	langs := mustLanguages(t)
	x := &timex.Extractor{Lang: langs["de"]}
	tests := []struct {
		text  string
		value string
		shift *timex.Shift
	}{
		{"letztes Jahr", "", &timex.Shift{N: -1, Unit: timex.Year}},
		{"am 7. September", "XXXX-09-07", nil},
		{"im Juli", "XXXX-07", nil},
		{"am Mittwoch", "XXXX-WXX-3", nil},
		{"im Jahr 2009", "2009", nil},
	}
	for _, tt := range tests {
		exprs := x.Extract(tt.text, timex.Ref{})
		if len(exprs) != 1 {
			t.Errorf("Extract(%q, no ref) = %d expressions, want 1", tt.text, len(exprs))
			continue
		}
		if exprs[0].Value != tt.value {
			t.Errorf("Extract(%q, no ref).Value = %q, want %q", tt.text, exprs[0].Value, tt.value)
		}
		if diff := cmp.Diff(tt.shift, exprs[0].Shift); diff != "" {
			t.Errorf("Extract(%q, no ref).Shift mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestExtractInterval(t *testing.T) {
	langs := mustLanguages(t)
	x := &timex.Extractor{Lang: langs["en"]}
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text     string
		from, to time.Time
	}{
		{"on 7 September 2022", date(2022, 9, 7), date(2022, 9, 8)},
		{"in July 2022", date(2022, 7, 1), date(2022, 8, 1)},
		{"in 2009", date(2009, 1, 1), date(2010, 1, 1)},
		{"in the early 1990s", date(1990, 1, 1), date(1994, 1, 1)},
		{"in the late 1990s", date(1997, 1, 1), date(2000, 1, 1)},
		{"in summer 2022", date(2022, 6, 1), date(2022, 9, 1)},
		{"in winter 2022", date(2022, 12, 1), date(2023, 3, 1)},
		{"between 2014 and 2018", date(2014, 1, 1), date(2019, 1, 1)},
		{"in mid-November 2024", date(2024, 11, 11), date(2024, 11, 21)},
	}
	for _, tt := range tests {
		exprs := x.Extract(tt.text, testRef)
		if len(exprs) != 1 {
			t.Errorf("Extract(%q) = %d expressions, want 1", tt.text, len(exprs))
			continue
		}
		if !exprs[0].From.Equal(tt.from) || !exprs[0].To.Equal(tt.to) {
			t.Errorf("Extract(%q) interval = [%v, %v), want [%v, %v)", tt.text, exprs[0].From, exprs[0].To, tt.from, tt.to)
		}
	}
}
