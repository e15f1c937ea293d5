package qa

import (
	"math"
	"slices"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
)

// The features of a (question, sentence) pair that the learned ranker
// (rank.go, model.go) weighs. Each is a number, mostly in [0, 1], that
// says one thing about how well the sentence answers the question; the
// weights that combine them are fitted on real questions by
// internal/train, never set by hand. The order is the order of the
// model file's "features" list, which names them.
const (
	fStage1Rel     = iota // first-stage score as a share of the best candidate's
	fStage1Rank           // 1/(1+first-stage rank)
	fBM25                 // BM25 over stems (with inherited context), per unit of question weight
	fBM25Rel              // BM25 as a share of the best candidate's
	fCoverage             // share of the question's weight matched, context included
	fRelation             // the same, for the words that are not names
	fCovText              // share matched by the sentence's own words, weighted by how they match
	fCovStrong            // share matched by the user's words or their full translations
	fCovContext           // share matched only by context: title, heading, neighbours, article
	fNames                // share of the question's names the sentence has (1 when it asks none)
	fNameMissing          // 1 when a name the question asks about is not in the sentence
	fNumbers              // share of the question's numbers the sentence has (0 when it asks none)
	fWindow               // matched words / words of the smallest stretch that holds them all
	fOrder                // share of neighbouring question words found near and in order
	fFocus                // the word that says what is asked ("how many PEOPLE") is there
	fFact                 // a fact of the kind asked for that the question does not give
	fFactNear             // 1/(1+distance in words from that fact to a matched word)
	fFactTime             // fFact for when, since and how-long questions
	fFactNumber           // fFact for how-many and how-much questions
	fFactPerson           // fFact for who-questions
	fFactPlace            // fFact for where-questions
	fFactName             // fFact for name questions and which/what with a class noun
	fFactWhy              // fFact for why-questions: a cause clause
	fFactDefine           // fFact for define questions: a description of the name
	fCovFact              // fCovText * fFact: the sentence says both
	fFirst                // the article's first sentence
	fParaFirst            // the first sentence of its paragraph
	fPosition             // log(1 + the sentence's index in its article)
	fLength               // log(1 + its number of content words)
	fPrevCov              // coverage of the sentence before (same article)
	fNextCov              // coverage of the sentence after
	fNeighbourGain        // how much more a neighbour covers, floored at 0
	fWinCov               // share of the question the sentence and its neighbours have between them
	fParaCov              // share of the question its paragraph has
	fParaGain             // fParaCov minus the sentence's own share
	fParaBest             // no other sentence of its paragraph has more of the question
	fArticleCov           // share of the question its article has, anywhere
	fMissing              // the weight of the weightiest question word the sentence lacks, as a share
	fPlainBM25            // plain BM25 (k1 1.2, b 0.75, as Bleve's) of the sentence's own words against the user's words and their full translations
	fPlainBM25Rel         // fPlainBM25 as a share of the best candidate's
	fPlainBM25Top         // no candidate has a higher fPlainBM25
	// The question's own traits, the same for every sentence of an article:
	// they weigh nothing in a linear softmax, but the ranker's trees
	// (model.go) split on them, so that the other features can count
	// differently for different questions.
	fQFamily  // the family of the kind asked (kindFamily), as a number
	fQWords   // log(1 + the question's words)
	fQNames   // the question names someone or something
	fQForeign // the question is in another language than the sentence
	numFeatures
)

// featureNames names the features in order, as the model file does.
var featureNames = [numFeatures]string{
	fStage1Rel: "stage1_rel", fStage1Rank: "stage1_rank", fBM25: "bm25", fBM25Rel: "bm25_rel",
	fCoverage: "coverage", fRelation: "relation", fCovText: "cov_text", fCovStrong: "cov_strong",
	fCovContext: "cov_context", fNames: "names", fNameMissing: "name_missing", fNumbers: "numbers",
	fWindow: "window", fOrder: "order", fFocus: "focus", fFact: "fact", fFactNear: "fact_near",
	fFactTime: "fact_time", fFactNumber: "fact_number", fFactPerson: "fact_person",
	fFactPlace: "fact_place", fFactName: "fact_name", fFactWhy: "fact_why", fFactDefine: "fact_define",
	fCovFact: "cov_fact", fFirst: "first", fParaFirst: "para_first", fPosition: "position",
	fLength: "length", fPrevCov: "prev_cov", fNextCov: "next_cov", fNeighbourGain: "neighbour_gain",
	fWinCov: "win_cov", fParaCov: "para_cov", fParaGain: "para_gain", fParaBest: "para_best",
	fArticleCov: "article_cov", fMissing: "missing", fPlainBM25: "plain_bm25", fPlainBM25Rel: "plain_bm25_rel",
	fPlainBM25Top: "plain_bm25_top", fQFamily: "q_family", fQWords: "q_words", fQNames: "q_names",
	fQForeign: "q_foreign",
}

// FeatureNames returns the names of the ranker's features, in the order
// Candidate.Features holds them.
func FeatureNames() []string { return append([]string(nil), featureNames[:]...) }

// strongWeight is the weight from which an alternative counts as the
// user's own word: the word itself, a full translation, a misspelling put
// right; synonyms, compounds and cognates are weaker.
const strongWeight = 0.85

// A stemRef says which alternative of which question word a stem belongs
// to, and which of the alternative's stems it is.
type stemRef struct {
	group, alt int // alt is an index into matcher.alts; -1 for a focus word alone
	bit        uint64
}

// A matcher finds the question's words in sentences: it is built once per
// question and reused for every candidate.
type matcher struct {
	q *query
	// family is family(q), read once per question: it is a map lookup,
	// and features asked it three times a candidate.
	family kindFamily
	// slot numbers the stems a sentence's word is looked up by: the
	// stems of the question's alternatives, its focus words and the
	// words it used; refs[refOff[i]:refOff[i+1]] are slot i's references,
	// in the order of the question's words and alternatives. One map and
	// one array instead of a slice per stem: a matcher is built on every
	// question.
	// slot is by the index's term id: slot+1, 0 for a term the question
	// does not have (a stem not in the index can match no sentence and
	// has no slot); setTerms lists the ids set, to clear them for the
	// next question. mentioned and focus are by slot: the question used
	// the stem (query.mentioned), it is a focus word (query.focus).
	slot                     []int32
	setTerms                 []int32
	slotMentioned, slotFocus []bool
	refOff                   []int32
	refs                     []stemRef
	alts                     []altInfo
	isName                   []bool
	isNum                    []bool
	idf                      []float64
	total                    float64 // sum of idf
	names                    int     // number of name groups
	nums                     int     // number of number groups
	// scratch, reset for every sentence
	seen []uint64 // stems of each alternative present, as bits
	// seenAlts lists the alternatives whose seen is not zero: a sentence
	// has a few of a merged query's thousand, and going over all of them
	// twice a candidate was 40% of find.
	seenAlts  []int32
	pos       [][]int     // token indices where each group matched
	mentioned []bool      // by token: the question used its stem
	counts    []int       // by group, for window
	hits      []windowHit // window's scratch, from candidate to candidate
	plainTF   []float64   // by group: the sentence's words that are a full-weight alternative of it
	plainIDF  []float64   // by group: the idf of the rarest such alternative found
	avgLen    float64     // the index's mean sentence length
	// arrays newMatcher builds the others with, kept for the next question
	slotOf, next []int32
	bySlot       []stemRef
}

type altInfo struct {
	group  int
	weight float64
	full   uint64 // all bits of the alternative's stems
	n      int
	idf    float64 // for a one-stem alternative of full weight (the user's word, a full translation): its stem's idf; else 0
}

// newMatcher returns a matcher for q, reusing the arrays and the map of
// one the index's pool holds (putMatcher): a question of four languages
// has a thousand stems, and allocating their matcher anew was tens of
// kilobytes a question.
func (e *Engine) newMatcher(q *query) *matcher {
	nAlts, nStems := 0, 0
	for _, g := range q.group {
		for _, a := range g.alts {
			if len(a.stems) == 0 || len(a.stems) > 64 {
				continue
			}
			nAlts++
			nStems += len(a.stems)
		}
	}
	m, _ := e.idx.matchers.Get().(*matcher)
	if m == nil {
		m = &matcher{}
	}
	if len(m.slot) != len(e.idx.post) {
		m.slot, m.setTerms = make([]int32, len(e.idx.post)), m.setTerms[:0]
	}
	for _, tid := range m.setTerms {
		m.slot[tid] = 0
	}
	m.setTerms = m.setTerms[:0]
	m.slotMentioned, m.slotFocus = m.slotMentioned[:0], m.slotFocus[:0]
	m.q, m.total, m.names, m.nums = q, 0, 0, 0
	m.family = family(q)
	m.alts = slices.Grow(m.alts[:0], nAlts)
	m.refs = slices.Grow(m.refs[:0], nStems)
	n := len(q.group)
	m.isName, m.isNum = resized(m.isName, n), resized(m.isNum, n)
	m.idf, m.plainTF, m.plainIDF = resized(m.idf, n), resized(m.plainTF, n), resized(m.plainIDF, n)
	m.pos = slices.Grow(m.pos[:0], n)[:n]
	for i := range m.pos {
		m.pos[i] = m.pos[i][:0]
	}
	// refs are gathered in question order, each with its stem's slot, and
	// then laid out by slot (a stable counting sort keeps that order
	// within a slot, which find's counting depends on).
	slotOf := slices.Grow(m.slotOf[:0], nStems)
	for gi, g := range q.group {
		m.idf[gi] = g.idf
		m.total += g.idf
		if e.isNameGroup(g) {
			m.isName[gi] = true
			m.names++
		}
		if len(g.alts) > 0 && len(g.alts[0].stems) == 1 && isDigits(g.alts[0].stems[0]) {
			m.isNum[gi] = true
			m.nums++
		}
		for _, a := range g.alts {
			if len(a.stems) == 0 || len(a.stems) > 64 {
				continue
			}
			ai := len(m.alts)
			info := altInfo{group: gi, weight: min(a.weight, 1), n: len(a.stems)}
			for k, st := range a.stems {
				bit := uint64(1) << k
				info.full |= bit
				m.refs = append(m.refs, stemRef{group: gi, alt: ai, bit: bit})
				tid, ok := e.idx.termID(st)
				if !ok {
					slotOf = append(slotOf, -1)
					continue
				}
				if len(a.stems) == 1 && a.weight >= weightExact && !a.opposite {
					info.idf = e.idx.idf[tid]
				}
				slotOf = append(slotOf, m.slotFor(tid))
			}
			m.alts = append(m.alts, info)
		}
	}
	m.slotOf = slotOf
	// The focus words ("how many PEOPLE") and the words the question
	// used are found in the same pass over a sentence, with no refs.
	for st, v := range q.focus {
		if tid, ok := e.idx.termID(st); ok {
			m.slotFocus[m.slotFor(tid)] = v
		}
	}
	for st, v := range q.mentioned {
		if tid, ok := e.idx.termID(st); ok {
			m.slotMentioned[m.slotFor(tid)] = v
		}
	}
	// A stem with no slot (not in the index) keeps its ref at the end,
	// where no slot's range reaches it.
	nSlots := len(m.setTerms)
	m.refOff = resized(m.refOff, nSlots+1)
	for _, s := range slotOf {
		if s >= 0 {
			m.refOff[s+1]++
		}
	}
	for i := 1; i < len(m.refOff); i++ {
		m.refOff[i] += m.refOff[i-1]
	}
	m.bySlot = resized(m.bySlot, len(m.refs))
	m.next = append(m.next[:0], m.refOff[:len(m.refOff)-1]...)
	tail := m.refOff[nSlots]
	for i, s := range slotOf {
		if s < 0 {
			m.bySlot[tail] = m.refs[i]
			tail++
			continue
		}
		m.bySlot[m.next[s]] = m.refs[i]
		m.next[s]++
	}
	m.refs, m.bySlot = m.bySlot, m.refs
	m.seen, m.seenAlts = resized(m.seen, len(m.alts)), m.seenAlts[:0]
	m.avgLen = max(e.idx.avgLen, 1)
	m.counts = resized(m.counts, len(q.group))
	return m
}

// putMatcher gives m back to the index's pool once its question is done.
func (e *Engine) putMatcher(m *matcher) {
	m.q = nil
	e.idx.matchers.Put(m)
}

// resized returns s with length n, every element zero, reusing its array
// when it is large enough.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// slotFor returns term tid's slot, numbering it if it has none yet.
func (m *matcher) slotFor(tid int32) int32 {
	if s := m.slot[tid]; s > 0 {
		return s - 1
	}
	s := int32(len(m.setTerms))
	m.slot[tid] = s + 1
	m.setTerms = append(m.setTerms, tid)
	m.slotMentioned = append(m.slotMentioned, false)
	m.slotFocus = append(m.slotFocus, false)
	return s
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
			return false
		}
	}
	return true
}

// A match is what a matcher found of the question in one sentence.
type match struct {
	strength  []float64 // per group: how well the sentence's own words match it, 0-1
	strong    []bool    // per group: matched by a strong alternative, in full
	pos       [][]int   // per group: token indices
	mentioned []bool    // per token: the question used its stem
	focus     bool      // the sentence has a focus word
	plain     float64   // plain BM25 of the sentence's own words (fPlainBM25)
}

// find matches the question against sentence d's own words. The returned
// match shares the matcher's scratch: it is valid until the next call.
func (m *matcher) find(d *doc, out *match) {
	for _, ai := range m.seenAlts {
		m.seen[ai] = 0
	}
	m.seenAlts = m.seenAlts[:0]
	for i := range m.pos {
		m.pos[i] = m.pos[i][:0]
		m.plainTF[i], m.plainIDF[i] = 0, 0
	}
	if cap(m.mentioned) < len(d.toks) {
		m.mentioned = make([]bool, len(d.toks))
	}
	m.mentioned = m.mentioned[:len(d.toks)]
	out.focus = false
	// By index: a docToken is some ninety bytes, of which find reads the
	// term alone.
	for ti := range d.toks {
		m.mentioned[ti] = false
		term := d.toks[ti].term
		if term < 0 {
			continue
		}
		s := m.slot[term] - 1
		if s < 0 {
			continue
		}
		refs := m.refs[m.refOff[s]:m.refOff[s+1]]
		m.mentioned[ti] = m.slotMentioned[s]
		out.focus = out.focus || m.slotFocus[s]
		counted := -1
		for _, r := range refs {
			if r.alt >= 0 {
				if a := &m.alts[r.alt]; a.idf > 0 && r.group != counted {
					counted = r.group
					m.plainTF[r.group]++
					m.plainIDF[r.group] = max(m.plainIDF[r.group], a.idf)
				}
			}
			if m.seen[r.alt] == 0 {
				m.seenAlts = append(m.seenAlts, int32(r.alt))
			}
			m.seen[r.alt] |= r.bit
			if p := m.pos[r.group]; len(p) == 0 || p[len(p)-1] != ti {
				m.pos[r.group] = append(p, ti)
			}
		}
	}
	n := len(m.q.group)
	if cap(out.strength) < n {
		out.strength = make([]float64, n)
		out.strong = make([]bool, n)
	}
	out.strength, out.strong = out.strength[:n], out.strong[:n]
	for i := range out.strength {
		out.strength[i], out.strong[i] = 0, false
	}
	// The strongest alternative of each group, in any order: max and or.
	for _, ai := range m.seenAlts {
		a := &m.alts[ai]
		got := float64(popcount(m.seen[ai])) / float64(a.n)
		s := a.weight * got
		if s > out.strength[a.group] {
			out.strength[a.group] = s
		}
		if m.seen[ai] == a.full && a.weight >= strongWeight {
			out.strong[a.group] = true
		}
	}
	out.pos = m.pos
	out.mentioned = m.mentioned
	// Plain BM25 of the sentence's own words, as a search engine would
	// score it with the article language's analyzer (k1 1.2, b 0.75).
	out.plain = 0
	norm := 1 - 0.75 + 0.75*d.length/m.avgLen
	for g, tf := range m.plainTF {
		if tf > 0 {
			out.plain += m.plainIDF[g] * tf * 2.2 / (tf + 1.2*norm)
		}
	}
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}

// features writes the features of candidate c (at first-stage rank i among
// cands) into x, with what the first stage saw of every sentence, so that
// neighbours and paragraphs can be read.
func (e *Engine) features(m *matcher, cands []ranked, i int, seen *firstStage, x []float64, mt *match) {
	cover := seen.cover
	for k := range x {
		x[k] = 0
	}
	c := cands[i]
	d := &e.idx.docs[c.doc]
	q := m.q
	if best := cands[0].score; best > 0 {
		x[fStage1Rel] = c.score / best
	}
	x[fStage1Rank] = 1 / float64(1+i)
	bestBM := 0.0
	for _, o := range cands {
		bestBM = max(bestBM, o.bm25)
	}
	if m.total > 0 {
		x[fBM25] = c.bm25 / m.total
	}
	if bestBM > 0 {
		x[fBM25Rel] = c.bm25 / bestBM
	}
	x[fCoverage] = c.coverage
	x[fRelation] = c.relation

	m.find(d, mt)
	text, strong, names, nums := 0.0, 0.0, 0, 0
	matched, missingName := 0, false
	for g := range q.group {
		s := mt.strength[g]
		if s == 0 && m.total > 0 {
			x[fMissing] = max(x[fMissing], m.idf[g]/m.total)
		}
		text += m.idf[g] * s
		if mt.strong[g] {
			strong += m.idf[g]
		}
		if s > 0 {
			matched++
		}
		if m.isName[g] {
			if s > 0 {
				names++
			} else {
				missingName = true
			}
		}
		if m.isNum[g] && s > 0 {
			nums++
		}
	}
	if m.total > 0 {
		x[fCovText] = text / m.total
		x[fCovStrong] = strong / m.total
	}
	x[fCovContext] = max(0, c.coverage-x[fCovText])
	x[fNames] = 1
	if m.names > 0 {
		x[fNames] = float64(names) / float64(m.names)
	}
	if missingName {
		x[fNameMissing] = 1
	}
	if m.nums > 0 {
		x[fNumbers] = float64(nums) / float64(m.nums)
	}
	if matched > 0 {
		x[fWindow] = float64(matched) / float64(window(mt.pos, matched, m.counts, &m.hits))
	}
	if n := len(q.group); n > 1 {
		x[fOrder] = float64(inOrder(mt.pos)) / float64(n-1)
	}
	if mt.focus {
		x[fFocus] = 1
	}

	fact, near := e.factOf(q, m.family, d, mt)
	x[fFact] = fact
	x[fFactNear] = near
	switch m.family {
	case familyTime:
		x[fFactTime] = fact
	case familyNumber:
		x[fFactNumber] = fact
	case familyPerson:
		x[fFactPerson] = fact
	case familyPlace:
		x[fFactPlace] = fact
	case familyName:
		x[fFactName] = fact
	case familyWhy:
		x[fFactWhy] = fact
	case familyDefine:
		x[fFactDefine] = fact
	}
	x[fCovFact] = x[fCovText] * fact

	s := d.sentence
	if s.Index == 0 {
		x[fFirst] = 1
	}
	if c.doc == 0 || e.idx.docs[c.doc-1].artIdx != d.artIdx || e.idx.docs[c.doc-1].sentence.Paragraph != s.Paragraph {
		x[fParaFirst] = 1
	}
	x[fPosition] = math.Log1p(float64(s.Index))
	x[fLength] = math.Log1p(d.length)
	if m.total > 0 {
		if p := c.doc - 1; p >= 0 && e.idx.docs[p].artIdx == d.artIdx {
			x[fPrevCov] = cover[p] / m.total
		}
		if n := c.doc + 1; n < len(e.idx.docs) && e.idx.docs[n].artIdx == d.artIdx {
			x[fNextCov] = cover[n] / m.total
		}
	}
	x[fNeighbourGain] = max(0, max(x[fPrevCov], x[fNextCov])-c.coverage)

	own := seen.words[c.doc]
	win, para, best := own, own, true
	if p := c.doc - 1; p >= 0 && e.idx.docs[p].artIdx == d.artIdx {
		win |= seen.words[p]
	}
	if n := c.doc + 1; n < len(e.idx.docs) && e.idx.docs[n].artIdx == d.artIdx {
		win |= seen.words[n]
	}
	ownW := m.weigh(own)
	lo, hi := e.paragraph(c.doc)
	for o := lo; o <= hi; o++ {
		para |= seen.words[o]
		best = best && m.weigh(seen.words[o]) <= ownW
	}
	x[fWinCov] = m.weigh(win)
	x[fParaCov] = m.weigh(para)
	x[fParaGain] = x[fParaCov] - ownW
	if best {
		x[fParaBest] = 1
	}
	x[fArticleCov] = m.weigh(seen.article(e.idx, d.artIdx, c.doc))
	x[fPlainBM25] = mt.plain
	x[fQFamily] = float64(m.family)
	x[fQWords] = math.Log1p(float64(len(q.group)))
	if m.names > 0 {
		x[fQNames] = 1
	}
	if q.lang != nil && q.lang.Code != d.an.l.Code {
		x[fQForeign] = 1
	}
}

// relativeFeatures sets the features that compare a candidate with the
// others (x of every candidate already computed).
func relativeFeatures(xs [][]float64) {
	best := 0.0
	for _, x := range xs {
		best = max(best, x[fPlainBM25])
	}
	for _, x := range xs {
		if best > 0 {
			x[fPlainBM25Rel] = x[fPlainBM25] / best
		}
		if x[fPlainBM25] >= best {
			x[fPlainBM25Top] = 1
		}
	}
}

// paragraph returns the indices of the first and last sentences of d's
// paragraph.
func (e *Engine) paragraph(d int) (lo, hi int) {
	docs := e.idx.docs
	lo, hi = d, d
	same := func(o int) bool {
		return docs[o].artIdx == docs[d].artIdx && docs[o].sentence.Paragraph == docs[d].sentence.Paragraph
	}
	for lo > 0 && same(lo-1) {
		lo--
	}
	for hi+1 < len(docs) && same(hi+1) {
		hi++
	}
	return lo, hi
}

// weigh returns the share of the question's weight in the words of a set
// of bits (firstStage.words).
func (m *matcher) weigh(words uint64) float64 {
	if m.total == 0 {
		return 0
	}
	w := 0.0
	for g := range min(len(m.idf), 64) {
		if words&(1<<g) != 0 {
			w += m.idf[g]
		}
	}
	return w / m.total
}

// A windowHit is where a question word's group matched in a sentence.
type windowHit struct{ at, group int }

// window returns the number of words of the smallest stretch of the
// sentence that holds a match of each of the matched groups. count is
// scratch space, a zero per group, left zeroed; hits is scratch space
// too, kept grown for the next call (nil: new).
func window(pos [][]int, matched int, count []int, hits *[]windowHit) int {
	var own []windowHit
	if hits == nil {
		hits = &own
	}
	h := (*hits)[:0]
	for g, ps := range pos {
		for _, p := range ps {
			h = append(h, windowHit{p, g})
		}
	}
	*hits = h
	return windowOf(h, matched, count)
}

// windowOf is window over its hits, in any order (sorted here).
func windowOf(hits []windowHit, matched int, count []int) int {
	// insertion sort: a sentence has a few dozen hits at most
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	best, have, lo := math.MaxInt, 0, 0
	for _, h := range hits {
		if count[h.group] == 0 {
			have++
		}
		count[h.group]++
		for have == matched {
			best = min(best, h.at-hits[lo].at+1)
			g := hits[lo].group
			count[g]--
			if count[g] == 0 {
				have--
			}
			lo++
		}
	}
	for _, h := range hits[lo:] {
		count[h.group]--
	}
	if best == math.MaxInt {
		return 1
	}
	return best
}

// nearWords is how far apart two question words may stand in a sentence
// and still count as said together.
const nearWords = 3

// inOrder counts the neighbouring pairs of question words (group g, g+1)
// that the sentence has near each other and in the question's order.
func inOrder(pos [][]int) int {
	n := 0
	for g := 0; g+1 < len(pos); g++ {
	pair:
		for _, a := range pos[g] {
			for _, b := range pos[g+1] {
				if b > a && b-a <= nearWords {
					n++
					break pair
				}
			}
		}
	}
	return n
}

// A kind family groups the answer kinds that look for the same facts.
type kindFamily int

const (
	familyOther kindFamily = iota
	familyTime
	familyNumber
	familyPerson
	familyPlace
	familyName
	familyWhy
	familyDefine
	familyYesNo
)

// family returns the family of the query's kind (kinds): a which- or
// what-question that names a class ("which COUNTRY") asks for a name.
func family(q *query) kindFamily {
	k := kinds[q.kind]
	if k.classIsName && q.hasClass {
		return familyName
	}
	return k.family
}

// factOf says whether sentence d holds a fact of the kind the question asks
// for that the question does not itself give (1, or 0.5 for a weaker kind
// of fact), and how near the nearest such fact stands to the question's
// matched words (1/(1+words between), 0 when nothing matched). fam is
// family(q), which the caller has at hand.
func (e *Engine) factOf(q *query, fam kindFamily, d *doc, mt *match) (fact, near float64) {
	pos := mt.pos
	f := &d.sentence.Facts
	// at holds the best facts' bounds, rarely more than a few: a buffer on
	// the stack spares an allocation for every candidate.
	var atBuf [8]int
	best, at := 0.0, atBuf[:0]
	take := func(v float64, start, end int) {
		if v > best {
			best, at = v, at[:0]
		}
		if v == best && v > 0 {
			at = append(at, start, end)
		}
	}
	switch fam {
	case familyTime:
		for _, x := range f.Dates {
			if spanMentioned(d, mt, x.Start, x.End, true) {
				continue
			}
			v := 0.5
			switch {
			case q.kind == KindWhen && x.Kind != timex.Duration:
				v = 1
			case q.kind == KindSince && x.Kind == timex.Since:
				v = 1
			case q.kind == KindHowLong && x.Kind == timex.Duration:
				v = 1
			}
			take(v, x.Start, x.End)
		}
		if q.kind == KindHowLong {
			for _, n := range f.Numbers {
				if !spanMentioned(d, mt, n.Start, n.End, true) {
					take(0.5, n.Start, n.End)
				}
			}
		}
	case familyNumber:
		for _, n := range f.Numbers {
			if spanMentioned(d, mt, n.Start, n.End, true) {
				continue
			}
			v := 0.5
			if n.Unit != "" && q.focus[d.an.stem(n.Unit)] || q.kind == KindHowMuch && n.Money {
				v = 1
			}
			take(v, n.Start, n.End)
		}
		if q.kind == KindHowMany {
			for _, x := range f.Dates {
				if x.Kind == timex.Duration && !spanMentioned(d, mt, x.Start, x.End, true) {
					take(0.5, x.Start, x.End)
				}
			}
		}
	case familyPerson:
		e.takeNames(d, mt, take, nameValues{corpus.NamePerson: 1, corpus.NameOrg: 0.5, corpus.NameOther: 0.5})
		if qt := f.Quote; qt != nil && !e.mentionsAny(q, qt.Resolved) {
			take(1, 0, 0)
		}
	case familyPlace:
		e.takeNames(d, mt, take, nameValues{corpus.NamePlace: 1, corpus.NameOther: 0.5})
	case familyName:
		kinds := nameValues{corpus.NamePerson: 0.5, corpus.NameOrg: 0.5, corpus.NameOther: 0.5, corpus.NamePlace: 0.5}
		if q.hasClass && int(q.class) < len(kinds) {
			kinds[q.class] = 1
		}
		e.takeNames(d, mt, take, kinds)
	case familyWhy:
		if e.cues.cut(d, "why") != "" {
			take(1, 0, 0)
		}
	case familyDefine:
		if e.define(q, d) != "" {
			take(1, 0, 0)
		}
	}
	if best == 0 {
		return 0, 0
	}
	dist := math.MaxInt
	for k := 0; k+1 < len(at); k += 2 {
		lo, hi := tokenRange(d, at[k], at[k+1])
		for _, ps := range pos {
			for _, p := range ps {
				switch {
				case p < lo:
					dist = min(dist, lo-p)
				case p > hi:
					dist = min(dist, p-hi)
				default:
					dist = 0
				}
			}
		}
	}
	if dist == math.MaxInt {
		return best, 0
	}
	return best, 1 / float64(1+dist)
}

// nameValues values names by kind (corpus.NameKind).
type nameValues [4]float64

// takeNames offers the names of d that the question does not use, valued
// by their kind.
func (e *Engine) takeNames(d *doc, mt *match, take func(v float64, start, end int), kinds nameValues) {
	for _, n := range d.sentence.Facts.Names {
		if int(n.Kind) >= len(kinds) {
			continue
		}
		if v := kinds[n.Kind]; v > 0 && !spanMentioned(d, mt, n.Start, n.End, false) {
			take(v, n.Start, n.End)
		}
	}
}

// spanMentioned reports whether the question used the words of d's
// sentence between byte offsets start and end: all of them (all) or any.
// A span with no content word is never mentioned.
func spanMentioned(d *doc, mt *match, start, end int, all bool) bool {
	seen, used := false, false
	for i, t := range d.toks {
		if t.Start < start || t.End > end || t.stem == "" {
			continue
		}
		seen = true
		if mt.mentioned[i] {
			used = true
			if !all {
				return true
			}
		} else if all {
			return false
		}
	}
	return seen && used
}

// tokenRange returns the indices of the first and last tokens of d inside
// byte offsets [start, end); a span of no token (a whole-sentence fact)
// covers the whole sentence.
func tokenRange(d *doc, start, end int) (int, int) {
	lo, hi := -1, -1
	for i, t := range d.toks {
		if t.Start >= start && t.End <= end {
			if lo < 0 {
				lo = i
			}
			hi = i
		}
	}
	if lo < 0 || start == end {
		return 0, max(0, len(d.toks)-1)
	}
	return lo, hi
}
