-- Every channel's answer endpoint, without its secret.
SELECT channel, url, enabled FROM answer_endpoints ORDER BY channel
