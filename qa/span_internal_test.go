package qa

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
)

// spanArticle is invented, so the tests hold for text nobody tuned on.
const spanArticle = `Flood in Borduria

Minister Jan Berg accused Syldavia of being behind the flood of the Vltava valley on Monday.

The dam was built by the Klow Water Board in 1990.
`

func spanEngine(t *testing.T, model *SpanModel) *Engine {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(spanArticle)}}, Options{Languages: reg, SpanModel: model})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// candidateTexts lists the candidate answers of the sentence that holds
// want, for question text.
func candidateTexts(t *testing.T, e *Engine, text, holding string) []string {
	t.Helper()
	l, _ := e.langs.Get("en")
	q := e.parse(text, l)
	for d := range e.idx.docs {
		doc := &e.idx.docs[d]
		if !containsWord(doc.sentence.Text, holding) {
			continue
		}
		rule, _ := e.ruleExtract(q, d)
		c := e.newSpanContext(q, doc, rule)
		var out []string
		for _, cand := range e.spanCands(q, c) {
			out = append(out, c.candText(cand))
		}
		return out
	}
	t.Fatalf("no sentence holds %q", holding)
	return nil
}

func TestCandidates(t *testing.T) {
	e := spanEngine(t, nil)
	got := candidateTexts(t, e, "who was behind the flood?", "Syldavia")
	for _, want := range []string{"Syldavia", "Vltava valley", "Monday"} {
		if !slices.Contains(got, want) {
			t.Errorf("candidates of %q lack %q: %q", "who was behind the flood?", want, got)
		}
	}
	// The accuser is the source of the claim, not who was behind it; and
	// no candidate starts or ends on a word of the question.
	for _, bad := range []string{"Jan Berg", "Minister Jan Berg", "flood", "Syldavia of being behind"} {
		if slices.Contains(got, bad) {
			t.Errorf("candidates of %q hold %q", "who was behind the flood?", bad)
		}
	}
	// A question about who accused keeps the accuser.
	if got := candidateTexts(t, e, "who accused Syldavia?", "Syldavia"); !slices.Contains(got, "Jan Berg") {
		t.Errorf("candidates of %q lack %q: %q", "who accused Syldavia?", "Jan Berg", got)
	}
}

func TestParseSpanModel(t *testing.T) {
	m, err := ParseSpanModel([]byte("# a comment\n" +
		"all|len=1\t1\nkind=who|len=1\t2\nlang=en|len=1\t4\nlang=fr|len=1\t8\n" +
		"all|no_such_feature\t16\nnonsense\t32\n\n" +
		"lang=en|prev=by\t0.5\nkind=who/lang=en|prev=by\t0.25\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := m.weights(KindWho, "en")[sfLen1]; got != 7 {
		t.Errorf("weights(who, en)[len=1] = %g; want 7 (all + kind + lang)", got)
	}
	if got := m.weights(KindWhen, "de")[sfLen1]; got != 1 {
		t.Errorf("weights(when, de)[len=1] = %g; want 1 (all only)", got)
	}
	sum := 0.0
	for _, tab := range m.lexWeights(KindWho, "en") {
		sum += tab[lexPrev][m.lexID(lexPrev, "by")]
	}
	if sum != 0.75 {
		t.Errorf("lexical weight of prev=by for who over English = %g; want 0.75", sum)
	}
	if _, err := ParseSpanModel([]byte("all|len=1 1\n")); err == nil {
		t.Error("ParseSpanModel(a line without a tab) = nil error")
	}
	if _, err := ParseSpanModel([]byte("all|len=1\tmany\n")); err == nil {
		t.Error("ParseSpanModel(a weight that is no number) = nil error")
	}
	// The rules' margins: of their facts, of their sure answers apart.
	mg, err := ParseSpanModel([]byte("rules|margin=who\t0.25\nrules|precise_margin=who\t2\n"))
	if err != nil {
		t.Fatal(err)
	}
	if mg.margin[KindWho] != 0.25 || mg.preciseMargin[KindWho] != 2 {
		t.Errorf("margin, precise margin of who = %g, %g; want 0.25, 2", mg.margin[KindWho], mg.preciseMargin[KindWho])
	}
	if _, ok := mg.preciseMargin[KindWhen]; ok {
		t.Error("a precise margin for when, which the file does not name")
	}
	if empty, _ := ParseSpanModel([]byte("# nothing\n")); !empty.empty() {
		t.Error("a model without weights is not empty")
	}
}

func TestSpanFeatureNames(t *testing.T) {
	names := SpanFeatureNames()
	if len(names) != nSpanFeatures {
		t.Fatalf("%d feature names for %d features", len(names), nSpanFeatures)
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("feature name %q twice", n)
		}
		seen[n] = true
	}
}

// The embedded model is what make train wrote: it must load and have
// weights, or short answers silently fall back to the rules.
func TestEmbeddedSpanModel(t *testing.T) {
	m, err := decodeSpanTable([]byte(spanModelTable), spanModelTable)
	if err != nil {
		t.Fatal(err)
	}
	if m.empty() {
		t.Fatal("the embedded span model (qa/data/spans.tsv) has no weights: run make train")
	}
}

func TestCueBits(t *testing.T) {
	if cueBit("quote") != bitQuote || cueBit("accuse") != bitAccuse {
		t.Errorf("cueBit(quote), cueBit(accuse) = %b, %b; want the constants %b, %b", cueBit("quote"), cueBit("accuse"), bitQuote, bitAccuse)
	}
}

// TestSpanFeatures checks the features of candidates against the table of
// testdata/span_features.tsv.
func TestSpanFeatures(t *testing.T) {
	data, err := os.ReadFile("testdata/span_features.tsv")
	if err != nil {
		t.Fatal(err)
	}
	e := spanEngine(t, nil)
	l, _ := e.langs.Get("en")
	names := SpanFeatureNames()
	cases := 0
	for n, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[3] != "0" && f[3] != "1" {
			t.Fatalf("span_features.tsv:%d: want question, candidate, feature, 0 or 1", n+1)
		}
		question, span, feature, want := f[0], f[1], f[2], f[3] == "1"
		cases++
		got, found := false, false
		q := e.parse(question, l)
		for d := range e.idx.docs {
			doc := &e.idx.docs[d]
			if !strings.Contains(doc.sentence.Text, span) {
				continue
			}
			rule, _ := e.ruleExtract(q, d)
			c := e.newSpanContext(q, doc, rule)
			for _, cand := range e.spanCands(q, c) {
				if c.candText(cand) != span {
					continue
				}
				found = true
				for _, x := range cand.feats {
					got = got || names[x.id] == feature
				}
				got = got || slices.Contains(c.lexNames(cand), feature)
			}
		}
		switch {
		case !found:
			t.Errorf("span_features.tsv:%d: %q is no candidate answer of %q", n+1, span, question)
		case got != want:
			t.Errorf("span_features.tsv:%d: %q for %q: feature %s fires: %v, want %v", n+1, span, question, feature, got, want)
		}
	}
	if cases < 10 {
		t.Fatalf("span_features.tsv: only %d cases", cases)
	}
}

// A how-long question whose sentence holds a duration is answered with
// one, whatever the span model prefers: before, a model that weighed a
// person's name above the rules' "decades" answered "how long was X
// isolated?" with the dictator's name (the seed questions in seven
// languages). A sentence without one leaves the model free.
func TestHowLongAnswersADuration(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	const article = "Isolation of Borduria\n\nAfter decades of isolation under the rule of Anna Berg, Borduria opened its borders.\n\nThe wall of Klow was as long as the river Vltava.\n"
	model, err := ParseSpanModel([]byte("kind=how_long|fact=person/exact\t10\nkind=how_long|capitalised\t5\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(article)}}, Options{Languages: reg, SpanModel: model})
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Ask(t.Context(), Question{Text: "how long was Borduria isolated?", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != KindHowLong || !a.Answered {
		t.Fatalf("how long was Borduria isolated? = kind %s, answered %v; want how_long, answered", a.Kind, a.Answered)
	}
	if !strings.Contains(a.Text, "decades") || strings.Contains(a.Text, "Berg") {
		t.Errorf("how long was Borduria isolated? = %q; want the duration, not the name", a.Text)
	}
	// No duration, date or number: the rules found no fact, and any
	// span may answer.
	l, _ := e.langs.Get("en")
	q := e.parse("how long was the wall of Klow?", l)
	for d := range e.idx.docs {
		doc := &e.idx.docs[d]
		if !strings.Contains(doc.sentence.Text, "Vltava") {
			continue
		}
		rule, _ := e.ruleExtract(q, d)
		c := e.newSpanContext(q, doc, rule)
		if rule.typed {
			t.Fatalf("the rules found a fact of how long in %q: %q", doc.sentence.Text, rule.text)
		}
		fits := 0
		for _, cand := range e.spanCands(q, c) {
			if c.fitsKind(q.kind, cand) {
				fits++
			}
		}
		if fits == 0 {
			t.Errorf("no candidate of %q fits how long without a fact of it", doc.sentence.Text)
		}
	}
}

// A which-question whose rules gave a sure answer of the kind it asks for
// is answered by a span of that kind, however the span model weighs the
// others: the words that qualify the thing asked about ("clear evidence"),
// not the words after it; a name of the class asked for ("which agency":
// an organisation), not a date. Before, a refitted model with a precise
// margin of 0 answered "what kind of evidence?" with "illegal dumping
// upstream".
func TestWhichAnswersTheKindAsked(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	const article = "Dumping in Borduria\n\nInspectors found clear evidence of illegal dumping upstream.\n\nThe dam was built by the Klow Water Board in 1990.\n\n" +
		"\"The United States condemns the dumping,\" spokeswoman Anna Kovac wrote in a statement.\n"
	model, err := ParseSpanModel([]byte("kind=which|len=3\t30\nkind=which|focus_in\t1\nkind=which|starts_stop\t-20\nkind=which|ends_stop\t-20\n" +
		"kind=which|fact=date/exact\t20\nkind=which|fact=place/exact\t20\nkind=which|fact=org/exact\t20\nkind=which|fact=name/exact\t20\nkind=which|capitalised\t20\n" +
		"rules|precise_margin=which\t0\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(article)}}, Options{Languages: reg, SpanModel: model})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ question, want, not string }{
		{"what kind of evidence did the inspectors find?", "clear evidence", "dumping"},
		{"which agency built the dam?", "Klow Water Board", "1990"},
		// The focus only qualifies the class asked for: "United States"
		// holds "American", but an official is a person.
		{"which American official condemned the dumping?", "Anna Kovac", "United States"},
	} {
		a, err := e.Ask(t.Context(), Question{Text: tt.question, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if a.Kind != KindWhich || !a.Answered {
			t.Fatalf("%s = kind %s, answered %v; want which, answered", tt.question, a.Kind, a.Answered)
		}
		if !strings.Contains(a.Text, tt.want) || strings.Contains(a.Text, tt.not) {
			t.Errorf("%s = %q; want %q, not %q", tt.question, a.Text, tt.want, tt.not)
		}
	}
}

// A how-much question whose rules found a quantity of the measure asked
// for is answered by one, however the span model weighs the others: a
// model refitted with more lexical features answered "how much did the
// pipeline cost?" with the pipeline's length (TestMeasures).
func TestHowMuchAnswersTheMeasureAsked(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	const article = "Pipeline in Borduria\n\nThe pipeline stretches 14 kilometres, cost €90 million and serves 30 villages.\n"
	model, err := ParseSpanModel([]byte("kind=how_much|measure_other\t20\nrules|precise_margin=how_much\t0\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(article)}}, Options{Languages: reg, SpanModel: model})
	if err != nil {
		t.Fatal(err)
	}
	a, err := e.Ask(t.Context(), Question{Text: "how much did the pipeline cost?", Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "90") || strings.Contains(a.Text, "14") {
		t.Errorf("how much did the pipeline cost? = %q (answered %v); want the amount, not the length", a.Text, a.Answered)
	}
}

// A which- or what-question's answer is sure (precise) only when the word
// it asks about stands right after its question phrase: in "what did the
// federal inspectors find?" the word after the auxiliary is the subject,
// and the words that qualify it ("Federal inspectors") are no answer the
// span model must defer to. On the dev split, 14 of the sure answers of
// such questions were wrong this way.
func TestSureOnlyWhenTheFocusFollowsThePhrase(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	const article = "Dumping in Borduria\n\nFederal inspectors found clear evidence of illegal dumping upstream.\n"
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(article)}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := e.langs.Get("en")
	d := -1
	for i := range e.idx.docs {
		if strings.Contains(e.idx.docs[i].sentence.Text, "evidence") {
			d = i
		}
	}
	if d < 0 {
		t.Fatal("no sentence holds the evidence")
	}
	for _, tt := range []struct {
		question, want string
		sure           bool
	}{
		{"what evidence did the inspectors find?", "clear evidence", true},
		{"what kind of evidence did the inspectors find?", "clear evidence", true},
		{"what did inspectors find?", "", false},
		{"what did inspectors find upstream?", "", false},
	} {
		q := e.parse(tt.question, l)
		x, ok := e.ruleExtract(q, d)
		if !ok {
			t.Fatalf("%s: the rules found no answer", tt.question)
		}
		if x.precise != tt.sure || tt.want != "" && x.text != tt.want {
			t.Errorf("%s = %q, sure %v; want %q, sure %v", tt.question, x.text, x.precise, tt.want, tt.sure)
		}
	}
}

// A question the quoted sentence answers gets a short answer even when no
// span holds the kind of fact it asks for and the rules cut out nothing:
// "how much of its old forest has the valley lost?" answered by "a large
// part", not by "" (the rules quote what follows the question's words, and
// here nothing does).
func TestNoEmptyAnswerWithoutAFactOfTheKind(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	const article = "Forests of Borduria\n\nThe northern valley has lost a large part of its old forest.\n\nThe southern valley lost most of its old trees.\n"
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(article)}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	l, _ := e.langs.Get("en")
	for _, tt := range []struct{ question, sentence string }{
		{"how much of its old forest has the northern valley lost?", "forest"},
		{"how many of its old trees did the southern valley lose?", "trees"},
	} {
		question := tt.question
		q := e.parse(question, l)
		for d := range e.idx.docs {
			if !strings.Contains(e.idx.docs[d].sentence.Text, tt.sentence) {
				continue
			}
			rule, ok := e.ruleExtract(q, d)
			if !ok {
				continue // the rules say the sentence cannot answer
			}
			if x := e.refine(q, d, rule); strings.TrimSpace(x.text) == "" {
				t.Errorf("%s = an empty answer (rules: %q)", question, rule.text)
			}
		}
	}
}

// A what-question's focus word does not bind the span model as a
// which-question's does (kindSpec.focusTyped): "what" stands before the
// verb in V2 languages, and before nouns whose instance is asked for; the
// model, with the kind's precise margin, decides. A which-question of the
// same words stays bound (TestWhichAnswersTheKindAsked).
func TestWhatFocusDoesNotBind(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	const article = "Dumping in Borduria\n\nInspectors found clear evidence of illegal dumping upstream.\n"
	model, err := ParseSpanModel([]byte("kind=what|len=3\t30\nkind=which|len=3\t30\nkind=what|focus_in\t-30\nkind=which|focus_in\t-30\nrules|precise_margin=what\t0\nrules|precise_margin=which\t0\n"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(article)}}, Options{Languages: reg, SpanModel: model})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		question string
		kind     Kind
		bound    bool
	}{
		{"what evidence did the inspectors find?", KindWhat, false},
		{"which evidence did the inspectors find?", KindWhich, true},
	} {
		a, err := e.Ask(t.Context(), Question{Text: tt.question, Lang: "en"})
		if err != nil {
			t.Fatal(err)
		}
		if a.Kind != tt.kind || !a.Answered {
			t.Fatalf("%s = kind %s, answered %v; want %s, answered", tt.question, a.Kind, a.Answered, tt.kind)
		}
		// Bound, the answer is the evidence or what qualifies it
		// ("clear"); free, the model's longer span after it may win.
		if bound := !strings.Contains(a.Text, "dumping"); bound != tt.bound {
			t.Errorf("%s = %q; want it bound to the focus word %v", tt.question, a.Text, tt.bound)
		}
	}
}

// A name after a capitalised word and small words may be the cut end of a
// longer name; one after lower-case words is whole.
func TestJoinsName(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	const article = "Aid in Borduria\n\nAid came from the Red Cross of Borduria and the Food and Farm Agency.\n"
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(article)}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		want bool
	}{
		{"Farm Agency", true}, // "the Food and Farm Agency"
		{"Borduria", true},    // "the Red Cross of Borduria"
		{"Red Cross", false},  // "came from the Red Cross"
	}
	for _, tt := range tests {
		found := false
		for d := range e.idx.docs {
			doc := &e.idx.docs[d]
			at := strings.Index(doc.sentence.Text, "Aid came")
			if at < 0 {
				continue
			}
			start := strings.Index(doc.sentence.Text, tt.name)
			found = true
			if got := joinsName(doc, start); got != tt.want {
				t.Errorf("joinsName(%q) = %v, want %v", tt.name, got, tt.want)
			}
		}
		if !found {
			t.Fatalf("no sentence of the article holds %q", tt.name)
		}
	}
}
