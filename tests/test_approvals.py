"""Approvals: editors only; approve, send back with a comment; articles become checked."""

from __future__ import annotations

import pytest
from django.urls import reverse

from factcheck.actions import review
from factcheck.models import Article, Claim, ReviewEvent
from tests.factories import (
    HTMX,
    add_source,
    login,
    make_article,
    make_claims,
    verdict,
)

APPROVALS = "/approvals/"


def submitted_claim(claim: Claim, reviewer, explanation: str = "Le compte rendu le confirme."):
    claim = review.take_claim(claim, reviewer)
    add_source(claim, title="Compte rendu intégral")
    return review.submit_claim(
        claim, reviewer, version=claim.version, verdict=verdict("Mostly true"),
        explanation=explanation,
    )


@pytest.fixture
def article(editor) -> Article:
    return make_article(uploaded_by=editor)


@pytest.fixture
def two_claims(article) -> list[Claim]:
    return make_claims(article, 2, Claim.Kind.VOTE_RESULT)


@pytest.fixture
def submitted(two_claims, reviewer) -> Claim:
    return submitted_claim(two_claims[0], reviewer)


def refreshed(claim: Claim) -> Claim:
    return Claim.objects.get(pk=claim.pk)


def decide(claim: Claim, action: str, **fields) -> dict:
    return {"action": action, "claim": str(claim.uuid), "version": claim.version} | fields


def test_url_name():
    assert reverse("factcheck:approvals") == APPROVALS


def test_reviewers_cannot_approve_through_the_action_layer(submitted, reviewer):
    with pytest.raises(review.NotAllowed):
        review.approve_claim(submitted, reviewer, version=submitted.version)


def test_editor_sees_verdict_explanation_and_sources(submitted, editor):
    response = login(editor).get(APPROVALS)
    page = response.content.decode()
    assert response.status_code == 200
    assert [item.claim.pk for item in response.context["items"]] == [submitted.pk]
    assert "Mostly true" in page
    assert "Le compte rendu le confirme." in page
    assert "Compte rendu intégral" in page
    assert "rita" in page


def test_approve_plain_post(submitted, editor):
    response = login(editor).post(APPROVALS, decide(submitted, "approve", page="1"))
    assert response.status_code == 302
    assert response["Location"] == "/approvals/?page=1"
    claim = refreshed(submitted)
    assert claim.status == "approved"
    event = claim.events.get(action="status", after__status="approved")
    assert (event.actor, event.before) == (editor, {"status": "submitted"})


def test_approve_with_htmx_swaps_the_item(submitted, editor):
    response = login(editor).post(APPROVALS, decide(submitted, "approve"), **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page
    assert "Approved." in page and "data-focus-after-swap" in page


def test_article_is_checked_once_every_claim_is_approved_or_dismissed(
    two_claims, submitted, reviewer, editor
):
    client = login(editor)
    client.post(APPROVALS, decide(submitted, "approve"))
    article = Article.objects.get(pk=submitted.article_id)
    assert article.status == "in_review"  # the second claim is still open

    other = review.take_claim(two_claims[1], reviewer)
    other = review.dismiss_claim(other, reviewer, version=other.version, reason="not_checkable",
                                 note="Pas vérifiable.")
    article.refresh_from_db()
    assert article.status == "in_review"  # the reviewer's dismissal waits for an editor
    client.post(APPROVALS, decide(other, "approve"))
    article.refresh_from_db()
    assert article.status == "checked"
    event = ReviewEvent.objects.get(article=article, claim=None, after__status="checked")
    assert event.before == {"status": "in_review"}


def test_last_approval_checks_the_article_in_the_same_step(article, reviewer, editor):
    only = submitted_claim(make_claims(article, 1, offset=50)[0], reviewer)
    login(editor).post(APPROVALS, decide(only, "approve"))
    article.refresh_from_db()
    assert article.status == "checked"


def test_send_back_needs_a_comment(submitted, editor):
    response = login(editor).post(APPROVALS, decide(submitted, "send_back", comment="  "))
    assert response.status_code == 400
    assert "Say what the reviewer should change." in response.content.decode()
    assert refreshed(submitted).status == "submitted"


def test_send_back_returns_the_claim_to_its_reviewer(submitted, reviewer, editor):
    comment = "Ajoutez le lien vers le scrutin."
    response = login(editor).post(APPROVALS, decide(submitted, "send_back", comment=comment),
                                  **HTMX)
    assert "Sent back to the reviewer." in response.content.decode()
    claim = refreshed(submitted)
    assert (claim.status, claim.assignee) == ("sent_back", reviewer)
    assert claim.events.get(action=ReviewEvent.Action.COMMENT).comment == comment
    assert claim.events.filter(action="status", after__status="sent_back").count() == 1
    # The reviewer can edit again, and sees the comment in the history.
    page = login(reviewer).get(claim.get_absolute_url()).content.decode()
    assert 'name="explanation"' in page
    assert comment in page


def test_stale_approval_is_refused_with_a_message(submitted, editor):
    stale = decide(submitted, "approve")
    login(editor).post(APPROVALS, decide(submitted, "send_back", comment="Revoir."))
    response = login(editor).post(APPROVALS, stale, **HTMX)
    assert "changed since you loaded the page" in response.content.decode()
    assert refreshed(submitted).status == "sent_back"


def test_stale_send_back_without_htmx_is_a_conflict_with_a_message(submitted, editor):
    stale = decide(submitted, "send_back", comment="Ajoutez la source officielle.")
    login(editor).post(APPROVALS, decide(submitted, "approve"))
    response = login(editor).post(APPROVALS, stale)
    assert response.status_code == 409
    page = response.content.decode()
    assert "changed since you loaded the page" in page
    assert submitted.text in page
    assert refreshed(submitted).status == "approved"


def test_deciding_on_an_unknown_claim_is_404(editor):
    client = login(editor)
    assert client.post(APPROVALS, {"action": "approve", "claim": "nope"}).status_code == 404
    missing = "00000000-0000-0000-0000-000000000000"
    assert client.post(APPROVALS, {"action": "approve", "claim": missing}).status_code == 404


@pytest.mark.parametrize("count", [2, 30])
def test_approvals_query_count_is_fixed(article, reviewer, editor, count,
                                        django_assert_max_num_queries):
    for claim in make_claims(article, count, offset=100):
        submitted_claim(claim, reviewer)
    client = login(editor)
    # Session, user, permissions x2, desk settings, own claims left out, count, page of
    # claims, their sources, the top bar's unread notifications.
    with django_assert_max_num_queries(10):
        assert client.get(APPROVALS).status_code == 200


# --- proposed dismissals --------------------------------------------------------------------------


@pytest.fixture
def proposed(two_claims, reviewer) -> Claim:
    claim = review.take_claim(two_claims[1], reviewer)
    return review.dismiss_claim(claim, reviewer, version=claim.version,
                                reason="not_checkable", note="Aucune source publique.")


def test_a_proposed_dismissal_waits_in_the_approvals(proposed, editor):
    page = login(editor).get(APPROVALS).content.decode()
    assert "Dismissal: Not checkable" in page
    assert "Aucune source publique." in page
    assert "Approve the dismissal" in page


def test_editor_approves_the_dismissal(proposed, editor):
    response = login(editor).post(APPROVALS, decide(proposed, "approve"))
    assert response.status_code == 302
    claim = Claim.objects.get(pk=proposed.pk)
    assert (claim.status, claim.dismiss_reason) == ("dismissed", "not_checkable")
    event = claim.events.get(action="status", after__status="dismissed")
    assert event.actor == editor and event.before == {"status": "submitted"}
    assert claim not in Claim.objects.filter(pk=claim.pk).for_report()


def test_editor_sends_the_dismissal_back(proposed, reviewer, editor):
    data = decide(proposed, "send_back") | {"comment": "Le compte rendu est en ligne."}
    assert login(editor).post(APPROVALS, data).status_code == 302
    claim = Claim.objects.get(pk=proposed.pk)
    assert (claim.status, claim.assignee, claim.dismiss_reason, claim.dismiss_note) == (
        "sent_back", reviewer, "", "")
    event = claim.events.get(action="status", after__status="sent_back", actor=editor)
    assert event.before == {"status": "submitted", "reason": "not_checkable"}
    page = login(reviewer).get(claim.get_absolute_url()).content.decode()
    assert "dismissal refused" in page and "Le compte rendu est en ligne." in page


def test_reviewers_cannot_approve_their_own_dismissal(proposed, reviewer):
    with pytest.raises(review.NotAllowed):
        review.approve_claim(proposed, reviewer, version=proposed.version)
    assert login(reviewer).post(APPROVALS, decide(proposed, "approve")).status_code == 403
    assert Claim.objects.get(pk=proposed.pk).status == "submitted"


# --- second pair of eyes --------------------------------------------------------------------------


@pytest.fixture
def editor_reviewed(two_claims, editor) -> Claim:
    """A claim the editor took, judged and submitted themselves (editors can review too)."""
    return submitted_claim(two_claims[1], editor)


def set_second_pair_of_eyes(on: bool) -> None:
    from factcheck.models import DeskSettings

    desk = DeskSettings.load()
    desk.second_pair_of_eyes = on
    desk.save()


def test_the_rule_is_on_by_default(db):
    from factcheck.models import DeskSettings

    assert DeskSettings.load().second_pair_of_eyes is True


def test_an_editor_cannot_approve_a_claim_they_reviewed(editor_reviewed, editor):
    response = login(editor).post(APPROVALS, decide(editor_reviewed, "approve"), **HTMX)
    assert "You reviewed this claim yourself: another editor must approve it." in (
        response.content.decode())
    assert refreshed(editor_reviewed).status == "submitted"
    assert not editor_reviewed.events.filter(after__status="approved").exists()


def test_another_editor_approves_it(editor_reviewed):
    from factcheck import roles
    from tests.factories import make_user

    colleague = make_user("elsa", roles.EDITORS)
    response = login(colleague).post(APPROVALS, decide(editor_reviewed, "approve"))
    assert response.status_code == 302
    assert refreshed(editor_reviewed).status == "approved"


def test_editing_someone_elses_verdict_counts_as_reviewing_it(two_claims, reviewer, editor):
    """An editor who changed the verdict of a reviewer's claim did part of the review."""
    claim = review.take_claim(two_claims[0], reviewer)
    claim = review.save_review(claim, editor, version=claim.version, verdict=verdict("False"),
                               explanation="Corrigé par l'éditrice.")
    add_source(claim)
    claim = review.submit_claim(claim, reviewer, version=claim.version, verdict=verdict("False"),
                                explanation="Corrigé par l'éditrice.")
    with pytest.raises(review.NotAllowed):
        review.approve_claim(claim, editor, version=claim.version)


def test_the_approvals_page_leaves_your_own_claims_out_and_says_why(
    submitted, editor_reviewed, editor
):
    response = login(editor).get(APPROVALS)
    shown = [item.claim.pk for item in response.context["items"]]
    assert shown == [submitted.pk]
    page = response.content.decode()
    assert "1 claim you reviewed yourself is not shown" in page


def test_with_the_rule_off_your_own_claims_are_listed_and_approvable(editor_reviewed, editor):
    set_second_pair_of_eyes(False)
    response = login(editor).get(APPROVALS)
    assert [item.claim.pk for item in response.context["items"]] == [editor_reviewed.pk]
    assert "reviewed yourself" not in response.content.decode()
    review.approve_claim(editor_reviewed, editor, version=editor_reviewed.version)
    assert refreshed(editor_reviewed).status == "approved"

