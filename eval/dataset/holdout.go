package dataset

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strings"

	"github.com/qabot/qabot/eval"
)

// HoldOut makes unanswerable questions that look answerable, as
// xquad-dev does: a question is asked against its article with the
// paragraph that holds its answer removed, so it stays on the article's
// topic. For each article of at least minParagraphs paragraphs, one
// paragraph in ten of those that hold an answer (at least one) is chosen,
// deterministically from the article's key, and each chosen paragraph
// gives a new article, the same text without it. Every answerable question
// whose answer lies in the removed paragraph is asked again against it,
// with answerable false, or "either" when an answer still occurs in the
// remaining text (score.py's matching) or lies in another paragraph too.
//
// The new articles and questions are added to the set (IDs "<id>#without-
// <paragraph>" and "<id>#without"), in the original article's split.
// Articles with fewer paragraphs (TyDi QA's single passages) are skipped:
// pairing their questions with another article would be off topic, which
// is not what users ask.
func HoldOut(s *Set, minParagraphs int) {
	byArticle := map[string][]int{}
	for i, q := range s.Questions {
		if q.Answerable == eval.Yes && len(q.Answers) > 0 && !q.Generated {
			byArticle[q.Article] = append(byArticle[q.Article], i)
		}
	}
	for _, a := range slices.Clone(s.Articles) {
		if a.Without >= 0 || len(a.Paragraphs) < max(minParagraphs, 2) {
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
		rank := func(p int) uint32 {
			h := fnv.New32a()
			fmt.Fprintf(h, "%s#without-%d", a.Key, p)
			return h.Sum32()
		}
		slices.SortFunc(cands, func(x, y int) int {
			if rx, ry := rank(x), rank(y); rx != ry {
				if rx < ry {
					return -1
				}
				return 1
			}
			return x - y
		})
		for _, p := range cands[:min(len(cands), (len(cands)+9)/10)] {
			s.holdOut(a, p, byArticle[a.ID])
		}
	}
}

// holdOut adds the article a without paragraph p, and the questions of qs
// answered in p, asked against it.
func (s *Set) holdOut(a *Article, p int, qs []int) {
	rm := a.Paragraphs[p]
	before := strings.TrimRight(a.Text[:rm.Start], " \t\r\n")
	after := strings.TrimLeft(a.Text[rm.End:], " \t\r\n")
	text := before + after
	if before != "" && after != "" {
		text = before + "\n\n" + after
	}
	b := &Article{
		ID: fmt.Sprintf("%s#without-%d", a.ID, p), Key: a.Key, Split: a.Split, Lang: a.Lang, Title: a.Title,
		Text: text, Paragraphs: lineRanges(text), Without: p, From: a.ID,
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
			if a.paragraphAt(r.Start) == p {
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
