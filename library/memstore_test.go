package library_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/qabot/qabot/store"
)

// memStore is a store.Store in memory, for the tests and benchmarks of
// many scopes: thousands of scopes in SQLite would measure SQLite. Like a
// database, it hands out copies, so an engine never shares a string with
// what the store keeps. Feedback is counted, not kept.
type memStore struct {
	mu       sync.Mutex
	next     int64
	scopes   map[string][]store.Article
	feedback int
}

func newMemStore() *memStore { return &memStore{scopes: map[string][]store.Article{}} }

func (m *memStore) AddArticle(_ context.Context, a store.Article, max int) (store.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	arts := m.scopes[a.Scope]
	for _, old := range arts {
		if a.SourceURL != "" && old.SourceURL == a.SourceURL || a.Canonical != "" && old.Canonical == a.Canonical {
			return cloneArticle(old), store.ErrDuplicate
		}
	}
	if max > 0 && len(arts) >= max {
		return store.Article{}, store.ErrFull
	}
	m.next++
	a.ID, a.AddedAt = m.next, time.Unix(0, 0).UTC()
	a = cloneArticle(a)
	m.scopes[a.Scope] = append(arts, a)
	return cloneArticle(a), nil
}

func (m *memStore) Articles(_ context.Context, scope string) ([]store.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []store.Article
	for _, a := range m.scopes[scope] {
		out = append(out, cloneArticle(a))
	}
	return out, nil
}

func (m *memStore) Article(_ context.Context, scope string, id int64) (store.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, a := range m.scopes[scope] {
		if a.ID == id {
			return cloneArticle(a), nil
		}
	}
	return store.Article{}, store.ErrNotFound
}

func (m *memStore) RemoveArticle(_ context.Context, scope string, id int64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	arts := m.scopes[scope]
	i := slices.IndexFunc(arts, func(a store.Article) bool { return a.ID == id })
	if i < 0 {
		return store.ErrNotFound
	}
	m.scopes[scope] = slices.Delete(arts, i, i+1)
	return nil
}

func (m *memStore) Scopes(context.Context) ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for s, arts := range m.scopes {
		if len(arts) > 0 {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out, nil
}

func (m *memStore) AddFeedback(context.Context, store.Feedback) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.feedback++
	return nil
}

func (m *memStore) Report(context.Context, string, int) (store.Report, error) {
	return store.Report{}, nil
}

func (m *memStore) Key(context.Context, string) ([]byte, error) {
	return []byte("0123456789abcdef0123456789abcdef"), nil
}

func (m *memStore) Close() error { return nil }

// cloneArticle copies every string of a, as reading it from a database
// would.
func cloneArticle(a store.Article) store.Article {
	for _, s := range []*string{&a.Scope, &a.Title, &a.Byline, &a.Published, &a.Lang, &a.Caption, &a.Canonical, &a.SiteName, &a.SourceURL, &a.AddedBy, &a.AddedByName} {
		*s = strings.Clone(*s)
	}
	ps := make([]store.Paragraph, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		ps[i] = store.Paragraph{Section: strings.Clone(p.Section), Text: strings.Clone(p.Text)}
	}
	a.Paragraphs = ps
	return a
}
