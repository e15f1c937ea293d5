package bot

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/fetch"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// Options of /article.
const (
	optURL    = "url"
	optFile   = "file"
	optNumber = "number"
)

// articleCommand is /article with its subcommands add, list, remove, show
// and report. Everyone may list and show; adding, removing and the report
// are for moderators, which the bot checks itself (see isAdmin).
func articleCommand(loc localizer) *discordgo.ApplicationCommand {
	sub := func(name string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommandOption {
		id := "cmd_article_" + name
		return &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionSubCommand, Name: name, NameLocalizations: loc.all(id + "_name"),
			Description: loc.en(id + "_description"), DescriptionLocalizations: loc.all(id + "_description"), Options: opts,
		}
	}
	opt := func(cmd, name string, typ discordgo.ApplicationCommandOptionType, required bool) *discordgo.ApplicationCommandOption {
		id := "cmd_article_" + cmd + "_" + name
		return &discordgo.ApplicationCommandOption{
			Type: typ, Name: name, NameLocalizations: loc.all(id + "_name"), Required: required,
			Description: loc.en(id + "_description"), DescriptionLocalizations: loc.all(id + "_description"),
		}
	}
	number := func(cmd string) *discordgo.ApplicationCommandOption {
		o := opt(cmd, optNumber, discordgo.ApplicationCommandOptionInteger, true)
		o.MinValue = new(float64)
		*o.MinValue = 1
		return o
	}
	url := opt(command.ArticleAdd, optURL, discordgo.ApplicationCommandOptionString, false)
	url.MaxLength = 2000
	names, descs := loc.all("cmd_article_name"), loc.all("cmd_article_description")
	return &discordgo.ApplicationCommand{
		Type: discordgo.ChatApplicationCommand, Name: command.Article, NameLocalizations: &names,
		Description: loc.en("cmd_article_description"), DescriptionLocalizations: &descs,
		Options: []*discordgo.ApplicationCommandOption{
			sub(command.ArticleAdd, url, opt(command.ArticleAdd, optFile, discordgo.ApplicationCommandOptionAttachment, false)),
			sub(command.ArticleList),
			sub(command.ArticleRemove, number(command.ArticleRemove)),
			sub(command.ArticleShow, number(command.ArticleShow)),
			sub(command.ArticleReport),
		},
	}
}

// scopeOf names whose articles answer an interaction or a message: the
// server's, or the user's own in DMs (the formats of store.GuildScope and
// store.DMScope).
func scopeOf(guildID, userID string) string {
	if guildID != "" {
		return "guild:" + guildID
	}
	if userID != "" {
		return "dm:" + userID
	}
	return ""
}

// isAdmin reports whether the member who sent an interaction may add and
// remove articles: the Manage Server permission, or one of the roles of
// QABOT_ADMIN_ROLE. In DMs a user manages their own articles.
func (b *bot) isAdmin(i *discordgo.Interaction) bool {
	if i.GuildID == "" {
		return i.User != nil
	}
	if i.Member == nil {
		return false
	}
	if i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0 {
		return true
	}
	for _, r := range i.Member.Roles {
		for _, admin := range b.cfg.AdminRoles {
			if r == admin {
				return true
			}
		}
	}
	return false
}

func userName(i *discordgo.Interaction) string {
	switch {
	case i.Member != nil && i.Member.User != nil:
		if i.Member.Nick != "" {
			return i.Member.Nick
		}
		return firstNonEmpty(i.Member.User.GlobalName, i.Member.User.Username)
	case i.User != nil:
		return firstNonEmpty(i.User.GlobalName, i.User.Username)
	}
	return ""
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// article serves /article: it builds the request from the subcommand,
// downloads an attached file, and answers through the handler (deferring
// when a page takes long to fetch).
func (b *bot) article(x *exchange, data discordgo.ApplicationCommandInteractionData) {
	if len(data.Options) == 0 || data.Options[0] == nil {
		m := text(b.lang(x.lang).Message("discord_expired", nil), true)
		b.check(x, "respond", x.send(m.response(discordgo.InteractionResponseChannelMessageWithSource)))
		return
	}
	sub := data.Options[0]
	opts := optionMap(sub.Options)
	req := &command.ArticleRequest{Action: sub.Name, By: x.user, ByName: userName(x.i), Admin: b.isAdmin(x.i)}
	if o, ok := opts[optNumber]; ok {
		if v, ok := o.Value.(float64); ok {
			req.ID = int64(v)
		}
	}
	req.URL = stringOpt(opts, optURL)
	var attachment *discordgo.MessageAttachment
	if o, ok := opts[optFile]; ok && data.Resolved != nil {
		if id, ok := o.Value.(string); ok {
			attachment = data.Resolved.Attachments[id]
		}
	}
	q := command.Query{Command: command.Article, LangHint: x.lang, Scope: scopeOf(x.i.GuildID, x.user), Article: req}
	if msg, limited, _ := b.limited(x.user, x.lang); limited {
		b.check(x, "respond", x.send(text(msg, true).response(discordgo.InteractionResponseChannelMessageWithSource)))
		return
	}
	if attachment != nil && req.Admin {
		// Downloading may take a while: the handler runs the download
		// too, so the reply is deferred like any slow answer.
		h := b.h
		att := *attachment
		b.runWith(x, q, view{query: q}, false, false, func(ctx context.Context, q command.Query) (command.Reply, error) {
			f, err := b.download(ctx, att)
			if err != nil {
				return b.downloadError(x.lang, err), nil
			}
			q.Article.File = f
			return h.Handle(ctx, q)
		})
		return
	}
	b.run(x, q, view{query: q}, false, false)
}

// download fetches an attached file through the guarded fetcher.
func (b *bot) download(ctx context.Context, a discordgo.MessageAttachment) (*command.File, error) {
	if b.cfg.Fetcher == nil {
		return nil, fmt.Errorf("no fetcher for attachments")
	}
	page, err := b.cfg.Fetcher.Fetch(ctx, a.URL)
	if err != nil {
		return nil, err
	}
	return &command.File{Name: a.Filename, ContentType: firstNonEmpty(a.ContentType, page.ContentType), Data: page.Body}, nil
}

func (b *bot) downloadError(code string, err error) command.Reply {
	l := b.lang(code)
	if id, args, ok := fetchMessage(err); ok {
		return command.Reply{Command: command.Article, Lang: l.Code, Message: l.Message(id, args), Private: true}
	}
	b.log.Warn("download attachment", "err", err)
	return command.Reply{Command: command.Article, Lang: l.Code, Message: l.Message("article_add_failed", nil), Private: true}
}

// Vote buttons carry what the vote needs, so that any replica serves a
// click: "fb:<u|d>:<lang>:<article ID>:<sentence>". The question and the
// short answer are read back from the answer's embed.
const votePrefix = "fb:"

func voteID(up bool, lang string, c qa.Citation) (string, bool) {
	v := "d"
	if up {
		v = "u"
	}
	id := fmt.Sprintf("%s%s:%s:%s:%d", votePrefix, v, lang, c.ArticleID, c.Sentence)
	return id, len(id) <= maxCustomID && !strings.Contains(c.ArticleID, ":")
}

func parseVoteID(id string) (up bool, lang, articleID string, sentence int, ok bool) {
	rest, found := strings.CutPrefix(id, votePrefix)
	parts := strings.Split(rest, ":")
	if !found || len(parts) != 4 || (parts[0] != "u" && parts[0] != "d") {
		return false, "", "", 0, false
	}
	n, err := strconv.Atoi(parts[3])
	if err != nil || n < 0 {
		return false, "", "", 0, false
	}
	return parts[0] == "u", parts[1], parts[2], n, true
}

// voteButtons are the 👍/👎 row under an answer.
func voteButtons(l *lang.Language, a qa.Answer) []discordgo.MessageComponent {
	up, ok1 := voteID(true, l.Code, a.Quote)
	down, ok2 := voteID(false, l.Code, a.Quote)
	if !ok1 || !ok2 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: []discordgo.MessageComponent{
		discordgo.Button{Style: discordgo.SecondaryButton, CustomID: up, Emoji: &discordgo.ComponentEmoji{Name: "👍"}, Label: l.Message("feedback_up", nil)},
		discordgo.Button{Style: discordgo.SecondaryButton, CustomID: down, Emoji: &discordgo.ComponentEmoji{Name: "👎"}, Label: l.Message("feedback_down", nil)},
	}}}
}

// vote serves a click on a vote button.
func (b *bot) vote(x *exchange, customID string) {
	up, code, articleID, sentence, ok := parseVoteID(customID)
	if !ok {
		m := text(b.lang(x.lang).Message("discord_expired", nil), true)
		b.check(x, "respond", x.send(m.response(discordgo.InteractionResponseChannelMessageWithSource)))
		return
	}
	v := &command.Vote{Up: up, User: x.user, ArticleID: articleID, Sentence: sentence}
	if m := x.i.Message; m != nil {
		v.Target = m.ID
		if len(m.Embeds) > 0 && m.Embeds[0] != nil {
			e := m.Embeds[0]
			v.Answer = unescape(e.Title)
			v.Quote = unquote(e.Description)
			for _, f := range e.Fields {
				if f != nil {
					v.Question = unescape(f.Value)
				}
			}
		}
	}
	if msg, limited, _ := b.limited(x.user, x.lang); limited {
		b.check(x, "respond", x.send(text(msg, true).response(discordgo.InteractionResponseChannelMessageWithSource)))
		return
	}
	q := command.Query{Command: command.Feedback, Lang: code, LangHint: x.lang, Scope: scopeOf(x.i.GuildID, x.user), Vote: v}
	b.run(x, q, view{query: q}, true, false)
}

var escaped = regexp.MustCompile(`\\([\\*_~` + "`" + `|\[\]<>#+\-.@])`)

// unescape undoes Escape well enough to store what the user saw.
func unescape(s string) string {
	s = escaped.ReplaceAllString(s, "$1")
	return strings.NewReplacer("<http", "http", ">", "").Replace(s)
}

// unquote turns a block quote back into its text.
func unquote(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "> ")
	}
	return unescape(strings.Join(lines, "\n"))
}

// manage renders the reply of /article.
func (r renderer) manage(l *lang.Language, rep command.Reply) message {
	m := rep.Manage
	switch m.Action {
	case command.ArticleList:
		e := &discordgo.MessageEmbed{Title: l.Message("article_list_title", nil), Color: colorInfo}
		if len(m.Articles) == 0 {
			e.Description = Cut(Escape(rep.Message), maxDescription)
		}
		for i, a := range m.Articles {
			if i == maxFields {
				break
			}
			var b strings.Builder
			for _, s := range []string{a.Lang, a.Published, a.Byline} {
				if s != "" {
					b.WriteString(Escape(s))
					b.WriteString(" · ")
				}
			}
			b.WriteString(Escape(l.Message("article_added_by", map[string]string{"name": a.AddedBy, "date": a.Added.UTC().Format(time.DateOnly)})))
			if a.URL != "" {
				b.WriteString("\n<" + a.URL + ">")
			}
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: Cut(fmt.Sprintf("%d. %s", a.Number, a.Title), maxFieldName), Value: Cut(b.String(), maxFieldValue)})
		}
		fitEmbed(e)
		return message{Embeds: []*discordgo.MessageEmbed{e}}
	case command.ArticleShow:
		a := m.Articles[0]
		e := &discordgo.MessageEmbed{Title: Cut(fmt.Sprintf("%d. %s", a.Number, a.Title), maxTitle), Color: colorInfo,
			Description: Cut(Escape(m.Text), maxDescription),
			Footer:      &discordgo.MessageEmbedFooter{Text: Cut(l.Message("article_show_title", nil), maxFooter)}}
		fitEmbed(e)
		return message{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}
	case command.ArticleReport:
		e := &discordgo.MessageEmbed{Title: l.Message("report_unanswered_title", nil), Color: colorInfo}
		if m.Report == nil || (len(m.Report.Unanswered) == 0 && len(m.Report.DownVoted) == 0) {
			e.Description = Cut(Escape(rep.Message), maxDescription)
			return message{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}
		}
		var b strings.Builder
		for _, u := range m.Report.Unanswered {
			fmt.Fprintf(&b, "%d× %s\n", u.Count, Escape(u.Question))
		}
		e.Description = Cut(b.String(), maxDescription)
		for _, d := range m.Report.DownVoted {
			if len(e.Fields) == maxFields {
				break
			}
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
				Name:  Cut(fmt.Sprintf("👎 %d · 👍 %d · %s", d.Down, d.Up, d.Article), maxFieldName),
				Value: Cut(Escape(d.Question)+" → "+Escape(d.Answer)+"\n"+blockQuote(d.Quote, maxFieldValue/2), maxFieldValue),
			})
		}
		if len(e.Fields) > 0 {
			e.Footer = &discordgo.MessageEmbedFooter{Text: l.Message("report_downvoted_title", nil)}
		}
		fitEmbed(e)
		return message{Embeds: []*discordgo.MessageEmbed{e}, Ephemeral: true}
	}
	return message{Embeds: []*discordgo.MessageEmbed{{Description: Cut(Escape(rep.Message), maxDescription), Color: colorInfo}}, Ephemeral: rep.Private}
}

// fetchMessage is fetch.Message: the localised explanation of a refused
// download.
func fetchMessage(err error) (string, map[string]string, bool) { return fetch.Message(err) }
