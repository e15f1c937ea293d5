package summary_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/summary"
)

// tramArticle is an invented news story: a lead that gives the gist, the
// details after it, a paragraph about something else (a festival), and a
// last paragraph that says the lead again in other words.
const tramArticle = `Velmora approves a tram line to its university

The town council of Velmora approved a new tram line on Tuesday, ending a decade of debate over how to link the old harbour with the university district.

The line will run for nine kilometres and stop at fourteen stations between the harbour and the campus. Construction is due to start next spring and to last three years.

Councillors voted 23 to 8 in favour of the tram line after a four-hour debate. Opponents argued that the tram would cost too much and that buses could serve the university district as well.

Mayor Ilse Brandvik said the tram would halve travel times between the harbour and the university district. "This is the biggest investment in our town for fifty years," she said.

The tram line will cost 310 million euros, two thirds of it paid by the regional government.

Velmora's annual jazz festival, which draws musicians from across the continent, opens on Friday in the old market hall. Tickets for the concerts went on sale last week.

Will the trams be ready in time?

The council approved the new tram line on Tuesday after a decade of debate over linking the old harbour with the university district.
`

func mustEnglish(t testing.TB) *lang.Language {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	en, ok := reg.Get("en")
	if !ok {
		t.Fatal("no English")
	}
	return en
}

func mustArticle(t testing.TB, text string) *corpus.Article {
	t.Helper()
	p, err := corpus.NewParser()
	if err != nil {
		t.Fatal(err)
	}
	a, err := p.Parse("test", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// find returns the index of the sentence that starts with prefix.
func find(t *testing.T, a *corpus.Article, prefix string) int {
	t.Helper()
	for i, s := range a.Sentences {
		if strings.HasPrefix(s.Text, prefix) {
			return i
		}
	}
	t.Fatalf("no sentence starts with %q", prefix)
	return -1
}

func TestSentences(t *testing.T) {
	en := mustEnglish(t)
	a := mustArticle(t, tramArticle)
	got := summary.Sentences(a, en)
	var texts []string
	for _, i := range got {
		texts = append(texts, a.Sentences[i].Text)
	}
	t.Logf("summary:\n%s", strings.Join(texts, "\n"))

	if len(got) != summary.Min {
		t.Errorf("Sentences() took %d sentences of %d; want %d", len(got), len(a.Sentences), summary.Min)
	}
	if !slices.IsSorted(got) {
		t.Errorf("Sentences() = %v; want the article's order", got)
	}
	if lead := find(t, a, "The town council of Velmora"); !slices.Contains(got, lead) {
		t.Errorf("Sentences() = %v; want the lead sentence %d", got, lead)
	}
	for _, prefix := range []string{
		"Velmora's annual jazz festival",    // another story
		"Tickets for the concerts",          // the same
		"Will the trams be ready",           // a question tells nothing
		"The council approved the new tram", // repeats the lead
	} {
		if i := find(t, a, prefix); slices.Contains(got, i) {
			t.Errorf("Sentences() took %q; want it left out", a.Sentences[i].Text)
		}
	}
}

// TestSentencesLonger checks that a longer article gets a longer summary,
// never more than Max sentences, and that sentences too short to say
// anything are never taken.
func TestSentencesLonger(t *testing.T) {
	en := mustEnglish(t)
	var b strings.Builder
	b.WriteString("Harvest report from the valley\n\n")
	crops := []string{"wheat", "barley", "oats", "rye", "maize", "beans", "lentils", "peas", "potatoes", "beets",
		"carrots", "onions", "cabbages", "apples", "pears", "plums", "cherries", "grapes", "hops", "flax",
		"hemp", "sunflowers", "rapeseed", "clover", "alfalfa"}
	for i, crop := range crops {
		fmt.Fprintf(&b, "Farmers in the valley harvested %d tonnes of %s this autumn, more than last year. Prices fell.\n\n", 100+i, crop)
	}
	a := mustArticle(t, b.String())
	got := summary.Sentences(a, en)
	if want := summary.Length(len(a.Sentences)); len(got) != want || want != summary.Max {
		t.Errorf("Sentences() of %d sentences took %d; want Length() = %d = Max", len(a.Sentences), len(got), want)
	}
	for _, i := range got {
		if a.Sentences[i].Text == "Prices fell." {
			t.Errorf("Sentences() took %q, which has no content", a.Sentences[i].Text)
		}
	}
}

func TestSentencesShort(t *testing.T) {
	en := mustEnglish(t)
	for _, tt := range []struct {
		name, text string
		want       int
	}{
		{"two sentences", "Title\n\nThe bridge over the river Saltvik reopened on Monday after repairs. Engineers replaced the cables of the old suspension bridge.\n", 2},
		{"only short sentences", "Title\n\nThe mayor spoke on Monday. Nobody listened. Then it rained all day long.\n", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a := mustArticle(t, tt.text)
			if got := summary.Sentences(a, en); len(got) != tt.want {
				t.Errorf("Sentences() = %v of %d sentences; want %d", got, len(a.Sentences), tt.want)
			}
		})
	}
	if got := summary.Sentences(&corpus.Article{}, en); got != nil {
		t.Errorf("Sentences(empty article) = %v; want nil", got)
	}
}

func TestLength(t *testing.T) {
	for n, want := range map[int]int{1: 3, 20: 3, 21: 4, 40: 4, 41: 5, 500: 5} {
		if got := summary.Length(n); got != want {
			t.Errorf("Length(%d) = %d; want %d", n, got, want)
		}
	}
}

func BenchmarkSentences(b *testing.B) {
	en := mustEnglish(b)
	a := mustArticle(b, tramArticle)
	b.ReportAllocs()
	for b.Loop() {
		summary.Sentences(a, en)
	}
}
