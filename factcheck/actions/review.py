"""The claim workflow: take, review, sources, submit, dismiss, approve, send back.

Every function is one transaction. It locks the claim row
(SELECT ... FOR UPDATE) and compares the version the form was built from
with the stored one, so a stale form never overwrites newer work; the
exceptions below carry what a view needs to show a form error instead of
a 500 (views/refusals.py maps them to responses). Functions that can finish
an article lock the article row FIRST, the same order and mode apply_extraction
uses (actions/locking.py explains both), so two concurrent last approvals cannot
both miss that the article is done. A conflict PostgreSQL still breaks is
retried (`retry_on_conflict`), never a 500. Every change leaves a ReviewEvent.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from factcheck import roles
from factcheck.actions import history, notifications
from factcheck.actions.locking import lock_article, retry_on_conflict
from factcheck.api import webhooks
from factcheck.api.models import WebhookEvent
from factcheck.models import (
    Article,
    Claim,
    DeskSettings,
    Notification,
    ReviewEvent,
    Source,
    Verdict,
)

# save_review(verified=KEEP): the form did not carry a verified value; leave it alone.
KEEP = object()


class ClaimActionError(Exception):
    """Base class: a refused workflow step, shown to the user as an error."""


class StaleClaim(ClaimActionError):
    """The claim changed since the form was loaded; `current` is the stored row."""

    def __init__(self, current: Claim) -> None:
        self.current = current
        super().__init__(_("Someone changed this claim since you opened it."))


class NotAllowed(ClaimActionError):
    """The user may not do this, or the claim is no longer in a state that allows it."""


class MissingEvidence(ClaimActionError):
    """Required input is missing; `errors` maps a form field (or "__all__") to a message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors.values()))


def can_take_claim(user: Any, claim: Claim) -> bool:
    return (
        roles.is_reviewer(user)
        and claim.status == Claim.Status.PENDING
        and claim.assignee_id is None
    )


def can_edit_claim(user: Any, claim: Claim) -> bool:
    """The assignee, or any editor, edits a claim while it is in progress (or sent back)."""
    if claim.status not in Claim.WORKING_STATUSES or not roles.is_reviewer(user):
        return False
    return claim.assignee_id == user.pk or roles.is_editor(user)


def can_dismiss_claim(user: Any, claim: Claim) -> bool:
    """Editors may also dismiss a claim nobody took (e.g. an obvious extraction error)."""
    if can_edit_claim(user, claim):
        return True
    return roles.is_editor(user) and claim.status in Claim.OPEN_STATUSES


@retry_on_conflict
def take_next_claim(
    user: Any, *, kind: str = "", language: str = "", article: Article | None = None
) -> Claim | None:
    """Assign the oldest unassigned pending claim (within the filters) to `user`.

    SKIP LOCKED lets concurrent reviewers pass over a row another transaction
    is taking instead of queueing behind it; PostgreSQL re-checks the WHERE
    clause on the locked row, so a claim taken meanwhile is never handed out
    twice. When every candidate is locked (an extraction of their article locks
    all its claims for a moment), it waits for the first one instead of saying
    that nothing is left. None when nothing is left.
    """
    from factcheck.actions.assignment import take_within_limit  # assignment imports us

    if not roles.is_reviewer(user):
        raise NotAllowed(_("Only reviewers can take claims."))
    candidates = (
        Claim.objects.pending()
        .filter(assignee__isnull=True)
        .queue_filter(kind=kind, language=language, article=article)
        .order_by("id")
    )
    with transaction.atomic():
        take_within_limit(user)  # raises LimitReached; locks the taker's row first
        claim = candidates.select_for_update(skip_locked=True, of=("self",)).first()
        if claim is None:
            claim = candidates.select_for_update(of=("self",)).first()
        if claim is None:
            return None
        _assign(claim, user)
    return claim


@retry_on_conflict
def take_claim(claim: Claim, user: Any) -> Claim:
    """Take one given claim; refused when somebody else got it first."""
    from factcheck.actions.assignment import take_within_limit  # assignment imports us

    with transaction.atomic():
        if can_take_claim(user, claim):  # else the refusal below says why, not the limit
            take_within_limit(user)
        current = lock_for_edit(claim)
        if not can_take_claim(user, current):
            raise NotAllowed(_("This claim is no longer waiting for a reviewer."))
        _assign(current, user)
    return current


@retry_on_conflict
def save_review(
    claim: Claim,
    user: Any,
    *,
    version: int,
    verdict: Verdict | None,
    explanation: str,
    value: dict[str, Any] | None = None,
    verified: Any = KEEP,
    claimant: Any = KEEP,
    submit: bool = False,
) -> Claim:
    """Save a draft: verdict, explanation, (optionally) a corrected value, what the
    record says (`verified`: a value, None to clear it, KEEP to leave it as it is) and
    who made the claim (`claimant`: a name, "" for the outlet, KEEP to leave it).

    With `submit`, also hand the claim to the editors; refused (nothing saved)
    without a verdict, an explanation and a source.
    """
    with transaction.atomic():
        current = lock_for_edit(claim, version)
        _require_editable(current, user)
        if submit:
            _require_evidence(current, verdict, explanation)
        events = _apply_review(current, user, verdict, explanation, value, claimant)
        if verified is not KEEP:
            events.extend(_apply_verified(current, user, verified))
        if submit:
            events.append(history.status_change(current, user, Claim.Status.SUBMITTED))
        history.save(current, events)
    return current


def submit_claim(claim: Claim, user: Any, **review: Any) -> Claim:
    """Save what the form holds and hand the claim to the editors (see save_review)."""
    return save_review(claim, user, submit=True, **review)


@retry_on_conflict
def add_source(claim: Claim, user: Any, **fields: Any) -> Source:
    """Attach a source.

    Sources are rows of their own: adding one cannot overwrite anybody's
    work, so it takes no version and does not bump it (an inline add must
    not turn the reviewer's open verdict form stale). The claim row is still
    locked so that a concurrent submit or approval sees a consistent list.
    """
    with transaction.atomic():
        current = lock_for_edit(claim)
        _require_editable(current, user)
        source = Source(claim=current, added_by=user, **fields)
        validate_source(source)
        source.save()
        added = _source_json(source)
        history.event(current, user, ReviewEvent.Action.SOURCE_ADDED, after=added).save()
    return source


@retry_on_conflict
def remove_source(claim: Claim, user: Any, source_uuid: Any) -> None:
    with transaction.atomic():
        current = lock_for_edit(claim)
        _require_editable(current, user)
        source = current.sources.filter(uuid=source_uuid).first()
        if source is None:
            raise NotAllowed(_("This source was already removed."))
        removed = _source_json(source)
        history.event(current, user, ReviewEvent.Action.SOURCE_REMOVED, before=removed).save()
        source.delete()


@retry_on_conflict
def reuse_sources(claim: Claim, user: Any, earlier: Claim) -> list[Source]:
    """Copy the sources of an earlier judged claim onto this one, skipping URLs it has;
    one history row per copied source, saying where it came from."""
    with transaction.atomic():
        current = lock_for_edit(claim)
        _require_editable(current, user)
        have = set(current.sources.values_list("url", flat=True))
        copied = [
            Source(
                claim=current, added_by=user, url=source.url, title=source.title,
                publisher=source.publisher, quoted_passage=source.quoted_passage,
                accessed_on=source.accessed_on,
            )
            for source in earlier.sources.all()
            if source.url not in have
        ]
        if not copied:
            raise NotAllowed(_("This claim already has all of those sources."))
        Source.objects.bulk_create(copied)
        comment = _("Reused from an earlier claim: %(url)s") % {"url": earlier.get_absolute_url()}
        ReviewEvent.objects.bulk_create([
            history.event(current, user, ReviewEvent.Action.SOURCE_ADDED,
                          after=_source_json(source), comment=comment)
            for source in copied
        ])
    return copied


def dismissal_needs_approval(user: Any) -> bool:
    """A reviewer's dismissal goes to the approvals (setting); an editor's applies at once."""
    return settings.FACTCHECK_DISMISSAL_NEEDS_APPROVAL and not roles.is_editor(user)


@retry_on_conflict
def dismiss_claim(claim: Claim, user: Any, *, version: int, reason: str, note: str) -> Claim:
    """Dismiss the claim, or (a reviewer's, see dismissal_needs_approval) submit the dismissal."""
    errors = {}
    if reason not in Claim.DismissReason.values:
        errors["reason"] = _("Choose why the claim is dismissed.")
    if not note.strip():
        errors["note"] = _("Add a note for the editors.")
    if errors:
        raise MissingEvidence(errors)
    with transaction.atomic():
        article = _lock_article(claim)
        current = lock_for_edit(claim, version)
        if not can_dismiss_claim(user, current):
            raise NotAllowed(_("You cannot dismiss this claim."))
        proposed = dismissal_needs_approval(user)
        current.dismiss_reason, current.dismiss_note = reason, note.strip()
        status = Claim.Status.SUBMITTED if proposed else Claim.Status.DISMISSED
        event = history.status_change(current, user, status, comment=note.strip())
        event.after["reason"] = reason
        history.save(current, [event])
        if not proposed:
            _finish_article_if_done(article, user)
    return current


@retry_on_conflict
def dismiss_claims(ids: list[int], user: Any, *, reason: str, note: str) -> tuple[list[Claim], int]:
    """An editor's bulk dismissal: every open claim of `ids`, with one reason and note.

    One transaction: the claims' articles are locked first (in id order), then the
    claims, the order every writer keeps (actions/locking.py). Returns the dismissed
    claims and how many of `ids` were left as they were (no longer open).
    """
    if not roles.is_editor(user):
        raise NotAllowed(_("Only editors can dismiss claims in bulk."))
    if reason not in Claim.DismissReason.values or not note.strip():
        raise MissingEvidence({"__all__": _("Choose a reason and add a note.")})
    with transaction.atomic():
        article_ids = sorted(
            set(Claim.objects.filter(pk__in=ids).values_list("article_id", flat=True))
        )
        articles = [lock_article(pk, "status") for pk in article_ids]
        claims = list(
            Claim.objects.select_for_update(of=("self",)).filter(pk__in=ids).order_by("pk")
        )
        dismissed = [c for c in claims if c.status in Claim.OPEN_STATUSES]
        for claim in dismissed:
            claim.dismiss_reason, claim.dismiss_note = reason, note.strip()
            event = history.status_change(claim, user, Claim.Status.DISMISSED, comment=note.strip())
            event.after["reason"] = reason
            history.save(claim, [event])
        for article in articles:
            _finish_article_if_done(article, user)
    return dismissed, len(claims) - len(dismissed)


@retry_on_conflict
def approve_claim(claim: Claim, user: Any, *, version: int) -> Claim:
    """Approve a submitted verdict, or a proposed dismissal (the claim is then dismissed);
    the article becomes `checked` when nothing is left open."""
    with transaction.atomic():
        article = _lock_article(claim)
        current = lock_for_edit(claim, version)
        _require_submitted_for_editor(current, user)
        _require_second_pair_of_eyes(current, user)
        decided = Claim.Status.DISMISSED if current.dismissal_proposed else Claim.Status.APPROVED
        event = history.status_change(current, user, decided)
        if decided == Claim.Status.DISMISSED:
            event.after["reason"] = current.dismiss_reason
        history.save(current, [event])
        if decided == Claim.Status.APPROVED:
            notifications.notify(current.assignee, Notification.Kind.APPROVED, current, user)
        _finish_article_if_done(article, user)
        if decided == Claim.Status.APPROVED:
            webhooks.emit(WebhookEvent.CLAIM_APPROVED, webhooks.claim_data(current))
    return current


@retry_on_conflict
def send_back(claim: Claim, user: Any, *, version: int, comment: str) -> Claim:
    """Return a submitted claim (verdict or proposed dismissal) to its reviewer with a
    required comment; a refused dismissal is withdrawn, its reason kept in the history."""
    if not comment.strip():
        raise MissingEvidence({"comment": _("Say what the reviewer should change.")})
    with transaction.atomic():
        current = lock_for_edit(claim, version)
        _require_submitted_for_editor(current, user)
        # A reviewer whose account was deleted leaves no assignee: back to the pool.
        target = Claim.Status.SENT_BACK if current.assignee_id else Claim.Status.PENDING
        refused_dismissal = current.dismissal_proposed
        status_event = history.status_change(current, user, target)
        if refused_dismissal:
            status_event.before["reason"] = current.dismiss_reason
            current.dismiss_reason, current.dismiss_note = "", ""
        events = [
            status_event,
            history.event(current, user, ReviewEvent.Action.COMMENT, comment=comment.strip()),
        ]
        history.save(current, events)
        notifications.notify(
            current.assignee, Notification.Kind.SENT_BACK, current, user, comment.strip()
        )
    return current


# --- helpers -----------------------------------------------------------------


def lock_for_edit(claim: Claim, version: int | None = None) -> Claim:
    """Re-read the claim under a row lock; StaleClaim when `version` is outdated."""
    try:
        current = (
            Claim.objects.select_for_update(of=("self",))
            .select_related("verdict", "assignee")
            .get(pk=claim.pk)
        )
    except Claim.DoesNotExist:
        raise NotAllowed(_("This claim no longer exists.")) from None
    if version is not None and current.version != version:
        raise StaleClaim(current)
    return current


def _lock_article(claim: Claim) -> Article:
    return lock_article(claim.article_id, "status")


def _require_editable(claim: Claim, user: Any) -> None:
    if claim.status not in Claim.WORKING_STATUSES:
        raise NotAllowed(
            _("This claim is %(status)s and can no longer be edited here.")
            % {"status": claim.get_status_display().lower()}
        )
    if not can_edit_claim(user, claim):
        raise NotAllowed(_("Only the assigned reviewer or an editor can edit this claim."))


def _require_submitted_for_editor(claim: Claim, user: Any) -> None:
    if not roles.is_editor(user):
        raise NotAllowed(_("Only editors can approve or send back claims."))
    if claim.status != Claim.Status.SUBMITTED:
        raise NotAllowed(_("This claim is no longer waiting for approval."))


def reviewed_by(claim: Claim, user: Any) -> bool:
    """Whether `user` reviewed the claim: its reviewer, or the author of its verdict or value."""
    if claim.assignee_id == user.pk:
        return True
    mine = claim.events.filter(actor=user, action__in=ReviewEvent.REVIEW_ACTIONS)
    return mine.exists()


def _require_second_pair_of_eyes(claim: Claim, user: Any) -> None:
    if DeskSettings.load().second_pair_of_eyes and reviewed_by(claim, user):
        raise NotAllowed(
            _("You reviewed this claim yourself: another editor must approve it.")
        )


def _require_evidence(claim: Claim, verdict: Verdict | None, explanation: str) -> None:
    errors = {}
    if verdict is None:
        errors["verdict"] = _("Choose a verdict before submitting.")
    if not explanation.strip():
        errors["explanation"] = _("Explain the verdict before submitting.")
    if not claim.sources.exists():
        errors["__all__"] = _("Add at least one source before submitting.")
    if errors:
        raise MissingEvidence(errors)


def validate_source(source: Source) -> None:
    try:
        # Foreign keys and uniqueness are ours to get right: skip their queries.
        source.full_clean(exclude=["claim", "added_by", "uuid"], validate_unique=False)
    except ValidationError as exc:
        raise MissingEvidence({f: " ".join(m) for f, m in exc.message_dict.items()}) from exc
    # The model's URLField also accepts ftp://; sources are links readers follow.
    if not source.url.lower().startswith(("http://", "https://")):
        raise MissingEvidence({"url": _("Enter an http:// or https:// address.")})


def _assign(claim: Claim, user: Any) -> None:
    before = claim.assignee.get_username() if claim.assignee else None
    claim.assignee = user
    events = [
        history.event(
            claim,
            user,
            ReviewEvent.Action.ASSIGNED,
            before={"assignee": before},
            after={"assignee": user.get_username()},
        ),
        history.status_change(claim, user, Claim.Status.IN_PROGRESS),
    ]
    history.save(claim, events)


def _apply_review(
    claim: Claim,
    user: Any,
    verdict: Verdict | None,
    explanation: str,
    value: dict[str, Any] | None,
    claimant: Any = KEEP,
) -> list[ReviewEvent]:
    events = []
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    if verdict != claim.verdict:
        before["verdict"], after["verdict"] = verdict_json(claim.verdict), verdict_json(verdict)
        claim.verdict = verdict
    if explanation != claim.explanation:
        before["explanation"], after["explanation"] = claim.explanation, explanation
        claim.explanation = explanation
    if claimant is not KEEP and claimant.strip() != claim.claimant:
        before["claimant"], after["claimant"] = claim.claimant, claimant.strip()
        claim.claimant = claimant.strip()
    if after:
        events.append(history.event(claim, user, ReviewEvent.Action.VERDICT, before, after))
    if value is not None:
        events.extend(_apply_value(claim, user, value))
    return events


def _apply_value(claim: Claim, user: Any, value: dict[str, Any]) -> list[ReviewEvent]:
    if value == claim.value:
        return []
    before = claim.value
    # Setting the extractor's own reading back clears the correction.
    claim.corrected_value = None if value == claim.extracted_value else value
    return [
        history.event(
            claim, user, ReviewEvent.Action.VALUE, before={"value": before}, after={"value": value}
        )
    ]


def _apply_verified(claim: Claim, user: Any, verified: dict[str, Any] | None) -> list:
    if verified == claim.verified_value:
        return []
    before, claim.verified_value = claim.verified_value, verified
    return [
        history.event(claim, user, ReviewEvent.Action.VERIFIED, before={"value": before},
                      after={"value": verified})
    ]


def _finish_article_if_done(article: Article, user: Any) -> None:
    """`checked` once every claim is approved or dismissed (caller holds the article lock)."""
    if article.status != Article.Status.IN_REVIEW:
        return
    claims = Claim.objects.filter(article_id=article.pk)
    if not claims.exists() or claims.open().exists():
        return
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.CHECKED, updated_at=timezone.now()
    )
    ReviewEvent.objects.create(
        article=article,
        actor=user,
        action=ReviewEvent.Action.STATUS,
        before={"status": article.status},
        after={"status": Article.Status.CHECKED},
    )
    article.status = Article.Status.CHECKED


def verdict_json(verdict: Verdict | None) -> dict[str, Any] | None:
    """A verdict as history keeps it: both labels, so it reads well in either language."""
    if verdict is None:
        return None
    return {"id": verdict.pk, "en": verdict.label_en, "fr": verdict.label_fr}


def _source_json(source: Source) -> dict[str, Any]:
    return {"url": source.url, "title": source.title, "publisher": source.publisher}
