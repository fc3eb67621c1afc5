"""Who may open what: one place for role checks and scoped object lookups.

Every view (and later the API) goes through here, in this order:

1. `@role_required(...)`: anonymous users go to the login page; a signed-in
   user whose role may not use the view gets 403.
2. `get_article_for` / `get_claim_for`: the object is looked up among the
   ones the user may see (`visible_to`), so an object outside their scope,
   or one that does not exist, is a 404: a URL never tells an outsider
   whether the object behind it exists.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from factcheck.models import Article, Claim, ImportJob
from factcheck.querysets import ArticleQuerySet, ClaimQuerySet

RoleCheck = Callable[[Any], bool]
View = Callable[..., HttpResponse]


def role_required(*checks: RoleCheck) -> Callable[[View], View]:
    """Sign-in required, then 403 unless one of the role `checks` (factcheck.roles) passes."""
    if not checks:
        raise TypeError("role_required needs at least one role check.")

    def decorator(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not any(check(request.user) for check in checks):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return login_required(checked)

    return decorator


def as_uuid(value: Any) -> uuid_lib.UUID:
    """A UUID from a URL or a form field; 404 for anything else (never a 500)."""
    if isinstance(value, uuid_lib.UUID):
        return value
    try:
        return uuid_lib.UUID(str(value))
    except ValueError:
        raise Http404 from None


def get_article_for(
    request: HttpRequest, uuid: Any, queryset: ArticleQuerySet | None = None
) -> Article:
    """The article `uuid` among those the user may see, else 404."""
    articles = Article.objects.all() if queryset is None else queryset
    return _get(articles.visible_to(request.user), uuid)


def get_claim_for(request: HttpRequest, uuid: Any, queryset: ClaimQuerySet | None = None) -> Claim:
    """The claim `uuid` among those the user may see (with what its page shows), else 404."""
    claims = Claim.objects.with_context() if queryset is None else queryset
    return _get(claims.visible_to(request.user), uuid)


def get_import_for(request: HttpRequest, uuid: Any) -> ImportJob:
    """The import `uuid` among those the user may see, else 404."""
    return _get(ImportJob.objects.visible_to(request.user), uuid)


def _get(queryset: Any, uuid: Any) -> Any:
    try:
        return queryset.get(uuid=as_uuid(uuid))
    except queryset.model.DoesNotExist:
        raise Http404 from None
