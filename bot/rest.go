package bot

import (
	"encoding/json"
	"hash/fnv"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// webhookShards is how many local rate-limit buckets the interaction
// webhook calls are spread over.
const webhookShards = 64

// restClient is a discordgo session whose interaction calls do not wait
// on one another. discordgo holds a rate-limit bucket locked for the whole
// round trip of a request, and it files every webhook edit and delete
// under one bucket for the whole process, so that completing deferred
// answers went one at a time; follow-ups and callbacks get a bucket per
// interaction token, which are never forgotten. Here each call takes one
// of webhookShards buckets chosen by the interaction's token: calls for
// different interactions mostly run side by side, and the buckets stay
// few. Discord limits these routes per interaction, so sharing a shard
// costs nothing in practice.
type restClient struct{ *discordgo.Session }

var _ restAPI = restClient{}

func webhookBucket(token string) string {
	h := fnv.New32a()
	h.Write([]byte(token))
	return "interaction-webhook/" + strconv.Itoa(int(h.Sum32()%webhookShards))
}

// InteractionRespond sends the initial response of an interaction.
func (c restClient) InteractionRespond(i *discordgo.Interaction, resp *discordgo.InteractionResponse, options ...discordgo.RequestOption) error {
	_, err := c.RequestWithBucketID("POST", discordgo.EndpointInteractionResponse(i.ID, i.Token), *resp, webhookBucket(i.Token), options...)
	return err
}

// InteractionResponseEdit edits the response to an interaction.
func (c restClient) InteractionResponseEdit(i *discordgo.Interaction, edit *discordgo.WebhookEdit, options ...discordgo.RequestOption) (*discordgo.Message, error) {
	uri := discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original")
	body, err := c.RequestWithBucketID("PATCH", uri, edit, webhookBucket(i.Token), options...)
	if err != nil {
		return nil, err
	}
	var m discordgo.Message
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, err
	}
	return &m, nil
}

// InteractionResponseDelete deletes the response to an interaction.
func (c restClient) InteractionResponseDelete(i *discordgo.Interaction, options ...discordgo.RequestOption) error {
	_, err := c.RequestWithBucketID("DELETE", discordgo.EndpointWebhookMessage(i.AppID, i.Token, "@original"), nil, webhookBucket(i.Token), options...)
	return err
}

// FollowupMessageCreate sends a follow-up message to an interaction.
func (c restClient) FollowupMessageCreate(i *discordgo.Interaction, wait bool, data *discordgo.WebhookParams, options ...discordgo.RequestOption) (*discordgo.Message, error) {
	uri := discordgo.EndpointWebhookToken(i.AppID, i.Token)
	if wait {
		uri += "?wait=true"
	}
	body, err := c.RequestWithBucketID("POST", uri, data, webhookBucket(i.Token), options...)
	if err != nil || !wait {
		return nil, err
	}
	var m discordgo.Message
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, err
	}
	return &m, nil
}
