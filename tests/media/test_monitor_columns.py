"""Monitor additions the web pages use: url/language columns, per-article frame counts,
the list of bad rows, translated chart labels."""

from __future__ import annotations

import pytest
from tests.conftest import FIXTURES

from migdex.media import (
    ArticleRowsError,
    chart_portrayal,
    chart_term_counts,
    read_articles,
    run_monitor,
)

MEDIA = FIXTURES / "media"


def test_feed_entries_keep_their_link_and_tables_may_carry_url_and_language(tmp_path):
    table = tmp_path / "a.csv"
    table.write_text(
        "date,outlet,title,text,url,language\n"
        "2024-03-01,A,Title,Body,https://example.org/1,en\n"
        "2024-03-02,A,Заголовок,Текст,,\n",
        encoding="utf-8",
    )
    articles = read_articles([MEDIA / "feed.rss", table])
    assert list(articles["url"].iloc[-2:]) == ["https://example.org/1", ""]
    assert list(articles["language"].iloc[-2:]) == ["en", ""]
    assert articles["url"].notna().all() and articles["language"].notna().all()


def test_tables_without_the_optional_columns_get_empty_strings():
    articles = read_articles([MEDIA / "articles.csv"])
    assert set(articles["url"]) == {""} and set(articles["language"]) == {""}


def test_bad_rows_are_listed_one_by_one(tmp_path):
    table = tmp_path / "a.csv"
    table.write_text("date,outlet,title,text\nsoon,A,t,x\n2024-01-01,,t,x\n", encoding="utf-8")
    with pytest.raises(ArticleRowsError) as info:
        read_articles([table])
    assert info.value.problems == [
        f'{table} row 2: date "soon"; use YYYY-MM-DD',
        f"{table} row 3: outlet is empty",
    ]
    assert isinstance(info.value, ValueError)


def test_each_article_carries_its_frame_word_counts():
    result = run_monitor(read_articles([MEDIA / "articles.csv"]))
    raid = result.articles.set_index("title").loc["Police raid"]
    assert raid["frame"] == "crime" and raid["crime_words"] >= 2
    assert raid["contribution_words"] == 0
    built = result.articles.set_index("title").loc["Migrants fill shortages"]
    assert built["frame"] == "contribution" and built["contribution_words"] >= 3


def test_chart_labels_replace_the_english_titles_only_where_given():
    result = run_monitor(read_articles([MEDIA / "articles.csv"]))
    terms = chart_term_counts(result.term_counts, labels={"title": "Находки", "month": "Месяц"})
    assert terms["title"] == "Находки"
    assert terms["encoding"]["x"]["title"] == "Месяц"
    assert terms["encoding"]["y"]["title"] == "Findings"
    portrayal = chart_portrayal(result.summary, labels={"subtitle": "грубый показатель"})
    assert portrayal["title"] == {"text": "Portrayal (rough)", "subtitle": "грубый показатель"}
