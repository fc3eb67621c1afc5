"""The whole newsroom flow in a real browser, in English and in French.

An editor uploads a .docx and watches the live status; the real Celery worker
extracts it; a reviewer takes the vote claim, sources it and judges it; the
editor approves; the report shows the claim in the verdict's colour.
"""

from __future__ import annotations

import re

import pytest
from django.utils import formats, timezone, translation
from playwright.sync_api import expect

from factcheck.models import Article, Claim, Verdict
from tests.browser.conftest import in_lang, tr, worker_paused
from tests.upload_files import make_docx

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
]

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"

ARTICLES = {
    "en": {
        "title": "Senate passes the housing bill",
        "paragraphs": [
            "Senate passes the housing bill",
            "The Senate passed the housing bill on 15 November 2024: it was adopted by "
            "289 votes to 12, with 5 abstentions. The two leaders met three times in 2018.",
        ],
        "vote": "289 votes to 12, with 5 abstentions",
        "verdict": "True",
        "explanation": "The official record of the sitting gives 289 for, 12 against, "
        "5 abstentions.",
    },
    "fr": {
        "title": "Le Sénat adopte la loi sur le logement",
        "paragraphs": [
            "Le Sénat adopte la loi sur le logement",
            "Le Sénat a adopté la loi sur le logement le 15 novembre 2024 : le texte a été "
            "adopté par 289 voix contre 12 et 5 abstentions. Les deux dirigeants se sont "
            "rencontrés à trois reprises en 2018.",
        ],
        "vote": "289 voix contre 12 et 5 abstentions",
        "verdict": "Vrai",
        "explanation": "Le compte rendu officiel de la séance donne 289 pour, 12 contre "
        "et 5 abstentions.",
    },
}


def rgb(colour: str) -> str:
    """#rrggbb as the rgb(r, g, b) string getComputedStyle returns."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def srgb_channels(css: str) -> list[float]:
    """0-255 channels of a computed `rgb(...)` or `color(srgb ...)` value."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    if css.startswith("color("):
        return [n * 255 for n in numbers[:3]]
    return numbers[:3]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_upload_review_approve_report(lang, open_ui, celery_worker, editor, reviewer):
    data = ARTICLES[lang]
    verdict = Verdict.objects.get(**{f"label_{lang}": data["verdict"]})
    ui = open_ui()
    page = ui.page

    # --- the editor uploads a .docx and watches the extraction without reloading ------------
    page.goto("/accounts/login/")
    if lang != "en":
        ui.switch_language(lang)
    ui.shot("login")
    ui.sign_in(editor.username)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator("header nav a[href='/articles/new/']").click()
    expect(page).to_have_url(re.compile(r"/articles/new/$"))
    page.locator("#id_title").fill(data["title"])
    page.locator("#id_file").set_input_files(
        files=[
            {
                "name": "article.docx",
                "mimeType": "application/vnd.openxmlformats-officedocument."
                "wordprocessingml.document",
                "buffer": make_docx(*data["paragraphs"]),
            }
        ]
    )
    page.locator("#id_published_on").fill("2024-11-20")
    ui.shot("upload-form")

    badge = page.locator("#article-status .badge")
    busy = [in_lang(s.label, lang) for s in (Article.Status.QUEUED, Article.Status.EXTRACTING)]
    with worker_paused(celery_worker):
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        expect(page).to_have_url(re.compile(rf"/articles/{UUID}/$"))
        expect(badge).to_have_text(re.compile("|".join(map(re.escape, busy))))
        expect(page.locator("main .messages")).to_have_text(
            tr("Article uploaded.", lang)
        )
        # Anything that reloads or navigates the page would wipe this marker.
        page.evaluate("window.__sameDocument = 'still here'")
        article_url = page.url
        ui.shot("article-queued")
    expect(badge).to_have_text(in_lang(Article.Status.IN_REVIEW.label, lang))
    assert page.evaluate("window.__sameDocument") == "still here"
    assert page.url == article_url
    article = Article.objects.get(title=data["title"])
    assert article.uploaded_file.name.endswith(".docx")
    # The claims arrived out of band with the final status, vote result included.
    expect(page.locator("#article-content .claim-item")).to_have_count(article.claims.count())
    expect(page.locator("#article-content .article-text")).to_contain_text(data["vote"])
    expect(page.locator(".article-text mark.claim", has_text=data["vote"])).to_be_visible()
    ui.shot("article-in-review")
    ui.sign_out()

    # --- the reviewer takes the vote claim, sources it, judges it, submits -------------------
    ui.sign_in(reviewer.username)
    page.locator("header nav a[href='/queue/']").click()
    expect(page).to_have_url(re.compile(r"/queue/"))
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator("#id_kind").select_option(Claim.Kind.VOTE_RESULT)
    # htmx swaps the results; the take-next form then carries the filter.
    expect(page.locator("main form[method=post] input[name=kind]")).to_have_value(
        Claim.Kind.VOTE_RESULT
    )
    expect(page.locator("table.queue tbody tr")).to_have_count(1)
    ui.shot("queue-filtered")
    with page.expect_navigation():
        page.get_by_role("button", name=tr("Take next pending claim", lang)).click()
    # The claim page carries the queue filters (for "Back to the queue").
    expect(page).to_have_url(re.compile(rf"/claims/{UUID}/(\?queue=[^#]*)?$"))
    claim_uuid = re.search(UUID, page.url)[0]
    claim = Claim.objects.get(uuid=claim_uuid)
    assert claim.kind == Claim.Kind.VOTE_RESULT
    assert claim.assignee == reviewer
    expect(page.locator("blockquote.claim-sentence mark.claim")).to_have_text(data["vote"])
    ui.shot("claim-taken")

    # The accessed date defaults to today, in every language (a localised value would not show).
    expect(page.locator("#id_source-accessed_on")).to_have_value(timezone.localdate().isoformat())
    page.locator("#id_source-url").fill("https://www.senat.fr/scrutin-public/2024/scr2024-42.html")
    page.locator("#id_source-title").fill("Scrutin public n° 42")
    page.locator("#id_source-publisher").fill("Sénat")
    page.locator("#id_source-quoted_passage").fill("Pour : 289 ; contre : 12 ; abstentions : 5")
    page.locator("#sources fieldset button[type=submit]").click()
    expect(page.locator("#sources .message.success")).to_have_text(tr("Source added.", lang))
    expect(page.locator("#sources ul.sources a")).to_have_text("Scrutin public n° 42")

    verdict_select = page.locator("#id_verdict")
    verdict_select.select_option(str(verdict.pk))
    # The scale's own labels follow the interface language.
    expect(verdict_select.locator("option:checked")).to_have_text(data["verdict"])
    page.locator("#id_explanation").fill(data["explanation"])
    ui.shot("claim-review-filled")
    with page.expect_navigation():
        page.locator("#review button[name=action][value=submit]").click()
    expect(page.locator("main .messages")).to_have_text(tr("Submitted for approval.", lang))
    expect(page.locator("#claim-summary .badge")).to_have_text(
        in_lang(Claim.Status.SUBMITTED.label, lang)
    )
    ui.shot("claim-submitted")
    ui.sign_out()

    # --- the editor approves ---------------------------------------------------------------
    ui.sign_in(editor.username)
    page.locator("header nav a[href='/approvals/']").click()
    item = page.locator(f"#approval-{claim_uuid}")
    expect(item).to_contain_text(data["explanation"])
    expect(item).to_contain_text("Scrutin public n° 42")
    ui.shot("approvals")
    item.locator("button.primary").click()
    expect(item.locator(".message.success")).to_contain_text(tr("Approved.", lang))
    expect(item.locator("form")).to_have_count(0)  # the whole item was swapped, not the form
    ui.shot("approved")
    claim.refresh_from_db()
    assert claim.status == Claim.Status.APPROVED

    # --- the report shows the claim in its verdict's colour ----------------------------------
    page.goto(f"/articles/{article.uuid}/report/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    entry = page.locator(f"#claim-{claim_uuid}")
    expect(entry.locator(".verdict-tag")).to_have_text(data["verdict"])
    expect(entry).to_contain_text(data["explanation"])
    expect(entry.locator(".sources a")).to_have_text("Scrutin public n° 42")
    with translation.override(lang):
        accessed = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    expect(entry.locator(".sources")).to_contain_text(accessed)
    mark = page.locator(f".report-text mark.claim:has(a[href='#claim-{claim_uuid}'])")
    expect(mark).to_have_text(data["vote"])
    expect(mark).to_have_class(re.compile(rf"\bverdict-{verdict.pk}\b"))
    style = mark.evaluate(
        "el => { const s = getComputedStyle(el);"
        " return {border: s.borderBottomColor, background: s.backgroundColor}; }"
    )
    # The underline is the verdict colour itself; the background is its 28% tint on white.
    assert style["border"] == rgb(verdict.colour)
    expected = [0.28 * int(verdict.colour[i : i + 2], 16) + 0.72 * 255 for i in (1, 3, 5)]
    assert srgb_channels(style["background"]) == pytest.approx(expected, abs=1.5)
    ui.shot("report")
    ui.assert_clean_console()
