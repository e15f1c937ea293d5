package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
)

// Serve runs the bot on Discord's gateway until ctx is done, then stops
// taking events, gives the handlers in flight cfg.ShutdownTimeout to
// finish and closes the connection. It registers the slash commands first
// (one bulk overwrite, from shard 0 only) and asks the gateway for
// Config.Intents and nothing more.
func Serve(ctx context.Context, cfg Config, h command.Handler, langs *lang.Registry, log *slog.Logger) error {
	cfg = cfg.withDefaults()
	log = safeLogger(log, cfg)
	s, err := discordgo.New("Bot " + string(cfg.Token))
	if err != nil {
		return fmt.Errorf("discord session: %w", err)
	}
	s.Identify.Intents = cfg.Intents()
	s.ShardID, s.ShardCount = cfg.ShardID, cfg.ShardCount
	// The bot reads no guild, channel or member state; the cache would
	// only cost memory.
	s.StateEnabled = false
	api := restClient{s}
	b := newBot(cfg, h, langs, log, api)

	// The bot user's ID is the application's for every application made
	// since 2021; READY says for sure.
	var self atomic.Pointer[string]
	self.Store(&cfg.AppID)
	s.AddHandler(func(s *discordgo.Session, r *discordgo.Ready) {
		if r.User != nil && r.User.ID != "" {
			self.Store(&r.User.ID)
		}
		log.Info("connected to discord", "user", *self.Load(), "guilds", len(r.Guilds), "shard", cfg.ShardID, "shards", cfg.ShardCount)
	})
	s.AddHandler(func(s *discordgo.Session, ev *discordgo.InteractionCreate) {
		if !b.begin() {
			return
		}
		defer b.end()
		defer b.guard("INTERACTION_CREATE", nil)
		b.interaction(ev.Interaction, func(r *discordgo.InteractionResponse) error {
			return api.InteractionRespond(ev.Interaction, r)
		})
	})
	s.AddHandler(func(s *discordgo.Session, ev *discordgo.MessageCreate) {
		if !b.begin() {
			return
		}
		defer b.end()
		defer b.guard("MESSAGE_CREATE", nil)
		b.chat(ev.Message, *self.Load())
	})

	if cfg.ShardID == 0 {
		if err := registerCommands(ctx, s, cfg, langs); err != nil {
			return err
		}
	}
	log.Info("opening gateway", "config", cfg, "intents", int(cfg.Intents()))
	if err := s.Open(); err != nil {
		var ce *websocket.CloseError
		if errors.As(err, &ce) && ce.Code == 4014 {
			return fmt.Errorf("open discord gateway: %w (QABOT_CHANNELS needs the Message Content intent: turn it on in the developer portal, Bot page, or unset QABOT_CHANNELS)", err)
		}
		return fmt.Errorf("open discord gateway: %w", err)
	}
	b.warm()
	<-ctx.Done()
	log.Info("shutting down")
	b.shutdown()
	if err := s.Close(); err != nil {
		return fmt.Errorf("close discord gateway: %w", err)
	}
	return nil
}
