"""The monitor: import (command, admin) all or nothing, stored analysis = the library's,
charts with data tables and CSV, synthetic labels, filters."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from tests.conftest import FIXTURES

from migdex.media import ArticleRowsError, read_articles, run_monitor
from migdex.web.terminology.importing import import_articles
from migdex.web.terminology.models import Article, ArticleFinding, Outlet
from migdex.web.terminology.monitor import Filters, monitor_data

from .conftest import LANGS, url

MEDIA = FIXTURES / "media"
GOOD = (
    "date,outlet,title,text\n"
    "2024-01-05,A,Задержаны нелегалы,\n"
    "2024-01-06,A,Мигранты построили школу,\n"
)
BAD = GOOD + "soon,A,t,x\n2024-02-01,,t,x\n"


def test_stored_analysis_matches_the_library(db):
    files = [MEDIA / "feed.rss", MEDIA / "articles.csv"]
    report = import_articles(files)
    expected = run_monitor(read_articles(files))
    assert report.added == 6 and report.findings == len(expected.findings) == 6
    assert ArticleFinding.objects.count() == 6
    data = monitor_data(Filters())
    columns = [
        "outlet",
        "month",
        "articles",
        "term_findings",
        "crime_origin_findings",
        "portrayal_rough",
    ]
    pd.testing.assert_frame_equal(
        data.summary[columns].reset_index(drop=True),
        expected.summary[columns].reset_index(drop=True),
        check_dtype=False,
    )
    raid = Article.objects.get(title="Police raid")
    assert (raid.frame, raid.term_findings, raid.crime_origin_findings) == ("crime", 1, 1)
    assert raid.language == "en" and raid.source_file == "articles.csv"
    assert Article.objects.get(title__startswith="Полиция").language == "ru"


def test_a_second_import_of_the_same_file_adds_nothing(db):
    import_articles([MEDIA / "articles.csv"])
    again = import_articles([MEDIA / "articles.csv"])
    assert (again.added, again.skipped) == (0, 3)
    assert Article.objects.count() == 3


def test_bad_rows_import_nothing_and_are_each_reported(db, tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(ArticleRowsError) as info:
        import_articles([path])
    assert info.value.problems == [
        f'{path} row 4: date "soon"; use YYYY-MM-DD',
        f"{path} row 5: outlet is empty",
    ]
    assert Article.objects.count() == Outlet.objects.count() == 0


def test_a_bad_url_is_a_problem_too(db, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        "date,outlet,title,text,url\n2024-01-01,A,T,x,javascript:alert(1)\n", encoding="utf-8"
    )
    with pytest.raises(ArticleRowsError, match="is not a web address"):
        import_articles([path])
    assert not Article.objects.exists()


def test_command_imports_with_outlet_and_reports(db, tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("import_articles", str(path), "--outlet", "Вечерний город")
    out = capsys.readouterr().out
    assert "2 articles added (1 findings), 0 already imported; outlets: Вечерний город" in out
    assert set(Article.objects.values_list("outlet__name", flat=True)) == {"Вечерний город"}
    assert not Article.objects.filter(is_synthetic=True).exists()


def test_command_refuses_bad_files_with_every_problem(db, tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(BAD, encoding="utf-8")
    with pytest.raises(CommandError) as info:
        call_command("import_articles", str(path))
    assert (
        "nothing imported" in str(info.value)
        and "row 4" in str(info.value)
        and "row 5" in str(info.value)
    )
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_articles", str(tmp_path / "missing.csv"))
    feed = tmp_path / "feed.xml"
    feed.write_text("not a feed", encoding="utf-8")
    with pytest.raises(CommandError, match="not an RSS or Atom feed"):
        call_command("import_articles", str(feed))
    assert not Article.objects.exists()


@pytest.fixture
def admin_client_(db, client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw-not-real-1")
    client.force_login(user)
    return client


def test_admin_upload_all_or_nothing(admin_client_):
    page = admin_client_.get("/admin/terminology/article/")
    assert "/admin/terminology/article/import/" in page.content.decode()
    bad = SimpleUploadedFile("week 5.csv", BAD.encode(), content_type="text/csv")
    response = admin_client_.post("/admin/terminology/article/import/", {"file": bad})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'data-import-problems="2"' in html
    assert "week_5.csv row 4: date" in html and "week_5.csv row 5: outlet is empty" in html
    assert "migdex-articles-" not in html  # no temporary path leaks
    assert not Article.objects.exists()
    good = SimpleUploadedFile("week 5.csv", GOOD.encode(), content_type="text/csv")
    done = admin_client_.post(
        "/admin/terminology/article/import/", {"file": good, "is_synthetic": "on"}, follow=True
    )
    assert done.status_code == 200 and "2 articles added" in done.content.decode()
    assert Article.objects.filter(is_synthetic=True, source_file="week_5.csv").count() == 2


def test_admin_upload_of_a_feed(admin_client_):
    feed = SimpleUploadedFile("feed.rss", (MEDIA / "feed.rss").read_bytes())
    admin_client_.post("/admin/terminology/article/import/", {"file": feed})
    assert Article.objects.filter(outlet__name="Городские вести").count() == 3
    article = Article.objects.get(title__startswith="Гастарбайтеры")
    assert article.findings.count() == 2
    page = admin_client_.get(f"/admin/terminology/article/{article.pk}/change/")
    assert page.status_code == 200 and "трудовые мигранты" in page.content.decode().lower()
    listing = admin_client_.get("/admin/terminology/article/", {"frame": "crime"})
    assert listing.status_code == 200


def test_admin_import_needs_a_staff_login(client, db):
    response = client.get("/admin/terminology/article/import/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_demo_is_synthetic_and_idempotent(db):
    from migdex.web.terminology import demo

    first = list(demo.load_demo())
    n = Article.objects.count()
    assert n > 150 and "SYNTHETIC" in first[0]
    second = list(demo.load_demo())
    assert Article.objects.count() == n and "0 articles added" in second[0]
    assert not Article.objects.filter(is_synthetic=False).exists()
    assert all("synthetic" in name for name in Outlet.objects.values_list("name", flat=True))


def _spec(html: str, chart: str) -> dict:
    return json.loads(
        re.search(rf'<script id="spec-{chart}" type="application/json">(.*?)</script>', html, re.S)[
            1
        ]
    )


def test_monitor_page_has_two_charts_with_tables_csv_and_labels(client, corpus):
    response = client.get(url("monitor"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-synthetic="1"' in html and "SYNTHETIC DATA" in html
    for chart in ("monitor-terms", "monitor-portrayal"):
        spec = _spec(html, chart)
        values = next(iter(spec["datasets"].values()))
        assert values, chart
        table = html.split(f'data-for-chart="{chart}"')[1].split("</table>")[0]
        assert table.count("<tr>") > 10 and "synthetic" in table
        assert f'data-csv="{chart}"' in html
    assert 'data-rough="1"' in html and "Rough indicator" in html
    assert url("lexicon") in html
    assert 'src="/assets/vega-' in html


def test_monitor_chart_numbers_equal_the_table(client, corpus):
    html = client.get(url("monitor")).content.decode()
    spec = _spec(html, "monitor-terms")
    values = next(iter(spec["datasets"].values()))
    chart_total = sum(v["count"] for v in values)
    assert chart_total == ArticleFinding.objects.count()


def test_csv_downloads_say_synthetic(client, corpus):
    response = client.get(url("monitor_csv", "portrayal"))
    assert response.status_code == 200
    assert 'filename="migdex-monitor-portrayal-synthetic.csv"' in response["Content-Disposition"]
    frame = pd.read_csv(pd.io.common.StringIO(response.content.decode()))
    assert frame["synthetic"].all() and frame["note"].str.startswith("rough indicator").all()
    terms = pd.read_csv(
        pd.io.common.StringIO(client.get(url("monitor_csv", "terms")).content.decode())
    )
    assert terms["synthetic"].all() and terms["count"].sum() == ArticleFinding.objects.count()
    assert client.get(url("monitor_csv", "other")).status_code == 404


def test_real_articles_are_not_labelled_synthetic(client, db):
    import_articles([MEDIA / "articles.csv"])
    response = client.get(url("monitor"))
    html = response.content.decode()
    assert 'data-synthetic="1"' not in html
    csv = client.get(url("monitor_csv", "terms"))
    assert "synthetic" not in csv["Content-Disposition"]
    assert not pd.read_csv(pd.io.common.StringIO(csv.content.decode()))["synthetic"].any()


def test_filters_by_outlet_period_and_language(client, corpus):
    outlet = "The Example Herald (synthetic demo)"
    html = client.get(
        url("monitor"), {"outlet": outlet, "start": "2025-01", "end": "2025-03"}
    ).content.decode()
    table = html.split('data-for-chart="monitor-portrayal"')[1].split("</table>")[0]
    months = set(re.findall(r"<td[^>]*>(\d{4}-\d{2})</td>", table))
    assert months == {"2025-01", "2025-02", "2025-03"}
    assert "Городской" not in table and outlet in table
    n = Article.objects.filter(
        outlet__name=outlet, date__range=("2025-01-01", "2025-03-31")
    ).count()
    assert f'data-articles="{n}"' in html
    ru = client.get(url("monitor"), {"language": "ru"}).content.decode()
    assert "Example Herald" not in ru.split('data-for-chart="monitor-portrayal"')[1]


def test_bad_filters_get_a_clear_400(client, corpus):
    response = client.get(url("monitor"), {"start": "March"})
    assert response.status_code == 400
    assert "is not a month; use YYYY-MM" in response.content.decode()
    backwards = client.get(url("monitor"), {"start": "2025-03", "end": "2025-01"})
    assert backwards.status_code == 400 and "ends before it starts" in backwards.content.decode()


def test_empty_monitor_says_how_to_import(client, db):
    html = client.get(url("monitor")).content.decode()
    assert 'data-monitor-empty="1"' in html and "import_articles" in html
    assert "data-chart-spec" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_monitor_and_lexicon_in_every_language(client, corpus, lang):
    response = client.get(url("monitor", lang=lang))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html and 'data-synthetic="1"' in html
    assert ('data-translation-status="machine/unreviewed"' in html) == (lang != "en")
    lexicon = client.get(url("lexicon", lang=lang)).content.decode()
    assert "задержать" in lexicon and "arrest" in lexicon


def test_articles_without_any_finding_still_chart(client, db, tmp_path):
    path = tmp_path / "clean.csv"
    path.write_text(
        "date,outlet,title,text\n2024-12-05,A,Мигранты построили школу,\n"
        "2025-01-06,A,Врачи помогли,\n",
        encoding="utf-8",
    )
    import_articles([path])
    data = monitor_data(Filters(end="2024-12"))
    assert data.n_articles == 1 and data.term_counts.empty
    assert list(data.summary["portrayal_rough"]) == [1.0]
    assert client.get(url("monitor")).status_code == 200
