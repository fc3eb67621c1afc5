"""The fact-check report of one article. Internal for now: newsroom staff only."""

from __future__ import annotations

from collections import Counter

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from factcheck import roles
from factcheck.access import get_article_for, role_required
from factcheck.models import Verdict


@role_required(roles.is_staff_member)
@require_safe
def article_report(request: HttpRequest, uuid: str) -> HttpResponse:
    article = get_article_for(request, uuid)
    claims = list(article.claims.for_report())
    counts = Counter(claim.verdict_id for claim in claims)
    # Inactive verdicts still in use keep their colour and their line in the legend.
    verdicts = [v for v in Verdict.objects.all() if v.is_active or counts[v.pk]]
    context = {
        "article": article,
        "claims": claims,
        "legend": [(verdict, counts[verdict.pk]) for verdict in verdicts],
        "unrated": counts[None],
    }
    return render(request, "factcheck/report.html", context)
