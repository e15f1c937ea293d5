package lang

import (
	"maps"
	"slices"
	"testing"
)

// TestSortedWordsSearch checks that SortedWords finds where a prefix
// begins exactly where a binary search over the strings does, for
// prefixes shorter and longer than the four bytes it indexes, in and out
// of the list, and in scripts of several bytes a letter.
func TestSortedWordsSearch(t *testing.T) {
	words := []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdf", "abce", "abd", "b", "attack", "attacked", "attacks",
		"cyberattack", "zz", "zzzz", "zzzzz", "\xff\xff\xff\xff", "\xff\xff\xff\xffa", "органу", "орган", "орга", "умер", "умерл", "умерет", "über", "nutz", "nutzt"}
	slices.Sort(words)
	s := NewSortedWords(words)
	probes := append(slices.Clone(words), "aa", "abcc", "abcdd", "abcz", "attac", "attackz", "c", "zzz", "zzzzzz", "\xff", "\xff\xff\xff\xff\xff", "орг", "органы", "умерший", "übe", "nut", "nutzen")
	for _, p := range probes {
		want, _ := slices.BinarySearch(words, p)
		if got := s.Search(p); got != want {
			t.Errorf("Search(%q) = %d, want %d (slices.BinarySearch)", p, got, want)
		}
	}
}

// TestSortedWordsEndingVariants checks that the ending variants found
// through SortedWords are EndingVariants' over the plain list.
func TestSortedWordsEndingVariants(t *testing.T) {
	words := []string{"attack", "attacked", "attacker", "attacks", "attic", "органу", "орган", "орга", "органы", "умер", "умерл", "умерет", "трубк", "труб", "nutz", "nutzt", "nutzen"}
	slices.Sort(words)
	s := NewSortedWords(words)
	tests := []struct {
		stem string
		want map[string]int
	}{
		{"attack", map[string]int{"attacked": 6, "attacker": 6, "attacks": 6}},
		{"attacke", map[string]int{"attack": 6, "attacked": 7, "attacker": 7, "attacks": 6}},
		{"attacking", nil},
		{"умерл", map[string]int{"умер": 4, "умерет": 4}},
		{"трубк", map[string]int{"труб": 4}},
		{"орг", nil},
		{"xyzzy", nil},
	}
	for _, tt := range tests {
		got := maps.Collect(s.EndingVariants(tt.stem))
		plain := maps.Collect(EndingVariants(words, tt.stem))
		if !maps.Equal(got, plain) {
			t.Errorf("SortedWords.EndingVariants(%q) = %v, EndingVariants = %v", tt.stem, got, plain)
		}
		if !maps.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("EndingVariants(%q) = %v, want %v", tt.stem, got, tt.want)
		}
	}
}
