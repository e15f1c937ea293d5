package discordtest

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Signer signs interaction requests the way Discord signs the POSTs it
// sends to an application's interactions endpoint: X-Signature-Ed25519 is
// hex(ed25519.Sign(key, timestamp + body)) and X-Signature-Timestamp the
// Unix time in seconds.
type Signer struct {
	Public  ed25519.PublicKey
	Private ed25519.PrivateKey
	// Now stamps requests; default time.Now. Tests of replay protection
	// set it to an old time.
	Now func() time.Time
}

// NewSigner returns a signer with a fresh random key pair.
func NewSigner() (*Signer, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("generate ed25519 key: %w", err)
	}
	return &Signer{Public: pub, Private: priv}, nil
}

// NewSignerFromSeed returns a signer whose key pair is derived from a
// 32-byte seed, for reproducible tests and golden files.
func NewSignerFromSeed(seed []byte) (*Signer, error) {
	if len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("ed25519 seed: got %d bytes, want %d", len(seed), ed25519.SeedSize)
	}
	priv := ed25519.NewKeyFromSeed(seed)
	return &Signer{Public: priv.Public().(ed25519.PublicKey), Private: priv}, nil
}

// PublicKeyHex is the application's public key as the developer portal
// shows it and as the bot is configured with it.
func (g *Signer) PublicKeyHex() string { return hex.EncodeToString(g.Public) }

// Timestamp returns the X-Signature-Timestamp value for now.
func (g *Signer) Timestamp() string {
	now := time.Now
	if g.Now != nil {
		now = g.Now
	}
	return strconv.FormatInt(now().Unix(), 10)
}

// Sign returns the hex signature of timestamp+body.
func (g *Signer) Sign(timestamp string, body []byte) string {
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(append(msg, timestamp...), body...)
	return hex.EncodeToString(ed25519.Sign(g.Private, msg))
}

// SignRequest sets the signature headers of req for body, which must be
// the exact bytes req sends.
func (g *Signer) SignRequest(req *http.Request, body []byte) {
	ts := g.Timestamp()
	req.Header.Set("X-Signature-Timestamp", ts)
	req.Header.Set("X-Signature-Ed25519", g.Sign(ts, body))
}

// NewRequest builds a signed POST of body to an interactions endpoint, with
// the headers Discord sends.
func (g *Signer) NewRequest(ctx context.Context, url string, body []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("new interaction request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)")
	g.SignRequest(req, body)
	return req, nil
}
