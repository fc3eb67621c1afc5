"""Errors as application/problem+json (RFC 9457), and a JSON parser with a size limit."""

from __future__ import annotations

import http
import io
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import exceptions, serializers
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_TYPE = "application/problem+json"


class PayloadTooLarge(exceptions.APIException):
    status_code = 413
    default_detail = gettext_lazy("The request is too large.")
    default_code = "too_large"


class Problem(serializers.Serializer):
    """The body of every error response (RFC 9457)."""

    type = serializers.CharField(help_text=gettext_lazy("Always about:blank: see the status."))
    title = serializers.CharField(help_text=gettext_lazy("The HTTP status's name."))
    status = serializers.IntegerField()
    detail = serializers.CharField(help_text=gettext_lazy("What went wrong, for a person."))
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=gettext_lazy("Invalid input: the messages for each field."),
    )


def problem_responses(*codes: int) -> dict[tuple[int, str], Any]:
    """extend_schema `responses` entries documenting problem bodies for `codes`."""
    return {(code, PROBLEM_TYPE): Problem for code in codes}


def problem(status: int, detail: str, errors: dict[str, list[str]] | None = None,
            headers: dict[str, str] | None = None) -> Response:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": http.HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    if errors:
        body["errors"] = errors
    return Response(body, status=status, headers=headers, content_type=PROBLEM_TYPE)


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler (Http404 and PermissionDenied included), reshaped as a problem."""
    if isinstance(exc, RequestDataTooBig):  # Django's own check, when it read the body first
        exc = _too_large(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    response = exception_handler(exc, context)
    if response is None:
        return None  # a bug: Django's 500 page, and the error is logged
    headers = {k: v for k, v in response.items() if k in ("WWW-Authenticate", "Retry-After",
                                                          "Allow")}
    data = response.data
    if isinstance(exc, exceptions.ValidationError):
        errors = _field_errors(data)
        return problem(response.status_code, _("The request has invalid fields: see errors."),
                       errors, headers)
    if isinstance(exc, exceptions.Throttled) and exc.wait is not None:
        detail = _("Too many requests with this token: try again in %(seconds)d seconds.") % {
            "seconds": max(1, round(exc.wait))}
    elif isinstance(exc, exceptions.NotFound):
        detail = _("Not found, or not visible to this token's user.")
    else:
        detail = str(data.get("detail", "")) if isinstance(data, dict) else str(data)
    return problem(response.status_code, detail, headers=headers)


def _field_errors(data: Any) -> dict[str, list[str]]:
    if not isinstance(data, dict):
        return {"non_field_errors": [str(message) for message in data]}
    errors = {}
    for name, messages in data.items():
        messages = messages if isinstance(messages, list) else [messages]
        errors[str(name)] = [str(message) for message in messages]
    return errors


class BoundedJSONParser(JSONParser):
    """JSON bodies up to DATA_UPLOAD_MAX_MEMORY_SIZE; larger ones are a 413, never read whole.

    DRF reads the request stream itself, past Django's own size check."""

    def parse(self, stream: Any, media_type: str | None = None,
              parser_context: dict | None = None) -> Any:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        request = (parser_context or {}).get("request")
        declared = request.META.get("CONTENT_LENGTH") if request is not None else None
        if declared and declared.isdigit() and int(declared) > limit:
            raise _too_large(limit)
        data = stream.read(limit + 1) if stream is not None else b""
        if len(data) > limit:
            raise _too_large(limit)
        return super().parse(io.BytesIO(data), media_type, parser_context)


def _too_large(limit: int) -> PayloadTooLarge:
    return PayloadTooLarge(
        _("The request body is over %(limit)s MB: nothing was read or saved.")
        % {"limit": limit // (1024 * 1024)}
    )
