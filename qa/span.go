package qa

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
)

// Short answers are chosen among candidate spans of the quoted sentence:
// every run of up to maxSpanTokens words that does not start or end on a
// word the question used, each described by features (what fact it is,
// how it fits the kind of question, where it stands relative to the words
// the question matched, which role a cue gives it) and scored by a linear
// model fitted on real questions (spanmodel.go, internal/trainspans).

// maxSpanTokens bounds the words of a candidate span. Longer answers are
// rare in the data and the candidates grow with the square of it.
const maxSpanTokens = 10

// A spanFeat is one active feature of a candidate: an index among the
// base features (spanFeatureNames) and its value.
type spanFeat struct {
	id  int16
	val float32
}

// A spanCand is one candidate short answer: tokens [i, j) of the
// sentence, bytes [start, end) of its text.
type spanCand struct {
	i, j       int
	start, end int
	class      int // spanClass
	place      int // where it stands among the question's words: placeBefore...
	feats      []spanFeat
}

// Classes of spans for the focus features: a fact kind when the span is
// exactly a fact, else one of these.
const (
	classCap = nFactKinds + iota // capitalised words
	classNum                     // holds a number
	classOther
	nSpanClasses
)

// Places of a span among the words of the sentence the question used.
const (
	placeBefore  = iota // all of them after it
	placeAfter          // all of them before it
	placeBetween        // some on each side
	placeNone           // the sentence has none
	nPlaces
)

var placeNames = [nPlaces]string{"before", "after", "between", "none"}

var spanClassNames = [nSpanClasses]string{"date", "duration", "number", "money", "person", "place", "org", "name", "numeral", "cap", "num", "other"}

// Base features. Each fires in three copies in the model: alone, crossed
// with the question's kind and crossed with the articles' language, so
// that what holds for every kind is learnt from all the data and what
// holds for one kind from its questions.
const (
	sfLen1 int16 = iota
	sfLen2
	sfLen3
	sfLen4
	sfLen5
	sfLen6to7
	sfLen8plus
	sfQuestionShare // share of the span's content words the question used
	sfAnyQuestion   // the span holds a word of the question
	sfLeftBound     // punctuation or the sentence start before the span
	sfRightBound    // punctuation or the sentence end after it
	sfStartsStop    // first word is a stop word
	sfEndsStop      // last word is a stop word
	sfInnerComma    // a comma, semicolon or colon inside
	sfInnerQuote    // a quotation mark or bracket inside
	sfLeftDist0     // distance in words to the nearest question word on the left: adjacent
	sfLeftDist1
	sfLeftDist2
	sfLeftDist3to4
	sfLeftDist5to8
	sfLeftDist9plus
	sfLeftNone
	sfRightDist0 // the same on the right
	sfRightDist1
	sfRightDist2
	sfRightDist3to4
	sfRightDist5to8
	sfRightDist9plus
	sfRightNone
	sfLeftWindow  // share of the 5 words before the span that the question used
	sfRightWindow // the same after it
	sfCapitalised // every content word capitalised
	sfHasDigit
	sfRuleExact   // the span is the one the rules cut out
	sfRuleOverlap // token F1 of the span against the rules' answer
	sfAfterWho    // right after an agent cue: "sponsored by"
	sfAfterHow    // right after a means cue: "using"
	sfAfterWhy    // right after a cause cue: "because of"
	sfAfterPurpose
	sfAfterWhere // right after a place cue: "in", "near"
	sfAfterDuration
	sfAfterDefine // right after a definition cue: "known as"
	sfAfterQuote  // right after a speech cue: "said"
	sfAfterAccuse // right after an accusing verb: "accused Y of": the accused
	sfBeforeQuote // right before a speech cue the question did not use: the source
	sfBeforeAccuse
	sfApposition // between commas right after a name the question used
	sfSubject    // ends right before the first question word
	sfObject     // starts right after the last question word
	sfFocusIn    // holds the question's focus word ("how many PEOPLE")
	sfFocusAfter // the focus word follows it: "3,000 people"
	sfFocusBefore
	sfClassFit       // a name of the class the question asks for ("which COUNTRY")
	sfCutsName       // starts or ends inside a run of capitalised words
	sfQuestionBefore // share of the question's words of the sentence before the span
	sfQuestionAfter  // and after it
	sfDateYear       // a date to the year (or coarser)
	sfDateMonth      // to the month or season
	sfDateDay        // to the day or week
	sfDateTime       // to the hour
	sfUnitFit        // a date as precise as the unit the question names ("what YEAR")
	sfUnitMismatch   // a date of another precision than the unit named
	sfLeftClause     // punctuation between the span and the question word before it
	sfRightClause    // and after it
	sfQuoted         // the words between a pair of quotation marks
	sfMeasureFit     // a quantity of the measure asked for ("how FAR": km)
	sfMeasureOther   // a quantity of another measure than the one asked for
	// sfLeftIDF and sfRightIDF are the share of the question's evidence
	// in the sentence (the idf of the words it used) that stands within
	// idfWindow words before and after the span: words as rare as a name
	// say more of where the answer is than common ones.
	sfLeftIDF
	sfRightIDF
	sfNearRarest // the rarest word of the question in the sentence is within idfWindow words
	// sfLeftQLast and sfRightQFirst compare the order of the question with
	// the sentence's: the question word within 2 words before the span is
	// the question's last ("what did the storm CAUSE?": "caused [floods]"),
	// the one within 2 words after it its first ("who FOUNDED the firm?":
	// "[Anna Berg] founded"); sfLeftQOrder and sfRightQOrder are where in
	// the question those words stand (0 first, 1 last).
	sfLeftQLast
	sfRightQFirst
	sfLeftQOrder
	sfRightQOrder
	// sfRulePrecise is the rules' own answer when they are sure of it
	// (extraction.precise: a name of the class asked for, a quantity of
	// the measure asked for): fitted per kind, so that the model learns
	// when the rules' sure answer is right instead of always taking it.
	sfRulePrecise
	// The question phrase's place among the question's words (query.whAt)
	// against the span's among the sentence's: sfWhPrevLeft is set when
	// the question word within 2 words before the span is the last one the
	// question writes before its phrase ("a new TAX on what":
	// "tax on [imports]"), sfWhNextRight when the one within 2 words
	// after it is the first after the phrase; sfOrderMid, for a phrase
	// inside the question, is the share of the question's evidence in the
	// sentence on the side of the span its words take in the question.
	// sfPrepBefore and sfPrepIn: the word before the span is the stop
	// word before the phrase ("on" of "tax on what") or the phrase's own
	// first ("in" of "in what year").
	sfWhPrevLeft
	sfWhNextRight
	sfOrderMid
	sfPrepBefore
	sfPrepIn
	sfFactBase // fact features follow: factKinds x factRelations
)

// Kinds of facts a span can be, and how a span relates to one.
const (
	factDate = iota
	factDuration
	factNumber
	factMoney
	factPerson
	factPlace
	factOrg
	factName
	factNumeral // the digits of a quantity without its unit: "69,180" of "69,180 known"
	nFactKinds
)

const (
	relExact    = iota // the span is the fact
	relContains        // the span holds the fact and more
	relInside          // the span is part of the fact
	nFactRelations
)

// nSpanFeatures is the number of base features.
const nSpanFeatures = int(sfFactBase) + nFactKinds*nFactRelations

var factKindNames = [nFactKinds]string{"date", "duration", "number", "money", "person", "place", "org", "name", "numeral"}
var factRelNames = [nFactRelations]string{"exact", "contains", "inside"}

// spanFeatureNames returns the names of the base features, by index.
func spanFeatureNames() []string {
	names := []string{"len=1", "len=2", "len=3", "len=4", "len=5", "len=6-7", "len=8+",
		"question_share", "any_question", "left_bound", "right_bound", "starts_stop", "ends_stop",
		"inner_comma", "inner_quote",
		"left_dist=0", "left_dist=1", "left_dist=2", "left_dist=3-4", "left_dist=5-8", "left_dist=9+", "left_dist=none",
		"right_dist=0", "right_dist=1", "right_dist=2", "right_dist=3-4", "right_dist=5-8", "right_dist=9+", "right_dist=none",
		"left_window", "right_window", "capitalised", "has_digit", "rule_exact", "rule_overlap",
		"after_who", "after_how", "after_why", "after_purpose", "after_where", "after_duration", "after_define",
		"after_quote", "after_accuse", "before_quote", "before_accuse",
		"apposition", "subject", "object", "focus_in", "focus_after", "focus_before", "class_fit", "cuts_name",
		"question_before", "question_after", "date=year", "date=month", "date=day", "date=time", "unit_fit", "unit_mismatch",
		"left_clause", "right_clause", "quoted", "measure_fit", "measure_other", "left_idf", "right_idf", "near_rarest",
		"left_q_last", "right_q_first", "left_q_order", "right_q_order", "rule_precise",
		"wh_prev_left", "wh_next_right", "order_mid", "prep_before", "prep_in"}
	for _, k := range factKindNames {
		for _, r := range factRelNames {
			names = append(names, "fact="+k+"/"+r)
		}
	}
	return names
}

// A spanFact is a date, number or name of a sentence as a kind and a byte span.
type spanFact struct {
	kind       int
	start, end int
	text       string
	prec       timex.Precision // of a date
	measure    string          // of a quantity: "money", "distance" (cues.measureOf)
	i, j       int             // the words it covers, when readSpanDoc set them
}

// sentenceFacts lists the facts of a sentence with their kinds.
func sentenceFacts(s *corpus.Sentence) []spanFact {
	f := &s.Facts
	out := make([]spanFact, 0, len(f.Dates)+len(f.Numbers)+len(f.Names))
	for _, d := range f.Dates {
		k := factDate
		if d.Kind == timex.Duration || d.Kind == timex.Set {
			k = factDuration
		}
		out = append(out, spanFact{kind: k, start: d.Start, end: d.End, text: d.Text, prec: d.Precision})
	}
	for _, n := range f.Numbers {
		k := factNumber
		if n.Money {
			k = factMoney
		}
		out = append(out, spanFact{kind: k, start: n.Start, end: n.End, text: n.Text})
		if n.Unit != "" && strings.HasSuffix(n.Text, n.Unit) && len(n.Text) > len(n.Unit) {
			num := strings.TrimRight(n.Text[:len(n.Text)-len(n.Unit)], " -")
			out = append(out, spanFact{kind: factNumeral, start: n.Start, end: n.Start + len(num), text: num})
		}
	}
	for _, n := range f.Names {
		k := factName
		switch n.Kind {
		case corpus.NamePerson:
			k = factPerson
		case corpus.NamePlace:
			k = factPlace
		case corpus.NameOrg:
			k = factOrg
		}
		out = append(out, spanFact{kind: k, start: n.Start, end: n.End, text: n.Text})
	}
	return out
}

// spanContext is what the features of every candidate of one sentence
// share: per word, whether the question used it and what stands around it.
type spanContext struct {
	*spanDoc
	inQ   []bool // the question used the word
	focus []bool
	// nearest question word at or before / at or after each position.
	leftQ, rightQ []int
	nameQ         []bool // word k is part of a name the question used
	asked         int    // words of the sentence the question used
	// unit is the calendar unit the question names ("what YEAR"),
	// PrecisionNone when it names none; measure the measure it asks for
	// ("how FAR": "distance"), "" when none.
	unit    timex.Precision
	measure string
	// focusKey is the question's language and focus word, "en:year/",
	// "" when it has none.
	focusKey string
	// phraseKey and afterKey are the question's language with its question
	// phrase and the word after it: "en:who/", "en:did/".
	phraseKey, afterKey string
	// asksSource is set when the question uses a verb of saying or
	// accusing: its answer may be who said or accused.
	asksSource bool
	// focusEnds is set when the focus names the kind of thing asked for
	// ("which FAULT", "how many PEOPLE"), which the answer may end with.
	focusEnds bool
	// class is the class of name the question asks for, when hasClass.
	class    corpus.NameKind
	hasClass bool
	// focusBinds is set when every candidate must be of the kind the
	// focus names (fitsKind, ofFocus).
	focusBinds bool
	// measureBinds is set when every candidate must hold a quantity of
	// the measure asked for (fitsKind).
	measureBinds bool
	// pre[x][k] counts the words (or gaps) before word k that have
	// property x: sums over any span in constant time.
	pre [nPre][]int
	// askedIDF[k] sums the idf of the question's words before word k;
	// askedIDFTotal over the sentence; rarest is the index of the rarest
	// of them, -1 when none.
	// qOrder[k] is where in the question word k stands, 0 for its first
	// content word to 1 for its last; -1 when the question did not use it.
	qOrder []float64
	// whSide[k] says where the question writes word k: whBefore its
	// phrase, whAfter, whLast the last word before it, whFirst the first
	// after it (0 when the question did not use the word or has no
	// phrase); beforeIDF[k] sums the idf of the words before word k that
	// the question writes before its phrase.
	whSide        []uint8
	beforeIDF     []float64
	askedIDF      []float64
	askedIDFTotal float64
	rarest        int
	rule          extraction
	ruleI, ruleJ  int // the rules' answer as tokens; -1 when none
	// prepBefore and prepIn are the query's (sfPrepBefore, sfPrepIn).
	prepBefore, prepIn string
}

// Values of spanContext.whSide.
const (
	whNone uint8 = iota
	whBefore
	whLast
	whAfter
	whFirst
)

// A spanDoc is what the features of a sentence owe to the sentence alone,
// whatever the question: read once per sentence and kept (spanDocOf).
type spanDoc struct {
	text string
	toks []docToken
	stop []bool
	caps []bool // word k is capitalised or a number
	// punctBefore[k] is set when punctuation (or the sentence start)
	// stands before word k; punctBefore[len] for the end.
	punctBefore []bool
	// cueEnd[k] has bit b set when a cue of kind cueKinds[b] ends right
	// before word k; cueStart[k] when one starts at word k.
	cueEnd, cueStart []uint16
	// sources[k] counts the verbs of saying or accusing that start before
	// word k.
	sources []int
	// comma[k], quote[k] and strong[k] say the gap before word k holds a
	// comma (or semicolon, colon), a quotation mark or bracket, and
	// punctuation no short answer runs over.
	comma, quote, strong []bool
	facts                []spanFact
	names                []corpus.Name
	// keys are the words as the lexical features see them: a stop word
	// itself, a class for the others ("<cap>", "<num>", "<w>"); prevKey
	// and nextKey what stands before word k and after word k-1, a
	// punctuation mark when there is one.
	keys, prevKey, nextKey []string
	lexKey                 [nLexPos][]string // see lexKeys
	// lexID holds lexKey as ids of the engine's span model (-1 for a key
	// it lacks), for scoring without a map lookup.
	lexID [nLexPos][]int32
}

// cueKinds are the cue phrases whose end marks the start of a role.
var cueKinds = []struct {
	kind string
	feat int16
}{
	{"who", sfAfterWho}, {"how", sfAfterHow}, {"why", sfAfterWhy}, {"purpose", sfAfterPurpose},
	{"where", sfAfterWhere}, {"duration", sfAfterDuration}, {"define", sfAfterDefine},
	{"quote", sfAfterQuote}, {"accuse", sfAfterAccuse},
}

// Properties of words counted in spanContext.pre.
const (
	preContent = iota // not a stop word
	preAsked          // a word of the question
	preCaps           // a capitalised content word, or a number
	preDigit          // holds a digit
	preComma          // a comma before it (a gap)
	preQuote          // a quotation mark or bracket before it (a gap)
	preFocus          // the question's focus
	prePunct          // punctuation before it (a gap)
	nPre
)

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// The bits of the verbs of saying and accusing in spanDoc.cueStart: their
// places in cueKinds (TestCueBits).
const (
	bitQuote  uint16 = 1 << 7
	bitAccuse uint16 = 1 << 8
)

// cueBit is the bit of a cue kind in spanContext.cueEnd and cueStart; 0
// for a kind the features do not use.
func cueBit(kind string) uint16 {
	for b, ck := range cueKinds {
		if ck.kind == kind {
			return 1 << b
		}
	}
	return 0
}

// carve cuts the first n elements off *buf and returns them, capped at n
// so that an append to one slice cannot run into the next.
func carve[T any](buf *[]T, n int) []T {
	s := (*buf)[:n:n]
	*buf = (*buf)[n:]
	return s
}

// newSpanContext reads sentence d for the query.
func (e *Engine) newSpanContext(q *query, d *doc, rule extraction) *spanContext {
	return e.spanContextOf(q, e.readSpanDoc(d, nil), rule)
}

// spanContextOf reads what the question does to a sentence already read.
func (e *Engine) spanContextOf(q *query, sd *spanDoc, rule extraction) *spanContext {
	n := len(sd.toks)
	// The per-word slices are cut from one array of each element type:
	// five allocations where there was one a slice.
	bools := make([]bool, 3*n)
	ints := make([]int, (2+nPre)*(n+1))
	floats := make([]float64, 3*n+2)
	c := &spanContext{spanDoc: sd, inQ: carve(&bools, n), focus: carve(&bools, n), leftQ: carve(&ints, n+1),
		rightQ: carve(&ints, n+1), nameQ: carve(&bools, n), rule: rule, ruleI: -1, ruleJ: -1}
	for k, t := range sd.toks {
		c.inQ[k] = t.stem != "" && q.mentioned[t.stem]
		if c.inQ[k] {
			c.asked++
		}
		c.focus[k] = t.stem != "" && q.focus[t.stem]
	}
	for x := range c.pre {
		c.pre[x] = carve(&ints, n+1)
	}
	for k, t := range sd.toks {
		c.pre[preContent][k+1] = c.pre[preContent][k] + b2i(!sd.stop[k])
		c.pre[preAsked][k+1] = c.pre[preAsked][k] + b2i(c.inQ[k])
		c.pre[preCaps][k+1] = c.pre[preCaps][k] + b2i(!sd.stop[k] && sd.caps[k])
		c.pre[preDigit][k+1] = c.pre[preDigit][k] + b2i(t.Kind != 0)
		c.pre[preComma][k+1] = c.pre[preComma][k] + b2i(sd.comma[k])
		c.pre[preQuote][k+1] = c.pre[preQuote][k] + b2i(sd.quote[k])
		c.pre[preFocus][k+1] = c.pre[preFocus][k] + b2i(c.focus[k])
		c.pre[prePunct][k+1] = c.pre[prePunct][k] + b2i(k > 0 && sd.punctBefore[k])
	}
	c.qOrder = carve(&floats, n)
	// The first group that holds each of the sentence's stems the question
	// used: a map of the sentence's few stems, looked up by the query's
	// many (a map of every stem of the query cost more to build than the
	// rest of the context).
	groupOf := make(map[string]int, n)
	for k, t := range sd.toks {
		if c.inQ[k] {
			groupOf[t.stem] = -1
		}
	}
	if len(groupOf) > 0 {
		for gi := len(q.group) - 1; gi >= 0; gi-- {
			for _, a := range q.group[gi].alts {
				for _, s := range a.stems {
					if _, ok := groupOf[s]; ok {
						groupOf[s] = gi
					}
				}
			}
		}
	}
	lastBefore, firstAfter := -1, -1
	if q.whAt >= 0 {
		for gi, g := range q.group {
			if g.at < q.whAt && (lastBefore < 0 || g.at > q.group[lastBefore].at) {
				lastBefore = gi
			}
			if g.at > q.whAt && (firstAfter < 0 || g.at < q.group[firstAfter].at) {
				firstAfter = gi
			}
		}
	}
	c.whSide = make([]uint8, n)
	for k, t := range sd.toks {
		c.qOrder[k] = -1
		if gi, ok := groupOf[t.stem]; ok && gi >= 0 && c.inQ[k] {
			c.qOrder[k] = float64(gi) / float64(max(1, len(q.group)-1))
			if q.whAt >= 0 {
				switch {
				case gi == lastBefore:
					c.whSide[k] = whLast
				case gi == firstAfter:
					c.whSide[k] = whFirst
				case q.group[gi].at < q.whAt:
					c.whSide[k] = whBefore
				default:
					c.whSide[k] = whAfter
				}
			}
		}
	}
	c.askedIDF, c.beforeIDF, c.rarest = carve(&floats, n+1), carve(&floats, n+1), -1
	rarestIDF := 0.0
	for k, t := range sd.toks {
		w := 0.0
		if c.inQ[k] {
			w = e.idx.meanIDF
			if tid, ok := e.idx.termID(t.stem); ok {
				w = e.idx.idf[tid]
			}
			if c.rarest < 0 || w > rarestIDF {
				c.rarest, rarestIDF = k, w
			}
		}
		c.askedIDF[k+1] = c.askedIDF[k] + w
		c.beforeIDF[k+1] = c.beforeIDF[k]
		if c.whSide[k] == whBefore || c.whSide[k] == whLast {
			c.beforeIDF[k+1] += w
		}
	}
	c.prepBefore, c.prepIn = q.prepBefore, q.prepIn
	c.askedIDFTotal = c.askedIDF[n]
	if q.focusWord != "" {
		c.focusKey = q.lang.Code + ":" + q.focusWord + "/"
	}
	if q.phrase != "" {
		c.phraseKey = q.lang.Code + ":" + q.phrase + "/"
	}
	if q.after != "" {
		c.afterKey = q.lang.Code + ":" + q.after + "/"
	}
	c.asksSource = e.asksSource(q)
	c.measure = e.measureAsked(q)
	if c.measure == "" && q.kind == KindHowMuch {
		c.measure = "money" // "how much?" without a measure asks a price
	}
	c.focusEnds = kinds[q.kind].focusEnds
	c.class, c.hasClass = q.class, q.hasClass
	c.focusBinds = rule.sure() && (kinds[q.kind].classTyped && q.hasClass || kinds[q.kind].focusTyped && c.pre[preFocus][n] > 0)
	c.measureBinds = kinds[q.kind].spanFacts != nil && rule.sure() && c.measure != ""
	if tl := e.TimeLanguage(q.lang.Code); tl != nil {
		for _, t := range q.toks {
			if p, ok := tl.Unit(t.Text); ok {
				c.unit = p
				break
			}
		}
	}
	last := -1
	for k := 0; k <= n; k++ {
		c.leftQ[k] = last // nearest question word before position k
		if k < n && c.inQ[k] {
			last = k
		}
	}
	next := -1
	for k := n; k >= 0; k-- {
		if k < n && c.inQ[k] {
			next = k
		}
		c.rightQ[k] = next // nearest question word at or after k
	}
	for _, nm := range sd.names {
		if !e.mentionsAny(q, nm.Text) {
			continue
		}
		for k, t := range sd.toks {
			if t.Start >= nm.Start && t.End <= nm.End {
				c.nameQ[k] = true
			}
		}
	}
	if rule.text != "" {
		start, end := rule.start, rule.end
		if end <= start {
			if at := strings.Index(c.text, rule.text); at >= 0 {
				start, end = at, at+len(rule.text)
			}
		}
		if end > start {
			c.ruleI, c.ruleJ = wordsWithin(sd.toks, start, end)
		}
	}
	return c
}

// readSpanDoc reads a sentence for the span features; with a model, the
// lexical keys are looked up in its vocabulary.
func (e *Engine) readSpanDoc(d *doc, m *spanModel) *spanDoc {
	n := len(d.toks)
	sd := &spanDoc{text: d.sentence.Text, toks: d.toks, stop: make([]bool, n), caps: make([]bool, n),
		punctBefore: make([]bool, n+1), cueEnd: make([]uint16, n+1), cueStart: make([]uint16, n+1),
		sources: make([]int, n+2), comma: make([]bool, n+1), quote: make([]bool, n+1), strong: make([]bool, n+1),
		keys: make([]string, n), prevKey: make([]string, n+1), nextKey: make([]string, n+1), names: d.sentence.Facts.Names}
	for k, t := range d.toks {
		sd.stop[k] = t.stem == ""
		r, _ := utf8.DecodeRuneInString(t.Text)
		sd.caps[k] = unicode.IsUpper(r) || unicode.IsDigit(r)
		sd.keys[k] = wordKey(t, sd.stop[k])
		if k == 0 {
			sd.punctBefore[0] = true
		} else {
			gap := sd.text[d.toks[k-1].End:t.Start]
			sd.punctBefore[k] = hasPunct(gap)
			sd.comma[k] = strings.ContainsAny(gap, ",;:")
			sd.quote[k] = strings.ContainsAny(gap, "\"“”«»()")
			sd.strong[k] = hasStrongPunct(gap)
		}
		for _, ref := range e.cues.byFirst[t.folded] {
			if b := cueBit(ref.kind); b != 0 && matchWords(d.toks[k:], ref.words) {
				sd.cueEnd[k+len(ref.words)] |= b
				sd.cueStart[k] |= b
			}
		}
	}
	if n > 0 {
		sd.punctBefore[n] = true
	}
	for k := 0; k <= n; k++ {
		switch {
		case k == 0:
			sd.prevKey[k] = "^"
		case k == n:
			sd.prevKey[k] = sd.keys[k-1] // no span starts after the last word
		case sd.punctBefore[k]:
			sd.prevKey[k] = lastPunct(sd.text[d.toks[k-1].End:d.toks[k].Start])
		default:
			sd.prevKey[k] = sd.keys[k-1]
		}
		switch {
		case k == n:
			sd.nextKey[k] = "$"
		case k > 0 && sd.punctBefore[k]:
			sd.nextKey[k] = firstPunct(sd.text[d.toks[k-1].End:d.toks[k].Start])
		default:
			sd.nextKey[k] = sd.keys[k]
		}
	}
	source := bitQuote | bitAccuse
	for k := 0; k <= n; k++ {
		sd.sources[k+1] = sd.sources[k]
		if sd.cueStart[k]&source != 0 {
			sd.sources[k+1]++
		}
	}
	sd.facts = sentenceFacts(d.sentence)
	for _, n := range d.sentence.Facts.Numbers {
		for f := range sd.facts {
			if x := &sd.facts[f]; x.start == n.Start && (x.kind == factNumber || x.kind == factMoney || x.kind == factNumeral) {
				x.measure = e.cues.measureOf(n)
			}
		}
	}
	for k := range sd.facts {
		sd.facts[k].i, sd.facts[k].j = wordsWithin(d.toks, sd.facts[k].start, sd.facts[k].end)
	}
	sd.lexKeys()
	if m != nil {
		for p := range sd.lexID {
			if lexAnchor[p] >= anchorClass {
				continue
			}
			ids := make([]int32, len(sd.lexKey[p]))
			for k, key := range sd.lexKey[p] {
				ids[k] = m.lexID(p, key)
			}
			sd.lexID[p] = ids
		}
	}
	return sd
}

// wordsWithin returns the words of toks that lie within bytes [start, end).
func wordsWithin(toks []docToken, start, end int) (int, int) {
	i, j := -1, -1
	for k, t := range toks {
		if t.Start >= start && t.End <= end {
			if i < 0 {
				i = k
			}
			j = k + 1
		}
	}
	return i, j
}

// hasPunct reports whether the text between two words holds punctuation.
func hasPunct(gap string) bool {
	for _, r := range gap {
		if !unicode.IsSpace(r) {
			return true
		}
	}
	return false
}

// isSource reports whether span [i, j) is the subject of a verb of saying
// or accusing that the question did not use, with words of the question
// after the verb: "Anna Berg" in "Anna Berg accused the rebels of being
// behind the attack" does not answer who was behind it. A question about who said or
// accused (c.asksSource) keeps such spans.
//
// Nor does a span that holds such a verb ("Anna Berg accused the rebels"): it
// says who claimed, with what was claimed.
func (c *spanContext) isSource(i, j int) bool {
	if c.asksSource {
		return false
	}
	if c.sources[j] > c.sources[i+1] { // a verb starts within the span
		return true
	}
	if j >= len(c.toks) || c.inQ[j] || c.cueStart[j]&(bitQuote|bitAccuse) == 0 {
		return false
	}
	return c.rightQ[j] > j
}

// hasStrongPunct reports punctuation a short answer does not run over.
func hasStrongPunct(gap string) bool {
	return strings.ContainsAny(gap, ".;:!?()[]")
}

// spanFeatures describes candidate [i, j) of the sentence.
//
// The features are appended to f, whose storage the caller may reuse.
func (e *Engine) spanFeatures(q *query, c *spanContext, i, j int, f []spanFeat) spanCand {
	cand := spanCand{i: i, j: j, start: c.toks[i].Start, end: c.toks[j-1].End, class: -1}
	on := func(id int16) { f = append(f, spanFeat{id, 1}) }
	val := func(id int16, v float64) {
		if v != 0 {
			f = append(f, spanFeat{id, float32(v)})
		}
	}
	switch l := j - i; {
	case l <= 5:
		on(sfLen1 + int16(l-1))
	case l <= 7:
		on(sfLen6to7)
	default:
		on(sfLen8plus)
	}
	content := c.pre[preContent][j] - c.pre[preContent][i]
	asked := c.pre[preAsked][j] - c.pre[preAsked][i]
	caps := c.pre[preCaps][j] - c.pre[preCaps][i]
	digit := c.pre[preDigit][j] > c.pre[preDigit][i]
	if content > 0 {
		val(sfQuestionShare, float64(asked)/float64(content))
		if caps == content {
			on(sfCapitalised)
		}
	}
	if asked > 0 {
		on(sfAnyQuestion)
	}
	if digit {
		on(sfHasDigit)
	}
	if c.punctBefore[i] {
		on(sfLeftBound)
	}
	if c.punctBefore[j] {
		on(sfRightBound)
	}
	if c.stop[i] {
		on(sfStartsStop)
	}
	if c.stop[j-1] {
		on(sfEndsStop)
	}
	if c.pre[preComma][j] > c.pre[preComma][i+1] {
		on(sfInnerComma)
	}
	if c.pre[preQuote][j] > c.pre[preQuote][i+1] {
		on(sfInnerQuote)
	}
	if l := c.leftQ[i]; l < 0 {
		on(sfLeftNone)
	} else {
		on(distFeat(sfLeftDist0, i-l-1))
		if c.pre[prePunct][i+1] > c.pre[prePunct][l+1] {
			on(sfLeftClause) // "X said, Y": a comma between
		}
	}
	if r := c.rightQ[j]; r < 0 {
		on(sfRightNone)
	} else {
		on(distFeat(sfRightDist0, r-j))
		if c.pre[prePunct][r+1] > c.pre[prePunct][j] {
			on(sfRightClause)
		}
	}
	if i > 0 && j < len(c.toks) && c.quote[i] && c.quote[j] && c.pre[preQuote][j] == c.pre[preQuote][i+1] {
		on(sfQuoted)
	}
	val(sfLeftWindow, c.window(i-5, i))
	val(sfRightWindow, c.window(j, j+5))
	if c.askedIDFTotal > 0 {
		lo, hi := max(i-idfWindow, 0), min(j+idfWindow, len(c.toks))
		val(sfLeftIDF, (c.askedIDF[i]-c.askedIDF[lo])/c.askedIDFTotal)
		val(sfRightIDF, (c.askedIDF[hi]-c.askedIDF[j])/c.askedIDFTotal)
		if r := c.rarest; r >= lo && r < hi {
			on(sfNearRarest)
		}
	}
	if l := c.leftQ[i]; l >= 0 && i-l-1 <= 2 && c.qOrder[l] >= 0 {
		val(sfLeftQOrder, c.qOrder[l])
		if c.qOrder[l] == 1 {
			on(sfLeftQLast)
		}
	}
	if r := c.rightQ[j]; r >= 0 && r-j <= 2 && c.qOrder[r] >= 0 {
		val(sfRightQOrder, c.qOrder[r])
		if c.qOrder[r] == 0 {
			on(sfRightQFirst)
		}
	}
	if l := c.leftQ[i]; l >= 0 && i-l-1 <= 2 && c.whSide[l] == whLast {
		on(sfWhPrevLeft)
	}
	if r := c.rightQ[j]; r >= 0 && r-j <= 2 && c.whSide[r] == whFirst {
		on(sfWhNextRight)
	}
	if before := c.beforeIDF[len(c.toks)]; before > 0 && c.askedIDFTotal > 0 {
		after := c.askedIDFTotal - before
		val(sfOrderMid, (c.beforeIDF[i]+(after-(c.askedIDF[j]-c.beforeIDF[j])))/c.askedIDFTotal)
	}
	if i > 0 && !c.punctBefore[i] {
		if w := c.toks[i-1].folded; c.prepBefore != "" && w == c.prepBefore {
			on(sfPrepBefore)
		} else if c.prepIn != "" && w == c.prepIn {
			on(sfPrepIn)
		}
	}
	if c.ruleI >= 0 {
		if c.ruleI == i && c.ruleJ == j {
			on(sfRuleExact)
			if c.rule.sure() {
				on(sfRulePrecise)
			}
		}
		if lo, hi := max(i, c.ruleI), min(j, c.ruleJ); hi > lo {
			p, r := float64(hi-lo)/float64(j-i), float64(hi-lo)/float64(c.ruleJ-c.ruleI)
			val(sfRuleOverlap, 2*p*r/(p+r))
		}
	}
	if m := c.cueEnd[i]; m != 0 {
		for b, ck := range cueKinds {
			if m&(1<<b) != 0 {
				on(ck.feat)
			}
		}
	}
	// The subject of a verb of saying or accusing the question did not use
	// is the source of what follows, not its actor.
	if j < len(c.toks) && !c.inQ[j] {
		if c.cueStart[j]&bitQuote != 0 {
			on(sfBeforeQuote)
		}
		if c.cueStart[j]&bitAccuse != 0 {
			on(sfBeforeAccuse)
		}
	}
	if i >= 2 && strings.TrimSpace(c.text[c.toks[i-1].End:c.toks[i].Start]) == "," && c.nameQ[i-1] && c.punctBefore[j] {
		on(sfApposition)
	}
	if r := c.rightQ[j]; r >= 0 && r == c.rightQ[0] && r-j <= 1 {
		on(sfSubject)
	}
	if l := c.leftQ[i]; l >= 0 && c.rightQ[l+1] < 0 && i-l-1 <= 1 {
		on(sfObject)
	}
	if c.pre[preFocus][j] > c.pre[preFocus][i] {
		on(sfFocusIn)
	}
	if j < len(c.toks) && c.focus[j] {
		on(sfFocusAfter)
	}
	if i > 0 && c.focus[i-1] {
		on(sfFocusBefore)
	}
	if i > 0 && !c.punctBefore[i] && c.caps[i-1] && c.caps[i] || j < len(c.toks) && !c.punctBefore[j] && c.caps[j-1] && c.caps[j] {
		on(sfCutsName)
	}
	cand.place = placeNone
	if c.asked > 0 {
		before, after := c.pre[preAsked][i], c.asked-c.pre[preAsked][j]
		switch {
		case before == 0:
			cand.place = placeBefore
		case after == 0:
			cand.place = placeAfter
		default:
			cand.place = placeBetween
		}
		val(sfQuestionBefore, float64(before)/float64(c.asked))
		val(sfQuestionAfter, float64(after)/float64(c.asked))
	}
	for _, x := range c.facts {
		rel := -1
		switch {
		case x.start >= cand.start && x.end <= cand.end:
			rel = relContains
			if x.start == cand.start && x.end == cand.end || x.i == i && x.j == j {
				rel = relExact
			}
		case cand.start >= x.start && cand.end <= x.end:
			rel = relInside
		}
		if rel < 0 {
			continue
		}
		on(sfFactBase + int16(x.kind*nFactRelations+rel))
		if rel == relExact && cand.class < 0 {
			cand.class = x.kind
		}
		if x.measure != "" && c.measure != "" && (rel == relExact || x.kind == factNumeral && rel != relInside) {
			if x.measure == c.measure {
				on(sfMeasureFit)
			} else {
				on(sfMeasureOther)
			}
		}
		if rel == relExact && x.kind == factDate {
			on(precisionFeat(x.prec))
			if c.unit != timex.PrecisionNone {
				if coarse(x.prec) == coarse(c.unit) {
					on(sfUnitFit)
				} else {
					on(sfUnitMismatch)
				}
			}
		}
		if rel == relExact && q.hasClass && x.kind == classFact(q.class) {
			on(sfClassFit)
		}
	}
	if cand.class < 0 {
		switch {
		case content > 0 && caps == content && !digit:
			cand.class = classCap
		case digit:
			cand.class = classNum
		default:
			cand.class = classOther
		}
	}
	cand.feats = f
	return cand
}

// idfWindow is how many words on each side of a span the idf features
// look at.
const idfWindow = 4

// classFact is the fact kind of a name kind.
func classFact(k corpus.NameKind) int {
	switch k {
	case corpus.NamePerson:
		return factPerson
	case corpus.NamePlace:
		return factPlace
	case corpus.NameOrg:
		return factOrg
	}
	return factName
}

// window returns the share of words [from, to) that the question used.
func (c *spanContext) window(from, to int) float64 {
	from, to = max(from, 0), min(to, len(c.toks))
	if to <= from {
		return 0
	}
	return float64(c.pre[preAsked][to]-c.pre[preAsked][from]) / 5
}

// distFeat returns the distance feature of a gap of n words, counted from
// the feature of adjacency.
func distFeat(base int16, n int) int16 {
	switch {
	case n <= 2:
		return base + int16(n)
	case n <= 4:
		return base + 3
	case n <= 8:
		return base + 4
	}
	return base + 5
}

// spanText returns the answer text of a candidate: the sentence's words,
// with the sign or mark of a fact that begins or ends with it ("$5
// million", "10%").
func (c *spanContext) candText(cand spanCand) string {
	start, end := cand.start, cand.end
	for _, x := range c.facts {
		if x.end == end && x.start < start && x.start >= start-4 {
			start = x.start
		}
		if x.start == start && x.end > end && x.end <= end+4 {
			end = x.end
		}
	}
	return strings.Trim(c.text[start:end], " ,;:")
}

// extract cuts a short answer out of sentence d by the rules of the
// query's kind, which also decide whether the sentence can answer at all (a
// when-question needs a date). A sentence that cannot answer the question
// however well it matches its words gives no answer either (fits.go): a
// yes/no question it says too little of, a place the article never names,
// a thing it says of another name than the question's.
//
// The answer of the sentence finally quoted is then chosen by the span
// model (refine); extract stays cheap, as it runs on every sentence the
// engine weighs.
func (e *Engine) extract(q *query, d int) (extraction, bool) {
	if e.absentPlace(q, d) || q.kind != KindYesNo && e.otherRestriction(q, d) ||
		q.kind == KindYesNo && e.yesNoUnsupported(q, d) {
		return extraction{}, false
	}
	return e.ruleExtract(q, d)
}

// refine chooses the short answer of sentence d, whose rules gave rule,
// among every candidate span, by the span model: the rules' answer is one
// feature among others. A yes/no answer is not a span, and without a model
// the rules' answer stands. So does a quotation the question names (precise
// but no fact); the rules' other sure answers (precise) are a feature of
// the model (rule_precise), fitted per kind, and stand unless the model
// beats them by the kind's precise margin; a kind without one keeps them.
func (e *Engine) refine(q *query, d int, rule extraction) extraction {
	spans := e.spanModel()
	if q.kind == KindYesNo || spans == nil || rule.sure() && (!rule.typed || !spans.fitsPrecise(q.kind)) {
		return rule
	}
	doc := &e.idx.docs[d]
	c := e.spanContextOf(q, e.spanDocOf(d, spans), rule)
	w := spans.weights(q.kind, e.article.l.Code)
	lex := c.lexScores(spans, spans.lexWeights(q.kind, e.article.l.Code))
	var cand spanCand
	found, bestScore := false, 0.0
	best := func(x spanCand) {
		if s := score(w, &x) + lexScore(&lex, &x); !found || s > bestScore {
			cand, found, bestScore = x, true, s
		}
	}
	// Spans whose place rules them out are not described at all.
	e.eachCandidate(q, c, func(start, end int) bool { return c.placeFitsKind(q.kind, start, end) }, func(x spanCand) {
		if c.fitsKind(q.kind, x) {
			best(x)
		}
	})
	if !found && rule.text == "" {
		// No span is of the kind asked for ("how much of the population
		// have the plains lost?": "a third", no number) and the rules cut
		// nothing out: the model's best span of any kind says more than
		// an empty answer to a question the sentence answers.
		e.eachCandidate(q, c, nil, best)
	}
	if !found || cand.i == c.ruleI && cand.j == c.ruleJ {
		return rule // the rules' answer, rendered for the reply's language
	}
	// The rules' answer, when it is a fact of the kind asked for, stands
	// unless the model's choice beats it by the kind's margin (chosen on
	// dev by the trainer), or it is the source of a claim. It is scored
	// even when it is no candidate (a name the question's words edge).
	if rule.sure() {
		// A sure answer stands unless the model beats it by the kind's
		// precise margin (chosen on dev); with no such line, or when it
		// cannot be scored, it stands as the rules gave it.
		pm := spans.preciseMargin[q.kind]
		if c.ruleI < 0 || c.isSource(c.ruleI, c.ruleJ) {
			return rule
		}
		r := e.spanFeatures(q, c, c.ruleI, c.ruleJ, nil)
		if bestScore-(score(w, &r)+lexScore(&lex, &r)) < pm {
			return rule
		}
	} else if margin := spans.margin[q.kind]; rule.typed && margin > 0 && c.ruleI >= 0 && !c.isSource(c.ruleI, c.ruleJ) {
		r := e.spanFeatures(q, c, c.ruleI, c.ruleJ, nil)
		if bestScore-(score(w, &r)+lexScore(&lex, &r)) < margin {
			return rule
		}
	}
	out := extraction{text: c.candText(cand), typed: rule.typed, start: cand.start, end: cand.end}
	if q.reply().Code != e.article.l.Code {
		out.text = e.renderFact(q, doc.sentence, cand, out.text)
	}
	return out
}

// maxRenderedWords is the most words a candidate may have and still be
// written as the date or quantity it holds.
const maxRenderedWords = 3

// renderFact writes a candidate that is a date or a quantity in the
// reply's language: the date or the quantity it holds or starts ("around
// 12,000" and "12,000" of "12,000 farmers" are "12 000" in French, "48" of
// "48 hours" "48 horas" in Spanish); any other span as the article writes
// it.
func (e *Engine) renderFact(q *query, s *corpus.Sentence, cand spanCand, text string) string {
	if cand.j-cand.i > maxRenderedWords {
		return text // a clause that holds a number says more than the number
	}
	for _, x := range s.Facts.Dates {
		holds := cand.start <= x.Start && x.End <= cand.end
		head := x.Start == cand.start && cand.end < x.End && x.Kind == timex.Duration
		if (holds || head) && x.Value != "" {
			return e.renderDate(q.reply(), x)
		}
	}
	for _, n := range s.Facts.Numbers {
		// The candidate holds the number's first digit (a currency sign
		// may come before it).
		digit := max(strings.IndexFunc(n.Text, unicode.IsDigit), 0) // a number word starts the number
		if cand.start <= n.Start+digit && n.Start+digit < cand.end {
			return e.renderNumber(q.reply(), n)
		}
	}
	return text
}

// spanCands lists the candidate answers of a sentence with their features.
func (e *Engine) spanCands(q *query, c *spanContext) []spanCand {
	var out []spanCand
	e.eachCandidate(q, c, nil, func(cand spanCand) {
		cand.feats = append([]spanFeat(nil), cand.feats...)
		out = append(out, cand)
	})
	return out
}

// eachCandidate calls fn with every candidate answer of a sentence: runs
// of up to maxSpanTokens words that neither start nor end on a word of the
// question (but for its focus at the end), nor run over a full stop or a
// bracket, nor are the source of what the question asks about (isSource). The candidate's features live
// in storage reused for the next one. With keep, only the candidates whose
// bytes [start, end) it keeps are described and given to fn.
func (e *Engine) eachCandidate(q *query, c *spanContext, keep func(start, end int) bool, fn func(spanCand)) {
	n := len(c.toks)
	buf := make([]spanFeat, 0, 64)
	for i := 0; i < n; i++ {
		if c.inQ[i] || isClitic(c.toks[i].folded) {
			continue
		}
		for j := i + 1; j <= n && j-i <= maxSpanTokens; j++ {
			if j-i > 1 && c.strong[j-1] {
				break
			}
			// A span may end on the word the question asks about
			// ("which FAULT?": "the Longmenshan fault"), on no other of
			// its words.
			if c.inQ[j-1] && (!c.focusEnds || !c.focus[j-1] || j-1 == i) || c.isSource(i, j) {
				continue
			}
			if keep != nil && !keep(c.toks[i].Start, c.toks[j-1].End) {
				continue
			}
			cand := e.spanFeatures(q, c, i, j, buf[:0])
			buf = cand.feats[:0]
			fn(cand)
		}
	}
}

// lexKeys fills in the keys of every lexical position at every word index
// (0 to n): keys[p][k] is what position p sees for a span anchored at k.
func (c *spanDoc) lexKeys() {
	n := len(c.toks)
	for p := range c.lexKey {
		if lexAnchor[p] >= anchorClass {
			continue
		}
		c.lexKey[p] = make([]string, n+1)
	}
	for k := 0; k <= n; k++ {
		c.lexKey[lexPrev][k] = c.prevKey[k]
		c.lexKey[lexNext][k] = c.nextKey[k]
		c.lexKey[lexPrev2][k], c.lexKey[lexNext2][k] = "^", "$"
		if k >= 2 {
			c.lexKey[lexPrev2][k] = c.keys[k-2]
		}
		if k+1 < n {
			c.lexKey[lexNext2][k] = c.keys[k+1]
		}
		if k < n {
			c.lexKey[lexFirst][k] = c.keys[k]
			c.lexKey[lexLast][k] = c.keys[k]
			c.lexKey[lexSufFirst][k] = c.suffix(k)
			c.lexKey[lexSufLast][k] = c.suffix(k)
			if k > 0 && !c.punctBefore[k] {
				c.lexKey[lexSufNext][k] = c.suffix(k)
			}
		}
		if k > 0 && !c.punctBefore[k] {
			c.lexKey[lexSufPrev][k] = c.suffix(k - 1)
			c.lexKey[lexWordPrev][k] = c.lowerWord(k - 1)
		}
		if k < n {
			c.lexKey[lexWordFirst][k] = c.lowerWord(k)
			c.lexKey[lexWordLast][k] = c.lowerWord(k)
			if k > 0 && !c.punctBefore[k] {
				c.lexKey[lexWordNext][k] = c.lowerWord(k)
			}
		}
	}
}

// lowerWord returns word k folded when it is a content word written in
// lower case, "" else: names and numbers are an article's own, and their
// class already stands at the other positions.
func (c *spanDoc) lowerWord(k int) string {
	t := c.toks[k]
	if c.stop[k] || t.Kind != 0 {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(t.Text); !unicode.IsLower(r) {
		return ""
	}
	return t.folded
}

// suffixLen is how many letters of a content word the ending features
// keep.
const suffixLen = 3

// suffix returns the ending of word k when it is a content word, "" else.
func (c *spanDoc) suffix(k int) string {
	t := c.toks[k]
	if c.stop[k] || t.Kind != 0 {
		return ""
	}
	w := t.folded
	if utf8.RuneCountInString(w) <= suffixLen+1 {
		return w
	}
	at := len(w)
	for range suffixLen {
		_, size := utf8.DecodeLastRuneInString(w[:at])
		at -= size
	}
	return w[at:]
}

// lexScores returns, per lexical position, the weight of what each word
// index shows there (lexAnchor), and for the focus position the weight of
// each span class, under the model's tables of a kind and language.
func (c *spanContext) lexScores(m *spanModel, tables []*[nLexPos][]float64) [nLexPos][]float64 {
	n := len(c.toks)
	var out [nLexPos][]float64
	// One array for every position, each a full slice of it.
	size := max(n+1, nSpanClasses)
	all := make([]float64, nLexPos*size)
	for p := range out {
		out[p] = all[p*size : (p+1)*size : (p+1)*size]
	}
	var focus [nSpanClasses]int32
	for cl, name := range spanClassNames {
		focus[cl] = -1
		if c.focusKey != "" {
			focus[cl] = m.lexID(lexFocus, c.focusKey+name)
		}
	}
	var place [2][nPlaces]int32
	for pl, name := range placeNames {
		for x, p := range []int{lexPhrase, lexAfter} {
			place[x][pl] = -1
			if key := c.placeKey(p); key != "" {
				place[x][pl] = m.lexID(p, key+name)
			}
		}
	}
	for _, t := range tables {
		for p := range out {
			w := t[p]
			switch lexAnchor[p] {
			case anchorClass:
				for cl, id := range focus {
					if id >= 0 {
						out[p][cl] += w[id]
					}
				}
				continue
			case anchorPlace:
				for pl, id := range place[p-lexPhrase] {
					if id >= 0 {
						out[p][pl] += w[id]
					}
				}
				continue
			}
			for k, id := range c.lexID[p] {
				if id >= 0 {
					out[p][k] += w[id]
				}
			}
		}
	}
	return out
}

// lexAt returns the index a position reads for a candidate.
func lexAt(p int, cand *spanCand) int {
	switch lexAnchor[p] {
	case anchorStart:
		return cand.i
	case anchorLast:
		return cand.j - 1
	case anchorEnd:
		return cand.j
	case anchorPlace:
		return cand.place
	}
	return cand.class
}

// lexScore is the lexical part of a candidate's score.
func lexScore(lex *[nLexPos][]float64, cand *spanCand) float64 {
	s := 0.0
	for p := range lex {
		s += lex[p][lexAt(p, cand)]
	}
	return s
}

// lexNames returns the lexical features of a candidate as the model file
// names them, "" where a position shows nothing.
func (c *spanContext) lexNames(cand spanCand) []string {
	out := make([]string, nLexPos)
	for p := range out {
		key := ""
		switch lexAnchor[p] {
		case anchorClass:
			if c.focusKey != "" {
				key = c.focusKey + spanClassNames[cand.class]
			}
		case anchorPlace:
			if k := c.placeKey(p); k != "" {
				key = k + placeNames[cand.place]
			}
		default:
			key = c.lexKey[p][lexAt(p, &cand)]
		}
		if key != "" {
			out[p] = lexPosNames[p] + key
		}
	}
	return out
}

// A SpanCandidate is a candidate short answer as the span trainer sees it.
type SpanCandidate struct {
	Text     string
	Features []SpanFeature
	// Lex names the candidate's lexical features ("prev=by"), whose
	// weights are per SpanLexBlocks.
	Lex []string
	// Fits is set when the engine lets the model choose the candidate for
	// the question (fitsKind: a date for when, ...); the others are only
	// the rules' to give.
	Fits bool
}

// A SpanFeature is an active base feature of a candidate: an index into
// SpanFeatureNames and its value.
type SpanFeature struct {
	ID    int
	Value float64
}

// A SpanQuestion is a question as the span trainer sees it: its kind, the
// candidate answers of one sentence, and what the rules of its kind
// answered there.
type SpanQuestion struct {
	Kind       Kind
	Candidates []SpanCandidate
	// Rule is the index of the candidate that is the rules' answer, -1
	// when none is; RuleTyped is set when that answer is a fact of the
	// kind asked for (a date for when, a number for how many).
	Rule      int
	RuleTyped bool
	// RulePrecise is set when the rules are sure of their answer
	// (extraction.precise).
	RulePrecise bool
}

// SpanCandidates returns a question as the span trainer sees it over one
// sentence of the corpus (sentence of article). ok is false when the
// question cannot be analysed, asks yes or no, or the rules of its kind
// say the sentence cannot answer it.
func (e *Engine) SpanCandidates(question Question, article, sentence int) (sq SpanQuestion, ok bool) {
	text := cleanQuestion(question.Text)
	l := e.questionLanguage(text, question)
	if l == nil || text == "" {
		return SpanQuestion{}, false
	}
	q := e.parse(text, l)
	sq.Kind, sq.Rule = q.kind, -1
	d := -1
	for i := range e.idx.docs {
		if doc := &e.idx.docs[i]; doc.artIdx == article && doc.sentence.Index == sentence {
			d = i
			break
		}
	}
	if d < 0 || q.kind == KindYesNo {
		return sq, false
	}
	rule, ok := e.ruleExtract(q, d)
	if !ok {
		return sq, false
	}
	sq.RuleTyped, sq.RulePrecise = rule.typed, rule.sure()
	c := e.newSpanContext(q, &e.idx.docs[d], rule)
	for _, cand := range e.spanCands(q, c) {
		if cand.i == c.ruleI && cand.j == c.ruleJ {
			sq.Rule = len(sq.Candidates)
		}
		sc := SpanCandidate{Text: c.candText(cand), Features: make([]SpanFeature, len(cand.feats)), Lex: c.lexNames(cand),
			Fits: c.fitsKind(q.kind, cand)}
		for k, f := range cand.feats {
			sc.Features[k] = SpanFeature{ID: int(f.id), Value: float64(f.val)}
		}
		sq.Candidates = append(sq.Candidates, sc)
	}
	return sq, true
}

// ArticleLang returns the language of the articles.
func (e *Engine) ArticleLang() string { return e.article.l.Code }

// precisionFeat is the feature of a date's precision.
func precisionFeat(p timex.Precision) int16 {
	switch coarse(p) {
	case timex.Year:
		return sfDateYear
	case timex.Month:
		return sfDateMonth
	case timex.Day:
		return sfDateDay
	}
	return sfDateTime
}

// coarse groups precisions as questions tell them apart: years (decades
// and centuries too), months (and seasons), days (and weeks), times.
func coarse(p timex.Precision) timex.Precision {
	switch {
	case p <= timex.Year:
		return timex.Year
	case p <= timex.Month:
		return timex.Month
	case p <= timex.Day:
		return timex.Day
	}
	return timex.Time
}

// wordKey is how the lexical features see a word: a stop word as itself,
// any other as its class.
func wordKey(t docToken, stop bool) string {
	switch {
	case t.Kind != 0:
		return "<num>"
	case stop:
		return t.folded
	}
	if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsUpper(r) {
		return "<cap>"
	}
	return "<w>"
}

// lastPunct and firstPunct return the mark of a gap between words that
// stands nearest the span: quotes of every kind as one.
func lastPunct(gap string) string {
	for i := len(gap); i > 0; {
		r, size := utf8.DecodeLastRuneInString(gap[:i])
		if !unicode.IsSpace(r) {
			return punctKey(r)
		}
		i -= size
	}
	return " "
}

func firstPunct(gap string) string {
	for _, r := range gap {
		if !unicode.IsSpace(r) {
			return punctKey(r)
		}
	}
	return " "
}

func punctKey(r rune) string {
	if strings.ContainsRune("\"“”«»„‘’'", r) {
		return "\""
	}
	return string(r)
}

// A spanDocCache holds the sentences of an engine as the span features
// read them, each read on first use.
type spanDocCache struct {
	once sync.Once
	docs []atomic.Pointer[spanDoc]
}

// spanDocOf returns sentence d read for the span features of model m,
// reading it on first use: what a sentence owes to itself is the same for
// every question. Engines answer concurrently; two questions reading the
// same sentence at once both read it, and one result stays.
func (e *Engine) spanDocOf(d int, m *spanModel) *spanDoc {
	c := e.spanDocs
	if c == nil {
		return e.readSpanDoc(&e.idx.docs[d], m)
	}
	c.once.Do(func() { c.docs = make([]atomic.Pointer[spanDoc], len(e.idx.docs)) })
	if sd := c.docs[d].Load(); sd != nil {
		return sd
	}
	sd := e.readSpanDoc(&e.idx.docs[d], m)
	c.docs[d].Store(sd)
	return sd
}

// placeKey returns the key prefix of a place position (lexPhrase,
// lexAfter), "" when the question has none.
func (c *spanContext) placeKey(p int) string {
	if p == lexPhrase {
		return c.phraseKey
	}
	return c.afterKey
}

// fitsKind reports whether a candidate can be the answer of a kind that
// asks for a fact (kinds' spanFacts): a date for "when", a number for "how
// many", "how much" (a span that holds or overlaps one), a duration for
// "how long" when the rules found one; any span for the other kinds.
//
// A which-question whose rules gave a sure answer of the kind its focus
// names, in a sentence that holds the focus word, or a which- or
// what-question for a class of names whose rules gave a sure one, is
// answered by a span of that kind too (focusBinds, ofFocus; kindSpec's
// focusTyped and classTyped):
// "what kind of evidence?" is not answered by "illegal dumping upstream"
// of "clear evidence of illegal dumping upstream", nor "which official?"
// by "the United States", however the model weighs their words.
func (c *spanContext) fitsKind(k Kind, x spanCand) bool {
	if c.focusBinds && !c.ofFocus(x) {
		return false
	}
	return c.placeFitsKind(k, x.start, x.end)
}

// placeFitsKind is the part of fitsKind that the candidate's bytes
// [start, end) decide alone, known before its features are computed: the
// measure and the facts it must hold.
func (c *spanContext) placeFitsKind(k Kind, start, end int) bool {
	if c.measureBinds {
		// "How much did it cost?", whose rules found an amount: an
		// amount, without the "14 kilometres" of the same sentence.
		of := false
		for _, f := range c.facts {
			if f.measure == "" || f.end <= start || end <= f.start {
				continue
			}
			if f.measure != c.measure {
				return false
			}
			of = true
		}
		if !of {
			return false
		}
	}
	want := kinds[k].spanFacts
	if want == nil || kinds[k].spanFactsTyped && !c.rule.typed {
		return true
	}
	for _, f := range c.facts {
		if slices.Contains(want, f.kind) && f.start < end && start < f.end {
			return true
		}
	}
	return false
}

// ofFocus reports whether candidate x is of the kind of thing the
// question's focus names ("what kind of EVIDENCE", "which PUMP"): it holds
// the focus word ("clear evidence"), stands right before it ("Marlin-4" of
// "Marlin-4 pump"), right after it when it starts on a name or a number
// ("the river Vltava"; not "of illegal dumping" of "evidence of illegal
// dumping") or after it and a comma ("the pump, a Marlin-4"). A question
// that names a class of names ("which OFFICIAL") asks for a name of that
// class, or of no known class when that is a place or an organisation, as
// extractWhich takes them.
func (c *spanContext) ofFocus(x spanCand) bool {
	switch {
	case c.hasClass:
		// The class noun is the head ("which American OFFICIAL"); the
		// focus may only qualify it ("The United States" holds "American").
		return x.class == classFact(c.class) || c.class != corpus.NamePerson && x.class == factName
	case c.pre[preFocus][x.j] > c.pre[preFocus][x.i]:
		return true
	case x.j < len(c.toks) && c.focus[x.j] && !c.punctBefore[x.j]:
		return true
	case x.i > 0 && c.focus[x.i-1] && (!c.punctBefore[x.i] && c.caps[x.i] && !c.stop[x.i] || c.comma[x.i] && !c.strong[x.i]):
		return true
	}
	return false
}
