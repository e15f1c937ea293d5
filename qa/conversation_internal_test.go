package qa

import (
	"context"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/internal/fakeclock"
	"github.com/qabot/qabot/lang"
)

// storeArticle is an invented article for the store's tests.
const storeArticle = `Harbour reopens in Port Ellin

Photo of the harbour in Port Ellin, May 4, 2023.

AFP - JOHN ROE

The harbour of Port Ellin reopened on Thursday, May 4, 2023, three months after a fire.

Harbour master Tomas Brell said the quays were rebuilt by local workers.

"No one was hurt," he said.

Fisheries Minister Lena Sorvik said the state paid for the works.

"We kept our promise," she said.
`

func storeEngine(t testing.TB) *Engine {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load(fstest.MapFS{"harbour.txt": {Data: []byte(storeArticle)}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// hasFrame reports whether the conversation key remembers an answer: a
// "source?" request has a sentence to show.
func hasFrame(t *testing.T, s *Conversations, key string) bool {
	t.Helper()
	a, err := s.Ask(context.Background(), key, Question{Text: "source?"})
	if err != nil {
		t.Fatal(err)
	}
	return a.Answered
}

func mustAsk(t testing.TB, s *Conversations, key, q string) Answer {
	t.Helper()
	a, err := s.Ask(context.Background(), key, Question{Text: q})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestConversationsBounded(t *testing.T) {
	s, err := NewConversations(storeEngine(t), ConversationOptions{MaxConversations: 3})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		mustAsk(t, s, fmt.Sprint("user", i), "when did the harbour reopen?")
	}
	if n := s.Len(); n != 3 {
		t.Errorf("Len() after 5 conversations with MaxConversations 3 = %d, want 3", n)
	}
	// The two used first were forgotten; the last ones remember.
	if !hasFrame(t, s, "user4") || !hasFrame(t, s, "user3") {
		t.Error("the most recent conversations forgot their answer")
	}
	if hasFrame(t, s, "user0") {
		t.Error("the conversation used least recently is still remembered")
	}
}

func TestConversationsLRUKeepsActive(t *testing.T) {
	s, err := NewConversations(storeEngine(t), ConversationOptions{MaxConversations: 2})
	if err != nil {
		t.Fatal(err)
	}
	mustAsk(t, s, "a", "when did the harbour reopen?")
	mustAsk(t, s, "b", "when did the harbour reopen?")
	mustAsk(t, s, "a", "who is tomas brell?") // a is now the most recent
	mustAsk(t, s, "c", "when did the harbour reopen?")
	if !hasFrame(t, s, "a") {
		t.Error("conversation a, used again, was forgotten")
	}
	s.Forget("a")
	if hasFrame(t, s, "a") {
		t.Error("Forget(a) left its frame")
	}
}

func TestConversationsExpire(t *testing.T) {
	clock := fakeclock.New(time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC))
	s, err := NewConversations(storeEngine(t), ConversationOptions{IdleTimeout: 30 * time.Minute, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	mustAsk(t, s, "old", "when did the harbour reopen?")
	clock.Advance(20 * time.Minute)
	mustAsk(t, s, "new", "when did the harbour reopen?")
	clock.Advance(15 * time.Minute) // old idle 35 minutes, new 15
	if n := s.Len(); n != 1 {
		t.Errorf("Len() = %d, want 1: the conversation idle past the timeout is gone", n)
	}
	if !hasFrame(t, s, "new") {
		t.Error("a conversation idle 15 minutes forgot its answer")
	}
	if hasFrame(t, s, "old") {
		t.Error("a conversation idle 35 minutes still remembers its answer")
	}
	clock.Advance(2 * time.Hour)
	if n := s.Len(); n != 0 {
		t.Errorf("Len() after two idle hours = %d, want 0", n)
	}
}

// TestConversationsConcurrent runs many users, some sharing a
// conversation, at once; run it with -race.
func TestConversationsConcurrent(t *testing.T) {
	clock := fakeclock.New(time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC))
	s, err := NewConversations(storeEngine(t), ConversationOptions{MaxConversations: 16, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	questions := []string{"when did the harbour reopen?", "who rebuilt it?", "source?", "who said that?", "tell me more", "and the fire?", "hi", "what did she say?"}
	var wg sync.WaitGroup
	var answered atomic.Int64
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 60 {
				key := fmt.Sprint("user", (g*7+i)%24)
				a, err := s.Ask(context.Background(), key, Question{Text: questions[(g+i)%len(questions)]})
				if err != nil {
					t.Error(err)
					return
				}
				if a.Answered {
					answered.Add(1)
				}
				if i%10 == 0 {
					clock.Advance(time.Minute)
					s.Len()
				}
			}
		}()
	}
	wg.Wait()
	if n := s.Len(); n > 16 {
		t.Errorf("Len() = %d, want at most 16", n)
	}
	if answered.Load() == 0 {
		t.Error("no turn was answered")
	}
}

// TestResolve checks which entity a pronoun stands for: by kind, gender
// (learnt from the article's own "he said" and "she said"), number and
// recency.
func TestResolve(t *testing.T) {
	s, err := NewConversations(storeEngine(t), ConversationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	brell := entity{text: "Tomas Brell", stems: []string{"toma", "brell"}, kind: corpus.NamePerson}
	sorvik := entity{text: "Lena Sorvik", stems: []string{"lena", "sorvik"}, kind: corpus.NamePerson}
	kovac := entity{text: "Anna Kovac", stems: []string{"anna", "kovac"}, kind: corpus.NamePerson}
	marr := entity{text: "Ida Marr", stems: []string{"ida", "marr"}, kind: corpus.NamePerson}
	union := entity{text: "MFU", stems: []string{"mfu"}, kind: corpus.NameOrg}
	city := entity{text: "Port Ellin", stems: []string{"port", "ellin"}, kind: corpus.NamePlace}
	tests := []struct {
		name, lang, q string
		ents          []entity
		want          []string
	}{
		{"he skips a woman", "en", "what did he say?", []entity{sorvik, brell}, []string{"Tomas Brell"}},
		{"she skips a man", "en", "what did she say?", []entity{brell, sorvik}, []string{"Lena Sorvik"}},
		{"unknown gender fits", "en", "what did she say?", []entity{brell, kovac}, []string{"Anna Kovac"}},
		{"known gender before unknown", "en", "what did he say?", []entity{kovac, brell}, []string{"Tomas Brell"}},
		{"most recent first", "en", "what did she say?", []entity{marr, kovac}, []string{"Ida Marr"}},
		{"they is a group", "en", "what did they demand?", []entity{brell, union}, []string{"MFU"}},
		{"it is the topic", "en", "when did it reopen?", []entity{city, brell}, nil},
		{"the country is a place", "en", "who ruled the country?", []entity{brell, city}, []string{"Port Ellin"}},
		{"there is a place", "en", "who lived there?", []entity{union, city}, []string{"Port Ellin"}},
		{"the group", "en", "what did the group demand?", []entity{brell, union}, []string{"MFU"}},
		{"il", "fr", "qu'a-t-il dit ?", []entity{sorvik, brell}, []string{"Tomas Brell"}},
		{"elle", "fr", "qu'a-t-elle dit ?", []entity{brell, sorvik}, []string{"Lena Sorvik"}},
		{"ils", "fr", "qu'ont-ils demandé ?", []entity{brell, union}, []string{"MFU"}},
		{"er", "de", "was hat er gesagt?", []entity{sorvik, brell}, []string{"Tomas Brell"}},
		{"sie is she or they", "de", "was hat sie gesagt?", []entity{brell, sorvik}, []string{"Lena Sorvik"}},
		{"он", "ru", "что он сказал?", []entity{sorvik, brell}, []string{"Tomas Brell"}},
		{"она", "ru", "что она сказала?", []entity{brell, sorvik}, []string{"Lena Sorvik"}},
		{"ella", "es", "¿qué dijo ella?", []entity{brell, sorvik}, []string{"Lena Sorvik"}},
		{"han", "sv", "vad sa han?", []entity{sorvik, brell}, []string{"Tomas Brell"}},
		{"hun", "nb", "hva sa hun?", []entity{brell, sorvik}, []string{"Lena Sorvik"}},
		{"ő has no gender", "hu", "mit mondott ő?", []entity{sorvik, brell}, []string{"Lena Sorvik"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, ok := s.e.langs.Get(tt.lang)
			if !ok {
				t.Fatalf("no language %s", tt.lang)
			}
			got := []string(nil)
			for _, ent := range s.resolve(&frame{ents: tt.ents}, s.read(tt.q, l)) {
				got = append(got, ent.text)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("resolve(%q) mismatch (-want +got):\n%s", tt.q, diff)
			}
		})
	}
}

// TestClassify checks how turns are read after a first question.
func TestClassify(t *testing.T) {
	s, err := NewConversations(storeEngine(t), ConversationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, q string
		want    Turn
	}{
		{"en", "and the fire?", TurnEllipsis},
		{"en", "and in 2022?", TurnEllipsis},
		{"en", "since when?", TurnEllipsis},
		{"en", "when did it happen?", TurnPronoun},
		{"en", "what did he say about the quays?", TurnPronoun},
		{"en", "when was that fire?", TurnPronoun},
		{"en", "who paid for the works in port ellin and when did the harbour reopen?", TurnFresh},
		{"en", "what about lena sorvik, what did she say?", TurnFresh},
		{"fr", "et l'incendie ?", TurnEllipsis},
		{"es", "¿y cuándo?", TurnEllipsis},
		{"de", "wann war das?", TurnPronoun},
		{"ru", "а в 2022?", TurnEllipsis},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			c := &Conversation{}
			mustAskIn(t, s, c, "when did the harbour reopen?")
			l, _ := s.e.langs.Get(tt.lang)
			if got := s.classify(c, s.read(tt.q, l)); got != tt.want {
				t.Errorf("classify(%q) = %q, want %q", tt.q, got, tt.want)
			}
		})
	}
}

func mustAskIn(t testing.TB, s *Conversations, c *Conversation, q string) {
	t.Helper()
	if _, err := s.converse(context.Background(), c, Question{Text: q}); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkConversations100k runs 100,000 conversations of two turns each
// through a store of the default size. The clock moves 10ms a
// conversation, so none expires while they come: the store keeps the
// DefaultMaxConversations used last, and reports the heap it holds per
// conversation kept (B/conv). Then the clock passes the idle timeout and
// every conversation must be gone.
func BenchmarkConversations100k(b *testing.B) {
	e := storeEngine(b)
	questions := []string{"when did the harbour reopen?", "who rebuilt the quays?", "what did lena sorvik say?", "who is tomas brell?"}
	follow := []string{"who said that?", "why?", "and the fire?", "tell me more"}
	b.ReportAllocs()
	for b.Loop() {
		clock := fakeclock.New(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
		var before runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		s, err := NewConversations(e, ConversationOptions{Now: clock.Now})
		if err != nil {
			b.Fatal(err)
		}
		const n = 100_000
		for i := range n {
			key := fmt.Sprint("user", i)
			mustAsk(b, s, key, questions[i%len(questions)])
			mustAsk(b, s, key, follow[i%len(follow)])
			clock.Advance(10 * time.Millisecond)
		}
		var after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept := s.Len()
		if kept != DefaultMaxConversations {
			b.Fatalf("Len() = %d, want %d", kept, DefaultMaxConversations)
		}
		b.ReportMetric(float64(kept), "kept")
		b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(kept), "B/conv")
		clock.Advance(DefaultIdleTimeout + time.Second)
		if left := s.Len(); left != 0 {
			b.Fatalf("Len() after the idle timeout = %d, want 0", left)
		}
		runtime.KeepAlive(s)
	}
}

// TestChatCuesEveryLanguage checks lang/data/*/chat.tsv: every language
// has the cues a conversation needs, and every line is well formed.
func TestChatCuesEveryLanguage(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{cuePron: true, cueNoun: true, cueCommand: true}
	for _, c := range allCues {
		known[c] = true
	}
	features := map[string]bool{"m": true, "f": true, "n": true, "sg": true, "pl": true, "person": true, "thing": true, "place": true, "neutral": true, "def": true}
	required := []string{cueGreeting, cueThanks, cueCapabilities, cueMore, cueSource, cueWhy, cueWhoSaid, cueFirst, cueSecond, cueAnd, cueDem}
	for _, l := range reg.Languages() {
		t.Run(l.Code, func(t *testing.T) {
			data, err := readData(lang.Data, l.Code, "chat.tsv")
			if err != nil || data == nil {
				t.Fatalf("read %s/chat.tsv: %v", l.Code, err)
			}
			eachField(data, func(f []string) {
				switch {
				case len(f) < 2 || len(f) > 3 || f[1] == "":
					t.Errorf("line %q: want category<TAB>phrase[<TAB>features]", strings.Join(f, "\t"))
				case !known[f[0]]:
					t.Errorf("line %q: unknown category %q", strings.Join(f, "\t"), f[0])
				case (f[0] == cuePron || f[0] == cueNoun) && len(foldedWords(f[1])) != 1:
					t.Errorf("line %q: a %s is one word", strings.Join(f, "\t"), f[0])
				case f[0] == cueCommand && (len(f) != 3 || !regexp.MustCompile(`^[a-z][a-z_-]*$`).MatchString(f[2])):
					t.Errorf("line %q: want command<TAB>phrase<TAB>command name", strings.Join(f, "\t"))
				case f[0] == cueCommand:
				case len(f) == 3 && f[0] != cuePron && f[0] != cueNoun:
					t.Errorf("line %q: only pron, noun and command take a third column", strings.Join(f, "\t"))
				case len(f) == 3:
					for _, w := range strings.Fields(f[2]) {
						if !features[w] {
							t.Errorf("line %q: unknown feature %q", strings.Join(f, "\t"), w)
						}
					}
				}
			})
			c := loadChatCues(data)
			for _, cat := range required {
				if len(c.phrases[cat]) == 0 {
					t.Errorf("no %s phrase", cat)
				}
			}
			if len(c.prons) == 0 {
				t.Error("no pronoun")
			}
			names := map[string]bool{}
			for _, name := range c.commands {
				names[name] = true
			}
			for _, name := range []string{"help", "summary", "timeline"} {
				if !names[name] {
					t.Errorf("no command phrase for %s", name)
				}
			}
		})
	}
}

// TestConversationLimitBoundsStoresTogether shares one limit between two
// stores, as a library with an engine per server does: together they keep
// at most the limit plus the newest conversation of each, the store that
// starts one forgets its own idlest, and a closed store gives its room back
// and keeps nothing more.
func TestConversationLimitBoundsStoresTogether(t *testing.T) {
	e := storeEngine(t)
	limit := NewConversationLimit(3)
	a, err := NewConversations(e, ConversationOptions{Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewConversations(e, ConversationOptions{Limit: limit})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		store      *Conversations
		key        string
		lenA, lenB int
	}{
		{a, "a1", 1, 0},
		{a, "a2", 2, 0},
		{a, "a3", 3, 0},
		{a, "a4", 3, 0}, // over the limit: a forgets a1
		{b, "b1", 3, 1}, // over, but b keeps its only one: limit plus one
		{b, "b2", 3, 1}, // b forgets b1 for b2
		{a, "a2", 3, 1}, // a conversation kept is not a new one
	}
	for i, st := range steps {
		mustAsk(t, st.store, st.key, "who rebuilt the quays?")
		if got, want := [2]int{a.Len(), b.Len()}, [2]int{st.lenA, st.lenB}; got != want {
			t.Fatalf("step %d (%s): stores keep %v, want %v", i, st.key, got, want)
		}
		if got, want := limit.Kept(), st.lenA+st.lenB; got != want {
			t.Fatalf("step %d (%s): the limit counts %d, want %d", i, st.key, got, want)
		}
	}
	a.Close()
	if a.Len() != 0 || limit.Kept() != 1 {
		t.Fatalf("after Close: a keeps %d, the limit counts %d; want 0 and 1", a.Len(), limit.Kept())
	}
	mustAsk(t, a, "a5", "who rebuilt the quays?")
	if a.Len() != 0 || limit.Kept() != 1 {
		t.Fatalf("a closed store kept a conversation: a keeps %d, the limit counts %d", a.Len(), limit.Kept())
	}
}
