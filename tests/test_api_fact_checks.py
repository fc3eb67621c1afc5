"""/api/v1/fact-checks/: published fact-checks with the ClaimReview the public pages embed."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from factcheck.actions import publishing
from factcheck.claimreview import claim_review
from factcheck.models import Article, Claim, Organisation
from tests.api_client import ApiClient, api_for
from tests.factories import make_extracted_article, make_published_article, verdict

FACT_CHECKS = "/api/v1/fact-checks/"
SITE = "http://testserver"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


@pytest.fixture
def published(editor, reviewer) -> Article:
    return make_published_article(editor, reviewer, labels=("True", "Unverifiable"))


def expected_reviews(article: Article) -> list[dict]:
    organisation = Organisation.current()
    return [claim_review(claim, organisation, SITE)
            for claim in Claim.objects.public().filter(article=article)]


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def test_a_fact_check_reads_with_the_public_pages_claim_reviews(published, outsider):
    # Any valid token reads it, an outsider's too: the data is public anyway.
    response = api_for(outsider).get(f"{FACT_CHECKS}{published.slug}/")
    assert response.status_code == 200, response.content[:500]
    body = response.json()
    assert body["slug"] == published.slug and body["uuid"] == str(published.uuid)
    assert body["url"] == f"{SITE}/fact-checks/{published.slug}/"
    assert body["claim_reviews"] == expected_reviews(published)
    ratings = [review["reviewRating"]["alternateName"] for review in body["claim_reviews"]]
    assert len(ratings) == published.claims.filter(public_number__isnull=False).count()
    assert "body" not in body and "text" not in body


def test_a_fact_check_needs_a_token(published):
    assert_problem(ApiClient().get(f"{FACT_CHECKS}{published.slug}/"), 401)
    assert_problem(ApiClient().get(FACT_CHECKS), 401)


def test_never_published_is_404_and_unpublished_is_410_with_the_reason(published, editor):
    client = api_for(editor)
    draft = make_extracted_article(editor, title="Brouillon")
    draft.slug = "brouillon"
    draft.save(update_fields=["slug"])
    assert_problem(client.get(f"{FACT_CHECKS}brouillon/"), 404)
    assert_problem(client.get(f"{FACT_CHECKS}no-such-slug/"), 404)
    publishing.unpublish_article(published, editor, reason="Source retirée par le Sénat.")
    gone = assert_problem(client.get(f"{FACT_CHECKS}{published.slug}/"), 410)
    assert "Source retirée par le Sénat." in gone["detail"]
    assert client.get(FACT_CHECKS).json()["results"] == []


def test_the_list_shows_published_fact_checks_only_newest_first(published, editor, reviewer):
    newer = make_published_article(editor, reviewer, title="Budget 2025")
    make_extracted_article(editor, title="Pas encore vérifié")
    body = api_for(reviewer).get(FACT_CHECKS).json()
    assert [item["slug"] for item in body["results"]] == [newer.slug, published.slug]
    assert body["results"][1]["claim_reviews"] == expected_reviews(published)
    assert body["next"] is None


def test_the_list_is_keyset_paged_by_following_next(published, editor, reviewer,
                                                    django_assert_max_num_queries):
    others = [make_published_article(editor, reviewer, title=f"Vote {n}") for n in range(3)]
    client = api_for(reviewer)
    seen, url = [], f"{FACT_CHECKS}?limit=1"
    while url:
        with django_assert_max_num_queries(12):  # the same few queries for every page
            response = client.get(url)
        assert response.status_code == 200, response.content[:500]
        body = response.json()
        assert len(body["results"]) == 1
        seen += [item["slug"] for item in body["results"]]
        url = body["next"]
    assert seen == [article.slug for article in reversed([published, *others])]


def test_the_list_refuses_bad_parameters(published, reviewer):
    client = api_for(reviewer)
    for params, field in (({"after": "yesterday"}, "after"), ({"after": "1.2.3"},
                          "after"), ({"limit": "0"}, "limit"), ({"verdict": "True"}, "verdict")):
        problem = assert_problem(client.get(FACT_CHECKS, params), 400)
        assert field in problem["errors"], params


def test_a_correction_shows_in_the_fact_check(published, editor):
    claim = published.claims.select_related("article", "verdict").get(public_number=1)
    publishing.correct_claim(claim, editor, version=claim.version, note="Rectifié.",
                             verdict=verdict("Mostly true"), explanation=claim.explanation)
    body = api_for(editor).get(f"{FACT_CHECKS}{published.slug}/").json()
    first = body["claim_reviews"][0]
    assert first["reviewRating"]["alternateName"] == verdict("Mostly true").label_in("fr")
    assert "dateModified" in first
