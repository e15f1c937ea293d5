package bot

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// Embed colours.
const (
	colorAnswer   = 0x2b6cb0
	colorNoAnswer = 0x718096
	colorInfo     = 0x2f855a
)

// timelinePerPage is how many dated items a timeline page shows.
const timelinePerPage = 10

// A message is a rendered reply, before it becomes an interaction
// response, a webhook edit or a channel message.
type message struct {
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Ephemeral  bool
}

// noMentions is allowed_mentions with nothing allowed: set on every
// message, so no text the bot sends can ping anyone, whatever it holds.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func (m message) flags() discordgo.MessageFlags {
	if m.Ephemeral {
		return discordgo.MessageFlagsEphemeral
	}
	return 0
}

func (m message) response(typ discordgo.InteractionResponseType) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: typ, Data: &discordgo.InteractionResponseData{
		Content: m.Content, Embeds: m.Embeds, Components: m.Components,
		Flags: m.flags(), AllowedMentions: noMentions(),
	}}
}

func (m message) edit() *discordgo.WebhookEdit {
	components := m.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	embeds := m.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	return &discordgo.WebhookEdit{Content: &m.Content, Embeds: &embeds, Components: &components, AllowedMentions: noMentions()}
}

func (m message) followup() *discordgo.WebhookParams {
	return &discordgo.WebhookParams{Content: m.Content, Embeds: m.Embeds, Components: m.Components,
		Flags: m.flags(), AllowedMentions: noMentions()}
}

func (m message) send(reply *discordgo.Message) *discordgo.MessageSend {
	s := &discordgo.MessageSend{Content: m.Content, Embeds: m.Embeds, Components: m.Components, AllowedMentions: noMentions()}
	if reply != nil {
		s.Reference = reply.SoftReference() // still answer if the question was deleted meanwhile
	}
	return s
}

// text is a plain message of the bot's own words (errors, refusals).
func text(s string, ephemeral bool) message {
	return message{Content: Cut(s, maxContent), Ephemeral: ephemeral}
}

// renderer turns Replies into messages in the reply's language.
type renderer struct {
	langs *lang.Registry
	// article returns what the bot knows of an article for citations;
	// ok is false when it is unknown.
	article func(id string) (command.ArticleInfo, bool)
	// votes puts 👍/👎 buttons under every answer.
	votes bool
}

func (r renderer) lang(code string) *lang.Language {
	for _, c := range []string{code, "en"} {
		if l, ok := r.langs.Get(c); ok {
			return l
		}
	}
	return r.langs.Languages()[0]
}

// view is what a rendering needs besides the reply: the question as the
// user typed it, the query (for timeline buttons) and the page.
type view struct {
	question string
	query    command.Query
	page     int
}

// render dispatches on what the handler replied, not on what the user
// asked: /timeline renders whatever Reply comes back.
func (r renderer) render(rep command.Reply, v view) message {
	l := r.lang(rep.Lang)
	switch {
	case rep.Command == command.Ask && rep.Answer != nil && rep.Message == "":
		m := r.answer(l, *rep.Answer, v.question)
		if r.votes && rep.Answer.Answered {
			m.Components = voteButtons(l, *rep.Answer)
		}
		return m
	case rep.Command == command.Article && rep.Manage != nil:
		return r.manage(l, rep)
	case rep.Command == command.Source:
		return r.source(l, rep.Articles)
	case rep.Command == command.Help:
		return r.help(l)
	case rep.Command == command.Summary:
		return r.summary(l, rep.Summaries)
	case rep.Command == command.Timeline:
		return r.timeline(l, rep, v)
	}
	if rep.Message == "" {
		return text(l.Message("internal_error", nil), true)
	}
	if rep.Private {
		return text(rep.Message, true)
	}
	return message{Embeds: []*discordgo.MessageEmbed{{Description: Cut(rep.Message, maxDescription), Color: colorInfo}}}
}

// answer renders an Answer: the short answer as the title, the quoted
// sentence as a block quote, the question echoed (escaped) in a field and
// the source in the footer.
func (r renderer) answer(l *lang.Language, a qa.Answer, question string) message {
	e := &discordgo.MessageEmbed{}
	if a.Answered {
		e.Color = colorAnswer
		e.Title = a.Text
		if strings.TrimSpace(e.Title) == "" {
			e.Title = l.Message("answer_label", nil)
		}
		e.Title = Cut(Escape(e.Title), maxTitle)
		e.Description = blockQuote(a.Quote.Text, maxDescription)
		e.Footer = &discordgo.MessageEmbedFooter{Text: Cut(r.citation(l, a.Quote), maxFooter)}
	} else {
		e.Color = colorNoAnswer
		e.Title = Cut(l.Message("not_in_article", nil), maxTitle)
		if len(a.Suggestions) > 0 {
			var b strings.Builder
			b.WriteString(l.Message("closest_sentences", nil))
			for _, s := range a.Suggestions {
				// A blank line keeps each sentence its own quote.
				b.WriteString("\n\n")
				b.WriteString(blockQuote(s.Text, maxFieldValue))
			}
			e.Description = Cut(b.String(), maxDescription)
			e.Footer = &discordgo.MessageEmbedFooter{Text: Cut(r.citation(l, qa.Citation{ArticleID: a.Suggestions[0].ArticleID, Article: a.Suggestions[0].Article, Lang: a.Suggestions[0].Lang, NameLang: a.Suggestions[0].NameLang, Paragraph: -1}), maxFooter)}
		}
	}
	if q := strings.TrimSpace(question); q != "" {
		e.Fields = []*discordgo.MessageEmbedField{{Name: l.Message("discord_question_label", nil), Value: Cut(Escape(q), maxFieldValue)}}
	}
	if a.Notice != "" {
		// How far to trust the answer: before the quote, escaped.
		e.Description = Cut(Escape(a.Notice)+"\n\n"+e.Description, maxDescription)
	}
	fitEmbed(e)
	return message{Embeds: []*discordgo.MessageEmbed{e}}
}

// blockQuote quotes text (escaped) as a Discord block quote.
func blockQuote(s string, limit int) string {
	lines := strings.Split(Escape(strings.TrimSpace(s)), "\n")
	for i, line := range lines {
		lines[i] = "> " + line
	}
	return Cut(strings.Join(lines, "\n"), limit)
}

// citation is the footer of an answer: article title, paragraph (counted
// from 1, as people do; -1 leaves it out), byline and photo credit.
// Footers show plain text, so nothing is escaped.
func (r renderer) citation(l *lang.Language, c qa.Citation) string {
	parts := []string{}
	if c.Article != "" {
		parts = append(parts, c.Article)
	}
	if id := "in_language_" + c.Lang; c.NameLang && c.Lang != l.Code && l.HasMessage(id) {
		parts = append(parts, l.Message(id, nil)) // an article in another language than the reply's
	}
	if c.Paragraph >= 0 {
		parts = append(parts, l.Message("paragraph_label", map[string]string{"n": strconv.Itoa(c.Paragraph + 1)}))
	}
	if r.article != nil {
		if info, ok := r.article(c.ArticleID); ok {
			for _, s := range []string{info.Byline, info.Source, info.Credit} {
				if s = strings.TrimSpace(s); s != "" {
					parts = append(parts, s)
				}
			}
		}
	}
	return strings.Join(parts, " · ")
}

// source renders what the bot knows: one field per article.
func (r renderer) source(l *lang.Language, articles []command.ArticleInfo) message {
	e := &discordgo.MessageEmbed{Title: Cut(l.Message("source_title", nil), maxTitle), Color: colorInfo}
	if len(articles) == 0 {
		e.Description = l.Message("no_article", nil)
	}
	for i, a := range articles {
		if i == maxFields-1 && len(articles) > maxFields {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "…",
				Value: l.Message("discord_more_articles", map[string]string{"n": strconv.Itoa(len(articles) - i)})})
			break
		}
		var b strings.Builder
		line := func(label, v string) {
			if v = strings.TrimSpace(v); v != "" {
				fmt.Fprintf(&b, "%s: %s\n", label, Escape(v))
			}
		}
		line(l.Message("discord_byline_label", nil), a.Byline)
		line(l.Message("source_label", nil), a.Source)
		line(l.Message("discord_credit_label", nil), a.Credit)
		line(l.Message("discord_published_label", nil), a.Published)
		b.WriteString(l.Message("discord_counts", map[string]string{
			"sentences": strconv.Itoa(a.Sentences), "paragraphs": strconv.Itoa(a.Paragraphs)}))
		title := a.Title
		if strings.TrimSpace(title) == "" {
			title = a.ID
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: Cut(title, maxFieldName), Value: Cut(b.String(), maxFieldValue)})
	}
	fitEmbed(e)
	return message{Embeds: []*discordgo.MessageEmbed{e}}
}

// help renders the Discord help: the handler's help speaks of the CLI's
// typed commands, so the front end shows its own usage, with the command
// names users of that language see.
func (r renderer) help(l *lang.Language) message {
	d := l.Message("discord_help", map[string]string{
		"ask": commandName(l, command.Ask), "timeline": commandName(l, command.Timeline),
		"source": commandName(l, command.Source), "help": commandName(l, command.Help),
		"summary": commandName(l, command.Summary),
	})
	return message{Embeds: []*discordgo.MessageEmbed{{Description: Cut(d, maxDescription), Color: colorInfo}}}
}

// summary renders the articles' summaries in one embed: each sentence a
// block quote followed by its paragraph. With several articles, each has a
// heading and an equal share of the description.
func (r renderer) summary(l *lang.Language, sums []command.ArticleSummary) message {
	if len(sums) == 0 {
		return text(l.Message("no_article", nil), true)
	}
	e := &discordgo.MessageEmbed{Color: colorInfo}
	if len(sums) == 1 {
		e.Title = Cut(l.Message("summary_title", map[string]string{"title": sums[0].Title}), maxTitle)
	}
	share := maxDescription / len(sums)
	var parts []string
	for _, s := range sums {
		var b strings.Builder
		if len(sums) > 1 {
			b.WriteString("**" + Escape(l.Message("summary_title", map[string]string{"title": s.Title})) + "**\n")
		}
		if len(s.Sentences) == 0 {
			b.WriteString(Escape(l.Message("summary_empty", nil)))
		}
		for i, c := range s.Sentences {
			if i > 0 {
				b.WriteString("\n")
			}
			where := "— " + l.Message("paragraph_label", map[string]string{"n": strconv.Itoa(c.Paragraph + 1)})
			b.WriteString(blockQuote(c.Text, max(share/len(s.Sentences)-len(where)-2, 20)))
			b.WriteString("\n" + where)
		}
		parts = append(parts, Cut(b.String(), share-2))
	}
	e.Description = Cut(strings.Join(parts, "\n\n"), maxDescription)
	fitEmbed(e)
	return message{Embeds: []*discordgo.MessageEmbed{e}}
}

// timelineItems returns the dated items of a timeline reply: each event's
// label (already in the reply's language) and the sentence it comes from.
// A reply without events carries its notice (nothing in that period, a
// date it could not read) as lines of Message.
func timelineItems(rep command.Reply) []string {
	var items []string
	for _, ev := range rep.Events {
		items = append(items, ev.Label+" — "+ev.Quote)
	}
	if len(items) > 0 {
		return items
	}
	for _, line := range strings.Split(rep.Message, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			items = append(items, line)
		}
	}
	return items
}

// timeline renders one page of a timeline, with buttons to the previous
// and next pages when there are several.
func (r renderer) timeline(l *lang.Language, rep command.Reply, v view) message {
	items := timelineItems(rep)
	e := &discordgo.MessageEmbed{Title: l.Message("discord_timeline_heading", nil), Color: colorInfo}
	if about := strings.TrimSpace(v.query.Text); about != "" {
		e.Title += ": " + about
	}
	e.Title = Cut(Escape(e.Title), maxTitle)
	if len(items) == 0 {
		e.Description = l.Message("timeline_empty", nil)
		return message{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: rep.Private}
	}
	pages := (len(items) + timelinePerPage - 1) / timelinePerPage
	page := min(max(v.page, 0), pages-1)
	var b strings.Builder
	for _, it := range items[page*timelinePerPage : min(len(items), (page+1)*timelinePerPage)] {
		b.WriteString("• ")
		b.WriteString(Cut(Escape(it), maxDescription/timelinePerPage-4))
		b.WriteString("\n")
	}
	e.Description = Cut(strings.TrimSpace(b.String()), maxDescription)
	m := message{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: rep.Private}
	if pages > 1 {
		e.Footer = &discordgo.MessageEmbedFooter{Text: l.Message("discord_page", map[string]string{
			"page": strconv.Itoa(page + 1), "pages": strconv.Itoa(pages)})}
		q := v.query
		q.Lang = rep.Lang
		prev, okPrev := timelineID(page-1, q)
		next, okNext := timelineID(page+1, q)
		if okPrev && okNext {
			m.Components = []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
				discordgo.Button{Label: l.Message("discord_previous", nil), Style: discordgo.SecondaryButton, CustomID: prev, Disabled: page == 0, Emoji: &discordgo.ComponentEmoji{Name: "◀️"}},
				discordgo.Button{Label: l.Message("discord_next", nil), Style: discordgo.SecondaryButton, CustomID: next, Disabled: page == pages-1, Emoji: &discordgo.ComponentEmoji{Name: "▶️"}},
			}}}
		}
	}
	fitEmbed(e)
	return m
}

// Timeline buttons carry their whole query, so that a click is served
// without any state: "tl:<page>:<hash>:<lang>:<from>|<to>|<about>". The
// hash (of everything after it) tells a well-formed ID from a damaged or
// forged one. The option length caps keep the ID within 100 characters.
const timelinePrefix = "tl:"

func timelineID(page int, q command.Query) (string, bool) {
	if page < 0 {
		page = 0 // the disabled "previous" button of page 0 still needs a distinct ID
	}
	payload := q.Lang + ":" + idField(q.From) + "|" + idField(q.To) + "|" + idField(q.Text)
	id := fmt.Sprintf("%s%d:%s:%s", timelinePrefix, page, queryHash(payload), payload)
	return id, utf8.RuneCountInString(id) <= maxCustomID
}

// idField keeps the separator out of a field.
func idField(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "|", "/") }

func queryHash(payload string) string {
	sum := sha256.Sum256([]byte(payload))
	return hex.EncodeToString(sum[:4])
}

// parseTimelineID reverses timelineID.
func parseTimelineID(id string) (page int, q command.Query, ok bool) {
	rest, found := strings.CutPrefix(id, timelinePrefix)
	if !found {
		return 0, q, false
	}
	pageStr, rest, found := strings.Cut(rest, ":")
	if !found {
		return 0, q, false
	}
	hash, payload, found := strings.Cut(rest, ":")
	if !found || hash != queryHash(payload) {
		return 0, q, false
	}
	page, err := strconv.Atoi(pageStr)
	if err != nil || page < 0 || page > 1000 {
		return 0, q, false
	}
	code, fields, found := strings.Cut(payload, ":")
	parts := strings.Split(fields, "|")
	if !found || len(parts) != 3 {
		return 0, q, false
	}
	return page, command.Query{Command: command.Timeline, Lang: code, From: parts[0], To: parts[1], Text: parts[2]}, true
}

// fitEmbed keeps an embed within Discord's 6000-character total by
// shortening its description, then its fields.
func fitEmbed(e *discordgo.MessageEmbed) {
	total := func() int {
		n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
		for _, f := range e.Fields {
			n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
		}
		if e.Footer != nil {
			n += utf8.RuneCountInString(e.Footer.Text)
		}
		if e.Author != nil {
			n += utf8.RuneCountInString(e.Author.Name)
		}
		return n
	}
	over := total() - maxEmbedTotal
	if over <= 0 {
		return
	}
	if d := utf8.RuneCountInString(e.Description); d > 1 {
		e.Description = Cut(e.Description, max(1, d-over))
		over = total() - maxEmbedTotal
	}
	for i := len(e.Fields) - 1; i >= 0 && over > 0; i-- {
		f := e.Fields[i]
		v := utf8.RuneCountInString(f.Value)
		f.Value = Cut(f.Value, max(1, v-over))
		over = total() - maxEmbedTotal
	}
}
