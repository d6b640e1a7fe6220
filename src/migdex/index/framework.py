"""Framework files: what an index edition asks, how answers score, in which languages.

A framework is versioned data (YAML), validated once on load. Its structure:
areas, each with optional dimensions, each holding indicators whose answer
options carry values 0–100 (or numeric indicators, normalised to 0–100);
bands; the approach dimensions and rule; text in every declared language. The
full key reference is ``docs/framework-schema.md``.

Validation collects every problem before failing; each message names the
file, the path inside it (with codes, not only positions) and what is wrong.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from migdex.errors import InputError

SCHEMA_VERSION = 1
MISSING_RULES = ("renormalise", "zero", "refuse")
NOT_APPLICABLE = "na"
RECONSTRUCTION_TAG = {
    "en": "RECONSTRUCTION - not the official questionnaire",
    "ru": "РЕКОНСТРУКЦИЯ - не официальная анкета",
}


class FrameworkError(InputError):
    """A framework file is missing, unreadable or invalid; the message lists every problem."""


Text = dict[str, str]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(_Model):
    """One answer option of an indicator, with its score."""

    code: str
    value: float = Field(ge=0, le=100)
    label: Text = Field(default_factory=dict)

    @field_validator("code", mode="before")
    @classmethod
    def _code_as_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | float) else v


NORMALISATIONS = ("minmax", "zscore", "target")
DIRECTIONS = ("higher_is_better", "lower_is_better")


class Indicator(_Model):
    """One indicator: an ``option`` question scored by its chosen option's value (the default),
    or a ``numeric`` measure whose raw values are normalised to 0–100 across the country-years
    scored together (see :mod:`migdex.index.normalise`).
    """

    code: str
    title: Text
    question: Text = Field(default_factory=dict)
    guidance: Text = Field(default_factory=dict)
    kind: Literal["option", "numeric"] = "option"
    options: tuple[Option, ...] = ()
    not_applicable_allowed: bool = False
    weight: float = Field(default=1.0, gt=0)
    normalisation: Literal["minmax", "zscore", "target"] | None = None
    direction: Literal["higher_is_better", "lower_is_better"] | None = None
    target: float | None = None
    bounds: tuple[float, float] | None = None
    unit: Text = Field(default_factory=dict)

    @property
    def is_numeric(self) -> bool:
        return self.kind == "numeric"

    @property
    def method(self) -> str:
        """The normalisation in force: the given one, ``minmax`` by default."""
        return self.normalisation or "minmax"

    @property
    def is_higher_better(self) -> bool:
        return (self.direction or "higher_is_better") == "higher_is_better"

    @field_validator("code", mode="before")
    @classmethod
    def _code_as_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | float) else v

    def option_values(self) -> dict[str, float]:
        """Map option code → value."""
        return {o.code: o.value for o in self.options}


class Dimension(_Model):
    """A group of indicators inside an area (the 2015 edition has four per area)."""

    code: str
    title: Text
    weight: float = Field(default=1.0, gt=0)
    indicators: tuple[Indicator, ...] = Field(min_length=1)


class Area(_Model):
    """A policy area: either dimensions (which hold indicators) or indicators directly."""

    code: str
    title: Text
    weight: float = Field(default=1.0, gt=0)
    dimensions: tuple[Dimension, ...] = ()
    indicators: tuple[Indicator, ...] = ()


class Band(_Model):
    """A verbal band: scores at or above ``min`` (and below the next band up)."""

    code: str
    min: float = Field(ge=0, le=100)
    title: Text


class ApproachDimension(_Model):
    """One of the approach dimensions (e.g. basic rights), the mean of its members' scores.

    Members are area codes or ``area.dimension`` codes.
    """

    code: str
    title: Text
    members: tuple[str, ...] = Field(min_length=1)


class Approach(_Model):
    """An approach: which approach dimensions must be favourable (true) or not (false)."""

    code: str
    title: Text
    requires: dict[str, bool] = Field(default_factory=dict)


class ApproachRule(_Model):
    """Parameters of the transparent approach classifier (see :mod:`migdex.index.approaches`)."""

    favourable_min: float = Field(ge=0, le=100)
    top_min: float | None = Field(default=None, ge=0, le=100)
    top_suffix: str = "top_ten"
    approaches: tuple[Approach, ...] = Field(min_length=1)


class Variant(_Model):
    """An extra overall score over a subset of areas (e.g. overall without health)."""

    code: str
    title: Text
    exclude_areas: tuple[str, ...] = Field(min_length=1)


class Aggregation(_Model):
    """How indicator scores combine upwards."""

    missing_rule: Literal["renormalise", "zero", "refuse"] = "renormalise"
    variants: tuple[Variant, ...] = ()


class FrameworkFile(_Model):
    """The raw structure of a framework YAML file."""

    schema_version: int
    name: str
    version: str
    edition: str
    series: str
    reconstruction: bool
    notice: Text = Field(default_factory=dict)
    title: Text
    languages: tuple[str, ...] = Field(min_length=1)
    sources: tuple[str, ...] = ()
    aggregation: Aggregation = Aggregation()
    bands: tuple[Band, ...] = ()
    approach_dimensions: tuple[ApproachDimension, ...] = ()
    approach_rule: ApproachRule | None = None
    areas: tuple[Area, ...] = Field(min_length=1)

    @field_validator("version", mode="before")
    @classmethod
    def _version_as_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | float) else v


@dataclass(frozen=True)
class IndicatorPlace:
    """Where an indicator sits: its area and (optional) dimension."""

    indicator: Indicator
    area: str
    dimension: str | None


@dataclass(frozen=True)
class Framework:
    """A validated framework with lookups the engine needs.

    Dimension codes are qualified as ``area.dimension`` everywhere outside the file.
    """

    spec: FrameworkFile
    path: str

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def areas(self) -> tuple[Area, ...]:
        return self.spec.areas

    @property
    def area_codes(self) -> list[str]:
        return [a.code for a in self.spec.areas]

    @cached_property
    def places(self) -> list[IndicatorPlace]:
        """Every indicator in file order, with its area and dimension."""
        return list(_walk(self.spec))

    @cached_property
    def indicators(self) -> dict[str, Indicator]:
        return {p.indicator.code: p.indicator for p in self.places}

    def text(self, text: Text, lang: str = "en") -> str:
        """Pick ``lang`` from a translated text, falling back to the first declared language."""
        return text.get(lang) or text.get(self.spec.languages[0]) or next(iter(text.values()), "")

    def describe(self, lang: str = "en") -> str:
        """One line naming the framework, with the reconstruction notice when it applies."""
        line = f"{self.name} {self.spec.version} — {self.text(self.spec.title, lang)}"
        if self.spec.reconstruction:
            line += f" [{RECONSTRUCTION_TAG.get(lang, RECONSTRUCTION_TAG['en'])}]"
        return line


def _walk(spec: FrameworkFile) -> Iterator[IndicatorPlace]:
    for area in spec.areas:
        for ind in area.indicators:
            yield IndicatorPlace(ind, area.code, None)
        for dim in area.dimensions:
            for ind in dim.indicators:
                yield IndicatorPlace(ind, area.code, f"{area.code}.{dim.code}")


BUNDLED_DIR = "frameworks"


def bundled_frameworks() -> dict[str, Path]:
    """Names of the framework files shipped with migdex → their paths."""
    root = resources.files("migdex.index") / BUNDLED_DIR
    return {
        Path(str(p)).stem: Path(str(p))
        for p in root.iterdir()
        if str(p).endswith((".yaml", ".yml"))
    }


def load_framework(name_or_path: str | os.PathLike[str]) -> Framework:
    """Load and validate a framework by bundled name or by file path.

    Examples
    --------
    >>> fw = load_framework("mipex-2015-reconstructed")
    >>> fw.area_codes[:2]
    ['labour_market', 'family_reunion']
    >>> fw.spec.reconstruction
    True
    """
    bundled = bundled_frameworks()
    key = str(name_or_path)
    if key in bundled:
        path = bundled[key]
    else:
        path = Path(key)
        if not path.exists():
            known = ", ".join(sorted(bundled)) or "none"
            raise FrameworkError(
                f"{key}: no such framework file or bundled name (bundled: {known})"
            )
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FrameworkError(f"{path}: cannot be read as YAML ({exc})") from exc
    return parse_framework(raw, source=str(path))


def parse_framework(raw: Any, *, source: str = "<framework>") -> Framework:
    """Validate a parsed YAML document; raise :class:`FrameworkError` listing every problem."""
    if not isinstance(raw, dict):
        raise FrameworkError(f"{source}: expected a mapping at the top level")
    try:
        spec = FrameworkFile.model_validate(raw)
    except ValidationError as exc:
        problems = [f"{_locate(raw, e['loc'])}: {e['msg']}" for e in exc.errors()]
        raise FrameworkError(_format(source, problems)) from None
    problems = list(_semantic_problems(spec))
    if problems:
        raise FrameworkError(_format(source, problems))
    return Framework(spec=spec, path=source)


def _format(source: str, problems: list[str]) -> str:
    head = f"{source}: {len(problems)} problem(s) in framework file"
    return "\n".join([head, *(f"  {source}: {p}" for p in problems)])


def _locate(raw: Any, loc: tuple[Any, ...]) -> str:
    """Render a validation location with codes: ``areas[0 labour_market].indicators[2 '3']``."""
    parts: list[str] = []
    node = raw
    for key in loc:
        if isinstance(key, int):
            label = f"[{key}]"
            if isinstance(node, list) and key < len(node):
                node = node[key]
                if isinstance(node, dict) and "code" in node:
                    label = f"[{key} {node['code']!r}]"
            else:
                node = None
            parts.append(label)
        else:
            parts.append(f".{key}" if parts else str(key))
            node = node.get(key) if isinstance(node, dict) else None
    return "".join(parts) or "(top)"


def _semantic_problems(spec: FrameworkFile) -> Iterator[str]:
    """Cross-field checks pydantic cannot express: unique codes, references, translations."""
    if spec.schema_version != SCHEMA_VERSION:
        yield f"schema_version: {spec.schema_version} is not supported (expected {SCHEMA_VERSION})"
    yield from _duplicates("areas", [a.code for a in spec.areas])
    yield from _duplicates("languages", list(spec.languages))
    yield from _duplicates("bands", [b.code for b in spec.bands])
    yield from _duplicates("aggregation.variants", [v.code for v in spec.aggregation.variants])
    yield from _duplicates("approach_dimensions", [d.code for d in spec.approach_dimensions])
    for area in spec.areas:
        for code in [area.code, *(d.code for d in area.dimensions)]:
            if "." in code:
                yield f"area or dimension code {code!r}: '.' is reserved for area.dimension"
    seen_indicators: dict[str, str] = {}
    qualified: set[str] = set()
    for ai, area in enumerate(spec.areas):
        where = f"areas[{ai} {area.code!r}]"
        if bool(area.dimensions) == bool(area.indicators):
            yield f"{where}: give either dimensions or indicators (exactly one of them)"
        yield from _duplicates(f"{where}.dimensions", [d.code for d in area.dimensions])
        qualified.update(f"{area.code}.{d.code}" for d in area.dimensions)
        yield from _text_problems(spec, f"{where}.title", area.title)
        for di, dim in enumerate(area.dimensions):
            yield from _text_problems(
                spec, f"{where}.dimensions[{di} {dim.code!r}].title", dim.title
            )
    for place in _walk(spec):
        ind = place.indicator
        where = f"indicator {ind.code!r} (area {place.area})"
        if ind.code in seen_indicators:
            yield f"{where}: code also used in area {seen_indicators[ind.code]}"
        seen_indicators[ind.code] = place.area
        yield from _indicator_kind_problems(spec, where, ind)
        yield from _duplicates(f"{where}.options", [o.code for o in ind.options])
        if NOT_APPLICABLE in {o.code.lower() for o in ind.options}:
            yield f"{where}.options: {NOT_APPLICABLE!r} is reserved for 'not applicable'"
        for field in ("title", "question", "guidance"):
            text = getattr(ind, field)
            if field == "title" or text:
                yield from _text_problems(spec, f"{where}.{field}", text)
        for option in ind.options:
            yield from _text_problems(spec, f"{where}.options[{option.code!r}].label", option.label)
    yield from _band_problems(spec)
    yield from _approach_problems(spec, {a.code for a in spec.areas} | qualified)
    area_codes = {a.code for a in spec.areas}
    for variant in spec.aggregation.variants:
        if set(variant.exclude_areas) >= area_codes:
            yield f"aggregation.variants[{variant.code!r}]: excludes every area"
        for code in variant.exclude_areas:
            if code not in area_codes:
                yield f"aggregation.variants[{variant.code!r}].exclude_areas: unknown area {code!r}"
    yield from _text_problems(spec, "title", spec.title)
    if spec.reconstruction:
        yield from _text_problems(spec, "notice", spec.notice)


def _indicator_kind_problems(spec: FrameworkFile, where: str, ind: Indicator) -> Iterator[str]:
    """Options for option indicators; normalisation keys (and no options) for numeric ones."""
    keys = ("normalisation", "direction", "target", "bounds")
    given = [k for k in keys if getattr(ind, k) is not None]
    if not ind.is_numeric:
        if not ind.options:
            yield f"{where}.options: give at least one option (or set kind: numeric)"
        if given:
            yield f"{where}: {', '.join(given)}: for numeric indicators only (kind: numeric)"
        return
    if ind.options:
        yield f"{where}.options: a numeric indicator has no options (answers give a value)"
    if ind.method == "target" and ind.target is None:
        yield f"{where}.target: normalisation 'target' needs a target value"
    if ind.target is not None and ind.method != "target":
        yield f"{where}.target: only used with normalisation: target"
    if ind.bounds is not None:
        low, high = ind.bounds
        if not low < high:
            yield f"{where}.bounds: [{low:g}, {high:g}]; the lower bound must be below the upper"
        elif ind.method == "zscore":
            yield f"{where}.bounds: not used by normalisation 'zscore'"
        elif ind.target is not None and not low <= ind.target <= high:
            yield f"{where}.target: {ind.target:g} lies outside bounds [{low:g}, {high:g}]"
    if ind.unit:
        yield from _text_problems(spec, f"{where}.unit", ind.unit)


def _duplicates(where: str, codes: list[str]) -> Iterator[str]:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            yield f"{where}: duplicate code {code!r}"
        seen.add(code)


def _text_problems(spec: FrameworkFile, where: str, text: Text) -> Iterator[str]:
    missing = [lang for lang in spec.languages if not (text.get(lang) or "").strip()]
    if missing:
        yield f"{where}: missing text for language(s) {', '.join(missing)}"


def _band_problems(spec: FrameworkFile) -> Iterator[str]:
    if not spec.bands:
        return
    mins = [b.min for b in spec.bands]
    if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
        yield "bands: list bands from the highest 'min' to the lowest, each 'min' different"
    if mins[-1] != 0:
        yield "bands: the lowest band must start at min 0 so every score has a band"
    for band in spec.bands:
        yield from _text_problems(spec, f"bands[{band.code!r}].title", band.title)


def _approach_problems(spec: FrameworkFile, member_codes: set[str]) -> Iterator[str]:
    dims = {d.code for d in spec.approach_dimensions}
    for d in spec.approach_dimensions:
        for m in d.members:
            if m not in member_codes:
                yield (
                    f"approach_dimensions[{d.code!r}].members: unknown area or area.dimension {m!r}"
                )
        yield from _text_problems(spec, f"approach_dimensions[{d.code!r}].title", d.title)
    rule = spec.approach_rule
    if rule is None:
        return
    if not dims:
        yield "approach_rule: needs approach_dimensions to classify"
    for ap in rule.approaches:
        for key in ap.requires:
            if key not in dims:
                yield f"approach_rule.approaches[{ap.code!r}].requires: unknown dimension {key!r}"
        yield from _text_problems(spec, f"approach_rule.approaches[{ap.code!r}].title", ap.title)
    yield from _duplicates("approach_rule.approaches", [a.code for a in rule.approaches])
    if rule.approaches[-1].requires:
        yield "approach_rule.approaches: the last approach must require nothing (the fallback)"
    for ap in rule.approaches[:-1]:
        if not ap.requires:
            yield (
                f"approach_rule.approaches[{ap.code!r}]: requires nothing, so the approaches "
                "after it can never match; only the last (fallback) may require nothing"
            )
    if rule.top_min is not None and rule.top_min < rule.favourable_min:
        yield "approach_rule: top_min is below favourable_min"
