package timex_test

import (
	"strings"
	"testing"
	"time"

	"github.com/qabot/qabot/corpus/timex"
)

// TestPathologicalInputs guards against quadratic parsing: long runs of
// words that start rules ("the the the", "2014–2014–") once took minutes.
// The bound is loose so that a loaded machine does not fail it (3.7 s
// was seen under the race detector at a load average of 20 on 2 cores);
// a quadratic regression takes minutes.
func TestPathologicalInputs(t *testing.T) {
	langs := mustLanguages(t)
	units := []string{"the ", "early ", "2014–", "l'", "from 2014 to ", "in ", "de ", "7 ", "every ", "a ", "Monday, ", "July 2014, July, ", "l'année dernière ", "1990s "}
	for _, unit := range units {
		text := strings.Repeat(unit, 16000/len(unit))
		for code, l := range langs {
			x := &timex.Extractor{Lang: l}
			start := time.Now()
			x.Extract(text, testRef)
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("%s: Extract(%q x %d) took %v, want well under 20s", code, unit, 16000/len(unit), d)
			}
		}
	}
}
