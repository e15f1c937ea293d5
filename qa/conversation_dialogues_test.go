package qa_test

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/internal/dialogues"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

func readDialogues(t *testing.T, name string) []dialogues.Dialogue {
	t.Helper()
	f, err := os.Open("../testdata/dialogues/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ds, err := dialogues.Read(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// runDialogues scores dialogues, each in a conversation of its own.
func runDialogues(t *testing.T, engines map[string]*qa.Engine, ds []dialogues.Dialogue) *dialogues.Score {
	t.Helper()
	stores := map[string]*qa.Conversations{}
	for name, e := range engines {
		s, err := qa.NewConversations(e, qa.ConversationOptions{})
		if err != nil {
			t.Fatal(err)
		}
		stores[name] = s
	}
	sc, err := dialogues.Run(context.Background(), stores, ds)
	if err != nil {
		t.Fatal(err)
	}
	return sc
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
// 75.7% after the answer-extraction work of stop 7; 67.6% once the
// engine declined below a probability calibrated on real questions, at a
// cost of two declines per wrong answer, which declines more follow-ups;
// 65.4% once the calibration weighed each pair of question and article
// languages, the runner-up's share and the plain BM25 rank, and chose its
// threshold out of fold: it declines more of the short follow-ups about
// the seed article; 72.1% once the calibration read a follow-up's length
// as the question resolved with its frame's words, not its bare words.)
const minFollowUpRate = 69.0

func TestDialogues(t *testing.T) {
	es := dialogueEngines(t)
	var ds []dialogues.Dialogue
	for _, file := range []string{"seed.jsonl", "articles.jsonl"} {
		for _, d := range readDialogues(t, file) {
			d.Corpus = strings.TrimSuffix(file, ".jsonl")
			ds = append(ds, d)
		}
	}
	sc := runDialogues(t, es, ds)
	for _, m := range sc.Misses {
		t.Log(m)
	}
	t.Logf("seed+articles: %s", sc)
	if r := sc.FollowRate(); r < minFollowUpRate {
		t.Errorf("follow-up turns right = %.1f%%, want at least %.1f%%", r, minFollowUpRate)
	}
	if sc.WronglyFresh > 0 {
		t.Errorf("%d follow-up turns were answered as fresh questions, want 0", sc.WronglyFresh)
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
