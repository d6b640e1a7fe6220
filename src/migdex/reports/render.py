"""A :class:`~migdex.reports.country.CountryReport` → HTML (Jinja2) → PDF (WeasyPrint).

Charts are the explorer's Vega-Lite specs rendered to SVG on the server with
``vl_convert`` and embedded as data URIs. Every page's margin carries the
SYNTHETIC and RECONSTRUCTION labels when they apply (CSS ``@page`` boxes), so
no page can be cut out of the report without them.
"""

from __future__ import annotations

import base64
import os
from importlib import resources
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from migdex.io import atomic_output
from migdex.reports.country import CountryReport
from migdex.reports.i18n import t


def _environment() -> Environment:
    folder = str(resources.files("migdex.reports") / "templates")
    return Environment(loader=FileSystemLoader(folder), autoescape=select_autoescape(["html"]))


def _svg_uri(spec: dict) -> str:
    from migdex.index.charts import render_svg

    svg = render_svg(spec).encode("utf-8")
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def _css_string(text: str) -> str:
    """Quote text for a CSS ``content:`` value."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_html(report: CountryReport) -> str:
    """The report as one self-contained HTML document (CSS inline, charts as data URIs)."""
    env = _environment()
    css = (resources.files("migdex.reports") / "templates" / "report.css").read_text("utf-8")
    return env.get_template("country.html").render(
        r=report,
        t=lambda key, **kw: t(key, report.lang, **kw),
        css=css,
        top_label=_css_string(" · ".join(report.banners)),
        charts={name: _svg_uri(spec) for name, spec in report.charts.items()},
    )


def country_pdf_bytes(report: CountryReport) -> bytes:
    """The PDF as bytes, for a web download button (no file written)."""
    from weasyprint import HTML

    return HTML(string=render_html(report), base_url=str(Path.cwd())).write_pdf()


def write_country_pdf(report: CountryReport, out: str | os.PathLike[str]) -> Path:
    """Render the report to a PDF at ``out``, atomically (nothing is left there on failure)."""
    from weasyprint import HTML

    html = render_html(report)
    with atomic_output(out) as tmp:
        HTML(string=html, base_url=str(Path.cwd())).write_pdf(tmp)
    return Path(out)
