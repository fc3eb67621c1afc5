"""/dashboard/: the desk's figures for editors, each chart drawn as SVG beside its table."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from factcheck import figures, roles
from factcheck.access import role_required
from factcheck.charts import bar_chart, column_chart
from factcheck.models import Claim, Language, ReviewEvent, Verdict
from factcheck.templatetags.review_tags import share


@role_required(roles.is_editor)
@require_safe
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "factcheck/dashboard.html", dashboard_context(request))


def dashboard_context(request: HttpRequest) -> dict[str, Any]:
    claims = Claim.objects.visible_to(request.user)
    groups = figures.breakdown(claims)
    kinds = dict(Claim.Kind.choices)
    statuses = dict(Claim.Status.choices)
    table = figures.by_status_and_kind(groups)
    status_totals = {s: sum(table[k][s] for k in table) for s in statuses}
    verdict_counts = figures.by_verdict(groups)
    verdicts = [v for v in Verdict.objects.all() if v.pk in verdict_counts or v.is_active]
    per_day = figures.reviewed_per_day(ReviewEvent.objects.all(), timezone.localdate())
    reviewers = figures.open_per_reviewer(claims)
    quality = figures.quality(groups)
    languages = dict(Language.choices)
    for row in quality:
        row.label = f"{kinds.get(row.kind, row.kind)} ({languages.get(row.language, '—')})"
    return {
        "statuses": list(statuses.items()),
        "status_rows": [
            (kinds.get(kind, kind), [table[kind][s] for s in statuses], sum(table[kind].values()))
            for kind in kinds if kind in table
        ],
        "status_totals": list(status_totals.values()),
        "total": sum(status_totals.values()),
        "status_chart": bar_chart(
            _("Claims by status"),
            [(str(statuses[s]), n, count(n)) for s, n in status_totals.items()],
        ),
        "verdict_rows": [(v, verdict_counts.get(v.pk, 0)) for v in verdicts],
        "verdict_chart": bar_chart(
            _("Verdicts"),
            [(v.label, verdict_counts.get(v.pk, 0), count(verdict_counts.get(v.pk, 0)))
             for v in verdicts],
            colours={v.label: v.colour for v in verdicts},
        ),
        "per_day": per_day,
        "per_day_chart": column_chart(
            _("Claims reviewed per day"),
            [(date_format(day, "j M"), n, count(n)) for day, n in per_day],
        ),
        "median_to_approval": figures.median_time_to_approval(ReviewEvent.objects.all()),
        "reviewers": reviewers,
        "reviewer_chart": bar_chart(
            _("Open claims per reviewer"), [(name, n, count(n)) for name, n in reviewers]
        ),
        "quality": quality,
        "quality_chart": bar_chart(
            _("Extractor precision as the desk sees it"),
            [(row.label, row.precision or 0, share(row.precision)) for row in quality],
        ),
    }


def count(n: int) -> str:
    return number_format(n, force_grouping=True)
