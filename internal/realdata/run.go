package realdata

import (
	"cmp"
	"context"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
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
	// Article and TopArticle are the IDs (corpus.Article.ID) of the
	// articles Sentence and Top lie in: in a pooled corpus (Options.Pool)
	// a sentence counts only in the question's own article.
	Article, TopArticle string
}

// An Answerer answers questions about one article.
type Answerer interface {
	Ask(ctx context.Context, q *dataset.Question) (Reply, error)
}

// A System builds an answerer per article.
type System interface {
	Name() string
	// Answerer returns an answerer over one article, parsed as c; in a
	// pooled run (Options.Pool), over several articles of one set, and a
	// is the first of them (articles of one set share a language). It is
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
	// Own is the ID (corpus.Article.ID) of the question's article when it
	// was asked of a pooled corpus (Options.Pool): a sentence of another
	// article is wrong, even one that holds a gold string. "" when the
	// engine held the question's article alone.
	Own string
	// Pooled is the number of articles of the corpus the question was
	// asked of; 0 or 1 for an article alone.
	Pooled int
}

// Options tune Run.
type Options struct {
	// Jobs is the number of articles worked on at once. Default 1.
	Jobs int
	// Keep selects the articles to ask about; nil keeps all.
	Keep func(a *dataset.Article) bool
	// Pool asks each question of a corpus of several articles instead of
	// its article alone, as users' corpora are (see Pools): the kept
	// articles of each set and split, grouped by Pools into corpora of at
	// most Pool articles (PoolAll: one corpus of them all). 0 asks each
	// article alone. A question counts right only when answered from its
	// own article (Outcome.Own). HoldOut's unanswerable questions are asked
	// of their pool with their article replaced by the one they were made
	// of, and stay unanswerable: the pools' articles are distinct pages,
	// and a gold string found in another one is mostly chance (on dev, at
	// pools of 10, 78% of them would have had one: years, numbers, names),
	// not an answer to a question about the topic of the page it was
	// removed from.
	Pool int
}

// PoolAll is Options.Pool for one corpus of every kept article of a set
// and split.
const PoolAll = -1

// Run parses every article of sets with parse, asks its questions of
// every system, and returns the outcomes in set, article and question
// order (in a pooled run, in set and corpus order), systems in the order
// given.
func Run(ctx context.Context, sets []*dataset.Set, parse func(*dataset.Article) (*corpus.Article, error), systems []System, o Options) ([]Outcome, error) {
	jobs := plan(sets, o)
	var pc *parseCache
	if o.Pool != 0 {
		pc = newParseCache(jobs, parse)
		parse = pc.parse
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
				results[i], errs[i] = runJob(ctx, jobs[i], parse, systems)
				if pc != nil {
					pc.done(jobs[i])
				}
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

// A job is one engine: the articles of its corpus, and the questions
// asked of it, each about one of them.
type job struct {
	set     *dataset.Set
	members []*dataset.Article
	qs      []*dataset.Question
	pooled  bool
}

// plan returns the jobs of a run: one per kept article with questions, or
// in a pooled run one per pool (Pools) and one per article HoldOut made
// (the pool of the article it was made from, with it in that one's place,
// asked only that article's questions).
func plan(sets []*dataset.Set, o Options) []job {
	var jobs []job
	for _, s := range sets {
		byArticle := map[string][]*dataset.Question{}
		for i := range s.Questions {
			q := &s.Questions[i]
			byArticle[q.Article] = append(byArticle[q.Article], q)
		}
		var kept []*dataset.Article
		for _, a := range s.Articles {
			if len(byArticle[a.ID]) > 0 && (o.Keep == nil || o.Keep(a)) {
				kept = append(kept, a)
			}
		}
		if o.Pool == 0 {
			for _, a := range kept {
				jobs = append(jobs, job{set: s, members: []*dataset.Article{a}, qs: byArticle[a.ID]})
			}
			continue
		}
		variants := map[string][]*dataset.Article{}
		var published []*dataset.Article
		for _, a := range kept {
			if a.From != "" {
				variants[a.From] = append(variants[a.From], a)
			} else {
				published = append(published, a)
			}
		}
		// A variant whose original was not kept (it has no question of
		// its own) still needs a pool: it takes the original's place.
		for _, a := range s.Articles {
			if len(variants[a.ID]) > 0 && !slices.Contains(published, a) {
				published = append(published, a)
			}
		}
		var pools [][]*dataset.Article
		for _, sp := range dataset.Splits {
			pools = append(pools, Pools(slices.DeleteFunc(slices.Clone(published), func(a *dataset.Article) bool { return a.Split != sp }), o.Pool)...)
		}
		for _, pool := range pools {
			var qs []*dataset.Question
			for _, a := range pool {
				qs = append(qs, byArticle[a.ID]...)
			}
			if len(qs) > 0 {
				jobs = append(jobs, job{set: s, members: pool, qs: qs, pooled: true})
			}
			for i, a := range pool {
				for _, v := range variants[a.ID] {
					members := slices.Clone(pool)
					members[i] = v
					jobs = append(jobs, job{set: s, members: members, qs: byArticle[v.ID], pooled: true})
				}
			}
		}
	}
	return jobs
}

// Pools groups articles into corpora of at most n articles (n < 0: one
// of them all), as evenly as may be, by an FNV-1a hash of each one's key:
// a fixed grouping that favours no order of the data, the same for every
// system and run. Articles of different splits or languages should not
// share a pool: callers pass one set and split at a time.
func Pools(articles []*dataset.Article, n int) [][]*dataset.Article {
	if len(articles) == 0 {
		return nil
	}
	sorted := slices.Clone(articles)
	rank := func(a *dataset.Article) uint32 {
		h := fnv.New32a()
		h.Write([]byte("pool/" + a.Key))
		return h.Sum32()
	}
	slices.SortStableFunc(sorted, func(a, b *dataset.Article) int {
		if ra, rb := rank(a), rank(b); ra != rb {
			return cmp.Compare(ra, rb)
		}
		return strings.Compare(a.ID, b.ID)
	})
	k := 1
	if n > 0 {
		k = (len(sorted) + n - 1) / n
	}
	pools := make([][]*dataset.Article, k)
	for i, a := range sorted {
		pools[i%k] = append(pools[i%k], a)
	}
	return pools
}

func runJob(ctx context.Context, j job, parse func(*dataset.Article) (*corpus.Article, error), systems []System) ([]Outcome, error) {
	out := make([]Outcome, 0, len(j.qs)*len(systems))
	parsed := make([]*corpus.Article, len(j.members))
	byID := map[string]int{}
	c := &corpus.Corpus{}
	for i, a := range j.members {
		p, err := parse(a)
		if err != nil {
			continue // the article's questions count as declined below
		}
		if k, dup := byID[p.ID]; dup {
			return nil, fmt.Errorf("%s and %s share the article ID %q in one pool", j.members[k].ID, a.ID, p.ID)
		}
		parsed[i], byID[p.ID] = p, i
		c.Articles = append(c.Articles, p)
	}
	member := map[string]int{}
	for i, a := range j.members {
		member[a.ID] = i
	}
	type asked struct {
		q    *dataset.Question
		gold []int
		own  string
		ok   bool
	}
	qs := make([]asked, len(j.qs))
	locs := map[int][]dataset.Range{}
	for k, q := range j.qs {
		i := member[q.Article]
		a, p := j.members[i], parsed[i]
		qs[k] = asked{q: q}
		if p == nil {
			continue
		}
		loc, ok := locs[i]
		if !ok {
			loc = dataset.Locate(a, p)
			locs[i] = loc
		}
		qs[k].gold, qs[k].ok = dataset.GoldSentences(a, *q, loc), true
		if j.pooled {
			qs[k].own = p.ID
		}
	}
	var first *dataset.Article
	for i, p := range parsed {
		if p != nil {
			first = j.members[i]
			break
		}
	}
	pooled := 0
	if j.pooled {
		pooled = len(c.Articles)
	}
	for _, sys := range systems {
		var ans Answerer
		if first != nil {
			var err error
			if ans, err = sys.Answerer(first, c); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", sys.Name(), first.ID, err)
			}
		}
		for _, q := range qs {
			o := Outcome{Set: j.set.Name, System: sys.Name(), Split: j.members[member[q.q.Article]].Split, Question: q.q,
				Reply: Reply{Sentence: -1, Top: -1}, Gold: q.gold, Parsed: q.ok, Own: q.own, Pooled: pooled}
			if q.ok {
				r, err := ans.Ask(ctx, q.q)
				if err != nil {
					return nil, fmt.Errorf("%s: %s: %s: %w", sys.Name(), q.q.Article, q.q.ID, err)
				}
				o.Reply = r
			}
			out = append(out, o)
		}
		if c, ok := ans.(interface{ Close() error }); ok {
			c.Close()
		}
	}
	return out, nil
}

// A parseCache parses each article of a pooled run once, however many
// pools hold it, and forgets it when the last job that needs it is done.
type parseCache struct {
	fn func(*dataset.Article) (*corpus.Article, error)
	mu sync.Mutex
	m  map[*dataset.Article]*parseEntry
}

type parseEntry struct {
	once  sync.Once
	users int
	p     *corpus.Article
	err   error
}

func newParseCache(jobs []job, parse func(*dataset.Article) (*corpus.Article, error)) *parseCache {
	pc := &parseCache{fn: parse, m: map[*dataset.Article]*parseEntry{}}
	for _, j := range jobs {
		for _, a := range j.members {
			e := pc.m[a]
			if e == nil {
				e = &parseEntry{}
				pc.m[a] = e
			}
			e.users++
		}
	}
	return pc
}

func (pc *parseCache) parse(a *dataset.Article) (*corpus.Article, error) {
	pc.mu.Lock()
	e := pc.m[a]
	pc.mu.Unlock()
	if e == nil {
		return pc.fn(a)
	}
	e.once.Do(func() { e.p, e.err = pc.fn(a) })
	return e.p, e.err
}

func (pc *parseCache) done(j job) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	for _, a := range j.members {
		if e := pc.m[a]; e != nil {
			if e.users--; e.users == 0 {
				delete(pc.m, a)
			}
		}
	}
}
