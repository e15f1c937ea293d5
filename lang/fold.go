package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form every package uses to compare words: Unicode
// compatibility forms unified (NFKC: "ﬁ" -> "fi", full-width letters to
// ASCII), lower case, and diacritics removed from Latin and Greek letters so
// that casual spellings match ("Tiranë" -> "tirane", "Téhéran" ->
// "teheran", "où" -> "ou"). Letters that are not a base letter plus a
// diacritic are spelled out ("ß" -> "ss", "ø" -> "o", "æ" -> "ae", "ł" -> "l").
//
// Cyrillic stays Cyrillic; "ё" folds to "е", as Russian writers usually do,
// but "й" stays "й" because it is a letter of its own, not a decorated "и".
// Marks on other scripts are kept, since there they are vowels, not accents.
// Typographic apostrophes fold to "'" and Unicode hyphens to "-". Invalid
// UTF-8 bytes become U+FFFD, so the result is always valid UTF-8.
//
// Byte offsets into s do not carry over to the result: fold token texts,
// not whole texts whose offsets matter.
func Fold(s string) string {
	if isLowerASCII(s) {
		return s
	}
	if isASCII(s) {
		return strings.ToLower(s)
	}
	d := norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	var base rune // the last base letter written, to judge the marks after it
	kept := false // whether a combining mark was written, so NFC is needed
	for i := 0; i < len(d); {
		r, size := utf8.DecodeRuneInString(d[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			base = 0
			continue
		}
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
			if keepMark(base, r) {
				b.WriteRune(r)
				kept = true
			}
			continue
		}
		r = unicode.ToLower(r)
		base = r
		switch r {
		case 'ß':
			b.WriteString("ss")
		case 'ø':
			b.WriteByte('o')
		case 'æ':
			b.WriteString("ae")
		case 'œ':
			b.WriteString("oe")
		case 'đ', 'ð':
			b.WriteByte('d')
		case 'þ':
			b.WriteString("th")
		case 'ł':
			b.WriteByte('l')
		case 'ı':
			b.WriteByte('i')
		case 'ħ':
			b.WriteByte('h')
		case '\u2019', '\u2018', '\u02bc', '\u2032':
			b.WriteByte('\'')
		case '\u2010', '\u2011':
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	if kept {
		return norm.NFC.String(b.String())
	}
	return b.String()
}

// keepMark reports whether combining mark m after base letter base is part
// of the letter rather than an accent to drop.
func keepMark(base, m rune) bool {
	switch {
	case base == 0:
		return false // a stray mark with nothing to decorate
	case base == 'и' && m == '\u0306':
		return true // й is a letter of its own
	case base < 0x250: // Latin
		return false
	case base >= 0x370 && base < 0x400: // Greek
		return false
	case base >= 0x400 && base < 0x530: // Cyrillic: ё -> е, ї -> і
		return false
	case base >= 0x1e00 && base < 0x2000: // Latin and Greek extended
		return false
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}
