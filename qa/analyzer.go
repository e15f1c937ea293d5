package qa

import (
	"strings"

	"github.com/qabot/qabot/lang"
)

// An analyzer reads text of one language the way the index does: tokens,
// folded, stop words dropped, stemmed.
type analyzer struct {
	l *lang.Language
}

func (a *analyzer) isStop(folded string) bool { return a.l.IsStopword(folded) }

func (a *analyzer) stem(folded string) string { return a.l.Stem(folded) }

// stems returns the stems of the content words of text.
func (a *analyzer) stems(text string) []string {
	var out []string
	for _, t := range lang.Tokens(text) {
		f := lang.Fold(t.Text)
		if !a.isStop(f) {
			out = append(out, a.stem(f))
		}
	}
	return out
}

// stemKey returns the key under which a phrase is stored in stemmed
// tables: the stems of all its words, stop words included, joined by
// spaces. Stop words stay so that "kick out" and "kick" differ.
func (a *analyzer) stemKey(phrase string) (string, int) {
	toks := lang.Tokens(phrase)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = a.stem(lang.Fold(t.Text))
	}
	return strings.Join(parts, " "), len(parts)
}
