"""An article's own life: delete (nobody worked on it) or archive it, restore it, edit it.

Editing the text moves every claim: `edit_article` diffs the old and new text
(factcheck.spans), moves the claims whose words are still there to their new
offsets with their reviewer work, flags the others stale (deleted when nobody
worked on them), then asks for a re-extraction, which finds the moved claims
again by span and text.

Each function is one transaction that locks the article row, then its claims
(actions/locking.py), and leaves history behind (ReviewEvent) - except a
deletion, which removes the article with its history; it is logged instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from factcheck import roles
from factcheck.actions import extraction
from factcheck.actions.locking import lock_article, lock_claims, retry_on_conflict
from factcheck.models import Article, Claim, ReviewEvent
from factcheck.spans import SpanMap

logger = logging.getLogger(__name__)


class ArticleActionError(Exception):
    """A refused step on an article, shown to the editor as a message."""


class NotAllowed(ArticleActionError):
    pass


class HasReviewerWork(ArticleActionError):
    """Deleting would lose reviewer work: archive instead."""


# Raised by edit_article (and request_reextraction) for a published article.
PublishedTextLocked = extraction.PublishedTextLocked


def can_delete(article: Article) -> bool:
    """Nobody worked on its claims and it is not public."""
    return article.status != Article.Status.PUBLISHED and not article.has_reviewer_work()


@retry_on_conflict
def delete_article(article: Article, user: Any) -> None:
    """Delete an article nobody worked on, with its claims, history and stored file."""
    _require_editor(user)
    with transaction.atomic():
        current = lock_article(article.pk)
        # Every claim locked: no take or save can slip in between the check and the delete.
        lock_claims(article.pk)
        if not can_delete(current):
            raise HasReviewerWork(
                _("Reviewers have worked on this article's claims: it can be archived, "
                  "not deleted.")
            )
        stored = current.uploaded_file.name
        current.delete()
        if stored:
            storage = Article._meta.get_field("uploaded_file").storage
            transaction.on_commit(lambda: storage.delete(stored))
    logger.info("article %s (%r) deleted by %s", article.uuid, article.title, user)


@retry_on_conflict
def archive_article(article: Article, user: Any) -> Article:
    """Take the article out of the lists, the queue and the approvals; everything is kept."""
    return _set_archived(article, user, archived=True)


@retry_on_conflict
def restore_article(article: Article, user: Any) -> Article:
    return _set_archived(article, user, archived=False)


def _set_archived(article: Article, user: Any, *, archived: bool) -> Article:
    _require_editor(user)
    with transaction.atomic():
        current = lock_article(article.pk, "archived_at", "title", "uuid")
        if current.is_archived == archived:
            raise NotAllowed(
                _("This article is already archived.") if archived
                else _("This article is not archived.")
            )
        before = current.archived_at
        current.archived_at = timezone.now() if archived else None
        current.save(update_fields=["archived_at", "updated_at"])
        ReviewEvent.objects.create(
            article=current,
            actor=user,
            action=ReviewEvent.Action.ARCHIVED if archived else ReviewEvent.Action.RESTORED,
            before={"archived_at": before.isoformat() if before else None},
            after={"archived_at": current.archived_at.isoformat() if archived else None},
        )
    return current


# What editors change on the edit page (and in the admin, through here too).
EDITABLE = ("title", "body", "published_on", "published_precision", "outlet", "source_url",
            "requested_language")
# What the extractor reads: a change to any of these extracts the claims again.
EXTRACTION_INPUTS = {"body", "published_on", "published_precision", "requested_language"}


@dataclass
class Edit:
    """What an edit changed: field names, and what happened to the claims."""

    changed: list[str] = field(default_factory=list)
    moved: int = 0
    stale: int = 0
    deleted: int = 0
    reextracted: bool = False


@retry_on_conflict
def edit_article(article: Article, user: Any, **fields: Any) -> Edit:
    """Change the article's details; a new text carries reviewer work over (see above).

    Raises django's ValidationError for values the model refuses, and
    extraction.PublishedTextLocked for a published article (nothing saved).
    """
    _require_editor(user)
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"Not editable here: {sorted(unknown)}")
    with transaction.atomic():
        current = lock_article(article.pk)
        # What readers see changes only through a correction, even the title or outlet.
        extraction.require_unpublished(current)
        changed = {name: value for name, value in fields.items()
                   if getattr(current, name) != value}
        edit = Edit(changed=sorted(changed))
        if not changed:
            return edit
        before = {name: _json(getattr(current, name)) for name in changed}
        old_body = current.body
        for name, value in changed.items():
            setattr(current, name, value)
        current.full_clean(exclude=["content_hash", "uploaded_file", "uploaded_by"])
        if "body" in changed:
            _carry_claims(current, old_body, user, edit)
        current.save()
        ReviewEvent.objects.create(
            article=current,
            actor=user,
            action=ReviewEvent.Action.EDITED,
            before=before,
            after={name: _json(value) for name, value in changed.items()}
            | ({"claims": {"moved": edit.moved, "stale": edit.stale, "deleted": edit.deleted}}
               if "body" in changed else {}),
        )
        if EXTRACTION_INPUTS & changed.keys():
            extraction.request_reextraction(current, actor=user)
            edit.reextracted = True
    article.refresh_from_db()
    return edit


def _carry_claims(article: Article, old_body: str, user: Any, edit: Edit) -> None:
    """Move, flag or delete each claim for the new text (the caller holds the article lock)."""
    spans = SpanMap(old_body, article.body)
    moves: list[tuple[Claim, tuple[int, int], tuple[int, int]]] = []
    lost: list[Claim] = []
    for claim in lock_claims(article.pk):
        span = spans.span(claim.start, claim.end)
        if span is None:
            lost.append(claim)
        else:
            moves.append((claim, span, spans.around(claim.sentence_start, claim.sentence_end,
                                                    span)))
    events = _retire_lost(lost, user, edit) + _move(moves, user, edit)
    ReviewEvent.objects.bulk_create(events)


def _retire_lost(lost: list[Claim], user: Any, edit: Edit) -> list[ReviewEvent]:
    """Claims whose words are gone: deleted when untouched, else kept and flagged stale."""
    worked = [claim for claim in lost if claim.has_reviewer_work]
    untouched = [claim.pk for claim in lost if claim not in worked]
    Claim.objects.filter(pk__in=untouched).delete()
    Claim.objects.filter(pk__in=[claim.pk for claim in worked]).update(stale=True)
    edit.deleted, edit.stale = len(untouched), len(worked)
    return [
        _claim_event(claim, user, before={"stale": claim.stale}, after={"stale": True})
        for claim in worked
    ]


def _move(moves: list[tuple[Claim, tuple[int, int], tuple[int, int]]], user: Any,
          edit: Edit) -> list[ReviewEvent]:
    """Put claims on their new offsets. They pass through stale=True first, so that two
    current claims never hold one span in the middle of the update (the unique constraint
    covers current claims only and is checked row by row)."""
    shifted = [(claim, span, sentence) for claim, span, sentence in moves
               if (claim.start, claim.end, claim.sentence_start, claim.sentence_end)
               != (*span, *sentence)]
    if not shifted:
        return []
    Claim.objects.filter(pk__in=[claim.pk for claim, _, _ in shifted]).update(stale=True)
    events = []
    for claim, (start, end), (sentence_start, sentence_end) in shifted:
        if (claim.start, claim.end) != (start, end):
            events.append(_claim_event(claim, user, before={"start": claim.start,
                                                            "end": claim.end},
                                       after={"start": start, "end": end}))
        claim.start, claim.end = start, end
        claim.sentence_start, claim.sentence_end = sentence_start, sentence_end
    # One UPDATE, with each claim's own stale flag back.
    Claim.objects.bulk_update([claim for claim, _, _ in shifted],
                              ["start", "end", "sentence_start", "sentence_end", "stale"])
    edit.moved = len(events)
    return events


def _claim_event(claim: Claim, user: Any, **change: Any) -> ReviewEvent:
    return ReviewEvent(article_id=claim.article_id, claim=claim, actor=user,
                       action=ReviewEvent.Action.EDITED, **change)


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _require_editor(user: Any) -> None:
    if not roles.is_editor(user):
        raise NotAllowed(_("Only editors can delete, archive or edit articles."))


class Received(StrEnum):
    """What sending an article did: a new article, nothing (the same was sent), an update."""

    CREATED = "created"
    UNCHANGED = "unchanged"
    UPDATED = "updated"


def receive_article(user: Any, *, external_id: str | None, **fields: Any) -> tuple[Article, str]:
    """An article sent by another system (the API): created, or found by its `external_id`.

    Sent again with the same `external_id`, the existing article is returned as it is,
    or edited when a field changed (edit_article: a new text moves the claims with their
    reviewer work and extracts again). Raises NotAllowed when an update needs an editor.
    """
    if not external_id:
        return extraction.submit_article(uploaded_by=user, **fields), Received.CREATED
    existing = Article.objects.filter(external_id=external_id).first()
    if existing is None:
        try:
            with transaction.atomic():
                article = extraction.submit_article(
                    uploaded_by=user, external_id=external_id, **fields
                )
            return article, Received.CREATED
        except (IntegrityError, ValidationError) as exc:
            # Sent twice at once: the other request created it first.
            existing = Article.objects.filter(external_id=external_id).first()
            if existing is None:
                raise exc from None
    if all(getattr(existing, name) == value for name, value in fields.items()):
        return existing, Received.UNCHANGED
    edit_article(existing, user, **fields)
    existing.refresh_from_db()
    return existing, Received.UPDATED
