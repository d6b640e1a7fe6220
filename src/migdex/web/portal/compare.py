"""Compare destinations for one origin: attractiveness areas and index areas side by side."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from migdex.errors import InputError
from migdex.web.portal.attractiveness import AttractivenessTable, Figure, attractiveness_for
from migdex.web.portal.models import Destination
from migdex.web.portal.rights import Rights, rights_for

# Origins the portal serves (information centres, attractiveness files); names translated.
ORIGINS = {"UZB": _("Uzbekistan"), "TJK": _("Tajikistan"), "KGZ": _("Kyrgyzstan")}
DEFAULT_ORIGIN = "UZB"
MAX_COMPARED = 4


class ChoiceError(InputError):
    """A query names an origin or destination the portal does not know."""


@dataclass(frozen=True)
class Row:
    code: str
    title: str
    title_is_fallback: bool
    cells: list  # one per destination: a Figure, an AreaRight or None


@dataclass(frozen=True)
class Comparison:
    origin: str
    destinations: list[Destination]
    attractiveness: AttractivenessTable | None
    attractiveness_rows: list[Row]
    rights: list[Rights | None]
    rights_rows: list[Row]

    @property
    def attractiveness_titles_fallback(self) -> bool:
        return any(r.title_is_fallback for r in self.attractiveness_rows)

    @property
    def rights_titles_fallback(self) -> bool:
        return any(r.title_is_fallback for r in self.rights_rows)


def parse_origin(value: str | None) -> str:
    """The origin code from a query (default Uzbekistan); raises naming the known ones."""
    code = (value or DEFAULT_ORIGIN).strip().upper()
    if code not in ORIGINS:
        raise ChoiceError(f"origin {value!r} is not known; choose one of {', '.join(ORIGINS)}")
    return code


def parse_destinations(values: list[str]) -> list[Destination]:
    """The chosen destinations in the order given; raises naming any unknown code."""
    codes = list(dict.fromkeys(v.strip().upper() for v in values if v.strip()))
    if len(codes) > MAX_COMPARED:
        raise ChoiceError(f"choose at most {MAX_COMPARED} destinations, not {len(codes)}")
    found = {d.iso3: d for d in Destination.objects.filter(iso3__in=codes)}
    unknown = [c for c in codes if c not in found]
    if unknown:
        known = ", ".join(Destination.objects.values_list("iso3", flat=True))
        raise ChoiceError(f"destination {', '.join(unknown)} is not known; known: {known}")
    return [found[c] for c in codes]


def compare(origin: str, destinations: list[Destination], language: str) -> Comparison:
    """Everything the comparison table shows, figure by figure with its source and year."""
    table = attractiveness_for(origin)
    rights = [rights_for(d.iso3, language) for d in destinations]
    return Comparison(
        origin=origin,
        destinations=destinations,
        attractiveness=table,
        attractiveness_rows=_attractiveness_rows(table, destinations, language),
        rights=rights,
        rights_rows=_rights_rows(rights),
    )


def _attractiveness_rows(
    table: AttractivenessTable | None, destinations: list[Destination], language: str
) -> list[Row]:
    if table is None:
        return []
    fw = table.framework
    rows = []
    for area in fw.areas:
        cells: list[Figure | None] = [table.of(d.iso3).get(area.code) for d in destinations]
        rows.append(
            Row(area.code, fw.text(area.title, language), language not in area.title, cells)
        )
    overall = [table.of(d.iso3).get("overall") for d in destinations]
    rows.append(Row("overall", str(_("Overall")), False, overall))
    return rows


def _rights_rows(rights: list[Rights | None]) -> list[Row]:
    codes: list[str] = []
    titles: dict[str, tuple[str, bool]] = {}
    for r in rights:
        for area in r.areas if r else []:
            if area.code not in titles:
                codes.append(area.code)
                titles[area.code] = (area.title, area.title_is_fallback)
    rows = []
    for code in codes:
        cells = [next((a for a in r.areas if a.code == code), None) if r else None for r in rights]
        rows.append(Row(code, titles[code][0], titles[code][1], cells))
    return rows
