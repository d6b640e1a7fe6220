"""The Vega/Vega-Lite/vega-embed script, built once from vl-convert and kept in var/."""

from __future__ import annotations

import os
import threading
from functools import cache
from pathlib import Path

from django.conf import settings

_lock = threading.Lock()


@cache
def vega_version() -> str:
    """A version string for the bundle's URL (changes when vl-convert changes)."""
    import vl_convert

    return f"{vl_convert.get_vega_embed_version()}-{vl_convert.get_vega_version()}"


def bundle_path() -> Path:
    return Path(settings.VAR_DIR) / "assets" / f"vega-{vega_version()}.js"


@cache
def vega_javascript() -> str:
    """The bundle text; the first call builds it (about 10 s) and stores it for later processes."""
    path = bundle_path()
    with _lock:
        if path.exists():
            return path.read_text(encoding="utf-8")
        import vl_convert

        text = vl_convert.javascript_bundle()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.part")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        return text
