"""The JSON API (/api/v1/): tokens, endpoints, problem+json errors, and outgoing webhooks."""
