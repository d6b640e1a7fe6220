"""Optimistic concurrency: of two saves from the same version the second gets a conflict
screen (409) with both versions, and nothing is overwritten silently; autosave too."""

from __future__ import annotations

import pytest

from migdex.web.survey.answering import ConflictError, save_answer

pytestmark = pytest.mark.django_db


def _post(c, a, version, option, text, **headers):
    return c.post(
        f"/en/survey/{a.pk}/i/3/save/",
        {"version": version, "option": option, "justification": text, "src-count": "0"},
        **headers,
    )


def test_second_save_from_the_same_version_gets_the_conflict_screen(people, assignment, client_for):
    version = assignment.answers.get(indicator="3").version
    tab1, tab2 = client_for(people.expert_x), client_for(people.expert_x)
    first = _post(tab1, assignment, version, "a", "First tab: five years.")
    assert first.status_code == 302
    second = _post(tab2, assignment, version, "c", "Second tab: ten years.")
    assert second.status_code == 409
    html = second.content.decode()
    assert "First tab: five years." in html and "Second tab: ten years." in html
    assert "data-conflict" in html
    saved = assignment.answers.get(indicator="3")
    assert (saved.option, saved.justification) == ("a", "First tab: five years.")
    # Choosing "save my version over it" posts with the current version and wins.
    again = _post(tab2, assignment, saved.version, "c", "Second tab: ten years.")
    assert again.status_code == 302
    assert assignment.answers.get(indicator="3").option == "c"


def test_autosave_returns_409_json_with_both_versions(people, assignment, client_for):
    c = client_for(people.expert_x)
    version = assignment.answers.get(indicator="3").version
    ok = _post(c, assignment, version, "b", "draft", HTTP_X_AUTOSAVE="1")
    assert ok.status_code == 200 and ok.json() == {"ok": True, "version": version + 1}
    stale = _post(c, assignment, version, "c", "stale", HTTP_X_AUTOSAVE="1")
    assert stale.status_code == 409
    body = stale.json()
    assert body["conflict"] and body["version"] == version + 1
    assert body["yours"]["option"] == "c" and body["theirs"]["option"] == "b"


def test_the_library_refuses_a_stale_version(people, assignment):
    answer = assignment.answers.get(indicator="5")
    kwargs = {"value": None, "justification": "j", "sources": []}
    save_answer(
        assignment, "5", people.expert_x, {"expert"}, version=answer.version, option="a", **kwargs
    )
    with pytest.raises(ConflictError) as exc:
        save_answer(
            assignment,
            "5",
            people.expert_x,
            {"expert"},
            version=answer.version,
            option="c",
            **kwargs,
        )
    assert exc.value.current.option == "a" and exc.value.yours["option"] == "c"


def test_wrong_option_code_is_refused(people, assignment, client_for):
    c = client_for(people.expert_x)
    version = assignment.answers.get(indicator="3").version
    assert _post(c, assignment, version, "z", "x").status_code == 400
    assert _post(c, assignment, version, "na", "x").status_code == 400  # 3 allows no "na"
    assert assignment.answers.get(indicator="3").option == ""
