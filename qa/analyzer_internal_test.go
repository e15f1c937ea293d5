package qa

import (
	"fmt"
	"sync"
	"testing"

	"github.com/qabot/qabot/lang"
)

// TestFrozenAnalyzerStems checks that a frozen analyzer stems the words
// its memo lacks as Snowball does, keeps them (bounded) for the next
// question, and may be read by concurrent questions (go test -race).
func TestFrozenAnalyzerStems(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	es, ok := reg.Get("es")
	if !ok {
		t.Fatal("no Spanish")
	}
	an := &analyzer{l: es, memo: map[string]string{}}
	an.stem("habitantes")
	an.freeze()
	words := []string{"habitantes", "Cuántos", "costó", "estadio", "inauguraron"}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for _, w := range words {
				if got, want := an.stem(w), lang.Fold(es.Stem(w)); got != want {
					t.Errorf("stem(%q) = %q, want %q", w, got, want)
				}
			}
		})
	}
	wg.Wait()
	if _, ok := an.memo["Cuántos"]; ok {
		t.Error("a frozen memo was written")
	}
	if _, ok := an.late.get("Cuántos"); !ok {
		t.Error("a question's word was not kept")
	}
	for i := range maxLateStems + 1 {
		an.stem(fmt.Sprintf("palabra%d", i))
	}
	if n := len(an.late.m); n > maxLateStems {
		t.Errorf("the cache holds %d words, more than %d", n, maxLateStems)
	}
}
