package bot

import (
	"context"
	"fmt"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
)

// Option names, as Discord sends them back whatever the user's locale.
const (
	optQuestion = "question"
	optHide     = "hide"
	optFrom     = "from"
	optTo       = "to"
	optAbout    = "about"
)

// Length caps of the timeline options, so that a query always fits in
// the 100 characters of a button's custom ID (see timelineID).
const (
	maxDateOption  = 20
	maxAboutOption = 35
)

// Commands returns the slash commands, with their names and descriptions
// in every language of langs that Discord has a locale for. Names and
// descriptions come from the message catalogues (cmd_<command>_name,
// cmd_<command>_description, cmd_<command>_<option>_name, ...).
func Commands(langs *lang.Registry, maxQuestionRunes int) []*discordgo.ApplicationCommand {
	if maxQuestionRunes <= 0 {
		maxQuestionRunes = DefaultMaxQuestionRunes
	}
	loc := localizer{langs}
	cmd := func(name string, opts ...*discordgo.ApplicationCommandOption) *discordgo.ApplicationCommand {
		names, descs := loc.all("cmd_"+name+"_name"), loc.all("cmd_"+name+"_description")
		return &discordgo.ApplicationCommand{
			Type: discordgo.ChatApplicationCommand, Name: name,
			NameLocalizations: &names, Description: loc.en("cmd_" + name + "_description"),
			DescriptionLocalizations: &descs, Options: opts,
		}
	}
	opt := func(cmd, name string, typ discordgo.ApplicationCommandOptionType) *discordgo.ApplicationCommandOption {
		id := "cmd_" + cmd + "_" + name
		return &discordgo.ApplicationCommandOption{
			Type: typ, Name: name, NameLocalizations: loc.all(id + "_name"),
			Description: loc.en(id + "_description"), DescriptionLocalizations: loc.all(id + "_description"),
		}
	}
	question := opt(command.Ask, optQuestion, discordgo.ApplicationCommandOptionString)
	question.Required, question.Autocomplete, question.MaxLength = true, true, maxQuestionRunes
	from := opt(command.Timeline, optFrom, discordgo.ApplicationCommandOptionString)
	from.MaxLength = maxDateOption
	to := opt(command.Timeline, optTo, discordgo.ApplicationCommandOptionString)
	to.MaxLength = maxDateOption
	about := opt(command.Timeline, optAbout, discordgo.ApplicationCommandOptionString)
	about.MaxLength = maxAboutOption
	return []*discordgo.ApplicationCommand{
		cmd(command.Ask, question, opt(command.Ask, optHide, discordgo.ApplicationCommandOptionBoolean)),
		cmd(command.Timeline, from, to, about),
		cmd(command.Source),
		cmd(command.Summary),
		cmd(command.Help),
		articleCommand(loc),
	}
}

// RegisterCommands replaces the application's commands with Commands in
// one bulk overwrite: in cfg.GuildID when set (instant, for development),
// else globally. An overwrite that changes nothing costs nothing, so it is
// safe at every start; creating commands one by one would spend Discord's
// 200 creations a day.
func RegisterCommands(ctx context.Context, cfg Config, langs *lang.Registry) error {
	s, err := discordgo.New("Bot " + string(cfg.Token))
	if err != nil {
		return fmt.Errorf("register commands: %w", err)
	}
	return registerCommands(ctx, s, cfg, langs)
}

func registerCommands(ctx context.Context, s *discordgo.Session, cfg Config, langs *lang.Registry) error {
	cmds := Commands(langs, cfg.MaxQuestionRunes)
	if _, err := s.ApplicationCommandBulkOverwrite(cfg.AppID, cfg.GuildID, cmds, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("register commands: %w", err)
	}
	return nil
}

// localizer reads command texts from the message catalogues.
type localizer struct{ langs *lang.Registry }

func (l localizer) en(id string) string {
	if en, ok := l.langs.Get("en"); ok {
		return en.Message(id, nil)
	}
	return id
}

// all maps every Discord locale of every language to the language's
// text of message id. Locales Discord does not know (meta.json may list
// "nb" and "nn" for Norwegian, which Discord calls "no") are left out.
func (l localizer) all(id string) map[discordgo.Locale]string {
	out := map[discordgo.Locale]string{}
	for _, lg := range l.langs.Languages() {
		for _, code := range lg.Locales {
			loc := discordgo.Locale(code)
			if _, ok := discordgo.Locales[loc]; !ok || loc == discordgo.Unknown {
				continue
			}
			out[loc] = lg.Message(id, nil)
		}
	}
	return out
}

// commandName returns a command's name in language l, as users of that
// language see it in Discord.
func commandName(l *lang.Language, cmd string) string {
	return l.Message("cmd_"+cmd+"_name", nil)
}
