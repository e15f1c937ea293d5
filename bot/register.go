package bot

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/lang"
)

// RegisterInBackground registers the slash commands as RegisterCommands
// does, without holding up the caller: a server can answer interactions
// while Discord, or the network to it, is down. A failure that may pass
// (no connection, a timeout, 429, a 5xx) is retried after cfg.RegisterRetry,
// doubling up to cfg.RegisterRetryMax, with some jitter so that replicas
// restarted together do not retry together. A refusal that no retry can
// change (a wrong token, a malformed command) is logged as an error and
// not retried. Every attempt is logged. The channel receives the outcome
// (nil once registered) and is closed; it is also closed, with ctx's error,
// when ctx ends first.
func RegisterInBackground(ctx context.Context, cfg Config, langs *lang.Registry, log *slog.Logger) <-chan error {
	cfg = cfg.withDefaults()
	log = safeLogger(log, cfg)
	done := make(chan error, 1)
	go func() {
		defer close(done)
		done <- registerWithRetry(ctx, cfg, langs, log)
	}()
	return done
}

func registerWithRetry(ctx context.Context, cfg Config, langs *lang.Registry, log *slog.Logger) error {
	where := "globally"
	if cfg.GuildID != "" {
		where = "in guild " + cfg.GuildID
	}
	wait := cfg.RegisterRetry
	for attempt := 1; ; attempt++ {
		err := RegisterCommands(ctx, cfg, langs)
		if err == nil {
			log.Info("slash commands registered", "where", where, "attempt", attempt)
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if !retryable(err) {
			log.Error("slash commands not registered, and retrying cannot help: check DISCORD_TOKEN and DISCORD_APP_ID, then restart; interactions are still answered",
				"where", where, "attempt", attempt, "err", err)
			return err
		}
		// Up to a fifth less, so that replicas spread out.
		d := wait - time.Duration(rand.Int64N(int64(wait)/5+1))
		log.Warn("slash commands not registered yet; retrying", "where", where, "attempt", attempt, "retry_in", d.Round(time.Millisecond), "err", err)
		timer := time.NewTimer(d)
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
		wait = min(2*wait, cfg.RegisterRetryMax)
	}
}

// retryable reports whether a registration error may pass on its own:
// anything but an HTTP refusal in the 4xx range other than 408 and 429.
func retryable(err error) bool {
	var rest *discordgo.RESTError
	if !errors.As(err, &rest) || rest.Response == nil {
		return true // the network, a timeout
	}
	code := rest.Response.StatusCode
	return code >= 500 || code == http.StatusTooManyRequests || code == http.StatusRequestTimeout || code < 400
}
