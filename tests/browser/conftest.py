"""Browser fixtures: Debian's headless Chromium driven by Playwright against live_server.

Every page records its console errors, CSP violations and uncaught exceptions;
tests end with `ui.assert_clean_console()`. Screenshots of each step go to
test-artifacts/browser/ (git-ignored).
"""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Generous: the worker extracts in well under a second, but CI machines stall.
TIMEOUT_MS = 20_000
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}

expect.set_options(timeout=TIMEOUT_MS)

CSP_REPORTER = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`
    + ` at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`
    + ` on <${e.target && e.target.tagName}> sample=${JSON.stringify(e.sample)}`);
});
"""


def tr(message: str, lang: str) -> str:
    """`message` as the server shows it in `lang`: right before and after the catalogue exists."""
    with translation.override(lang):
        return str(translation.gettext(message))


def in_lang(label, lang: str) -> str:
    """A lazy label (model choices, form labels) rendered in `lang`."""
    with translation.override(lang):
        return str(label)

# The innermost elements sticking out past the viewport's right edge, to name in a failure.
WIDEST_ELEMENTS = """
(viewport) => [...document.querySelectorAll("body *")]
  .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
  .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > viewport + 0.5))
  .slice(0, 5)
  .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}">`
    + ` right=${Math.round(el.getBoundingClientRect().right)}`
    + ` ${JSON.stringify((el.textContent || "").trim().slice(0, 60))}`)
"""


@contextmanager
def playwright_beside_django() -> Iterator[Playwright]:
    """Start Playwright's sync API in a way the ORM in this thread survives.

    Playwright keeps an event loop running in the main thread, where the tests also use
    the ORM. Django then refuses sync ORM calls unless DJANGO_ALLOW_ASYNC_UNSAFE is set,
    and hands out other connection objects (asgiref keys them by the running loop). The
    variable is set only while Playwright runs (`check --deploy` subprocesses elsewhere
    refuse it: async.E001), and the loop's connections are closed at the end so the test
    database can be dropped.
    """
    from django.db import connections

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        try:
            yield playwright
        finally:
            connections.close_all()


@pytest.fixture(scope="module")
def browser(django_db_setup) -> Iterator[Browser]:
    """Chromium for one test module (Playwright stops between modules; see above)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    with playwright_beside_django() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class UI:
    """One browser context (one person's browser) with the helpers the flows share."""

    def __init__(self, browser: Browser, base_url: str, name: str, viewport: dict) -> None:
        self.context = browser.new_context(
            base_url=base_url, viewport=viewport, locale="en-GB", reduced_motion="reduce"
        )
        self.context.set_default_timeout(TIMEOUT_MS)
        self.page: Page = self.context.new_page()
        self.name = name
        self.problems: list[str] = []
        self.steps = 0
        # Say where a CSP violation comes from; Chromium's own message does not.
        self.page.add_init_script(CSP_REPORTER)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))

    def _console(self, message) -> None:
        text = message.text
        if message.type == "error" or "Content Security Policy" in text:
            self.problems.append(f"console {message.type}: {text} ({self.page.url})")

    def shot(self, label: str, *, full_page: bool = True) -> Path:
        """Save a screenshot of the current page as the next numbered step."""
        self.steps += 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.name}-{self.steps:02d}-{label}.png"
        # caret="initial": hiding the caret leaves style="" on inputs, which htmx's settle
        # step later copies, and our CSP then reports: an artefact of the tool, not the app.
        self.page.screenshot(path=path, full_page=full_page, caret="initial")
        return path

    def sign_in(self, username: str, password: str = PASSWORD) -> None:
        page = self.page
        page.goto("/accounts/login/")
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(password)
        with page.expect_navigation():
            page.locator("main form button[type=submit]").click()
        expect(page.locator("header .whoami")).to_have_text(username)

    def open_menu(self) -> None:
        """On a phone the top bar's links are folded behind the menu button: unfold them."""
        toggle = self.page.locator("header .menu-toggle")
        if toggle.is_visible() and toggle.get_attribute("aria-expanded") != "true":
            toggle.click()

    def sign_out(self) -> None:
        page = self.page
        self.open_menu()
        with page.expect_navigation():
            page.locator("header form[action$='/logout/'] button").click()
        expect(page.locator("#id_username")).to_be_visible()

    def switch_language(self, lang: str) -> None:
        """As a user would: pick the language in the top bar and press the button next to it."""
        page = self.page
        self.open_menu()
        page.locator("#lang-select").select_option(lang)
        with page.expect_navigation():
            page.locator("header form.lang-switch button[type=submit]").click()
        expect(page.locator("html")).to_have_attribute("lang", lang)

    def assert_no_horizontal_scroll(self) -> None:
        page_width, viewport = self.page.evaluate(
            "() => [document.scrollingElement.scrollWidth, window.innerWidth]"
        )
        if page_width > viewport:
            culprits = self.page.evaluate(WIDEST_ELEMENTS, viewport)
            raise AssertionError(
                f"horizontal scroll on {self.page.url}: {page_width}px > {viewport}px; "
                f"elements past the edge: {culprits}"
            )

    def assert_clean_console(self) -> None:
        assert not self.problems, "\n".join(self.problems)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def open_ui(browser, live_server, request):
    """Factory: open_ui(viewport=...) gives a fresh browser context, closed after the test."""
    opened: list[UI] = []
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", request.node.name).strip("-")

    def factory(viewport: dict = DESKTOP, suffix: str = "") -> UI:
        ui = UI(browser, live_server.url, base + suffix, viewport)
        opened.append(ui)
        return ui

    yield factory
    for ui in opened:
        ui.close()


@pytest.fixture
def ui(open_ui) -> UI:
    return open_ui()


@contextmanager
def worker_paused(worker) -> Iterator[None]:
    """Freeze the worker process so a queued article stays queued until the block ends."""
    worker.send_signal(signal.SIGSTOP)
    try:
        yield
    finally:
        worker.send_signal(signal.SIGCONT)
