package timex_test

import (
	"strings"
	"testing"

	"github.com/qabot/qabot/corpus/timex"
)

// pathologicalUnits start rules and repeat: "the the the", "2014–2014–".
// Runs of them once made parsing quadratic (minutes for 16 KB).
var pathologicalUnits = []string{"the ", "early ", "2014–", "l'", "from 2014 to ", "in ", "de ", "7 ", "every ", "a ", "Monday, ", "July 2014, July, ", "l'année dernière ", "1990s "}

// TestPathologicalInputs guards against quadratic parsing without a clock:
// the parser's lexicon lookups for four times the text must stay within
// five times those for the text (linear work gives four; quadratic,
// sixteen). Extract runs on the long text too, so resolution is exercised;
// its speed is BenchmarkExtractPathological's to measure.
func TestPathologicalInputs(t *testing.T) {
	langs := mustLanguages(t)
	for _, unit := range pathologicalUnits {
		short := strings.Repeat(unit, 2000/len(unit))
		long := strings.Repeat(unit, 8000/len(unit))
		for code, l := range langs {
			a, b := timex.ParseLookups(l, short), timex.ParseLookups(l, long)
			if a == 0 || b > 5*a {
				t.Errorf("%s: %q repeated: %d lookups for %d bytes, %d for %d: want linear", code, unit, a, len(short), b, len(long))
			}
			x := &timex.Extractor{Lang: l}
			x.Extract(long, testRef)
		}
	}
}

func BenchmarkExtractPathological(b *testing.B) {
	langs := mustLanguages(b)
	l := langs["en"]
	x := &timex.Extractor{Lang: l}
	texts := make([]string, len(pathologicalUnits))
	for i, unit := range pathologicalUnits {
		texts[i] = strings.Repeat(unit, 16000/len(unit))
	}
	b.ResetTimer()
	for b.Loop() {
		for _, text := range texts {
			x.Extract(text, testRef)
		}
	}
}
