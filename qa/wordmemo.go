package qa

import (
	"slices"

	"github.com/qabot/qabot/lang"
)

// A wordMemo keeps, for one question, what the corpus holds of a word
// written in the question's language whatever language the articles it is
// read for are in: a name spelt as the word is (nameSpelt), names in
// another script (scriptAlts), names an edit or two away (nearNames), and
// cognates. A question is read once per language of the articles (parse),
// and over articles in four languages these were looked up three times a
// word, the same each time: a tenth of reading a question.
//
// A word is its text, folded form and stem as the reading sees them (a
// reading may split or join tokens, so they are not found by position).
// What it hands out is clipped: a reading that appends to it copies it, and
// another reading never sees its alternatives.
type wordMemo struct{ words []memoWord }

type memoWord struct {
	text, folded, stem string
	done               memoParts
	nameStem           string // nameSpelt's stem; "" for none
	script             [2][]alt
	near               [3][]alt // by limit: 0, 1, 2
	nearLimit          int      // nearNameLimit's
	cognates           []alt
}

// memoParts records what a memoWord has computed.
type memoParts uint16

const (
	memoNameStem memoParts = 1 << iota
	memoScriptAll
	memoScriptNames
	memoNear0
	memoNear1
	memoNear2
	memoNearLimit
	memoCognates
)

// word returns the memo of a word, added when the question had not used it.
func (m *wordMemo) word(text, folded, stem string) *memoWord {
	for i := range m.words {
		if w := &m.words[i]; w.text == text && w.folded == folded && w.stem == stem {
			return w
		}
	}
	m.words = append(m.words, memoWord{text: text, folded: folded, stem: stem})
	return &m.words[len(m.words)-1]
}

// nameSpelt returns the stem of the name of the corpus that a spelling of
// the word is (spellings), if any.
func (e *Engine) nameSpelt(l *lang.Language, w *memoWord) (string, bool) {
	if w.done&memoNameStem == 0 {
		w.done |= memoNameStem
		for _, cand := range spellings(l, w.folded) {
			if st, ok := e.idx.vocab[cand]; ok && e.idx.nameStems[st] {
				w.nameStem = st
				break
			}
		}
	}
	return w.nameStem, w.nameStem != ""
}

// scriptAltsOf is scriptAlts of the word.
func (e *Engine) scriptAltsOf(l *lang.Language, w *memoWord, namesOnly bool) []alt {
	part, i := memoScriptAll, 0
	if namesOnly {
		part, i = memoScriptNames, 1
	}
	if w.done&part == 0 {
		w.done |= part
		w.script[i] = slices.Clip(e.scriptAlts(l, w.folded, namesOnly))
	}
	return w.script[i]
}

// nearNamesOf is nearNames of the word with limit 0, 1 or 2.
func (e *Engine) nearNamesOf(l *lang.Language, w *memoWord, limit int) []alt {
	part := memoNear0 << limit
	if w.done&part == 0 {
		w.done |= part
		w.near[limit] = slices.Clip(e.nearNames(l, w.text, limit))
	}
	return w.near[limit]
}

// nearLimitOf is nearNameLimit of the word's stem.
func (w *memoWord) nearLimitOf(l *lang.Language) int {
	if w.done&memoNearLimit == 0 {
		w.done |= memoNearLimit
		w.nearLimit = nearNameLimit(l, w.stem)
	}
	return w.nearLimit
}

// cognatesOf is cognates of the word.
func (e *Engine) cognatesOf(l *lang.Language, w *memoWord) []alt {
	if w.done&memoCognates == 0 {
		w.done |= memoCognates
		w.cognates = slices.Clip(e.cognates(l, w.folded, w.stem))
	}
	return w.cognates
}
