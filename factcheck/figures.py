"""The dashboard's figures, each from one aggregate query whatever the number of claims.

The claims' breakdown (status, kind, language, verdict, dismissal reason,
corrected or not) is ONE grouped scan; everything by status, by verdict and the
detector's quality is summed from its few hundred groups in Python. The
history gives the reviews per day and the time to approval.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import connections, models
from django.db.models.functions import TruncDate
from django.utils import timezone

from factcheck.models import Claim, ReviewEvent

DAYS = 30
# Claims the desk has judged: their value was read by a person.
REVIEWED = (Claim.Status.SUBMITTED, Claim.Status.APPROVED, Claim.Status.DISMISSED)


@dataclass
class Quality:
    """The extractor as the desk sees it, for one kind in one language."""

    kind: str
    language: str
    reviewed: int
    extraction_errors: int
    corrected: int
    label: str = ""  # "Date (French)", set by the view

    @property
    def error_share(self) -> float:
        return self.extraction_errors / self.reviewed if self.reviewed else 0.0

    @property
    def corrected_share(self) -> float:
        return self.corrected / self.reviewed if self.reviewed else 0.0

    @property
    def precision(self) -> float | None:
        """Share of judged claims the extractor got right: neither an error nor corrected."""
        if not self.reviewed:
            return None
        return (self.reviewed - self.extraction_errors - self.corrected) / self.reviewed


def breakdown(claims: models.QuerySet) -> list[dict[str, Any]]:
    """Claim counts per (status, kind, language, verdict, reason, corrected), one query."""
    return list(
        claims.current()
        .order_by()
        .values("status", "kind", "article__language", "verdict_id", "dismiss_reason")
        .annotate(
            corrected=models.Count("pk", filter=models.Q(corrected_value__isnull=False)),
            n=models.Count("pk"),
        )
    )


def by_status_and_kind(groups: list[dict[str, Any]]) -> dict[str, Counter]:
    table: dict[str, Counter] = defaultdict(Counter)
    for group in groups:
        table[group["kind"]][group["status"]] += group["n"]
    return table


def by_verdict(groups: list[dict[str, Any]]) -> dict[Any, int]:
    return _sum_by(groups, "verdict_id")


def _sum_by(groups: list[dict[str, Any]], key: str) -> dict[Any, int]:
    sums: dict[Any, int] = defaultdict(int)
    for group in groups:
        if group[key] is not None:
            sums[group[key]] += group["n"]
    return sums


def quality(groups: list[dict[str, Any]]) -> list[Quality]:
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for group in groups:
        if group["status"] not in REVIEWED:
            continue
        cell = cells[(group["kind"], group["article__language"] or "")]
        cell[0] += group["n"]
        if group["dismiss_reason"] == Claim.DismissReason.EXTRACTION_ERROR:
            cell[1] += group["n"]
        else:  # a claim dismissed as an error was not also "corrected"
            cell[2] += group["corrected"]
    return [Quality(kind, lang, *cell) for (kind, lang), cell in sorted(cells.items())]


def reviewed_per_day(events: models.QuerySet, today: dt.date, days: int = DAYS) -> list[tuple]:
    """(day, claims submitted that day) for the last `days` days, today included."""
    since = today - dt.timedelta(days=days - 1)
    start = timezone.make_aware(dt.datetime.combine(since, dt.time.min))
    # Only claims are ever "submitted": no claim filter, and event_submitted_idx answers alone.
    found = dict(
        events.filter(
            action=ReviewEvent.Action.STATUS,
            after__status=Claim.Status.SUBMITTED,
            created_at__gte=start,
        )
        .annotate(day=TruncDate("created_at"))
        .order_by()
        .values("day")
        .annotate(n=models.Count("pk"))
        .values_list("day", "n")
    )
    return [(since + dt.timedelta(days=i), found.get(since + dt.timedelta(days=i), 0))
            for i in range(days)]


def median_time_to_approval(events: models.QuerySet) -> dt.timedelta | None:
    """Median time from a claim's extraction to its (latest) approval."""
    approvals = events.filter(
        action=ReviewEvent.Action.STATUS, after__status=Claim.Status.APPROVED
    ).order_by()  # only claims are "approved" (articles are "checked"): event_approved_idx
    connection = connections[approvals.db]
    if connection.vendor != "postgresql":  # small development databases: in Python
        spans = [at - created for at, created in
                 approvals.values_list("created_at", "claim__created_at")]
        return statistics.median(spans) if spans else None
    sql, params = approvals.values("created_at", "claim__created_at").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY e - c) "
            f"FROM ({sql}) AS approvals (e, c)", params
        )
        (median,) = cursor.fetchone()
    return median


def open_per_reviewer(claims: models.QuerySet) -> list[tuple[str, int]]:
    """Claims in progress or submitted, per assignee: who holds how much work."""
    rows = (
        claims.filter(
            assignee__isnull=False,
            status__in=[Claim.Status.IN_PROGRESS, Claim.Status.SUBMITTED],
        )
        .order_by()
        .values("assignee__username")
        .annotate(n=models.Count("pk"))
        .order_by("-n", "assignee__username")
    )
    return [(row["assignee__username"], row["n"]) for row in rows]
