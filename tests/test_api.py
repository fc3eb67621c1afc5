"""/api/v1/: sending articles (validation, limits, external_id), reading them, listing claims."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from factcheck import ingest
from factcheck.actions import review
from factcheck.models import Article, Claim, ReviewEvent
from factcheck.tasks import extract_article
from tests.api_client import api_for
from tests.factories import SAMPLE_TEXT, add_source, make_article, make_claims, verdict

ARTICLES = "/api/v1/articles/"
CLAIMS = "/api/v1/claims/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def payload(**fields):
    return {"title": "Vote au Sénat", "text": SAMPLE_TEXT, "published": "2024-11-20",
            "language": "fr", "source_url": "https://example.org/senat",
            "outlet": "Le Quotidien", "external_id": "cms-1"} | fields


def assert_problem(response, status: int) -> dict:
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


def test_create_saves_the_article_and_queues_its_extraction(
    editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = api_for(editor).post(ARTICLES, payload())
    assert response.status_code == 201, response.content
    body = response.json()
    article = Article.objects.get(uuid=body["uuid"])
    assert response["Location"] == reverse("api:article", kwargs={"uuid": article.uuid})
    assert (article.title, article.external_id, article.outlet) == (
        "Vote au Sénat", "cms-1", "Le Quotidien")
    assert article.uploaded_by == editor and article.requested_language == "fr"
    assert body["status"] == "queued" and body["extraction_pending"] is True
    assert body["published"] == "2024-11-20" and body["claims"] == []
    assert len(callbacks) == 1  # the extraction, sent once the row is committed


def test_month_precision_follows_the_date_form(editor):
    body = api_for(editor).post(ARTICLES, payload(published="2024-11")).json()
    article = Article.objects.get(uuid=body["uuid"])
    assert article.published_precision == Article.DatePrecision.MONTH
    assert body["published"] == "2024-11"


def test_read_an_article_with_its_claims_after_extraction(editor, reviewer):
    api = api_for(editor)
    uuid = api.post(ARTICLES, payload()).json()["uuid"]
    article = Article.objects.get(uuid=uuid)
    extract_article(article.pk)  # what the worker does
    body = api_for(reviewer).get(f"{ARTICLES}{uuid}/").json()
    assert body["status"] == "in_review" and body["extraction_pending"] is False
    assert body["language"] == "fr"
    kinds = {claim["kind"] for claim in body["claims"]}
    assert {"date", "vote_result"} <= kinds
    vote = next(claim for claim in body["claims"] if claim["kind"] == "vote_result")
    assert vote["value"]["for"] == 289 and vote["status"] == "pending"
    assert vote["verdict"] is None and vote["article"] == uuid
    assert body["page_url"].endswith(article.get_absolute_url())


def test_sending_the_same_external_id_again_returns_the_article(editor):
    api = api_for(editor)
    first = api.post(ARTICLES, payload()).json()
    again = api.post(ARTICLES, payload())
    assert again.status_code == 200
    assert again.json()["uuid"] == first["uuid"]
    assert Article.objects.count() == 1
    article = Article.objects.get()
    assert not article.events.filter(action=ReviewEvent.Action.EDITED).exists()


def test_without_external_id_each_send_is_a_new_article(editor):
    api = api_for(editor)
    api.post(ARTICLES, payload(external_id=None))
    api.post(ARTICLES, payload(external_id=""))
    assert Article.objects.filter(external_id__isnull=True).count() == 2


def test_a_changed_text_updates_and_reextracts_keeping_reviewer_work(editor, reviewer):
    api = api_for(editor)
    uuid = api.post(ARTICLES, payload()).json()["uuid"]
    article = Article.objects.get(uuid=uuid)
    extract_article(article.pk)
    vote = article.claims.get(kind=Claim.Kind.VOTE_RESULT)
    vote = review.take_claim(vote, reviewer)
    add_source(vote)
    vote = review.submit_claim(vote, reviewer, version=vote.version, verdict=verdict("True"),
                               explanation="Le scrutin public le confirme.")
    new_text = "Mise à jour : l'article a été complété. " + SAMPLE_TEXT
    response = api.post(ARTICLES, payload(text=new_text))
    assert response.status_code == 200
    body = response.json()
    assert body["uuid"] == uuid and body["extraction_pending"] is True
    article.refresh_from_db()
    assert article.body == new_text
    extract_article(article.pk)
    vote.refresh_from_db()
    # The claim moved with its words, its verdict and sources kept, and is found again.
    assert article.body[vote.start:vote.end] == vote.text
    assert vote.status == Claim.Status.SUBMITTED and vote.verdict == verdict("True")
    assert vote.sources.count() == 1 and not vote.stale
    assert Claim.objects.filter(article=article, kind=Claim.Kind.VOTE_RESULT).count() == 1
    assert Article.objects.count() == 1


def test_a_reviewer_token_may_not_create_articles(reviewer):
    body = assert_problem(api_for(reviewer).post(ARTICLES, payload()), 403)
    assert "role" in body["detail"]
    assert not Article.objects.exists()


def test_an_outsider_token_reads_nothing(outsider, article):
    assert_problem(api_for(outsider).get(f"{ARTICLES}{article.uuid}/"), 403)
    assert_problem(api_for(outsider).get(CLAIMS), 403)


def test_an_unknown_article_is_404(editor):
    body = assert_problem(api_for(editor).get(f"{ARTICLES}00000000-0000-0000-0000-000000000000/"),
                          404)
    assert "Not found" in body["detail"]


def test_invalid_fields_get_the_upload_forms_messages(editor):
    response = api_for(editor).post(ARTICLES, payload(title="", published="20/11/2024",
                                                      language="de", source_url="not a url"))
    errors = assert_problem(response, 400)["errors"]
    assert set(errors) == {"title", "published", "language", "source_url"}
    assert "YYYY-MM-DD" in errors["published"][0]
    assert not Article.objects.exists()


@pytest.mark.parametrize("body", [
    {"title": "Sans texte"},
    {"title": "Espaces", "text": "  \n "},
])
def test_an_empty_text_is_refused(editor, body):
    errors = assert_problem(api_for(editor).post(ARTICLES, body), 400)["errors"]
    assert errors["text"] == ["The text cannot be empty."]


@pytest.mark.parametrize("raw", ["{not json", "[1, 2]", '"a string"', '{"title": 12, "text": []}'])
def test_malformed_bodies_are_400(editor, raw):
    assert_problem(api_for(editor).post(ARTICLES, raw=raw), 400)
    assert not Article.objects.exists()


def test_a_text_over_the_limit_is_413_with_the_forms_message(editor):
    text = "Le texte. " * (ingest.MAX_TEXT_CHARS // 10) + "Trop."
    body = assert_problem(api_for(editor).post(ARTICLES, payload(text=text)), 413)
    assert "200000" in body["detail"] and "too long" in body["detail"]
    assert not Article.objects.exists()


def test_a_body_over_the_request_limit_is_413_unread(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    raw = '{"title": "x", "text": "' + "a" * (2 * 1024 * 1024) + '"}'
    body = assert_problem(api_for(editor).post(ARTICLES, raw=raw), 413)
    assert "1 MB" in body["detail"]
    assert not Article.objects.exists()


def test_a_form_encoded_body_is_415(editor):
    response = api_for(editor).post(ARTICLES, raw="title=x", content_type="text/plain")
    assert_problem(response, 415)


# --- claims -------------------------------------------------------------------------


def all_pages(api, params):
    rows, url, pages = [], CLAIMS, 0
    response = api.get(url, params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        rows += body["results"]
        pages += 1
        if body["next"] is None:
            return rows, pages
        response = api.get(body["next"])


def test_claims_are_paged_by_keyset_over_every_row(editor, reviewer):
    article = make_article(editor)
    made = make_claims(article, 7)
    rows, pages = all_pages(api_for(reviewer), {"limit": 3})
    assert [row["uuid"] for row in rows] == [str(claim.uuid) for claim in made]
    assert pages == 3


def test_previous_link_goes_back(editor, reviewer):
    article = make_article(editor)
    made = make_claims(article, 5)
    api = api_for(reviewer)
    second = api.get(api.get(CLAIMS, {"limit": 2}).json()["next"]).json()
    back = api.get(second["previous"]).json()
    assert [row["uuid"] for row in back["results"]] == [str(c.uuid) for c in made[:2]]


def test_claims_filters_are_the_queues(editor, reviewer):
    french = make_article(editor)
    english = make_article(editor, title="Senate vote", language="en")
    make_claims(french, 3)
    make_claims(english, 2, kind=Claim.Kind.VOTE_RESULT)
    taken = review.take_claim(make_claims(english, 1, offset=10)[0], reviewer)
    archived = make_article(editor, archived_at="2024-01-01T00:00:00Z")
    make_claims(archived, 4)
    api = api_for(reviewer)

    def uuids(**params):
        return {row["uuid"] for row in api.get(CLAIMS, params).json()["results"]}

    assert len(uuids()) == 6  # archived articles' claims never show
    assert len(uuids(language="en")) == 3
    assert len(uuids(kind="vote_result")) == 2
    assert uuids(status="in_progress") == {str(taken.uuid)}
    assert uuids(mine="true") == {str(taken.uuid)}
    assert len(uuids(article=str(french.uuid))) == 3


@pytest.mark.parametrize("params", [
    {"kind": "opinion"}, {"kind": ""}, {"mine": ""}, {"status": "done"},
    {"limit": "0"}, {"limit": "500"},
    {"after": "not-a-key"}, {"sort": "kind", "after": "12"},
    {"article": "00000000-0000-0000-0000-000000000000"}, {"knd": "date"},
])
def test_bad_claim_parameters_are_400(reviewer, params):
    assert_problem(api_for(reviewer).get(CLAIMS, params), 400)


def test_claims_show_the_verdict_once_judged(editor, reviewer):
    claim = review.take_claim(make_claims(make_article(editor), 1)[0], reviewer)
    add_source(claim)
    review.submit_claim(claim, reviewer, version=claim.version, verdict=verdict("False"),
                        explanation="Le compte rendu dit autre chose.")
    row = api_for(editor).get(CLAIMS).json()["results"][0]
    assert row["status"] == "submitted" and row["assignee"] == "rita"
    assert row["verdict"] == {"label_en": "False", "label_fr": "Faux", "rating": 1}
