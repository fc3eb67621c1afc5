"""Query logic: what a user may see and the queue's filters."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import connections, models

from factcheck import roles

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    AnyUser = AbstractBaseUser | AnonymousUser


class ArticleQuerySet(models.QuerySet):
    def visible_to(self, user: AnyUser) -> ArticleQuerySet:
        """Newsroom staff (editors, reviewers) see every article; others none."""
        if roles.is_staff_member(user):
            return self
        return self.none()

    def published(self) -> ArticleQuerySet:
        return self.filter(status=self.model.Status.PUBLISHED)

    def with_claim_counts(self) -> ArticleQuerySet:
        """The article list's columns: claims in total and still open, in the same query."""
        open_statuses = ["pending", "in_progress", "submitted"]
        # Aggregation drops Meta.ordering; pagination needs a stable order.
        return (
            self.select_related("uploaded_by")
            .annotate(
                claim_count=models.Count("claims", filter=models.Q(claims__stale=False)),
                open_claim_count=models.Count(
                    "claims",
                    filter=models.Q(claims__stale=False, claims__status__in=open_statuses),
                ),
            )
            .order_by("-created_at", "-id")
        )

    def oldest_first(self) -> ArticleQuerySet:
        return self.order_by("created_at", "id")


class ClaimQuerySet(models.QuerySet):
    def visible_to(self, user: AnyUser) -> ClaimQuerySet:
        if roles.is_staff_member(user):
            return self
        return self.none()

    def pending(self) -> ClaimQuerySet:
        return self.filter(status=self.model.Status.PENDING)

    def submitted(self) -> ClaimQuerySet:
        return self.filter(status=self.model.Status.SUBMITTED)

    def for_reviewer(self, user: AnyUser) -> ClaimQuerySet:
        return self.filter(assignee=user)

    def open(self) -> ClaimQuerySet:
        """Claims that still need work before the article is checked."""
        return self.exclude(status__in=[self.model.Status.APPROVED, self.model.Status.DISMISSED])

    def current(self) -> ClaimQuerySet:
        """Claims the last extraction still found (stale ones keep reviewer work only)."""
        return self.filter(stale=False)

    def for_article_page(self) -> ClaimQuerySet:
        """What the article page shows per claim, in one query whatever the count."""
        return self.select_related("verdict", "assignee").order_by("start", "end", "id")

    def for_report(self) -> ClaimQuerySet:
        """What the report shows: verdicts and sources, in two queries whatever the count."""
        return (
            self.current()
            .exclude(status=self.model.Status.DISMISSED)
            .select_related("verdict")
            .prefetch_related("sources")
            .order_by("start", "end", "id")
        )

    def with_context(self) -> ClaimQuerySet:
        """Everything a list of claims displays, in a fixed number of queries."""
        return self.select_related("article", "assignee", "verdict")

    # --- Reviewer queue and approvals (claim workflow) -------------------------

    QUEUE_SORTS = {
        # Ids grow with creation, so "oldest" rides the (status, id) index.
        "oldest": ("id",),
        "article": ("article_id", "start", "id"),
        "kind": ("kind", "id"),
    }

    def queue_filter(
        self,
        *,
        kind: str = "",
        language: str = "",
        status: str = "",
        article: Any = None,
        assignee: Any = None,
    ) -> ClaimQuerySet:
        """The queue's filters; empty values mean "any"."""
        qs = self
        if kind:
            qs = qs.filter(kind=kind)
        if language:
            qs = qs.filter(article__language=language)
        if status:
            qs = qs.filter(status=status)
        if article is not None:
            qs = qs.filter(article=article)
        if assignee is not None:
            qs = qs.filter(assignee=assignee)
        return qs

    def queue_sorted(self, sort: str) -> ClaimQuerySet:
        return self.order_by(*self.QUEUE_SORTS.get(sort, self.QUEUE_SORTS["oldest"]))

    def for_queue_rows(self) -> ClaimQuerySet:
        """Only the columns a queue row shows: article bodies stay in the database."""
        return self.select_related("article", "assignee").only(
            "uuid", "kind", "text", "status", "start", "created_at", "corrected_value",
            "extracted_value", "article__uuid", "article__title", "article__language",
            "assignee__username",
        )

    # Counting stops here: past it the queue shows "1000+". An exact COUNT over
    # 100,000 rows costs tens of milliseconds per page view; a capped one reads at
    # most CAP index entries per status, whatever the size of the table.
    COUNT_CAP = 1000

    def status_counts(self, cap: int = COUNT_CAP) -> dict[str, int]:
        """Claims per status, each capped at cap + 1, in ONE query of scalar subqueries."""
        statuses = self.model.Status.values
        if self.query.is_empty():  # visible_to() gave none(): there is no SQL to run
            return dict.fromkeys(statuses, 0)
        parts, params = [], []
        for status in statuses:
            sub = self.order_by().filter(status=status).values("pk")[: cap + 1]
            sql, sub_params = sub.query.sql_with_params()
            parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted)")
            params.extend(sub_params)
        with connections[self.db].cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(parts)}", params)
            row = cursor.fetchone()
        return dict(zip(statuses, row, strict=True))

    def for_approval(self) -> ClaimQuerySet:
        """Submitted claims with what an editor weighs, sources prefetched in one query."""
        return (
            self.submitted()
            .select_related("article", "assignee", "verdict")
            .defer("article__body")
            .prefetch_related("sources")
            .order_by("updated_at", "id")
        )
