"""Put work on the Celery queue without letting a broker outage fail the user's request.

The database is the source of truth and the queue only a wake-up call: an
article whose message could not be sent stays pending in the database
(`extraction_queued_at`), and the sweeper (tasks.sweep_stale_extractions)
sends it again once the broker is back. So a publish that fails is logged
and remembered on the article instance, for the view to tell the editor,
never raised.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import partial
from itertools import batched

import kombu.exceptions
import redis.exceptions
from django.db import transaction

from factcheck.models import Article

logger = logging.getLogger(__name__)

# What a publish raises when the broker is down, refuses us or stops answering.
BROKER_ERRORS: tuple[type[BaseException], ...] = (
    kombu.exceptions.OperationalError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    ConnectionError,
    TimeoutError,
)

# One quick retry: a broker that restarts gets a second chance, a broker that is
# down costs the request a fraction of a second, not the default ~4 attempts.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0.1, "interval_step": 0.2,
                        "interval_max": 0.3}

_DEFERRED = "_extraction_deferred"
# Articles per batch task: big enough that a task's fixed costs (the message, a few queries,
# a transaction) are spread thin, small enough that two worker processes share the work.
EXTRACTION_BATCH_SIZE = 100


def extraction_on_commit(article: Article) -> None:
    """Send the article's extraction once the row is committed (the worker must find it)."""
    transaction.on_commit(partial(send_extraction, article))


def send_extraction(article: Article) -> bool:
    """Send the extraction task now; False (and the article marked deferred) if the broker fails."""
    from factcheck.tasks import extract_article

    try:
        extract_article.apply_async((article.pk,), retry_policy=PUBLISH_RETRY_POLICY)
    except BROKER_ERRORS as exc:
        logger.warning(
            "broker unreachable, article %s stays queued for the sweeper: %s", article.pk, exc
        )
        setattr(article, _DEFERRED, True)
        return False
    return True


def send_notification_emails(ids: list[int]) -> None:
    """Send each notification's email task; on a broker failure the sweeper sends it later."""
    from factcheck.tasks import email_notification

    for position, pk in enumerate(ids):
        try:
            email_notification.apply_async((pk,), retry_policy=PUBLISH_RETRY_POLICY)
        except BROKER_ERRORS as exc:
            logger.warning("broker unreachable, %d notification emails wait for the sweeper: %s",
                           len(ids) - position, exc)
            return


def deferred(article: Article) -> bool:
    """True when this article's extraction could not be sent: the broker was unreachable."""
    return getattr(article, _DEFERRED, False)


def enqueue_extraction_batch(article_ids: Iterable[int]) -> None:
    """Send the articles' extractions as batch tasks once the rows are committed.

    For many articles at once (an import, the API): one task per
    EXTRACTION_BATCH_SIZE articles instead of one per article. The articles must
    be pending (`extraction_queued_at` set), so the sweeper sends whatever a
    broker outage kept from going.
    """
    transaction.on_commit(partial(send_extraction_batch, list(article_ids)))


def send_extraction_batch(article_ids: list[int]) -> int:
    """Send batch tasks now; how many articles went (the rest wait for the sweeper)."""
    from factcheck.tasks import extract_articles

    sent = 0
    for chunk in batched(article_ids, EXTRACTION_BATCH_SIZE):
        try:
            extract_articles.apply_async((list(chunk),), retry_policy=PUBLISH_RETRY_POLICY)
        except BROKER_ERRORS as exc:
            logger.warning("broker unreachable, %d articles stay queued for the sweeper: %s",
                           len(article_ids) - sent, exc)
            return sent
        sent += len(chunk)
    return sent
