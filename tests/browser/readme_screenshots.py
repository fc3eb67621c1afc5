"""The README's screenshots, from realistic data: `make screenshots`.

Not a test (its name keeps it out of the suite's collection): it runs only when
named, `.venv/bin/python -m pytest tests/browser/readme_screenshots.py`, and
writes docs/screenshots/queue.png, report.png, dashboard.png and public.png (a
published fact-check as readers see it).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from factcheck.actions import extraction, review
from factcheck.extraction import extract
from factcheck.management.commands.loaddemo import DEMO_ORGANISATION, load_published_demo
from factcheck.models import Article, Claim, Organisation, ReviewEvent, Verdict
from tests.browser.conftest import ROOT
from tests.factories import make_extracted_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

DOCS = ROOT / "docs" / "screenshots"

PENSIONS = (
    "Après trois semaines de débats, le Sénat a adopté le projet de loi le 15 novembre 2024 "
    "par 289 voix contre 12 et 5 abstentions. La commission mixte paritaire s'est réunie à "
    "deux reprises, les 18 et 19 novembre, avant le vote définitif à l'Assemblée nationale le "
    "3 décembre 2024. Le gouvernement et les syndicats s'étaient rencontrés à sept reprises "
    "depuis janvier 2023, sans parvenir à un accord. En commission, l'amendement sur les "
    "carrières longues avait été adopté à l'unanimité."
)
TRANSPORT = (
    "The city council approved the new transport plan on 12 March 2025 by 31 votes to 4, "
    "after meeting four times since January. The previous plan, adopted in 2019, was never "
    "fully funded."
)

# claim text -> (verdict label_en, explanation, approved?)
PENSIONS_REVIEWS = {
    "15 novembre 2024": ("True", "The Senate's record dates the vote to 15 November 2024.", True),
    "289 voix contre 12 et 5 abstentions": (
        "True", "Public ballot no. 42: 289 for, 12 against, 5 abstentions.", True
    ),
    "à deux reprises": (
        "Misleading", "The committee met twice, but the second sitting was cancelled after "
        "ten minutes for lack of quorum.", True
    ),
    "3 décembre 2024": (
        "False", "The final vote in the Assemblée nationale took place on 4 December 2024.", True
    ),
    "à sept reprises": (
        "Mostly true", "The ministry's calendar lists seven meetings; one was a video call.", False
    ),
    "janvier 2023": (
        "Unverifiable", "No public record of the first meeting could be found.", True
    ),
}


def extracted(editor, body: str, lang: str, published: dt.date, **fields) -> Article:
    """An article extracted in this process (the worker is not needed for pictures)."""
    article = Article.objects.create(
        body=body, requested_language=lang, published_on=published, uploaded_by=editor, **fields
    )
    found = extract(body, lang=lang, published=published.isoformat())
    return extraction.apply_extraction(article.pk, found, lang)


def judge(claim: Claim, reviewer, editor, label: str, explanation: str, approve: bool) -> None:
    claim = review.take_claim(claim, reviewer)
    review.add_source(
        claim,
        reviewer,
        url="https://www.senat.fr/scrutin-public/2024/scr2024-42.html",
        title="Scrutin public n° 42",
        publisher="Sénat",
        accessed_on=dt.date(2024, 12, 5),
    )
    claim = Claim.objects.get(pk=claim.pk)
    verdict = Verdict.objects.get(label_en=label)
    claim = review.submit_claim(
        claim, reviewer, version=claim.version, verdict=verdict, explanation=explanation
    )
    if approve:
        review.approve_claim(claim, editor, version=claim.version)


def spread_history(article: Article) -> None:
    """The dashboard's per-day chart and median need a desk's days, not one minute: the
    article's reviews move to the last two weeks, its claims to a day before each."""
    now = timezone.now()
    events = ReviewEvent.objects.filter(article=article, claim__isnull=False)
    for i, claim in enumerate(article.claims.order_by("start")):
        shift = dt.timedelta(days=2 * i + 1, hours=3 * i)
        Claim.objects.filter(pk=claim.pk).update(created_at=now - shift - dt.timedelta(days=1))
        for event in events.filter(claim=claim):
            ReviewEvent.objects.filter(pk=event.pk).update(created_at=event.created_at - shift)


def test_readme_screenshots(open_ui, editor, reviewer, other_reviewer):
    pensions = extracted(
        editor,
        PENSIONS,
        "fr",
        dt.date(2024, 12, 5),
        title="Retraites : le Sénat adopte le projet de loi",
        outlet="Le Quotidien",
    )
    make_extracted_article(editor)  # "Vote au Sénat", untouched: pending claims
    transport = extracted(
        editor,
        TRANSPORT,
        "en",
        dt.date(2025, 3, 14),
        title="City council approves the transport plan",
        outlet="The Evening Post",
    )
    for claim in pensions.claims.order_by("start"):
        if claim.text in PENSIONS_REVIEWS:
            judge(claim, reviewer, editor, *PENSIONS_REVIEWS[claim.text])
    votes = transport.claims.get(kind=Claim.Kind.VOTE_RESULT)
    review.take_claim(votes, other_reviewer)
    review.take_claim(transport.claims.get(kind=Claim.Kind.MEETING_COUNT), reviewer)
    wrong = transport.claims.filter(kind=Claim.Kind.DATE).order_by("start").last()
    review.dismiss_claim(wrong, editor, version=wrong.version, reason="extraction_error",
                         note="The year names the old plan, not an event to check.")
    spread_history(pensions)

    ui = open_ui(viewport={"width": 1280, "height": 800})
    page = ui.page
    ui.sign_in(reviewer.username)
    page.goto("/queue/")
    expect(page.locator("table.queue tbody tr").first).to_be_visible()
    DOCS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=DOCS / "queue.png", full_page=True, caret="initial")
    ui.sign_out()

    ui.sign_in(editor.username)
    page.goto(f"/articles/{pensions.uuid}/report/")
    expect(page.locator(".report-text mark.claim").first).to_be_visible()
    page.screenshot(path=DOCS / "report.png", full_page=True, caret="initial")

    page.goto("/dashboard/")
    expect(page.locator("figure.chart svg rect").first).to_be_visible()
    page.screenshot(path=DOCS / "dashboard.png", full_page=True, caret="initial")
    ui.assert_clean_console()
    ui.sign_out()

    # A published fact-check, as an anonymous reader sees it (loaddemo's published article).
    Organisation.objects.create(**DEMO_ORGANISATION | {"name": "Le Desk"})
    published = load_published_demo(editor, reviewer)
    reader = open_ui(viewport={"width": 1280, "height": 800}, suffix="-reader")
    reader.page.goto(published.get_public_url())
    expect(reader.page.locator(".report-text mark.claim").first).to_be_visible()
    reader.page.screenshot(path=DOCS / "public.png", full_page=True, caret="initial")
    reader.assert_clean_console()
