"""Terminology and media monitor pages over the `migdex.media` library."""
