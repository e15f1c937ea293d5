package discordtest_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/bot/discordtest"
)

// testContext bounds every wait of a test; nothing waits by sleeping.
func testContext(t *testing.T) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// echoBot is a minimal bot built the way the real one will be: it answers
// slash commands, autocomplete, buttons and messages through the REST API
// (locales printed with string(): discordgo.Locale.String() returns the
// English name, "French" for "fr"),
// and reports the errors of those calls on errs.
type echoBot struct {
	sess *discordgo.Session
	errs chan error
	// label distinguishes the bots of a multi-session test in replies.
	label string
}

// newEchoBot returns an unopened bot session for srv with the given
// intents; configure may change the session before Open.
func newEchoBot(t *testing.T, srv *discordtest.Server, intents discordgo.Intent, label string) *echoBot {
	t.Helper()
	sess, err := discordgo.New("Bot " + srv.Token())
	if err != nil {
		t.Fatalf("discordgo.New: %v", err)
	}
	sess.Identify.Intents = intents
	b := &echoBot{sess: sess, errs: make(chan error, 100), label: label}
	sess.AddHandler(b.onInteraction)
	sess.AddHandler(b.onMessage)
	return b
}

// openEchoBot opens a bot session and closes it when the test ends.
func openEchoBot(t *testing.T, srv *discordtest.Server, intents discordgo.Intent) *echoBot {
	t.Helper()
	b := newEchoBot(t, srv, intents, "")
	if err := b.sess.Open(); err != nil {
		t.Fatalf("Open() = %v", err)
	}
	t.Cleanup(func() { closeSessions(b) })
	return b
}

// closeSessions closes sessions concurrently: discordgo's Close sleeps a
// whole second whatever the server does.
func closeSessions(bots ...*echoBot) {
	var wg sync.WaitGroup
	for _, b := range bots {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.sess.Close()
		}()
	}
	wg.Wait()
}

func (b *echoBot) report(err error) {
	if err != nil {
		select {
		case b.errs <- err:
		default:
		}
	}
}

// checkErrors fails the test if a REST call of the bot failed.
func (b *echoBot) checkErrors(t *testing.T) {
	t.Helper()
	for {
		select {
		case err := <-b.errs:
			t.Errorf("bot REST call failed: %v", err)
		default:
			return
		}
	}
}

func (b *echoBot) onInteraction(s *discordgo.Session, i *discordgo.InteractionCreate) {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		data := i.ApplicationCommandData()
		var opts []string
		for _, o := range data.Options {
			opts = append(opts, fmt.Sprintf("%s=%v", o.Name, o.Value))
		}
		guildLocale := ""
		if i.GuildLocale != nil {
			guildLocale = string(*i.GuildLocale)
		}
		who := ""
		if i.Member != nil {
			who = "member:" + i.Member.User.ID
		} else if i.User != nil {
			who = "user:" + i.User.ID
		}
		content := fmt.Sprintf("%s%s %s locale=%s guild_locale=%s %s", b.label, data.Name, strings.Join(opts, ","), string(i.Locale), guildLocale, who)
		b.report(s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: content},
		}))
	case discordgo.InteractionApplicationCommandAutocomplete:
		var typed string
		for _, o := range i.ApplicationCommandData().Options {
			if o.Focused {
				typed = o.StringValue()
			}
		}
		b.report(s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{
				{Name: typed + " it happen?", Value: typed + " it happen?"},
			}},
		}))
	case discordgo.InteractionMessageComponent:
		b.report(s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseUpdateMessage,
			Data: &discordgo.InteractionResponseData{Content: "clicked " + i.MessageComponentData().CustomID + " locale=" + string(i.Locale)},
		}))
	}
}

func (b *echoBot) onMessage(s *discordgo.Session, m *discordgo.MessageCreate) {
	if m.Author == nil || m.Author.ID == s.State.User.ID {
		return
	}
	var mentions []string
	for _, u := range m.Mentions {
		mentions = append(mentions, u.ID)
	}
	_, err := s.ChannelMessageSendComplex(m.ChannelID, &discordgo.MessageSend{
		Content:   fmt.Sprintf("%secho %q mentions=%v roles=%v everyone=%v", b.label, m.Content, mentions, m.MentionRoles, m.MentionEveryone),
		Reference: m.Reference(),
	})
	b.report(err)
}

// restError returns the HTTP status and Discord error code of err.
func restError(t *testing.T, err error) (status, code int) {
	t.Helper()
	var rerr *discordgo.RESTError
	if !errors.As(err, &rerr) {
		t.Fatalf("error = %v (%T), want a *discordgo.RESTError", err, err)
	}
	if rerr.Message != nil {
		code = rerr.Message.Code
	}
	return rerr.Response.StatusCode, code
}
