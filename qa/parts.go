package qa

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// A translation says a question word as the article's language says it
// alone ("summer" -> "Sommer", "oil" -> "Öl"), but the article may hold it
// only inside a longer word: a compound of a language that writes them as
// one word ("Sommertheater"), or a hyphenated word in any language
// ("US-Wirtschaft", "oxygen-18"). bySuffix finds a compound by its head;
// byPart finds a word by any of its parts: the hyphen's, and the parts
// of a compound cut by the article language's concept table
// (lang.SplitCompound), which knows its words and joining letters.

// partWord is an article word to cut into parts on first use: its
// language, as written (folded) and its stem.
type partWord struct {
	l                  *lang.Language
	word, folded, stem string
}

// addPartWord records an article word that may have parts.
func (ix *index) addPartWord(l *lang.Language, word, folded, stem string) {
	if !strings.Contains(folded, "-") && (!l.Compounds() || utf8.RuneCountInString(folded) < 2*minCompoundHead) {
		return
	}
	if _, ok := ix.partWords[folded]; ok {
		return
	}
	if ix.partWords == nil {
		ix.partWords = map[string]partWord{}
	}
	ix.partWords[folded] = partWord{l, word, folded, stem}
}

// partsOf returns the stems of the article words that hold stem as a part
// (not as the whole word), built on first use.
func (ix *index) partsOf(stem string) []string {
	ix.partsOnce.Do(func() {
		ix.byPart = map[string][]string{}
		add := func(part, whole string) {
			if part == "" || part == whole || slices.Contains(ix.byPart[part], whole) {
				return
			}
			ix.byPart[part] = append(ix.byPart[part], whole)
		}
		for _, w := range ix.partWords {
			if strings.Contains(w.folded, "-") {
				for _, p := range lang.Tokens(strings.ReplaceAll(w.folded, "-", " ")) {
					if p.Kind == lang.TokenNumber {
						add(numberKey(p.Text), w.stem)
					} else if !w.l.IsStopword(p.Text) {
						add(lang.Fold(w.l.Stem(p.Text)), w.stem)
					}
				}
				continue
			}
			for _, p := range w.l.SplitCompound(strings.ToLower(w.word), nil) {
				add(p.Stem, w.stem)
			}
		}
		for _, v := range ix.byPart {
			slices.Sort(v)
		}
		ix.partWords = nil
	})
	return ix.byPart[stem]
}
