"""The public explorer: pages and REST API over the index engine's stored results."""
