package qa

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/lang"
)

// groupsOf returns the surfaces of a question's groups and every stem
// its alternatives offer.
func groupsOf(q *query) (surfaces []string, stems map[string]bool) {
	stems = map[string]bool{}
	for _, g := range q.group {
		surfaces = append(surfaces, g.surface)
		for _, a := range g.alts {
			stems[strings.Join(a.stems, " ")] = true
		}
	}
	return surfaces, stems
}

// TestHyphenatedQuestionWords: a hyphenated question word that neither
// the translation nor the article knows whole is read as its parts, each
// translated; the parts that mean nothing to the article ("anti") go;
// within one language the word stays whole.
func TestHyphenatedQuestionWords(t *testing.T) {
	reg := testRegistry(t)
	article := "Oxygen levels\n\nThe logo of the campaign was blue. Heavy oxygen is found in sea water. Aspirin eases pain.\n"
	e := articleEngine(t, reg, "en", article)
	en := e.analyzers["en"]
	for _, tc := range []struct {
		lang, question string
		want           []string // stems some group must offer
		surfaces       []string // groups that must be there
		not            []string // groups that must not
	}{
		{"de", "Was zeigt das Kampagnen-Logo?", []string{"logo", "campaign"}, []string{"Logo"}, []string{"Kampagnen-Logo"}},
		{"ru", "Где найден кислород-18?", []string{"oxygen", "18"}, []string{"18"}, []string{"кислород-18"}},
		{"de", "Was ist ein Anti-Schmerzmittel?", nil, nil, []string{"Anti"}},
	} {
		l, _ := reg.Get(tc.lang)
		surfaces, stems := groupsOf(e.parse(tc.question, l))
		for _, w := range tc.want {
			st := w
			if w != "18" {
				st = en.stem(w)
			}
			if !stems[st] {
				t.Errorf("%q: no group offers %q (%s): groups %q", tc.question, w, st, surfaces)
			}
		}
		for _, s := range tc.surfaces {
			if !slices.Contains(surfaces, s) {
				t.Errorf("%q: groups %q, want %q among them", tc.question, surfaces, s)
			}
		}
		for _, s := range tc.not {
			if slices.Contains(surfaces, s) {
				t.Errorf("%q: groups %q, want no %q", tc.question, surfaces, s)
			}
		}
	}

	// Within one language the word is the article's own.
	de, _ := reg.Get("de")
	ge := articleEngine(t, reg, "de", "Die Kampagne\n\nDas Kampagnen-Logo war blau.\n")
	if surfaces, _ := groupsOf(ge.parse("Wie war das Kampagnen-Logo?", de)); !slices.Contains(surfaces, "Kampagnen-Logo") {
		t.Errorf("cut within German: %q", surfaces)
	}
}

// TestArticleWordParts: a translation finds the article words that hold
// it as a part, compound ("Sommertheater" for "summer") or hyphenated
// ("US-Wirtschaft" for "economy"), at the weight of a compound.
func TestArticleWordParts(t *testing.T) {
	reg := testRegistry(t)
	article := "Warschau\n\nDas Sommertheater war von 1870 bis 1939 in Betrieb. Das Embargo traf die US-Wirtschaft.\n"
	e := articleEngine(t, reg, "de", article)
	de := e.analyzers["de"]
	en, _ := reg.Get("en")
	for _, tc := range []struct{ question, want string }{
		{"Where was the summer theatre?", "Sommertheater"},
		{"What did the embargo hit in the economy?", "US-Wirtschaft"},
	} {
		_, stems := groupsOf(e.parse(tc.question, en))
		if st := de.stem(tc.want); !stems[st] {
			t.Errorf("%q: no group offers %q (%s): %v", tc.question, tc.want, st, stems)
		}
	}
}

// testRegistry loads the languages of lang.Data.
func testRegistry(t testing.TB) *lang.Registry {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// detectingOptions gives engine options with the embedded language data
// and the language detector, as the CLI loads them, for corpora whose
// articles' languages are to be detected.
func detectingOptions(t testing.TB) Options {
	t.Helper()
	d, err := lang.DefaultDetector()
	if err != nil {
		t.Fatal(err)
	}
	return Options{Languages: testRegistry(t), Detector: d}
}

// questionTexts reads the questions of the tuning files that glob
// matches (never a .heldout.jsonl file: nobody may look at those).
func questionTexts(t testing.TB, glob string) []string {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("no question files %s: %v", glob, err)
	}
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, ".heldout.jsonl") {
			continue
		}
		r, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		qs, err := eval.Read(r, f)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			out = append(out, q.Q)
		}
	}
	return out
}

// articleEngine loads an engine over one article written in language code.
func articleEngine(t testing.TB, reg *lang.Registry, code, article string) *Engine {
	t.Helper()
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(article)}}, Options{Languages: reg, ArticleLang: code})
	if err != nil {
		t.Fatal(err)
	}
	return e
}
