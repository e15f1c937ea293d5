package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/bot"
	"github.com/qabot/qabot/bot/discordtest"
)

// httpBot is the bot behind its HTTP interactions endpoint; the emulator
// plays Discord's REST API for deferred answers.
type httpBot struct {
	srv    *discordtest.Server
	stub   *stub
	logs   *logSink
	url    string
	client *http.Client
}

func startHTTP(t testing.TB, tweak func(*bot.Config)) *httpBot {
	t.Helper()
	return startHTTPWith(t, tweak, nil)
}

// startHTTPWith is startHTTP with the bot's handler wrapped by wrap.
func startHTTPWith(t testing.TB, tweak func(*bot.Config), wrap func(*discordtest.Server, http.Handler) http.Handler) *httpBot {
	t.Helper()
	return startHTTPOn(t, discordtest.Options{}, tweak, wrap)
}

// startHTTPOn is startHTTPWith against an emulator started with opts.
func startHTTPOn(t testing.TB, opts discordtest.Options, tweak func(*bot.Config), wrap func(*discordtest.Server, http.Handler) http.Handler) *httpBot {
	t.Helper()
	router, langs := mustWorld(t)
	srv := discordtest.Start(t, opts)
	hb := &httpBot{srv: srv, stub: newStub(router), logs: newLogSink()}
	cfg := bot.Config{Token: bot.Secret(srv.Token()), AppID: srv.AppID(), PublicKey: srv.Signer().Public,
		RatePerMinute: 1e6, RateBurst: 1e6, DeferAfter: 500 * time.Millisecond}
	if tweak != nil {
		tweak(&cfg)
	}
	h := bot.NewHTTPHandler(cfg, hb.stub, langs, hb.logs.logger())
	if wrap != nil {
		h = wrap(srv, h)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	hb.url = ts.URL
	hb.client = ts.Client()
	return hb
}

// post sends i signed by signer (the application's key when nil) and
// returns the status and body.
func (hb *httpBot) post(t testing.TB, i *discordtest.Interaction, signer *discordtest.Signer) (int, []byte) {
	t.Helper()
	hb.srv.RegisterInteraction(i) // first: it fills application_id
	body, err := json.Marshal(i)
	if err != nil {
		t.Fatal(err)
	}
	if signer == nil {
		signer = hb.srv.Signer()
	}
	req, err := signer.NewRequest(context.Background(), hb.url+"/interactions", body)
	if err != nil {
		t.Fatal(err)
	}
	return hb.do(t, req)
}

func (hb *httpBot) do(t testing.TB, req *http.Request) (int, []byte) {
	t.Helper()
	resp, err := hb.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b
}

// answer posts i and checks the inline response the way Discord would.
func (hb *httpBot) answer(t testing.TB, i *discordtest.Interaction) discordtest.InteractionResponse {
	t.Helper()
	status, body := hb.post(t, i, nil)
	if status != http.StatusOK {
		t.Fatalf("POST /interactions = %d %s, want 200", status, body)
	}
	resp, err := hb.srv.RecordHTTPResponse(i.ID, body)
	if err != nil {
		t.Fatalf("Discord would reject the response %s: %v", body, err)
	}
	return resp
}

// final posts i and returns what it finally produced, deferred or not.
func (hb *httpBot) final(t testing.TB, i *discordtest.Interaction) result {
	t.Helper()
	hb.answer(t, i)
	return awaitResult(t, hb.srv, i)
}

func TestHTTPInteractions(t *testing.T) {
	hb := startHTTP(t, nil)
	_, langs := mustWorld(t)

	t.Run("ping", func(t *testing.T) {
		status, body := hb.post(t, discordtest.Ping(), nil)
		if status != http.StatusOK || strings.TrimSpace(string(body)) != `{"type":1}` {
			t.Errorf("PING = %d %s, want 200 {\"type\":1}", status, body)
		}
	})

	t.Run("ask", func(t *testing.T) {
		resp := hb.final(t, discordtest.SlashCommand("ask", discordtest.String("question", "Кто в США осудил кибератаку Ирана?")).WithLocale("ru"))
		if len(resp.Embeds) != 1 || resp.Embeds[0].Title != "Adrienne Watson" {
			t.Errorf("answer = %+v, want the embed titled Adrienne Watson", resp)
		}
	})

	t.Run("autocomplete", func(t *testing.T) {
		if err := hb.logs.waitFor(testContext(t), "autocomplete suggestions ready"); err != nil {
			t.Fatal(err)
		}
		resp := hb.answer(t, discordtest.Autocomplete("ask", discordtest.Focused(discordtest.String("question", "wer"))).WithLocale("de"))
		if len(resp.Choices) == 0 || !strings.HasPrefix(resp.Choices[0].Name, "Wer") {
			t.Errorf("choices = %+v, want German questions starting with Wer", resp.Choices)
		}
	})

	t.Run("timeline button", func(t *testing.T) {
		first := hb.answer(t, discordtest.SlashCommand("timeline"))
		r := result{Components: first.Components}
		_, next := buttons(t, r)
		resp := hb.answer(t, discordtest.ButtonClick(next.CustomID, nil))
		want := message(t, langs, "en", "discord_page", map[string]string{"page": "2", "pages": "3"})
		if resp.Type != discordgo.InteractionResponseUpdateMessage || resp.Embeds[0].Footer.Text != want {
			t.Errorf("click = %+v, want page 2 as an update", resp)
		}
	})

	t.Run("slow answer deferred and completed through the REST API", func(t *testing.T) {
		i := discordtest.SlashCommand("ask", discordtest.String("question", slowQuestion), discordtest.Bool("hide", true))
		go func() {
			<-hb.stub.entered
			// Released once the endpoint has answered with a deferral.
			hb.srv.WaitFor(context.Background(), func(r discordtest.Record) bool {
				return r.Response != nil && r.Response.InteractionID == i.ID
			})
			hb.stub.release <- struct{}{}
		}()
		resp := hb.answer(t, i)
		if resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || !resp.Ephemeral() {
			t.Fatalf("slow answer = %+v, want an ephemeral deferral", resp)
		}
		got := awaitResult(t, hb.srv, i)
		if !got.Ephemeral || got.embed(t).Title != "Edi Rama" {
			t.Errorf("completed answer = %+v, want the hidden answer", got)
		}
	})

	t.Run("health", func(t *testing.T) {
		req, _ := http.NewRequest(http.MethodGet, hb.url+"/healthz", nil)
		if status, body := hb.do(t, req); status != http.StatusOK || string(body) != "ok" {
			t.Errorf("GET /healthz = %d %q, want 200 ok", status, body)
		}
		req, _ = http.NewRequest(http.MethodGet, hb.url+"/interactions", nil)
		if status, _ := hb.do(t, req); status != http.StatusMethodNotAllowed {
			t.Errorf("GET /interactions = %d, want 405", status)
		}
	})

	t.Run("bad requests", func(t *testing.T) {
		body, _ := json.Marshal(discordtest.SlashCommand("help"))
		other, err := discordtest.NewSigner()
		if err != nil {
			t.Fatal(err)
		}
		stale := *hb.srv.Signer()
		stale.Now = func() time.Time { return time.Now().Add(-6 * time.Minute) }
		future := *hb.srv.Signer()
		future.Now = func() time.Time { return time.Now().Add(6 * time.Minute) }
		signed := func(g *discordtest.Signer, b []byte) func(*http.Request) {
			return func(r *http.Request) { g.SignRequest(r, b) }
		}
		huge := bytes.Repeat([]byte("x"), 64<<10+1)
		tests := []struct {
			name   string
			body   []byte
			header func(*http.Request)
			chunk  bool
			want   int
		}{
			{"valid", body, signed(hb.srv.Signer(), body), false, http.StatusOK},
			{"no signature", body, func(*http.Request) {}, false, http.StatusUnauthorized},
			{"no timestamp", body, func(r *http.Request) {
				signed(hb.srv.Signer(), body)(r)
				r.Header.Del("X-Signature-Timestamp")
			}, false, http.StatusUnauthorized},
			{"signature not hex", body, func(r *http.Request) {
				signed(hb.srv.Signer(), body)(r)
				r.Header.Set("X-Signature-Ed25519", "zz")
			}, false, http.StatusUnauthorized},
			{"signed by another key", body, signed(other, body), false, http.StatusUnauthorized},
			{"signature of another body", body, signed(hb.srv.Signer(), []byte(`{"type":1}`)), false, http.StatusUnauthorized},
			{"timestamp changed after signing", body, func(r *http.Request) {
				signed(hb.srv.Signer(), body)(r)
				r.Header.Set("X-Signature-Timestamp", fmt.Sprint(time.Now().Unix()+1))
			}, false, http.StatusUnauthorized},
			{"stale timestamp", body, signed(&stale, body), false, http.StatusUnauthorized},
			{"future timestamp", body, signed(&future, body), false, http.StatusUnauthorized},
			{"too large", huge, signed(hb.srv.Signer(), huge), false, http.StatusRequestEntityTooLarge},
			{"too large without a length", huge, signed(hb.srv.Signer(), huge), true, http.StatusRequestEntityTooLarge},
			{"not JSON", []byte("hello"), signed(hb.srv.Signer(), []byte("hello")), false, http.StatusBadRequest},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var rd io.Reader = bytes.NewReader(tt.body)
				if tt.chunk {
					rd = io.MultiReader(rd) // hides the length: sent chunked
				}
				req, err := http.NewRequest(http.MethodPost, hb.url+"/interactions", rd)
				if err != nil {
					t.Fatal(err)
				}
				tt.header(req)
				if status, b := hb.do(t, req); status != tt.want {
					t.Errorf("POST = %d %s, want %d", status, b, tt.want)
				}
			})
		}
	})

	t.Run("recorded payloads replay", func(t *testing.T) {
		files, err := filepath.Glob("testdata/interactions/*.json")
		if err != nil || len(files) == 0 {
			t.Fatalf("no payloads: %v", err)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			i, err := discordtest.ParseInteraction(raw)
			if err != nil {
				t.Fatal(err)
			}
			resp := hb.answer(t, i)
			if filepath.Base(f) == "ping.json" {
				if resp.Type != discordgo.InteractionResponsePong {
					t.Errorf("%s: response type %d, want PONG", f, resp.Type)
				}
				continue
			}
			checkReplay(t, filepath.Base(f), result{Type: resp.Type, Content: resp.Content, Embeds: resp.Embeds,
				Components: resp.Components, Choices: resp.Choices}, langs)
		}
	})

	t.Run("every message allows no mentions", func(t *testing.T) {
		checkAllowedMentions(t, hb.srv)
	})

	t.Run("the logs hold no token", func(t *testing.T) {
		checkLogsHoldNoSecrets(t, hb.srv, hb.logs.String())
	})
}

// TestHTTPLogsRedactWebhookURLs makes the completion of a deferred answer
// fail on the network: the error quotes the webhook URL, whose path holds
// the interaction token, and the log must show it without the token.
func TestHTTPLogsRedactWebhookURLs(t *testing.T) {
	hb := startHTTP(t, nil)
	i := discordtest.SlashCommand("ask", discordtest.String("question", slowQuestion))
	go func() {
		<-hb.stub.entered
		hb.srv.WaitFor(context.Background(), func(r discordtest.Record) bool {
			return r.Response != nil && r.Response.InteractionID == i.ID
		})
		hb.srv.Close() // Discord is gone: the edit of the deferral fails
		hb.stub.release <- struct{}{}
	}()
	if resp := hb.answer(t, i); resp.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("slow answer = %+v, want a deferral", resp)
	}
	if err := hb.logs.waitFor(testContext(t), "discord call failed", "edit deferred"); err != nil {
		t.Fatalf("%v\nlogs:\n%s", err, hb.logs)
	}
	logs := hb.logs.String()
	if !strings.Contains(logs, "/webhooks/"+hb.srv.AppID()+"/[redacted]") {
		t.Errorf("logs do not show the failed webhook URL redacted:\n%s", logs)
	}
	if strings.Contains(logs, i.Token) {
		t.Errorf("logs hold the interaction token %q:\n%s", i.Token, logs)
	}
	checkLogsHoldNoSecrets(t, hb.srv, logs)
}

// inlineRecorder records in the emulator each response the bot writes in
// an HTTP body, at the moment it is flushed: before the bot goes on to
// edit it, as Discord would have it by then. Its verdicts are kept by
// interaction ID.
type inlineRecorder struct {
	srv      *discordtest.Server
	verdicts sync.Map // interaction ID -> error (nil: Discord accepted it)
}

func (ir *inlineRecorder) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		var i struct {
			ID   string                    `json:"id"`
			Type discordgo.InteractionType `json:"type"`
		}
		json.Unmarshal(body, &i)
		if i.Type == discordgo.InteractionPing {
			next.ServeHTTP(w, r)
			return
		}
		rw := &recordingWriter{ResponseWriter: w, ir: ir, id: i.ID, status: http.StatusOK}
		next.ServeHTTP(rw, r)
		rw.Flush()
	})
}

type recordingWriter struct {
	http.ResponseWriter
	ir     *inlineRecorder
	id     string
	status int
	buf    bytes.Buffer
	done   bool
}

func (rw *recordingWriter) WriteHeader(code int) {
	rw.status = code
	rw.ResponseWriter.WriteHeader(code)
}

func (rw *recordingWriter) Write(p []byte) (int, error) { return rw.buf.Write(p) }

func (rw *recordingWriter) Flush() {
	if rw.done {
		return
	}
	rw.done = true
	if rw.status == http.StatusOK {
		_, err := rw.ir.srv.RecordHTTPResponse(rw.id, rw.buf.Bytes())
		rw.ir.verdicts.Store(rw.id, err)
	}
	rw.ResponseWriter.Write(rw.buf.Bytes())
	if f, ok := rw.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// TestHTTPLoad sends 2,000 signed requests over loopback from 32 clients;
// every one must be acknowledged the way Discord checks it (once, with a
// valid response), and every deferred one completed. The emulator's
// deadline is a minute here, not Discord's 3 s: on a loaded 2-core machine
// under the race detector a handler can wait seconds for a CPU, which says
// nothing about the bot; how fast a burst is acknowledged is measured by
// BenchmarkHTTPAskBurst, and the 3-second rule itself by the emulator's
// TestInteractionDeadline.
func TestHTTPLoad(t *testing.T) {
	var rec *inlineRecorder
	hb := startHTTPOn(t, discordtest.Options{InteractionDeadline: time.Minute}, nil, func(srv *discordtest.Server, h http.Handler) http.Handler {
		rec = &inlineRecorder{srv: srv}
		return rec.wrap(h)
	})
	const requests, workers = 2000, 32
	bodies := make([]*http.Request, requests)
	commands := []*discordtest.Interaction{}
	for n := range requests {
		var i *discordtest.Interaction
		switch n % 4 {
		case 0:
			i = discordtest.SlashCommand("ask", discordtest.String("question", "who is adrienne watson")).WithLocale("fr")
		case 1:
			i = discordtest.SlashCommand("help").WithLocale("sv-SE")
		case 2:
			i = discordtest.SlashCommand("source")
		case 3:
			i = discordtest.Autocomplete("ask", discordtest.Focused(discordtest.String("question", "wh")))
		}
		i.From(newUser())
		i.ApplicationID = hb.srv.AppID()
		commands = append(commands, i)
		body, err := json.Marshal(i)
		if err != nil {
			t.Fatal(err)
		}
		req, err := hb.srv.Signer().NewRequest(context.Background(), hb.url+"/interactions", body)
		if err != nil {
			t.Fatal(err)
		}
		bodies[n] = req
	}
	var answered, deferred atomic.Int64
	var failures sync.Map
	var deferredIDs sync.Map
	next := atomic.Int64{}
	start := time.Now()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				n := int(next.Add(1) - 1)
				if n >= requests {
					return
				}
				i := commands[n]
				hb.srv.RegisterInteraction(i) // its deadline starts now
				resp, err := hb.client.Do(bodies[n])
				if err != nil {
					failures.Store(n, err.Error())
					continue
				}
				raw, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				var r discordgo.InteractionResponse
				if err == nil {
					err = json.Unmarshal(raw, &r)
				}
				if err == nil && resp.StatusCode == http.StatusOK {
					// Discord refuses a response after 3 s, or a second one.
					if v, ok := rec.verdicts.Load(i.ID); !ok {
						err = errors.New("response not recorded")
					} else if v != nil {
						err = v.(error)
					}
				}
				ok := err == nil && resp.StatusCode == http.StatusOK &&
					(r.Type == discordgo.InteractionResponseChannelMessageWithSource && r.Data != nil && len(r.Data.Embeds) == 1 ||
						r.Type == discordgo.InteractionApplicationCommandAutocompleteResult ||
						r.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource)
				if !ok {
					failures.Store(n, fmt.Sprintf("status %d type %d err %v", resp.StatusCode, r.Type, err))
					continue
				}
				if r.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource {
					deferred.Add(1)
					deferredIDs.Store(n, true)
				}
				answered.Add(1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	failures.Range(func(k, v any) bool {
		t.Errorf("request %v (%s) failed: %v", k, commands[k.(int)].Type, v)
		return true
	})
	if got := answered.Load(); got != requests {
		t.Errorf("%d of %d requests acknowledged", got, requests)
	}
	deferredIDs.Range(func(k, _ any) bool {
		res := awaitResult(t, hb.srv, commands[k.(int)])
		if len(res.Embeds) != 1 {
			t.Errorf("deferred request %v completed with %+v, want an embed", k, res)
		}
		return true
	})
	t.Logf("%d requests in %v: %.0f requests/s, %d deferred", requests, elapsed.Round(time.Millisecond), float64(requests)/elapsed.Seconds(), deferred.Load())
	checkLogsHoldNoSecrets(t, hb.srv, hb.logs.String())
}

func TestNewHTTPServer(t *testing.T) {
	s := bot.NewHTTPServer("127.0.0.1:0", http.NotFoundHandler())
	if s.ReadHeaderTimeout <= 0 || s.ReadTimeout <= 0 || s.WriteTimeout <= 0 || s.IdleTimeout <= 0 || s.MaxHeaderBytes <= 0 {
		t.Errorf("NewHTTPServer() = %+v, want every timeout and the header cap set", s)
	}
	if s.WriteTimeout < 3*time.Second {
		t.Errorf("WriteTimeout = %v, shorter than Discord's 3 s response window", s.WriteTimeout)
	}
}
