"""Community dialogue: topics, threads, events and moderation between communities."""
