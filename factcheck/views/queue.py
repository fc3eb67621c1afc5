"""/queue/: the reviewers' list of claims, its filters, and "take next"."""

from __future__ import annotations

import json
import uuid as uuid_lib
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.formats import number_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from factcheck import roles
from factcheck.access import role_required
from factcheck.actions import assignment, review
from factcheck.actions.assignment import LimitReached
from factcheck.actions.review import ClaimActionError
from factcheck.forms.desk import BulkForm
from factcheck.forms.review import QueueFilterForm
from factcheck.models import Claim
from factcheck.pagination import PAGE_PARAMS, KeysetPage, query_without
from factcheck.querysets import ClaimCount, ClaimQuerySet, total_count
from factcheck.templatetags.review_tags import readable_value

PAGE_SIZE = 50
FILTER_FORM_ID = "queue-filters"
BULK_FORM_ID = "bulk-actions"
# The claim page's parameter holding the queue's query string, and what it may contain.
BACK_PARAM = "queue"
QUEUE_KEYS = ("kind", "language", "status", "article", "mine", "sort")


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
    params = form.data
    base = Claim.objects.visible_to(request.user).queue_filter(**form.filters(request.user))
    counts = base.status_counts()
    status = data.get("status", "")
    sort = data.get("sort", "") or "oldest"
    rows = base.queue_filter(status=status).for_queue_rows()
    first_rows: list[Claim] = []
    if data.get("mine") and not status:
        # "Assigned to me" lists what editors sent back first, then the rest in the sort.
        if not any(params.get(key) for key in PAGE_PARAMS):
            sent_back = rows.filter(status=Claim.Status.SENT_BACK).order_by("updated_at", "id")
            first_rows = list(sent_back[:PAGE_SIZE])
        rows = rows.exclude(status=Claim.Status.SENT_BACK)
    page = KeysetPage.load(rows, sort, params, size=PAGE_SIZE)
    total = counts[status] if status else total_count(counts.values())
    back = queue_query(params)
    return {
        "form": form,
        "page": page,
        "claims": labelled([*first_rows, *page.rows], back),
        "bulk_form": BulkForm() if roles.is_editor(request.user) else None,
        "bulk_form_id": BULK_FORM_ID,
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


def queue_query(params: Any) -> str:
    """The queue's filters and sort as a query string (no pager): what "Back" returns to."""
    kept = QueryDict(mutable=True)
    for key in QUEUE_KEYS:
        value = params.get(key, "")
        if value and len(value) <= 100:
            kept[key] = value
    return kept.urlencode()


def labelled(claims: Any, back: str = "") -> list[Claim]:
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
    if back:  # the claim page's "Back to the queue" and take-next keep these filters
        url_template += "?" + urlencode({BACK_PARAM: back})
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
    try:
        claim = review.take_next_claim(request.user, **form.take_filters())
    except LimitReached as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(_queue_url(request))
    if claim is None:
        messages.info(request, _("No pending claim is left for these filters."))
        return HttpResponseRedirect(_queue_url(request))
    messages.success(request, _("This claim is now assigned to you."))
    return redirect(claim_url(claim, queue_query(request.POST)))


def claim_url(claim: Claim, back: str) -> str:
    """The claim's page, carrying the queue's filters for "Back" and "Submit and take next"."""
    url = claim.get_absolute_url()
    return f"{url}?{urlencode({BACK_PARAM: back})}" if back else url


def queue_url(query: str) -> str:
    return reverse("factcheck:queue") + (f"?{query}" if query else "")


def carried_query(request: HttpRequest) -> str:
    """The queue filters a claim page was opened with (its ?queue=), only queue keys kept."""
    return queue_query(QueryDict(request.GET.get(BACK_PARAM, "")))


def _queue_url(request: HttpRequest) -> str:
    """Back to the queue with the filters the posted form carried."""
    return queue_url(queue_query(request.POST))


# --- bulk actions ------------------------------------------------------------------------------

# "All N matching" acts on at most this many claims in one transaction: more would hold
# row locks on a large part of the queue for seconds.
BULK_LIMIT = 500


@role_required(roles.is_editor)
@require_http_methods(["POST"])
def queue_bulk(request: HttpRequest) -> HttpResponse:
    """Assign, release or dismiss the selected claims; the queue again, with what happened."""
    form = BulkForm(request.POST)
    filters = QueueFilterForm(request.POST)
    if form.is_valid():
        ok, message = bulk_apply(request, form, filters)
    else:
        ok, message = False, " ".join(
            str(error) for errors in form.errors.values() for error in errors
        )
    if not request.htmx:
        (messages.success if ok else messages.error)(request, message)
        return HttpResponseRedirect(_queue_url(request))
    context = queue_context(request, filters) | {"bulk_message": message, "bulk_ok": ok}
    if not ok:
        context["bulk_form"] = form
    response = render(request, "factcheck/queue.html#results", context)
    response["HX-Push-Url"] = _queue_url(request)
    return response


def bulk_apply(request: HttpRequest, form: BulkForm, filters: QueueFilterForm) -> tuple[bool, str]:
    """Run the chosen step on the selection; (done, what to tell the editor)."""
    ids = selected_ids(request, form, filters)
    if ids is None:
        return False, _("More than %(limit)d claims match: narrow the filters first.") % {
            "limit": BULK_LIMIT
        }
    if not ids:
        return False, _("None of the selected claims exists any more.")
    data = form.cleaned_data
    try:
        if data["action"] == "assign":
            result = assignment.assign_claims(ids, request.user, data["reviewer"])
            changed, skipped = len(result.changed), result.skipped
            text = ngettext("%(count)d claim assigned to %(name)s.",
                            "%(count)d claims assigned to %(name)s.", changed)
        elif data["action"] == "release":
            result = assignment.release_claims(ids, request.user)
            changed, skipped = len(result.changed), result.skipped
            text = ngettext("%(count)d claim released.", "%(count)d claims released.", changed)
        else:
            dismissed, skipped = review.dismiss_claims(
                ids, request.user, reason=data["reason"], note=data["note"]
            )
            changed = len(dismissed)
            text = ngettext("%(count)d claim dismissed.", "%(count)d claims dismissed.", changed)
    except ClaimActionError as exc:
        return False, str(exc)
    reviewer = data.get("reviewer")
    message = text % {"count": changed, "name": reviewer.get_username() if reviewer else ""}
    if skipped:
        message += " " + ngettext(
            "%(count)d selected claim was left as it was (not in a state that allows it).",
            "%(count)d selected claims were left as they were (not in a state that allows it).",
            skipped,
        ) % {"count": skipped}
    return True, message


def selected_ids(
    request: HttpRequest, form: BulkForm, filters: QueueFilterForm
) -> list[int] | None:
    """The claims' ids among those the user may see; None when "all matching" is too many."""
    visible = Claim.objects.visible_to(request.user)
    if form.cleaned_data.get("all_matching") and not form.cleaned_data.get("row_claim"):
        status = filters.clean_values().get("status", "")
        matching = visible.queue_filter(**filters.filters(request.user)).queue_filter(
            status=status
        )
        ids = list(matching.order_by("pk").values_list("pk", flat=True)[: BULK_LIMIT + 1])
        return None if len(ids) > BULK_LIMIT else ids
    uuids = [u for u in form.selected_uuids() if _is_uuid(u)][: BULK_LIMIT + 1]
    if len(uuids) > BULK_LIMIT:
        return None
    return list(visible.filter(uuid__in=uuids).order_by("pk").values_list("pk", flat=True))


def _is_uuid(value: str) -> bool:
    try:
        uuid_lib.UUID(value)
    except ValueError:
        return False
    return True
