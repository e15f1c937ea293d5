package bot

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Discord's limits, in characters.
const (
	maxContent     = 2000
	maxTitle       = 256
	maxDescription = 4096
	maxFieldName   = 256
	maxFieldValue  = 1024
	maxFooter      = 2048
	maxEmbedTotal  = 6000
	maxChoice      = 100 // autocomplete choice name and value
	maxCustomID    = 100
	maxChoices     = 25
	maxFields      = 25
)

const ellipsis = "…"

var urlPattern = regexp.MustCompile(`https?://[^\s<>]+`)

// Escape makes text safe to show in a message: Discord markdown shows as
// the characters typed, and mentions (@everyone, @here, <@id>, <@&id>,
// <#id>) show as text instead of pinging or linking. Links are kept as
// plain links, wrapped in <> so Discord does not preview them. Escaping is
// a second line of defence: every message also sets allowed_mentions to
// nothing.
func Escape(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		escapeLine(&b, line)
	}
	return b.String()
}

// escapeLine escapes one line: block markup at its start (headings,
// quotes, lists) and inline markup anywhere.
func escapeLine(b *strings.Builder, line string) {
	indent := len(line) - len(strings.TrimLeft(line, " \t"))
	b.WriteString(line[:indent])
	rest := line[indent:]
	switch {
	case rest == "":
	case strings.ContainsRune("#->+", rune(rest[0])):
		// "# h", "-# small", "> quote", "- item", "+ item"; '*' is escaped below.
		b.WriteByte('\\')
		b.WriteByte(rest[0])
		rest = rest[1:]
	default:
		// "1. item": escape the dot of an ordered list.
		digits := 0
		for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
			digits++
		}
		if digits > 0 && digits < len(rest) && rest[digits] == '.' {
			b.WriteString(rest[:digits])
			b.WriteString(`\.`)
			rest = rest[digits+1:]
		}
	}
	last := 0
	for _, m := range urlPattern.FindAllStringIndex(rest, -1) {
		m[1] = m[0] + len(trimURL(rest[m[0]:m[1]]))
		escapeInline(b, rest[last:m[0]])
		b.WriteByte('<')
		b.WriteString(rest[m[0]:m[1]])
		b.WriteByte('>')
		last = m[1]
	}
	escapeInline(b, rest[last:])
}

// trimURL drops the punctuation that ends a sentence or closes a
// parenthesis around a link rather than belonging to it.
func trimURL(u string) string {
	unclosed := strings.Count(u, ")") - strings.Count(u, "(")
	for len(u) > 0 {
		c := u[len(u)-1]
		switch {
		case strings.IndexByte(".,;:!?'\"", c) >= 0:
		case c == ')' && unclosed > 0:
			unclosed--
		default:
			return u
		}
		u = u[:len(u)-1]
	}
	return u
}

func escapeInline(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '~', '`', '|', '[', ']', '<':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '@':
			b.WriteByte(c)
			// A zero-width space keeps @everyone and @here from being
			// read as mentions, whatever client renders them.
			if strings.HasPrefix(s[i+1:], "everyone") || strings.HasPrefix(s[i+1:], "here") {
				b.WriteString("\u200b")
			}
		default:
			b.WriteByte(c)
		}
	}
}

// Cut shortens s to at most limit characters (runes), ending with an
// ellipsis. It cuts after the last sentence that fits, else at the last
// word boundary, and only mid-word when a single word is longer than
// half the limit.
func Cut(s string, limit int) string {
	if limit <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	if limit == 1 {
		return ellipsis
	}
	// end is the byte offset of the first rune that does not fit along
	// with the ellipsis.
	end, n := 0, 0
	for end < len(s) && n < limit-1 {
		_, size := utf8.DecodeRuneInString(s[end:])
		end += size
		n++
	}
	head := s[:end]
	half := len(head) / 2
	if i := lastSentenceEnd(head); i >= half && i > 0 {
		return trimEscape(strings.TrimRightFunc(head[:i], unicode.IsSpace)) + " " + ellipsis
	}
	if startsSpace(s[end:]) {
		// The cut falls on a word boundary already.
		return trimEscape(strings.TrimRightFunc(head, unicode.IsSpace)) + ellipsis
	}
	if i := strings.LastIndexFunc(head, unicode.IsSpace); i >= half && i > 0 {
		return trimEscape(strings.TrimRightFunc(head[:i], unicode.IsSpace)) + ellipsis
	}
	return trimEscape(head) + ellipsis
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}

// lastSentenceEnd returns the byte offset just after the last sentence
// end of s (terminal punctuation followed by a space or a line break), or
// -1.
func lastSentenceEnd(s string) int {
	for i := len(s) - 1; i > 0; i-- {
		if s[i] != ' ' && s[i] != '\n' {
			continue
		}
		if s[i] == '\n' {
			return i
		}
		r, size := utf8.DecodeLastRuneInString(s[:i])
		escaped := i-size > 0 && s[i-size-1] == '\\'
		if strings.ContainsRune(".!?。！？…", r) && !escaped {
			return i
		}
	}
	return -1
}

// trimEscape drops a dangling backslash that a cut separated from the
// character it escaped.
func trimEscape(s string) string {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	if n%2 == 1 {
		return s[:len(s)-1]
	}
	return s
}

// clean makes user input safe to process: valid UTF-8, no NUL.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "")
}

var mentionPattern = regexp.MustCompile(`<(@[!&]?|#)\d+>|@(everyone|here)\b`)

// stripMentions removes Discord mention markup from a question: it names
// nothing in the article and only confuses the engine.
func stripMentions(s string) string {
	if !strings.ContainsAny(s, "<@") {
		return s
	}
	return strings.Join(strings.Fields(mentionPattern.ReplaceAllString(s, " ")), " ")
}
