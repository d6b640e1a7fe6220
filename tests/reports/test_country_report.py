"""Country report PDFs, checked by what a reader sees: text per page and rendered images."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from migdex.index.framework import load_framework
from migdex.index.pipeline import run_index
from migdex.index.synthetic import make_synthetic_answers
from migdex.reports import build_country_report, write_country_pdf

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdftoppm")), reason="needs poppler-utils"
)
COUNTRIES = ["RUS", "SWE", "DEU", "FRA", "CHN", "IND", "POL", "CAN"]
EXAMPLE = Path(__file__).resolve().parents[2] / "src/migdex/data/destination_example.csv"


def pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with form feeds)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return [p for p in out.stdout.decode("utf-8").split("\f") if p.strip()]


def render_pngs(pdf: Path, folder: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


@pytest.fixture(scope="module")
def run():
    fw = load_framework("mipex-2015-reconstructed")
    return run_index(make_synthetic_answers(fw, iso3=COUNTRIES, years=(2014, 2019)), fw)


@pytest.fixture(scope="module")
def pdfs(run, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    out = {}
    for lang in ("en", "ru"):
        report = build_country_report(
            run.scores,
            run.framework,
            iso3="RUS",
            year=2019,
            lang=lang,
            is_synthetic=True,
            source=run.dataset_label,
        )
        out[lang] = write_country_pdf(report, folder / f"rus-{lang}.pdf")
    return out


def test_english_report_says_what_the_slides_say(pdfs, run):
    text = pages(pdfs["en"])
    whole = "\n".join(text)
    assert "Russia — 2019" in text[0]
    assert "Russia scores" in whole and "out of 100 in 2019" in whole
    assert "Mean of all 8 countries:" in whole and "EU28 mean (4):" in whole
    assert "of 8 (" in whole and "from the bottom)." in whole
    assert "Change 2014→2019:" in whole and "the average change was" in whole
    assert "Approach group:" in whole and "Why: Basic rights" in whole
    assert "Indicators that changed since 2014:" in whole or "No indicator changed" in whole
    assert "Sources" in whole and "Methods" in whole and "rounded half up" in whole
    for page in text:  # every page carries both labels
        assert "SYNTHETIC DATA" in page and "RECONSTRUCTION" in page


def test_russian_report_is_in_russian_on_every_page(pdfs):
    text = pages(pdfs["ru"])
    whole = "\n".join(text)
    assert "Россия — 2019" in text[0]
    for words in ("Основные выводы", "Место:", "снизу", "Области", "Методика", "Источники"):
        assert words in whole, words
    assert "Мобильность на рынке труда" in whole  # area titles from the framework's ru texts
    for page in text:
        assert "СИНТЕТИЧЕСКИЕ ДАННЫЕ" in page and "РЕКОНСТРУКЦИЯ" in page


def test_pages_render_with_the_red_label_and_charts(pdfs, tmp_path):
    from PIL import Image

    images = render_pngs(pdfs["en"], tmp_path)
    assert len(images) == len(pages(pdfs["en"])) >= 4
    for path in images:
        px = np.asarray(Image.open(path).convert("RGB")).astype(int)
        top = px[: px.shape[0] // 12]
        red = ((top[..., 0] > 150) & (top[..., 1] < 80) & (top[..., 2] < 80)).sum()
        assert red > 20, f"{path.name}: no red SYNTHETIC label at the top"
    chart = np.asarray(Image.open(images[1]).convert("RGB")).astype(int)
    saturated = chart[(chart.max(axis=-1) - chart.min(axis=-1)) > 60]
    assert len(np.unique(saturated, axis=0)) > 10, "the areas chart did not render"


def test_report_of_unlabelled_data_has_no_synthetic_label(tmp_path):
    fw = load_framework("destination-attractiveness")  # not a reconstruction
    answers = pd.read_csv(EXAMPLE, dtype=str).drop(columns=["dataset"])
    run = run_index(answers, fw)
    report = build_country_report(run.scores, fw, iso3="DEU", year=2019)
    text = "\n".join(pages(write_country_pdf(report, tmp_path / "deu.pdf")))
    assert "Germany — 2019" in text
    assert "SYNTHETIC" not in text and "RECONSTRUCTION" not in text


def test_destination_framework_report_works_without_approaches(tmp_path):
    fw = load_framework("destination-attractiveness")
    run = run_index(pd.read_csv(EXAMPLE, dtype=str), fw)
    report = build_country_report(
        run.scores, fw, iso3="TUR", year=2019, lang="ru", is_synthetic=run.is_synthetic
    )
    text = "\n".join(pages(write_country_pdf(report, tmp_path / "tur.pdf")))
    assert "Турция — 2019" in text and "Разрыв в доходах" in text
    assert "СИНТЕТИЧЕСКИЕ" in text and "РЕКОНСТРУКЦИЯ" not in text
    assert "Группа по подходу" not in text
    assert "Числовые индикаторы" in text  # the methods page explains normalisation


# -- CLI ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def answers_csv(tmp_path_factory):
    fw = load_framework("mipex-2020-core-reconstructed")
    path = tmp_path_factory.mktemp("rep") / "answers.csv"
    make_synthetic_answers(fw, iso3=COUNTRIES, years=(2018, 2019)).to_csv(path, index=False)
    return path


def test_cli_writes_a_russian_pdf(run_cli, answers_csv, tmp_path):
    out = tmp_path / "report.pdf"
    result = run_cli(
        "report",
        "country",
        "RUS",
        "--year",
        "2019",
        "--lang",
        "ru",
        "--answers",
        answers_csv,
        "--framework",
        "mipex-2020-core-reconstructed",
        "--out",
        out,
    )
    assert result.exit_code == 0, result.stderr
    assert "(Россия, 2019, ru)" in " ".join(result.stdout.split())
    assert "Россия — 2019" in pages(out)[0]


def test_cli_without_input_exit_2(run_cli, tmp_path):
    result = run_cli("report", "country", "RUS", "--out", tmp_path / "r.pdf")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: give exactly one of --scores DIR")
    assert not (tmp_path / "r.pdf").exists()


def test_cli_unknown_country_exit_2_no_file(run_cli, answers_csv, tmp_path):
    result = run_cli(
        "report",
        "country",
        "XXX",
        "--answers",
        answers_csv,
        "--framework",
        "mipex-2020-core-reconstructed",
        "--out",
        tmp_path / "r.pdf",
    )
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: no scores for country 'XXX'"
    assert list(tmp_path.iterdir()) == []


def test_cli_bad_language_exit_2(run_cli, tmp_path):
    result = run_cli("report", "country", "RUS", "--demo", "--lang", "de", "--out", tmp_path / "r")
    assert result.exit_code == 2
    assert "language 'de'; choose one of en, ru" in result.stderr
