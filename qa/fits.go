package qa

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
)

// An answer that is confidently wrong is the worst the engine can give.
// These checks decline a sentence that matches a question's words but
// cannot answer it: a yes or a no the sentence does not state, a question
// about a place the article never names, a "president of France" answered
// with a sentence about a "US Vice President".

// yesNoSupport measures how far sentence d states what a yes/no question
// asks, or its opposite, in its own words (not in those it inherits from
// its neighbours or the title):
//   - every name of the question must be in the sentence as itself or a
//     translation ("Paris" may stand for "France" in a search, not in
//     evidence): -1 when one is not;
//   - else the share (by weight) of the other words that are there as
//     themselves, a translation, a synonym (not a synonym of a translation,
//     which strays too far: "признал" is glossed "declare", whose synonym
//     "statement" proves nothing), a compound or an opposite; a word
//     nothing knows ("zugegeben" when the lexicon lacks it) may be the very
//     verb asked about: it counts as missing. Numbers may be missing ("was
//     the ambassador ONE of those expelled").
//
// The share a yes or a no needs is the span model's ("rules|yesno_support",
// chosen by the trainer on the tuning questions of testdata/eval for the
// cost of a wrong answer). So "did Iran admit it?" has little support in a
// sentence about Iran that says nothing of admitting.
func (e *Engine) yesNoSupport(q *query, d int) float64 {
	own := map[string]bool{}
	for _, t := range e.idx.docs[d].toks {
		if t.stem != "" {
			own[t.stem] = true
		}
	}
	total, said := 0.0, 0.0
	for _, g := range q.group {
		switch {
		case isNumberGroup(g):
			continue
		case !g.unknown && (e.isNameGroup(g) || e.isPlace(g)):
			if !groupWhole(g, own, weightCorrected) {
				return -1
			}
			continue
		}
		total += g.idf
		if !g.unknown && groupWhole(g, own, weakEvidence) {
			said += g.idf
		}
	}
	if total == 0 {
		return 1
	}
	return said / total
}

// yesNoUnsupported reports whether sentence d says too little of a yes/no
// question to answer it (yesNoSupport): never without the model's line.
func (e *Engine) yesNoUnsupported(q *query, d int) bool {
	m := e.spanModel()
	return m != nil && m.hasYesNo && e.yesNoSupport(q, d) < m.yesNoMin
}

// weakEvidence is the least weight of a reading that counts as saying a
// word of a yes/no question: a synonym, not a synonym of a translation.
const weakEvidence = weightSynonym

// groupWhole reports whether one reading of g of at least the given weight
// has all of its stems in stems.
func groupWhole(g termGroup, stems map[string]bool, least float64) bool {
	for _, a := range g.alts {
		if a.weight < least {
			continue
		}
		all := len(a.stems) > 0
		for _, st := range a.stems {
			if !stems[st] {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// absentPlace reports whether the question names a place (a country, a
// city, their people: from the places list of its language) that the
// article of sentence d never mentions: "who is the president of France?"
// about an article where France never appears. No sentence of that
// article can answer it, whatever else it shares with the question. A
// reading counts whole: "French Republic" is not in an article for its
// "Republic".
//
// A word the question writes in lower case among capitalised words is no
// place, whatever a list says ("пал", "fell", is also the Pali language).
func (e *Engine) absentPlace(q *query, d int) bool {
	art := e.idx.docs[d].artIdx
	cased := hasInnerCapital(q.text)
	for _, g := range q.group {
		if e.isPlace(g) && (!cased || startsUpper(g.surface)) && !groupWhole(g, e.idx.articleStems[art], 0) {
			return true
		}
	}
	return false
}

// hasInnerCapital reports whether text has a capital letter after its
// first letter: whether its writer capitalises names.
func hasInnerCapital(text string) bool {
	for i, r := range text {
		if i > 0 && unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isPlace reports whether a reading of g is a place of the articles'
// language's place list (countries, cities, their people and languages),
// whatever the question's language.
func (e *Engine) isPlace(g termGroup) bool {
	for _, a := range g.alts {
		if a.weight >= weightCorrected && e.places[strings.Join(a.stems, " ")] {
			return true
		}
	}
	return false
}

// placeStems returns the stems of the names of a language's place list,
// each name's stems joined by spaces.
func placeStems(an *analyzer) map[string]bool {
	out := map[string]bool{}
	for name := range an.l.Places().All {
		if st := an.stems(name); len(st) > 0 {
			out[strings.Join(st, " ")] = true
		}
	}
	return out
}

// otherRestriction reports whether sentence d says the thing the question
// asks about of another name than the question's: the question's focus
// ("president" of "the president of France") is in the sentence, qualified
// there by a name the question did not use ("US Vice President"), while
// the question's own qualifying name is not in the sentence.
func (e *Engine) otherRestriction(q *query, d int) bool {
	if len(q.focus) == 0 {
		return false
	}
	doc := &e.idx.docs[d]
	own := map[string]bool{}
	for _, t := range doc.toks {
		if t.stem != "" {
			own[t.stem] = true
		}
	}
	// The question's names: any missing from the sentence leaves the
	// sentence free to be about another.
	missing := false
	for _, g := range q.group {
		if (e.isPlace(g) || e.isNameGroup(g)) && !groupWhole(g, own, weightCorrected) {
			missing = true
		}
	}
	if !missing {
		return false
	}
	text := doc.sentence.Text
	names := doc.sentence.Facts.Names
	for _, t := range doc.toks {
		if t.stem == "" || !q.focus[t.stem] || insideName(names, t.Start) {
			continue // the focus is a thing named, not a name
		}
		for _, n := range names {
			if n.Kind == corpus.NamePerson || e.mentionsAny(q, n.Text) {
				continue
			}
			// "US Vice President": the name, then capitalised words up to
			// the focus word, a title; "President of the US": "of" after
			// it.
			if n.End <= t.Start && startsUpper(t.Text) && capitalisedRun(text[n.End:t.Start]) ||
				n.Start >= t.End && e.cues.qualifierGap(text[t.End:n.Start]) {
				return true
			}
		}
	}
	return false
}

// capitalisedRun reports whether the text between a name and a word is
// nothing but capitalised words: "US Vice President" has " Vice " between
// "US" and "President".
func capitalisedRun(gap string) bool {
	for _, w := range strings.Fields(gap) {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return !strings.ContainsAny(gap, ",;:.\"()")
}

// qualifierGap reports whether the words between a word and a name after
// it make the name qualify the word: "of the" in "President of the US".
func (c *cues) qualifierGap(gap string) bool {
	words := foldedWords(gap)
	if strings.ContainsAny(gap, ",;:.\"()") {
		return false
	}
	for _, cue := range c.phrases["qualifier"] {
		if slices.Equal(words, cue) {
			return true
		}
	}
	return false
}

// asksSource reports whether a question uses a verb of saying or
// accusing as its own word or a translation ("who blamed Iran?", "qui a
// déclaré ...?"), not merely as a synonym of one of its words ("behind"
// is not "blamed"): its answer may then be who said or accused.
func (e *Engine) asksSource(q *query) bool {
	for _, g := range q.group {
		for _, a := range g.alts {
			if a.weight >= weightCorrected && len(a.stems) == 1 && (e.cues.accusing[a.stems[0]] || e.cues.isSpeech(a.stems[0])) {
				return true
			}
		}
	}
	return false
}

// insideName reports whether offset at falls within one of the names.
func insideName(names []corpus.Name, at int) bool {
	for _, n := range names {
		if n.Start <= at && at < n.End {
			return true
		}
	}
	return false
}
