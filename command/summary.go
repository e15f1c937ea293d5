package command

import (
	"context"

	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/summary"
)

// ArticleSummary is the summary of one article for /summary: a few of its
// sentences, exactly as written, with where they stand.
type ArticleSummary struct {
	ArticleID, Title string
	Sentences        []qa.Citation // in the article's order
}

// summary serves Summary: every article of the corpus summed up in three
// to five of its own sentences (package summary). The sentences are quoted
// in the articles' language; Lang is the language of the labels around
// them.
func (r *Router) summary(ctx context.Context, q Query) (Reply, error) {
	if err := ctx.Err(); err != nil {
		return Reply{}, err
	}
	l := r.Language(q)
	reply := Reply{Command: Summary, Lang: l.Code, Summaries: []ArticleSummary{}}
	al := r.engine.ArticleLanguage()
	for _, a := range r.engine.Corpus().Articles {
		s := ArticleSummary{ArticleID: a.ID, Title: a.Title}
		for _, i := range summary.Sentences(a, al) {
			sent := a.Sentences[i]
			s.Sentences = append(s.Sentences, qa.Citation{
				ArticleID: a.ID, Article: a.Title, Paragraph: sent.Paragraph,
				Section: sent.Section, Sentence: sent.Index, Text: sent.Text,
			})
		}
		reply.Summaries = append(reply.Summaries, s)
	}
	return reply, nil
}
