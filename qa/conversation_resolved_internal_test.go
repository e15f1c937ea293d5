package qa

import (
	"context"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// TestFollowUpCalibratedAsResolved checks that the calibration reads a
// follow-up as the question the engine resolved it to: its words with the
// frame's words it stands for, as a standalone question would say them.
// The calibration is fitted on standalone questions only, so the bare
// "who paid for it?" would read as a short, vague question and be declined
// more than the same question asked in full.
func TestFollowUpCalibratedAsResolved(t *testing.T) {
	s, err := NewConversations(storeEngine(t), ConversationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, first, lang, followUp string
		want                        []string // the frame's words it stands for
	}{
		{"pronoun", "when did the harbour reopen?", "en", "who paid for it?", []string{"harbour", "reopen"}},
		{"ellipsis", "when did the harbour reopen?", "es", "¿y cuándo?", []string{"harbour", "reopen"}},
		{"he", "what did Tomas Brell say?", "en", "what did he say about the quays?", []string{"Tomas", "Brell"}},
		{"a word said again", "what happened to the harbour after the fire?", "en", "when was that fire?", []string{"happened", "harbour"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Conversation{}
			mustAskIn(t, s, c, tt.first)
			l, ok := s.e.langs.Get(tt.lang)
			if !ok {
				t.Fatalf("no language %s", tt.lang)
			}
			turn := s.read(tt.followUp, l)
			kind := s.classify(c, turn)
			if kind == TurnFresh {
				t.Fatalf("%q read as a fresh question", tt.followUp)
			}
			q, _, _ := s.contextQuery(c.f, turn, kind, s.modeOf(turn, kind))
			if diff := cmp.Diff(tt.want, q.fromFrame); diff != "" {
				t.Errorf("frame words of %q (-want +got):\n%s", tt.followUp, diff)
			}
			ranked := s.e.rank(context.Background(), q)
			if len(ranked) == 0 || ranked[0].x == nil {
				t.Fatalf("%q: nothing ranked", tt.followUp)
			}
			x, _ := s.e.extract(q, ranked[0].doc)
			cal := s.e.calibrationFeatures(q, ranked, 0, x, Evidence{})
			resolved := strings.Join(append([]string{tt.followUp}, tt.want...), " ")
			if want := math.Log1p(float64(utf8.RuneCountInString(resolved))); math.Abs(cal[cRunes]-want) > 1e-9 {
				t.Errorf("runes input of %q = %.3f, want %.3f, the length of %q", tt.followUp, cal[cRunes], want, resolved)
			}
		})
	}
}
