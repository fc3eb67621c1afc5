"""Search in the queue and the article list: PostgreSQL full-text search per article language."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from factcheck.models import Article, Claim
from factcheck.search import shared_words, words
from tests.factories import login, make_article, make_claim

QUEUE = "/queue/"
ARTICLES = "/articles/"


def claim_in(article: Article, sentence: str, text: str, **fields) -> Claim:
    """A claim whose sentence is the whole article body."""
    return make_claim(article, offset=article.body.index(text[0]), text=text,
                      sentence_start=0, sentence_end=len(article.body),
                      sentence_text=sentence, **fields)


@pytest.fixture
def articles(editor):
    fr_body = "Les sénateurs ont voté le budget le 15 novembre 2024."
    en_body = "The senators voted for the budget on 15 November 2024."
    fr = make_article(editor, title="Budget de l'État", language="fr", body=fr_body)
    en = make_article(editor, title="Harbour works", language="en", body=en_body)
    fr_claim = claim_in(fr, fr_body, "15 novembre 2024")
    en_claim = claim_in(en, en_body, "15 November 2024")
    return fr_claim, en_claim


def found(client, query: str, **params) -> set:
    response = client.get(QUEUE, {"q": query, **params})
    assert response.status_code == 200
    return {claim.uuid for claim in response.context["claims"]}


def test_french_stemming_matches_other_forms_of_the_word(reviewer, articles):
    fr_claim, _ = articles
    # "votes" and "voté" share the French stem "vot"; "sénateur" matches "sénateurs".
    assert found(login(reviewer), "votes") >= {fr_claim.uuid}
    assert found(login(reviewer), "sénateur") == {fr_claim.uuid}


def test_english_stemming_matches_other_forms_of_the_word(reviewer, articles):
    _, en_claim = articles
    # "voting" -> "vote" in English only: the French article is not found by it.
    assert found(login(reviewer), "voting") == {en_claim.uuid}
    assert found(login(reviewer), "senator") == {en_claim.uuid}


def test_each_article_is_searched_in_its_own_language(reviewer, articles):
    fr_claim, en_claim = articles
    # English stop word "the" is dropped for English text, but "le" is a French stop word.
    assert found(login(reviewer), "budgets") == {fr_claim.uuid, en_claim.uuid}
    # Changing the article's language re-indexes its claims (trigger in migration 0009).
    Article.objects.filter(pk=en_claim.article_id).update(language="fr")
    assert found(login(reviewer), "voting") == set()


def test_search_covers_the_article_title(reviewer, articles):
    _, en_claim = articles
    assert found(login(reviewer), "harbour") == {en_claim.uuid}


def test_search_combines_with_the_other_filters(reviewer, articles):
    _, en_claim = articles
    assert found(login(reviewer), "budget", language="en") == {en_claim.uuid}
    assert found(login(reviewer), "budget", status="approved") == set()


def test_no_match_says_so(reviewer, articles):
    response = login(reviewer).get(QUEUE, {"q": "zzzzqqq"})
    assert response.context["claims"] == []
    assert "No claim matches these filters." in response.content.decode()


def test_odd_search_text_is_no_error(reviewer, articles):
    for text in ["!!", "'", "a & | !b", "(((", "le", "x" * 5000, "\x00"]:
        response = login(reviewer).get(QUEUE, {"q": text})
        assert response.status_code == 200


def test_search_keeps_the_fixed_query_count_and_keyset_pages(reviewer, editor):
    article = make_article(editor, title="Conseil municipal", language="fr",
                           body="Le conseil a voté. " * 10)
    for i in range(60):
        make_claim(article, offset=i, text=f"vote {i}", sentence_text="Le conseil a voté.")
    client = login(reviewer)
    client.get(QUEUE, {"q": "voté"})
    with CaptureQueriesContext(connection) as plain:
        client.get(QUEUE)
    with CaptureQueriesContext(connection) as searched:
        first = client.get(QUEUE, {"q": "voté"})
    assert len(searched) == len(plain)
    assert len(first.context["claims"]) == 50
    page = first.context["page"]
    second = client.get(QUEUE, {"q": "voté", "after": page.next_key})
    rest = second.context["claims"]
    assert len(rest) == 10
    assert not {c.pk for c in rest} & {c.pk for c in first.context["claims"]}


def test_article_list_search(editor, articles):
    fr_claim, en_claim = articles
    client = login(editor)
    by_claim = client.get(ARTICLES, {"q": "sénateurs"})
    assert [a.pk for a in by_claim.context["page"]] == [fr_claim.article_id]
    by_title = client.get(ARTICLES, {"q": "harbour"})
    assert [a.pk for a in by_title.context["page"]] == [en_claim.article_id]
    assert 'value="harbour"' in by_title.content.decode()
    assert len(client.get(ARTICLES, {"q": "zzzqqq"}).context["page"]) == 0


def test_outsider_cannot_search(outsider, articles):
    assert login(outsider).get(QUEUE, {"q": "budget"}).status_code == 403
    assert login(outsider).get(ARTICLES, {"q": "budget"}).status_code == 403


def test_shared_words_ranking_used_on_sqlite():
    mine = words("Le Sénat a adopté le texte")
    assert shared_words(mine, words("le sénat a adopté le texte")) == 1.0
    assert shared_words(mine, words("Le Sénat a rejeté le texte")) > shared_words(
        mine, words("Rien à voir")
    )
    assert shared_words(mine, set()) == 0.0
