"""Reviewers saving while editors re-extract the same article, on real PostgreSQL.

Each reviewer and each extraction runs in its own thread, so on its own
database connection, all at once. The lock order (factcheck/actions/locking.py)
must leave no deadlock for PostgreSQL to break, no 500 for a reviewer, no failed
extraction and no lost reviewer work.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import OperationalError, connection, connections, transaction
from django.urls import reverse

from factcheck import roles
from factcheck.actions import review
from factcheck.actions.extraction import apply_extraction
from factcheck.actions.locking import retry_on_conflict
from factcheck.extraction import extract
from factcheck.forms.review import value_form_for
from factcheck.models import Article, Claim, ReviewEvent, Verdict
from tests.factories import SAMPLE_TEXT, login, make_extracted_article, make_user

BODY = (
    SAMPLE_TEXT
    + " Le conseil municipal a voté le budget le 3 mars 2021 par 25 voix contre 4."
    + " Les ministres se sont réunis à cinq reprises en 2020."
    + " Le 12 janvier 2022, le texte a été promulgué."
)
SAVES_PER_REVIEWER = 40
EXTRACTIONS = 80
EXTRACTORS = 2


def deadlocks_so_far() -> int:
    """PostgreSQL's own count of deadlocks it broke in this database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
        cursor.execute(
            "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"
        )
        return cursor.fetchone()[0]


def unchanged_value(claim: Claim) -> dict[str, str]:
    """The value fields as the review form shows them: no correction."""
    form = value_form_for(claim)
    return {form.add_prefix(k): v for k, v in form.initial.items() if v not in (None, "", False)}


def run_together(jobs: list[Callable[[], None]]) -> list[BaseException]:
    """Start every job at once, each in its own thread (own connection); return the errors."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job: Callable[[], None]) -> None:
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
        thread.join(timeout=300)
    return errors


@pytest.mark.django_db(transaction=True)
def test_saves_and_reextractions_at_once_never_deadlock():
    editor = make_user("edith", roles.EDITORS)
    article = make_extracted_article(editor, body=BODY)
    claims = list(article.claims.order_by("start"))
    assert len(claims) >= 4, [c.text for c in claims]
    reviewers = [make_user(f"reviewer{i}", roles.REVIEWERS) for i in range(len(claims))]
    for claim, reviewer in zip(claims, reviewers, strict=True):
        review.take_claim(claim, reviewer)
    fresh = extract(BODY, lang="fr", published="2024-11-20")
    statuses: Counter[int] = Counter()
    last_saved: dict[int, str] = {}
    before = deadlocks_so_far()

    def reviewer_job(claim: Claim, reviewer) -> Callable[[], None]:
        client = login(reviewer)
        client.raise_request_exception = False
        url = reverse("factcheck:claim", kwargs={"uuid": claim.uuid})

        def job() -> None:
            for i in range(SAVES_PER_REVIEWER):
                stored = Claim.objects.get(pk=claim.pk)
                explanation = f"{reviewer.username}, draft {i}"
                response = client.post(url, {
                    "action": "save", "version": stored.version, "verdict": "",
                    "explanation": explanation,
                } | unchanged_value(stored))
                statuses[response.status_code] += 1
                if response.status_code == 302:
                    last_saved[claim.pk] = explanation

        return job

    def extraction_job() -> None:
        for _ in range(EXTRACTIONS // EXTRACTORS):
            apply_extraction(article.pk, fresh, "fr")

    jobs = [reviewer_job(c, r) for c, r in zip(claims, reviewers, strict=True)]
    jobs += [extraction_job] * EXTRACTORS
    errors = run_together(jobs)

    assert errors == [], errors
    assert statuses == {302: SAVES_PER_REVIEWER * len(claims)}, statuses
    assert deadlocks_so_far() == before, "PostgreSQL had to break a deadlock"
    for claim in claims:
        stored = Claim.objects.get(pk=claim.pk)
        assert stored.explanation == last_saved[claim.pk]
        assert stored.status == Claim.Status.IN_PROGRESS and not stored.stale
        edits = ReviewEvent.objects.filter(claim=claim, action=ReviewEvent.Action.VERDICT)
        assert edits.count() == SAVES_PER_REVIEWER
    assert article.claims.count() == len(claims)


@pytest.mark.django_db(transaction=True)
def test_a_deadlock_postgresql_breaks_is_retried_not_raised():
    """Two transactions lock two rows in opposite orders: PostgreSQL kills one; it runs again."""
    editor = make_user("edith", roles.EDITORS)
    first, second = (make_extracted_article(editor, title=t) for t in ("A", "B"))
    both_hold_one = threading.Barrier(2)
    attempts: Counter[str] = Counter()

    @retry_on_conflict
    def lock_in_order(name: str, ids: tuple[int, int]) -> None:
        with transaction.atomic():
            attempts[name] += 1
            list(Article.objects.select_for_update().filter(pk=ids[0]))
            if attempts[name] == 1:  # only the first time round: make the cycle certain
                both_hold_one.wait(timeout=10)
            list(Article.objects.select_for_update().filter(pk=ids[1]))

    before = deadlocks_so_far()
    errors = run_together([
        lambda: lock_in_order("forward", (first.pk, second.pk)),
        lambda: lock_in_order("backward", (second.pk, first.pk)),
    ])
    assert errors == []
    assert deadlocks_so_far() == before + 1
    assert sorted(attempts.values()) == [1, 2], attempts


@pytest.mark.django_db(transaction=True)
def test_other_database_errors_are_not_retried():
    """A cancelled statement is an OperationalError too, but no conflict: raised at once."""
    calls = []

    @retry_on_conflict
    def too_slow() -> None:
        calls.append(1)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 10")
            cursor.execute("SELECT pg_sleep(1)")

    with pytest.raises(OperationalError, match="statement timeout"):
        too_slow()
    assert calls == [1]


@pytest.mark.django_db(transaction=True)
def test_the_whole_workflow_at_once_with_reextractions():
    """Reviewers take-next, source and submit (or propose a dismissal) while an editor
    approves and the article is re-extracted over and over: every lock-taking step at once."""
    editor = make_user("edith", roles.EDITORS)
    article = make_extracted_article(editor, body=BODY)
    total = article.claims.count()
    reviewers = [make_user(f"reviewer{i}", roles.REVIEWERS) for i in range(3)]
    fresh = extract(BODY, lang="fr", published="2024-11-20")
    true = Verdict.objects.get(label_en="True")
    before = deadlocks_so_far()
    done = threading.Event()

    def reviewer_job(reviewer) -> Callable[[], None]:
        def job() -> None:
            while (claim := review.take_next_claim(reviewer, article=article)) is not None:
                if claim.pk % 3 == 0:
                    review.dismiss_claim(claim, reviewer, version=claim.version,
                                         reason="not_checkable", note="Aucune source.")
                    continue
                review.add_source(claim, reviewer, url="https://www.senat.fr/s/1.html")
                review.submit_claim(claim, reviewer, version=claim.version, verdict=true,
                                    explanation="Le scrutin public le confirme.")
        return job

    def editor_job() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            waiting = list(Claim.objects.filter(article=article, status="submitted"))
            for claim in waiting:
                review.approve_claim(claim, editor, version=claim.version)
            if Claim.objects.filter(article=article, status__in=Claim.OPEN_STATUSES).count() == 0:
                break
            time.sleep(0.01)
        done.set()

    def extraction_job() -> None:
        for _ in range(EXTRACTIONS // EXTRACTORS):
            apply_extraction(article.pk, fresh, "fr")

    jobs = [reviewer_job(r) for r in reviewers] + [editor_job]
    jobs += [extraction_job] * EXTRACTORS
    errors = run_together(jobs)

    assert errors == [], errors
    assert done.is_set()
    assert deadlocks_so_far() == before, "PostgreSQL had to break a deadlock"
    statuses = Counter(article.claims.values_list("status", flat=True))
    assert sum(statuses.values()) == total
    assert set(statuses) <= {"approved", "dismissed"}, statuses
    apply_extraction(article.pk, fresh, "fr")
    assert Article.objects.get(pk=article.pk).status == Article.Status.CHECKED
