package eval

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Norm normalises text for matching exactly as score.py's norm() does, so
// that `qabot eval` and score.py agree on every question:
//
//	s = unicodedata.normalize("NFKC", s).lower()
//	s = s.replace("’", "'").replace("‘", "'").replace("`", "'")
//	s = re.sub(r"[^\w' ]+", " ", s)
//	s = re.sub(r"(\d)[ \u00a0\u202f](\d{3})\b", r"\1\2", s)
//	s = re.sub(r"\s+", " ", s).strip()
//
// Each step is ported with Python's semantics: str.lower's full case
// mapping (İ and final sigma), Python's Unicode \w and \d, and re.sub's
// leftmost, non-overlapping scan ("1 000 000" becomes "1000 000").
func Norm(s string) string {
	s = norm.NFKC.String(s)
	rs := pyLower([]rune(s))

	// Quote marks to apostrophes, then every run of characters that are
	// not word characters, apostrophes or plain spaces to one space.
	out := rs[:0:0]
	inRun := false
	for _, r := range rs {
		switch r {
		case '\u2019', '\u2018', '`':
			r = '\''
		}
		if isWord(r) || r == '\'' || r == ' ' {
			out = append(out, r)
			inRun = false
			continue
		}
		if !inRun {
			out = append(out, ' ')
			inRun = true
		}
	}
	rs = out

	// Join digit groups: a digit, one space, three digits, word boundary.
	// After NFKC and the step above, the no-break spaces of the pattern are
	// already plain spaces.
	out = make([]rune, 0, len(rs))
	for i := 0; i < len(rs); {
		if i+4 < len(rs) && unicode.IsDigit(rs[i]) && rs[i+1] == ' ' &&
			unicode.IsDigit(rs[i+2]) && unicode.IsDigit(rs[i+3]) && unicode.IsDigit(rs[i+4]) &&
			(i+5 == len(rs) || !isWord(rs[i+5])) {
			out = append(out, rs[i], rs[i+2], rs[i+3], rs[i+4])
			i += 5
			continue
		}
		out = append(out, rs[i])
		i++
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// Hit reports whether text contains one of alts, after Norm, starting at a
// word boundary, as score.py's hit() does. Only the start is anchored:
// "fail" hits "failed", and "un" hits "und". Empty alternatives never hit.
func Hit(text string, alts []string) bool {
	t := " " + Norm(text) + " "
	for _, a := range alts {
		a = Norm(a)
		if a != "" && strings.Contains(t, " "+a) {
			return true
		}
	}
	return false
}

// isWord is Python's \w for str patterns: alphanumeric (letters of
// categories L*, numbers of categories N*) or the underscore.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// pyLower lower-cases like Python's str.lower: the simple mapping of every
// rune, except the two full mappings Python applies: U+0130 (İ) becomes
// "i" and a combining dot above, and capital sigma becomes final sigma at
// the end of a word.
func pyLower(rs []rune) []rune {
	out := make([]rune, 0, len(rs))
	for i, r := range rs {
		switch r {
		case '\u0130':
			out = append(out, 'i', '\u0307')
		case '\u03a3':
			if finalSigma(rs, i) {
				out = append(out, '\u03c2')
			} else {
				out = append(out, '\u03c3')
			}
		default:
			out = append(out, unicode.ToLower(r))
		}
	}
	return out
}

// finalSigma applies Unicode's Final_Sigma condition the way CPython does:
// the sigma follows a cased letter (skipping case-ignorable characters) and
// no cased letter follows it (skipping case-ignorable characters).
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

// caseIgnorable is Unicode's Case_Ignorable: marks, format characters,
// modifier letters and symbols, and the Word_Break MidLetter, MidNumLet and
// Single_Quote characters.
func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '\u00b7', '\u0387', '\u055f', '\u05f4', '\u2018', '\u2019',
		'\u2024', '\u2027', '\ufe13', '\ufe52', '\ufe55', '\uff07', '\uff0e', '\uff1a':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}
