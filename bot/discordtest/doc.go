// Package discordtest is a loopback Discord for end-to-end tests of the
// Discord front end: the real discordgo client connects to it, over real
// HTTP and websockets on 127.0.0.1, and the test drives "Discord" from the
// other side and reads back what the bot did.
//
// It serves the gateway (HELLO, IDENTIFY -> READY, heartbeats, RESUME with
// replay of missed dispatches, INVALID_SESSION, intents and shards, zlib
// payload compression when IDENTIFY asks for it) and the REST routes a bot
// uses: command registration, interaction callbacks, webhook follow-ups and
// edits, channel messages. Requests are checked the way Discord checks them
// (bot token, 3-second interaction deadline, single acknowledgement, 2000
// characters, embed and component limits, command names and descriptions,
// reply references) and answered with Discord's error codes. Every request,
// gateway payload and connection is kept as a Record.
//
// A bot test looks like this:
//
//	func TestAsk(t *testing.T) {
//		srv := discordtest.Start(t, discordtest.Options{}) // also patches discordgo's endpoints
//		b := bot.New(...)                                  // builds its discordgo.Session from srv.Token()
//		if err := b.Open(); err != nil { t.Fatal(err) }
//		t.Cleanup(b.Close)                                 // runs before Start's cleanup
//
//		i := discordtest.SlashCommand("ask", discordtest.String("question", "Who signed?")).WithLocale("fr")
//		if _, err := srv.DispatchInteraction(i); err != nil { t.Fatal(err) }
//		resp, err := srv.WaitResponse(ctx, i.ID)           // no sleeps: waits on the record log
//		...
//	}
//
// Interactions and messages are built with SlashCommand, Autocomplete,
// ButtonClick, SelectMenu, ModalSubmit, Ping, GuildMessage and
// DirectMessage, adjusted with InGuild, InDM, From, WithLocale and so on;
// the payloads in bot/testdata/interactions can be replayed with Dispatch.
// Failures are injected with InjectFault (429 with retry_after, 500, 502,
// delays), DropConnections (a network failure: the session resumes) and
// InvalidateSessions (the session must IDENTIFY again). For interactions
// received over HTTP, Signer signs requests like Discord and
// RegisterInteraction plus RecordHTTPResponse keep the bookkeeping.
//
// discordgo reads its URLs from package variables, so Patch (and Start)
// change process-wide state: tests that use a Server must not run in
// parallel with each other.
//
// Things about discordgo v0.29 worth knowing when reading these tests:
//   - Session.Close always sleeps one second, so each opened session costs
//     a second of test time; reconnecting after a network failure costs
//     another (Close then Open).
//   - discordgo ignores resume_gateway_url and reconnects to the URL it got
//     from GET /gateway.
//   - Event handlers run on their own goroutines (SyncEvents is false), so
//     a test must wait for their effects, never assume ordering.
//   - On 429 discordgo sleeps for the body's retry_after; it retries 502
//     (up to MaxRestRetries) but not 500.
//   - discordgo.Locale.String() returns the English name ("French"): use
//     string(i.Locale) for the code.
//   - A focused autocomplete option holds the raw partial input as a
//     string whatever its type; IntValue() panics on it.
package discordtest
