package discordtest

import (
	"bytes"
	"compress/zlib"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Errors from Dispatch.
var (
	// ErrNoSession means no client has identified (or every session was
	// invalidated), so there is nobody to dispatch to. Wait for READY
	// first, for instance with WaitFor(ctx, Dispatched("READY")).
	ErrNoSession = errors.New("discordtest: no gateway session")
	// ErrFiltered means sessions exist but none receives the event, because
	// of their intents or shard.
	ErrFiltered = errors.New("discordtest: event filtered out by intents or shard")
)

// Gateway close codes the emulator uses, as documented by Discord.
const (
	CloseUnknownOpcode        = 4001
	CloseDecodeError          = 4002
	CloseNotAuthenticated     = 4003
	CloseAuthenticationFailed = 4004
	CloseAlreadyAuthenticated = 4005
	CloseInvalidShard         = 4010
	CloseInvalidIntents       = 4013
	CloseDisallowedIntents    = 4014
)

// privilegedIntents need a switch in the developer portal.
const privilegedIntents = discordgo.IntentGuildMembers | discordgo.IntentGuildPresences | discordgo.IntentMessageContent

// knownIntents are the bits Discord defines (up to DIRECT_MESSAGE_POLLS).
const knownIntents = discordgo.Intent(1<<26 - 1)

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// gatewayConn is one websocket connection.
type gatewayConn struct {
	id      int
	ws      *websocket.Conn
	writeMu sync.Mutex
	session atomic.Pointer[session] // set once identified or resumed
	done    atomic.Bool
}

// Identify is an IDENTIFY payload as the emulator received it. It is not
// discordgo.Identify because discordgo v0.29 cannot decode its own payload:
// it sends a zero "presence.game" whose created_at is a time string where
// its struct wants an integer. Discord ignores that presence.
type Identify struct {
	Token          string            `json:"token"`
	Properties     map[string]string `json:"properties"` // discordgo sends the legacy "$os" keys
	Compress       bool              `json:"compress"`
	LargeThreshold int               `json:"large_threshold"`
	Shard          *[2]int           `json:"shard"`
	Presence       json.RawMessage   `json:"presence"`
	Intents        discordgo.Intent  `json:"intents"`
}

// session is a gateway session: it outlives connections so it can be resumed.
type session struct {
	id       string
	identify Identify

	mu      sync.Mutex // orders sequence numbers, history and writes
	seq     int64
	history []frame
	conn    *gatewayConn // nil while disconnected
}

type frame struct {
	seq   int64
	event string
	data  json.RawMessage
}

// payload is a gateway payload on the wire.
type payload struct {
	Op int     `json:"op"`
	D  any     `json:"d"`
	S  *int64  `json:"s"`
	T  *string `json:"t"`
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	ws, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade already answered with an error
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		ws.Close()
		return
	}
	s.connCount++
	c := &gatewayConn{id: s.connCount, ws: ws}
	s.conns[c.id] = c
	s.recordLocked(Record{Kind: KindConnect, Conn: c.id, Query: r.URL.RawQuery})
	s.mu.Unlock()

	closeCode := 0
	defer func() { s.finish(c, closeCode) }()

	q, _ := url.ParseQuery(r.URL.RawQuery)
	if enc := q.Get("encoding"); enc != "" && enc != "json" {
		closeCode = CloseDecodeError
		c.closeWith(closeCode, "etf encoding is not supported by the emulator")
		return
	}
	hello := map[string]any{"heartbeat_interval": s.opts.HeartbeatInterval.Milliseconds()}
	if err := s.sendOp(c, OpHello, hello); err != nil {
		return
	}

	for {
		_, msg, err := ws.ReadMessage()
		if err != nil {
			return
		}
		var p struct {
			Op *int            `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(msg, &p); err != nil || p.Op == nil {
			s.record(Record{Kind: KindReceive, Conn: c.id, Op: -1, Data: json.RawMessage(strconv.Quote(string(msg)))})
			closeCode = CloseDecodeError
			c.closeWith(closeCode, "Decode error")
			return
		}
		sess := c.session.Load()
		rec := Record{Kind: KindReceive, Conn: c.id, Op: *p.Op, Data: p.D}
		if sess != nil {
			rec.SessionID = sess.id
		}
		s.record(rec)
		switch *p.Op {
		case OpHeartbeat:
			if err := s.sendOp(c, OpHeartbeatAck, nil); err != nil {
				return
			}
		case OpIdentify:
			if closeCode = s.identify(c, p.D); closeCode != 0 {
				return
			}
		case OpResume:
			if closeCode = s.resume(c, p.D); closeCode != 0 {
				return
			}
		case OpPresenceUpdate, OpVoiceStateUpdate, OpRequestGuildMembers:
			if sess == nil {
				closeCode = CloseNotAuthenticated
				c.closeWith(closeCode, "Not authenticated")
				return
			}
		default:
			closeCode = CloseUnknownOpcode
			c.closeWith(closeCode, "Unknown opcode")
			return
		}
	}
}

// finish forgets a connection that ended and detaches it from its session,
// which stays resumable.
func (s *Server) finish(c *gatewayConn, code int) {
	c.done.Store(true)
	c.ws.Close()
	if sess := c.session.Load(); sess != nil {
		sess.mu.Lock()
		if sess.conn == c {
			sess.conn = nil
		}
		sess.mu.Unlock()
	}
	s.mu.Lock()
	delete(s.conns, c.id)
	s.recordLocked(Record{Kind: KindDisconnect, Conn: c.id, CloseCode: code})
	s.mu.Unlock()
}

// identify handles op 2. It returns a close code when it closed the
// connection.
func (s *Server) identify(c *gatewayConn, raw json.RawMessage) int {
	if c.session.Load() != nil {
		c.closeWith(CloseAlreadyAuthenticated, "Already authenticated")
		return CloseAlreadyAuthenticated
	}
	var id Identify
	if err := json.Unmarshal(raw, &id); err != nil {
		c.closeWith(CloseDecodeError, "Decode error")
		return CloseDecodeError
	}
	if strings.TrimPrefix(id.Token, "Bot ") != s.opts.Token {
		c.closeWith(CloseAuthenticationFailed, "Authentication failed")
		return CloseAuthenticationFailed
	}
	if id.Intents&^knownIntents != 0 {
		c.closeWith(CloseInvalidIntents, "Invalid intent(s)")
		return CloseInvalidIntents
	}
	if id.Intents&privilegedIntents&s.opts.DisabledIntents != 0 {
		c.closeWith(CloseDisallowedIntents, "Disallowed intent(s)")
		return CloseDisallowedIntents
	}
	if sh := id.Shard; sh != nil && (sh[1] < 1 || sh[0] < 0 || sh[0] >= sh[1]) {
		c.closeWith(CloseInvalidShard, "Invalid shard")
		return CloseInvalidShard
	}

	sess := &session{id: newSessionID(), identify: id}
	s.mu.Lock()
	s.sessions[sess.id] = sess
	s.identifies++
	s.mu.Unlock()

	sess.mu.Lock()
	defer sess.mu.Unlock()
	sess.conn = c
	c.session.Store(sess)

	guilds := []map[string]any{}
	for _, g := range s.opts.GuildIDs {
		if s.shardOf(g, id.Shard) {
			guilds = append(guilds, map[string]any{"id": g, "unavailable": true})
		}
	}
	ready := map[string]any{
		"v":                  10,
		"user":               s.botUser(),
		"guilds":             guilds,
		"session_id":         sess.id,
		"resume_gateway_url": s.GatewayURL(),
		"application":        map[string]any{"id": s.opts.AppID, "flags": 0},
		"private_channels":   []any{},
	}
	if id.Shard != nil {
		ready["shard"] = id.Shard
	}
	s.sendLocked(sess, "READY", mustJSON(ready))
	if s.opts.IgnoreIntents || id.Intents&discordgo.IntentGuilds != 0 {
		for _, g := range guilds {
			s.sendLocked(sess, "GUILD_CREATE", guildCreate(g["id"].(string)))
		}
	}
	return 0
}

// resume handles op 6: replay what the session missed, then RESUMED.
func (s *Server) resume(c *gatewayConn, raw json.RawMessage) int {
	if c.session.Load() != nil {
		c.closeWith(CloseAlreadyAuthenticated, "Already authenticated")
		return CloseAlreadyAuthenticated
	}
	var r struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(raw, &r); err != nil {
		c.closeWith(CloseDecodeError, "Decode error")
		return CloseDecodeError
	}
	if strings.TrimPrefix(r.Token, "Bot ") != s.opts.Token {
		c.closeWith(CloseAuthenticationFailed, "Authentication failed")
		return CloseAuthenticationFailed
	}
	s.mu.Lock()
	sess := s.sessions[r.SessionID]
	s.mu.Unlock()
	if sess == nil {
		s.sendOp(c, OpInvalidSession, false)
		return 0
	}

	sess.mu.Lock()
	defer sess.mu.Unlock()
	if r.Seq > sess.seq {
		s.sendOp(c, OpInvalidSession, false)
		return 0
	}
	if old := sess.conn; old != nil && old != c {
		// Discord lets only one connection hold a session.
		old.abort()
	}
	sess.conn = c
	c.session.Store(sess)
	for _, f := range sess.history {
		if f.seq > r.Seq {
			s.writeFrameLocked(sess, f, true)
		}
	}
	s.sendLocked(sess, "RESUMED", json.RawMessage(`{}`))
	return 0
}

// sendLocked assigns the next sequence number to a dispatch, keeps it for
// replay, records it and writes it if the session is connected. sess.mu
// must be held.
func (s *Server) sendLocked(sess *session, event string, data json.RawMessage) Record {
	sess.seq++
	f := frame{seq: sess.seq, event: event, data: data}
	sess.history = append(sess.history, f)
	return s.writeFrameLocked(sess, f, false)
}

func (s *Server) writeFrameLocked(sess *session, f frame, replayed bool) Record {
	rec := Record{Kind: KindSend, Op: OpDispatch, Event: f.event, GatewaySeq: f.seq, SessionID: sess.id, Data: f.data, Replayed: replayed}
	c := sess.conn
	if c == nil {
		return s.record(rec)
	}
	rec.Conn = c.id
	rec.Compressed = sess.identify.Compress
	// Record before writing, so the log shows the dispatch before whatever
	// the client does about it.
	rec = s.record(rec)
	seq, event := f.seq, f.event
	b := mustJSON(payload{Op: OpDispatch, D: f.data, S: &seq, T: &event})
	if err := c.write(b, sess.identify.Compress); err != nil {
		c.abort()
	}
	return rec
}

// sendOp writes a non-dispatch payload.
func (s *Server) sendOp(c *gatewayConn, op int, d any) error {
	rec := Record{Kind: KindSend, Conn: c.id, Op: op}
	if d != nil {
		rec.Data = mustJSON(d)
	}
	if sess := c.session.Load(); sess != nil {
		rec.SessionID = sess.id
	}
	s.record(rec)
	return c.write(mustJSON(payload{Op: op, D: d}), false)
}

// zlibWriters are reused: a zlib.Writer allocates a few hundred kilobytes.
var zlibWriters = sync.Pool{New: func() any { return zlib.NewWriter(nil) }}

// write sends one payload, zlib-compressed in a binary frame when the
// client asked for compression in IDENTIFY; discordgo inflates every binary
// frame on its own.
func (c *gatewayConn) write(b []byte, compress bool) error {
	typ := websocket.TextMessage
	if compress {
		var buf bytes.Buffer
		z := zlibWriters.Get().(*zlib.Writer)
		z.Reset(&buf)
		z.Write(b) // writes to a bytes.Buffer do not fail
		z.Close()
		zlibWriters.Put(z)
		b, typ = buf.Bytes(), websocket.BinaryMessage
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	return c.ws.WriteMessage(typ, b)
}

// closeWith sends a close frame with code and closes the connection.
func (c *gatewayConn) closeWith(code int, text string) {
	c.writeMu.Lock()
	c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	c.writeMu.Unlock()
	c.ws.Close()
}

// abort closes the TCP connection without a close frame, like a network
// failure; the reader goroutine then finishes the connection.
func (c *gatewayConn) abort() {
	c.ws.UnderlyingConn().Close()
}

func (s *Server) liveConnsLocked() []*gatewayConn {
	var out []*gatewayConn
	for _, c := range s.conns {
		out = append(out, c)
	}
	return out
}

// DropConnections closes every gateway connection abruptly, without a
// close frame, as a network failure would. Sessions stay resumable, and
// dispatches sent until the client resumes are replayed after RESUME.
func (s *Server) DropConnections() {
	s.mu.Lock()
	conns := s.liveConnsLocked()
	s.mu.Unlock()
	for _, c := range conns {
		c.abort()
	}
}

// InvalidateSessions forgets every session. Connected clients get
// INVALID_SESSION (op 9, d=false) and must IDENTIFY again on the same
// connection; a client that later tries to RESUME a forgotten session gets
// op 9 too. Together with DropConnections this forces a fresh IDENTIFY
// after a reconnect.
func (s *Server) InvalidateSessions() {
	s.mu.Lock()
	var sessions []*session
	for id, sess := range s.sessions {
		sessions = append(sessions, sess)
		delete(s.sessions, id)
	}
	s.mu.Unlock()
	for _, sess := range sessions {
		sess.mu.Lock()
		c := sess.conn
		sess.conn = nil
		if c != nil {
			c.session.Store(nil)
			s.sendOp(c, OpInvalidSession, false)
		}
		sess.mu.Unlock()
	}
}

// Dispatch sends event with data (anything that marshals to the event's
// JSON, including json.RawMessage) to every session whose intents and shard
// let it through, and returns the record of the first delivery. A session
// whose connection is down gets the event when it resumes.
//
// INTERACTION_CREATE and MESSAGE_CREATE payloads are also remembered, so
// that responses and replies to them can be checked and timed.
func (s *Server) Dispatch(event string, data any) (Record, error) {
	raw, err := json.Marshal(data)
	if err != nil {
		return Record{}, fmt.Errorf("dispatch %s: %w", event, err)
	}
	s.mu.Lock()
	var sessions []*session
	for _, sess := range s.sessions {
		sessions = append(sessions, sess)
	}
	s.mu.Unlock()
	if len(sessions) == 0 {
		return Record{}, ErrNoSession
	}
	// Before sending: a fast bot may answer before the write returns.
	s.observe(event, raw)
	var first Record
	delivered := false
	for _, sess := range sessions {
		d, ok := s.filterFor(sess, event, raw)
		if !ok {
			continue
		}
		sess.mu.Lock()
		rec := s.sendLocked(sess, event, d)
		sess.mu.Unlock()
		if !delivered {
			first, delivered = rec, true
		}
	}
	if !delivered {
		return Record{}, ErrFiltered
	}
	return first, nil
}

// DispatchInteraction sends i as INTERACTION_CREATE. It fills
// ApplicationID when empty, and replaces the placeholder command ID set by
// SlashCommand with the ID of the registered command of that name.
func (s *Server) DispatchInteraction(i *Interaction) (Record, error) {
	if i.ApplicationID == "" {
		i.ApplicationID = s.opts.AppID
	}
	if d := i.Data; d != nil && d.Name != "" && d.ID == commandID(d.Name) {
		if c := s.findCommand(d.Name, i.GuildID); c != nil {
			d.ID = c.ID
			if c.GuildID != "" {
				d.GuildID = c.GuildID
			}
		}
	}
	return s.Dispatch("INTERACTION_CREATE", i)
}

// DispatchMessage sends m as MESSAGE_CREATE. Unless the test set
// m.Mentions, the mentions are derived from the content first.
func (s *Server) DispatchMessage(m *Message) (Record, error) {
	if m.Mentions == nil {
		s.mu.Lock()
		m.fillMentions(s.knownUser)
		s.mu.Unlock()
	}
	return s.Dispatch("MESSAGE_CREATE", m)
}

// RegisterMessage tells the emulator about a user message without
// dispatching it, so that REST-only tests can check replies to it.
func (s *Server) RegisterMessage(m *Message) {
	s.observe("MESSAGE_CREATE", mustJSON(m))
}

// observe remembers interactions, messages and users the bot is told about.
func (s *Server) observe(event string, raw json.RawMessage) {
	now := time.Now()
	switch event {
	case "INTERACTION_CREATE":
		var i Interaction
		if json.Unmarshal(raw, &i) != nil || i.ID == "" {
			return
		}
		s.mu.Lock()
		s.registerLocked(&i, now)
		s.mu.Unlock()
	case "MESSAGE_CREATE":
		var m Message
		if json.Unmarshal(raw, &m) != nil || m.ID == "" {
			return
		}
		s.mu.Lock()
		s.seen[m.ID] = seenMessage{channelID: m.ChannelID, guildID: m.GuildID, dispatched: now}
		if m.Author.ID != "" {
			s.users[m.Author.ID] = m.Author
		}
		s.mu.Unlock()
	}
}

// filterFor decides whether sess receives event and strips message content
// the session may not see. It returns the data to send.
func (s *Server) filterFor(sess *session, event string, raw json.RawMessage) (json.RawMessage, bool) {
	var f struct {
		GuildID string `json:"guild_id"`
		Author  *User  `json:"author"`
		Mention []User `json:"mentions"`
	}
	json.Unmarshal(raw, &f)
	if !s.shardOf(f.GuildID, sess.identify.Shard) {
		return nil, false
	}
	if s.opts.IgnoreIntents {
		return raw, true
	}
	intents := sess.identify.Intents
	inGuild := f.GuildID != ""
	need := discordgo.Intent(0)
	switch event {
	case "MESSAGE_CREATE", "MESSAGE_UPDATE", "MESSAGE_DELETE", "MESSAGE_DELETE_BULK":
		need = pick(inGuild, discordgo.IntentGuildMessages, discordgo.IntentDirectMessages)
	case "MESSAGE_REACTION_ADD", "MESSAGE_REACTION_REMOVE", "MESSAGE_REACTION_REMOVE_ALL", "MESSAGE_REACTION_REMOVE_EMOJI":
		need = pick(inGuild, discordgo.IntentGuildMessageReactions, discordgo.IntentDirectMessageReactions)
	case "TYPING_START":
		need = pick(inGuild, discordgo.IntentGuildMessageTyping, discordgo.IntentDirectMessageTyping)
	case "GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE", "CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE",
		"GUILD_ROLE_CREATE", "GUILD_ROLE_UPDATE", "GUILD_ROLE_DELETE", "THREAD_CREATE", "THREAD_UPDATE", "THREAD_DELETE":
		need = discordgo.IntentGuilds
	case "GUILD_MEMBER_ADD", "GUILD_MEMBER_UPDATE", "GUILD_MEMBER_REMOVE":
		need = discordgo.IntentGuildMembers
	case "PRESENCE_UPDATE":
		need = discordgo.IntentGuildPresences
	}
	if intents&need != need {
		return nil, false
	}
	if (event == "MESSAGE_CREATE" || event == "MESSAGE_UPDATE") && inGuild && intents&discordgo.IntentMessageContent == 0 {
		// Without MESSAGE_CONTENT a bot still sees the content of DMs, of
		// its own messages and of messages that mention it.
		self := f.Author != nil && f.Author.ID == s.opts.AppID
		mentioned := false
		for _, u := range f.Mention {
			mentioned = mentioned || u.ID == s.opts.AppID
		}
		if !self && !mentioned {
			return stripContent(raw), true
		}
	}
	return raw, true
}

func pick(guild bool, inGuild, inDM discordgo.Intent) discordgo.Intent {
	if guild {
		return inGuild
	}
	return inDM
}

// stripContent empties the fields MESSAGE_CONTENT guards.
func stripContent(raw json.RawMessage) json.RawMessage {
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return raw
	}
	m["content"] = ""
	m["embeds"] = []any{}
	m["attachments"] = []any{}
	m["components"] = []any{}
	delete(m, "poll")
	return mustJSON(m)
}

// shardOf reports whether events of guildID go to the shard; DMs go to
// shard 0, as Discord documents: shard_id = (guild_id >> 22) % num_shards.
func (s *Server) shardOf(guildID string, shard *[2]int) bool {
	if shard == nil || shard[1] <= 1 {
		return true
	}
	if guildID == "" {
		return shard[0] == 0
	}
	id, err := strconv.ParseUint(guildID, 10, 64)
	if err != nil {
		return shard[0] == 0
	}
	return int((id>>22)%uint64(shard[1])) == shard[0]
}

// guildCreate is a minimal GUILD_CREATE: enough for discordgo's state.
func guildCreate(guildID string) json.RawMessage {
	channels := []any{}
	if guildID == DefaultGuildID {
		channels = append(channels, map[string]any{"id": DefaultChannelID, "type": 0, "name": "general", "position": 0, "permission_overwrites": []any{}})
	}
	return mustJSON(map[string]any{
		"id":                            guildID,
		"name":                          "Test Guild " + guildID,
		"icon":                          nil,
		"owner_id":                      DefaultUserID,
		"preferred_locale":              DefaultLocale,
		"features":                      []any{},
		"roles":                         []any{map[string]any{"id": guildID, "name": "@everyone", "permissions": "2248473465835073", "position": 0, "color": 0, "hoist": false, "managed": false, "mentionable": false}},
		"emojis":                        []any{},
		"stickers":                      []any{},
		"channels":                      channels,
		"threads":                       []any{},
		"members":                       []any{},
		"presences":                     []any{},
		"voice_states":                  []any{},
		"member_count":                  2,
		"large":                         false,
		"unavailable":                   false,
		"joined_at":                     "2024-01-15T10:00:00.000000+00:00",
		"verification_level":            0,
		"default_message_notifications": 0,
		"explicit_content_filter":       0,
		"mfa_level":                     0,
		"nsfw_level":                    0,
		"premium_tier":                  0,
	})
}
