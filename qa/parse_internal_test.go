package qa

import (
	"fmt"
	"strings"
	"testing"

	"github.com/qabot/qabot/internal/gencorpus"
)

// TestParseAgainAlike reads questions twice over articles in several
// languages and wants the same reading: the translation tables hand their
// cached renderings to every reading to read only (tables.match), so a
// reading that changed what it got would change the next question's.
func TestParseAgainAlike(t *testing.T) {
	g := gencorpus.Generate(30, 7, 3)
	e, err := Load(g.FS(), detectingOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.articleLangs) < 2 {
		t.Fatalf("articles in %v: the test needs several languages", e.articleLangs)
	}
	var questions []string
	for _, q := range g.Questions {
		questions = append(questions, q.Text)
	}
	questions = append(questions,
		"Wann wurde die Brücke wieder eröffnet?",
		"¿Cuántas personas murieron en el ataque?",
		"Quand la ville a-t-elle été fondée ?",
		"Кто победил на выборах?",
		"Did the attack on the port succeed?",
	)
	read := func(text string) string {
		l := e.questionLanguage(text, Question{})
		q := e.parse(text, l)
		var b strings.Builder
		for _, g := range q.group {
			fmt.Fprintf(&b, "%s %.6f %v:", g.surface, g.idf, g.unknown)
			for _, a := range g.alts {
				fmt.Fprintf(&b, " %s/%.6f/%v", strings.Join(a.stems, "+"), a.weight, a.opposite)
			}
			b.WriteByte('\n')
		}
		return b.String()
	}
	first := make([]string, len(questions))
	alts := 0
	for i, text := range questions {
		first[i] = read(text)
		alts += strings.Count(first[i], "/")
	}
	if alts < 200 {
		t.Fatalf("%d alternatives read: the test checks too little", alts)
	}
	for i, text := range questions {
		if got := read(text); got != first[i] {
			t.Errorf("%q read again differs:\nfirst:\n%s\nagain:\n%s", text, first[i], got)
		}
	}
}

// TestStemTableLongest checks that a stemTable finds the longest key that
// starts the stems, through leading words that are no key themselves, and
// stops where no key goes on.
func TestStemTableLongest(t *testing.T) {
	tab := newStemTable()
	for _, k := range []string{"new", "new york citi", "unit nation", "a b c d"} {
		tab.add(k, strings.Count(k, " ")+1, alt{stems: []string{strings.ReplaceAll(k, " ", "_")}, weight: 1})
	}
	for _, c := range []struct {
		stems []string
		want  string
		n     int
	}{
		{[]string{"new", "york", "citi", "hall"}, "new_york_citi", 3},
		{[]string{"new", "york"}, "new", 1},
		{[]string{"new", "delhi", "citi"}, "new", 1},
		{[]string{"unit", "nation"}, "unit_nation", 2},
		{[]string{"unit", "state"}, "", 0},
		{[]string{"a", "b", "c", "d"}, "a_b_c_d", 4},
		{[]string{"a", "b", "c"}, "", 0},
		{[]string{"york", "citi"}, "", 0},
		{nil, "", 0},
	} {
		alts, n := tab.match(c.stems)
		got := ""
		if len(alts) > 0 {
			got = alts[0].stems[0]
		}
		if got != c.want || n != c.n {
			t.Errorf("match(%q) = %q, %d; want %q, %d", c.stems, got, n, c.want, c.n)
		}
	}
}
