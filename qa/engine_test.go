package qa_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// An invented article, so these tests prove the engine answers from text
// it was never tuned on.
const invented = `Borduria and Syldavia sign water treaty after decade of talks

Photo of the signing ceremony in Klow, March 3, 2021.

AFP - JANE DOE

Borduria and Syldavia signed a treaty on the sharing of the Vltava river on Wednesday, March 3, 2021, ending ten years of negotiations.

The agreement gives Syldavia 40 percent of the river's water during the dry season.

Foreign Minister Anna Kovac said the deal "opens a new chapter between our peoples".

The talks began in 2011 in Geneva and were suspended twice.

Local farmers dug new canals along the river after the drought.

A first attempt at a deal in 2015 failed.

The new canals work well, and no farmer has lost land since.

The ministers have never once in all those years signed a draft.

The vote was delayed at the request of the river commission, officials said.

The pumps were paid for by the Borduria Farm Fund.

Harbour chief Olaf Brenn, who took office in 2019, backed the treaty.

It is the second river pact of the region, and its first one signed abroad.

The herders moved to Lakeview, a new town not far from Tarnow, with Mayor Ida Holm.

Since 2016, army engineers have guarded the sluices.

Inspectors found clear evidence of illegal dumping upstream.

The grain barges sailed from the Orvik loading dock, in Syldavia's northern Arctic delta.

Engineers in Geneva tested a Marlin-4 pump on the old canal.

Officials gave the herders 48 hours to leave the flooded pastures.

Around 12,000 farmers depend on the river for irrigation, according to the United Nations Food and Agriculture Organization (FAO).
`

func mustEngine(t testing.TB, articles map[string]string) *qa.Engine {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, text := range articles {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	// qa.Load, as the CLI and the bot build it: dates read with the
	// articles' language, number words, place names.
	e, err := qa.Load(fsys, qa.Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestAskInvented(t *testing.T) {
	e := mustEngine(t, map[string]string{"treaty.txt": invented})
	tests := []struct {
		name     string
		question string
		kind     qa.Kind
		quote    string // substring of the expected sentence
		answer   string // substring of the expected short answer
	}{
		{"when with year", "when did the talks begin?", qa.KindWhen, "talks began in 2011", "2011"},
		{"how many", "how many farmers rely on the river", qa.KindHowMany, "12,000 farmers", "12,000"},
		{"who said", "who said the deal opens a new chapter", qa.KindWho, "Anna Kovac", "Anna Kovac"},
		{"define acronym", "what is the FAO?", qa.KindDefine, "(FAO)", "Food and Agriculture Organization"},
		{"define person", "who is anna kovac", qa.KindDefine, "Anna Kovac said", "Foreign Minister"},
		{"typo", "how many farmres depend on the river", qa.KindHowMany, "12,000 farmers", "12,000"},
		{"where", "where did the talks begin", qa.KindWhere, "Geneva", "Geneva"},
		{"who without a name", "who dug the canals?", qa.KindWho, "dug new canals", "Local farmers"},
		{"yes-no denied by an antonym", "did the first attempt at a deal succeed?", qa.KindYesNo, "attempt at a deal in 2015 failed", "No"},
		{"yes-no with a negation elsewhere", "do the new canals work?", qa.KindYesNo, "canals work well", "Yes"},
		{"yes-no with a negation on the question's words", "has no farmer lost land?", qa.KindYesNo, "no farmer has lost land", "Yes"},
		{"which official: a person, not the quote", "which official said the deal opens a new chapter?", qa.KindWhich, "Anna Kovac", "Anna Kovac"},
		{"which agency: an organisation", "which agency says farmers depend on the river?", qa.KindWhich, "12,000 farmers", "FAO"},
		{"yes-no negated words away", "have the ministers signed a draft?", qa.KindYesNo, "never once", "No"},
		{"who: the agent after a cue", "who asked for the vote to be delayed?", qa.KindWho, "vote was delayed", "the river commission"},
		{"who: a named agent", "who paid for the pumps?", qa.KindWho, "pumps were paid", "Borduria Farm Fund"},
		{"define person: a title before a relative clause", "who is olaf brenn?", qa.KindDefine, "Olaf Brenn", "Harbour chief"},
		{"yes-no denied by another ordinal", "is this the first river pact of the region?", qa.KindYesNo, "second river pact", "No"},
		{"the name of a place, not of a landmark", "what is the name of the new town?", qa.KindName, "Lakeview", "Lakeview"},
		{"how long: since when", "how long have the engineers guarded the sluices?", qa.KindHowLong, "Since 2016", "2016"},
		{"what kind of: the words that qualify it", "what kind of evidence did the inspectors find?", qa.KindWhich, "clear evidence", "clear evidence"},
		{"where: a place the extractor could not type", "where did the grain barges sail from?", qa.KindWhere, "Orvik loading dock", "Orvik"},
		{"which X: the name right before X", "which pump did the engineers test?", qa.KindWhich, "Marlin-4 pump", "Marlin-4"},
		{"what someone said", "what did the foreign minister say about the deal", qa.KindWhat, "Anna Kovac", "opens a new chapter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := e.Ask(context.Background(), qa.Question{Text: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if !a.Answered {
				t.Fatalf("Ask(%q) not answered (reason %q, suggestions %v)", tt.question, a.Reason, a.Suggestions)
			}
			if a.Kind != tt.kind {
				t.Errorf("Ask(%q).Kind = %q, want %q", tt.question, a.Kind, tt.kind)
			}
			if !strings.Contains(a.Quote.Text, tt.quote) {
				t.Errorf("Ask(%q).Quote = %q, want it to contain %q", tt.question, a.Quote.Text, tt.quote)
			}
			if !strings.Contains(a.Text, tt.answer) {
				t.Errorf("Ask(%q).Text = %q, want it to contain %q", tt.question, a.Text, tt.answer)
			}
		})
	}
}

func TestAbstains(t *testing.T) {
	e := mustEngine(t, map[string]string{"treaty.txt": invented})
	for _, q := range []string{
		"who won the football world cup",
		"how much did the dam cost",
		"what is the name of the syldavian president",
	} {
		a, err := e.Ask(context.Background(), qa.Question{Text: q})
		if err != nil {
			t.Fatal(err)
		}
		if a.Answered {
			t.Errorf("Ask(%q) answered %q from %q; want no answer", q, a.Text, a.Quote.Text)
		}
		if a.Reason != qa.ReasonNotFound {
			t.Errorf("Ask(%q).Reason = %q, want %q", q, a.Reason, qa.ReasonNotFound)
		}
	}
}

// TestBadInput checks that nothing a user types breaks the engine: each
// input gets a clear reason, never a panic or an error.
func TestBadInput(t *testing.T) {
	e := mustEngine(t, map[string]string{"treaty.txt": invented})
	tests := []struct {
		name   string
		input  string
		reason qa.Reason
	}{
		{"empty", "", qa.ReasonEmpty},
		{"spaces", " \t\n ", qa.ReasonEmpty},
		{"huge", strings.Repeat("why ", 3000), qa.ReasonTooLong},
		{"only symbols", "?!?! ... ***", qa.ReasonInvalid},
		{"only emoji", "🔥🔥🔥", qa.ReasonInvalid},
		{"binary", "\x00\x01\x02\xff\xfe", qa.ReasonInvalid},
		{"invalid utf-8 around a question", "when did the talks \xffbegin?", qa.ReasonNone},
		{"mention injection", "@everyone when did the talks begin?", qa.ReasonNone},
		{"markdown", "**when** did the `talks` begin? ||really||", qa.ReasonNone},
		{"spoiler", "||when did the talks begin?||", qa.ReasonNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := e.Ask(context.Background(), qa.Question{Text: tt.input})
			if err != nil {
				t.Fatalf("Ask(%q) error %v", tt.input, err)
			}
			if a.Reason != tt.reason {
				t.Errorf("Ask(%q).Reason = %q, want %q", tt.input, a.Reason, tt.reason)
			}
			if !utf8.ValidString(a.Question) || !utf8.ValidString(a.Text) {
				t.Errorf("Ask(%q) returned invalid UTF-8", tt.input)
			}
		})
	}
}

func TestAskCancelled(t *testing.T) {
	e := mustEngine(t, map[string]string{"treaty.txt": invented})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := e.Ask(ctx, qa.Question{Text: "when did the talks begin"}); err == nil {
		t.Error("Ask with a cancelled context returned no error")
	}
}

// TestSeveralArticles checks that a corpus of several articles answers
// from the right one and names it. The two articles are the same but for
// their names and numbers, and the question names its river only in the
// title of its article, so the engine is rightly unsure whether to answer;
// abstention is tested elsewhere, the choice of the article here.
func TestSeveralArticles(t *testing.T) {
	other := strings.NewReplacer("Borduria", "Ruritania", "Syldavia", "Graustark", "Vltava", "Elbe", "12,000", "3,500", "2011", "2015").Replace(invented)
	e := mustEngineWith(t, map[string]string{"a.txt": invented, "b.txt": other}, qa.Options{MinConfidence: 0.01})
	a, err := e.Ask(context.Background(), qa.Question{Text: "how many farmers depend on the elbe"})
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Text, "3,500") || a.Quote.ArticleID != "b" {
		t.Errorf("Ask = %+v; want 3,500 from article b", a)
	}
}

func FuzzAsk(f *testing.F) {
	e := mustEngine(f, map[string]string{"treaty.txt": invented})
	for _, s := range []string{"when did the talks begin?", "", "🔥", "\xff\xfe", "qui a signé le traité ?", "Когда начались переговоры?", strings.Repeat("a ", 300), "@everyone <@123> **x**"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := e.Ask(context.Background(), qa.Question{Text: s})
		if err != nil {
			t.Fatalf("Ask(%q) error %v", s, err)
		}
		if a.Answered && a.Quote.Text == "" {
			t.Fatalf("Ask(%q) answered without a quote", s)
		}
		if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Question) {
			t.Fatalf("Ask(%q) returned invalid UTF-8", s)
		}
	})
}

// TestAskOtherLanguages checks the answers to questions in other languages
// than the article's, over the invented article.
func TestAskOtherLanguages(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := qa.Load(fstest.MapFS{"treaty.txt": {Data: []byte(invented)}}, qa.Options{Languages: reg, Detector: lang.NewDetector(reg)})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, question, lang string
		quote, answer        string
	}{
		{"quantity written the French way", "combien d'agriculteurs dépendent du fleuve ?", "fr", "12,000 farmers", "12\u202f000"},
		{"quantity written the German way", "wie viele bauern hängen vom fluss ab?", "de", "12,000 farmers", "12.000"},
		{"a misspelt French word put right", "combien d'agriculteurs dépendent du flueve pour l'irrigation ?", "fr", "12,000 farmers", "12\u202f000"},
		{"only the respelt word to go on", "et la saisson ?", "fr", "dry season", ""},
		{"a date in Spanish", "¿cuándo empezaron las negociaciones?", "es", "talks began in 2011", "2011"},
		{"how many of a time unit is a duration", "¿cuántas horas tuvieron los pastores para dejar los pastos?", "es", "48 hours", "48 horas"},
		{"a name is the article's name in any language", "qui est Anna Kovac ?", "fr", "Anna Kovac said", "Foreign Minister"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := e.Ask(context.Background(), qa.Question{Text: tt.question})
			if err != nil {
				t.Fatal(err)
			}
			if a.Lang != tt.lang {
				t.Errorf("Ask(%q).Lang = %q, want %q", tt.question, a.Lang, tt.lang)
			}
			if !a.Answered || !strings.Contains(a.Quote.Text, tt.quote) || !strings.Contains(a.Text, tt.answer) {
				t.Errorf("Ask(%q) = %q from %q (answered %v); want %q from a sentence with %q", tt.question, a.Text, a.Quote.Text, a.Answered, tt.answer, tt.quote)
			}
		})
	}
}

func TestStandsFor(t *testing.T) {
	e := mustEngine(t, map[string]string{"treaty.txt": invented})
	a, err := e.Ask(context.Background(), qa.Question{Text: "what does FAO stand for?"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != qa.KindDefine || !strings.Contains(a.Text, "Food and Agriculture Organization") {
		t.Errorf("Ask(what does FAO stand for) = %q (%s); want the expansion, as a definition", a.Text, a.Kind)
	}
}

// TestNewWithoutArticles checks that an engine over nothing is refused
// with an error, not built to fail later.
func TestNewWithoutArticles(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]*corpus.Corpus{"nil": nil, "empty": {}} {
		t.Run(name, func(t *testing.T) {
			e, err := qa.New(c, qa.Options{Languages: reg})
			if !errors.Is(err, corpus.ErrNoArticles) || e != nil {
				t.Errorf("New(%s corpus) = %v, %v; want nil, ErrNoArticles", name, e, err)
			}
		})
	}
}

// TestMeasures checks that a question picks the quantity of what it asks
// for when a sentence holds several: a distance, money, a count.
func TestMeasures(t *testing.T) {
	const article = `Water pipeline opens in the hills

AFP - JOHN ROE

A new water pipeline opened in the hills on Monday after three years of work.

The pipeline stretches 14 kilometres, cost €90 million and serves 30 villages.

Its pumps weigh 12 tonnes each and move 400 litres a second.
`
	e := mustEngine(t, map[string]string{"pipeline.txt": article})
	tests := []struct {
		question string
		kind     qa.Kind
		answer   string
	}{
		{"how far does the pipeline stretch?", qa.KindHowMuch, "14 kilometres"},
		{"how much did the pipeline cost?", qa.KindHowMuch, "€90 million"},
		{"how many places does the pipeline serve?", qa.KindHowMany, "30"},
		{"how heavy are the pumps?", qa.KindHowMuch, "12 tonnes"},
		{"how much does a pump weigh?", qa.KindHowMuch, "12 tonnes"},
	}
	for _, tt := range tests {
		a, err := e.Ask(context.Background(), qa.Question{Text: tt.question})
		if err != nil {
			t.Fatal(err)
		}
		if a.Kind != tt.kind || !a.Answered || !strings.Contains(a.Text, tt.answer) {
			t.Errorf("Ask(%q) = %q (kind %s, answered %v) from %q; want %q (kind %s)", tt.question, a.Text, a.Kind, a.Answered, a.Quote.Text, tt.answer, tt.kind)
		}
	}
}
