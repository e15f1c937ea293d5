package discordtest_test

import (
	"context"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/bot/discordtest"
)

// A bot session connects to the emulator, which then plays a user running
// a slash command and records the bot's answer. Tests would use Start
// instead of NewServer, Patch and the defers.
func Example() {
	srv := discordtest.NewServer(discordtest.Options{})
	defer srv.Close()
	restore := srv.Patch()
	defer restore()

	sess, err := discordgo.New("Bot " + srv.Token())
	if err != nil {
		fmt.Println(err)
		return
	}
	sess.Identify.Intents = discordgo.IntentsGuildMessages
	sess.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		q := i.ApplicationCommandData().Options[0].StringValue()
		err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "[" + string(i.Locale) + "] you asked: " + q},
		})
		if err != nil {
			fmt.Println(err)
		}
	})
	if err := sess.Open(); err != nil {
		fmt.Println(err)
		return
	}
	defer sess.Close()

	i := discordtest.SlashCommand("ask", discordtest.String("question", "Qui a signé ?")).WithLocale("fr")
	if _, err := srv.DispatchInteraction(i); err != nil {
		fmt.Println(err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	resp, err := srv.WaitResponse(ctx, i.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.Content)
	fmt.Println(resp.Latency < discordgo.InteractionDeadline)
	// Output:
	// [fr] you asked: Qui a signé ?
	// true
}
