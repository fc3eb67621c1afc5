"""Error pages in the site's layout, and signing out from a page rather than a bare 405.

403, 404 and 500 are Django's own handlers rendering templates/403.html,
404.html and 500.html; a 405 (a view's method check) is filled in by
factcheck.middleware.MethodNotAllowedPageMiddleware; a refused CSRF check
renders the 403 page with its reason.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import LogoutView
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: the styled 403 page, saying what to do rather than Django's reason."""
    explanation = _("The form was too old or came from elsewhere. Go back, reload the page and "
                    "send it again.")
    return render(request, "403.html", {"reason": explanation}, status=403)


class SignOutView(LogoutView):
    """/accounts/logout/: POST signs out (Django's view); GET shows a page with the button."""

    http_method_names = ["get", "post", "options"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return render(request, "registration/sign_out.html")
