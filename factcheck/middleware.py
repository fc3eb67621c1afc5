"""Middleware of the app's own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string


class RequestTooBigMiddleware:
    """A POST over DATA_UPLOAD_MAX_MEMORY_SIZE gets its page back with the reason, not a bare 400.

    Django refuses such a request when its form data is first read, which the
    CSRF middleware does before any view runs; this one sits just before it.
    A view opts in by naming, as its `when_too_big` attribute, the view that
    shows the page again (nothing of the request can be read, so nothing is saved).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: tuple, view_kwargs: dict
    ) -> HttpResponse | None:
        when_too_big = getattr(view_func, "when_too_big", None)
        if when_too_big is None or request.method != "POST":
            return None
        try:
            request.POST  # noqa: B018 - reading it is what raises
        except RequestDataTooBig:
            return when_too_big(request, *view_args, **view_kwargs)
        return None


class MethodNotAllowedPageMiddleware:
    """A bare 405 (require_http_methods and friends send no body) becomes the styled page.

    The Allow header is kept; HTMX requests keep the bare answer (nothing swaps a 405).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 405 or response.content or getattr(request, "htmx", False):
            return response
        page = HttpResponse(render_to_string("405.html", request=request), status=405)
        if response.has_header("Allow"):
            page["Allow"] = response["Allow"]
        return page
