package timex

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tNum
	tPunct
)

// token is a word, a run of ASCII digits or one other character.
type token struct {
	start, end int // byte offsets
	kind       tokKind
	text       string // lower case for words; as written otherwise
	num        int    // value of a number; -1 when too long
	digits     int    // number of digits of a number
	space      bool   // whitespace before the token
	hardSpace  bool   // the whitespace before is a no-break or thin space (digit grouping)
}

// tokenize splits s into tokens, appending to buf. Words are runs of
// letters and marks; a word ending in an apostrophe before another letter
// keeps the apostrophe and stops there, so French and Italian elisions
// ("l'année", "quest'anno") give "l'" and "année". Digits are split from
// letters, so "1990s" is "1990" then "s" with no space between.
func tokenize(s string, buf []token) []token {
	toks := buf[:0]
	space, hard := false, false
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w <= 1:
			toks = append(toks, token{start: i, end: i + 1, kind: tPunct, text: s[i : i+1], space: space, hardSpace: hard})
			space, hard = false, false
			i++
		case unicode.IsSpace(r):
			space = true
			if r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\u2007' {
				hard = true
			}
			i += w
		case r >= '0' && r <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			n := -1
			if j-i <= 9 {
				n = 0
				for k := i; k < j; k++ {
					n = n*10 + int(s[k]-'0')
				}
			}
			toks = append(toks, token{start: i, end: j, kind: tNum, text: s[i:j], num: n, digits: j - i, space: space, hardSpace: hard})
			space, hard = false, false
			i = j
		case unicode.IsLetter(r) || unicode.IsMark(r):
			j := i + w
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if unicode.IsLetter(r2) || unicode.IsMark(r2) {
					j += w2
					continue
				}
				if r2 == '\'' || r2 == '’' {
					// An elision keeps its apostrophe: "l'année" -> "l'", "année".
					// So does a word at the very end, so that data phrases
					// such as "l'" tokenize as the text does.
					r3, w3 := utf8.DecodeRuneInString(s[j+w2:])
					r4, _ := utf8.DecodeRuneInString(s[j+w2+w3:])
					possessive := (r3 == 's' || r3 == 'S') && !unicode.IsLetter(r4) // "Tuesday's"
					if (unicode.IsLetter(r3) && !possessive) || j+w2 == len(s) {
						j += w2
					}
				}
				break
			}
			toks = append(toks, token{start: i, end: j, kind: tWord, text: lowerWord(s[i:j]), space: space, hardSpace: hard})
			space, hard = false, false
			i = j
		default:
			text := s[i : i+w]
			if r == '’' || r == '‘' || r == 'ʼ' {
				text = "'"
			}
			toks = append(toks, token{start: i, end: i + w, kind: tPunct, text: text, space: space, hardSpace: hard})
			space, hard = false, false
			i += w
		}
	}
	return toks
}

// lowerWord lower-cases w and writes curly apostrophes as straight ones,
// avoiding an allocation when w is already plain lower-case ASCII.
func lowerWord(w string) string {
	plain := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') {
			plain = false
			break
		}
	}
	if plain {
		return w
	}
	w = strings.ToLower(w)
	return strings.ReplaceAll(w, "’", "'")
}
