"""The verdict hint follows what the reviewer types as the record's value, in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from factcheck.actions import review
from factcheck.models import Claim
from tests.factories import make_extracted_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_hint_follows_the_typed_record(ui, editor, reviewer):
    article = make_extracted_article(editor)
    claim = review.take_claim(article.claims.get(kind=Claim.Kind.VOTE_RESULT), reviewer)
    ui.sign_in(reviewer.username)
    page = ui.page
    page.goto(claim.get_absolute_url())
    hint = page.locator("#verdict-suggestion")
    expect(hint).to_be_hidden()
    record = page.locator("#review fieldset").nth(1)
    record.get_by_label("For").fill("298")
    expect(hint).to_contain_text("The record differs from the article: “False” would fit.")
    record.get_by_label("For").fill("289")
    record.get_by_label("Against").fill("12")
    record.get_by_label("Abstentions").fill("5")
    expect(hint).to_contain_text("The record says what the article says: “True” would fit.")
    for label in ("For", "Against", "Abstentions"):
        record.get_by_label(label).fill("")
    expect(hint).to_be_hidden()
    # Only a hint: no verdict was chosen.
    assert page.get_by_label("Verdict").input_value() == ""
    ui.assert_clean_console()
