package qa

import (
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
)

// TestNamesAcrossScripts: a name in Latin letters finds its inflected
// Cyrillic form in a Russian article, and a Cyrillic name its Latin
// spelling in an English one, through their LatinKey. The articles and
// names are invented.
func TestNamesAcrossScripts(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, article, articleLang, question, questionLang, word, want string
	}{
		{
			"latin question, cyrillic article", "Порт Зеленодольска\n\nВ понедельник губернатор встретился с Ильёй Воронцовым в порту Зеленодольска. Воронцов руководит портом с 2019 года.\n",
			"ru", "when did the governor meet Vorontsov in Zelenodolsk?", "en", "Zelenodolsk", "зеленодольск",
		},
		{
			"cyrillic question, latin article", "Harbour of Kelmora\n\nOn Monday the governor met Ilya Vorontsov at the harbour of Kelmora. Vorontsov has run the harbour since 2019.\n",
			"en", "Когда губернатор встретился с Воронцовым в Кельморе?", "ru", "Кельморе", "kelmora",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(tt.article)}}, Options{Languages: reg, ArticleLang: tt.articleLang})
			if err != nil {
				t.Fatal(err)
			}
			ql, _ := reg.Get(tt.questionLang)
			q := e.parse(tt.question, ql)
			want := e.analyzers[tt.articleLang].stem(tt.want)
			for _, g := range q.group {
				if g.surface != tt.word {
					continue
				}
				for _, a := range g.alts {
					if len(a.stems) == 1 && a.stems[0] == want {
						return
					}
				}
				t.Fatalf("%q: alternatives %v, want %q", g.surface, g.alts, want)
			}
			t.Fatalf("no group for %q in %q", tt.word, tt.question)
		})
	}
}
