package cli_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/bot/discordtest"
	"github.com/qabot/qabot/cli"
)

// syncBuffer is stderr shared with a running qabot.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor polls for a line matching re and returns its submatches.
func (b *syncBuffer) waitFor(t *testing.T, re *regexp.Regexp) []string {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(b.String()); m != nil {
			return m
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no log line matching %s:\n%s", re, b)
	return nil
}

// serveHTTP runs qabot serve-http against the emulator and returns its
// base URL and stderr; the server stops when the test ends.
func serveHTTP(t *testing.T, srv *discordtest.Server, env map[string]string, args ...string) (string, *syncBuffer) {
	t.Helper()
	env["DISCORD_PUBLIC_KEY"] = hex.EncodeToString(srv.Signer().Public)
	env["LOG_LEVEL"] = "info"
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	stderr := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	exited := make(chan int, 1)
	go func() {
		exited <- cli.RunEnv(ctx, append([]string{"serve-http", "--addr", "127.0.0.1:0"}, args...), lookup, strings.NewReader(""), io.Discard, stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-exited:
			if code != cli.ExitOK && code != cli.ExitInterrupted {
				t.Errorf("serve-http exited with %d:\n%s", code, stderr)
			}
		case <-time.After(time.Minute):
			t.Errorf("serve-http did not stop")
		}
	})
	m := stderr.waitFor(t, regexp.MustCompile(`serving Discord interactions over HTTP" addr=(\S+)`))
	return "http://" + m[1], stderr
}

// post sends a signed interaction and returns the decoded response.
func post(t *testing.T, srv *discordtest.Server, base string, i *discordtest.Interaction) discordgo.InteractionResponse {
	t.Helper()
	srv.RegisterInteraction(i)
	body, err := json.Marshal(i)
	if err != nil {
		t.Fatal(err)
	}
	req, err := srv.Signer().NewRequest(context.Background(), base+"/interactions", body)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	var r discordgo.InteractionResponse
	if err == nil {
		err = json.Unmarshal(raw, &r)
	}
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /interactions = %d %s, %v", resp.StatusCode, raw, err)
	}
	if r.Type != discordgo.InteractionResponsePong {
		// Discord learns of the response from the HTTP body.
		if _, err := srv.RecordHTTPResponse(i.ID, raw); err != nil {
			t.Fatalf("Discord would refuse the response %s: %v", raw, err)
		}
	}
	return r
}

// TestServeHTTPStartsWhileDiscordIsDown starts serve-http while command
// registration fails: it answers at once, and registers once Discord is
// back, without a restart.
func TestServeHTTPStartsWhileDiscordIsDown(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	// Discord fails every registration until the test says it is back.
	srv.InjectFault(discordtest.Fault{Route: discordtest.RouteOverwriteGlobalCommands, Status: http.StatusInternalServerError, Times: 1 << 30})
	base, stderr := serveHTTP(t, srv, map[string]string{"DISCORD_TOKEN": srv.Token(), "DISCORD_APP_ID": srv.AppID()})

	if r := post(t, srv, base, discordtest.Ping()); r.Type != discordgo.InteractionResponsePong {
		t.Errorf("PING = %+v, want PONG", r)
	}
	stderr.waitFor(t, regexp.MustCompile(`slash commands not registered yet; retrying" .*attempt=2`))
	if n := len(srv.Commands("")); n != 0 {
		t.Fatalf("%d commands registered while Discord failed", n)
	}
	srv.ClearFaults()
	stderr.waitFor(t, regexp.MustCompile(`slash commands registered" .*attempt=\d`))
	if n := len(srv.Commands("")); n == 0 {
		t.Errorf("no commands registered after the log said so")
	}
	if !strings.Contains(stderr.String(), "slash commands not registered yet; retrying") {
		t.Errorf("stderr does not log the failed attempts:\n%s", stderr)
	}
	r := post(t, srv, base, discordtest.SlashCommand("ask", discordtest.String("question", "when did albania join nato?")))
	if r.Type != discordgo.InteractionResponseChannelMessageWithSource && r.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Errorf("/ask = %+v, want an answer or a deferral", r)
	}
	if strings.Contains(stderr.String(), srv.Token()) {
		t.Errorf("stderr holds the token:\n%s", stderr)
	}
}

// TestServeHTTPWithoutRegistering needs neither token nor application ID.
func TestServeHTTPWithoutRegistering(t *testing.T) {
	srv := discordtest.Start(t, discordtest.Options{})
	base, stderr := serveHTTP(t, srv, map[string]string{}, "--register=false")
	if r := post(t, srv, base, discordtest.Ping()); r.Type != discordgo.InteractionResponsePong {
		t.Errorf("PING = %+v, want PONG", r)
	}
	i := discordtest.SlashCommand("ask", discordtest.String("question", "when did albania join nato?"))
	r := post(t, srv, base, i)
	if r.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource {
		// Completed through the webhook, with the interaction's token.
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		rec, err := srv.WaitFor(ctx, func(rec discordtest.Record) bool {
			return (rec.Route == discordtest.RouteEditOriginal || rec.Route == discordtest.RouteFollowup) && strings.Contains(rec.Path, i.Token)
		})
		if err != nil || !rec.OK() {
			t.Fatalf("deferred answer never completed: %v %s\nstderr:\n%s", err, rec, stderr)
		}
	} else if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data == nil || len(r.Data.Embeds) != 1 {
		t.Errorf("/ask = %+v, want an answer", r)
	}
	for _, rec := range srv.Requests() {
		if rec.Route == discordtest.RouteOverwriteGlobalCommands || rec.Route == discordtest.RouteOverwriteGuildCommands {
			t.Errorf("--register=false registered commands: %s", rec)
		}
	}
}
