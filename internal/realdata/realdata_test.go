package realdata_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/realdata"
	"github.com/qabot/qabot/lang"
)

const dataDir = "../../testdata/realdata"

// TestReadFiles reads every real-data file of the repository and checks
// the counts its README gives, and that answers have offsets.
func TestReadFiles(t *testing.T) {
	fsys := os.DirFS(dataDir)
	files, err := realdata.Files(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{ // answerable and unanswerable questions in the data
		"en.squad1.0-train.sample": 3000, "en.tydiqa-goldp-train.sample": 3000, "en.nq-dev-subset": 54,
		"ru.tydiqa-goldp-dev": 812, "nb.norquad-news-train": 1922, "nb.norquad-wiki-train": 1886,
		"pt.squad1.1-pt-train.sample": 2110, "sv.swequad-mc-train": 962,
		"xquad-dev/mono-de": 623, "xquad-dev/mono-es": 623, "xquad-dev/mono-ru": 623,
		"xquad-dev/xling-de": 623, "xquad-dev/xling-en": 623, "xquad-dev/xling-es": 623, "xquad-dev/xling-ru": 623,
		"xquad-dev/en-over-de": 623, "xquad-dev/en-over-es": 623, "xquad-dev/en-over-ru": 623,
	}
	for _, f := range files {
		s, err := realdata.ReadFile(fsys, f, realdata.DefaultMinParagraphs)
		if err != nil {
			t.Fatal(err)
		}
		n, made, noRange := 0, 0, 0
		for _, q := range s.Questions {
			if q.Generated {
				made++
				continue
			}
			n++
			if q.Answerable == eval.Yes && len(q.Answers) == 0 {
				noRange++
			}
		}
		if n != want[s.Name] {
			t.Errorf("%s: %d questions, want %d", s.Name, n, want[s.Name])
		}
		delete(want, s.Name)
		if noRange > 0 {
			t.Errorf("%s: %d answerable questions without an answer offset", s.Name, noRange)
		}
		// Unanswerable questions are made from multi-paragraph articles
		// only: none from TyDi's single passages, some from SQuAD's.
		if strings.Contains(s.Name, "squad1") && made < 50 {
			t.Errorf("%s: %d unanswerable questions made, want at least 50", s.Name, made)
		}
		if strings.HasPrefix(s.Name, "xquad") && made > 0 {
			t.Errorf("%s: HoldOut made questions of an xquad-dev set", s.Name)
		}
	}
	for name := range want {
		t.Errorf("set %s missing from %s", name, dataDir)
	}
}

// TestDetect tells the three formats apart.
func TestDetect(t *testing.T) {
	for text, want := range map[string]realdata.Format{
		`{"id":"1","lang":"en","q":"x","gold":["y"]}`:                      realdata.Own,
		"\n\n" + `{"id":"1","title":"t","context":"c","question":"q"}`:     realdata.QAData,
		`{"id":"1","lang":"es","q":"x","gold":["y"],"article":"A"}` + "\n": realdata.XQuAD,
		"\x1f\x8b\x08": realdata.QAData,
		"":             realdata.Own,
		"not json":     realdata.Own,
	} {
		if got, err := realdata.Detect(strings.NewReader(text)); err != nil || got != want {
			t.Errorf("Detect(%q) = %v, %v; want %v", text, got, err, want)
		}
	}
}

// oracle answers with the sentence that holds the answer's offset, found
// again from the article, and declines the others; silent declines
// everything.
type oracle struct{ silent bool }

func (o oracle) Name() string {
	if o.silent {
		return "silent"
	}
	return "oracle"
}

func (o oracle) Answerer(a *dataset.Article, c *corpus.Corpus) (realdata.Answerer, error) {
	return oracleAnswerer{o, a, c.Articles[0], dataset.Locate(a, c.Articles[0])}, nil
}

type oracleAnswerer struct {
	o   oracle
	a   *dataset.Article
	p   *corpus.Article
	loc []dataset.Range
}

func (x oracleAnswerer) Ask(_ context.Context, q *dataset.Question) (realdata.Reply, error) {
	r := realdata.Reply{Sentence: -1, Top: -1}
	gold := dataset.GoldSentences(x.a, *q, x.loc)
	if x.o.silent || len(gold) == 0 {
		return r, nil
	}
	s := x.p.Sentences[gold[0]]
	return realdata.Reply{Answered: true, Answer: q.Ans[0], Quote: s.Text, Sentence: gold[0], Top: gold[0], TopQuote: s.Text}, nil
}

// TestRun runs an oracle, a system that declines everything and qabot on
// one xquad-dev file, and checks the figures the first two must get and
// that qabot's are in range.
func TestRun(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	s, err := realdata.ReadFile(os.DirFS(dataDir), "xquad-dev/xling-en.jsonl", 0)
	if err != nil {
		t.Fatal(err)
	}
	qabot := realdata.NewQabot(reg)
	// Two articles are enough, and keep the test short.
	keep := func(a *dataset.Article) bool { return a.Title == "Super Bowl 50" || a.Title == "Genghis Khan" }
	outs, err := realdata.Run(context.Background(), []*dataset.Set{s}, qabot.Parse,
		[]realdata.System{oracle{}, oracle{silent: true}, qabot}, realdata.Options{Jobs: 2, Keep: keep})
	if err != nil {
		t.Fatal(err)
	}
	tally := realdata.Tally{}
	tally.Add(outs)
	sum := func(sys string) realdata.Counts {
		return tally.Sum(func(k realdata.Key) bool { return k.System == sys })
	}
	or, si, qb := sum("oracle"), sum("silent"), sum("qabot")
	if or.Answerable < 40 || or.Unanswerable < 5 {
		t.Fatalf("oracle counts %+v: too few questions", or)
	}
	if or.Strict != or.Answerable || or.Sentence < or.Answerable*95/100 || or.EM != float64(or.Answerable) || or.Unchecked != 0 {
		t.Errorf("oracle: %+v, want every answerable question right", or)
	}
	if or.F1HitRate() != 100 || qb.F1Hit > qb.F1 || si.F1Hit != 0 {
		t.Errorf("F1 when the quote is right: oracle %.1f, qabot %.1f of %.1f, silent %.1f", or.F1HitRate(), qb.F1Hit, qb.F1, si.F1Hit)
	}
	if or.Abstain != or.Unanswerable || si.Abstain != si.Unanswerable || si.Declined != si.Answerable || si.Sentence+si.Strict+si.Top != 0 || si.F1 != 0 {
		t.Errorf("oracle %+v, silent %+v: wrong abstention counts", or, si)
	}
	if qb.Answerable != or.Answerable || qb.SentenceRate() < 30 || qb.StrictRate() > qb.SentenceRate()+5 || qb.TopRate() < qb.SentenceRate() {
		t.Errorf("qabot: %+v, out of range", qb)
	}
	var b strings.Builder
	if err := tally.WriteTable(&b, []string{dataset.Fit, dataset.Dev, dataset.Heldout}, []string{"qabot", "oracle"}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "xquad-dev/xling-en") || strings.Contains(b.String(), "silent") {
		t.Errorf("table:\n%s", b.String())
	}
	if fails := tally.Check("qabot", []string{dataset.Heldout}, eval.Thresholds{}); len(fails) == 0 {
		t.Error("Check accepted the held-out split")
	}
	th := eval.Thresholds{}
	if err := th.Sentence.Set("xquad-dev/xling-en=100"); err != nil {
		t.Fatal(err)
	}
	if fails := tally.Check("oracle", []string{dataset.Fit, dataset.Dev}, th); len(fails) != 0 {
		t.Errorf("Check = %v", fails)
	}
	if fails := tally.Check("silent", []string{dataset.Fit, dataset.Dev}, th); len(fails) != 1 {
		t.Errorf("Check(silent) = %v, want one failure", fails)
	}
}

func TestScore(t *testing.T) {
	q := &dataset.Question{Question: eval.Question{Gold: []string{"1887"}, Ans: []string{"1887"}, Answerable: eval.Yes}}
	tests := []struct {
		name string
		o    realdata.Outcome
		want realdata.Counts
	}{
		{"right", realdata.Outcome{Question: q, Gold: []int{2}, Parsed: true,
			Reply: realdata.Reply{Answered: true, Answer: "in 1887", Quote: "It opened in 1887.", Sentence: 2, Top: 2, TopQuote: "It opened in 1887."}},
			realdata.Counts{Answerable: 1, Sentence: 1, Strict: 1, Top: 1, Answer: 1, F1: 2.0 / 3, F1Hit: 2.0 / 3}},
		{"gold string in another sentence", realdata.Outcome{Question: q, Gold: []int{2}, Parsed: true,
			Reply: realdata.Reply{Answered: true, Answer: "1887", Quote: "Since 1887, ships.", Sentence: 5, Top: 5, TopQuote: "Since 1887, ships."}},
			realdata.Counts{Answerable: 1, Sentence: 1, Top: 1, Answer: 1, F1: 1, EM: 1, F1Hit: 1}},
		{"right answer, quote without it", realdata.Outcome{Question: q, Gold: []int{2}, Parsed: true,
			Reply: realdata.Reply{Answered: true, Answer: "1887", Quote: "It closed.", Sentence: 4, Top: 4, TopQuote: "It closed."}},
			realdata.Counts{Answerable: 1, Answer: 1, F1: 1, EM: 1}},
		{"declined, right suggestion", realdata.Outcome{Question: q, Gold: []int{2}, Parsed: true,
			Reply: realdata.Reply{Sentence: -1, Top: 2, TopQuote: "It opened in 1887."}},
			realdata.Counts{Answerable: 1, Top: 1, Declined: 1}},
		{"no gold sentence known", realdata.Outcome{Question: q, Parsed: true,
			Reply: realdata.Reply{Answered: true, Answer: "x", Quote: "It opened in 1887.", Sentence: 1, Top: 1, TopQuote: "It opened in 1887."}},
			realdata.Counts{Answerable: 1, Sentence: 1, Strict: 1, Unchecked: 1, Top: 1}},
		{"unparsed", realdata.Outcome{Question: q, Reply: realdata.Reply{Sentence: -1, Top: -1}},
			realdata.Counts{Answerable: 1, Unchecked: 1, Declined: 1, Unparsed: 1}},
	}
	for _, tt := range tests {
		if got := realdata.Score(tt.o); got != tt.want {
			t.Errorf("%s: Score = %+v, want %+v", tt.name, got, tt.want)
		}
	}
	un := &dataset.Question{Question: eval.Question{Gold: []string{"1887"}, Answerable: eval.No}}
	either := &dataset.Question{Question: eval.Question{Gold: []string{"1887"}, Answerable: eval.Either}}
	if c := realdata.Score(realdata.Outcome{Question: un, Reply: realdata.Reply{Answered: true, Quote: "in 1887"}}); c.Unanswerable != 1 || c.Abstain != 0 {
		t.Errorf("unanswerable answered: %+v", c)
	}
	if c := realdata.Score(realdata.Outcome{Question: either, Reply: realdata.Reply{Answered: true, Quote: "in 1887"}}); c.Either != 1 || c.EitherOK != 1 {
		t.Errorf("either quoted gold: %+v", c)
	}
}

// TestWriteContrast prints only the answerable questions of the fit and dev
// splits whose first sentence the baseline has right and the system wrong.
func TestWriteContrast(t *testing.T) {
	q := func(id string) *dataset.Question {
		return &dataset.Question{Question: eval.Question{ID: id, Q: "when?", Gold: []string{"1887"}, Ans: []string{"1887"}, Answerable: eval.Yes}}
	}
	right := realdata.Reply{Sentence: -1, Top: 2, TopQuote: "It opened in 1887."}
	wrong := realdata.Reply{Sentence: -1, Top: 4, TopQuote: "It closed."}
	unanswerable := &dataset.Question{Question: eval.Question{ID: "un", Gold: []string{"1887"}, Answerable: eval.No}}
	var outs []realdata.Outcome
	for _, c := range []struct {
		q            *dataset.Question
		split        string
		system, base realdata.Reply
	}{
		{q("lost"), dataset.Dev, wrong, right},
		{q("both-right"), dataset.Dev, right, right},
		{q("both-wrong"), dataset.Dev, wrong, wrong},
		{q("won"), dataset.Fit, right, wrong},
		{q("held-out"), dataset.Heldout, wrong, right},
		{unanswerable, dataset.Dev, wrong, right},
	} {
		outs = append(outs,
			realdata.Outcome{Set: "s", System: "qabot", Split: c.split, Question: c.q, Reply: c.system, Parsed: true},
			realdata.Outcome{Set: "s", System: "bleve", Split: c.split, Question: c.q, Reply: c.base, Parsed: true})
	}
	var b strings.Builder
	if err := realdata.WriteContrast(&b, outs, "qabot", "bleve"); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	if n := strings.Count(got, "CONTRAST "); n != 1 || !strings.Contains(got, "CONTRAST s lost-") {
		t.Errorf("WriteContrast printed %d questions, want only \"lost\":\n%s", n, got)
	}
	for _, want := range []string{"qabot top='It closed.'", "bleve top='It opened in 1887.'", "gold='1887'"} {
		if !strings.Contains(got, want) {
			t.Errorf("WriteContrast output lacks %q:\n%s", want, got)
		}
	}
}
