package qa

import (
	"github.com/qabot/qabot/lang"
)

// splitCompounds cuts the compound words of a question that the
// translation into the article's language does not know as a whole
// ("Bevölkerungszahl" has no entry, "Bevölkerung" and "Zahl" have) into
// the words they join, each read as a word of its own
// (lang.SplitCompound). The parts' tokens keep their place in the
// question text. Within one language the question's words stay whole: cut
// there, they matched fewer of the right sentences on the real data
// (German, Swedish and Norwegian sets, fit and dev); there a compound's
// parts are one more alternative of the word instead (compoundAlts).
func (e *Engine) splitCompounds(l *lang.Language, target *analyzer, table phraseMatcher, toks []lang.Token, folded, stems []string) ([]lang.Token, []string, []string) {
	if !l.Compounds() || l.Code == target.l.Code {
		return toks, folded, stems
	}
	an := e.analyzers[l.Code]
	return spliceParts(toks, folded, stems, func(i int) ([]lang.Token, []string) {
		t := toks[i]
		parts := e.compoundParts(l, an, table, t, folded[i], stems[i])
		if parts == nil {
			return nil, nil
		}
		outT, outS := make([]lang.Token, len(parts)), make([]string, len(parts))
		for j, p := range parts {
			outT[j] = lang.Token{Text: t.Text[p.Start:p.End], Start: t.Start + p.Start, End: t.Start + p.End, Kind: t.Kind}
			outS[j] = p.Stem
		}
		return outT, outS
	})
}

// spliceParts reads the question tokens that cut(i) returns parts for
// (tokens and their stems) as those parts, in their place; the tokens,
// folded words and stems are the question's own when none is cut.
func spliceParts(toks []lang.Token, folded, stems []string, cut func(i int) ([]lang.Token, []string)) ([]lang.Token, []string, []string) {
	var outT []lang.Token
	var outF, outS []string
	for i, t := range toks {
		if parts, partStems := cut(i); parts != nil {
			if outT == nil {
				outT, outF, outS = append(outT, toks[:i]...), append(outF, folded[:i]...), append(outS, stems[:i]...)
			}
			for j, p := range parts {
				outT = append(outT, p)
				outF = append(outF, lang.Fold(p.Text))
				outS = append(outS, partStems[j])
			}
			continue
		}
		if outT != nil {
			outT, outF, outS = append(outT, t), append(outF, folded[i]), append(outS, stems[i])
		}
	}
	if outT == nil {
		return toks, folded, stems
	}
	return outT, outF, outS
}

// knownWhole reports whether the article or the translation table knows
// a question word as a whole: then it is not read in parts.
func (e *Engine) knownWhole(table phraseMatcher, folded, stem string) bool {
	if _, ok := e.idx.vocab[folded]; ok {
		return true
	}
	if _, ok := e.idx.termID(stem); ok {
		return true
	}
	_, n := table.match([]string{stem})
	return n > 0
}

// compoundParts returns the parts of a question word to read apart, or nil
// to read it whole: a word the translation table knows, a stop word, or a
// word the article writes so (a name) stays whole.
func (e *Engine) compoundParts(l *lang.Language, an *analyzer, table phraseMatcher, t lang.Token, folded, stem string) []lang.CompoundPart {
	if t.Kind != lang.TokenWord || an.isStop(folded) || isClitic(folded) || e.knownWhole(table, folded, stem) {
		return nil
	}
	return l.SplitCompound(t.Text, nil)
}

// Weights of the alternatives that find a question word in the article's
// compounds, or a compound of the question in the article's words, within
// one language.
const (
	weightModifier = 0.6 // "Bevölkerung" for "Bevölkerungszahl"
	weightHead     = 0.6 // "Zahl" for "Bevölkerungszahl"
	weightParts    = 0.8 // "Bevölkerung" and "Zahl" for "Bevölkerungszahl"
)

// compoundAlts adds to a question word's alternatives the article's
// compounds the word is a part of (the parts index, parts.go), and, when
// the article does not have the word itself, the word's own parts
// (wordParts, with the article's words as the parts it knows). an reads
// the question's language, which is the article's. Measured on the dev
// split: the parts of a word the article has, and the language's concept
// table as known parts, each cost Swedish and Norwegian questions.
func (e *Engine) compoundAlts(an *analyzer, alts []alt, word, stem string) []alt {
	// The parts were stemmed as the compound wrote them: "treneren" in
	// "landslagstreneren" is "trener", the question's "trener" is "tren".
	keys := append([]string{stem}, endingVariantsIn(e.idx.parts.keys, stem)...)
	for _, k := range keys {
		for _, c := range e.idx.parts.modifierOf[k] {
			alts = append(alts, alt{stems: []string{c}, weight: weightModifier})
		}
		for _, c := range e.idx.parts.headOf[k] {
			alts = append(alts, alt{stems: []string{c}, weight: weightHead})
		}
	}
	if !an.l.Compounds() && !isHyphenated(word) {
		return alts
	}
	if e.idx.known(stem) {
		return alts // the article has the word whole: "konsumentekonomi" is not "ekonomi"
	}
	parts := wordParts(an, word, func(w string) []lang.CompoundPart {
		return an.l.SplitCompound(w, e.idx.known)
	})
	if len(parts) > 1 {
		alts = append(alts, alt{stems: parts, weight: weightParts})
	}
	return alts
}
