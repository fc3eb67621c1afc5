"""Publishing in real Chromium: an editor publishes; an anonymous reader reads, in English
and in French, with no console or CSP error. Source sites are the internet: mocked."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from factcheck.models import Article, Organisation, Verdict
from tests.browser.conftest import tr
from tests.factories import make_extracted_article, make_published_article, review_and_approve

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SOURCE_SITE = "https://www.senat.fr/**"
SOURCE_PAGE = "<!doctype html><title>Scrutin n° 123</title><h1>Scrutin public n° 123</h1>"


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.fixture
def organisation(db) -> Organisation:
    return Organisation.objects.create(
        name="Le Desk", url="https://desk.example/", logo_url="https://desk.example/logo.png"
    )


def mock_source_site(ui) -> None:
    ui.context.route(SOURCE_SITE, lambda route: route.fulfill(
        status=200, content_type="text/html; charset=utf-8", body=SOURCE_PAGE
    ))


def test_an_editor_publishes_and_a_reader_follows_a_source(open_ui, organisation, editor,
                                                           reviewer):
    article = make_extracted_article(editor, outlet="Le Quotidien")
    labels = ["False", "True", "Mostly true", "Unverifiable", "True"]
    for claim, label in zip(article.claims.order_by("start"), labels, strict=False):
        review_and_approve(claim, reviewer, editor, label)

    desk = open_ui(suffix="-editor")
    desk.sign_in(editor.username)
    page = desk.page
    page.goto(f"/articles/{article.uuid}/report/")
    with page.expect_navigation():
        page.get_by_role("link", name=tr("Publish…", "en")).click()
    with page.expect_navigation():
        page.get_by_role("button", name=tr("Publish", "en"), exact=True).click()
    expect(page.locator(".messages")).to_contain_text(tr("The fact-check is published.", "en"))
    public_link = page.locator(".publishing-bar a.public-link")
    expect(public_link).to_have_attribute("href", "/fact-checks/vote-au-senat/")
    desk.shot("published")
    desk.assert_clean_console()

    reader = open_ui(suffix="-reader")
    mock_source_site(reader)
    page = reader.page
    page.goto("/fact-checks/")
    with page.expect_navigation():
        page.get_by_role("link", name="Vote au Sénat").click()
    expect(page).to_have_url(re.compile(r"/fact-checks/vote-au-senat/$"))
    false = Verdict.objects.get(label_en="False")
    mark = page.locator(f".report-text mark.claim.verdict-{false.pk}").first
    expect(mark).to_be_visible()
    assert mark.evaluate("el => getComputedStyle(el).borderBottomColor") == rgb(false.colour)
    swatch = page.locator(f".legend .swatch.verdict-{false.pk}")
    assert swatch.evaluate("el => getComputedStyle(el).backgroundColor") == rgb(false.colour)
    reader.shot("article")

    with page.expect_navigation():
        page.locator(".public-claims li").first.get_by_role(
            "link", name=tr("Claim page", "en")
        ).click()
    expect(page).to_have_url(re.compile(r"/fact-checks/vote-au-senat/claims/1/$"))
    expect(page.locator(".claim-review .verdict-tag")).to_have_text("False")
    reader.shot("claim")
    with page.expect_navigation():
        page.locator("a.source-link").first.click()
    expect(page).to_have_url("https://www.senat.fr/scrutin/2024/123.html")
    expect(page.locator("h1")).to_have_text("Scrutin public n° 123")
    reader.assert_clean_console()


def test_a_french_reader_reads_a_corrected_fact_check(open_ui, organisation, editor, reviewer):
    from factcheck.actions import publishing

    article = make_published_article(editor, reviewer, labels=("True",))
    claim = article.claims.select_related("article", "verdict").get(public_number=1)
    publishing.correct_claim(claim, editor, version=claim.version, note="Compte rendu rectifié.",
                             verdict=Verdict.objects.get(label_en="Mostly true"),
                             explanation=claim.explanation)

    reader = open_ui(suffix="-fr")
    mock_source_site(reader)
    page = reader.page
    page.goto("/fact-checks/")
    reader.switch_language("fr")
    expect(page.locator("h1")).to_have_text(tr("Fact-checks", "fr"))
    with page.expect_navigation():
        page.get_by_role("link", name=article.title).click()
    expect(page.locator(".legend")).to_contain_text("Plutôt vrai")
    corrections = page.locator(".corrections").first
    expect(corrections).to_contain_text("Compte rendu rectifié.")
    expect(corrections).to_contain_text("Verdict précédent : Vrai, jusqu'au")
    reader.shot("article-fr")
    with page.expect_navigation():
        page.get_by_role("link", name=tr("Claim page", "fr")).first.click()
    expect(page.locator("h1")).to_have_text(tr("Claim review", "fr"))
    with page.expect_navigation():
        page.get_by_role("link", name=tr("Methodology", "fr"), exact=True).click()
    expect(page.locator("table.verdict-scale")).to_contain_text("Invérifiable")
    reader.shot("methodology-fr")
    reader.assert_no_horizontal_scroll()
    reader.assert_clean_console()


def test_an_unpublished_fact_check_tells_the_reader_why(open_ui, organisation, editor, reviewer):
    article = make_published_article(editor, reviewer)
    desk = open_ui(suffix="-editor")
    desk.sign_in(editor.username)
    page = desk.page
    page.goto(f"/articles/{article.uuid}/publish/")
    page.get_by_label(tr("Reason, shown to readers", "en")).fill("The outlet withdrew it.")
    with page.expect_navigation():
        page.get_by_role("button", name=tr("Unpublish", "en")).click()
    assert Article.objects.get(pk=article.pk).status == Article.Status.CHECKED
    desk.assert_clean_console()

    reader = open_ui(suffix="-reader")
    response = reader.page.goto(article.get_public_url())
    assert response.status == 410
    expect(reader.page.locator("main")).to_contain_text("The outlet withdrew it.")
    # A 410 page is still a page: no console errors beyond the status itself.
    reader.problems = [p for p in reader.problems if "410" not in p]
    reader.assert_clean_console()
