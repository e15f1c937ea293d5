package corpus_test

import (
	"time"

	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/corpus"
)

// The sentences below are invented; names, places and organisations in
// them do not appear in any article the extractor was tuned on.

// extract runs x over an article made of the given sentences, one
// paragraph each, as Parser.Parse would after segmenting.
func extract(t *testing.T, x *corpus.FactExtractor, sentences ...string) *corpus.Article {
	t.Helper()
	a := &corpus.Article{}
	for i, s := range sentences {
		a.Sentences = append(a.Sentences, corpus.Sentence{Index: i, Paragraph: i, Text: s})
	}
	x.Extract(a)
	for i, s := range a.Sentences {
		checkFactSpans(t, i, s)
	}
	return a
}

func mustExtractor(t *testing.T) *corpus.FactExtractor {
	t.Helper()
	x, err := corpus.NewFactExtractor()
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// num builds the Number expected for the first occurrence of text in
// sentence.
func num(sentence, text string, value float64, unit string) corpus.Number {
	i := strings.Index(sentence, text)
	if i < 0 {
		panic("num: " + text + " not in " + sentence)
	}
	return corpus.Number{Span: corpus.Span{Text: text, Start: i, End: i + len(text)}, Value: value, Unit: unit}
}

// A numberRow is an expected Number: its text, found in the row's sentence
// for the offsets, its value and its unit.
type numberRow struct {
	text  string
	value float64
	unit  string
	money bool
}

func TestNumbers(t *testing.T) {
	tests := []struct {
		name        string
		sentence    string
		numberWords map[string]float64
		want        []numberRow
	}{
		{"thousands separator and plural unit", "About 3,000 people waited at the quay.", nil, []numberRow{{"3,000 people", 3000, "people", false}}},
		{"millions with separators", "The fund paid out 3,000,000 euros last spring.", nil, []numberRow{{"3,000,000 euros", 3e+06, "euros", true}}},
		{"two-word unit", "Some 38 container ships were stuck outside the bay.", nil, []numberRow{{"38 container ships", 38, "container ships", false}}},
		{"decimals", "Prices rose 2.5 percent and then 12.75 percent.", nil, []numberRow{{"2.5 percent", 2.5, "percent", false}, {"12.75 percent", 12.75, "percent", false}}},
		{"currency sign and multiplier", "The ferry cost €7.5 million to build.", nil, []numberRow{{"€7.5 million", 7.5e+06, "€", true}}},
		{"dollar and billion", "The bridge cost $35 billion in the end.", nil, []numberRow{{"$35 billion", 3.5e+10, "$", true}}},
		{"pound and yen signs", "Tickets cost £40 or ¥500 at the gate.", nil, []numberRow{{"£40", 40, "£", true}, {"¥500", 500, "¥", true}}},
		{"currency word after the number", "The fine was 500 kroner per boat.", nil, []numberRow{{"500 kroner", 500, "kroner", true}}},
		{"hyphenated unit", "The union called a 24-hour strike and a 14-month freeze.", nil, []numberRow{{"24-hour", 24, "hour", false}, {"14-month", 14, "month", false}}},
		{"no unit before a function word", "Some 12 of the boats sank, and 40 were saved.", nil, []numberRow{{"12", 12, "", false}, {"40", 40, "", false}}},
		{"capitalised word after a number is not its unit", "It sent 40 Coast Guard boats north.", nil, []numberRow{{"40", 40, "", false}}},
		{"clock time with a.m.", "The truck stopped at 3:40 a.m. near the bridge.", nil, nil},
		{"clock time with colon", "The alarm sounded at 09:14 in the hall.", nil, nil},
		{"hour with p.m. and pm", "They met at 7 p.m. and left at 11 pm.", nil, nil},
		{"hour with a time zone", "The launch is due at 10 GMT on Friday.", nil, nil},
		{"year is a date, not a quantity", "The mill opened in 1998 and closed in 2011.", nil, nil},
		{"decade is not a quantity", "Trade boomed in the 1990s along the coast.", nil, nil},
		{"slashed date is not a quantity", "The order was signed on 07/11/2024 in the port.", nil, nil},
		{"names with digits are not quantities", "The KESTREL-3 satellite rode on a Boralis-2 rocket.", nil, nil},
		{"a number closing a name is not a quantity", "Some 40 families moved to the camp called Kessel 2.", nil, []numberRow{{"40 families", 40, "families", false}}},
		{
			"number words when the extractor knows them",
			"Forty-five people died, and seven were hurt.",
			map[string]float64{"forty": 40, "five": 5, "seven": 7},
			[]numberRow{{"Forty-five people", 45, "people", false}, {"seven", 7, "", false}},
		},
		{"number words unknown without a list", "Forty-five people died, and seven were hurt.", nil, nil},
		{
			"a part counts what its whole counts",
			"The plan would cut 420 of the 1,850 jobs, and 12 of the boats.",
			nil,
			[]numberRow{{"420", 420, "jobs", false}, {"1,850 jobs", 1850, "jobs", false}, {"12", 12, "", false}},
		},
		{
			"a multiplier word is not a number of its own",
			"The pipeline cost €90 million and serves 30 villages.",
			map[string]float64{"million": 1e6, "thirty": 30},
			[]numberRow{{"€90 million", 9e7, "€", true}, {"30 villages", 30, "villages", false}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtractor(t)
			x.NumberWords = tt.numberWords
			a := extract(t, x, tt.sentence)
			var want []corpus.Number
			for _, w := range tt.want {
				n := num(tt.sentence, w.text, w.value, w.unit)
				n.Money = w.money
				want = append(want, n)
			}
			if diff := cmp.Diff(want, a.Sentences[0].Facts.Numbers); diff != "" {
				t.Errorf("numbers of %q mismatch (-want +got):\n%s", tt.sentence, diff)
			}
		})
	}
}

func TestYearsWithoutDateFinder(t *testing.T) {
	tests := []struct {
		sentence string
		want     []string
	}{
		{"The mill opened in 1998 and closed in 2011.", []string{"1998", "2011"}},
		{"The order was signed on 07/11/2024 in the port.", []string{"2024"}},
		{"They caught 1,998 fish.", nil},
		{"The index stood at 2024.5 points.", nil},
		{"It cost $2024 to fix.", nil},
		{"The code 12019 is not a year.", nil},
	}
	x := mustExtractor(t)
	for _, tt := range tests {
		a := extract(t, x, tt.sentence)
		var got []string
		for _, d := range a.Sentences[0].Facts.Dates {
			got = append(got, d.Text)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("dates of %q mismatch (-want +got):\n%s", tt.sentence, diff)
		}
	}
}

// fakeDates marks the first word of every sentence as a date.
type fakeDates struct{}

func (fakeDates) FindDates(a *corpus.Article) ([][]timex.Expr, timex.Ref, string) {
	out := make([][]timex.Expr, len(a.Sentences))
	for i, s := range a.Sentences {
		w, _, _ := strings.Cut(s.Text, " ")
		out[i] = []timex.Expr{{Text: w, Start: 0, End: len(w)}}
	}
	return out, timex.Ref{Date: time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC), Precision: timex.Day}, "fake"
}

func TestDateFinderIsUsed(t *testing.T) {
	x := mustExtractor(t)
	x.Dates = fakeDates{}
	a := extract(t, x, "Yesterday the mill closed after 1998.", "Tomorrow it opens.")
	want := []string{"Yesterday", "Tomorrow"}
	var got []string
	for _, s := range a.Sentences {
		for _, d := range s.Facts.Dates {
			got = append(got, d.Text)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dates with a DateFinder mismatch (-want +got):\n%s", diff)
	}
	if a.ReferenceReason != "fake" || a.Reference.Date.Year() != 2020 {
		t.Errorf("Reference = %v (%q), want the finder's", a.Reference, a.ReferenceReason)
	}
}

// TestTimexDates checks the real date finder: partial dates take their
// year from the caption, and "Wednesday" is no name nor "15" a quantity.
func TestTimexDates(t *testing.T) {
	times, err := timex.LoadLanguages(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	p := mustParser(t)
	p.Facts.Dates = corpus.TimexDates{Resolver: &timex.Resolver{Lang: times["en"]}}
	page := "Storm hits the coast\n\nWaves break over the sea wall, March 3, 2021.\n\nAFP - JANE DOE\n\nThe storm reached the coast on Wednesday, March 10, after a week at sea.\n\nThe town was last flooded on July 15.\n"
	a, err := p.Parse("storm", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range a.Sentences {
		for _, d := range s.Facts.Dates {
			got = append(got, d.Text+"="+d.Value)
		}
		for _, n := range s.Facts.Names {
			if strings.Contains(n.Text, "Wednesday") || strings.Contains(n.Text, "July") {
				t.Errorf("name %q lies inside a date", n.Text)
			}
		}
		for _, n := range s.Facts.Numbers {
			if n.Value == 10 || n.Value == 15 {
				t.Errorf("number %q lies inside a date", n.Text)
			}
		}
	}
	want := []string{"Wednesday, March 10=2021-03-10", "a week=P1W", "July 15=2020-07-15"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dates mismatch (-want +got):\n%s", diff)
	}
}

type kindName struct {
	Kind corpus.NameKind
	Text string
}

func TestNames(t *testing.T) {
	const (
		other  = corpus.NameOther
		person = corpus.NamePerson
		place  = corpus.NamePlace
		org    = corpus.NameOrg
	)
	tests := []struct {
		name      string
		sentences []string // names are read from the last one
		places    map[string]bool
		want      []kindName
	}{
		{
			"titles split off and what follows is a person",
			[]string{"On Monday, Prime Minister Jane Doe met Foreign Minister Olav Brekke in Tromsø."},
			nil,
			[]kindName{{other, "Monday"}, {person, "Jane Doe"}, {person, "Olav Brekke"}, {place, "Tromsø"}},
		},
		{
			"place list names a place",
			[]string{"On Monday, Prime Minister Jane Doe met Foreign Minister Olav Brekke in Tromsø."},
			map[string]bool{"tromsø": true},
			[]kindName{{other, "Monday"}, {person, "Jane Doe"}, {person, "Olav Brekke"}, {place, "Tromsø"}},
		},
		{
			"acronyms split a run of capitals",
			[]string{"Inspectors said ZELT Secretary General Ana Pol agreed."},
			nil,
			[]kindName{{org, "ZELT"}, {person, "Ana Pol"}},
		},
		{
			"two-letter acronym is an organisation",
			[]string{"Ships reached the EU quota on Monday."},
			nil,
			[]kindName{{org, "EU"}, {other, "Monday"}},
		},
		{
			"possessive ends a name",
			[]string{"Ships from Norway arrived.", "Troops moved along Norway's Arctic coast near Vardøya."},
			nil,
			[]kindName{{other, "Norway"}, {other, "Arctic"}, {place, "Vardøya"}},
		},
		{
			"organisation by its keyword",
			[]string{"Pilots met the Skellby Harbour Authority on Friday."},
			nil,
			[]kindName{{org, "Skellby Harbour Authority"}, {other, "Friday"}},
		},
		{
			"connector inside a name",
			[]string{"Members of the Federation of Nordic Dockers voted."},
			nil,
			[]kindName{{org, "Federation of Nordic Dockers"}},
		},
		{
			"sentence-initial common word is not a name",
			[]string{"Heavy rain fell on the town.", "Yesterday the board met in secret."},
			nil,
			nil,
		},
		{
			"sentence-initial word capitalised elsewhere is a name",
			[]string{"Ships left Varnholm at dawn.", "Varnholm stayed quiet all day."},
			nil,
			[]kindName{{other, "Varnholm"}},
		},
		{
			"surname of a person named before is a person",
			[]string{"Officials met Kari Lund on Monday.", "Lund said no."},
			nil,
			[]kindName{{person, "Lund"}},
		},
		{
			"a short number closing the clause belongs to the name",
			[]string{"The rebels built a camp called Kessel 2, near the border, and moved to Kessel 2."},
			nil,
			[]kindName{{other, "Kessel 2"}, {place, "Kessel 2"}},
		},
		{
			"a number followed by a word does not",
			[]string{"Ships left Varnholm 3 days ago."},
			nil,
			[]kindName{{other, "Varnholm"}},
		},
		{
			"a time zone is not a name",
			[]string{"The rocket lifted off at 07:14 GMT from Kolvik."},
			nil,
			[]kindName{{place, "Kolvik"}},
		},
		{
			"a Roman numeral after a name belongs to it",
			[]string{"Louis XIV reigned long, and Pope John Paul II met Elizabeth II."},
			nil,
			[]kindName{{person, "Louis XIV"}, {person, "John Paul II"}, {person, "Elizabeth II"}},
		},
		{
			"an initial and its full stop go on a name",
			[]string{"Officials say Lyndon B. Johnson met John F. Kennedy in 1960."},
			nil,
			[]kindName{{person, "Lyndon B. Johnson"}, {person, "John F. Kennedy"}},
		},
		{
			"an acronym after a name does not",
			[]string{"Inspectors met Ana Pol CDC officials."},
			nil,
			[]kindName{{person, "Ana Pol"}, {org, "CDC"}},
		},
		{
			"pronoun I is not a name",
			[]string{"Then I left the port, and I never came back."},
			nil,
			nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := mustExtractor(t)
			x.Places = tt.places
			a := extract(t, x, tt.sentences...)
			var got []kindName
			for _, n := range a.Sentences[len(a.Sentences)-1].Facts.Names {
				got = append(got, kindName{n.Kind, n.Text})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("names of %q mismatch (-want +got):\n%s", tt.sentences, diff)
			}
		})
	}
}

func TestAcronyms(t *testing.T) {
	tests := []struct {
		name      string
		sentences []string
		want      map[string]string // Article.Acronyms
	}{
		{
			"long name then acronym",
			[]string{"Officials from the Nordic Fisheries Board (NFB) met on Monday."},
			map[string]string{"NFB": "Nordic Fisheries Board"},
		},
		{
			"acronym then long name",
			[]string{"Officials said NFB (Nordic Fisheries Board) would meet."},
			map[string]string{"NFB": "Nordic Fisheries Board"},
		},
		{
			"connector inside the long name",
			[]string{"Members of the Federation of Nordic Dockers (FND) voted."},
			map[string]string{"FND": "Federation of Nordic Dockers"},
		},
		{
			"small words inside the long name",
			[]string{"The plan belongs to the Office for Land and Sea (OLS) now."},
			map[string]string{"OLS": "Office for Land and Sea"},
		},
		{
			"code with a digit",
			[]string{"The KESTREL-3 (Kinetic Earth Sea Trace Relay) satellite flew."},
			map[string]string{"KESTREL-3": "Kinetic Earth Sea Trace Relay"},
		},
		{
			"first definition wins",
			[]string{"Officials from the Nordic Fisheries Board (NFB) met.", "Later, the Nordic Fishing Bureau (NFB) met."},
			map[string]string{"NFB": "Nordic Fisheries Board"},
		},
		{
			"parenthesised numbers are not acronyms",
			[]string{"Talks (3) and (12) and (2024) ended."},
			map[string]string{},
		},
		{
			"acronym without an expansion",
			[]string{"The deal (NFB) was signed and the board (as expected) agreed."},
			map[string]string{},
		},
		{
			"unclosed parenthesis",
			[]string{"The Nordic Fisheries Board (NFB said nothing."},
			map[string]string{},
		},
	}
	x := mustExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := extract(t, x, tt.sentences...)
			if diff := cmp.Diff(tt.want, a.Acronyms); diff != "" {
				t.Errorf("acronyms of %q mismatch (-want +got):\n%s", tt.sentences, diff)
			}
		})
	}
}

func TestQuoteSpeakers(t *testing.T) {
	tests := []struct {
		name      string
		sentences []string // the quote is read from the last one
		want      *corpus.Quote
	}{
		{
			"name before the verb",
			[]string{`"We are ready," Kari Lund said.`},
			&corpus.Quote{Speaker: "Kari Lund", Resolved: "Kari Lund", Verb: "said"},
		},
		{
			"name after the verb",
			[]string{`"We are ready," said Kari Lund.`},
			&corpus.Quote{Speaker: "Kari Lund", Resolved: "Kari Lund", Verb: "said"},
		},
		{
			"title between verb and name",
			[]string{`"No deal," said spokeswoman Ida Sand.`},
			&corpus.Quote{Speaker: "Ida Sand", Resolved: "Ida Sand", Verb: "said"},
		},
		{
			"speaker with a title before a colon",
			[]string{`Union leader Per Olsen warned: "We will strike."`},
			&corpus.Quote{Speaker: "Per Olsen", Resolved: "Per Olsen", Verb: "warned"},
		},
		{
			"surname of a person named before",
			[]string{"Prime Minister Jane Doe spoke on Monday.", `"We will win," Doe said.`},
			&corpus.Quote{Speaker: "Doe", Resolved: "Doe", Verb: "said"},
		},
		{
			"pronoun resolved to the person named before",
			[]string{"The harbour master, Harald Vinje, spoke on Monday.", `"It is over," he said.`},
			&corpus.Quote{Speaker: "he", Resolved: "Harald Vinje", Verb: "said"},
		},
		{
			"pronoun resolved to the person named last",
			[]string{"On Monday, Kari Lund met Ida Sand.", `"It is over," she said.`},
			&corpus.Quote{Speaker: "she", Resolved: "Ida Sand", Verb: "said"},
		},
		{
			"pronoun with nobody named before",
			[]string{`"It is over," she said.`},
			&corpus.Quote{Speaker: "she", Verb: "said"},
		},
		{
			"the union said",
			[]string{`"No deal," the union said.`},
			&corpus.Quote{Speaker: "the union", Resolved: "the union", Verb: "said"},
		},
		{
			"a spokesman said",
			[]string{`"No deal," said a spokesman.`},
			&corpus.Quote{Speaker: "a spokesman", Resolved: "a spokesman", Verb: "said"},
		},
		{
			"The union said at the start",
			[]string{`The union said "no deal" was possible.`},
			&corpus.Quote{Speaker: "The union", Resolved: "The union", Verb: "said"},
		},
		{
			"speech verb without a quotation mark is no quote",
			[]string{"Kari Lund said the talks had failed."},
			nil,
		},
		{
			"quotation without a speech verb is no quote",
			[]string{`The ferry was called "unsafe" in the report.`},
			nil,
		},
		{
			"capitalised verb form is not a speech verb",
			[]string{`The Adds "Group" met.`},
			nil,
		},
	}
	x := mustExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := extract(t, x, tt.sentences...)
			got := a.Sentences[len(a.Sentences)-1].Facts.Quote
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("quote of %q mismatch (-want +got):\n%s", tt.sentences, diff)
			}
		})
	}
}
