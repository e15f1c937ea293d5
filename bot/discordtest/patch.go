package discordtest

import "github.com/bwmarrin/discordgo"

// endpoints holds every plain string endpoint variable of discordgo v0.29
// (see endpoints.go in the module). The Endpoint* functions are not listed:
// they read these strings when called.
type endpoints struct {
	status, sm, smActive, smUpcoming                                   string
	discord, api, guilds, channels, users, gateway, gatewayBot         string
	webhooks, stickers, stageInstances, skus                           string
	cdn, cdnAttachments, cdnAvatars, cdnIcons, cdnSplashes             string
	cdnChannelIcons, cdnBanners, cdnGuilds, cdnRoleIcons               string
	voice, voiceRegions, nitroStickerPacks, guildCreate, applications  string
	oauth2, oauth2Applications, oauth2Deprecated, oauth2AppsDeprecated string
}

func saveEndpoints() endpoints {
	return endpoints{
		status: discordgo.EndpointStatus, sm: discordgo.EndpointSm,
		smActive: discordgo.EndpointSmActive, smUpcoming: discordgo.EndpointSmUpcoming,
		discord: discordgo.EndpointDiscord, api: discordgo.EndpointAPI,
		guilds: discordgo.EndpointGuilds, channels: discordgo.EndpointChannels,
		users: discordgo.EndpointUsers, gateway: discordgo.EndpointGateway,
		gatewayBot: discordgo.EndpointGatewayBot, webhooks: discordgo.EndpointWebhooks,
		stickers: discordgo.EndpointStickers, stageInstances: discordgo.EndpointStageInstances,
		skus: discordgo.EndpointSKUs,
		cdn:  discordgo.EndpointCDN, cdnAttachments: discordgo.EndpointCDNAttachments,
		cdnAvatars: discordgo.EndpointCDNAvatars, cdnIcons: discordgo.EndpointCDNIcons,
		cdnSplashes: discordgo.EndpointCDNSplashes, cdnChannelIcons: discordgo.EndpointCDNChannelIcons,
		cdnBanners: discordgo.EndpointCDNBanners, cdnGuilds: discordgo.EndpointCDNGuilds,
		cdnRoleIcons: discordgo.EndpointCDNRoleIcons,
		voice:        discordgo.EndpointVoice, voiceRegions: discordgo.EndpointVoiceRegions,
		nitroStickerPacks: discordgo.EndpointNitroStickersPacks, guildCreate: discordgo.EndpointGuildCreate,
		applications: discordgo.EndpointApplications,
		oauth2:       discordgo.EndpointOAuth2, oauth2Applications: discordgo.EndpointOAuth2Applications,
		oauth2Deprecated: discordgo.EndpointOauth2, oauth2AppsDeprecated: discordgo.EndpointOauth2Applications,
	}
}

func (e endpoints) apply() {
	discordgo.EndpointStatus, discordgo.EndpointSm = e.status, e.sm
	discordgo.EndpointSmActive, discordgo.EndpointSmUpcoming = e.smActive, e.smUpcoming
	discordgo.EndpointDiscord, discordgo.EndpointAPI = e.discord, e.api
	discordgo.EndpointGuilds, discordgo.EndpointChannels = e.guilds, e.channels
	discordgo.EndpointUsers, discordgo.EndpointGateway = e.users, e.gateway
	discordgo.EndpointGatewayBot, discordgo.EndpointWebhooks = e.gatewayBot, e.webhooks
	discordgo.EndpointStickers, discordgo.EndpointStageInstances = e.stickers, e.stageInstances
	discordgo.EndpointSKUs = e.skus
	discordgo.EndpointCDN, discordgo.EndpointCDNAttachments = e.cdn, e.cdnAttachments
	discordgo.EndpointCDNAvatars, discordgo.EndpointCDNIcons = e.cdnAvatars, e.cdnIcons
	discordgo.EndpointCDNSplashes, discordgo.EndpointCDNChannelIcons = e.cdnSplashes, e.cdnChannelIcons
	discordgo.EndpointCDNBanners, discordgo.EndpointCDNGuilds = e.cdnBanners, e.cdnGuilds
	discordgo.EndpointCDNRoleIcons = e.cdnRoleIcons
	discordgo.EndpointVoice, discordgo.EndpointVoiceRegions = e.voice, e.voiceRegions
	discordgo.EndpointNitroStickersPacks, discordgo.EndpointGuildCreate = e.nitroStickerPacks, e.guildCreate
	discordgo.EndpointApplications = e.applications
	discordgo.EndpointOAuth2, discordgo.EndpointOAuth2Applications = e.oauth2, e.oauth2Applications
	discordgo.EndpointOauth2, discordgo.EndpointOauth2Applications = e.oauth2Deprecated, e.oauth2AppsDeprecated
}

// setEndpoints recomputes the endpoint strings from base (ending in "/")
// with the same formulas as discordgo's endpoints.go. The status page and
// the CDN live under base too, so that nothing can reach the network; the
// emulator answers them 404 and records it.
func setEndpoints(base string) {
	var e endpoints
	e.status = base + "status/api/v2/"
	e.sm = e.status + "scheduled-maintenances/"
	e.smActive = e.sm + "active.json"
	e.smUpcoming = e.sm + "upcoming.json"

	e.discord = base
	e.api = e.discord + "api/v" + discordgo.APIVersion + "/"
	e.guilds = e.api + "guilds/"
	e.channels = e.api + "channels/"
	e.users = e.api + "users/"
	e.gateway = e.api + "gateway"
	e.gatewayBot = e.gateway + "/bot"
	e.webhooks = e.api + "webhooks/"
	e.stickers = e.api + "stickers/"
	e.stageInstances = e.api + "stage-instances"
	e.skus = e.api + "skus"

	e.cdn = base + "cdn/"
	e.cdnAttachments = e.cdn + "attachments/"
	e.cdnAvatars = e.cdn + "avatars/"
	e.cdnIcons = e.cdn + "icons/"
	e.cdnSplashes = e.cdn + "splashes/"
	e.cdnChannelIcons = e.cdn + "channel-icons/"
	e.cdnBanners = e.cdn + "banners/"
	e.cdnGuilds = e.cdn + "guilds/"
	e.cdnRoleIcons = e.cdn + "role-icons/"

	e.voice = e.api + "/voice/"
	e.voiceRegions = e.voice + "regions"
	e.nitroStickerPacks = e.api + "/sticker-packs"
	e.guildCreate = e.api + "guilds"
	e.applications = e.api + "applications"
	e.oauth2 = e.api + "oauth2/"
	e.oauth2Applications = e.oauth2 + "applications"
	e.oauth2Deprecated = e.oauth2
	e.oauth2AppsDeprecated = e.oauth2Applications
	e.apply()
}
