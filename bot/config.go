package bot

import (
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"log/slog"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/qabot/qabot/fetch"
)

// Default settings; each can be changed on a Config after LoadConfig.
const (
	DefaultRatePerMinute    = 20
	DefaultRateBurst        = 5
	DefaultDeferAfter       = 1500 * time.Millisecond
	DefaultHandlerTimeout   = 10 * time.Second
	DefaultShutdownTimeout  = 5 * time.Second
	DefaultMaxQuestionRunes = 500
	DefaultMaxBody          = 64 << 10
	DefaultRateLimiterUsers = 10000
	DefaultQueueWait        = 5 * time.Second
	DefaultRegisterRetry    = time.Second
	DefaultRegisterRetryMax = 5 * time.Minute
)

// A Secret is a string that never prints: fmt, slog and encoders see
// "[redacted]". Convert it with string() where the value is needed.
type Secret string

const redacted = "[redacted]"

func (Secret) String() string               { return redacted }
func (Secret) GoString() string             { return redacted }
func (Secret) LogValue() slog.Value         { return slog.StringValue(redacted) }
func (Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }

// Config is what the Discord front end needs to run. LoadConfig reads it
// from the environment; the fields below the environment ones have
// working defaults and exist so that tests and the CLI can tune them.
type Config struct {
	Token     Secret            // DISCORD_TOKEN, without the "Bot " prefix
	AppID     string            // DISCORD_APP_ID; also the bot user's ID
	GuildID   string            // DISCORD_GUILD_ID: register commands in this guild only (instant, for development)
	PublicKey ed25519.PublicKey // DISCORD_PUBLIC_KEY (hex): verifies HTTP interactions
	// Channels (QABOT_CHANNELS) are channel IDs where the bot answers every
	// message, not only mentions. They need the privileged MESSAGE_CONTENT
	// intent.
	Channels []string
	// Chat (QABOT_CHAT) answers mentions and direct messages. LoadConfig
	// turns it on unless QABOT_CHAT=false; a Config built by hand has it
	// off.
	Chat bool
	// ShardID and ShardCount (SHARD_ID, SHARD_COUNT) are Discord's
	// sharding: this process receives the guilds with
	// (guild_id >> 22) % ShardCount == ShardID, and DMs when ShardID is 0.
	ShardID, ShardCount int

	// RatePerMinute and RateBurst (QABOT_RATE_PER_MINUTE, QABOT_RATE_BURST)
	// are each user's token bucket: RateBurst questions at once, refilled
	// at RatePerMinute.
	RatePerMinute float64
	RateBurst     int
	// RateLimiterUsers bounds the users whose buckets are remembered; the
	// least recently seen is forgotten first.
	RateLimiterUsers int

	// DeferAfter is how long an interaction waits for its answer before
	// the bot defers the response (Discord allows 3 seconds).
	DeferAfter time.Duration
	// HandlerTimeout bounds each command.
	HandlerTimeout time.Duration
	// ShutdownTimeout is how long in-flight handlers may finish after the
	// context of Serve is done.
	ShutdownTimeout time.Duration
	// MaxQuestionRunes refuses longer questions before they reach the
	// handler.
	MaxQuestionRunes int
	// MaxBody caps the body of an HTTP interaction.
	MaxBody int64
	// Now is the clock of rate limits and signature timestamps; nil means
	// time.Now.
	Now func() time.Time
	// MaxConcurrent (QABOT_MAX_CONCURRENT) bounds the answers computed at
	// once; default the number of CPUs Go uses. MaxQueued (QABOT_QUEUE)
	// more wait for one of them, each at most QueueWait; past that the
	// user is told the bot is busy and to try again. Default 32 per
	// MaxConcurrent and 5 s.
	MaxConcurrent, MaxQueued int
	QueueWait                time.Duration
	// RegisterRetry and RegisterRetryMax are the first and the longest
	// wait between attempts to register the commands in the background
	// (RegisterInBackground); the wait doubles in between.
	RegisterRetry, RegisterRetryMax time.Duration

	// AdminRoles (QABOT_ADMIN_ROLE) are role IDs whose members may add and
	// remove articles, besides those with the Manage Server permission.
	AdminRoles []string
	// Votes puts 👍/👎 buttons under every answer; the handler must serve
	// command.Feedback (package library does).
	Votes bool
	// Fetcher downloads the files attached to /article add; nil refuses
	// attachments.
	Fetcher *fetch.Fetcher
}

// LoadConfig reads the configuration from getenv (os.Getenv, or a map in
// tests). A missing or malformed setting gives an error that names the
// variable; the error never contains the token.
func LoadConfig(getenv func(string) string) (Config, error) {
	return loadConfig(getenv, true)
}

// LoadHTTPConfig reads the configuration of the HTTP interactions
// endpoint. DISCORD_PUBLIC_KEY is required. DISCORD_TOKEN and
// DISCORD_APP_ID are required only when register is true: answering
// needs neither, since interactions carry their application ID and
// deferred answers are completed with the interaction's own token.
func LoadHTTPConfig(getenv func(string) string, register bool) (Config, error) {
	c, err := loadConfig(getenv, register)
	if err != nil {
		return Config{}, err
	}
	if err := c.ValidateHTTP(); err != nil {
		return Config{}, err
	}
	return c, nil
}

func loadConfig(getenv func(string) string, needToken bool) (Config, error) {
	c := Config{
		Chat:             true,
		ShardCount:       1,
		RatePerMinute:    DefaultRatePerMinute,
		RateBurst:        DefaultRateBurst,
		RateLimiterUsers: DefaultRateLimiterUsers,
		DeferAfter:       DefaultDeferAfter,
		HandlerTimeout:   DefaultHandlerTimeout,
		ShutdownTimeout:  DefaultShutdownTimeout,
		MaxQuestionRunes: DefaultMaxQuestionRunes,
		MaxBody:          DefaultMaxBody,
	}
	env := func(name string) string { return strings.TrimSpace(getenv(name)) }

	token := env("DISCORD_TOKEN")
	token = strings.TrimSpace(strings.TrimPrefix(token, "Bot "))
	switch {
	case token == "" && !needToken:
	case token == "":
		return Config{}, fmt.Errorf("DISCORD_TOKEN is not set: copy the bot token from the developer portal (Bot page)")
	case strings.ContainsAny(token, " \t\r\n"):
		return Config{}, fmt.Errorf("DISCORD_TOKEN is malformed: it contains white space")
	}
	c.Token = Secret(token)

	c.AppID = env("DISCORD_APP_ID")
	if c.AppID == "" && needToken {
		return Config{}, fmt.Errorf("DISCORD_APP_ID is not set: copy the application ID from the developer portal (General Information page)")
	}
	if c.AppID != "" && !isSnowflake(c.AppID) {
		return Config{}, fmt.Errorf("DISCORD_APP_ID is malformed: want a numeric ID, got %q", clip(c.AppID))
	}
	c.GuildID = env("DISCORD_GUILD_ID")
	if c.GuildID != "" && !isSnowflake(c.GuildID) {
		return Config{}, fmt.Errorf("DISCORD_GUILD_ID is malformed: want a numeric ID, got %q", clip(c.GuildID))
	}
	if s := env("DISCORD_PUBLIC_KEY"); s != "" {
		key, err := hex.DecodeString(s)
		if err != nil || len(key) != ed25519.PublicKeySize {
			return Config{}, fmt.Errorf("DISCORD_PUBLIC_KEY is malformed: want %d hex digits", 2*ed25519.PublicKeySize)
		}
		c.PublicKey = ed25519.PublicKey(key)
	}
	if s := env("QABOT_CHANNELS"); s != "" {
		for _, id := range strings.Split(s, ",") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			if !isSnowflake(id) {
				return Config{}, fmt.Errorf("QABOT_CHANNELS is malformed: want comma-separated channel IDs, got %q", clip(id))
			}
			c.Channels = append(c.Channels, id)
		}
	}
	if s := env("QABOT_CHAT"); s != "" {
		v, err := strconv.ParseBool(s)
		if err != nil {
			return Config{}, fmt.Errorf("QABOT_CHAT is malformed: want true or false, got %q", clip(s))
		}
		c.Chat = v
	}
	var err error
	if c.ShardID, err = intVar(env, "SHARD_ID", 0); err != nil {
		return Config{}, err
	}
	if c.ShardCount, err = intVar(env, "SHARD_COUNT", 1); err != nil {
		return Config{}, err
	}
	switch {
	case c.ShardCount < 1:
		return Config{}, fmt.Errorf("SHARD_COUNT is malformed: want 1 or more, got %d", c.ShardCount)
	case c.ShardID < 0 || c.ShardID >= c.ShardCount:
		return Config{}, fmt.Errorf("SHARD_ID is malformed: want 0 to %d (SHARD_COUNT-1), got %d", c.ShardCount-1, c.ShardID)
	}
	if s := env("QABOT_RATE_PER_MINUTE"); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || v <= 0 || v > 1e6 {
			return Config{}, fmt.Errorf("QABOT_RATE_PER_MINUTE is malformed: want a positive number, got %q", clip(s))
		}
		c.RatePerMinute = v
	}
	if c.RateBurst, err = intVar(env, "QABOT_RATE_BURST", DefaultRateBurst); err != nil {
		return Config{}, err
	}
	if c.RateBurst < 1 {
		return Config{}, fmt.Errorf("QABOT_RATE_BURST is malformed: want 1 or more, got %d", c.RateBurst)
	}
	if c.MaxConcurrent, err = intVar(env, "QABOT_MAX_CONCURRENT", 0); err != nil {
		return Config{}, err
	}
	if c.MaxConcurrent < 0 {
		return Config{}, fmt.Errorf("QABOT_MAX_CONCURRENT is malformed: want 0 (the default) or more, got %d", c.MaxConcurrent)
	}
	if c.MaxQueued, err = intVar(env, "QABOT_QUEUE", 0); err != nil {
		return Config{}, err
	}
	if c.MaxQueued < 0 {
		return Config{}, fmt.Errorf("QABOT_QUEUE is malformed: want 0 (the default) or more, got %d", c.MaxQueued)
	}
	if s := env("QABOT_ADMIN_ROLE"); s != "" {
		for _, id := range strings.Split(s, ",") {
			id = strings.TrimSpace(id)
			if id == "" {
				continue
			}
			if !isSnowflake(id) {
				return Config{}, fmt.Errorf("QABOT_ADMIN_ROLE is malformed: want comma-separated role IDs, got %q", clip(id))
			}
			c.AdminRoles = append(c.AdminRoles, id)
		}
	}
	return c, nil
}

// ValidateHTTP reports what the HTTP interactions endpoint lacks.
func (c Config) ValidateHTTP() error {
	if len(c.PublicKey) != ed25519.PublicKeySize {
		return fmt.Errorf("DISCORD_PUBLIC_KEY is not set: serve-http verifies Discord's signatures with it (developer portal, General Information page)")
	}
	return nil
}

func intVar(env func(string) string, name string, def int) (int, error) {
	s := env(name)
	if s == "" {
		return def, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("%s is malformed: want an integer, got %q", name, clip(s))
	}
	return v, nil
}

// clip keeps error messages short when a variable holds something huge.
func clip(s string) string {
	const n = 40
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func isSnowflake(s string) bool {
	if len(s) == 0 || len(s) > 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Intents returns the gateway intents the configuration needs, and no
// more. Interactions (slash commands, autocomplete, buttons) arrive
// whatever the intents, so a bot that only serves slash commands needs
// none. Mentions in guild channels need GUILD_MESSAGES and DMs need
// DIRECT_MESSAGES; both carry their content without the privileged
// MESSAGE_CONTENT intent, because Discord always shows a bot the content
// of messages that mention it and of DMs. Answering every message of an
// allow-listed channel needs MESSAGE_CONTENT, which must also be enabled
// on the developer portal's Bot page, or the gateway closes with 4014.
func (c Config) Intents() discordgo.Intent {
	var in discordgo.Intent
	if c.Chat {
		in |= discordgo.IntentGuildMessages | discordgo.IntentDirectMessages
	}
	if len(c.Channels) > 0 {
		in |= discordgo.IntentGuildMessages | discordgo.IntentMessageContent
	}
	return in
}

// String describes the configuration with the token redacted.
func (c Config) String() string {
	return fmt.Sprintf("Config{AppID: %s, GuildID: %q, Token: %s, PublicKey: %t, Channels: %v, Chat: %t, Shard: %d/%d, Rate: %g/min burst %d}",
		c.AppID, c.GuildID, c.Token, len(c.PublicKey) > 0, c.Channels, c.Chat, c.ShardID, c.ShardCount, c.RatePerMinute, c.RateBurst)
}

// GoString is String, so that %#v does not print the token either.
func (c Config) GoString() string { return c.String() }

// LogValue logs the configuration with the token redacted.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("app_id", c.AppID),
		slog.String("guild_id", c.GuildID),
		slog.String("token", redacted),
		slog.Bool("public_key", len(c.PublicKey) > 0),
		slog.Any("channels", c.Channels),
		slog.Bool("chat", c.Chat),
		slog.Int("shard_id", c.ShardID),
		slog.Int("shard_count", c.ShardCount),
		slog.Float64("rate_per_minute", c.RatePerMinute),
		slog.Int("rate_burst", c.RateBurst),
	)
}

// withDefaults fills the zero tuning fields of a Config built by hand.
func (c Config) withDefaults() Config {
	if c.ShardCount < 1 {
		c.ShardCount = 1
	}
	if c.RatePerMinute <= 0 {
		c.RatePerMinute = DefaultRatePerMinute
	}
	if c.RateBurst < 1 {
		c.RateBurst = DefaultRateBurst
	}
	if c.RateLimiterUsers < 1 {
		c.RateLimiterUsers = DefaultRateLimiterUsers
	}
	if c.DeferAfter <= 0 {
		c.DeferAfter = DefaultDeferAfter
	}
	if c.HandlerTimeout <= 0 {
		c.HandlerTimeout = DefaultHandlerTimeout
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = DefaultShutdownTimeout
	}
	if c.MaxQuestionRunes <= 0 {
		c.MaxQuestionRunes = DefaultMaxQuestionRunes
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.MaxConcurrent <= 0 {
		c.MaxConcurrent = runtime.GOMAXPROCS(0)
	}
	if c.MaxQueued <= 0 {
		c.MaxQueued = 32 * c.MaxConcurrent
	}
	if c.QueueWait <= 0 {
		c.QueueWait = DefaultQueueWait
	}
	if c.RegisterRetry <= 0 {
		c.RegisterRetry = DefaultRegisterRetry
	}
	if c.RegisterRetryMax < c.RegisterRetry {
		c.RegisterRetryMax = max(DefaultRegisterRetryMax, c.RegisterRetry)
	}
	return c
}
