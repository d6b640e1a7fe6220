"""The migdex web site: a Django project whose apps are thin shells over the libraries."""
