package bot

// WebhookBucket is the local rate-limit bucket the interaction webhook
// calls of token wait in (see restClient).
func WebhookBucket(token string) string { return webhookBucket(token) }
