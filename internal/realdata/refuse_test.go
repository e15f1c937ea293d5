package realdata_test

import (
	"errors"
	"os"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/internal/realdata"
	"github.com/qabot/qabot/lang"
)

// TestNoArticleRefused parses every article of every real-data set, as
// realeval and the binary read them: none may be refused as having no
// article text (issue 10: no real article refused).
func TestNoArticleRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("reads every real-data article")
	}
	fsys := os.DirFS(dataDir)
	files, err := realdata.Files(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	q := realdata.NewQabot(reg)
	n := 0
	seen := map[string]bool{} // the xquad-dev sets share their articles
	for _, f := range files {
		// 0: no paragraphs held out, those articles are parts of these.
		s, err := realdata.ReadFile(fsys, f, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range s.Articles {
			if seen[a.Lang+string(a.Page())] {
				continue
			}
			seen[a.Lang+string(a.Page())] = true
			n++
			if _, err := q.Parse(a); err != nil {
				if errors.Is(err, corpus.ErrNoText) {
					t.Errorf("%s: %q refused: %v", s.Name, a.Title, err)
				} else {
					t.Errorf("%s: %q: %v", s.Name, a.Title, err)
				}
			}
		}
	}
	if n < 1000 {
		t.Errorf("parsed %d articles, want the whole data", n)
	}
}
