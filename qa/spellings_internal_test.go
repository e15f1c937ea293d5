package qa

import "testing"

// TestSpellingsKeepAWordsOwnStem: "tren" is a word of the corpus (stem
// "tre") and the stem of "trener". Misspellings must reach the stem of the
// word itself in every build, whatever order the vocabulary map gives.
func TestSpellingsKeepAWordsOwnStem(t *testing.T) {
	vocab := map[string]string{"trener": "tren", "tren": "tre", "båt": "båt", "båten": "båt"}
	for range 100 {
		spell := spellingsOf(vocab)
		want := map[string]string{"trener": "tren", "tren": "tre", "tre": "tre", "båt": "båt", "båten": "båt"}
		if len(spell) != len(want) {
			t.Fatalf("spellings = %v, want %v", spell, want)
		}
		for w, st := range want {
			if spell[w] != st {
				t.Fatalf("spellings[%q] = %q, want %q (all: %v)", w, spell[w], st, spell)
			}
		}
	}
}
