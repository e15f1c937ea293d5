package qa

import (
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/internal/parallel"
	"github.com/qabot/qabot/lang"
)

// BM25 parameters: the usual defaults. Sentences are short, so length
// normalisation matters less than in document retrieval.
const (
	bm25K1 = 1.2
	bm25B  = 0.5
)

// Weights of the context a sentence inherits: words that are not in the
// sentence but that a question about it may use.
const (
	weightTitle     = 0.2 // the article's title: tells articles apart
	weightHeading   = 0.3 // the section heading
	weightExpansion = 0.7 // an acronym's expansion, or the acronym of an expansion
	weightSpeaker   = 0.7 // the person a "he said" stands for
	weightPrevious  = 0.3 // the sentence before: "this attack", "them"
)

// A doc is one indexed sentence.
type doc struct {
	article  *corpus.Article
	artIdx   int       // index of the article in the corpus
	an       *analyzer // the article's language
	sentence *corpus.Sentence
	toks     []docToken // the sentence's words, in order
	length   float64    // number of content words
}

// A docToken is a word of a sentence with its stem.
type docToken struct {
	lang.Token
	folded string
	stem   string // "" for stop words
	// term is the stem's term id in the index (-1 for a stop word), so
	// that the matcher looks a sentence's words up in an array, not a
	// map of strings. While an article is analysed it is the stem's
	// place in its sentence's terms; buildIndex makes it the id.
	term int32
}

// A posting is a sentence that has a term, with its weight there (tf:
// how often it has it, or the weight of the context it inherits it from)
// and its BM25 part, computed once the index is built (bm25Of): it
// depends on the term and the sentence only, and it lies next to the
// rest, which the first stage reads with it.
type posting struct {
	doc  int32
	tf   float32
	bm25 float64
}

// An index is an inverted index of stems over every sentence of a corpus.
type index struct {
	docs []doc
	// factEvidence is, per kind whose evidence is a sentence's facts
	// alone, each sentence's (kinds.go, buildEvidence).
	factEvidence map[Kind][]float64
	termIDs      map[string]int32
	post         [][]posting
	idf          []float64
	avgLen       float64
	maxIDF       float64
	meanIDF      float64 // mean idf over the corpus's words
	// vocab maps each folded word of the corpus to its stem, so that a
	// misspelt question word can be matched to the nearest real word.
	vocab map[string]string
	fuzzy *fuzzyIndex
	// nameStems holds the stems of every word of every name and acronym.
	nameStems map[string]bool
	// articleStems holds, per article, every stem of its sentences, so a
	// sentence can borrow a word its article uses elsewhere ("the river"
	// in one sentence, "the Elbe" in another).
	articleStems []map[string]bool
	// bySuffix maps the tails of long stems to the stems: "attack" to
	// "cyberattack", so the part finds the compound.
	bySuffix map[string][]string
	// parts maps the parts of hyphenated and compound words to the
	// words (parts.go).
	parts partsIndex
	// nameKeyList holds the keys of the article's names (namekey.go).
	nameKeysOnce sync.Once
	nameKeyList  []nameKey
	// cand is what the first stage of the ranking reads (candidates.go).
	cand candIndex
	// matchers keeps the second stage's matchers (features.go) from
	// question to question.
	matchers sync.Pool // *matcher
	// ranks keeps Ask's ranking buffers (rankBuf) from question to
	// question.
	ranks sync.Pool // *rankBuf
	// scripts matches question words to article words in another script
	// (scriptkey.go).
	scripts scriptKeys
	// stemList is every stem in order, for stemVariants (stemvariant.go).
	stemsOnce sync.Once
	stemList  *lang.SortedWords
}

// buildIndex indexes every sentence of c, each article analysed in its
// language (analyzerOf). The articles are analysed apart on every core
// (analyseArticle: tokens, stems, the weighted stems of each sentence),
// and then added to the index in order, so the index is the same on any
// number of cores.
func buildIndex(c *corpus.Corpus, analyzerOf func(*corpus.Article) *analyzer) *index {
	ix := &index{termIDs: map[string]int32{}, vocab: map[string]string{}, nameStems: map[string]bool{}}
	// Each worker stems with analyzers of its own whose memos sit over
	// the shared ones; their memos join the articles' analyzers' after.
	type worker struct {
		forks map[*analyzer]*analyzer
		tmp   scratch
	}
	workers := make([]worker, parallel.Workers(len(c.Articles)))
	arts := make([]analysedArticle, len(c.Articles))
	parallel.For(len(c.Articles), func(w, ai int) {
		wk := &workers[w]
		an := analyzerOf(c.Articles[ai])
		fork := wk.forks[an]
		if fork == nil {
			fork = an.fork()
			if wk.forks == nil {
				wk.forks = map[*analyzer]*analyzer{}
			}
			wk.forks[an] = fork
		}
		arts[ai] = analyseArticle(c.Articles[ai], ai, an, fork, &wk.tmp)
	})
	for _, wk := range workers {
		for an, fork := range wk.forks {
			an.join(fork)
		}
	}

	// The merge has two halves that write apart, run side by side: the
	// postings (term ids, in the order the terms first come) and the
	// words (the vocabulary, the scripts, the parts, the names' stems);
	// then the tables built from them, side by side again.
	var nameHits []nameHit
	parallel.Run(
		func() { nameHits = ix.addTerms(arts, c.Sentences()) },
		func() { ix.addWords(arts) },
	)
	total := 0.0
	for _, d := range ix.docs {
		total += d.length
	}
	n := float64(len(ix.docs))
	if n > 0 {
		ix.avgLen = total / n
	}
	ix.idf = make([]float64, len(ix.post))
	for tid, p := range ix.post {
		df := float64(len(p))
		ix.idf[tid] = math.Log(1 + (n-df+0.5)/(df+0.5))
	}
	ix.maxIDF = math.Log(1 + (n+0.5)/0.5)
	for _, v := range ix.idf {
		ix.meanIDF += v / float64(len(ix.idf))
	}
	parallel.Run(
		func() { ix.buildCandidates(nameHits) },
		func() {
			ix.parts.build(ix.known)
			ix.buildEvidence()
		},
		func() { ix.fuzzy = newFuzzyIndex(spellingsOf(ix.vocab), 2) },
		ix.buildSuffixes,
	)
	return ix
}

// addTerms adds the analysed articles' sentences to the index, in order,
// with their terms' postings: a term's id is its place among the terms in
// the order they first come. It gives each sentence's token its term id,
// and returns the postings of a sentence's names' stems.
func (ix *index) addTerms(arts []analysedArticle, sentences int) []nameHit {
	ix.docs = make([]doc, 0, sentences)
	ix.articleStems = make([]map[string]bool, 0, len(arts))
	var nameHits []nameHit
	var tids []int32 // the term ids of a sentence's terms, in their order
	for _, aa := range arts {
		ix.articleStems = append(ix.articleStems, aa.stems)
		for si, d := range aa.docs {
			names := aa.names[si]
			id := int32(len(ix.docs))
			tids = tids[:0]
			for _, t := range aa.terms[si] {
				tid, ok := ix.termIDs[t.stem]
				if !ok {
					tid = int32(len(ix.post))
					ix.termIDs[t.stem] = tid
					ix.post = append(ix.post, nil)
				}
				tids = append(tids, tid)
				ix.post[tid] = append(ix.post[tid], posting{doc: id, tf: float32(t.weight)})
				if slices.Contains(names, t.stem) {
					nameHits = append(nameHits, nameHit{term: tid, doc: id})
				}
			}
			for k := range d.toks {
				if t := &d.toks[k]; t.term >= 0 {
					t.term = tids[t.term]
				}
			}
			ix.docs = append(ix.docs, d)
		}
	}
	return nameHits
}

// addWords records the analysed articles' words, in order: each folded
// word's stem (the last article's, where two differ), the words in
// another script, the words that may have parts, and the stems of names.
// It reads of the tokens only what addTerms does not write (term).
func (ix *index) addWords(arts []analysedArticle) {
	for _, aa := range arts {
		for si, d := range aa.docs {
			// Through a pointer, not a copy: a copy would read the
			// token's term while addTerms writes it.
			for k := range d.toks {
				if t := &d.toks[k]; t.stem != "" {
					ix.vocab[t.folded] = t.stem
					ix.scripts.addWord(d.an.l, t.folded, t.stem)
					ix.parts.add(d.an, t)
				}
			}
			for _, st := range aa.names[si] {
				ix.nameStems[st] = true
			}
		}
	}
}

// buildSuffixes maps the tails of the corpus's stems to the stems.
func (ix *index) buildSuffixes() {
	ix.bySuffix = map[string][]string{}
	for st := range ix.termIDs {
		addTails(ix.bySuffix, st)
	}
	for _, v := range ix.bySuffix {
		slices.Sort(v)
	}
}

// addTails files stem st under each of its tails that leaves a head of at
// least minCompoundHead runes and is at least minCompoundTail runes long.
// The tails are st sliced at its runes' offsets rather than converted to
// runes and back: the same strings for a valid stem, without a copy each.
func addTails(bySuffix map[string][]string, st string) {
	if !utf8.ValidString(st) {
		// Conversion writes each invalid byte as U+FFFD, so a tail of the
		// runes is not a slice of st.
		rs := []rune(st)
		for i := minCompoundHead; i+minCompoundTail <= len(rs); i++ {
			tail := string(rs[i:])
			bySuffix[tail] = append(bySuffix[tail], st)
		}
		return
	}
	n := utf8.RuneCountInString(st)
	i := 0 // runes before off
	for off := range st {
		if i+minCompoundTail > n {
			break
		}
		if i >= minCompoundHead {
			bySuffix[st[off:]] = append(bySuffix[st[off:]], st)
		}
		i++
	}
}

// An analysedArticle is what the index takes from one article: its
// sentences as docs, the weighted stems of each sentence (its own words
// and the context it inherits), the stems of each sentence's names, and
// every stem of the article.
type analysedArticle struct {
	docs  []doc
	terms [][]termWeight
	names [][]string
	stems map[string]bool
}

// analyseArticle reads article a (index ai in the corpus) for the index.
// an is the article's analyzer, which its docs keep; stem stems with the
// same language (a fork of an, so that articles are analysed
// concurrently); tmp is scratch space.
func analyseArticle(a *corpus.Article, ai int, an, stem *analyzer, tmp *scratch) analysedArticle {
	aa := analysedArticle{
		docs:  make([]doc, 0, len(a.Sentences)),
		terms: make([][]termWeight, len(a.Sentences)),
		names: make([][]string, len(a.Sentences)),
		stems: map[string]bool{},
	}
	titleStems := stem.stems(a.Title)
	expansions := acronymContext(a, stem)
	var prevStems []string
	for i := range a.Sentences {
		s := &a.Sentences[i]
		d := doc{article: a, artIdx: ai, an: an, sentence: s}
		tf := &tmp.tf
		tf.reset()
		tmp.toks = lang.AppendTokens(tmp.toks[:0], s.Text)
		toks := tmp.toks
		d.toks = make([]docToken, 0, len(toks)) // exactly: a corpus holds millions
		for _, t := range toks {
			dt := docToken{Token: t, folded: lang.Fold(t.Text), term: -1}
			if t.Kind == lang.TokenNumber {
				dt.stem = numberKey(t.Text)
			} else if !stem.isStop(dt.folded) && !isClitic(dt.folded) {
				dt.stem = stem.stem(t.Text)
			}
			if dt.stem != "" {
				aa.stems[dt.stem] = true
				dt.term = int32(tf.add(dt.stem, 1))
				d.length++
			}
			d.toks = append(d.toks, dt)
		}
		for _, n := range s.Facts.Names {
			aa.names[i] = append(aa.names[i], stem.stems(n.Text)...)
		}
		tf.inherit(titleStems, weightTitle)
		tf.inherit(stem.stems(s.Section), weightHeading)
		tf.inherit(expansions[i], weightExpansion)
		if q := s.Facts.Quote; q != nil && q.Resolved != "" && q.Resolved != q.Speaker {
			tf.inherit(stem.stems(q.Resolved), weightSpeaker)
		}
		if i > 0 {
			tf.inherit(prevStems, weightPrevious)
		}
		prevStems = prevStems[:0]
		for _, t := range d.toks {
			if t.stem != "" {
				prevStems = append(prevStems, t.stem)
			}
		}
		aa.terms[i] = tf.list()
		aa.docs = append(aa.docs, d)
	}
	return aa
}

// scratch is what analyseArticle reuses from one sentence to the next.
type scratch struct {
	tf   termWeights
	toks []lang.Token
}

// A termWeight is a stem of a sentence with its weight: how often the
// sentence holds it, or the weight of the context it inherits it from.
type termWeight struct {
	stem   string
	weight float64
}

// termWeights sums the weights of a sentence's stems, in the order they
// first come.
type termWeights struct {
	at    map[string]int // index in items
	items []termWeight
}

func (t *termWeights) reset() {
	if t.at == nil {
		t.at = map[string]int{}
	}
	clear(t.at)
	t.items = t.items[:0]
}

// add adds n to the weight of stem and returns its place in items.
func (t *termWeights) add(stem string, n float64) int {
	if i, ok := t.at[stem]; ok {
		t.items[i].weight += n
		return i
	}
	t.at[stem] = len(t.items)
	t.items = append(t.items, termWeight{stem, n})
	return len(t.items) - 1
}

// inherit adds words a sentence inherits, at a fraction of a real
// occurrence, unless the sentence has them already.
func (t *termWeights) inherit(stems []string, weight float64) {
	for _, st := range stems {
		if _, ok := t.at[st]; !ok {
			t.add(st, weight)
		}
	}
}

// list returns a copy of the stems and their weights.
func (t *termWeights) list() []termWeight { return slices.Clone(t.items) }

// A compound is at least minCompoundHead letters of modifier and
// minCompoundTail letters of head: "cyber|attack", "water|bomber".
const (
	minCompoundHead = 3
	minCompoundTail = 4
)

// acronymContext gives each sentence the stems of the expansions of the
// acronyms it uses, and the acronyms of the expansions it spells out, so
// "what is the WMO" finds "the World Meteorological Organization ..." and
// the other way round. The acronyms are taken in sorted order, so that a
// sentence's inherited stems, and so the corpus's term ids, come in the
// same order on every run.
func acronymContext(a *corpus.Article, an *analyzer) [][]string {
	out := make([][]string, len(a.Sentences))
	for _, short := range slices.Sorted(maps.Keys(a.Acronyms)) {
		long := a.Acronyms[short]
		longStems := an.stems(long)
		shortStem := an.stem(short)
		for i, s := range a.Sentences {
			text := s.Text
			if containsWord(text, short) {
				out[i] = append(out[i], longStems...)
			}
			if strings.Contains(text, long) {
				out[i] = append(out[i], shortStem)
			}
		}
	}
	return out
}

// containsWord reports whether w occurs in s as a whole word.
func containsWord(s, w string) bool {
	for _, t := range lang.Tokens(s) {
		if t.Text == w {
			return true
		}
	}
	return false
}

// prefixed returns the one stem of the corpus that starts with p, if
// exactly one does.
func (ix *index) prefixed(p string) (string, bool) {
	found := ""
	for st := range ix.termIDs {
		if strings.HasPrefix(st, p) {
			if found != "" {
				return "", false
			}
			found = st
		}
	}
	return found, found != ""
}

// known reports whether stem is a word of the corpus.
func (ix *index) known(stem string) bool {
	_, ok := ix.termIDs[stem]
	return ok
}

func (ix *index) termID(stem string) (int32, bool) {
	id, ok := ix.termIDs[stem]
	return id, ok
}

// bm25 returns the BM25 contribution of one occurrence count.
func (ix *index) bm25(tid int32, p posting) float64 {
	return bm25Of(ix.idf[tid], p.tf, ix.cand.norm[p.doc])
}

// spellingsOf returns what misspellings are looked up among: the corpus's
// words and their stems, each to the stem it stands for, so that "recieve"
// finds "received" through "reciev"/"receiv". A word of the corpus that is
// also another word's stem keeps its own stem: written second, whatever
// order the map gives (in one loop the last write won, and the correction
// of a misspelt question word changed from run to run).
func spellingsOf(vocab map[string]string) map[string]string {
	spell := make(map[string]string, 2*len(vocab))
	for _, st := range vocab {
		spell[st] = st
	}
	for w, st := range vocab {
		spell[w] = st
	}
	return spell
}
