"""Imports (admin and CLI) validate like the index CLI and apply all rows or none."""

from __future__ import annotations

import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from migdex.index.framework import load_framework
from migdex.index.synthetic import make_synthetic_answers


@pytest.fixture
def admin_client(client, django_user_model, demo):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw-12345678")
    client.force_login(user)
    return client


def _answers_csv(bad: bool = False) -> bytes:
    fw = load_framework("mipex-2015-reconstructed")
    frame = make_synthetic_answers(fw, iso3=["RUS", "SWE"], years=(2019,)).drop(columns="dataset")
    frame["justification"] = "Law No. 115-FZ, art. 13"
    frame["source"] = "https://example.org/law"
    if bad:
        frame.loc[3, "option"] = "z"
        frame.loc[7, "indicator"] = "9999"
    return frame.to_csv(index=False).encode()


def test_admin_imports_answers_and_the_site_shows_them(admin_client):
    from migdex.web.explorer.models import Answer, Dataset

    upload = SimpleUploadedFile("answers.csv", _answers_csv(), content_type="text/csv")
    response = admin_client.post(
        "/admin/explorer/dataset/import-answers/",
        {"file": upload, "dataset": "team-2019", "framework": "mipex-2015-reconstructed"},
    )
    assert response.status_code == 302
    ds = Dataset.objects.get(slug="team-2019")
    assert not ds.is_synthetic
    assert Answer.objects.filter(dataset=ds).count() == 2 * 167
    html = admin_client.get("/en/country/RUS/?dataset=team-2019").content.decode()
    assert "Law No. 115-FZ, art. 13" in html and "https://example.org/law" in html
    assert 'class="synthetic-banner"' not in html


def test_admin_import_with_errors_changes_nothing_and_reports_every_row(admin_client):
    from migdex.web.explorer.models import Dataset, Score

    before = (Dataset.objects.count(), Score.objects.count())
    upload = SimpleUploadedFile("answers.csv", _answers_csv(bad=True), content_type="text/csv")
    response = admin_client.post(
        "/admin/explorer/dataset/import-answers/",
        {"file": upload, "dataset": "team-2019", "framework": "mipex-2015-reconstructed"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "nothing was computed" in html
    assert "row 5" in html and "row 9" in html  # both problems, with their rows
    assert (Dataset.objects.count(), Score.objects.count()) == before


def test_admin_published_import_refuses_inconsistent_rows(admin_client):
    from migdex.web.explorer.models import Dataset

    table = pd.DataFrame(
        {
            "iso3": ["RUS"],
            "year": [2017],
            "overall": [40],
            **{
                a: [v]
                for a, v in zip(
                    load_framework("mipex-2015-reconstructed").area_codes,
                    [40, 42, 6, 38, 39, 39, 19, 35],
                )
            },
        }
    )
    upload = SimpleUploadedFile("slides.csv", table.to_csv(index=False).encode())
    response = admin_client.post(
        "/admin/explorer/dataset/import-published/",
        {"file": upload, "dataset": "slides", "series": "full"},
    )
    assert response.status_code == 400
    assert "overall_vs_areas" in response.content.decode()
    assert not Dataset.objects.filter(slug="slides").exists()
    upload = SimpleUploadedFile("slides.csv", table.to_csv(index=False).encode())
    response = admin_client.post(
        "/admin/explorer/dataset/import-published/",
        {"file": upload, "dataset": "slides", "series": "full", "accept_findings": "on"},
    )
    assert response.status_code == 302
    assert "overall_vs_areas" in Dataset.objects.get(slug="slides").findings


def test_admin_pages_open(admin_client):
    for url in [
        "/admin/explorer/dataset/",
        "/admin/explorer/framework/",
        "/admin/explorer/country/",
        "/admin/explorer/countrygroup/",
        "/admin/explorer/answer/",
        "/admin/explorer/score/",
    ]:
        assert admin_client.get(url).status_code == 200, url


def test_outsider_cannot_import(client, demo):
    response = client.get("/admin/explorer/dataset/import-answers/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_load_demo_twice_changes_nothing(demo):
    from migdex.web.explorer.loading import load_demo
    from migdex.web.explorer.models import Dataset

    from .conftest import DEMO_COUNTRIES, DEMO_YEARS

    stamps = dict(Dataset.objects.values_list("slug", "updated_at"))
    reports = load_demo(iso3=DEMO_COUNTRIES, years=DEMO_YEARS)
    assert all(r.is_unchanged for r in reports)
    assert dict(Dataset.objects.values_list("slug", "updated_at")) == stamps


def test_cli_import_reports_problems_and_exits_2(run_cli, tmp_path, demo, monkeypatch):
    from migdex.web.explorer.models import Dataset

    monkeypatch.setattr("migdex.commands.site._migrate", lambda: None)
    path = tmp_path / "answers.csv"
    path.write_bytes(_answers_csv(bad=True))
    result = run_cli("web", "import-answers", str(path), "--dataset", "cli-set")
    assert result.exit_code == 2
    assert "row 5 (RUS 2019)" in result.stderr and "nothing was computed" in result.stderr
    assert not Dataset.objects.filter(slug="cli-set").exists()
    path.write_bytes(_answers_csv())
    result = run_cli("web", "import-answers", str(path), "--dataset", "cli-set")
    assert result.exit_code == 0, result.stderr
    assert "334 answers" in result.stdout
    assert Dataset.objects.filter(slug="cli-set").exists()
