package qa

import (
	"context"
	"math"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
)

// TestGateEvidence checks the gate's evidence (gate.go) for the sentence
// the ranker puts first, on an invented article: a question whose every
// word the article has, one whose name or number no sentence has (as when
// the paragraph that answers is gone), and how specific the words the
// sentence shares are.
func TestGateEvidence(t *testing.T) {
	article := "The Lighthouse\n\n" +
		"The keeper painted the lighthouse red in 1921.\n" +
		"Gulls nested on the cliffs below the lighthouse.\n\n" +
		"The keeper walked home along the harbour wall.\n" +
		"Fishermen mended their nets near the lighthouse in the morning.\n"
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := Load(fstest.MapFS{"lighthouse.txt": {Data: []byte(article)}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		question string
		top      string // a substring of the sentence ranked first
		evidence int
		want     float64
	}{
		// Every word is in the article.
		{"When did the keeper paint the lighthouse red?", "painted", gAbsentName, 0},
		{"When did the keeper paint the lighthouse red?", "painted", gAbsentNumber, 0},
		// A name the question writes and the article lacks; a capital
		// that only starts the question is no name.
		{"When did Tomasz paint the lighthouse red?", "painted", gAbsentName, 1},
		{"Tomasz painted the lighthouse red when?", "painted", gAbsentName, 0},
		// A number the question gives and the article lacks.
		{"What did the keeper paint in 1850?", "painted", gAbsentNumber, 1},
		{"What did the keeper paint in 1921?", "painted", gAbsentNumber, 0},
		// "mended" and "nets" are in one sentence of the article.
		{"Who mended the nets?", "Fishermen", gSpecific, 1},
		// "lighthouse" is in three.
		{"Where is the lighthouse?", "lighthouse", gSpecific, 1.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.question+"/"+calibrationNames[cGate+tt.evidence], func(t *testing.T) {
			q := e.parse(tt.question, e.article.l)
			ranked := e.rank(context.Background(), q)
			if len(ranked) == 0 || ranked[0].gate == nil {
				t.Fatalf("%q: no candidate the ranker scored", tt.question)
			}
			top := e.idx.docs[ranked[0].doc].sentence.Text
			if !strings.Contains(top, tt.top) {
				t.Fatalf("%q: the ranker put %q first, want the sentence holding %q", tt.question, top, tt.top)
			}
			if got := ranked[0].gate[tt.evidence]; math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("%s of %q for %q = %v, want %v", calibrationNames[cGate+tt.evidence], top, tt.question, got, tt.want)
			}
		})
	}
}
