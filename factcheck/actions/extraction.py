"""The extraction lifecycle: upload, enqueue, mark extracting / failed, apply the claims.

Each function is one transaction and leaves history behind (ReviewEvent).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from factcheck.actions.locking import lock_article, lock_articles, lock_claims_of, retry_on_conflict
from factcheck.api import webhooks
from factcheck.api.models import WebhookEvent
from factcheck.extraction import EXTRACTOR_VERSION
from factcheck.extraction import Claim as ExtractedClaim
from factcheck.models import Article, Claim, ReviewEvent

ClaimKey = tuple[str, int, int]
logger = logging.getLogger(__name__)


def submit_article(*, uploaded_by: Any = None, **fields: Any) -> Article:
    """Save a new article and enqueue its extraction once the row is committed."""
    with transaction.atomic():
        article = Article(uploaded_by=uploaded_by, extraction_queued_at=timezone.now(), **fields)
        article.full_clean(exclude=["content_hash"])
        article.save()
        enqueue_extraction(article)
    return article


def submit_upload(*, upload: Any = None, uploaded_by: Any = None, **fields: Any) -> Article:
    """submit_article, keeping the uploaded file; the file is removed if the row is not saved.

    The file is written only once the row is valid and inserted, so a refused
    upload leaves nothing on disk; a failure after the write deletes it again.
    """
    stored = ""
    try:
        with transaction.atomic():
            article = submit_article(uploaded_by=uploaded_by, **fields)
            if upload is not None:
                upload.seek(0)
                article.uploaded_file.save(upload.name, upload, save=False)
                stored = article.uploaded_file.name
                article.save(update_fields=["uploaded_file", "updated_at"])
    except BaseException:
        if stored:
            Article._meta.get_field("uploaded_file").storage.delete(stored)
        raise
    return article


def enqueue_extraction(article: Article) -> None:
    """Queue the extraction after commit: the worker must find the committed row."""
    from factcheck import enqueue

    enqueue.extraction_on_commit(article)


class PublishedTextLocked(Exception):
    """A published article's text is what readers saw: it changes only through a correction."""

    def __init__(self) -> None:
        super().__init__(_(
            "This article is published: its text and claims cannot change without a "
            "correction. Unpublish it first, or correct a claim through its correction form."
        ))


def require_unpublished(article: Article) -> None:
    if article.status == Article.Status.PUBLISHED:
        raise PublishedTextLocked()


def request_reextraction(article: Article, *, actor: Any) -> None:
    """Mark the article's extraction pending and queue it; refused for a published article."""
    with transaction.atomic():
        current = lock_article(article.pk, "status")
        require_unpublished(current)
        before, after = current.status, Article.Status.QUEUED
        now = timezone.now()
        Article.objects.filter(pk=article.pk).update(
            status=after, failure_reason="", extraction_queued_at=now, updated_at=now
        )
        article.status, article.extraction_queued_at = after, now
        ReviewEvent.objects.create(
            article=article,
            actor=actor,
            action=ReviewEvent.Action.STATUS,
            before={"status": before},
            after={"status": after},
            comment="re-extraction requested",
        )
        enqueue_extraction(article)


def mark_extracting(article_id: int) -> bool:
    """Move the article to `extracting` (a published one keeps its status and is left alone
    by apply_extraction); False when gone."""
    articles = Article.objects.filter(pk=article_id)
    moved = articles.exclude(status=Article.Status.PUBLISHED).update(
        status=Article.Status.EXTRACTING, failure_reason="", updated_at=timezone.now()
    )
    return bool(moved) or articles.exists()


def mark_extracting_many(article_ids: list[int]) -> None:
    """mark_extracting for a batch, in one query."""
    Article.objects.filter(pk__in=article_ids).exclude(status=Article.Status.PUBLISHED).update(
        status=Article.Status.EXTRACTING, failure_reason="", updated_at=timezone.now()
    )


def drop_published_extractions(article_ids: list[int]) -> None:
    """Forget the extractions queued before these articles were published: they would change
    what readers see (apply_extraction checks again under the lock)."""
    Article.objects.filter(pk__in=article_ids, status=Article.Status.PUBLISHED).update(
        extraction_queued_at=None, updated_at=timezone.now()
    )


def mark_failed(article_id: int, reason: str, *, queued_at: Any = None) -> None:
    """`failed` with the reason, unless a newer request superseded the one that failed."""
    articles = Article.objects.filter(pk=article_id)
    if queued_at is not None:
        articles = articles.filter(extraction_queued_at=queued_at)
    articles.update(
        status=Article.Status.FAILED,
        failure_reason=reason[:2000],
        extraction_queued_at=None,
        updated_at=timezone.now(),
    )


class ExtractionSuperseded(Exception):
    """The article was queued again while this extraction ran: the newer task does the work."""


@dataclass(frozen=True)
class Extraction:
    """One article's fresh extraction, to apply: what the task found and what it read."""

    article_id: int
    claims: list[ExtractedClaim]
    lang: str
    queued_at: Any = None


class Outcome(StrEnum):
    DONE = "done"
    SUPERSEDED = "superseded"  # queued again meanwhile: the newer task does the work
    CHANGED = "changed"  # the text was edited since it was read: its new extraction is queued
    MISSING = "missing"  # deleted meanwhile
    PUBLISHED = "published"  # readers see its claims: they change only through a correction


def apply_extraction(
    article_id: int, extracted: Iterable[ExtractedClaim], lang: str, *, queued_at: Any = None
) -> Article:
    """Replace one article's claims with a fresh extraction, in one transaction.

    Claims are keyed by (kind, start, end) and their text: a claim found again
    keeps its row, so its reviewer's work survives; a claim no longer found is
    deleted when nobody touched it and kept, flagged stale, when somebody did.
    (The text matters once the body was edited: other words may now sit at a
    claim's old offsets, and a verdict must not move onto them.)

    With `queued_at` (what the task read), a newer request (the text may have
    changed) raises ExtractionSuperseded and nothing is written; a deleted
    article raises Article.DoesNotExist.
    """
    outcomes, articles = _apply(
        [Extraction(article_id, list(extracted), lang, queued_at)]
    )
    if outcomes[article_id] == Outcome.SUPERSEDED:
        raise ExtractionSuperseded(article_id)
    if outcomes[article_id] == Outcome.MISSING:
        raise Article.DoesNotExist(article_id)
    return articles[article_id]


def apply_extractions(extractions: list[Extraction]) -> dict[int, Outcome]:
    """apply_extraction for many articles in one transaction, in queries that do not grow
    with the batch.

    The batch tasks' write: the articles are locked in one query, their claims in
    another; the new claims are written with one bulk_create, those found again with
    one bulk_update, those no longer found with a delete and an update; the articles
    with one UPDATE per (status, language) and their events with one bulk_create.
    """
    return _apply(extractions)[0]


@retry_on_conflict
@transaction.atomic
def _apply(extractions: list[Extraction]) -> tuple[dict[int, Outcome], dict[int, Article]]:
    """Lock the articles (by id), then their claims (actions/locking.py): a reviewer's save
    in flight finishes first, and the claims are read as it committed them, so "nobody
    touched it" is decided on current data."""
    ids = [extraction.article_id for extraction in extractions]
    articles = lock_articles(ids)
    outcomes = {pk: Outcome.MISSING for pk in ids}
    applied: list[tuple[Article, Extraction, dict[ClaimKey, ExtractedClaim]]] = []
    for extraction in extractions:
        article = articles.get(extraction.article_id)
        if article is None:
            continue
        fresh = {(c.kind, c.start, c.end): c for c in extraction.claims}
        outcome = _applicable(article, extraction, fresh)
        outcomes[article.pk] = outcome
        if outcome == Outcome.DONE:
            applied.append((article, extraction, fresh))
    published = [pk for pk, outcome in outcomes.items() if outcome == Outcome.PUBLISHED]
    if published:
        drop_published_extractions(published)
    if not applied:
        return outcomes, articles
    claims = lock_claims_of([article.pk for article, _, _ in applied])
    matches = [(_found_again(claims.get(article.pk, []), fresh), fresh)
               for article, _, fresh in applied]
    # Retired first: a claim flagged stale frees its span for a new claim on other words.
    missing = [claim for (article, _, _), (existing, _) in zip(applied, matches, strict=True)
               for claim in claims.get(article.pk, []) if existing.get(_key(claim)) is not claim]
    worked = {claim.pk for claim in _retire_missing(missing)}
    _update_found_again([article for article, _, _ in applied], matches)
    created = _create_new([article for article, _, _ in applied], matches)
    kept = [[*existing.values(),
             *(claim for claim in claims.get(article.pk, []) if claim.pk in worked)]
            for (article, _, _), (existing, _) in zip(applied, matches, strict=True)]
    _mark_extracted(applied, kept, created)
    return outcomes, articles


def _mark_extracted(applied: list[tuple[Article, Extraction, dict]], kept: list[list[Claim]],
                    created: dict[int, int]) -> None:
    """Each article's new status, its pending mark cleared, and an EXTRACTED event."""
    now = timezone.now()
    events = []
    finished: dict[tuple[str, str], list[int]] = {}  # (status, language) -> article ids
    for (article, extraction, fresh), claims in zip(applied, kept, strict=True):
        statuses = [c.status for c in claims] + [Claim.Status.PENDING] * created[article.pk]
        article.language = extraction.lang
        article.status = _status_after_extraction(article.status, statuses)
        article.failure_reason = ""
        article.extractor_version = EXTRACTOR_VERSION
        article.extracted_at = article.updated_at = now
        article.extraction_queued_at = None
        finished.setdefault((article.status, article.language), []).append(article.pk)
        events.append(ReviewEvent(
            article=article,
            action=ReviewEvent.Action.EXTRACTED,
            after={"claims": len(fresh), "new": created[article.pk],
                   "extractor_version": EXTRACTOR_VERSION},
        ))
    # One UPDATE per (status, language): a batch has one or two, and a plain UPDATE costs far
    # less than bulk_update's CASE over every row.
    for (status, language), pks in finished.items():
        Article.objects.filter(pk__in=pks).update(
            status=status, language=language, failure_reason="",
            extractor_version=EXTRACTOR_VERSION, extracted_at=now, extraction_queued_at=None,
            updated_at=now,
        )
    ReviewEvent.objects.bulk_create(events)
    webhooks.emit_many(WebhookEvent.ARTICLE_EXTRACTED, [
        webhooks.article_data(article, len(fresh)) for article, _, fresh in applied
    ])


def _applicable(article: Article, extraction: Extraction, fresh: dict) -> Outcome:
    if extraction.queued_at is not None and article.extraction_queued_at != extraction.queued_at:
        return Outcome.SUPERSEDED
    if article.status == Article.Status.PUBLISHED:
        # Queued before it was published (or an old message): the pending mark is dropped.
        logger.info("apply_extraction: article %s is published, left as it is", article.pk)
        return Outcome.PUBLISHED
    if any(article.body[c.start : c.end] != c.text for c in fresh.values()):
        # Extracted from a text edited since (actions.articles.edit_article), which queued
        # an extraction of the new one: these offsets would put claims on the wrong words.
        logger.info("apply_extraction: article %s changed since it was read", article.pk)
        return Outcome.CHANGED
    return Outcome.DONE


def _key(claim: Claim) -> ClaimKey:
    return (claim.kind, claim.start, claim.end)


def _found_again(claims: list[Claim], fresh: dict[ClaimKey, Any]) -> dict[ClaimKey, Claim]:
    """The stored claim each fresh one is, by span and text: the current claim on the span,
    else a stale one that had the same words there (found again after all)."""
    current = {_key(c): c for c in claims if not c.stale}
    stale = {(*_key(c), c.text): c for c in claims if c.stale}
    matched = {}
    for key, found in fresh.items():
        text = found.text[:500]
        claim = current.get(key)
        if claim is None or claim.text != text:
            claim = stale.pop((*key, text), None)
        if claim is not None:
            matched[key] = claim
    return matched


def _update_found_again(
    articles: list[Article], matches: list[tuple[dict[ClaimKey, Claim], dict]]
) -> None:
    changed = []
    for article, (existing, fresh) in zip(articles, matches, strict=True):
        for key in existing.keys() & fresh.keys():
            claim, found = existing[key], fresh[key]
            claim.text = found.text[:500]
            claim.sentence_start = found.sentence_start
            claim.sentence_end = found.sentence_end
            claim.sentence_text = article.body[found.sentence_start : found.sentence_end]
            claim.extracted_value = found.value
            claim.extractor_version = EXTRACTOR_VERSION
            claim.stale = False
            changed.append(claim)
    if changed:
        Claim.objects.bulk_update(changed, [
            "text", "sentence_start", "sentence_end", "sentence_text", "extracted_value",
            "extractor_version", "stale",
        ])


def _create_new(
    articles: list[Article], matches: list[tuple[dict[ClaimKey, Claim], dict]]
) -> dict[int, int]:
    """Insert the claims found for the first time; how many, by article id."""
    new = [
        Claim(
            article=article,
            kind=found.kind,
            start=found.start,
            end=found.end,
            text=found.text[:500],
            sentence_start=found.sentence_start,
            sentence_end=found.sentence_end,
            sentence_text=article.body[found.sentence_start : found.sentence_end],
            extracted_value=found.value,
            extractor_version=EXTRACTOR_VERSION,
        )
        for article, (existing, fresh) in zip(articles, matches, strict=True)
        for key, found in fresh.items()
        if key not in existing
    ]
    Claim.objects.copy_create(new)
    created = dict.fromkeys((article.pk for article in articles), 0)
    for claim in new:
        created[claim.article_id] += 1
    return created


def _retire_missing(missing: list[Claim]) -> list[Claim]:
    """Delete the claims no longer found that nobody touched; flag and return the others."""
    if not missing:
        return []
    worked = [c for c in missing if c.has_reviewer_work]
    Claim.objects.filter(pk__in=[c.pk for c in missing if c not in worked]).delete()
    if worked:
        Claim.objects.filter(pk__in=[c.pk for c in worked]).update(stale=True)
    return worked


def _status_after_extraction(current: str, claim_statuses: list[str]) -> str:
    """`checked` when every remaining claim is settled, else `in_review`; published stays.

    No claim at all is `checked` too: there is nothing to review, and `in_review`
    would wait for ever (the article page says no checkable claim was found).
    """
    if current == Article.Status.PUBLISHED:
        return current
    if not any(status in Claim.OPEN_STATUSES for status in claim_statuses):
        return Article.Status.CHECKED
    return Article.Status.IN_REVIEW
