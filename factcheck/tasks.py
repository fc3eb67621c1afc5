"""Celery tasks: an id in, the row re-fetched, the work done by extraction/actions.

The database is the source of truth, the queue only a wake-up call: an
article's pending extraction is `Article.extraction_queued_at`. A message
that finds nothing pending does nothing, so duplicates (a sweep, a
redelivery after a worker died) are harmless; transient database and broker
errors retry with backoff; the sweeper re-sends what is still pending.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections import Counter

import kombu.exceptions
import redis.exceptions
from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from factcheck import enqueue
from factcheck.actions import extraction as actions
from factcheck.extraction import extract
from factcheck.extraction.language import detect_language
from factcheck.models import Article, ImportJob, Notification

logger = logging.getLogger(__name__)

# Errors that go away by themselves: the database restarting or unreachable, the
# broker likewise (a retry is itself a publish).
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)
# At most this many articles per sweep: a long outage is worked off over a few sweeps.
SWEEP_BATCH = 1000


# What the extraction tasks read of an article.
EXTRACTION_FIELDS = ("body", "requested_language", "published_on", "published_precision",
                     "status", "extraction_queued_at")
RETRIED = {
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT_ERRORS,
    "retry_backoff": True,
    "retry_backoff_max": settings.EXTRACTION_RETRY_BACKOFF_MAX,
    "retry_jitter": True,
    "max_retries": settings.EXTRACTION_MAX_RETRIES,
}


@shared_task(**RETRIED)
def extract_article(article_id: int) -> str:
    """Do the article's pending extraction. Safe to run twice; quiet when the article is gone.

    Every query, the first included, is inside the retry on transient errors;
    any other error leaves the article `failed` with a readable reason.
    """
    article = Article.objects.filter(pk=article_id).only(*EXTRACTION_FIELDS).first()
    if article is None:
        logger.info("extract_article: article %s no longer exists", article_id)
        return "missing"
    if not article.is_busy:
        return "nothing pending"  # a duplicate message: the extraction is done already
    if article.status == Article.Status.PUBLISHED:
        actions.drop_published_extractions([article_id])
        return "published"
    actions.mark_extracting(article_id)
    try:
        extraction = _extract(article)
    except Exception as exc:
        return _failed(article, exc)
    return _apply_one(extraction)


@shared_task(**RETRIED)
def extract_articles(article_ids: list[int]) -> dict[str, int]:
    """extract_article for a batch: one read, one mark and one write for all of them.

    The import path (and the API) send these (enqueue.enqueue_extraction_batch).
    An article that fails to extract is failed alone; when the batch's write
    fails for a reason that is not transient, each article is written on its
    own, so that one bad article fails alone and the others are still done. A
    transient error retries the whole task, which finds the finished articles
    no longer pending.
    """
    articles = Article.objects.filter(pk__in=article_ids).only(*EXTRACTION_FIELDS)
    busy = [article for article in articles if article.is_busy]
    outcomes = Counter({"nothing pending": len(article_ids) - len(busy)})
    # Readers see a published article's claims: they change only through a correction.
    published = [article.pk for article in busy if article.status == Article.Status.PUBLISHED]
    if published:
        actions.drop_published_extractions(published)
        outcomes["published"] = len(published)
    pending = [article for article in busy if article.pk not in published]
    if not pending:
        return dict(outcomes)
    actions.mark_extracting_many([article.pk for article in pending])
    extractions = []
    for article in pending:
        try:
            extractions.append(_extract(article))
        except Exception as exc:
            outcomes[_failed(article, exc)] += 1
    try:
        outcomes.update(actions.apply_extractions(extractions).values())
    except TRANSIENT_ERRORS:
        raise
    except Exception:
        logger.exception("extract_articles: the batch write failed; writing one by one")
        outcomes.update(_apply_one(extraction) for extraction in extractions)
    return dict(outcomes)


def _extract(article: Article) -> actions.Extraction:
    lang = article.requested_language or detect_language(article.body)
    claims = extract(article.body, lang=lang, published=article.published_for_extraction)
    return actions.Extraction(article.pk, claims, lang, article.extraction_queued_at)


def _apply_one(extraction: actions.Extraction) -> str:
    try:
        actions.apply_extraction(extraction.article_id, extraction.claims, extraction.lang,
                                 queued_at=extraction.queued_at)
    except TRANSIENT_ERRORS:
        raise  # retried with backoff by autoretry_for; the article stays pending
    except actions.ExtractionSuperseded:
        return "superseded"
    except Article.DoesNotExist:
        logger.info("extraction: article %s deleted during extraction", extraction.article_id)
        return "missing"
    except Exception as exc:  # any other failure must leave a readable reason, not a stuck article
        return _failed(Article(pk=extraction.article_id,
                               extraction_queued_at=extraction.queued_at), exc)
    return "done"


def _failed(article: Article, exc: Exception) -> str:
    """Leave the article `failed` with the reason, unless a newer request superseded it."""
    if isinstance(exc, TRANSIENT_ERRORS):
        raise exc
    logger.error("extraction: article %s failed", article.pk, exc_info=exc)
    # The page adds a translated "Extraction failed:"; the reason stays technical.
    actions.mark_failed(article.pk, f"{type(exc).__name__}: {exc}",
                        queued_at=article.extraction_queued_at)
    return "failed"


@shared_task(ignore_result=True, expires=settings.EXTRACTION_SWEEP_INTERVAL)
def sweep_stale_extractions() -> int:
    """Re-send the extractions pending for longer than EXTRACTION_STALE_AFTER; return how many.

    Each swept article's mark is moved to now first, so the next sweep leaves it
    alone for another EXTRACTION_STALE_AFTER while its message waits in the queue;
    the articles whose message could not be sent get their old age back, for the
    next sweep. Sweeping twice sends nothing twice, and a message sent twice
    extracts once (the second finds nothing pending).
    """
    now = timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.EXTRACTION_STALE_AFTER)
    stale = Article.objects.stale_extractions(cutoff)
    ids = list(stale.values_list("pk", flat=True)[:SWEEP_BATCH])
    if not ids:
        return 0
    Article.objects.filter(pk__in=ids).update(extraction_queued_at=now)
    # As batch tasks: a backlog (a long outage, a big import) goes back in a few messages.
    sent = enqueue.send_extraction_batch(ids)
    if sent < len(ids):
        unsent = ids[sent:]
        Article.objects.filter(pk__in=unsent, extraction_queued_at=now).update(
            extraction_queued_at=cutoff
        )
        logger.warning("sweep: broker unreachable, %d articles wait for the next sweep",
                       len(unsent))
        return sent
    logger.info("sweep: re-enqueued %d pending extractions", len(ids))
    return len(ids)


@shared_task(ignore_result=True, expires=settings.EXTRACTION_SWEEP_INTERVAL)
def sweep_unsent_webhooks() -> int:
    """Send again the deliveries never attempted EXTRACTION_STALE_AFTER seconds after they
    were queued (the broker was down at commit, or the message was lost); return how many.
    Each one's mark moves to now first, so the next sweep leaves it alone meanwhile."""
    from factcheck.api import webhooks
    from factcheck.api.models import WebhookDelivery

    now = timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.EXTRACTION_STALE_AFTER)
    unsent = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.PENDING, attempts=0,
                                            queued_at__lt=cutoff)
    ids = list(unsent.order_by("queued_at").values_list("pk", flat=True)[:SWEEP_BATCH])
    WebhookDelivery.objects.filter(pk__in=ids).update(queued_at=now)
    for pk in ids:
        webhooks.send(pk)
    if ids:
        logger.info("sweep: re-sent %d webhook deliveries", len(ids))
    return len(ids)


@shared_task(bind=True, acks_late=True, max_retries=None)
def deliver_webhook(self, delivery_id: int) -> str:
    """Send one webhook delivery; retried with exponential backoff until it lands or
    WEBHOOK_MAX_ATTEMPTS is reached. A delivered (or given up) one is never sent again."""
    from factcheck.api import webhooks
    from factcheck.api.models import WebhookDelivery

    delivery = WebhookDelivery.objects.select_related("webhook").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != WebhookDelivery.Status.PENDING:
        return "nothing pending"
    try:
        webhooks.attempt(delivery)
    except webhooks.DeliveryFailed:
        if delivery.status == WebhookDelivery.Status.FAILED:
            return "failed"
        raise self.retry(countdown=webhooks.backoff(delivery.attempts)) from None
    return "delivered"
# --- notification emails -------------------------------------------------------------------------

# A mail server that refuses or drops us now may take the message later.
MAIL_ERRORS: tuple[type[BaseException], ...] = (smtplib.SMTPException, OSError)
# Notifications left unsent this long (their message was lost) are sent again by the sweeper.
NOTIFICATION_STALE_AFTER = dt.timedelta(minutes=5)


@shared_task(
    acks_late=True,
    autoretry_for=(*TRANSIENT_ERRORS, *MAIL_ERRORS),
    retry_backoff=True,
    retry_jitter=True,
    max_retries=8,
)
def email_notification(notification_id: int) -> str:
    """Email one notification unless its recipient turned email off; never twice.

    The row is locked while the mail goes out and marked sent in the same
    transaction: a duplicate message waits for the lock, then finds it sent.
    A failed send rolls the mark back and retries.
    """
    from factcheck.notification_mail import send_notification_email

    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient", "claim", "actor")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None:
            return "missing"
        if notification.emailed_at is not None:
            return "already sent"
        result = send_notification_email(notification)
        notification.emailed_at = timezone.now()
        notification.save(update_fields=["emailed_at"])
    return result


@shared_task(ignore_result=True, expires=settings.EXTRACTION_SWEEP_INTERVAL)
def sweep_unsent_notifications() -> int:
    """Re-send email tasks for notifications still unsent after NOTIFICATION_STALE_AFTER."""
    cutoff = timezone.now() - NOTIFICATION_STALE_AFTER
    ids = list(
        Notification.objects.filter(emailed_at__isnull=True, created_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)[:SWEEP_BATCH]
    )
    enqueue.send_notification_emails(ids)
    return len(ids)
@shared_task(**RETRIED)
def run_import(job_id: int) -> str:
    """Run a bulk import (actions/imports.py); a task that starts again goes on where it stopped.

    Each chunk of rows commits on its own: a transient error retries the task,
    which skips the chunks already written.
    """
    from factcheck.actions import imports

    try:
        job = imports.run_import(job_id)
    except ImportJob.DoesNotExist:
        logger.info("run_import: import %s no longer exists", job_id)
        return "missing"
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:  # a bug must not leave the progress bar running for ever
        logger.exception("run_import: import %s failed", job_id)
        imports.fail_import(job_id, f"{type(exc).__name__}: {exc}")
        return "failed"
    return job.status
