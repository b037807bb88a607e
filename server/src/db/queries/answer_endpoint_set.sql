-- Sets where a channel's answers go. $1 channel, $2 url, $3 secret, $4 enabled.
INSERT INTO answer_endpoints (channel, url, secret, enabled) VALUES ($1, $2, $3, $4)
ON CONFLICT (channel) DO UPDATE SET url = excluded.url, secret = excluded.secret, enabled = excluded.enabled
RETURNING channel, url, enabled
