"""What the record says, beside what the article says: form, history, suggestion, displays."""

from __future__ import annotations

import pytest

from factcheck.actions import review
from factcheck.models import Claim, ReviewEvent
from tests.factories import HTMX, add_source, login, make_article, make_claim, verdict


@pytest.fixture
def mine(editor, reviewer) -> Claim:
    body = "Intro. Le Sénat a adopté le texte par 289 voix contre 12. Fin."
    article = make_article(body=body, uploaded_by=editor)
    claim = make_claim(article, kind=Claim.Kind.VOTE_RESULT, offset=body.index("289"),
                       sentence_start=body.index("Le Sénat"), sentence_end=body.index(" Fin."),
                       extracted_value={"for": 289, "against": 12, "abstain": None,
                                        "unanimous": False})
    return review.take_claim(claim, reviewer)


def post(client, claim: Claim, verified: dict | None = None, headers=None, **fields):
    data = {
        "action": "save", "version": claim.version, "verdict": "", "explanation": "",
        "value-votes_for": "289", "value-votes_against": "12", "value-abstain": "",
        "verified-votes_for": "", "verified-votes_against": "", "verified-abstain": "",
    }
    data |= {f"verified-{k}": v for k, v in (verified or {}).items()}
    return client.post(claim.get_absolute_url(), data | fields, **(headers or {}))


def test_recording_a_different_verified_value(reviewer, mine):
    response = post(login(reviewer), mine, {"votes_for": "298", "votes_against": "12"})
    assert response.status_code == 302
    mine.refresh_from_db()
    assert mine.verified_value == {"for": 298, "against": 12, "abstain": None, "unanimous": False}
    assert mine.corrected_value is None  # the article's value is left as it was
    assert mine.value_differs
    event = mine.events.get(action=ReviewEvent.Action.VERIFIED)
    assert event.before == {"value": None}
    assert event.after == {"value": mine.verified_value}
    page = login(reviewer).get(mine.get_absolute_url()).content.decode()
    assert "The article says 289 for, 12 against, the record says" in page
    assert '<mark class="value-differs">298 for, 12 against</mark>' in page
    assert "Verified value: — → 298 for, 12 against" in page


def test_the_form_suggests_the_false_verdict_without_choosing_it(reviewer, mine):
    post(login(reviewer), mine, {"votes_for": "298", "votes_against": "12"})
    mine.refresh_from_db()
    assert mine.verdict is None
    page = login(reviewer).get(mine.get_absolute_url()).content.decode()
    assert "The record differs from the article: “False” would fit." in page
    assert '<option value="" selected>' in page


def test_the_same_value_suggests_the_true_verdict(reviewer, mine):
    response = post(login(reviewer), mine, {"votes_for": "289", "votes_against": "12"}, HTMX)
    assert response.status_code == 200
    assert "The record says what the article says: “True” would fit." in response.content.decode()
    mine.refresh_from_db()
    assert not mine.value_differs and mine.verdict is None


def test_no_suggestion_without_a_verified_value(reviewer, mine):
    page = login(reviewer).get(mine.get_absolute_url()).content.decode()
    # The hint is there for the script to fill in as values are typed, hidden and empty.
    assert 'data-verdict-hint aria-live="polite"' in page
    assert page.count("would fit") == 2
    assert "choose.\" hidden></p>" in page


def test_an_untouched_empty_form_records_nothing_and_clearing_is_recorded(reviewer, mine):
    client = login(reviewer)
    post(client, mine)
    assert not mine.events.filter(action=ReviewEvent.Action.VERIFIED).exists()
    mine.refresh_from_db()
    post(client, mine, {"votes_for": "300"})
    mine.refresh_from_db()
    post(client, mine)  # every field emptied: the verified value is cleared
    mine.refresh_from_db()
    assert mine.verified_value is None
    assert mine.events.filter(action=ReviewEvent.Action.VERIFIED).count() == 2


def test_a_form_without_the_verified_fields_keeps_the_value(reviewer, mine):
    post(login(reviewer), mine, {"votes_for": "300"})
    mine.refresh_from_db()
    data = {"action": "save", "version": mine.version, "verdict": "", "explanation": "x",
            "value-votes_for": "289", "value-votes_against": "12"}
    assert login(reviewer).post(mine.get_absolute_url(), data).status_code == 302
    mine.refresh_from_db()
    assert mine.verified_value["for"] == 300


def test_a_bad_verified_value_is_an_error_and_saves_nothing(reviewer, mine):
    version = mine.version
    response = post(login(reviewer), mine, {"votes_for": "-3"}, explanation="typed")
    assert response.status_code == 400
    assert "Please correct the errors below." in response.content.decode()
    mine.refresh_from_db()
    assert mine.version == version and mine.verified_value is None and mine.explanation == ""


def test_date_claims_take_a_verified_date(editor, reviewer):
    article = make_article(editor)
    claim = review.take_claim(make_claim(article), reviewer)
    data = {"action": "save", "version": claim.version, "verdict": "", "explanation": "",
            "value-date": "2024-11-15", "verified-date": "2024-13-01", "verified-end": ""}
    assert login(reviewer).post(claim.get_absolute_url(), data).status_code == 400
    data["verified-date"] = "2018"
    assert login(reviewer).post(claim.get_absolute_url(), data).status_code == 302
    claim.refresh_from_db()
    assert claim.verified_value == {"date": "2018"}


def test_approvals_card_and_report_show_the_comparison(editor, reviewer, mine):
    post(login(reviewer), mine, {"votes_for": "298", "votes_against": "12"})
    mine.refresh_from_db()
    add_source(mine)
    review.submit_claim(mine, reviewer, version=mine.version, verdict=verdict("False"),
                        explanation="Le scrutin dit 298.")
    approvals = login(editor).get("/approvals/").content.decode()
    assert '<mark class="value-differs">298 for, 12 against</mark>' in approvals
    report = login(editor).get(f"/articles/{mine.article.uuid}/report/").content.decode()
    assert "the record says" in report and "value-differs" in report
