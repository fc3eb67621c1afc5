"""Every date the site and its admin show is a local one (TIME_ZONE), in one style per language,
French with "1er" for the first of the month (factcheck/readable_dates.py, the `when` filter).

The timestamp is 23:30 UTC on 30 September: 1 October at 01:30 in Paris, so a
heading or grouping made from the UTC date says the 30th and fails here.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from factcheck.actions import review
from factcheck.models import Article, ReviewEvent
from factcheck.readable_dates import local_date
from tests.factories import add_source, login

pytestmark = pytest.mark.django_db

NEAR_MIDNIGHT = dt.datetime(2024, 9, 30, 23, 30, tzinfo=dt.UTC)
PARIS = {"en": "1 October 2024 at 01:30", "fr": "1er octobre 2024 à 1 h 30"}
UTC_DATE = re.compile(r"30 (September|septembre) 2024|2024-09-30|\b23:30|23 h 30")


@pytest.fixture(autouse=True)
def paris(settings):
    settings.TIME_ZONE = "Europe/Paris"


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("ada", "ada@example.org", "x" * 20)


def french(client) -> None:
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})


@pytest.fixture
def late_article(article, superuser) -> Article:
    """An article whose history rows and admin log entry are all at 23:30 UTC."""
    ReviewEvent.objects.filter(article=article).update(created_at=NEAR_MIDNIGHT)
    Article.objects.filter(pk=article.pk).update(created_at=NEAR_MIDNIGHT)
    LogEntry.objects.create(
        user=superuser, content_type=ContentType.objects.get_for_model(Article),
        object_id=str(article.pk), object_repr=str(article), action_flag=CHANGE,
        change_message="[]", action_time=NEAR_MIDNIGHT,
    )
    assert ReviewEvent.objects.filter(article=article).exists()
    return article


def text_of(response) -> str:
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_local_date_is_the_site_time_zone_and_french_says_1er(lang):
    with translation.override(lang):
        assert local_date(NEAR_MIDNIGHT) == PARIS[lang]
        assert local_date(dt.date(2024, 10, 1)) == {"en": "1 October 2024",
                                                    "fr": "1er octobre 2024"}[lang]
        assert local_date(dt.date(2024, 10, 11)) == {"en": "11 October 2024",
                                                     "fr": "11 octobre 2024"}[lang]
        assert local_date(dt.date(2024, 10, 1), "F Y") == {"en": "October 2024",
                                                           "fr": "octobre 2024"}[lang]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_admin_history_inline_headings_are_local(superuser, late_article, lang):
    """The inline rows' heading is ReviewEvent.__str__: it once printed the UTC time."""
    client = login(superuser)
    if lang == "fr":
        french(client)
    page = text_of(client.get(f"/admin/factcheck/article/{late_article.pk}/change/"))
    headings = re.findall(r'id="events-\d+"> <td class="original"> <p> (.*?) </p>', page)
    assert headings and all(PARIS[lang] in heading for heading in headings), headings
    cells = re.findall(r'<td class="field-when"> <p>(.*?)</p>', page)
    assert cells and set(cells) == {PARIS[lang]}
    assert not UTC_DATE.search(page)


def test_admin_object_history_page_is_local(superuser, late_article):
    page = text_of(login(superuser).get(f"/admin/factcheck/article/{late_article.pk}/history/"))
    assert f'<th scope="row">{PARIS["en"]}</th>' in page
    assert not UTC_DATE.search(page)


def test_admin_date_hierarchy_groups_by_local_day(superuser, late_article):
    client = login(superuser)
    events = "/admin/factcheck/reviewevent/"
    page = text_of(client.get(events))
    assert "created_at__day=1&amp;created_at__month=10&amp;created_at__year=2024" in page
    assert ">1 October<" in page
    assert not UTC_DATE.search(page)
    # The local day's page lists the rows; the UTC day's is empty.
    count = ReviewEvent.objects.filter(article=late_article).count()
    october_first = text_of(client.get(
        events, {"created_at__year": 2024, "created_at__month": 10, "created_at__day": 1}))
    assert october_first.count('class="field-when') == count
    september = text_of(client.get(events, {"created_at__year": 2024, "created_at__month": 9}))
    assert 'class="field-when' not in september
    articles = text_of(client.get("/admin/factcheck/article/", {"created_at__month": 10,
                                                                "created_at__year": 2024}))
    assert late_article.title in articles


# --- the `when` filter in every template --------------------------------------------------------


@pytest.mark.parametrize("lang, published", [("en", "Published 1 October 2024"),
                                             ("fr", "Publié le 1er octobre 2024")])
def test_article_and_report_say_1er_in_french(editor, article, lang, published):
    Article.objects.filter(pk=article.pk).update(published_on=dt.date(2024, 10, 1),
                                                 created_at=NEAR_MIDNIGHT)
    client = login(editor)
    if lang == "fr":
        french(client)
    article_page = re.sub(r"<[^>]+>", "", text_of(client.get(article.get_absolute_url())))
    assert published in re.sub(r"\s+", " ", article_page)
    report = text_of(client.get(f"/articles/{article.uuid}/report/"))
    assert re.search(rf">{published.split()[-3]} {published.split()[-2]} 2024</time>", report)
    listing = text_of(client.get("/articles/"))
    assert f">{PARIS[lang]}</time>" in listing


def test_claim_page_history_and_sources_say_1er_in_french(reviewer, claim):
    claim = review.take_claim(claim, reviewer)
    add_source(claim, accessed_on=dt.date(2024, 10, 1))
    ReviewEvent.objects.filter(claim=claim).update(created_at=NEAR_MIDNIGHT)
    client = login(reviewer)
    french(client)
    page = text_of(client.get(claim.get_absolute_url()))
    assert f">{PARIS['fr']}</time>" in page
    assert "consultée le 1er octobre 2024</span>" in page


def test_legend_headings_are_visible(editor):
    from tests.factories import make_extracted_article

    article = make_extracted_article(editor)
    page = text_of(login(editor).get(article.get_absolute_url()))
    for heading in ("Kinds", "Statuses"):
        tag = re.search(rf"<h4 ([^>]*)>{heading}</h4>", page)
        assert tag and "visually-hidden" not in tag.group(1)
        assert re.search(rf'aria-labelledby="{re.search(r"id=\"([^\"]+)\"", tag.group(1))[1]}"',
                         page)
