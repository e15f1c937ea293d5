package discordtest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/qabot/qabot/bot/discordtest"
)

func FuzzParseInteraction(f *testing.F) {
	f.Add([]byte(`{"id":"1","token":"t","type":2,"data":{"name":"ask","options":[{"name":"q","type":3,"value":"x"}]}}`))
	f.Add([]byte(`{"id":"1","token":"t","type":3,"message":{"id":"2","author":{"id":"3"}}}`))
	f.Add([]byte("\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		i, err := discordtest.ParseInteraction(b)
		if err == nil && (i.ID == "" || i.Token == "") {
			t.Errorf("ParseInteraction(%q) accepted a payload without id or token", b)
		}
	})
}

// FuzzREST sends arbitrary bodies to the routes a bot writes to: the
// emulator must answer with a status, never crash or hang.
func FuzzREST(f *testing.F) {
	srv := discordtest.NewServer(discordtest.Options{})
	f.Cleanup(srv.Close)
	i := discordtest.SlashCommand("ask")
	srv.RegisterInteraction(i)
	m := discordtest.GuildMessage("hi")
	srv.RegisterMessage(m)
	routes := []struct{ method, path string }{
		{"POST", "/api/v9/interactions/" + i.ID + "/" + i.Token + "/callback"},
		{"POST", "/api/v9/webhooks/" + srv.AppID() + "/" + i.Token + "?wait=true"},
		{"PATCH", "/api/v9/webhooks/" + srv.AppID() + "/" + i.Token + "/messages/@original"},
		{"POST", "/api/v9/channels/" + m.ChannelID + "/messages"},
		{"PUT", "/api/v9/applications/" + srv.AppID() + "/commands"},
	}
	for _, seed := range []string{`{"type":4,"data":{"content":"x"}}`, `{"content":"x","message_reference":{"message_id":"` + m.ID + `"}}`,
		`[{"name":"ask","description":"d","options":[{"type":1,"name":"s","description":"d","options":[{"type":2}]}]}]`, `null`, `{"embeds":[null]}`} {
		for r := range routes {
			f.Add(uint8(r), []byte(seed))
		}
	}
	f.Fuzz(func(t *testing.T, route uint8, body []byte) {
		r := routes[int(route)%len(routes)]
		req, err := http.NewRequest(r.method, srv.URL+r.path, strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bot "+srv.Token())
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%s %s: %v", r.method, r.path, err)
		}
		resp.Body.Close()
		if resp.StatusCode >= 500 {
			t.Errorf("%s %s with %q = %d, want a 2xx or 4xx answer", r.method, r.path, body, resp.StatusCode)
		}
	})
}
