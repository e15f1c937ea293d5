package qa

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/lang"
)

// TestConceptCache checks that a concept table gives the same renderings
// from its cache as computed afresh and that the cache stays bounded.
// What it gives is to read only: TestParseAgainAlike checks that readings
// of questions leave it so.
func TestConceptCache(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	fr, _ := reg.Get("fr")
	en, _ := reg.Get("en")
	tab := newConceptTable(fr, en, weightTranslated)
	if tab == nil {
		t.Fatal("no French-English concept table")
	}
	fresh := func(key string) []alt {
		if senses := tab.from.Senses(key); len(senses) > 0 {
			return tab.render(key, senses)
		}
		return nil
	}
	opt := cmp.AllowUnexported(alt{})
	an := &analyzer{l: fr, memo: map[string]string{}}
	rendered := 0
	for _, w := range []string{"maison", "ville", "élection", "président", "coûter", "xyzzy"} {
		st := an.stem(w)
		want := fresh(st)
		for i := range 2 {
			got, n := tab.match([]string{st})
			if len(want) == 0 {
				if n != 0 || len(got) != 0 {
					t.Fatalf("%q (try %d): %d renderings, want none", w, i, len(got))
				}
				continue
			}
			rendered++
			if diff := cmp.Diff(want, got, opt); diff != "" || n != 1 {
				t.Fatalf("%q (try %d): renderings differ (-fresh +cached), n = %d:\n%s", w, i, n, diff)
			}
		}
	}
	if rendered < 6 {
		t.Fatalf("%d renderings compared: the test checks too little", rendered)
	}
	if len(tab.cache.m) == 0 {
		t.Fatal("nothing cached")
	}
	for i := range maxRendered + 10 {
		tab.match([]string{fmt.Sprintf("nokey%d", i)})
	}
	if n := len(tab.cache.m); n > maxRendered {
		t.Fatalf("cache holds %d phrases, bound %d", n, maxRendered)
	}
}
