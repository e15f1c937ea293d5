package bot_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/bot"
	"github.com/qabot/qabot/bot/discordtest"
)

func registerConfig(srv *discordtest.Server) bot.Config {
	return bot.Config{Token: bot.Secret(srv.Token()), AppID: srv.AppID(), GuildID: discordtest.DefaultGuildID,
		RegisterRetry: 5 * time.Millisecond, RegisterRetryMax: 20 * time.Millisecond}
}

// TestRegisterInBackgroundRetries makes Discord fail the first attempts
// the way an outage does: registration keeps trying, logs each failure,
// and the commands are there in the end.
func TestRegisterInBackgroundRetries(t *testing.T) {
	_, langs := mustWorld(t)
	srv := discordtest.Start(t, discordtest.Options{})
	srv.InjectFault(discordtest.Fault{Route: discordtest.RouteOverwriteGuildCommands, Status: http.StatusInternalServerError, Times: 3})
	logs := newLogSink()
	select {
	case err := <-bot.RegisterInBackground(testContext(t), registerConfig(srv), langs, logs.logger()):
		if err != nil {
			t.Fatalf("RegisterInBackground: %v\nlogs:\n%s", err, logs)
		}
	case <-testContext(t).Done():
		t.Fatalf("registration never finished\nlogs:\n%s", logs)
	}
	if got, want := len(srv.Commands(discordtest.DefaultGuildID)), len(bot.Commands(langs, 0)); got != want {
		t.Errorf("%d commands registered, want %d", got, want)
	}
	out := logs.String()
	if n := strings.Count(out, "slash commands not registered yet; retrying"); n != 3 {
		t.Errorf("logged %d retries, want 3:\n%s", n, out)
	}
	if !strings.Contains(out, "slash commands registered") || !strings.Contains(out, "attempt=4") {
		t.Errorf("logs do not say the fourth attempt registered the commands:\n%s", out)
	}
	if strings.Contains(out, srv.Token()) {
		t.Errorf("logs hold the token:\n%s", out)
	}
}

// TestRegisterInBackgroundNetworkDown registers against a Discord that
// is not there: every attempt fails until the context ends.
func TestRegisterInBackgroundNetworkDown(t *testing.T) {
	_, langs := mustWorld(t)
	srv := discordtest.Start(t, discordtest.Options{})
	srv.Close()
	logs := newLogSink()
	ctx, cancel := context.WithCancel(context.Background())
	done := bot.RegisterInBackground(ctx, registerConfig(srv), langs, logs.logger())
	if err := logs.waitFor(testContext(t), "retrying", "attempt=3"); err != nil {
		t.Fatalf("%v\nlogs:\n%s", err, logs)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("RegisterInBackground after cancel = %v, want %v", err, context.Canceled)
	}
	if _, open := <-done; open {
		t.Error("the outcome channel is not closed")
	}
}

// TestRegisterInBackgroundWrongToken gives up at once on a refusal that
// retrying cannot change, and says what to check.
func TestRegisterInBackgroundWrongToken(t *testing.T) {
	_, langs := mustWorld(t)
	srv := discordtest.Start(t, discordtest.Options{})
	cfg := registerConfig(srv)
	cfg.Token = "not-the-token-secret"
	logs := newLogSink()
	err := <-bot.RegisterInBackground(testContext(t), cfg, langs, logs.logger())
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Response.StatusCode != http.StatusUnauthorized {
		t.Fatalf("RegisterInBackground with a wrong token = %v, want a 401", err)
	}
	out := logs.String()
	if !strings.Contains(out, "retrying cannot help: check DISCORD_TOKEN") || strings.Contains(out, "retrying\"") {
		t.Errorf("logs do not say to check the token, or say it retries:\n%s", out)
	}
	if strings.Contains(out, string(cfg.Token)) {
		t.Errorf("logs hold the token:\n%s", out)
	}
}
