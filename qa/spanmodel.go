package qa

import (
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"github.com/qabot/qabot/lang"
)

// spanModelTable is the fitted span model, written by
// `go run ./internal/trainspans` (make train) as data/spans.tsv and, in
// the form a process reads without parsing, data/spans.bin (spantable.go).
//
//go:generate go test -run ^TestSpanTableUpToDate$ -update.spans .
//go:embed data/spans.bin
var spanModelTable string

// A SpanModelFile is the span model as stored: a weight per feature name,
// one "name<TAB>weight" line each, in name order, after "#" comment lines
// that say how it was made. A name is "<block>|<feature>": the block "all"
// for the weights every question shares, "kind=<kind>" for those of one
// kind of question, "lang=<code>" for those of one article language, and
// for the lexical features (SpanLexBlocks) "kind=<kind>/lang=<code>";
// "rules|margin=<kind>" says by how much the model's choice must beat the
// rules' fact of a kind (spanModel.margin), "rules|yesno_support" how
// much of a yes/no question a sentence must say to answer it (fits.go).
// Features the file does not name weigh nothing. (A text table rather than
// JSON: tens of thousands of weights read in a few milliseconds.)
type SpanModelFile struct {
	About   []string
	Weights map[string]float64
}

// WriteTo writes the file.
func (f *SpanModelFile) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	for _, line := range f.About {
		b.WriteString("# " + line + "\n")
	}
	names := make([]string, 0, len(f.Weights))
	for n := range f.Weights {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		b.WriteString(n + "\t" + strconv.FormatFloat(f.Weights[n], 'g', -1, 64) + "\n")
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// readSpanModelFile parses the lines of a model file.
func readSpanModelFile(data []byte) (map[string]float64, error) {
	out := map[string]float64{}
	for n, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line == "" || line[0] == '#' {
			continue
		}
		name, val, ok := strings.Cut(line, "\t")
		w, err := strconv.ParseFloat(val, 64)
		if !ok || err != nil {
			return nil, fmt.Errorf("span model: line %d: want name<TAB>weight", n+1)
		}
		out[name] = w
	}
	return out, nil
}

// A SpanModel chooses short answers among candidate spans
// (Options.SpanModel). It holds the weights of every (kind, article
// language) pair, each the sum of the blocks that apply, so that scoring a
// candidate is one dot product.
type SpanModel = spanModel

type spanModel struct {
	byPair map[string][]float64 // "kind|lang" -> weights by base feature
	all    []float64
	kinds  map[Kind][]float64
	langs  map[string][]float64
	// lex holds the weights of the words around and at the edges of a
	// span, by block ("lang=en", "kind=who/lang=en"), position and the
	// word's id (spantable.go).
	lex *lexTable
	// margin holds, per kind, by how much the model's choice must score
	// above the rules' answer, when that is a fact of the kind asked for,
	// to replace it ("rules|margin=when" lines, which the trainer chooses
	// on the dev part); no margin for a kind the file does not name.
	margin map[Kind]float64
	// preciseMargin is the same for the rules' sure answers (extraction.
	// precise: a name of the class asked for, a quantity of the measure
	// asked for), "rules|precise_margin=who" lines; a kind the file does
	// not name keeps the rules' sure answer always.
	preciseMargin map[Kind]float64
	// yesNoMin is the least support (fits.go: yesNoSupport) a sentence
	// must give a yes/no question to answer it, when hasYesNo ("rules|
	// yesno_support" line, chosen by the trainer on the tuning questions).
	yesNoMin float64
	hasYesNo bool
}

// Positions of the lexical features: the words at and around the edges
// of a span, as wordKey writes them, and the last letters of the content
// words there (a poor man's part of speech: "-ed", "-ción", "-ung").
const (
	lexPrev     = iota // the word or mark before the span
	lexFirst           // its first word
	lexLast            // its last word
	lexNext            // the word or mark after it
	lexPrev2           // the word before the word before
	lexNext2           // the word after the word after
	lexSufPrev         // the ending of the content word before
	lexSufFirst        // the ending of its first word
	lexSufLast         // the ending of its last word
	lexSufNext         // the ending of the content word after
	// lexWordPrev to lexWordNext are the lower-case content words
	// themselves at the same places ("called", "million", "river"): the
	// words a kind of answer comes with, which a class ("<w>") hides.
	// Only those of many articles are kept (the trainer's -min-articles),
	// so that no article's own words are learnt.
	lexWordPrev
	lexWordFirst
	lexWordLast
	lexWordNext
	// lexFocus pairs the question's focus word, in the question's
	// language, with the class of the span: "en:year/date".
	lexFocus
	// lexPhrase pairs the question phrase with where the span stands
	// among the words the question matched: "en:who/before" (the subject
	// of "who won the cup?"), "en:what/after"; lexAfter the same for the
	// word after the phrase: "en:did/after" (the object of "what did X
	// win?").
	lexPhrase
	lexAfter
	nLexPos
)

var lexPosNames = [nLexPos]string{"prev=", "first=", "last=", "next=", "prev2=", "next2=",
	"sprev=", "sfirst=", "slast=", "snext=", "wprev=", "wfirst=", "wlast=", "wnext=", "focus=", "qphrase=", "qafter="}

// lexAnchor says which word index a position's table is read at: the
// span's first word i, its last word j-1, or the word after it j.
var lexAnchor = [nLexPos]int{anchorStart, anchorStart, anchorLast, anchorEnd, anchorStart, anchorEnd,
	anchorStart, anchorStart, anchorLast, anchorEnd, anchorStart, anchorStart, anchorLast, anchorEnd,
	anchorClass, anchorPlace, anchorPlace}

const (
	anchorStart = iota
	anchorLast
	anchorEnd
	anchorClass // read at the span's class, not at a word
	anchorPlace // read at the span's place among the question's words
)

// SpanLexBlocks returns the blocks of the lexical features of a kind and an
// article language: words mean something in one language only.
func SpanLexBlocks(kind Kind, articleLang string) []string {
	return []string{"lang=" + articleLang, "kind=" + string(kind) + "/lang=" + articleLang}
}

// SpanBlocks returns the block names of a kind and an article language, in
// the order their weights add up: what the trainer fits.
func SpanBlocks(kind Kind, articleLang string) []string {
	return []string{"all", "kind=" + string(kind), "lang=" + articleLang}
}

// SpanLexPositions returns the prefixes of the lexical features ("prev="),
// by position.
func SpanLexPositions() []string { return lexPosNames[:] }

// SpanWordFeature reports whether a lexical feature name is of a word
// itself (lexWordPrev to lexWordNext), not of a class or a stop word.
func SpanWordFeature(name string) bool {
	p, _, ok := lexFeature(name)
	return ok && p >= lexWordPrev && p <= lexWordNext
}

// SpanFeatureNames returns the names of the base features, by index.
func SpanFeatureNames() []string { return spanFeatureNames() }

// SpanModelTable returns the table qabot embeds for a span model file
// (data/spans.bin beside data/spans.tsv): the same weights, read in place
// instead of parsed at every start.
func SpanModelTable(file []byte) ([]byte, error) {
	weights, err := readSpanModelFile(file)
	if err != nil {
		return nil, err
	}
	return encodeSpanTable(weights), nil
}

// ParseSpanModel reads a span model file (SpanModelFile). A file without
// weights leaves short answers to the rules of each kind.
func ParseSpanModel(data []byte) (*SpanModel, error) { return parseSpanModel(data) }

func parseSpanModel(data []byte) (*spanModel, error) {
	weights, err := readSpanModelFile(data)
	if err != nil {
		return nil, err
	}
	// One form in memory, whatever the source: the table the embedded
	// model is read from.
	t := encodeSpanTable(weights)
	return decodeSpanTable(t, string(t))
}

func newSpanModel() *spanModel {
	return &spanModel{byPair: map[string][]float64{}, all: make([]float64, nSpanFeatures), kinds: map[Kind][]float64{},
		langs: map[string][]float64{}, margin: map[Kind]float64{}, preciseMargin: map[Kind]float64{}}
}

// spanFeatureIndex returns the index of each base feature's name.
func spanFeatureIndex() map[string]int {
	index := make(map[string]int, nSpanFeatures)
	for i, n := range spanFeatureNames() {
		index[n] = i
	}
	return index
}

// addBase adds a weight that is not lexical: one of the rules' lines or
// a base feature's weight in its block; index is spanFeatureIndex.
func (m *spanModel) addBase(index map[string]int, name string, w float64) {
	block, feat, ok := strings.Cut(name, "|")
	if !ok {
		return
	}
	if block == "rules" {
		if k, ok := strings.CutPrefix(feat, "margin="); ok {
			m.margin[Kind(k)] = w
		}
		if k, ok := strings.CutPrefix(feat, "precise_margin="); ok {
			m.preciseMargin[Kind(k)] = w
		}
		if feat == "yesno_support" {
			m.yesNoMin, m.hasYesNo = w, true
		}
		return
	}
	i, known := index[feat]
	if !known {
		return // a feature this version no longer has
	}
	var v []float64
	switch {
	case block == "all":
		v = m.all
	case strings.HasPrefix(block, "kind="):
		k := Kind(strings.TrimPrefix(block, "kind="))
		if m.kinds[k] == nil {
			m.kinds[k] = make([]float64, nSpanFeatures)
		}
		v = m.kinds[k]
	case strings.HasPrefix(block, "lang="):
		l := strings.TrimPrefix(block, "lang=")
		if m.langs[l] == nil {
			m.langs[l] = make([]float64, nSpanFeatures)
		}
		v = m.langs[l]
	default:
		return
	}
	v[i] = w
}

// sumPairs sums the weights of every (kind, language) pair once, so
// questions share the tables without locks.
func (m *spanModel) sumPairs() {
	langs := []string{}
	for l := range m.langs {
		langs = append(langs, l)
	}
	for _, k := range lang.Kinds() {
		for _, l := range append(langs, "") {
			m.byPair[string(k)+"|"+l] = m.sum(k, l)
		}
	}
}

func (m *spanModel) sum(k Kind, l string) []float64 {
	out := make([]float64, nSpanFeatures)
	for _, v := range [][]float64{m.all, m.kinds[k], m.langs[l]} {
		for i := range v {
			out[i] += v[i]
		}
	}
	return out
}

// weights returns the weights for a kind of question over articles in a
// language.
func (m *spanModel) weights(k Kind, l string) []float64 {
	if w, ok := m.byPair[string(k)+"|"+l]; ok {
		return w
	}
	if w, ok := m.byPair[string(k)+"|"]; ok {
		return w
	}
	return m.all
}

// score is the model's score of one candidate.
func score(w []float64, c *spanCand) float64 {
	s := 0.0
	for _, f := range c.feats {
		s += w[f.id] * float64(f.val)
	}
	return s
}

// loadSpanModel returns the span model of the options, or the embedded
// one (data/spans.bin, opened in place: a few hundred base weights are
// read, the lexical ones when a question first needs their block); nil,
// and no error, for a model without weights: short answers are then the
// rules'.
func loadSpanModel(m *SpanModel) (*spanModel, error) {
	if m == nil {
		var err error
		if m, err = decodeSpanTable(unsafe.Slice(unsafe.StringData(spanModelTable), len(spanModelTable)), spanModelTable); err != nil {
			return nil, fmt.Errorf("embedded span model: %w", err)
		}
	}
	if m.empty() {
		return nil, nil
	}
	return m, nil
}

// spanModel returns the engine's span model; nil for the rules alone.
func (e *Engine) spanModel() *spanModel { return e.spans }

// lexFeature splits a lexical feature name ("prev=by") into its position
// and word.
func lexFeature(name string) (pos int, word string, ok bool) {
	for p, prefix := range lexPosNames {
		if w, found := strings.CutPrefix(name, prefix); found {
			return p, w, true
		}
	}
	return 0, "", false
}

// lexWeights returns the lexical tables of a kind and article language.
func (m *spanModel) lexWeights(k Kind, l string) []*[nLexPos][]float64 {
	var out []*[nLexPos][]float64
	for _, b := range SpanLexBlocks(k, l) {
		if t := m.lex.block(b); t != nil {
			out = append(out, t)
		}
	}
	return out
}

// lexID returns the id of a lexical key at a position, -1 when the model
// has no weight for it.
func (m *spanModel) lexID(pos int, key string) int32 { return m.lex.id(pos, key) }

func (m *spanModel) empty() bool {
	for _, w := range m.all {
		if w != 0 {
			return false
		}
	}
	return len(m.kinds) == 0 && len(m.langs) == 0 && (m.lex == nil || len(m.lex.blocks) == 0) && len(m.margin) == 0 && len(m.preciseMargin) == 0 && !m.hasYesNo
}

// fitsPrecise reports whether the rules' sure answers of kind k are left
// to the model and a margin (a rules|precise_margin line).
func (m *spanModel) fitsPrecise(k Kind) bool {
	_, ok := m.preciseMargin[k]
	return ok
}
