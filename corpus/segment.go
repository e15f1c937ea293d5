package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// A Segmenter splits paragraphs into sentences.
//
// It breaks after '.', '!', '?' and '…' (with any closing quotes or
// brackets) when a space and a plausible sentence start follow, except after
// abbreviations and initials, and not inside a balanced quotation unless the
// quotation is long. The rules follow the "Golden Rules" of sentence
// segmentation that corpus/testdata/segment_rules.txt checks.
type Segmenter struct {
	// abbrev maps an abbreviation (lower case, no final dot) to whether it
	// may also end a sentence.
	abbrev   map[string]bool
	starters map[string]bool
	// isStarter stands for starters in a language without a list.
	isStarter func(word string) bool
	// ordinalBefore reports the words before which a number and a dot
	// are an ordinal ("3. Oktober"); nil in languages that write none.
	ordinalBefore func(word string) bool
	// MaxQuotedWords is the length above which a quotation is split into
	// its own sentences instead of being kept whole.
	MaxQuotedWords int
}

// NewSegmenter returns a Segmenter with the embedded English abbreviations.
func NewSegmenter() (*Segmenter, error) { return NewSegmenterFor(lang.Data, "en", nil, nil) }

// NewSegmenterFor returns a Segmenter for the language code with the
// abbreviations and sentence openers of data/<code>/ in fsys (laid out as
// lang.Data; a language without the files has none, and its stop words
// stand for the openers when stop is not nil) and, when tl is not nil,
// its month names: in a language that writes ordinals with a dot, "am 3.
// Oktober" goes on.
func NewSegmenterFor(fsys fs.FS, code string, stop func(string) bool, tl *timex.Language) (*Segmenter, error) {
	s := &Segmenter{abbrev: map[string]bool{}, starters: map[string]bool{}, MaxQuotedWords: 60}
	abbr, err := readLangData(fsys, code, "abbreviations.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range dataLines(abbr) {
		word, flag, _ := strings.Cut(l, " ")
		s.abbrev[strings.ToLower(word)] = strings.TrimSpace(flag) == "~"
	}
	st, err := readLangData(fsys, code, "starters.txt")
	if err != nil {
		return nil, err
	}
	for _, l := range dataLines(st) {
		s.starters[strings.ToLower(l)] = true
	}
	if len(s.starters) == 0 {
		s.isStarter = stop
	}
	if tl != nil && tl.DotOrdinals() {
		s.ordinalBefore = tl.IsMonth
	}
	return s, nil
}

// readLangData reads data/<code>/<name> from fsys; a missing file reads
// as empty.
func readLangData(fsys fs.FS, code, name string) (string, error) {
	b, err := fs.ReadFile(fsys, path.Join("data", code, name))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("load %s/%s: %w", code, name, err)
	}
	return string(b), nil
}

// dataLines returns the non-blank lines of a data file that are not
// comments, trimmed.
func dataLines(text string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(text))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// Build lays out the paragraphs as the article's text and splits them into
// sentences with offsets into it.
func (s *Segmenter) Build(a *Article, paras []DocParagraph) {
	var text strings.Builder
	for i, p := range paras {
		if i > 0 {
			text.WriteString("\n\n")
		}
		start := text.Len()
		text.WriteString(p.Text)
		a.Paragraphs = append(a.Paragraphs, Paragraph{Index: i, Section: p.Section, Start: start, End: text.Len()})
	}
	a.Text = text.String()
	for _, p := range a.Paragraphs {
		for _, r := range s.Split(a.Text[p.Start:p.End]) {
			a.Sentences = append(a.Sentences, Sentence{
				Index:     len(a.Sentences),
				Paragraph: p.Index,
				Section:   p.Section,
				Text:      a.Text[p.Start+r[0] : p.Start+r[1]],
				Start:     p.Start + r[0],
				End:       p.Start + r[1],
			})
		}
	}
}

// Split returns the byte ranges [start, end) of the sentences of text,
// trimmed of surrounding spaces.
func (s *Segmenter) Split(text string) [][2]int {
	dirs := quoteDirectionsAt(text)
	opens, closes := 0, 0
	for _, d := range dirs {
		switch d {
		case opening:
			opens++
		case closing:
			closes++
		}
	}
	balanced := opens > 0 && opens == closes
	var (
		out     [][2]int
		start   = 0
		depth   = 0 // quotations open
		words   = 0 // words seen so far
		qWords  = 0 // words seen when the outermost open quotation began
		inWord  = false
		isSpace = func(r rune) bool { return r == ' ' || r == '\n' }
	)
	quote := func(at int) {
		if dirs == nil {
			return
		}
		switch dirs[at] {
		case opening:
			if depth == 0 {
				qWords = words
			}
			depth++
		case closing:
			depth = max(0, depth-1)
		}
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isSpace(r) {
			inWord = false
		} else if !inWord {
			inWord = true
			words++
		}
		quote(i)
		if !isTerminal(r) {
			i += size
			continue
		}
		// Take the whole run of terminal punctuation and closers: `?!`,
		// `."`, `.»`, `.“` (German), `.)`.
		end := i + size
		for end < len(text) {
			r2, sz := utf8.DecodeRuneInString(text[end:])
			if r2 == ' ' && end+1 < len(text) && dirs != nil && dirs[end+1] == closing {
				end++ // French spacing: "fini. »"
				continue
			}
			closer := dirs != nil && dirs[end] == closing
			if !isTerminal(r2) && !closer && !strings.ContainsRune(`')]’`, r2) {
				break
			}
			quote(end)
			end += sz
		}
		if isListMarker(text[start:i]) || !s.breaksAt(text, i, end, r) {
			i = end
			continue
		}
		if depth > 0 && balanced && words-qWords <= s.MaxQuotedWords {
			i = end
			continue
		}
		out = appendRange(out, text, start, end)
		start = end
		i = end
	}
	out = appendRange(out, text, start, len(text))
	return s.mergeFragments(out, text)
}

// isListMarker reports whether the sentence so far is only a list number:
// the "1." of "1. First item".
func isListMarker(s string) bool { return len(s) < 8 && isDigits(strings.TrimSpace(s)) }

func isTerminal(r rune) bool { return r == '.' || r == '!' || r == '?' || r == '…' }

// breaksAt decides whether the terminal punctuation at text[i:end] ends a
// sentence.
func (s *Segmenter) breaksAt(text string, i, end int, term rune) bool {
	if end >= len(text) {
		return true
	}
	if text[end] != ' ' && text[end] != '\n' {
		return false // "2.5", "U.S.-led", "e.g.,"
	}
	next := strings.TrimLeft(text[end:], " \n")
	nr, _ := utf8.DecodeRuneInString(next)
	if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || IsQuoteMark(nr) || strings.ContainsRune("'(‘[¿¡"+dialogueDashes, nr)) {
		return false
	}
	if term != '.' || strings.HasPrefix(text[i:end], "..") {
		return true
	}
	word := wordBefore(text, i)
	if word == "" {
		if s.ordinalBefore != nil && isOrdinalNumber(text[:i]) && s.ordinalBefore(firstWord(next)) {
			return false
		}
		return true
	}
	// An initial: "J. K. Rowling", "Gen. H. Smith".
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return false
		}
	}
	mayEnd, known := s.abbrev[strings.ToLower(word)]
	if !known {
		return true
	}
	if !mayEnd {
		return false
	}
	w := strings.ToLower(firstWord(next))
	return s.starters[w] || s.isStarter != nil && s.isStarter(w)
}

// wordBefore returns the run of letters and inner dots that ends at i:
// "U.S" for "the U.S.", "Mr" for "Mr.".
func wordBefore(text string, i int) string {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= size
	}
	return strings.Trim(text[j:i], ".")
}

// isOrdinalNumber reports whether text ends with a number that can be a
// day or an ordinal: one or two digits after a space.
func isOrdinalNumber(text string) bool {
	j := len(text)
	for j > 0 && text[j-1] >= '0' && text[j-1] <= '9' {
		j--
	}
	n := len(text) - j
	return n >= 1 && n <= 2 && (j == 0 || text[j-1] == ' ')
}

func firstWord(s string) string {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		return s
	}
	return s[:end]
}

func appendRange(out [][2]int, text string, start, end int) [][2]int {
	for start < end && (text[start] == ' ' || text[start] == '\n') {
		start++
	}
	for end > start && (text[end-1] == ' ' || text[end-1] == '\n') {
		end--
	}
	if start < end {
		out = append(out, [2]int{start, end})
	}
	return out
}

// mergeFragments joins a one-word "sentence" to the one before it: scrapes
// leave stray words ("... of the old regime. Syldavian.") that mean nothing alone.
func (s *Segmenter) mergeFragments(rs [][2]int, text string) [][2]int {
	out := rs[:0]
	for _, r := range rs {
		if len(out) > 0 && wordCount(text[r[0]:r[1]]) < 2 {
			out[len(out)-1][1] = r[1]
			continue
		}
		out = append(out, r)
	}
	return out
}
