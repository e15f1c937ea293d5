package bot

import (
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
)

// maxClockSkew is how far a request's X-Signature-Timestamp may be from
// now; older requests are replays.
const maxClockSkew = 5 * time.Minute

// inlineWait bounds how long an HTTP interaction waits for its first
// response. The bot defers well before (Config.DeferAfter), but on a
// machine too busy to run its goroutines in time the endpoint defers on
// its own at inlineWait, inside Discord's 3 seconds.
const inlineWait = 2500 * time.Millisecond

// NewHTTPHandler serves Discord's HTTP interactions endpoint: POST
// /interactions (signed by Discord with the application's key, checked
// against cfg.PublicKey) and GET /healthz. It answers in the response
// body; answers that take longer than cfg.DeferAfter are deferred and
// completed through the REST API with the interaction's token. It keeps
// no state between requests (beyond per-user rate limits), so any number
// of replicas can run behind a load balancer. Call cfg.ValidateHTTP
// first: without a public key every interaction is refused.
func NewHTTPHandler(cfg Config, h command.Handler, langs *lang.Registry, log *slog.Logger) http.Handler {
	cfg = cfg.withDefaults()
	// A REST-only session: never opened, it only sends follow-ups.
	rest, _ := discordgo.New("Bot " + string(cfg.Token))
	b := newBot(cfg, h, langs, log, restClient{rest})
	if err := cfg.ValidateHTTP(); err != nil {
		b.log.Error("http interactions: every request will be refused", "err", err)
	}
	b.warm()
	mux := http.NewServeMux()
	mux.Handle("POST /interactions", &interactionsEndpoint{b: b})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "ok")
	})
	return mux
}

// NewHTTPServer returns a server for h on addr with every timeout set, so
// that slow or stuck clients cannot hold connections open.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    32 << 10,
	}
}

type interactionsEndpoint struct{ b *bot }

// inline is a first response handed from the interaction's goroutine to
// the HTTP handler, which reports when it has written it.
type inline struct {
	resp    *discordgo.InteractionResponse
	written chan error
}

var errTooLate = errors.New("interaction response too late for the HTTP body")

func (e *interactionsEndpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b := e.b
	if r.ContentLength > b.cfg.MaxBody {
		http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, b.cfg.MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "cannot read request body", http.StatusBadRequest)
		return
	}
	if !b.verify(r.Header.Get("X-Signature-Ed25519"), r.Header.Get("X-Signature-Timestamp"), body) {
		http.Error(w, "invalid request signature", http.StatusUnauthorized)
		return
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(body, &i); err != nil {
		http.Error(w, "invalid interaction", http.StatusBadRequest)
		return
	}
	if i.Type == discordgo.InteractionPing {
		writeJSON(w, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong})
		return
	}
	if !b.begin() {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	// The first response comes from the interaction's goroutine, or from
	// here if that goroutine is too late: Discord drops an interaction
	// not acknowledged within 3 seconds, so at inlineWait the endpoint
	// defers it itself and the bot completes it through the REST API.
	ex := &httpExchange{first: make(chan inline)}
	go func() {
		defer b.end()
		defer b.guard("http interaction", nil)
		b.interaction(&i, ex.respond)
	}()
	timer := time.NewTimer(inlineWait)
	defer timer.Stop()
	var in inline
	select {
	case in = <-ex.first:
	case <-timer.C:
		if !ex.give(exchangeDeferred) {
			in = <-ex.first // handed over just now: it is on its way
			break
		}
		b.log.Warn("http interaction: the bot was late, deferred by the endpoint", "interaction", i.ID)
		writeJSON(w, endpointDeferral(&i))
		return
	case <-r.Context().Done():
		// The caller is gone: nobody will read a response now.
		if !ex.give(exchangeAbandoned) {
			in = <-ex.first
			in.written <- r.Context().Err()
		}
		return
	}
	err = writeJSON(w, in.resp)
	if f, ok := w.(http.Flusher); ok {
		// On the wire before any follow-up edits the response.
		f.Flush()
	}
	in.written <- err
}

// An httpExchange hands the first response of an interaction from its
// goroutine to the HTTP handler, unless the handler has given up waiting
// and deferred the interaction itself.
type httpExchange struct {
	first chan inline

	mu    sync.Mutex
	state int // one of the states below
}

const (
	exchangePending    = iota
	exchangeHandedOver // the first response is with the HTTP handler
	exchangeDeferred   // the endpoint deferred the interaction itself
	exchangeAbandoned  // the HTTP request ended without a response
)

// respond is the interaction's responder.
func (x *httpExchange) respond(resp *discordgo.InteractionResponse) error {
	x.mu.Lock()
	switch x.state {
	case exchangeDeferred:
		x.mu.Unlock()
		return errEndpointDeferred
	case exchangeHandedOver, exchangeAbandoned:
		x.mu.Unlock()
		return errTooLate // one first response per interaction
	}
	x.state = exchangeHandedOver
	x.mu.Unlock()
	in := inline{resp: resp, written: make(chan error, 1)}
	x.first <- in
	return <-in.written
}

// give takes the first response away from the interaction's goroutine
// (state exchangeDeferred or exchangeAbandoned), unless it was already
// handed over; it reports which.
func (x *httpExchange) give(state int) bool {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.state == exchangeHandedOver {
		return false
	}
	x.state = state
	return true
}
func writeJSON(w http.ResponseWriter, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return err
	}
	w.Header().Set("Content-Type", "application/json")
	_, err = w.Write(data)
	return err
}

// verify checks Discord's signature: X-Signature-Ed25519 is the hex
// Ed25519 signature of X-Signature-Timestamp followed by the body, and
// the timestamp (Unix seconds) must be recent.
func (b *bot) verify(sigHex, timestamp string, body []byte) bool {
	if len(b.cfg.PublicKey) != ed25519.PublicKeySize || sigHex == "" || timestamp == "" {
		return false
	}
	sig, err := hex.DecodeString(sigHex)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return false
	}
	secs, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return false
	}
	if d := b.cfg.Now().Sub(time.Unix(secs, 0)); d > maxClockSkew || d < -maxClockSkew {
		return false
	}
	msg := make([]byte, 0, len(timestamp)+len(body))
	msg = append(append(msg, timestamp...), body...)
	return ed25519.Verify(b.cfg.PublicKey, msg, sig)
}
