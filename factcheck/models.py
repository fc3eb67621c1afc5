"""Articles, their claims, sources, the verdict scale and the review history."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from factcheck import claim_kinds
from factcheck.querysets import ArticleQuerySet, ClaimQuerySet, EventQuerySet, ImportJobQuerySet
from factcheck.readable_dates import local_date


def content_hash(body: str) -> str:
    """Hash of the text with whitespace normalised, to flag duplicate uploads."""
    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()


class Language(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        EXTRACTING = "extracting", _("Extracting")
        IN_REVIEW = "in_review", _("In review")
        CHECKED = "checked", _("Checked")
        PUBLISHED = "published", _("Published")
        FAILED = "failed", _("Failed")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"))
    requested_language = models.CharField(
        _("requested language"),
        max_length=2,
        choices=Language.choices,
        blank=True,
        help_text=_("Empty means detect automatically."),
    )
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, blank=True)
    published_on = models.DateField(_("publication date"), null=True, blank=True)
    published_precision = models.CharField(
        _("publication date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    source_url = models.URLField(_("source URL"), max_length=1000, blank=True)
    outlet = models.CharField(_("outlet"), max_length=200, blank=True)
    # The newsroom system's own id for the article: an import or an API call that sends
    # it again finds this article instead of creating a second one. Unique when set.
    external_id = models.CharField(
        _("external ID"), max_length=200, null=True, blank=True, unique=True
    )
    uploaded_file = models.FileField(_("uploaded file"), upload_to="articles/%Y/%m/", blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="uploaded_articles",
        null=True,
        blank=True,
    )
    content_hash = models.CharField(
        _("content hash"), max_length=64, db_index=True, editable=False
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    failure_reason = models.TextField(_("failure reason"), blank=True)
    extractor_version = models.CharField(_("extractor version"), max_length=20, blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True)
    # Archived: out of the lists, the queue and the approvals, its claims and history kept.
    # A flag beside the status, not a status: the article stays where its workflow was.
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    # Set while an extraction is pending (requested, not finished), whatever the status:
    # a published article keeps its status while it is extracted again. The sweeper
    # re-enqueues what stays pending too long; the task compares it to what it read.
    extraction_queued_at = models.DateTimeField(
        _("extraction queued at"), null=True, blank=True, editable=False
    )
    # Publishing (actions/publishing.py): the slug is given once, at the first publication,
    # and never changes; an unpublished article keeps it and answers 410 with the reason.
    slug = models.SlugField(_("slug"), max_length=120, unique=True, null=True, blank=True,
                            editable=False)
    first_published_at = models.DateTimeField(_("first published at"), null=True, blank=True,
                                              editable=False)
    public_updated_at = models.DateTimeField(
        _("public page updated at"), null=True, blank=True, editable=False,
        help_text=_("Last publication or correction: the public pages' Last-Modified."),
    )
    unpublished_at = models.DateTimeField(_("unpublished at"), null=True, blank=True,
                                          editable=False)
    unpublish_reason = models.TextField(_("reason for unpublishing"), blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            # The few archived articles, for the queue's "not archived" subquery.
            models.Index(
                fields=["archived_at"],
                condition=Q(archived_at__isnull=False),
                name="article_archived_idx",
            ),
            # The sweeper's scan: only pending rows are in it.
            models.Index(
                fields=["extraction_queued_at"],
                name="article_pending_idx",
                condition=Q(extraction_queued_at__isnull=False),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_precision__in=["day", "month"]),
                name="article_precision_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "body" in update_fields:
            self.content_hash = content_hash(self.body)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "content_hash"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("factcheck:article", kwargs={"uuid": self.uuid})

    def get_public_url(self) -> str:
        return reverse("factcheck:public_article", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status == self.Status.PUBLISHED and bool(self.slug)

    @property
    def published_for_extraction(self) -> str | None:
        """The anchor the extractor takes: YYYY-MM-DD, or YYYY-MM at month precision."""
        if self.published_on is None:
            return None
        if self.published_precision == self.DatePrecision.MONTH:
            return self.published_on.strftime("%Y-%m")
        return self.published_on.isoformat()

    @property
    def uploaded_file_name(self) -> str:
        """The stored file's name without the storage folders."""
        return PurePath(self.uploaded_file.name).name if self.uploaded_file else ""

    @property
    def is_busy(self) -> bool:
        """True while the worker has not finished with the article yet."""
        return self.extraction_queued_at is not None or self.status in (
            self.Status.QUEUED,
            self.Status.EXTRACTING,
        )

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def has_reviewer_work(self) -> bool:
        """Whether any claim was taken, judged, corrected or sourced: then it is archived,
        never deleted."""
        return self.claims.with_reviewer_work().exists()

    def duplicates(self) -> ArticleQuerySet:
        return Article.objects.filter(content_hash=self.content_hash).exclude(pk=self.pk)


class Verdict(models.Model):
    """One row of the editable verdict scale."""

    label_en = models.CharField(_("label (English)"), max_length=60)
    label_fr = models.CharField(_("label (French)"), max_length=60)
    rating = models.PositiveSmallIntegerField(
        _("ClaimReview rating"),
        null=True,
        blank=True,
        help_text=_("1 (false) to 5 (true); empty when the claim cannot be rated."),
    )
    colour = models.CharField(_("colour"), max_length=7, default="#888888")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("verdict")
        verbose_name_plural = _("verdict scale")
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="verdict_rating_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(colour__regex=r"^#[0-9a-fA-F]{6}$"), name="verdict_colour_hex"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_in(get_language() or "en")

    def label_in(self, language: str) -> str:
        return self.label_fr if language.startswith("fr") else self.label_en


class ClaimStatus(models.TextChoices):
    """Claim.Status; defined at module level so that Claim.Meta's constraints can name it."""

    PENDING = "pending", _("Pending")
    IN_PROGRESS = "in_progress", _("In progress")
    # In progress again after an editor returned it with a comment: its own state, so the
    # queue can badge it and "assigned to me" can list it first.
    SENT_BACK = "sent_back", _("Sent back")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    DISMISSED = "dismissed", _("Dismissed")


class Claim(models.Model):
    # DATE, VOTE_RESULT, MEETING_COUNT ...: one member per registered kind.
    Kind = models.TextChoices("Kind", claim_kinds.choices())

    Status = ClaimStatus
    # Claims that still need work before their article is checked.
    OPEN_STATUSES = (Status.PENDING, Status.IN_PROGRESS, Status.SENT_BACK, Status.SUBMITTED)
    # Held by a reviewer who works on it: editable, and counted against their limit.
    WORKING_STATUSES = (Status.IN_PROGRESS, Status.SENT_BACK)

    class DismissReason(models.TextChoices):
        NOT_CHECKABLE = "not_checkable", _("Not checkable")
        EXTRACTION_ERROR = "extraction_error", _("Extraction error")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="claims"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    start = models.PositiveIntegerField(_("start"))
    end = models.PositiveIntegerField(_("end"))
    text = models.CharField(_("text"), max_length=500)
    sentence_start = models.PositiveIntegerField(_("sentence start"))
    sentence_end = models.PositiveIntegerField(_("sentence end"))
    # A copy of body[sentence_start:sentence_end], written with the offsets: "checked
    # before" ranks by it (pg_trgm) and search reads it, both without the article bodies.
    sentence_text = models.TextField(_("sentence"), blank=True, default="")
    extracted_value = models.JSONField(_("extracted value"), default=dict)
    corrected_value = models.JSONField(
        _("corrected value"),
        null=True,
        blank=True,
        help_text=_("Set by a reviewer when the extracted value is wrong."),
    )
    verified_value = models.JSONField(
        _("verified value"),
        null=True,
        blank=True,
        help_text=_("What the record says, in the same form as the claim's value."),
    )
    extractor_version = models.CharField(_("extractor version"), max_length=20, blank=True)
    # PostgreSQL full-text search over text and sentence, in the article's language:
    # kept by a trigger (migration 0009), empty on SQLite (search falls back to contains).
    search_vector = SearchVectorField(null=True, editable=False)
    stale = models.BooleanField(
        _("no longer extracted"),
        default=False,
        help_text=_("The last extraction did not find this claim; reviewer work on it is kept."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_claims",
    )
    verdict = models.ForeignKey(
        Verdict, verbose_name=_("verdict"), on_delete=models.PROTECT, null=True, blank=True
    )
    explanation = models.TextField(_("explanation"), blank=True)
    # ClaimReview's itemReviewed.author when the claim is a person's (quoted in the
    # article); empty, the article's outlet is the author.
    claimant = models.CharField(
        _("claim made by"),
        max_length=200,
        blank=True,
        help_text=_("The person who made the claim, when it is not the outlet's own."),
    )
    dismiss_reason = models.CharField(
        _("dismissal reason"), max_length=20, choices=DismissReason.choices, blank=True
    )
    dismiss_note = models.TextField(
        _("dismissal note"),
        blank=True,
        help_text=_("Why the claim is dismissed, for the editor who approves it."),
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Guards concurrent edits.")
    )
    # Publishing: n in /fact-checks/<slug>/claims/<n>/, given at the claim's first
    # publication and kept for good, so a public claim URL never changes.
    public_number = models.PositiveIntegerField(_("public number"), null=True, blank=True,
                                                editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True,
                                        editable=False)
    public_modified_at = models.DateTimeField(
        _("last corrected at"), null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["article_id", "start", "id"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        permissions = [
            ("review_claim", _("Can take and review claims")),
            ("approve_claim", _("Can approve claims and manage articles")),
        ]
        # The queue's filters and sorts (querysets.ClaimQuerySet). A status's capped
        # count is an index-only scan of the first two; article_id comes last so that
        # the language filter joins articles without visiting claim rows. Each sort
        # (and its keyset seek) walks one index: id -> pkey, (kind, id) -> claim_kind_sort_idx
        # (or claim_kind_idx once a status is chosen), (article, start, id) -> claim_article_idx.
        indexes = [
            models.Index(fields=["status", "id", "article"], name="claim_queue_idx"),
            models.Index(fields=["assignee", "status"], name="claim_assignee_idx"),
            models.Index(fields=["kind", "status", "id", "article"], name="claim_kind_idx"),
            models.Index(fields=["kind", "id"], name="claim_kind_sort_idx"),
            models.Index(fields=["article", "start", "id"], name="claim_article_idx"),
            # "Checked before": judged claims of one kind and value (search.checked_before).
            models.Index(
                F("kind"),
                Coalesce("corrected_value", "extracted_value"),
                name="claim_judged_value_idx",
                condition=Q(verdict__isnull=False),
            ),
        ]
        constraints = [
            # One current claim per span; stale ones no longer sit in the text (an edit may
            # have put other words at their old offsets), so they do not hold the span.
            models.UniqueConstraint(
                fields=["article", "kind", "start", "end"],
                condition=Q(stale=False),
                name="claim_unique_current_span",
            ),
            models.UniqueConstraint(
                fields=["article", "public_number"],
                condition=Q(public_number__isnull=False),
                name="claim_unique_public_number",
            ),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="claim_start_before_end"),
            models.CheckConstraint(
                condition=Q(sentence_start__lte=F("start")) & Q(end__lte=F("sentence_end")),
                name="claim_inside_sentence",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[ClaimStatus.IN_PROGRESS, ClaimStatus.SENT_BACK])
                | Q(assignee__isnull=False),
                name="claim_in_progress_has_assignee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}"

    def get_absolute_url(self) -> str:
        return reverse("factcheck:claim", kwargs={"uuid": self.uuid})

    def get_public_url(self) -> str:
        return reverse(
            "factcheck:public_claim",
            kwargs={"slug": self.article.slug, "number": self.public_number},
        )

    def clean(self) -> None:
        if self.article_id and self.end > len(self.article.body):
            raise ValidationError(_("The claim's span lies outside the article's text."))

    @property
    def value(self) -> dict[str, Any]:
        """What the claim says: the reviewer's correction, else the extractor's reading."""
        return self.corrected_value if self.corrected_value is not None else self.extracted_value

    @property
    def value_differs(self) -> bool:
        """The record says something else than the article (both known)."""
        return self.verified_value is not None and self.verified_value != self.value

    @property
    def dismissal_proposed(self) -> bool:
        """Submitted as a dismissal: waiting for an editor, as a verdict would."""
        return self.status == self.Status.SUBMITTED and bool(self.dismiss_reason)

    @property
    def has_reviewer_work(self) -> bool:
        return bool(
            self.status != self.Status.PENDING
            or self.assignee_id
            or self.verdict_id
            or self.explanation
            or self.corrected_value is not None
            or self.sources.exists()
        )

    def sentence(self) -> tuple[str, str, str]:
        """The sentence split around the span: (before, span, after).

        A stale claim's offsets may point at other words since the text was edited:
        then only its own text is shown, never the wrong characters."""
        body = self.article.body
        if self.stale and body[self.start : self.end][: len(self.text)] != self.text:
            return "", self.text, ""
        return (
            body[self.sentence_start : self.start],
            body[self.start : self.end],
            body[self.end : self.sentence_end],
        )

    def stored_sentence(self) -> tuple[str, str, str]:
        """sentence() from the stored copy: for lists, which do not load article bodies."""
        lo, hi = self.start - self.sentence_start, self.end - self.sentence_start
        text = self.sentence_text
        if not text or text[lo:hi] != self.text[: hi - lo]:
            return "", self.text, ""
        return text[:lo], text[lo:hi], text[hi:]

    def paragraph(self) -> tuple[str, str, str]:
        """The paragraph around the sentence, split around the span like sentence()."""
        before, span, after = self.sentence()
        if self.stale and not (before or after):  # its words are gone: show only them
            return before, span, after
        body = self.article.body
        lo = body.rfind("\n", 0, self.sentence_start) + 1
        hi = body.find("\n", self.sentence_end)
        hi = len(body) if hi == -1 else hi
        # A text without line breaks is one long "paragraph": keep a readable window.
        lo = max(lo, self.sentence_start - PARAGRAPH_WINDOW)
        hi = min(hi, self.sentence_end + PARAGRAPH_WINDOW)
        return body[lo : self.start], span, body[self.end : hi]


# Characters of context kept on each side of the sentence when no line break comes first.
PARAGRAPH_WINDOW = 600


class Source(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    claim = models.ForeignKey(
        Claim, verbose_name=_("claim"), on_delete=models.CASCADE, related_name="sources"
    )
    url = models.URLField(_("URL"), max_length=1000)
    title = models.CharField(_("title"), max_length=300, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    quoted_passage = models.TextField(_("quoted passage"), blank=True)
    accessed_on = models.DateField(_("accessed on"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title or self.url


class ReviewEvent(models.Model):
    """Append-only history: who changed what on a claim or article, and when."""

    class Action(models.TextChoices):
        EXTRACTED = "extracted", _("Extracted")
        STATUS = "status", _("Status changed")
        ASSIGNED = "assigned", _("Assigned")
        VERDICT = "verdict", _("Verdict changed")
        VALUE = "value", _("Value corrected")
        VERIFIED = "verified", _("Verified value recorded")
        SOURCE_ADDED = "source_added", _("Source added")
        SOURCE_REMOVED = "source_removed", _("Source removed")
        COMMENT = "comment", _("Comment")
        CORRECTION = "correction", _("Correction")
        EDITED = "edited", _("Edited")
        RELEASED = "released", _("Released")
        ARCHIVED = "archived", _("Archived")
        RESTORED = "restored", _("Restored")
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")
        REOPENED = "reopened", _("Reopened")

    # What counts as reviewing a claim (the second pair of eyes rule): judging it, correcting
    # its value, sourcing it.
    REVIEW_ACTIONS = (Action.VERDICT, Action.VALUE, Action.SOURCE_ADDED)

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="events"
    )
    claim = models.ForeignKey(
        Claim,
        verbose_name=_("claim"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    before = models.JSONField(_("before"), null=True, blank=True)
    after = models.JSONField(_("after"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("review event")
        verbose_name_plural = _("review history")
        # The dashboard's reviews per day and time to approval (factcheck/figures.py).
        indexes = [
            models.Index(
                fields=["created_at"],
                name="event_submitted_idx",
                condition=Q(action="status", after__status="submitted"),
            ),
            models.Index(
                fields=["claim", "created_at"],
                name="event_approved_idx",
                condition=Q(action="status", after__status="approved"),
            ),
        ]

    def __str__(self) -> str:
        # Local time, as every date the admin shows (this is its inline rows' heading).
        return f"{self.get_action_display()} ({local_date(self.created_at)})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ValueError("Review history is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("Review history is append-only.")


class Organisation(models.Model):
    """The publisher of the public pages: one row (pk 1), edited in the admin.

    Its name, URL and logo are the ClaimReview `author`; the texts are the
    methodology page's (each in French and English, the reader's language shown)."""

    SINGLETON_PK = 1

    name = models.CharField(_("name"), max_length=200, blank=True)
    url = models.URLField(_("website"), max_length=500, blank=True)
    logo_url = models.URLField(
        _("logo URL"), max_length=500, blank=True,
        help_text=_("The logo image's absolute address, for ClaimReview."),
    )
    methodology_en = models.TextField(_("methodology (English)"), blank=True)
    methodology_fr = models.TextField(_("methodology (French)"), blank=True)
    corrections_policy_en = models.TextField(_("corrections policy (English)"), blank=True)
    corrections_policy_fr = models.TextField(_("corrections policy (French)"), blank=True)
    show_names = models.BooleanField(
        _("show reviewer and editor names"), default=False,
        help_text=_("On public pages, name who reviewed and who approved each claim."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("publishing organisation")
        verbose_name_plural = _("publishing organisation")

    def __str__(self) -> str:
        return self.name or str(_("Publishing organisation"))

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> Organisation:
        """The stored row, or an unsaved empty one: a public page never writes."""
        return cls.objects.filter(pk=cls.SINGLETON_PK).first() or cls(pk=cls.SINGLETON_PK)

    def text(self, field: str) -> str:
        """`methodology` or `corrections_policy` in the current language, else the other one."""
        fr, en = getattr(self, f"{field}_fr"), getattr(self, f"{field}_en")
        if (get_language() or "en").startswith("fr"):
            return fr or en
        return en or fr


class DeskSettings(models.Model):
    """How the desk allocates and approves work: one row, edited in the Django admin.

    Named apart from the organisation's publishing settings, which live elsewhere.
    """

    max_in_progress = models.PositiveSmallIntegerField(
        _("claims in progress per reviewer"),
        default=5,
        help_text=_("Take next and assignments stop at this many claims in progress "
                    "(sent back included)."),
    )
    second_pair_of_eyes = models.BooleanField(
        _("second pair of eyes"),
        default=True,
        help_text=_("Forbid approving a claim you reviewed yourself."),
    )

    class Meta:
        verbose_name = _("desk settings")
        verbose_name_plural = _("desk settings")

    def __str__(self) -> str:
        return str(_("Desk settings"))

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.pk = 1  # a singleton: every save writes the one row
        super().save(*args, **kwargs)

    @classmethod
    def load(cls) -> DeskSettings:
        """The row, created with the defaults the first time it is read."""
        return cls.objects.get_or_create(pk=1)[0]


class Notification(models.Model):
    """Something that happened to a user's work: shown in the app, emailed unless turned off."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned to you")
        SENT_BACK = "sent_back", _("Sent back to you")
        APPROVED = "approved", _("Approved")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    claim = models.ForeignKey(
        Claim, verbose_name=_("claim"), on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # Set once the email went (or was not wanted): the task's guard against sending twice.
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_list_idx"),
            # The top bar's unread count on every page: only unread rows are in it.
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
            # The sweeper's scan: only rows whose email has not gone yet.
            models.Index(
                fields=["created_at"],
                condition=Q(emailed_at__isnull=True),
                name="notification_unsent_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.claim.text}"


class NotificationPreference(models.Model):
    """A user's choices about notifications; no row means the defaults (email on)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    email = models.BooleanField(_("email me notifications"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def wants_email(cls, user_id: int) -> bool:
        found = cls.objects.filter(user_id=user_id).values_list("email", flat=True).first()
        return True if found is None else found




class ImportJob(models.Model):
    """One bulk import: a JSONL, CSV or zip file read row by row by a Celery task.

    Counters move as each chunk of rows commits, for the progress bar; `rows_done`
    is also where a task that starts again (a worker that died) picks up.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(_("file"), upload_to="imports/%Y/%m/", blank=True)
    filename = models.CharField(_("file name"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="imports",
        null=True,
        blank=True,
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    # The report is written in the language of the person who sent the file.
    language = models.CharField(_("language"), max_length=10, blank=True)
    failure_reason = models.TextField(_("failure reason"), blank=True)
    rows_total = models.PositiveIntegerField(_("rows in the file"), null=True, blank=True)
    rows_done = models.PositiveIntegerField(_("rows read"), default=0)
    created_count = models.PositiveIntegerField(_("articles created"), default=0)
    updated_count = models.PositiveIntegerField(_("articles updated"), default=0)
    skipped_count = models.PositiveIntegerField(_("rows already imported"), default=0)
    error_count = models.PositiveIntegerField(_("rows refused"), default=0)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    objects = ImportJobQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return self.filename

    def get_absolute_url(self) -> str:
        return reverse("factcheck:import", kwargs={"uuid": self.uuid})

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    def articles_pending(self) -> int:
        """How many of the articles it created or updated still wait for their extraction."""
        return Article.objects.filter(
            import_rows__job=self, extraction_queued_at__isnull=False
        ).count()


class ImportRow(models.Model):
    """What happened to one row (or zip entry) of an import: the per-row report."""

    class Outcome(models.TextChoices):
        CREATED = "created", _("Created")
        UPDATED = "updated", _("Updated")
        SKIPPED = "skipped", _("Already imported")
        ERROR = "error", _("Refused")

    job = models.ForeignKey(
        ImportJob, verbose_name=_("import"), on_delete=models.CASCADE, related_name="rows"
    )
    line = models.PositiveIntegerField(_("line"))
    name = models.CharField(_("name"), max_length=300, blank=True)
    outcome = models.CharField(_("outcome"), max_length=8, choices=Outcome.choices)
    message = models.TextField(_("message"), blank=True)
    article = models.ForeignKey(
        Article,
        verbose_name=_("article"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_rows",
    )

    class Meta:
        ordering = ["job", "line", "id"]
        verbose_name = _("import row")
        verbose_name_plural = _("import rows")
        indexes = [models.Index(fields=["job", "outcome", "line"], name="importrow_report_idx")]

    def __str__(self) -> str:
        return f"{self.job} #{self.line}: {self.get_outcome_display()}"


# The API's models live beside its code; imported here so that they belong to the app.
from factcheck.api.models import ApiToken, Webhook, WebhookDelivery  # noqa: E402, F401
