"""Keyboard use of the queue, phone-width layouts, and a clean console, in real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from factcheck.models import Claim
from tests.browser.conftest import PHONE, tr
from tests.factories import make_extracted_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

MAX_TABS = 60


def test_queue_take_next_by_keyboard(ui, editor, reviewer):
    article = make_extracted_article(editor)
    first = article.claims.order_by("id").first()
    ui.sign_in(reviewer.username)
    page = ui.page
    page.goto("/queue/")
    take_next = page.get_by_role("button", name=tr("Take next pending claim", "en"))
    expect(take_next).to_be_visible()

    # From the top of the page, Tab alone reaches the button.
    page.locator("body").focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if take_next.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail(f"Tab did not reach 'Take next' in {MAX_TABS} presses")
    # A keyboard user sees where the focus is.
    assert take_next.evaluate("el => el.matches(':focus-visible')")
    outline = take_next.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    ui.shot("take-next-focused", full_page=False)

    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/claims/{first.uuid}/$"))
    first.refresh_from_db()
    assert first.status == Claim.Status.IN_PROGRESS
    assert first.assignee == reviewer
    expect(page.locator("#claim-summary .badge")).to_have_text(str(Claim.Status.IN_PROGRESS.label))
    ui.shot("claim-opened")
    ui.assert_clean_console()


def test_skip_link_is_first_and_moves_focus_to_main(ui, editor, reviewer):
    make_extracted_article(editor)
    ui.sign_in(reviewer.username)
    page = ui.page
    page.goto("/queue/")
    page.locator("body").focus()
    page.keyboard.press("Tab")
    skip = page.locator("a.skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    ui.assert_clean_console()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_phone_width_queue_and_claim_have_no_horizontal_scroll(
    lang, open_ui, editor, reviewer
):
    make_extracted_article(editor)
    make_extracted_article(
        editor,
        title="Un titre d'article particulièrement long pour voir comment la file le coupe",
        body="Le conseil municipal s'est réuni à quatre reprises entre le 3 mars 2023 "
        "et le 12 janvier 2024 ; la délibération a été adoptée à l'unanimité.",
    )
    ui = open_ui(viewport=PHONE)
    page = ui.page
    page.goto("/accounts/login/")
    if lang != "en":
        ui.switch_language(lang)
    ui.sign_in(reviewer.username)
    page.goto("/queue/")
    expect(page.locator("table.queue tbody tr").first).to_be_visible()
    ui.assert_no_horizontal_scroll()
    ui.shot("queue")

    with page.expect_navigation():
        page.get_by_role("button", name=tr("Take next pending claim", lang)).click()
    expect(page).to_have_url(re.compile(r"/claims/[0-9a-f-]{36}/$"))
    expect(page.locator("#id_verdict")).to_be_visible()
    ui.assert_no_horizontal_scroll()
    ui.shot("claim")

    # A source added by htmx must not widen the page either.
    page.locator("#id_source-url").fill(
        "https://www.example.org/a/very/long/path/without/any/break/that/could/overflow/x.html"
    )
    page.locator("#sources fieldset button[type=submit]").click()
    expect(page.locator("#sources .message.success")).to_be_visible()
    ui.assert_no_horizontal_scroll()
    ui.shot("claim-with-source")
    ui.assert_clean_console()


def test_queue_pager_swaps_the_results_in_place_and_pushes_the_url(ui, editor, reviewer):
    """The pager's links inherit hx-target/hx-swap/hx-push-url from the nav: one swap of
    #queue, no full page load, and the address bar follows."""
    from tests.factories import make_article, make_claims

    make_claims(make_article(editor), 60)
    ui.sign_in(reviewer.username)
    page = ui.page
    page.goto("/queue/")
    page.evaluate("window.notReloaded = true")
    page.locator("#page-next").click()
    expect(page).to_have_url(re.compile(r"/queue/\?after=\d+$"))
    expect(page.locator("#page-previous")).to_be_visible()
    expect(page.locator("table.queue tbody tr")).to_have_count(10)
    assert page.evaluate("window.notReloaded === true"), "the pager reloaded the whole page"
    ui.assert_clean_console()
