"""Multi-model writes. Each function is one transaction and leaves history behind."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from factcheck import roles
from factcheck.extraction import EXTRACTOR_VERSION
from factcheck.extraction import Claim as ExtractedClaim
from factcheck.models import Article, Claim, ReviewEvent, Source, Verdict

ClaimKey = tuple[str, int, int]


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


def request_reextraction(article: Article, *, actor: Any) -> None:
    """Mark the article's extraction pending and queue it; a published article stays published."""
    with transaction.atomic():
        before = article.status
        after = before if before == Article.Status.PUBLISHED else Article.Status.QUEUED
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
    """Move the article to `extracting` (a published one keeps its status); False when gone."""
    articles = Article.objects.filter(pk=article_id)
    moved = articles.exclude(status=Article.Status.PUBLISHED).update(
        status=Article.Status.EXTRACTING, failure_reason="", updated_at=timezone.now()
    )
    return bool(moved) or articles.exists()


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


@transaction.atomic
def apply_extraction(
    article_id: int, extracted: Iterable[ExtractedClaim], lang: str, *, queued_at: Any = None
) -> Article:
    """Replace the article's claims with a fresh extraction, in one transaction.

    Claims are keyed by (kind, start, end): a claim found again keeps its row,
    so its reviewer's work survives; a claim no longer found is deleted when
    nobody touched it and kept, flagged stale, when somebody did. With
    `queued_at` (what the task read), a newer request (the text may have
    changed) raises ExtractionSuperseded and nothing is written.
    """
    # The body is not needed here: leave its kilobytes in the database.
    article = Article.objects.select_for_update().defer("body").get(pk=article_id)
    if queued_at is not None and article.extraction_queued_at != queued_at:
        raise ExtractionSuperseded(article_id)
    existing = {(c.kind, c.start, c.end): c for c in article.claims.all()}
    fresh = {(c.kind, c.start, c.end): c for c in extracted}
    _update_found_again(existing, fresh)
    created = _create_new(article, existing, fresh)
    kept = [c for key, c in existing.items() if key in fresh] + _retire_missing(existing, fresh)
    statuses = [c.status for c in kept] + [Claim.Status.PENDING] * created
    article.language = lang
    article.status = _status_after_extraction(article.status, statuses)
    article.failure_reason = ""
    article.extractor_version = EXTRACTOR_VERSION
    article.extracted_at = timezone.now()
    article.extraction_queued_at = None
    article.save(update_fields=[
        "language", "status", "failure_reason", "extractor_version", "extracted_at",
        "extraction_queued_at", "updated_at",
    ])
    ReviewEvent.objects.create(
        article=article,
        action=ReviewEvent.Action.EXTRACTED,
        after={"claims": len(fresh), "new": created, "extractor_version": EXTRACTOR_VERSION},
    )
    return article


def _update_found_again(existing: dict[ClaimKey, Claim], fresh: dict[ClaimKey, Any]) -> None:
    changed = []
    for key in existing.keys() & fresh.keys():
        claim, found = existing[key], fresh[key]
        claim.text = found.text
        claim.sentence_start = found.sentence_start
        claim.sentence_end = found.sentence_end
        claim.extracted_value = found.value
        claim.extractor_version = EXTRACTOR_VERSION
        claim.stale = False
        changed.append(claim)
    Claim.objects.bulk_update(
        changed,
        ["text", "sentence_start", "sentence_end", "extracted_value", "extractor_version", "stale"],
    )


def _create_new(article: Article, existing: dict[ClaimKey, Claim], fresh: dict) -> int:
    new = [
        Claim(
            article=article,
            kind=found.kind,
            start=found.start,
            end=found.end,
            text=found.text[:500],
            sentence_start=found.sentence_start,
            sentence_end=found.sentence_end,
            extracted_value=found.value,
            extractor_version=EXTRACTOR_VERSION,
        )
        for key, found in fresh.items()
        if key not in existing
    ]
    Claim.objects.bulk_create(new)
    return len(new)


def _retire_missing(existing: dict[ClaimKey, Claim], fresh: dict) -> list[Claim]:
    """Delete the claims no longer found that nobody touched; flag and return the others."""
    missing = [claim for key, claim in existing.items() if key not in fresh]
    worked = [c for c in missing if c.has_reviewer_work]
    Claim.objects.filter(pk__in=[c.pk for c in missing if c not in worked]).delete()
    Claim.objects.filter(pk__in=[c.pk for c in worked]).update(stale=True)
    return worked


def _status_after_extraction(current: str, claim_statuses: list[str]) -> str:
    """`checked` when every remaining claim is settled, else `in_review`; published stays.

    No claim at all is `checked` too: there is nothing to review, and `in_review`
    would wait for ever (the article page says no checkable claim was found).
    """
    if current == Article.Status.PUBLISHED:
        return current
    settled = (Claim.Status.APPROVED, Claim.Status.DISMISSED)
    if all(status in settled for status in claim_statuses):
        return Article.Status.CHECKED
    return Article.Status.IN_REVIEW


# =============================================================================
# Claim workflow: take, review, sources, submit, dismiss, approve, send back.
#
# Every function below is one transaction. It locks the claim row
# (SELECT ... FOR UPDATE) and compares the version the form was built from
# with the stored one, so a stale form never overwrites newer work; the
# exceptions below carry what a view needs to show a form error instead of
# a 500. Functions that can finish an article lock the article row FIRST,
# the same order apply_extraction uses, so the two never deadlock and two
# concurrent last approvals cannot both miss that the article is done.
# =============================================================================


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
    """The assignee, or any editor, edits a claim while it is in progress."""
    if claim.status != Claim.Status.IN_PROGRESS or not roles.is_reviewer(user):
        return False
    return claim.assignee_id == user.pk or roles.is_editor(user)


def can_dismiss_claim(user: Any, claim: Claim) -> bool:
    """Editors may also dismiss a claim nobody took (e.g. an obvious extraction error)."""
    if can_edit_claim(user, claim):
        return True
    open_statuses = (Claim.Status.PENDING, Claim.Status.IN_PROGRESS, Claim.Status.SUBMITTED)
    return roles.is_editor(user) and claim.status in open_statuses


def take_next_claim(
    user: Any, *, kind: str = "", language: str = "", article: Article | None = None
) -> Claim | None:
    """Assign the oldest unassigned pending claim (within the filters) to `user`.

    SKIP LOCKED lets concurrent reviewers pass over a row another transaction
    is taking instead of queueing behind it; PostgreSQL re-checks the WHERE
    clause on the locked row, so a claim taken meanwhile is never handed out
    twice. None when nothing is left.
    """
    if not roles.is_reviewer(user):
        raise NotAllowed(_("Only reviewers can take claims."))
    with transaction.atomic():
        claim = (
            Claim.objects.pending()
            .filter(assignee__isnull=True)
            .queue_filter(kind=kind, language=language, article=article)
            .order_by("id")
            .select_for_update(skip_locked=True, of=("self",))
            .first()
        )
        if claim is None:
            return None
        _assign(claim, user)
    return claim


def take_claim(claim: Claim, user: Any) -> Claim:
    """Take one given claim; refused when somebody else got it first."""
    with transaction.atomic():
        current = _lock(claim)
        if not can_take_claim(user, current):
            raise NotAllowed(_("This claim is no longer waiting for a reviewer."))
        _assign(current, user)
    return current


def save_review(
    claim: Claim,
    user: Any,
    *,
    version: int,
    verdict: Verdict | None,
    explanation: str,
    value: dict[str, Any] | None = None,
    submit: bool = False,
) -> Claim:
    """Save a draft: verdict, explanation and (optionally) a corrected value.

    With `submit`, also hand the claim to the editors; refused (nothing saved)
    without a verdict, an explanation and a source.
    """
    with transaction.atomic():
        current = _lock(claim, version)
        _require_editable(current, user)
        if submit:
            _require_evidence(current, verdict, explanation)
        events = _apply_review(current, user, verdict, explanation, value)
        if submit:
            events.append(_status_change(current, user, Claim.Status.SUBMITTED))
        _save(current, events)
    return current


def submit_claim(claim: Claim, user: Any, **review: Any) -> Claim:
    """Save what the form holds and hand the claim to the editors (see save_review)."""
    return save_review(claim, user, submit=True, **review)


def add_source(claim: Claim, user: Any, **fields: Any) -> Source:
    """Attach a source.

    Sources are rows of their own: adding one cannot overwrite anybody's
    work, so it takes no version and does not bump it (an inline add must
    not turn the reviewer's open verdict form stale). The claim row is still
    locked so that a concurrent submit or approval sees a consistent list.
    """
    with transaction.atomic():
        current = _lock(claim)
        _require_editable(current, user)
        source = Source(claim=current, added_by=user, **fields)
        _validate_source(source)
        source.save()
        ReviewEvent.objects.create(
            article_id=current.article_id,
            claim=current,
            actor=user,
            action=ReviewEvent.Action.SOURCE_ADDED,
            after=_source_json(source),
        )
    return source


def remove_source(claim: Claim, user: Any, source_uuid: Any) -> None:
    with transaction.atomic():
        current = _lock(claim)
        _require_editable(current, user)
        source = current.sources.filter(uuid=source_uuid).first()
        if source is None:
            raise NotAllowed(_("This source was already removed."))
        ReviewEvent.objects.create(
            article_id=current.article_id,
            claim=current,
            actor=user,
            action=ReviewEvent.Action.SOURCE_REMOVED,
            before=_source_json(source),
        )
        source.delete()


def dismiss_claim(claim: Claim, user: Any, *, version: int, reason: str, note: str) -> Claim:
    errors = {}
    if reason not in Claim.DismissReason.values:
        errors["reason"] = _("Choose why the claim is dismissed.")
    if not note.strip():
        errors["note"] = _("Add a note for the editors.")
    if errors:
        raise MissingEvidence(errors)
    with transaction.atomic():
        article = _lock_article(claim)
        current = _lock(claim, version)
        if not can_dismiss_claim(user, current):
            raise NotAllowed(_("You cannot dismiss this claim."))
        current.dismiss_reason = reason
        event = _status_change(current, user, Claim.Status.DISMISSED, comment=note.strip())
        event.after["reason"] = reason
        _save(current, [event])
        _finish_article_if_done(article, user)
    return current


def approve_claim(claim: Claim, user: Any, *, version: int) -> Claim:
    """Approve a submitted verdict; the article becomes `checked` when nothing is left open."""
    with transaction.atomic():
        article = _lock_article(claim)
        current = _lock(claim, version)
        _require_submitted_for_editor(current, user)
        _save(current, [_status_change(current, user, Claim.Status.APPROVED)])
        _finish_article_if_done(article, user)
    return current


def send_back(claim: Claim, user: Any, *, version: int, comment: str) -> Claim:
    """Return a submitted claim to its reviewer with a required comment."""
    if not comment.strip():
        raise MissingEvidence({"comment": _("Say what the reviewer should change.")})
    with transaction.atomic():
        current = _lock(claim, version)
        _require_submitted_for_editor(current, user)
        # A reviewer whose account was deleted leaves no assignee: back to the pool.
        target = Claim.Status.IN_PROGRESS if current.assignee_id else Claim.Status.PENDING
        events = [
            _status_change(current, user, target),
            _event(current, user, ReviewEvent.Action.COMMENT, comment=comment.strip()),
        ]
        _save(current, events)
    return current


# --- helpers -----------------------------------------------------------------


def _lock(claim: Claim, version: int | None = None) -> Claim:
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
    return Article.objects.select_for_update().only("id", "status").get(pk=claim.article_id)


def _save(claim: Claim, events: list[ReviewEvent]) -> None:
    """Write the claim with a bumped version (we hold its lock) and its history rows."""
    claim.version += 1
    claim.save()
    ReviewEvent.objects.bulk_create(events)
    # What this step added to the history: an HTMX response appends just these.
    claim.recorded_events = events


def _require_editable(claim: Claim, user: Any) -> None:
    if claim.status != Claim.Status.IN_PROGRESS:
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


def _validate_source(source: Source) -> None:
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
        _event(
            claim,
            user,
            ReviewEvent.Action.ASSIGNED,
            before={"assignee": before},
            after={"assignee": user.get_username()},
        ),
        _status_change(claim, user, Claim.Status.IN_PROGRESS),
    ]
    _save(claim, events)


def _apply_review(
    claim: Claim,
    user: Any,
    verdict: Verdict | None,
    explanation: str,
    value: dict[str, Any] | None,
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
    if after:
        events.append(_event(claim, user, ReviewEvent.Action.VERDICT, before, after))
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
        _event(
            claim, user, ReviewEvent.Action.VALUE, before={"value": before}, after={"value": value}
        )
    ]


def _status_change(claim: Claim, user: Any, status: str, comment: str = "") -> ReviewEvent:
    before = claim.status
    claim.status = status
    return _event(
        claim,
        user,
        ReviewEvent.Action.STATUS,
        before={"status": before},
        after={"status": status},
        comment=comment,
    )


def _event(
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
