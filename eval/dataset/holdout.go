package dataset

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/lang"
)

// HoldOut makes unanswerable questions that look answerable, as
// xquad-dev does: a question is asked against its article with the part
// that holds its answer removed, so it stays on the article's topic.
//
// For each article of at least minParagraphs paragraphs, one paragraph in
// ten of those that hold an answer (at least one) is chosen,
// deterministically from the article's key, and each chosen paragraph
// gives a new article, the same text without it. An article of fewer
// paragraphs (TyDi QA's single passages, Natural Questions' one-line
// pages) gives one sentence instead, one short article in ten (chosen by
// an FNV-1a hash of its key), when it has two sentences or more: one of
// those that hold an answer, cut by the engine's own segmenter for the
// article's language (corpus.NewSegmenterFor). Without them the fit data
// of short articles would hold answerable questions alone, and a model
// fitted on it would learn that few candidates mean an answer.
//
// Every answerable question whose answer lies in the removed part is
// asked again against the new article, with answerable false, or "either"
// when an answer still occurs in the remaining text (score.py's matching)
// or lies elsewhere too. The new articles and questions are added to the
// set (IDs "<id>#without-<paragraph>" or "<id>#without-sentence-<byte
// offset>", and "<id>#without"), in the original article's split.
// minParagraphs <= 0 makes none. The error is a language's segmenter
// data that cannot be read.
func HoldOut(s *Set, minParagraphs int) error {
	if minParagraphs <= 0 {
		return nil
	}
	byArticle := map[string][]int{}
	for i, q := range s.Questions {
		if q.Answerable == eval.Yes && len(q.Answers) > 0 && !q.Generated {
			byArticle[q.Article] = append(byArticle[q.Article], i)
		}
	}
	segmenters := map[string]*corpus.Segmenter{}
	for _, a := range slices.Clone(s.Articles) {
		if a.Without >= 0 || len(a.Paragraphs) == 0 {
			continue
		}
		if len(a.Paragraphs) < max(minParagraphs, 2) {
			if !shortChosen(a) {
				continue
			}
			seg := segmenters[a.Lang]
			if seg == nil {
				var err error
				if seg, err = corpus.NewSegmenterFor(lang.Data, a.Lang, nil, nil); err != nil {
					return fmt.Errorf("hold out %s: %w", a.ID, err)
				}
				segmenters[a.Lang] = seg
			}
			s.holdOutSentence(a, seg, byArticle[a.ID])
			continue
		}
		answered := map[int]bool{}
		for _, qi := range byArticle[a.ID] {
			for _, r := range s.Questions[qi].Answers {
				if p := a.paragraphAt(r.Start); p >= 0 {
					answered[p] = true
				}
			}
		}
		cands := make([]int, 0, len(answered))
		for p := range answered {
			cands = append(cands, p)
		}
		sortByHash(cands, func(p int) string { return fmt.Sprintf("%s#without-%d", a.Key, p) })
		for _, p := range cands[:min(len(cands), (len(cands)+9)/10)] {
			s.holdOut(a, a.Paragraphs[p], fmt.Sprintf("%s#without-%d", a.ID, p), p, byArticle[a.ID])
		}
	}
	return nil
}

// shortChosen reports whether a short article gives a sentence: one in
// ten, by an FNV-1a hash of its key (its split's hash is of the key alone).
func shortChosen(a *Article) bool {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s#without-sentence", a.Key)
	return h.Sum32()%10 == 0
}

// sortByHash orders xs by an FNV-1a hash of name(x), then by value: a
// fixed order that favours no position.
func sortByHash(xs []int, name func(int) string) {
	rank := func(x int) uint32 {
		h := fnv.New32a()
		h.Write([]byte(name(x)))
		return h.Sum32()
	}
	slices.SortFunc(xs, func(x, y int) int {
		if rx, ry := rank(x), rank(y); rx != ry {
			if rx < ry {
				return -1
			}
			return 1
		}
		return x - y
	})
}

// holdOutSentence adds the short article a without one of the sentences
// that hold an answer of qs, and the questions answered there, asked
// against it; nothing when a has a single sentence.
func (s *Set) holdOutSentence(a *Article, seg *corpus.Segmenter, qs []int) {
	var sents []Range
	for _, p := range a.Paragraphs {
		for _, r := range seg.Split(a.Text[p.Start:p.End]) {
			sents = append(sents, Range{p.Start + r[0], p.Start + r[1]})
		}
	}
	if len(sents) < 2 {
		return
	}
	answered := map[int]bool{}
	for _, qi := range qs {
		for _, r := range s.Questions[qi].Answers {
			for i, sr := range sents {
				if r.Start >= sr.Start && r.Start < sr.End {
					answered[i] = true
				}
			}
		}
	}
	cands := make([]int, 0, len(answered))
	for i := range answered {
		cands = append(cands, i)
	}
	if len(cands) == 0 {
		return
	}
	name := func(i int) string { return fmt.Sprintf("%s#without-sentence-%d", a.Key, sents[i].Start) }
	sortByHash(cands, name)
	rm := sents[cands[0]]
	s.holdOut(a, rm, fmt.Sprintf("%s#without-sentence-%d", a.ID, rm.Start), a.paragraphAt(rm.Start), qs)
}

// holdOut adds the article a without the byte range rm (a paragraph, or
// a sentence of paragraph p), and the questions of qs answered in rm,
// asked against it.
func (s *Set) holdOut(a *Article, rm Range, id string, p int, qs []int) {
	before := strings.TrimRight(a.Text[:rm.Start], " \t")
	after := strings.TrimLeft(a.Text[rm.End:], " \t")
	var text string
	switch {
	case before == "" || after == "":
		text = strings.TrimSpace(before + after)
	case strings.HasSuffix(before, "\n") || strings.HasPrefix(after, "\n") || strings.HasPrefix(after, "\r"):
		// A whole paragraph, or a sentence at a paragraph's edge: the
		// paragraphs around it stay apart.
		text = strings.TrimRight(before, " \t\r\n") + "\n\n" + strings.TrimLeft(after, " \t\r\n")
	default:
		text = before + " " + after // a sentence inside its paragraph
	}
	b := &Article{
		ID: id, Key: a.Key, Split: a.Split, Lang: a.Lang, Title: a.Title,
		Text: text, Paragraphs: lineRanges(text), Without: p, Removed: rm, From: a.ID,
	}
	// score.py's matching (eval.Hit) over the remaining text, normalised
	// once: articles are long and many questions share one.
	norm := " " + eval.Norm(text) + " "
	occurs := func(alts []string) bool {
		for _, a := range alts {
			if a = eval.Norm(a); a != "" && strings.Contains(norm, " "+a) {
				return true
			}
		}
		return false
	}
	var added []Question
	for _, qi := range qs {
		q := s.Questions[qi]
		in, out := false, false
		for _, r := range q.Answers {
			if r.Start >= rm.Start && r.Start < rm.End {
				in = true
			} else {
				out = true
			}
		}
		if !in {
			continue
		}
		u := Question{Question: q.Question, Article: b.ID, Generated: true}
		u.ID = q.ID + "#without"
		u.Gold = slices.Clone(q.Gold)
		u.Ans = slices.Clone(q.Ans)
		u.Answerable = eval.No
		if out || occurs(q.Gold) {
			u.Answerable = eval.Either
		}
		added = append(added, u)
	}
	if len(added) == 0 {
		return
	}
	s.Articles = append(s.Articles, b)
	s.Questions = append(s.Questions, added...)
}

// paragraphAt returns the index of the paragraph holding byte off, or -1.
func (a *Article) paragraphAt(off int) int {
	i, found := slices.BinarySearchFunc(a.Paragraphs, off, func(r Range, off int) int {
		switch {
		case r.End <= off:
			return -1
		case r.Start > off:
			return 1
		}
		return 0
	})
	if !found {
		return -1
	}
	return i
}
