package qa

import (
	"testing"
	"testing/fstest"
)

// TestCognates: a foreign question word whose renderings the article
// lacks finds the article word it is a cognate of, across scripts and
// within the Latin one, by the beginning their keys share; a word that
// shares only a short beginning does not. The articles are invented.
func TestCognates(t *testing.T) {
	reg := testRegistry(t)
	tests := []struct {
		name, article, articleLang, question, questionLang, word, want string
		found                                                          bool
	}{
		{
			"cyrillic question, latin article", "The old mill\n\nThe reconstruction of the Harlow mill took four years and cost the town a fortune.\n",
			"en", "Сколько лет длилась реконструкция мельницы?", "ru", "реконструкция", "reconstruction", true,
		},
		{
			"latin question, latin article", "The old mill\n\nThe reconstruction of the Harlow mill took four years and cost the town a fortune.\n",
			"en", "Wie lange dauerten die Rekonstruktionen der Mühle?", "de", "Rekonstruktionen", "reconstruction", true,
		},
		{
			"a short shared beginning is no cognate", "Party life\n\nThe communist party of Harlow met every week in the town hall.\n",
			"en", "Где проходили коммунальные собрания?", "ru", "коммунальные", "communist", false,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(tt.article)}}, Options{Languages: reg, ArticleLang: tt.articleLang})
			if err != nil {
				t.Fatal(err)
			}
			ql, _ := reg.Get(tt.questionLang)
			q := e.parse(tt.question, ql)
			want := e.analyzers[tt.articleLang].stem(tt.want)
			for _, g := range q.group {
				if g.surface != tt.word {
					continue
				}
				found := false
				for _, a := range g.alts {
					found = found || len(a.stems) == 1 && a.stems[0] == want
				}

				if found != tt.found {
					t.Fatalf("%q: alternatives %v, offer %q: %v, want %v", g.surface, g.alts, want, found, tt.found)
				}
				return
			}
			t.Fatalf("no group for %q in %q", tt.word, tt.question)
		})
	}
}

// TestCognateKeys: two keys are a cognate's when they share a long
// beginning that is most of the shorter one.
func TestCognateKeys(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"rekonstrukz", "rekonstrukt", true}, // реконструкция, reconstruct
		{"monumentaln", "monument", true},    // монументальн, monument
		{"registrazion", "registr", true},    // регистрацион, registr
		{"komunikakion", "komunist", false},  // comunicación, communist: 6 of 8
		{"komunaln", "komunist", false},      // коммунальн, communist: 5
		{"intern", "internat", true},         // a whole short stem
		{"televis", "televisor", true},       // Spanish televisor, television
		{"kontrakt", "kontrol", false},       // 5 shared
		{"demonstrativ", "demonstr", true},   // демонстратив, demonstr
		{"preparaz", "prepar", true},         // preparación, prepar
	} {
		if _, got := cognateKeys(tc.a, tc.b); got != tc.want {
			t.Errorf("cognateKeys(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestCognateRaisesRendering: a rendering the tables give a question word
// at a low weight ("программу": "program" beside the commoner
// "programme"), spelt as the word's cognate, weighs at least as a
// cognate wherever it comes. The article is invented.
func TestCognateRaisesRendering(t *testing.T) {
	reg := testRegistry(t)
	article := "The station\n\nThe program of the radio station changed when its owner sold it.\n"
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(article)}}, Options{Languages: reg, ArticleLang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	ru, _ := reg.Get("ru")
	want := e.analyzers["en"].stem("program")
	q := e.parse("Когда изменили программу станции?", ru)
	for _, g := range q.group {
		if g.surface != "программу" {
			continue
		}
		found := false
		for _, a := range g.alts {
			if len(a.stems) == 1 && a.stems[0] == want {
				found = true
				if a.weight < weightCognate {
					t.Errorf("%q: %q weighs %.2f, want at least %.2f", g.surface, want, a.weight, weightCognate)
				}
			}
		}
		if !found {
			t.Errorf("%q: no %q among %v", g.surface, want, g.alts)
		}
		return
	}
	t.Fatalf("no group for программу")
}
