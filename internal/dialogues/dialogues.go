// Package dialogues scores scripted conversations (testdata/dialogues, see
// the README there) against qa.Conversations: each dialogue is fed, turn by
// turn, to a conversation of its own, and each reply is scored. The qa
// tests gate on the figures of the tuning dialogues; `make report` prints
// them, and those of the held-out dialogues, for the README.
package dialogues

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/qa"
)

// A Dialogue is one line of testdata/dialogues/*.jsonl.
type Dialogue struct {
	ID     string `json:"id"`
	Lang   string `json:"lang"`
	Corpus string `json:"corpus"`
	Turns  []Turn `json:"turns"`
}

// A Turn is one message of a dialogue and what a right reply is.
type Turn struct {
	Q          string   `json:"q"`
	Type       string   `json:"type"`
	Gold       []string `json:"gold"`
	Ans        []string `json:"ans"`
	Lang       string   `json:"lang"`
	Answerable *bool    `json:"answerable"`
	Expect     string   `json:"expect"`
}

// Read reads dialogues, one JSON object a line; name is for errors.
func Read(r io.Reader, name string) ([]Dialogue, error) {
	var out []Dialogue
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var d Dialogue
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// FollowUpTypes are the turn types that refer back (testdata/dialogues/README.md).
var FollowUpTypes = map[string]bool{"ellipsis": true, "pronoun": true, "why": true, "source": true, "more": true, "who_said": true, "clarify": true}

// A Score counts a run of dialogues.
type Score struct {
	Dialogues              int
	Langs                  []string // languages of the dialogues, sorted
	Turns, Right           int
	FollowUps, FollowRight int
	WronglyFresh           int // follow-ups read as fresh questions
	// AfterRight counts the follow-ups whose previous turn was answered
	// right: what the conversation does when the engine did its part.
	AfterRight, AfterRightOK int
	FreshAsFollowUp          int               // fresh questions read as follow-ups (not an error by itself)
	ByType                   map[string][2]int // right, all
	Misses                   []string
}

// FollowRate is the share of follow-up turns answered right, in percent.
func (s *Score) FollowRate() float64 {
	return 100 * float64(s.FollowRight) / float64(max(s.FollowUps, 1))
}

// AfterRightRate is the share of follow-ups answered right among those
// whose previous turn was right, in percent.
func (s *Score) AfterRightRate() float64 {
	return 100 * float64(s.AfterRightOK) / float64(max(s.AfterRight, 1))
}

func (s *Score) String() string {
	types := make([]string, 0, len(s.ByType))
	for k := range s.ByType {
		types = append(types, k)
	}
	sort.Strings(types)
	var b strings.Builder
	fmt.Fprintf(&b, "turns %d/%d right; follow-ups %d/%d right (%.1f%%), %d/%d after a right turn; follow-ups read as fresh %d; fresh read as follow-up %d\n",
		s.Right, s.Turns, s.FollowRight, s.FollowUps, s.FollowRate(), s.AfterRightOK, s.AfterRight, s.WronglyFresh, s.FreshAsFollowUp)
	for _, k := range types {
		fmt.Fprintf(&b, "  %-12s %d/%d\n", k, s.ByType[k][0], s.ByType[k][1])
	}
	return b.String()
}

// Run feeds every dialogue to its own conversation in the store of its
// corpus and scores each reply as testdata/dialogues/README.md says.
func Run(ctx context.Context, stores map[string]*qa.Conversations, ds []Dialogue) (*Score, error) {
	sc := &Score{ByType: map[string][2]int{}}
	for _, d := range ds {
		store := stores[d.Corpus]
		if store == nil {
			return nil, fmt.Errorf("%s: no corpus %q", d.ID, d.Corpus)
		}
		sc.Dialogues++
		if !slices.Contains(sc.Langs, d.Lang) {
			sc.Langs = append(sc.Langs, d.Lang)
		}
		prevOK := true
		for i, turn := range d.Turns {
			q := qa.Question{Text: turn.Q}
			if i == 0 {
				// The user's locale, as Discord gives it; later turns
				// take the conversation's own language.
				q.LangHint = d.Lang
			}
			a, err := store.Ask(ctx, d.ID, q)
			if err != nil {
				return nil, fmt.Errorf("%s turn %d: %w", d.ID, i, err)
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
			sc.Turns++
			c := sc.ByType[turn.Type]
			c[1]++
			if ok {
				sc.Right++
				c[0]++
			}
			sc.ByType[turn.Type] = c
			follow := FollowUpTypes[turn.Type]
			if follow {
				sc.FollowUps++
				if ok {
					sc.FollowRight++
				}
				if prevOK {
					sc.AfterRight++
					if ok {
						sc.AfterRightOK++
					}
				}
				if a.Turn == qa.TurnFresh {
					sc.WronglyFresh++
				}
			}
			if turn.Type == "fresh" && a.Turn != qa.TurnFresh {
				sc.FreshAsFollowUp++
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
				sc.Misses = append(sc.Misses, fmt.Sprintf("%s #%d %s/%s%s %q: %s", d.ID, i, turn.Type, a.Turn, mark, turn.Q, firstRunes(got, 110)))
			}
			if turn.Type != "smalltalk" {
				prevOK = ok
			}
		}
	}
	slices.Sort(sc.Langs)
	return sc, nil
}

func firstRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
