package corpus

import "github.com/qabot/qabot/corpus/timex"

// Facts are what a sentence offers an answer: spans of its text that
// answer when, how many and who questions.
type Facts struct {
	Dates    []timex.Expr // offsets into the sentence
	Numbers  []Number
	Names    []Name
	Acronyms []Acronym
	Quote    *Quote // set when the sentence reports speech
}

// A Span is a piece of a sentence, with byte offsets into Sentence.Text.
type Span struct {
	Text       string
	Start, End int
}

// A Number is a quantity with the unit or noun it counts.
type Number struct {
	Span
	Value float64
	Unit  string // "people", "hours", "km/h", "€"; "" when none
	Money bool   // the unit is a currency: "€186 million", "30 million euros"
}

// NameKind is a coarse type of a name.
type NameKind int

const (
	NameOther NameKind = iota
	NamePerson
	NamePlace
	NameOrg
)

// A Name is a run of capitalised words naming someone or something.
type Name struct {
	Span
	Kind NameKind
	// Doubted marks a person's name that the article gives reason to
	// doubt: a word of it is also written in lower case elsewhere, as an
	// ordinary word ("Harlow County", "Open Garden Awards"), and the article
	// never calls it by its last word alone, as it calls people by their
	// surname ("Anna Velder ... Velder joined").
	Doubted bool
}

// An Acronym is an abbreviation introduced with its expansion.
type Acronym struct {
	Short, Long string
}

// A Quote is reported speech and who it is attributed to.
type Quote struct {
	Speaker  string // as written: "Anna Kovac", "he", "the union"
	Resolved string // the person a pronoun stands for; the speaker otherwise
	Verb     string // "said", "wrote", "told"
}
