"""Row locks in one order everywhere, and retries for the conflicts PostgreSQL still breaks.

The order: an article row first, then its claim rows (by id when several).
A batch (apply_extractions) locks its articles by id, then all their claims.

- A write that spans an article and its claims (apply_extraction, approving or
  dismissing the last open claim, editing the text, deleting an article) locks
  the article with `lock_article`, then the claims it touches.
- A write to one claim (save, take, sources, send back) locks only that claim.
  Its foreign keys are still checked at commit (Django's constraints are
  DEFERRABLE INITIALLY DEFERRED), which takes FOR KEY SHARE on the article row
  while the claim's lock is held: the one lock that runs against the order.

That is why the article lock is FOR NO KEY UPDATE, not FOR UPDATE. The two
protect the row the same way against every other writer of it, but FOR NO KEY
UPDATE does not conflict with FOR KEY SHARE: a claim's commit never waits for
an article holder, so it cannot close a cycle with one that waits for the
claim. (With FOR UPDATE it did: the reviewer held the claim and waited for the
article at commit, apply_extraction held the article and waited for the claim;
PostgreSQL broke the cycle with "deadlock detected" after deadlock_timeout.)
Only deleting an article takes its FOR UPDATE lock, and it does so after
locking every claim of the article, so no claim holder is left to wait for.

Anything PostgreSQL still has to break (a deadlock, or a serialization failure
under a stricter isolation level) is retried by `retry_on_conflict`: the whole
transaction was rolled back, so running it again is safe.
"""

from __future__ import annotations

import functools
import logging
import random
import time
from collections.abc import Callable

from django.db import OperationalError, transaction

from factcheck.models import Article, Claim

logger = logging.getLogger(__name__)

# SQLSTATEs of a transaction PostgreSQL rolled back to break a conflict.
CONFLICT_STATES = {"40P01", "40001"}  # deadlock_detected, serialization_failure
ATTEMPTS = 5


def lock_article(article_id: int, *fields: str) -> Article:
    """The article row, locked FOR NO KEY UPDATE (see above); `fields` limits the columns read."""
    articles = Article.objects.select_for_update(no_key=True)
    if fields:
        articles = articles.only("id", *fields)
    return articles.get(pk=article_id)


def lock_claims(article_id: int) -> list[Claim]:
    """Every claim of the article, locked in id order, as committed now (after any wait)."""
    return list(
        Claim.objects.filter(article_id=article_id).select_for_update(of=("self",)).order_by("pk")
    )


def lock_articles(article_ids: list[int]) -> dict[int, Article]:
    """Several article rows, locked as lock_article does, in id order (two batches that
    share articles wait for each other instead of deadlocking); missing ids are absent."""
    articles = Article.objects.select_for_update(no_key=True).filter(pk__in=article_ids)
    return {article.pk: article for article in articles.order_by("pk")}


def lock_claims_of(article_ids: list[int]) -> dict[int, list[Claim]]:
    """lock_claims for several articles in one query: each article's claims in id order."""
    claims: dict[int, list[Claim]] = {}
    rows = Claim.objects.filter(article_id__in=article_ids).select_for_update(of=("self",))
    for claim in rows.order_by("pk"):
        claims.setdefault(claim.article_id, []).append(claim)
    return claims


def is_conflict(exc: BaseException) -> bool:
    cause = exc.__cause__
    return getattr(cause, "sqlstate", None) in CONFLICT_STATES


def retry_on_conflict[**P, R](func: Callable[P, R]) -> Callable[P, R]:
    """Run `func` (one transaction) again when PostgreSQL rolled it back to break a conflict.

    Only at the outermost level: inside a caller's transaction the whole of it
    was rolled back, so the caller's own retry (or its caller's) must start over.
    """

    @functools.wraps(func)
    def retried(*args: P.args, **kwargs: P.kwargs) -> R:
        if transaction.get_connection().in_atomic_block:
            return func(*args, **kwargs)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return func(*args, **kwargs)
            except OperationalError as exc:
                if not is_conflict(exc) or attempt == ATTEMPTS:
                    raise
                logger.warning("%s: %s; retry %d", func.__qualname__, exc, attempt)
                time.sleep(_backoff(attempt))
        raise AssertionError("unreachable")

    return retried


def _backoff(attempt: int) -> float:
    """A few milliseconds, doubling, with jitter so that the two sides do not meet again."""
    return random.uniform(0.5, 1.5) * 0.005 * 2**attempt

