"""/dashboard/: the desk's figures, SVG charts with their tables, editors only."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from factcheck.actions import review
from factcheck.models import Claim, ReviewEvent
from tests.factories import add_source, login, make_article, make_claims, verdict

DASHBOARD = "/dashboard/"


def judge(claim, reviewer, editor, label="True", value=None, approve=True):
    claim = review.take_claim(claim, reviewer)
    add_source(claim)
    claim = review.submit_claim(claim, reviewer, version=claim.version, verdict=verdict(label),
                                explanation="Vu.", value=value)
    if approve:
        claim = review.approve_claim(claim, editor, version=claim.version)
    return claim


@pytest.fixture
def desk(editor, reviewer, other_reviewer):
    fr = make_article(editor, language="fr")
    en = make_article(editor, title="Vote", language="en")
    dates = make_claims(fr, 4, Claim.Kind.DATE)
    votes = make_claims(en, 3, Claim.Kind.VOTE_RESULT, offset=10)
    judge(dates[0], reviewer, editor, "True")
    judge(dates[1], reviewer, editor, "False", value={"date": "2024-11-16"})
    error = review.take_claim(dates[2], reviewer)
    review.dismiss_claim(error, editor, version=error.version, reason="extraction_error",
                         note="Not a date.")
    judge(votes[0], reviewer, editor, "True", approve=False)
    review.take_claim(votes[1], other_reviewer)
    return fr, en


def context(editor):
    response = login(editor).get(DASHBOARD)
    assert response.status_code == 200
    return response, response.context


def test_claims_by_status_and_kind(editor, desk):
    _, ctx = context(editor)
    rows = {label: (counts, total) for label, counts, total in ctx["status_rows"]}
    statuses = [key for key, _ in ctx["statuses"]]
    date_counts = dict(zip(statuses, rows["Date"][0], strict=True))
    assert date_counts == {"pending": 1, "in_progress": 0, "sent_back": 0, "submitted": 0,
                           "approved": 2, "dismissed": 1}
    assert rows["Vote result"][1] == 3
    assert ctx["total"] == 7


def test_verdicts_reviews_per_day_and_reviewers(editor, reviewer, desk):
    _, ctx = context(editor)
    verdicts = {str(v): n for v, n in ctx["verdict_rows"]}
    assert verdicts["True"] == 2 and verdicts["False"] == 1 and verdicts["Misleading"] == 0
    per_day = ctx["per_day"]
    assert len(per_day) == 30 and per_day[-1] == (timezone.localdate(), 3)
    assert ctx["reviewers"] == [("ravi", 1), ("rita", 1)]  # most first, then by name


def test_median_time_from_extraction_to_approval(editor, desk):
    approvals = ReviewEvent.objects.filter(action="status", after__status="approved")
    claims = Claim.objects.filter(pk__in=approvals.values("claim"))
    now = timezone.now()
    for hours, claim in zip([2, 6], claims, strict=True):
        Claim.objects.filter(pk=claim.pk).update(created_at=now - dt.timedelta(hours=hours))
    approvals.update(created_at=now)
    response, ctx = context(editor)
    assert abs(ctx["median_to_approval"] - dt.timedelta(hours=4)) < dt.timedelta(seconds=5)
    assert "4 hours" in response.content.decode()


def test_detector_quality_per_kind_and_language(editor, desk):
    _, ctx = context(editor)
    quality = {(row.kind, row.language): row for row in ctx["quality"]}
    dates = quality[("date", "fr")]
    assert (dates.reviewed, dates.extraction_errors, dates.corrected) == (3, 1, 1)
    assert dates.precision == pytest.approx(1 / 3)
    votes = quality[("vote_result", "en")]
    assert (votes.reviewed, votes.precision) == (1, 1.0)


def test_charts_are_svg_with_a_data_table_each(editor, desk):
    response, _ = context(editor)
    html = response.content.decode()
    assert html.count('<svg role="img"') == 5
    assert html.count('<table class="figures">') == 5
    assert "Date (French)" in html and "33.3 %" in html


def test_empty_dashboard(editor):
    response, ctx = context(editor)
    assert ctx["total"] == 0 and ctx["median_to_approval"] is None
    assert "No claim judged yet." in response.content.decode()


def test_query_count_does_not_grow_with_the_claims(editor, reviewer, desk):
    client = login(editor)
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as before:
        client.get(DASHBOARD)
    fr, _ = desk
    for claim in make_claims(fr, 5, Claim.Kind.MEETING_COUNT, offset=100):
        judge(claim, reviewer, editor, "Mostly true")
    with CaptureQueriesContext(connection) as after:
        client.get(DASHBOARD)
    assert len(after) == len(before)


@pytest.mark.parametrize("role", ["reviewer", "outsider"])
def test_only_editors(request, role, desk):
    assert login(request.getfixturevalue(role)).get(DASHBOARD).status_code == 403


def test_the_nav_links_editors_to_it(editor, reviewer):
    assert 'href="/dashboard/"' in login(editor).get("/queue/").content.decode()
    assert 'href="/dashboard/"' not in login(reviewer).get("/queue/").content.decode()


def test_svg_lengths_stay_numbers_in_french(editor, desk):
    """French writes 240,0; an SVG length must read 240.0 (Chromium logs an error otherwise)."""
    client = login(editor)
    client.cookies["django_language"] = "fr"
    html = client.get(DASHBOARD, headers={"accept-language": "fr"}).content.decode()
    assert "Tableau de bord" in html
    lengths = re.findall(r'<rect x="([^"]*)" y="([^"]*)" width="([^"]*)" height="([^"]*)"', html)
    assert lengths, "no bars drawn"
    assert all("," not in value for bar in lengths for value in bar)
