package dictd

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// Translations returns the English glosses of a FreeDict entry, cleaned for
// matching: the headword line (headword, /IPA/, <part of speech>) is
// dropped, and so are example lines ("..." - ...), labelled lines (see:,
// Synonyms:, Note:), sense numbers ("2."), notes in brackets, parentheses
// and braces, part-of-speech tags and whatever the dictionary appends to
// them (abbreviations and symbols: "dollar sign <n>$"), IPA, and
// placeholders (sb., sth.). The rest is split on ',' and ';', trimmed of
// punctuation and of an infinitive "to ", and deduplicated ignoring case
// and accents, in entry order. Multiword glosses stay whole.
//
// An entry of one line is only its headword line and has no glosses.
func Translations(entry string) []string {
	_, body := splitHeadLine(entry)
	var out []string
	var seen map[string]bool
	for line := range strings.SplitSeq(body, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || isExample(line) || isLabelled(line) {
			continue
		}
		for _, seg := range segments(stripSenseNumber(line)) {
			g := cleanGloss(seg)
			if g == "" {
				continue
			}
			key := lang.Fold(g)
			if seen[key] {
				continue
			}
			if seen == nil {
				seen = map[string]bool{}
			}
			seen[key] = true
			out = append(out, g)
		}
	}
	return out
}

// Headword returns the headword of a FreeDict entry as its first line
// spells it, without IPA, part of speech, notes in brackets or trailing
// punctuation: "Akut-Zeichen /ˈɑkuːt/ (´) <neut, n, sg>" -> "Akut-Zeichen",
// "emel (kártyát) /ˈɛmɛl/" -> "emel". Of alternatives ("hohe Strafen /
// Geldbußen /hˈoːə/") it returns the first. The index keeps only a
// normalised form ("akutzeichen"), so this is where the real spelling is.
func Headword(entry string) string {
	line, _ := splitHeadLine(entry)
	head, _, _ := strings.Cut(headPart(line), " / ")
	segs := segments(head)
	// A headword has no list separators; if a comma is there, it is the
	// headword's own ("1,5 liter"), so the segments are joined back.
	return trimEnds(strings.Join(strings.Fields(strings.Join(segs, ",")), " "))
}

// headPart returns the part of an entry's first line before its IPA (" /"
// and a letter) or its part of speech (" <"): the headword, with any
// alternatives (" / ") and notes in brackets.
func headPart(line string) string {
	for i := 0; i < len(line)-1; i++ {
		if line[i] != ' ' {
			continue
		}
		switch line[i+1] {
		case '<':
			return line[:i]
		case '/':
			if i+2 < len(line) && line[i+2] != ' ' {
				return line[:i]
			}
		}
	}
	return line
}

// splitHeadLine returns the first non-blank line of entry and the text
// after it.
func splitHeadLine(entry string) (head, body string) {
	if !utf8.ValidString(entry) {
		entry = strings.ToValidUTF8(entry, "\uFFFD")
	}
	for entry != "" {
		line, rest, _ := strings.Cut(entry, "\n")
		if strings.TrimSpace(line) != "" {
			return strings.TrimSpace(line), rest
		}
		entry = rest
	}
	return "", ""
}

// isExample reports a quoted usage example:
// `"Das Wort hat keinen Akut."  - The word has no acute.`
func isExample(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	switch r {
	case '"', '„', '“', '«', '»', '‚':
		return true
	}
	return false
}

// isLabelled reports a line that starts with a label, "see:",
// "Synonyms:", "Note:": it cross-references or annotates headwords and
// holds no glosses. Only the labels FreeDict writes count, since a line
// like "starchy: amyloid" is two glosses.
func isLabelled(line string) bool {
	label, rest, ok := strings.Cut(line, ":")
	if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
		return false
	}
	switch strings.ToLower(strings.Join(strings.Fields(label), " ")) {
	case "see", "see also", "cf", "compare", "synonym", "synonyms", "antonym", "antonyms",
		"note", "notes", "example", "examples", "usage", "plural":
		return true
	}
	return false
}

// stripSenseNumber removes a leading "2." or "2)" sense number.
func stripSenseNumber(line string) string {
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i == 0 || i == len(line) || (line[i] != '.' && line[i] != ')') {
		return line
	}
	if i+1 < len(line) && line[i+1] != ' ' && line[i+1] != '\t' {
		return line // "1.5 litre", not a sense number
	}
	return strings.TrimSpace(line[i+1:])
}

// segments splits one line into its ','- or ';'-separated parts, removing
// bracketed notes (nested ones too), IPA between slashes, and everything
// from a <part of speech> tag to the end of its part.
func segments(line string) []string {
	var segs []string
	var b strings.Builder
	skip := false // after a <tag>, or an unclosed bracket: drop the rest of the part
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch r {
		case ':':
			// "tiresome: nettlesome": a colon and a space separate
			// glosses too; "3:1" stays.
			if i+1 < len(line) && line[i+1] != ' ' {
				break
			}
			fallthrough
		case ',', ';':
			segs = append(segs, b.String())
			b.Reset()
			skip = false
			i += size
			continue
		case '(', '[', '{', '<':
			end := closing(line, i)
			if end < 0 {
				skip = true
			} else {
				if r == '<' {
					skip = true
				}
				b.WriteByte(' ')
				i = end
				continue
			}
		case '/':
			// IPA starts a part or follows a space; a slash inside a
			// word ("and/or", "sb./sth.") is not IPA.
			if strings.TrimSpace(b.String()) == "" || (i > 0 && line[i-1] == ' ') {
				if end := strings.IndexByte(line[i+1:], '/'); end >= 0 {
					b.WriteByte(' ')
					i += end + 2
					continue
				}
			}
		}
		if !skip {
			b.WriteString(line[i : i+size])
		}
		i += size
	}
	return append(segs, b.String())
}

// closing returns the index just after the bracket that closes the one at
// line[i], or -1 when it is not closed.
func closing(line string, i int) int {
	open := line[i]
	var close byte
	switch open {
	case '(':
		close = ')'
	case '[':
		close = ']'
	case '{':
		close = '}'
	default:
		close = '>'
	}
	depth := 0
	for j := i; j < len(line); j++ {
		switch line[j] {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

// cleanGloss tidies one part of a line into a gloss, or returns "".
func cleanGloss(seg string) string {
	seg = strings.Map(func(r rune) rune {
		switch r {
		case '\u2010', '\u2011': // Unicode hyphens, as in "apple‐tart"
			return '-'
		case '`', '\u2019': // "it`s", "it’s"
			return '\''
		case '\u00a0':
			return ' '
		}
		return r
	}, seg)
	words := strings.Fields(seg)
	kept := words[:0]
	for _, w := range words {
		if !isPlaceholder(w) {
			kept = append(kept, w)
		}
	}
	g := trimEnds(strings.Join(kept, " "))
	// "to smolder" glosses a verb; the infinitive marker is not a word
	// the article will use alongside it.
	if rest, ok := cutPrefixFold(g, "to "); ok && trimEnds(rest) != "" {
		g = trimEnds(rest)
	}
	return g
}

// trimEnds removes everything but letters and digits from both ends:
// punctuation ("Love." -> "Love"), symbols a dictionary appended ("acute´"),
// leftover ellipses ("... ago" -> "ago").
func trimEnds(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// isPlaceholder reports English dictionary shorthand for "somebody" and
// "something", alone or joined by a slash ("sb./sth.").
func isPlaceholder(w string) bool {
	for part := range strings.SplitSeq(strings.ToLower(w), "/") {
		switch strings.TrimRight(part, ".,:;!?") {
		case "sb", "sth", "smb", "smth", "s.o", "s.th", "sb's", "sth's", "sb.'s", "sth.'s", "smb's", "so":
			if part == "so" {
				return false // "so" is a word; only "so." is shorthand
			}
		default:
			return false
		}
	}
	return true
}
