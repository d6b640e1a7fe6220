"""Country reports (no Django): scores → sentences and charts → HTML → PDF (WeasyPrint).

A web view needs two calls: ``build_country_report(scores, framework, iso3=..., lang=...)``
and ``country_pdf_bytes(report)`` for the download button.
"""

from migdex.reports.country import CountryReport, build_country_report
from migdex.reports.render import country_pdf_bytes, render_html, write_country_pdf

__all__ = [
    "CountryReport",
    "build_country_report",
    "country_pdf_bytes",
    "render_html",
    "write_country_pdf",
]
