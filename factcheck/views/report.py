"""The fact-check report of one article. Internal for now: newsroom staff only."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from factcheck import roles
from factcheck.models import Article, Verdict


@login_required
def article_report(request: HttpRequest, uuid: str) -> HttpResponse:
    if not roles.is_staff_member(request.user):
        raise PermissionDenied
    article = get_object_or_404(Article.objects.visible_to(request.user), uuid=uuid)
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
