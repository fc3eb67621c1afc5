"""Bulk actions in the queue: ticked rows or "all N matching", then assign / release / dismiss;
one transaction, one history entry per claim; HTMX answers with the queue, plain forms redirect."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.actions import review
from factcheck.models import Article, Claim, DeskSettings, Notification, ReviewEvent
from factcheck.views import queue as queue_view
from tests.factories import HTMX, login, make_article, make_claims

BULK = reverse("factcheck:queue_bulk")
QUEUE = reverse("factcheck:queue")


@pytest.fixture
def claims(editor) -> list[Claim]:
    article = make_article(editor)
    return make_claims(article, 4) + make_claims(article, 3, kind="vote_result", offset=10)


def uuids(claims: list[Claim]) -> list[str]:
    return [str(c.uuid) for c in claims]


def statuses(claims: list[Claim]) -> list[tuple[str, str | None]]:
    rows = Claim.objects.filter(pk__in=[c.pk for c in claims]).order_by("pk")
    return [(c.status, c.assignee.username if c.assignee else None) for c in rows]


def test_assign_the_ticked_claims(claims, editor, reviewer):
    chosen = claims[:3]
    client = login(editor)
    response = client.post(BULK, {"action": "assign", "reviewer": reviewer.username,
                                         "claims": uuids(chosen), "kind": "date"})
    assert response.status_code == 302
    assert response["Location"] == f"{QUEUE}?kind=date"
    assert statuses(chosen) == [("in_progress", "rita")] * 3
    assert statuses(claims[3:]) == [("pending", None)] * 4
    for claim in chosen:
        assert ReviewEvent.objects.filter(claim=claim, action="assigned").count() == 1
    assert Notification.objects.filter(recipient=reviewer).count() == 3
    page = client.get(response["Location"]).content.decode()
    assert "3 claims assigned to rita." in page


def test_all_matching_acts_on_the_filtered_claims_only(claims, editor, reviewer):
    response = login(editor).post(BULK, {"action": "assign", "reviewer": reviewer.username,
                                         "all_matching": "on", "kind": "vote_result"})
    assert response.status_code == 302
    assert statuses(claims[4:]) == [("in_progress", "rita")] * 3
    assert statuses(claims[:4]) == [("pending", None)] * 4


def test_release_in_bulk_skips_what_nobody_holds(claims, editor, reviewer):
    for claim in claims[:2]:
        review.take_claim(claim, reviewer)
    response = login(editor).post(BULK, {"action": "release", "claims": uuids(claims[:3])},
                                  follow=True)
    assert statuses(claims[:3]) == [("pending", None)] * 3
    page = response.content.decode()
    assert "2 claims released." in page
    assert "1 selected claim was left as it was" in page
    assert ReviewEvent.objects.filter(action="released").count() == 2


def test_dismiss_in_bulk_with_a_reason_checks_the_article(editor, reviewer):
    article = make_article(editor)
    claims = make_claims(article, 3)
    response = login(editor).post(BULK, {
        "action": "dismiss", "reason": "extraction_error", "note": "Des numéros de page.",
        "all_matching": "on", "article": str(article.uuid),
    })
    assert response.status_code == 302
    rows = Claim.objects.filter(pk__in=[c.pk for c in claims])
    assert set(rows.values_list("status", "dismiss_reason", "dismiss_note")) == {
        ("dismissed", "extraction_error", "Des numéros de page.")}
    events = ReviewEvent.objects.filter(claim__in=claims, after__status="dismissed")
    assert events.count() == 3
    assert all(e.after["reason"] == "extraction_error" for e in events)
    article.refresh_from_db()
    assert article.status == Article.Status.CHECKED


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "assign"}, "Choose the reviewer to assign the claims to."),
        ({"action": "dismiss", "reason": "not_checkable"}, "Add a note for the editors."),
        ({"action": "dismiss", "note": "x"}, "Choose why the claims are dismissed."),
        ({"action": "release", "claims": []}, "Select at least one claim."),
        ({"action": "explode"}, "Select a valid choice."),
    ],
)
def test_incomplete_bulk_forms_say_why_and_change_nothing(claims, editor, data, message):
    data = {"claims": uuids(claims)} | data
    response = login(editor).post(BULK, data, follow=True)
    assert message in response.content.decode()
    assert statuses(claims) == [("pending", None)] * 7
    assert not ReviewEvent.objects.exists()


def test_bulk_assign_past_the_limit_is_refused_whole(claims, editor, reviewer):
    desk = DeskSettings.load()
    desk.max_in_progress = 2
    desk.save()
    response = login(editor).post(BULK, {"action": "assign", "reviewer": reviewer.username,
                                         "claims": uuids(claims[:3])}, follow=True)
    assert "rita already holds 2 claims in progress." in response.content.decode()
    assert statuses(claims[:3]) == [("pending", None)] * 3
    assert not ReviewEvent.objects.exists()
    assert not Notification.objects.exists()


def test_all_matching_refuses_more_than_the_limit(claims, editor, reviewer, monkeypatch):
    monkeypatch.setattr(queue_view, "BULK_LIMIT", 5)
    response = login(editor).post(BULK, {"action": "release", "all_matching": "on"}, follow=True)
    assert "More than 5 claims match: narrow the filters first." in response.content.decode()


def test_unknown_or_foreign_uuids_are_ignored(claims, editor, reviewer):
    response = login(editor).post(BULK, {"action": "assign", "reviewer": reviewer.username,
                                         "claims": ["not-a-uuid", str(Article().uuid)]},
                                  follow=True)
    assert "None of the selected claims exists any more." in response.content.decode()
    assert not ReviewEvent.objects.exists()


def test_a_rows_assign_button_assigns_that_claim_alone(claims, editor, reviewer):
    """The row button submits the bulk form naming its own claim; ticked boxes do not count."""
    response = login(editor).post(BULK, {
        "action": "release", "reviewer": reviewer.username, "row_claim": str(claims[5].uuid),
        "claims": uuids(claims[:2]),
    })
    assert response.status_code == 302
    assert statuses([claims[5]]) == [("in_progress", "rita")]
    assert statuses(claims[:2]) == [("pending", None)] * 2


def test_htmx_answers_with_the_queue_and_the_outcome(claims, editor, reviewer):
    response = login(editor).post(BULK, {"action": "assign", "reviewer": reviewer.username,
                                         "claims": uuids(claims[:2]), "kind": "date"}, **HTMX)
    assert response.status_code == 200
    page = response.content.decode()
    assert "2 claims assigned to rita." in page
    assert "<html" not in page, "a fragment, not the whole page"
    assert response["HX-Push-Url"] == f"{QUEUE}?kind=date"
    assert {c.kind for c in response.context["claims"]} == {"date"}


def test_the_queue_shows_checkboxes_and_the_bulk_form_to_editors_only(claims, editor, reviewer):
    editor_page = login(editor).get(QUEUE).content.decode()
    assert 'id="bulk-actions"' in editor_page
    assert editor_page.count('name="claims"') == 7
    reviewer_page = login(reviewer).get(QUEUE).content.decode()
    assert 'id="bulk-actions"' not in reviewer_page
    assert 'name="claims"' not in reviewer_page


def test_reviewers_cannot_post_bulk_actions(claims, reviewer):
    response = login(reviewer).post(BULK, {"action": "release", "all_matching": "on"})
    assert response.status_code == 403
