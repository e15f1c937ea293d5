package discordtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/bot/discordtest"
)

// BenchmarkInteractionRoundTrip measures INTERACTION_CREATE to recorded
// response through a real discordgo session: the floor under any latency
// a bot test measures.
func BenchmarkInteractionRoundTrip(b *testing.B) {
	srv := discordtest.NewServer(discordtest.Options{})
	defer srv.Close()
	defer srv.Patch()()
	sess, err := discordgo.New("Bot " + srv.Token())
	if err != nil {
		b.Fatal(err)
	}
	sess.Identify.Intents = discordgo.IntentsGuilds
	sess.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "ok"},
		})
	})
	if err := sess.Open(); err != nil {
		b.Fatal(err)
	}
	defer sess.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var total time.Duration
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		i := discordtest.SlashCommand("ask", discordtest.String("question", "q"))
		if _, err := srv.DispatchInteraction(i); err != nil {
			b.Fatal(err)
		}
		resp, err := srv.WaitResponse(ctx, i.ID)
		if err != nil {
			b.Fatal(err)
		}
		total += resp.Latency
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs-latency/op")
}
