"""Publishing: publish, unpublish, correct a published claim, reopen a claim before publishing.

Each function is one transaction that locks the article row, then the claims
it changes (actions/locking.py's order), and leaves ReviewEvent history. The
refusals are actions.review's (NotAllowed, MissingEvidence, StaleClaim), so
views/refusals.py turns them into responses the same way.

- publish: a `checked` article becomes `published`; its approved claims get
  their public number (kept for good: a claim URL never changes) and their
  publication date. The slug is given once, from the title, and never changes.
- unpublish (with a reason): the article goes back to `checked`; its public
  URLs answer 410 Gone with the reason. Publishing again brings the same URLs back.
- correct: a published claim's verdict, explanation or sources change, with a
  public note. The event keeps the earlier verdict, explanation and sources in
  `before`: the public page lists every correction, and nothing said is lost.
- reopen: before publishing, an approved or dismissed claim goes back to work
  (its reviewer, or the queue), with a reason; the article is in review again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from factcheck import roles
from factcheck.actions.locking import lock_article, retry_on_conflict
from factcheck.actions.review import (
    MissingEvidence,
    NotAllowed,
    StaleClaim,
    validate_source,
    verdict_json,
)
from factcheck.api import webhooks
from factcheck.api.models import WebhookEvent
from factcheck.models import Article, Claim, ReviewEvent, Source, Verdict

SLUG_MAX = 80
# Public URLs beside /fact-checks/<slug>/ that a slug must not shadow.
RESERVED_SLUGS = frozenset({"feed", "data", "page"})
# The `change` of a factcheck.published delivery (unpublishing sends none).
FACT_CHECK_PUBLISHED, FACT_CHECK_CORRECTED = "published", "corrected"


def can_publish(user: Any, article: Article) -> bool:
    return roles.is_editor(user) and article.status == Article.Status.CHECKED


def can_unpublish(user: Any, article: Article) -> bool:
    return roles.is_editor(user) and article.status == Article.Status.PUBLISHED


def can_correct(user: Any, claim: Claim) -> bool:
    return (
        roles.is_editor(user)
        and claim.status == Claim.Status.APPROVED
        and claim.public_number is not None
        and claim.article.status == Article.Status.PUBLISHED
    )


def can_reopen(user: Any, claim: Claim) -> bool:
    return (
        roles.is_editor(user)
        and claim.status in (Claim.Status.APPROVED, Claim.Status.DISMISSED)
        and claim.article.status != Article.Status.PUBLISHED
    )


@retry_on_conflict
def publish_article(article: Article, user: Any) -> Article:
    """Make a checked article public with its approved claims."""
    _require_editor(user)
    with transaction.atomic():
        current = lock_article(article.pk)
        if current.status != Article.Status.CHECKED:
            raise NotAllowed(_("Only a checked article can be published."))
        claims = list(
            Claim.objects.select_for_update(of=("self",))
            .current()
            .filter(article_id=current.pk, status=Claim.Status.APPROVED)
            .order_by("start", "end", "id")
        )
        if not claims:
            raise NotAllowed(_("This article has no approved claim to publish."))
        now = timezone.now()
        _number_claims(current, claims, now)
        before = {"status": current.status}
        current.slug = current.slug or unique_slug(current.title)
        current.status = Article.Status.PUBLISHED
        current.first_published_at = current.first_published_at or now
        current.public_updated_at = now
        current.unpublished_at = None
        current.save(update_fields=["slug", "status", "first_published_at", "public_updated_at",
                                    "unpublished_at", "updated_at"])
        _article_event(current, user, ReviewEvent.Action.PUBLISHED, before,
                       {"status": current.status, "slug": current.slug,
                        "claims": [claim.public_number for claim in claims]})
        webhooks.emit(WebhookEvent.FACTCHECK_PUBLISHED,
                      webhooks.fact_check_data(current, FACT_CHECK_PUBLISHED))
    return current


@retry_on_conflict
def unpublish_article(article: Article, user: Any, *, reason: str) -> Article:
    """Take a published article off the public site; its URLs then say why (410)."""
    _require_editor(user)
    reason = reason.strip()
    if not reason:
        raise MissingEvidence({"reason": _("Say why the fact-check is unpublished.")})
    with transaction.atomic():
        current = lock_article(article.pk)
        if current.status != Article.Status.PUBLISHED:
            raise NotAllowed(_("This article is not published."))
        current.status = Article.Status.CHECKED
        current.unpublished_at = timezone.now()
        current.unpublish_reason = reason
        current.save(update_fields=["status", "unpublished_at", "unpublish_reason", "updated_at"])
        _article_event(current, user, ReviewEvent.Action.UNPUBLISHED,
                       {"status": Article.Status.PUBLISHED}, {"status": current.status},
                       comment=reason)
    return current


@retry_on_conflict
def correct_claim(
    claim: Claim,
    user: Any,
    *,
    version: int,
    note: str,
    verdict: Verdict | None,
    explanation: str,
    new_source: dict[str, Any] | None = None,
    remove_sources: tuple[Any, ...] = (),
) -> Claim:
    """Correct a published claim; `note` is shown to readers with the earlier verdict."""
    errors = {}
    if not note.strip():
        errors["note"] = _("Write the public note that explains the correction.")
    if verdict is None:
        errors["verdict"] = _("Choose a verdict.")
    if not explanation.strip():
        errors["explanation"] = _("Explain the verdict.")
    if errors:
        raise MissingEvidence(errors)
    with transaction.atomic():
        article = lock_article(claim.article_id)
        current = _lock_claim(claim, version)
        current.article = article
        if not can_correct(user, current):
            raise NotAllowed(_("Only a published claim can be corrected, by an editor."))
        before = _public_record(current)
        removed = list(current.sources.filter(uuid__in=remove_sources))
        source = _new_source(current, user, new_source)
        if len(removed) == len(before["sources"]) and source is None:
            raise MissingEvidence({"__all__": _("A verdict needs at least one source.")})
        current.verdict, current.explanation = verdict, explanation.strip()
        changed = (
            verdict.pk != (before["verdict"] or {}).get("id")
            or current.explanation != before["explanation"]
            or removed
            or source
        )
        if not changed:
            raise MissingEvidence({"__all__": _("Nothing was changed: there is nothing to "
                                                "correct.")})
        for old in removed:
            old.delete()
        if source is not None:
            source.save()
        now = timezone.now()
        current.public_modified_at = now
        current.version += 1
        current.save()
        Article.objects.filter(pk=article.pk).update(public_updated_at=now, updated_at=now)
        article.public_updated_at = now
        ReviewEvent.objects.create(
            article_id=article.pk, claim=current, actor=user,
            action=ReviewEvent.Action.CORRECTION, before=before,
            after=_public_record(current), comment=note.strip(),
        )
        # Subscribers hold the published ClaimReview data: they get the corrected one.
        webhooks.emit(WebhookEvent.FACTCHECK_PUBLISHED,
                      webhooks.fact_check_data(article, FACT_CHECK_CORRECTED))
    return current


@retry_on_conflict
def reopen_claim(claim: Claim, user: Any, *, version: int, reason: str) -> Claim:
    """Send an approved or dismissed claim back to work before the article is published."""
    reason = reason.strip()
    if not reason:
        raise MissingEvidence({"reason": _("Say why the claim is reopened.")})
    with transaction.atomic():
        article = lock_article(claim.article_id)
        current = _lock_claim(claim, version)
        current.article = article
        if not can_reopen(user, current):
            raise NotAllowed(_("Only an approved or dismissed claim of an unpublished article "
                               "can be reopened."))
        before = {"status": current.status, "reason": current.dismiss_reason or None}
        # Back to its reviewer; a claim nobody holds (an editor's dismissal) to the queue.
        target = Claim.Status.IN_PROGRESS if current.assignee_id else Claim.Status.PENDING
        current.status = target
        current.dismiss_reason, current.dismiss_note = "", ""
        current.version += 1
        current.save()
        ReviewEvent.objects.create(
            article_id=article.pk, claim=current, actor=user, action=ReviewEvent.Action.REOPENED,
            before=before, after={"status": target}, comment=reason,
        )
        if article.status == Article.Status.CHECKED:
            article.status = Article.Status.IN_REVIEW
            article.save(update_fields=["status", "updated_at"])
            _article_event(article, user, ReviewEvent.Action.STATUS,
                           {"status": Article.Status.CHECKED}, {"status": article.status})
    return current


def unique_slug(title: str) -> str:
    """A slug from the title, unique among articles (-2, -3 ... when taken)."""
    base = slugify(title)[:SLUG_MAX].strip("-") or "fact-check"
    if base in RESERVED_SLUGS:
        base = f"{base}-fact-check"
    taken = set(
        Article.objects.filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


# --- helpers -----------------------------------------------------------------


def _require_editor(user: Any) -> None:
    if not roles.is_editor(user):
        raise NotAllowed(_("Only editors can publish, unpublish or correct fact-checks."))


def _lock_claim(claim: Claim, version: int) -> Claim:
    try:
        current = (
            Claim.objects.select_for_update(of=("self",))
            .select_related("verdict")
            .get(pk=claim.pk)
        )
    except Claim.DoesNotExist:
        raise NotAllowed(_("This claim no longer exists.")) from None
    if current.version != version:
        raise StaleClaim(current)
    return current


def _number_claims(article: Article, claims: list[Claim], now: dt.datetime) -> None:
    """Public numbers in text order for claims published for the first time, after the
    numbers already given (a number, once public, stays with its claim)."""
    used = Claim.objects.filter(article_id=article.pk, public_number__isnull=False)
    next_number = max(used.values_list("public_number", flat=True), default=0) + 1
    for claim in claims:
        if claim.public_number is None:
            claim.public_number, next_number = next_number, next_number + 1
        claim.published_at = claim.published_at or now
    Claim.objects.bulk_update(claims, ["public_number", "published_at"])


def _new_source(claim: Claim, user: Any, fields: dict[str, Any] | None) -> Source | None:
    if not fields or not fields.get("url"):
        return None
    source = Source(claim=claim, added_by=user, **fields)
    validate_source(source)
    return source


def _public_record(claim: Claim) -> dict[str, Any]:
    """What readers saw of the claim: kept whole in a correction's history."""
    return {
        "verdict": verdict_json(claim.verdict),
        "explanation": claim.explanation,
        "sources": [
            {
                "url": source.url,
                "title": source.title,
                "publisher": source.publisher,
                "quoted_passage": source.quoted_passage,
                "accessed_on": source.accessed_on.isoformat() if source.accessed_on else None,
            }
            for source in claim.sources.order_by("created_at", "id")
        ],
    }


def _article_event(article: Article, user: Any, action: str, before: dict[str, Any],
                   after: dict[str, Any], comment: str = "") -> None:
    ReviewEvent.objects.create(article=article, actor=user, action=action, before=before,
                               after=after, comment=comment)
