package qa

import (
	"strings"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
)

// TestOwnIDF checks the ceiling on what an alternative may score: the idf
// of the word the user wrote, or, for a word that translates to several
// article words alike, of the commonest of them.
func TestOwnIDF(t *testing.T) {
	e := storeEngine(t)
	idf := func(stem string) float64 {
		t.Helper()
		tid, ok := e.idx.termID(stem)
		if !ok {
			t.Fatalf("stem %q not in the index", stem)
		}
		return e.idx.idf[tid]
	}
	common, rare := idf("harbour"), idf("quay")
	if !(common < rare) {
		t.Fatalf("idf(harbour) = %v, idf(quay) = %v; the test needs harbour commoner", common, rare)
	}
	tests := []struct {
		name string
		alts []alt
		want float64
	}{
		{"the word itself", []alt{{stems: []string{"quay"}, weight: weightExact}, {stems: []string{"harbour"}, weight: weightSynonym}}, rare},
		{"two full translations, rare first", []alt{{stems: []string{"quay"}, weight: weightTranslated}, {stems: []string{"harbour"}, weight: weightTranslated}}, common},
		{"two full translations, common first", []alt{{stems: []string{"harbour"}, weight: weightTranslated}, {stems: []string{"quay"}, weight: weightTranslated}}, common},
		{"a translation the corpus lacks", []alt{{stems: []string{"nowhere"}, weight: weightTranslated}, {stems: []string{"quay"}, weight: weightTranslated}}, rare},
		{"a corrected misspelling", []alt{{stems: []string{"quay"}, weight: weightCorrected}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := e.ownIDF(termGroup{alts: tt.alts}); got != tt.want {
				t.Errorf("ownIDF = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestStemTableAddKeepsHigherWeight checks that an alternative added twice
// keeps its first place and its higher weight, whichever came first: a
// synonym line read backwards must not weaken the line that lists the word
// outright.
func TestStemTableAddKeepsHigherWeight(t *testing.T) {
	tests := []struct {
		name    string
		weights []float64 // weights of "begin" for "start", in the order added
	}{
		{"weak first", []float64{weightSynonym * weightReverse, weightSynonym}},
		{"strong first", []float64{weightSynonym, weightSynonym * weightReverse}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := newStemTable()
			tab.add("start", 1, alt{stems: []string{"start"}, weight: weightExact})
			for _, w := range tt.weights {
				tab.add("start", 1, alt{stems: []string{"begin"}, weight: w})
			}
			alts, n := tab.match([]string{"start"})
			if n != 1 || len(alts) != 2 {
				t.Fatalf("match(start) = %v, %d; want two alternatives of one word", alts, n)
			}
			if alts[0].stems[0] != "start" || alts[1].stems[0] != "begin" {
				t.Errorf("match(start) order = %v, want start then begin", alts)
			}
			if alts[1].weight != weightSynonym {
				t.Errorf("weight of begin = %v, want %v", alts[1].weight, weightSynonym)
			}
		})
	}
}

func TestNameOfSkipsModifiers(t *testing.T) {
	e := storeEngine(t)
	text := "A month ago, US Vice President Jan Berg was welcomed in Strelsau by its Balkan NATO allies."
	span := func(name string, kind corpus.NameKind) corpus.Name {
		i := strings.Index(text, name)
		return corpus.Name{Span: corpus.Span{Text: name, Start: i, End: i + len(name)}, Kind: kind}
	}
	s := &corpus.Sentence{Text: text, Facts: corpus.Facts{Names: []corpus.Name{
		span("US", corpus.NamePlace),
		span("Jan Berg", corpus.NamePerson),
		span("Strelsau", corpus.NameOther),
		span("Balkan", corpus.NamePlace),
		span("NATO", corpus.NameOrg),
	}}}
	q := &query{mentioned: map[string]bool{}}
	near := []int{strings.Index(text, "welcomed")}
	tests := []struct {
		kinds []corpus.NameKind
		want  string
	}{
		{[]corpus.NameKind{corpus.NamePlace, corpus.NameOther}, "Strelsau"},
		{[]corpus.NameKind{corpus.NamePlace}, "US"},
		{[]corpus.NameKind{corpus.NamePerson}, "Jan Berg"},
		{[]corpus.NameKind{corpus.NameOrg}, "NATO"},
	}
	for _, tt := range tests {
		sp, ok := e.nameOf(q, s, near, nil, tt.kinds...)
		if !ok || sp.Text != tt.want {
			t.Errorf("nameOf(%v) = %q, %v; want %q", tt.kinds, sp.Text, ok, tt.want)
		}
	}
}

func TestQuestionKindAfterYesNoOpener(t *testing.T) {
	e := storeEngine(t)
	tests := []struct {
		lang, question string
		want           Kind
	}{
		{"en", "do you know when the harbour reopened?", KindWhen},
		{"hu", "igaz hogy a kikötő újranyílt, hogy a munkások építették?", KindYesNo},
		{"fr", "est-ce que tu sais quand le port a rouvert ?", KindWhen},
	}
	for _, tt := range tests {
		l, ok := e.langs.Get(tt.lang)
		if !ok {
			t.Fatalf("no language %s", tt.lang)
		}
		if got := e.parse(tt.question, l).kind; got != tt.want {
			t.Errorf("%s kind of %q = %q, want %q", tt.lang, tt.question, got, tt.want)
		}
	}
}

func TestFinestDate(t *testing.T) {
	year := timex.Expr{Text: "this year", Value: "2022", Kind: timex.Point}
	july := timex.Expr{Text: "July", Value: "2022-07", Kind: timex.Point}
	day := timex.Expr{Text: "July 15", Value: "2022-07-15", Kind: timex.Point}
	other := timex.Expr{Text: "March 2021", Value: "2021-03", Kind: timex.Point}
	since := timex.Expr{Text: "since July", Value: "2022-07", Kind: timex.Since}
	tests := []struct {
		name  string
		d     timex.Expr
		cands []timex.Expr
		want  string
	}{
		{"a month within the year", year, []timex.Expr{year, july}, "July"},
		{"the most precise of several", year, []timex.Expr{year, july, day}, "July 15"},
		{"another year is no refinement", year, []timex.Expr{year, other}, "this year"},
		{"another kind is no refinement", year, []timex.Expr{year, since}, "this year"},
		{"already the finest", day, []timex.Expr{year, july, day}, "July 15"},
	}
	for _, tt := range tests {
		if got := finest(tt.d, tt.cands); got.Text != tt.want {
			t.Errorf("%s: finest = %q, want %q", tt.name, got.Text, tt.want)
		}
	}
}
