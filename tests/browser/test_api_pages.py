"""The API docs (Swagger UI from vendored files, under our CSP) and the API tokens page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from factcheck.api.models import ApiToken, hash_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_every_operation_with_a_clean_console(ui, live_server):
    page = ui.page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto("/api/v1/docs/")
    expect(page.get_by_text("Newsroom Factcheck API").first).to_be_visible()
    for summary in ("Send an article", "Read an article, its status and its claims",
                    "List claims with the queue's filters"):
        expect(page.get_by_text(summary)).to_be_visible()
    ui.shot("docs")
    ui.assert_clean_console()
    # Everything comes from this server: no CDN.
    assert requests and all(url.startswith(live_server.url) for url in requests)


def test_a_reviewer_creates_copies_and_revokes_a_token(ui, reviewer):
    ui.sign_in(reviewer.username)
    page = ui.page
    page.locator("header .whoami").click()
    expect(page.get_by_role("heading", name="API tokens")).to_be_visible()
    page.get_by_label("Name").fill("CMS")
    with page.expect_navigation():
        page.get_by_role("button", name="Create a token").click()
    raw = page.locator("#new-token").inner_text()
    assert hash_token(raw) == ApiToken.objects.get(name="CMS").key_hash
    ui.shot("created")
    page.goto("/account/api-tokens/")
    expect(page.locator("#new-token")).to_have_count(0)  # shown once
    with page.expect_navigation():
        page.get_by_role("button", name="Revoke “CMS”").click()
    expect(page.get_by_text("Token “CMS” revoked")).to_be_visible()
    assert ApiToken.objects.get(name="CMS").is_revoked
    ui.shot("revoked")
    ui.assert_clean_console()
