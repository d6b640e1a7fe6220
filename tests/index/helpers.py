"""Small frameworks built in code, for tests that need exact control."""

from __future__ import annotations

from migdex.index.framework import Framework, parse_framework


def text(s: str) -> dict[str, str]:
    return {"en": s, "ru": s}


def indicator(code: str, *, na: bool = False, weight: float = 1.0) -> dict:
    return {
        "code": code,
        "title": text(f"Indicator {code}"),
        "options": [
            {"code": "a", "value": 100, "label": text("yes")},
            {"code": "b", "value": 50, "label": text("partly")},
            {"code": "c", "value": 0, "label": text("no")},
        ],
        "not_applicable_allowed": na,
        "weight": weight,
    }


def small_framework(**overrides) -> Framework:
    """Two areas: a1 with dimensions d1 (1, 2) and d2 (3, 4); a2 with indicators 5, 6, 7."""
    raw = {
        "schema_version": 1,
        "name": "test-small",
        "version": "1",
        "edition": "test",
        "series": "test",
        "reconstruction": False,
        "title": text("Small test framework"),
        "languages": ["en", "ru"],
        "aggregation": {
            "missing_rule": "renormalise",
            "variants": [
                {"code": "overall_without_a2", "title": text("w/o a2"), "exclude_areas": ["a2"]}
            ],
        },
        "bands": [
            {"code": "good", "min": 60, "title": text("good")},
            {"code": "middling", "min": 40, "title": text("middling")},
            {"code": "poor", "min": 0, "title": text("poor")},
        ],
        "approach_dimensions": [
            {"code": "rights", "title": text("Rights"), "members": ["a1.d1", "a2"]},
            {"code": "security", "title": text("Security"), "members": ["a1.d2"]},
        ],
        "approach_rule": {
            "favourable_min": 50,
            "top_min": 80,
            "approaches": [
                {
                    "code": "both",
                    "title": text("Both"),
                    "requires": {"rights": True, "security": True},
                },
                {
                    "code": "paper",
                    "title": text("Paper"),
                    "requires": {"rights": False, "security": True},
                },
                {"code": "neither", "title": text("Neither")},
            ],
        },
        "areas": [
            {
                "code": "a1",
                "title": text("Area one"),
                "dimensions": [
                    {
                        "code": "d1",
                        "title": text("D1"),
                        "indicators": [indicator("1"), indicator("2")],
                    },
                    {
                        "code": "d2",
                        "title": text("D2"),
                        "indicators": [indicator("3"), indicator("4", na=True)],
                    },
                ],
            },
            {
                "code": "a2",
                "title": text("Area two"),
                "indicators": [indicator("5"), indicator("6"), indicator("7")],
            },
        ],
    }
    raw.update(overrides)
    return parse_framework(raw, source="small.yaml")
