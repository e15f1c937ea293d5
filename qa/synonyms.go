package qa

import (
	"io/fs"
	"slices"
	"strings"
	"sync"

	"github.com/qabot/qabot/lang"
)

// weightDemonym is how much "Portuguese" counts for "Portugal": related, but
// a question about a country is seldom answered by its adjective alone.
const weightDemonym = 0.4

// weightReverse is how much a synonym line counts read backwards.
const weightReverse = 0.6

// loadSynonyms reads the articles' language's synonyms.tsv and places.tsv
// (demonyms and other names of a country) into a table from each head word
// or phrase to the words of its line.
func loadSynonyms(fsys fs.FS, an *analyzer, dictionary map[string]bool) (*stemTable, error) {
	t := newStemTable()
	// The same few thousand words recur across lines: read each once.
	seen := map[string]analysedPhrase{}
	phrase := func(text string) analysedPhrase {
		p, ok := seen[text]
		if !ok {
			p = an.phrase(text, dictionary)
			seen[text] = p
		}
		return p
	}
	for _, src := range []struct {
		name   string
		weight float64
	}{{"synonyms.tsv", weightSynonym}, {"places.tsv", weightDemonym}} {
		data, err := readData(fsys, an.l.Code, src.name)
		if err != nil {
			return nil, err
		}
		// Each line relates its head to the words after it: fully one
		// way, and weakly the other way ("strike" lists the walkout
		// sense, so "walkout" finds "strike", and "strike" finds
		// "walkout" better than "attack" finds it).
		eachRow(data, func(_, head, right string) {
			h := phrase(head)
			if len(h.stems) == 0 {
				return
			}
			for _, o := range strings.Split(right, "|") {
				r := phrase(o)
				if len(r.stems) == 0 {
					continue
				}
				for _, key := range h.keys {
					t.add(key, h.words, alt{stems: r.stems, weight: src.weight})
				}
				for _, key := range r.keys {
					t.add(key, r.words, alt{stems: h.stems, weight: src.weight * weightReverse})
				}
			}
		})
	}
	return t, nil
}

// buildTranslations maps the words and phrases of one language's lexicon,
// places and organisations to the stems of their English glosses, keyed by
// the stems of the local phrase so inflected forms find them.
func buildTranslations(from *analyzer, to *glossStems) *stemTable {
	t := newStemTable()
	for _, table := range []*lang.Phrases[[]string]{from.l.Lexicon(), from.l.Places(), from.l.Orgs()} {
		if table == nil {
			continue
		}
		// In key order: the first alternative of a phrase is its own
		// reading, and map order would change it from run to run.
		phrases := make([]string, 0, table.Len())
		for phrase := range table.All {
			phrases = append(phrases, phrase)
		}
		slices.Sort(phrases)
		for _, phrase := range phrases {
			glosses, _ := table.Lookup(phrase)
			keys, n := from.stemKeys(phrase)
			for _, g := range glosses {
				if stems := to.get(g); len(stems) > 0 {
					for _, key := range keys {
						t.add(key, n, alt{stems: stems, weight: weightTranslated})
					}
				}
			}
		}
	}
	return t
}

// glossStems caches the stems of English glosses: every language's lexicon
// glosses the same few thousand English words, so each is stemmed once.
type glossStems struct {
	an *analyzer
	mu sync.Mutex
	m  map[string][]string
}

func newGlossStems(an *analyzer) *glossStems {
	return &glossStems{an: an, m: map[string][]string{}}
}

func (g *glossStems) get(gloss string) []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	st, ok := g.m[gloss]
	if !ok {
		st = g.an.stems(gloss)
		g.m[gloss] = st
	}
	return st
}

// weightGlossary is how much a gloss from an installed dictionary counts:
// dictionaries list every sense of a word, the lexicons the news ones.
const weightGlossary = 0.8

// addGlossary adds the glosses of an installed dictionary for the phrases
// the embedded tables do not already have.
func addGlossary(t *stemTable, from *analyzer, to *glossStems, glossary map[string][]string) {
	phrases := make([]string, 0, len(glossary))
	for phrase := range glossary {
		phrases = append(phrases, phrase)
	}
	slices.Sort(phrases)
	for _, phrase := range phrases {
		glosses := glossary[phrase]
		keys, n := from.stemKeys(phrase)
		if _, ok := t.m[keys[0]]; ok {
			continue // the embedded lexicon wins
		}
		for _, g := range glosses {
			if stems := to.get(g); len(stems) > 0 {
				for _, key := range keys {
					t.add(key, n, alt{stems: stems, weight: weightGlossary})
				}
			}
		}
	}
}
