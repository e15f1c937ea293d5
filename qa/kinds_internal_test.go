package qa

import (
	"testing"

	"github.com/qabot/qabot/lang"
)

// Every answer kind the languages' questions.tsv may name is registered,
// with the rules that cut its answer, and nothing else is.
func TestKindsRegistered(t *testing.T) {
	for _, k := range lang.Kinds() {
		spec, ok := kinds[k]
		if !ok {
			t.Errorf("kind %q is not in qa's kinds table (qa/kinds.go)", k)
			continue
		}
		if spec.extract == nil {
			t.Errorf("kind %q has no extract rules", k)
		}
	}
	if len(kinds) != len(lang.Kinds()) {
		t.Errorf("kinds table has %d kinds, lang.Kinds() %d", len(kinds), len(lang.Kinds()))
	}
}
