package corpus_test

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
)

// fuzzSeeds are inputs that have broken text pipelines before: nothing but
// quotes or punctuation, endless tiny sentences, scripts and emoji mixed in
// one line, broken encodings and control bytes.
var fuzzSeeds = []string{
	"",
	"\n\n\n",
	`"`,
	`""""""""""""""""`,
	"“ ” “ ” « » „ ‟ ‘ ’",
	"Title\n\n“\n\n”\n\n“\n\nA quotation that never closes and runs on and on.",
	".!?…",
	"... !!! ??? ,,, ;;; ::: ((( ))) [[[ ]]]",
	"Title\n\n" + strings.Repeat("a. ", 10000),
	"Title\n\n" + strings.Repeat("A. ", 3000),
	"Заголовок\n\nМинистр сказал, что «переговоры продолжатся». 北京 said 会议 will go on. Ο υπουργός είπε «ναι».",
	"Fire 🔥 spreads\n\nThe fire 🔥 spread to 3,000 🏠 homes, 👩‍🚒 firefighters said. 🇵🇹 Portugal asked for help 🙏.",
	"Title\n\nBroken \xff\xfe encoding \xc3\x28 here and \xe2\x82 there, with enough words to count.",
	"Title\n\nNUL\x00bytes\x00inside a sentence of a decent length here.",
	"Title\r\n\r\nWindows line ends, with a sentence long enough to be story.\r\nAnd a second line.\r\n",
	"Title\n\nA\u00a0no-break\u202fspace, a zero\u200bwidth space and a soft\u00adhyphen in a sentence.",
	"Title\n\nBy\n\nRead more\n\nTopics\n\n(With AFP)\n\n©\n\nPhoto:",
	"Title\n\nThe Long Name Agency (LNA) said (3) things (LNA (x)) about ((",
	"Title\n\nShe said \"it was \" and \"\" he said \" that \" she \"said\" it.",
	"Title\n\n€ $ £ €7.5 million $ 3,000,000,000,000,000,000,000,000 people 1e400 .5 5. 24-hour -3",
	"Title\n\nAt 3:40 a.m. on 07/11/2024 at 09:14 GMT the 1990s ended, GLACIS-3 said.",
	"Title\n\n'''s ’s 's People's Norway's's (ABC) ABC's The The The said he said.",
	"T\n\n\u2028\u2029\u0085\ufeff\u200e\u200f\u2060 line separators",
	"Title\n\nAn Ab. Cd. Ef. G. H. I. J. Mr. Mrs. U.S. p.m. e.g. No. 5. St. Louis.",
}

// fuzzArticles are the real pages the package is tuned on; mutating them
// reaches the cleaner's role rules, which random bytes rarely do.
var fuzzArticles = append([]string(nil), goldenArticles...)

func addFuzzSeeds(f *testing.F) {
	f.Helper()
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	for _, path := range fuzzArticles {
		raw, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw)
	}
}

func FuzzParse(f *testing.F) {
	addFuzzSeeds(f)
	p, err := corpus.NewParser()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := p.Parse("fuzz", raw)
		if err != nil {
			if a != nil {
				t.Errorf("Parse(%q) returned an article with error %v", raw, err)
			}
			return
		}
		checkArticleInvariants(t, a)
	})
}

// checkArticleInvariants checks what every consumer of an Article relies
// on: text is valid UTF-8, each sentence is its slice of the article text
// and lies inside its paragraph, sentences are in order and do not overlap,
// and each fact is its slice of its sentence.
func checkArticleInvariants(t *testing.T, a *corpus.Article) {
	t.Helper()
	for name, s := range map[string]string{
		"Title": a.Title, "Text": a.Text, "Caption": a.Meta.Caption, "Credit": a.Meta.Credit,
		"Byline": a.Meta.Byline, "Source": a.Meta.Source, "Dateline": a.Meta.Dateline,
		"Published": a.Meta.Published,
	} {
		if !utf8.ValidString(s) {
			t.Errorf("article %s %q is not valid UTF-8", name, s)
		}
	}
	for _, list := range [][]string{a.Meta.Headings, a.Meta.Tags, a.Meta.Related} {
		for _, s := range list {
			if !utf8.ValidString(s) {
				t.Errorf("article meta %q is not valid UTF-8", s)
			}
		}
	}
	if len(a.Paragraphs) == 0 {
		t.Errorf("article parsed without error has no paragraphs")
	}
	prevEnd := 0
	for i, p := range a.Paragraphs {
		if p.Index != i {
			t.Errorf("paragraph %d has Index %d", i, p.Index)
		}
		if p.Start < prevEnd || p.Start > p.End || p.End > len(a.Text) {
			t.Fatalf("paragraph %d: offsets [%d,%d) out of order or outside text of %d bytes", i, p.Start, p.End, len(a.Text))
		}
		prevEnd = p.End
	}
	prevEnd = 0
	for i, s := range a.Sentences {
		if s.Index != i {
			t.Errorf("sentence %d has Index %d", i, s.Index)
		}
		if s.Start < prevEnd || s.Start >= s.End || s.End > len(a.Text) {
			t.Fatalf("sentence %d: offsets [%d,%d) empty, overlapping or outside text of %d bytes", i, s.Start, s.End, len(a.Text))
		}
		prevEnd = s.End
		if got := a.Text[s.Start:s.End]; got != s.Text {
			t.Errorf("sentence %d: Text[%d:%d] = %q, want its Text %q", i, s.Start, s.End, got, s.Text)
		}
		if !utf8.ValidString(s.Text) {
			t.Errorf("sentence %d %q is not valid UTF-8", i, s.Text)
		}
		if s.Paragraph < 0 || s.Paragraph >= len(a.Paragraphs) {
			t.Fatalf("sentence %d: paragraph %d of %d", i, s.Paragraph, len(a.Paragraphs))
		}
		if p := a.Paragraphs[s.Paragraph]; s.Start < p.Start || s.End > p.End {
			t.Errorf("sentence %d [%d,%d) lies outside its paragraph [%d,%d)", i, s.Start, s.End, p.Start, p.End)
		}
		checkFactSpans(t, i, s)
	}
	for short, long := range a.Acronyms {
		if !utf8.ValidString(short) || !utf8.ValidString(long) {
			t.Errorf("acronym %q -> %q is not valid UTF-8", short, long)
		}
	}
}

func checkFactSpans(t *testing.T, i int, s corpus.Sentence) {
	t.Helper()
	var spans []corpus.Span
	for _, d := range s.Facts.Dates {
		spans = append(spans, corpus.Span{Text: d.Text, Start: d.Start, End: d.End})
	}
	for _, n := range s.Facts.Numbers {
		spans = append(spans, n.Span)
	}
	for _, n := range s.Facts.Names {
		spans = append(spans, n.Span)
	}
	for _, sp := range spans {
		if sp.Start < 0 || sp.Start > sp.End || sp.End > len(s.Text) {
			t.Errorf("sentence %d %q: span %+v out of range", i, s.Text, sp)
			continue
		}
		if got := s.Text[sp.Start:sp.End]; got != sp.Text {
			t.Errorf("sentence %d %q: Text[%d:%d] = %q, want span text %q", i, s.Text, sp.Start, sp.End, got, sp.Text)
		}
		if !utf8.ValidString(sp.Text) {
			t.Errorf("sentence %d: span %q is not valid UTF-8", i, sp.Text)
		}
	}
	if q := s.Facts.Quote; q != nil && (q.Verb == "" || q.Speaker == "") {
		t.Errorf("sentence %d %q: quote %+v lacks a verb or speaker", i, s.Text, *q)
	}
}

func FuzzSplit(f *testing.F) {
	addFuzzSeeds(f)
	s, err := corpus.NewSegmenter()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		text := string(raw)
		prevEnd := 0
		for i, r := range s.Split(text) {
			if r[0] < prevEnd || r[0] >= r[1] || r[1] > len(text) {
				t.Fatalf("Split(%q): range %d %v empty, overlapping or outside %d bytes", text, i, r, len(text))
			}
			prevEnd = r[1]
			sentence := text[r[0]:r[1]]
			if c := sentence[0]; c == ' ' || c == '\n' {
				t.Errorf("Split(%q): range %d %q starts with a space", text, i, sentence)
			}
			if c := sentence[len(sentence)-1]; c == ' ' || c == '\n' {
				t.Errorf("Split(%q): range %d %q ends with a space", text, i, sentence)
			}
			if utf8.ValidString(text) && !utf8.ValidString(sentence) {
				t.Errorf("Split(%q): range %d %v cuts a character", text, i, r)
			}
		}
	})
}
