package corpus

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DecodeCharRefs replaces the well-formed HTML character references of s
// by the characters they stand for: named ones ("&quot;", "&amp;",
// "&nbsp;", "&eacute;", any name of the HTML5 table) and numeric ones
// ("&#39;", "&#x2014;"). Scraped pages and data sets made from them keep
// such references in their text ("&quot;" in half the contexts of a
// Portuguese SQuAD translation); left alone, "&quot;" is the word "quot"
// to the index and a quoted sentence shows markup instead of the quotation
// mark the page meant. Decoding them is cleaning, as folding whitespace
// is.
//
// Only complete references are decoded, once: "&quot" without its
// semicolon, an unknown name ("&unknown;"), a number that is no character
// ("&#99999999;", "&#0;", a surrogate or a control character other than
// whitespace) and "AT&T" stay as they are, and "&amp;quot;" becomes
// "&quot;", not a quotation mark.
func DecodeCharRefs(s string) string {
	i := strings.IndexByte(s, '&')
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		s = s[i:]
		if text, n := CharRefAt(s); n > 0 {
			b.WriteString(text)
			s = s[n:]
		} else {
			b.WriteByte('&')
			s = s[1:]
		}
		i = strings.IndexByte(s, '&')
	}
	b.WriteString(s)
	return b.String()
}

// maxRefName bounds the name of a named reference: the longest of the
// HTML5 table ("&CounterClockwiseContourIntegral;") has 31 letters.
const maxRefName = 32

// CharRefAt decodes the character reference that s starts with: the text
// it stands for and its length in bytes, or ("", 0) when s does not start
// with a well-formed reference (see DecodeCharRefs). Callers that map the
// decoded text back to the raw one (eval/dataset) step over references
// with it.
func CharRefAt(s string) (string, int) {
	if len(s) < 3 || s[0] != '&' {
		return "", 0
	}
	if s[1] == '#' {
		return numericRefAt(s)
	}
	end := 1
	for end < len(s) && end <= maxRefName && isASCIIAlnum(s[end]) {
		end++
	}
	if end == 1 || end >= len(s) || s[end] != ';' || !isASCIILetter(s[1]) {
		return "", 0
	}
	ref := s[:end+1]
	text := html.UnescapeString(ref)
	// html.UnescapeString also decodes a legacy prefix of an unknown name
	// ("&notit;" is "¬it;"), leaving the semicolon: only a reference it
	// consumed whole is a known name.
	if text == ref || (strings.HasSuffix(text, ";") && text != ";") {
		return "", 0
	}
	return text, len(ref)
}

// numericRefAt decodes "&#NNN;" and "&#xHH;" at the start of s.
func numericRefAt(s string) (string, int) {
	i, base := 2, 10
	if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
		i, base = 3, 16
	}
	start := i
	v := 0
	for i < len(s) && i-start <= 8 {
		d := digitValue(s[i], base)
		if d < 0 {
			break
		}
		v = v*base + d
		i++
	}
	if i == start || i >= len(s) || s[i] != ';' {
		return "", 0
	}
	r := rune(v)
	if v > unicode.MaxRune || !utf8.ValidRune(r) || r == 0 || (unicode.IsControl(r) && !unicode.IsSpace(r)) {
		return "", 0
	}
	return string(r), i + 1
}

func digitValue(c byte, base int) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case base == 16 && c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case base == 16 && c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIAlnum(c byte) bool { return isASCIILetter(c) || c >= '0' && c <= '9' }
