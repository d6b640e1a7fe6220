"""Web benchmark: gunicorn (production settings) under a bounded loopback load."""
