package cli

// qabot summary: a few sentences of each article that sum it up, through
// the command layer that the chat's /summary and Discord's /summary share.

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/qabot/qabot/command"
)

func (a *app) summaryUsage(w io.Writer) {
	a.usageLine(w, "summary")
	fmt.Fprint(w, `Sums up each article in three to five of its own sentences, quoted exactly
with their paragraphs: the sentences most central to the article (those
that share the most of its words with the others), the earlier ones first
among equals, none that repeats another (see package summary). Labels are
in the --lang language; the sentences are the article's own.

Flags:
`)
	a.printDefaults(w, a.summaryFlags(new(bool)))
}

func (a *app) summaryFlags(asJSON *bool) *flag.FlagSet {
	fs := a.flagSet("summary")
	fs.BoolVar(asJSON, "json", false, "print a JSON array: article, article_id, and sentences (text, paragraph, sentence; 0-based)")
	a.langFlag(fs)
	a.corpusFlag(fs)
	return fs
}

// summaryJSON is one element of qabot summary --json.
type summaryJSON struct {
	Article   string                `json:"article"`
	ArticleID string                `json:"article_id"`
	Sentences []summarySentenceJSON `json:"sentences"`
}

type summarySentenceJSON struct {
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"`
	Sentence  int    `json:"sentence"`
}

func (a *app) summary(ctx context.Context, args []string) error {
	var asJSON bool
	pos, err := a.parse(a.summaryFlags(&asJSON), args, a.summaryUsage)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("summary takes no arguments, got %q", strings.Join(pos, " "))
	}
	b, err := a.loadBot(ctx)
	if err != nil {
		return err
	}
	r, err := a.handle(ctx, b, command.Query{Command: command.Summary, Lang: a.lang})
	if err != nil {
		return err
	}
	out := bufio.NewWriter(a.stdout)
	if asJSON {
		sums := make([]summaryJSON, len(r.Summaries))
		for i, s := range r.Summaries {
			sums[i] = summaryJSON{Article: s.Title, ArticleID: s.ArticleID, Sentences: []summarySentenceJSON{}}
			for _, c := range s.Sentences {
				sums[i].Sentences = append(sums[i].Sentences, summarySentenceJSON{Text: c.Text, Paragraph: c.Paragraph, Sentence: c.Sentence})
			}
		}
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(sums); err != nil {
			return err
		}
		return out.Flush()
	}
	io.WriteString(out, a.render(r, len(b.corpus.Articles)))
	return out.Flush()
}
