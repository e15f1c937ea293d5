package lang

import (
	"slices"
	"testing"
)

// TestNearKeys: an inflected question word whose stem is not a key of its
// language's concept table finds the keys of its dictionary form, and
// nothing else is touched.
func TestNearKeys(t *testing.T) {
	reg := mustLoad(t)
	for _, tc := range []struct {
		lang, word string
		want       string // a key among the near ones; "" for none at all
	}{
		{"ru", "органу", "орга"},      // орган -> орга
		{"ru", "уровне", "уровен"},    // уровень -> уровен
		{"de", "nennt", "nenn"},       // nennen -> nenn
		{"de", "heiratete", "heirat"}, // heiraten -> heirat
		{"ru", "орган", ""},           // орга itself is a key: no near keys
		{"de", "nutzte", ""},          // only Nutztier is near: another word
		{"de", "heiraten", ""},        // a key
		{"de", "ab", ""},              // too short to look near
		{"ru", "принят", "приня"},     // принять -> приня: Russian writes no compounds
	} {
		l := mustGet(t, reg, tc.lang)
		stem := Fold(l.Stem(tc.word))
		got := l.Concepts().NearKeys(stem)
		switch {
		case tc.want == "" && got != nil:
			t.Errorf("%s %q (%s): near keys %q, want none", tc.lang, tc.word, stem, got)
		case tc.want != "" && !slices.Contains(got, tc.want):
			t.Errorf("%s %q (%s): near keys %q, want %q among them", tc.lang, tc.word, stem, got, tc.want)
		}
	}
}

// TestConceptWords: the word list NearKeys searches is every one-word key
// Keys gives, sorted, for each embedded language.
func TestConceptWords(t *testing.T) {
	for _, l := range mustLoad(t).Languages() {
		c := l.Concepts()
		var want []string
		c.Keys(func(key string) bool { want = append(want, key); return true })
		slices.Sort(want)
		if got := c.words(); !slices.Equal(got, want) || len(got) == 0 {
			t.Errorf("%s: words() has %d keys, Keys gives %d (equal: %t)", l.Code, len(got), len(want), slices.Equal(got, want))
		}
	}
}
