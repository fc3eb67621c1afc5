"""Article pages: the list, upload, the article with its claims, re-extraction.

Thin views: lookups are scoped with visible_to(), queries live in
querysets.py, writes in actions.py. HTMX polling asks the same view for a
partial of the same template.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from factcheck import actions, enqueue, roles
from factcheck.article_forms import UploadForm
from factcheck.highlight import by_sentence
from factcheck.models import Article

# htmx stops polling when it receives this status (and still swaps the content).
STOP_POLLING = 286
PAGE_SIZE = 50
# Model errors that could still surface on save, mapped to the form field shown.
FORM_FIELD_FOR = {"body": "text", "requested_language": "language", "uploaded_file": "file"}


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
def article_list(request: HttpRequest) -> HttpResponse:
    require(roles.is_staff_member(request.user))
    articles = Article.objects.visible_to(request.user).with_claim_counts().defer("body")
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    busy = any(article.is_busy for article in page)
    context = {"page": page, "busy": busy, "can_upload": roles.can_upload(request.user)}
    if request.htmx:
        status = 200 if busy else STOP_POLLING
        return render(request, "factcheck/article_list.html#rows", context, status=status)
    return render(request, "factcheck/article_list.html", context)


@login_required
def article_new(request: HttpRequest) -> HttpResponse:
    require(roles.can_upload(request.user))
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = actions.submit_upload(uploaded_by=request.user, **form.article_fields())
        except ValidationError as exc:
            _attach_model_errors(form, exc)
        else:
            _flag_duplicate(request, article)
            if enqueue.deferred(article):
                messages.warning(request, _(
                    "Article saved; extraction will start as soon as the worker queue is back."
                ))
            else:
                messages.success(request, _("Article uploaded; claims are being extracted."))
            return redirect(article)
    form.focus_first_error()
    return render(request, "factcheck/article_new.html", {"form": form})


def _attach_model_errors(form: UploadForm, exc: ValidationError) -> None:
    errors = getattr(exc, "error_dict", {None: exc.error_list})
    for field, field_errors in errors.items():
        name = FORM_FIELD_FOR.get(field, field)
        form.add_error(name if name in form.fields else None, field_errors)


def _flag_duplicate(request: HttpRequest, article: Article) -> None:
    first = article.duplicates().visible_to(request.user).oldest_first().first()
    if first is not None:
        messages.warning(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("The same text was already uploaded:"),
                first.get_absolute_url(),
                first.title,
            ),
        )


@login_required
def article_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    article = get_object_or_404(Article.objects.visible_to(request.user), uuid=uuid)
    if request.htmx and article.is_busy:
        return render(request, "factcheck/article.html#status", {"article": article})
    claims = list(article.claims.for_article_page())
    current = [claim for claim in claims if not claim.stale]
    context = {
        "article": article,
        "claims": current,
        "stale_claims": [claim for claim in claims if claim.stale],
        "sentences": by_sentence(current),
        "can_reextract": roles.is_editor(request.user),
    }
    if request.htmx:
        # Extraction just finished: the new status, and the claims out of band.
        return render(request, "factcheck/article.html#finished", context, status=STOP_POLLING)
    return render(request, "factcheck/article.html", context)


@login_required
@require_POST
def article_reextract(request: HttpRequest, uuid: str) -> HttpResponse:
    require(roles.is_editor(request.user))
    article = get_object_or_404(Article.objects.visible_to(request.user), uuid=uuid)
    actions.request_reextraction(article, actor=request.user)
    if enqueue.deferred(article):
        messages.warning(request, _(
            "Extraction requested; it will start as soon as the worker queue is back."
        ))
    else:
        messages.info(request, _("Extraction requested again; reviewer work on claims is kept."))
    return redirect(article)
