package qa

import "testing"

// TestOwnIDF checks the ceiling on what an alternative may score: the idf
// of the word the user wrote, or, for a word that translates to several
// article words alike, of the commonest of them.
func TestOwnIDF(t *testing.T) {
	e := storeEngine(t)
	idf := func(stem string) float64 {
		t.Helper()
		tid, ok := e.idx.termID(stem)
		if !ok {
			t.Fatalf("stem %q not in the index", stem)
		}
		return e.idx.idf[tid]
	}
	common, rare := idf("harbour"), idf("quay")
	if !(common < rare) {
		t.Fatalf("idf(harbour) = %v, idf(quay) = %v; the test needs harbour commoner", common, rare)
	}
	tests := []struct {
		name string
		alts []alt
		want float64
	}{
		{"the word itself", []alt{{stems: []string{"quay"}, weight: weightExact}, {stems: []string{"harbour"}, weight: weightSynonym}}, rare},
		{"two full translations, rare first", []alt{{stems: []string{"quay"}, weight: weightTranslated}, {stems: []string{"harbour"}, weight: weightTranslated}}, common},
		{"two full translations, common first", []alt{{stems: []string{"harbour"}, weight: weightTranslated}, {stems: []string{"quay"}, weight: weightTranslated}}, common},
		{"a translation the corpus lacks", []alt{{stems: []string{"nowhere"}, weight: weightTranslated}, {stems: []string{"quay"}, weight: weightTranslated}}, rare},
		{"a corrected misspelling", []alt{{stems: []string{"quay"}, weight: weightCorrected}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := e.ownIDF(termGroup{alts: tt.alts}); got != tt.want {
				t.Errorf("ownIDF = %v, want %v", got, tt.want)
			}
		})
	}
}
