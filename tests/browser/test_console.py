"""Every page and every HTMX swap, as each role, in English and French: no console error.

A console error, an uncaught exception or a Content Security Policy report on
any page fails the test (tests/browser/conftest.py records them). The pages
are not listed by hand: the test walks the project's URL patterns (as
tests/test_permissions.py does) and `PAGES` says how to fill each one's
parameters. A new URL pattern without an entry in `PAGES` fails
`test_every_url_pattern_has_an_entry`, so pages added later are covered as
soon as somebody says how to open them. `SWAPS` drives the HTMX interactions
of the pages that have some (filters, pager, Back, saves, sources, older history,
taking, dismissing, approving and sending back, the article's live status).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver
from playwright.sync_api import expect

from factcheck.actions import review
from factcheck.actions.extraction import apply_extraction
from factcheck.extraction import extract
from factcheck.models import Article, Claim, ImportJob, ImportRow, ReviewEvent
from factcheck.views.claims import HISTORY_PAGE
from tests.browser.conftest import DESKTOP, PHONE, UI, in_lang, tr
from tests.factories import (
    PASSWORD,
    SAMPLE_TEXT,
    add_source,
    make_article,
    make_claims,
    make_extracted_article,
    make_published_article,
    verdict,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROLES = ("anonymous", "reviewer", "editor", "admin")
LANGUAGES = ("en", "fr")
PAGER_CLAIMS = 60  # more than one queue page (views/queue.py PAGE_SIZE)


@dataclass
class World:
    """What the pages show: an extracted article, a claim being reviewed, one submitted."""

    article: Article
    in_progress: Claim  # the signed-in user's, with more history than the page shows at once
    submitted: Claim
    submitted_too: Claim  # a second verdict waiting: one is sent back, the other approved
    pending: Claim  # nobody's yet: taken from its page
    busy: Article  # queued for extraction: its page polls until the extraction lands
    user: Any  # the signed-in user (None for anonymous)
    published: Article  # reviewed and published: the public pages show it
    import_job: ImportJob  # a finished import with one good and one bad row


@dataclass(frozen=True)
class Visit:
    """How to open one URL pattern: its kwargs, from the world."""

    kwargs: Callable[[World], dict[str, Any]] = lambda world: {}


@dataclass(frozen=True)
class Skip:
    """A pattern that is not a page: why it is left out of the walk."""

    reason: str


def article_uuid(world: World) -> dict[str, Any]:
    return {"uuid": world.article.uuid}


def first_public(world: World) -> Claim:
    return world.published.claims.get(public_number=1)


# Every URL pattern of newsroom/urls.py by its reversible name ("namespace:name"); the
# whole Django admin is one entry ("admin"). Patterns that answer only POST are visited
# too: their GET is the styled 405 page.
PAGES: dict[str, Visit | Skip] = {
    "healthz": Skip("JSON for the load balancer, no page"),
    "favicon": Skip("the icon browsers ask for on pages that name none (the admin's)"),
    "admin": Visit(),  # see ADMIN_PATHS
    "login": Visit(),
    "logout": Visit(),  # GET: the page with the sign-out button
    "password_change": Visit(),
    "password_change_done": Visit(),
    "password_reset": Visit(),
    "password_reset_done": Visit(),
    "password_reset_confirm": Visit(kwargs=lambda world: {"uidb64": "MQ", "token": "x-y"}),
    "password_reset_complete": Visit(),
    "set_language": Skip("POST only, used by every visit: the language menu"),
    "factcheck:home": Visit(),
    "factcheck:article_list": Visit(),
    "factcheck:article_new": Visit(),
    "factcheck:article": Visit(kwargs=article_uuid),
    "factcheck:article_reextract": Visit(kwargs=article_uuid),
    "factcheck:article_edit": Visit(kwargs=article_uuid),
    "factcheck:article_delete": Visit(kwargs=article_uuid),
    "factcheck:article_archive": Visit(kwargs=article_uuid),
    "factcheck:article_report": Visit(kwargs=article_uuid),
    "factcheck:queue": Visit(),
    "factcheck:claim": Visit(kwargs=lambda world: {"uuid": world.in_progress.uuid}),
    "factcheck:approvals": Visit(),
    "factcheck:dashboard": Visit(),
    "factcheck:notifications": Visit(),
    "factcheck:queue_bulk": Skip("POST only: the queue's bulk bar (tests/test_bulk_actions.py)"),
    "factcheck:queue_export": Skip("CSV and JSON downloads (tests/test_exports.py)"),
    # Publishing: the editors' pages, on the published article and its first claim.
    "factcheck:article_publish": Visit(kwargs=lambda world: {"uuid": world.published.uuid}),
    "factcheck:claim_correct": Visit(kwargs=lambda world: {"uuid": first_public(world).uuid}),
    "factcheck:claim_reopen": Visit(kwargs=lambda world: {"uuid": world.submitted.uuid}),
    # The public site.
    "factcheck:public_list": Visit(),
    "factcheck:public_article": Visit(kwargs=lambda world: {"slug": world.published.slug}),
    "factcheck:public_claim": Visit(
        kwargs=lambda world: {"slug": world.published.slug, "number": 1}
    ),
    "factcheck:methodology": Visit(),
    "factcheck:public_feed": Skip("Atom XML for feed readers (tests/test_public_pages.py)"),
    "factcheck:public_data_json": Skip("open data, JSON (tests/test_public_pages.py)"),
    "factcheck:public_data_csv": Skip("open data, CSV (tests/test_public_pages.py)"),
    "factcheck:public_verdict_styles": Skip("the verdict colours' stylesheet"),
    "factcheck:sitemap": Skip("XML for search engines (tests/test_public_pages.py)"),
    "factcheck:api_tokens": Visit(),
    "api:articles": Skip("JSON API: tests/test_api*.py"),
    "api:article": Skip("JSON API: tests/test_api*.py"),
    "api:claims": Skip("JSON API: tests/test_api*.py"),
    "api:fact_checks": Skip("JSON API: tests/test_api_fact_checks.py"),
    "api:fact_check": Skip("JSON API: tests/test_api_fact_checks.py"),
    "api:schema": Skip("the OpenAPI schema, JSON: tests/test_api_schema.py"),
    "api:docs": Skip("Swagger UI, its console checked by tests/browser/test_api_pages.py"),
    "api:not_found": Skip("JSON API's 404 for unknown paths: tests/test_api_permissions.py"),
    "factcheck:imports": Visit(),
    "factcheck:import": Visit(kwargs=lambda world: {"uuid": world.import_job.uuid}),
}
ADMIN_PATHS = ("/admin/", "/admin/factcheck/claim/", "/admin/factcheck/reviewevent/",
               "/admin/factcheck/organisation/")
# Not a pattern: what a mistyped address shows.
EXTRA_PATHS = ("/no-such-page/",)


def url_names() -> Iterator[str]:
    """Every pattern's name under the root URLconf, the admin's folded into "admin"."""

    def walk(patterns: list, namespace: str) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.namespace == "admin":
                    yield "admin"
                    continue
                inner = pattern.namespace or ""
                prefix = f"{namespace}:{inner}" if namespace and inner else inner or namespace
                yield from walk(pattern.url_patterns, prefix)
            elif isinstance(pattern, URLPattern):
                name = pattern.name or str(pattern.pattern)
                yield f"{namespace}:{name}" if namespace else name

    return walk(get_resolver().url_patterns, "")


def test_every_url_pattern_has_an_entry():
    """A new page must say how to open it (or why it is not a page); no entry outlives it."""
    names = set(url_names())
    assert names - set(PAGES) == set(), "add these to PAGES in tests/browser/test_console.py"
    assert set(PAGES) - names == set(), "these PAGES entries name no URL pattern any more"


def paths(world: World) -> Iterator[str]:
    from django.urls import reverse

    for name, entry in sorted(PAGES.items()):
        if isinstance(entry, Skip):
            continue
        if name == "admin":
            yield from ADMIN_PATHS
            continue
        yield reverse(name, kwargs=entry.kwargs(world))
    yield from EXTRA_PATHS


# --- the HTMX swaps -----------------------------------------------------------------------------


def can_review(role: str) -> bool:
    return role in ("reviewer", "editor", "admin")


def can_edit_articles(role: str) -> bool:
    return role in ("editor", "admin")


def queue_swaps(ui: UI, world: World, role: str, lang: str) -> None:
    """Filter, page forward, come Back (an htmx history restore), change the status tab."""
    if not can_review(role):
        return
    page = ui.page
    page.goto("/queue/")
    with page.expect_response(re.compile(r"/queue/\?")):
        page.locator("#id_kind").select_option("date")
    expect(page).to_have_url(re.compile(r"kind=date"))
    with page.expect_response(re.compile(r"after=")):
        page.locator("#page-next").click()
    expect(page).to_have_url(re.compile(r"after="))
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"after="))
    expect(page.locator("#page-next")).to_be_visible()
    page.locator(".status-tabs a").nth(1).click()
    expect(page).to_have_url(re.compile(r"status=pending"))


def claim_swaps(ui: UI, world: World, role: str, lang: str) -> None:
    """Save a draft, add a source typed without https://, remove it, load older history."""
    if not can_review(role):
        return
    page = ui.page
    page.goto(world.in_progress.get_absolute_url())
    explanation = page.locator("#id_explanation")
    explanation.fill("Le compte rendu du Sénat le confirme.")
    # As a reviewer dragging the textarea's corner does: the browser sets its style. The
    # swap must not copy that attribute onto the new textarea (CSP forbids inline styles).
    explanation.evaluate("el => { el.style.height = '14rem'; }")
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.locator("#review button[value=save]").click()
    expect(page.locator("#review .message")).to_have_text(tr("Draft saved.", lang))
    page.locator("#id_source-url").fill("example.org/page")
    page.locator("#id_source-title").fill("Compte rendu")
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.locator("#sources fieldset button[type=submit]").click()
    expect(page.locator("#sources .message")).to_have_text(tr("Source added.", lang))
    expect(page.locator("#sources a[href='https://example.org/page']")).to_be_visible()
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.locator("#sources form.inline button").click()
    expect(page.locator("#sources .message")).to_have_text(tr("Source removed.", lang))


def approvals_swaps(ui: UI, world: World, role: str, lang: str) -> None:
    """Send one verdict back with its comment, approve the other: the count follows."""
    if not can_edit_articles(role):
        return
    page = ui.page
    page.goto("/approvals/")
    first = page.locator(".approval").first
    send_back = first.locator(".decisions button:not(.primary)")
    first.locator("textarea").fill("Il manque le compte rendu officiel.")
    with page.expect_response(lambda r: r.request.method == "POST"):
        send_back.click()
    expect(first.locator(".message.success")).to_contain_text(
        tr("Sent back to the reviewer.", lang))
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.locator(".approval .decisions button.primary").first.click()
    expect(page.locator(".approval .message.success")).to_have_count(2)
    expect(page.locator("#approvals-count")).to_have_text(
        tr("Nothing is waiting for approval.", lang)
    )


def article_swaps(ui: UI, world: World, role: str, lang: str) -> None:
    """Open the delete-or-archive confirmation inside the article page."""
    if not can_edit_articles(role):
        return
    page = ui.page
    page.goto(world.article.get_absolute_url())
    with page.expect_response(re.compile(r"/delete/")):
        page.locator(f"a[href$='/{world.article.uuid}/delete/']").click()
    expect(page.locator("#article-remove form")).to_be_visible()


def article_status_swaps(ui: UI, world: World, role: str, lang: str) -> None:
    """The queued article's page polls its status; when the extraction lands, it says so."""
    if not can_review(role):
        return
    page = ui.page
    page.goto(world.busy.get_absolute_url())
    status = page.locator("#article-status")
    expect(status).to_contain_text(tr("Extracting claims; this page updates by itself.", lang))
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        pass  # one poll while still busy
    apply_extraction(world.busy.pk, extract(SAMPLE_TEXT, lang="fr", published="2024-11-20"),
                     "fr")
    expect(status.locator(".badge")).to_have_text(in_lang(Article.Status.IN_REVIEW.label, lang))
    expect(status).not_to_contain_text(tr("Extracting claims; this page updates by itself.",
                                          lang))


def history_swaps(ui: UI, world: World, role: str, lang: str) -> None:
    """"Show older events" loads the rest of the claim's history under what the page shows."""
    if not can_review(role):
        return
    page = ui.page
    page.goto(world.in_progress.get_absolute_url())
    history = page.locator("#history-list time")
    expect(history).to_have_count(HISTORY_PAGE)
    with page.expect_response(re.compile(r"history_before=")):
        page.locator("#history-older a").click()
    expect(history).to_have_count(world.in_progress.events.count())
    expect(page.locator("#history-older")).to_have_count(0)


def take_swaps(ui: UI, world: World, role: str, lang: str) -> None:
    """Take a claim from its page, then the next pending one from the queue."""
    if not can_review(role):
        return
    page = ui.page
    page.goto(world.pending.get_absolute_url())
    page.locator("#review form button.primary").click()
    expect(page.locator(".messages")).to_contain_text(
        tr("This claim is now assigned to you.", lang))
    expect(page.locator("#id_explanation")).to_be_visible()
    page.goto("/queue/")
    page.get_by_role("button", name=tr("Take next pending claim", lang)).click()
    expect(page).to_have_url(re.compile(r"/claims/"))
    expect(page.locator("#id_explanation")).to_be_visible()


def dismiss_swaps(ui: UI, world: World, role: str, lang: str) -> None:
    """Dismiss the claim under review with a reason: at once for an editor, proposed for a
    reviewer (an editor approves it)."""
    if not can_review(role):
        return
    page = ui.page
    page.goto(world.in_progress.get_absolute_url())
    dismiss = page.locator("details.dismiss")
    dismiss.locator("summary").click()
    dismiss.locator("select").select_option(index=1)
    dismiss.locator("textarea").fill("Une erreur d'extraction.")
    dismiss.locator("button.danger").click()
    message = ("Claim dismissed." if can_edit_articles(role) else
               "Dismissal submitted: an editor will approve it or send it back.")
    expect(page.locator(".messages")).to_contain_text(tr(message, lang))


Swap = Callable[[UI, World, str, str], None]
# In this order: the dismissal comes last (it closes the claim the others use).
SWAPS: dict[str, tuple[Swap, ...]] = {
    "factcheck:queue": (queue_swaps,),
    "factcheck:article": (article_swaps, article_status_swaps),
    "factcheck:approvals": (approvals_swaps,),
    "factcheck:claim": (claim_swaps, history_swaps, take_swaps, dismiss_swaps),
}


def test_every_swap_names_a_page():
    assert set(SWAPS) <= {name for name, entry in PAGES.items() if isinstance(entry, Visit)}


# --- the walk -----------------------------------------------------------------------------------


def user_for(role: str, request: pytest.FixtureRequest) -> Any:
    if role == "anonymous":
        return None
    if role == "admin":
        return get_user_model().objects.create_superuser("ada", "ada@example.org", PASSWORD)
    return request.getfixturevalue(role)


def make_world(user: Any, editor: Any, reviewer: Any) -> World:
    article = make_extracted_article(editor)
    claims = list(article.claims.order_by("start"))
    # The claim page's forms are the signed-in user's to use (the reviewer's when anonymous).
    in_progress = review.take_claim(claims[0], user or reviewer)
    ReviewEvent.objects.bulk_create(
        ReviewEvent(article=article, claim=in_progress, actor=reviewer,
                    action=ReviewEvent.Action.COMMENT, comment=f"Note {n}")
        for n in range(HISTORY_PAGE + 5)
    )
    submitted, submitted_too = (submit(claim, reviewer) for claim in claims[1:3])
    make_claims(make_article(editor, title="Un autre article"), PAGER_CLAIMS)
    busy = make_article(editor, title="En cours d'extraction", body=SAMPLE_TEXT)
    Article.objects.filter(pk=busy.pk).update(status=Article.Status.QUEUED)
    published = make_published_article(editor, reviewer, body="Le Sénat a voté le 15 mars 2025.")
    job = ImportJob.objects.create(filename="archive.jsonl", uploaded_by=editor,
                                   status=ImportJob.Status.DONE, rows_total=2, rows_done=2,
                                   created_count=1, error_count=1)
    ImportRow.objects.bulk_create([
        ImportRow(job=job, line=1, outcome=ImportRow.Outcome.CREATED, article=article),
        ImportRow(job=job, line=2, outcome=ImportRow.Outcome.ERROR,
                  message="This line is not valid JSON (Expecting value)."),
    ])
    return World(article, in_progress, submitted, submitted_too, claims[3], busy, user,
                 published, job)


def submit(claim: Claim, reviewer: Any) -> Claim:
    claim = review.take_claim(claim, reviewer)
    add_source(claim)
    return review.submit_claim(
        claim, reviewer, version=claim.version, verdict=verdict("True"),
        explanation="Le scrutin public le confirme.",
    )


def open_as(open_ui: Callable[..., UI], user: Any, lang: str, viewport: dict) -> UI:
    """A browser whose language cookie says `lang` (as the menu would set), signed in as `user`."""
    ui = open_ui(viewport=viewport, suffix=f"-{lang}")
    ui.page.goto("/accounts/login/")
    site = urlsplit(ui.page.url)
    ui.context.add_cookies(  # the whole site's, as set_language sets it (path "/")
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": lang,
          "url": f"{site.scheme}://{site.netloc}/"}]
    )
    if user is not None:
        ui.sign_in(user.get_username(), PASSWORD)
    return ui


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("role", ROLES)
def test_no_console_error_on_any_page_or_swap(
    request, open_ui, editor, reviewer, role, lang
):
    user = user_for(role, request)
    world = make_world(user, editor, reviewer)
    ui = open_as(open_ui, user, lang, DESKTOP)
    page = ui.page
    refused: set[tuple[str, int]] = set()  # pages meant to answer 403, 404 or 405
    for path in paths(world):
        response = page.goto(path)
        if response.status >= 400:
            refused.add((response.url, response.status))
        if not path.startswith("/admin/"):  # the admin is Django's, in its own languages
            expect(page.locator("html"), f"language of {path}").to_have_attribute("lang", lang)
    for swaps in SWAPS.values():
        for swap in swaps:
            swap(ui, world, role, lang)
    # Chromium logs an error status of the page itself; what must be clean is the page.
    ui.problems = [p for p in ui.problems if not refused_page_status(p, refused)]
    ui.assert_clean_console()


def refused_page_status(problem: str, refused: set[tuple[str, int]]) -> bool:
    """Chromium's own line for a page answering 4xx: `refused` holds (url, status) of those."""
    found = LOAD_FAILED.fullmatch(problem)
    if not found:
        return False
    status, url = int(found["status"]), unquote(found["url"]).split("?")[0]
    return any(status == code and url == unquote(page).split("?")[0] for page, code in refused)


LOAD_FAILED = re.compile(
    r"console error: Failed to load resource: the server responded with a status of "
    r"(?P<status>\d+) \([^)]*\) \((?P<url>[^)]*)\)"
)
REASONS = {403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_menu_folds_and_unfolds(open_ui, editor, lang):
    ui = open_as(open_ui, editor, lang, PHONE)
    page = ui.page
    page.goto("/articles/")
    header = page.locator("header.topbar")
    toggle = header.locator(".menu-toggle")
    expect(toggle).to_be_visible()
    expect(header.locator("a[href='/approvals/']")).to_be_hidden()
    # One row: brand and button, not the four rows the links took when wrapped.
    assert header.bounding_box()["height"] < 70
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(header.locator("a[href='/approvals/']")).to_be_visible()
    expect(header.locator("a[aria-current=page]")).to_have_attribute("href", "/articles/")
    ui.assert_no_horizontal_scroll()
    ui.shot("menu-open", full_page=False)
    ui.assert_clean_console()
