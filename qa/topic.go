package qa

// ArticleLanguages returns the languages the articles are read in (ISO
// 639-1 codes), the one most of their sentences are in first. Callers
// that read the articles' text themselves (dates a user types, labels)
// use it rather than guessing.
func (e *Engine) ArticleLanguages() []string {
	return append([]string(nil), e.articleLangs...)
}

// minTopicWeight is how close a rendering of a topic word must be to
// count: the word itself, a translation, a misspelling put right, but not
// a synonym or a compound.
const minTopicWeight = 0.8

// Topic returns a test of whether a sentence of the corpus (by article ID
// and sentence index) is about text, words written in the language code:
// whether it holds one of their content words, in its article's language,
// the words rendered as Ask renders a question's. It returns nil when
// text has no content word: every sentence is then about it.
func (e *Engine) Topic(text, code string) func(articleID string, sentence int) bool {
	text = cleanQuestion(text)
	if text == "" || !hasWord(text) {
		return nil
	}
	l, ok := e.langs.Get(code)
	if !ok {
		l = e.article.l
	}
	q := e.parse(text, l)
	stems := map[string]bool{}
	for _, g := range q.group {
		for _, a := range g.alts {
			if a.weight >= minTopicWeight && !a.opposite {
				for _, s := range a.stems {
					stems[s] = true
				}
			}
		}
	}
	if len(stems) == 0 {
		return nil
	}
	first := map[string]int{} // article ID -> index of its first doc
	for d := range e.idx.docs {
		id := e.idx.docs[d].article.ID
		if _, ok := first[id]; !ok {
			first[id] = d
		}
	}
	return func(articleID string, sentence int) bool {
		d, ok := first[articleID]
		if !ok || sentence < 0 || d+sentence >= len(e.idx.docs) || e.idx.docs[d+sentence].article.ID != articleID {
			return false
		}
		for _, t := range e.idx.docs[d+sentence].toks {
			if t.stem != "" && stems[t.stem] {
				return true
			}
		}
		return false
	}
}
