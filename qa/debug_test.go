package qa

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/seeds"
)

func TestDebugRank(t *testing.T) {
	qs := os.Getenv("QS")
	if qs == "" {
		t.Skip()
	}
	p, _ := corpus.NewParser()
	c, _ := corpus.Load(seeds.FS, p)
	reg, _ := lang.Load(lang.Data)
	e, err := New(c, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range strings.Split(qs, ";") {
		l, _ := reg.Get("en")
		if lc := os.Getenv("QL"); lc != "" {
			l, _ = reg.Get(lc)
		}
		q := e.parse(text, l)
		fmt.Printf("Q %q kind=%s focus=%v\n", text, q.kind, q.focus)
		for _, g := range q.group {
			fmt.Printf("  group %q idf=%.2f unknown=%v alts=%v\n", g.surface, g.idf, g.unknown, g.alts)
		}
		for i, r := range e.rank(q) {
			if i >= 4 {
				break
			}
			fmt.Printf("  %.2f cov=%.2f [%d] %.80s\n", r.score, r.coverage, r.doc, e.idx.docs[r.doc].sentence.Text)
		}
	}
}
