"""Work allocation: assign, reassign, release, the per-reviewer limit, the sent-back state,
"Back to the queue" with the filters, "Submit and take next", and the races between them."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from django.apps import apps
from django.db import connections
from django.urls import reverse

from factcheck import roles
from factcheck.actions import assignment, review
from factcheck.actions.assignment import LimitReached
from factcheck.actions.review import NotAllowed
from factcheck.models import Claim, DeskSettings, Notification, ReviewEvent
from tests.factories import HTMX, add_source, login, make_article, make_claims, make_user, verdict

QUEUE = reverse("factcheck:queue")


def refreshed(claim: Claim) -> Claim:
    return Claim.objects.select_related("assignee").get(pk=claim.pk)


def set_limit(limit: int) -> None:
    desk = DeskSettings.load()
    desk.max_in_progress = limit
    desk.save()


@pytest.fixture
def claims(editor) -> list[Claim]:
    return make_claims(make_article(editor), 8)


def submitted_by(claim: Claim, reviewer) -> Claim:
    claim = review.take_claim(claim, reviewer)
    add_source(claim)
    return review.submit_claim(claim, reviewer, version=claim.version, verdict=verdict("True"),
                               explanation="Le compte rendu le confirme.")


def sent_back_to(claim: Claim, reviewer, editor, comment: str = "Ajoutez le scrutin.") -> Claim:
    claim = submitted_by(claim, reviewer)
    return review.send_back(claim, editor, version=claim.version, comment=comment)


# --- assign and reassign ----------------------------------------------------------------------


def test_editor_assigns_a_pending_claim_from_the_claim_page(claims, editor, reviewer):
    claim = claims[0]
    response = login(editor).post(claim.get_absolute_url(),
                                  {"action": "assign", "assign-reviewer": reviewer.username})
    assert response.status_code == 302
    claim = refreshed(claim)
    assert (claim.status, claim.assignee) == ("in_progress", reviewer)
    assigned = claim.events.get(action=ReviewEvent.Action.ASSIGNED)
    assert (assigned.actor, assigned.before, assigned.after) == (
        editor, {"assignee": None}, {"assignee": reviewer.username})
    assert claim.events.filter(action="status", after__status="in_progress").exists()
    note = Notification.objects.get(recipient=reviewer)
    assert (note.kind, note.claim, note.actor) == ("assigned", claim, editor)


def test_reassigning_moves_the_claim_and_keeps_its_state(claims, editor, reviewer,
                                                         other_reviewer):
    claim = sent_back_to(claims[0], reviewer, editor)
    assignment.assign_claim(claim, editor, other_reviewer)
    claim = refreshed(claim)
    assert (claim.status, claim.assignee) == ("sent_back", other_reviewer)
    event = claim.events.filter(action="assigned").order_by("-id").first()
    assert (event.before, event.after) == ({"assignee": "rita"}, {"assignee": "ravi"})
    # The new reviewer can now edit it; the previous one no longer can.
    assert review.can_edit_claim(other_reviewer, claim)
    assert not review.can_edit_claim(reviewer, claim)


def test_the_claim_page_offers_the_assign_form_to_editors_only(claims, editor, reviewer):
    claim = claims[0]
    assert 'name="assign-reviewer"' in login(editor).get(claim.get_absolute_url()).content.decode()
    assert 'name="assign-reviewer"' not in (
        login(reviewer).get(claim.get_absolute_url()).content.decode())


def test_a_reviewer_cannot_assign(claims, reviewer, other_reviewer):
    claim = claims[0]
    response = login(reviewer).post(
        claim.get_absolute_url(), {"action": "assign", "assign-reviewer": other_reviewer.username})
    assert response.status_code == 403
    assert refreshed(claim).assignee is None
    assert not ReviewEvent.objects.filter(claim=claim).exists()


def test_assigning_to_someone_who_is_not_a_reviewer_is_a_form_error(claims, editor, outsider):
    claim = claims[0]
    response = login(editor).post(claim.get_absolute_url(),
                                  {"action": "assign", "assign-reviewer": outsider.username})
    assert response.status_code == 400
    assert "Choose a reviewer from the list." in response.content.decode()
    assert refreshed(claim).assignee is None
    with pytest.raises(NotAllowed):
        assignment.assign_claim(claim, editor, outsider)


def test_a_submitted_claim_cannot_be_assigned(claims, editor, reviewer, other_reviewer):
    claim = submitted_by(claims[0], reviewer)
    response = login(editor).post(
        claim.get_absolute_url(), {"action": "assign", "assign-reviewer": other_reviewer.username})
    assert response.status_code == 403
    assert "None of these claims can be assigned now." in response.content.decode()
    assert (refreshed(claim).status, refreshed(claim).assignee) == ("submitted", reviewer)


# --- release ------------------------------------------------------------------------------------


def test_the_reviewer_releases_a_claim_keeping_the_draft(claims, reviewer):
    claim = review.take_claim(claims[0], reviewer)
    claim = review.save_review(claim, reviewer, version=claim.version, verdict=None,
                               explanation="Brouillon.")
    response = login(reviewer).post(claim.get_absolute_url(), {"action": "release"})
    assert response.status_code == 302
    claim = refreshed(claim)
    assert (claim.status, claim.assignee, claim.explanation) == ("pending", None, "Brouillon.")
    released = claim.events.get(action=ReviewEvent.Action.RELEASED)
    assert released.before == {"assignee": "rita"}
    page = login(reviewer).get(claim.get_absolute_url()).content.decode()
    assert "Released to the pool (was assigned to rita)" in page
    # Back in the pool: anybody can take it again.
    assert review.can_take_claim(make_user("rosa", roles.REVIEWERS), claim)


def test_another_reviewer_cannot_release(claims, reviewer, other_reviewer):
    claim = review.take_claim(claims[0], reviewer)
    response = login(other_reviewer).post(claim.get_absolute_url(), {"action": "release"},
                                          follow=True)
    assert "you cannot release it" in response.content.decode()
    assert refreshed(claim).assignee == reviewer


# --- the per-reviewer limit ---------------------------------------------------------------------


def test_take_next_says_when_the_limit_is_reached(claims, reviewer):
    set_limit(2)
    client = login(reviewer)
    for _ in range(2):
        assert client.post(QUEUE).status_code == 302
    response = client.post(QUEUE, follow=True)
    assert "You already hold 2 claims in progress" in response.content.decode()
    assert Claim.objects.filter(assignee=reviewer).count() == 2


def test_sent_back_claims_count_against_the_limit(claims, editor, reviewer):
    set_limit(1)
    sent_back_to(claims[0], reviewer, editor)
    with pytest.raises(LimitReached):
        review.take_next_claim(reviewer)
    with pytest.raises(LimitReached):
        review.take_claim(claims[1], reviewer)


def test_an_editor_cannot_assign_past_the_limit(claims, editor, reviewer):
    set_limit(1)
    review.take_claim(claims[0], reviewer)
    response = login(editor).post(claims[1].get_absolute_url(),
                                  {"action": "assign", "assign-reviewer": reviewer.username})
    assert response.status_code == 403
    assert "rita already holds 1 claim in progress." in response.content.decode()
    assert refreshed(claims[1]).assignee is None


def test_submitting_makes_room_again(claims, reviewer):
    set_limit(1)
    submitted_by(claims[0], reviewer)
    assert review.take_next_claim(reviewer) is not None


# --- sent back ----------------------------------------------------------------------------------


def test_a_sent_back_claim_has_a_badge_a_banner_and_comes_first_in_mine(claims, editor, reviewer):
    first = review.take_claim(claims[0], reviewer)  # in progress, older than the sent-back one
    back = sent_back_to(claims[1], reviewer, editor, comment="La source ne dit pas 289.")
    client = login(reviewer)
    response = client.get(QUEUE, {"mine": "on"})
    listed = [c.pk for c in response.context["claims"]]
    assert listed == [back.pk, first.pk]
    page = response.content.decode()
    assert '<span class="badge sent_back">Sent back</span>' in page
    claim_page = client.get(back.get_absolute_url()).content.decode()
    assert 'class="banner sent-back"' in claim_page
    assert "La source ne dit pas 289." in claim_page
    assert "edith sent this claim back" in claim_page
    # The reviewer works on it as before.
    assert 'name="explanation"' in claim_page
    assert 'class="banner sent-back"' not in client.get(first.get_absolute_url()).content.decode()


def test_the_sent_back_tab_lists_them(claims, editor, reviewer):
    back = sent_back_to(claims[0], reviewer, editor)
    response = login(editor).get(QUEUE, {"status": "sent_back"})
    assert [c.pk for c in response.context["claims"]] == [back.pk]


def test_resubmitting_a_sent_back_claim_leaves_the_state(claims, editor, reviewer):
    back = sent_back_to(claims[0], reviewer, editor)
    again = review.submit_claim(back, reviewer, version=back.version, verdict=verdict("True"),
                                explanation="Corrigé.")
    assert again.status == "submitted"


def test_the_migration_marks_claims_sent_back_before_it_as_sent_back(claims, editor, reviewer):
    """Before 0009 a send-back left the claim `in_progress`; the migration finds those."""
    migration = __import__("factcheck.migrations.0012_desk_allocation", fromlist=["x"])
    back = sent_back_to(claims[0], reviewer, editor)
    taken = review.take_claim(claims[1], reviewer)
    Claim.objects.filter(pk=back.pk).update(status="in_progress")  # as 0008 left it
    ReviewEvent.objects.filter(claim=back, after__status="sent_back").update(
        after={"status": "in_progress"})
    migration.mark_sent_back(apps, None)
    assert refreshed(back).status == "sent_back"
    assert refreshed(taken).status == "in_progress"
    migration.unmark_sent_back(apps, None)
    assert refreshed(back).status == "in_progress"


# --- back to the queue, submit and take next -----------------------------------------------------


def test_claim_links_and_back_keep_the_queue_filters(claims, reviewer):
    client = login(reviewer)
    response = client.get(QUEUE, {"kind": "date", "sort": "article", "after": "1.2.3"})
    link = response.context["claims"][0].url
    assert link.endswith("?queue=kind%3Ddate%26sort%3Darticle")  # the pager is not kept
    page = client.get(link).content.decode()
    assert f'href="{QUEUE}?kind=date&amp;sort=article"' in page


def test_back_keeps_only_queue_filters(claims, reviewer):
    """The parameter can only ever lead back to the queue, with its own keys."""
    url = claims[0].get_absolute_url() + "?queue=next%3D%2F%2Fevil.example%26kind%3Ddate"
    page = login(reviewer).get(url).content.decode()
    assert f'href="{QUEUE}?kind=date"' in page
    assert 'href="//evil' not in page and "next=%2F%2Fevil" not in page.split("<main")[1]


def submit_data(claim: Claim, action: str) -> dict:
    return {"action": action, "version": claim.version, "verdict": verdict("True").pk,
            "explanation": "Le compte rendu le confirme.", "value-date": claim.value["date"]}


def test_submit_and_take_next_opens_the_next_claim_within_the_filters(editor, reviewer):
    article = make_article(editor)
    dates = make_claims(article, 3)
    votes = make_claims(article, 2, kind="vote_result", offset=10)
    claim = review.take_claim(dates[0], reviewer)
    add_source(claim)
    url = claim.get_absolute_url() + "?queue=kind%3Ddate"
    response = login(reviewer).post(url, submit_data(claim, "submit_next"))
    assert refreshed(claim).status == "submitted"
    following = Claim.objects.get(assignee=reviewer, status="in_progress")
    assert following.pk == dates[1].pk, "the oldest pending date claim, not a vote"
    assert response["Location"] == following.get_absolute_url() + "?queue=kind%3Ddate"
    assert all(refreshed(v).assignee is None for v in votes)


def test_submit_and_take_next_with_htmx_redirects_the_page(claims, reviewer):
    claim = review.take_claim(claims[0], reviewer)
    add_source(claim)
    response = login(reviewer).post(claim.get_absolute_url(), submit_data(claim, "submit_next"),
                                    **HTMX)
    following = Claim.objects.get(assignee=reviewer, status="in_progress")
    assert response["HX-Redirect"] == following.get_absolute_url()


def test_submit_and_take_next_when_nothing_is_left_goes_back_to_the_queue(editor, reviewer):
    claim = review.take_claim(make_claims(make_article(editor), 1)[0], reviewer)
    add_source(claim)
    response = login(reviewer).post(claim.get_absolute_url() + "?queue=mine%3Don",
                                    submit_data(claim, "submit_next"), follow=True)
    assert response.redirect_chain[-1][0] == f"{QUEUE}?mine=on"
    page = response.content.decode()
    assert "Submitted for approval." in page
    assert "No pending claim is left for these filters." in page


def test_submit_and_take_next_without_evidence_submits_nothing(claims, reviewer):
    claim = review.take_claim(claims[0], reviewer)
    response = login(reviewer).post(claim.get_absolute_url(), submit_data(claim, "submit_next"))
    assert response.status_code == 400
    assert "Add at least one source before submitting." in response.content.decode()
    assert Claim.objects.filter(assignee=reviewer).count() == 1


# --- races, on real PostgreSQL -------------------------------------------------------------------


def run_together(jobs) -> list[BaseException]:
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job) -> None:
        try:
            barrier.wait()
            job()
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.mark.django_db(transaction=True)
def test_an_assignment_and_take_next_racing_for_one_claim_give_it_once():
    editor = make_user("edith", roles.EDITORS)
    assigned_to = make_user("rita", roles.REVIEWERS)
    taker = make_user("ravi", roles.REVIEWERS)
    set_limit(100)  # this test is about the claim, not the limit
    outcomes: Counter[str] = Counter()
    for round_ in range(15):
        (claim,) = make_claims(make_article(editor, title=f"A{round_}"), 1)

        def assign(claim=claim) -> None:
            try:
                assignment.assign_claim(claim, editor, assigned_to)
                outcomes["assigned"] += 1
            except NotAllowed:
                outcomes["assign refused"] += 1

        def take(claim=claim) -> None:
            outcomes["taken" if review.take_next_claim(taker) else "nothing left"] += 1

        assert run_together([assign, take]) == []
        claim = refreshed(claim)
        assert claim.status == "in_progress"
        # The history says the same as the row: who got it last is its assignee.
        last = claim.events.filter(action="assigned").order_by("-id").first()
        assert last.after == {"assignee": claim.assignee.username}
        if claim.assignee == taker:  # taken, then possibly reassigned by the editor
            Claim.objects.filter(pk=claim.pk).update(status="approved")
    # An editor's assignment may move a claim the taker just got (that is what reassigning
    # is), but take-next never takes a claim somebody holds.
    assert outcomes["taken"] + outcomes["nothing left"] == 15
    assert outcomes["assigned"] == 15
    takes = ReviewEvent.objects.filter(action="assigned", actor=taker)
    assert all(e.before == {"assignee": None} for e in takes)


@pytest.mark.django_db(transaction=True)
def test_concurrent_take_next_and_assignments_never_pass_the_limit():
    editor = make_user("edith", roles.EDITORS)
    reviewer = make_user("rita", roles.REVIEWERS)
    set_limit(3)
    claims = make_claims(make_article(editor), 20)
    refused: Counter[str] = Counter()

    def take() -> None:
        try:
            review.take_next_claim(reviewer)
        except LimitReached:
            refused["take"] += 1

    def assign(claim: Claim) -> None:
        try:
            assignment.assign_claim(claim, editor, reviewer)
        except LimitReached:
            refused["assign"] += 1

    jobs = [take] * 6 + [lambda c=c: assign(c) for c in claims[-6:]]
    assert run_together(jobs) == []
    held = Claim.objects.filter(assignee=reviewer)
    assert held.count() == 3
    assert sum(refused.values()) == 9
    assert set(held.values_list("status", flat=True)) == {"in_progress"}
