package qa_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

// A dialogue is one line of testdata/dialogues/*.jsonl (see the README
// there).
type dialogue struct {
	ID     string `json:"id"`
	Lang   string `json:"lang"`
	Corpus string `json:"corpus"`
	Turns  []struct {
		Q          string   `json:"q"`
		Type       string   `json:"type"`
		Gold       []string `json:"gold"`
		Ans        []string `json:"ans"`
		Lang       string   `json:"lang"`
		Answerable *bool    `json:"answerable"`
		Expect     string   `json:"expect"`
	} `json:"turns"`
}

func readDialogues(t *testing.T, name string) []dialogue {
	t.Helper()
	f, err := os.Open("../testdata/dialogues/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []dialogue
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d dialogue
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// followUpTypes are the turn types that refer back (README).
var followUpTypes = map[string]bool{"ellipsis": true, "pronoun": true, "why": true, "source": true, "more": true, "who_said": true, "clarify": true}

// dialogueScore counts a run of dialogues.
type dialogueScore struct {
	turns, right           int
	followUps, followRight int
	wronglyFresh           int // follow-ups read as fresh questions
	// afterRight counts the follow-ups whose previous turn was answered
	// right: what the conversation does when the engine did its part.
	afterRight, afterRightOK int
	freshAsFollowUp          int // fresh questions read as follow-ups (not an error by itself)
	byType                   map[string][2]int
	misses                   []string
}

func (s *dialogueScore) String() string {
	types := make([]string, 0, len(s.byType))
	for k := range s.byType {
		types = append(types, k)
	}
	sort.Strings(types)
	var b strings.Builder
	fmt.Fprintf(&b, "turns %d/%d right; follow-ups %d/%d right (%.1f%%), %d/%d after a right turn; follow-ups read as fresh %d; fresh read as follow-up %d\n",
		s.right, s.turns, s.followRight, s.followUps, s.followRate(), s.afterRightOK, s.afterRight, s.wronglyFresh, s.freshAsFollowUp)
	for _, k := range types {
		fmt.Fprintf(&b, "  %-12s %d/%d\n", k, s.byType[k][0], s.byType[k][1])
	}
	return b.String()
}

func (s *dialogueScore) followRate() float64 {
	return 100 * float64(s.followRight) / float64(max(s.followUps, 1))
}

// runDialogues feeds every dialogue to its own conversation and scores
// each reply as the README says.
func runDialogues(t *testing.T, engines map[string]*qa.Engine, ds []dialogue) *dialogueScore {
	t.Helper()
	stores := map[string]*qa.Conversations{}
	for name, e := range engines {
		s, err := qa.NewConversations(e, qa.ConversationOptions{})
		if err != nil {
			t.Fatal(err)
		}
		stores[name] = s
	}
	sc := &dialogueScore{byType: map[string][2]int{}}
	for _, d := range ds {
		prevOK := true
		store := stores[d.Corpus]
		if store == nil {
			t.Fatalf("%s: no corpus %q", d.ID, d.Corpus)
		}
		for i, turn := range d.Turns {
			q := qa.Question{Text: turn.Q}
			if i == 0 {
				// The user's locale, as Discord gives it; later turns
				// take the conversation's own language.
				q.LangHint = d.Lang
			}
			a, err := store.Ask(context.Background(), d.ID, q)
			if err != nil {
				t.Fatalf("%s turn %d: %v", d.ID, i, err)
			}
			var ok bool
			switch {
			case turn.Expect == "clarify":
				ok = a.Reason == qa.ReasonClarify && !a.Answered
			case turn.Type == "smalltalk":
				ok = a.Reason == qa.ReasonSmallTalk && !a.Answered
			case turn.Answerable != nil && !*turn.Answerable:
				ok = !a.Answered
			default:
				ok = a.Answered && eval.Hit(a.Quote.Text, turn.Gold)
			}
			sc.turns++
			c := sc.byType[turn.Type]
			c[1]++
			if ok {
				sc.right++
				c[0]++
			}
			sc.byType[turn.Type] = c
			follow := followUpTypes[turn.Type]
			if follow {
				sc.followUps++
				if ok {
					sc.followRight++
				}
				if prevOK {
					sc.afterRight++
					if ok {
						sc.afterRightOK++
					}
				}
				if a.Turn == qa.TurnFresh {
					sc.wronglyFresh++
				}
			}
			if turn.Type == "fresh" && a.Turn != qa.TurnFresh {
				sc.freshAsFollowUp++
			}
			if !ok || follow && a.Turn == qa.TurnFresh {
				got := a.Quote.Text
				if !a.Answered {
					got = "(" + string(a.Reason) + ") " + a.Message
				}
				mark := ""
				if follow && prevOK {
					mark = " [after a right turn]"
				}
				sc.misses = append(sc.misses, fmt.Sprintf("%s #%d %s/%s%s %q: %s", d.ID, i, turn.Type, a.Turn, mark, turn.Q, firstRunes(got, 110)))
			}
			if turn.Type != "smalltalk" {
				prevOK = ok
			}
		}
	}
	return sc
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

var (
	enginesOnce sync.Once
	engines     map[string]*qa.Engine
	enginesErr  error
)

// dialogueEngines loads the two corpora of the dialogues, as the CLI
// does: with language identification.
func dialogueEngines(t *testing.T) map[string]*qa.Engine {
	t.Helper()
	enginesOnce.Do(func() {
		reg, err := lang.Load(lang.Data)
		if err != nil {
			enginesErr = err
			return
		}
		opts := qa.Options{Languages: reg, Detector: lang.NewDetector(reg)}
		engines = map[string]*qa.Engine{}
		for name, fsys := range map[string]fs.FS{"seed": seeds.FS, "articles": os.DirFS("../testdata/articles")} {
			e, err := qa.Load(fsys, opts)
			if err != nil {
				enginesErr = fmt.Errorf("load %s: %w", name, err)
				return
			}
			engines[name] = e
		}
	})
	if enginesErr != nil {
		t.Fatal(enginesErr)
	}
	return engines
}

// minFollowUpRate is the share of follow-up turns of seed.jsonl and
// articles.jsonl answered right, in percent, below which the test fails.
// It is set a little under what the conversation reaches, so that a
// change that breaks follow-ups fails. (77.9% when the conversation was
// written; 72.8% on the engine it was merged into, which abstains more;
// 75.7% after the answer-extraction work of stop 7.)
const minFollowUpRate = 73.0

func TestDialogues(t *testing.T) {
	es := dialogueEngines(t)
	var ds []dialogue
	for _, file := range []string{"seed.jsonl", "articles.jsonl"} {
		for _, d := range readDialogues(t, file) {
			d.Corpus = strings.TrimSuffix(file, ".jsonl")
			ds = append(ds, d)
		}
	}
	sc := runDialogues(t, es, ds)
	for _, m := range sc.misses {
		t.Log(m)
	}
	t.Logf("seed+articles: %s", sc)
	if r := sc.followRate(); r < minFollowUpRate {
		t.Errorf("follow-up turns right = %.1f%%, want at least %.1f%%", r, minFollowUpRate)
	}
	if sc.wronglyFresh > 0 {
		t.Errorf("%d follow-up turns were answered as fresh questions, want 0", sc.wronglyFresh)
	}
}

// readQuestions reads the single questions of an eval file.
func readQuestions(t *testing.T, path string) []eval.Question {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := eval.Read(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// maxFreshClarify is the share of the single questions of testdata/eval,
// in percent, that a new conversation may answer with a clarification
// question instead of Ask's answer.
const maxFreshClarify = 1.0

// TestFreshQuestionsAsAsk checks that a conversation's first question is
// answered as Ask answers it (small talk and clarifications aside), on
// every single question of testdata/eval (held-out files excluded).
func TestFreshQuestionsAsAsk(t *testing.T) {
	es := dialogueEngines(t)
	sets := map[string][]string{"articles": {"../testdata/eval/articles/en.jsonl"}}
	seedFiles, err := fs.Glob(os.DirFS("../testdata/eval/seed"), "*.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range seedFiles {
		if !strings.HasSuffix(name, ".heldout.jsonl") {
			sets["seed"] = append(sets["seed"], "../testdata/eval/seed/"+name)
		}
	}
	n, clarified, small := 0, 0, 0
	for corpus, files := range sets {
		e := es[corpus]
		store, err := qa.NewConversations(e, qa.ConversationOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			for _, q := range readQuestions(t, file) {
				n++
				question := qa.Question{Text: q.Q, LangHint: q.Lang}
				want, err := e.Ask(context.Background(), question)
				if err != nil {
					t.Fatal(err)
				}
				got, err := store.Ask(context.Background(), q.ID, question)
				if err != nil {
					t.Fatal(err)
				}
				switch got.Reason {
				case qa.ReasonClarify:
					clarified++
					t.Logf("clarified %s %q: %q", q.ID, q.Q, got.Clarify)
					continue
				case qa.ReasonSmallTalk:
					small++
					t.Logf("small talk %s %q", q.ID, q.Q)
					continue
				}
				if got.Answered != want.Answered || got.Quote.Text != want.Quote.Text || got.Text != want.Text {
					t.Errorf("%s: conversation answered %q with %q (%q), Ask with %q (%q)", q.ID, q.Q, got.Text, got.Quote.Text, want.Text, want.Quote.Text)
				}
			}
		}
	}
	rate := 100 * float64(clarified) / float64(max(n, 1))
	t.Logf("%d questions: %d clarified (%.1f%%), %d taken for small talk", n, clarified, rate, small)
	if rate > maxFreshClarify {
		t.Errorf("clarified %.1f%% of single questions, want at most %.1f%%", rate, maxFreshClarify)
	}
	if small > 0 {
		t.Errorf("%d questions taken for small talk, want 0", small)
	}
}

// TestDialoguesHeldout reports, without a threshold, the figures of the
// dialogues kept aside (testdata/dialogues/heldout.jsonl): they were never
// used to tune the conversation, so they say how it does on dialogues no
// one here has seen. Only the totals are logged, not the turns.
func TestDialoguesHeldout(t *testing.T) {
	es := dialogueEngines(t)
	ds := readDialogues(t, "heldout.jsonl")
	for _, d := range ds {
		if es[d.Corpus] == nil {
			t.Fatalf("%s: unknown corpus %q", d.ID, d.Corpus)
		}
	}
	sc := runDialogues(t, es, ds)
	t.Logf("heldout: %s", sc)
}
