package discordtest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"github.com/bwmarrin/discordgo"
)

// IDs and names the builders use when a test does not choose its own. The
// bot user's ID is the application ID, as it is for every application
// created since 2021.
const (
	DefaultToken       = "discordtest-bot-token"
	DefaultAppID       = "1100000000000000001"
	DefaultBotName     = "qabot-test"
	DefaultGuildID     = "1100000000000000100"
	DefaultChannelID   = "1100000000000000200"
	DefaultDMChannelID = "1100000000000000300"
	DefaultUserID      = "1100000000000000400"
	DefaultLocale      = "en-US"
)

// The wire types below mirror Discord API v10 JSON, not discordgo's structs:
// the emulator must send what Discord sends (fields absent rather than empty,
// permissions as strings) so that tests exercise discordgo's decoding too.

// User is a Discord user object.
type User struct {
	ID            string `json:"id"`
	Username      string `json:"username"`
	Discriminator string `json:"discriminator"`
	GlobalName    string `json:"global_name,omitempty"`
	Avatar        string `json:"avatar,omitempty"`
	Bot           bool   `json:"bot,omitempty"`
	PublicFlags   int    `json:"public_flags"`
}

// DefaultUser returns the human user the builders use by default.
func DefaultUser() User {
	return User{ID: DefaultUserID, Username: "tester", GlobalName: "Test User", Discriminator: "0"}
}

// botUser returns the bot user for an application.
func botUser(appID, name string) User {
	return User{ID: appID, Username: name, Discriminator: "0", Bot: true}
}

// Member is a guild member object. In interactions it carries the user and
// the member's permissions; in MESSAGE_CREATE it has no user.
type Member struct {
	User         *User    `json:"user,omitempty"`
	Nick         string   `json:"nick,omitempty"`
	Roles        []string `json:"roles"`
	JoinedAt     string   `json:"joined_at"`
	Deaf         bool     `json:"deaf"`
	Mute         bool     `json:"mute"`
	Flags        int      `json:"flags"`
	Pending      bool     `json:"pending"`
	Permissions  string   `json:"permissions,omitempty"`
	PremiumSince *string  `json:"premium_since"`
}

// Channel is the partial channel object sent with interactions.
type Channel struct {
	ID          string                `json:"id"`
	Type        discordgo.ChannelType `json:"type"`
	GuildID     string                `json:"guild_id,omitempty"`
	Name        string                `json:"name,omitempty"`
	Permissions string                `json:"permissions,omitempty"`
}

// Interaction is an interaction as Discord delivers it in INTERACTION_CREATE
// or POSTs it to an interactions endpoint.
type Interaction struct {
	ID                           string                    `json:"id"`
	ApplicationID                string                    `json:"application_id"`
	Type                         discordgo.InteractionType `json:"type"`
	Data                         *InteractionData          `json:"data,omitempty"`
	GuildID                      string                    `json:"guild_id,omitempty"`
	Channel                      *Channel                  `json:"channel,omitempty"`
	ChannelID                    string                    `json:"channel_id,omitempty"`
	Member                       *Member                   `json:"member,omitempty"`
	User                         *User                     `json:"user,omitempty"`
	Token                        string                    `json:"token"`
	Version                      int                       `json:"version"`
	Message                      *Message                  `json:"message,omitempty"`
	AppPermissions               string                    `json:"app_permissions,omitempty"`
	Locale                       string                    `json:"locale,omitempty"`
	GuildLocale                  string                    `json:"guild_locale,omitempty"`
	Entitlements                 []json.RawMessage         `json:"entitlements"`
	AuthorizingIntegrationOwners map[string]string         `json:"authorizing_integration_owners,omitempty"`
	Context                      *int                      `json:"context,omitempty"`
	AttachmentSizeLimit          int                       `json:"attachment_size_limit,omitempty"`
}

// InteractionData is the data of an application command, autocomplete,
// component or modal submit interaction; which fields are set depends on
// the interaction type.
type InteractionData struct {
	ID       string                           `json:"id,omitempty"`
	Name     string                           `json:"name,omitempty"`
	Type     discordgo.ApplicationCommandType `json:"type,omitempty"`
	Options  []CommandOption                  `json:"options,omitempty"`
	GuildID  string                           `json:"guild_id,omitempty"`
	TargetID string                           `json:"target_id,omitempty"`
	Resolved *Resolved                        `json:"resolved,omitempty"`

	CustomID      string                  `json:"custom_id,omitempty"`
	ComponentType discordgo.ComponentType `json:"component_type,omitempty"`
	Values        []string                `json:"values,omitempty"`
	Components    []json.RawMessage       `json:"components,omitempty"`
}

// Resolved holds the users and members that user options refer to, and
// the files of attachment options.
type Resolved struct {
	Users       map[string]User               `json:"users,omitempty"`
	Members     map[string]Member             `json:"members,omitempty"`
	Attachments map[string]ResolvedAttachment `json:"attachments,omitempty"`
}

// ResolvedAttachment is a file a user attached to an attachment option:
// Discord uploads it to its CDN and sends its URL. Tests serve the file
// from a loopback server of their own and give its URL here.
type ResolvedAttachment struct {
	ID          string `json:"id"`
	Filename    string `json:"filename"`
	ContentType string `json:"content_type,omitempty"`
	Size        int    `json:"size"`
	URL         string `json:"url"`
	ProxyURL    string `json:"proxy_url"`
}

// CommandOption is one option value of an invoked command. Value is a
// string, integer, float or bool; subcommands have Options instead.
type CommandOption struct {
	Name    string                                 `json:"name"`
	Type    discordgo.ApplicationCommandOptionType `json:"type"`
	Value   any                                    `json:"value,omitempty"`
	Options []CommandOption                        `json:"options,omitempty"`
	Focused bool                                   `json:"focused,omitempty"`

	// user and attachment are kept so SlashCommand can fill
	// data.resolved.
	user       *User
	attachment *ResolvedAttachment
}

// String returns a string option.
func String(name, value string) CommandOption {
	return CommandOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: value}
}

// Int returns an integer option.
func Int(name string, value int64) CommandOption {
	return CommandOption{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: value}
}

// Number returns a floating-point option.
func Number(name string, value float64) CommandOption {
	return CommandOption{Name: name, Type: discordgo.ApplicationCommandOptionNumber, Value: value}
}

// Bool returns a boolean option.
func Bool(name string, value bool) CommandOption {
	return CommandOption{Name: name, Type: discordgo.ApplicationCommandOptionBoolean, Value: value}
}

// UserOption returns a user option; the user also appears in data.resolved.
func UserOption(name string, u User) CommandOption {
	return CommandOption{Name: name, Type: discordgo.ApplicationCommandOptionUser, Value: u.ID, user: &u}
}

// AttachmentOption returns an attachment option: its value is the
// attachment's ID, and the file (with the URL it is downloaded from)
// appears in data.resolved.
func AttachmentOption(name, filename, contentType string, size int, url string) CommandOption {
	a := ResolvedAttachment{ID: NewSnowflake(), Filename: filename, ContentType: contentType, Size: size, URL: url, ProxyURL: url}
	return CommandOption{Name: name, Type: discordgo.ApplicationCommandOptionAttachment, Value: a.ID, attachment: &a}
}

// Subcommand returns a subcommand with its own options.
func Subcommand(name string, options ...CommandOption) CommandOption {
	return CommandOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: nonNil(options)}
}

// SubcommandGroup returns a subcommand group holding subcommands.
func SubcommandGroup(name string, subcommands ...CommandOption) CommandOption {
	return CommandOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommandGroup, Options: nonNil(subcommands)}
}

// Focused marks o as the option the user is typing in an autocomplete
// interaction. Discord sends the partial input of a focused option as a
// string whatever the option type.
func Focused(o CommandOption) CommandOption {
	o.Focused = true
	if o.Value != nil {
		if _, ok := o.Value.(string); !ok {
			o.Value = fmt.Sprint(o.Value)
		}
	}
	return o
}

func nonNil(o []CommandOption) []CommandOption {
	if o == nil {
		return []CommandOption{}
	}
	return o
}

// SlashCommand returns an APPLICATION_COMMAND interaction for the chat
// input command name, invoked by DefaultUser in DefaultChannelID of
// DefaultGuildID with locale and guild locale DefaultLocale. The command ID
// is derived from the name; the emulator fills ApplicationID on dispatch.
func SlashCommand(name string, options ...CommandOption) *Interaction {
	i := newInteraction(discordgo.InteractionApplicationCommand)
	i.Data = &InteractionData{ID: commandID(name), Name: name, Type: discordgo.ChatApplicationCommand, Options: options}
	i.Data.Resolved = resolve(options)
	return i
}

// Autocomplete returns an APPLICATION_COMMAND_AUTOCOMPLETE interaction; one
// of options should be wrapped in Focused.
func Autocomplete(name string, options ...CommandOption) *Interaction {
	i := SlashCommand(name, options...)
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	return i
}

// ButtonClick returns a MESSAGE_COMPONENT interaction for a click on the
// button customID of msg. A nil msg stands for a bot message in
// DefaultChannelID holding just that button.
func ButtonClick(customID string, msg *Message) *Interaction {
	return component(customID, discordgo.ButtonComponent, msg, nil)
}

// SelectMenu returns a MESSAGE_COMPONENT interaction for a string select
// menu customID on msg (nil as for ButtonClick) with the chosen values.
func SelectMenu(customID string, msg *Message, values ...string) *Interaction {
	if values == nil {
		values = []string{}
	}
	return component(customID, discordgo.SelectMenuComponent, msg, values)
}

func component(customID string, typ discordgo.ComponentType, msg *Message, values []string) *Interaction {
	i := newInteraction(discordgo.InteractionMessageComponent)
	i.Data = &InteractionData{CustomID: customID, ComponentType: typ, Values: values}
	if msg == nil {
		msg = botMessage(DefaultChannelID, DefaultGuildID, customID, typ)
	}
	i.Message = msg
	return i
}

// TextInputValue is one text field of a submitted modal.
type TextInputValue struct {
	CustomID string
	Value    string
}

// ModalSubmit returns a MODAL_SUBMIT interaction for the modal customID,
// each input in its own action row as Discord sends them.
func ModalSubmit(customID string, inputs ...TextInputValue) *Interaction {
	i := newInteraction(discordgo.InteractionModalSubmit)
	rows := []json.RawMessage{}
	for _, in := range inputs {
		rows = append(rows, mustJSON(map[string]any{
			"type": discordgo.ActionsRowComponent,
			"components": []any{map[string]any{
				"type": discordgo.TextInputComponent, "custom_id": in.CustomID, "value": in.Value,
			}},
		}))
	}
	i.Data = &InteractionData{CustomID: customID, Components: rows}
	return i
}

// Ping returns a PING interaction, which Discord only sends to HTTP
// interaction endpoints (to check them) and which must be answered with PONG.
func Ping() *Interaction {
	return &Interaction{
		ID:           NewSnowflake(),
		Type:         discordgo.InteractionPing,
		Token:        newInteractionToken(),
		Version:      1,
		Entitlements: []json.RawMessage{},
		User:         &User{ID: "0", Username: "discord", Discriminator: "0"},
	}
}

func newInteraction(typ discordgo.InteractionType) *Interaction {
	i := &Interaction{
		ID:           NewSnowflake(),
		Type:         typ,
		Token:        newInteractionToken(),
		Version:      1,
		Locale:       DefaultLocale,
		Entitlements: []json.RawMessage{},
		// VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | ATTACH_FILES |
		// READ_MESSAGE_HISTORY | USE_EXTERNAL_EMOJIS, roughly what a bot
		// invited with "Send Messages" gets.
		AppPermissions:      "328565073920",
		AttachmentSizeLimit: 10 << 20,
	}
	return i.InGuild(DefaultGuildID, DefaultChannelID).From(DefaultUser())
}

// InGuild moves i to a text channel of a guild: the invoker becomes a
// member, guild_locale is set and context is GUILD (0).
func (i *Interaction) InGuild(guildID, channelID string) *Interaction {
	u := i.invoker()
	i.GuildID = guildID
	i.ChannelID = channelID
	i.Channel = &Channel{ID: channelID, Type: discordgo.ChannelTypeGuildText, GuildID: guildID, Name: "general", Permissions: "2248473465835073"}
	if i.GuildLocale == "" {
		i.GuildLocale = DefaultLocale
	}
	i.AuthorizingIntegrationOwners = map[string]string{"0": guildID}
	i.Context = intPtr(0)
	i.User = nil
	i.Member = &Member{User: &u, Roles: []string{}, JoinedAt: "2024-01-15T10:00:00.000000+00:00", Permissions: "2248473465835073"}
	return i
}

// InDM moves i to the user's DM channel with the bot: the invoker becomes a
// plain user, there is no guild or guild_locale and context is BOT_DM (1).
func (i *Interaction) InDM(channelID string) *Interaction {
	u := i.invoker()
	i.GuildID = ""
	i.GuildLocale = ""
	i.ChannelID = channelID
	i.Channel = &Channel{ID: channelID, Type: discordgo.ChannelTypeDM}
	i.AuthorizingIntegrationOwners = map[string]string{"0": "0"}
	i.Context = intPtr(1)
	i.Member = nil
	i.User = &u
	return i
}

// From makes u the invoking user.
func (i *Interaction) From(u User) *Interaction {
	if i.Member != nil {
		i.Member.User = &u
		return i
	}
	i.User = &u
	return i
}

// WithLocale sets the invoking user's client locale (a Discord locale such
// as "fr", "es-ES", "pt-BR", "sv-SE", "no").
func (i *Interaction) WithLocale(locale string) *Interaction {
	i.Locale = locale
	return i
}

// WithGuildLocale sets the guild's preferred locale; it is ignored in DMs,
// where Discord sends none.
func (i *Interaction) WithGuildLocale(locale string) *Interaction {
	if i.GuildID != "" {
		i.GuildLocale = locale
	}
	return i
}

// WithRoles sets the invoking member's roles; it is ignored in DMs.
func (i *Interaction) WithRoles(roleIDs ...string) *Interaction {
	if i.Member != nil {
		i.Member.Roles = append([]string{}, roleIDs...)
	}
	return i
}

func (i *Interaction) invoker() User {
	switch {
	case i.Member != nil && i.Member.User != nil:
		return *i.Member.User
	case i.User != nil:
		return *i.User
	}
	return DefaultUser()
}

// resolve fills data.resolved for user options, as Discord does.
func resolve(options []CommandOption) *Resolved {
	var r *Resolved
	var walk func([]CommandOption)
	walk = func(opts []CommandOption) {
		for _, o := range opts {
			if o.attachment != nil {
				if r == nil {
					r = &Resolved{}
				}
				if r.Attachments == nil {
					r.Attachments = map[string]ResolvedAttachment{}
				}
				r.Attachments[o.attachment.ID] = *o.attachment
			}
			if o.user != nil {
				if r == nil {
					r = &Resolved{}
				}
				if r.Users == nil {
					r.Users, r.Members = map[string]User{}, map[string]Member{}
				}
				r.Users[o.user.ID] = *o.user
				r.Members[o.user.ID] = Member{Roles: []string{}, JoinedAt: "2024-01-15T10:00:00.000000+00:00", Permissions: "2248473465835073"}
			}
			walk(o.Options)
		}
	}
	walk(options)
	return r
}

// commandID derives a stable snowflake-looking ID from a command name so
// that interactions built before the bot registers its commands still carry
// a plausible command ID.
func commandID(name string) string {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(name); i++ {
		h ^= uint64(name[i])
		h *= 1099511628211
	}
	return fmt.Sprint(1<<60 | h>>4)
}

// Message is a message object as Discord sends it in MESSAGE_CREATE.
type Message struct {
	ID                string                `json:"id"`
	ChannelID         string                `json:"channel_id"`
	GuildID           string                `json:"guild_id,omitempty"`
	Author            User                  `json:"author"`
	Member            *Member               `json:"member,omitempty"`
	Content           string                `json:"content"`
	Timestamp         string                `json:"timestamp"`
	EditedTimestamp   *string               `json:"edited_timestamp"`
	TTS               bool                  `json:"tts"`
	MentionEveryone   bool                  `json:"mention_everyone"`
	Mentions          []MentionedUser       `json:"mentions"`
	MentionRoles      []string              `json:"mention_roles"`
	Attachments       []json.RawMessage     `json:"attachments"`
	Embeds            []json.RawMessage     `json:"embeds"`
	Components        []json.RawMessage     `json:"components,omitempty"`
	Pinned            bool                  `json:"pinned"`
	Type              discordgo.MessageType `json:"type"`
	Flags             int                   `json:"flags"`
	Nonce             string                `json:"nonce,omitempty"`
	ApplicationID     string                `json:"application_id,omitempty"`
	MessageReference  *MessageReference     `json:"message_reference,omitempty"`
	ReferencedMessage *Message              `json:"referenced_message,omitempty"`
}

// MentionedUser is a user in a message's mentions; in guilds it carries a
// partial member.
type MentionedUser struct {
	User
	Member *Member `json:"member,omitempty"`
}

// MessageReference points a reply at the message it answers.
type MessageReference struct {
	Type      int    `json:"type"`
	MessageID string `json:"message_id"`
	ChannelID string `json:"channel_id"`
	GuildID   string `json:"guild_id,omitempty"`
}

// GuildMessage returns a message by DefaultUser in DefaultChannelID of
// DefaultGuildID. Mentions in content ("<@id>", "<@&id>", "@everyone",
// "@here") become the message's mentions when it is dispatched.
func GuildMessage(content string) *Message {
	m := newMessage(content)
	return m.InGuild(DefaultGuildID, DefaultChannelID)
}

// DirectMessage returns a message by DefaultUser in DefaultDMChannelID, the
// user's DM channel with the bot.
func DirectMessage(content string) *Message {
	m := newMessage(content)
	return m.InDM(DefaultDMChannelID)
}

func newMessage(content string) *Message {
	return &Message{
		ID:           NewSnowflake(),
		Author:       DefaultUser(),
		Content:      content,
		Timestamp:    time.Now().UTC().Format("2006-01-02T15:04:05.000000+00:00"),
		MentionRoles: []string{},
		Attachments:  []json.RawMessage{},
		Embeds:       []json.RawMessage{},
		Type:         discordgo.MessageTypeDefault,
	}
}

// InGuild moves m to channelID of guildID; the author gets a member object.
func (m *Message) InGuild(guildID, channelID string) *Message {
	m.GuildID = guildID
	m.ChannelID = channelID
	if m.Member == nil {
		m.Member = &Member{Roles: []string{}, JoinedAt: "2024-01-15T10:00:00.000000+00:00"}
	}
	return m
}

// InDM moves m to the DM channel channelID.
func (m *Message) InDM(channelID string) *Message {
	m.GuildID = ""
	m.ChannelID = channelID
	m.Member = nil
	return m
}

// From makes u the author of m.
func (m *Message) From(u User) *Message {
	m.Author = u
	return m
}

// Replying turns m into a reply to parent, in parent's channel.
func (m *Message) Replying(parent *Message) *Message {
	m.ChannelID = parent.ChannelID
	m.GuildID = parent.GuildID
	m.Type = discordgo.MessageTypeReply
	m.MessageReference = &MessageReference{MessageID: parent.ID, ChannelID: parent.ChannelID, GuildID: parent.GuildID}
	p := *parent
	p.ReferencedMessage = nil
	m.ReferencedMessage = &p
	return m
}

// Mention returns the content markup that mentions u.
func Mention(u User) string { return "<@" + u.ID + ">" }

// MentionID returns the content markup that mentions the user with this ID,
// for instance the bot: MentionID(DefaultAppID).
func MentionID(userID string) string { return "<@" + userID + ">" }

// MentionRole returns the content markup that mentions a role.
func MentionRole(roleID string) string { return "<@&" + roleID + ">" }

var (
	userMention = regexp.MustCompile(`<@!?(\d+)>`)
	roleMention = regexp.MustCompile(`<@&(\d+)>`)
	everyone    = regexp.MustCompile(`@(everyone|here)\b`)
)

// fillMentions derives mentions, mention_roles and mention_everyone from the
// content, as Discord does when a message is created. known resolves user
// IDs to users; unknown IDs get a placeholder user.
func (m *Message) fillMentions(known func(id string) (User, bool)) {
	m.Mentions = []MentionedUser{}
	seen := map[string]bool{}
	for _, sm := range userMention.FindAllStringSubmatch(m.Content, -1) {
		id := sm[1]
		if seen[id] {
			continue
		}
		seen[id] = true
		u, ok := known(id)
		if !ok {
			u = User{ID: id, Username: "user" + id, Discriminator: "0"}
		}
		mu := MentionedUser{User: u}
		if m.GuildID != "" {
			mu.Member = &Member{Roles: []string{}, JoinedAt: "2024-01-15T10:00:00.000000+00:00"}
		}
		m.Mentions = append(m.Mentions, mu)
	}
	m.MentionRoles = []string{}
	for _, sm := range roleMention.FindAllStringSubmatch(m.Content, -1) {
		m.MentionRoles = append(m.MentionRoles, sm[1])
	}
	m.MentionEveryone = m.GuildID != "" && everyone.MatchString(m.Content)
}

// botMessage is the message a component was attached to when a test does
// not provide one.
func botMessage(channelID, guildID, customID string, typ discordgo.ComponentType) *Message {
	m := newMessage("")
	m.ChannelID = channelID
	m.GuildID = guildID
	m.Author = botUser(DefaultAppID, DefaultBotName)
	m.ApplicationID = DefaultAppID
	m.Mentions = []MentionedUser{}
	child := map[string]any{"type": typ, "custom_id": customID}
	if typ == discordgo.ButtonComponent {
		child["style"] = discordgo.PrimaryButton
		child["label"] = customID
	} else {
		child["options"] = []any{}
	}
	m.Components = []json.RawMessage{mustJSON(map[string]any{"type": discordgo.ActionsRowComponent, "components": []any{child}})}
	return m
}

// ParseInteraction decodes an interaction payload, such as the files in
// bot/testdata/interactions, so it can be dispatched.
func ParseInteraction(b []byte) (*Interaction, error) {
	var i Interaction
	if err := json.Unmarshal(b, &i); err != nil {
		return nil, fmt.Errorf("parse interaction: %w", err)
	}
	if i.ID == "" || i.Token == "" {
		return nil, fmt.Errorf("parse interaction: missing id or token")
	}
	return &i, nil
}

func intPtr(n int) *int { return &n }

// mustJSON marshals values built in this package, which cannot fail.
func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("discordtest: marshal %T: %v", v, err))
	}
	return b
}
