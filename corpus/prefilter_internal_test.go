package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/qabot/qabot/lang"
)

// TestLiteralFilter shows what the filter makes of the shapes
// the furniture rules use.
func TestLiteralFilter(t *testing.T) {
	tests := []struct {
		expr  string
		exact []string
		any   []string
	}{
		{`^(?:share|save|follow( us)?)$`, []string{"share", "save", "follow", "follow us"}, nil},
		{`^(?:.*\b(reporter|editor)\b.*)$`, nil, []string{"reporter", "editor"}},
		{`^(?:\d+\s+(seconds?|days?)\s+ago)$`, nil, []string{"ago"}}, // as long as "day", and one string
		{`^(?:receive .*news.*)$`, nil, []string{"receive "}},
		{`^(?:[_*=~]{3,}|[•·]+)$`, nil, []string{"**", "*=", "*_", "*~", "=*", "==", "=_", "=~", "_*", "_=", "__", "_~", "~*", "~=", "~_", "~~", "·", "•"}},
		{`^(?:(?-i)[A-Z]+\s+[-–]\s+\p{Lu})$`, nil, []string{"-", "–"}},
		{`^(?:.*)$`, nil, nil},
		{`^(?:(?i)share)$`, nil, nil}, // folded case: left to the matcher
		{`^(?:[^b]\p{L})$`, nil, nil}, // a class that holds U+FFFD, and a large one
		{`^(?:\p{L}+ \d{4})$`, nil, []string{" "}},
	}
	for _, tt := range tests {
		f := newLiteralFilter(tt.expr)
		var exact []string
		for s := range f.exact {
			exact = append(exact, s)
		}
		slices.Sort(exact)
		want := slices.Sorted(slices.Values(tt.exact))
		if fmt.Sprint(exact) != fmt.Sprint(want) || (f.exact == nil) != (tt.exact == nil) {
			t.Errorf("newLiteralFilter(%q).exact = %q, want %q", tt.expr, exact, want)
		}
		got := slices.Sorted(slices.Values(f.any))
		if fmt.Sprint(got) != fmt.Sprint(slices.Sorted(slices.Values(tt.any))) || (f.any == nil) != (tt.any == nil) {
			t.Errorf("newLiteralFilter(%q).any = %q, want %q", tt.expr, got, tt.any)
		}
	}
}

// furnitureOfEveryLanguage returns the furniture rules of each language
// with a furniture file, and of English.
func furnitureOfEveryLanguage(tb testing.TB) []*Furniture {
	tb.Helper()
	var out []*Furniture
	for _, code := range []string{"en", "de", "es", "fr", "hu", "it", "nb", "pt", "ru", "sv"} {
		c, err := NewCleanerFor(lang.Data, code)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, c.Furniture)
	}
	return out
}

// checkFilters fails when a rule's filter turns away a line its
// expression matches.
func checkFilters(t *testing.T, fs []*Furniture, line string) {
	lower := strings.ToLower(line)
	for _, f := range fs {
		for _, r := range f.rules {
			in := lower
			if r.cased {
				in = line
			}
			if r.re.MatchString(in) && !r.filter.mayMatch(in) {
				t.Errorf("rule %s turns away %q, which it matches", r.re, in)
			}
		}
	}
}

// TestFurnitureFiltersKeepMatches runs every furniture rule over the lines
// of the test pages, with and without its filter.
func TestFurnitureFiltersKeepMatches(t *testing.T) {
	fs := furnitureOfEveryLanguage(t)
	var files []string
	for _, glob := range []string{"../testdata/articles/*.txt", "../testdata/langarticles/*.txt", "../seeds/*.txt", "testdata/*.txt"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 5 {
		t.Fatalf("found %d test pages, want the test articles and seeds", len(files))
	}
	lines, matched, turnedAway := 0, 0, 0
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(raw), "\n") {
			line = strings.TrimSpace(line)
			lines++
			checkFilters(t, fs, line)
			if _, _, ok := fs[0].match(line); ok {
				matched++
			}
			for _, r := range fs[0].rules {
				if !r.filter.mayMatch(strings.ToLower(line)) {
					turnedAway++
				}
			}
		}
	}
	// The filters must do their job too: most lines hold no rule's words.
	if matched == 0 || turnedAway < lines*len(fs[0].rules)/2 {
		t.Errorf("%d lines, %d furniture, filters turned away %d of %d rule runs: want the furniture found and over half the runs spared",
			lines, matched, turnedAway, lines*len(fs[0].rules))
	}
}

func FuzzFurnitureFilters(f *testing.F) {
	for _, s := range []string{"Share", "by Jane Doe", "Reporting by X; editing by Y", "3 min read", "AP - JOHN SMITH",
		"----", "•••", "Updated 12 March 2024, 10:15", "(Reuters photo)", "Image caption, A man", "\xff\xfeshare", "ΑΠΕ – ΜΠΕ"} {
		f.Add(s)
	}
	fs := furnitureOfEveryLanguage(f)
	f.Fuzz(func(t *testing.T, line string) {
		checkFilters(t, fs, line)
	})
}
