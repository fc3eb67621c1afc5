"""The back office: every model, with lists, filters, search and inlines.

The record is not edited here: a claim's workflow fields (status, verdict,
explanation, values, assignee, ...), its sources and an article's text and
status change only through the app's actions, which write the history
(ReviewEvent). The admin shows them read-only; article details it still
edits go through actions.articles.edit_article, so they leave an event too.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from factcheck.models import (
    Article,
    Claim,
    DeskSettings,
    ImportJob,
    Notification,
    NotificationPreference,
    Organisation,
    ReviewEvent,
    Source,
    Verdict,
)
from factcheck.readable_dates import local_date


class ViewOnlyInline(admin.TabularInline):
    """Rows shown for reference: nothing added, changed or deleted from here."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ClaimInline(ViewOnlyInline):
    model = Claim
    fields = ("kind", "text", "start", "end", "status", "assignee", "verdict", "stale")
    readonly_fields = fields
    show_change_link = True


class SourceInline(ViewOnlyInline):
    model = Source
    fields = ("url", "title", "publisher", "accessed_on", "added_by")
    readonly_fields = fields


class LocalTimeMixin:
    """History times as the site writes them (readable_dates): French "1er", local time."""

    @admin.display(description=_("created at"), ordering="created_at")
    def when(self, event: ReviewEvent) -> str:
        return local_date(event.created_at)


class ReadOnlyEventInline(LocalTimeMixin, ViewOnlyInline):
    model = ReviewEvent
    fields = ("when", "actor", "action", "before", "after", "comment")
    readonly_fields = fields


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("title", "outlet", "language", "published_on", "status", "uploaded_by",
                    "created_at")
    list_filter = ("status", "language", "published_precision", "outlet",
                   ("archived_at", admin.EmptyFieldListFilter))
    search_fields = ("title", "body", "outlet", "source_url", "uuid", "external_id")
    # The text moves every claim's span: it is edited on the article's edit page, which
    # carries reviewer work over to the new offsets. Status belongs to the workflow.
    readonly_fields = ("uuid", "body", "status", "failure_reason", "language", "archived_at",
                       "content_hash", "extractor_version", "extracted_at", "created_at",
                       "updated_at")
    raw_id_fields = ("uploaded_by",)
    date_hierarchy = "created_at"
    inlines = [ClaimInline, ReadOnlyEventInline]
    actions = ["reextract"]

    def get_readonly_fields(self, request, obj=None):
        """A published article's details are what readers see: unpublish it to edit them."""
        from factcheck.actions.articles import EDITABLE

        fields = super().get_readonly_fields(request, obj)
        if obj is not None and obj.status == Article.Status.PUBLISHED:
            return (*fields, *EDITABLE)
        return fields

    def save_model(self, request, obj, form, change) -> None:
        """A change to an article's details goes through edit_article: it leaves an event."""
        from factcheck.actions.articles import EDITABLE, ArticleActionError, edit_article
        from factcheck.actions.extraction import PublishedTextLocked

        if not change:
            super().save_model(request, obj, form, change)
            return
        details = {name: form.cleaned_data[name] for name in form.changed_data
                   if name in EDITABLE}
        others = [name for name in form.changed_data if name not in EDITABLE]
        if others:
            obj.save(update_fields=[*others, "updated_at"])
        if details:
            try:
                edit_article(Article.objects.get(pk=obj.pk), request.user, **details)
            # e.g. an admin user without the editor role, or an article published meanwhile
            except (ArticleActionError, PublishedTextLocked) as exc:
                raise PermissionDenied(str(exc)) from exc
            obj.refresh_from_db()

    def has_delete_permission(self, request, obj=None) -> bool:
        """Only an article nobody worked on (as in the app); others are archived there.
        (A bulk delete is refused anyway: it would delete claims, which ClaimAdmin forbids.)"""
        from factcheck.actions.articles import can_delete

        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or can_delete(obj))

    @admin.action(description=_("Re-extract the selected articles"))
    def reextract(self, request, queryset) -> None:
        from factcheck.actions.extraction import PublishedTextLocked, request_reextraction

        count = 0
        for article in queryset:
            try:
                request_reextraction(article, actor=request.user)
            except PublishedTextLocked as exc:
                self.message_user(request, f"{article.title}: {exc}", messages.WARNING)
            else:
                count += 1
        self.message_user(
            request,
            ngettext(
                "Extraction queued for %(count)d article.",
                "Extraction queued for %(count)d articles.",
                count,
            )
            % {"count": count},
        )


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ("text", "kind", "article", "status", "assignee", "verdict", "stale",
                    "created_at")
    list_filter = ("kind", "status", "stale", "article__language", "verdict")
    search_fields = ("text", "article__title", "uuid")
    list_select_related = ("article", "assignee", "verdict")
    # Every field: the workflow's go through actions.review (history), the rest through
    # extraction. The change page is a read-only view of the claim and its history.
    readonly_fields = ("uuid", "article", "kind", "start", "end", "text", "sentence_start",
                       "sentence_end", "extracted_value", "corrected_value", "extractor_version",
                       "stale", "status", "assignee", "verdict", "explanation", "dismiss_reason",
                       "version", "created_at", "updated_at")
    inlines = [SourceInline, ReadOnlyEventInline]

    def has_add_permission(self, request) -> bool:
        return False  # claims come from extraction

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False  # deleting a claim would delete its history with it


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    """Sources are part of a verdict's record: added and removed on the claim page only."""

    list_display = ("__str__", "publisher", "claim", "accessed_on", "added_by")
    search_fields = ("url", "title", "publisher", "quoted_passage")
    list_select_related = ("claim", "added_by")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin):
    list_display = ("label_en", "label_fr", "rating", "colour", "order", "is_active")
    list_editable = ("order", "is_active")
    list_filter = ("is_active",)


@admin.register(ReviewEvent)
class ReviewEventAdmin(LocalTimeMixin, admin.ModelAdmin):
    """History is append-only: readable here, never editable."""

    list_display = ("when", "action", "actor", "article", "claim")
    list_filter = ("action",)
    search_fields = ("article__title", "claim__text", "comment")
    list_select_related = ("actor", "article", "claim")
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """One row: the publisher named on the public pages and in ClaimReview."""

    fieldsets = (
        (None, {"fields": ("name", "url", "logo_url", "show_names")}),
        (_("Methodology page"), {"fields": ("methodology_en", "methodology_fr",
                                            "corrections_policy_en", "corrections_policy_fr")}),
    )

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and not Organisation.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DeskSettings)
class DeskSettingsAdmin(admin.ModelAdmin):
    """The one row of desk settings: its change page, never a second row."""

    list_display = ("__str__", "max_in_progress", "second_pair_of_eyes")

    def has_add_permission(self, request) -> bool:
        return not DeskSettings.objects.exists()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """What users were told: readable here, written only by the workflow."""

    list_display = ("created_at", "kind", "recipient", "claim", "read_at", "emailed_at")
    list_filter = ("kind", ("read_at", admin.EmptyFieldListFilter))
    search_fields = ("recipient__username", "claim__text")
    list_select_related = ("recipient", "claim")
@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Imports are a record of what came in: readable here; the report is on the Import page."""

    list_display = ("filename", "status", "uploaded_by", "rows_total", "created_count",
                    "updated_count", "skipped_count", "error_count", "created_at")
    list_filter = ("status",)
    search_fields = ("filename", "uuid")
    list_select_related = ("uploaded_by",)
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "email")
    raw_id_fields = ("user",)


# The API's tokens and webhooks (admin.autodiscover imports this module only).
from factcheck.api import admin as api_admin  # noqa: E402, F401
