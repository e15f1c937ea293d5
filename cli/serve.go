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
	if _, err := a.parse(a.serveFlags(), args, a.serveUsage); err != nil {
		return err
	}
	cfg, err := bot.LoadConfig(a.getenv)
	if err != nil {
		return err
	}
	if err := a.discordOptions(&cfg); err != nil {
		return err
	}
	b, err := a.serveBot(ctx)
	if err != nil {
		return err
	}
	defer b.close()
	a.log.Info("serving Discord", "config", cfg)
	if err := bot.Serve(ctx, cfg, b.handler, a.langs, a.log); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

func (a *app) serveUsage(w io.Writer) {
	a.usageLine(w, "serve")
	fmt.Fprint(w, `Connects to Discord's gateway and answers slash commands (/ask, /timeline, /summary,
/source, /help), mentions, direct messages and, when QABOT_CHANNELS is set,
every message in those channels. Needs DISCORD_TOKEN and DISCORD_APP_ID;
see .env.example and the Discord section of README.md. Stops cleanly on
SIGINT or SIGTERM.

Flags:
`)
	a.printDefaults(w, a.serveFlags())
}

func (a *app) serveFlags() *flag.FlagSet {
	fs := a.flagSet("serve")
	a.corpusFlag(fs)
	return fs
}

// shutdownTimeout bounds how long serve-http waits for requests in flight.
const shutdownTimeout = 10 * time.Second

// serveHTTP runs Discord's HTTP interactions endpoint until the context
// ends. It listens as soon as it can verify signatures: PINGs and the
// health check are answered at once, interactions that arrive while the
// engine is still loading wait for it (deferred past cfg.DeferAfter), and
// the commands are registered in the background, retried while Discord
// cannot be reached, so that a replica restarted during an outage comes
// back.
func (a *app) serveHTTP(ctx context.Context, args []string) error {
	var (
		addr     string
		register bool
	)
	if _, err := a.parse(a.serveHTTPFlags(&addr, &register), args, a.serveHTTPUsage); err != nil {
		return err
	}
	cfg, err := bot.LoadHTTPConfig(a.getenv, register)
	if err != nil {
		return err
	}
	if err := a.discordOptions(&cfg); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("serve-http: %w", err)
	}
	engine := newPendingHandler()
	srv := bot.NewHTTPServer(addr, bot.NewHTTPHandler(cfg, engine, a.langs, a.log))
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	a.log.Info("serving Discord interactions over HTTP", "addr", ln.Addr().String())
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	registered := make(<-chan error)
	if register {
		registered = bot.RegisterInBackground(ctx, cfg, a.langs, a.log)
	}
	b, err := a.serveBot(ctx)
	if err == nil {
		defer b.close()
		engine.set(b.handler)
		a.log.Info("engine ready: answering interactions")
	}
	for err == nil {
		select {
		case err = <-done:
			err = fmt.Errorf("serve-http: %w", err)
		case <-ctx.Done():
			err = ctx.Err()
		case <-registered:
			registered = nil // logged by RegisterInBackground; keep serving
		}
	}
	shutdownCtx, stop := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer stop()
	if serr := srv.Shutdown(shutdownCtx); serr != nil {
		return fmt.Errorf("serve-http: shutdown: %w", serr)
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, errInterrupted) {
		if serr := <-done; serr != nil && !errors.Is(serr, http.ErrServerClosed) {
			return fmt.Errorf("serve-http: %w", serr)
		}
		return nil
	}
	return err
}

// A pendingHandler answers with the engine once it is loaded; until then
// a query waits for it, or for the end of its context.
type pendingHandler struct {
	ready chan struct{}
	h     command.Handler
}

func newPendingHandler() *pendingHandler { return &pendingHandler{ready: make(chan struct{})} }

// set installs the handler; call it once.
func (p *pendingHandler) set(h command.Handler) {
	p.h = h
	close(p.ready)
}

// Handle implements command.Handler.
func (p *pendingHandler) Handle(ctx context.Context, q command.Query) (command.Reply, error) {
	select {
	case <-p.ready:
		return p.h.Handle(ctx, q)
	case <-ctx.Done():
		return command.Reply{}, ctx.Err()
	}
}

func (a *app) serveHTTPFlags(addr *string, register *bool) *flag.FlagSet {
	fs := a.flagSet("serve-http")
	fs.StringVar(addr, "addr", "127.0.0.1:8080", "`HOST:PORT` to listen on")
	fs.BoolVar(register, "register", true, "bulk-overwrite the slash commands at start, in the background, retrying while Discord cannot be reached; false needs neither DISCORD_TOKEN nor DISCORD_APP_ID")
	a.corpusFlag(fs)
	return fs
}

func (a *app) serveHTTPUsage(w io.Writer) {
	a.usageLine(w, "serve-http")
	fmt.Fprint(w, `Serves Discord's HTTP interactions endpoint at POST /interactions (every
request's Ed25519 signature checked against DISCORD_PUBLIC_KEY, stale
timestamps refused) and a health check at GET /healthz. It keeps no state,
so any number of replicas can run behind a load balancer. It listens at
once; interactions that arrive while the articles load wait for them.
Needs DISCORD_PUBLIC_KEY, and DISCORD_TOKEN and DISCORD_APP_ID to
register the commands (not with --register=false).

Flags:
`)
	var (
		addr     string
		register bool
	)
	a.printDefaults(w, a.serveHTTPFlags(&addr, &register))
}
