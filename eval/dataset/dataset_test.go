package dataset_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/eval/dataset"
)

// The buckets were computed independently (Python, FNV-1a 32 by hand).
func TestSplit(t *testing.T) {
	for key, want := range map[string]string{
		"xquad/Super_Bowl_50":             dataset.Heldout, // bucket 9
		"xquad/Genghis_Khan":              dataset.Fit,     // 3
		"en.squad1.0-train.sample/Alaska": dataset.Fit,     // 2
		"nb.norquad-news-train/news a_1 doc 437: Pressetopper slår alarm om infostopp fra sykehus": dataset.Fit, // 0
	} {
		if got := dataset.Split(key); got != want {
			t.Errorf("Split(%q) = %s, want %s", key, got, want)
		}
	}
	// Over many keys the shares are about 6:2:2.
	n := map[string]int{}
	for i := range 10000 {
		n[dataset.Split("k/"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune(i)))]++
	}
	if n[dataset.Fit] < 5500 || n[dataset.Dev] < 1700 || n[dataset.Heldout] < 1700 {
		t.Errorf("split shares %v, want about 6000/2000/2000", n)
	}
}

// Two titles: "Vltava" with two paragraphs (the second asked first, with
// a multi-byte character before its answer), "Klow" with one.
const qaLines = `{"id":"q1","lang":"en","source":"x","title":"Vltava_treaty","context":"  Talks began in Genève in 2011.\nThey stalled twice.","question":"when did talks begin?","answers":[{"text":"2011","start":27}],"answerable":true}
{"id":"q2","lang":"en","source":"x","title":"Vltava_treaty","context":"Borduria signed the treaty.","question":"who signed?","answers":[{"text":"Borduria","start":0},{"text":"Borduria","start":0}],"answerable":true}

{"id":"q3","lang":"en","source":"x","title":"Klow","context":"The harbour opened in 1887.","question":"when?","answers":[{"text":"1887","start":22},{"text":"in 1887","start":19}],"answerable":true}
{"id":"q4","lang":"en","source":"x","title":"Klow","context":"The harbour opened in 1887.","question":"who built it?","answers":[],"answerable":false}
`

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestReadQAData(t *testing.T) {
	for name, data := range map[string][]byte{"plain.jsonl": []byte(qaLines), "dir/en.sample.jsonl.gz": gz(qaLines)} {
		s, err := dataset.ReadQAData(bytes.NewReader(data), name)
		if err != nil {
			t.Fatal(err)
		}
		set := dataset.SetName(name)
		if s.Name != set || s.Lang != "en" || len(s.Articles) != 2 || len(s.Questions) != 4 {
			t.Fatalf("%s: set %q lang %q, %d articles, %d questions", name, s.Name, s.Lang, len(s.Articles), len(s.Questions))
		}
		a := s.Articles[0]
		wantText := "Talks began in Genève in 2011.\nThey stalled twice.\n\nBorduria signed the treaty."
		if a.ID != set+"/Vltava_treaty" || a.Key != a.ID || a.Title != "Vltava treaty" || a.Text != wantText || a.Split != dataset.Split(a.Key) {
			t.Errorf("%s: article %+v", name, a)
		}
		if len(a.Paragraphs) != 3 || a.Text[a.Paragraphs[1].Start:a.Paragraphs[1].End] != "They stalled twice." {
			t.Errorf("%s: paragraphs %v", name, a.Paragraphs)
		}
		for _, q := range s.Questions {
			for _, r := range q.Answers {
				if got := s.Article(q.Article).Text[r.Start:r.End]; !containsString(q.Gold, got) {
					t.Errorf("%s: %s: range %v holds %q, not a gold %q", name, q.ID, r, got, q.Gold)
				}
			}
		}
		if q := s.Questions[1]; len(q.Answers) != 1 || !cmp.Equal(q.Gold, []string{"Borduria"}) || !cmp.Equal(q.Ans, q.Gold) {
			t.Errorf("%s: duplicate answers kept: %+v", name, q)
		}
		if q := s.Questions[2]; len(q.Answers) != 2 || !cmp.Equal(q.Gold, []string{"1887", "in 1887"}) {
			t.Errorf("%s: q3 = %+v", name, q)
		}
		if q := s.Questions[3]; q.Answerable != eval.No || q.Gold != nil || q.Answers != nil {
			t.Errorf("%s: unanswerable q4 = %+v", name, q)
		}
	}
	if _, err := dataset.ReadQAData(strings.NewReader(`{"id":"x","lang":"en","question":"q?"}`), "bad"); err == nil {
		t.Error("a line without context: no error")
	}
}

func TestReadQADataTitleFromText(t *testing.T) {
	line := `{"id":"n1","lang":"nb","title":"news a_1 doc 4: Havna åpner","context":"Havna åpner\nHavna i Klow åpnet i 1887.","question":"når?","answers":[{"text":"1887","start":33}]}`
	s, err := dataset.ReadQAData(strings.NewReader(line), "nb.x.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	if a := s.Articles[0]; a.Title != "Havna åpner" || a.Key != "nb.x/news a_1 doc 4: Havna åpner" {
		t.Errorf("title %q key %q", a.Title, a.Key)
	}
}

const xquadLines = `{"id": "a1", "lang": "es", "q": "¿Cuándo?", "gold": ["1887"], "ans": ["1887", "en 1887"], "answerable": true, "article": "Klow", "article_lang": "en", "para": 2, "start": 14}
{"id": "a2", "lang": "es", "q": "¿Quién?", "gold": ["Olaf"], "ans": ["Olaf"], "answerable": false, "article": "Klow", "article_lang": "en", "para": 3}
{"id": "a3", "lang": "es", "q": "¿Qué?", "gold": ["tratado"], "ans": ["tratado"], "answerable": "either", "article": "Vltava", "article_lang": "en", "para": 3}
`

func TestReadXQuAD(t *testing.T) {
	pages := map[string]string{
		"en/Klow":   "Klow\n\nKlow is a port.\n\nThe harbour – 1887 – opened in 1887.\n",
		"en/Vltava": "Vltava\n\nA river.\n",
	}
	opened := 0
	s, err := dataset.ReadXQuAD(strings.NewReader(xquadLines), "xling-es.jsonl", func(l, a string) ([]byte, error) {
		opened++
		p, ok := pages[l+"/"+a]
		if !ok {
			return nil, errors.New("no such article")
		}
		return []byte(p), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "xquad-dev/xling-es" || s.Lang != "es" || len(s.Articles) != 2 || opened != 2 {
		t.Fatalf("set %q lang %q articles %d opened %d", s.Name, s.Lang, len(s.Articles), opened)
	}
	a := s.Articles[0]
	if a.ID != "xquad/en/Klow" || a.Key != "xquad/Klow" || a.Title != "Klow" || a.Text != "Klow is a port.\n\nThe harbour – 1887 – opened in 1887." {
		t.Errorf("article %+v", a)
	}
	q := s.Questions[0]
	// start 14 is in code points: the dash is one code point, three bytes.
	if len(q.Answers) != 1 || a.Text[q.Answers[0].Start:q.Answers[0].End] != "1887" || q.Answers[0].Start != a.Paragraphs[1].Start+len("The harbour – ") {
		t.Errorf("answers %v", q.Answers)
	}
	if s.Questions[1].Answerable != eval.No || s.Questions[2].Answerable != eval.Either || s.Questions[1].Answers != nil {
		t.Errorf("unanswerable questions %+v", s.Questions[1:])
	}
	if _, err := dataset.ReadXQuAD(strings.NewReader(`{"id":"x","lang":"es","q":"q","gold":["g"],"article":"Nowhere","article_lang":"en"}`), "x", func(string, string) ([]byte, error) {
		return nil, errors.New("missing")
	}); err == nil {
		t.Error("a missing article: no error")
	}
}

func TestHoldOut(t *testing.T) {
	var lines strings.Builder
	paras := []string{"Klow has a port.", "The harbour opened in 1887.", "Olaf Brenn runs it since 2019.", "Ships leave at dawn."}
	for i, p := range paras {
		// One question per paragraph, about its last word.
		words := strings.Fields(strings.TrimSuffix(p, "."))
		ans := words[len(words)-1]
		lines.WriteString(`{"id":"q` + string(rune('0'+i)) + `","lang":"en","title":"Klow","context":"` + p + `","question":"what?","answers":[{"text":"` + ans + `","start":` + itoa(len([]rune(p))-len([]rune(ans))-1) + `}]}` + "\n")
	}
	// A fifth question whose answer also lies in another paragraph.
	lines.WriteString(`{"id":"q9","lang":"en","title":"Klow","context":"Olaf Brenn runs it since 2019.","question":"who?","answers":[{"text":"Olaf Brenn","start":0}]}` + "\n")
	// A one-sentence article: nothing to leave once its sentence is gone.
	lines.WriteString(`{"id":"t1","lang":"en","title":"Tarnow","context":"Tarnow is a town.","question":"what?","answers":[{"text":"town","start":12}]}` + "\n")
	read := func() *dataset.Set {
		s, err := dataset.ReadQAData(strings.NewReader(lines.String()), "x.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := read()
	dataset.HoldOut(s, 3)
	if len(s.Articles) != 3 {
		t.Fatalf("%d articles after HoldOut, want 3 (one made)", len(s.Articles))
	}
	b := s.Articles[2]
	orig := s.Articles[0]
	removed := orig.Text[orig.Paragraphs[b.Without].Start:orig.Paragraphs[b.Without].End]
	if b.From != orig.ID || b.Key != orig.Key || b.Split != orig.Split || strings.Contains(b.Text, removed) || len(b.Paragraphs) != 3 {
		t.Errorf("made article %+v, removed %q", b, removed)
	}
	var made []dataset.Question
	for _, q := range s.Questions {
		if q.Generated {
			made = append(made, q)
			if q.Article != b.ID || q.Answers != nil || !strings.HasSuffix(q.ID, "#without") {
				t.Errorf("made question %+v", q)
			}
			want := eval.No
			if eval.Hit(b.Text, q.Gold) {
				want = eval.Either
			}
			if q.Answerable != want {
				t.Errorf("%s: answerable %v, want %v", q.ID, q.Answerable, want)
			}
		}
	}
	if len(made) == 0 {
		t.Fatal("no question made")
	}
	// Deterministic: the same paragraph again.
	s2 := read()
	dataset.HoldOut(s2, 3)
	if len(s2.Articles) != 3 || s2.Articles[2].ID != b.ID || len(s2.Questions) != len(s.Questions) {
		t.Errorf("a second HoldOut made %s, the first %s", s2.Articles[2].ID, b.ID)
	}
	// Too few paragraphs: nothing.
	s3 := read()
	dataset.HoldOut(s3, 5)
	if len(s3.Articles) != 2 {
		t.Errorf("HoldOut(5) made articles of a four-paragraph article")
	}
}

// TestHoldOutShortArticles: articles of fewer paragraphs than HoldOut's
// minimum lose a sentence that holds an answer, one article in ten.
func TestHoldOutShortArticles(t *testing.T) {
	const context = "%s lies on the Vell river. Ann Kross is its mayor. The Vell bridge opened in 2010."
	qs := []struct{ q, ans string }{
		{"who is the mayor?", "Ann Kross"},
		{"when did the bridge open?", "2010"},
		{"which river is the bridge named after?", "Vell"}, // also in the first sentence
	}
	var lines strings.Builder
	const articles = 60
	for i := range articles {
		town := "Town" + itoa(i)
		ctx := strings.ReplaceAll(context, "%s", town)
		for j, q := range qs {
			at := strings.LastIndex(ctx, q.ans)
			lines.WriteString(`{"id":"` + town + `-` + itoa(j) + `","lang":"en","title":"` + town + `","context":"` + ctx + `","question":"` + q.q + `","answers":[{"text":"` + q.ans + `","start":` + itoa(at) + `}]}` + "\n")
		}
	}
	read := func() *dataset.Set {
		s, err := dataset.ReadQAData(strings.NewReader(lines.String()), "short.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		if err := dataset.HoldOut(s, 3); err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := read()
	made := s.Articles[articles:]
	if len(made) == 0 || len(made) > articles/4 {
		t.Fatalf("%d of %d short articles lost a sentence, want about one in ten", len(made), articles)
	}
	byID := map[string]*dataset.Article{}
	for _, a := range s.Articles {
		byID[a.ID] = a
	}
	kinds := map[eval.Answerable]int{}
	for _, b := range made {
		orig := byID[b.From]
		if orig == nil || b.Key != orig.Key || b.Split != orig.Split {
			t.Fatalf("made article %+v", b)
		}
		removed := orig.Text[b.Removed.Start:b.Removed.End]
		if !strings.HasSuffix(removed, ".") || strings.Count(removed, ". ") > 0 {
			t.Errorf("%s: removed %q, want one whole sentence", b.ID, removed)
		}
		if strings.Contains(b.Text, removed) || len(b.Text) >= len(orig.Text) || strings.Count(b.Text, ".") != 2 {
			t.Errorf("%s: text %q after removing %q from %q", b.ID, b.Text, removed, orig.Text)
		}
		var asked int
		for _, q := range s.Questions {
			if q.Article != b.ID {
				continue
			}
			asked++
			if !q.Generated || !strings.Contains(removed, q.Gold[0]) {
				t.Errorf("%s: question %+v, whose answer is not in the removed %q", b.ID, q, removed)
			}
			want := eval.No
			if eval.Hit(b.Text, q.Gold) {
				want = eval.Either
			}
			if q.Answerable != want {
				t.Errorf("%s: %q answerable %v, want %v", b.ID, q.Q, q.Answerable, want)
			}
			kinds[q.Answerable]++
		}
		if asked == 0 {
			t.Errorf("%s: made with no question", b.ID)
		}
	}
	if kinds[eval.No] == 0 || kinds[eval.Either] == 0 {
		t.Errorf("questions made by answerable: %v; want both unanswerable and either", kinds)
	}
	// Deterministic: the same articles again.
	s2 := read()
	if len(s2.Articles) != len(s.Articles) || len(s2.Questions) != len(s.Questions) {
		t.Fatalf("a second HoldOut made %d articles and %d questions, the first %d and %d", len(s2.Articles), len(s2.Questions), len(s.Articles), len(s.Questions))
	}
	for i := range s.Articles {
		if s2.Articles[i].ID != s.Articles[i].ID || s2.Articles[i].Text != s.Articles[i].Text {
			t.Errorf("article %d: %s, then %s", i, s.Articles[i].ID, s2.Articles[i].ID)
		}
	}
	// minParagraphs 0: none at all.
	s3, err := dataset.ReadQAData(strings.NewReader(lines.String()), "short.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if err := dataset.HoldOut(s3, 0); err != nil || len(s3.Articles) != articles {
		t.Errorf("HoldOut(0) = %v, %d articles; want nothing made", err, len(s3.Articles))
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// locateSentences parses a's page with the real parser and locates its
// sentences in a's text, failing unless there are want of them.
func locateSentences(t *testing.T, a *dataset.Article, want int) (*corpus.Article, []dataset.Range) {
	t.Helper()
	p, err := corpus.NewParser()
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := p.Parse("klow", a.Page())
	if err != nil {
		t.Fatal(err)
	}
	loc := dataset.Locate(a, parsed)
	if len(loc) != want {
		t.Fatalf("%d sentences located, want %d: %v", len(loc), want, loc)
	}
	return parsed, loc
}

// TestLocate parses a page with the real parser, whose cleaner rewrites
// quote marks, and finds each sentence and the gold sentence of answers.
func TestLocate(t *testing.T) {
	a := &dataset.Article{
		Title: "Klow harbour",
		Text:  "The harbour of Klow opened in 1887 after ten years of work.\n\nIts chief, Olaf Brenn, said “it is ours” in 2019. Ships leave at dawn.",
	}
	parsed, loc := locateSentences(t, a, 3)
	for i, r := range loc {
		if r.Start < 0 {
			t.Fatalf("sentence %d %q not found", i, parsed.Sentences[i].Text)
		}
	}
	if got := a.Text[loc[2].Start:loc[2].End]; got != "Ships leave at dawn" {
		t.Errorf("sentence 2 located at %q", got)
	}
	at := strings.Index(a.Text, "2019")
	q := dataset.Question{Answers: []dataset.Range{{at - 1, at + 4}}} // " 2019": the first letter or digit counts
	if got := dataset.GoldSentences(a, q, loc); !cmp.Equal(got, []int{1}) {
		t.Errorf("GoldSentences = %v, want [1]", got)
	}
	if got := dataset.GoldSentences(a, dataset.Question{}, loc); got != nil {
		t.Errorf("GoldSentences without answers = %v", got)
	}
}

// TestLocateCharacterReferences: the cleaner decodes character references
// (a Portuguese SQuAD translation writes every quotation mark "&quot;"),
// while answer offsets count in the raw text; sentences and the gold
// sentence of an answer that starts with a reference are still found.
func TestLocateCharacterReferences(t *testing.T) {
	a := &dataset.Article{
		Title: "Porto de Klow",
		Text:  "O porto de Klow abriu em 1887.\n\nO chefe disse &quot;o porto &#233; nosso&quot; em 2019. Os navios saem ao amanhecer &amp; voltam &agrave; noite.",
	}
	parsed, loc := locateSentences(t, a, 3)
	for i, s := range parsed.Sentences {
		if strings.Contains(s.Text, "&") && !strings.Contains(s.Text, " & ") {
			t.Errorf("sentence %d %q keeps a character reference", i, s.Text)
		}
		if loc[i].Start < 0 {
			t.Fatalf("sentence %d %q not found", i, s.Text)
		}
	}
	if got, want := a.Text[loc[1].Start:loc[1].End], "O chefe disse &quot;o porto &#233; nosso&quot; em 2019"; got != want {
		t.Errorf("sentence 1 located at %q, want %q", got, want)
	}
	if got, want := a.Text[loc[2].Start:loc[2].End], "Os navios saem ao amanhecer &amp; voltam &agrave; noite"; got != want {
		t.Errorf("sentence 2 located at %q, want %q", got, want)
	}
	at := strings.Index(a.Text, "&quot;o porto")
	q := dataset.Question{Answers: []dataset.Range{{at, at + len("&quot;o porto &#233; nosso&quot;")}}}
	if got := dataset.GoldSentences(a, q, loc); !cmp.Equal(got, []int{1}) {
		t.Errorf("GoldSentences of an answer starting with a reference = %v, want [1]", got)
	}
}

// TestReadQADataDecodesGold: a gold string is read with its character
// references decoded, as the cleaner decodes the page the engine quotes,
// while its range still holds the raw text.
func TestReadQADataDecodesGold(t *testing.T) {
	line := `{"id":"q1","lang":"pt","title":"Klow","context":"Ele disse &quot;n&#227;o&quot; duas vezes.","question":"O que ele disse?","answers":[{"text":"&quot;n&#227;o&quot;","start":10}]}`
	s, err := dataset.ReadQAData(strings.NewReader(line), "pt.sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	q := s.Questions[0]
	if !cmp.Equal(q.Gold, []string{`"não"`}) || !cmp.Equal(q.Ans, q.Gold) {
		t.Errorf("gold %q, ans %q; want the decoded text", q.Gold, q.Ans)
	}
	if len(q.Answers) != 1 {
		t.Fatalf("answer ranges %v, want one", q.Answers)
	}
	if got, want := s.Articles[0].Text[q.Answers[0].Start:q.Answers[0].End], "&quot;n&#227;o&quot;"; got != want {
		t.Errorf("range holds %q, want the raw %q", got, want)
	}
}
