"""Import articles (RSS/Atom feeds, CSV/XLSX tables) into the monitor: all or nothing.

A thin shell over :func:`migdex.media.read_articles` and :func:`migdex.media.run_monitor`:
the library reads and analyses; this module stores articles, their findings and frame counts
in one transaction. An article already imported (same outlet, date, title and text) is
skipped, so importing a file twice changes nothing.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.text import get_valid_filename

from migdex.errors import InputError
from migdex.media import ArticleRowsError, read_articles, run_monitor
from migdex.web.terminology.models import Article, ArticleFinding, Outlet

ANALYSIS_VERSION = "rules-v1+crime-frame-v1+portrayal-v1"
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LATIN = re.compile(r"[a-zA-Z]")
_URL = re.compile(r"^https?://\S+$")


@dataclass
class ImportReport:
    """What an import did, or (``problems``) why it did nothing."""

    added: int = 0
    skipped: int = 0
    findings: int = 0
    outlets: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        return (
            f"{self.added} articles added ({self.findings} findings), "
            f"{self.skipped} already imported; outlets: {', '.join(self.outlets) or 'none'}"
        )


def import_articles(
    paths: Sequence[str | Path], *, outlet: str | None = None, is_synthetic: bool = False
) -> ImportReport:
    """Read, analyse and store the articles in ``paths``; raise :class:`InputError` if any
    row is unusable (the error's ``problems`` list every row, and nothing is stored)."""
    articles = read_articles(list(paths))
    if outlet:
        articles["outlet"] = outlet.strip()
    if articles.empty:
        raise InputError(f"{', '.join(Path(p).name for p in paths)}: no articles to import")
    problems = list(_bad_urls(articles))
    if problems:
        raise ArticleRowsError(problems)
    articles["fingerprint"] = [
        fingerprint(r.outlet, r.date.date().isoformat(), r.title, r.text, r.url)
        for r in articles.itertuples(index=False)
    ]
    fresh = articles.drop_duplicates("fingerprint")
    fresh = fresh[~fresh["fingerprint"].isin(set(_ids_of(fresh["fingerprint"])))]
    report = ImportReport()
    if len(fresh):
        result = run_monitor(fresh)  # only new articles are analysed
        try:
            report = _store(result.articles, result.findings, is_synthetic=is_synthetic)
        except IntegrityError:  # another import stored some of them meanwhile
            raise InputError(
                "another import stored some of these articles at the same moment; import the "
                "file again (articles already stored are skipped)"
            ) from None
    report.skipped = len(articles) - len(fresh)
    report.outlets = sorted(articles["outlet"].unique())
    return report


def import_upload(
    upload: UploadedFile, *, outlet: str | None = None, is_synthetic: bool = False
) -> ImportReport:
    """:func:`import_articles` for a file uploaded through the admin; messages name the upload."""
    name = get_valid_filename(Path(upload.name or "upload").name) or "upload"
    with tempfile.TemporaryDirectory(prefix="migdex-articles-") as folder:
        path = Path(folder) / name
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            return import_articles([path], outlet=outlet, is_synthetic=is_synthetic)
        except InputError as exc:
            problems = getattr(exc, "problems", None) or [str(exc)]
            cleaned = [p.replace(str(path), name) for p in problems]
            raise ArticleRowsError(cleaned) from None


def guess_language(text: str) -> str:
    """``ru`` for mostly Cyrillic text, ``en`` for mostly Latin, ``""`` when neither.

    Only a fallback for files without a ``language`` column: Kyrgyz or Tajik text in
    Cyrillic also reads as ``ru`` here, so such files should name their language.
    """
    cyrillic, latin = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    if not cyrillic and not latin:
        return ""
    return "ru" if cyrillic >= latin else "en"


def fingerprint(outlet: str, date: str, title: str, text: str, url: str = "") -> str:
    """The key that makes a second import of the same article a no-op."""
    key = "\x1f".join([outlet.strip(), date, " ".join(title.split()), " ".join(text.split()), url])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _bad_urls(articles: pd.DataFrame) -> Iterable[str]:
    for row in articles.itertuples(index=False):
        if row.url and (not _URL.match(row.url) or len(row.url) > 1000):
            yield (
                f'{row.source}: article "{row.title[:60]}": url "{row.url[:80]}" '
                "is not a web address (http:// or https://)"
            )


@transaction.atomic
def _store(articles: pd.DataFrame, findings: pd.DataFrame, *, is_synthetic: bool) -> ImportReport:
    """Store new articles (with a ``fingerprint`` column) and their findings in one go."""
    outlets = {name: _outlet(name, is_synthetic) for name in articles["outlet"].unique()}
    kinds = findings.groupby(["article_id", "kind"]).size().to_dict()
    new = [
        _article(
            row,
            outlets[row.outlet],
            {k: kinds.get((row.article_id, k), 0) for k in ("term", "crime-origin")},
            is_synthetic,
        )
        for row in articles.itertuples(index=False)
    ]
    Article.objects.bulk_create(new, batch_size=500)
    keys = dict(zip(articles["article_id"], articles["fingerprint"]))
    return ImportReport(added=len(new), findings=_store_findings(findings, keys))


def _outlet(name: str, is_synthetic: bool) -> Outlet:
    return Outlet.objects.get_or_create(name=name, defaults={"is_synthetic": is_synthetic})[0]


def _ids_of(keys: Iterable[str]) -> dict[str, int]:
    """Article ids by fingerprint, looked up in chunks (databases cap query parameters)."""
    keys, found = list(keys), {}
    for start in range(0, len(keys), 500):
        chunk = Article.objects.filter(fingerprint__in=keys[start : start + 500])
        found.update(chunk.values_list("fingerprint", "id"))
    return found


def _article(row, outlet: Outlet, counts: dict[str, int], is_synthetic: bool) -> Article:
    language = (row.language or guess_language(f"{row.title}\n{row.text}")).split("-")[0]
    return Article(
        outlet=outlet,
        date=row.date.date(),
        title=row.title,
        text=row.text,
        url=row.url,
        language=language.lower()[:8],
        source_file=str(row.source)[:255],
        is_synthetic=is_synthetic,
        fingerprint=row.fingerprint,
        term_findings=int(counts["term"]),
        crime_origin_findings=int(counts["crime-origin"]),
        crime_words=int(row.crime_words),
        contribution_words=int(row.contribution_words),
        frame=row.frame,
        analysis_version=ANALYSIS_VERSION,
    )


def _store_findings(findings: pd.DataFrame, wanted: dict[int, str]) -> int:
    """Store the findings of the newly added articles (``wanted``: article_id → fingerprint)."""
    if not wanted or findings.empty:
        return 0
    ids = _ids_of(wanted.values())
    rows = [
        ArticleFinding(
            article_id=ids[wanted[f.article_id]],
            field=f.field,
            line=int(f.line),
            column=int(f.column),
            found=f.found,
            suggested=f.suggested,
            kind=f.kind,
            rule=f.rule,
        )
        for f in findings.itertuples(index=False)
        if f.article_id in wanted
    ]
    ArticleFinding.objects.bulk_create(rows, batch_size=500)
    return len(rows)
