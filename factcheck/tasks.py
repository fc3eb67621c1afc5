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

import kombu.exceptions
import redis.exceptions
from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from factcheck import enqueue
from factcheck.actions import extraction as actions
from factcheck.extraction import extract
from factcheck.extraction.language import detect_language
from factcheck.models import Article

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


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=settings.EXTRACTION_RETRY_BACKOFF_MAX,
    retry_jitter=True,
    max_retries=settings.EXTRACTION_MAX_RETRIES,
)
def extract_article(article_id: int) -> str:
    """Do the article's pending extraction. Safe to run twice; quiet when the article is gone.

    Every query, the first included, is inside the retry on transient errors;
    any other error leaves the article `failed` with a readable reason.
    """
    article = (
        Article.objects.filter(pk=article_id)
        .only("body", "requested_language", "published_on", "published_precision",
              "status", "extraction_queued_at")
        .first()
    )
    if article is None:
        logger.info("extract_article: article %s no longer exists", article_id)
        return "missing"
    if not article.is_busy:
        return "nothing pending"  # a duplicate message: the extraction is done already
    if article.status == Article.Status.PUBLISHED:
        actions.drop_published_extraction(article_id)
        return "published"
    queued_at = article.extraction_queued_at
    actions.mark_extracting(article_id)
    try:
        lang = article.requested_language or detect_language(article.body)
        claims = extract(article.body, lang=lang, published=article.published_for_extraction)
        actions.apply_extraction(article_id, claims, lang, queued_at=queued_at)
    except TRANSIENT_ERRORS:
        raise  # retried with backoff by autoretry_for; the article stays pending
    except actions.ExtractionSuperseded:
        return "superseded"
    except Article.DoesNotExist:
        logger.info("extract_article: article %s deleted during extraction", article_id)
        return "missing"
    except Exception as exc:  # any other failure must leave a readable reason, not a stuck article
        logger.exception("extract_article: article %s failed", article_id)
        # The page adds a translated "Extraction failed:"; the reason stays technical.
        actions.mark_failed(article_id, f"{type(exc).__name__}: {exc}", queued_at=queued_at)
        return "failed"
    return "done"


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
    for position, pk in enumerate(ids):
        if not enqueue.send_extraction(Article(pk=pk)):
            unsent = ids[position:]
            Article.objects.filter(pk__in=unsent, extraction_queued_at=now).update(
                extraction_queued_at=cutoff
            )
            logger.warning("sweep: broker unreachable, %d articles wait for the next sweep",
                           len(unsent))
            return position
    logger.info("sweep: re-enqueued %d pending extractions", len(ids))
    return len(ids)
