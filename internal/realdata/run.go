package realdata

import (
	"context"
	"fmt"
	"sync"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval/dataset"
)

// A Reply is what a system answered to one question.
type Reply struct {
	Answered bool
	Answer   string // the short answer; "" for systems that have none
	Quote    string // the quoted sentence when answered
	Sentence int    // index of the quoted sentence in the article; -1
	// Top is the sentence the system ranks first, answered or not (the
	// quote, else the first suggestion), and TopQuote its text; -1 and ""
	// when it has none.
	Top      int
	TopQuote string
}

// An Answerer answers questions about one article.
type Answerer interface {
	Ask(ctx context.Context, q *dataset.Question) (Reply, error)
}

// A System builds an answerer per article.
type System interface {
	Name() string
	// Answerer returns an answerer over one article, parsed as c. It is
	// called from several goroutines at once.
	Answerer(a *dataset.Article, c *corpus.Corpus) (Answerer, error)
}

// An Outcome is one question asked of one system.
type Outcome struct {
	Set      string
	System   string
	Split    string
	Question *dataset.Question
	Reply    Reply
	// Gold holds the indices of the sentences that hold an answer
	// (dataset.GoldSentences); nil when the data gives no offset or the
	// cleaner dropped those sentences.
	Gold []int
	// Parsed is false when the article could not be parsed: every
	// question of it counts as declined.
	Parsed bool
}

// Options tune Run.
type Options struct {
	// Jobs is the number of articles worked on at once. Default 1.
	Jobs int
	// Keep selects the articles to ask about; nil keeps all.
	Keep func(a *dataset.Article) bool
}

// Run parses every article of sets with parse, asks its questions of
// every system, and returns the outcomes in set, article and question
// order, systems in the order given.
func Run(ctx context.Context, sets []*dataset.Set, parse func(*dataset.Article) (*corpus.Article, error), systems []System, o Options) ([]Outcome, error) {
	type job struct {
		set *dataset.Set
		a   *dataset.Article
		qs  []*dataset.Question
	}
	var jobs []job
	for _, s := range sets {
		byArticle := map[string][]*dataset.Question{}
		for i := range s.Questions {
			q := &s.Questions[i]
			byArticle[q.Article] = append(byArticle[q.Article], q)
		}
		for _, a := range s.Articles {
			if qs := byArticle[a.ID]; len(qs) > 0 && (o.Keep == nil || o.Keep(a)) {
				jobs = append(jobs, job{s, a, qs})
			}
		}
	}
	results := make([][]Outcome, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(o.Jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = runArticle(ctx, jobs[i].set, jobs[i].a, jobs[i].qs, parse, systems)
			}
		}()
	}
feed:
	for i := range jobs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var out []Outcome
	for i, r := range results {
		if errs[i] != nil {
			return nil, errs[i]
		}
		out = append(out, r...)
	}
	return out, nil
}

func runArticle(ctx context.Context, s *dataset.Set, a *dataset.Article, qs []*dataset.Question, parse func(*dataset.Article) (*corpus.Article, error), systems []System) ([]Outcome, error) {
	out := make([]Outcome, 0, len(qs)*len(systems))
	parsed, err := parse(a)
	if err != nil {
		// A page the parser refuses is the engine's failure, not the
		// data's: its questions count as declined.
		for _, sys := range systems {
			for _, q := range qs {
				out = append(out, Outcome{Set: s.Name, System: sys.Name(), Split: a.Split, Question: q, Reply: Reply{Sentence: -1, Top: -1}})
			}
		}
		return out, nil
	}
	loc := dataset.Locate(a, parsed)
	gold := make([][]int, len(qs))
	for i, q := range qs {
		gold[i] = dataset.GoldSentences(a, *q, loc)
	}
	c := &corpus.Corpus{Articles: []*corpus.Article{parsed}}
	for _, sys := range systems {
		ans, err := sys.Answerer(a, c)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", sys.Name(), a.ID, err)
		}
		for i, q := range qs {
			r, err := ans.Ask(ctx, q)
			if err != nil {
				return nil, fmt.Errorf("%s: %s: %s: %w", sys.Name(), a.ID, q.ID, err)
			}
			out = append(out, Outcome{Set: s.Name, System: sys.Name(), Split: a.Split, Question: q, Reply: r, Gold: gold[i], Parsed: true})
		}
		if c, ok := ans.(interface{ Close() error }); ok {
			c.Close()
		}
	}
	return out, nil
}
