"""Editors: translations never reviewed or not reviewed for a year are flagged, and fixed."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from migdex.web.portal.models import Destination, ReviewStatus
from migdex.web.portal.review import stale_translations

from .conftest import PASSWORD


def _stale_keys(today: dt.date | None = None) -> set[tuple[str, str]]:
    rows = stale_translations(today or timezone.localdate())
    return {(r.label.split()[0], r.language) for r in rows if r.kind == "destination"}


def test_overdue_and_never_reviewed_translations_are_flagged(portal):
    keys = _stale_keys()
    assert ("TUR", "en") in keys  # reviewed 400 days ago
    assert ("RUS", "en") not in keys  # reviewed 30 days ago
    assert {("RUS", "ru"), ("RUS", "uz"), ("RUS", "tg"), ("RUS", "ky")} <= keys  # never


def test_the_flag_appears_exactly_after_365_days(portal):
    place = Destination.objects.get(iso3="RUS")
    place.set_current_language("en")
    reviewed = place.last_reviewed
    assert ("RUS", "en") not in _stale_keys(reviewed + dt.timedelta(days=365))
    assert ("RUS", "en") in _stale_keys(reviewed + dt.timedelta(days=366))


def test_marking_reviewed_without_a_date_dates_it_today(portal):
    place = Destination.objects.get(iso3="RUS")
    place.set_current_language("ru")
    place.review_status = ReviewStatus.REVIEWED
    place.save()
    place = Destination.objects.get(iso3="RUS")
    assert place.get_translation("ru").last_reviewed == timezone.localdate()
    assert ("RUS", "ru") not in _stale_keys()


def test_needs_review_page_is_for_staff_only(client, portal):
    response = client.get("/en/portal/editors/needs-review/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_needs_review_page_lists_rows_with_admin_links(client, portal, editor):
    client.login(username="editor", password=PASSWORD)
    html = client.get("/en/portal/editors/needs-review/").content.decode()
    place = Destination.objects.get(iso3="TUR")
    assert f"/admin/portal/destination/{place.pk}/change/?language=en" in html
    assert "TUR Turkey" in html


def test_admin_filter_shows_only_overdue_destinations(client, portal, editor):
    client.login(username="editor", password=PASSWORD)
    for place in Destination.objects.exclude(iso3="TUR"):
        for row in place.translations.all():
            row.review_status, row.last_reviewed = ReviewStatus.REVIEWED, timezone.localdate()
            row.save()
    html = client.get("/admin/portal/destination/?review=overdue").content.decode()
    assert "TUR" in html and ">RUS<" not in html
    html = client.get("/admin/portal/destination/?review=ok").content.decode()
    assert ">RUS<" in html and ">TUR<" not in html


def test_admin_action_signs_off_the_chosen_language(client, portal, editor):
    client.login(username="editor", password=PASSWORD)
    place = Destination.objects.get(iso3="RUS")
    response = client.post(
        "/admin/portal/destination/",
        {"action": "mark_reviewed_uz", "_selected_action": [place.pk]},
    )
    assert response.status_code == 302
    rows = {r.language_code: r for r in Destination.objects.get(iso3="RUS").translations.all()}
    assert rows["uz"].review_status == ReviewStatus.REVIEWED
    assert rows["uz"].last_reviewed == timezone.localdate()
    assert rows["tg"].review_status == ReviewStatus.MACHINE  # other languages untouched


def test_admin_edit_form_has_the_review_fields_per_language(client, portal, editor):
    client.login(username="editor", password=PASSWORD)
    place = Destination.objects.get(iso3="RUS")
    html = client.get(f"/admin/portal/destination/{place.pk}/change/?language=uz").content
    html = html.decode()
    assert 'name="review_status"' in html and 'name="last_reviewed"' in html
    assert 'value="Rossiya"' in html


def test_every_admin_list_and_form_renders(client, portal, editor):
    client.login(username="editor", password=PASSWORD)
    for model in ("destination", "journeystep", "informationcentre", "helpcontact"):
        for url in (f"/admin/portal/{model}/", f"/admin/portal/{model}/add/?language=tg"):
            assert client.get(url).status_code == 200, url
        overdue = client.get(f"/admin/portal/{model}/?review=overdue")
        assert overdue.status_code == 200 and "?e=1" not in overdue.get("Location", "")
