// Package qa answers questions about the articles of a corpus with the
// sentence that says so. It is a rule-and-retrieval engine: it analyses the
// question (language, kind, content words), ranks sentences by BM25 over
// stems with evidence that a sentence can answer this kind of question,
// cuts the short answer out of the best sentence, and abstains when the
// evidence is weak. It never writes a fact that is not in the article.
package qa

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// A LanguageDetector names the language of a short text; *lang.Detector
// is one. prior is the language to prefer when the text is too short to
// tell ("" for none).
type LanguageDetector interface {
	DetectWithPrior(text, prior string) lang.Guess
}

// Options configure an Engine. The zero value of every field but
// Languages has a working default.
type Options struct {
	// Languages holds the language data. Required.
	Languages *lang.Registry
	// Detector identifies the language of questions. Nil means questions
	// are in ArticleLang unless Question.Lang says otherwise.
	Detector LanguageDetector
	// Data is where the engine reads its own data files (synonyms, answer
	// cues), laid out as data/<code>/<file>. Default: lang.Data.
	Data fs.FS
	// ArticleLang forces the language every article is read in. Empty,
	// each article is read in its own (corpus.Article.Lang).
	ArticleLang string
	// MaxQuestionRunes refuses longer questions. Default 500.
	MaxQuestionRunes int
	// Glossary returns extra bilingual glosses for a question language
	// (folded word -> English glosses), read from dictionaries the user
	// installed (see lang/dictd). It is called once per language, on the
	// first question in it, and may be nil. The embedded lexicons win
	// where both have a word.
	Glossary func(code string) map[string][]string
	// MinConfidence is the confidence (Evidence.Confidence) an answer
	// needs; below it the engine abstains. Default: the threshold of the
	// ranker's calibration, chosen for the cost it states.
	MinConfidence float64
	// MinCoverage is a floor under the confidence model: a sentence that
	// matches less of the question is never an answer, however clearly it
	// beats the others. Default DefaultMinCoverage.
	MinCoverage float64
	// Ranker reorders the first-stage candidates and calibrates the
	// confidence (model.go). Nil: the ranker the engine embeds
	// (DefaultRanker), fitted on real questions by `make train`.
	Ranker *Ranker
	// SpanModel chooses short answers among the spans of the quoted
	// sentence. Nil: the embedded model (qa/data/spans.tsv, embedded as
	// qa/data/spans.bin).
	SpanModel *SpanModel
}

// DefaultMinCoverage is the default of Options.MinCoverage.
const DefaultMinCoverage = 0.35

// defaultMinConfidence is the abstention threshold of a ranker without
// a calibration, which only a trainer builds.
const defaultMinConfidence = 0.5

// An Engine answers questions about one corpus. It is safe for concurrent
// use; build it once with New.
type Engine struct {
	opts      Options
	corpus    *corpus.Corpus
	langs     *lang.Registry
	res       *Resources
	article   *analyzer            // the language most of the articles are in
	analyzers map[string]*analyzer // by language code
	// articleLangs lists the languages of the articles, the commonest
	// first (its first is article's).
	articleLangs []string
	idx          *index
	synonyms     phraseMatcher // article language -> itself
	// dictionary holds the words of the article language that the
	// engine's data knows, so that a real word is never "corrected".
	dictionary wordSet
	// times holds each language's month and weekday names and date
	// layouts, for writing dates in the reply's language; each compiled
	// on first use.
	times *timex.Languages
	cues  *cues
	// ranker is the learned second stage of the ranking; nil for none.
	ranker *Ranker
	// spans scores candidate short answers (span.go): the options'
	// model or the embedded one; nil for the rules alone.
	spans *spanModel
	// places holds the stems of the article language's place names.
	places map[string]bool
	// spanDocs caches what the span features read of each sentence
	// (spanDocOf); shared by copies of the engine.
	spanDocs *spanDocCache
	// translations maps question languages to the article language. Each
	// table is built on the first question in its language, so start-up
	// does not pay for languages nobody uses.
	translations map[string]*lazyTable
	// groups keeps the readings of question words in another language
	// than the articles' (groupmemo.go); shared by copies of the engine.
	groups *groupMemo
}

// A lazyTable is the translation of one question language into the
// articles' language: a table of the bilingual files and the concept
// table, built on first use, and a speller over the one-word phrases of
// the bilingual files to put a misspelt question word right. (The concept
// tables' keys are left out of the speller: tens of thousands of words
// made it slow to build, and it found no more right sentences on the
// cross-lingual sets.)
type lazyTable struct {
	once  sync.Once
	build func() *stemTable
	// embedded, when set, is what build would return, built when qabot
	// was built (transtable.go): it is read in place instead.
	embedded *synTable
	// newConcepts builds the concept table (nil for none).
	newConcepts func() *conceptTable
	concepts    *conceptTable
	t           tables
	spellOnce   sync.Once
	spell       *fuzzyIndex // one-word keys of t, by their folded spelling
	// decoded is the embedded table decoded whole, for the code that
	// reads a table whole (files).
	decodeOnce sync.Once
	decoded    *stemTable
}

func (l *lazyTable) get() phraseMatcher {
	l.once.Do(func() {
		if l.newConcepts != nil {
			l.concepts = l.newConcepts()
		}
		if l.embedded != nil {
			l.t = tables{l.embedded, l.concepts}
			return
		}
		l.t = tables{l.build(), l.concepts}
	})
	return l.t
}

// speller returns the table's speller, building the table if need be.
func (l *lazyTable) speller() *fuzzyIndex {
	l.get()
	l.spellOnce.Do(func() {
		words := map[string]string{}
		oneWord := func(key string) bool {
			if !strings.Contains(key, " ") {
				words[key] = key
			}
			return true
		}
		switch t := l.t[0].(type) {
		case *stemTable:
			for key := range t.m {
				oneWord(key)
			}
		case *synTable:
			t.eachKey(oneWord)
		}
		l.spell = newFuzzyIndex(words, 1)
	})
	return l.spell
}

// ErrNoLanguage means the options name a language the registry lacks.
var ErrNoLanguage = errors.New("language not in registry")

// New builds an engine over c, which must hold at least one article. It
// reads the language data first; to build many engines over the same
// data, use NewResources and Resources.Engine.
func New(c *corpus.Corpus, opts Options) (*Engine, error) {
	if opts.Languages == nil {
		return nil, errors.New("qa: Options.Languages is required")
	}
	if c == nil || len(c.Articles) == 0 {
		return nil, fmt.Errorf("qa: %w", corpus.ErrNoArticles)
	}
	r, err := NewResources(opts)
	if err != nil {
		return nil, err
	}
	return r.Engine(c)
}

// MaxQuestionRunes returns the length above which questions are refused.
func (e *Engine) MaxQuestionRunes() int { return e.opts.MaxQuestionRunes }

// Corpus returns the corpus the engine answers from.
func (e *Engine) Corpus() *corpus.Corpus { return e.corpus }

// Ask answers one question. Questions the engine cannot use (empty, too
// long, no words) and questions the article does not answer are not
// errors: they come back as an Answer with Answered false and a Reason.
// The error is non-nil only when ctx ends first.
func (e *Engine) Ask(ctx context.Context, q Question) (Answer, error) {
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	ans, qy, ok := e.prepare(q)
	if !ok {
		return ans, nil
	}
	res := e.answer(ctx, qy)
	if err := ctx.Err(); err != nil {
		return Answer{}, err
	}
	ans = e.finish(ans, qy, res)
	e.notice(&ans, qy.lang.Code)
	return ans, nil
}

// prepare reads a question up to the query the ranking takes; ok is false
// when the answer is already known (an empty, overlong or unreadable
// question).
func (e *Engine) prepare(q Question) (ans Answer, qy *query, ok bool) {
	text := cleanQuestion(q.Text)
	ans = Answer{Question: text, Lang: e.article.l.Code}
	if text == "" && strings.TrimSpace(q.Text) != "" {
		ans.Reason = ReasonInvalid // control characters or broken bytes only
		return ans, nil, false
	}
	l := e.questionLanguage(text, q)
	if l != nil {
		ans.Lang = l.Code
	}
	out, replyForced := e.langs.Get(q.Reply)
	if replyForced {
		ans.Lang = out.Code
	}
	switch {
	case text == "":
		ans.Reason = ReasonEmpty
		return ans, nil, false
	case utf8.RuneCountInString(text) > e.opts.MaxQuestionRunes:
		ans.Reason = ReasonTooLong
		return ans, nil, false
	case !hasWord(text):
		ans.Reason = ReasonInvalid
		return ans, nil, false
	}
	if l == nil {
		// A language qabot does not speak: still try names and numbers,
		// which are written alike everywhere, but say so.
		ans.Unsupported = true
		l = e.article.l
		if !replyForced {
			ans.Lang = l.Code
		}
	}
	qy = e.parse(text, l)
	if replyForced {
		qy.out = out
	}
	if ans.Unsupported {
		// Only the words written as the article writes them (names,
		// numbers) mean anything here; the rest would only dilute them.
		kept := qy.group[:0]
		for _, g := range qy.group {
			if !g.unknown {
				kept = append(kept, g)
			}
		}
		qy.group = kept
	}
	ans.Kind = qy.kind
	return ans, qy, true
}

// finish fills in the answer to a prepared question from its result.
func (e *Engine) finish(ans Answer, qy *query, res result) Answer {
	ans.Evidence = res.evidence
	if res.found {
		ans.Answered = true
		ans.Text = res.text
		ans.Quote = e.cite(res.doc)
		ans.Score = e.answerScore(res)
		return ans
	}
	ans.Reason = ReasonNotFound
	if ans.Unsupported {
		ans.Reason = ReasonUnsupported
	}
	ans.Suggestions = res.suggestions
	return ans
}

// questionLanguage decides the language of a question: forced, detected,
// or the hint; nil when the question is in a language qabot lacks.
func (e *Engine) questionLanguage(text string, q Question) *lang.Language {
	if q.Lang != "" {
		if l, ok := e.langs.Get(q.Lang); ok {
			return l
		}
	}
	if e.opts.Detector == nil {
		if l, ok := e.langs.Get(q.LangHint); ok {
			return l
		}
		return e.article.l
	}
	g := e.opts.Detector.DetectWithPrior(text, q.LangHint)
	if l, ok := e.langs.Get(g.Lang); ok {
		return l
	}
	if g.Unsupported {
		return nil
	}
	// Too little to tell (a name, a number): the hint, else the articles'
	// own language.
	if l, ok := e.langs.Get(q.LangHint); ok {
		return l
	}
	return e.article.l
}

// cleanQuestion makes any input safe to analyse: valid UTF-8, no control
// characters, spaces collapsed. Character references ("&quot;", copied
// with a question from a web page) are decoded as the page cleaner
// decodes them in articles, so that "&quot;" is no word "quot".
func cleanQuestion(s string) string {
	s = strings.ToValidUTF8(s, " ")
	if strings.ContainsAny(s, "<@*_~|`") {
		s = chatMarkup.ReplaceAllString(s, " ")
	}
	s = corpus.DecodeCharRefs(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == '\u200b' || r == '\ufeff' {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// chatMarkup matches what chat clients add around words: mentions
// (@everyone, <@123>, <#456>, <@&789>) and markdown markers. None of it is
// part of a question.
var chatMarkup = regexp.MustCompile(`<[@#][!&]?\d+>|@(everyone|here)\b|\*\*|__|~~|\|\||` + "`+")

func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func (e *Engine) cite(d int) Citation {
	doc := &e.idx.docs[d]
	return Citation{
		ArticleID: doc.article.ID,
		Article:   doc.article.Title,
		Lang:      citedLang(doc.article, doc.an),
		NameLang:  len(e.articleLangs) > 1 || doc.article.OtherLang != "",
		Paragraph: doc.sentence.Paragraph,
		Section:   doc.sentence.Section,
		Sentence:  doc.sentence.Index,
		Text:      doc.sentence.Text,
	}
}

// citedLang is the language a citation names: the article's, or the one
// it seems written in when qabot does not read it ("?" when unknown).
func citedLang(a *corpus.Article, an *analyzer) string {
	if a.OtherLang != "" {
		return a.OtherLang
	}
	return an.l.Code
}

// isNameGroup reports whether a question word is (part of) a name the
// corpus knows.
func (e *Engine) isNameGroup(g termGroup) bool {
	return len(g.alts) > 0 && len(g.alts[0].stems) > 0 && e.idx.nameStems[g.alts[0].stems[0]] && g.alts[0].weight >= weightCorrected
}

// ownIDF returns the idf of the word the user wrote, when the corpus has
// it, or 0. A word of another language stands for each of its full
// translations alike ("Norvège" for "Norway" and "Norwegian"), so its idf
// is that of the commonest one the corpus has: rarity must not pick
// among translations the user did not choose between.
func (e *Engine) ownIDF(g termGroup) float64 {
	return e.ownIDFOf(g, e.stemTerms(nil, g))
}

// stemTerms appends to dst the term id of every stem of g's alternatives,
// in order, -1 for a stem the index lacks: resolve looks them up once for
// ownIDFOf and its terms, where it looked each full translation up twice.
func (e *Engine) stemTerms(dst []int32, g termGroup) []int32 {
	for _, a := range g.alts {
		for _, st := range a.stems {
			tid, ok := e.idx.termID(st)
			if !ok {
				tid = -1
			}
			dst = append(dst, tid)
		}
	}
	return dst
}

// ownIDFOf is ownIDF with the term ids of g's stems (stemTerms).
func (e *Engine) ownIDFOf(g termGroup, tids []int32) float64 {
	if len(g.alts) == 0 || g.alts[0].weight < weightExact {
		return 0
	}
	own := 0.0
	for _, a := range g.alts {
		stems := tids[:len(a.stems)]
		tids = tids[len(a.stems):]
		if a.weight < weightExact {
			continue
		}
		idf := 0.0
		for _, tid := range stems {
			if tid >= 0 {
				idf = max(idf, e.idx.idf[tid])
			}
		}
		if idf > 0 && (own == 0 || idf < own) {
			own = idf
		}
	}
	return own
}

// coverageFloor keeps a sentence's BM25 score from vanishing when it
// matches little of the question; the lower it is, the more coverage rules.
const coverageFloor = 0.3

// weightArticle is how much a question word found elsewhere in the
// sentence's article counts, relative to finding it in the sentence.
const weightArticle = 0.1

// A ranked is a sentence with its score for one query.
type ranked struct {
	doc      int
	score    float64 // BM25 with evidence
	coverage float64 // share of the question's weight the sentence matches
	// relation is the coverage of the words that are not names: what the
	// question says about its names ("when did X DIE"). A sentence that
	// only shares the names does not answer.
	relation float64
	bm25     float64 // BM25 over stems, with the context the sentence inherits
	// x holds the ranker's features and z its score, for the candidates
	// the ranker reordered (rank.go); x is nil for the others.
	x     []float64
	z     float64
	first float64 // the first stage's score
}

// stage1 scores every sentence that matches at least one question word
// or whose article does (candidates.go), best first, and returns what it
// saw of every sentence for the second stage.
func (e *Engine) stage1(q *query) ([]ranked, *firstStage) {
	out, seen, _ := e.candidates(context.Background(), q, 0)
	return out, seen
}
