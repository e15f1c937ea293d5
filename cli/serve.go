package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"

	"github.com/qabot/qabot/bot"
	"github.com/qabot/qabot/command"
)

// serve runs the Discord bot over the gateway until the context ends.
func (a *app) serve(ctx context.Context, args []string) error {
	fs := a.flagSet("serve")
	a.corpusFlag(fs)
	if _, err := a.parse(fs, args, a.serveUsage); err != nil {
		return err
	}
	cfg, err := bot.LoadConfig(a.getenv)
	if err != nil {
		return err
	}
	b, err := a.loadBot(ctx)
	if err != nil {
		return err
	}
	a.log.Info("serving Discord", "config", cfg)
	if err := bot.Serve(ctx, cfg, b.handler, a.langs, a.log); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

func (a *app) serveUsage(w io.Writer) {
	fmt.Fprint(w, `Usage: qabot serve [--corpus DIR]

Connects to Discord's gateway and answers slash commands (/ask, /timeline,
/source, /help), mentions, direct messages and, when QABOT_CHANNELS is set,
every message in those channels. Needs DISCORD_TOKEN and DISCORD_APP_ID;
see .env.example and the Discord section of README.md. Stops cleanly on
SIGINT or SIGTERM.
`)
}

// shutdownTimeout bounds how long serve-http waits for requests in flight.
const shutdownTimeout = 10 * time.Second

// serveHTTP runs Discord's HTTP interactions endpoint until the context ends.
func (a *app) serveHTTP(ctx context.Context, args []string) error {
	var (
		addr     string
		register bool
	)
	if _, err := a.parse(a.serveHTTPFlags(&addr, &register), args, a.serveHTTPUsage); err != nil {
		return err
	}
	cfg, err := bot.LoadConfig(a.getenv)
	if err != nil {
		return err
	}
	if err := cfg.ValidateHTTP(); err != nil {
		return err
	}
	b, err := a.loadBot(ctx)
	if err != nil {
		return err
	}
	if register {
		if err := bot.RegisterCommands(ctx, cfg, a.langs); err != nil {
			return fmt.Errorf("register commands: %w", err)
		}
	}
	h := bot.NewHTTPHandler(cfg, command.Handler(b.handler), a.langs, a.log)
	srv := bot.NewHTTPServer(addr, h)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve-http: %w", err)
	}
	a.log.Info("serving Discord interactions over HTTP", "addr", ln.Addr().String())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("serve-http: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("serve-http: shutdown: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve-http: %w", err)
	}
	return nil
}

func (a *app) serveHTTPFlags(addr *string, register *bool) *flag.FlagSet {
	fs := a.flagSet("serve-http")
	fs.StringVar(addr, "addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
	fs.BoolVar(register, "register", true, "bulk-overwrite the slash commands at start")
	a.corpusFlag(fs)
	return fs
}

func (a *app) serveHTTPUsage(w io.Writer) {
	fmt.Fprint(w, `Usage: qabot serve-http [--addr HOST:PORT] [--register=false] [--corpus DIR]

Serves Discord's HTTP interactions endpoint at POST /interactions (every
request's Ed25519 signature checked against DISCORD_PUBLIC_KEY, stale
timestamps refused) and a health check at GET /healthz. It keeps no state,
so any number of replicas can run behind a load balancer. Needs
DISCORD_TOKEN, DISCORD_APP_ID and DISCORD_PUBLIC_KEY.

Flags:
`)
	var (
		addr     string
		register bool
	)
	a.printDefaults(w, a.serveHTTPFlags(&addr, &register))
}
