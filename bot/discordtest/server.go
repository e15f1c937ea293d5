package discordtest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Options configure a Server. The zero value works.
type Options struct {
	// Token is the bot token without the "Bot " prefix. Default DefaultToken.
	Token string
	// AppID is the application ID, which is also the bot user's ID.
	// Default DefaultAppID.
	AppID string
	// BotName is the bot user's username. Default DefaultBotName.
	BotName string
	// GuildIDs are the guilds the bot is in: listed as unavailable in READY,
	// then sent as GUILD_CREATE. Default [DefaultGuildID].
	GuildIDs []string
	// HeartbeatInterval is announced in HELLO. Default 1s, short so that
	// tests see heartbeats; discordgo reconnects after 5 intervals without
	// an ACK.
	HeartbeatInterval time.Duration
	// InteractionDeadline is how long after dispatch an interaction accepts
	// its initial response, after which the callback fails with 404 Unknown
	// interaction (code 10062). Default 3s, like Discord.
	InteractionDeadline time.Duration
	// DisabledIntents are privileged intents not enabled for the app in the
	// developer portal; identifying with them closes the connection with
	// 4014 Disallowed intent(s). Default none.
	DisabledIntents discordgo.Intent
	// IgnoreIntents delivers every dispatch whatever the session's intents
	// and leaves message content in place without MESSAGE_CONTENT.
	IgnoreIntents bool
	// Logf, if set, receives one line per record (t.Logf is a good choice
	// as long as no session outlives the test).
	Logf func(format string, args ...any)
}

// Server is a loopback Discord: REST API and gateway on one 127.0.0.1 port.
type Server struct {
	// URL is the base URL, http://127.0.0.1:port, without a trailing slash.
	URL string

	opts   Options
	http   *httptest.Server
	mux    *http.ServeMux
	signer *Signer

	mu           sync.Mutex
	changed      chan struct{} // closed and replaced on every record
	records      []Record
	closed       bool
	conns        map[int]*gatewayConn
	connCount    int
	sessions     map[string]*session
	identifies   int
	interactions map[string]*interactionState // by interaction ID
	byToken      map[string]*interactionState
	sent         map[string]*SentMessage // messages the bot created, by ID
	sentOrder    []string
	seen         map[string]seenMessage // messages dispatched to the bot, by ID
	users        map[string]User        // users the emulator knows, by ID
	commands     map[string][]*discordgo.ApplicationCommand
	faults       []*Fault
}

// seenMessage is what the emulator remembers of a dispatched message, to
// validate replies and measure reply latency.
type seenMessage struct {
	channelID  string
	guildID    string
	dispatched time.Time
}

// NewServer starts an emulator on 127.0.0.1 with a random port. Call Close
// when done, after closing the discordgo sessions that use it.
func NewServer(opts Options) *Server {
	if opts.Token == "" {
		opts.Token = DefaultToken
	}
	if opts.AppID == "" {
		opts.AppID = DefaultAppID
	}
	if opts.BotName == "" {
		opts.BotName = DefaultBotName
	}
	if opts.GuildIDs == nil {
		opts.GuildIDs = []string{DefaultGuildID}
	}
	if opts.HeartbeatInterval <= 0 {
		opts.HeartbeatInterval = time.Second
	}
	if opts.InteractionDeadline <= 0 {
		opts.InteractionDeadline = 3 * time.Second
	}
	signer, err := NewSigner()
	if err != nil {
		// crypto/rand does not fail on the platforms Go supports.
		panic("discordtest: " + err.Error())
	}
	s := &Server{
		opts:         opts,
		signer:       signer,
		changed:      make(chan struct{}),
		conns:        map[int]*gatewayConn{},
		sessions:     map[string]*session{},
		interactions: map[string]*interactionState{},
		byToken:      map[string]*interactionState{},
		sent:         map[string]*SentMessage{},
		seen:         map[string]seenMessage{},
		users:        map[string]User{},
		commands:     map[string][]*discordgo.ApplicationCommand{},
	}
	s.users[opts.AppID] = s.botUser()
	s.users[DefaultUserID] = DefaultUser()
	s.mux = s.routes()
	s.http = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	s.URL = s.http.URL
	return s
}

// Start is NewServer plus Patch for a test: the endpoints are restored and
// the server closed when the test ends. Create discordgo sessions after
// Start so that their t.Cleanup (which runs first) closes them before the
// server goes away. Not for parallel tests.
func Start(tb testing.TB, opts Options) *Server {
	tb.Helper()
	s := NewServer(opts)
	restore := s.Patch()
	tb.Cleanup(func() {
		restore()
		s.Close()
	})
	return s
}

// Close drops every gateway connection and stops the server. Sessions still
// open will try to reconnect (and fail) in the background.
func (s *Server) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	conns := s.liveConnsLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.abort()
	}
	s.http.Close()
}

// Token returns the bot token without the "Bot " prefix; discordgo wants
// discordgo.New("Bot " + s.Token()).
func (s *Server) Token() string { return s.opts.Token }

// AppID returns the application ID, which is also the bot user's ID.
func (s *Server) AppID() string { return s.opts.AppID }

// BotUser returns the bot's user object.
func (s *Server) BotUser() User { return s.botUser() }

func (s *Server) botUser() User { return botUser(s.opts.AppID, s.opts.BotName) }

// GatewayURL returns the websocket URL the emulator announces.
func (s *Server) GatewayURL() string {
	return "ws" + strings.TrimPrefix(s.URL, "http") + "/"
}

// Signer returns the application's interaction signing key; its public key
// is the verify_key of GET /applications/@me.
func (s *Server) Signer() *Signer { return s.signer }

// Commands returns the application commands registered for guildID, or the
// global commands when guildID is empty.
func (s *Server) Commands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []*discordgo.ApplicationCommand
	for _, c := range s.commands[commandsKey(s.opts.AppID, guildID)] {
		cp := *c
		out = append(out, &cp)
	}
	return out
}

// Fault makes the REST API fail on purpose. The zero Route matches every
// route; Times is how many matching requests fail (0 means 1).
type Fault struct {
	Route  string // e.g. RouteCreateMessage; "" for any route
	Status int    // e.g. 429, 500, 502; 0 keeps the normal answer (use with Delay)
	// RetryAfter is announced with 429 (body retry_after in seconds, and the
	// Retry-After and X-RateLimit-Reset-After headers). Default 50ms.
	RetryAfter time.Duration
	// Global makes a 429 a global rate limit (X-RateLimit-Global), which
	// makes discordgo hold every bucket.
	Global bool
	// Delay is slept before answering.
	Delay time.Duration
	Times int

	hits int
}

// InjectFault adds f; faults are tried in the order they were added.
func (s *Server) InjectFault(f Fault) {
	if f.Times <= 0 {
		f.Times = 1
	}
	if f.Status == http.StatusTooManyRequests && f.RetryAfter <= 0 {
		f.RetryAfter = 50 * time.Millisecond
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, &f)
}

// ClearFaults removes every fault not yet used up: Discord is back.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// takeFault returns a copy of the first fault that matches route and uses
// one of its Times.
func (s *Server) takeFault(route string) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if f.Route != "" && f.Route != route {
			continue
		}
		f.hits++
		if f.hits >= f.Times {
			s.faults = append(s.faults[:i:i], s.faults[i+1:]...)
		}
		return *f, true
	}
	return Fault{}, false
}

// knownUser resolves user IDs for mentions.
func (s *Server) knownUser(id string) (User, bool) {
	u, ok := s.users[id]
	return u, ok
}

// Patch points discordgo's endpoint variables at the emulator and returns a
// function that restores them.
//
// discordgo builds every URL from package variables: plain strings computed
// once at init from EndpointDiscord (EndpointAPI, EndpointGateway,
// EndpointChannels, ...), and functions that read those strings when called
// (EndpointChannelMessages, EndpointInteractionResponse, ...). Patch
// recomputes every string the way endpoints.go does, so the functions
// follow. The session finds the gateway through GET /gateway, so nothing
// else needs changing.
//
// For tests only. The variables are process-wide: do not Patch from
// parallel tests or for two servers at once, and restore before the next
// test patches.
func (s *Server) Patch() (restore func()) {
	saved := saveEndpoints()
	setEndpoints(s.URL + "/")
	return func() { saved.apply() }
}

// Secrets returns what must never appear in a bot's logs: the bot token
// and the token of every interaction the emulator has dispatched or been
// told about. Tests grep the bot's log output for each.
func (s *Server) Secrets() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []string{s.opts.Token}
	for token := range s.byToken {
		if token != "" {
			out = append(out, token)
		}
	}
	return out
}
