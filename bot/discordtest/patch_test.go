package discordtest_test

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/qabot/qabot/bot/discordtest"
)

func TestPatchAndRestore(t *testing.T) {
	endpoints := map[string]func() string{
		"EndpointGateway":             func() string { return discordgo.EndpointGateway },
		"EndpointGatewayBot":          func() string { return discordgo.EndpointGatewayBot },
		"EndpointUser":                func() string { return discordgo.EndpointUser("@me") },
		"EndpointChannelMessages":     func() string { return discordgo.EndpointChannelMessages("1") },
		"EndpointChannelMessage":      func() string { return discordgo.EndpointChannelMessage("1", "2") },
		"EndpointInteractionResponse": func() string { return discordgo.EndpointInteractionResponse("1", "tok") },
		"EndpointFollowupMessage":     func() string { return discordgo.EndpointFollowupMessage("1", "tok") },
		"EndpointWebhookMessage":      func() string { return discordgo.EndpointWebhookMessage("1", "tok", "@original") },
		"EndpointApplicationGlobalCommands": func() string {
			return discordgo.EndpointApplicationGlobalCommands("1")
		},
		"EndpointApplicationGuildCommands": func() string {
			return discordgo.EndpointApplicationGuildCommands("1", "2")
		},
		"EndpointGuild":             func() string { return discordgo.EndpointGuild("1") },
		"EndpointCDNAvatars":        func() string { return discordgo.EndpointCDNAvatars },
		"EndpointDefaultUserAvatar": func() string { return discordgo.EndpointDefaultUserAvatar(1) },
		"EndpointSmActive":          func() string { return discordgo.EndpointSmActive },
		"EndpointOAuth2Application": func() string { return discordgo.EndpointOAuth2Application("1") },
		"EndpointVoiceRegions":      func() string { return discordgo.EndpointVoiceRegions },
	}
	before := map[string]string{}
	for name, f := range endpoints {
		before[name] = f()
	}

	srv := discordtest.NewServer(discordtest.Options{})
	defer srv.Close()
	restore := srv.Patch()
	for name, f := range endpoints {
		if got := f(); !strings.HasPrefix(got, srv.URL+"/") {
			t.Errorf("patched %s = %q, want it under %s", name, got, srv.URL)
		}
	}
	if want := srv.URL + "/api/v" + discordgo.APIVersion + "/interactions/1/tok/callback"; discordgo.EndpointInteractionResponse("1", "tok") != want {
		t.Errorf("EndpointInteractionResponse = %q, want %q", discordgo.EndpointInteractionResponse("1", "tok"), want)
	}
	restore()
	for name, f := range endpoints {
		if got := f(); got != before[name] {
			t.Errorf("restored %s = %q, want %q", name, got, before[name])
		}
	}
}
