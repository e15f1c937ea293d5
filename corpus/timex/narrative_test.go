package timex_test

import (
	"testing"
	"time"

	"github.com/qabot/qabot/corpus/timex"
)

// narrativeRef is the anchor of the narrative tests: Friday 15 March 2024.
const narrativeRef = "2024-03-15"

// narrative is one invented article and what some of its expressions must
// resolve to.
type narrative struct {
	name      string
	sentences []string
	want      []resolved
}

// resolved names an expression by sentence and text.
type resolved struct {
	sentence int
	text     string
	value    string
	kind     timex.Kind
}

func runNarratives(t *testing.T, lang string, tests []narrative) {
	t.Helper()
	langs := mustLanguages(t)
	r := &timex.Resolver{Lang: langs[lang]}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := r.Document([]string{narrativeRef}, tt.sentences)
			if want := time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC); !doc.Ref.Date.Equal(want) {
				t.Fatalf("Document(%s).Ref = %v, want %v", tt.name, doc.Ref.Date, want)
			}
			for _, w := range tt.want {
				var found *timex.Expr
				for i, e := range doc.Sentences[w.sentence] {
					if e.Text == w.text {
						found = &doc.Sentences[w.sentence][i]
						break
					}
				}
				if found == nil {
					t.Errorf("sentence %d %q: no expression %q in %+v", w.sentence, tt.sentences[w.sentence], w.text, doc.Sentences[w.sentence])
					continue
				}
				if found.Value != w.value || found.Kind != w.kind {
					t.Errorf("%q in %q = %s %s (%s), want %s %s", w.text, tt.sentences[w.sentence], found.Value, found.Kind, found.Reason, w.value, w.kind)
				}
			}
		})
	}
}

// TestYearLending: a date without a year borrows one written in its own
// clause, or in an adverbial that qualifies the whole sentence, but not
// one of another clause; otherwise it takes its year from the reference.
func TestYearLending(t *testing.T) {
	p := timex.Point
	runNarratives(t, "en", []narrative{
		{"year of an apposition is not lent", []string{
			"The ship, built in 2003 and refitted in the spring of 2019, passed its last inspection on February 27.",
		}, []resolved{{0, "February 27", "2024-02-27", p}, {0, "spring of 2019", "2019-SP", p}}},
		{"year of a relative clause is not lent", []string{
			"The museum, which opened in 2015, closed on January 10.",
		}, []resolved{{0, "January 10", "2024-01-10", p}}},
		{"date before an apposition", []string{
			"On February 2, the ferry, built in 2003, ran aground.",
		}, []resolved{{0, "February 2", "2024-02-02", p}}},
		{"opening adverbial lends", []string{
			"In 2019, the company opened its first store on May 3.",
		}, []resolved{{0, "May 3", "2019-05-03", p}}},
		{"adverbial between commas lends", []string{
			"The company, in 2019, opened a store on May 3.",
		}, []resolved{{0, "May 3", "2019-05-03", p}}},
		{"same clause lends", []string{
			"The plant opened in 2019 and produced its first car on May 3.",
		}, []resolved{{0, "May 3", "2019-05-03", p}}},
		{"apposition to the year", []string{
			"The plant opened in 2019, on May 3.",
		}, []resolved{{0, "May 3", "2019-05-03", p}}},
		{"nearest lending year wins over a nearer clause", []string{
			"In 2019, the company, which was founded in 1990, opened a store on May 3.",
		}, []resolved{{0, "May 3", "2019-05-03", p}}},
		{"opening word and adverbial", []string{
			"But last year, the meeting took place in July.",
		}, []resolved{{0, "July", "2023-07", p}}},
	})
}

// TestAnaphora: "N minutes later", "a week earlier" and "the next day"
// count from the last event date nearby, not from the date a report was
// given, and minutes or hours with nothing near to count from stay
// unresolved.
func TestAnaphora(t *testing.T) {
	p := timex.Point
	runNarratives(t, "en", []narrative{
		{"event before the report date", []string{
			"A ferry ran aground on Thursday evening, the coastal agency said on Friday.",
			"All passengers were taken off by morning.",
			"The ship had struck a rock 25 minutes later.",
		}, []resolved{{0, "Friday", "2024-03-15", p}, {2, "25 minutes later", "2024-03-14", p}}},
		{"the report date when there is no other", []string{
			"The satellite reached orbit, the agency said on Monday.",
			"Controllers heard its first signal 52 minutes later.",
		}, []resolved{{1, "52 minutes later", "2024-03-11", p}}},
		{"reporting verb after the date", []string{
			"The bridge collapsed on Wednesday, and police on Friday said the driver had died.",
			"Divers found the car three hours later.",
		}, []resolved{{1, "three hours later", "2024-03-13", p}}},
		{"reporting verb with an object", []string{
			"The mayor resigned on Tuesday, her office told reporters on Thursday.",
			"A week earlier, she had denied the reports.",
		}, []resolved{{1, "A week earlier", "2024-03-05", p}}},
		{"next day after the event", []string{
			"The storm hit on Monday, officials said on Wednesday.",
			"The next day, schools closed.",
		}, []resolved{{1, "The next day", "2024-03-12", p}}},
		{"event in the reported clause", []string{
			"Police said the ferry sank on Thursday.",
			"Two hours later, divers arrived.",
		}, []resolved{{1, "Two hours later", "2024-03-14", p}}},
		{"hours with no event near", []string{
			"The plant closed on Tuesday.",
			"Workers protested outside.",
			"Unions met the owners.",
			"Two hours later, police arrived.",
		}, []resolved{{3, "Two hours later", "", p}}},
		{"a month counts from a date further back", []string{
			"The treaty was signed on 3 May 2021.",
			"Workers protested outside.",
			"Unions met the owners.",
			"A month earlier, talks had stalled.",
		}, []resolved{{3, "A month earlier", "2021-04", p}}},
	})
}

// TestRecurring: a month or season without a year in a clause that says
// what usually happens recurs; it becomes a set with an unknown year
// rather than a guess at last year's July.
func TestRecurring(t *testing.T) {
	p, set := timex.Point, timex.Set
	runNarratives(t, "en", []narrative{
		{"present state with now", []string{
			"Tourism has grown since the 1990s, with visitors now outnumbering residents five to one in July and August.",
		}, []resolved{{0, "July", "XXXX-07", set}, {0, "August", "XXXX-08", set}, {0, "since the 1990s", "199X", timex.Since}}},
		{"usually", []string{"The festival is usually held in July."}, []resolved{{0, "July", "XXXX-07", set}}},
		{"every season", []string{"Every summer, the island fills with tourists."}, []resolved{{0, "Every summer", "XXXX-SU", set}}},
		{"every month", []string{"The council meets every March."}, []resolved{{0, "every March", "XXXX-03", set}}},
		{"a set in the clause", []string{"Every year in May, farmers burn their stubble."}, []resolved{{0, "May", "XXXX-05", set}}},
		{"past event", []string{"The fire started in July."}, []resolved{{0, "July", "2023-07", p}}},
		{"habit in another clause", []string{
			"Tourists usually come in summer, but the storm struck in February.",
		}, []resolved{{0, "summer", "XXXX-SU", set}, {0, "February", "2024-02", p}}},
		{"written year", []string{"Visitors usually came in July 2019."}, []resolved{{0, "July 2019", "2019-07", p}}},
	})
	runNarratives(t, "fr", []narrative{
		{"fr généralement", []string{"Le festival a généralement lieu en juillet."}, []resolved{{0, "juillet", "XXXX-07", set}}},
	})
	runNarratives(t, "de", []narrative{
		{"de meistens", []string{"Das Festival findet meistens im Juli statt."}, []resolved{{0, "Juli", "XXXX-07", set}}},
	})
	runNarratives(t, "ru", []narrative{
		{"ru обычно", []string{"Фестиваль обычно проходит в июле."}, []resolved{{0, "июле", "XXXX-07", set}}},
	})
}

// TestPartOfPeriod: "earlier this year" keeps its mod and covers the part
// of the year before the reference; "later this month" the part after;
// "early next year" the first third of next year.
func TestPartOfPeriod(t *testing.T) {
	langs := mustLanguages(t)
	ref := timex.Ref{Date: time.Date(2024, 3, 15, 0, 0, 0, 0, time.UTC), Precision: timex.Day}
	day := func(m, d int) time.Time { return time.Date(2024, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	type span struct {
		Text, Value string
		Mod         timex.Mod
		From, To    time.Time
	}
	tests := []struct {
		lang, text string
		want       span
	}{
		{"en", "Earlier this year, the plant closed.", span{"Earlier this year", "2024", timex.ModEarly, day(1, 1), day(3, 15)}},
		{"en", "It will reopen later this month.", span{"later this month", "2024-03", timex.ModLate, day(3, 16), day(4, 1)}},
		{"en", "Talks resume early next year.", span{"early next year", "2025", timex.ModEarly, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)}},
		{"en", "It was announced earlier this week.", span{"earlier this week", "2024-W11", timex.ModEarly, day(3, 11), day(3, 15)}},
		{"en", "Prices rose earlier in the year.", span{"earlier in the year", "2024", timex.ModEarly, day(1, 1), day(3, 15)}},
		{"en", "It is due later this year.", span{"later this year", "2024", timex.ModLate, day(3, 16), time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}},
		{"fr", "L'usine a fermé plus tôt cette année.", span{"plus tôt cette année", "2024", timex.ModEarly, day(1, 1), day(3, 15)}},
		{"de", "Das Werk schloss früher in diesem Jahr.", span{"früher in diesem Jahr", "2024", timex.ModEarly, day(1, 1), day(3, 15)}},
		{"ru", "Завод закрылся ранее в этом году.", span{"ранее в этом году", "2024", timex.ModEarly, day(1, 1), day(3, 15)}},
		{"sv", "Fabriken stängde tidigare i år.", span{"tidigare i år", "2024", timex.ModEarly, day(1, 1), day(3, 15)}},
		{"es", "La fábrica reabrirá a principios del próximo año.", span{"a principios del próximo año", "2025", timex.ModEarly, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)}},
		{"hu", "A gyár jövő év elején nyit újra.", span{"jövő év elején", "2025", timex.ModStart, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)}},
		{"hu", "Később ebben a hónapban döntenek.", span{"Később ebben a hónapban", "2024-03", timex.ModLate, day(3, 16), day(4, 1)}},
	}
	for _, tt := range tests {
		x := &timex.Extractor{Lang: langs[tt.lang]}
		exprs := x.Extract(tt.text, ref)
		if len(exprs) != 1 {
			t.Errorf("%s: Extract(%q) = %d expressions %+v, want 1", tt.lang, tt.text, len(exprs), exprs)
			continue
		}
		e := exprs[0]
		if got := (span{e.Text, e.Value, e.Mod, e.From, e.To}); got != tt.want {
			t.Errorf("%s: Extract(%q) = %+v, want %+v", tt.lang, tt.text, got, tt.want)
		}
	}
}

// A yearless month takes its year from the story and the tense: told in
// the past, it follows the story's last date; told in the future, it is
// the next one after the reference (15 March 2024); near the reference,
// it is the news's own. The articles are invented.
func TestStoryAndTense(t *testing.T) {
	const p = timex.Point
	runNarratives(t, "en", []narrative{
		{"past months follow the story", []string{
			"Enrolment began in June 2022, and the first classes met in a church hall.",
			"By August, more than 300 adults had signed up, and the last of them enrolled in November.",
		}, []resolved{{1, "By August", "2022-08", timex.Until}, {1, "November", "2022-11", p}}},
		{"a modal is the future", []string{
			"The council said it could review the grant at its meeting in September.",
		}, []resolved{{0, "September", "2024-09", p}}},
		{"the past without a story is the last one", []string{
			"The harbour froze in December, the coastguard said.",
		}, []resolved{{0, "December", "2023-12", p}}},
	})
	runNarratives(t, "fr", []narrative{
		{"French: past months follow the story", []string{
			"Les inscriptions ont commencé en mars 2022 dans une salle paroissiale.",
			"En novembre, plus de 300 adultes s'étaient inscrits.",
		}, []resolved{{1, "novembre", "2022-11", p}}},
		{"French: the conditional is the future", []string{
			"Le conseil pourrait réexaminer la subvention lors de sa réunion de septembre.",
		}, []resolved{{0, "septembre", "2024-09", p}}},
	})
	runNarratives(t, "de", []narrative{
		{"German: past months follow the story", []string{
			"Die Anmeldung begann im März 2022 in einem Gemeindesaal.",
			"Im November hatten sich mehr als 300 Erwachsene angemeldet.",
		}, []resolved{{1, "November", "2022-11", p}}},
		{"German: the future", []string{
			"Der Rat wird den Zuschuss auf seiner Sitzung im September prüfen.",
		}, []resolved{{0, "September", "2024-09", p}}},
		{"German: the conditional is the future", []string{
			"Der Rat könnte den Zuschuss auf seiner Sitzung im September prüfen.",
		}, []resolved{{0, "September", "2024-09", p}}},
	})
	runNarratives(t, "ru", []narrative{
		{"Russian: past months follow the story", []string{
			"Запись началась в марте 2022 года в зале приходской церкви.",
			"В ноябре записались более 300 взрослых.",
		}, []resolved{{1, "ноябре", "2022-11", p}}},
		{"Russian: the future", []string{
			"Совет рассмотрит вопрос о гранте на заседании в сентябре и будет голосовать.",
		}, []resolved{{0, "сентябре", "2024-09", p}}},
		{"Russian: the conditional is the future", []string{
			"Совет мог бы рассмотреть вопрос о гранте на заседании в сентябре.",
		}, []resolved{{0, "сентябре", "2024-09", p}}},
	})
	// The other six languages, told the same story.
	for _, tt := range []struct {
		lang, began, enrolled, november, conditional, september string
	}{
		{"es", "Las inscripciones comenzaron en marzo de 2022 en un salón parroquial.", "En noviembre, más de 300 adultos se habían inscrito.", "noviembre",
			"El consejo podría revisar la subvención en su reunión de septiembre.", "septiembre"},
		{"it", "Le iscrizioni sono iniziate nel marzo 2022 in una sala parrocchiale.", "A novembre, più di 300 adulti si erano iscritti.", "novembre",
			"Il consiglio potrebbe esaminare il contributo nella riunione di settembre.", "settembre"},
		{"pt", "As inscrições começaram em março de 2022 num salão paroquial.", "Em novembro, mais de 300 adultos tinham se inscrito.", "novembro",
			"O conselho poderia rever o subsídio na sua reunião de setembro.", "setembro"},
		{"nb", "Påmeldingen begynte i mars 2022 i et menighetshus.", "I november hadde over 300 voksne meldt seg på.", "november",
			"Rådet bør vurdere tilskuddet på møtet i september.", "september"},
		{"sv", "Anmälan började i mars 2022 i en församlingssal.", "I november hade över 300 vuxna anmält sig.", "november",
			"Rådet skulle kunna pröva bidraget vid sitt möte i september.", "september"},
		{"hu", "A jelentkezés 2022 márciusában kezdődött egy plébániateremben.", "Novemberben már több mint 300 felnőtt jelentkezett.", "Novemberben",
			"A tanács szeptemberben felülvizsgálhatná a támogatást.", "szeptemberben"},
	} {
		runNarratives(t, tt.lang, []narrative{
			{tt.lang + ": past months follow the story", []string{tt.began, tt.enrolled}, []resolved{{1, tt.november, "2022-11", p}}},
			{tt.lang + ": the conditional is the future", []string{tt.conditional}, []resolved{{0, tt.september, "2024-09", p}}},
		})
	}
}
