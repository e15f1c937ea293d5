package dataset

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/qabot/qabot/eval"
)

// xquadLine is one line of the xquad-dev format: a question of
// testdata/eval's format that names its article.
type xquadLine struct {
	eval.Question
	Article     string `json:"article"`
	ArticleLang string `json:"article_lang"`
	Para        int    `json:"para"`  // 1-based paragraph of the answer
	Start       *int   `json:"start"` // code points into that paragraph
}

// ReadXQuAD reads a question file of the xquad-dev format: JSON lines
// {"id","lang","q","gold","ans","answerable","article","article_lang",
// "para","start"}. Each line's article is the page
// articles/<article_lang>/<article>.txt (a title line, a blank line, then
// paragraphs separated by blank lines), which page returns; it is called
// once per article. name is the file's name: the set is
// "xquad-dev/<name without .jsonl>". Article keys are "xquad/<article>",
// so all languages of one article share a split.
func ReadXQuAD(r io.Reader, name string, page func(articleLang, article string) ([]byte, error)) (*Set, error) {
	set := &Set{Name: "xquad-dev/" + SetName(name)}
	byID := map[string]*Article{}
	langs := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var l xquadLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		switch {
		case l.ID == "" || l.Lang == "" || l.Q == "" || l.Article == "" || l.ArticleLang == "":
			return nil, fmt.Errorf("%s:%d: id, lang, q, article and article_lang are required", name, n)
		case l.Answerable == eval.Yes && len(l.Gold) == 0:
			return nil, fmt.Errorf("%s:%d: %s: an answerable question needs gold", name, n, l.ID)
		}
		id := "xquad/" + l.ArticleLang + "/" + l.Article
		a := byID[id]
		if a == nil {
			raw, err := page(l.ArticleLang, l.Article)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: article %s: %w", name, n, id, err)
			}
			a = xquadArticle(id, l.ArticleLang, l.Article, string(raw))
			byID[id] = a
			set.Articles = append(set.Articles, a)
		}
		q := Question{Question: l.Question, Article: a.ID}
		if l.Answerable == eval.Yes && l.Start != nil && l.Para >= 1 && l.Para <= len(a.Paragraphs) {
			p := a.Paragraphs[l.Para-1]
			if at := byteOffset(a.Text[p.Start:p.End], *l.Start); at >= 0 {
				at += p.Start
				// The answer is whichever alternative the text holds there.
				for _, alt := range append(append([]string(nil), l.Gold...), l.Ans...) {
					if alt != "" && strings.HasPrefix(a.Text[at:], alt) {
						q.Answers = []Range{{at, at + len(alt)}}
						break
					}
				}
			}
		}
		set.Questions = append(set.Questions, q)
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
	return set, nil
}

// xquadArticle reads an article page of xquad-dev: the title line, a
// blank line, paragraphs separated by blank lines.
func xquadArticle(id, lang, name, raw string) *Article {
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	title, body, _ := strings.Cut(raw, "\n\n")
	body = strings.TrimRight(body, "\n")
	a := &Article{ID: id, Key: "xquad/" + name, Lang: lang, Title: strings.TrimSpace(title), Text: body, Without: -1}
	a.Split = Split(a.Key)
	a.Paragraphs = lineRanges(body) // xquad-dev paragraphs are single lines
	return a
}
