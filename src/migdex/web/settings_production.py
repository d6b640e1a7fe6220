"""Production settings: the defaults with debugging forced off and a real secret required."""

from __future__ import annotations

import os

from migdex.web.settings import *  # noqa: F403

DEBUG = False
WHITENOISE_AUTOREFRESH = False
# Re-read the data version (which keys the page cache) at most once a second per process.
MIGDEX_DATA_VERSION_TTL = 1.0
if not os.environ.get("MIGDEX_SECRET_KEY"):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("production settings need MIGDEX_SECRET_KEY in the environment")
