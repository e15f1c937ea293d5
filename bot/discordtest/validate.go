package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
)

// messageBody is any message the bot sends: channel messages, interaction
// callback data, follow-ups and edits.
type messageBody struct {
	Content         *string                           `json:"content"`
	Embeds          []*discordgo.MessageEmbed         `json:"embeds"`
	Components      []json.RawMessage                 `json:"components"`
	Flags           discordgo.MessageFlags            `json:"flags"`
	TTS             bool                              `json:"tts"`
	AllowedMentions *discordgo.MessageAllowedMentions `json:"allowed_mentions"`
	Reference       *discordgo.MessageReference       `json:"message_reference"`
	Attachments     []json.RawMessage                 `json:"attachments"`
	StickerIDs      []string                          `json:"sticker_ids"`
	Poll            json.RawMessage                   `json:"poll"`

	// Interaction callback data only.
	Choices  []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
	CustomID string                                      `json:"custom_id"`
	Title    string                                      `json:"title"`
}

// Limits Discord enforces on messages and commands.
const (
	maxContent          = 2000
	maxEmbeds           = 10
	maxEmbedTitle       = 256
	maxEmbedDescription = 4096
	maxEmbedFields      = 25
	maxFieldName        = 256
	maxFieldValue       = 1024
	maxFooter           = 2048
	maxAuthorName       = 256
	maxEmbedTotal       = 6000
	maxActionRows       = 5
	maxRowChildren      = 5
	maxCustomID         = 100
	maxButtonLabel      = 80
	maxChoices          = 25
	maxChoiceName       = 100
	maxModalTitle       = 45
	maxCommands         = 100
	maxOptions          = 25
	maxCommandName      = 32
	maxDescription      = 100
	maxCommandChars     = 4000
)

// formErrors collects "Invalid Form Body" errors by field path, like the
// 50035 errors Discord returns.
type formErrors struct {
	errs  map[string][]map[string]string
	empty bool // an empty message, which Discord answers with code 50006
}

func (f *formErrors) add(path, code, message string) {
	if f.errs == nil {
		f.errs = map[string][]map[string]string{}
	}
	f.errs[path] = append(f.errs[path], map[string]string{"code": code, "message": message})
}

// orNil returns f if it holds errors.
func (f *formErrors) orNil() *formErrors {
	if f == nil || (len(f.errs) == 0 && !f.empty) {
		return nil
	}
	return f
}

// reply nests the errors by path segment: "embeds.0.title" becomes
// {"embeds":{"0":{"title":{"_errors":[...]}}}}.
func (f *formErrors) reply() restReply {
	if f.empty {
		return jsonError(http.StatusBadRequest, codeEmptyMessage, "Cannot send an empty message")
	}
	root := map[string]any{}
	for path, errs := range f.errs {
		node := root
		if path != "" {
			for _, seg := range strings.Split(path, ".") {
				next, ok := node[seg].(map[string]any)
				if !ok {
					next = map[string]any{}
					node[seg] = next
				}
				node = next
			}
		}
		node["_errors"] = errs
	}
	return restReply{status: http.StatusBadRequest, body: map[string]any{"code": codeInvalidFormBody, "message": "Invalid Form Body", "errors": root}}
}

func formError(path, code, message string) restReply {
	var f formErrors
	f.add(path, code, message)
	return f.reply()
}

func maxLength(f *formErrors, path, s string, limit int) {
	if utf8.RuneCountInString(s) > limit {
		f.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", limit))
	}
}

// validateMessage checks a message body. create says whether the body
// creates a message, which must then not be empty. prefix is "data." for
// interaction callbacks.
func validateMessage(prefix string, m messageBody, create bool) *formErrors {
	if create && deref(m.Content) == "" && len(m.Embeds) == 0 && len(m.Components) == 0 &&
		len(m.Attachments) == 0 && len(m.StickerIDs) == 0 && (len(m.Poll) == 0 || string(m.Poll) == "null") {
		return &formErrors{empty: true}
	}
	f := &formErrors{}
	maxLength(f, prefix+"content", deref(m.Content), maxContent)
	if len(m.Embeds) > maxEmbeds {
		f.add(prefix+"embeds", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxEmbeds))
	}
	total := 0
	for i, e := range m.Embeds {
		if e == nil {
			continue
		}
		p := fmt.Sprintf("%sembeds.%d.", prefix, i)
		maxLength(f, p+"title", e.Title, maxEmbedTitle)
		maxLength(f, p+"description", e.Description, maxEmbedDescription)
		total += utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
		if len(e.Fields) > maxEmbedFields {
			f.add(p+"fields", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxEmbedFields))
		}
		for j, fl := range e.Fields {
			if fl == nil {
				continue
			}
			fp := fmt.Sprintf("%sfields.%d.", p, j)
			if fl.Name == "" {
				f.add(fp+"name", "BASE_TYPE_REQUIRED", "This field is required")
			}
			if fl.Value == "" {
				f.add(fp+"value", "BASE_TYPE_REQUIRED", "This field is required")
			}
			maxLength(f, fp+"name", fl.Name, maxFieldName)
			maxLength(f, fp+"value", fl.Value, maxFieldValue)
			total += utf8.RuneCountInString(fl.Name) + utf8.RuneCountInString(fl.Value)
		}
		if e.Footer != nil {
			maxLength(f, p+"footer.text", e.Footer.Text, maxFooter)
			total += utf8.RuneCountInString(e.Footer.Text)
		}
		if e.Author != nil {
			maxLength(f, p+"author.name", e.Author.Name, maxAuthorName)
			total += utf8.RuneCountInString(e.Author.Name)
		}
	}
	if total > maxEmbedTotal {
		f.add(prefix+"embeds", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Embed size exceeds maximum size of %d", maxEmbedTotal))
	}
	validateComponents(f, prefix, m)
	return f.orNil()
}

// validateComponents checks the classic layout: up to 5 action rows of up
// to 5 children. Components v2 (flag IS_COMPONENTS_V2) is only checked for
// known types.
func validateComponents(f *formErrors, prefix string, m messageBody) {
	v2 := m.Flags&discordgo.MessageFlagsIsComponentsV2 != 0
	if !v2 && len(m.Components) > maxActionRows {
		f.add(prefix+"components", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxActionRows))
	}
	for i, raw := range m.Components {
		p := fmt.Sprintf("%scomponents.%d", prefix, i)
		c, err := discordgo.MessageComponentFromJSON(raw)
		if err != nil {
			f.add(p+".type", "BASE_TYPE_CHOICES", "Value must be one of known component types.")
			continue
		}
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			if !v2 {
				f.add(p+".type", "UNION_TYPE_CHOICES", "Top-level components must be action rows.")
			}
			continue
		}
		if len(row.Components) > maxRowChildren {
			f.add(p+".components", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxRowChildren))
		}
		for j, child := range row.Components {
			cp := fmt.Sprintf("%s.components.%d.", p, j)
			switch c := child.(type) {
			case *discordgo.Button:
				if c.Style == discordgo.LinkButton {
					if c.URL == "" {
						f.add(cp+"url", "BASE_TYPE_REQUIRED", "This field is required")
					}
				} else if c.CustomID == "" {
					f.add(cp+"custom_id", "BASE_TYPE_REQUIRED", "This field is required")
				}
				maxLength(f, cp+"custom_id", c.CustomID, maxCustomID)
				maxLength(f, cp+"label", c.Label, maxButtonLabel)
			case *discordgo.SelectMenu:
				if c.CustomID == "" {
					f.add(cp+"custom_id", "BASE_TYPE_REQUIRED", "This field is required")
				}
				maxLength(f, cp+"custom_id", c.CustomID, maxCustomID)
			}
		}
	}
}

func validateChoices(choices []*discordgo.ApplicationCommandOptionChoice) *formErrors {
	f := &formErrors{}
	if len(choices) > maxChoices {
		f.add("data.choices", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxChoices))
	}
	for i, c := range choices {
		if c == nil {
			continue
		}
		p := fmt.Sprintf("data.choices.%d.", i)
		if c.Name == "" {
			f.add(p+"name", "BASE_TYPE_REQUIRED", "This field is required")
		}
		maxLength(f, p+"name", c.Name, maxChoiceName)
		if v, ok := c.Value.(string); ok {
			maxLength(f, p+"value", v, maxChoiceName)
		}
	}
	return f.orNil()
}

func validateModal(m messageBody) *formErrors {
	f := &formErrors{}
	if m.CustomID == "" {
		f.add("data.custom_id", "BASE_TYPE_REQUIRED", "This field is required")
	}
	maxLength(f, "data.custom_id", m.CustomID, maxCustomID)
	if m.Title == "" {
		f.add("data.title", "BASE_TYPE_REQUIRED", "This field is required")
	}
	maxLength(f, "data.title", m.Title, maxModalTitle)
	if len(m.Components) < 1 || len(m.Components) > 5 {
		f.add("data.components", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.")
	}
	return f.orNil()
}

// commandName is Discord's rule for chat input command and option names.
var commandName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)

// validateCommands checks a bulk overwrite the way Discord does, so a bot
// test fails on commands Discord would refuse.
func validateCommands(cmds []*discordgo.ApplicationCommand) *formErrors {
	f := &formErrors{}
	chat := 0
	names := map[string]bool{}
	for i, c := range cmds {
		p := strconv.Itoa(i) + "."
		if c == nil {
			f.add(strconv.Itoa(i), "BASE_TYPE_REQUIRED", "This field is required")
			continue
		}
		typ := c.Type
		if typ == 0 {
			typ = discordgo.ChatApplicationCommand
		}
		key := fmt.Sprint(typ, "/", c.Name)
		if names[key] {
			f.add(p+"name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique")
		}
		names[key] = true
		switch typ {
		case discordgo.ChatApplicationCommand:
			chat++
			checkName(f, p+"name", c.Name)
			checkDescription(f, p+"description", c.Description)
			if c.NameLocalizations != nil {
				for loc, n := range *c.NameLocalizations {
					checkLocale(f, p+"name_localizations", loc)
					checkName(f, p+"name_localizations."+string(loc), n)
				}
			}
			if c.DescriptionLocalizations != nil {
				for loc, d := range *c.DescriptionLocalizations {
					checkLocale(f, p+"description_localizations", loc)
					checkDescription(f, p+"description_localizations."+string(loc), d)
				}
			}
			checkOptions(f, p+"options", c.Options, 0)
			if n := commandChars(c); n > maxCommandChars {
				f.add(p[:len(p)-1], "APPLICATION_COMMAND_TOO_LARGE", fmt.Sprintf("Command exceeds maximum size (%d)", maxCommandChars))
			}
		case discordgo.UserApplicationCommand, discordgo.MessageApplicationCommand:
			if n := utf8.RuneCountInString(c.Name); n < 1 || n > maxCommandName {
				f.add(p+"name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.")
			}
			if c.Description != "" {
				f.add(p+"description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION", "Context menu commands cannot have description")
			}
			if len(c.Options) > 0 {
				f.add(p+"options", "APPLICATION_COMMAND_CONTEXT_MENU_OPTIONS", "Context menu commands cannot have options")
			}
		default:
			f.add(p+"type", "BASE_TYPE_CHOICES", "Value must be one of (1, 2, 3, 4).")
		}
	}
	if chat > maxCommands {
		f.add("", "APPLICATION_COMMANDS_TOO_MANY", fmt.Sprintf("Maximum number of application commands reached (%d)", maxCommands))
	}
	return f.orNil()
}

func checkName(f *formErrors, path, name string) {
	switch {
	case !commandName.MatchString(name):
		f.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid")
	case strings.ToLower(name) != name:
		f.add(path, "APPLICATION_COMMAND_INVALID_NAME", "Command name must be lowercase")
	}
}

func checkDescription(f *formErrors, path, d string) {
	if n := utf8.RuneCountInString(d); n < 1 || n > maxDescription {
		f.add(path, "BASE_TYPE_BAD_LENGTH", fmt.Sprintf("Must be between 1 and %d in length.", maxDescription))
	}
}

func checkLocale(f *formErrors, path string, loc discordgo.Locale) {
	if _, ok := discordgo.Locales[loc]; !ok || loc == discordgo.Unknown {
		f.add(path, "LOCALE_INVALID", fmt.Sprintf("Invalid locale %q", loc))
	}
}

// checkOptions validates an options list at depth 0 (command), 1 (inside a
// subcommand group or subcommand) or 2 (inside a grouped subcommand).
func checkOptions(f *formErrors, path string, opts []*discordgo.ApplicationCommandOption, depth int) {
	if len(opts) > maxOptions {
		f.add(path, "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxOptions))
	}
	optional := false
	subs, values := 0, 0
	names := map[string]bool{}
	for i, o := range opts {
		p := fmt.Sprintf("%s.%d.", path, i)
		if o == nil {
			continue
		}
		checkName(f, p+"name", o.Name)
		checkDescription(f, p+"description", o.Description)
		if names[o.Name] {
			f.add(p+"name", "APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS", "Option names must be unique")
		}
		names[o.Name] = true
		if o.NameLocalizations != nil {
			for loc, n := range o.NameLocalizations {
				checkLocale(f, p+"name_localizations", loc)
				checkName(f, p+"name_localizations."+string(loc), n)
			}
		}
		for loc, d := range o.DescriptionLocalizations {
			checkLocale(f, p+"description_localizations", loc)
			checkDescription(f, p+"description_localizations."+string(loc), d)
		}
		switch o.Type {
		case discordgo.ApplicationCommandOptionSubCommandGroup:
			subs++
			if depth != 0 {
				f.add(p+"type", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Subcommand groups can only be top-level options")
			}
			for _, c := range o.Options {
				if c != nil && c.Type != discordgo.ApplicationCommandOptionSubCommand {
					f.add(p+"options", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Subcommand groups can only contain subcommands")
				}
			}
			checkOptions(f, p+"options", o.Options, 1)
		case discordgo.ApplicationCommandOptionSubCommand:
			subs++
			if depth == 2 {
				f.add(p+"type", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Subcommands cannot be nested this deep")
			}
			for _, c := range o.Options {
				if c != nil && (c.Type == discordgo.ApplicationCommandOptionSubCommand || c.Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
					f.add(p+"options", "APPLICATION_COMMAND_OPTION_TYPE_INVALID", "Subcommands cannot contain subcommands")
				}
			}
			checkOptions(f, p+"options", o.Options, 2)
		case discordgo.ApplicationCommandOptionString, discordgo.ApplicationCommandOptionInteger,
			discordgo.ApplicationCommandOptionBoolean, discordgo.ApplicationCommandOptionUser,
			discordgo.ApplicationCommandOptionChannel, discordgo.ApplicationCommandOptionRole,
			discordgo.ApplicationCommandOptionMentionable, discordgo.ApplicationCommandOptionNumber,
			discordgo.ApplicationCommandOptionAttachment:
			values++
			if o.Required && optional {
				f.add(p+"required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID", "Required options must be placed before non-required options")
			}
			if !o.Required {
				optional = true
			}
			if len(o.Choices) > maxChoices {
				f.add(p+"choices", "BASE_TYPE_MAX_LENGTH", fmt.Sprintf("Must be %d or fewer in length.", maxChoices))
			}
			if len(o.Choices) > 0 && o.Autocomplete {
				f.add(p+"autocomplete", "APPLICATION_COMMAND_OPTION_CHOICES_AUTOCOMPLETE", "Autocomplete cannot be set with choices")
			}
			if o.Autocomplete && o.Type != discordgo.ApplicationCommandOptionString &&
				o.Type != discordgo.ApplicationCommandOptionInteger && o.Type != discordgo.ApplicationCommandOptionNumber {
				f.add(p+"autocomplete", "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_TYPE", "Autocomplete is only for string, integer and number options")
			}
			for j, c := range o.Choices {
				if c == nil {
					continue
				}
				cp := fmt.Sprintf("%schoices.%d.", p, j)
				if n := utf8.RuneCountInString(c.Name); n < 1 || n > maxChoiceName {
					f.add(cp+"name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.")
				}
				if v, ok := c.Value.(string); ok {
					maxLength(f, cp+"value", v, maxChoiceName)
				}
			}
		default:
			f.add(p+"type", "BASE_TYPE_CHOICES", "Value must be one of the option types.")
		}
	}
	if subs > 0 && values > 0 {
		f.add(path, "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID", "Subcommands and option values cannot be mixed")
	}
}

// commandChars counts name, description and option/choice text, which
// Discord limits to 4000 characters per command.
func commandChars(c *discordgo.ApplicationCommand) int {
	n := utf8.RuneCountInString(c.Name) + utf8.RuneCountInString(c.Description)
	var walk func([]*discordgo.ApplicationCommandOption)
	walk = func(opts []*discordgo.ApplicationCommandOption) {
		for _, o := range opts {
			if o == nil {
				continue
			}
			n += utf8.RuneCountInString(o.Name) + utf8.RuneCountInString(o.Description)
			for _, ch := range o.Choices {
				if ch == nil {
					continue
				}
				n += utf8.RuneCountInString(ch.Name)
				if v, ok := ch.Value.(string); ok {
					n += utf8.RuneCountInString(v)
				}
			}
			walk(o.Options)
		}
	}
	walk(c.Options)
	return n
}
