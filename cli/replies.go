package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
)

// render writes any reply of the command layer for a person: an answer,
// the help, the articles, a timeline or summaries. A question may come
// back as another command ("help", "tl;dr" are read as commands).
func (a *app) render(r command.Reply, articles int) string {
	l := a.language(r.Lang)
	var b strings.Builder
	switch r.Command {
	case command.Help:
		b.WriteString(r.Message + "\n")
	case command.Source:
		writeSources(&b, l, r.Articles)
	case command.Timeline:
		if len(r.Events) == 0 {
			b.WriteString(r.Message + "\n")
			break
		}
		writeTimeline(&b, l, r.Events, articles > 1, a.width())
	case command.Summary:
		writeSummaries(&b, l, r.Summaries)
	default:
		return a.human(r)
	}
	return b.String()
}

// writeSources lists the articles with what the page says of itself.
func writeSources(b *strings.Builder, l *lang.Language, articles []command.ArticleInfo) {
	b.WriteString(l.Message("source_title", nil) + "\n")
	if len(articles) == 0 {
		b.WriteString(l.Message("no_article", nil) + "\n")
	}
	for _, art := range articles {
		title := art.Title
		if strings.TrimSpace(title) == "" {
			title = art.ID
		}
		b.WriteString("\n" + title + "\n")
		for _, f := range []struct{ label, value string }{
			{l.Message("discord_byline_label", nil), art.Byline},
			{l.Message("source_label", nil), art.Source},
			{l.Message("discord_credit_label", nil), art.Credit},
			{l.Message("discord_published_label", nil), art.Published},
		} {
			if v := strings.TrimSpace(f.value); v != "" {
				fmt.Fprintf(b, "  %s: %s\n", f.label, v)
			}
		}
		b.WriteString("  " + l.Message("discord_counts", map[string]string{
			"sentences": strconv.Itoa(art.Sentences), "paragraphs": strconv.Itoa(art.Paragraphs)}) + "\n")
	}
}

// writeSummaries quotes each article's summary sentences with their
// paragraph numbers.
func writeSummaries(b *strings.Builder, l *lang.Language, sums []command.ArticleSummary) {
	if len(sums) == 0 {
		b.WriteString(l.Message("no_article", nil) + "\n")
	}
	for i, s := range sums {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(l.Message("summary_title", map[string]string{"title": s.Title}) + "\n")
		if len(s.Sentences) == 0 {
			b.WriteString(l.Message("summary_empty", nil) + "\n")
		}
		for _, c := range s.Sentences {
			writeQuote(b, c.Text)
			b.WriteString("  (" + l.Message("paragraph_label", map[string]string{"n": strconv.Itoa(c.Paragraph + 1)}) + ")\n")
		}
	}
}
