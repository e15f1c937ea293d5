package qa

import (
	"strings"

	"github.com/qabot/qabot/lang"
)

// joinSeparable reads a question that ends in a separable verb particle
// ("Wann fand das Treffen statt?", "Was lehnt die Kirche ab?") with the
// particle joined in front of its verb, as the dictionary writes the verb
// ("stattfinden", "ablehnen"): apart, the translation gives the particle
// a sense of its own ("statt": "instead") and the verb another verb's
// ("lehnen": "lean"). The verb is the first word before the particle
// whose joined stem the translation into the article's language knows
// (its near keys too: "ablehnt" is "ablehn"); that word takes the joined
// stem and the particle is no longer a word of the question. A question
// the tables know no joined word for is read as it is: a strong verb's
// past ("fand") is not the stem of its dictionary form. Within one
// language the question stays as it is, as the article writes the verb
// apart too. The verb is looked for among the words mayBeVerb allows.
func (e *Engine) joinSeparable(l *lang.Language, target *analyzer, table phraseMatcher, phrases []lang.QuestionMatch, toks []lang.Token, folded, stems []string) ([]lang.Token, []string, []string) {
	if l.Code == target.l.Code {
		return toks, folded, stems
	}
	last := len(toks) - 1
	for last >= 0 && toks[last].Kind != lang.TokenWord {
		last--
	}
	if last < 1 || !l.IsSeparableParticle(toks[last].Text) {
		return toks, folded, stems
	}
	an := e.analyzers[l.Code]
	particle := strings.ToLower(toks[last].Text)
	// The words in lower case first: the first word is the verb only
	// when no other is ("Wegen des ... treten ... auf?").
	order := make([]int, 0, last)
	for i := 1; i < last; i++ {
		order = append(order, i)
	}
	order = append(order, 0)
	for _, i := range order {
		if !mayBeVerb(toks, i, phrases) || an.isStop(folded[i]) {
			continue
		}
		joined := an.stem(particle + strings.ToLower(toks[i].Text))
		if _, n := table.match([]string{joined}); n == 0 {
			continue
		}
		outS := append([]string(nil), stems...)
		outS[i] = joined
		outT := append(append([]lang.Token(nil), toks[:last]...), toks[last+1:]...)
		outF := append(append([]string(nil), folded[:last]...), folded[last+1:]...)
		outS = append(outS[:last], outS[last+1:]...)
		return outT, outF, outS
	}
	return toks, folded, stems
}

// mayBeVerb reports whether the i-th token of a question may be its
// finite verb: a word outside the question phrases ("Wann", "Wie viele")
// and not the noun one asks about, in lower case unless it opens the
// question ("Fand das Treffen statt?"):
// the languages that separate particles (German) write their nouns with a
// capital.
func mayBeVerb(toks []lang.Token, i int, phrases []lang.QuestionMatch) bool {
	t := toks[i]
	if t.Kind != lang.TokenWord {
		return false
	}
	for _, m := range phrases {
		if t.Start >= m.Start && t.End <= m.End {
			return false
		}
		// "wie viele bauern hängen ... ab": the word after a phrase that
		// asks which or how many is what it asks about, typed in lower
		// case or not.
		if i > 0 && toks[i-1].End == m.End && (m.Kind == lang.KindHowMany || m.Kind == lang.KindHowMuch || m.Kind == lang.KindWhich) {
			return false
		}
	}
	return i == 0 || strings.ToLower(t.Text) == t.Text
}
