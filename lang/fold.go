package lang

import (
	"strings"
	"sync"
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
	if f, ok := foldLatin(s); ok {
		return f
	}
	return foldSlow(s)
}

// foldSlow is Fold by decomposing s whole (NFKD), dropping the marks it
// does not keep, and recomposing when it kept one.
func foldSlow(s string) string {
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

// latinEnd bounds the runes foldLatin reads: ASCII, Latin-1 and Latin
// Extended-A and -B, the letters of the Latin-script languages qabot reads.
const latinEnd = 0x250

// latinFolds holds, for each rune below latinEnd, what foldSlow makes of
// it alone, or "\x00" when that is not what it makes of the rune within a
// word: a rune whose decomposition does not start with a base letter (a
// combining mark, whose fold depends on the letter before it) or whose
// fold keeps a mark (and is recomposed with what follows). For every other
// rune the decomposition of a word is the decompositions of its runes one
// after another, each rune's marks follow its own base letter, and no mark
// is kept, so Fold of the word is the folds of its runes end to end: the
// same string without decomposing and recomposing the word, which was
// most of folding a word with an accent.
var latinFolds = sync.OnceValue(func() *[latinEnd]string {
	var t [latinEnd]string
	for r := range rune(latinEnd) {
		s := string(r)
		d := norm.NFKD.String(s)
		first, _ := utf8.DecodeRuneInString(d)
		f := foldSlow(s)
		if unicode.Is(unicode.Mn, first) || unicode.Is(unicode.Me, first) || norm.NFKD.PropertiesString(d).CCC() != 0 || hasMark(f) {
			t[r] = "\x00"
			continue
		}
		t[r] = f
	}
	return &t
})

func hasMark(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) {
			return true
		}
	}
	return false
}

// foldLatin is Fold of a word of runes below latinEnd (latinFolds); ok is
// unset for any other word.
func foldLatin(s string) (string, bool) {
	t := latinFolds()
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= latinEnd || r == utf8.RuneError && size == 1 {
			return "", false
		}
		f := t[r]
		if f == "\x00" {
			return "", false
		}
		if b.Cap() == 0 {
			b.Grow(len(s))
		}
		b.WriteString(f)
		i += size
	}
	return b.String(), true
}
