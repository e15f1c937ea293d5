package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Quotation marks. The cleaner keeps every mark as the page writes it, so
// a quoted sentence is the source text; the helpers here tell which marks
// open and which close a quotation under the conventions of the languages
// qabot reads: "…" and “…” (English), „…“ (German, Hungarian; ‚…‘ inside),
// «…» (French, Russian, Norwegian, Spanish), »…« (German and Danish
// books), ”…” (Swedish, Finnish).

// QuoteMarks lists the double quotation marks of every convention above,
// and the single guillemets and low mark. Other packages use it to find
// where a quotation starts or ends in a sentence.
const QuoteMarks = "\"“”„‟«»‹›‚"

// IsQuoteMark reports whether r is one of QuoteMarks.
func IsQuoteMark(r rune) bool { return strings.ContainsRune(QuoteMarks, r) }

// dialogueDashes open a line of dialogue in Norwegian, Swedish, Russian,
// Spanish and French news ("– Vi er glade, sier hun.").
const dialogueDashes = "–—―"

type quoteDir int8

const (
	notQuote quoteDir = iota
	opening
	closing
	ambiguous
)

// quoteState follows the curly quotations of a text as it is read: the
// marks that opened quotations still open, innermost last. Straight quotes
// say nothing of their direction themselves and are judged apart (see
// straightDir).
type quoteState struct {
	stack []rune
}

// depth returns how many curly quotations are open.
func (s *quoteState) depth() int { return len(s.stack) }

func (s *quoteState) top() rune {
	if len(s.stack) == 0 {
		return 0
	}
	return s.stack[len(s.stack)-1]
}

func (s *quoteState) push(r rune) quoteDir {
	s.stack = append(s.stack, r)
	return opening
}

func (s *quoteState) pop() quoteDir {
	if len(s.stack) > 0 {
		s.stack = s.stack[:len(s.stack)-1]
	}
	return closing
}

// curly decides the direction of the curly mark r between the runes
// before and after it (0 at the edges of the text) and updates the state.
// It returns notQuote for runes that are no double quotation mark (and for
// ‘, an apostrophe unless it closes a ‚).
//
// A mark that can both open and close (“ in English and German, ” in
// English and Swedish, » in French and German) closes the quotation its
// partner opened; otherwise it opens when it stands before a word and
// after a space, and closes when it stands after a word.
func (s *quoteState) curly(r, before, after rune) quoteDir {
	switch r {
	case '„', '‚', '“', '‘', '”', '«', '‹', '»', '›':
	default:
		return notQuote // most runes: no need to look at the neighbours
	}
	spaceBefore := before == 0 || unicode.IsSpace(before) || strings.ContainsRune("([{/"+dialogueDashes, before)
	wordAfter := after != 0 && !unicode.IsSpace(after) && !strings.ContainsRune(",.;:!?)]…", after)
	top := s.top()
	switch r {
	case '„', '‚':
		return s.push(r)
	case '“':
		switch {
		case top == '„':
			return s.pop()
		case !spaceBefore && !wordAfter:
			return s.pop()
		}
		return s.push(r)
	case '‘':
		if top == '‚' {
			return s.pop()
		}
		return notQuote
	case '”':
		if top == 0 && spaceBefore && wordAfter {
			return s.push(r) // Swedish ”…”
		}
		return s.pop()
	case '«', '‹':
		if top == '»' && r == '«' || top == '›' && r == '‹' {
			return s.pop()
		}
		return s.push(r)
	case '»', '›':
		if top == '«' && r == '»' || top == '‹' && r == '›' {
			return s.pop()
		}
		if spaceBefore && wordAfter {
			return s.push(r) // »…«
		}
		return s.pop()
	}
	return notQuote
}

// straightDir reads a straight double quote from its neighbours: attached
// to the word after it, it opens; to the word before, it closes; with
// spaces on both sides it is ambiguous and only the parity of the text's
// quotes can tell.
func straightDir(before, after rune) quoteDir {
	spaceBefore := before == 0 || unicode.IsSpace(before) || strings.ContainsRune("([", before)
	spaceAfter := after == 0 || unicode.IsSpace(after)
	punctAfter := after != 0 && strings.ContainsRune(",.;:!?)]", after)
	switch {
	case !spaceBefore && (spaceAfter || punctAfter):
		return closing
	case spaceBefore && !spaceAfter && !punctAfter:
		return opening
	case spaceBefore && punctAfter:
		return closing
	case spaceBefore && spaceAfter:
		return ambiguous
	}
	return notQuote
}

// straight reads a straight double quote: one that closes by its
// neighbours closes the curly quotation still open, as the straight mark
// of „den Punkt herunterzuladen" does; any other is read by straightDir.
func (s *quoteState) straight(before, after rune) quoteDir {
	d := straightDir(before, after)
	if d == closing && s.depth() > 0 {
		return s.pop()
	}
	return d
}

func isStraightQuote(r rune) bool { return r == '"' || r == '‟' }

// quoteDirections decides for every quotation mark of rs whether it opens
// or closes a quotation. Curly marks are read in order with their partners
// (quoteState); a straight quote from its neighbours, and when spaces
// stand on both sides, from the parity of the quotes before it, but only
// if the text's straight quotes pair up.
func quoteDirections(rs []rune) []quoteDir {
	dirs := make([]quoteDir, len(rs))
	pairsCurly := make([]bool, len(rs)) // straight quotes that closed a curly one
	var st quoteState
	straight := 0
	at := func(i int) rune {
		if i < 0 || i >= len(rs) {
			return 0
		}
		return rs[i]
	}
	for i, r := range rs {
		if isStraightQuote(r) {
			depth := st.depth()
			if dirs[i] = st.straight(at(i-1), at(i+1)); st.depth() < depth {
				pairsCurly[i] = true
			} else {
				straight++
			}
			continue
		}
		dirs[i] = st.curly(r, at(i-1), at(i+1))
	}
	open := false
	for i, d := range dirs {
		if !isStraightQuote(rs[i]) || pairsCurly[i] {
			continue
		}
		switch d {
		case opening:
			open = true
		case closing:
			open = false
		case ambiguous:
			if straight%2 != 0 {
				dirs[i] = notQuote // leave the spaces as the page had them
				continue
			}
			if open {
				dirs[i] = closing
			} else {
				dirs[i] = opening
			}
			open = !open
		}
	}
	return dirs
}

// quoteDirectionsAt is quoteDirections over a string, indexed by byte
// offset: the direction of the mark that starts at each offset.
func quoteDirectionsAt(text string) []quoteDir {
	if !strings.ContainsAny(text, QuoteMarks+"‘") {
		return nil
	}
	rs := []rune(text)
	runeDirs := quoteDirections(rs)
	dirs := make([]quoteDir, len(text))
	off := 0
	for i, r := range rs {
		dirs[off] = runeDirs[i]
		off += utf8.RuneLen(r)
	}
	return dirs
}

// startsDialogue reports whether s opens with a dialogue dash and a space:
// "– Vi er glade, sier hun."
func startsDialogue(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(dialogueDashes, r) && len(s) > size && s[size] == ' '
}

// hasQuotation reports whether a sentence quotes someone: it holds a
// quotation mark or opens with a dialogue dash.
func hasQuotation(s string) bool {
	return strings.ContainsAny(s, QuoteMarks) || startsDialogue(s)
}
