package discordtest

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Kind says which side of the emulator a Record comes from.
type Kind string

const (
	// KindREST is an HTTP request to the REST API, whatever its outcome.
	KindREST Kind = "rest"
	// KindConnect is a new gateway websocket connection.
	KindConnect Kind = "connect"
	// KindDisconnect is the end of a gateway connection, from either side.
	KindDisconnect Kind = "disconnect"
	// KindReceive is a gateway payload the client sent (identify, heartbeat...).
	KindReceive Kind = "receive"
	// KindSend is a gateway payload the emulator sent or queued for a
	// session whose connection is down.
	KindSend Kind = "send"
)

// Gateway opcodes, named as in Discord's documentation.
const (
	OpDispatch            = 0
	OpHeartbeat           = 1
	OpIdentify            = 2
	OpPresenceUpdate      = 3
	OpVoiceStateUpdate    = 4
	OpResume              = 6
	OpReconnect           = 7
	OpRequestGuildMembers = 8
	OpInvalidSession      = 9
	OpHello               = 10
	OpHeartbeatAck        = 11
)

// Record is one thing that happened on the emulator. Records are values and
// the emulator never changes one after recording it; treat the slices and
// pointers inside as read-only.
type Record struct {
	Seq  int // position in the log, from 1
	Time time.Time
	Kind Kind

	// REST requests.
	Method     string
	Path       string // without the /api/vN prefix, e.g. /channels/1/messages
	Query      string
	APIVersion string // "9" for discordgo v0.29
	Route      string // matched route such as RouteCreateMessage; "" if unknown
	Auth       string // Authorization header
	Body       any    // decoded JSON body (map[string]any, []any...) or nil
	RawBody    []byte // JSON body; payload_json for multipart requests
	Status     int    // status the emulator answered
	Reply      []byte // body the emulator answered
	Fault      bool   // the answer came from an injected Fault

	// Gateway payloads and connections.
	// Conn is the connection number, from 1. A dispatch recorded with 0
	// was queued while the session was disconnected; one recorded with a
	// connection that was dropping may not have arrived, and is replayed
	// on RESUME like a queued one.
	Conn       int
	Op         int    // gateway opcode
	Event      string // dispatch event name (t), e.g. INTERACTION_CREATE
	GatewaySeq int64  // dispatch sequence number (s)
	SessionID  string
	Data       json.RawMessage // d
	Replayed   bool            // a dispatch re-sent after RESUME
	Compressed bool            // sent as a zlib-compressed binary frame
	CloseCode  int             // for KindDisconnect, when the emulator closed with a code

	// What the request did, when it was accepted.
	Response *InteractionResponse // interaction callbacks
	Message  *SentMessage         // message creates, edits and deletes
	Latency  time.Duration        // from the dispatch this answers to the request
}

// Decode unmarshals the record's JSON (RawBody for REST, Data for gateway
// payloads) into v.
func (r Record) Decode(v any) error {
	b := r.RawBody
	if r.Kind != KindREST {
		b = r.Data
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode record %d: %w", r.Seq, err)
	}
	return nil
}

// OK reports whether a REST record was answered with a 2xx status.
func (r Record) OK() bool { return r.Status >= 200 && r.Status < 300 }

// String summarises the record for failure messages.
func (r Record) String() string {
	switch r.Kind {
	case KindREST:
		return fmt.Sprintf("#%d rest %s %s -> %d", r.Seq, r.Method, r.Path, r.Status)
	case KindSend, KindReceive:
		if r.Op == OpDispatch {
			return fmt.Sprintf("#%d %s op=0 %s s=%d conn=%d", r.Seq, r.Kind, r.Event, r.GatewaySeq, r.Conn)
		}
		return fmt.Sprintf("#%d %s op=%d conn=%d", r.Seq, r.Kind, r.Op, r.Conn)
	}
	return fmt.Sprintf("#%d %s conn=%d", r.Seq, r.Kind, r.Conn)
}

// InteractionResponse is an accepted initial response to an interaction,
// sent by POST /interactions/{id}/{token}/callback (or handed to
// RecordHTTPResponse for interactions received over HTTP).
type InteractionResponse struct {
	InteractionID string
	Type          discordgo.InteractionResponseType

	// Message responses (types 4 and 7).
	Content    string
	Embeds     []*discordgo.MessageEmbed
	Components []discordgo.MessageComponent
	Flags      discordgo.MessageFlags

	// Autocomplete results (type 8).
	Choices []*discordgo.ApplicationCommandOptionChoice

	// Modals (type 9).
	CustomID string
	Title    string

	Raw     json.RawMessage // the whole response body
	Time    time.Time
	Latency time.Duration // since the interaction was dispatched
}

// Ephemeral reports whether the response is only visible to the invoker.
func (r InteractionResponse) Ephemeral() bool {
	return r.Flags&discordgo.MessageFlagsEphemeral != 0
}

// Message sources.
const (
	SourceChannel     = "channel"     // POST /channels/{id}/messages
	SourceInteraction = "interaction" // the original response of an interaction
	SourceFollowup    = "followup"    // POST /webhooks/{app}/{token}
)

// SentMessage is a message the bot created, as it stands after the request
// the record is about.
type SentMessage struct {
	ID            string
	ChannelID     string
	GuildID       string
	Source        string // SourceChannel, SourceInteraction or SourceFollowup
	InteractionID string // for SourceInteraction and SourceFollowup

	Content         string
	Embeds          []*discordgo.MessageEmbed
	Components      []discordgo.MessageComponent
	Flags           discordgo.MessageFlags
	Reference       *discordgo.MessageReference
	AllowedMentions *discordgo.MessageAllowedMentions
	TTS             bool
	Attachments     []Attachment

	Created time.Time
	Edited  time.Time // zero if never edited
	Deleted bool
	Latency time.Duration // from the dispatch it answers (interaction or replied-to message)
}

// Attachment is a file uploaded with a message.
type Attachment struct {
	Filename    string
	ContentType string
	Size        int
}

// Predicates for WaitFor and friends.

// OnRoute matches REST requests on route, such as RouteCreateMessage.
func OnRoute(route string) func(Record) bool {
	return func(r Record) bool { return r.Kind == KindREST && r.Route == route }
}

// ResponseTo matches the accepted initial response to the interaction.
func ResponseTo(interactionID string) func(Record) bool {
	return func(r Record) bool { return r.Response != nil && r.Response.InteractionID == interactionID }
}

// ReplyTo matches the accepted creation of a channel message that replies
// to (has a message_reference to) messageID.
func ReplyTo(messageID string) func(Record) bool {
	return func(r Record) bool {
		m := r.Message
		return m != nil && r.Method == "POST" && m.Reference != nil && m.Reference.MessageID == messageID
	}
}

// MessageIn matches the accepted creation of a message in channelID by any
// means (channel message, interaction response or follow-up).
func MessageIn(channelID string) func(Record) bool {
	return func(r Record) bool {
		if r.Message != nil && r.Method == "POST" && r.Message.ChannelID == channelID {
			return true
		}
		return false
	}
}

// FollowupTo matches accepted follow-up messages of the interaction.
func FollowupTo(interactionID string) func(Record) bool {
	return func(r Record) bool {
		m := r.Message
		return m != nil && r.Method == "POST" && m.Source == SourceFollowup && m.InteractionID == interactionID
	}
}

// Dispatched matches dispatches of event (e.g. "READY", "RESUMED") that were
// written to a connection.
func Dispatched(event string) func(Record) bool {
	return func(r Record) bool {
		return r.Kind == KindSend && r.Op == OpDispatch && r.Event == event && r.Conn != 0
	}
}

// Received matches gateway payloads with opcode op sent by the client.
func Received(op int) func(Record) bool {
	return func(r Record) bool { return r.Kind == KindReceive && r.Op == op }
}

// OfKind matches records of kind k.
func OfKind(k Kind) func(Record) bool {
	return func(r Record) bool { return r.Kind == k }
}

// Mark returns the Seq of the last record, for WaitSince.
func (s *Server) Mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.records)
}

// WaitFor returns the first record, past or future, that match accepts. It
// fails when ctx is done; the error lists the last records to help debug.
func (s *Server) WaitFor(ctx context.Context, match func(Record) bool) (Record, error) {
	return s.WaitSince(ctx, 0, match)
}

// WaitSince is WaitFor restricted to records after mark (see Mark).
func (s *Server) WaitSince(ctx context.Context, mark int, match func(Record) bool) (Record, error) {
	rs, err := s.waitCount(ctx, mark, 1, match)
	if err != nil {
		return Record{}, err
	}
	return rs[0], nil
}

// WaitCount waits until n records match and returns the first n of them.
func (s *Server) WaitCount(ctx context.Context, n int, match func(Record) bool) ([]Record, error) {
	return s.waitCount(ctx, 0, n, match)
}

func (s *Server) waitCount(ctx context.Context, mark, n int, match func(Record) bool) ([]Record, error) {
	next := mark
	var found []Record
	for {
		s.mu.Lock()
		for ; next < len(s.records); next++ {
			if match(s.records[next]) {
				found = append(found, s.records[next])
				if len(found) == n {
					s.mu.Unlock()
					return found, nil
				}
			}
		}
		changed := s.changed
		s.mu.Unlock()
		select {
		case <-changed:
		case <-ctx.Done():
			return found, fmt.Errorf("wait for %d matching records, got %d: %w; last records:\n%s", n, len(found), ctx.Err(), s.tail(12))
		}
	}
}

// tail renders the last n records.
func (s *Server) tail(n int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	for _, r := range s.records[max(0, len(s.records)-n):] {
		fmt.Fprintf(&b, "  %s\n", r)
	}
	return b.String()
}

// WaitResponse waits for the accepted initial response to the interaction.
func (s *Server) WaitResponse(ctx context.Context, interactionID string) (InteractionResponse, error) {
	r, err := s.WaitFor(ctx, ResponseTo(interactionID))
	if err != nil {
		return InteractionResponse{}, err
	}
	return *r.Response, nil
}

// WaitReply waits for the bot's reply to the message messageID.
func (s *Server) WaitReply(ctx context.Context, messageID string) (SentMessage, error) {
	r, err := s.WaitFor(ctx, ReplyTo(messageID))
	if err != nil {
		return SentMessage{}, err
	}
	return *r.Message, nil
}

// Records returns a copy of everything recorded so far.
func (s *Server) Records() []Record {
	return s.filter(func(Record) bool { return true })
}

// Requests returns the REST requests recorded so far.
func (s *Server) Requests() []Record {
	return s.filter(OfKind(KindREST))
}

// Unhandled returns the REST requests on routes the emulator does not know
// (answered 404), so a test can fail on calls nobody expected.
func (s *Server) Unhandled() []Record {
	return s.filter(func(r Record) bool { return r.Kind == KindREST && r.Route == "" })
}

// Responses returns the accepted interaction responses, in order.
func (s *Server) Responses() []InteractionResponse {
	var out []InteractionResponse
	for _, r := range s.filter(func(r Record) bool { return r.Response != nil }) {
		out = append(out, *r.Response)
	}
	return out
}

// Messages returns the current state of every message the bot created, in
// creation order, including deleted ones (Deleted set).
func (s *Server) Messages() []SentMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]SentMessage, 0, len(s.sentOrder))
	for _, id := range s.sentOrder {
		out = append(out, *s.sent[id])
	}
	return out
}

// Identifies returns the IDENTIFY payloads received, in order.
func (s *Server) Identifies() []Identify {
	var out []Identify
	for _, r := range s.filter(Received(OpIdentify)) {
		var id Identify
		if r.Decode(&id) == nil {
			out = append(out, id)
		}
	}
	return out
}

func (s *Server) filter(match func(Record) bool) []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Record
	for _, r := range s.records {
		if match(r) {
			out = append(out, r)
		}
	}
	return out
}

// record appends r to the log and wakes waiters. It takes s.mu.
func (s *Server) record(r Record) Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.recordLocked(r)
}

func (s *Server) recordLocked(r Record) Record {
	if r.Time.IsZero() {
		r.Time = time.Now()
	}
	r.Seq = len(s.records) + 1
	s.records = append(s.records, r)
	close(s.changed)
	s.changed = make(chan struct{})
	if s.opts.Logf != nil {
		s.opts.Logf("discordtest: %s", r)
	}
	return r
}
