package lang

import (
	"strings"
)

// Kind is the kind of answer a question asks for. The set is fixed by
// docs/DESIGN.md and shared with package qa.
type Kind string

// The answer kinds of questions.tsv.
const (
	KindWhen    Kind = "when"
	KindWho     Kind = "who"
	KindWhere   Kind = "where"
	KindHowMany Kind = "how_many"
	KindHowMuch Kind = "how_much"
	KindHowLong Kind = "how_long"
	KindWhy     Kind = "why"
	KindWhat    Kind = "what"
	KindWhich   Kind = "which"
	KindYesNo   Kind = "yes_no"
	KindDefine  Kind = "define"
	KindSince   Kind = "since" // "since when": the start of a period
	KindName    Kind = "name"  // "what is the name of": a name and nothing else
)

// Kinds lists every answer kind.
func Kinds() []Kind {
	return []Kind{KindWhen, KindWho, KindWhere, KindHowMany, KindHowMuch, KindHowLong,
		KindWhy, KindWhat, KindWhich, KindYesNo, KindDefine, KindSince, KindName}
}

func validKind(k Kind) bool {
	for _, v := range Kinds() {
		if v == k {
			return true
		}
	}
	return false
}

// Language is the data of one language, loaded from data/<code>/. It is
// read-only once loaded and safe for concurrent use; do not change its
// fields.
type Language struct {
	Code    string   // ISO 639-1 code: "fr"
	Name    string   // endonym: "français"
	English string   // English name: "French"
	Locales []string // Discord locales that mean this language: "pt-BR"
	Stemmer string   // Snowball algorithm name from meta.json: "portuguese"

	stem      func(string) string
	stop      map[string]struct{}
	questions *Phrases[Question]
	numbers   map[string]Number
	messages  map[string]string
	glosses   [len(glossFiles)]glossTable // lexicon, places, orgs
	translit  *transliterator
	langid    []byte   // training text for the language identifier
	concepts  Concepts // concepts.bin, read on first use
	// compoundLinks are the joining letters of compounds, "" first; nil
	// when the language does not write compounds as one word.
	compoundLinks []string
	// particles are the separable verb particles (separable.txt), folded:
	// German "nahm ... teil" is "teilnehmen".
	particles map[string]struct{}
	// embedded is set when the language was read from Data, the data
	// embedded in the binary (Load(Data)).
	embedded bool
}

// Stem returns the Snowball stem of word, lower-cased. Words of one or two
// letters, and words with digits, come back lower-cased but otherwise
// unchanged. (The Snowball stemmers return words of at most two *bytes*
// early, so "on" and "ön" would be treated differently; counting letters
// keeps every language and script alike.)
func (l *Language) Stem(word string) string {
	w := strings.ToLower(strings.TrimSpace(word))
	n := 0
	for _, r := range w {
		if !isLetter(r) && !isApostrophe(r) && !isHyphen(r) {
			return w
		}
		n++
	}
	if n <= 2 || l.stem == nil {
		return w
	}
	return l.stem(w)
}

// IsStopword reports whether word, in any case or accent spelling, is a
// stop word of the language.
func (l *Language) IsStopword(word string) bool {
	_, ok := l.stop[Fold(word)]
	return ok
}

// IsSeparableParticle reports whether word is a particle the language
// writes apart from its verb at the end of a clause ("fand ... statt"),
// which the dictionary writes joined in front of it ("stattfinden").
func (l *Language) IsSeparableParticle(word string) bool {
	_, ok := l.particles[Fold(word)]
	return ok
}

// Embedded reports whether the language was read from Data, the data
// embedded in the binary: tables a program builds from that data when it
// is built (and embeds) describe the language only then.
func (l *Language) Embedded() bool { return l.embedded }

// Stopwords returns the number of stop words, for tests and statistics.
func (l *Language) Stopwords() int { return len(l.stop) }

// Question is what a question phrase of questions.tsv says.
type Question struct {
	Kind Kind
	// AtStart marks phrases that count only when they open the question or
	// a clause of it (third field "start" in questions.tsv): yes/no openers
	// ("did", "est-ce que", "ist") and words that are also common
	// conjunctions ("que", "ou", "что"). Russian "ли" is a yes/no marker
	// that follows a word, so the flag is data, not implied by the kind.
	AtStart bool
}

// Questions returns the question phrase table.
func (l *Language) Questions() *Phrases[Question] { return l.questions }

// QuestionMatch is a question phrase found in a text.
type QuestionMatch struct {
	Kind       Kind
	Start, End int  // byte offsets of the phrase in the text
	AtStart    bool // the phrase opens the question or one of its clauses
	// StartOnly is set for phrases that count only where they open a
	// clause (questions.tsv's "start"): words that are conjunctions too.
	StartOnly bool
}

// QuestionPhrases returns the question phrases of text, left to right,
// longest phrase first and without overlaps. AtStart-only phrases are kept
// only where they open a clause: at the start, after clause punctuation,
// or after at most two stop words ("and did...", "et est-ce que...").
func (l *Language) QuestionPhrases(text string) []QuestionMatch {
	if l.questions.Len() == 0 {
		return nil
	}
	toks := Tokens(text)
	words := make([]string, len(toks))
	lowers := make([]string, len(toks))
	for i, t := range toks {
		words[i] = Fold(t.Text)
		lowers[i] = lower(t.Text)
	}
	var out []QuestionMatch
	clause := 0          // index of the first token of the current clause
	clauseMatch := false // whether a phrase was already found in the clause
	for i := 0; i < len(toks); {
		if i > 0 && opensClause(text[toks[i-1].End:toks[i].Start]) {
			clause, clauseMatch = i, false
		}
		atStart := !clauseMatch && i-clause <= 2 && l.allStopwords(words[clause:i])
		q, n, ok := l.questions.matchBoth(lowers[i:], words[i:])
		if !ok || (q.AtStart && !atStart) {
			i++
			continue
		}
		out = append(out, QuestionMatch{Kind: q.Kind, Start: toks[i].Start, End: toks[i+n-1].End, AtStart: atStart, StartOnly: q.AtStart})
		clauseMatch = true
		i += n
	}
	return out
}

// QuestionKind returns the kind of the first question phrase of text.
func (l *Language) QuestionKind(text string) (Kind, bool) {
	m := l.QuestionPhrases(text)
	if len(m) == 0 {
		return "", false
	}
	return m[0].Kind, true
}

func (l *Language) allStopwords(folded []string) bool {
	for _, w := range folded {
		if _, ok := l.stop[w]; !ok {
			return false
		}
	}
	return true
}

// opensClause reports whether the text between two tokens ends a clause.
func opensClause(gap string) bool {
	return strings.ContainsAny(gap, ",;:.!?¿¡()\"«»“”„—–\n")
}

// Lexicon returns the word and phrase glosses of lexicon.tsv: local phrase
// to English words. It is empty when the file is absent (as for English).
func (l *Language) Lexicon() *Phrases[[]string] { return l.glosses[0].get() }

// Places returns places.tsv: local names of countries, capitals, demonyms
// and languages to their English names.
func (l *Language) Places() *Phrases[[]string] { return l.glosses[1].get() }

// Orgs returns orgs.tsv: local organisation names and acronyms to the
// English acronym and name.
func (l *Language) Orgs() *Phrases[[]string] { return l.glosses[2].get() }

func (l *Language) String() string { return l.Code }
