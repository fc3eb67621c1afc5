"""Checked before: earlier judged claims of the same kind and value, by sentence similarity."""

from __future__ import annotations

import pytest

from factcheck.actions import review
from factcheck.models import Claim, ReviewEvent, Source
from factcheck.search import checked_before
from tests.factories import HTMX, add_source, login, make_article, make_claim, verdict

VOTE = {"for": 289, "against": 12, "abstain": 5, "unanimous": False}


def vote_claim(editor, sentence: str, value=VOTE, **fields) -> Claim:
    article = make_article(editor, body=sentence + " Fin.")
    return make_claim(article, kind=Claim.Kind.VOTE_RESULT, offset=0, extracted_value=value,
                      sentence_start=0, sentence_end=len(sentence), sentence_text=sentence,
                      **fields)


@pytest.fixture
def earlier(editor):
    """Judged claims: two saying the same vote, one another vote, one not judged."""
    close = vote_claim(editor, "Le Sénat a adopté le texte par 289 voix contre 12.",
                       verdict=verdict("True"), status=Claim.Status.APPROVED)
    add_source(close, url="https://www.senat.fr/scrutin/42.html", title="Scrutin 42")
    add_source(close, url="https://example.org/shared", title="Shared")
    far = vote_claim(editor, "Par 289 voix contre 12, les députés ont rejeté la motion.",
                     verdict=verdict("Mostly true"), status=Claim.Status.APPROVED)
    other_value = vote_claim(editor, "Le Sénat a adopté le texte par 290 voix contre 12.",
                             value=VOTE | {"for": 290}, verdict=verdict("True"))
    unjudged = vote_claim(editor, "Le Sénat a adopté le texte par 289 voix contre 12.")
    return close, far, other_value, unjudged


@pytest.fixture
def mine(editor, reviewer):
    claim = vote_claim(editor, "Le Sénat a adopté ce texte par 289 voix contre 12 hier.")
    return review.take_claim(claim, reviewer)


def test_same_kind_and_value_with_a_verdict_most_similar_first(mine, earlier):
    close, far, _, _ = earlier
    assert [c.pk for c in checked_before(mine)] == [close.pk, far.pk]


def test_a_corrected_value_counts_as_what_the_claim_says(editor, mine, earlier):
    corrected = vote_claim(editor, "Autre phrase.", value=VOTE | {"for": 1},
                           corrected_value=VOTE, verdict=verdict("False"))
    assert corrected.pk in {c.pk for c in checked_before(mine)}


def test_the_page_lists_them_with_verdicts_and_links(reviewer, mine, earlier):
    close, far, other_value, unjudged = earlier
    html = login(reviewer).get(mine.get_absolute_url()).content.decode()
    section = html[html.index('id="checked-before"'):html.index('id="history"')]
    assert close.get_absolute_url() in section and far.get_absolute_url() in section
    assert other_value.get_absolute_url() not in section
    assert unjudged.get_absolute_url() not in section
    assert "Mostly true" in section
    assert section.count("Reuse its sources") == 2


def test_nothing_checked_before_says_so(reviewer, mine):
    html = login(reviewer).get(mine.get_absolute_url()).content.decode()
    assert "No earlier claim says the same thing." in html


def test_reuse_sources_copies_them_with_history(reviewer, mine, earlier):
    close = earlier[0]
    add_source(mine, url="https://example.org/shared", title="Already here")
    response = login(reviewer).post(
        mine.get_absolute_url(), {"action": "reuse_sources", "earlier": str(close.uuid)}, **HTMX
    )
    assert response.status_code == 200
    assert "1 source reused." in response.content.decode()
    urls = sorted(mine.sources.values_list("url", flat=True))
    assert urls == ["https://example.org/shared", "https://www.senat.fr/scrutin/42.html"]
    event = mine.events.filter(action=ReviewEvent.Action.SOURCE_ADDED).get()
    assert event.after["url"] == "https://www.senat.fr/scrutin/42.html"
    assert close.get_absolute_url() in event.comment
    assert close.sources.count() == 2  # the earlier claim keeps its own


def test_reusing_twice_is_refused_with_a_message(reviewer, mine, earlier):
    client = login(reviewer)
    data = {"action": "reuse_sources", "earlier": str(earlier[0].uuid)}
    assert client.post(mine.get_absolute_url(), data).status_code == 302
    response = client.post(mine.get_absolute_url(), data, follow=True)
    assert "This claim already has all of those sources." in response.content.decode()
    assert mine.sources.count() == 2


def test_reuse_needs_an_earlier_judged_claim(reviewer, mine, earlier):
    client = login(reviewer)
    for value in ["", "not-a-uuid", str(earlier[3].uuid), str(mine.uuid)]:
        data = {"action": "reuse_sources", "earlier": value}
        assert client.post(mine.get_absolute_url(), data).status_code == 400
    assert not mine.sources.exists()


def test_only_who_may_edit_reuses(other_reviewer, outsider, mine, earlier):
    data = {"action": "reuse_sources", "earlier": str(earlier[0].uuid)}
    assert login(outsider).post(mine.get_absolute_url(), data).status_code == 403
    response = login(other_reviewer).post(mine.get_absolute_url(), data, follow=True)
    assert "Only the assigned reviewer or an editor can edit this claim." in (
        response.content.decode()
    )
    assert not Source.objects.filter(claim=mine).exists()
