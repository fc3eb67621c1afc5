"""The claim page: permissions, context, take, draft/submit, stale saves, sources, values."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.actions import review
from factcheck.models import Claim, ReviewEvent, Source
from tests.factories import (
    HTMX,
    add_source,
    login,
    make_article,
    make_claim,
    verdict,
)


@pytest.fixture
def pending(editor) -> Claim:
    body = "Intro. Le Sénat a adopté le texte par 289 voix contre 12. Fin."
    article = make_article(body=body, uploaded_by=editor)
    start = body.index("289")
    return make_claim(
        article,
        kind=Claim.Kind.VOTE_RESULT,
        offset=start,
        sentence_start=body.index("Le Sénat"),
        sentence_end=body.index(" Fin."),
    )


@pytest.fixture
def mine(pending, reviewer) -> Claim:
    """The pending claim, taken by `reviewer`."""
    return review.take_claim(pending, reviewer)


def url(claim: Claim) -> str:
    return reverse("factcheck:claim", kwargs={"uuid": claim.uuid})


def review_data(claim: Claim, **fields) -> dict:
    """What the review form posts, value fields untouched unless given."""
    value = claim.value
    data = {
        "action": "save",
        "version": claim.version,
        "verdict": "",
        "explanation": "",
        "value-votes_for": value.get("for") or "",
        "value-votes_against": value.get("against") or "",
        "value-abstain": value.get("abstain") or "",
    }
    if value.get("unanimous"):
        data["value-unanimous"] = "on"
    return data | fields


def refreshed(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


# --- who sees what ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_staff_see_the_sentence_with_the_span_highlighted(request, role, pending):
    page = login(request.getfixturevalue(role)).get(url(pending)).content.decode()
    assert "Le Sénat a adopté le texte par <mark class=\"claim\">2</mark>89 voix contre 12." in page
    assert "Vote au Sénat" in page
    assert "289 for, 12 against, 5 abstentions" in page
    assert "Take this claim" in page
    assert "History" in page


def test_article_text_is_escaped_never_html(reviewer, editor):
    body = "<script>alert(1)</script> a voté <b>3</b> fois."
    claim = make_claim(make_article(body=body, uploaded_by=editor), offset=body.index("3"),
                       kind=Claim.Kind.MEETING_COUNT)
    page = login(reviewer).get(url(claim)).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '&lt;b&gt;<mark class="claim">3</mark>&lt;/b&gt;' in page


def test_other_reviewer_sees_a_taken_claim_read_only(mine, other_reviewer):
    page = login(other_reviewer).get(url(mine)).content.decode()
    assert "Assigned to rita" in page
    assert 'name="explanation"' not in page
    assert "Take this claim" not in page
    response = login(other_reviewer).post(url(mine), review_data(mine, explanation="Mine now"))
    assert response.status_code == 403
    assert "Only the assigned reviewer or an editor" in response.content.decode()
    assert refreshed(mine).explanation == ""


def test_unknown_action_is_a_bad_request(mine, reviewer):
    assert login(reviewer).post(url(mine), {"action": "explode"}).status_code == 400


# --- take -----------------------------------------------------------------------------------------


def test_take_from_the_claim_page(pending, reviewer):
    response = login(reviewer).post(url(pending), {"action": "take"})
    assert response.status_code == 302
    claim = refreshed(pending)
    assert (claim.status, claim.assignee) == ("in_progress", reviewer)
    assert claim.events.filter(action=ReviewEvent.Action.ASSIGNED).exists()


def test_taking_a_claim_someone_took_first_says_so(pending, reviewer, other_reviewer):
    login(reviewer).post(url(pending), {"action": "take"})
    client = login(other_reviewer)
    response = client.post(url(pending), {"action": "take"}, follow=True)
    assert "no longer waiting for a reviewer" in response.content.decode()
    assert refreshed(pending).assignee == reviewer


# --- draft and submit -------------------------------------------------------------------------


def test_save_draft_plain_post_redirects_and_records_history(mine, reviewer):
    data = review_data(mine, verdict=verdict("True").pk, explanation="Le compte rendu le confirme.")
    response = login(reviewer).post(url(mine), data)
    assert response.status_code == 302 and response["Location"] == url(mine)
    claim = refreshed(mine)
    assert claim.verdict == verdict("True")
    assert claim.explanation == "Le compte rendu le confirme."
    assert claim.version == mine.version + 1
    assert claim.status == "in_progress"
    event = claim.events.get(action=ReviewEvent.Action.VERDICT)
    assert event.actor == reviewer
    assert event.before == {"verdict": None, "explanation": ""}
    assert event.after["verdict"]["en"] == "True"
    assert claim.corrected_value is None  # value fields untouched: no correction


def test_save_draft_with_htmx_swaps_the_review_and_refreshes_history(mine, reviewer):
    data = review_data(mine, verdict=verdict("False").pk, explanation="Faux.")
    response = login(reviewer).post(url(mine), data, **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert "Draft saved." in page and "data-focus-after-swap" in page
    assert f'name="version" value="{mine.version + 1}"' in page
    # The history is not sent again: only what the save recorded, appended out of band.
    assert 'id="history"' not in page
    assert '<ol hx-swap-oob="beforeend:#history-list">' in page
    assert page.count("<li>") == 1 and "Verdict: — → False; explanation edited" in page
    assert "Assigned to" not in page
    assert 'id="claim-summary"' in page


def test_htmx_save_runs_a_fixed_number_of_queries(
    mine, reviewer, django_assert_num_queries
):
    for i in range(30):  # a long history costs nothing to a save
        review.save_review(mine, reviewer, version=mine.version + i, verdict=None,
                            explanation=f"draft {i}")
    claim = refreshed(mine)
    client = login(reviewer)
    client.get(url(claim))  # session and permissions warm, as in a browser
    data = review_data(claim, verdict=verdict("False").pk, explanation="Faux.")
    # Session, user, permissions x2, the claim; then one transaction: lock the claim,
    # read the scale, UPDATE, INSERT history; the rendered fragments query nothing more.
    with django_assert_num_queries(11) as captured:
        response = client.post(url(claim), data, **HTMX)
    assert response.status_code == 200 and "Draft saved." in response.content.decode()
    sql = [q["sql"] for q in captured.captured_queries]
    assert sum("FOR UPDATE" in q for q in sql) == 1
    assert sum('FROM "factcheck_verdict"' in q for q in sql) == 1
    assert len(response.content) < 20_000


def test_editor_may_edit_a_claim_assigned_to_someone_else(mine, editor):
    response = login(editor).post(url(mine), review_data(mine, explanation="Edited by the desk."))
    assert response.status_code == 302
    claim = refreshed(mine)
    assert claim.explanation == "Edited by the desk."
    assert claim.assignee.username == "rita"


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("source", "Add at least one source before submitting."),
        ("explanation", "Explain the verdict before submitting."),
        ("verdict", "Choose a verdict before submitting."),
    ],
)
def test_submit_needs_a_source_an_explanation_and_a_verdict(mine, reviewer, missing, message):
    if missing != "source":
        add_source(mine)
    data = review_data(
        mine,
        action="submit",
        verdict="" if missing == "verdict" else verdict().pk,
        explanation="" if missing == "explanation" else "Selon le compte rendu.",
    )
    response = login(reviewer).post(url(mine), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    claim = refreshed(mine)
    assert claim.status == "in_progress"
    assert claim.version == mine.version  # refused means nothing saved


def test_submit_with_evidence(mine, reviewer):
    add_source(mine)
    data = review_data(mine, action="submit", verdict=verdict().pk, explanation="Vérifié.")
    response = login(reviewer).post(url(mine), data, **HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"] == url(mine)
    claim = refreshed(mine)
    assert claim.status == "submitted"
    assert claim.events.filter(action="status", after__status="submitted").exists()
    page = login(reviewer).get(url(mine)).content.decode()
    assert "waiting for an editor" in page
    assert 'name="explanation"' not in page


# --- stale saves ----------------------------------------------------------------------------------


def test_stale_save_does_not_overwrite_and_keeps_the_typed_text(mine, reviewer, editor):
    """Two sessions load version N; the first save wins, the second gets the conflict."""
    first, second = login(editor), login(reviewer)
    loaded = mine.version
    first.post(url(mine), review_data(mine, verdict=verdict("False").pk, explanation="Desk text"))
    typed = "My careful explanation <with> details"
    response = second.post(
        url(mine),
        review_data(mine, version=loaded, verdict=verdict("True").pk, explanation=typed),
    )
    page = response.content.decode()
    assert response.status_code == 409
    claim = refreshed(mine)
    assert claim.explanation == "Desk text"
    assert claim.verdict == verdict("False")
    assert "nothing was overwritten" in page
    assert "Last change by edith" in page
    # Stored vs yours, both escaped, and the typed text is back in the textarea.
    assert "<td class=\"prewrap\">Desk text</td>" in page
    assert "My careful explanation &lt;with&gt; details</textarea>" in page
    assert f'name="version" value="{claim.version}"' in page

    # Saving again, knowingly, goes through.
    again = review_data(claim, verdict=verdict("True").pk, explanation=typed)
    assert second.post(url(mine), again).status_code == 302
    assert refreshed(mine).explanation == typed


def test_stale_save_with_htmx_is_a_swappable_200(mine, reviewer, editor):
    login(editor).post(url(mine), review_data(mine, explanation="Desk text"))
    response = login(reviewer).post(url(mine), review_data(mine, explanation="Mine"), **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'class="conflict" role="alert"' in page
    assert "Mine</textarea>" in page


def test_stale_value_correction_is_listed_in_the_differences(mine, reviewer, editor):
    loaded = mine.version
    login(editor).post(url(mine), review_data(mine, **{"value-votes_for": "290"}))
    response = login(reviewer).post(
        url(mine), review_data(mine, version=loaded, **{"value-votes_for": "288"})
    )
    page = response.content.decode()
    assert "290 for, 12 against, 5 abstentions" in page
    assert "288 for, 12 against, 5 abstentions" in page
    assert refreshed(mine).value["for"] == 290


def test_action_layer_raises_stale_claim(mine, reviewer):
    review.save_review(mine, reviewer, version=mine.version, verdict=None, explanation="a")
    with pytest.raises(review.StaleClaim) as caught:
        review.save_review(mine, reviewer, version=mine.version, verdict=None, explanation="b")
    assert caught.value.current.explanation == "a"


# --- value correction -------------------------------------------------------------------------


def test_correcting_the_value(mine, reviewer):
    data = review_data(mine, **{"value-votes_for": "290", "value-abstain": ""})
    login(reviewer).post(url(mine), data)
    claim = refreshed(mine)
    assert claim.corrected_value == {"for": 290, "against": 12, "abstain": None, "unanimous": False}
    assert claim.extracted_value["for"] == 289
    event = claim.events.get(action=ReviewEvent.Action.VALUE)
    assert event.before["value"]["for"] == 289 and event.after["value"]["for"] == 290
    page = login(reviewer).get(url(mine)).content.decode()
    assert "Corrected; the extractor read: 289 for" in page


def test_invalid_value_is_a_form_error(mine, reviewer):
    data = review_data(mine, **{"value-votes_for": "-3"})
    response = login(reviewer).post(url(mine), data)
    assert response.status_code == 400
    assert "Please correct the errors below." in response.content.decode()
    assert refreshed(mine).corrected_value is None


def test_date_value_form(editor, reviewer):
    claim = make_claim(make_article(uploaded_by=editor), kind=Claim.Kind.DATE)
    claim = review.take_claim(claim, reviewer)
    client = login(reviewer)
    base = {"action": "save", "version": claim.version, "verdict": "", "explanation": ""}
    bad = client.post(url(claim), base | {"value-date": "2024-02-30", "value-end": ""})
    assert "This date does not exist." in bad.content.decode()
    client.post(url(claim), base | {"value-date": "2018", "value-end": "2020"})
    assert refreshed(claim).corrected_value == {"start": "2018", "end": "2020"}


def test_correction_back_to_the_extracted_value_clears_it(mine, reviewer):
    review.save_review(mine, reviewer, version=mine.version, verdict=None, explanation="",
                        value={"for": 1})
    claim = refreshed(mine)
    assert claim.corrected_value == {"for": 1}
    review.save_review(claim, reviewer, version=claim.version, verdict=None, explanation="",
                        value=claim.extracted_value)
    assert refreshed(mine).corrected_value is None


# --- sources ----------------------------------------------------------------------------------


def source_data(**fields) -> dict:
    return {
        "action": "add_source",
        "source-url": "https://www.senat.fr/scrutin/2024/123.html",
        "source-title": "Scrutin public n° 123",
        "source-publisher": "Sénat",
        "source-quoted_passage": "Pour l'adoption : 289",
        "source-accessed_on": "2024-11-21",
    } | fields


def test_add_source_inline_with_htmx(mine, reviewer):
    response = login(reviewer).post(url(mine), source_data(), **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Source added." in page
    assert "Scrutin public n° 123" in page
    assert 'hx-swap-oob="true"' in page
    source = mine.sources.get()
    assert (source.publisher, source.added_by, str(source.accessed_on)) == (
        "Sénat", reviewer, "2024-11-21"
    )
    event = mine.events.get(action=ReviewEvent.Action.SOURCE_ADDED)
    assert event.after["url"] == source.url
    # Sources do not bump the version: the open verdict form stays valid.
    assert refreshed(mine).version == mine.version


def test_add_source_plain_post_redirects(mine, reviewer):
    response = login(reviewer).post(url(mine), source_data())
    assert response.status_code == 302
    assert mine.sources.count() == 1


@pytest.mark.parametrize(
    "bad_url", ["javascript:alert(1)", "ftp://files.example.org/vote.pdf", "not a url", ""]
)
def test_source_urls_must_be_http_or_https(mine, reviewer, bad_url):
    response = login(reviewer).post(url(mine), source_data(**{"source-url": bad_url}), **HTMX)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert not Source.objects.exists()


def test_action_layer_refuses_non_web_urls(mine, reviewer):
    with pytest.raises(review.MissingEvidence):
        review.add_source(mine, reviewer, url="ftp://example.org/x")


def test_remove_source(mine, reviewer):
    source = add_source(mine)
    response = login(reviewer).post(
        url(mine), {"action": "remove_source", "source": str(source.uuid)}, **HTMX
    )
    assert response.status_code == 200
    assert "Source removed." in response.content.decode()
    assert not mine.sources.exists()
    event = mine.events.get(action=ReviewEvent.Action.SOURCE_REMOVED)
    assert event.before["title"] == source.title
    again = login(reviewer).post(url(mine), {"action": "remove_source", "source": str(source.uuid)})
    assert "already removed" in again.content.decode()


def test_reader_cannot_add_sources(mine, other_reviewer):
    response = login(other_reviewer).post(url(mine), source_data())
    assert response.status_code == 403
    assert not mine.sources.exists()


def test_every_step_refuses_a_reader_the_same_way(mine, other_reviewer):
    """One mapping (views/refusals.py): a step the user may not take is a 403 with the reason."""
    source = add_source(mine)
    steps = [
        review_data(mine, explanation="Mine now"),
        review_data(mine, action="submit", verdict=verdict().pk, explanation="Mine now"),
        source_data(),
        {"action": "remove_source", "source": str(source.uuid)},
        {"action": "dismiss", "dismiss-version": mine.version, "dismiss-reason": "not_checkable",
         "dismiss-note": "Pas un vote."},
    ]
    for data in steps:
        response = login(other_reviewer).post(url(mine), data)
        assert response.status_code == 403, data["action"]
    claim = refreshed(mine)
    assert (claim.status, claim.version, claim.sources.count()) == ("in_progress", mine.version, 1)


# --- dismissal and read-only states ------------------------------------------------------------


def dismissal(claim: Claim) -> dict:
    return {
        "action": "dismiss",
        "dismiss-version": claim.version,
        "dismiss-reason": "extraction_error",
        "dismiss-note": "Ce n'est pas un vote.",
    }


def test_a_reviewers_dismissal_waits_for_an_editor(mine, reviewer):
    response = login(reviewer).post(url(mine), dismissal(mine))
    assert response.status_code == 302
    claim = refreshed(mine)
    assert (claim.status, claim.dismiss_reason) == ("submitted", "extraction_error")
    assert claim.dismiss_note == "Ce n'est pas un vote." and claim.dismissal_proposed
    event = claim.events.get(action="status", after__status="submitted")
    assert event.comment == "Ce n'est pas un vote."
    page = login(reviewer).get(url(claim)).content.decode()
    assert "Dismissal submitted: waiting for an editor" in page
    assert "dismissal proposed: Extraction error" in page


def test_dismissal_without_approval_when_the_setting_is_off(mine, reviewer, settings):
    settings.FACTCHECK_DISMISSAL_NEEDS_APPROVAL = False
    assert login(reviewer).post(url(mine), dismissal(mine)).status_code == 302
    claim = refreshed(mine)
    assert (claim.status, claim.dismiss_reason) == ("dismissed", "extraction_error")
    assert "This claim was dismissed." in login(reviewer).get(url(claim)).content.decode()


def test_an_editors_dismissal_applies_at_once(mine, editor):
    assert login(editor).post(url(mine), dismissal(mine)).status_code == 302
    assert refreshed(mine).status == "dismissed"


def test_dismiss_needs_a_note(mine, reviewer):
    data = {"action": "dismiss", "dismiss-version": mine.version, "dismiss-reason": "not_checkable"}
    response = login(reviewer).post(url(mine), data)
    assert response.status_code == 400
    assert refreshed(mine).status == "in_progress"


def test_approved_verdict_is_read_only(mine, reviewer, editor):
    add_source(mine)
    claim = review.submit_claim(
        mine, reviewer, version=mine.version, verdict=verdict(), explanation="ok"
    )
    claim = review.approve_claim(claim, editor, version=claim.version)
    page = login(editor).get(url(claim)).content.decode()
    assert "approved and read-only" in page
    assert 'name="explanation"' not in page
    response = login(editor).post(url(claim), review_data(claim, explanation="changed"))
    assert response.status_code == 403
    assert refreshed(claim).explanation == "ok"


def test_history_lists_every_step(mine, reviewer):
    add_source(mine)
    review.add_source(mine, reviewer, url="https://example.org/a", title="A")
    review.save_review(mine, reviewer, version=mine.version, verdict=verdict(), explanation="x")
    page = login(reviewer).get(url(mine)).content.decode()
    for line in ("Assigned to rita", "Status: Pending → In progress", "Source added: A",
                 "Verdict: — → True; explanation edited"):
        assert line in page


def test_claim_page_query_count_is_fixed(mine, reviewer, django_assert_max_num_queries):
    for i in range(20):
        add_source(mine, url=f"https://example.org/{i}")
    client = login(reviewer)
    # 10: the page, plus the sent-back banner's event and "checked before" (a fixed number).
    with django_assert_max_num_queries(10):
        assert client.get(url(mine)).status_code == 200


# --- claim made by ------------------------------------------------------------------------------


def test_the_reviewer_names_who_made_the_claim_and_history_keeps_it(mine, reviewer):
    client = login(reviewer)
    response = client.post(url(mine), review_data(mine, claimant="  Jeanne Martin "))
    assert response.status_code == 302
    stored = refreshed(mine)
    assert stored.claimant == "Jeanne Martin"
    event = stored.events.get(action=ReviewEvent.Action.VERDICT)
    assert (event.before, event.after) == ({"claimant": ""}, {"claimant": "Jeanne Martin"})
    page = client.get(url(mine)).content.decode()
    assert 'name="claimant"' in page and 'value="Jeanne Martin"' in page
    assert "claim made by: Jeanne Martin" in page

    # A form that does not send the field leaves the name; an empty one clears it.
    data = review_data(stored)
    data.pop("claimant", None)
    assert client.post(url(stored), data).status_code == 302
    assert refreshed(mine).claimant == "Jeanne Martin"
    stored = refreshed(mine)
    assert client.post(url(stored), review_data(stored, claimant="")).status_code == 302
    assert refreshed(mine).claimant == ""


def test_a_claimant_name_too_long_is_refused_and_nothing_saved(mine, reviewer):
    response = login(reviewer).post(url(mine), review_data(mine, claimant="J" * 201,
                                                           explanation="Vu au compte rendu."))
    assert response.status_code == 400
    assert "at most 200 characters" in response.content.decode()
    stored = refreshed(mine)
    assert (stored.claimant, stored.explanation, stored.version) == ("", "", mine.version)


def test_a_stale_claimant_is_listed_in_the_differences(mine, reviewer, editor):
    loaded = mine.version
    login(editor).post(url(mine), review_data(mine, claimant="Jeanne Martin"))
    response = login(reviewer).post(url(mine), review_data(mine, version=loaded,
                                                           claimant="Paul Durand"))
    assert response.status_code == 409
    page = response.content.decode()
    assert ('<tr><th scope="row">Claim made by</th><td class="prewrap">Jeanne Martin</td>'
            '<td class="prewrap">Paul Durand</td></tr>') in page
    assert 'value="Paul Durand"' in page
    assert refreshed(mine).claimant == "Jeanne Martin"
