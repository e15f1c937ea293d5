package timex_test

import (
	"strings"
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

// TestFormatGrammar renders the same expressions in every language: the
// labels must read as a native writer would put them, with the case a
// preposition governs ("с зимы 1986 г."), its article ("since the 1990s",
// "jusqu'à la fin de 2026", "fino alla fine del 2026"), fused endings
// ("2026 végéig") and agreement ("каждую неделю", "toutes les 2 semaines").
func TestFormatGrammar(t *testing.T) {
	langs := mustLanguages(t)
	type ex = timex.Expr
	const (
		day, month, season, year = timex.Day, timex.Month, timex.Season, timex.Year
		decade, century          = timex.Decade, timex.Century
		since, until, set        = timex.Since, timex.Until, timex.Set
	)
	exprs := []struct {
		name string
		e    timex.Expr
	}{
		{"day", ex{Value: "2022-09-07", Precision: day}},
		{"since month", ex{Value: "2024-04", Precision: month, Kind: since}},
		{"until end of year", ex{Value: "2026", Precision: year, Kind: until, Mod: timex.ModEnd}},
		{"since decade", ex{Value: "199X", Precision: decade, Kind: since}},
		{"since late decade", ex{Value: "199X", Precision: decade, Kind: since, Mod: timex.ModLate}},
		{"since season", ex{Value: "1986-WI", Precision: season, Kind: since}},
		{"until end of month no year", ex{Value: "XXXX-04", Precision: month, Kind: until, Mod: timex.ModEnd}},
		{"until end of month", ex{Value: "2024-04", Precision: month, Kind: until, Mod: timex.ModEnd}},
		{"end of year", ex{Value: "2026", Precision: year, Mod: timex.ModEnd}},
		{"late decade", ex{Value: "199X", Precision: decade, Mod: timex.ModLate}},
		{"since day", ex{Value: "2022-09-07", Precision: day, Kind: since}},
		{"until day", ex{Value: "2024-03-17", Precision: day, Kind: until}},
		{"until season", ex{Value: "2025-SU", Precision: season, Kind: until}},
		{"since start of year", ex{Value: "2026", Precision: year, Kind: since, Mod: timex.ModStart}},
		{"until year", ex{Value: "2026", Precision: year, Kind: until}},
		{"since century", ex{Value: "20XX", Precision: century, Kind: since}},
		{"weekly", ex{Kind: set, Value: "P1W", Duration: "P1W"}},
		{"daily", ex{Kind: set, Value: "P1D", Duration: "P1D"}},
		{"yearly", ex{Kind: set, Value: "P1Y", Duration: "P1Y"}},
		{"every 2 weeks", ex{Kind: set, Value: "P2W", Duration: "P2W"}},
		{"every 2 years", ex{Kind: set, Value: "P2Y", Duration: "P2Y"}},
		{"every weekday", ex{Kind: set, Value: "XXXX-WXX-3", Duration: "P1W", Precision: day}},
		{"every July", ex{Kind: set, Value: "XXXX-07", Duration: "P1Y", Precision: month}},
		{"range in a year", ex{Kind: timex.Range, Value: "2024-04/2024-06", Precision: month}},
		{"mid month", ex{Value: "2024-06", Precision: month, Mod: timex.ModMid}},
		{"since first of month", ex{Value: "2024-05-01", Precision: day, Kind: since}},
		{"late season", ex{Value: "2024-SU", Precision: season, Mod: timex.ModLate}},
		{"since year", ex{Value: "2000", Precision: year, Kind: since}},
		{"duration", ex{Kind: timex.Duration, Duration: "P6Y"}},
		{"since weekday", ex{Value: "XXXX-WXX-3", Precision: day, Kind: since}},
		{"early century", ex{Value: "19XX", Precision: century, Mod: timex.ModEarly}},
		{"until month", ex{Value: "2024-04", Precision: month, Kind: until}},
		{"season range", ex{Kind: timex.Range, Value: "2024-SP/2024-SU", Precision: season}},
	}
	want := map[string][]string{
		"en": {
			"7 September 2022", "since April 2024", "until the end of 2026", "since the 1990s",
			"since the late 1990s", "since winter 1986", "until the end of April", "until the end of April 2024",
			"the end of 2026", "late 1990s", "since 7 September 2022", "until 17 March 2024",
			"until summer 2025", "since the beginning of 2026", "until 2026", "since the 21st century",
			"every week", "every day", "every year", "every 2 weeks", "every 2 years", "every Wednesday",
			"every July", "April–June 2024", "mid-June 2024", "since 1 May 2024", "late summer 2024",
			"since 2000", "6 years", "since Wednesday",
			"early 20th century", "until April 2024", "spring–summer 2024",
		},
		"fr": {
			"7 septembre 2022", "depuis avril 2024", "jusqu'à la fin de 2026", "depuis les années 1990",
			"depuis la fin des années 1990", "depuis l'hiver 1986", "jusqu'à la fin d'avril", "jusqu'à la fin d'avril 2024",
			"fin 2026", "fin des années 1990", "depuis le 7 septembre 2022", "jusqu'au 17 mars 2024",
			"jusqu'à l'été 2025", "depuis le début de 2026", "jusqu'en 2026", "depuis le XXIe siècle",
			"chaque semaine", "chaque jour", "chaque année", "toutes les 2 semaines", "tous les 2 ans", "chaque mercredi",
			"chaque juillet", "avril–juin 2024", "mi-juin 2024", "depuis le 1er mai 2024", "fin de l'été 2024",
			"depuis 2000", "6 ans", "depuis mercredi",
			"début du XXe siècle", "jusqu'en avril 2024", "printemps–été 2024",
		},
		"ru": {
			"7 сентября 2022 г.", "с апреля 2024 г.", "до конца 2026 года", "с 1990-х годов",
			"с конца 1990-х годов", "с зимы 1986 г.", "до конца апреля", "до конца апреля 2024 г.",
			"конец 2026 года", "конец 1990-х годов", "с 7 сентября 2022 г.", "до 17 марта 2024 г.",
			"до лета 2025 г.", "с начала 2026 года", "до 2026 года", "с XXI века",
			"каждую неделю", "каждый день", "каждый год", "каждые 2 недели", "каждые 2 года", "по средам",
			"каждый июль", "апрель–июнь 2024 г.", "середина июня 2024 г.", "с 1 мая 2024 г.", "конец лета 2024 г.",
			"с 2000 года", "6 лет", "со среды",
			"начало XX века", "до апреля 2024 г.", "весна–лето 2024 г.",
		},
		"hu": {
			"2022. szeptember 7.", "2024. április óta", "2026 végéig", "1990-es évek óta",
			"1990-es évek vége óta", "1986 tele óta", "április végéig", "2024. április végéig",
			"2026 vége", "1990-es évek vége", "2022. szeptember 7. óta", "2024. március 17-ig",
			"2025 nyaráig", "2026 eleje óta", "2026-ig", "21. század óta",
			"minden hét", "minden nap", "minden év", "minden 2. hét", "minden 2. év", "minden szerda",
			"minden július", "2024. április–június", "2024. június közepe", "2024. május 1. óta", "2024 nyarának vége",
			"2000 óta", "6 év", "szerda óta",
			"20. század eleje", "2024. áprilisig", "2024 tavasza–2024 nyara",
		},
		"de": {
			"7. September 2022", "seit April 2024", "bis Ende 2026", "seit den 1990er Jahren",
			"seit Ende der 1990er Jahre", "seit dem Winter 1986", "bis Ende April", "bis Ende April 2024",
			"Ende 2026", "Ende der 1990er Jahre", "seit dem 7. September 2022", "bis zum 17. März 2024",
			"bis zum Sommer 2025", "seit Anfang 2026", "bis 2026", "seit dem 21. Jahrhundert",
			"jede Woche", "jeden Tag", "jedes Jahr", "alle 2 Wochen", "alle 2 Jahre", "jeden Mittwoch",
			"jeden Juli", "April–Juni 2024", "Mitte Juni 2024", "seit dem 1. Mai 2024", "Ende des Sommers 2024",
			"seit 2000", "6 Jahre", "seit Mittwoch",
			"Anfang des 20. Jahrhunderts", "bis April 2024", "Frühjahr–Sommer 2024",
		},
		"es": {
			"7 de septiembre de 2022", "desde abril de 2024", "hasta finales de 2026", "desde los años 1990",
			"desde finales de los años 1990", "desde el invierno de 1986", "hasta finales de abril", "hasta finales de abril de 2024",
			"finales de 2026", "finales de los años 1990", "desde el 7 de septiembre de 2022", "hasta el 17 de marzo de 2024",
			"hasta el verano de 2025", "desde principios de 2026", "hasta 2026", "desde el siglo XXI",
			"cada semana", "cada día", "cada año", "cada 2 semanas", "cada 2 años", "cada miércoles",
			"cada julio", "abril–junio de 2024", "mediados de junio de 2024", "desde el 1 de mayo de 2024", "finales del verano de 2024",
			"desde 2000", "6 años", "desde el miércoles",
			"principios del siglo XX", "hasta abril de 2024", "primavera–verano de 2024",
		},
		"it": {
			"7 settembre 2022", "da aprile 2024", "fino alla fine del 2026", "dagli anni 1990",
			"dalla fine degli anni 1990", "dall'inverno 1986", "fino alla fine di aprile", "fino alla fine di aprile 2024",
			"fine 2026", "fine degli anni 1990", "dal 7 settembre 2022", "fino al 17 marzo 2024",
			"fino all'estate 2025", "dall'inizio del 2026", "fino al 2026", "dal XXI secolo",
			"ogni settimana", "ogni giorno", "ogni anno", "ogni 2 settimane", "ogni 2 anni", "ogni mercoledì",
			"ogni luglio", "aprile–giugno 2024", "metà giugno 2024", "dal 1º maggio 2024", "fine estate 2024",
			"dal 2000", "6 anni", "da mercoledì",
			"inizio del XX secolo", "fino ad aprile 2024", "primavera–estate 2024",
		},
		"pt": {
			"7 de setembro de 2022", "desde abril de 2024", "até o final de 2026", "desde os anos 1990",
			"desde o final dos anos 1990", "desde o inverno de 1986", "até o final de abril", "até o final de abril de 2024",
			"final de 2026", "final dos anos 1990", "desde 7 de setembro de 2022", "até 17 de março de 2024",
			"até o verão de 2025", "desde o início de 2026", "até 2026", "desde o século XXI",
			"a cada semana", "a cada dia", "a cada ano", "a cada 2 semanas", "a cada 2 anos", "a cada quarta-feira",
			"a cada julho", "abril–junho de 2024", "meados de junho de 2024", "desde 1º de maio de 2024", "final do verão de 2024",
			"desde 2000", "6 anos", "desde quarta-feira",
			"início do século XX", "até abril de 2024", "primavera–verão de 2024",
		},
		"sv": {
			"7 september 2022", "sedan april 2024", "till slutet av 2026", "sedan 1990-talet",
			"sedan slutet av 1990-talet", "sedan vintern 1986", "till slutet av april", "till slutet av april 2024",
			"slutet av 2026", "slutet av 1990-talet", "sedan 7 september 2022", "till 17 mars 2024",
			"till sommaren 2025", "sedan början av 2026", "till 2026", "sedan 2000-talet",
			"varje vecka", "varje dag", "varje år", "var 2:a vecka", "vart 2:a år", "varje onsdag",
			"varje juli", "april–juni 2024", "mitten av juni 2024", "sedan 1 maj 2024", "slutet av sommaren 2024",
			"sedan 2000", "6 år", "sedan onsdag",
			"början av 1900-talet", "till april 2024", "våren–sommaren 2024",
		},
		"nb": {
			"7. september 2022", "siden april 2024", "til slutten av 2026", "siden 1990-tallet",
			"siden sent på 1990-tallet", "siden vinteren 1986", "til slutten av april", "til slutten av april 2024",
			"slutten av 2026", "sent på 1990-tallet", "siden 7. september 2022", "til 17. mars 2024",
			"til sommeren 2025", "siden begynnelsen av 2026", "til 2026", "siden 2000-tallet",
			"hver uke", "hver dag", "hvert år", "hver 2. uke", "hvert 2. år", "hver onsdag",
			"hver juli", "april–juni 2024", "midten av juni 2024", "siden 1. mai 2024", "slutten av sommeren 2024",
			"siden 2000", "6 år", "siden onsdag",
			"begynnelsen av 1900-tallet", "til april 2024", "våren–sommeren 2024",
		},
	}
	if len(want) != len(langs) {
		t.Errorf("the table covers %d languages, LoadLanguages gives %d", len(want), len(langs))
	}
	for code, ws := range want {
		if len(ws) != len(exprs) {
			t.Fatalf("%s: %d expected labels for %d expressions", code, len(ws), len(exprs))
		}
		for i, x := range exprs {
			if got := langs[code].Format(x.e); got != ws[i] {
				t.Errorf("%s.Format(%s: %s %s %s) = %q, want %q", code, x.name, x.e.Value, x.e.Kind, x.e.Mod, got, ws[i])
			}
		}
	}
}

// TestFormatMatrix renders every kind, mod and precision in every
// language: a label must be filled, with no placeholder, case name or
// doubled space left over.
func TestFormatMatrix(t *testing.T) {
	langs := mustLanguages(t)
	values := []struct {
		v string
		p timex.Precision
	}{
		{"2026", timex.Year}, {"2024-04", timex.Month}, {"XXXX-04", timex.Month}, {"2024-SU", timex.Season},
		{"XXXX-SP", timex.Season}, {"199X", timex.Decade}, {"19XX", timex.Century}, {"2022-09-01", timex.Day},
		{"XXXX-10-11", timex.Day}, {"2024-W12", timex.Week}, {"XXXX-WXX-2", timex.Day},
	}
	mods := []timex.Mod{timex.ModNone, timex.ModEarly, timex.ModMid, timex.ModLate, timex.ModStart, timex.ModEnd}
	var exprs []timex.Expr
	for _, v := range values {
		for _, k := range []timex.Kind{timex.Point, timex.Since, timex.Until} {
			for _, m := range mods {
				exprs = append(exprs, timex.Expr{Value: v.v, Precision: v.p, Kind: k, Mod: m})
			}
		}
	}
	for _, p := range []string{"PT1M", "PT5H", "P1D", "P3D", "P1W", "P2W", "P1M", "P14M", "P1Y", "P21Y", "P10Y", "PXDE", "PXY"} {
		exprs = append(exprs, timex.Expr{Kind: timex.Set, Value: p, Duration: p}, timex.Expr{Kind: timex.Duration, Duration: p})
	}
	for _, v := range []string{"XXXX-SP", "XXXX-SU", "XXXX-FA", "XXXX-WI", "XXXX-01", "XXXX-12", "XXXX-WXX-1", "XXXX-WXX-7"} {
		exprs = append(exprs, timex.Expr{Kind: timex.Set, Value: v, Duration: "P1Y"})
	}
	for _, v := range []string{"2024-09-01/2024-09-15", "2023-11/2024-02", "2024-SP/2024-SU", "198X/199X", "2014/2018"} {
		exprs = append(exprs, timex.Expr{Kind: timex.Range, Value: v})
	}
	for code, l := range langs {
		for _, e := range exprs {
			got := l.Format(e)
			if got == "" || containsAny(got, "{}@") || strings.Contains(got, "  ") || strings.TrimSpace(got) != got {
				t.Errorf("%s.Format(%s %s %s) = %q, want a filled label", code, e.Value, e.Kind, e.Mod, got)
			}
		}
	}
}
