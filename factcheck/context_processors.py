"""Names every template may use: the models' enums, so templates compare with
`ClaimStatus.APPROVED` rather than a literal "approved" that a rename would silently break.
(TextChoices are marked do_not_call_in_templates, so members resolve as values.)"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import cached_property

from factcheck.models import Article, Claim

ENUMS = {
    "ArticleStatus": Article.Status,
    "DatePrecision": Article.DatePrecision,
    "ClaimStatus": Claim.Status,
}


def enums(request: HttpRequest) -> dict[str, Any]:
    return ENUMS


def notifications(request: HttpRequest) -> dict[str, Any]:
    """The top bar's unread count for newsroom staff, counted only if a template shows it."""
    from factcheck import roles

    user = getattr(request, "user", None)
    if user is None or not roles.is_staff_member(user):
        return {}
    return {"unread_notifications": UnreadCount(user)}


class UnreadCount:
    """One COUNT on first use (a full page's top bar); fragments never touch it."""

    def __init__(self, user: Any) -> None:
        self.user = user

    @cached_property
    def value(self) -> int:
        from factcheck.models import Notification

        return Notification.objects.filter(recipient=self.user, read_at__isnull=True).count()
