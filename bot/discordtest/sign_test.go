package discordtest_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/bot/discordtest"
)

// TestSignerMatchesDiscordgo checks signatures against discordgo's own
// verifier, which implements Discord's documented scheme.
func TestSignerMatchesDiscordgo(t *testing.T) {
	signer, err := discordtest.NewSigner()
	if err != nil {
		t.Fatal(err)
	}
	body := []byte(`{"type":1}`)
	tests := []struct {
		name   string
		tamper func(req *bytesRequest)
		want   bool
	}{
		{"signed", func(*bytesRequest) {}, true},
		{"body changed", func(r *bytesRequest) { r.body = []byte(`{"type":2}`) }, false},
		{"timestamp changed", func(r *bytesRequest) { r.timestamp = "1" }, false},
		{"signature missing", func(r *bytesRequest) { r.signature = "" }, false},
		{"other key", func(r *bytesRequest) {
			other, _ := discordtest.NewSigner()
			r.signature = other.Sign(r.timestamp, r.body)
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := signer.NewRequest(context.Background(), "http://bot.invalid/interactions", body)
			if err != nil {
				t.Fatal(err)
			}
			br := &bytesRequest{body: body, timestamp: req.Header.Get("X-Signature-Timestamp"), signature: req.Header.Get("X-Signature-Ed25519")}
			tt.tamper(br)
			req.Header.Set("X-Signature-Timestamp", br.timestamp)
			req.Header.Set("X-Signature-Ed25519", br.signature)
			req.Body = nopCloser{bytes.NewReader(br.body)}
			if got := discordgo.VerifyInteraction(req, signer.Public); got != tt.want {
				t.Errorf("VerifyInteraction() = %v, want %v", got, tt.want)
			}
		})
	}
}

type bytesRequest struct {
	body                 []byte
	timestamp, signature string
}

type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

func TestSignerFromSeed(t *testing.T) {
	seed := bytes.Repeat([]byte{7}, 32)
	a, err := discordtest.NewSignerFromSeed(seed)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := discordtest.NewSignerFromSeed(seed)
	if a.PublicKeyHex() != b.PublicKeyHex() || a.Sign("1", []byte("x")) != b.Sign("1", []byte("x")) {
		t.Error("signers from the same seed differ")
	}
	if k, err := hex.DecodeString(a.PublicKeyHex()); err != nil || len(k) != 32 {
		t.Errorf("PublicKeyHex() = %q, want 64 hex digits", a.PublicKeyHex())
	}
	if _, err := discordtest.NewSignerFromSeed([]byte("short")); err == nil {
		t.Error("NewSignerFromSeed(short) = nil error, want one")
	}
	a.Now = func() time.Time { return time.Unix(1700000000, 0) }
	if got := a.Timestamp(); got != "1700000000" {
		t.Errorf("Timestamp() = %q, want %q", got, "1700000000")
	}
}

// TestApplicationVerifyKey checks that the application's verify_key is the
// server signer's public key, so HTTP tests and REST agree.
func TestApplicationVerifyKey(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	sess, _ := discordgo.New("Bot " + srv.Token())
	app, err := sess.Application("@me")
	if err != nil {
		t.Fatal(err)
	}
	if app.VerifyKey != srv.Signer().PublicKeyHex() || app.ID != srv.AppID() {
		t.Errorf("Application(@me) = id %s verify_key %s, want %s %s", app.ID, app.VerifyKey, srv.AppID(), srv.Signer().PublicKeyHex())
	}
}
