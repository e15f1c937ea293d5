package corpus

import (
	"strings"
	"testing"
)

// hasLowerSuffix must agree with strings.HasSuffix(strings.ToLower(s), suffix),
// which it replaces for ASCII names.
func TestHasLowerSuffix(t *testing.T) {
	for _, c := range []struct {
		s, suffix string
		want      bool
	}{
		{"Anna Berg", " berg", true},
		{"Anna BERG", " berg", true},
		{"Anna Berg", " Berg", false}, // the suffix is lower case already
		{"Anna Bergman", " berg", false},
		{"Berg", " berg", false},
		{"", " berg", false},
		{"Anna Berg", "", true},
		{"Ольга Ветрова", " ветрова", true},
		{"Ольга ВЕТРОВА", " ветрова", true},
		{"Anna Ström", " ström", true},
		{"Anna Berg", " bërg", false},
	} {
		if got := hasLowerSuffix(c.s, c.suffix); got != c.want || got != strings.HasSuffix(strings.ToLower(c.s), c.suffix) {
			t.Errorf("hasLowerSuffix(%q, %q) = %v, want %v", c.s, c.suffix, got, c.want)
		}
	}
}
