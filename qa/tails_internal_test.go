package qa

import (
	"slices"
	"testing"
)

// runeTails is what addTails files a stem under, written the plain way:
// the stem converted to runes and each tail converted back.
func runeTails(st string) []string {
	var out []string
	rs := []rune(st)
	for i := minCompoundHead; i+minCompoundTail <= len(rs); i++ {
		out = append(out, string(rs[i:]))
	}
	return out
}

func TestAddTails(t *testing.T) {
	tests := []struct {
		stem string
		want []string
	}{
		{"attack", nil}, // too short for head and tail
		{"counterattack", []string{"nterattack", "terattack", "erattack", "rattack", "attack", "ttack", "tack"}},
		{"fußballspiel", []string{"ballspiel", "allspiel", "llspiel", "lspiel", "spiel", "piel"}},
		{"землетрясени", []string{"летрясени", "етрясени", "трясени", "рясени", "ясени", "сени"}},
		{"abcdefg", []string{"defg"}},              // exactly head plus tail
		{"ab\xffdefgh", []string{"defgh", "efgh"}}, // invalid byte: one rune, as conversion reads it
		{"abc\xffefgh", []string{"\ufffdefgh", "efgh"}},
		{"", nil},
	}
	for _, tt := range tests {
		m := map[string][]string{}
		addTails(m, tt.stem)
		var got []string
		for tail, stems := range m {
			if !slices.Equal(stems, []string{tt.stem}) {
				t.Errorf("addTails(%q): tail %q files %q, want the stem once", tt.stem, tail, stems)
			}
			got = append(got, tail)
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) {
			t.Errorf("addTails(%q) = %q, want %q", tt.stem, got, want)
		}
		if ref := slices.Sorted(slices.Values(runeTails(tt.stem))); !slices.Equal(got, ref) {
			t.Errorf("addTails(%q) = %q, rune conversion gives %q", tt.stem, got, ref)
		}
	}
}
