package realdata_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/realdata"
	"github.com/qabot/qabot/lang"
)

// TestPools checks the grouping of a pooled run: every article in exactly
// one pool, pools of at most n and as even as may be, the same pools
// whatever the order of the input.
func TestPools(t *testing.T) {
	articles := func(n int) []*dataset.Article {
		as := make([]*dataset.Article, n)
		for i := range as {
			as[i] = &dataset.Article{ID: fmt.Sprintf("a%d", i), Key: fmt.Sprintf("set/a%d", i)}
		}
		return as
	}
	for _, tt := range []struct {
		articles, n int
		sizes       []int
	}{
		{0, 10, nil},
		{1, 10, []int{1}},
		{10, 10, []int{10}},
		{11, 10, []int{6, 5}},
		{25, 10, []int{9, 8, 8}},
		{25, realdata.PoolAll, []int{25}},
		{3, 1, []int{1, 1, 1}},
	} {
		as := articles(tt.articles)
		pools := realdata.Pools(as, tt.n)
		var sizes []int
		seen := map[*dataset.Article]int{}
		for _, p := range pools {
			sizes = append(sizes, len(p))
			for _, a := range p {
				seen[a]++
			}
		}
		if !slices.Equal(sizes, tt.sizes) {
			t.Errorf("Pools(%d articles, %d): sizes %v, want %v", tt.articles, tt.n, sizes, tt.sizes)
		}
		for _, a := range as {
			if seen[a] != 1 {
				t.Errorf("Pools(%d articles, %d): %s in %d pools", tt.articles, tt.n, a.ID, seen[a])
			}
		}
		reversed := slices.Clone(as)
		slices.Reverse(reversed)
		if again := realdata.Pools(reversed, tt.n); fmt.Sprint(again) != fmt.Sprint(pools) {
			t.Errorf("Pools(%d articles, %d) depends on the input's order", tt.articles, tt.n)
		}
	}
}

// TestScorePooled checks that in a pool only a sentence of the question's
// own article counts, quoted or first, even one that holds a gold string.
func TestScorePooled(t *testing.T) {
	q := &dataset.Question{Question: eval.Question{Gold: []string{"1887"}, Ans: []string{"1887"}, Answerable: eval.Yes}}
	reply := func(article string) realdata.Reply {
		return realdata.Reply{Answered: true, Answer: "1887", Quote: "It opened in 1887.", Sentence: 2, Top: 2, TopQuote: "It opened in 1887.", Article: article, TopArticle: article}
	}
	for _, tt := range []struct {
		name string
		o    realdata.Outcome
		want realdata.Counts
	}{
		{"own article", realdata.Outcome{Question: q, Gold: []int{2}, Parsed: true, Own: "a", Reply: reply("a")},
			realdata.Counts{Answerable: 1, Sentence: 1, Strict: 1, Top: 1, Answer: 1, F1: 1, EM: 1, F1Hit: 1}},
		{"another article", realdata.Outcome{Question: q, Gold: []int{2}, Parsed: true, Own: "a", Reply: reply("b")},
			realdata.Counts{Answerable: 1, Answer: 1, F1: 1, EM: 1}},
		{"alone: the article is not checked", realdata.Outcome{Question: q, Gold: []int{2}, Parsed: true, Reply: reply("")},
			realdata.Counts{Answerable: 1, Sentence: 1, Strict: 1, Top: 1, Answer: 1, F1: 1, EM: 1, F1Hit: 1}},
		{"declined, first sentence in another article", realdata.Outcome{Question: q, Gold: []int{2}, Parsed: true, Own: "a",
			Reply: realdata.Reply{Sentence: -1, Top: 2, TopQuote: "It opened in 1887.", TopArticle: "b"}},
			realdata.Counts{Answerable: 1, Declined: 1}},
	} {
		if got := realdata.Score(tt.o); got != tt.want {
			t.Errorf("%s: Score = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

// poolOracle answers from the gold sentence of the question's own article
// found in the corpus it is given, or from that sentence labelled as
// another article's (wrong); it records the articles of each corpus.
type poolOracle struct {
	set   *dataset.Set
	wrong bool
	seen  chan []string // the IDs of each corpus's articles
}

func (o poolOracle) Name() string {
	if o.wrong {
		return "wrong"
	}
	return "oracle"
}

func (o poolOracle) Answerer(_ *dataset.Article, c *corpus.Corpus) (realdata.Answerer, error) {
	var ids []string
	for _, a := range c.Articles {
		ids = append(ids, a.ID)
	}
	if !o.wrong {
		o.seen <- ids
	}
	return poolOracleAnswerer{o, c}, nil
}

type poolOracleAnswerer struct {
	o poolOracle
	c *corpus.Corpus
}

func (x poolOracleAnswerer) Ask(_ context.Context, q *dataset.Question) (realdata.Reply, error) {
	r := realdata.Reply{Sentence: -1, Top: -1}
	a := x.o.set.Article(q.Article)
	id := a.ID[strings.LastIndexByte(a.ID, '/')+1:]
	for i, p := range x.c.Articles {
		if p.ID != id {
			continue
		}
		gold := dataset.GoldSentences(a, *q, dataset.Locate(a, p))
		if len(gold) == 0 {
			return r, nil
		}
		from := p.ID
		if x.o.wrong {
			from = x.c.Articles[(i+1)%len(x.c.Articles)].ID
		}
		s := p.Sentences[gold[0]]
		return realdata.Reply{Answered: true, Answer: q.Ans[0], Quote: s.Text, Sentence: gold[0], Top: gold[0], TopQuote: s.Text, Article: from, TopArticle: from}, nil
	}
	return r, fmt.Errorf("%s: its article %s is not in the corpus", q.ID, id)
}

// TestRunPooled runs a pooled oracle over the dev articles of a qa-data
// set: each question is asked of a corpus of several articles that holds
// its own, an unanswerable question of a corpus that holds the article it
// was asked about but not the one it was made from, and an answer from
// another article counts as wrong.
func TestRunPooled(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	s, err := realdata.ReadFile(os.DirFS(dataDir), "qa-data/en.squad1.0-train.sample.jsonl.gz", realdata.DefaultMinParagraphs)
	if err != nil {
		t.Fatal(err)
	}
	keep := func(a *dataset.Article) bool { return a.Split == dataset.Dev }
	published, variants := 0, 0
	for _, a := range s.Articles {
		switch {
		case !keep(a):
		case a.From == "":
			published++
		default:
			variants++
		}
	}
	if published < 4 || variants == 0 {
		t.Fatalf("%d dev articles, %d made by HoldOut: too few for the test", published, variants)
	}
	const pool = 3
	seen := make(chan []string, 1000)
	outs, err := realdata.Run(context.Background(), []*dataset.Set{s}, realdata.NewQabot(reg).Parse,
		[]realdata.System{poolOracle{set: s, seen: seen}, poolOracle{set: s, wrong: true}},
		realdata.Options{Jobs: 2, Keep: keep, Pool: pool})
	if err != nil {
		t.Fatal(err)
	}
	close(seen)
	corpora := 0
	for ids := range seen {
		corpora++
		if len(ids) < 2 || len(ids) > pool {
			t.Errorf("a corpus of %d articles, want 2-%d: %v", len(ids), pool, ids)
		}
		for _, id := range ids {
			if i := strings.Index(id, "#without"); i >= 0 && slices.Contains(ids, id[:i]) {
				t.Errorf("a corpus holds %s and the article it was made from", id)
			}
		}
	}
	if want := (published+pool-1)/pool + variants; corpora != want {
		t.Errorf("%d corpora, want %d (one per pool and one per article HoldOut made)", corpora, want)
	}
	tally := realdata.Tally{}
	tally.Add(outs)
	or := tally.Sum(func(k realdata.Key) bool { return k.System == "oracle" })
	wr := tally.Sum(func(k realdata.Key) bool { return k.System == "wrong" })
	if or.Answerable == 0 || or.Unanswerable == 0 || or.Strict != or.Answerable-or.Declined || or.Declined > or.Answerable/20 {
		t.Errorf("oracle: %+v, want every answerable question right", or)
	}
	if wr.Sentence != 0 || wr.Strict != 0 || wr.Top != 0 || wr.Answer != or.Answer {
		t.Errorf("answers from another article: %+v, want no sentence right", wr)
	}
	for _, o := range outs {
		if o.Own == "" || o.Pooled < 2 {
			t.Fatalf("%s asked of %d articles, own %q", o.Question.ID, o.Pooled, o.Own)
		}
	}
}
