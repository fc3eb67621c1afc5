"""Query logic: what a user may see and the queue's filters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db import connections, models
from django.db.models.expressions import RawSQL

from factcheck import roles

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    AnyUser = AbstractBaseUser | AnonymousUser


class ClaimCount(NamedTuple):
    """A number of claims, and whether it was counted or estimated."""

    value: int
    exact: bool


def total_count(counts: Iterable[ClaimCount]) -> ClaimCount:
    counts = list(counts)
    return ClaimCount(sum(c.value for c in counts), exact=all(c.exact for c in counts))


class VisibleToMixin:
    """What a user may see: newsroom staff (editors, reviewers) see every row; others none."""

    def visible_to(self, user: AnyUser) -> Any:
        if roles.is_staff_member(user):
            return self
        return self.none()  # type: ignore[attr-defined]


class CopyCreateMixin:
    """bulk_create through PostgreSQL's COPY, for the extraction's many new rows."""

    def copy_create(self, objs: list[models.Model]) -> None:
        """Insert `objs` as bulk_create would (field defaults, auto_now_add), without
        setting their primary keys. A multi-row INSERT of a batch's thousand claims
        spends longer in Django's SQL compiler and psycopg's parameter splitting than
        in the database; COPY streams the rows. Other databases get bulk_create."""
        queryset: models.QuerySet = self  # type: ignore[assignment]
        connection = connections[queryset.db]
        opts = queryset.model._meta
        fields = [f for f in opts.concrete_fields if f is not opts.auto_field]
        # COPY takes values only: a default or a column the database computes needs SQL.
        computed = any(f.has_db_default() or f.generated for f in fields)
        if connection.vendor != "postgresql" or computed:
            queryset.bulk_create(objs)
            return
        if not objs:
            return
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in fields)
        with connection.cursor() as cursor, cursor.cursor.copy(
            f"COPY {quote(opts.db_table)} ({columns}) FROM STDIN"
        ) as copy:
            for obj in objs:
                copy.write_row(
                    [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
                )


class ArticleQuerySet(VisibleToMixin, models.QuerySet):
    def with_claim_counts(self) -> ArticleQuerySet:
        """The article list's columns: claims in total and still open, in the same query."""
        from factcheck.models import Claim  # models imports this module

        # Aggregation drops Meta.ordering; pagination needs a stable order.
        return (
            self.select_related("uploaded_by")
            .annotate(
                claim_count=models.Count("claims", filter=models.Q(claims__stale=False)),
                open_claim_count=models.Count(
                    "claims",
                    filter=models.Q(claims__stale=False, claims__status__in=Claim.OPEN_STATUSES),
                ),
            )
            .order_by("-created_at", "-id")
        )

    def oldest_first(self) -> ArticleQuerySet:
        return self.order_by("created_at", "id")

    def active(self) -> ArticleQuerySet:
        """Not archived: what the lists show by default."""
        return self.filter(archived_at__isnull=True)

    def stale_extractions(self, queued_before: Any) -> ArticleQuerySet:
        """Extractions still pending since before `queued_before`: the sweeper's work.

        Rows left queued or extracting with no pending mark (made before the mark
        existed, or by a bulk insert) count by their last update.
        """
        busy = ["queued", "extracting"]
        return self.filter(
            models.Q(extraction_queued_at__lt=queued_before)
            | models.Q(
                extraction_queued_at__isnull=True, status__in=busy, updated_at__lt=queued_before
            )
        ).order_by("pk")

    def archived(self) -> ArticleQuerySet:
        return self.filter(archived_at__isnull=False)

    # --- Publishing (public pages, feed, open data) ---------------------------

    def public(self) -> ArticleQuerySet:
        """What anonymous readers see: published articles, newest publication first."""
        return self.filter(status=self.model.Status.PUBLISHED, slug__isnull=False).order_by(
            "-first_published_at", "-id"
        )

    def public_after(self, first_published_at: Any, pk: int) -> ArticleQuerySet:
        """The public articles after (first_published_at, pk) in public()'s order: a keyset
        seek, never an OFFSET."""
        return self.public().filter(
            models.Q(first_published_at__lt=first_published_at)
            | models.Q(first_published_at=first_published_at, pk__lt=pk)
        )


class ClaimQuerySet(VisibleToMixin, CopyCreateMixin, models.QuerySet):
    def pending(self) -> ClaimQuerySet:
        return self.filter(status=self.model.Status.PENDING)

    def submitted(self) -> ClaimQuerySet:
        return self.filter(status=self.model.Status.SUBMITTED)

    def open(self) -> ClaimQuerySet:
        """Claims that still need work before the article is checked."""
        return self.filter(status__in=self.model.OPEN_STATUSES)

    def of_active_articles(self) -> ClaimQuerySet:
        """Claims of articles not archived. A NOT IN over the (few) archived articles' ids
        rather than a join: the queue's counts stay index-only scans of the claim table."""
        from factcheck.models import Article  # models imports this module

        return self.exclude(article_id__in=Article.objects.archived().values("pk"))

    def with_reviewer_work(self) -> ClaimQuerySet:
        """Claims somebody took, judged, corrected or sourced (Claim.has_reviewer_work)."""
        from factcheck.models import Source  # models imports this module

        return self.filter(
            ~models.Q(status=self.model.Status.PENDING)
            | models.Q(assignee__isnull=False)
            | models.Q(verdict__isnull=False)
            | ~models.Q(explanation="")
            | models.Q(corrected_value__isnull=False)
            | models.Exists(Source.objects.filter(claim=models.OuterRef("pk")))
        )

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

    def public(self) -> ClaimQuerySet:
        """Published claim reviews: approved, numbered at publication, of a public article,
        with what their pages and ClaimReview read, sources in one more query."""
        from factcheck.models import Article  # models imports this module

        return (
            self.current()
            .filter(
                status=self.model.Status.APPROVED,
                public_number__isnull=False,
                article__status=Article.Status.PUBLISHED,
                article__slug__isnull=False,
            )
            .select_related("article", "verdict", "assignee")
            .prefetch_related("sources")
            .order_by("article_id", "public_number")
        )

    def with_context(self) -> ClaimQuerySet:
        """Everything a list of claims displays, in a fixed number of queries."""
        return self.select_related("article", "assignee", "verdict")

    # --- Reviewer queue and approvals (claim workflow) -------------------------

    # Each sort ends with the primary key, so it is a total order: the keyset pager
    # (seek) needs one. Every order is an index's order (see Claim.Meta.indexes).
    QUEUE_SORTS = {
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
        search: str = "",
    ) -> ClaimQuerySet:
        """The queue's filters; empty values mean "any". Archived articles' claims never show."""
        from factcheck.search import claims_matching  # it imports the models

        qs = self.of_active_articles()
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
        if search:
            qs = claims_matching(qs, search)
        return qs

    @classmethod
    def sort_fields(cls, sort: str) -> tuple[str, ...]:
        return cls.QUEUE_SORTS.get(sort, cls.QUEUE_SORTS["oldest"])

    def queue_sorted(self, sort: str, *, backwards: bool = False) -> ClaimQuerySet:
        fields = self.sort_fields(sort)
        return self.order_by(*(f"-{name}" if backwards else name for name in fields))

    def seek(self, sort: str, key: tuple[Any, ...], *, backwards: bool = False) -> ClaimQuerySet:
        """Rows strictly after `key` (before it, backwards) in the sort's order.

        One row-value comparison, `(article_id, start, id) > (%s, %s, %s)`, which
        PostgreSQL turns into an index range start: a page deep in the queue costs
        what the first one does, unlike OFFSET, which reads every row it skips.
        """
        fields = self.sort_fields(sort)
        if len(key) != len(fields):
            raise ValueError("The key does not match the sort.")
        table = self.model._meta.db_table
        columns = ", ".join(f'"{table}"."{self.model._meta.get_field(f).column}"' for f in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        condition = RawSQL(
            f"({columns}) {'<' if backwards else '>'} ({placeholders})",
            key,
            output_field=models.BooleanField(),
        )
        return self.filter(condition)

    def for_queue_rows(self) -> ClaimQuerySet:
        """Only the columns a queue row shows: article bodies stay in the database."""
        return self.select_related("article", "assignee").only(
            "uuid", "kind", "text", "status", "start", "created_at", "corrected_value",
            "extracted_value", "article__uuid", "article__title", "article__language",
            "assignee__username",
        )

    def for_export(self) -> ClaimQuerySet:
        """An export's columns: article bodies stay in the database, sources are counted."""
        return (
            self.select_related("article", "assignee", "verdict")
            .defer("article__body", "search_vector")
            .annotate(source_count=models.Count("sources"))
        )

    # Exact counting stops here. An exact COUNT over 100,000 rows reads every index
    # entry (tens of milliseconds per page view, growing with the table); a capped one
    # reads at most CAP + 1 entries per status. Past the cap, the count is the
    # planner's estimate for the same query (EXPLAIN, no execution), shown as such.
    COUNT_CAP = 1000

    def status_counts(self, cap: int | None = None) -> dict[str, ClaimCount]:
        """Claims per status: exact up to `cap`, estimated past it, in ONE query."""
        cap = self.COUNT_CAP if cap is None else cap
        statuses = self.model.Status.values
        if self.query.is_empty():  # visible_to() gave none(): there is no SQL to run
            return {status: ClaimCount(0, exact=True) for status in statuses}
        connection = connections[self.db]
        if connection.vendor != "postgresql":  # development databases are small: count them
            found = dict(self.order_by().values_list("status").annotate(n=models.Count("pk")))
            return {status: ClaimCount(found.get(status, 0), exact=True) for status in statuses}
        parts, params = [], []
        for status in statuses:
            sub = self.order_by().filter(status=status).values("pk")
            sql, sub_params = sub.query.sql_with_params()
            # The function plans this text itself: values are quoted by the driver here.
            whole = connection.ops.compose_sql(sql, sub_params)
            parts.append(
                f"(SELECT n, CASE WHEN n > {int(cap)} THEN factcheck_count_estimate(%s) END "
                f"FROM (SELECT COUNT(*) AS n FROM ({sql} LIMIT {int(cap) + 1}) AS capped) AS c)"
                f" AS s{len(parts)}"
            )
            params.extend([whole, *sub_params])
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {' CROSS JOIN '.join(parts)}", params)
            row = cursor.fetchone()
        counts = {}
        for i, status in enumerate(statuses):
            counted, estimate = row[2 * i], row[2 * i + 1]
            if counted <= cap:
                counts[status] = ClaimCount(counted, exact=True)
            else:
                counts[status] = ClaimCount(max(estimate or 0, cap + 1), exact=False)
        return counts

    def reviewed_by(self, user: Any) -> ClaimQuerySet:
        """Claims `user` reviewed: assigned to them, or judged, corrected or sourced by them
        (actions.review.reviewed_by, for the second pair of eyes)."""
        from factcheck.models import ReviewEvent  # models imports this module

        theirs = ReviewEvent.objects.filter(
            claim=models.OuterRef("pk"), actor=user, action__in=ReviewEvent.REVIEW_ACTIONS
        )
        return self.filter(models.Q(assignee=user) | models.Exists(theirs))

    def not_reviewed_by(self, user: Any) -> ClaimQuerySet:
        return self.exclude(pk__in=self.reviewed_by(user).values("pk"))

    def for_approval(self) -> ClaimQuerySet:
        """Submitted claims with what an editor weighs, sources prefetched in one query."""
        return (
            self.submitted()
            .of_active_articles()
            .select_related("article", "assignee", "verdict")
            .defer("article__body")
            .prefetch_related("sources")
            .order_by("updated_at", "id")
        )


class EventQuerySet(models.QuerySet):
    """A history in its order (created_at, id), read a page at a time from the newest end."""

    def before(self, event: Any) -> EventQuerySet:
        """Events older than `event` in the history's order."""
        return self.filter(
            models.Q(created_at__lt=event.created_at)
            | models.Q(created_at=event.created_at, pk__lt=event.pk)
        )

    def since(self, event: Any) -> EventQuerySet:
        """`event` and every newer one."""
        return self.filter(
            models.Q(created_at__gt=event.created_at)
            | models.Q(created_at=event.created_at, pk__gte=event.pk)
        )

    def newest(self, size: int) -> tuple[list[Any], bool]:
        """The `size` newest events, oldest first, and whether older ones are left."""
        rows = list(self.order_by("-created_at", "-id")[: size + 1])
        return rows[:size][::-1], len(rows) > size


class ImportJobQuerySet(VisibleToMixin, models.QuerySet):
    pass
