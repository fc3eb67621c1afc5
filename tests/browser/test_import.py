"""The Import page in a real browser: the editor sends a JSONL file and watches it arrive.

The real Celery worker reads the file and extracts the articles while the page
polls (HTMX): the progress bars move without a reload, the final answer stops
the polling, and the report names the refused row by its line.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from factcheck.models import Article, ImportJob, ImportRow
from tests.browser.conftest import PHONE, in_lang, tr, worker_paused

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
]

TEXT = ("Le Sénat a adopté le texte le 15 novembre 2024 par 289 voix contre 12 et "
        "5 abstentions. Dépêche {n}.")


def jsonl(count: int, bad_line: int) -> bytes:
    lines = [
        json.dumps({"title": f"Dépêche {n}", "text": TEXT.format(n=n), "published": "2024-11-20",
                    "external_id": f"cms-{n}"})
        for n in range(1, count + 1)
    ]
    lines[bad_line - 1] = '{"title": "Sans texte"}'
    return "\n".join(lines).encode()


def test_import_progress_and_report(open_ui, celery_worker, editor):
    ui = open_ui()
    page = ui.page
    ui.sign_in(editor.username)
    page.locator("header nav a[href='/imports/']").click()
    expect(page).to_have_url(re.compile(r"/imports/$"))
    page.locator("#id_file").set_input_files(files=[{
        "name": "archive.jsonl", "mimeType": "application/x-ndjson", "buffer": jsonl(30, 7),
    }])
    ui.shot("import-form")

    status = page.locator("#import-progress [data-import-status]")
    with worker_paused(celery_worker):
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        expect(page).to_have_url(re.compile(r"/imports/[0-9a-f-]{36}/$"))
        expect(status).to_have_attribute("data-import-status", "queued")
        expect(page.locator("main .messages")).to_have_text(
            tr("File received; the import runs in the background.", "en")
        )
        page.evaluate("window.__sameDocument = 'still here'")
        ui.shot("import-queued")

    # The worker reads the rows, then extracts the articles; the page follows by itself.
    expect(status).to_have_attribute("data-import-status", "done")
    rows = page.locator("#rows-progress")
    expect(rows).to_have_attribute("value", "30")
    expect(rows).to_have_attribute("max", "30")
    expect(page.locator("#extraction-progress")).to_have_attribute("value", "29")
    expect(page.locator("#import-progress .import-counts")).to_have_text(
        "29 created, 0 updated, 0 already there, 1 refused."
    )
    expect(page.locator("#import-progress [data-report-link]")).to_be_visible()
    assert page.evaluate("window.__sameDocument") == "still here"
    # The last answer (HTTP 286) stopped the polling: no request for the page follows.
    polls: list[str] = []
    page.on("request", lambda request: polls.append(request.url))
    page.wait_for_timeout(2500)
    assert not [url for url in polls if "/imports/" in url], polls
    # The report came with the last answer, out of band.
    expect(page.locator("#import-report table.import-report tbody tr")).to_have_count(30)
    ui.shot("import-done")
    job = ImportJob.objects.get()
    assert job.created_count == 29
    assert Article.objects.filter(status=Article.Status.IN_REVIEW).count() == 29

    # The report: the refused row by its line and reason; its link filters the report.
    with page.expect_navigation():
        page.locator("#import-progress [data-report-link]").click()
    refused = page.locator("table.import-report tbody tr")
    expect(refused).to_have_count(1)
    expect(refused.locator("td").nth(0)).to_have_text("7")
    expect(refused.locator("td").nth(2)).to_have_text(in_lang(ImportRow.Outcome.ERROR.label, "en"))
    expect(refused.locator("td").nth(3)).to_contain_text("Paste the article's text")
    ui.shot("import-report-refused")
    page.get_by_role("link", name="All rows").click()
    expect(page.locator("table.import-report tbody tr")).to_have_count(30)
    page.locator("table.import-report a", has_text="Dépêche 1").first.click()
    expect(page).to_have_url(re.compile(r"/articles/[0-9a-f-]{36}/$"))
    ui.assert_clean_console()


def test_import_page_on_a_phone(open_ui, editor):
    ui = open_ui(viewport=PHONE)
    ui.sign_in(editor.username)
    ui.page.goto("/imports/")
    ui.page.locator("#id_file").set_input_files(files=[{
        "name": "archive.zip", "mimeType": "application/zip", "buffer": b"not a zip",
    }])
    ui.page.locator("main form button[type=submit]").click()
    expect(ui.page.locator("#field-file .errorlist")).to_have_text(
        "This file is not a valid zip archive."
    )
    ui.assert_no_horizontal_scroll()
    ui.shot("import-refused-phone")
    ui.assert_clean_console()
