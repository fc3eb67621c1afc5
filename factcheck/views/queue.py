"""/queue/: the reviewers' list of claims, its filters, and "take next"."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from factcheck import actions, roles
from factcheck.models import Claim
from factcheck.querysets import ClaimQuerySet
from factcheck.review_forms import QueueFilterForm

PAGE_SIZE = 50
COUNT_CAP = ClaimQuerySet.COUNT_CAP
FILTER_FORM_ID = "queue-filters"


@login_required
@require_http_methods(["GET", "POST"])
def queue(request: HttpRequest) -> HttpResponse:
    if not roles.is_reviewer(request.user):
        raise PermissionDenied
    if request.method == "POST":
        return take_next(request)
    form = QueueFilterForm(request.GET)
    context = queue_context(request, form)
    template = "factcheck/queue.html"
    # Filter changes and page links swap only the results; a history restore needs it all.
    if request.htmx and not request.htmx.history_restore_request:
        template += "#results"
        # Move focus to the results only when a pager link (now gone) was followed.
        context["focus_results"] = request.htmx.trigger != FILTER_FORM_ID
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def queue_context(request: HttpRequest, form: QueueFilterForm) -> dict[str, Any]:
    """Rows, counts and pager in a fixed number of queries, whatever the table size."""
    data = form.clean_values()
    base = Claim.objects.visible_to(request.user).queue_filter(**form.filters(request.user))
    counts = base.status_counts()
    status = data.get("status", "")
    rows = base.queue_filter(status=status).for_queue_rows().queue_sorted(data.get("sort", ""))
    paginator = Paginator(rows, PAGE_SIZE)
    # The counts query already knows the total: spare the paginator its COUNT(*).
    paginator.count = counts[status] if status else sum(counts.values())
    page = paginator.get_page(request.GET.get("page"))
    return {
        "form": form,
        "page": page,
        "claims": labelled(page.object_list),
        "status_tabs": [
            {"value": value, "label": label, "count": shown_count(counts[value])}
            for value, label in Claim.Status.choices
        ],
        "total": shown_count(paginator.count),
        "all_total": shown_count(sum(counts.values())),
        "current_status": status,
        "article": data.get("article"),
        "filter_form_id": FILTER_FORM_ID,
        "article_link_prefix": article_link_prefix(request),
    }


def article_link_prefix(request: HttpRequest) -> str:
    """The current filters plus `article=`: built once, not with {% querystring %} per row."""
    params = request.GET.copy()
    for key in ("article", "page"):
        params.pop(key, None)
    query = params.urlencode()
    return f"?{query}&article=" if query else "?article="


def shown_count(count: int) -> str:
    """Counts are capped (see ClaimQuerySet.COUNT_CAP): past the cap, say "1000+"."""
    return f"{COUNT_CAP}+" if count > COUNT_CAP else str(count)


def labelled(claims: Any) -> list[Claim]:
    """Attach display labels once per request: get_FOO_display() re-translates every
    choice label on each call, which dominated the rendering of 50 rows."""
    kinds = {key: str(label) for key, label in Claim.Kind.choices}
    statuses = {key: str(label) for key, label in Claim.Status.choices}
    rows = list(claims)
    for claim in rows:
        claim.kind_label = kinds.get(claim.kind, claim.kind)
        claim.status_label = statuses.get(claim.status, claim.status)
    return rows


def take_next(request: HttpRequest) -> HttpResponse:
    """POST: give the user the oldest pending claim within the filters, then open it."""
    form = QueueFilterForm(request.POST)
    claim = actions.take_next_claim(request.user, **form.take_filters())
    if claim is None:
        messages.info(request, _("No pending claim is left for these filters."))
        return HttpResponseRedirect(_queue_url(request))
    messages.success(request, _("This claim is now assigned to you."))
    return redirect(claim)


def _queue_url(request: HttpRequest) -> str:
    """Back to the queue with the filters the take-next form carried."""
    params = request.POST.copy()
    for key in ("csrfmiddlewaretoken", "page"):
        params.pop(key, None)
    query = params.urlencode()
    return reverse("factcheck:queue") + (f"?{query}" if query else "")
