"""/queue/: the reviewers' list of claims, its filters, and "take next"."""

from __future__ import annotations

import json
import uuid as uuid_lib
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from factcheck import roles
from factcheck.access import role_required
from factcheck.actions import review
from factcheck.forms.review import QueueFilterForm
from factcheck.models import Claim
from factcheck.pagination import PAGE_PARAMS, KeysetPage, query_without
from factcheck.querysets import ClaimCount, ClaimQuerySet, total_count
from factcheck.templatetags.review_tags import readable_value

PAGE_SIZE = 50
FILTER_FORM_ID = "queue-filters"


@role_required(roles.is_reviewer)
@require_http_methods(["GET", "POST"])
def queue(request: HttpRequest) -> HttpResponse:
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
    sort = data.get("sort", "") or "oldest"
    rows = base.queue_filter(status=status).for_queue_rows()
    page = KeysetPage.load(rows, sort, request.GET, size=PAGE_SIZE)
    total = counts[status] if status else total_count(counts.values())
    return {
        "form": form,
        "page": page,
        "claims": labelled(page.rows),
        "status_tabs": [
            {"value": value, "label": label, "count": shown_count(counts[value])}
            for value, label in Claim.Status.choices
        ],
        "total": shown_count(total),
        "total_number": total.value,
        "counts_estimated": not all(count.exact for count in counts.values()),
        "count_cap": number_format(ClaimQuerySet.COUNT_CAP, force_grouping=True),
        "all_total": shown_count(total_count(counts.values())),
        "current_status": status,
        "article": data.get("article"),
        "filter_form_id": FILTER_FORM_ID,
        "article_link_prefix": article_link_prefix(request),
        "can_export": roles.is_editor(request.user),
        "export_query": export_query(request),
    }


def export_query(request: HttpRequest) -> str:
    query = query_without(request.GET, *PAGE_PARAMS, "sort")
    return f"?{query}" if query else ""


def article_link_prefix(request: HttpRequest) -> str:
    """The current filters plus `article=`: built once, not with {% querystring %} per row."""
    query = query_without(request.GET, "article", *PAGE_PARAMS)
    return f"?{query}&article=" if query else "?article="


def shown_count(count: ClaimCount) -> str:
    """Exact counts as they are; estimates (past ClaimQuerySet.COUNT_CAP) rounded, as "about"."""
    if count.exact:
        return number_format(count.value, force_grouping=True)
    value = count.value
    digits = len(str(value))
    if digits > 2:  # two significant digits: an estimate is not precise to the unit
        value = round(value, 2 - digits)
    return _("about %(count)s") % {"count": number_format(value, force_grouping=True)}


def labelled(claims: Any) -> list[Claim]:
    """Attach what each row shows, computed once per request rather than per row in the
    template: get_FOO_display() re-translates every choice label on each call, reverse()
    and readable_value() cost tens of microseconds each, and rows repeat their values."""
    kinds = {key: str(label) for key, label in Claim.Kind.choices}
    statuses = {key: str(label) for key, label in Claim.Status.choices}
    # /claims/<uuid>/ for any uuid: one reverse(), then string formatting per row.
    placeholder = uuid_lib.UUID(int=0)
    url_template = reverse("factcheck:claim", kwargs={"uuid": placeholder}).replace(
        str(placeholder), "{}"
    )
    values: dict[tuple[str, str], str] = {}
    titles: dict[str, str] = {}
    rows = list(claims)
    for claim in rows:
        claim.kind_label = kinds.get(claim.kind, claim.kind)
        claim.status_label = statuses.get(claim.status, claim.status)
        claim.url = url_template.format(claim.uuid)
        claim.short_text = truncated(claim.text, 80)
        value_key = (claim.kind, json.dumps(claim.value, sort_keys=True))
        if value_key not in values:
            values[value_key] = readable_value(claim.value, claim.kind)
        claim.value_label = values[value_key]
        title = claim.article.title
        if title not in titles:
            titles[title] = truncated(title, 60)
        claim.article_short_title = titles[title]
    return rows


def truncated(text: str, length: int) -> str:
    """The truncatechars filter, without its cost for the common short text."""
    return text if len(text) <= length else Truncator(text).chars(length)


def take_next(request: HttpRequest) -> HttpResponse:
    """POST: give the user the oldest pending claim within the filters, then open it."""
    form = QueueFilterForm(request.POST)
    claim = review.take_next_claim(request.user, **form.take_filters())
    if claim is None:
        messages.info(request, _("No pending claim is left for these filters."))
        return HttpResponseRedirect(_queue_url(request))
    messages.success(request, _("This claim is now assigned to you."))
    return redirect(claim)


def _queue_url(request: HttpRequest) -> str:
    """Back to the queue with the filters the take-next form carried."""
    query = query_without(request.POST, "csrfmiddlewaretoken", *PAGE_PARAMS)
    return reverse("factcheck:queue") + (f"?{query}" if query else "")
