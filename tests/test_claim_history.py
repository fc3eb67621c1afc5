"""The claim page shows the newest 20 events; older ones load on demand (HTMX or a plain link)."""

from __future__ import annotations

import re

import pytest

from factcheck.actions import review
from factcheck.models import Claim, ReviewEvent
from tests.factories import HTMX, login, make_article, make_claim

EVENTS = 51  # take: 2 events, then 49 comments


@pytest.fixture
def long_history(editor, reviewer) -> Claim:
    claim = review.take_claim(make_claim(make_article(editor)), reviewer)
    ReviewEvent.objects.bulk_create(
        ReviewEvent(article=claim.article, claim=claim, actor=editor,
                    action=ReviewEvent.Action.COMMENT, comment=f"draft {i:02d}")
        for i in range(EVENTS - 2)
    )
    assert claim.events.count() == EVENTS
    return claim


def drafts(content: str) -> list[str]:
    return re.findall(r"draft (\d\d)", content)


def older_link(content: str) -> str | None:
    match = re.search(r'href="(\?history_before=\d+)#history"', content)
    return match[1] if match else None


def test_page_shows_the_newest_twenty_and_a_link_to_older(long_history, reviewer):
    content = login(reviewer).get(long_history.get_absolute_url()).content.decode()
    history = content[content.index('id="history-list"'):]
    assert drafts(history) == [f"{i:02d}" for i in range(29, 49)]
    assert "Show older events" in history and older_link(history)
    assert "Assigned to" not in history


def test_htmx_loads_twenty_older_events_at_a_time(long_history, reviewer):
    client = login(reviewer)
    url = long_history.get_absolute_url()
    link = older_link(client.get(url).content.decode())
    fragment = client.get(url + link, **HTMX).content.decode()
    assert "<html" not in fragment
    assert drafts(fragment) == [f"{i:02d}" for i in range(9, 29)]
    last = client.get(url + older_link(fragment), **HTMX).content.decode()
    assert drafts(last) == [f"{i:02d}" for i in range(9)]
    assert "Assigned to rita" in last and older_link(last) is None


def test_plain_link_shows_the_whole_page_with_the_older_events(long_history, reviewer):
    client = login(reviewer)
    url = long_history.get_absolute_url()
    first = client.get(url + older_link(client.get(url).content.decode())).content.decode()
    assert "<html" in first and "Save draft" in first
    assert drafts(first[first.index('id="history-list"'):]) == [f"{i:02d}" for i in range(9, 49)]
    everything = client.get(url + older_link(first)).content.decode()
    assert len(drafts(everything[everything.index('id="history-list"'):])) == 49
    assert older_link(everything) is None


@pytest.mark.parametrize("value", ["abc", "-1", "999999999"])
def test_an_unknown_history_position_is_a_clear_400(long_history, reviewer, value):
    response = login(reviewer).get(f"{long_history.get_absolute_url()}?history_before={value}")
    assert response.status_code == 400
    assert "does not exist" in response.content.decode()


def test_another_claims_event_is_not_a_position_in_this_history(long_history, reviewer, editor):
    other = review.take_claim(make_claim(make_article(editor)), reviewer)
    event = ReviewEvent.objects.filter(claim=other).first()
    response = login(reviewer).get(f"{long_history.get_absolute_url()}?history_before={event.pk}")
    assert response.status_code == 400


def test_outsider_cannot_read_the_history(long_history, outsider):
    event = long_history.events.last()
    url = f"{long_history.get_absolute_url()}?history_before={event.pk}"
    assert login(outsider).get(url, **HTMX).status_code == 403


def test_page_cost_does_not_grow_with_the_history(long_history, reviewer,
                                                  django_assert_max_num_queries):
    client = login(reviewer)
    client.get(long_history.get_absolute_url())
    # 10, as in test_claim_review.py: the page's fixed cost (sent-back banner, checked before).
    with django_assert_max_num_queries(10):
        response = client.get(long_history.get_absolute_url())
    assert response.content.decode().count('<li>\n        <time') == 20
