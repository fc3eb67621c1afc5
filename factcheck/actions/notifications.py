"""Notifications: written in the caller's transaction, emailed by a task after commit.

The row is the source of truth: the in-app list reads it at once, and the email
task (tasks.email_notification) is only enqueued once the row is committed. A
broker outage loses no notification: the row stays unsent (`emailed_at` empty)
and the sweeper (tasks.sweep_unsent_notifications) sends it again later.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone

from factcheck import enqueue
from factcheck.models import Claim, Notification

# (recipient, kind, claim, actor, comment)
Item = tuple[Any, str, Claim, Any, str]


def notify(recipient: Any, kind: str, claim: Claim, actor: Any, comment: str = "") -> None:
    notify_many([(recipient, kind, claim, actor, comment)])


def notify_many(items: list[Item]) -> list[Notification]:
    """One row per item, except what a user did to themselves; emails enqueued on commit."""
    rows = [
        Notification(recipient=recipient, kind=kind, claim=claim, actor=actor, comment=comment)
        for recipient, kind, claim, actor, comment in items
        if recipient is not None and getattr(actor, "pk", None) != recipient.pk
    ]
    if not rows:
        return []
    created = Notification.objects.bulk_create(rows)
    ids = [row.pk for row in created]
    transaction.on_commit(partial(enqueue.send_notification_emails, ids))
    return created


def mark_read(user: Any, ids: list[int] | None = None) -> int:
    """Mark the user's unread notifications (all, or those of `ids`) read; how many."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
