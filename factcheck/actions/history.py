"""The claim's history: the ReviewEvent rows each workflow step writes beside its change.

Shared by the workflow modules (review, assignment): a step builds its events with
`event` or `status_change` while it changes the claim, then `save` writes both.
"""

from __future__ import annotations

from typing import Any

from factcheck.models import Claim, ReviewEvent


def event(
    claim: Claim,
    user: Any,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    comment: str = "",
) -> ReviewEvent:
    return ReviewEvent(
        article_id=claim.article_id,
        claim=claim,
        actor=user,
        action=action,
        before=before,
        after=after,
        comment=comment,
    )


def status_change(claim: Claim, user: Any, status: str, comment: str = "") -> ReviewEvent:
    """Move the claim to `status` and return the event that records the move."""
    before = claim.status
    claim.status = status
    return event(
        claim,
        user,
        ReviewEvent.Action.STATUS,
        before={"status": before},
        after={"status": status},
        comment=comment,
    )


def save(claim: Claim, events: list[ReviewEvent]) -> None:
    """Write the claim with a bumped version (the caller holds its lock) and its history rows."""
    claim.version += 1
    claim.save()
    ReviewEvent.objects.bulk_create(events)
    # What this step added to the history: an HTMX response appends just these.
    claim.recorded_events = events
