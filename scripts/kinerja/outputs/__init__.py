"""Everything published from the model: pages, downloads, the API, metadata, search and hardening."""
