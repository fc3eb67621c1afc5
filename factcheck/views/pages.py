"""Home: send each role to where its work is."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse

from factcheck import roles


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Editors to the articles, reviewers to their queue, outsiders nowhere."""
    user = request.user
    if roles.is_editor(user) or roles.can_upload(user):
        return redirect("factcheck:article_list")
    if roles.is_reviewer(user):
        try:
            return redirect(reverse("factcheck:queue"))
        except NoReverseMatch:  # the queue page is built separately; fall back to the list
            return redirect("factcheck:article_list")
    raise PermissionDenied
