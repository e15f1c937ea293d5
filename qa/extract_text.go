package qa

import (
	"strings"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
)

// The parts of a sentence every kind's rules cut from: where the question
// matched, the words it did not say, a quotation.

// quotation returns the words a sentence quotes: between its first two
// quotation marks, or, when the page lost the opening mark, from the start
// of the sentence to the closing one. "" when it quotes nothing.
func quotation(text string) string {
	first := strings.IndexAny(text, corpus.QuoteMarks)
	if first < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(text[first:])
	if second := strings.IndexAny(text[first+size:], corpus.QuoteMarks); second >= 0 {
		return strings.Trim(text[first+size:first+size+second], " ,.;:")
	}
	if first > 0 {
		return strings.Trim(text[:first], " ,.;:")
	}
	return ""
}

// rest returns the part of the sentence the question did not say: the
// words after the last matched word up to the end of its clause, or,
// when the match ends the clause, the words before the first matched word.
// It is the short answer of what- and why-questions that no cue cuts out.
func (e *Engine) rest(q *query, d *doc) string {
	text := d.sentence.Text
	first, last := -1, -1
	for i, t := range d.toks {
		if t.stem != "" && q.mentioned[t.stem] {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if last < 0 {
		return ""
	}
	const maxWords = 14
	start := d.toks[last].End
	end := clauseEnd(text, start)
	if span := trimWords(text[start:end], maxWords, false); e.hasContent(span) {
		return span
	}
	begin := 0
	if i := strings.LastIndexAny(text[:d.toks[first].Start], ",;:("+corpus.QuoteMarks); i >= 0 {
		_, n := utf8.DecodeRuneInString(text[i:])
		begin = i + n
	}
	if span := trimWords(text[begin:d.toks[first].Start], maxWords, true); e.hasContent(span) {
		return span
	}
	return ""
}

// hasContent reports whether s has a word that is not a stop word.
func (e *Engine) hasContent(s string) bool {
	return len(e.article.stems(s)) > 0
}

// trimWords keeps at most n words of s: the first n, or the last n when
// fromEnd is set.
func trimWords(s string, n int, fromEnd bool) string {
	w := strings.Fields(s)
	if len(w) > n {
		if fromEnd {
			w = w[len(w)-n:]
		} else {
			w = w[:n]
		}
	}
	return strings.Trim(strings.Join(w, " "), " ,;:'()"+corpus.QuoteMarks)
}

// matchedOffsets returns the byte offsets of the sentence's words that the
// question matched, to choose among several candidates the one nearest them.
func (e *Engine) matchedOffsets(q *query, d int) []int {
	var out []int
	for _, t := range e.idx.docs[d].toks {
		if t.stem != "" && q.mentioned[t.stem] {
			out = append(out, t.Start)
		}
	}
	return out
}

// nearest returns the span closest to any of the offsets (the first span
// when there are none).
func nearest(offsets []int, spans []corpus.Span) (corpus.Span, bool) {
	if len(spans) == 0 {
		return corpus.Span{}, false
	}
	best, bestDist := spans[0], -1
	for _, sp := range spans {
		for _, o := range offsets {
			dist := o - sp.End
			if o >= sp.Start {
				dist = o - sp.Start
				if o < sp.End {
					dist = 0
				}
			}
			if dist < 0 {
				dist = -dist
			}
			if bestDist < 0 || dist < bestDist {
				best, bestDist = sp, dist
			}
		}
	}
	return best, true
}

// mentionedSpan reports whether every content word of a span was already
// in the question: such a span cannot be the answer.
func (e *Engine) mentionedSpan(q *query, text string) bool {
	any := false
	for _, st := range e.article.stems(text) {
		any = true
		if !q.mentioned[st] {
			return false
		}
	}
	return any
}
