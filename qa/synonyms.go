package qa

import (
	"io/fs"
	"strings"

	"github.com/qabot/qabot/lang"
)

// loadSynonyms reads the articles' language's synonyms.tsv and places.tsv
// (demonyms and other names of a country) into a table from each word or
// phrase to the others of its line.
func loadSynonyms(fsys fs.FS, an *analyzer) (*stemTable, error) {
	t := newStemTable()
	for _, name := range []string{"synonyms.tsv", "places.tsv"} {
		data, err := readData(fsys, an.l.Code, name)
		if err != nil {
			return nil, err
		}
		eachRow(data, func(_, left, right string) {
			members := append([]string{left}, strings.Split(right, "|")...)
			for i, m := range members {
				key, n := an.stemKey(m)
				for j, o := range members {
					if i == j {
						continue
					}
					if stems := an.stems(o); len(stems) > 0 {
						t.add(key, n, alt{stems: stems, weight: weightSynonym})
					}
				}
			}
		})
	}
	return t, nil
}

// buildTranslations maps the words and phrases of one language's lexicon,
// places and organisations to the stems of their English glosses, keyed by
// the stems of the local phrase so inflected forms find them.
func buildTranslations(from, to *analyzer) *stemTable {
	t := newStemTable()
	for _, table := range []*lang.Phrases[[]string]{from.l.Lexicon(), from.l.Places(), from.l.Orgs()} {
		if table == nil {
			continue
		}
		for phrase, glosses := range table.All {
			key, n := from.stemKey(phrase)
			for _, g := range glosses {
				if stems := to.stems(g); len(stems) > 0 {
					t.add(key, n, alt{stems: stems, weight: weightTranslated})
				}
			}
		}
	}
	return t
}
