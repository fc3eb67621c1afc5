"""Bulk import pages: the file form with recent imports, and one import's progress and report.

The import runs in the worker (actions/imports.py via tasks.run_import); the
progress part of the page polls this view (HTMX) until the rows are read and
their articles extracted, then the final answer (HTTP 286) stops it.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from factcheck import roles
from factcheck.access import get_import_for, role_required
from factcheck.actions import imports as import_actions
from factcheck.forms.imports import ImportForm
from factcheck.models import ImportJob, ImportRow
from factcheck.views.articles import STOP_POLLING

RECENT_IMPORTS = 20
REPORT_PAGE_SIZE = 100


@role_required(roles.can_upload)
@require_http_methods(["GET", "POST"])
def import_list(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = import_actions.start_import(upload=form.cleaned_data["file"],
                                          uploaded_by=request.user)
        messages.success(request, _("File received; the import runs in the background."))
        return redirect(job)
    jobs = ImportJob.objects.visible_to(request.user).select_related("uploaded_by")
    return render(request, "factcheck/imports.html",
                  {"form": form, "jobs": jobs[:RECENT_IMPORTS]})


@role_required(roles.can_upload)
@require_safe
def import_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    """?outcome=error|created|updated|skipped filters the report."""
    job = get_import_for(request, uuid)
    pending = job.articles_pending()
    busy = job.is_running or pending > 0
    context = {"job": job, "pending": pending, "busy": busy,
               "extracted": job.created_count + job.updated_count - pending}
    if request.htmx and busy:
        return render(request, "factcheck/import.html#progress", context)
    outcome = request.GET.get("outcome", "")
    rows = job.rows.select_related("article").order_by("line", "id")
    if outcome in ImportRow.Outcome.values:
        rows = rows.filter(outcome=outcome)
    context |= {
        "page": Paginator(rows, REPORT_PAGE_SIZE).get_page(request.GET.get("page")),
        "outcome": outcome,
        "outcomes": ImportRow.Outcome.choices,
    }
    if request.htmx:
        # Finished: the last progress, and the full report out of band.
        return render(request, "factcheck/import.html#finished", context, status=STOP_POLLING)
    return render(request, "factcheck/import.html", context)
