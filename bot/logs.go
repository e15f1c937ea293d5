package bot

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/internal/redact"
)

// safeLogger returns log with secrets redacted: the bot token, interaction
// tokens and the webhook URLs that carry them, which discordgo's errors
// quote ("Patch \\"https://discord.com/api/v10/webhooks/<app>/<token>/...").
// A nil log discards everything. discordgo's own log lines go to the
// latest such logger rather than to the standard logger unredacted.
func safeLogger(log *slog.Logger, cfg Config) *slog.Logger {
	if log == nil {
		return slog.New(slog.DiscardHandler)
	}
	if h, ok := log.Handler().(*redactingHandler); ok && h.token == cfg.Token {
		return log
	}
	secrets := &redact.Secrets{}
	secrets.Add(string(cfg.Token))
	log = slog.New(&redactingHandler{Handler: redact.NewHandler(log.Handler(), secrets), token: cfg.Token})
	discordgoLog.Store(log)
	discordgo.Logger = logDiscordgo
	return log
}

// redactingHandler remembers which token it redacts, so that a logger is
// not wrapped twice for the same configuration.
type redactingHandler struct {
	*redact.Handler
	token Secret
}

var discordgoLog atomic.Pointer[slog.Logger]

// logDiscordgo is discordgo.Logger: discordgo's messages, redacted.
func logDiscordgo(msgL, caller int, format string, a ...any) {
	log := discordgoLog.Load()
	if log == nil {
		return
	}
	level := slog.LevelDebug
	switch msgL {
	case discordgo.LogError:
		level = slog.LevelError
	case discordgo.LogWarning:
		level = slog.LevelWarn
	case discordgo.LogInformational:
		level = slog.LevelInfo
	}
	log.Log(context.Background(), level, "discordgo: "+fmt.Sprintf(format, a...))
}
