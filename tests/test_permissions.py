"""Who may do what: every URL of factcheck/urls.py x role x method, in one table.

The rule (factcheck/access.py): anonymous users are sent to the login page; a
signed-in user whose role may not use a view gets 403 (before anything else,
the method included); objects are looked up among those the user may see, so a
uuid outside that scope, or unknown, is a 404. A new view joins by adding a row
to ROWS: the test over `urlpatterns` fails for a URL without one.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, reverse

from factcheck.actions import review
from factcheck.models import Article, Claim, ImportJob, ReviewEvent
from factcheck.urls import urlpatterns
from tests.factories import (
    add_source,
    login,
    make_article,
    make_claim,
    make_published_article,
    verdict,
)

ROLES = ("anonymous", "outsider", "reviewer", "other_reviewer", "editor", "admin")
METHODS = ("get", "post")
LOGIN = "login"  # expected "status": a redirect to the login page


@dataclass
class World:
    """One article with a claim in progress (assigned to `reviewer`) and one submitted."""

    article: Article
    in_progress: Claim
    submitted: Claim
    import_job: ImportJob
    # Another article, reviewed and published: made when a row first needs it (it costs
    # a whole review), before the request and the history count.
    make_published: Callable[[], Article] | None = None

    @cached_property
    def published(self) -> Article:
        assert self.make_published is not None
        return self.make_published()


@dataclass
class Row:
    """One URL: its kwargs, what a POST sends, and the status each role gets per method.

    `get` / `post` give the status of the newsroom roles (reviewer, other reviewer,
    editor, admin); anonymous always goes to the login page and an outsider always
    gets 403, unless `overrides` says otherwise for (role, method).
    """

    get: dict[str, int | str]
    post: dict[str, int | str]
    kwargs: Callable[[World], dict[str, Any]] = lambda world: {}
    data: Callable[[World], dict[str, Any]] = lambda world: {}
    object_kwarg: str = ""  # the kwarg naming an object, for the out-of-scope check
    overrides: dict[tuple[str, str], int | str] = field(default_factory=dict)

    def expected(self, role: str, method: str) -> int | str:
        if (role, method) in self.overrides:
            return self.overrides[(role, method)]
        if role == "anonymous":
            return LOGIN
        if role == "outsider":
            return 403
        return getattr(self, method)[role]


def staff(status: int | str, **by_role: int | str) -> dict[str, int | str]:
    """`status` for every newsroom role, with exceptions by role."""
    return {role: status for role in ROLES[2:]} | by_role


def article_kwargs(world: World) -> dict[str, Any]:
    return {"uuid": world.article.uuid}


def public(**fields: Any) -> Row:
    """A public page: every role, anonymous and outsiders included, may GET it; POST is 405."""
    everyone = {(role, method): status for role in ("anonymous", "outsider")
                for method, status in (("get", 200), ("post", 405))}
    return Row(get=staff(200), post=staff(405), overrides=everyone, **fields)


def published_claim(world: World) -> Claim:
    return world.published.claims.get(public_number=1)


def slug_kwargs(world: World) -> dict[str, Any]:
    return {"slug": world.published.slug}


ROWS: dict[str, Row] = {
    # Editors (and uploaders) go to the articles, reviewers to the queue.
    "home": Row(get=staff(302), post=staff(405)),
    "article_list": Row(get=staff(200), post=staff(405)),
    # Empty upload form: the page again with its errors.
    "article_new": Row(
        get=staff(403, editor=200, admin=200), post=staff(403, editor=200, admin=200)
    ),
    "article": Row(
        get=staff(200), post=staff(405), kwargs=article_kwargs, object_kwarg="uuid"
    ),
    "article_reextract": Row(
        get=staff(403, editor=405, admin=405),
        post=staff(403, editor=302, admin=302),
        kwargs=article_kwargs,
        object_kwarg="uuid",
    ),
    # POST: a new title (the text as it is).
    "article_edit": Row(
        get=staff(403, editor=200, admin=200),
        post=staff(403, editor=302, admin=302),
        kwargs=article_kwargs,
        data=lambda world: {
            "title": "Vote au Sénat, corrigé",
            "text": world.article.body,
            "published_precision": "day",
        },
        object_kwarg="uuid",
    ),
    # GET: the confirmation; POST: refused (409), the world's article has reviewer work.
    "article_delete": Row(
        get=staff(403, editor=200, admin=200),
        post=staff(403, editor=409, admin=409),
        kwargs=article_kwargs,
        object_kwarg="uuid",
    ),
    "article_archive": Row(
        get=staff(403, editor=405, admin=405),
        post=staff(403, editor=302, admin=302),
        kwargs=article_kwargs,
        data=lambda world: {"action": "archive"},
        object_kwarg="uuid",
    ),
    "article_report": Row(
        get=staff(200), post=staff(405), kwargs=article_kwargs, object_kwarg="uuid"
    ),
    # POST without a file: the import form again with its error.
    "imports": Row(get=staff(403, editor=200, admin=200), post=staff(403, editor=200, admin=200)),
    "import": Row(
        get=staff(403, editor=200, admin=200),
        post=staff(403, editor=405, admin=405),
        kwargs=lambda world: {"uuid": world.import_job.uuid},
        object_kwarg="uuid",
    ),
    # POST: take next (then to the claim page).
    "queue": Row(get=staff(200), post=staff(302)),
    # POST: editors release the claim in progress back to the pool (then the queue again).
    "queue_bulk": Row(
        get=staff(403, editor=405, admin=405),
        post=staff(403, editor=302, admin=302),
        data=lambda world: {"action": "release", "claims": [str(world.in_progress.uuid)]},
    ),
    # Everyone in the newsroom has their own notifications; POST marks them read.
    "notifications": Row(
        get=staff(200), post=staff(302), data=lambda world: {"action": "read_all"}
    ),
    # POST: save a draft of the claim `reviewer` is working on; other reviewers may not.
    "claim": Row(
        get=staff(200),
        post=staff(302, other_reviewer=403),
        kwargs=lambda world: {"uuid": world.in_progress.uuid},
        data=lambda world: {
            "action": "save",
            "version": world.in_progress.version,
            "verdict": "",
            "explanation": "Le compte rendu le confirme.",
            "value-date": world.in_progress.value["date"],
        },
        object_kwarg="uuid",
    ),
    # Exports of the queue's claims: editors only; a download, never a form.
    "queue_export": Row(
        get=staff(403, editor=200, admin=200),
        post=staff(403),
        kwargs=lambda world: {"fmt": "csv"},
        overrides={("editor", "post"): 405, ("admin", "post"): 405},
    ),
    "dashboard": Row(
        get=staff(403, editor=200, admin=200),
        post=staff(403),
        overrides={("editor", "post"): 405, ("admin", "post"): 405},
    ),
    # POST: approve the submitted claim.
    "approvals": Row(
        get=staff(403, editor=200, admin=200),
        post=staff(403, editor=302, admin=302),
        data=lambda world: {
            "action": "approve",
            "claim": str(world.submitted.uuid),
            "version": world.submitted.version,
        },
    ),
    # Publishing (editors). POST: unpublish the published article, with a reason.
    "article_publish": Row(
        get=staff(403, editor=200, admin=200),
        post=staff(403, editor=302, admin=302),
        kwargs=lambda world: {"uuid": world.published.uuid},
        data=lambda world: {"reason": "The outlet withdrew the article."},
        object_kwarg="uuid",
    ),
    # POST: correct the published claim's verdict, with a public note.
    "claim_correct": Row(
        get=staff(403, editor=200, admin=200),
        post=staff(403, editor=302, admin=302),
        kwargs=lambda world: {"uuid": published_claim(world).uuid},
        data=lambda world: {
            "version": published_claim(world).version,
            "verdict": verdict("Mostly true").pk,
            "explanation": published_claim(world).explanation,
            "note": "The record was amended on 3 December.",
        },
        object_kwarg="uuid",
    ),
    # POST: refused by the workflow (403): the submitted claim is neither approved nor
    # dismissed. tests/test_publishing.py reopens claims that may be.
    "claim_reopen": Row(
        get=staff(403, editor=200, admin=200),
        post=staff(403),
        kwargs=lambda world: {"uuid": world.submitted.uuid},
        data=lambda world: {"version": world.submitted.version, "reason": "A new record."},
        object_kwarg="uuid",
    ),
    # The public site: anonymous readers welcome.
    "public_list": public(),
    "public_feed": public(),
    "public_data_json": public(),
    "public_data_csv": public(),
    "public_verdict_styles": public(),
    "public_article": public(kwargs=slug_kwargs, object_kwarg="slug"),
    "public_claim": public(
        kwargs=lambda world: slug_kwargs(world) | {"number": 1}, object_kwarg="slug"
    ),
    "methodology": public(),
    "sitemap": public(),
    # The user's own API tokens. POST: a new token, shown on the page (no redirect).
    "api_tokens": Row(
        get=staff(200), post=staff(200), data=lambda world: {"action": "create", "name": "CMS"}
    ),
}


def url_names() -> list[str]:
    return [pattern.name for pattern in urlpatterns if isinstance(pattern, URLPattern)]


@pytest.fixture
def admin(db):
    return get_user_model().objects.create_superuser("ada", "ada@example.org", "x" * 20)


@pytest.fixture
def world(editor, reviewer) -> World:
    article = make_article(editor)
    in_progress = review.take_claim(make_claim(article), reviewer)
    submitted = review.take_claim(make_claim(article), reviewer)
    add_source(submitted)
    submitted = review.submit_claim(
        submitted, reviewer, version=submitted.version, verdict=verdict("True"),
        explanation="Le scrutin public le confirme.",
    )
    job = ImportJob.objects.create(filename="archive.jsonl", uploaded_by=editor,
                                   status=ImportJob.Status.DONE)
    return World(
        article, in_progress, submitted, job,
        lambda: make_published_article(editor, reviewer, body="Le Sénat a voté le 15 mars 2025."),
    )


def client_for(request: pytest.FixtureRequest, role: str) -> Any:
    if role == "anonymous":
        return request.getfixturevalue("client")
    return login(request.getfixturevalue(role))


def history(world: World) -> tuple[int, list[int]]:
    """What a refused request must leave as it was: the history and the claims' versions."""
    versions = list(Claim.objects.order_by("pk").values_list("version", flat=True))
    return ReviewEvent.objects.count(), versions


def assert_status(response: Any, expected: int | str) -> None:
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected, response.content[:500]


def test_every_url_has_a_row():
    """A new URL in factcheck/urls.py must say who may use it; no row outlives its URL."""
    assert set(ROWS) == set(url_names())


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", url_names())
def test_permission_matrix(request, world, name, role, method):
    row = ROWS.get(name)
    if row is None:
        pytest.fail(f"factcheck:{name} has no row in ROWS: say who may use it")
    expected = row.expected(role, method)
    url = reverse(f"factcheck:{name}", kwargs=row.kwargs(world))
    before = history(world)
    client = client_for(request, role)
    response = getattr(client, method)(url, row.data(world) if method == "post" else {})
    assert_status(response, expected)
    if expected in (LOGIN, 403, 405):
        assert history(world) == before, "a refused request changed something"


def scoped_cases() -> list[tuple[str, str, str]]:
    """(url name, role, method) for each object URL and each role that may use it."""
    cases = []
    for name, row in ROWS.items():
        for role in ("reviewer", "other_reviewer", "editor", "admin"):
            allowed = [m for m in METHODS if row.expected(role, m) not in (LOGIN, 403, 405)]
            if row.object_kwarg and allowed:
                cases.append((name, role, allowed[0]))
    return cases


@pytest.mark.parametrize(("name", "role", "method"), scoped_cases())
def test_objects_outside_the_users_scope_are_404(request, world, name, role, method):
    """A uuid the user may not see (here: none has it) is a 404 wherever the role is allowed."""
    row = ROWS[name]
    kwargs = row.kwargs(world) | {row.object_kwarg: uuid_lib.uuid4()}
    url = reverse(f"factcheck:{name}", kwargs=kwargs)
    client = login(request.getfixturevalue(role))
    response = getattr(client, method)(url, row.data(world) if method == "post" else {})
    assert response.status_code == 404


@pytest.mark.parametrize("claim", ["not-a-uuid", str(uuid_lib.UUID(int=0)), ""])
def test_approvals_names_an_unknown_claim_404(editor, world, claim):
    data = {"action": "approve", "claim": claim, "version": 1}
    assert login(editor).post(reverse("factcheck:approvals"), data).status_code == 404


def test_outsider_gets_403_on_an_article_not_404(outsider, world):
    """The article page used to answer 404 to outsiders where every other page said 403."""
    response = login(outsider).get(world.article.get_absolute_url())
    assert response.status_code == 403
