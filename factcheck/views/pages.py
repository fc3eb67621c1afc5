"""Home: send each role to where its work is."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_safe

from factcheck import roles
from factcheck.access import role_required


@role_required(roles.is_editor, roles.can_upload, roles.is_reviewer)
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Editors to the articles, reviewers to their queue, outsiders nowhere (403)."""
    user = request.user
    if roles.is_editor(user) or roles.can_upload(user):
        return redirect("factcheck:article_list")
    return redirect("factcheck:queue")
