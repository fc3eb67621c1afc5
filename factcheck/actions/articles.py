"""An article's own life: delete (nobody worked on it) or archive it, restore it, edit it.

Each function is one transaction that locks the article row, then its claims
(actions/locking.py), and leaves history behind (ReviewEvent) - except a
deletion, which removes the article with its history; it is logged instead.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from factcheck import roles
from factcheck.actions.locking import lock_article, lock_claims, retry_on_conflict
from factcheck.models import Article, ReviewEvent

logger = logging.getLogger(__name__)


class ArticleActionError(Exception):
    """A refused step on an article, shown to the editor as a message."""


class NotAllowed(ArticleActionError):
    pass


class HasReviewerWork(ArticleActionError):
    """Deleting would lose reviewer work: archive instead."""


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


def _require_editor(user: Any) -> None:
    if not roles.is_editor(user):
        raise NotAllowed(_("Only editors can delete, archive or edit articles."))
