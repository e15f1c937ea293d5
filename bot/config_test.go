package bot

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

const testToken = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.secret-token-value"

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestLoadConfig(t *testing.T) {
	key := strings.Repeat("ab", ed25519.PublicKeySize)
	base := map[string]string{"DISCORD_TOKEN": testToken, "DISCORD_APP_ID": "1100000000000000001"}
	with := func(kv ...string) map[string]string {
		m := map[string]string{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	keyBytes, _ := hex.DecodeString(key)
	tests := []struct {
		name    string
		vars    map[string]string
		want    Config
		wantVar string // the variable the error must name; "" for no error
	}{
		{name: "minimal", vars: base, want: Config{Token: testToken, AppID: "1100000000000000001", Chat: true, ShardCount: 1,
			RatePerMinute: DefaultRatePerMinute, RateBurst: DefaultRateBurst}},
		{name: "everything", vars: with("DISCORD_TOKEN", "Bot "+testToken, "DISCORD_GUILD_ID", "42", "DISCORD_PUBLIC_KEY", key,
			"QABOT_CHANNELS", " 7, 8 ,", "QABOT_CHAT", "false", "SHARD_ID", "2", "SHARD_COUNT", "3",
			"QABOT_RATE_PER_MINUTE", "2.5", "QABOT_RATE_BURST", "9"),
			want: Config{Token: testToken, AppID: "1100000000000000001", GuildID: "42", PublicKey: keyBytes,
				Channels: []string{"7", "8"}, Chat: false, ShardID: 2, ShardCount: 3, RatePerMinute: 2.5, RateBurst: 9}},
		{name: "no token", vars: with("DISCORD_TOKEN", ""), wantVar: "DISCORD_TOKEN"},
		{name: "token with spaces", vars: with("DISCORD_TOKEN", "abc def"), wantVar: "DISCORD_TOKEN"},
		{name: "no app id", vars: with("DISCORD_APP_ID", " "), wantVar: "DISCORD_APP_ID"},
		{name: "app id not a number", vars: with("DISCORD_APP_ID", "my-app"), wantVar: "DISCORD_APP_ID"},
		{name: "guild id not a number", vars: with("DISCORD_GUILD_ID", "guild"), wantVar: "DISCORD_GUILD_ID"},
		{name: "public key not hex", vars: with("DISCORD_PUBLIC_KEY", "zz"), wantVar: "DISCORD_PUBLIC_KEY"},
		{name: "public key too short", vars: with("DISCORD_PUBLIC_KEY", "abcd"), wantVar: "DISCORD_PUBLIC_KEY"},
		{name: "channel not a number", vars: with("QABOT_CHANNELS", "1,general"), wantVar: "QABOT_CHANNELS"},
		{name: "chat not a bool", vars: with("QABOT_CHAT", "maybe"), wantVar: "QABOT_CHAT"},
		{name: "shard id not a number", vars: with("SHARD_ID", "one"), wantVar: "SHARD_ID"},
		{name: "shard id too big", vars: with("SHARD_ID", "3", "SHARD_COUNT", "3"), wantVar: "SHARD_ID"},
		{name: "shard count zero", vars: with("SHARD_COUNT", "0"), wantVar: "SHARD_COUNT"},
		{name: "rate negative", vars: with("QABOT_RATE_PER_MINUTE", "-1"), wantVar: "QABOT_RATE_PER_MINUTE"},
		{name: "burst zero", vars: with("QABOT_RATE_BURST", "0"), wantVar: "QABOT_RATE_BURST"},
		{name: "max concurrent not a number", vars: with("QABOT_MAX_CONCURRENT", "many"), wantVar: "QABOT_MAX_CONCURRENT"},
		{name: "queue negative", vars: with("QABOT_QUEUE", "-1"), wantVar: "QABOT_QUEUE"},
		{name: "limits", vars: with("QABOT_MAX_CONCURRENT", "3", "QABOT_QUEUE", "7"), want: Config{Token: testToken, AppID: "1100000000000000001", Chat: true, ShardCount: 1,
			RatePerMinute: DefaultRatePerMinute, RateBurst: DefaultRateBurst, MaxConcurrent: 3, MaxQueued: 7}},
	}
	ignore := cmpopts.IgnoreFields(Config{}, "RateLimiterUsers", "DeferAfter", "HandlerTimeout", "ShutdownTimeout", "MaxQuestionRunes", "MaxBody", "Now")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadConfig(env(tt.vars))
			if tt.wantVar == "" {
				if err != nil {
					t.Fatalf("LoadConfig() error = %v", err)
				}
				if diff := cmp.Diff(tt.want, got, ignore); diff != "" {
					t.Errorf("LoadConfig() mismatch (-want +got):\n%s", diff)
				}
				return
			}
			if err == nil {
				t.Fatalf("LoadConfig() = %v, want an error naming %s", got, tt.wantVar)
			}
			if !strings.Contains(err.Error(), tt.wantVar) {
				t.Errorf("LoadConfig() error = %q, want it to name %s", err, tt.wantVar)
			}
			if strings.Contains(err.Error(), "secret-token") {
				t.Errorf("LoadConfig() error = %q holds the token", err)
			}
		})
	}
}

func TestConfigRedactsToken(t *testing.T) {
	cfg, err := LoadConfig(env(map[string]string{"DISCORD_TOKEN": testToken, "DISCORD_APP_ID": "1"}))
	if err != nil {
		t.Fatal(err)
	}
	var logged bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&logged, nil))
	log.Info("config", "config", cfg, "token", cfg.Token)
	slog.New(slog.NewTextHandler(&logged, nil)).Info("config", "config", cfg, "token", cfg.Token)
	outputs := map[string]string{
		"%v": fmt.Sprintf("%v", cfg), "%+v": fmt.Sprintf("%+v", cfg), "%#v": fmt.Sprintf("%#v", cfg),
		"%s": fmt.Sprintf("%s", cfg), "token %v": fmt.Sprintf("%v %+v %#v %s", cfg.Token, cfg.Token, cfg.Token, cfg.Token),
		"slog": logged.String(),
	}
	for name, out := range outputs {
		if strings.Contains(out, "secret-token") {
			t.Errorf("%s output holds the token: %s", name, out)
		}
		if !strings.Contains(out, redacted) {
			t.Errorf("%s output = %s, want %s in place of the token", name, out, redacted)
		}
	}
}

func TestIntents(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want discordgo.Intent
	}{
		{"slash commands only", Config{}, 0},
		{"mentions and DMs", Config{Chat: true}, discordgo.IntentGuildMessages | discordgo.IntentDirectMessages},
		{"allow-listed channels", Config{Channels: []string{"1"}}, discordgo.IntentGuildMessages | discordgo.IntentMessageContent},
		{"everything", Config{Chat: true, Channels: []string{"1"}},
			discordgo.IntentGuildMessages | discordgo.IntentDirectMessages | discordgo.IntentMessageContent},
	}
	for _, tt := range tests {
		if got := tt.cfg.Intents(); got != tt.want {
			t.Errorf("%s: Intents() = %b, want %b", tt.name, got, tt.want)
		}
	}
}

func TestLoadHTTPConfig(t *testing.T) {
	key := strings.Repeat("ab", ed25519.PublicKeySize)
	tests := []struct {
		name     string
		vars     map[string]string
		register bool
		wantVar  string // the variable the error must name; "" for no error
	}{
		{"no token, not registering", map[string]string{"DISCORD_PUBLIC_KEY": key}, false, ""},
		{"no token, registering", map[string]string{"DISCORD_PUBLIC_KEY": key, "DISCORD_APP_ID": "1"}, true, "DISCORD_TOKEN"},
		{"no app id, registering", map[string]string{"DISCORD_PUBLIC_KEY": key, "DISCORD_TOKEN": testToken}, true, "DISCORD_APP_ID"},
		{"everything, registering", map[string]string{"DISCORD_PUBLIC_KEY": key, "DISCORD_TOKEN": testToken, "DISCORD_APP_ID": "1"}, true, ""},
		{"no key", map[string]string{"DISCORD_TOKEN": testToken, "DISCORD_APP_ID": "1"}, false, "DISCORD_PUBLIC_KEY"},
		{"malformed app id, not registering", map[string]string{"DISCORD_PUBLIC_KEY": key, "DISCORD_APP_ID": "app"}, false, "DISCORD_APP_ID"},
	}
	for _, tt := range tests {
		_, err := LoadHTTPConfig(env(tt.vars), tt.register)
		switch {
		case tt.wantVar == "" && err != nil:
			t.Errorf("LoadHTTPConfig(%s) error = %v, want none", tt.name, err)
		case tt.wantVar != "" && (err == nil || !strings.Contains(err.Error(), tt.wantVar)):
			t.Errorf("LoadHTTPConfig(%s) error = %v, want one naming %s", tt.name, err, tt.wantVar)
		}
	}
}
