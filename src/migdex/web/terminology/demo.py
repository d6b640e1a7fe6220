"""A SYNTHETIC article corpus for the monitor demo: three invented outlets, 2024–2025.

Every outlet name says "synthetic" and every text starts with a synthetic label, so nothing
here can pass for real coverage. The articles are generated from fixed templates with a fixed
seed (the same corpus every time), then imported like any file, so loading twice adds nothing.
One outlet drifts from stigmatising wording towards neutral wording over the two years, so the
charts have something to show.
"""

from __future__ import annotations

import csv
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path

from migdex.web.terminology.importing import import_articles

LABEL = {
    "ru": "[Синтетическая демо-статья, не реальная публикация.]",
    "en": "[Synthetic demo article, not a real publication.]",
}
OUTLETS = {
    "Городской вестник (synthetic demo)": ("ru", 0.8, 0.2),  # flagged share falls 0.8 → 0.2
    "Северная газета (synthetic demo)": ("ru", 0.25, 0.25),
    "The Example Herald (synthetic demo)": ("en", 0.6, 0.3),
}
FLAGGED = {
    "ru": [
        (
            "Полиция задержала нелегалов на рынке",
            "В ходе рейда задержаны двенадцать нелегальных мигрантов.",
        ),
        (
            "Рейд на стройке: задержаны гастарбайтеры",
            "Гастарбайтеры работали без патентов, сообщает полиция.",
        ),
        ("Кража в магазине", "По подозрению в краже задержан уроженец Таджикистана."),
        ("Нелегальные мигранты жили в подвале", "Полиция выявила нарушение миграционного учёта."),
    ],
    "en": [
        (
            "Police arrest illegal immigrants in dawn raid",
            "Officers said the illegal immigrants were detained.",
        ),
        ("Theft at the market", "A Kyrgyz national was arrested after a theft, police said."),
        ("Illegals found at building site", "The raid followed a tip-off, police said."),
    ],
}
NEUTRAL = {
    "ru": [
        (
            "Трудовые мигранты построили новую школу",
            "Школа открылась в срок; строители работали всю зиму.",
        ),
        (
            "Мигранты платят налоги",
            "Налоговая служба опубликовала данные о вкладе иностранных работников в экономику.",
        ),
        ("Открылись курсы русского языка", "Волонтёры помогают трудовым мигрантам учиться."),
        ("Мигранты с неурегулированным статусом получат консультации", "Юристы помогут бесплатно."),
        (
            "Полиция задержала мигрантов без документов",
            "Задержанных доставили в отдел; после проверки их отпустили.",
        ),
    ],
    "en": [
        (
            "Migrant workers built the new hospital",
            "The hospital opened on time; the builders worked all winter.",
        ),
        ("Volunteers opened language courses", "Volunteers help newcomers study the language."),
        (
            "Irregular migrants offered free legal advice",
            "Lawyers will help at the community centre.",
        ),
        ("Police arrest undocumented migrants", "Those detained were released after checks."),
    ],
}
MONTHS = [f"{year}-{month:02d}" for year in (2024, 2025) for month in range(1, 13)]


def synthetic_rows(seed: int = 2024) -> Iterator[dict[str, str]]:
    """The corpus as table rows (``date,outlet,title,text,url,language``), always the same."""
    rng = random.Random(seed)
    for outlet, (lang, share_from, share_to) in OUTLETS.items():
        for i, month in enumerate(MONTHS):
            share = share_from + (share_to - share_from) * i / (len(MONTHS) - 1)
            for n in range(rng.randint(2, 4)):
                pool = FLAGGED if rng.random() < share else NEUTRAL
                title, text = rng.choice(pool[lang])
                yield {
                    "date": f"{month}-{rng.randint(1, 28):02d}",
                    "outlet": outlet,
                    "title": title,
                    "text": f"{LABEL[lang]}\n{text}",
                    "url": f"https://example.org/synthetic/{month}/{n + 1}",
                    "language": lang,
                }


def load_demo() -> list[str]:
    """Import the synthetic corpus (idempotent); the lines to print."""
    with tempfile.TemporaryDirectory(prefix="migdex-demo-") as folder:
        path = Path(folder) / "synthetic-articles.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(
                handle, fieldnames=["date", "outlet", "title", "text", "url", "language"]
            )
            writer.writeheader()
            writer.writerows(synthetic_rows())
        report = import_articles([path], is_synthetic=True)
    return [f"SYNTHETIC media monitor corpus: {report.summary}"]
