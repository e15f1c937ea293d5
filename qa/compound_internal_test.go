package qa

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestCompoundQuestionWords reads a German compound that the translation
// has no entry for as the words it joins, each translated, and keeps it
// whole within German.
func TestCompoundQuestionWords(t *testing.T) {
	e := storeEngine(t)
	de, _ := e.langs.Get("de")
	en := e.analyzers["en"]
	q := e.parse("Wie hoch ist die Bevölkerungszahl?", de)
	var surfaces []string
	found := map[string]bool{}
	for _, g := range q.group {
		surfaces = append(surfaces, g.surface)
		for _, a := range g.alts {
			found[strings.Join(a.stems, " ")] = true
		}
	}
	if !slices.Contains(surfaces, "Bevölkerungs") || !slices.Contains(surfaces, "zahl") {
		t.Errorf("groups of the question: %q, want Bevölkerungs and zahl apart", surfaces)
	}
	for _, w := range []string{"population", "number"} {
		if !found[en.stem(w)] {
			t.Errorf("no group renders %q: %v", w, found)
		}
	}

	// A German article: the compound is a German word like any other.
	reg := testRegistry(t)
	article := "Die Stadt wächst\n\nDie Stadt hat eine Bevölkerung von 12.000 Menschen. Die Zahl der Häfen ist gering.\n"
	ge, err := Load(fstest.MapFS{"stadt.txt": {Data: []byte(article)}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	if ge.article.l.Code != "de" {
		t.Fatalf("article read as %s, want de", ge.article.l.Code)
	}
	q = ge.parse("Wie hoch ist die Bevölkerungszahl?", de)
	for _, g := range q.group {
		if g.surface == "Bevölkerungs" {
			t.Errorf("cut within German: %q", g.surface)
		}
	}
}

// TestCompoundAlternatives: within one language, a question word finds the
// article's compounds it is a part of (a modifier or the head), a
// question's compound finds its parts when the article writes them apart,
// a hyphen joins parts in any language, and a word finds the article's
// forms of it that the stemmer ended otherwise.
func TestCompoundAlternatives(t *testing.T) {
	reg := testRegistry(t)
	articles := map[string]string{
		"de": "Die Stadt am Fluss\n\nDie Bevölkerungszahl der Stadt stieg 1990 auf 12.000 Menschen. " +
			"Die Bevölkerung der Region ist alt, und die Zahl der Schulen sinkt. " +
			"Die Hafenbehörde ließ den Hafen 1850 bauen. Die Behörde sitzt im Rathaus. Der EU-Gipfel fand im Rathaus statt.\n",
		"nb": "Byen ved elva\n\nStatsministeren åpnet den nye brua i går. Hun har vært statsminister siden 2021. " +
			"Landslagstreneren og Molde-treneren var også til stede, sammen med landslaget. Treneren var fornøyd.\n",
		"en": "The town by the river\n\nThe harbour master opened the new bridge on Monday. " +
			"The EU-summit met in the town hall. The summit was short, said the EU.\n",
	}
	for _, tc := range []struct {
		lang, question, word string
		want                 []string // words of an alternative of the word's group, stemmed as the article is
		weight               float64  // its weight; 0: no such alternative
	}{
		// The word is the modifier of an article compound, or its head.
		{"de", "Wie groß ist die Bevölkerung?", "Bevölkerung", []string{"Bevölkerungszahl"}, weightModifier},
		{"de", "Wann wurde der Hafen gebaut?", "Hafen", []string{"Hafenbehörde"}, weightModifier},
		{"de", "Welche Behörde ließ den Hafen bauen?", "Behörde", []string{"Hafenbehörde"}, weightHead},
		{"de", "Wann wurde der Hafen gebaut?", "Hafen", []string{"Rathaus"}, 0},
		// A compound of the question whose parts the article writes apart.
		{"de", "Wie hoch ist die Schulzahl?", "Schulzahl", []string{"Schule", "Zahl"}, weightParts},
		// Hyphens join parts in every language, both ways.
		{"de", "Wo fand der Gipfel statt?", "Gipfel", []string{"EU-Gipfel"}, weightHead},
		{"en", "Where was the summit?", "summit", []string{"EU-summit"}, weightHead},
		{"en", "Where was the town-hall?", "town-hall", []string{"town", "hall"}, weightParts},
		// A word the article has is not read in parts.
		{"en", "Where was the EU-summit?", "EU-summit", []string{"EU", "summit"}, 0},
		{"de", "Wie hoch ist die Bevölkerungszahl?", "Bevölkerungszahl", []string{"Bevölkerung", "Zahl"}, 0},
		// English does not write compounds as one word.
		{"en", "Who is the harbourmaster?", "harbourmaster", []string{"harbour", "master"}, 0},
		// Norwegian has no joining letters in its data: only hyphens cut
		// its words. Its stemmer ends "trener" and "treneren" apart
		// ("tren", "trener"): the part is found all the same.
		{"nb", "Hvem var på landslaget?", "landslaget", []string{"Landslagstreneren"}, 0},
		{"nb", "Hvem var trener i Molde?", "Molde", []string{"Molde-treneren"}, weightModifier},
		{"nb", "Hvem var trener?", "trener", []string{"Molde-treneren"}, weightHead},
		// A word the article lacks, put right, is looked for in its
		// compounds too.
		{"nb", "Hvem var trener?", "trener", []string{"Treneren"}, weightCorrected},
	} {
		e := articleEngine(t, reg, tc.lang, articles[tc.lang])
		l, _ := reg.Get(tc.lang)
		q := e.parse(tc.question, l)
		var want []string
		for _, w := range tc.want {
			want = append(want, e.article.stem(w))
		}
		found, weight := false, 0.0
		var seen []string
		for _, g := range q.group {
			if g.surface != tc.word {
				continue
			}
			found = true
			for _, a := range g.alts {
				seen = append(seen, fmt.Sprintf("%v@%.2f", a.stems, a.weight))
				if slices.Equal(a.stems, want) {
					weight = max(weight, a.weight)
				}
			}
		}
		switch {
		case !found:
			t.Errorf("%s %q: no group for %q", tc.lang, tc.question, tc.word)
		case weight != tc.weight:
			t.Errorf("%s %q: %q has %v at %.2f, want %.2f: %v", tc.lang, tc.question, tc.word, want, weight, tc.weight, seen)
		}
	}
}

// TestCompoundRanking: the sentence that says what a question asks in
// other compounds ranks above those that share only its other words.
func TestCompoundRanking(t *testing.T) {
	reg := testRegistry(t)
	sentences := []string{
		"Die Stadt liegt am Fluss, die Zahl der Brücken ist klein.",
		"Laut der Volkszählung lag die Bevölkerungszahl der Stadt 1901 bei 12.000.",
		"Die Stadt hatte 1901 einen neuen Bürgermeister.",
		"Der Hafen der Stadt wurde 1850 gebaut.",
		"Die Bevölkerung liebt den Fluss.",
	}
	e := articleEngine(t, reg, "de", "Die Stadt am Fluss\n\n"+strings.Join(sentences, " ")+"\n")
	de, _ := reg.Get("de")
	for _, tc := range []struct {
		question     string
		above, below int // sentences
	}{
		{"Wie groß war die Bevölkerung der Stadt 1901?", 1, 2},
		{"Wann entstand der Stadthafen?", 3, 0},
	} {
		q := e.parse(tc.question, de)
		at := map[string]int{}
		for i, r := range e.rankTop(context.Background(), q, len(sentences)) {
			at[e.idx.docs[r.doc].sentence.Text] = i + 1
		}
		a, b := at[sentences[tc.above]], at[sentences[tc.below]]
		if a == 0 || b != 0 && b < a {
			t.Errorf("%q ranks %q at %d and %q at %d (0: not at all), want the first above", tc.question, sentences[tc.above], a, sentences[tc.below], b)
		}
	}
}
