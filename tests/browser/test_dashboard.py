"""The dashboard's SVG charts render in Chromium, beside their tables, with a clean console."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from factcheck.actions import review
from factcheck.charts import PLOT_WIDTH
from tests.browser.conftest import tr
from tests.factories import add_source, make_extracted_article, verdict

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_dashboard_charts_render(ui, editor, reviewer):
    article = make_extracted_article(editor)
    for claim, label in zip(article.claims.order_by("start")[:2], ["True", "False"], strict=True):
        claim = review.take_claim(claim, reviewer)
        add_source(claim)
        claim = review.submit_claim(claim, reviewer, version=claim.version,
                                    verdict=verdict(label), explanation="Vu.")
        review.approve_claim(claim, editor, version=claim.version)
    ui.sign_in(editor.username)
    page = ui.page
    page.goto("/dashboard/")
    expect(page.get_by_role("heading", name=tr("Dashboard", "en"), level=1)).to_be_visible()
    charts = page.locator("figure.chart svg")
    expect(charts).to_have_count(5)
    for i in range(5):
        box = charts.nth(i).bounding_box()
        assert box and box["width"] > 100 and box["height"] > 10
    # Bars have a drawn size: the verdict chart's "True" bar is as long as the plot.
    verdict_bars = page.locator("#verdicts-heading ~ figure rect")
    widths = [float(verdict_bars.nth(i).get_attribute("width"))
              for i in range(verdict_bars.count())]
    assert max(widths) == PLOT_WIDTH and widths.count(PLOT_WIDTH) == 2
    assert page.locator("#verdicts-heading ~ figure rect").first.bounding_box()["width"] > 100
    # Each chart is an image with a name, and its figures are in a table too.
    expect(page.get_by_role("img", name=tr("Verdicts", "en"))).to_be_visible()
    expect(page.locator("table.figures")).to_have_count(5)
    ui.shot("dashboard")
    ui.assert_clean_console()
