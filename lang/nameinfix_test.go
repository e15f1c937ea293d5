package lang

import (
	"testing"
)

func TestMarkNameInfixes(t *testing.T) {
	tests := []struct {
		name, text string
		words      int
		letters    int
		want       []bool // name flags after marking
	}{
		{"title of two words between names", "hvem laget Return of the Harbour", 2, 3, []bool{false, false, true, true, true, true}},
		{"particle of a name", "When did Olaf von Brennberg die", 2, 3, []bool{false, false, true, true, true, false}},
		{"run too long", "bor Olaf and the old Brennberg", 2, 3, []bool{false, true, false, false, false, true}},
		{"word too long", "bor Olaf with Brennberg", 2, 3, []bool{false, true, false, true}},
		{"no name after", "Olaf of the harbour", 2, 3, []bool{false, false, false, false}},
		{"off", "hvem laget Return of the Harbour", 0, 0, []bool{false, false, true, false, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := detectWords(tt.text, nil)
			markNameInfixes(words, tt.words, tt.letters)
			if len(words) != len(tt.want) {
				t.Fatalf("%d words, want %d", len(words), len(tt.want))
			}
			for i, w := range words {
				if w.name != tt.want[i] {
					t.Errorf("%q: name %v, want %v", w.text, w.name, tt.want[i])
				}
			}
		})
	}
}
