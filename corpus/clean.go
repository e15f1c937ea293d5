package corpus

import (
	"bytes"
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// A Block is one unit of a scraped page after the cleaner has rejoined the
// lines the scrape broke apart: a paragraph, a heading, a caption, a line of
// furniture.
type Block struct {
	Role Role
	Text string
}

// A Document is a cleaned page: its story paragraphs and what the page says
// about itself.
type Document struct {
	Title      string
	Meta       Meta
	Paragraphs []DocParagraph
	// Lang is the language the page declares (ISO 639-1), for
	// Parser.ParseDocument; "" has it identified from the text.
	Lang string
}

// A DocParagraph is a paragraph of story text and the heading it falls under.
type DocParagraph struct {
	Section string
	Text    string
}

// A Cleaner turns the text of a scraped news page into a Document. The zero
// value is not usable; use NewCleaner.
type Cleaner struct {
	Furniture *Furniture
}

// NewCleaner returns a Cleaner with the embedded furniture rules.
func NewCleaner() (*Cleaner, error) { return NewCleanerFor(lang.Data, "en") }

// NewCleanerFor returns a Cleaner with the embedded furniture rules that
// hold for every page (data/furniture.txt) and those of one language
// (data/<code>/furniture.txt in fsys, laid out as lang.Data; optional).
func NewCleanerFor(fsys fs.FS, code string) (*Cleaner, error) {
	text, err := loadData("furniture.txt")
	if err != nil {
		return nil, err
	}
	own, err := readLangData(fsys, code, "furniture.txt")
	if err != nil {
		return nil, err
	}
	f, err := ParseFurniture(text + "\n" + own)
	if err != nil {
		return nil, fmt.Errorf("furniture of %s: %w", code, err)
	}
	return &Cleaner{Furniture: f}, nil
}

// Clean cleans raw page text. It never fails: text that is not valid UTF-8
// is repaired, and a page with no story text gives a Document without
// paragraphs.
func (c *Cleaner) Clean(raw []byte) Document {
	blocks := c.Blocks(raw)
	var d Document
	section := ""
	for _, b := range blocks {
		switch b.Role {
		case RoleTitle:
			d.Title = b.Text
		case RoleHeading:
			section = b.Text
			d.Meta.Headings = append(d.Meta.Headings, b.Text)
		case RoleBody:
			if len(d.Paragraphs) == 0 {
				if m := datelineRE.FindStringSubmatchIndex(b.Text); m != nil {
					d.Meta.Dateline = strings.TrimSpace(b.Text[m[2]:m[3]])
					b.Text = b.Text[m[1]:]
				}
			}
			d.Paragraphs = append(d.Paragraphs, DocParagraph{Section: section, Text: b.Text})
		case RoleCaption:
			d.Meta.Caption = joinMeta(d.Meta.Caption, b.Text)
		case RoleCredit:
			d.Meta.Credit = joinMeta(d.Meta.Credit, b.Text)
		case RoleByline:
			d.Meta.Byline = joinMeta(d.Meta.Byline, b.Text)
		case RolePublished:
			d.Meta.Published = joinMeta(d.Meta.Published, b.Text)
		case RoleSource:
			d.Meta.Source = joinMeta(d.Meta.Source, strings.Trim(b.Text, "() "))
		case RoleTag:
			d.Meta.Tags = append(d.Meta.Tags, b.Text)
		case RoleRelated:
			d.Meta.Related = append(d.Meta.Related, b.Text)
		}
	}
	return d
}

func joinMeta(old, add string) string {
	if old == "" {
		return add
	}
	return old + "; " + add
}

// datelineRE matches a wire-story dateline at the start of the first
// paragraph: "LISBON, Portugal (AP) — ", "BRUSSELS (Reuters) - ".
var datelineRE = regexp.MustCompile(`^([\p{Lu}][\p{Lu} .'-]{2,}(?:, [\p{Lu}][\p{L}\d .]+)?(?: \([^)]{1,24}\))?)\s*[—–-]+\s+`)

// Blocks splits raw page text into blocks and gives each its role.
func (c *Cleaner) Blocks(raw []byte) []Block {
	text := normalizeSpace(raw)
	lines := splitLines(text)
	var texts []string
	if titleStandsAlone(text) {
		// The title line, then a blank line: a story that starts in
		// lower case ("reCAPTCHA is ...", "конструкционная скорость ...")
		// does not continue it.
		texts = append([]string{lines[0]}, joinLines(lines[1:])...)
	} else {
		texts = joinLines(lines)
	}
	blocks := make([]Block, len(texts))
	captures := make([]string, len(texts))
	for i, t := range texts {
		blocks[i].Text = tidy(t)
		blocks[i].Role, captures[i], _ = c.Furniture.match(blocks[i].Text)
	}
	c.assignRoles(blocks, captures)
	return blocks
}

// assignRoles settles each block's role from the rule that matched it and
// from its place on the page: the head (title, byline, caption) runs up to
// the first paragraph of story, the tail (credits, tags, prompts) runs back
// from the end to the last paragraph of story, and headings sit between
// paragraphs.
func (c *Cleaner) assignRoles(blocks []Block, captures []string) {
	if len(blocks) == 0 {
		return
	}
	// A page may be one long line of prose, as a whole scraped page
	// saved on one line is: it has no title line, and the story starts
	// at its first block.
	first := 1
	if blocks[0].Role == RoleBody && isProse(blocks[0].Text) {
		first = 0
	}
	// Rules that only make sense in one region of the page fall back to
	// body text elsewhere, so "By Tuesday evening, ..." stays story.
	start := c.headEnd(blocks, first)
	if start == len(blocks) {
		start = shortStoryStart(blocks, first)
	}
	end := c.tailStart(blocks, start)
	for i := range blocks {
		b := &blocks[i]
		switch b.Role {
		case RoleByline, roleAuthorRole, RolePublished, RoleReading:
			if i >= start {
				b.Role = RoleBody
			}
		case RoleSource:
			if i < end {
				b.Role = RoleBody
			}
		case roleHeadCaption:
			// "Ferry aground, March 15, 2024. NTB via REUTERS" before the
			// story; after it, a sentence that names an agency is story.
			b.Role = RoleBody
			if i < start {
				b.Role = RoleCaption
			}
		case RolePromo:
			if i >= start && i < end && endsSentence(b.Text) && !addressesReader(b.Text) {
				b.Role = RoleBody
			}
		}
	}

	if first == 1 && blocks[0].Role == RoleBody {
		blocks[0].Role = RoleTitle
	}
	for i := 1; i < len(blocks); i++ {
		b := &blocks[i]
		switch b.Role {
		case RoleByline:
			if captures[i] != "" {
				b.Text = captures[i]
			}
		case RoleCaption:
			if captures[i] != "" {
				b.Text = captures[i]
			}
		case roleAuthorRole:
			// "Jane Doe" / "Science correspondent, reporting from X".
			if j := i - 1; j > 0 && (blocks[j].Role == RoleDrop || blocks[j].Role == RoleBody) && looksLikeName(blocks[j].Text) {
				blocks[j].Role = RoleByline
			}
			b.Role = RoleByline
		case roleRelatedMarker:
			b.Role = RoleDrop
			if j := i + 1; j < len(blocks) && blocks[j].Role == RoleBody && looksLikeHeadline(blocks[j].Text) {
				blocks[j].Role = RoleRelated
				i++
			}
		case roleTagsMarker:
			b.Role = RoleDrop
			for j := i + 1; j < len(blocks) && blocks[j].Role == RoleBody && isShortLabel(blocks[j].Text, 6); j++ {
				blocks[j].Role = RoleTag
				i = j
			}
		case roleSeparator:
			b.Role = RoleDrop
		case RoleCredit:
			if j := i - 1; j > 0 && (blocks[j].Role == RoleBody || blocks[j].Role == RoleDrop) && wordCount(blocks[j].Text) <= 60 {
				blocks[j].Role = RoleCaption
			}
		}
	}
	for i := 1; i < len(blocks); i++ {
		b := &blocks[i]
		if b.Role != RoleBody {
			continue
		}
		switch {
		case i < start:
			// Unrecognised lines before the story: a caption without a
			// credit, an author's name. Not story.
			b.Role = RoleDrop
		case i >= end:
			if isShortLabel(strings.TrimLeft(b.Text, "•·*- "), 6) {
				b.Role = RoleTag
				b.Text = strings.TrimLeft(b.Text, "•·*- ")
			} else {
				b.Role = RolePromo
			}
		case !endsSentence(b.Text) && wordCount(b.Text) <= 14 && !isBullet(b.Text) && nextIsBody(blocks, i):
			b.Role = RoleHeading
		}
	}
}

// headEnd returns the index of the first block of story, from first on:
// a sentence of some length that no rule claims and that is not a photo
// caption, or a block of prose whose end the scrape cut off.
func (c *Cleaner) headEnd(blocks []Block, first int) int {
	for i := first; i < len(blocks); i++ {
		b := blocks[i]
		if b.Role != RoleBody || !(endsSentence(b.Text) && wordCount(b.Text) >= 6 || isProse(b.Text)) {
			continue
		}
		if i+1 < len(blocks) && blocks[i+1].Role == RoleCredit {
			continue // a caption
		}
		return i
	}
	return len(blocks)
}

// shortStoryStart returns where the story starts on a page where headEnd
// finds no sentence of some length: an encyclopaedia passage that is one
// short sentence ("Vines are called canes[1]."), a fragment that
// introduces a list ("The border meets five states:"), a statement
// without its full stop, a list or table run onto one line. The first
// block no rule claims that ends a sentence, ends with a colon, holds a
// figure ("The Daily Post 1,447,959") or has more than a label's words is
// the story, so that no page with text is refused; a page of unclaimed
// short labels ("Menu", "Sign in") still has none. It returns len(blocks)
// when no block qualifies.
func shortStoryStart(blocks []Block, first int) int {
	for i := first; i < len(blocks); i++ {
		b := blocks[i]
		if b.Role != RoleBody {
			continue
		}
		t := strings.TrimSpace(b.Text)
		if endsSentence(t) || strings.HasSuffix(t, ":") || wordCount(t) > maxLabelWords || strings.ContainsAny(t, "0123456789") {
			return i
		}
	}
	return len(blocks)
}

// maxLabelWords is the most words a block without final punctuation or
// figures may have and still be read as a label rather than story, when a
// page has nothing longer (shortStoryStart).
const maxLabelWords = 2

// tailStart returns the index after the last block of story.
func (c *Cleaner) tailStart(blocks []Block, head int) int {
	i := len(blocks)
	for i > head+1 {
		b := blocks[i-1]
		switch b.Role {
		case RoleBody:
			if endsSentence(b.Text) && !isShortLabel(b.Text, 8) {
				return i
			}
			if !isShortLabel(strings.TrimLeft(b.Text, "•·*- "), 12) {
				return i
			}
		case RoleSource, RolePromo, RoleDrop, roleSeparator, roleRelatedMarker, roleTagsMarker, RoleCredit:
		default:
			return i
		}
		i--
	}
	return i
}

// isProse reports whether a block is running text whatever its end: too
// long for a line of furniture (see maxFurnitureWords), with a sentence
// ending inside it. A whole page scraped onto one line is one, and so is a
// paragraph cut off before its last full stop.
func isProse(s string) bool {
	return wordCount(s) > maxFurnitureWords && innerSentenceEnd.MatchString(s)
}

// innerSentenceEnd matches the end of a sentence followed by the start of
// another: ". The", "?” She", "). «Nous".
var innerSentenceEnd = regexp.MustCompile(`[.!?…]['"’”»)\]]*\s+['"“«„(]?\p{Lu}`)

// nextIsBody reports whether the block after i that is not furniture is
// story text, as a heading's next block must be.
func nextIsBody(blocks []Block, i int) bool {
	for j := i + 1; j < len(blocks); j++ {
		switch blocks[j].Role {
		case RoleDrop, RolePromo, roleRelatedMarker, RoleRelated, RoleCredit, RoleCaption:
			continue
		case RoleBody:
			return endsSentence(blocks[j].Text) || wordCount(blocks[j].Text) > 14
		}
		return false
	}
	return false
}

// isBullet reports a list item: "- point", "• point", "* point".
func isBullet(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("-•·*–", r)
}

func addressesReader(s string) bool { return readerRE.MatchString(s) }

var readerRE = regexp.MustCompile(`(?i)\b(you|your|our)\b`)

// isShortLabel reports whether s reads like a label: few words and no
// sentence punctuation at the end.
func isShortLabel(s string, maxWords int) bool {
	n := wordCount(s)
	return n > 0 && n <= maxWords && !endsSentence(s)
}

func looksLikeHeadline(s string) bool {
	n := wordCount(s)
	return n >= 2 && n <= 20 && !strings.HasSuffix(s, ".") && !endsOpen(s)
}

func looksLikeName(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// normalizeSpace repairs encoding and unifies whitespace: invalid UTF-8
// becomes U+FFFD, HTML character references become the characters they
// stand for (DecodeCharRefs: "&quot;" is '"', "&nbsp;" a space), every
// kind of space becomes ' ', invisible characters go, and line breaks
// become '\n'.
func normalizeSpace(raw []byte) string {
	raw = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
	s := DecodeCharRefs(strings.ToValidUTF8(string(raw), "\uFFFD"))
	var b strings.Builder
	b.Grow(len(raw))
	prev := rune(-1) // the rune before r; -1 at the start
	kept := 0        // s[kept:i] is written as it is, at the next change or the end
	for i := 0; i < len(s); {
		if c := s[i]; c >= ' ' && c < 0x7f || c == '\n' {
			// Printable ASCII, spaces and line ends, most of a page: kept
			// as they are.
			prev = rune(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var with string // what r becomes when it changes
		switch {
		case r == utf8.RuneError && size == 1:
			with = "\uFFFD" // an invalid byte, as writing the rune would give
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			with = "\n"
		case r == '\u200b' || r == '\u200e' || r == '\u200f' || r == '\ufeff' || r == '\u00ad' || r == '\u2060':
			// zero-width and soft-hyphen characters carry no text
		case isGroupSpace(r) && prev >= 0 && unicode.IsDigit(prev) && digitAfter(s, i+size):
			// "1 850": a digit group, part of the number
			prev, i = r, i+size
			continue
		case unicode.IsSpace(r), unicode.IsControl(r):
			with = " "
		default:
			prev, i = r, i+size
			continue
		}
		b.WriteString(s[kept:i])
		b.WriteString(with)
		prev, i = r, i+size
		kept = i
	}
	b.WriteString(s[kept:])
	return b.String()
}

// digitAfter reports whether s has a digit at byte offset i.
func digitAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && unicode.IsDigit(r)
}

// isGroupSpace reports the no-break and thin spaces that French, Russian,
// Swedish and Norwegian put between digit groups ("1 850").
func isGroupSpace(r rune) bool { return r == '\u00a0' || r == '\u202f' || r == '\u2009' }

// titleStandsAlone reports whether the first line of text that is not
// blank is followed by a blank line, as a page's title line is.
func titleStandsAlone(s string) bool {
	s = strings.TrimLeft(s, " \n")
	i := strings.IndexByte(s, '\n')
	if i < 0 || strings.TrimSpace(s[:i]) == "" {
		return false
	}
	rest := s[i+1:]
	j := strings.IndexByte(rest, '\n')
	return j >= 0 && strings.TrimSpace(rest[:j]) == "" && strings.TrimSpace(rest) != ""
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// maxQuotedJoin bounds how far an open quotation can pull following lines
// into one block, so that a stray quote mark cannot swallow a page.
const maxQuotedJoin = 150

// joinLines rejoins the lines that a scrape broke apart. Scrapers often cut
// a paragraph around quotation marks and inline markup:
//
//	Jane Doe / accused the council of a " / reckless plan to close ... / " on May 3.
//
// A line continues the block before it when that block ends with an open
// quotation mark or bracket, when the line starts with closing punctuation,
// when the block has no final punctuation and the line starts in lower case,
// or when the block is inside a quotation opened with a curly quote.
func joinLines(lines []string) []string {
	var (
		out []string
		cur block
	)
	for _, l := range lines {
		if cur.len() > 0 && cur.continuedBy(l) {
			cur.add(l)
			continue
		}
		if cur.len() > 0 {
			out = append(out, cur.String())
		}
		cur = block{}
		cur.add(l)
	}
	if cur.len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// A block is a paragraph being rejoined. It keeps what continuedBy needs
// up to date as lines are added, so joining stays linear in the input.
type block struct {
	b        strings.Builder
	last     string     // the last line added; the block ends as it ends
	quotes   quoteState // curly quotations opened and not yet closed
	straight int        // straight double quotes seen
	words    int
}

func (c *block) len() int       { return c.b.Len() }
func (c *block) String() string { return c.b.String() }

// add appends a line. Lines are joined with '\n', which marks the seam
// for tidy to repair.
func (c *block) add(line string) {
	if c.b.Len() > 0 {
		c.b.WriteByte('\n')
	}
	c.b.WriteString(line)
	c.last = line
	c.words += wordCount(line)
	before := rune(0) // the rune before r; 0 at the start
	for i := 0; i < len(line); {
		if b := line[i]; b < utf8.RuneSelf && b != '"' {
			// ASCII other than '"' is no quotation mark: most of a line.
			before = rune(b)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		after := rune(0)
		if i+size < len(line) {
			after, _ = utf8.DecodeRuneInString(line[i+size:])
		}
		if isStraightQuote(r) {
			if c.quotes.straight(before, after) != closing {
				c.straight++
			}
		} else {
			c.quotes.curly(r, before, after)
		}
		before, i = r, i+size
	}
}

// closesQuote reports whether the line opens with a curly mark that closes
// a quotation the block holds open, as "“" closes "„", or "»" closes "«".
func (c *block) closesQuote(line string) bool {
	r, size := utf8.DecodeRuneInString(line)
	if !IsQuoteMark(r) && r != '‘' || isStraightQuote(r) {
		return false
	}
	after, _ := utf8.DecodeRuneInString(line[size:])
	st := quoteState{stack: append([]rune(nil), c.quotes.stack...)}
	return st.curly(r, 0, after) == closing
}

// continuedBy reports whether next continues the block rather than
// starting a new one.
func (c *block) continuedBy(next string) bool {
	if endsOpen(c.last) {
		return true
	}
	ended := endsSentence(c.last)
	first, size := utf8.DecodeRuneInString(next)
	rest := strings.TrimSpace(next[size:])
	after, _ := utf8.DecodeRuneInString(rest)
	switch {
	case strings.ContainsRune(",.;:!?)]’…", first):
		return true
	case strings.ContainsRune(dialogueDashes, first):
		// "— which the union denies" carries on; "– Vi er glade, sier
		// hun." is a line of dialogue, a paragraph of its own.
		return rest == "" || !ended && !unicode.IsUpper(after)
	case first == '"' || first == '\'':
		// A straight quote closes a quotation the block opened, or
		// carries on a sentence in lower case; otherwise it opens a new
		// paragraph: '"I made mistakes," the mayor said.'
		switch {
		case rest == "":
			return !ended || c.straight%2 == 1
		case strings.ContainsRune(",.;:!?", after) || unicode.IsLower(after):
			return true
		}
		return !ended && c.straight%2 == 1
	case c.closesQuote(next):
		return true
	case unicode.IsLower(first) && (!ended || strings.HasSuffix(c.last, ",")):
		return true
	}
	return c.quotes.depth() > 0 && c.words < maxQuotedJoin
}

// endsOpen reports whether s ends with an opening quotation mark or bracket.
func endsOpen(s string) bool {
	last, size := utf8.DecodeLastRuneInString(s)
	switch last {
	case '(', '[':
		return true
	case '"':
		before, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
		return len(s) == size || unicode.IsSpace(before) || strings.ContainsRune("([:,", before)
	}
	if !IsQuoteMark(last) {
		return false
	}
	var st quoteState
	rs := []rune(s)
	dirs := make([]quoteDir, len(rs))
	for i, r := range rs {
		before := rune(0)
		if i > 0 {
			before = rs[i-1]
		}
		after := rune(0)
		if i+1 < len(rs) {
			after = rs[i+1]
		}
		dirs[i] = st.curly(r, before, after)
	}
	return dirs[len(rs)-1] == opening
}

// endsSentence reports whether s ends with sentence-final punctuation,
// looking past closing quotes and brackets, and past reference marks
// ("... 3,929,214.[1]", "[citation needed]").
func endsSentence(s string) bool {
	if strings.HasSuffix(strings.TrimRight(s, " "), "]") {
		s = referenceMarks.ReplaceAllString(s, "")
	}
	s = strings.TrimRight(s, " '’)]"+QuoteMarks)
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…", last)
}

// referenceMarks matches the reference marks that end a paragraph of an
// encyclopaedia page: "[1]", "[12][13]", "[citation needed]".
var referenceMarks = regexp.MustCompile(`(?:\s*\[[^\[\]]{1,24}\])+\s*$`)

// tidy folds the whitespace of a block and repairs the seams where the
// scrape broke its lines (marked '\n' by joinLines): there, and only there,
// a quotation mark or bracket goes back against the words it encloses, and
// punctuation against the word before it. Everything else is the page's
// text as written, quotation marks and spaces included: the sentences
// quoted to users are the source, with only whitespace folded.
func tidy(s string) string {
	rs := foldSpaces(s)
	dirs := quoteDirections(rs)
	var b strings.Builder
	b.Grow(len(s))
	for i, r := range rs {
		if r == '\n' {
			if seamCloses(rs, dirs, i) {
				continue
			}
			r = ' '
		}
		b.WriteRune(r)
	}
	return b.String()
}

// seamCloses reports whether the line break at rs[i] stands where the
// page had no space: after an opening quotation mark or bracket, or before
// closing punctuation, a closing quotation mark or bracket.
func seamCloses(rs []rune, dirs []quoteDir, i int) bool {
	if i > 0 && (dirs[i-1] == opening || rs[i-1] == '(' || rs[i-1] == '[') {
		return true
	}
	if i+1 >= len(rs) {
		return false
	}
	next := rs[i+1]
	if dirs[i+1] == closing {
		return true
	}
	if strings.ContainsRune(",.;:!?)]…", next) {
		// ".5" is a number, not a full stop.
		return !(next == '.' && i+2 < len(rs) && unicode.IsDigit(rs[i+2]))
	}
	return false
}

// foldSpaces trims s and turns every run of whitespace into one space, or
// into one '\n' when the run holds a line break.
func foldSpaces(s string) []rune {
	out := make([]rune, 0, len(s))
	inSpace, brk := false, false
	flush := func() {
		if inSpace && len(out) > 0 {
			if brk {
				out = append(out, '\n')
			} else {
				out = append(out, ' ')
			}
		}
		inSpace, brk = false, false
	}
	for _, r := range s {
		if unicode.IsSpace(r) && !isGroupSpace(r) {
			inSpace = true
			brk = brk || r == '\n'
			continue
		}
		flush()
		out = append(out, r)
	}
	return out
}
