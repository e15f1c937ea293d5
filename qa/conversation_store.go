package qa

import (
	"container/list"
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

// Defaults of ConversationOptions.
const (
	DefaultMaxConversations = 10000
	DefaultIdleTimeout      = 30 * time.Minute
)

// ConversationOptions bound the conversations a Conversations keeps.
type ConversationOptions struct {
	// MaxConversations is how many conversations are kept; past it the
	// one idle longest is forgotten. Default DefaultMaxConversations.
	MaxConversations int
	// IdleTimeout forgets a conversation that many minutes after its
	// last turn. Default DefaultIdleTimeout.
	IdleTimeout time.Duration
	// Now is the clock that ages conversations. Nil disables expiry by
	// age: only MaxConversations bounds the store.
	Now func() time.Time
	// Limit, when set, bounds this store together with the others that
	// share it.
	Limit *ConversationLimit
}

// A ConversationLimit bounds the conversations that many stores keep in
// all: a process with an engine per Discord server keeps about Max
// conversations, not MaxConversations per server. Past it, the store that
// starts a conversation forgets its own idlest ones, and keeps at least
// the new one: all the stores together keep at most Max plus one each.
type ConversationLimit struct {
	max  int64
	kept atomic.Int64
}

// NewConversationLimit returns a limit of max conversations.
func NewConversationLimit(max int) *ConversationLimit {
	return &ConversationLimit{max: int64(max)}
}

// Kept returns how many conversations the stores sharing l keep now.
func (l *ConversationLimit) Kept() int { return int(l.kept.Load()) }

// Conversations answers the turns of many conversations over one engine,
// each remembering what was said before: follow-up questions, requests
// about the last answer, clarifications and small talk. It keeps at most
// MaxConversations, forgets the one idle longest first, and forgets any
// idle past IdleTimeout. It is safe for concurrent use; turns of one
// conversation are answered one at a time.
type Conversations struct {
	e    *Engine
	opts ConversationOptions
	cues map[string]*chatCues // by language code
	// nameKinds maps the stem of every word of a name of the corpus to the
	// name's kind, to know what a question's name is.
	nameKinds map[string]corpus.NameKind
	// genders maps the stems of a person's name to 'm' or 'f', learnt
	// from the article's own pronouns ("..., she said" resolved to Anna
	// Kovac), so that "she" finds the right person.
	genders map[string]byte

	mu     sync.Mutex
	byKey  map[string]*list.Element
	lru    *list.List // of *convEntry, most recently used first
	closed bool       // Close was called: nothing more is kept
}

type convEntry struct {
	key  string
	conv *Conversation
	used time.Time
}

// NewConversations returns an empty store of conversations over e. The
// chat cues of every language (data/<code>/chat.tsv of the engine's data)
// are read once per Resources and shared by the engines it builds.
func NewConversations(e *Engine, opts ConversationOptions) (*Conversations, error) {
	if opts.MaxConversations <= 0 {
		opts.MaxConversations = DefaultMaxConversations
	}
	if opts.IdleTimeout <= 0 {
		opts.IdleTimeout = DefaultIdleTimeout
	}
	cues, err := e.res.chatCues()
	if err != nil {
		return nil, err
	}
	s := &Conversations{
		e: e, opts: opts, cues: cues,
		nameKinds: map[string]corpus.NameKind{}, genders: map[string]byte{},
		byKey: map[string]*list.Element{}, lru: list.New(),
	}
	s.learnNames()
	return s, nil
}

// learnNames fills nameKinds and genders from the corpus.
func (s *Conversations) learnNames() {
	e := s.e
	art := s.cues[e.article.l.Code]
	for i := range e.idx.docs {
		f := &e.idx.docs[i].sentence.Facts
		for _, n := range f.Names {
			for _, st := range e.article.stems(n.Text) {
				if old, ok := s.nameKinds[st]; !ok || n.Kind == corpus.NamePerson && old != corpus.NamePerson {
					s.nameKinds[st] = n.Kind
				}
			}
		}
		q := f.Quote
		if q == nil || q.Resolved == "" || q.Resolved == q.Speaker || art == nil {
			continue
		}
		for _, p := range art.prons[lang.Fold(q.Speaker)] {
			if p.gender != 'm' && p.gender != 'f' {
				continue
			}
			for _, st := range e.article.stems(q.Resolved) {
				if g, ok := s.genders[st]; ok && g != p.gender {
					s.genders[st] = 0 // the article uses both: unknown
					continue
				}
				s.genders[st] = p.gender
			}
		}
	}
}

// Ask answers one turn of the conversation key. A key names one
// conversation: in Discord one user in one channel, in the CLI the
// session. An empty key is a conversation of its own that nothing
// remembers: the question is answered as by Engine.Ask, with small talk.
func (s *Conversations) Ask(ctx context.Context, key string, q Question) (Answer, error) {
	c := &Conversation{}
	if key != "" {
		c = s.get(key)
	}
	if err := c.mu.lock(ctx); err != nil {
		return Answer{}, err
	}
	defer c.mu.unlock()
	a, err := s.converse(ctx, c, q)
	if err == nil && a.Turn != TurnSmallTalk && (a.Answered || a.Reason == ReasonNotFound) {
		if a.NoticeID == "" {
			s.e.notice(&a, c.lang)
		}
		// Each notice is said once a conversation: the user knows it.
		if k := a.noticeKey(); k != "" {
			if c.noticed[k] {
				a.Notice, a.NoticeID = "", ""
			} else {
				if c.noticed == nil {
					c.noticed = map[string]bool{}
				}
				c.noticed[k] = true
			}
		}
	}
	return a, err
}

// Len returns the number of conversations kept, expired ones left out.
func (s *Conversations) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expire(s.now())
	return s.lru.Len()
}

// Forget drops the conversation key: its next question starts afresh.
func (s *Conversations) Forget(key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.byKey[key]; ok {
		s.remove(el)
	}
}

// get returns the conversation of key, a new one when it was never seen
// or has expired, and marks it used now.
func (s *Conversations) get(key string) *Conversation {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	s.expire(now)
	if el, ok := s.byKey[key]; ok {
		ent := el.Value.(*convEntry)
		ent.used = now
		s.lru.MoveToFront(el)
		return ent.conv
	}
	ent := &convEntry{key: key, conv: &Conversation{}, used: now}
	if s.closed {
		return ent.conv
	}
	s.byKey[key] = s.lru.PushFront(ent)
	if l := s.opts.Limit; l != nil {
		l.kept.Add(1)
	}
	for s.lru.Len() > s.opts.MaxConversations || s.overLimit() && s.lru.Len() > 1 {
		s.remove(s.lru.Back())
	}
	return ent.conv
}

func (s *Conversations) overLimit() bool {
	l := s.opts.Limit
	return l != nil && l.kept.Load() > l.max
}

// Close forgets every conversation and keeps none from then on, giving
// their room in the Limit back: call it when the store's engine is
// dropped. Turns still answered through it are answered as by a
// conversation of their own.
func (s *Conversations) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for el := s.lru.Back(); el != nil; el = s.lru.Back() {
		s.remove(el)
	}
	s.closed = true
}

func (s *Conversations) now() time.Time {
	if s.opts.Now == nil {
		return time.Time{}
	}
	return s.opts.Now()
}

// expire forgets the conversations idle past the timeout. The list is in
// order of last use, so they are all at its back.
func (s *Conversations) expire(now time.Time) {
	if s.opts.Now == nil {
		return
	}
	for el := s.lru.Back(); el != nil; el = s.lru.Back() {
		if now.Sub(el.Value.(*convEntry).used) <= s.opts.IdleTimeout {
			return
		}
		s.remove(el)
	}
}

func (s *Conversations) remove(el *list.Element) {
	delete(s.byKey, el.Value.(*convEntry).key)
	s.lru.Remove(el)
	if l := s.opts.Limit; l != nil {
		l.kept.Add(-1)
	}
}
