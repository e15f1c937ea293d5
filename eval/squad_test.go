package eval

import (
	"math"
	"testing"
)

// The expected values were computed with the SQuAD v1.1 functions of
// ../shared/eval/score_articles.py (squad_norm, squad_f1, squad_em).
func TestSquad(t *testing.T) {
	tests := []struct {
		pred, gold string
		norm       string // SquadNorm(pred)
		f1         float64
		em         bool
	}{
		{"The Panthers", "Panthers", "panthers", 1, true},
		{"Denver Broncos", "the Denver Broncos!", "denver broncos", 1, true},
		{"in 2009", "2009", "in 2009", 2.0 / 3, false},
		{"an apple a day", "apple", "apple day", 2.0 / 3, false},
		{"Théo's answer", "theo", "théos answer", 0, false},
		{"", "x", "", 0, false},
		{"A.B.C.", "abc", "abc", 1, true},
		{"the the the", "the", "", 0, true},
		{"ÉCOLE — normale", "école normale", "école — normale", 0.8, false},
		{"2 2 3", "2 3 3", "2 2 3", 2.0 / 3, false},
		{"thé", "the", "thé", 0, false},
	}
	for _, tt := range tests {
		if got := SquadNorm(tt.pred); got != tt.norm {
			t.Errorf("SquadNorm(%q) = %q, want %q", tt.pred, got, tt.norm)
		}
		if got := SquadF1(tt.pred, tt.gold); math.Abs(got-tt.f1) > 1e-9 {
			t.Errorf("SquadF1(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.f1)
		}
		if got := SquadEM(tt.pred, tt.gold); got != tt.em {
			t.Errorf("SquadEM(%q, %q) = %v, want %v", tt.pred, tt.gold, got, tt.em)
		}
	}
	if f1, em := BestF1("in 2009", []string{"2010", "2009"}); math.Abs(f1-2.0/3) > 1e-9 || em {
		t.Errorf("BestF1 = %v %v, want 0.667 false", f1, em)
	}
}
