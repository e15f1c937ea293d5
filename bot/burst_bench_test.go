//go:build unix

package bot_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/bot"
	"github.com/qabot/qabot/bot/discordtest"
	"github.com/qabot/qabot/command"
)

var burstSize = flag.Int("burst", 1000, "concurrent /ask of BenchmarkHTTPAskBurst")

// burstConns is the size of the client's connection pool.
const burstConns = 256

// BenchmarkHTTPAskBurst sends -burst signed /ask at once, over a pool of
// burstConns connections as a proxy in front would, to the HTTP endpoint with the default limits (as many answers
// at once as Go has CPUs, a short queue), and reports how long Discord
// would wait for each acknowledgement (median, 99th percentile and worst),
// how many acknowledgements came after Discord's 3 seconds, the shares
// answered inline, deferred and refused as busy, and the process's peak
// resident memory. A 5xx or a response Discord would refuse fails it.
//
//	go test ./bot -run '^$' -bench HTTPAskBurst -benchtime 3x -burst 5000
func BenchmarkHTTPAskBurst(b *testing.B) {
	router, langs := mustWorld(b)
	benchBurst(b, router, langs.Languages()[0].Code, *burstSize)
}

func benchBurst(b *testing.B, h command.Handler, _ string, burst int) {
	_, langs := mustWorld(b)
	srv := discordtest.Start(b, discordtest.Options{})
	cfg := bot.Config{Token: bot.Secret(srv.Token()), AppID: srv.AppID(), PublicKey: srv.Signer().Public,
		RatePerMinute: 1e6, RateBurst: 1e6}
	rec := &inlineRecorder{srv: srv}
	logs := newLogSink()
	// Info, as a server logs: per-question debug lines would be measured too.
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
	ts := httptest.NewServer(rec.wrap(bot.NewHTTPHandler(cfg, h, langs, log)))
	b.Cleanup(ts.Close)
	if err := logs.waitFor(testContext(b), "autocomplete suggestions ready"); err != nil {
		b.Fatal(err)
	}
	questions := []string{"who anounced the decision to cut relations", "en quelle année l'Albanie est entrée dans l'OTAN ?",
		"Кто в США осудил кибератаку Ирана?", "wann ist Albanien der NATO beigetreten?"}
	// Discord's requests reach a server through a proxy that keeps a pool
	// of connections to it, not through a new connection each.
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: burstConns, MaxIdleConnsPerHost: burstConns}}
	defer client.CloseIdleConnections()
	resetPeakRSS()
	cpu0 := processCPU()
	var (
		acks                                []time.Duration
		inline, deferred, busy, late, total int
	)
	b.ResetTimer()
	for b.Loop() {
		type result struct {
			ack    time.Duration
			status int
			resp   discordgo.InteractionResponse
			err    error
			i      *discordtest.Interaction
		}
		results := make([]result, burst)
		reqs := make([]*http.Request, burst)
		for n := range burst {
			i := discordtest.SlashCommand("ask", discordtest.String("question", questions[n%len(questions)])).From(newUser())
			i.ApplicationID = srv.AppID()
			body, _ := json.Marshal(i)
			req, err := srv.Signer().NewRequest(context.Background(), ts.URL+"/interactions", body)
			if err != nil {
				b.Fatal(err)
			}
			reqs[n], results[n].i = req, i
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		for n := range burst {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := &results[n]
				<-start
				srv.RegisterInteraction(r.i)
				t0 := time.Now()
				resp, err := client.Do(reqs[n])
				if err != nil {
					r.err = err
					return
				}
				raw, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				r.ack, r.status = time.Since(t0), resp.StatusCode
				if err == nil {
					err = json.Unmarshal(raw, &r.resp)
				}
				if v, ok := rec.verdicts.Load(r.i.ID); err == nil && ok && v != nil {
					err = v.(error)
				}
				r.err = err
			}()
		}
		close(start)
		wg.Wait()
		for _, r := range results {
			total++
			switch {
			case r.status >= 500:
				b.Errorf("/ask answered %d", r.status)
			case r.err != nil && strings.Contains(r.err.Error(), "Unknown interaction"):
				late++ // past Discord's 3 seconds: the user sees "interaction failed"
			case r.err != nil:
				b.Fatalf("/ask: status %d: %v", r.status, r.err)
			}
			acks = append(acks, r.ack)
			switch {
			case r.err != nil:
				// Too late: Discord has dropped the interaction.
			case r.resp.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource:
				deferred++
				// The deferral must be completed, by the answer or a notice.
				if _, err := srv.WaitFor(testContext(b), func(rec discordtest.Record) bool {
					return rec.Message != nil && strings.Contains(rec.Path, "/"+r.i.Token)
				}); err != nil {
					b.Fatalf("deferred /ask never completed: %v", err)
				}
			case r.resp.Data != nil && r.resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0:
				busy++
			default:
				inline++
			}
		}
	}
	b.StopTimer()
	// CPU time per request (server, emulator and client together) says
	// what a burst costs whatever else the machine is running; the
	// latencies above depend on the cores this process actually got.
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(total), "cpu-µs/req")
	}
	slices.Sort(acks)
	pct := func(p float64) float64 { return float64(acks[int(p*float64(len(acks)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.5), "ack-p50-ms")
	b.ReportMetric(pct(0.99), "ack-p99-ms")
	b.ReportMetric(pct(1), "ack-max-ms")
	b.ReportMetric(float64(late), "late-acks")
	b.ReportMetric(100*float64(inline)/float64(total), "inline-%")
	b.ReportMetric(100*float64(deferred)/float64(total), "deferred-%")
	b.ReportMetric(100*float64(busy)/float64(total), "busy-%")
	if rss := peakRSS(); rss > 0 {
		b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MB")
	}
}

// processCPU returns the user and system CPU time the process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// resetPeakRSS starts the process's peak resident memory afresh (Linux).
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS returns the process's peak resident memory in bytes since the
// last reset (VmHWM), or 0 where /proc does not tell.
func peakRSS() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if v, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
