package dataset

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval"
)

// qaLine is one line of the qa-data format.
type qaLine struct {
	ID         string `json:"id"`
	Lang       string `json:"lang"`
	Title      string `json:"title"`
	Context    string `json:"context"`
	Question   string `json:"question"`
	Answerable *bool  `json:"answerable"`
	Answers    []struct {
		Text  string `json:"text"`
		Start int    `json:"start"` // in code points of Context
	} `json:"answers"`
}

// SetName returns the name of a data file without its folder and its
// .jsonl.gz or .jsonl extension: the set's name, and the first part of its
// articles' split keys.
func SetName(file string) string {
	name := path.Base(strings.ReplaceAll(file, "\\", "/"))
	for _, ext := range []string{".gz", ".jsonl", ".json"} {
		name = strings.TrimSuffix(name, ext)
	}
	return name
}

// ReadQAData reads a file of the qa-data format (gzip-compressed or not):
// one JSON object a line, {"id","lang","title","context","question",
// "answers":[{"text","start"}],"answerable"}, start in code points.
// name is the file's name: the set is SetName(name).
//
// The paragraphs (contexts) of one title, in the order they first appear,
// are joined by blank lines into one article, so that an answer must be
// found among the whole article's sentences; the article's key is
// "<set>/<title>". Each answer's range is its place in that text; its
// gold string (Gold, Ans) has its character references decoded
// ("&quot;Nord Choir&quot;" is `"Nord Choir"`), as the page cleaner decodes
// the article's.
func ReadQAData(r io.Reader, name string) (*Set, error) {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		defer gz.Close()
		br = bufio.NewReader(gz)
	}
	set := &Set{Name: SetName(name)}
	type context struct {
		text string // trimmed
		lead int    // bytes trimmed from its start
		at   int    // byte offset in the article's Text, once joined
	}
	type title struct {
		name     string
		lang     string
		contexts []*context
		byText   map[string]*context
		lines    []qaLine
		ctxOf    []*context
	}
	var (
		titles  []*title
		byTitle = map[string]*title{}
		langs   = map[string]bool{}
	)
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var l qaLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if l.ID == "" || l.Lang == "" || l.Question == "" || strings.TrimSpace(l.Context) == "" {
			return nil, fmt.Errorf("%s:%d: id, lang, question and context are required", name, n)
		}
		t := byTitle[l.Title]
		if t == nil {
			t = &title{name: l.Title, lang: l.Lang, byText: map[string]*context{}}
			byTitle[l.Title] = t
			titles = append(titles, t)
		}
		c := t.byText[l.Context]
		if c == nil {
			trimmed := strings.TrimLeftFunc(l.Context, unicode.IsSpace)
			c = &context{text: strings.TrimRightFunc(trimmed, unicode.IsSpace), lead: len(l.Context) - len(trimmed)}
			t.byText[l.Context] = c
			t.contexts = append(t.contexts, c)
		}
		t.lines = append(t.lines, l)
		t.ctxOf = append(t.ctxOf, c)
		langs[l.Lang] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(langs) == 1 {
		for l := range langs {
			set.Lang = l
		}
	}
	for _, t := range titles {
		paras := make([]string, len(t.contexts))
		for i, c := range t.contexts {
			paras[i] = c.text
		}
		text, ranges := joinParagraphs(paras)
		for i, c := range t.contexts {
			c.at = ranges[i].Start
		}
		key := set.Name + "/" + t.name
		a := &Article{
			ID: key, Key: key, Split: Split(key), Lang: t.lang,
			Title: pageTitle(t.name, t.contexts[0].text), Text: text,
			Paragraphs: lineRanges(text), Without: -1,
		}
		set.Articles = append(set.Articles, a)
		for i, l := range t.lines {
			q := Question{Article: a.ID, Question: eval.Question{ID: l.ID, Lang: l.Lang, Q: l.Question, Answerable: eval.Yes}}
			if l.Answerable != nil && !*l.Answerable || len(l.Answers) == 0 {
				q.Answerable = eval.No
			}
			c := t.ctxOf[i]
			for _, ans := range l.Answers {
				if ans.Text == "" {
					continue
				}
				// The gold string is compared with what the engine quotes
				// and answers, text the page cleaner has decoded; its range
				// stays the raw text's.
				if gold := corpus.DecodeCharRefs(ans.Text); !containsString(q.Gold, gold) {
					q.Gold = append(q.Gold, gold)
				}
				start := byteOffset(l.Context, ans.Start) - c.lead
				if start < 0 || start+len(ans.Text) > len(c.text) || c.text[start:start+len(ans.Text)] != ans.Text {
					continue // an offset that does not hold its answer: keep the text only
				}
				rg := Range{c.at + start, c.at + start + len(ans.Text)}
				if !containsRange(q.Answers, rg) {
					q.Answers = append(q.Answers, rg)
				}
			}
			if q.Answerable == eval.Yes && len(q.Gold) == 0 {
				q.Answerable = eval.No
			}
			if q.Answerable == eval.No {
				q.Gold, q.Answers = nil, nil
			}
			q.Ans = append([]string(nil), q.Gold...)
			set.Questions = append(set.Questions, q)
		}
	}
	return set, nil
}

// pageTitle is the title line of an article's page: the data's title with
// underscores as spaces ("2008_Sichuan_earthquake"), or the first line of
// the article when the title ends with it (NorQuAD's "news a_1 doc 437:
// <headline>" over a context whose first line is the headline).
func pageTitle(title, first string) string {
	line, _, _ := strings.Cut(first, "\n")
	if line = strings.TrimSpace(line); line != "" && strings.HasSuffix(strings.TrimSpace(title), line) {
		return line
	}
	return strings.TrimSpace(strings.ReplaceAll(title, "_", " "))
}

// lineRanges returns the non-blank lines of text, trimmed: the units the
// page cleaner reads as blocks, and the paragraphs HoldOut removes.
func lineRanges(text string) []Range {
	var rs []Range
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			rs = append(rs, Range{s, e})
		}
		start = end + 1
	}
	return rs
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\v' || b == '\f'
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func containsRange(rs []Range, r Range) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
