"""Reading the bundled YAML data files (glossary, rules, lexicons) and validating their shape."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from migdex.media.errors import MediaDataError


def read_yaml(name_or_path: str | os.PathLike[str]) -> tuple[dict[str, Any], str]:
    """Load a bundled data file by name (``"rules-v1.yaml"``) or a YAML file by path.

    Returns the mapping and a label for messages.
    """
    path = Path(name_or_path)
    if path.suffix in (".yaml", ".yml") and path.exists():
        text, label = path.read_text(encoding="utf-8"), str(path)
    else:
        resource = resources.files("migdex.media") / "data" / str(name_or_path)
        if not resource.is_file():
            raise MediaDataError(f"{name_or_path}: no such file (bundled or on disk)")
        text, label = resource.read_text(encoding="utf-8"), str(name_or_path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise MediaDataError(f"{label}: not valid YAML ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("version"), str):
        raise MediaDataError(f"{label}: expected a mapping with a 'version' string at the top")
    return data, label


def require_keys(item: Any, keys: list[str], where: str, problems: list[str]) -> dict[str, Any]:
    """Append one problem per missing key to ``problems``; return ``item`` (or ``{}``)."""
    if not isinstance(item, dict):
        problems.append(f"{where}: expected a mapping")
        return {}
    problems.extend(f"{where}: missing '{key}'" for key in keys if key not in item)
    return item


def raise_problems(label: str, problems: list[str]) -> None:
    """Raise one :class:`MediaDataError` listing every problem found."""
    if problems:
        raise MediaDataError(f"{label}: " + "; ".join(problems))
