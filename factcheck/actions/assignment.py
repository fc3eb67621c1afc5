"""Who works on which claim: assign, reassign, release, and the per-reviewer limit.

Each function is one transaction that leaves ReviewEvent rows. The limit of
claims in progress (DeskSettings.max_in_progress) is counted while holding a
row lock on the reviewer's user row, so two take-nexts of the same reviewer, or
a take-next and an editor's assignment to them, are counted one after the other
and never both pass a limit only one of them fits in. The lock order: the
reviewer's user row, then claim rows (by id when several); FOR NO KEY UPDATE,
for the same reason as the article lock (actions/locking.py): a claim's
deferred foreign-key check takes FOR KEY SHARE on its assignee's row, which
NO KEY UPDATE does not block.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from factcheck import roles
from factcheck.actions import history, notifications
from factcheck.actions.locking import retry_on_conflict
from factcheck.actions.review import (
    ClaimActionError,
    NotAllowed,
    lock_for_edit,
)
from factcheck.models import Claim, DeskSettings, Notification, ReviewEvent

# Claims an editor can give to someone: waiting, or already held by someone.
ASSIGNABLE_STATUSES = (Claim.Status.PENDING, *Claim.WORKING_STATUSES)


class LimitReached(ClaimActionError):
    """The reviewer already holds DeskSettings.max_in_progress claims in progress."""


def reviewers() -> QuerySet:
    """Active users who may review (a group's permission, their own, or a superuser)."""
    app_label, codename = roles.REVIEW_PERM.split(".")
    review_perm = Permission.objects.filter(
        codename=codename, content_type__app_label=app_label
    ).values("pk")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(groups__permissions__in=review_perm)
            | Q(user_permissions__in=review_perm)
        )
        .distinct()
        .order_by("username")
    )


def in_progress_count(user: Any) -> int:
    return Claim.objects.filter(assignee=user, status__in=Claim.WORKING_STATUSES).count()


def lock_reviewer(user: Any) -> Any:
    """The reviewer's user row, locked FOR NO KEY UPDATE (see the module's docstring)."""
    return (
        get_user_model()
        .objects.select_for_update(no_key=True)
        .only("pk", "username")
        .get(pk=user.pk)
    )


def room_left(user: Any) -> int:
    """How many more claims the reviewer may hold; call with their row locked."""
    return max(DeskSettings.load().max_in_progress - in_progress_count(user), 0)


def limit_message(user: Any, *, yours: bool) -> str:
    limit = DeskSettings.load().max_in_progress
    if yours:
        return ngettext(
            "You already hold %(limit)d claim in progress: submit or release one first.",
            "You already hold %(limit)d claims in progress: submit or release one first.",
            limit,
        ) % {"limit": limit}
    return ngettext(
        "%(name)s already holds %(limit)d claim in progress.",
        "%(name)s already holds %(limit)d claims in progress.",
        limit,
    ) % {"name": user.get_username(), "limit": limit}


def require_room(user: Any, needed: int = 1, *, yours: bool) -> None:
    """LimitReached unless the reviewer (row locked) has room for `needed` more claims."""
    if room_left(user) < needed:
        raise LimitReached(limit_message(user, yours=yours))


def can_assign(user: Any) -> bool:
    return roles.is_editor(user)


def can_release(user: Any, claim: Claim) -> bool:
    """The assignee gives a claim back to the pool; an editor may do it for them."""
    if claim.status not in Claim.WORKING_STATUSES:
        return False
    return (roles.is_reviewer(user) and claim.assignee_id == user.pk) or roles.is_editor(user)


@retry_on_conflict
def assign_claim(claim: Claim, editor: Any, reviewer: Any) -> Claim:
    """Give the claim to `reviewer` (or move it from its current assignee) and tell them."""
    return assign_claims([claim.pk], editor, reviewer).changed[0]


@retry_on_conflict
def release_claim(claim: Claim, user: Any) -> Claim:
    """Back to the pool, pending and unassigned; the draft verdict and sources are kept."""
    with transaction.atomic():
        current = lock_for_edit(claim)
        if not can_release(user, current):
            raise NotAllowed(_("This claim is not held by you, so you cannot release it."))
        _release(current, user)
    return current


class BulkResult:
    """What a bulk step changed, and how many selected claims it left as they were."""

    def __init__(self, changed: list[Claim], skipped: int) -> None:
        self.changed = changed
        self.skipped = skipped


@retry_on_conflict
def assign_claims(ids: Iterable[int], editor: Any, reviewer: Any) -> BulkResult:
    """Assign every claim of `ids` that can be assigned; refused whole when over the limit."""
    if not can_assign(editor):
        raise NotAllowed(_("Only editors can assign claims."))
    if not roles.is_reviewer(reviewer) or not reviewer.is_active:
        raise NotAllowed(_("%(name)s cannot review claims.") % {"name": reviewer.get_username()})
    with transaction.atomic():
        target = lock_reviewer(reviewer)
        claims = _lock_many(ids)
        movable = [
            c for c in claims if c.status in ASSIGNABLE_STATUSES and c.assignee_id != target.pk
        ]
        if not movable:
            raise NotAllowed(_("None of these claims can be assigned now."))
        require_room(target, len(movable), yours=False)
        for claim in movable:
            _assign_to(claim, editor, target)
        notifications.notify_many(
            [(target, Notification.Kind.ASSIGNED, claim, editor, "") for claim in movable]
        )
    return BulkResult(movable, len(claims) - len(movable))


@retry_on_conflict
def release_claims(ids: Iterable[int], user: Any) -> BulkResult:
    """Release every claim of `ids` the user may release."""
    with transaction.atomic():
        claims = _lock_many(ids)
        released = [c for c in claims if can_release(user, c)]
        if not released:
            raise NotAllowed(_("None of these claims is held by anyone."))
        for claim in released:
            _release(claim, user)
    return BulkResult(released, len(claims) - len(released))


def take_within_limit(user: Any) -> None:
    """Called by take-next and take inside their transaction: lock the taker, check room."""
    require_room(lock_reviewer(user), yours=True)


# --- helpers -----------------------------------------------------------------


def _lock_many(ids: Iterable[int]) -> list[Claim]:
    return list(
        Claim.objects.select_for_update(of=("self",))
        .select_related("assignee")
        .filter(pk__in=list(ids))
        .order_by("pk")
    )


def _assign_to(claim: Claim, editor: Any, reviewer: Any) -> None:
    before = claim.assignee.get_username() if claim.assignee else None
    claim.assignee = reviewer
    events = [
        history.event(
            claim,
            editor,
            ReviewEvent.Action.ASSIGNED,
            before={"assignee": before},
            after={"assignee": reviewer.get_username()},
        )
    ]
    if claim.status == Claim.Status.PENDING:  # a reassigned claim keeps its state
        events.append(history.status_change(claim, editor, Claim.Status.IN_PROGRESS))
    history.save(claim, events)


def _release(claim: Claim, user: Any) -> None:
    before = claim.assignee.get_username() if claim.assignee else None
    claim.assignee = None
    events = [
        history.event(claim, user, ReviewEvent.Action.RELEASED, before={"assignee": before},
                      after={"assignee": None}),
        history.status_change(claim, user, Claim.Status.PENDING),
    ]
    history.save(claim, events)
