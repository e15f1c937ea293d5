package dataset

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
)

// Locate finds the sentences of parsed, the article corpus.Parser made of
// a.Page(), in a.Text: the byte range of each, from its first letter or
// digit to its last, or {-1, -1} for a sentence it cannot find. The
// cleaner may rewrite quote marks and spacing, decode character
// references ("&quot;", "&#233;") and drop page furniture, so sentences
// are matched on their letters and digits alone, in order, a.Text's read
// with its references decoded.
func Locate(a *Article, parsed *corpus.Article) []Range {
	text, offs := skeleton(a.Text)
	out := make([]Range, len(parsed.Sentences))
	cursor := 0
	for i, s := range parsed.Sentences {
		out[i] = Range{-1, -1}
		sk, _ := skeleton(s.Text)
		if sk == "" {
			continue
		}
		j := strings.Index(text[cursor:], sk)
		if j >= 0 {
			j += cursor
		} else if j = strings.Index(text, sk); j < 0 {
			continue
		}
		last := j + len(sk) - 1
		for last > j && !utf8.RuneStart(text[last]) {
			last--
		}
		_, size := utf8.DecodeRuneInString(a.Text[offs[last]:])
		if _, n := corpus.CharRefAt(a.Text[offs[last]:]); n > 0 {
			size = n // the last letter is a reference's ("caf&#233;")
		}
		out[i] = Range{offs[j], offs[last] + size}
		cursor = j + len(sk)
	}
	return out
}

// skeleton returns the letters and digits of s, lower-cased, and for each
// byte of the result the offset in s of the character it comes from. A
// character reference counts as the character it stands for, at the
// offset of its '&': "&quot;" adds nothing, "&#233;" an "é".
func skeleton(s string) (string, []int) {
	var b strings.Builder
	var offs []int
	add := func(r rune, at int) {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return
		}
		n := b.Len()
		b.WriteRune(unicode.ToLower(r))
		for range b.Len() - n {
			offs = append(offs, at)
		}
	}
	for i := 0; i < len(s); {
		if text, n := corpus.CharRefAt(s[i:]); n > 0 {
			for _, r := range text {
				add(r, i)
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		add(r, i)
		i += size
	}
	return b.String(), offs
}

// GoldSentences returns the indices of the sentences (ranges from Locate)
// that hold the start of one of q's answers: its first letter or digit,
// so that "$5" starts at "5" and "&quot;Nord Choir&quot;" at "N". Empty when
// q has no answer range or the cleaner dropped the sentences that held
// them.
func GoldSentences(a *Article, q Question, sentences []Range) []int {
	var out []int
	for _, r := range q.Answers {
		at := r.Start
		for at < r.End {
			c, size := utf8.DecodeRuneInString(a.Text[at:])
			if text, n := corpus.CharRefAt(a.Text[at:]); n > 0 {
				c, _ = utf8.DecodeRuneInString(text)
				size = n
			}
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				break
			}
			at += size
		}
		if at >= r.End {
			at = r.Start
		}
		for i, s := range sentences {
			if s.Start <= at && at < s.End && !containsInt(out, i) {
				out = append(out, i)
			}
		}
	}
	return out
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
