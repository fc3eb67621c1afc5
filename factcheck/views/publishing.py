"""Editors' publishing steps: publish or unpublish an article, correct or reopen a claim.

Each is a page of its own (GET: the form, POST: the step, then a redirect), so every
step works as plain HTTP; the report and the article page link here. A refused step
shows the form again with the reason (views/refusals.py's statuses: 400, 403, 409).
"""

from __future__ import annotations

import uuid as uuid_lib

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from factcheck import roles
from factcheck.access import get_article_for, get_claim_for, role_required
from factcheck.actions import publishing
from factcheck.actions.review import ClaimActionError
from factcheck.forms.publishing import (
    CorrectionForm,
    CorrectionSourceForm,
    ReopenForm,
    UnpublishForm,
)
from factcheck.models import Article, Claim
from factcheck.views.refusals import rebound, refusal_for


@role_required(roles.is_editor)
@require_http_methods(["GET", "POST"])
def article_publish(request: HttpRequest, uuid: uuid_lib.UUID) -> HttpResponse:
    """GET: what publishing (or unpublishing) will do; POST: do it."""
    article = get_article_for(request, uuid)
    form = UnpublishForm(request.POST if request.method == "POST" else None)
    context = {"article": article, "form": form,
               "approved": article.claims.current().filter(status=Claim.Status.APPROVED).count()}
    if request.method == "GET":
        return render(request, "factcheck/article_publish.html", context)
    try:
        if article.status == Article.Status.PUBLISHED:
            if not form.is_valid():
                return render(request, "factcheck/article_publish.html", context, status=400)
            publishing.unpublish_article(article, request.user,
                                         reason=form.cleaned_data["reason"])
            messages.success(request, _("The fact-check is no longer public."))
        else:
            article = publishing.publish_article(article, request.user)
            messages.success(request, _("The fact-check is published."))
    except ClaimActionError as exc:
        refusal = refusal_for(exc)
        context["error"] = refusal.message
        return render(request, "factcheck/article_publish.html", context, status=refusal.status)
    return redirect("factcheck:article_report", uuid=article.uuid)


@role_required(roles.is_editor)
@require_http_methods(["GET", "POST"])
def claim_correct(request: HttpRequest, uuid: uuid_lib.UUID) -> HttpResponse:
    """A correction of a published claim: verdict, explanation, sources, and a public note."""
    claim = get_claim_for(request, uuid)
    data = request.POST if request.method == "POST" else None
    form = CorrectionForm(data, claim=claim)
    source_form = CorrectionSourceForm(data)
    context = {"claim": claim, "form": form, "source_form": source_form,
               "allowed": publishing.can_correct(request.user, claim)}
    if request.method == "GET":
        return render(request, "factcheck/claim_correct.html", context)
    if not (form.is_valid() and source_form.is_valid()):
        return render(request, "factcheck/claim_correct.html", context, status=400)
    try:
        claim = publishing.correct_claim(
            claim, request.user,
            version=form.cleaned_data["version"],
            note=form.cleaned_data["note"],
            verdict=form.cleaned_data["verdict"],
            explanation=form.cleaned_data["explanation"],
            new_source=source_form.source_fields(),
            remove_sources=tuple(form.cleaned_data["remove_sources"]),
        )
    except ClaimActionError as exc:
        refusal = refusal_for(exc)
        if refusal.current is not None:
            context["form"] = rebound(CorrectionForm, request.POST, refusal.current,
                                      claim=refusal.current)
            form = context["form"]
        refusal.add_to(form)
        return render(request, "factcheck/claim_correct.html", context, status=refusal.status)
    messages.success(request, _("The correction is published."))
    return redirect(claim.get_public_url())


@role_required(roles.is_editor)
@require_http_methods(["GET", "POST"])
def claim_reopen(request: HttpRequest, uuid: uuid_lib.UUID) -> HttpResponse:
    """Before publishing: send an approved or dismissed claim back to work, with a reason."""
    claim = get_claim_for(request, uuid)
    data = request.POST if request.method == "POST" else None
    form = ReopenForm(data, initial={"version": claim.version})
    context = {"claim": claim, "form": form, "allowed": publishing.can_reopen(request.user, claim)}
    if request.method == "GET":
        return render(request, "factcheck/claim_reopen.html", context)
    if not form.is_valid():
        return render(request, "factcheck/claim_reopen.html", context, status=400)
    try:
        claim = publishing.reopen_claim(claim, request.user, version=form.cleaned_data["version"],
                                        reason=form.cleaned_data["reason"])
    except ClaimActionError as exc:
        refusal = refusal_for(exc)
        if refusal.current is not None:
            form = context["form"] = rebound(ReopenForm, request.POST, refusal.current)
        refusal.add_to(form)
        return render(request, "factcheck/claim_reopen.html", context, status=refusal.status)
    messages.success(request, _("The claim is open for review again."))
    return redirect(claim.get_absolute_url())
