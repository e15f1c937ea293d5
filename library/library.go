// Package library serves many corpora at once, one per scope (a Discord
// server, a direct-message conversation, the CLI's local scope), from the
// articles each scope added to a store.Store.
//
// Each scope has an engine built from its articles, or shares the default
// engine (the embedded seed article) while it has none. Adding or removing
// an article rebuilds that scope's engine and swaps it in atomically:
// questions already being answered finish on the engine they started
// with, and questions never wait for a rebuild. Engines of scopes left
// idle are dropped and rebuilt on the next question; a replica sharing a
// PostgreSQL store notices another replica's changes within
// Options.RefreshEvery.
//
// A Library is a command.Handler: it serves the Article and Feedback
// commands itself and passes the others to the scope's command.Router.
package library

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/fetch"
	"github.com/qabot/qabot/ingest"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/store"
)

// Defaults of Options.
const (
	DefaultMaxArticles = 20
	DefaultIdleAfter   = 30 * time.Minute
	DefaultMaxEngines  = 1000
	// DefaultMaxConversations bounds the conversations of all scopes
	// together: about 2.9 KB each (make report-conversations), 290 MB.
	DefaultMaxConversations = 100_000
	DefaultRefreshEvery     = 5 * time.Second
	DefaultMaxFileBytes     = fetch.DefaultMaxBytes
)

// Options configure a Library.
type Options struct {
	// Store keeps the articles and feedback. Required.
	Store store.Store
	// Resources build the scopes' engines and parse their articles.
	// Required.
	Resources *qa.Resources
	// Languages holds the message catalogues. Required.
	Languages *lang.Registry
	// Default answers the scopes that have no article of their own.
	// Required.
	Default *qa.Engine
	// Fetcher fetches the pages added by URL; nil refuses URLs.
	Fetcher *fetch.Fetcher
	// Extractor reads articles out of pages and files. Required to add.
	Extractor *ingest.Extractor
	// MaxArticles caps the articles of one scope.
	MaxArticles int
	// MaxFileBytes caps an uploaded file.
	MaxFileBytes int
	// IdleAfter drops the engine of a scope nobody asked for so long.
	IdleAfter time.Duration
	// MaxEngines bounds the engines kept at once: a build past it drops
	// the least recently used ones there and then.
	MaxEngines int
	// MaxConversations bounds the conversations kept by all the scopes
	// together (qa.ConversationLimit); each scope's engine also keeps at
	// most qa.DefaultMaxConversations.
	MaxConversations int
	// RefreshEvery is how often a scope in use checks the store for
	// changes made by another process.
	RefreshEvery time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// Log receives build and store errors; nil discards them.
	Log *slog.Logger
}

// A Library serves the scopes' corpora. It is safe for concurrent use.
type Library struct {
	opts   Options
	parser *corpus.Parser
	def    *served

	mu     sync.Mutex
	scopes map[string]*scope
	// peakScopes is the most scopes held since scopes was last made:
	// a Go map keeps the room of its largest size, so Evict makes a new
	// one when most of them are gone.
	peakScopes int
	// engines counts the scopes whose engine of their own is in memory
	// (setServed keeps it), so that a build past MaxEngines evicts at once
	// instead of at the janitor's next run, up to a minute later.
	engines atomic.Int64
	// convLimit bounds the conversations of every scope together.
	convLimit *qa.ConversationLimit

	keyOnce sync.Once
	key     []byte
	keyErr  error

	stop    chan struct{}
	stopped sync.WaitGroup
	closed  atomic.Bool
}

// served is one engine and what answers through it.
type served struct {
	engine  *qa.Engine
	handler command.Handler
	convs   *qa.Conversations
	// version is the store's version of the articles it was built from
	// ("" for the default engine of a scope with none).
	version string
	// numbers maps corpus article IDs to the numbers users know them by.
	numbers map[string]int64
	// isDefault is set when the scope has no article of its own.
	isDefault bool
}

// scope is one scope's state.
type scope struct {
	name string
	cur  atomic.Pointer[served]
	used atomic.Int64 // UnixNano of the last question

	build   sync.Mutex                // one build at a time
	parsed  map[int64]*corpus.Article // by store ID; guarded by build
	checked atomic.Int64              // UnixNano of the last version check
	check   atomic.Bool               // a version check is running
}

// New returns a Library and starts its janitor, which drops idle engines;
// Close stops it.
func New(opts Options) (*Library, error) {
	switch {
	case opts.Store == nil:
		return nil, errors.New("library: Options.Store is required")
	case opts.Resources == nil:
		return nil, errors.New("library: Options.Resources is required")
	case opts.Languages == nil:
		return nil, errors.New("library: Options.Languages is required")
	case opts.Default == nil:
		return nil, errors.New("library: Options.Default is required")
	}
	if opts.MaxArticles <= 0 {
		opts.MaxArticles = DefaultMaxArticles
	}
	if opts.MaxFileBytes <= 0 {
		opts.MaxFileBytes = DefaultMaxFileBytes
	}
	if opts.IdleAfter <= 0 {
		opts.IdleAfter = DefaultIdleAfter
	}
	if opts.MaxEngines <= 0 {
		opts.MaxEngines = DefaultMaxEngines
	}
	if opts.RefreshEvery <= 0 {
		opts.RefreshEvery = DefaultRefreshEvery
	}
	if opts.MaxConversations <= 0 {
		opts.MaxConversations = DefaultMaxConversations
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	p, err := opts.Resources.Parser()
	if err != nil {
		return nil, err
	}
	l := &Library{opts: opts, parser: p, scopes: map[string]*scope{}, stop: make(chan struct{}),
		convLimit: qa.NewConversationLimit(opts.MaxConversations)}
	if l.def, err = l.serve(opts.Default, "", nil); err != nil {
		return nil, err
	}
	l.def.isDefault = true
	l.stopped.Add(1)
	go l.janitor()
	return l, nil
}

// Close stops the janitor. The Library still answers afterwards, without
// dropping idle engines.
func (l *Library) Close() {
	if l.closed.CompareAndSwap(false, true) {
		close(l.stop)
		l.stopped.Wait()
	}
}

// serve wraps an engine with the command router and a store of
// conversations of its own.
func (l *Library) serve(e *qa.Engine, version string, numbers map[string]int64) (*served, error) {
	convs, err := qa.NewConversations(e, qa.ConversationOptions{Now: l.opts.Now, Limit: l.convLimit})
	if err != nil {
		return nil, err
	}
	r := command.NewRouter(e, l.opts.Languages)
	r.UseConversations(convs)
	return &served{engine: e, handler: r, convs: convs, version: version, numbers: numbers}, nil
}

func (l *Library) scope(name string) *scope {
	l.mu.Lock()
	defer l.mu.Unlock()
	sc, ok := l.scopes[name]
	if !ok {
		sc = &scope{name: name, parsed: map[int64]*corpus.Article{}}
		l.scopes[name] = sc
		l.peakScopes = max(l.peakScopes, len(l.scopes))
	}
	return sc
}

// Engine returns the engine that answers a scope now, building it if the
// scope has none in memory. "" is the default engine.
func (l *Library) Engine(ctx context.Context, name string) (*qa.Engine, error) {
	s, err := l.served(ctx, name)
	if err != nil {
		return nil, err
	}
	return s.engine, nil
}

// served returns what answers a scope now.
func (l *Library) served(ctx context.Context, name string) (*served, error) {
	if name == "" {
		return l.def, nil
	}
	sc := l.scope(name)
	now := l.opts.Now()
	sc.used.Store(now.UnixNano())
	if s := sc.cur.Load(); s != nil {
		l.maybeRefresh(sc, now)
		return s, nil
	}
	return l.rebuild(ctx, sc, false)
}

// maybeRefresh checks, at most every RefreshEvery and in the background,
// whether another process changed the scope's articles, and rebuilds the
// engine when it did.
func (l *Library) maybeRefresh(sc *scope, now time.Time) {
	if now.UnixNano()-sc.checked.Load() < int64(l.opts.RefreshEvery) || !sc.check.CompareAndSwap(false, true) {
		return
	}
	sc.checked.Store(now.UnixNano())
	go func() {
		defer sc.check.Store(false)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if _, err := l.rebuild(ctx, sc, false); err != nil {
			l.opts.Log.Warn("refresh scope", "scope", sc.name, "err", err)
		}
	}()
}

// rebuild builds the scope's engine from the store and swaps it in. Unless
// force is set, the current engine is kept when the store's articles have
// not changed since it was built. Questions keep using the current engine
// meanwhile.
func (l *Library) rebuild(ctx context.Context, sc *scope, force bool) (*served, error) {
	sc.build.Lock()
	defer sc.build.Unlock()
	// What is built now is checked now: the next check is due only
	// RefreshEvery later.
	sc.checked.Store(l.opts.Now().UnixNano())
	arts, err := l.opts.Store.Articles(ctx, sc.name)
	if err != nil {
		if s := sc.cur.Load(); s != nil {
			return s, nil // keep answering from what we have
		}
		return nil, fmt.Errorf("articles of %s: %w", sc.name, err)
	}
	version := versionOf(arts)
	if cur := sc.cur.Load(); cur != nil && !force && cur.version == version {
		return cur, nil
	}
	if len(arts) == 0 {
		sc.parsed = map[int64]*corpus.Article{}
		l.setServed(sc, l.def)
		return l.def, nil
	}
	c := &corpus.Corpus{}
	numbers := map[string]int64{}
	parsed := make(map[int64]*corpus.Article, len(arts))
	for _, a := range arts {
		ca, ok := sc.parsed[a.ID]
		if !ok {
			ca, err = l.parser.ParseDocument(articleID(a.ID), document(a))
			if err != nil {
				l.opts.Log.Warn("article cannot be parsed", "scope", sc.name, "article", a.ID, "err", err)
				continue
			}
		}
		parsed[a.ID] = ca
		numbers[ca.ID] = a.ID
		c.Articles = append(c.Articles, ca)
	}
	sc.parsed = parsed
	if len(c.Articles) == 0 {
		l.setServed(sc, l.def)
		return l.def, nil
	}
	e, err := l.opts.Resources.Engine(c)
	if err != nil {
		return nil, err
	}
	s, err := l.serve(e, version, numbers)
	if err != nil {
		return nil, err
	}
	l.setServed(sc, s)
	if l.engines.Load() > int64(l.opts.MaxEngines) {
		// sc's build lock is held: Evict drops others, never this one.
		l.Evict()
	}
	return s, nil
}

// setServed makes s what answers sc, and counts the engines kept.
func (l *Library) setServed(sc *scope, s *served) {
	owns := func(s *served) int64 {
		if s != nil && !s.isDefault {
			return 1
		}
		return 0
	}
	old := sc.cur.Swap(s)
	l.engines.Add(owns(s) - owns(old))
	if owns(old) == 1 && old != s {
		old.convs.Close() // its room in the conversation limit goes back
	}
}

// Conversations returns how many conversations all the scopes keep.
func (l *Library) Conversations() int { return l.convLimit.Kept() }

// versionOf identifies a set of articles: IDs only grow, so the count
// and the largest ID change with every addition and removal.
func versionOf(arts []store.Article) string {
	var top int64
	for _, a := range arts {
		top = max(top, a.ID)
	}
	return strconv.Itoa(len(arts)) + "/" + strconv.FormatInt(top, 10)
}

// articleID is the corpus ID of a stored article: citations name it.
func articleID(id int64) string { return "a" + strconv.FormatInt(id, 10) }

// document turns a stored article into the form the parser reads.
func document(a store.Article) corpus.Document {
	d := corpus.Document{Title: a.Title, Lang: a.Lang}
	d.Meta.Byline = a.Byline
	d.Meta.Published = a.Published
	d.Meta.Caption = a.Caption
	d.Meta.Source = a.SiteName
	seen := map[string]bool{}
	for _, p := range a.Paragraphs {
		d.Paragraphs = append(d.Paragraphs, corpus.DocParagraph{Section: p.Section, Text: p.Text})
		if p.Section != "" && !seen[p.Section] {
			seen[p.Section] = true
			d.Meta.Headings = append(d.Meta.Headings, p.Section)
		}
	}
	return d
}

// janitor drops the engines of idle scopes, and the least recently used
// ones beyond MaxEngines.
func (l *Library) janitor() {
	defer l.stopped.Done()
	every := min(max(l.opts.IdleAfter/4, 10*time.Millisecond), time.Minute)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
			l.Evict()
		}
	}
}

// Evict drops the engines of scopes idle for longer than IdleAfter, and
// of the least recently used scopes beyond MaxEngines. It returns how
// many it dropped. The janitor calls it; tests may too.
func (l *Library) Evict() int {
	now := l.opts.Now().UnixNano()
	l.mu.Lock()
	defer l.mu.Unlock()
	type live struct {
		sc   *scope
		used int64
	}
	var alive []live
	dropped := 0
	for name, sc := range l.scopes {
		used := sc.used.Load()
		if now-used > int64(l.opts.IdleAfter) {
			if sc.build.TryLock() {
				l.setServed(sc, nil)
				sc.build.Unlock()
				delete(l.scopes, name)
				dropped++
			}
			continue
		}
		if s := sc.cur.Load(); s != nil && !s.isDefault {
			alive = append(alive, live{sc, used})
		}
	}
	if over := len(alive) - l.opts.MaxEngines; over > 0 {
		// Oldest first. Not an insertion sort: thousands of scopes may be
		// live between two janitor runs, and questions wait for l.mu.
		slices.SortFunc(alive, func(a, b live) int { return cmp.Compare(a.used, b.used) })
		for _, a := range alive[:over] {
			if a.sc.build.TryLock() {
				l.setServed(a.sc, nil)
				a.sc.build.Unlock()
				delete(l.scopes, a.sc.name)
				dropped++
			}
		}
	}
	if len(l.scopes) < l.peakScopes/4 {
		// Not maps.Clone: it copies the room too.
		scopes := make(map[string]*scope, len(l.scopes))
		for name, sc := range l.scopes {
			scopes[name] = sc
		}
		l.scopes, l.peakScopes = scopes, len(scopes)
	}
	return dropped
}

// Engines returns how many scopes have an engine of their own in memory.
func (l *Library) Engines() int { return int(l.engines.Load()) }
