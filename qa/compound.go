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
// (German, Swedish and Norwegian sets, fit and dev).
func (e *Engine) splitCompounds(l *lang.Language, target *analyzer, table phraseMatcher, toks []lang.Token, folded, stems []string) ([]lang.Token, []string, []string) {
	if !l.Compounds() || l.Code == target.l.Code {
		return toks, folded, stems
	}
	an := e.analyzers[l.Code]
	var outT []lang.Token
	var outF, outS []string
	for i, t := range toks {
		if parts := e.compoundParts(l, an, table, t, folded[i], stems[i]); parts != nil {
			if outT == nil {
				outT, outF, outS = append(outT, toks[:i]...), append(outF, folded[:i]...), append(outS, stems[:i]...)
			}
			for _, p := range parts {
				text := t.Text[p.Start:p.End]
				outT = append(outT, lang.Token{Text: text, Start: t.Start + p.Start, End: t.Start + p.End, Kind: t.Kind})
				outF = append(outF, lang.Fold(text))
				outS = append(outS, p.Stem)
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

// compoundParts returns the parts of a question word to read apart, or nil
// to read it whole: a word the translation table knows, a stop word, or a
// word the article writes so (a name) stays whole.
func (e *Engine) compoundParts(l *lang.Language, an *analyzer, table phraseMatcher, t lang.Token, folded, stem string) []lang.CompoundPart {
	if t.Kind != lang.TokenWord || an.isStop(folded) || isClitic(folded) {
		return nil
	}
	if _, ok := e.idx.vocab[folded]; ok {
		return nil
	}
	if _, ok := e.idx.termID(stem); ok {
		return nil
	}
	if _, n := table.match([]string{stem}); n > 0 {
		return nil
	}
	return l.SplitCompound(t.Text, nil)
}
