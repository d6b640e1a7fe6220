"""REST API: filters, pagination, errors naming the parameter, caching headers, CORS."""

from __future__ import annotations

import pytest


def test_openapi_schema_and_local_docs(client, demo):
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    for p in [
        "/api/v1/frameworks",
        "/api/v1/indicators",
        "/api/v1/countries",
        "/api/v1/countries/{iso3}",
        "/api/v1/datasets",
        "/api/v1/scores",
        "/api/v1/comparisons/means",
        "/api/v1/comparisons/ranks",
        "/api/v1/comparisons/changes",
        "/api/v1/approaches",
        "/api/v1/exports/scores",
    ]:
        assert p in paths
    docs = client.get("/api/v1/docs").content.decode()
    assert "cdn" not in docs.lower() and "https://" not in docs  # served locally


def test_scores_filters_and_pagination(client, demo):
    r = client.get("/api/v1/scores?dataset=synthetic-demo&country=rus&year=2019&level=area")
    body = r.json()
    assert r.status_code == 200
    assert body["count"] == 8 and len(body["items"]) == 8
    assert {i["iso3"] for i in body["items"]} == {"RUS"}
    assert all(i["is_synthetic"] for i in body["items"])
    page = client.get("/api/v1/scores?dataset=synthetic-demo&limit=5&offset=10").json()
    assert len(page["items"]) == 5 and page["count"] > 1000


def test_scores_filter_by_series_and_edition(client, demo):
    body = client.get("/api/v1/scores?series=full&edition=MIPEX%202015&country=RUS").json()
    assert body["count"] == 9  # overall + 8 areas, 2014
    assert {i["dataset"] for i in body["items"]} == {"published-full"}


@pytest.mark.parametrize(
    ("query", "status", "parameter"),
    [
        ("dataset=nope", 422, "dataset"),
        ("series=nope", 422, "series"),
        ("edition=nope", 422, "edition"),
        ("level=planet", 422, "level"),
        ("code=nope", 422, "code"),
        ("year=abc", 422, "year"),
        ("year=99999", 422, "year"),
        ("country=XXX", 404, "country"),
        ("country=12", 422, "country"),
        ("limit=-1", 422, "limit"),
    ],
)
def test_bad_score_filters_name_the_parameter(client, demo, query, status, parameter):
    r = client.get(f"/api/v1/scores?{query}")
    assert r.status_code == status
    assert r.json()["detail"].startswith(parameter)


def test_countries(client, demo):
    assert len(client.get("/api/v1/countries").json()) == 56
    rus = client.get("/api/v1/countries/rus").json()
    assert rus["name_ru"] == "Россия" and rus["eu28"] is False
    assert client.get("/api/v1/countries/XXX").status_code == 404


def test_frameworks_and_indicators(client, demo):
    names = {f["name"] for f in client.get("/api/v1/frameworks").json()}
    assert "mipex-2015-reconstructed" in names
    fw = client.get("/api/v1/frameworks/mipex-2015-reconstructed").json()
    assert len(fw["area_details"]) == 8 and fw["approach_rule"]["favourable_min"] == 50
    assert client.get("/api/v1/frameworks/nope").status_code == 404
    ind = client.get("/api/v1/indicators?area=health&limit=500").json()
    assert ind["count"] > 10 and {i["area"] for i in ind["items"]} == {"health"}
    assert client.get("/api/v1/indicators?area=nope").status_code == 422


def test_comparisons(client, demo):
    means = client.get("/api/v1/comparisons/means?dataset=synthetic-demo&year=2019").json()
    assert {m["group"] for m in means} == {"ALL", "EU28"}
    ranks = client.get("/api/v1/comparisons/ranks?dataset=synthetic-demo&year=2019").json()
    assert len(ranks) == 11 and ranks[0]["rank"] == 1
    assert ranks[-1]["bottom_label"].endswith("from the bottom")
    ch = client.get(
        "/api/v1/comparisons/changes?dataset=synthetic-demo&from_year=2014&to_year=2019&country=RUS"
    ).json()
    assert ch[0]["iso3"] == "RUS" and ch[0]["versus_average"] in {"above", "below", "similar"}
    bad = client.get("/api/v1/comparisons/changes?from_year=2019&to_year=2014")
    assert bad.status_code == 422
    bad_group = client.get("/api/v1/comparisons/means?group=MARS")
    assert bad_group.status_code == 422 and bad_group.json()["parameter"] == "group"


def test_approaches_carry_the_reason(client, demo):
    body = client.get("/api/v1/approaches?dataset=synthetic-demo&country=RUS&year=2019").json()
    item = body["items"][0]
    assert item["group"] and "→" in item["reason"]
    assert set(item["dimensions"]) == {"basic_rights", "equal_opportunities", "secure_future"}


def test_export_endpoint(client, demo):
    r = client.get("/api/v1/exports/scores?dataset=synthetic-demo&country=RUS&year=2019")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    assert b"SYNTHETIC" in r.content
    assert client.get("/api/v1/exports/scores?format=pdf").status_code == 422


def test_etag_last_modified_and_304(client, demo):
    first = client.get("/api/v1/countries")
    assert first.has_header("ETag") and first.has_header("Last-Modified")
    assert client.get("/api/v1/countries", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_read_only_cors(client, demo):
    r = client.get("/api/v1/countries", HTTP_ORIGIN="https://example.org")
    assert r["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in r["Access-Control-Allow-Methods"]
    pre = client.options("/api/v1/scores", HTTP_ORIGIN="https://example.org")
    assert pre.status_code == 204 and "GET" in pre["Access-Control-Allow-Methods"]
    assert client.post("/api/v1/scores").status_code == 405
