"""The desk's day in Chromium: an editor assigns a claim, the reviewer sees the notification,
submits, gets it sent back with a comment (banner), and submits it with Ctrl+Enter, which
also takes the next claim. Plus the shortcuts help, j/k in the queue, and the unsaved-text
warning."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from factcheck.models import Claim, Verdict
from tests.factories import make_article, make_claims

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def add_source_and_judge(page, explanation: str) -> None:
    page.locator("#id_source-url").fill("https://www.senat.fr/scrutin-public/2024/scr2024-42.html")
    page.locator("#id_source-title").fill("Scrutin public n° 42")
    page.locator("#sources fieldset button[type=submit]").click()
    expect(page.locator("#sources .message.success")).to_have_text("Source added.")
    page.locator("#id_verdict").select_option(str(Verdict.objects.get(label_en="True").pk))
    page.locator("#id_explanation").fill(explanation)


def test_assign_notify_send_back_then_submit_and_take_next(open_ui, editor, reviewer):
    article = make_article(editor, body="Le Sénat a voté le 15 novembre 2024. " * 20)
    first, second, _ = make_claims(article, 3)
    desk, rita = open_ui(suffix="-editor"), open_ui(suffix="-reviewer")
    desk.sign_in(editor.username)
    rita.sign_in(reviewer.username)

    # --- the editor assigns the first claim to rita from its page -----------------------------
    page = desk.page
    page.goto(first.get_absolute_url())
    page.locator("#id_assign-reviewer").select_option(label=reviewer.username)
    with page.expect_navigation():
        page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.locator("main .messages")).to_have_text("Assigned to rita.")
    expect(page.locator("#claim-summary dd").nth(1)).to_have_text(reviewer.username)
    desk.shot("assigned")

    # --- rita sees it in the top bar, opens it from the notifications --------------------------
    page = rita.page
    page.goto("/queue/")
    expect(page.locator("header [data-unread-count]")).to_have_text("1")
    page.locator("header a.notifications-link").click()
    expect(page.locator("main .notifications li")).to_contain_text("Assigned to you")
    rita.shot("notifications")
    with page.expect_navigation():
        page.locator("main .notifications [data-notification-open]").first.click()
    expect(page).to_have_url(re.compile(rf"/claims/{first.uuid}/"))
    expect(page.locator("header [data-unread-count]")).to_have_text("0")  # opened: read
    add_source_and_judge(page, "Le compte rendu le confirme.")
    with page.expect_navigation():
        page.locator("#review button[name=action][value=submit]").click()
    expect(page.locator("main .messages")).to_have_text("Submitted for approval.")

    # --- the editor sends it back with a comment ------------------------------------------------
    page = desk.page
    page.goto("/approvals/")
    item = page.locator(f"#approval-{first.uuid}")
    item.locator("textarea[name=comment]").fill("Citez le scrutin exact, pas la dépêche.")
    item.get_by_role("button", name="Send back").click()
    expect(item.locator(".message.success")).to_contain_text("Sent back to the reviewer.")

    # --- rita: a new notification, the Sent back badge and banner ------------------------------
    page = rita.page
    page.goto("/queue/?mine=on")
    expect(page.locator("header [data-unread-count]")).to_have_text("1")
    first_row = page.locator("table.queue tbody tr").first
    expect(first_row.locator(".badge")).to_have_text("Sent back")
    rita.shot("queue-sent-back")
    with page.expect_navigation():
        first_row.locator("a[data-queue-row]").click()
    banner = page.locator(".banner.sent-back")
    expect(banner).to_contain_text("Citez le scrutin exact, pas la dépêche.")
    expect(banner).to_contain_text("edith sent this claim back")
    rita.shot("sent-back-banner")

    # --- Ctrl+Enter in the explanation: submit and take next, filters kept ----------------------
    explanation = page.locator("#id_explanation")
    explanation.fill("Le scrutin public n° 42 donne ce résultat.")
    with page.expect_navigation():
        explanation.press("Control+Enter")
    expect(page).to_have_url(re.compile(rf"/claims/{second.uuid}/\?queue=mine%3Don$"))
    expect(page.locator("main .messages")).to_contain_text("The next claim is now assigned to you.")
    assert Claim.objects.get(pk=first.pk).status == Claim.Status.SUBMITTED
    assert Claim.objects.get(pk=second.pk).assignee == reviewer
    expect(page.get_by_role("link", name="Back to the queue")).to_have_attribute(
        "href", "/queue/?mine=on")
    rita.shot("next-claim")
    desk.assert_clean_console()
    rita.assert_clean_console()


def test_shortcuts_help_and_queue_keys(ui, editor, reviewer):
    make_claims(make_article(editor), 3)
    ui.sign_in(reviewer.username)
    page = ui.page
    page.goto("/queue/")
    page.locator("body").press("?")
    help_dialog = page.locator("#shortcuts-help")
    expect(help_dialog).to_be_visible()
    expect(help_dialog).to_contain_text("Submit and take next")
    ui.shot("help")
    page.keyboard.press("Escape")
    expect(help_dialog).to_be_hidden()
    rows = page.locator("a[data-queue-row]")
    page.keyboard.press("j")
    expect(rows.nth(0)).to_be_focused()
    page.keyboard.press("j")
    expect(rows.nth(1)).to_be_focused()
    page.keyboard.press("k")
    expect(rows.nth(0)).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("t")  # take next
    expect(page).to_have_url(re.compile(rf"/claims/{UUID}/"))
    expect(page.locator("main .messages")).to_have_text("This claim is now assigned to you.")
    ui.assert_clean_console()


def test_leaving_a_form_with_unsaved_text_asks_first(ui, editor, reviewer):
    (claim,) = make_claims(make_article(editor), 1)
    ui.sign_in(reviewer.username)
    page = ui.page
    page.goto(claim.get_absolute_url())
    page.get_by_role("button", name="Take this claim").click()
    expect(page.locator("#id_explanation")).to_be_visible()
    # Nothing typed: leaving asks nothing.
    page.goto("/queue/")
    page.go_back()
    page.locator("#id_explanation").fill("Un brouillon pas encore enregistré.")
    asked: list[str] = []

    def answer(dialog) -> None:
        asked.append(dialog.type)
        dialog.dismiss()  # stay on the page

    page.once("dialog", answer)
    page.get_by_role("link", name="Back to the queue").click()
    expect(page.locator("#id_explanation")).to_have_value("Un brouillon pas encore enregistré.")
    assert asked == ["beforeunload"]
    # Saved, the form is clean again: leaving asks nothing.
    page.locator("#review button[name=action][value=save]").click()
    expect(page.locator("#review .message.success")).to_have_text("Draft saved.")
    with page.expect_navigation():
        page.get_by_role("link", name="Back to the queue").click()
    assert asked == ["beforeunload"]
    ui.assert_clean_console()
