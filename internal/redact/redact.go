// Package redact keeps secrets out of logs: a slog.Handler that replaces
// the values of secret-named attributes, the tokens of Discord webhook and
// interaction URLs, strings shaped like Discord tokens, and any exact
// secret it is given, before the record reaches the handler that writes
// it. Errors and other values are redacted through their text, since an
// HTTP client's error quotes the URL it failed to reach, token included.
package redact

import (
	"context"
	"fmt"
	"log/slog"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// Mask replaces what is redacted.
const Mask = "[redacted]"

// secretKeys are attribute-name fragments whose values are never logged,
// whatever they look like.
var secretKeys = []string{"token", "secret", "password", "authorization", "webhook", "api_key", "apikey"}

// patterns find secrets inside text. Each keeps its first group and masks
// the rest of the match.
var patterns = []*regexp.Regexp{
	// Webhook routes carry the interaction token (or a webhook's own
	// token) after the application or webhook ID.
	regexp.MustCompile(`(/webhooks/[^/\s"']+/)[^/\s"'?#]+`),
	// The callback route carries it after the interaction ID.
	regexp.MustCompile(`(/interactions/[^/\s"']+/)[^/\s"'?#]+`),
	// Discord's interaction tokens begin with base64 of "interaction:".
	regexp.MustCompile(`()aW50ZXJhY3Rpb24[A-Za-z0-9_\-+/=.]*`),
	// Bot tokens: base64 user ID, timestamp and HMAC, joined by dots.
	regexp.MustCompile(`()[A-Za-z0-9_\-]{20,}\.[A-Za-z0-9_\-]{6,}\.[A-Za-z0-9_\-]{20,}`),
	// An Authorization header's value as written in a dump or an error.
	regexp.MustCompile(`(\b(?:Bot|Bearer)\s+)[A-Za-z0-9_\-.=+/]{20,}`),
}

// Secrets is a set of exact strings to redact, which may grow after the
// handler is made (the bot token is known once the configuration is
// read). The zero value is empty and ready; it is safe for concurrent use.
type Secrets struct {
	mu     sync.RWMutex
	values []string
}

// Add adds secrets; strings shorter than 6 bytes are ignored, since
// masking them would mangle ordinary text.
func (s *Secrets) Add(secrets ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, v := range secrets {
		if len(v) >= 6 && !slices.Contains(s.values, v) {
			s.values = append(s.values, v)
		}
	}
	// Longest first, so that a secret containing another is masked whole.
	slices.SortFunc(s.values, func(a, b string) int { return len(b) - len(a) })
}

func (s *Secrets) replace(text string) string {
	if s == nil {
		return text
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, v := range s.values {
		if strings.Contains(text, v) {
			text = strings.ReplaceAll(text, v, Mask)
		}
	}
	return text
}

// String returns text with every secret it holds masked: exact secrets
// of s (which may be nil) and the patterns above.
func String(text string, s *Secrets) string {
	text = s.replace(text)
	for _, re := range patterns {
		if re.MatchString(text) {
			text = re.ReplaceAllString(text, "${1}"+Mask)
		}
	}
	return text
}

// secretKey reports whether an attribute of that name holds a secret.
func secretKey(key string) bool {
	key = strings.ToLower(key)
	for _, k := range secretKeys {
		if strings.Contains(key, k) {
			return true
		}
	}
	return false
}

// A Handler redacts records and passes them to the next handler.
type Handler struct {
	next    slog.Handler
	secrets *Secrets
}

// NewHandler returns a handler that redacts what it is given before next
// sees it. secrets may be nil.
func NewHandler(next slog.Handler, secrets *Secrets) *Handler {
	if h, ok := next.(*Handler); ok && h.secrets == secrets {
		return h
	}
	return &Handler{next: next, secrets: secrets}
}

// Enabled implements slog.Handler.
func (h *Handler) Enabled(ctx context.Context, l slog.Level) bool { return h.next.Enabled(ctx, l) }

// Handle implements slog.Handler.
func (h *Handler) Handle(ctx context.Context, r slog.Record) error {
	out := slog.NewRecord(r.Time, r.Level, String(r.Message, h.secrets), r.PC)
	r.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(h.attr(a))
		return true
	})
	return h.next.Handle(ctx, out)
}

// WithAttrs implements slog.Handler.
func (h *Handler) WithAttrs(attrs []slog.Attr) slog.Handler {
	red := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		red[i] = h.attr(a)
	}
	return &Handler{next: h.next.WithAttrs(red), secrets: h.secrets}
}

// WithGroup implements slog.Handler.
func (h *Handler) WithGroup(name string) slog.Handler {
	return &Handler{next: h.next.WithGroup(name), secrets: h.secrets}
}

func (h *Handler) attr(a slog.Attr) slog.Attr {
	a.Value = a.Value.Resolve()
	if secretKey(a.Key) && !(a.Value.Kind() == slog.KindString && a.Value.String() == Mask) {
		if a.Value.Kind() == slog.KindBool {
			return a // "token: true" says whether one is set, not what it is
		}
		return slog.String(a.Key, Mask)
	}
	switch a.Value.Kind() {
	case slog.KindString:
		return slog.String(a.Key, String(a.Value.String(), h.secrets))
	case slog.KindGroup:
		group := a.Value.Group()
		red := make([]slog.Attr, len(group))
		for i, g := range group {
			red[i] = h.attr(g)
		}
		return slog.Attr{Key: a.Key, Value: slog.GroupValue(red...)}
	case slog.KindAny:
		// Errors, Stringers and structs print through fmt: redact the text
		// they would print.
		var text string
		switch v := a.Value.Any().(type) {
		case error:
			text = v.Error()
		case fmt.Stringer:
			text = v.String()
		case []byte:
			text = string(v)
		default:
			text = fmt.Sprintf("%+v", v)
		}
		return slog.String(a.Key, String(text, h.secrets))
	}
	return a
}
