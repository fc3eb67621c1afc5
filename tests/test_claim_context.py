"""The claim page's context (date, precision, outlet, language, paragraph) and approvals cards."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.actions import review
from factcheck.models import Article, Claim
from tests.factories import add_source, login, make_article, make_claim, verdict

BODY = (
    "Premier paragraphe, sans rapport.\n"
    "Le conseil s'est réuni. Le traité fut signé le 10 août 2007 à Lisbonne. <script>x</script>\n"
    "Dernier paragraphe."
)


@pytest.fixture
def claim(editor) -> Claim:
    article = make_article(editor, body=BODY, title="Traité", outlet="Le Quotidien",
                           published_on=dt.date(2018, 3, 1),
                           published_precision=Article.DatePrecision.MONTH)
    start = BODY.index("10 août 2007")
    return make_claim(article, offset=start, text="10 août 2007",
                      end=start + len("10 août 2007"),
                      sentence_start=BODY.index("Le traité"),
                      sentence_end=BODY.index(" <script>"),
                      extracted_value={"date": "2007-08-10"})


def page(user, claim: Claim) -> str:
    response = login(user).get(claim.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_the_article_facts(reviewer, claim):
    html = page(reviewer, claim)
    assert "Le Quotidien" in html
    assert "March 2018" in html and "month known, not the day" in html
    assert "<dd>French</dd>" in html


def test_the_paragraph_around_the_sentence_with_the_span_marked(reviewer, claim):
    html = page(reviewer, claim)
    assert ("Le conseil s&#x27;est réuni. Le traité fut signé le "
            '<mark class="claim">10 août 2007</mark> à Lisbonne. &lt;script&gt;x&lt;/script&gt;'
            ) in html
    assert "Premier paragraphe" not in html and "Dernier paragraphe" not in html


def test_an_unknown_publication_date_says_so(reviewer, claim):
    Article.objects.filter(pk=claim.article_id).update(published_on=None)
    assert "unknown: relative dates were not resolved against it" in page(reviewer, claim)


def test_a_long_paragraph_is_cut_around_the_sentence(editor, reviewer):
    body = "Mot " * 2000 + "Le 3 mai 2020 fut un dimanche. " + "Mot " * 2000
    article = make_article(editor, body=body)
    start = body.index("3 mai 2020")
    claim = make_claim(article, offset=start, end=start + 10, text="3 mai 2020",
                       sentence_start=body.index("Le 3 mai"),
                       sentence_end=body.index("dimanche.") + 9)
    before, span, after = claim.paragraph()
    assert span == "3 mai 2020"
    assert 500 < len(before) < 700 and 500 < len(after) < 700


def test_outsider_sees_nothing(outsider, claim):
    assert login(outsider).get(claim.get_absolute_url()).status_code == 403


def test_approvals_card_shows_the_sentence_and_the_correction(editor, reviewer, claim):
    mine = review.take_claim(claim, reviewer)
    add_source(mine)
    review.submit_claim(mine, reviewer, version=mine.version, verdict=verdict("False"),
                        explanation="Signé en 2018.", value={"date": "2018"})
    html = login(editor).get("/approvals/").content.decode()
    assert 'Le traité fut signé le <mark class="claim">10 août 2007</mark> à Lisbonne.' in html
    assert "Extractor said 10 August 2007, reviewer corrected to 2018" in html
