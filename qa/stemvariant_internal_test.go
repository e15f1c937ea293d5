package qa

import (
	"slices"
	"testing"
)

// TestStemVariants: a stem the corpus lacks finds the corpus stems that
// differ from it only in their last letters, and nothing looser.
func TestStemVariants(t *testing.T) {
	ix := &index{termIDs: map[string]int32{}}
	for i, st := range []string{"умер", "умереть", "труб", "трубопровод", "тепл", "лодк", "bridg", "bridgeton"} {
		ix.termIDs[st] = int32(i)
	}
	tests := []struct {
		stem string
		want []string
	}{
		{"умерл", []string{"умер"}},             // one letter more
		{"умерет", []string{"умер", "умереть"}}, // two letters more; one less
		{"трубк", []string{"труб"}},             // not трубопровод: too far
		{"труб", nil},                           // in the corpus itself
		{"тепло", []string{"тепл"}},
		{"лод", nil}, // shorter than the shortest shared beginning
		{"bridges", []string{"bridg"}},
		{"bright", nil},
	}
	for _, tt := range tests {
		if got := ix.stemVariants(tt.stem); !slices.Equal(got, tt.want) {
			t.Errorf("stemVariants(%q) = %q, want %q", tt.stem, got, tt.want)
		}
	}
}
