package bot_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/bot/discordtest"
)

// BenchmarkGatewayLatency measures the time from the emulator's dispatch
// of an /ask interaction to the bot's answer arriving at the emulator,
// through a real discordgo session and the real engine, and reports its
// median and 99th percentile.
//
//	go test ./bot -run '^$' -bench GatewayLatency -benchtime 2000x
func BenchmarkGatewayLatency(b *testing.B) {
	g := startGateway(b)
	if err := g.logs.waitFor(testContext(b), "autocomplete suggestions ready"); err != nil {
		b.Fatal(err) // let the background work finish before measuring
	}
	measureGatewayLatency(b, g)
}

func measureGatewayLatency(b *testing.B, g *gateway) {
	ctx := context.Background()
	questions := []string{"who anounced the decision to cut relations", "en quelle année l'Albanie est entrée dans l'OTAN ?", "Кто в США осудил кибератаку Ирана?"}
	var latencies []time.Duration
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		i := discordtest.SlashCommand("ask", discordtest.String("question", questions[n%len(questions)])).From(newUser())
		n++
		// Waiting from a mark keeps the emulator from rescanning its whole
		// log (under its lock) while the bot tries to record its answer.
		mark := g.srv.Mark()
		if _, err := g.srv.DispatchInteraction(i); err != nil {
			b.Fatal(err)
		}
		rec, err := g.srv.WaitSince(ctx, mark, discordtest.ResponseTo(i.ID))
		if err != nil {
			b.Fatal(err)
		}
		resp := rec.Response
		if resp.Type != discordgo.InteractionResponseChannelMessageWithSource {
			b.Fatalf("response type %d, want an inline answer", resp.Type)
		}
		latencies = append(latencies, resp.Latency)
	}
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		return float64(latencies[int(p*float64(len(latencies)-1))].Microseconds())
	}
	b.ReportMetric(pct(0.5), "p50-µs")
	b.ReportMetric(pct(0.99), "p99-µs")
}

// BenchmarkHTTPInteractions measures requests per second of the HTTP
// interactions endpoint on loopback, with signature checks; the client
// runs in the same process and shares the cores.
//
//	go test ./bot -run '^$' -bench HTTPInteractions -cpu 2
func BenchmarkHTTPInteractions(b *testing.B) {
	hb := startHTTP(b, nil)
	if err := hb.logs.waitFor(testContext(b), "autocomplete suggestions ready"); err != nil {
		b.Fatal(err)
	}
	type signed struct {
		body      []byte
		sig, time string
	}
	var reqs []signed
	for n := range 512 {
		var i *discordtest.Interaction
		if n%2 == 0 {
			i = discordtest.SlashCommand("ask", discordtest.String("question", "who anounced the decision to cut relations"))
		} else {
			i = discordtest.SlashCommand("help").WithLocale("fr")
		}
		body, err := json.Marshal(i.From(newUser()))
		if err != nil {
			b.Fatal(err)
		}
		ts := hb.srv.Signer().Timestamp()
		reqs = append(reqs, signed{body, hb.srv.Signer().Sign(ts, body), ts})
	}
	var next atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			r := reqs[int(next.Add(1))%len(reqs)]
			req, _ := http.NewRequest(http.MethodPost, hb.url+"/interactions", bytes.NewReader(r.body))
			req.Header.Set("X-Signature-Ed25519", r.sig)
			req.Header.Set("X-Signature-Timestamp", r.time)
			resp, err := hb.client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			var out discordgo.InteractionResponse
			err = json.NewDecoder(resp.Body).Decode(&out)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK || out.Type != discordgo.InteractionResponseChannelMessageWithSource {
				b.Errorf("status %d type %d: %v", resp.StatusCode, out.Type, err)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}
