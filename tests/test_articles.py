"""Home, the article list, the article page (live status, highlighted claims) and re-extraction."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from lxml import html as lxml_html

from factcheck.actions import extraction
from factcheck.highlight import by_sentence, segments
from factcheck.models import Article, Claim, ReviewEvent, Verdict
from factcheck.templatetags.article_text import highlighted
from tests.factories import make_extracted_article

STOP_POLLING = 286


def as_user(client, request, who: str):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    return client


def tree(response):
    return lxml_html.fromstring(response.content)


def busy(article: Article, status: str = Article.Status.QUEUED) -> Article:
    Article.objects.filter(pk=article.pk).update(status=status)
    article.refresh_from_db()
    return article


# --- home and nav --------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("editor", "/articles/"),
        ("reviewer", "/queue/"),
        ("outsider", 403),
        ("anonymous", "/accounts/login/"),
    ],
)
def test_home_sends_each_role_to_its_work(client, request, who, expected):
    response = as_user(client, request, who).get(reverse("factcheck:home"))
    if isinstance(expected, int):
        assert response.status_code == expected
    else:
        assert response.status_code == 302 and response["Location"].startswith(expected)


@pytest.mark.parametrize(
    ("who", "shown", "hidden"),
    [
        ("editor", ["Articles", "Upload", "Queue", "Approvals"], []),
        ("reviewer", ["Articles", "Queue"], ["Upload", "Approvals"]),
    ],
)
def test_nav_links_follow_the_role(client, request, who, shown, hidden):
    response = as_user(client, request, who).get(reverse("factcheck:article_list"))
    links = [a.text_content().strip() for a in tree(response).xpath("//header//nav//a")]
    for label in shown:
        assert label in links
    for label in hidden:
        assert label not in links


# --- the list ------------------------------------------------------------------


def test_list_shows_status_and_claim_counts(client, editor, article):
    client.force_login(editor)
    page = tree(client.get(reverse("factcheck:article_list")))
    row = page.xpath("//tbody/tr")[0]
    assert row.xpath(".//span[contains(@class,'badge')]")[0].text == "In review"
    assert f"{article.claims.count()} claims" in row.text_content()
    assert page.xpath("//a[@href='/articles/new/']")  # editors get the upload button


def test_list_polls_only_while_an_article_is_busy(client, editor, article):
    client.force_login(editor)
    url = reverse("factcheck:article_list")
    assert not tree(client.get(url)).xpath("//tbody[@hx-trigger]")
    busy(article)
    assert tree(client.get(url)).xpath("//tbody[@hx-trigger]")
    fragment = client.get(url, headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    body = fragment.content.decode()
    assert body.lstrip().startswith("<tbody") and "<html" not in body
    Article.objects.filter(pk=article.pk).update(status=Article.Status.IN_REVIEW)
    done = client.get(url, headers={"HX-Request": "true"})
    assert done.status_code == STOP_POLLING and "hx-trigger" not in done.content.decode()


def test_list_query_count_does_not_grow(client, editor, django_assert_max_num_queries):
    for n in range(30):
        make_extracted_article(editor, title=f"Article {n}")
    client.force_login(editor)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("factcheck:article_list")).status_code == 200


# --- the article page ----------------------------------------------------------


def test_article_page_highlights_every_claim_and_groups_by_sentence(client, editor, article):
    client.force_login(editor)
    page = tree(client.get(article.get_absolute_url()))
    claims = list(article.claims.order_by("start"))
    assert len(claims) >= 3
    text = page.xpath("//div[contains(@class,'article-text')]")[0]
    assert text.text_content() == article.body  # every character, once, in order
    marked = {a.get("href") for a in text.xpath(".//mark/a")}
    assert marked == {f"#claim-{c.uuid}" for c in claims}
    sentences = page.xpath("//ol[@class='sentences']/li")
    assert len(sentences) == len({(c.sentence_start, c.sentence_end) for c in claims})
    for claim in claims:
        item = page.xpath(f"//li[@id='claim-{claim.uuid}']")[0]
        assert claim.get_kind_display() in item.text_content()
        assert claim.get_status_display() in item.text_content()
        assert item.xpath(f".//a[@href='{claim.get_absolute_url()}']")


def test_article_body_is_never_rendered_as_html(client, editor):
    body = "<script>alert('x')</script> Le Sénat a adopté le texte le 15 novembre 2024 <b>gras</b>."
    article = make_extracted_article(editor, body=body)
    client.force_login(editor)
    content = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert" not in content and "<b>gras" not in content
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content


def test_failed_article_shows_its_reason(client, editor, article):
    extraction.mark_failed(article.pk, "ValueError: bad text")
    client.force_login(editor)
    status = tree(client.get(article.get_absolute_url())).xpath("//div[@id='article-status']")[0]
    assert "Failed" in status.text_content()
    assert "ValueError: bad text" in status.text_content()


def test_busy_article_polls_and_the_fragment_is_the_partial_only(client, editor, article):
    busy(article, Article.Status.EXTRACTING)
    client.force_login(editor)
    page = tree(client.get(article.get_absolute_url()))
    status = page.xpath("//div[@id='article-status']")[0]
    assert status.get("hx-get") == article.get_absolute_url()
    assert status.get("hx-trigger") == "every 2s"
    fragment = client.get(article.get_absolute_url(), headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    body = fragment.content.decode()
    assert "Extracting" in body
    assert "<html" not in body and "article-content" not in body and "<h1" not in body


def test_finished_fragment_stops_polling_and_brings_the_claims(client, editor, article):
    client.force_login(editor)
    fragment = client.get(article.get_absolute_url(), headers={"HX-Request": "true"})
    assert fragment.status_code == STOP_POLLING  # htmx stops polling on 286
    body = fragment.content.decode()
    assert "<html" not in body and "In review" in body
    content = lxml_html.fragment_fromstring(body, create_parent="div")
    swapped = content.xpath("//div[@id='article-content']")[0]
    assert swapped.get("hx-swap-oob") == "true"
    assert len(swapped.xpath(".//li[starts-with(@id,'claim-')]")) == article.claims.count()


def test_article_page_query_count_is_fixed(client, editor, reviewer, django_assert_max_num_queries):
    """Same number of queries with 3 claims or 300, with verdicts and assignees set."""
    small = make_extracted_article(editor)
    sentence = "Le Sénat a adopté le texte le 15 novembre 2024 par 289 voix contre 12. "
    large = make_extracted_article(editor, body=sentence * 100)
    verdict = Verdict.objects.first()
    large.claims.update(assignee=reviewer, verdict=verdict, status=Claim.Status.IN_PROGRESS)
    assert large.claims.count() >= 200
    client.force_login(editor)
    client.get(small.get_absolute_url())  # warm the session
    with CaptureQueriesContext(connection) as small_queries:
        client.get(small.get_absolute_url())
    with CaptureQueriesContext(connection) as large_queries:
        assert client.get(large.get_absolute_url()).status_code == 200
    assert len(large_queries) == len(small_queries) <= 8, [q["sql"] for q in large_queries]
    with django_assert_max_num_queries(8):
        client.get(large.get_absolute_url())


# --- re-extraction -------------------------------------------------------------


def test_editor_reextracts_and_reviewer_work_survives(
    client, editor, reviewer, article, django_capture_on_commit_callbacks
):
    claim = article.claims.order_by("start").first()
    Claim.objects.filter(pk=claim.pk).update(
        assignee=reviewer, status=Claim.Status.IN_PROGRESS, explanation="checked the record"
    )
    client.force_login(editor)
    url = reverse("factcheck:article_reextract", kwargs={"uuid": article.uuid})
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(url)
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert len(callbacks) == 1
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED
    assert ReviewEvent.objects.filter(article=article, comment="re-extraction requested").exists()
    from factcheck.tasks import extract_article

    assert extract_article(article.pk) == "done"
    claim.refresh_from_db()
    assert claim.assignee == reviewer and claim.explanation == "checked the record"
    assert claim.status == Claim.Status.IN_PROGRESS


def test_reviewer_sees_no_reextract_button(client, reviewer, article):
    client.force_login(reviewer)
    page = tree(client.get(article.get_absolute_url()))
    assert not page.xpath("//form[contains(@action,'reextract')]")


# --- highlighting, pure ----------------------------------------------------------


def span(start: int, end: int, s0: int = 0, s1: int = 100, **extra):
    return SimpleNamespace(start=start, end=end, sentence_start=s0, sentence_end=s1, **extra)


def test_segments_handle_overlap_and_nesting():
    outer, inner, other = span(0, 10), span(3, 6), span(8, 14)
    cut = segments("abcdefghijklmnop", [inner, other, outer])
    assert "".join(s.text for s in cut) == "abcdefghijklmnop"
    assert [(s.text, s.claims) for s in cut] == [
        ("abc", (outer,)),
        ("def", (outer, inner)),
        ("gh", (outer,)),
        ("ij", (outer, other)),
        ("klmn", (other,)),
        ("op", ()),
    ]


def test_segments_in_a_window_and_out_of_range_spans():
    cut = segments("0123456789", [span(2, 6), span(8, 40)], lo=4, hi=9)
    assert [(s.text, len(s.claims)) for s in cut] == [("45", 1), ("678", 0)]


def test_highlighted_escapes_text_and_marks_overlaps():
    claims = [
        span(0, 8, kind="date", uuid="a", verdict_id=None),
        span(4, 12, kind="vote_result", uuid="b", verdict_id=3),
    ]
    out = highlighted("<i>&amp;</i> tail", claims, colour_by_verdict=True)
    assert out == (
        '<mark class="claim kind-date no-verdict"><a href="#claim-a">&lt;i&gt;&amp;</a></mark>'
        '<mark class="claim kind-vote_result overlap verdict-3"><a href="#claim-b">amp;</a></mark>'
        '<mark class="claim kind-vote_result verdict-3"><a href="#claim-b">&lt;/i&gt;</a></mark>'
        " tail"
    )


def test_by_sentence_keeps_text_order():
    a, b, c = span(30, 35, 25, 50), span(2, 5, 0, 20), span(10, 12, 0, 20)
    assert by_sentence([a, b, c]) == [(0, 20, [b, c]), (25, 50, [a])]


def test_failed_article_shows_its_reason_and_month_precision_dates(client, editor, article):
    """The page's branches compare with the enums (ArticleStatus, DatePrecision) in templates."""
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.FAILED, failure_reason="ValueError: bad text",
        published_precision=Article.DatePrecision.MONTH,
    )
    client.force_login(editor)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Extraction failed:" in page and "ValueError: bad text" in page
    assert ">November 2024</time>" in page
