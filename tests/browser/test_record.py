"""The record's pages in real Chromium: older history on demand, cancelling an upload."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from factcheck.actions import review
from factcheck.models import Article, ReviewEvent
from tests.browser.conftest import tr
from tests.factories import make_article, make_claim, make_extracted_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_show_older_events_swaps_them_in_without_a_page_load(ui, editor, reviewer):
    claim = review.take_claim(make_claim(make_article(editor)), reviewer)
    ReviewEvent.objects.bulk_create(
        ReviewEvent(article=claim.article, claim=claim, actor=editor,
                    action=ReviewEvent.Action.COMMENT, comment=f"note {i:02d}")
        for i in range(30)
    )
    ui.sign_in(reviewer.username)
    page = ui.page
    page.goto(claim.get_absolute_url())
    items = page.locator("#history-list > li:not(.history-empty):not(.history-older)")
    expect(items).to_have_count(20)
    page.evaluate("window.notReloaded = true")
    page.get_by_role("link", name=tr("Show older events", "en")).click()
    expect(items).to_have_count(32)
    expect(items.first).to_contain_text(tr("Assigned to %(user)s", "en") % {"user": "rita"})
    expect(page.get_by_role("link", name=tr("Show older events", "en"))).to_have_count(0)
    assert page.evaluate("window.notReloaded === true"), "the link reloaded the whole page"
    ui.shot("history-all")
    ui.assert_clean_console()


def test_delete_a_duplicate_from_its_page(ui, editor):
    article = make_extracted_article(editor, title="Doublon à supprimer")
    ui.sign_in(editor.username)
    page = ui.page
    page.goto(article.get_absolute_url())
    page.get_by_role("link", name=tr("Delete or archive", "en")).click()
    confirm = page.locator("#article-remove")
    expect(confirm.get_by_role("button", name=tr("Delete for good", "en"))).to_be_visible()
    expect(page).to_have_url(re.compile(rf"/articles/{article.uuid}/$"))  # shown in place
    ui.shot("confirm-inline")
    with page.expect_navigation():
        confirm.get_by_role("button", name=tr("Delete for good", "en")).click()
    expect(page).to_have_url(re.compile(r"/articles/$"))
    expect(page.locator(".message.success")).to_contain_text("Doublon à supprimer")
    assert not Article.objects.filter(pk=article.pk).exists()
    ui.assert_clean_console()
