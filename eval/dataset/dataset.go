// Package dataset reads public question-answering data into articles and
// questions that qabot can be scored on: the qa-data format (SQuAD-style
// gzip JSON lines, one question each with its paragraph, answers and
// code-point offsets) and the xquad-dev format (question lines in the
// format of testdata/eval that name their article file). It also holds the
// project's one data split (fit, dev, heldout by article) and makes
// unanswerable questions that look answerable by removing the paragraph
// that answers them.
//
// Like package eval it is pure: callers pass readers, and nothing here
// opens a file or runs an engine.
package dataset

import (
	"hash/fnv"
	"strings"

	"github.com/qabot/qabot/eval"
)

// The splits. Every real-data set is split by article, never by
// question, so that no article lends words to both sides.
const (
	Fit     = "fit"     // fit weights, choose lexicon entries
	Dev     = "dev"     // compare variants, choose changes
	Heldout = "heldout" // never looked at: reported apart, never gates anything
)

// Splits lists the splits in order.
var Splits = []string{Fit, Dev, Heldout}

// Split returns the split of an article key: the FNV-1a 32-bit hash of
// the key's UTF-8 bytes mod 10, 0-5 fit, 6-7 dev, 8-9 heldout. Keys are
// "<file name without .jsonl.gz>/<title>" for qa-data and
// "xquad/<title>" for xquad-dev, so every language of one XQuAD article
// falls in the same split.
func Split(key string) string {
	h := fnv.New32a()
	h.Write([]byte(key))
	switch b := h.Sum32() % 10; {
	case b <= 5:
		return Fit
	case b <= 7:
		return Dev
	}
	return Heldout
}

// A Range is a byte range [Start, End) of an article's Text.
type Range struct{ Start, End int }

// An Article is one article of a set.
type Article struct {
	ID    string // unique among the articles of all sets read together
	Key   string // the split key (see Split)
	Split string
	Lang  string
	Title string
	// Text is the body: paragraphs separated by blank lines. Answer
	// ranges are byte offsets into it.
	Text string
	// Paragraphs are the byte ranges of the non-blank lines of Text,
	// trimmed: the blocks the page cleaner reads, and what HoldOut
	// removes. (A qa-data paragraph that holds line breaks, as NorQuAD's
	// whole articles do, is several.)
	Paragraphs []Range
	// Without is the paragraph removed from the article this one was made
	// from (Article.ID of that one: From), or the one that held the
	// sentence removed, for the unanswerable questions HoldOut makes; -1
	// for an article as published. Removed is the byte range of From's
	// Text that was removed.
	Without int
	Removed Range
	From    string
}

// Page returns the article as a page for corpus.Parser: the title line, a
// blank line, then Text.
func (a *Article) Page() []byte {
	return []byte(a.Title + "\n\n" + a.Text + "\n")
}

// A Question is one question about one article.
type Question struct {
	eval.Question
	Article string // Article.ID
	// Answers are where the answers lie in the article's Text, when the
	// data says (the gold sentence is the one that holds one of them);
	// empty for unanswerable questions and when the data gives no offset.
	Answers []Range
	// Generated marks the unanswerable questions HoldOut made.
	Generated bool
}

// A Set is the articles and questions of one file.
type Set struct {
	Name      string // e.g. "en.squad1.0-train.sample", "xquad-dev/xling-es"
	Lang      string // the questions' language when they all share one, else ""
	Articles  []*Article
	Questions []Question
}

// Article returns the article of a question.
func (s *Set) Article(id string) *Article {
	for _, a := range s.Articles {
		if a.ID == id {
			return a
		}
	}
	return nil
}

// joinParagraphs joins paragraphs with blank lines and returns the text
// and the range of each.
func joinParagraphs(paras []string) (string, []Range) {
	var b strings.Builder
	rs := make([]Range, len(paras))
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		rs[i].Start = b.Len()
		b.WriteString(p)
		rs[i].End = b.Len()
	}
	return b.String(), rs
}

// byteOffset returns the byte offset of code point n of s, or -1 when s
// has fewer code points.
func byteOffset(s string, n int) int {
	if n < 0 {
		return -1
	}
	i := 0
	for off := range s {
		if i == n {
			return off
		}
		i++
	}
	if i == n {
		return len(s)
	}
	return -1
}
