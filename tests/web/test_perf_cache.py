"""Comparisons kept per data version give exactly what computing them on every request gives.

The country page reads group means, ranks, changes and one country's rows from
:mod:`migdex.web.explorer.comparisons` instead of rerunning pandas; these tests
compute the same things directly with :mod:`migdex.index.compare` on the small
demo and compare them exactly, then check that an import or a group edit is seen.
"""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from migdex.index.compare import add_bands, changes, group_means, rank_countries
from migdex.web.explorer import comparisons, services
from migdex.web.explorer.models import CountryGroup

from .conftest import DEMO_COUNTRIES, DEMO_YEARS

pytestmark = pytest.mark.django_db


def _setup(slug: str = "synthetic-demo"):
    dataset = services.get_dataset(slug)
    frame = services.scores_frame(dataset)
    members = services.comparison_groups(frame, dataset)
    wanted = {g: members[g] for g in (services.ALL, "EU28")}
    return dataset, frame, wanted


@pytest.mark.parametrize("slug", ["synthetic-demo", "published-core"])
def test_kept_comparisons_equal_the_library_on_every_year(demo, slug):
    comparisons.clear()
    dataset, frame, wanted = _setup(slug)
    fw = services.framework_of(dataset)
    assert comparisons.all_members(dataset, frame) == sorted(frame["iso3"].unique())
    years = sorted(frame["year"].unique())
    for year in years:
        direct = group_means(frame[frame["year"] == year], wanted)
        assert_frame_equal(comparisons.year_means(dataset, frame, year, wanted), direct)
        banded = add_bands(rank_countries(frame, year=year), fw, "en")
        assert_frame_equal(comparisons.ranks(dataset, frame, fw, "en", year=year), banded)
        if year > years[0]:
            assert_frame_equal(
                comparisons.change_table(dataset, frame, year_from=years[0], year_to=year),
                changes(frame, year_from=years[0], year_to=year),
            )
    overall = frame[(frame["level"] == "overall") & (frame["code"] == "overall")]
    assert_frame_equal(
        comparisons.score_means(dataset, frame, wanted, level="overall", code="overall"),
        group_means(overall, wanted),
    )


def test_a_country_s_rows_are_the_masked_rows(demo):
    dataset, frame, _ = _setup()
    for iso3 in [*DEMO_COUNTRIES, "XXX"]:
        assert_frame_equal(
            comparisons.country_rows(dataset, frame, iso3), frame[frame["iso3"] == iso3]
        )
    for year in DEMO_YEARS:
        mask = (frame["iso3"] == "RUS") & (frame["year"] == year) & (frame["level"] == "area")
        kept = comparisons.part(dataset, frame, ("iso3", "year", "level"), ("RUS", year, "area"))
        assert_frame_equal(kept, frame[mask])


def _expected_story(frame: pd.DataFrame, members: dict, iso3: str, year: int) -> dict:
    """What the country page showed before the comparisons were kept: computed afresh."""
    in_year = frame[frame["year"] == year]
    means = group_means(in_year, members).set_index(["group", "code"])["score"].to_dict()
    ranks = rank_countries(frame, year=year).set_index("iso3")
    earlier = year - 5 if year - 5 in DEMO_YEARS else DEMO_YEARS[0]
    change = changes(frame, year_from=earlier, year_to=year).set_index("iso3")
    return {"means": means, "rank": ranks.loc[iso3], "change": change.loc[iso3]}


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(iso3=st.sampled_from(DEMO_COUNTRIES), year=st.sampled_from(DEMO_YEARS[1:]))
def test_country_story_numbers_equal_fresh_computation(demo, iso3, year):
    dataset, frame, _ = _setup()
    story = services.country_story(dataset, iso3, year=year, from_year=None)
    members = services.comparison_groups(frame)
    groups = [g for g, _label in story["mean_groups"]]
    expected = _expected_story(frame, {g: members[g] for g in groups}, iso3, year)
    for row in story["table"]:
        for g in groups:
            assert row[g] == expected["means"].get((g, row["code"])), (g, row["code"])
    assert story["rank"]["rank"] == expected["rank"]["rank"]
    assert story["rank"]["n"] == expected["rank"]["n"]
    assert story["change"]["change"] == expected["change"]["change"]
    assert story["change"]["average"] == expected["change"]["average_change"]


def _overall_means(story: dict) -> dict:
    row = next(r for r in story["table"] if r["code"] == "overall")
    return {g: row[g] for g, _label in story["mean_groups"]}


def test_reimport_is_seen_at_once(demo):
    from migdex.web.explorer.loading import load_demo

    before_set, _, _ = _setup()
    before = services.country_story(before_set, "RUS", year=2019, from_year=None)
    load_demo(iso3=DEMO_COUNTRIES, years=DEMO_YEARS, seed=99)  # new answers, new scores
    dataset, frame, wanted = _setup()
    assert dataset.updated_at != before_set.updated_at
    after = services.country_story(dataset, "RUS", year=2019, from_year=None)
    fresh = group_means(frame[frame["year"] == 2019], wanted)
    fresh = fresh[fresh["code"] == "overall"].set_index("group")["score"].to_dict()
    assert _overall_means(after) == fresh
    assert _overall_means(after) != _overall_means(before)


def test_group_edit_is_seen_at_once(demo):
    dataset, _, _ = _setup()
    before = _overall_means(services.country_story(dataset, "RUS", year=2019, from_year=None))
    CountryGroup.objects.get(code="EU28").members.remove("SWE", "FIN")
    dataset, frame, wanted = _setup()
    after = _overall_means(services.country_story(dataset, "RUS", year=2019, from_year=None))
    fresh = group_means(frame[frame["year"] == 2019], wanted)
    fresh = fresh[fresh["code"] == "overall"].set_index("group")["score"].to_dict()
    assert after == fresh
    assert after["EU28"] != before["EU28"]
    assert after[services.ALL] == before[services.ALL]


def test_country_page_shows_the_fresh_means_after_a_reimport(client, demo):
    from migdex.web.explorer.loading import load_demo

    url = "/en/country/RUS/?dataset=synthetic-demo&year=2019"
    assert client.get(url).status_code == 200
    load_demo(iso3=DEMO_COUNTRIES, years=DEMO_YEARS, seed=99)
    _dataset, frame, wanted = _setup()
    mean = group_means(frame[frame["year"] == 2019], {"ALL": wanted[services.ALL]})
    shown = services.shown(float(mean.loc[mean["code"] == "overall", "score"].iloc[0]))
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["story"]["table"][0]["means"][0] == shown


@pytest.mark.parametrize(
    ("query", "expected_items"),
    [
        ("limit=18367638265446866944", None),
        ("limit=18367638265446866944&offset=18367638265446866944", 0),
        ("limit=5&offset=3", 5),
    ],
)
def test_scores_api_clamps_huge_limits_and_offsets(client, demo, query, expected_items):
    base = "/api/v1/scores?dataset=synthetic-demo&country=RUS&year=2019&"
    answer = client.get(base + query)
    assert answer.status_code == 200
    body = answer.json()
    assert body["count"] > 5
    assert len(body["items"]) == (body["count"] if expected_items is None else expected_items)


@pytest.mark.parametrize("level, code", [("overall", "overall"), ("area", "health")])
def test_api_comparisons_equal_the_library(client, demo, level, code):
    """The API's means, ranks and changes come from the kept comparisons: same numbers."""
    comparisons.clear()
    dataset, frame, wanted = _setup()
    one = frame[(frame["level"] == level) & (frame["code"] == code)]
    query = {"dataset": dataset.slug, "level": level, "code": code}
    means = client.get("/api/v1/comparisons/means", {**query, "year": 2019}).json()
    direct = group_means(frame[frame["year"] == 2019], wanted)  # the country page's table
    direct = direct[(direct["level"] == level) & (direct["code"] == code)]
    assert [(m["group"], m["score"], m["n_countries"]) for m in means] == list(
        zip(direct["group"], direct["score"], direct["n_countries"], strict=True)
    )
    series = client.get("/api/v1/comparisons/means", query).json()  # the chart's time series
    direct = group_means(one, wanted)
    assert [(m["group"], m["year"], m["score"]) for m in series] == list(
        zip(direct["group"], direct["year"], direct["score"], strict=True)
    )
    ranks = client.get("/api/v1/comparisons/ranks", {**query, "year": 2019}).json()
    direct = rank_countries(frame, year=2019, level=level, code=code)
    assert [(r["iso3"], r["rank"], r["rank_label"]) for r in ranks] == list(
        zip(direct["iso3"], direct["rank"], direct["rank_label"], strict=True)
    )
    first, last = DEMO_YEARS[0], DEMO_YEARS[-1]
    moves = client.get(
        "/api/v1/comparisons/changes", {**query, "from_year": first, "to_year": last}
    ).json()
    direct = changes(frame, year_from=first, year_to=last, level=level, code=code)
    assert [(c["iso3"], c["change"], c["versus_average"]) for c in moves] == list(
        zip(direct["iso3"], direct["change"], direct["versus_average"], strict=True)
    )
    assert len(moves) == len(DEMO_COUNTRIES)
