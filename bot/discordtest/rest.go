package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Routes the emulator serves, as recorded in Record.Route: method and path
// pattern without the /api/vN prefix.
const (
	RouteGateway                 = "GET /gateway"
	RouteGatewayBot              = "GET /gateway/bot"
	RouteCurrentUser             = "GET /users/@me"
	RouteCurrentApplication      = "GET /applications/@me"
	RouteOAuth2Application       = "GET /oauth2/applications/@me" // what discordgo's Application("@me") calls
	RouteGlobalCommands          = "GET /applications/{application}/commands"
	RouteOverwriteGlobalCommands = "PUT /applications/{application}/commands"
	RouteCreateGlobalCommand     = "POST /applications/{application}/commands"
	RouteDeleteGlobalCommand     = "DELETE /applications/{application}/commands/{command}"
	RouteGuildCommands           = "GET /applications/{application}/guilds/{guild}/commands"
	RouteOverwriteGuildCommands  = "PUT /applications/{application}/guilds/{guild}/commands"
	RouteCreateGuildCommand      = "POST /applications/{application}/guilds/{guild}/commands"
	RouteDeleteGuildCommand      = "DELETE /applications/{application}/guilds/{guild}/commands/{command}"
	RouteInteractionCallback     = "POST /interactions/{interaction}/{token}/callback"
	RouteFollowup                = "POST /webhooks/{application}/{token}"
	RouteGetOriginal             = "GET /webhooks/{application}/{token}/messages/@original"
	RouteEditOriginal            = "PATCH /webhooks/{application}/{token}/messages/@original"
	RouteDeleteOriginal          = "DELETE /webhooks/{application}/{token}/messages/@original"
	RouteGetFollowup             = "GET /webhooks/{application}/{token}/messages/{message}"
	RouteEditFollowup            = "PATCH /webhooks/{application}/{token}/messages/{message}"
	RouteDeleteFollowup          = "DELETE /webhooks/{application}/{token}/messages/{message}"
	RouteChannel                 = "GET /channels/{channel}"
	RouteCreateMessage           = "POST /channels/{channel}/messages"
	RouteGetMessage              = "GET /channels/{channel}/messages/{message}"
	RouteEditMessage             = "PATCH /channels/{channel}/messages/{message}"
	RouteDeleteMessage           = "DELETE /channels/{channel}/messages/{message}"
	RouteTyping                  = "POST /channels/{channel}/typing"
)

// unauthenticated routes authenticate with the interaction token in the
// path instead of the bot token, as on Discord.
var unauthenticated = map[string]bool{
	RouteGateway: true, RouteInteractionCallback: true, RouteFollowup: true,
	RouteGetOriginal: true, RouteEditOriginal: true, RouteDeleteOriginal: true,
	RouteGetFollowup: true, RouteEditFollowup: true, RouteDeleteFollowup: true,
}

// Discord JSON error codes the emulator answers with.
const (
	codeUnknownChannel     = 10003
	codeUnknownMessage     = 10008
	codeUnknownWebhook     = 10015
	codeUnknownInteraction = 10062
	codeUnknownCommand     = 10063
	codeMissingAccess      = 50001
	codeOtherAuthor        = 50005
	codeEmptyMessage       = 50006
	codeInvalidToken       = 50027
	codeInvalidFormBody    = 50035
	codeAlreadyAcked       = 40060
)

// interactionTokenLifetime is how long follow-ups may use a token.
const interactionTokenLifetime = 15 * time.Minute

// restRequest is what a route handler gets.
type restRequest struct {
	r     *http.Request
	now   time.Time
	body  []byte
	files []Attachment
}

func (q *restRequest) param(name string) string { return q.r.PathValue(name) }

// restReply is what a route handler returns; the wrapper writes and
// records it.
type restReply struct {
	status   int
	body     any // marshalled to JSON unless nil
	response *InteractionResponse
	message  *SentMessage
	latency  time.Duration
}

func jsonError(status, code int, message string) restReply {
	return restReply{status: status, body: map[string]any{"message": message, "code": code}}
}

func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	handle := func(route string, h func(*restRequest) restReply) {
		method, path, _ := strings.Cut(route, " ")
		mux.HandleFunc(method+" /api/{version}"+path, func(w http.ResponseWriter, r *http.Request) {
			s.serveREST(w, r, route, h)
		})
	}
	handle(RouteGateway, s.getGateway)
	handle(RouteGatewayBot, s.getGatewayBot)
	handle(RouteCurrentUser, s.getCurrentUser)
	handle(RouteCurrentApplication, s.getCurrentApplication)
	handle(RouteOAuth2Application, s.getCurrentApplication)
	handle(RouteGlobalCommands, s.getCommands)
	handle(RouteOverwriteGlobalCommands, s.overwriteCommands)
	handle(RouteCreateGlobalCommand, s.createCommand)
	handle(RouteDeleteGlobalCommand, s.deleteCommand)
	handle(RouteGuildCommands, s.getCommands)
	handle(RouteOverwriteGuildCommands, s.overwriteCommands)
	handle(RouteCreateGuildCommand, s.createCommand)
	handle(RouteDeleteGuildCommand, s.deleteCommand)
	handle(RouteInteractionCallback, s.interactionCallback)
	handle(RouteFollowup, s.createFollowup)
	handle(RouteGetOriginal, s.webhookMessage)
	handle(RouteEditOriginal, s.webhookMessage)
	handle(RouteDeleteOriginal, s.webhookMessage)
	handle(RouteGetFollowup, s.webhookMessage)
	handle(RouteEditFollowup, s.webhookMessage)
	handle(RouteDeleteFollowup, s.webhookMessage)
	handle(RouteChannel, s.getChannel)
	handle(RouteCreateMessage, s.createMessage)
	handle(RouteGetMessage, s.channelMessage)
	handle(RouteEditMessage, s.channelMessage)
	handle(RouteDeleteMessage, s.channelMessage)
	handle(RouteTyping, func(*restRequest) restReply { return restReply{status: http.StatusNoContent} })
	return mux
}

// serveHTTP is the emulator's single entry point: websocket upgrades on /
// go to the gateway, known routes to their handler through the mux (which
// sets the path values), anything else to a recorded 404.
func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/" && websocket.IsWebSocketUpgrade(r) {
		s.serveGateway(w, r)
		return
	}
	if _, pattern := s.mux.Handler(r); pattern == "" {
		s.serveREST(w, r, "", nil)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// serveREST records a REST request and answers it: authentication, then
// injected faults, then the route's handler h (nil for unknown routes).
func (s *Server) serveREST(w http.ResponseWriter, r *http.Request, route string, h func(*restRequest) restReply) {
	now := time.Now()
	rec := Record{Kind: KindREST, Time: now, Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery, Auth: r.Header.Get("Authorization"), Route: route}
	if v, rest, ok := strings.Cut(strings.TrimPrefix(r.URL.Path, "/api/"), "/"); ok && strings.HasPrefix(r.URL.Path, "/api/v") {
		rec.APIVersion = strings.TrimPrefix(v, "v")
		rec.Path = "/" + rest
	}
	body, files, err := readBody(r)
	if err != nil {
		s.reply(w, rec, jsonError(http.StatusBadRequest, codeInvalidFormBody, "Invalid Form Body"))
		return
	}
	rec.RawBody = body
	if len(body) > 0 {
		var v any
		if json.Unmarshal(body, &v) == nil {
			rec.Body = v
		}
	}
	if h == nil || (rec.APIVersion != "9" && rec.APIVersion != "10") {
		rec.Route = ""
		s.reply(w, rec, jsonError(http.StatusNotFound, 0, "404: Not Found"))
		return
	}
	if !unauthenticated[route] && rec.Auth != "Bot "+s.opts.Token {
		s.reply(w, rec, jsonError(http.StatusUnauthorized, 0, "401: Unauthorized"))
		return
	}
	if f, ok := s.takeFault(route); ok {
		if f.Delay > 0 {
			time.Sleep(f.Delay)
		}
		if f.Status != 0 {
			rec.Fault = true
			s.replyFault(w, rec, f)
			return
		}
	}
	s.reply(w, rec, h(&restRequest{r: r, now: now, body: body, files: files}))
}

// readBody returns the JSON body, taking payload_json and the file parts
// out of multipart requests (used by discordgo when files are attached).
func readBody(r *http.Request) ([]byte, []Attachment, error) {
	raw, err := io.ReadAll(io.LimitReader(r.Body, 32<<20))
	if err != nil {
		return nil, nil, err
	}
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		return raw, nil, nil
	}
	mr := multipart.NewReader(bytes.NewReader(raw), params["boundary"])
	var body []byte
	var files []Attachment
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return body, files, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read multipart body: %w", err)
		}
		b, err := io.ReadAll(p)
		if err != nil {
			return nil, nil, fmt.Errorf("read multipart part %s: %w", p.FormName(), err)
		}
		if p.FormName() == "payload_json" {
			body = b
			continue
		}
		files = append(files, Attachment{Filename: p.FileName(), ContentType: p.Header.Get("Content-Type"), Size: len(b)})
	}
}

func (s *Server) reply(w http.ResponseWriter, rec Record, rp restReply) {
	rec.Status = rp.status
	rec.Response = rp.response
	rec.Message = rp.message
	rec.Latency = rp.latency
	if rp.body != nil {
		rec.Reply = mustJSON(rp.body)
		w.Header().Set("Content-Type", "application/json")
	}
	s.record(rec)
	w.WriteHeader(rp.status)
	w.Write(rec.Reply)
}

// replyFault answers with an injected failure. A 429 carries what
// discordgo reads: retry_after (seconds) in the body, and the
// X-RateLimit-* headers its bucket logic uses.
func (s *Server) replyFault(w http.ResponseWriter, rec Record, f Fault) {
	rp := jsonError(f.Status, 0, http.StatusText(f.Status))
	if f.Status == http.StatusTooManyRequests {
		secs := f.RetryAfter.Seconds()
		rp.body = map[string]any{"message": "You are being rate limited.", "retry_after": secs, "global": f.Global}
		h := w.Header()
		h.Set("Retry-After", strconv.Itoa(int(math.Ceil(secs))))
		h.Set("X-RateLimit-Limit", "5")
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Reset-After", strconv.FormatFloat(secs, 'f', 3, 64))
		h.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(time.Now().Add(f.RetryAfter).UnixMilli())/1000, 'f', 3, 64))
		h.Set("X-RateLimit-Bucket", "emulator-"+strings.ReplaceAll(rec.Route, " ", "-"))
		if f.Global {
			h.Set("X-RateLimit-Global", "true")
			h.Set("X-RateLimit-Scope", "global")
		} else {
			h.Set("X-RateLimit-Scope", "user")
		}
	}
	s.reply(w, rec, rp)
}

func (s *Server) getGateway(*restRequest) restReply {
	return restReply{status: http.StatusOK, body: map[string]any{"url": s.GatewayURL()}}
}

func (s *Server) getGatewayBot(*restRequest) restReply {
	s.mu.Lock()
	remaining := 1000 - s.identifies
	s.mu.Unlock()
	return restReply{status: http.StatusOK, body: map[string]any{
		"url":    s.GatewayURL(),
		"shards": 1,
		"session_start_limit": map[string]any{
			"total": 1000, "remaining": remaining, "reset_after": 86400000, "max_concurrency": 1,
		},
	}}
}

func (s *Server) getCurrentUser(*restRequest) restReply {
	u := s.botUser()
	return restReply{status: http.StatusOK, body: map[string]any{
		"id": u.ID, "username": u.Username, "discriminator": u.Discriminator, "global_name": nil,
		"avatar": nil, "bot": true, "verified": true, "mfa_enabled": false, "flags": 0, "public_flags": 0,
	}}
}

func (s *Server) getCurrentApplication(*restRequest) restReply {
	return restReply{status: http.StatusOK, body: map[string]any{
		"id": s.opts.AppID, "name": s.opts.BotName, "icon": nil, "description": "",
		"bot_public": false, "bot_require_code_grant": false, "verify_key": s.signer.PublicKeyHex(),
		"flags": 0, "bot": s.botUser(), "summary": "",
	}}
}

func commandsKey(appID, guildID string) string { return appID + "/" + guildID }

func (s *Server) checkApp(q *restRequest) (restReply, bool) {
	if q.param("application") != s.opts.AppID {
		return jsonError(http.StatusForbidden, codeMissingAccess, "Missing Access"), false
	}
	return restReply{}, true
}

func (s *Server) getCommands(q *restRequest) restReply {
	if rp, ok := s.checkApp(q); !ok {
		return rp
	}
	list := s.Commands(q.param("guild"))
	if list == nil {
		list = []*discordgo.ApplicationCommand{}
	}
	return restReply{status: http.StatusOK, body: list}
}

func (s *Server) overwriteCommands(q *restRequest) restReply {
	if rp, ok := s.checkApp(q); !ok {
		return rp
	}
	var cmds []*discordgo.ApplicationCommand
	if err := json.Unmarshal(q.body, &cmds); err != nil {
		return formError("", "BASE_TYPE_BAD_TYPE", "Must be an array of application commands.")
	}
	if fe := validateCommands(cmds); fe != nil {
		return fe.reply()
	}
	guildID := q.param("guild")
	key := commandsKey(s.opts.AppID, guildID)
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.commands[key]
	var stored []*discordgo.ApplicationCommand
	for _, c := range cmds {
		stored = append(stored, s.storeCommand(c, guildID, old))
	}
	s.commands[key] = stored
	out := make([]*discordgo.ApplicationCommand, 0, len(stored))
	for _, c := range stored {
		cp := *c
		out = append(out, &cp)
	}
	return restReply{status: http.StatusOK, body: out}
}

func (s *Server) createCommand(q *restRequest) restReply {
	if rp, ok := s.checkApp(q); !ok {
		return rp
	}
	var c discordgo.ApplicationCommand
	if err := json.Unmarshal(q.body, &c); err != nil {
		return formError("", "BASE_TYPE_BAD_TYPE", "Must be an application command.")
	}
	if fe := validateCommands([]*discordgo.ApplicationCommand{&c}); fe != nil {
		return fe.reply()
	}
	guildID := q.param("guild")
	key := commandsKey(s.opts.AppID, guildID)
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.commands[key]
	stored := s.storeCommand(&c, guildID, old)
	status := http.StatusCreated
	var list []*discordgo.ApplicationCommand
	for _, o := range old {
		if o.ID == stored.ID {
			status = http.StatusOK
			continue
		}
		list = append(list, o)
	}
	s.commands[key] = append(list, stored)
	cp := *stored
	return restReply{status: status, body: &cp}
}

func (s *Server) deleteCommand(q *restRequest) restReply {
	if rp, ok := s.checkApp(q); !ok {
		return rp
	}
	key := commandsKey(s.opts.AppID, q.param("guild"))
	s.mu.Lock()
	defer s.mu.Unlock()
	list := s.commands[key]
	for i, c := range list {
		if c.ID == q.param("command") {
			s.commands[key] = append(list[:i:i], list[i+1:]...)
			return restReply{status: http.StatusNoContent}
		}
	}
	return jsonError(http.StatusNotFound, codeUnknownCommand, "Unknown application command")
}

// storeCommand fills the fields Discord sets. A command keeps its ID when
// it is overwritten with the same name and type, as on Discord.
func (s *Server) storeCommand(c *discordgo.ApplicationCommand, guildID string, old []*discordgo.ApplicationCommand) *discordgo.ApplicationCommand {
	cp := *c
	if cp.Type == 0 {
		cp.Type = discordgo.ChatApplicationCommand
	}
	cp.ID = NewSnowflake()
	for _, o := range old {
		if o.Name == cp.Name && o.Type == cp.Type {
			cp.ID = o.ID
		}
	}
	cp.ApplicationID = s.opts.AppID
	cp.GuildID = guildID
	cp.Version = NewSnowflake()
	return &cp
}

// findCommand returns the registered command name, preferring the guild's.
func (s *Server) findCommand(name, guildID string) *discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, key := range []string{commandsKey(s.opts.AppID, guildID), commandsKey(s.opts.AppID, "")} {
		for _, c := range s.commands[key] {
			if c.Name == name && c.Type == discordgo.ChatApplicationCommand {
				return c
			}
		}
	}
	return nil
}

// interactionState is what the emulator knows about a dispatched or
// registered interaction.
type interactionState struct {
	id, token, appID string
	typ              discordgo.InteractionType
	channelID        string
	guildID          string
	message          *Message // for components: the message the component is on
	dispatched       time.Time

	responded    bool
	responseType discordgo.InteractionResponseType
	originalID   string
	messages     map[string]bool // original and follow-ups
}

// RegisterInteraction tells the emulator about an interaction delivered
// some other way than the gateway, such as a signed POST to the bot's HTTP
// interactions endpoint, so that its follow-ups and edits are accepted.
// Its 3-second clock starts now.
func (s *Server) RegisterInteraction(i *Interaction) {
	if i.ApplicationID == "" {
		i.ApplicationID = s.opts.AppID
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.registerLocked(i, time.Now())
}

func (s *Server) registerLocked(i *Interaction, now time.Time) {
	st := &interactionState{
		id: i.ID, token: i.Token, appID: i.ApplicationID, typ: i.Type,
		channelID: i.ChannelID, guildID: i.GuildID, message: i.Message,
		dispatched: now, messages: map[string]bool{},
	}
	if st.appID == "" {
		st.appID = s.opts.AppID
	}
	s.interactions[i.ID] = st
	s.byToken[i.Token] = st
	if u := i.invoker(); i.Type != discordgo.InteractionPing && u.ID != "" {
		s.users[u.ID] = u
	}
}

// RecordHTTPResponse checks and records the body a bot returned inline to
// an interaction POSTed to its HTTP endpoint (see RegisterInteraction), as
// if it had been sent to the callback route. It returns an error if
// Discord would have rejected it.
func (s *Server) RecordHTTPResponse(interactionID string, body []byte) (InteractionResponse, error) {
	now := time.Now()
	s.mu.Lock()
	st := s.interactions[interactionID]
	s.mu.Unlock()
	rec := Record{Kind: KindREST, Time: now, Method: "POST", Path: "(inline HTTP response)", RawBody: body, Route: RouteInteractionCallback}
	var rp restReply
	if st == nil {
		rp = jsonError(http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
	} else {
		rp = s.applyCallback(st, body, now)
	}
	rec.Status, rec.Response, rec.Message, rec.Latency = rp.status, rp.response, rp.message, rp.latency
	if rp.body != nil {
		rec.Reply = mustJSON(rp.body)
	}
	s.record(rec)
	if rp.response == nil {
		return InteractionResponse{}, fmt.Errorf("interaction response rejected: %d %s", rp.status, rec.Reply)
	}
	return *rp.response, nil
}

func (s *Server) interactionCallback(q *restRequest) restReply {
	s.mu.Lock()
	st := s.interactions[q.param("interaction")]
	s.mu.Unlock()
	if st == nil || st.token != q.param("token") {
		return jsonError(http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
	}
	rp := s.applyCallback(st, q.body, q.now)
	if rp.status == http.StatusNoContent && q.r.URL.Query().Get("with_response") == "true" {
		cb := map[string]any{"id": st.id, "type": st.typ}
		res := map[string]any{"type": rp.response.Type}
		if rp.message != nil {
			cb["response_message_id"] = rp.message.ID
			cb["response_message_loading"] = rp.message.Flags&discordgo.MessageFlagsLoading != 0
			cb["response_message_ephemeral"] = rp.message.Flags&discordgo.MessageFlagsEphemeral != 0
			res["message"] = s.wireMessage(rp.message)
		}
		rp.status, rp.body = http.StatusOK, map[string]any{"interaction": cb, "resource": res}
	}
	return rp
}

// applyCallback validates an initial response and applies its effects.
func (s *Server) applyCallback(st *interactionState, body []byte, now time.Time) restReply {
	var cb struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data json.RawMessage                   `json:"data"`
	}
	if err := json.Unmarshal(body, &cb); err != nil {
		return formError("", "BASE_TYPE_BAD_TYPE", "Must be an interaction response.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if now.Sub(st.dispatched) > s.opts.InteractionDeadline {
		return jsonError(http.StatusNotFound, codeUnknownInteraction, "Unknown interaction")
	}
	if st.responded {
		return jsonError(http.StatusBadRequest, codeAlreadyAcked, "Interaction has already been acknowledged.")
	}
	if !responseAllowed(st.typ, cb.Type) {
		return formError("type", "INTERACTION_RESPONSE_TYPE_INVALID", fmt.Sprintf("Response type %d is not valid for interaction type %d.", cb.Type, st.typ))
	}
	var data messageBody
	present := map[string]json.RawMessage{}
	if len(cb.Data) > 0 && string(cb.Data) != "null" {
		if err := json.Unmarshal(cb.Data, &data); err != nil {
			return formError("data", "BASE_TYPE_BAD_TYPE", "Must be an object.")
		}
		json.Unmarshal(cb.Data, &present)
	}
	resp := &InteractionResponse{InteractionID: st.id, Type: cb.Type, Raw: append(json.RawMessage(nil), body...), Time: now, Latency: now.Sub(st.dispatched)}
	var msg *SentMessage
	switch cb.Type {
	case discordgo.InteractionResponseChannelMessageWithSource:
		if fe := validateMessage("data.", data, true); fe != nil {
			return fe.reply()
		}
		msg = s.newSentLocked(SourceInteraction, st, data, now)
		msg.Latency = resp.Latency
		st.originalID = msg.ID
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		msg = s.newSentLocked(SourceInteraction, st, messageBody{Flags: data.Flags & discordgo.MessageFlagsEphemeral}, now)
		msg.Flags |= discordgo.MessageFlagsLoading
		msg.Latency = resp.Latency
		st.originalID = msg.ID
	case discordgo.InteractionResponseDeferredMessageUpdate, discordgo.InteractionResponseUpdateMessage:
		orig := s.componentMessageLocked(st, now)
		if cb.Type == discordgo.InteractionResponseUpdateMessage {
			if fe := validateMessage("data.", data, false); fe != nil {
				return fe.reply()
			}
			applyEdit(orig, data, present, now)
		}
		st.originalID = orig.ID
		cp := *orig
		msg = &cp
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		if fe := validateChoices(data.Choices); fe != nil {
			return fe.reply()
		}
	case discordgo.InteractionResponseModal:
		if fe := validateModal(data); fe != nil {
			return fe.reply()
		}
	}
	st.responded = true
	st.responseType = cb.Type
	resp.Content, resp.Embeds, resp.Flags = deref(data.Content), data.Embeds, data.Flags
	resp.Components = parseComponents(data.Components)
	resp.Choices, resp.CustomID, resp.Title = data.Choices, data.CustomID, data.Title
	return restReply{status: http.StatusNoContent, response: resp, message: msg, latency: resp.Latency}
}

// responseAllowed follows Discord's table of callback types per
// interaction type.
func responseAllowed(it discordgo.InteractionType, rt discordgo.InteractionResponseType) bool {
	switch rt {
	case discordgo.InteractionResponsePong:
		return it == discordgo.InteractionPing
	case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseDeferredChannelMessageWithSource:
		return it == discordgo.InteractionApplicationCommand || it == discordgo.InteractionMessageComponent || it == discordgo.InteractionModalSubmit
	case discordgo.InteractionResponseDeferredMessageUpdate, discordgo.InteractionResponseUpdateMessage:
		return it == discordgo.InteractionMessageComponent || it == discordgo.InteractionModalSubmit
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		return it == discordgo.InteractionApplicationCommandAutocomplete
	case discordgo.InteractionResponseModal:
		return it == discordgo.InteractionApplicationCommand || it == discordgo.InteractionMessageComponent
	}
	return false
}

// componentMessageLocked returns the stored message a component
// interaction came from, adopting the payload's message if the bot did not
// create it through the emulator.
func (s *Server) componentMessageLocked(st *interactionState, now time.Time) *SentMessage {
	if st.message == nil {
		m := s.newSentLocked(SourceInteraction, st, messageBody{}, now)
		return m
	}
	if m, ok := s.sent[st.message.ID]; ok {
		st.messages[m.ID] = true
		return m
	}
	m := &SentMessage{ID: st.message.ID, ChannelID: st.message.ChannelID, GuildID: st.message.GuildID, Source: SourceChannel,
		Content: st.message.Content, Components: parseComponents(st.message.Components), Created: now}
	s.sent[m.ID] = m
	s.sentOrder = append(s.sentOrder, m.ID)
	st.messages[m.ID] = true
	return m
}

func (s *Server) createFollowup(q *restRequest) restReply {
	st, rp, ok := s.tokenInteraction(q)
	if !ok {
		return rp
	}
	var data messageBody
	if err := json.Unmarshal(q.body, &data); err != nil {
		return formError("", "BASE_TYPE_BAD_TYPE", "Must be an object.")
	}
	if fe := validateMessage("", data, len(q.files) == 0); fe != nil {
		return fe.reply()
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !st.responded {
		// Follow-ups need the initial response first.
		return jsonError(http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook")
	}
	m := s.newSentLocked(SourceFollowup, st, data, q.now)
	m.Attachments = q.files
	m.Latency = q.now.Sub(st.dispatched)
	cp := *m
	rp = restReply{status: http.StatusNoContent, message: &cp, latency: m.Latency}
	if q.r.URL.Query().Get("wait") == "true" {
		rp.status, rp.body = http.StatusOK, s.wireMessage(m)
	}
	return rp
}

// tokenInteraction finds the interaction of a webhook route's token.
func (s *Server) tokenInteraction(q *restRequest) (*interactionState, restReply, bool) {
	s.mu.Lock()
	st := s.byToken[q.param("token")]
	s.mu.Unlock()
	if st == nil || q.param("application") != st.appID {
		return nil, jsonError(http.StatusNotFound, codeUnknownWebhook, "Unknown Webhook"), false
	}
	if q.now.Sub(st.dispatched) > interactionTokenLifetime {
		return nil, jsonError(http.StatusUnauthorized, codeInvalidToken, "Invalid Webhook Token"), false
	}
	return st, restReply{}, true
}

// webhookMessage serves GET, PATCH and DELETE of @original and follow-ups.
func (s *Server) webhookMessage(q *restRequest) restReply {
	st, rp, ok := s.tokenInteraction(q)
	if !ok {
		return rp
	}
	var data messageBody
	present := map[string]json.RawMessage{}
	if q.r.Method == http.MethodPatch {
		if err := json.Unmarshal(q.body, &data); err != nil {
			return formError("", "BASE_TYPE_BAD_TYPE", "Must be an object.")
		}
		json.Unmarshal(q.body, &present)
		if fe := validateMessage("", data, false); fe != nil {
			return fe.reply()
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id := q.param("message")
	if id == "" {
		id = st.originalID
	}
	m := s.sent[id]
	if id == "" || m == nil || !st.messages[id] {
		return jsonError(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
	}
	return s.messageAction(q, m, data, present)
}

// messageAction applies GET, PATCH or DELETE to a stored message.
func (s *Server) messageAction(q *restRequest, m *SentMessage, data messageBody, present map[string]json.RawMessage) restReply {
	switch q.r.Method {
	case http.MethodGet:
		return restReply{status: http.StatusOK, body: s.wireMessage(m)}
	case http.MethodDelete:
		m.Deleted = true
		cp := *m
		return restReply{status: http.StatusNoContent, message: &cp}
	}
	applyEdit(m, data, present, q.now)
	if len(q.files) > 0 {
		m.Attachments = append(m.Attachments, q.files...)
	}
	cp := *m
	return restReply{status: http.StatusOK, body: s.wireMessage(m), message: &cp}
}

func (s *Server) getChannel(q *restRequest) restReply {
	id := q.param("channel")
	s.mu.Lock()
	defer s.mu.Unlock()
	guildID, typ, ok := s.channelLocked(id)
	if !ok {
		return jsonError(http.StatusNotFound, codeUnknownChannel, "Unknown Channel")
	}
	ch := map[string]any{"id": id, "type": typ, "last_message_id": nil, "flags": 0}
	if guildID != "" {
		ch["guild_id"], ch["name"], ch["position"], ch["permission_overwrites"], ch["nsfw"] = guildID, "general", 0, []any{}, false
	} else {
		ch["recipients"] = []any{DefaultUser()}
	}
	return restReply{status: http.StatusOK, body: ch}
}

// channelLocked finds a channel the emulator has seen: the defaults, and
// channels of dispatched messages and interactions.
func (s *Server) channelLocked(id string) (guildID string, typ discordgo.ChannelType, ok bool) {
	switch id {
	case DefaultChannelID:
		return DefaultGuildID, discordgo.ChannelTypeGuildText, true
	case DefaultDMChannelID:
		return "", discordgo.ChannelTypeDM, true
	}
	for _, m := range s.seen {
		if m.channelID == id {
			return m.guildID, channelType(m.guildID), true
		}
	}
	for _, st := range s.interactions {
		if st.channelID == id {
			return st.guildID, channelType(st.guildID), true
		}
	}
	return "", 0, false
}

func channelType(guildID string) discordgo.ChannelType {
	if guildID == "" {
		return discordgo.ChannelTypeDM
	}
	return discordgo.ChannelTypeGuildText
}

func (s *Server) createMessage(q *restRequest) restReply {
	var data messageBody
	if err := json.Unmarshal(q.body, &data); err != nil {
		return formError("", "BASE_TYPE_BAD_TYPE", "Must be an object.")
	}
	if fe := validateMessage("", data, len(q.files) == 0); fe != nil {
		return fe.reply()
	}
	channelID := q.param("channel")
	s.mu.Lock()
	defer s.mu.Unlock()
	var latency time.Duration
	if ref := data.Reference; ref != nil {
		seen, ok := s.seen[ref.MessageID]
		sentRef, sentOK := s.sent[ref.MessageID]
		switch {
		case ok && seen.channelID == channelID && (ref.ChannelID == "" || ref.ChannelID == channelID):
			latency = q.now.Sub(seen.dispatched)
		case sentOK && sentRef.ChannelID == channelID && (ref.ChannelID == "" || ref.ChannelID == channelID):
		case ref.FailIfNotExists != nil && !*ref.FailIfNotExists:
			data.Reference = nil
		default:
			return formError("message_reference", "REPLIES_UNKNOWN_MESSAGE", "Unknown message")
		}
	}
	guildID, _, _ := s.channelLocked(channelID)
	st := &interactionState{channelID: channelID, guildID: guildID}
	m := s.newSentLocked(SourceChannel, st, data, q.now)
	m.Attachments = q.files
	m.Latency = latency
	cp := *m
	return restReply{status: http.StatusOK, body: s.wireMessage(m), message: &cp, latency: latency}
}

func (s *Server) channelMessage(q *restRequest) restReply {
	var data messageBody
	present := map[string]json.RawMessage{}
	if q.r.Method == http.MethodPatch {
		if err := json.Unmarshal(q.body, &data); err != nil {
			return formError("", "BASE_TYPE_BAD_TYPE", "Must be an object.")
		}
		json.Unmarshal(q.body, &present)
		if fe := validateMessage("", data, false); fe != nil {
			return fe.reply()
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id, channelID := q.param("message"), q.param("channel")
	m := s.sent[id]
	if m == nil || m.ChannelID != channelID {
		if seen, ok := s.seen[id]; ok && seen.channelID == channelID {
			switch q.r.Method {
			case http.MethodPatch:
				return jsonError(http.StatusForbidden, codeOtherAuthor, "Cannot edit a message authored by another user")
			case http.MethodDelete:
				return restReply{status: http.StatusNoContent}
			}
		}
		return jsonError(http.StatusNotFound, codeUnknownMessage, "Unknown Message")
	}
	return s.messageAction(q, m, data, present)
}

// newSentLocked stores a new message of the bot.
func (s *Server) newSentLocked(source string, st *interactionState, data messageBody, now time.Time) *SentMessage {
	m := &SentMessage{
		ID: NewSnowflake(), ChannelID: st.channelID, GuildID: st.guildID, Source: source,
		Content: deref(data.Content), Embeds: data.Embeds, Components: parseComponents(data.Components),
		Flags: data.Flags, Reference: data.Reference, AllowedMentions: data.AllowedMentions, TTS: data.TTS,
		Created: now,
	}
	if source != SourceChannel {
		m.InteractionID = st.id
		st.messages[m.ID] = true
	}
	s.sent[m.ID] = m
	s.sentOrder = append(s.sentOrder, m.ID)
	return m
}

// applyEdit applies a PATCH body: only the fields present change.
func applyEdit(m *SentMessage, data messageBody, present map[string]json.RawMessage, now time.Time) {
	if _, ok := present["content"]; ok {
		m.Content = deref(data.Content)
	}
	if _, ok := present["embeds"]; ok {
		m.Embeds = data.Embeds
	}
	if _, ok := present["components"]; ok {
		m.Components = parseComponents(data.Components)
	}
	if _, ok := present["allowed_mentions"]; ok {
		m.AllowedMentions = data.AllowedMentions
	}
	if _, ok := present["flags"]; ok {
		m.Flags = data.Flags | m.Flags&discordgo.MessageFlagsEphemeral
	}
	// Editing a deferred response replaces its "thinking..." state.
	m.Flags &^= discordgo.MessageFlagsLoading
	m.Edited = now
}

// wireMessage renders a stored message as Discord returns it.
func (s *Server) wireMessage(m *SentMessage) Message {
	w := Message{
		ID: m.ID, ChannelID: m.ChannelID, GuildID: m.GuildID, Author: s.botUser(), Content: m.Content,
		Timestamp: m.Created.UTC().Format("2006-01-02T15:04:05.000000+00:00"), Mentions: []MentionedUser{},
		MentionRoles: []string{}, Attachments: []json.RawMessage{}, Embeds: []json.RawMessage{}, Flags: int(m.Flags),
		TTS: m.TTS,
	}
	if !m.Edited.IsZero() {
		e := m.Edited.UTC().Format("2006-01-02T15:04:05.000000+00:00")
		w.EditedTimestamp = &e
	}
	for _, e := range m.Embeds {
		w.Embeds = append(w.Embeds, mustJSON(e))
	}
	for _, c := range m.Components {
		w.Components = append(w.Components, mustJSON(c))
	}
	for _, a := range m.Attachments {
		w.Attachments = append(w.Attachments, mustJSON(map[string]any{
			"id": NewSnowflake(), "filename": a.Filename, "size": a.Size, "content_type": a.ContentType,
			"url": s.URL + "/cdn/attachments/" + m.ChannelID + "/" + a.Filename,
		}))
	}
	if m.Reference != nil {
		w.Type = discordgo.MessageTypeReply
		w.MessageReference = &MessageReference{MessageID: m.Reference.MessageID, ChannelID: m.ChannelID, GuildID: m.GuildID}
	}
	if m.Source != SourceChannel {
		w.ApplicationID = s.opts.AppID
		if m.Source == SourceInteraction {
			w.Type = discordgo.MessageTypeChatInputCommand
		}
	}
	return w
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// parseComponents decodes components the way discordgo does, so tests can
// compare them with what the bot built (discordgo returns pointers, such as
// *discordgo.ActionsRow).
func parseComponents(raw []json.RawMessage) []discordgo.MessageComponent {
	var out []discordgo.MessageComponent
	for _, r := range raw {
		c, err := discordgo.MessageComponentFromJSON(r)
		if err != nil {
			continue // validateMessage rejected unknown types already
		}
		out = append(out, c)
	}
	return out
}
