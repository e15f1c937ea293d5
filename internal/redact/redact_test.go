package redact_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"testing"

	"github.com/qabot/qabot/internal/redact"
)

// Invented secrets, shaped like Discord's.
const (
	botToken         = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GhJk9a.abcdefghijklmnopqrstuvwxyz0123456789AB"
	interactionToken = "aW50ZXJhY3Rpb246MTEwMDAwMDAwMDAwMDAwMDAwMTpzZWNyZXQ"
	plainSecret      = "MTA-secret-value-from-dotenv"
)

func TestString(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"webhook edit", `Patch "https://discord.com/api/v10/webhooks/1100000000000000001/opaque-token-123/messages/@original": context deadline exceeded`,
			`Patch "https://discord.com/api/v10/webhooks/1100000000000000001/[redacted]/messages/@original": context deadline exceeded`},
		{"followup", "POST http://127.0.0.1:4000/api/v10/webhooks/11/tok3n?wait=true", "POST http://127.0.0.1:4000/api/v10/webhooks/11/[redacted]?wait=true"},
		{"callback", "/api/v10/interactions/123456/some-token/callback", "/api/v10/interactions/123456/[redacted]/callback"},
		{"interaction token alone", "token " + interactionToken + " expired", "token [redacted] expired"},
		{"bot token alone", "identify with " + botToken, "identify with [redacted]"},
		{"authorization header", "Authorization: Bot " + strings.Repeat("x", 30), "Authorization: Bot [redacted]"},
		{"ordinary text", "bot shutting down: Bot is ready, 3 handlers", "bot shutting down: Bot is ready, 3 handlers"},
		{"our own route", "POST /interactions", "POST /interactions"},
	}
	for _, tt := range tests {
		if got := redact.String(tt.in, nil); got != tt.want {
			t.Errorf("String(%s: %q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
	var s redact.Secrets
	s.Add(plainSecret, "short")
	if got := redact.String("read "+plainSecret+" short", &s); got != "read [redacted] short" {
		t.Errorf("String with secret %q = %q, want it masked and short words kept", plainSecret, got)
	}
}

type creds struct {
	User  string
	Token string
}

type stringer struct{ s string }

func (s stringer) String() string { return s.s }

type valuer struct{}

func (valuer) LogValue() slog.Value {
	return slog.GroupValue(slog.String("url", "/webhooks/1/"+interactionToken), slog.Int("n", 3))
}

// TestHandler logs secrets every way a program might, through a text and a
// JSON handler, and checks none reaches the output.
func TestHandler(t *testing.T) {
	webhookURL := "https://discord.com/api/v10/webhooks/1100000000000000001/" + interactionToken
	urlErr := &url.Error{Op: "Patch", URL: webhookURL + "/messages/@original", Err: errors.New("connection refused")}
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			var next slog.Handler = slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})
			if format == "json" {
				next = slog.NewJSONHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})
			}
			secrets := &redact.Secrets{}
			log := slog.New(redact.NewHandler(next, secrets))
			secrets.Add(plainSecret) // known after the handler was made
			log.Error("discord call failed", "err", urlErr)
			log.Warn("config", "token", plainSecret, "Authorization", "Bot "+botToken, "has_token", true)
			log.Info("request "+webhookURL, "url", webhookURL)
			log.Info("struct", "creds", creds{User: "u", Token: plainSecret}, "ptr", &creds{Token: interactionToken})
			log.Info("stringer", "s", stringer{webhookURL}, "bytes", []byte(botToken), "err", fmt.Errorf("wrapped: %w", urlErr))
			log.Info("valuer", "v", valuer{})
			log.With("webhook", webhookURL, "token", interactionToken).WithGroup("g").Info("with", "inner", plainSecret)
			out := buf.String()
			for _, secret := range []string{botToken, interactionToken, plainSecret} {
				if strings.Contains(out, secret) {
					t.Errorf("log output holds the secret %q:\n%s", secret, out)
				}
			}
			for _, keep := range []string{"discord call failed", "connection refused", "/webhooks/1100000000000000001/[redacted]", "has_token", "inner"} {
				if !strings.Contains(out, keep) {
					t.Errorf("log output lost %q:\n%s", keep, out)
				}
			}
		})
	}
}

func TestHandlerEnabled(t *testing.T) {
	h := redact.NewHandler(slog.NewTextHandler(&bytes.Buffer{}, &slog.HandlerOptions{Level: slog.LevelWarn}), nil)
	if h.Enabled(t.Context(), slog.LevelInfo) || !h.Enabled(t.Context(), slog.LevelError) {
		t.Error("Enabled does not follow the next handler's level")
	}
}
