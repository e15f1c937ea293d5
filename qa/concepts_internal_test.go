package qa

import (
	"slices"
	"strings"
	"testing"

	"github.com/qabot/qabot/lang"
)

func conceptLangs(t *testing.T, codes ...string) []*lang.Language {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	var out []*lang.Language
	for _, c := range codes {
		l, ok := reg.Get(c)
		if !ok {
			t.Fatalf("no language %s", c)
		}
		out = append(out, l)
	}
	return out
}

func altStems(alts []alt) []string {
	var out []string
	for _, a := range alts {
		out = append(out, strings.Join(a.stems, " "))
	}
	return out
}

// TestConceptTablePairs translates between pairs of languages through the
// concepts they share, English or not, with the best rendering first at
// full weight.
func TestConceptTablePairs(t *testing.T) {
	ls := conceptLangs(t, "es", "de", "en", "ru")
	es, de, en, ru := ls[0], ls[1], ls[2], ls[3]
	an := func(l *lang.Language) *analyzer { return &analyzer{l: l, memo: map[string]string{}} }
	tests := []struct {
		from, to *lang.Language
		word     string
		want     string // a word of to that must be among the renderings
	}{
		{es, en, "gobierno", "government"},
		{de, en, "Regierung", "government"},
		{ru, en, "правительство", "government"},
		{de, es, "Regierung", "gobierno"},
		{es, de, "gobierno", "Regierung"},
		{en, ru, "government", "правительство"},
	}
	for _, tt := range tests {
		t.Run(tt.from.Code+"-"+tt.to.Code, func(t *testing.T) {
			tab := newConceptTable(tt.from, tt.to, weightTranslated)
			alts, n := tab.match([]string{an(tt.from).stem(tt.word), "zzz"})
			if n != 1 || len(alts) == 0 {
				t.Fatalf("match(%q) = %v, %d", tt.word, altStems(alts), n)
			}
			if alts[0].weight != weightTranslated {
				t.Errorf("best rendering weighs %v, want %v", alts[0].weight, weightTranslated)
			}
			want := strings.Join(an(tt.to).stems(tt.want), " ")
			if !slices.Contains(altStems(alts), want) {
				t.Errorf("renderings of %q: %v, want %q among them", tt.word, altStems(alts), want)
			}
			for i := 1; i < len(alts); i++ {
				if alts[i].weight > alts[i-1].weight {
					t.Errorf("renderings not heaviest first: %v", alts)
				}
			}
		})
	}
}

// TestConceptTablePhrase matches the longest phrase of the table, and an
// English table gives synonyms without the word itself.
func TestConceptTablePhrase(t *testing.T) {
	en := conceptLangs(t, "en")[0]
	an := &analyzer{l: en, memo: map[string]string{}}
	syn := newConceptTable(en, en, weightSynonym)
	stems := []string{an.stem("prime"), an.stem("minister"), an.stem("resigned")}
	if alts, n := syn.match(stems); n != 2 || !slices.Contains(altStems(alts), "premier") {
		t.Errorf("match(prime minister resigned) = %v, %d; want premier for 2 words", altStems(alts), n)
	}
	alts, _ := syn.match([]string{an.stem("attack")})
	if slices.Contains(altStems(alts), "attack") {
		t.Errorf("synonyms of attack list attack itself: %v", altStems(alts))
	}
	if len(alts) == 0 || alts[0].weight != weightSynonym {
		t.Errorf("synonyms of attack: %v", alts)
	}
	if alts, n := syn.match([]string{"zzzz"}); n != 0 || alts != nil {
		t.Errorf("match(zzzz) = %v, %d", alts, n)
	}
}

// TestTablesPool checks how the bilingual files and the concept table
// combine: the longest phrase wins, equal phrases pool their renderings
// with the file's first.
func TestTablesPool(t *testing.T) {
	a := newStemTable()
	a.add("x", 1, alt{stems: []string{"one"}, weight: 1})
	a.add("x y", 2, alt{stems: []string{"two"}, weight: 1})
	b := newStemTable()
	b.add("x", 1, alt{stems: []string{"uno"}, weight: 0.5})
	b.add("x", 1, alt{stems: []string{"one"}, weight: 0.7})
	ts := tables{a, b}
	if alts, n := ts.match([]string{"x", "y"}); n != 2 || !slices.Equal(altStems(alts), []string{"two"}) {
		t.Errorf("match(x y) = %v, %d", altStems(alts), n)
	}
	alts, n := ts.match([]string{"x", "z"})
	if n != 1 || !slices.Equal(altStems(alts), []string{"one", "uno"}) || alts[0].weight != 1 {
		t.Errorf("match(x z) = %v, %d", alts, n)
	}
	if alts, n := (tables{nil, (*conceptTable)(nil)}).match([]string{"x"}); n != 0 || alts != nil {
		t.Errorf("empty tables matched: %v %d", alts, n)
	}
}

// TestConceptTableCommonWord renders a concept in the common word that
// says it, though that word has many senses, and not only in the rare
// words that have it as their one sense ("time" for "время", not only
// "clock time").
func TestConceptTableCommonWord(t *testing.T) {
	ls := conceptLangs(t, "ru", "de", "en")
	ru, de, en := ls[0], ls[1], ls[2]
	an := func(l *lang.Language) *analyzer { return &analyzer{l: l, memo: map[string]string{}} }
	tests := []struct {
		from, to   *lang.Language
		word, want string
	}{
		{ru, en, "время", "time"},
		{de, en, "Zeit", "time"},
	}
	for _, tt := range tests {
		alts, _ := newConceptTable(tt.from, tt.to, weightTranslated).match([]string{an(tt.from).stem(tt.word)})
		if want := an(tt.to).stem(tt.want); !slices.Contains(altStems(alts), want) {
			t.Errorf("renderings of %q in %s: %v, want %q among them", tt.word, tt.to.Code, altStems(alts), want)
		}
	}
}
