package qa

import (
	"context"
	"reflect"
	"slices"
	"testing"

	"github.com/qabot/qabot/internal/gencorpus"
)

// TestForgetQuestionCaches checks the benchmarks' cold hook: after
// questions over articles in several languages filled the engine's memos,
// ForgetQuestionCaches empties every one of them, and the answers asked
// cold are the answers asked warm.
func TestForgetQuestionCaches(t *testing.T) {
	g := gencorpus.First(30, 6, 2)
	e, err := Load(g.FS(), detectingOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(e.articleLangs) < 2 {
		t.Fatalf("articles in %v: the memos serve readings in other languages than the articles'", e.articleLangs)
	}
	ask := func(text string) Answer {
		a, err := e.Ask(context.Background(), Question{Text: text})
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		return a
	}
	warm := make([]Answer, len(g.Questions))
	for i, q := range g.Questions {
		ask(q.Text)
		warm[i] = ask(q.Text)
	}
	renderings := func() (n int) {
		for _, lt := range e.res.translations {
			if lt.concepts != nil {
				n += len(lt.concepts.cache.m)
			}
		}
		for _, lt := range e.res.pairs.m {
			if lt.concepts != nil {
				n += len(lt.concepts.cache.m)
			}
		}
		return n
	}
	lateStems := func() (n int) {
		for _, an := range e.analyzers {
			if an.late != nil {
				n += len(an.late.m)
			}
		}
		return n
	}
	spanDocs := func() (n int) {
		for i := range e.spanDocs.docs {
			if e.spanDocs.docs[i].Load() != nil {
				n++
			}
		}
		return n
	}
	sizes := func() [4]int { return [4]int{len(e.groups.m), renderings(), lateStems(), spanDocs()} }
	if got := sizes(); slices.Contains(got[:], 0) {
		t.Fatalf("memo sizes (groups, renderings, late stems, span docs) after asking: %v, want every one filled", got)
	}
	for i, q := range g.Questions {
		ForgetQuestionCaches(e)
		if got := sizes(); got != [4]int{} {
			t.Fatalf("memo sizes (groups, renderings, late stems, span docs) after ForgetQuestionCaches: %v, want none", got)
		}
		if cold := ask(q.Text); !reflect.DeepEqual(cold, warm[i]) {
			t.Errorf("%q asked cold:\n got %+v\nwant %+v (warm)", q.Text, cold, warm[i])
		}
	}
}
