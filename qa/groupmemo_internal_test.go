package qa

import (
	"os"
	"reflect"
	"testing"

	"github.com/qabot/qabot/internal/gencorpus"
)

// TestGroupMemoReadsAsFresh reads questions over articles in several
// languages twice: each with an empty memo of groups, then each again
// after every question filled the memo, so that words come back from
// other questions, at other places and amid other words. Both readings
// must be the same query.
func TestGroupMemoReadsAsFresh(t *testing.T) {
	opts := detectingOptions(t)
	langQs := questionTexts(t, "../testdata/eval/langarticles/*.jsonl")
	// The same words at other places and amid other spacing: a hit
	// redoes the surface from the question's own text.
	langQs = append(langQs,
		"wer hat eine überprüfung eingeleitet",
		"eine  Überprüfung:   wer hat sie eingeleitet?",
		"how many people had to leave vernaz?",
		"Vernaz: how many   people had to leave?",
		"where did the twenty-three villagers go?",
	)
	g := gencorpus.Generate(40, 3, 2)
	var genQs []string
	for _, q := range g.Questions {
		genQs = append(genQs, q.Text)
	}
	for _, s := range []struct {
		name      string
		load      func() (*Engine, error)
		questions []string
	}{
		{"langarticles", func() (*Engine, error) { return Load(os.DirFS("../testdata/langarticles"), opts) }, langQs},
		{"generated", func() (*Engine, error) { return Load(g.FS(), opts) }, genQs},
	} {
		t.Run(s.name, func(t *testing.T) {
			e, err := s.load()
			if err != nil {
				t.Fatal(err)
			}
			if len(e.articleLangs) < 2 {
				t.Fatalf("articles in %v: the memo serves readings in other languages than the articles'", e.articleLangs)
			}
			fresh := make([]*query, len(s.questions))
			for i, text := range s.questions {
				e.groups = &groupMemo{}
				fresh[i] = e.parse(text, e.questionLanguage(text, Question{}))
			}
			e.groups = &groupMemo{}
			for _, text := range s.questions {
				e.parse(text, e.questionLanguage(text, Question{}))
			}
			if len(e.groups.m) == 0 {
				t.Fatal("no group was kept")
			}
			for i, text := range s.questions {
				got := e.parse(text, e.questionLanguage(text, Question{}))
				if !reflect.DeepEqual(got, fresh[i]) {
					t.Errorf("%q: read with the memo filled, the query differs from a fresh reading:\n got %+v\nwant %+v", text, got, fresh[i])
				}
			}
		})
	}
}
