package lang

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind says what a token is made of.
type TokenKind uint8

const (
	// TokenWord is letters (with their marks), possibly joined by inner hyphens
	// or apostrophes: "est-ce", "aujourd'hui".
	TokenWord TokenKind = iota
	// TokenNumber is digits, possibly with inner separators: "3,000", "2.5",
	// "12:30", "2022-09-07", "3 000" (with a no-break space).
	TokenNumber
	// TokenAlnum mixes letters and digits: "24-hour", "COVID-19", "3rd", "G7".
	TokenAlnum
)

func (k TokenKind) String() string {
	switch k {
	case TokenWord:
		return "word"
	case TokenNumber:
		return "number"
	case TokenAlnum:
		return "alnum"
	}
	return "unknown"
}

// Token is a word or number of a text with its byte offsets:
// Text == s[Start:End] for the s it came from.
type Token struct {
	Text       string
	Start, End int
	Kind       TokenKind
}

// Tokens splits s into words and numbers, dropping spaces, punctuation,
// symbols, emoji and invalid UTF-8. It works for any language and script,
// so it needs no Language.
//
// Apostrophes are handled so that every language's words come out as a
// reader would look them up:
//   - an elided article or pronoun is its own token, apostrophe included:
//     "l'OTAN" -> "l'", "OTAN"; "qu'est-ce" -> "qu'", "est-ce";
//     "dell'UE" -> "dell'", "UE";
//   - English clitics split off: "Borduria's" -> "Borduria", "'s"; "didn't" ->
//     "did", "n't"; "I'm" -> "I", "'m";
//   - other inner apostrophes stay inside the word: "aujourd'hui".
func Tokens(s string) []Token {
	return AppendTokens(nil, s)
}

// AppendTokens appends the tokens of s to dst and returns the extended
// slice, so callers can reuse a buffer.
func AppendTokens(dst []Token, s string) []Token {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isLetter(r) && !isDigit(r) {
			i += size
			continue
		}
		dst, i = appendToken(dst, s, i)
	}
	return dst
}

// eachToken yields the tokens of s that AppendTokens would append, without
// keeping them: a reader that looks at each once needs no slice of them.
func eachToken(s string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		var buf [4]Token
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isLetter(r) && !isDigit(r) {
				i += size
				continue
			}
			var toks []Token
			toks, i = appendToken(buf[:0], s, i)
			for _, t := range toks {
				if !yield(t) {
					return
				}
			}
		}
	}
}

// appendToken scans the token that starts at s[start], a letter or digit,
// appends it (or, at a clitic boundary, the pieces of it) to dst and returns
// the offset where scanning continues.
func appendToken(dst []Token, s string, start int) ([]Token, int) {
	j := start
	var prev rune // the last letter, digit or joiner; marks don't count
	emit := func(from, to int) {
		dst = append(dst, Token{Text: s[from:to], Start: from, End: to, Kind: kindOf(s[from:to])})
	}
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case isLetter(r), isDigit(r):
		case unicode.IsMark(r):
			// a combining mark belongs to the letter before it
			j += size
			continue
		case isJoinerControl(r) && isLetter(prev) && isLetter(nextRune(s, j+size)):
			// ZWNJ/ZWJ/soft hyphen inside Persian, Indic or hyphenated words
		case isHyphen(r) && (isLetter(prev) || isDigit(prev)) && isAlnum(nextRune(s, j+size)):
		case strings.ContainsRune(",.:/", r) && isDigit(prev) && isDigit(nextRune(s, j+size)):
		case isGroupSpace(r) && isDigit(prev) && digitGroupFollows(s, j+size) && groupBefore(s, start, j) <= 3:
		case isApostrophe(r) && isLetter(prev):
			after := j + size
			suffixEnd := letterRunEnd(s, after)
			suffix := strings.ToLower(s[after:suffixEnd])
			switch {
			case suffixEnd == after:
				// a closing quote or a plural possessive: the word ends here
				emit(start, j)
				return dst, after
			case suffix == "t" && j > start && endsWithN(s[start:j]) && wordEndsAt(s, suffixEnd):
				// did|n't: the "n" belongs to the clitic
				n := j - 1
				if n > start {
					emit(start, n)
				}
				emit(n, suffixEnd)
				return dst, suffixEnd
			case isEnglishClitic(suffix) && wordEndsAt(s, suffixEnd):
				emit(start, j)
				emit(j, suffixEnd)
				return dst, suffixEnd
			case isElision(strings.ToLower(lastSegment(s[start:j]))):
				emit(start, after)
				return dst, after
			}
			// an apostrophe inside a word: aujourd'hui, O'Neill
		default:
			emit(start, j)
			return dst, j
		}
		prev = r
		j += size
	}
	emit(start, j)
	return dst, j
}

func kindOf(t string) TokenKind {
	letter, digit := false, false
	for _, r := range t {
		if isLetter(r) {
			letter = true
		} else if isDigit(r) {
			digit = true
		}
	}
	switch {
	case letter && digit:
		return TokenAlnum
	case digit:
		return TokenNumber
	}
	return TokenWord
}

func isLetter(r rune) bool { return unicode.IsLetter(r) }
func isDigit(r rune) bool  { return unicode.IsNumber(r) }
func isAlnum(r rune) bool  { return isLetter(r) || isDigit(r) }

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' || r == '\u02bc' }

func isJoinerControl(r rune) bool { return r == '\u200c' || r == '\u200d' || r == '\u00ad' }

// isGroupSpace reports the spaces that French, Russian, Swedish and
// Norwegian put between digit groups ("3 000"). An ordinary space is not one
// of them: "in 2009 3 people" must stay two numbers.
func isGroupSpace(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2009' }

// nextRune returns the rune at s[i], or 0 at the end of s or on invalid
// UTF-8.
func nextRune(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 {
		return 0
	}
	return r
}

// digitGroupFollows reports whether s[i:] starts with exactly three digits.
func digitGroupFollows(s string, i int) bool {
	n := 0
	for i < len(s) && n <= 3 {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isDigit(r) {
			break
		}
		n++
		i += size
	}
	return n == 3 && !isDigit(nextRune(s, i))
}

// groupBefore counts the digits between the last separator before end and
// end, so "12345 678" is not read as one number.
func groupBefore(s string, start, end int) int {
	n := 0
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		if !isDigit(r) {
			break
		}
		n++
		end -= size
	}
	return n
}

func letterRunEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isLetter(r) {
			break
		}
		i += size
	}
	return i
}

func wordEndsAt(s string, i int) bool {
	r := nextRune(s, i)
	return !isAlnum(r) && !isApostrophe(r) && !isHyphen(r)
}

func endsWithN(w string) bool {
	return strings.HasSuffix(w, "n") || strings.HasSuffix(w, "N")
}

// lastSegment returns the part of a token after its last hyphen, so that
// "est-ce qu'" style prefixes are judged on "qu".
func lastSegment(w string) string {
	if i := strings.LastIndexAny(w, "-\u2010\u2011"); i >= 0 {
		_, size := utf8.DecodeRuneInString(w[i:])
		return w[i+size:]
	}
	return w
}

func isEnglishClitic(suffix string) bool {
	switch suffix {
	case "s", "re", "ve", "ll", "d", "m":
		return true
	}
	return false
}

// isElision reports whether prefix, lower case, is a word that French and
// Italian shorten before a vowel with an apostrophe: l' d' j' qu' jusqu'
// dell' nell' un' quest'.
func isElision(prefix string) bool {
	if utf8.RuneCountInString(prefix) == 1 {
		return true
	}
	if strings.HasSuffix(prefix, "qu") {
		return true
	}
	if strings.HasSuffix(prefix, "ll") && len(prefix) <= 5 {
		return true
	}
	switch prefix {
	case "un", "quest", "nessun", "tutt", "sant", "buon":
		return true
	}
	return false
}
