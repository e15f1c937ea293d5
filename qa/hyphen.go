package qa

import (
	"strings"

	"github.com/qabot/qabot/lang"
)

// splitHyphens cuts a hyphenated question word that neither the
// translation into the article's language nor the article knows as a
// whole into its parts: "ABC-Logo", "Sauerstoff-18", "интернет-кампании"
// are "ABC" and "Logo", "Sauerstoff" and "18", "интернет" and "кампании"
// where the article writes "ABC's logo", "oxygen-18", "internet
// campaign". A part of digits is a number. Within one language the word
// stays whole, as the index reads it.
func (e *Engine) splitHyphens(l *lang.Language, target *analyzer, table phraseMatcher, toks []lang.Token, folded, stems []string) ([]lang.Token, []string, []string) {
	if l.Code == target.l.Code {
		return toks, folded, stems
	}
	an := e.analyzers[l.Code]
	return spliceParts(toks, folded, stems, func(i int) ([]lang.Token, []string) {
		parts := e.hyphenParts(an, table, toks[i], folded[i], stems[i])
		var partStems []string
		for _, p := range parts {
			partStems = append(partStems, an.stem(p.Text))
		}
		return parts, partStems
	})
}

// hyphenParts returns the parts of a hyphenated word to read apart, or
// nil to read it whole.
func (e *Engine) hyphenParts(an *analyzer, table phraseMatcher, t lang.Token, folded, stem string) []lang.Token {
	if t.Kind == lang.TokenNumber || !strings.Contains(t.Text, "-") || an.isStop(folded) || e.knownWhole(table, folded, stem) {
		return nil
	}
	// A word spelt almost as the article writes it is a cognate, read
	// whole: "anti-inflammatory" and "antiinflamatorios".
	if _, _, ok := e.idx.fuzzy.correct(folded); ok {
		return nil
	}
	if _, _, ok := e.idx.fuzzy.correct(strings.ReplaceAll(folded, "-", "")); ok {
		return nil
	}
	// Only the parts that mean something to the article stay: a number,
	// a word it writes, or one the translation knows; "anti" of
	// "anti-inflammatory" or "pro" of "pro-life" alone are noise.
	var out []lang.Token
	parts := hyphenTokens(t.Text)
	for _, p := range parts {
		if !e.partKnown(an, table, p) {
			continue
		}
		p.Start += t.Start
		p.End += t.Start
		out = append(out, p)
	}
	if len(parts) < 2 || len(out) == 0 {
		return nil
	}
	return out
}

// partKnown reports whether a part of a hyphenated question word means
// something to the article: a number, a word the article writes, or a
// word the translation knows.
func (e *Engine) partKnown(an *analyzer, table phraseMatcher, p lang.Token) bool {
	if p.Kind == lang.TokenNumber {
		return true
	}
	folded := lang.Fold(p.Text)
	if an.isStop(folded) {
		return false
	}
	if _, ok := e.idx.vocab[folded]; ok {
		return true
	}
	_, n := table.match([]string{an.stem(p.Text)})
	return n > 0
}
