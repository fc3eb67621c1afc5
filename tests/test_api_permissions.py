"""Who may do what on /api/v1/: every URL of factcheck/api/urls.py x role x method.

The same rule as tests/test_permissions.py, with tokens instead of sessions:
no token is a 401, a role that may not is a 403 (an outsider has no role), an
object outside the user's scope or unknown is a 404, and every error is a
problem+json body. The schema and the docs are public.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import URLPattern, reverse
from django.utils import timezone

from factcheck.api.urls import urlpatterns
from factcheck.models import Article
from tests.api_client import ApiClient, token_for
from tests.factories import SAMPLE_TEXT
from tests.test_permissions import ROLES, admin, staff  # noqa: F401 - admin is a fixture

METHODS = ("get", "post")


@dataclass
class Row:
    get: dict[str, int]
    post: dict[str, int]
    kwargs: Callable[[Article], dict[str, Any]] = lambda article: {}
    data: dict[str, Any] = field(default_factory=dict)
    object_kwarg: str = ""
    public: bool = False  # anonymous and outsiders get what the staff get
    any_user: bool = False  # every token, an outsider's too, gets what the staff get

    def expected(self, role: str, method: str) -> int:
        if not self.public and role == "anonymous":
            return 401
        if not (self.public or self.any_user) and role == "outsider":
            return 403
        statuses = getattr(self, method)
        return statuses["editor"] if role in ("anonymous", "outsider") else statuses[role]


ROWS: dict[str, Row] = {
    # POST: a new article (editors upload; reviewers may not).
    "articles": Row(
        get=staff(403, editor=405, admin=405), post=staff(403, editor=201, admin=201),
        data={"title": "Vote", "text": SAMPLE_TEXT, "published": "2024-11-20"},
    ),
    "article": Row(get=staff(200), post=staff(405),
                   kwargs=lambda article: {"uuid": article.uuid}, object_kwarg="uuid"),
    "claims": Row(get=staff(200), post=staff(405)),
    # Published fact-checks: public data, so any valid token reads them.
    "fact_checks": Row(get=staff(200), post=staff(405), any_user=True),
    "fact_check": Row(get=staff(200), post=staff(405), any_user=True,
                      kwargs=lambda article: {"slug": published(article).slug},
                      object_kwarg="slug"),
    "schema": Row(get=staff(200), post=staff(405), public=True),
    "docs": Row(get=staff(200), post=staff(405), public=True),
    # Any other path under /api/v1/ (here the root): a problem+json 404 for everyone.
    "not_found": Row(get=staff(404), post=staff(404), public=True),
}


def published(article: Article) -> Article:
    """The matrix's article as published (its public page answers 200)."""
    article.slug, article.status = "vote-au-senat", Article.Status.PUBLISHED
    article.first_published_at = article.public_updated_at = timezone.now()
    article.save(update_fields=["slug", "status", "first_published_at", "public_updated_at"])
    return article


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def url_names() -> list[str]:
    return [pattern.name for pattern in urlpatterns if isinstance(pattern, URLPattern)]


def api_client(request: pytest.FixtureRequest, role: str) -> ApiClient:
    if role == "anonymous":
        return ApiClient()
    return ApiClient(token_for(request.getfixturevalue(role)))


def test_every_api_url_has_a_row():
    assert set(ROWS) == set(url_names())


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", url_names())
def test_api_permission_matrix(request, article, name, role, method):
    row = ROWS[name]
    expected = row.expected(role, method)
    url = reverse(f"api:{name}", kwargs=row.kwargs(article))
    articles_before = Article.objects.count()
    client = api_client(request, role)
    response = client.post(url, row.data) if method == "post" else client.get(url)
    assert response.status_code == expected, response.content[:300]
    if expected >= 400 and name not in ("docs",):
        assert response["Content-Type"] == "application/problem+json"
    if expected >= 400:
        assert Article.objects.count() == articles_before, "a refused request saved something"


@pytest.mark.parametrize("role", ("reviewer", "other_reviewer", "editor", "admin"))
@pytest.mark.parametrize("name", [name for name, row in ROWS.items() if row.object_kwarg])
def test_api_objects_outside_the_users_scope_are_404(request, article, name, role):
    row = ROWS[name]
    url = reverse(f"api:{name}", kwargs={row.object_kwarg: uuid_lib.uuid4()})
    response = api_client(request, role).get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
