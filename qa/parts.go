package qa

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// A word of an article may hold a question's word only as a part: a
// hyphenated word in any language ("US-Wirtschaft", "EU-Gipfel",
// "oxygen-18"), or a compound of a language that writes them as one word
// ("Sommertheater", "Bevölkerungszahl"). The parts index records such
// words once as the index is built and maps their parts to them, for two
// look-ups with cutting rules of their own:
//   - within one language (compoundAlts), built with the index: each
//     part's stem to the words it begins (modifierOf) or ends (headOf),
//     compounds cut with the corpus's own words as the known parts
//     (wordParts);
//   - across languages (partsOf), built on first use: a translation's
//     stem to the words that hold it anywhere, compounds cut by the
//     article language's concept table, which knows its words and joining
//     letters (lang.SplitCompound). bySuffix finds a compound by its head
//     too.

// A partWord is a word of the corpus that may have parts: its analyzer,
// the word as written, folded and its stem.
type partWord struct {
	an                 *analyzer
	word, folded, stem string
}

// A partKey is a word of the corpus in lower case, with its analyzer.
type partKey struct {
	an   *analyzer
	word string
}

// A partsIndex is the parts index of a corpus (above).
type partsIndex struct {
	// The words that may have parts, as the index is built: within
	// one language, by analyzer and lower-case word; across languages,
	// the first of each folded spelling, until partsOf cuts them.
	within map[partKey]string // to the stem
	across map[string]partWord
	// Within one language: a part's stem to the stems of the words it
	// begins or ends: "bevolker" to "bevolkerungszahl" (a modifier),
	// "zahl" to it too (its head). keys are their keys, sorted.
	modifierOf, headOf map[string][]string
	keys               []string
	// Across languages: a part's stem to the stems of the words that
	// hold it, built from across on first use.
	once   sync.Once
	byPart map[string][]string
}

// add records a word of an article (with a stem) that may have parts.
func (p *partsIndex) add(an *analyzer, t *docToken) {
	if partsWithin(an.l, t.Kind, t.Text) {
		if p.within == nil {
			p.within = map[partKey]string{}
		}
		p.within[partKey{an, strings.ToLower(t.Text)}] = t.stem
	}
	if partsAcross(an.l, t.folded) {
		if _, ok := p.across[t.folded]; ok {
			return
		}
		if p.across == nil {
			p.across = map[string]partWord{}
		}
		p.across[t.folded] = partWord{an, t.Text, t.folded, t.stem}
	}
}

// partsWithin reports whether a word is cut for questions in its own
// language: a hyphenated word, or a word of a language that compounds.
func partsWithin(l *lang.Language, kind lang.TokenKind, word string) bool {
	return kind == lang.TokenWord && (l.Compounds() || isHyphenated(word))
}

// partsAcross reports whether a word is cut for translations.
func partsAcross(l *lang.Language, folded string) bool {
	return strings.Contains(folded, "-") || l.Compounds() && utf8.RuneCountInString(folded) >= 2*minCompoundHead
}

// build cuts the words for questions in their own language, the parts
// known being stems of the corpus (known).
func (p *partsIndex) build(known func(stem string) bool) {
	splitters := map[*lang.Language]func(string) []lang.CompoundPart{}
	for w, st := range p.within {
		split := splitters[w.an.l]
		if split == nil {
			split = w.an.l.CompoundSplitter(known)
			splitters[w.an.l] = split
		}
		parts := wordParts(w.an, w.word, split)
		for i, part := range parts {
			if p.modifierOf == nil {
				p.modifierOf, p.headOf = map[string][]string{}, map[string][]string{}
			}
			if i == len(parts)-1 {
				addPart(p.headOf, part, st)
			} else {
				addPart(p.modifierOf, part, st)
			}
		}
	}
	p.within = nil
	p.keys = append(sortParts(p.modifierOf), sortParts(p.headOf)...)
	slices.Sort(p.keys)
	p.keys = slices.Compact(p.keys)
}

// partsOf returns the stems of the article words that hold stem as a part
// (not as the whole word), for a translation, cut on first use.
func (p *partsIndex) partsOf(stem string) []string {
	p.once.Do(func() {
		p.byPart = map[string][]string{}
		for _, w := range p.across {
			if strings.Contains(w.folded, "-") {
				for _, t := range hyphenTokens(w.folded) {
					if t.Kind == lang.TokenNumber {
						addPart(p.byPart, numberKey(t.Text), w.stem)
					} else if !w.an.l.IsStopword(t.Text) {
						addPart(p.byPart, lang.Fold(w.an.l.Stem(t.Text)), w.stem)
					}
				}
				continue
			}
			for _, part := range w.an.l.SplitCompound(strings.ToLower(w.word), nil) {
				addPart(p.byPart, part.Stem, w.stem)
			}
		}
		sortParts(p.byPart)
		p.across = nil
	})
	return p.byPart[stem]
}

// addPart maps a part's stem to a word's, once; not a word to itself.
func addPart(m map[string][]string, part, whole string) {
	if part != "" && part != whole && !slices.Contains(m[part], whole) {
		m[part] = append(m[part], whole)
	}
}

// sortParts sorts the words of each part and returns the parts.
func sortParts(m map[string][]string) []string {
	var keys []string
	for k, v := range m {
		slices.Sort(v)
		keys = append(keys, k)
	}
	return keys
}

// isHyphenated reports whether a word joins parts with hyphens.
func isHyphenated(w string) bool { return strings.ContainsAny(w, "-\u2010\u2011") }

// hyphenTokens returns the words the hyphens of w join, as lang.Tokens
// reads them.
func hyphenTokens(w string) []lang.Token { return lang.Tokens(strings.ReplaceAll(w, "-", " ")) }

// wordParts returns the stems of the parts of a compound word: the parts
// a hyphen joins ("EU-toppmøtet", "Doctor-Who-Folge"), in any language;
// else, in a language that writes compounds as one word, the parts split
// finds (lang.Language.SplitCompound with the known parts fixed). nil for
// a word of one part.
func wordParts(an *analyzer, word string, split func(string) []lang.CompoundPart) []string {
	if isHyphenated(word) {
		var out []string
		for _, p := range strings.FieldsFunc(word, func(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }) {
			if f := lang.Fold(p); utf8.RuneCountInString(p) >= 2 && !an.isStop(f) {
				out = append(out, an.stem(p))
			}
		}
		if len(out) < 2 {
			return nil
		}
		return out
	}
	parts := split(word)
	if len(parts) < 2 {
		return nil
	}
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = p.Stem
	}
	return out
}
