package qa

import (
	"slices"
	"strings"
	"sync"
)

// The translation step takes a question language and an article
// language. Within one language it is the identity plus synonyms; between
// two, a table from the stems of the question language's words and
// phrases to the stems of the article language's. The bilingual files
// (lexicon.tsv, places.tsv, orgs.tsv) gloss each language into English,
// so today:
//
//	X -> en   the files of X (buildTranslations), as before
//	en -> Y   the files of Y read backwards (invertTranslations)
//	X -> Y    through English: X -> en, then en -> Y, at a discount
//
// Tables that join two languages directly (WordNet concepts) belong in
// Resources.table beside these.

// weightPivot discounts a rendering found through English: two lossy
// hops, each of which may pick a sense the other does not mean.
const weightPivot = 0.8

// maxInverted caps the renderings of one English word in another
// language: "work" has dozens of French glosses, and each would match
// sentences the question is not about.
const maxInverted = 8

// weightSecondGloss is how much a phrase's later glosses count when its
// table is read backwards: the first gloss is its commonest sense.
const weightSecondGloss = 0.8

// pairTables holds the translation tables between pairs of languages,
// each built on the first question that needs it.
type pairTables struct {
	mu sync.Mutex
	m  map[pairKey]*lazyTable
}

// A pairKey names a table of pairTables: the codes of its languages and
// how it is made of them (">" a translation, "=" the synonyms within one
// language, "<" the bilingual files read backwards). It is a struct, not
// a string joined of them, because a question word's renderings look up
// their synonyms' table each: joining the key allocated on every one.
type pairKey struct {
	from, how, to string
}

// find returns the table under key, or nil before get made it. Callers
// look before they get, so that the functions get takes are made once.
func (p *pairTables) find(key pairKey) *lazyTable {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.m[key]
}

// get returns the table under key, made the first time with build (the
// bilingual files' part; embedded, when not nil, is what it builds, read
// in place instead) and concepts (the WordNet part; may be nil).
func (p *pairTables) get(key pairKey, build func() *stemTable, embedded *synTable, concepts func() *conceptTable) *lazyTable {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.m == nil {
		p.m = map[pairKey]*lazyTable{}
	}
	lt := p.m[key]
	if lt == nil {
		lt = &lazyTable{build: build, embedded: embedded, newConcepts: concepts}
		p.m[key] = lt
	}
	return lt
}

// files returns the part of a lazyTable read from the bilingual files.
func (l *lazyTable) files() *stemTable {
	l.get()
	switch t := l.t[0].(type) {
	case *stemTable:
		return t
	case *synTable:
		l.decodeOnce.Do(func() { l.decoded = t.stemTable() })
		return l.decoded
	}
	return nil
}

// table returns the translation of language from into language to: the
// bilingual files, through English when neither is English, pooled with
// the concepts both languages share. Nil within one language.
func (r *Resources) table(from, to string) *lazyTable {
	if from == to {
		return nil
	}
	if to == r.article.l.Code && to == "en" && r.translations[from] != nil {
		return r.translations[from]
	}
	key := pairKey{from, ">", to}
	if lt := r.pairs.find(key); lt != nil {
		return lt
	}
	fl, tl := r.analyzers[from].l, r.analyzers[to].l
	var embedded *synTable
	if to == "en" {
		embedded = r.embeddedToEnglish(from)
	}
	return r.pairs.get(key, func() *stemTable {
		switch {
		case to == "en":
			return r.buildToEnglish(from)
		case from == "en":
			return r.fromEnglish(to)
		}
		return composeTables(r.toEnglish(from), r.fromEnglish(to), weightPivot)
	}, embedded, func() *conceptTable { return newConceptTable(fl, tl, weightTranslated) })
}

// sameLanguage returns the synonyms of a language other than the one the
// synonym files are written for: the concepts it shares with itself.
func (r *Resources) sameLanguage(code string) *lazyTable {
	key := pairKey{code, "=", code}
	if lt := r.pairs.find(key); lt != nil {
		return lt
	}
	l := r.analyzers[code].l
	return r.pairs.get(key, newStemTable, nil, func() *conceptTable { return newConceptTable(l, l, weightSynonym) })
}

// toEnglish returns the table of a language's bilingual files.
func (r *Resources) toEnglish(code string) *stemTable {
	return r.table(code, "en").files()
}

// fromEnglish returns the table from English into a language: its
// bilingual files read backwards.
func (r *Resources) fromEnglish(code string) *stemTable {
	return r.pairs.get(pairKey{"en", "<", code}, func() *stemTable {
		return invertTranslations(r.toEnglish(code), r.analyzers[code])
	}, nil, nil).files()
}

// buildToEnglish reads a language's bilingual files into a table, as
// NewResources does for an English article language.
func (r *Resources) buildToEnglish(code string) *stemTable {
	r.glossOnce.Do(func() { r.glosses = newGlossStems(r.analyzers["en"]) })
	an := r.analyzers[code]
	t := buildTranslations(an, r.glosses)
	if r.opts.Glossary != nil {
		addGlossary(t, an, r.glosses, r.opts.Glossary(code))
	}
	return t
}

// embeddedToEnglish returns the table of a language's bilingual files
// into English built when qabot was built, when it is what buildToEnglish
// builds (the embedded data, no glossary), or nil.
func (r *Resources) embeddedToEnglish(code string) *synTable {
	en, ok := r.analyzers["en"]
	if r.opts.Glossary != nil || !ok {
		return nil
	}
	// A table that does not open is built instead (its test fails).
	t, err := embeddedTranslation(r.analyzers[code].l, en.l)
	if err != nil {
		return nil
	}
	return t
}

// invertTranslations reads a table into English backwards: the English
// stems of a gloss find the phrases it glosses, as the index stems that
// language's text (without stop words). A gloss keeps its best renderings,
// at most maxInverted.
func invertTranslations(t *stemTable, to *analyzer) *stemTable {
	out := newStemTable()
	if t == nil {
		return out
	}
	type rendering struct {
		stems  []string
		weight float64
	}
	keys := make([]string, 0, len(t.m))
	for k := range t.m {
		keys = append(keys, k)
	}
	slices.Sort(keys) // map order must not change the renderings' order
	byGloss := map[string][]rendering{}
	var glosses []string
	for _, k := range keys {
		stems := contentStems(k, to)
		if len(stems) == 0 {
			continue
		}
		for i, a := range t.m[k] {
			w := a.weight
			if i > 0 {
				w *= weightSecondGloss
			}
			g := strings.Join(a.stems, " ")
			if _, ok := byGloss[g]; !ok {
				glosses = append(glosses, g)
			}
			byGloss[g] = append(byGloss[g], rendering{stems, w})
		}
	}
	for _, g := range glosses {
		rs := byGloss[g]
		slices.SortStableFunc(rs, func(a, b rendering) int {
			switch {
			case a.weight > b.weight:
				return -1
			case a.weight < b.weight:
				return 1
			}
			return len(a.stems) - len(b.stems)
		})
		if len(rs) > maxInverted {
			rs = rs[:maxInverted]
		}
		words := strings.Count(g, " ") + 1
		for _, r := range rs {
			out.add(g, words, alt{stems: r.stems, weight: r.weight})
		}
	}
	return out
}

// contentStems drops the stop words of a stem key of language an: the
// key keeps them to tell phrases apart; the index does not hold them.
func contentStems(key string, an *analyzer) []string {
	var out []string
	for _, s := range strings.Fields(key) {
		if !an.isStop(s) && !isClitic(s) {
			out = append(out, s)
		}
	}
	return out
}

// composeTables renders every phrase of first again with second: a
// language into English, then English into a third language.
func composeTables(first, second *stemTable, weight float64) *stemTable {
	out := newStemTable()
	if first == nil || second == nil {
		return out
	}
	keys := make([]string, 0, len(first.m))
	for k := range first.m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		words := strings.Count(k, " ") + 1
		for _, a := range first.m[k] {
			far, n := second.match(a.stems)
			if n != len(a.stems) {
				continue
			}
			for _, b := range far {
				out.add(k, words, alt{stems: b.stems, weight: a.weight * b.weight * weight})
			}
		}
	}
	return out
}
