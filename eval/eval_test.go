package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The wants of TestNorm were computed with ../shared/eval/score.py's
// norm() (Python 3.11), so that qabot eval and score.py agree.
func TestNorm(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Joining NATO in 2009", "joining nato in 2009"},
		{"curly quotes", "Albania\u2019s \u2018prime\u2019 `minister`", "albania's 'prime' 'minister'"},
		{"digit group", "3 000 people", "3000 people"},
		{"digit groups scan left to right", "1 000 000", "1000 000"},
		{"no-break space group", "10\u00a0000 euros", "10000 euros"},
		{"narrow no-break space group", "12\u202f345", "12345"},
		{"three groups", "12 345 678", "12345 678"},
		{"four digits after space", "1 0001", "1 0001"},
		{"group followed by letters", "2 345abc", "2 345abc"},
		{"group then underscore", "1 000_", "1 000_"},
		{"group then apostrophe", "1 000'", "1000'"},
		{"two spaces", "3 \u00a0000", "3 000"},
		{"dash between digits", "3 - 000", "3 000"},
		{"two groups", "5 123 and 6 789", "5123 and 6789"},
		{"decimal comma", "1 234,5", "1234 5"},
		{"ligature", "\ufb01nance", "finance"},
		{"sharp s", "Stra\u00dfe", "stra\u00dfe"},
		{"capital sharp s", "\u1e9e", "\u00df"},
		{"dotted capital I", "\u0130stanbul", "i stanbul"},
		{"I with combining dot", "I\u0307", "i"},
		{"final sigma", "\u039f\u0394\u039f\u03a3 \u03a3\u039f\u03a6\u039f\u03a3", "\u03bf\u03b4\u03bf\u03c2 \u03c3\u03bf\u03c6\u03bf\u03c2"},
		{"lone sigma", "\u03a3", "\u03c3"},
		{"sigma before period", "\u0391\u03a3.", "\u03b1\u03c2"},
		{"sigma before apostrophe and letter", "\u0391\u03a3'\u0391", "\u03b1\u03c3'\u03b1"},
		{"sigma with accent", "\u0391\u03a3\u0301 x", "\u03b1\u03c2 x"},
		{"decomposed accent", "e\u0301t\u00e9", "\u00e9t\u00e9"},
		{"combining mark alone", "x\u0301", "x"},
		{"upper decomposed", "DE\u0301J\u00c0", "d\u00e9j\u00e0"},
		{"apostrophe kept", "don't stop", "don't stop"},
		{"hyphens", "rock-and-roll", "rock and roll"},
		{"initials", "U.S.", "u s"},
		{"currency and decimal", "\u20ac7.5 million", "7 5 million"},
		{"underscore", "snake_case", "snake_case"},
		{"cyrillic", "\u042d\u0434\u0438 \u0420\u0430\u043c\u0430", "\u044d\u0434\u0438 \u0440\u0430\u043c\u0430"},
		{"whitespace", "  multiple\t\nspaces ", "multiple spaces"},
		{"fullwidth digits", "\uff12\uff10\uff12\uff12", "2022"},
		{"fraction", "\u00bd", "1 2"},
		{"fraction then group", "\u00bd 000", "1 2000"},
		{"superscript", "x\u00b2", "x2"},
		{"roman numeral", "\u216b", "xii"},
		{"em dash", "caf\u00e9 \u2014 bar", "caf\u00e9 bar"},
		{"empty", "", ""},
		{"spaces", "   ", ""},
		{"punctuation only", "!!!", ""},
		{"french elision", "l'OTAN a-t-elle", "l'otan a t elle"},
		{"guillemets", "\u00ab\u00a0Bonjour\u00a0\u00bb", "bonjour"},
		{"devanagari digits", "\u0968\u0966\u0966\u096f", "\u0968\u0966\u0966\u096f"},
		{"zero width space", "a\u200bb", "a b"},
		{"emoji", "\U0001f600 emoji", "emoji"},
		{"arabic", "\u0645\u0631\u062d\u0628\u0627", "\u0645\u0631\u062d\u0628\u0627"},
		{"han", "\u4e2d\u6587 123", "\u4e2d\u6587 123"},
		{"soft hyphen", "\u00ad soft", "soft"},
		{"hungarian", "\u0150RS\u00c9G \u00e9s T\u00f6r\u00f6k", "\u0151rs\u00e9g \u00e9s t\u00f6r\u00f6k"},
		{"norwegian", "\u00c6RE \u00d8L \u00c5R", "\u00e6re \u00f8l \u00e5r"},
		{"invalid utf8 replaced", "caf\ufffd", "caf"},
		{"invalid utf8 bytes", "caf\xff", "caf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Norm(tt.in); got != tt.want {
				t.Errorf("Norm(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// The wants of TestHit were computed with score.py's hit().
func TestHit(t *testing.T) {
	tests := []struct {
		name string
		text string
		alts []string
		want bool
	}{
		{"prefix of a word", "Albania failed to", []string{"fail"}, true},
		{"only the start is anchored", "und so weiter", []string{"un"}, true},
		{"middle word", "und so weiter", []string{"so"}, true},
		{"empty alternative", "anything", []string{""}, false},
		{"no alternatives", "anything", nil, false},
		{"punctuation in alternative", "The U.S. army", []string{"u.s."}, true},
		{"trailing period", "in 2009.", []string{"2009"}, true},
		{"inside a word", "in 2009.", []string{"009"}, false},
		{"curly apostrophe", "Albania\u2019s PM", []string{"albania's"}, true},
		{"no-break digit group", "3\u00a0000 people", []string{"3000"}, true},
		{"digit group in alternative", "3\u00a0000 people", []string{"3 000"}, true},
		{"second alternative", "xyz", []string{"!!!", "xyz"}, true},
		{"case", "Edi Rama said", []string{"RAMA SAID"}, true},
		{"prefix of a longer name", "ramazan", []string{"rama"}, true},
		{"decade", "the 1990s", []string{"1990"}, true},
		{"empty text", "", []string{"a"}, false},
		{"hyphen is a boundary", "a-b", []string{"b"}, true},
		{"date forms", "September 7, 2022", []string{"7 September", "September 7"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Hit(tt.text, tt.alts); got != tt.want {
				t.Errorf("Hit(%q, %q) = %v, want %v", tt.text, tt.alts, got, tt.want)
			}
		})
	}
}

const questionFile = `{"id": "a1", "lang": "en", "q": "when did albania join nato", "gold": ["joining NATO in 2009"], "ans": ["2009"], "answerable": true}
{"id": "a2", "lang": "en", "q": "who is the pm", "gold": ["Edi Rama"], "ans": ["Edi Rama"], "answerable": true}
{"id": "a3", "lang": "en", "q": "how many diplomats", "gold": ["four Iranian diplomats"], "ans": ["four", "4"], "answerable": true}

{"id": "u1", "lang": "en", "q": "what did it cost", "gold": [], "ans": [], "answerable": false}
{"id": "u2", "lang": "en", "q": "who were the hackers", "gold": [], "ans": [], "answerable": false}
{"id": "e1", "lang": "en", "q": "where is ashraf 3", "gold": ["not far from Tirana"], "ans": [], "answerable": "either"}
{"id": "f1", "lang": "fr", "q": "quand l'albanie a-t-elle rejoint l'otan", "gold": ["joining NATO in 2009"], "ans": ["2009"], "answerable": true}
{"id": "f2", "lang": "fr", "q": "combien a coûté l'attaque", "gold": [], "ans": [], "answerable": false}
{"id": "r1", "lang": "ru", "q": "кто премьер", "gold": ["Edi Rama"], "ans": ["Эди Рама", "Edi Rama"]}
`

var fakeResults = map[string]Result{
	"when did albania join nato":              {true, "2009", "Albania turned West, joining NATO in 2009."},
	"who is the pm":                           {true, "Ilir Meta", `Prime Minister Edi Rama said it's "clear".`},
	"how many diplomats":                      {},
	"what did it cost":                        {true, "x", "The damage was minimal."},
	"who were the hackers":                    {},
	"where is ashraf 3":                       {true, "Tirana", "Ashraf 3, not far from Tirana."},
	"quand l'albanie a-t-elle rejoint l'otan": {true, "2009", "In 2013, something else."},
	"combien a coûté l'attaque":               {},
	"кто премьер":                             {true, "Эди Рама", "Edi Rama, the prime minister."},
}

// TestScoreMatchesScorePy scores questionFile with fixed replies. The want
// is what score.py --per-question printed for the same file when its
// command printed the same replies (minus score.py's time line).
func TestScoreMatchesScorePy(t *testing.T) {
	qs, err := Read(strings.NewReader(questionFile), "questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	r := Score(qs, func(q string) Result {
		res, ok := fakeResults[q]
		if !ok {
			t.Fatalf("asked unexpected question %q", q)
		}
		return res
	})
	var out bytes.Buffer
	for _, write := range []func(*bytes.Buffer) error{
		func(b *bytes.Buffer) error { return r.WriteMisses(b) },
		func(b *bytes.Buffer) error { return r.WriteTable(b) },
		func(b *bytes.Buffer) error { return r.WriteOverall(b) },
	} {
		if err := write(&out); err != nil {
			t.Fatal(err)
		}
	}
	want := `MISS a3-en: 'how many diplomats' -> answered=False answer='' quote=''
MISS u1-en: 'what did it cost' -> answered=True answer='x' quote='The damage was minimal.'
MISS f1-fr: "quand l'albanie a-t-elle rejoint l'otan" -> answered=True answer='2009' quote='In 2013, something else.'
lang      n  sent@1  answer  abstain
en        6   66.7%   33.3%    66.7%
fr        2    0.0%  100.0%   100.0%
ru        1  100.0%  100.0%     0.0%
overall sentence@1 60.0% answer 60.0% abstain 75.0% n=9
`
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("report mismatch (-want +got):\n%s", diff)
	}
	wantTotal := Counts{Answerable: 5, Unanswerable: 4, Sentence: 3, Answer: 3, Abstain: 3}
	if diff := cmp.Diff(wantTotal, r.Total); diff != "" {
		t.Errorf("Total mismatch (-want +got):\n%s", diff)
	}
}

func TestScoreSendsOneLine(t *testing.T) {
	qs := []Question{{ID: "x", Lang: "en", Q: "two\nlines", Gold: []string{"a"}}}
	var asked string
	Score(qs, func(q string) Result { asked = q; return Result{} })
	if asked != "two lines" {
		t.Errorf("Score asked %q, want %q", asked, "two lines")
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"bad json", "{\"id\": \n", "q.jsonl:1: "},
		{"missing q", `{"id": "a", "lang": "en"}`, "q.jsonl:1: id, lang and q are required"},
		{"no gold", "\n" + `{"id": "a", "lang": "en", "q": "x", "answerable": true}`, "q.jsonl:2: a: an answerable question needs gold"},
		{"bad answerable", `{"id": "a", "lang": "en", "q": "x", "answerable": "maybe"}`, `answerable: want true, false or "either"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.in), "q.jsonl")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Read(%q) error = %v, want one containing %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestParseLimit(t *testing.T) {
	tests := []struct {
		in      string
		want    Limit
		wantErr bool
	}{
		{in: "70", want: Limit{Overall: 70, HasAll: true, text: "70"}},
		{in: "0", want: Limit{Overall: 0, HasAll: true, text: "0"}},
		{in: "62.5%", want: Limit{Overall: 62.5, HasAll: true, text: "62.5%"}},
		{in: "en=70,fr=50", want: Limit{PerLang: map[string]float64{"en": 70, "fr": 50}, text: "en=70,fr=50"}},
		{in: "60, EN=70", want: Limit{Overall: 60, HasAll: true, PerLang: map[string]float64{"en": 70}, text: "60, EN=70"}},
		{in: "", wantErr: true},
		{in: "101", wantErr: true},
		{in: "-1", wantErr: true},
		{in: "NaN", wantErr: true},
		{in: "70abc", wantErr: true},
		{in: "=70", wantErr: true},
		{in: "60,70", wantErr: true},
		{in: "en=1,en=2", wantErr: true},
	}
	for _, tt := range tests {
		got, err := ParseLimit(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseLimit(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(Limit{})); !tt.wantErr && diff != "" {
			t.Errorf("ParseLimit(%q) mismatch (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestCheck(t *testing.T) {
	r := &Report{
		ByLang: map[string]Counts{
			"en": {Answerable: 10, Unanswerable: 2, Sentence: 9, Answer: 8, Abstain: 1},
			"fr": {Answerable: 10, Sentence: 5, Answer: 5},
		},
	}
	for _, c := range r.ByLang {
		r.Total.add(c)
	}
	limit := func(s string) Limit {
		t.Helper()
		l, err := ParseLimit(s)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	tests := []struct {
		name string
		th   Thresholds
		want []string
	}{
		{"none", Thresholds{}, nil},
		{"all zero", Thresholds{limit("0"), limit("0"), limit("0")}, nil},
		{"overall passes", Thresholds{Sentence: limit("70")}, nil},
		{"overall fails", Thresholds{Sentence: limit("71")}, []string{"overall sentence@1 70.0% is below 71%"}},
		{"per language", Thresholds{Sentence: limit("en=90,fr=60")}, []string{"fr sentence@1 50.0% is below 60%"}},
		{"answer and abstain", Thresholds{Answer: limit("en=81"), Abstain: limit("50")}, []string{"en answer 80.0% is below 81%"}},
		{"abstain fails", Thresholds{Abstain: limit("en=60")}, []string{"en abstain 50.0% is below 60%"}},
		// fr has no unanswerable question: nothing to check.
		{"no denominator", Thresholds{Abstain: limit("fr=90")}, nil},
		{"language without questions", Thresholds{Sentence: limit("de=10")}, []string{"de sentence@1: no questions in this language"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.Check(tt.th)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestPyRepr(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "''"},
		{"abc", "'abc'"},
		{"it's", `"it's"`},
		{`it's "x"`, `'it\'s "x"'`},
		{`a\b`, `'a\\b'`},
		{"tab\there\n", `'tab\there\n'`},
		{"\x01", `'\x01'`},
		{"Эди", "'Эди'"},
	}
	for _, tt := range tests {
		if got := PyRepr(tt.in); got != tt.want {
			t.Errorf("PyRepr(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func BenchmarkNorm(b *testing.B) {
	s := "After decades of isolation on the international scene, Albania resolutely turned towards the West, joining NATO in 2009 and applying for membership of the European Union."
	b.ReportAllocs()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Norm(s)
	}
}

func TestWriteMarkdown(t *testing.T) {
	r := &Report{
		ByLang: map[string]Counts{
			"fr": {Answerable: 3, Unanswerable: 1, Sentence: 2, Answer: 1, Abstain: 1},
			"en": {Answerable: 4, Unanswerable: 0, Sentence: 4, Answer: 3},
		},
		Total: Counts{Answerable: 7, Unanswerable: 1, Sentence: 6, Answer: 4, Abstain: 1},
	}
	var b strings.Builder
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	want := "| language | questions | sentence@1 | answer | abstain |\n| --- | ---: | ---: | ---: | ---: |\n" +
		"| en | 4 | 100.0% | 75.0% | 0.0% |\n| fr | 4 | 66.7% | 33.3% | 100.0% |\n| all | 8 | 85.7% | 57.1% | 100.0% |\n"
	if got := b.String(); got != want {
		t.Errorf("WriteMarkdown() =\n%s\nwant\n%s", got, want)
	}
	b.Reset()
	if err := r.WriteMarkdownRow(&b, "a set"); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "| a set | 8 | 85.7% | 57.1% | 100.0% |\n"; got != want {
		t.Errorf("WriteMarkdownRow() = %q, want %q", got, want)
	}
}
