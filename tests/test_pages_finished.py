"""Issue 13, server side: error pages, signing out by GET, the top bar, the queue's filters,
the approvals count, source URLs without a scheme, dates and French typography.

Browser-side checks (console errors, the phone menu, HTMX swaps) are in
tests/browser/test_console.py.
"""

from __future__ import annotations

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from factcheck.actions import review
from factcheck.models import Claim, ReviewEvent, Source
from factcheck.templatetags.review_tags import event_summary, readable_date_value
from tests.factories import HTMX, add_source, login, make_extracted_article, verdict

pytestmark = pytest.mark.django_db


def french(client) -> None:
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})


# --- error pages --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, home", [("en", "Back to the home page"), ("fr", "Retour à l'accueil")]
)
def test_403_is_styled_translated_and_links_home(reviewer, lang, home):
    client = login(reviewer)
    if lang == "fr":
        french(client)
    response = client.get(reverse("factcheck:approvals"))
    page = response.content.decode()
    assert response.status_code == 403
    assert '<header class="topbar">' in page and f'<html lang="{lang}">' in page
    assert home in page
    assert f'href="{reverse("factcheck:home")}"' in page


def test_404_is_styled(editor):
    response = login(editor).get("/articles/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert '<header class="topbar">' in response.content.decode()


def test_405_is_styled_and_keeps_allow(editor, article):
    response = login(editor).get(reverse("factcheck:article_reextract", args=[article.uuid]))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "This address is not opened this way" in response.content.decode()
    assert "Content-Security-Policy" in response.headers


def test_405_stays_bare_for_htmx(editor, article):
    url = reverse("factcheck:article_reextract", args=[article.uuid])
    response = login(editor).get(url, **HTMX)
    assert response.status_code == 405 and response.content == b""


def test_500_page_renders_without_a_request_context():
    with translation.override("fr"):
        response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Une erreur s'est produite de notre côté" in page
    assert 'href="/"' in page


def test_csrf_failure_is_the_styled_403(client, editor):
    client = type(client)(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(reverse("factcheck:article_new"), {"title": "x"})
    assert response.status_code == 403
    assert "The form was too old" in response.content.decode()


# --- signing out --------------------------------------------------------------------------------


def test_logout_by_get_shows_a_sign_out_button_and_keeps_the_session(editor):
    client = login(editor)
    response = client.get("/accounts/logout/")
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<form method="post" action="/accounts/logout/">', page)
    # A GET signs nobody out (a link or a prefetch must not): the session is still there.
    assert client.get(reverse("factcheck:article_list")).status_code == 200
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert client.get(reverse("factcheck:article_list")).status_code == 302


def test_logout_page_when_signed_out(client):
    response = client.get("/accounts/logout/")
    assert response.status_code == 200
    assert "You are signed out." in response.content.decode()


# --- top bar ------------------------------------------------------------------------------------


def top_bar(response) -> str:
    return re.search(r"<header.*?</header>", response.content.decode(), re.S).group(0)


def test_top_bar_marks_the_current_section(editor, article, claim):
    client = login(editor)
    assert re.search(r'href="/queue/" aria-current="page"', top_bar(client.get("/queue/")))
    # A claim belongs to the queue, an article page to the articles.
    bar = top_bar(client.get(claim.get_absolute_url()))
    assert re.search(r'href="/queue/" aria-current="true"', bar)
    bar = top_bar(client.get(article.get_absolute_url()))
    assert re.search(r'href="/articles/" aria-current="true"', bar)
    bar = top_bar(client.get(reverse("factcheck:article_new")))
    assert re.search(r'href="/articles/new/" aria-current="page"', bar)
    assert not re.search(r'href="/articles/" aria-current', bar)


def test_top_bar_has_no_home_link_and_names_languages_in_themselves(editor):
    client = login(editor)
    french(client)
    bar = top_bar(client.get("/articles/"))
    assert ">Accueil<" not in bar
    assert '<option value="en" lang="en">English</option>' in bar
    assert '<option value="fr" lang="fr" selected>Français</option>' in bar


# --- queue, claim page, approvals ---------------------------------------------------------------


def test_queue_has_no_status_select_and_keeps_the_tab_in_filters(reviewer, article):
    page = login(reviewer).get("/queue/", {"status": "pending"}).content.decode()
    assert 'id="id_status"' not in page
    assert '<input type="hidden" name="status" value="pending">' in page
    # The Apply button is there only for browsers without JavaScript.
    assert re.search(r'<noscript><div><button type="submit">Apply</button></div></noscript>', page)


def test_claim_page_shows_no_version_and_summary_comes_first_on_a_phone(reviewer, claim):
    page = login(reviewer).get(claim.get_absolute_url()).content.decode()
    assert "<dt>Version</dt>" not in page
    assert 'class="grid-2 claim-page"' in page and 'class="claim-aside"' in page


def test_approvals_count_follows_each_decision(editor, reviewer, article):
    claims = []
    for claim in article.claims.order_by("start")[:2]:
        claim = review.take_claim(claim, reviewer)
        add_source(claim)
        claims.append(review.submit_claim(claim, reviewer, version=claim.version,
                                          verdict=verdict("True"), explanation="Vu."))
    client = login(editor)
    assert "2 verdicts waiting for approval." in client.get("/approvals/").content.decode()
    answers = []
    for claim in claims:
        response = client.post("/approvals/", {"action": "approve", "claim": claim.uuid,
                                               "version": claim.version}, **HTMX)
        answers.append(response.content.decode())
    assert 'id="approvals-count"' in answers[0] and 'hx-swap-oob="true"' in answers[0]
    assert "1 verdict waiting for approval." in answers[0]
    assert "Nothing is waiting for approval." in answers[1]
    assert "Nothing is waiting for approval." in client.get("/approvals/").content.decode()


def test_upload_message_says_nothing_that_turns_false(editor):
    response = login(editor).post(
        reverse("factcheck:article_new"),
        {"title": "Vote", "text": "Le Sénat a voté le 3 mars 2024.", "published_precision": "day"},
        follow=True,
    )
    page = response.content.decode()
    assert "Article uploaded." in page
    assert "being extracted" not in page


def test_article_page_highlights_by_kind_and_status_with_a_legend(editor):
    article = make_extracted_article(editor)
    page = login(editor).get(article.get_absolute_url()).content.decode()
    kinds = set(re.findall(r'<mark class="claim kind-(\w+) by-kind status-(\w+)', page))
    assert {kind for kind, _ in kinds} == {"date", "vote_result", "meeting_count"}
    assert {status for _, status in kinds} == {"pending"}
    legend = re.search(r'<div class="highlight-legend">.*?</div>', page, re.S).group(0)
    for value, label in Claim.Kind.choices + Claim.Status.choices:
        assert re.search(rf'class="claim (by-kind kind|status)-{value}">{label}</mark>', legend)


# --- source URLs --------------------------------------------------------------------------------


def source_post(claim, address):
    return {"action": "add_source", "source-url": address, "source-title": "Compte rendu",
            "source-accessed_on": "2024-11-21"}


def test_source_url_without_scheme_gets_https(reviewer, claim):
    claim = review.take_claim(claim, reviewer)
    response = login(reviewer).post(
        claim.get_absolute_url(), source_post(claim, "example.org/page")
    )
    assert response.status_code == 302
    assert Source.objects.get().url == "https://example.org/page"
    # A text field: the browser's own type=url check would refuse what the server accepts.
    page = login(reviewer).get(claim.get_absolute_url()).content.decode()
    assert re.search(r'<input type="text" name="source-url"[^>]*inputmode="url"', page)


def test_javascript_url_gets_one_clear_error(reviewer, claim):
    claim = review.take_claim(claim, reviewer)
    response = login(reviewer).post(
        claim.get_absolute_url(), source_post(claim, "javascript:alert(1)"), **HTMX
    )
    page = response.content.decode()
    assert page.count("Enter a web address, such as https://example.org/page.") == 1
    assert "Enter a valid URL." not in page
    assert not Source.objects.exists()


# --- dates and French typography ----------------------------------------------------------------


@pytest.mark.parametrize(
    "value, en, fr",
    [
        ({"start": "2018-10-01", "end": "2018-10-07"}, "1–7 October 2018",
         "du 1er au 7 octobre 2018"),
        ({"start": "2018-09-28", "end": "2018-10-03"}, "28 September–3 October 2018",
         "du 28 septembre au 3 octobre 2018"),
        ({"start": "2018-12-28", "end": "2019-01-03"}, "28 December 2018–3 January 2019",
         "du 28 décembre 2018 au 3 janvier 2019"),
        ({"start": "2018-04", "end": "2018-10"}, "April–October 2018", "d’avril à octobre 2018"),
        ({"start": "2018", "end": "2020"}, "2018–2020", "de 2018 à 2020"),
        ({"date": "2018-10-01"}, "1 October 2018", "1er octobre 2018"),
    ],
)
def test_dates_and_ranges_read_as_each_language_writes_them(value, en, fr):
    with translation.override("en"):
        assert readable_date_value(value) == en
    with translation.override("fr"):
        assert readable_date_value(value) == fr


def test_one_date_style_per_language_and_no_doubled_full_stop(reviewer, claim):
    claim = review.take_claim(claim, reviewer)
    client = login(reviewer)
    english = client.get(claim.get_absolute_url()).content.decode()
    french(client)
    page = client.get(claim.get_absolute_url()).content.decode()
    # History times: "2 December 2026 at 15:04" / "2 décembre 2026 à 15 h 04", site time zone.
    assert re.search(r"<time [^>]*>\d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d</time>", english)
    assert re.search(r"<time [^>]*>\d{1,2}(er)? [a-zéû]+ \d{4} à \d{1,2} h \d\d</time>", page)
    assert not re.search(r"[ap]\.m\.", english)
    assert ".." not in re.sub(r"<[^>]+>", "", english).replace("...", "")


def test_history_line_separator_is_french_in_french(reviewer, claim):
    claim = review.take_claim(claim, reviewer)
    event = ReviewEvent(claim=claim, action=ReviewEvent.Action.VERDICT,
                        before={}, after={"verdict": {"en": "True", "fr": "Vrai"},
                                          "explanation": "x"})
    with translation.override("fr"):
        assert event_summary(event) == "Verdict\u00a0: — → Vrai\u00a0; explication modifiée"
    with translation.override("en"):
        assert event_summary(event).endswith("True; explanation edited")


def test_claim_link_on_the_article_page_says_verifier(editor, article):
    client = login(editor)
    french(client)
    page = client.get(article.get_absolute_url()).content.decode()
    assert re.search(r">Vérifier<span class=\"visually-hidden\">", page)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_times_never_end_in_a_full_stop(lang):
    """"Last change by …, {{ when }}." once read "5:13 a.m..": a 24-hour time ends in digits."""
    from django.utils import timezone
    from django.utils.formats import date_format

    with translation.override(lang):
        for name in ("DATETIME_FORMAT", "SHORT_DATETIME_FORMAT", "TIME_FORMAT"):
            assert date_format(timezone.localtime(), name)[-1].isdigit()
