package bot

import (
	"errors"

	"github.com/bwmarrin/discordgo"
)

// errEndpointDeferred is returned by an HTTP responder when the endpoint
// has already acknowledged the interaction with a deferral of its own,
// because the bot had not answered by then (a machine too busy to run
// the bot's goroutines in time). The exchange then completes the deferred
// response through the REST API instead.
var errEndpointDeferred = errors.New("interaction already deferred by the endpoint")

// endpointDeferral is the acknowledgement the HTTP endpoint sends on its
// own when the bot is late: a deferral of the kind the bot would have
// sent (a hidden one for /ask hide:true, an update for components), and
// an empty list for autocomplete, which cannot be deferred.
func endpointDeferral(i *discordgo.Interaction) *discordgo.InteractionResponse {
	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionApplicationCommandAutocompleteResult,
			Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{}}}
	case discordgo.InteractionMessageComponent:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
	}
	r := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{AllowedMentions: noMentions()}}
	if i.Type == discordgo.InteractionApplicationCommand && boolOpt(optionMap(i.ApplicationCommandData().Options), optHide) {
		r.Data.Flags = discordgo.MessageFlagsEphemeral
	}
	return r
}

// completeDeferred delivers r, which the bot meant as its first response,
// as the completion of the endpoint's deferral.
func (b *bot) completeDeferred(x *exchange, r *discordgo.InteractionResponse) error {
	switch r.Type {
	case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseUpdateMessage:
	default:
		// A deferral is already in place; autocomplete and PONG cannot be
		// sent late.
		return nil
	}
	d := r.Data
	if d == nil {
		d = &discordgo.InteractionResponseData{}
	}
	m := message{Content: d.Content, Embeds: d.Embeds, Components: d.Components, Ephemeral: d.Flags&discordgo.MessageFlagsEphemeral != 0}
	deferral := endpointDeferral(x.i)
	hidden := deferral.Data != nil && deferral.Data.Flags&discordgo.MessageFlagsEphemeral != 0
	if m.Ephemeral && !hidden {
		// A public "thinking…" cannot become private: remove it (unless it
		// is the message a button was on) and answer privately.
		if x.i.Type != discordgo.InteractionMessageComponent {
			b.check(x, "delete endpoint deferral", b.api.InteractionResponseDelete(x.i))
		}
		_, err := b.api.FollowupMessageCreate(x.i, false, m.followup())
		return err
	}
	_, err := b.api.InteractionResponseEdit(x.i, m.edit())
	return err
}
