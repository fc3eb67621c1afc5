"""The extraction task, run by a real Celery worker on PostgreSQL and Redis."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from factcheck.actions.extraction import submit_article
from factcheck.models import Article, Claim, ReviewEvent, Source
from factcheck.tasks import extract_article
from tests.celery_worker import FAULT_MARKER
from tests.conftest import wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

TEXT = (
    "Le Parlement a adopté la loi le 15 novembre 2024 par 289 voix contre 12 et 5 abstentions. "
    "Les deux présidents se sont rencontrés à trois reprises en 2018."
)


def submit(editor, body: str = TEXT) -> Article:
    return submit_article(
        title="Loi adoptée",
        body=body,
        published_on=dt.date(2024, 11, 20),
        uploaded_by=editor,
    )


def settled(article: Article) -> Article | None:
    article.refresh_from_db()
    return article if not article.is_busy else None


def claim_rows(article: Article) -> list[tuple]:
    rows = article.claims.order_by("start", "kind")
    return list(rows.values_list("kind", "start", "end", "extracted_value"))


def test_saved_article_is_extracted_by_the_worker(celery_worker, editor):
    article = submit(editor)
    wait_for(lambda: settled(article))
    assert article.status == Article.Status.IN_REVIEW
    assert article.language == "fr"
    assert article.claims.filter(kind="date", text__contains="15 novembre 2024").exists()
    assert article.events.filter(action=ReviewEvent.Action.EXTRACTED).count() == 1


def mark_pending(article: Article, **fields) -> None:
    Article.objects.filter(pk=article.pk).update(extraction_queued_at=timezone.now(), **fields)


def extractions(article: Article) -> int:
    return article.events.filter(action=ReviewEvent.Action.EXTRACTED).count()


def test_running_the_task_twice_leaves_the_same_claims(celery_worker, editor):
    article = submit(editor)
    wait_for(lambda: settled(article))
    first = claim_rows(article)
    ids = set(article.claims.values_list("pk", flat=True))
    assert first
    mark_pending(article)
    extract_article.delay(article.pk)
    extract_article.delay(article.pk)
    wait_for(lambda: extractions(article) == 2)
    assert claim_rows(article) == first
    assert set(article.claims.values_list("pk", flat=True)) == ids


def test_a_message_with_nothing_pending_changes_nothing(celery_worker, editor):
    """A duplicate (a sweep, a redelivery) arriving after the extraction is a no-op."""
    article = submit(editor)
    wait_for(lambda: settled(article))
    extract_article.delay(article.pk)
    probe = submit(editor, TEXT + " Encore une fois.")
    wait_for(lambda: settled(probe))  # the worker is one process: the duplicate ran first
    article.refresh_from_db()
    assert extractions(article) == 1
    assert article.status == Article.Status.IN_REVIEW


def test_task_for_a_deleted_article_ends_quietly(celery_worker, editor):
    article = submit(editor)
    wait_for(lambda: settled(article))
    article_id = article.pk
    article.delete()
    result = extract_article.apply_async((article_id,), ignore_result=False)
    # Results are not stored, so prove the worker survived by running another task.
    assert result.id
    other = submit(editor, TEXT + " Encore.")
    wait_for(lambda: settled(other))
    assert other.status == Article.Status.IN_REVIEW
    assert not Article.objects.filter(pk=article_id).exists()


def test_extraction_error_leaves_failed_with_reason_and_nothing_half_written(
    celery_worker, editor, reviewer
):
    article = submit(editor)
    wait_for(lambda: settled(article))
    kept = article.claims.first()
    Source.objects.create(claim=kept, url="https://example.org/vote", added_by=reviewer)
    before = claim_rows(article)

    mark_pending(article, body=article.body + " " + FAULT_MARKER)
    extract_article.delay(article.pk)
    wait_for(lambda: Article.objects.get(pk=article.pk).status == Article.Status.FAILED)

    article.refresh_from_db()
    assert "not JSON serializable" in article.failure_reason
    assert article.failure_reason.startswith("TypeError: ")
    assert claim_rows(article) == before
    assert Claim.objects.get(pk=kept.pk).sources.count() == 1


def test_a_published_article_is_never_re_extracted(celery_worker, editor, client):
    """Refused at the button, and an extraction queued before publishing changes nothing."""
    article = submit(editor)
    wait_for(lambda: settled(article))
    before = claim_rows(article)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
    client.force_login(editor)
    response = client.post(f"/articles/{article.uuid}/reextract/", follow=True)
    assert "This article is published" in response.content.decode()
    article.refresh_from_db()
    assert not article.is_busy

    # As if the message were still in the queue from before: the worker leaves the text alone.
    mark_pending(article, body=article.body + " Le texte entre en vigueur le 1er janvier 2025.")
    extract_article.delay(article.pk)
    wait_for(lambda: settled(article))
    assert article.status == Article.Status.PUBLISHED
    assert extractions(article) == 1
    assert claim_rows(article) == before


def test_an_article_without_claims_is_checked_and_says_so(celery_worker, editor, client):
    article = submit(editor, "Il faisait beau sur la ville, et les passants flânaient.")
    wait_for(lambda: settled(article))
    assert article.status == Article.Status.CHECKED
    assert not article.claims.exists()
    client.force_login(editor)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "No checkable claim was found in this text: nothing to review." in page
