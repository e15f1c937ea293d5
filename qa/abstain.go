package qa

import "math"

// The evidence the calibration weighs to say how likely the chosen
// sentence answers: how clearly the ranker preferred it, how much of the
// question it says, whether the short answer is a fact of the kind asked
// for, and what kind of question it is. Fitted by internal/train on
// answerable and unanswerable real questions alike.
const (
	cProb        = iota // the chosen sentence's share of the ranker's softmax over the candidates
	cScore              // its ranking score
	cMargin             // its score minus the best other candidate's (capped)
	cRank               // 1/(1+its place in the ranking)
	cCoverage           // ranking features of the chosen sentence ...
	cRelation           //
	cCovText            //
	cCovStrong          //
	cNameMissing        //
	cFact               //
	cWindow             //
	cArticleCov         //
	cMissing            //
	cTyped              // the short answer is a fact of the kind asked for
	cUnknown            // share of the question's weight no table or article knows
	cWords              // log(1 + content words of the question)
	cForeign            // the question is not in the articles' language
	cForeignProb        // cForeign * cProb
	cFirstMargin        // how far the first stage put it ahead of the best other candidate, as a share of its score
	cFirstTop           // the first stage put it first
	cKindTime           // the kind of question, by family (the rest: what, which)
	cKindNumber
	cKindPerson
	cKindPlace
	cKindName
	cKindWhy
	cKindDefine
	cKindYesNo
	cPlainRel // its plain BM25 as a share of the best candidate's (fPlainBM25Rel)
	cPlainTop // a plain BM25 search would have chosen it too
	// Added for the boosted calibration (abstain_trees.go): what a tree
	// can combine that one weight per input cannot. (How many candidates
	// there were and how long the article is were tried and left out: they
	// tell which data set a question comes from more than whether its
	// answer is right, and the bot's news articles are like none of them.)
	cEntropy    // entropy of the ranker's softmax over the candidates, as a share of its most
	cProbSecond // the best other candidate's share of the softmax
	cNames      // ranking features of the chosen sentence ...
	cNumbers    //
	cFocus      //
	cFactNear   //
	cOrder      //
	cCovContext //
	cWinCov     //
	cParaCov    //
	cBM25       //
	cPlainBM25  //
	cStage1Rel  //
	cLength     //
	cPosition   //
	cPlainRank  // 1/(1+its place when the candidates are ordered by plain BM25)
	cAsksNumber // the question writes a number
	cPrecise    // the rules found exactly what the question names (extraction.precise)
	cClass      // the question names the class of the name it asks for ("which COUNTRY")
	cRunes      // log(1 + runes of the question)
	// Read from the other candidates the ranker scored too: when the
	// paragraph that answers is missing, the best candidates scatter over
	// the article. (The most of the question any candidate says, and its
	// gap to the chosen sentence's, were tried and left out: on dev they
	// added nothing to the chosen sentence's own coverage, and our own
	// sets declined fewer unanswerable questions with them.)
	cPlainMargin // the chosen sentence's plain BM25 minus the best other's, as a share of the larger
	cTopPara     // share of the ranker's next three candidates in the chosen sentence's paragraph or next to it, in its article
	cProbTyped   // cProb * cTyped
	cProbCovText // cProb * the chosen sentence's fCovText
	// Tried and left out (branch gate9-span): what the span model makes of
	// the chosen sentence (the softmax share of its best span of the kind
	// asked for, its margin, whether the rules' answer is that span) and
	// the share of the next candidates whose rules find a fact of the kind.
	// Out of fold on fit they raised the AUC (0.835 -> 0.841), but on dev
	// they cost more at a like share of unanswerable questions declined
	// (2,606 -> 2,646): the span model is fitted on the fit split's
	// answering sentences, so on fit it is surer of them than it can be
	// elsewhere. A per-language-pair or per-kind temperature on the
	// probability, boosted trees deeper, shallower or more (depth 2-4,
	// 150-300 trees) and a one-model calibration moved nothing beyond noise.
	numCalibration
)

var calibrationNames = [numCalibration]string{
	cProb: "prob", cScore: "score", cMargin: "margin", cRank: "rank", cCoverage: "coverage",
	cRelation: "relation", cCovText: "cov_text", cCovStrong: "cov_strong", cNameMissing: "name_missing",
	cFact: "fact", cWindow: "window", cArticleCov: "article_cov", cMissing: "missing", cTyped: "typed", cUnknown: "unknown", cWords: "words",
	cForeign: "foreign", cForeignProb: "foreign_prob", cFirstMargin: "first_margin", cFirstTop: "first_top", cKindTime: "kind_time", cKindNumber: "kind_number", cKindPerson: "kind_person",
	cKindPlace: "kind_place", cKindName: "kind_name", cKindWhy: "kind_why", cKindDefine: "kind_define",
	cKindYesNo: "kind_yesno", cPlainRel: "plain_bm25_rel", cPlainTop: "plain_bm25_top",
	cEntropy: "entropy", cProbSecond: "prob_second",
	cNames: "names", cNumbers: "numbers", cFocus: "focus", cFactNear: "fact_near", cOrder: "order",
	cCovContext: "cov_context", cWinCov: "win_cov", cParaCov: "para_cov", cBM25: "bm25", cPlainBM25: "plain_bm25",
	cStage1Rel: "stage1_rel", cLength: "length", cPosition: "position", cPlainRank: "plain_bm25_rank",
	cAsksNumber: "asks_number", cPrecise: "precise", cClass: "class", cRunes: "runes",
	cPlainMargin: "plain_bm25_margin", cTopPara: "top_para",
	cProbTyped: "prob_typed", cProbCovText: "prob_cov_text",
}

// CalibrationNames returns the names of the calibration's inputs, in the
// order Inspection.Calibration holds them.
func CalibrationNames() []string { return append([]string(nil), calibrationNames[:]...) }

// maxMargin caps the margin: a sentence far ahead is no surer for being
// further ahead.
const maxMargin = 10

// calibrationFeatures describes candidate i of a reranked list; nil when
// the ranker did not score it.
func (e *Engine) calibrationFeatures(q *query, ranked []ranked, i int, x extraction, ev Evidence) []float64 {
	return e.calibrationFeaturesInto(make([]float64, numCalibration), q, ranked, i, x, ev)
}

// calibrationFeaturesInto is calibrationFeatures written into c, which has
// numCalibration zeros.
func (e *Engine) calibrationFeaturesInto(c []float64, q *query, ranked []ranked, i int, x extraction, ev Evidence) []float64 {
	r := ranked[i]
	if r.x == nil {
		return nil
	}
	sum, other, scored := 0.0, math.Inf(-1), 0
	for j, o := range ranked {
		if o.x == nil {
			break
		}
		scored++
		sum += math.Exp(o.z - ranked[0].z)
		if j != i {
			other = max(other, o.z)
		}
	}
	c[cProb] = math.Exp(r.z-ranked[0].z) / sum
	if !math.IsInf(other, -1) {
		c[cProbSecond] = math.Exp(other-ranked[0].z) / sum
	}
	entropy, plainAhead := 0.0, 0
	for _, o := range ranked[:scored] {
		if p := math.Exp(o.z-ranked[0].z) / sum; p > 0 {
			entropy -= p * math.Log(p)
		}
		if o.x[fPlainBM25] > r.x[fPlainBM25] {
			plainAhead++
		}
	}
	if scored > 1 {
		c[cEntropy] = entropy / math.Log(float64(scored))
	}
	c[cPlainRank] = 1 / float64(1+plainAhead)
	c[cNames] = r.x[fNames]
	c[cNumbers] = r.x[fNumbers]
	c[cFocus] = r.x[fFocus]
	c[cFactNear] = r.x[fFactNear]
	c[cOrder] = r.x[fOrder]
	c[cCovContext] = r.x[fCovContext]
	c[cWinCov] = r.x[fWinCov]
	c[cParaCov] = r.x[fParaCov]
	c[cBM25] = r.x[fBM25]
	c[cPlainBM25] = r.x[fPlainBM25]
	c[cStage1Rel] = r.x[fStage1Rel]
	c[cLength] = r.x[fLength]
	c[cPosition] = r.x[fPosition]
	if len(q.numbers) > 0 {
		c[cAsksNumber] = 1
	}
	if x.precise {
		c[cPrecise] = 1
	}
	if q.hasClass {
		c[cClass] = 1
	}
	c[cRunes] = math.Log1p(float64(q.resolvedRunes()))
	c[cScore] = r.z
	c[cMargin] = maxMargin
	if !math.IsInf(other, -1) {
		c[cMargin] = min(maxMargin, r.z-other)
	}
	c[cRank] = 1 / float64(1+i)
	c[cCoverage] = r.x[fCoverage]
	c[cRelation] = r.x[fRelation]
	c[cCovText] = r.x[fCovText]
	c[cCovStrong] = r.x[fCovStrong]
	c[cNameMissing] = r.x[fNameMissing]
	c[cFact] = r.x[fFact]
	c[cWindow] = r.x[fWindow]
	c[cArticleCov] = r.x[fArticleCov]
	c[cMissing] = r.x[fMissing]
	c[cPlainRel] = r.x[fPlainBM25Rel]
	c[cPlainTop] = r.x[fPlainBM25Top]
	if x.typed {
		c[cTyped] = 1
	}
	c[cUnknown] = ev.Unknown
	c[cWords] = math.Log1p(float64(len(q.group)))
	if q.lang != nil && q.lang.Code != e.idx.docs[r.doc].an.l.Code {
		c[cForeign] = 1
	}
	c[cForeignProb] = c[cForeign] * c[cProb]
	best := 0.0
	for j, o := range ranked {
		if o.x == nil {
			break
		}
		if j != i {
			best = max(best, o.first)
		}
	}
	if r.first > 0 {
		c[cFirstMargin] = max(0, (r.first-best)/r.first)
	}
	if r.first >= best {
		c[cFirstTop] = 1
	}
	e.articleEvidence(ranked[:scored], i, c)
	c[cProbTyped] = c[cProb] * c[cTyped]
	c[cProbCovText] = c[cProb] * r.x[fCovText]
	switch family(q) {
	case familyTime:
		c[cKindTime] = 1
	case familyNumber:
		c[cKindNumber] = 1
	case familyPerson:
		c[cKindPerson] = 1
	case familyPlace:
		c[cKindPlace] = 1
	case familyName:
		c[cKindName] = 1
	case familyWhy:
		c[cKindWhy] = 1
	case familyDefine:
		c[cKindDefine] = 1
	case familyYesNo:
		c[cKindYesNo] = 1
	}
	return c
}

// topParaDepth is how many of the ranker's next candidates cTopPara reads.
const topParaDepth = 3

// articleEvidence sets the inputs that read the other scored candidates
// (sorted by the ranker, best first), not candidate i alone: how far plain
// BM25 puts it ahead, and how the best candidates gather around it.
func (e *Engine) articleEvidence(scored []ranked, i int, c []float64) {
	r := scored[i]
	otherPlain := 0.0
	for j, o := range scored {
		if j != i {
			otherPlain = max(otherPlain, o.x[fPlainBM25])
		}
	}
	if top := max(r.x[fPlainBM25], otherPlain); top > 0 {
		c[cPlainMargin] = (r.x[fPlainBM25] - otherPlain) / top
	}
	near, n := 0, 0
	for j, o := range scored {
		if j == i {
			continue
		}
		if n == topParaDepth {
			break
		}
		n++
		a, b := &e.idx.docs[o.doc], &e.idx.docs[r.doc]
		if a.artIdx == b.artIdx && (a.sentence.Paragraph == b.sentence.Paragraph || o.doc-r.doc == 1 || r.doc-o.doc == 1) {
			near++
		}
	}
	if n > 0 {
		c[cTopPara] = float64(near) / float64(n)
	}
}

// languagePair names the question's language and the language of the
// article of sentence d, "es>en": the calibration learns how far each
// pair's evidence can be trusted (Calibration.Pairs).
func (e *Engine) languagePair(q *query, d int) string {
	ql := ""
	if q.lang != nil {
		ql = q.lang.Code
	}
	return ql + ">" + e.idx.docs[d].an.l.Code
}

// probability is the calibrated probability that candidate i answers. A
// ranker without a calibration (a trainer's) or a candidate it did not
// score gets its coverage: declines then keeps the coverage floor.
func (e *Engine) probability(q *query, ranked []ranked, i int, x extraction, ev Evidence) float64 {
	if r := e.ranker; r != nil && r.Calibration != nil {
		var buf [numCalibration]float64 // read once below, kept nowhere
		if c := e.calibrationFeaturesInto(buf[:], q, ranked, i, x, ev); c != nil {
			return r.Calibration.ProbabilityAmong(c, e.languagePair(q, ranked[i].doc), scoredOf(ranked))
		}
	}
	return ev.Coverage
}

// scoredOf is how many candidates of a reranked list the ranker scored.
func scoredOf(ranked []ranked) int {
	n := 0
	for n < len(ranked) && ranked[n].x != nil {
		n++
	}
	return n
}

// declines reports whether the engine withholds an answer with this
// evidence: below the threshold of the calibrated probability, which
// decides alone; without a calibration, below the coverage floor too.
func (e *Engine) declines(ev Evidence) bool {
	if ev.Confidence < e.opts.MinConfidence {
		return true
	}
	calibrated := e.ranker != nil && e.ranker.Calibration != nil
	return !calibrated && ev.Coverage < e.opts.MinCoverage
}

// answerScore is the Score of an answer: the calibrated probability that
// its sentence answers when the engine has a calibration (the relative
// score of the ranking's first sentence is always 1, which says nothing
// from one question to the next), else its retrieval score.
func (e *Engine) answerScore(res result) float64 {
	if r := e.ranker; r != nil && r.Calibration != nil {
		return res.evidence.Confidence
	}
	return res.score
}
