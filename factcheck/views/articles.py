"""Article pages: the list, upload, the article with its claims, re-extraction.

Thin views: roles and scoped lookups come from access.py, queries live in
querysets.py, writes in actions/. HTMX polling asks the same view for a
partial of the same template.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from factcheck import enqueue, roles, search
from factcheck.access import get_article_for, role_required
from factcheck.actions import articles as article_actions
from factcheck.actions import extraction
from factcheck.forms.articles import ArticleEditForm, UploadForm
from factcheck.highlight import by_sentence
from factcheck.models import Article, Claim

# htmx stops polling when it receives this status (and still swaps the content).
STOP_POLLING = 286
PAGE_SIZE = 50
# Model errors that could still surface on save, mapped to the form field shown.
FORM_FIELD_FOR = {"body": "text", "requested_language": "language", "uploaded_file": "file"}


@role_required(roles.is_staff_member)
@require_safe
def article_list(request: HttpRequest) -> HttpResponse:
    """Current articles, newest first; ?archived=1 lists the archived ones instead."""
    archived = request.GET.get("archived") == "1"
    articles = Article.objects.visible_to(request.user)
    articles = articles.archived() if archived else articles.active()
    query = search.cleaned(request.GET.get("q", ""))
    articles = search.articles_matching(articles, query).with_claim_counts().defer("body")
    page = Paginator(articles, PAGE_SIZE).get_page(request.GET.get("page"))
    busy = any(article.is_busy for article in page)
    context = {
        "page": page,
        "busy": busy,
        "can_upload": roles.can_upload(request.user),
        "archived": archived,
        "query": query,
    }
    if request.htmx:
        status = 200 if busy else STOP_POLLING
        return render(request, "factcheck/article_list.html#rows", context, status=status)
    return render(request, "factcheck/article_list.html", context)


@role_required(roles.can_upload)
@require_http_methods(["GET", "POST"])
def article_new(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            article = extraction.submit_upload(uploaded_by=request.user, **form.article_fields())
        except ValidationError as exc:
            _attach_model_errors(form, exc)
        else:
            _flag_duplicate(request, article)
            for warning in form.warnings():
                messages.warning(request, warning)
            if enqueue.deferred(article):
                messages.warning(request, _(
                    "Article saved; extraction will start as soon as the worker queue is back."
                ))
            else:
                # Says nothing of the extraction: the status line on the article page
                # follows it live, and a message would stay after it finished.
                messages.success(request, _("Article uploaded."))
            return redirect(article)
    form.focus_first_error()
    return render(request, "factcheck/article_new.html", {"form": form})


@role_required(roles.can_upload)
def _article_new_too_big(request: HttpRequest) -> HttpResponse:
    """The upload page again when the pasted text is too big for Django to read at all."""
    form = UploadForm.refused_as_too_big()
    form.focus_first_error()
    return render(request, "factcheck/article_new.html", {"form": form}, status=413)


article_new.when_too_big = _article_new_too_big  # see factcheck.middleware


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


@role_required(roles.is_staff_member)
@require_safe
def article_detail(request: HttpRequest, uuid: str) -> HttpResponse:
    article = get_article_for(request, uuid)
    if request.htmx and article.is_busy:
        return render(request, "factcheck/article.html#status", {"article": article})
    claims = list(article.claims.for_article_page())
    current = [claim for claim in claims if not claim.stale]
    context = {
        "article": article,
        "claims": current,
        "stale_claims": [claim for claim in claims if claim.stale],
        "sentences": by_sentence(current),
        # A published text changes only through a correction: no re-extraction, no edit.
        "can_change_text": (roles.is_editor(request.user)
                            and article.status != Article.Status.PUBLISHED),
        "can_manage": roles.is_editor(request.user),
        # For the highlights' legend.
        "claim_kinds": Claim.Kind.choices,
        "claim_statuses": Claim.Status.choices,
    }
    if request.htmx:
        # Extraction just finished: the new status, and the claims out of band.
        return render(request, "factcheck/article.html#finished", context, status=STOP_POLLING)
    return render(request, "factcheck/article.html", context)


@role_required(roles.is_editor)
@require_POST
def article_reextract(request: HttpRequest, uuid: str) -> HttpResponse:
    article = get_article_for(request, uuid)
    try:
        extraction.request_reextraction(article, actor=request.user)
    except extraction.PublishedTextLocked as exc:
        messages.error(request, str(exc))
        return redirect(article)
    if enqueue.deferred(article):
        messages.warning(request, _(
            "Extraction requested; it will start as soon as the worker queue is back."
        ))
    else:
        messages.info(request, _("Extraction requested again; reviewer work on claims is kept."))
    return redirect(article)


@role_required(roles.is_editor)
@require_http_methods(["GET", "POST"])
def article_delete(request: HttpRequest, uuid: str) -> HttpResponse:
    """GET: confirm (HTMX: the confirmation alone, shown in the page); POST: delete.

    An article with reviewer work cannot be deleted: the page offers to archive it.
    """
    article = get_article_for(request, uuid)
    context = {"article": article, "deletable": article_actions.can_delete(article)}
    if request.method == "POST":
        try:
            article_actions.delete_article(article, request.user)
        except article_actions.ArticleActionError as exc:
            context |= {"error": str(exc), "deletable": False}
            return render(request, "factcheck/article_delete.html", context, status=409)
        messages.success(request, _("“%(title)s” was deleted.") % {"title": article.title})
        return redirect("factcheck:article_list")
    template = "factcheck/article_delete.html"
    return render(request, f"{template}#confirm" if request.htmx else template, context)


ARCHIVE_STEPS = {"archive": article_actions.archive_article,
                 "restore": article_actions.restore_article}


@role_required(roles.is_editor)
@require_POST
def article_archive(request: HttpRequest, uuid: str) -> HttpResponse:
    """POST action=archive | restore."""
    article = get_article_for(request, uuid)
    step = ARCHIVE_STEPS.get(request.POST.get("action", ""))
    if step is None:
        return HttpResponseBadRequest(_("Unknown action."))
    try:
        step(article, request.user)
    except article_actions.ArticleActionError as exc:
        messages.error(request, str(exc))
    else:
        if step is article_actions.archive_article:
            messages.success(request, _("Article archived: it left the lists and the queue; "
                                        "its claims and history are kept."))
        else:
            messages.success(request, _("Article restored."))
    return redirect(article)


@role_required(roles.is_editor)
@require_http_methods(["GET", "POST"])
def article_edit(request: HttpRequest, uuid: str) -> HttpResponse:
    """The article's details; a new text re-extracts, carrying reviewer work over."""
    article = get_article_for(request, uuid)
    if article.status == Article.Status.PUBLISHED:
        messages.error(request, str(extraction.PublishedTextLocked()))
        return redirect(article)
    form = ArticleEditForm(request.POST or None, article=article)
    if request.method == "POST" and form.is_valid():
        try:
            edit = article_actions.edit_article(article, request.user, **form.article_fields())
        except ValidationError as exc:
            _attach_model_errors(form, exc)
        except extraction.PublishedTextLocked as exc:  # published since the page was read
            messages.error(request, str(exc))
            return redirect(article)
        else:
            messages.success(request, _edit_message(edit))
            return redirect(article)
    form.focus_first_error()
    status = 400 if form.errors else 200
    context = {"form": form, "article": article}
    return render(request, "factcheck/article_edit.html", context, status=status)


def _edit_message(edit: article_actions.Edit) -> str:
    if not edit.changed:
        return _("Nothing was changed.")
    if "body" not in edit.changed:
        if edit.reextracted:
            return _("Article saved; claims are being extracted again.")
        return _("Article saved.")
    return _(
        "Article saved; claims are being extracted again. Claims moved with the text: "
        "%(moved)s; no longer found, their reviewer work kept: %(stale)s."
    ) % {"moved": edit.moved, "stale": edit.stale}
