"""The public pages as search engines, feed readers and caches read them.

JSON-LD is read with extruct (what a crawler does), the feed with feedparser;
the open data is compared with what the pages say.
"""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlparse

import extruct
import feedparser
import pytest
from django.conf import settings
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st
from lxml import html as lxml_html

from factcheck.actions import publishing
from factcheck.claimreview import CLAIM_REVIEWED_MAX, claim_reviewed
from factcheck.models import Article, Claim, Organisation
from factcheck.views import public as public_views
from tests.factories import (
    make_extracted_article,
    make_published_article,
    review_and_approve,
    verdict,
)

pytestmark = pytest.mark.django_db

HOST = "testserver"
LABELS = ("False", "Unverifiable", "Mostly true", "True", "Misleading")


@pytest.fixture
def organisation(db) -> Organisation:
    return Organisation.objects.create(
        name="Le Desk", url="https://desk.example/", logo_url="https://desk.example/logo.png"
    )


@pytest.fixture
def published(organisation, editor, reviewer) -> Article:
    return make_published_article(editor, reviewer, labels=LABELS)


def claim_reviews(response) -> list[dict]:
    """Every JSON-LD object of the page, as extruct reads it."""
    assert response.status_code == 200
    found = extruct.extract(response.content.decode(), base_url=f"http://{HOST}/",
                            syntaxes=["json-ld"], uniform=True)["json-ld"]
    return [item for item in found if item.get("@type") == "ClaimReview"]


def public_claims(article: Article) -> list[Claim]:
    return list(Claim.objects.public().filter(article=article))


def on_site(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme in ("http", "https") and parts.netloc == HOST


# --- ClaimReview ---------------------------------------------------------------------------


def test_the_claim_page_has_one_claim_review_with_every_field(published, client):
    claim = public_claims(published)[0]  # "False": rated 1
    [review] = claim_reviews(client.get(claim.get_public_url()))
    assert review["@context"] == "https://schema.org"
    assert review["url"] == f"http://{HOST}{claim.get_public_url()}" and on_site(review["url"])
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": "Faux", "ratingValue": 1,
        "bestRating": 5, "worstRating": 1,
    }
    assert review["author"] == {"@type": "Organization", "name": "Le Desk",
                                "url": "https://desk.example/",
                                "logo": "https://desk.example/logo.png"}
    assert review["datePublished"] == claim.published_at.date().isoformat()
    assert "dateModified" not in review
    assert review["inLanguage"] == "fr"
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "datePublished": "2024-11-20",
        "appearance": {"@type": "CreativeWork", "url": "https://quotidien.example/senat",
                       "headline": "Vote au Sénat"},
        "author": {"@type": "Organization", "name": "Le Quotidien"},
    }
    sentence = review["claimReviewed"]
    assert claim.text in sentence and len(sentence) <= CLAIM_REVIEWED_MAX
    assert "Faux" not in sentence and "False" not in sentence


def test_a_claim_made_by_a_person_names_them_as_the_claims_author(organisation, editor,
                                                                  reviewer, client):
    article = make_extracted_article(editor, outlet="Le Quotidien")
    first, *others = article.claims.order_by("start")
    review_and_approve(first, reviewer, editor, claimant="Jeanne Martin")
    for claim in others:
        review_and_approve(claim, reviewer, editor)
    article = publishing.publish_article(article, editor)
    first, *others = public_claims(article)

    response = client.get(first.get_public_url())
    [review] = claim_reviews(response)
    assert review["itemReviewed"]["author"] == {"@type": "Person", "name": "Jeanne Martin"}
    assert "Claim made by Jeanne Martin" in response.content.decode()
    # The article page: the person for that claim, the outlet for the others.
    authors = [item["itemReviewed"]["author"]
               for item in claim_reviews(client.get(article.get_public_url()))]
    assert authors == [{"@type": "Person", "name": "Jeanne Martin"}] + [
        {"@type": "Organization", "name": "Le Quotidien"}] * len(others)
    rows = csv.DictReader(io.StringIO(
        client.get(reverse("factcheck:public_data_csv")).content.decode()))
    assert [row["claim_author"] for row in rows] == ["Jeanne Martin"] + ["Le Quotidien"] * len(
        others)


def test_a_verdict_without_a_rating_has_no_rating_value(published, client):
    claim = public_claims(published)[1]  # Unverifiable
    [review] = claim_reviews(client.get(claim.get_public_url()))
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Invérifiable"}


def test_the_article_page_has_one_claim_review_per_claim_linking_to_its_page(published, client):
    response = client.get(published.get_public_url())
    reviews = claim_reviews(response)
    claims = public_claims(published)
    assert [r["url"] for r in reviews] == [f"http://{HOST}{c.get_public_url()}" for c in claims]
    page = response.content.decode()
    for claim in claims:
        assert f'href="{claim.get_public_url()}"' in page  # each claim links to its page
        assert f'id="claim-{claim.uuid}"' in page  # and the text's highlights to its anchor
        assert f'href="#claim-{claim.uuid}"' in page
        assert f"verdict-{claim.verdict_id}" in page  # coloured by its verdict


def test_the_label_is_the_articles_language_not_the_readers(published, client):
    Article.objects.filter(pk=published.pk).update(language="en")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get(public_claims(published)[0].get_public_url())
    assert '<html lang="fr">' in response.content.decode()
    [review] = claim_reviews(response)
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["inLanguage"] == "en"


def test_a_correction_sets_date_modified_and_updates_the_feed(published, editor, client):
    claim = public_claims(published)[0]
    feed_before = feedparser.parse(client.get(reverse("factcheck:public_feed")).content)
    corrected = publishing.correct_claim(
        claim, editor, version=claim.version, note="Le scrutin a été rectifié.",
        verdict=verdict("Mostly false"), explanation=claim.explanation,
    )
    [review] = claim_reviews(client.get(claim.get_public_url()))
    assert review["dateModified"] == corrected.public_modified_at.date().isoformat()
    assert review["reviewRating"]["alternateName"] == "Plutôt faux"
    feed = feedparser.parse(client.get(reverse("factcheck:public_feed")).content)
    [before], [after] = feed_before.entries, feed.entries
    assert after.updated_parsed >= before.updated_parsed
    assert after.updated != before.updated or corrected.public_modified_at.microsecond
    assert "Le scrutin a été rectifié." in after.summary
    assert "Le scrutin a été rectifié." not in before.summary


def test_text_and_titles_are_never_markup(organisation, editor, reviewer, client):
    body = "Le 15 novembre 2024, <script>alert(1)</script> le Sénat a voté. </script><b>x</b>"
    article = make_published_article(editor, reviewer, body=body, title="</script><i>Titre</i>")
    page = client.get(article.get_public_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "<b>x</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    reviews = claim_reviews(client.get(article.get_public_url()))
    assert reviews[0]["itemReviewed"]["appearance"]["headline"] == "</script><i>Titre</i>"


# --- claimReviewed: a short sentence ---------------------------------------------------------


def unsaved_claim(sentence: str, span: str, before: str = "", after: str = "") -> Claim:
    body = before + sentence + after
    start = len(before) + sentence.index(span)
    return Claim(
        article=Article(body=body), start=start, end=start + len(span), text=span,
        sentence_start=len(before), sentence_end=len(before) + len(sentence),
    )


def test_a_short_sentence_is_kept_whole():
    claim = unsaved_claim("Le Sénat a voté le 15 novembre.", "15 novembre", "Titre. ", " Fin.")
    assert claim_reviewed(claim) == "Le Sénat a voté le 15 novembre."


def test_a_long_sentence_is_cut_at_word_boundaries_around_the_claim():
    sentence = ("Après trois semaines de débats houleux, le Sénat a finalement adopté le projet "
                "de loi le 15 novembre 2024 par 289 voix contre 12, selon le compte rendu.")
    short = claim_reviewed(unsaved_claim(sentence, "289 voix contre 12"))
    assert len(short) <= CLAIM_REVIEWED_MAX
    assert "289 voix contre 12" in short
    assert short.startswith("…")  # the start is cut; the end fits whole
    assert short.endswith("selon le compte rendu.")
    for piece in short.strip("…").split():
        assert piece in sentence.split()  # no word was cut in the middle


WORDS = st.text(alphabet="abcdéfgh", min_size=1, max_size=12)


@given(
    before=st.lists(WORDS, max_size=15),
    span=st.lists(WORDS, min_size=1, max_size=6),
    after=st.lists(WORDS, max_size=15),
)
def test_claim_reviewed_is_short_holds_the_claim_and_cuts_no_word(before, span, after):
    words = [*before, *span, *after]
    sentence = " ".join(words)
    span_text = " ".join(span)
    start = len(" ".join(before)) + (1 if before else 0)
    claim = Claim(article=Article(body=sentence), start=start, end=start + len(span_text),
                  text=span_text, sentence_start=0, sentence_end=len(sentence))
    short = claim_reviewed(claim)
    if len(span_text) < CLAIM_REVIEWED_MAX - 2:
        assert len(short) <= CLAIM_REVIEWED_MAX
        assert span_text in short
    for piece in short.replace("…", " ").split():
        assert piece in words


# --- feed, open data, sitemap --------------------------------------------------------------


def test_the_feed_is_atom_with_absolute_links(published, client):
    feed = feedparser.parse(client.get(reverse("factcheck:public_feed")).content)
    assert feed.version == "atom10" and not feed.bozo
    [entry] = feed.entries
    assert entry.title == published.title
    assert entry.link == f"http://{HOST}{published.get_public_url()}"
    assert "Le Desk" in feed.feed.title


def test_open_data_matches_the_pages(published, client):
    data = json.loads(client.get(reverse("factcheck:public_data_json")).content)
    from_pages = []
    for claim in public_claims(published):
        from_pages += claim_reviews(client.get(claim.get_public_url()))
    assert data["count"] == len(from_pages) == len(LABELS)
    assert data["claim_reviews"] == from_pages

    text = client.get(reverse("factcheck:public_data_csv")).content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["url"] for row in rows] == [review["url"] for review in from_pages]
    for row, review in zip(rows, from_pages, strict=True):
        assert row["claim_reviewed"] == review["claimReviewed"]
        assert row["rating_name"] == review["reviewRating"]["alternateName"]
        assert row["rating_value"] == str(review["reviewRating"].get("ratingValue", ""))
        assert row["date_published"] == review["datePublished"]
        assert row["appearance_url"] == review["itemReviewed"]["appearance"]["url"]


def test_unpublished_articles_leave_the_feed_data_and_sitemap(published, editor, client):
    publishing.unpublish_article(published, editor, reason="Retiré.")
    assert json.loads(client.get(reverse("factcheck:public_data_json")).content)["count"] == 0
    assert not feedparser.parse(client.get(reverse("factcheck:public_feed")).content).entries
    assert published.slug not in client.get(reverse("factcheck:sitemap")).content.decode()


def test_the_sitemap_lists_the_public_pages(published, checked_draft, client):
    response = client.get(reverse("factcheck:sitemap"))
    tree = lxml_html.fromstring(response.content)
    locations = {loc.text for loc in tree.iter("loc")}
    expected = {f"http://{HOST}{path}" for path in (
        reverse("factcheck:public_list"), reverse("factcheck:methodology"),
        published.get_public_url(), *(c.get_public_url() for c in public_claims(published)),
    )}
    assert locations == expected


@pytest.fixture
def checked_draft(editor) -> Article:
    """An article nobody published: it appears nowhere public."""
    from tests.factories import make_article

    article = make_article(editor, title="Brouillon")
    Article.objects.filter(pk=article.pk).update(status=Article.Status.CHECKED)
    return article


# --- list, search, verdict filter ----------------------------------------------------------


def test_the_list_shows_published_fact_checks_newest_first(published, checked_draft, editor,
                                                           reviewer, client):
    make_published_article(editor, reviewer, title="Vote à l'Assemblée",
                                   body="L'Assemblée a voté le 3 mars 2025.", labels=("False",))
    page = client.get(reverse("factcheck:public_list")).content.decode()
    assert page.index("Vote à l&#x27;Assemblée") < page.index("Vote au Sénat")
    assert "Brouillon" not in page


def test_search_and_verdict_filter(published, editor, reviewer, client):
    make_published_article(editor, reviewer, title="Conseil municipal",
                           body="Le conseil s'est réuni le 3 mars 2025.", labels=("Misleading",))
    url = reverse("factcheck:public_list")

    def titles(**params) -> list[str]:
        tree = lxml_html.fromstring(client.get(url, params).content)
        links = tree.xpath("//ol[contains(@class, 'fact-check-list')]//h2/a")
        return [a.text_content() for a in links]

    assert titles(q="municipal") == ["Conseil municipal"]
    assert titles(q="289 voix") == ["Vote au Sénat"]  # a claim's words
    assert titles(verdict=verdict("Unverifiable").pk) == ["Vote au Sénat"]
    assert titles(verdict="not-a-verdict") == ["Conseil municipal", "Vote au Sénat"]
    assert titles(q="nulle part") == []


def test_the_list_is_paginated(published, editor, reviewer, client, monkeypatch):
    monkeypatch.setattr(public_views, "PAGE_SIZE", 1)
    make_published_article(editor, reviewer, title="Conseil municipal",
                           body="Le conseil s'est réuni le 3 mars 2025.")
    url = reverse("factcheck:public_list")
    first = client.get(url).content.decode()
    assert "Conseil municipal" in first and "Vote au Sénat" not in first
    assert 'rel="next"' in first
    second = client.get(url, {"page": 2}).content.decode()
    assert "Vote au Sénat" in second
    assert client.get(url, {"page": "x"}).status_code == 200


# --- head tags, caching, the methodology ---------------------------------------------------


def test_public_pages_have_title_description_canonical_and_open_graph(published, client):
    claim = public_claims(published)[0]
    for path in (reverse("factcheck:public_list"), published.get_public_url(),
                 claim.get_public_url(), reverse("factcheck:methodology")):
        tree = lxml_html.fromstring(client.get(path).content)
        assert tree.findtext(".//title").strip()
        assert tree.xpath("//meta[@name='description']")[0].get("content")
        assert tree.xpath("//link[@rel='canonical']")[0].get("href") == f"http://{HOST}{path}"
        og = {m.get("property"): m.get("content") for m in tree.xpath("//meta[@property]")}
        assert og["og:url"] == f"http://{HOST}{path}"
        assert og["og:title"] and og["og:description"] and og["og:site_name"] == "Le Desk"


@pytest.mark.parametrize("name", ["public_list", "public_article", "public_claim",
                                  "methodology", "public_data_json", "public_data_csv"])
def test_public_pages_answer_conditional_requests(published, editor, client, name):
    claim = public_claims(published)[0]
    kwargs = {"public_article": {"slug": published.slug},
              "public_claim": {"slug": published.slug, "number": 1}}.get(name, {})
    url = reverse(f"factcheck:{name}", kwargs=kwargs)
    first = client.get(url)
    assert first.status_code == 200
    cache_control = {part.strip() for part in first["Cache-Control"].split(",")}
    assert cache_control == {"public", f"max-age={settings.FACTCHECK_PUBLIC_MAX_AGE}"}
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    publishing.correct_claim(claim, editor, version=claim.version, note="Rectifié.",
                             verdict=verdict("True"), explanation=claim.explanation)
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 200 and again["ETag"] != etag


def test_the_language_is_part_of_the_etag(published, client):
    url = published.get_public_url()
    english = client.get(url)["ETag"]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    french = client.get(url, headers={"If-None-Match": english})
    assert french.status_code == 200 and "Sources" in french.content.decode()


def test_the_methodology_documents_the_scale_and_the_policies(organisation, client):
    Organisation.objects.update(methodology_en="We read the records.",
                                corrections_policy_fr="Nous corrigeons tout.")
    page = client.get(reverse("factcheck:methodology")).content.decode()
    assert "We read the records." in page
    assert "Nous corrigeons tout." in page  # no English text: the French one, not nothing
    tree = lxml_html.fromstring(page)
    rows = [[cell.text_content().strip() for cell in row.xpath("./td")]
            for row in tree.xpath("//table[contains(@class, 'verdict-scale')]/tbody/tr")]
    assert rows[0] == ["False", "1 / 5", "#c62828"]
    assert rows[-1][:2] == ["Unverifiable", "none (name only)"]
    css = client.get(reverse("factcheck:public_verdict_styles"))
    assert css["Content-Type"].startswith("text/css")
    assert f".verdict-{verdict('False').pk} {{ --verdict: #c62828; }}" in css.content.decode()


def test_public_pages_in_french(published, client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get(published.get_public_url()).content.decode()
    assert "Vérification publiée le" in page and "Vérifié le" not in page
    assert "Sources" in page and "Vérifications" in page  # the top bar and the headings
    methodology = client.get(reverse("factcheck:methodology")).content.decode()
    assert "Méthodologie" in methodology and "Plutôt vrai" in methodology


def test_the_article_page_costs_the_same_queries_whatever_its_claims(organisation, editor,
                                                                     reviewer, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    one = make_published_article(editor, reviewer, title="Un vote",
                                 body="Le Sénat a voté le 15 mars 2025.")
    five = make_published_article(editor, reviewer)
    counts = []
    for article in (one, five):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.get_public_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
