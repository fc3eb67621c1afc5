"""The French translation: complete, compiled, and what French readers actually get.

The catalog lives in locale/fr/LC_MESSAGES/: django.po is the source, django.mo
is committed so that a fresh clone works without the gettext tools. These tests
fail when a string is added without a translation, when a translation is fuzzy
or empty, when the .mo was not recompiled after the .po changed, and when a
French page still shows an English label.
"""

from __future__ import annotations

import ast
import gettext
import html
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from factcheck.actions import review
from factcheck.forms.review import value_form_for
from factcheck.models import Claim, Source, Verdict
from tests.factories import PASSWORD, make_claims

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")
GETTEXT_TOOLS = all(shutil.which(tool) for tool in ("xgettext", "msgmerge", "msguniq"))
# French plural forms (CLDR): one, many (millions), other.
FRENCH_PLURALS = 3


# --- reading the catalogs -----------------------------------------------------------------------


def parse_po(path: Path) -> list[dict]:
    """Entries of a .po file: msgctxt, msgid, msgid_plural, msgstr / msgstr[n], flags.

    Obsolete (#~) entries are skipped. Enough of the format for what makemessages writes.
    """
    entries: list[dict] = []
    entry: dict = {}
    key = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if "msgid" in entry:
                entries.append(entry)
            entry, key = {}, ""
            continue
        entry.setdefault("flags", set())
        if line.startswith("#,"):
            entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        else:
            key, _, value = line.partition(" ")
            entry[key] = ast.literal_eval(value)
    return entries


def catalog_key(entry: dict) -> str:
    """The key GNUTranslations uses: msgctxt EOT msgid, or just msgid."""
    if "msgctxt" in entry:
        return f"{entry['msgctxt']}\x04{entry['msgid']}"
    return entry["msgid"]


def translations(entry: dict) -> list[str]:
    if "msgid_plural" in entry:
        return [entry.get(f"msgstr[{n}]", "") for n in range(FRENCH_PLURALS)]
    return [entry.get("msgstr", "")]


def placeholders(text: str) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)[sdif]|\{\w*\}", text))


@pytest.fixture(scope="module")
def po_entries() -> list[dict]:
    entries = parse_po(PO)
    assert entries and entries[0]["msgid"] == "", "the .po file has no header"
    return entries


@pytest.fixture(scope="module")
def messages(po_entries) -> list[dict]:
    return po_entries[1:]


# --- (a) the catalog is complete, clean and compiled ---------------------------------------------


def test_header_declares_french_and_its_plurals(po_entries):
    header = po_entries[0]
    assert "fuzzy" not in header["flags"], "a fuzzy header is dropped by msgfmt"
    assert "Language: fr\n" in header["msgstr"]
    assert "charset=UTF-8" in header["msgstr"]
    assert f"nplurals={FRENCH_PLURALS};" in header["msgstr"]


def test_every_message_is_translated_and_not_fuzzy(messages):
    assert len(messages) > 250
    fuzzy = [m["msgid"] for m in messages if "fuzzy" in m["flags"]]
    empty = [m["msgid"] for m in messages if not all(t.strip() for t in translations(m))]
    assert not fuzzy, f"fuzzy entries: {fuzzy}"
    assert not empty, f"untranslated entries: {empty}"


def test_translations_keep_their_placeholders(messages):
    broken = []
    for message in messages:
        expected = placeholders(message["msgid"])
        if "msgid_plural" in message:
            expected_plural = placeholders(message["msgid_plural"])
            forms = translations(message)
            # The singular form may spell the number out only when the msgid has no placeholder.
            if any(placeholders(form) != expected_plural for form in forms):
                broken.append(message["msgid"])
        elif placeholders(message["msgstr"]) != expected:
            broken.append(message["msgid"])
    assert not broken, f"placeholders lost or changed in: {broken}"


def test_committed_mo_matches_the_po(messages):
    """The .mo is what Django reads: it must hold exactly the .po's translations."""
    with MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    catalog = compiled._catalog  # the parsed .mo: {msgid or (msgid, n): msgstr}
    expected: dict = {}
    for message in messages:
        key = catalog_key(message)
        if "msgid_plural" in message:
            for n, form in enumerate(translations(message)):
                expected[(key, n)] = form
        else:
            expected[key] = message["msgstr"]
    compiled_messages = {k: v for k, v in catalog.items() if k != ""}
    stale = sorted(str(k) for k in expected.keys() ^ compiled_messages.keys())
    assert not stale, f"django.mo is out of date (run compilemessages): {stale[:10]}"
    differ = sorted(str(k) for k in expected if catalog[k] != expected[k])
    assert not differ, f"django.mo is out of date (run compilemessages): {differ[:10]}"
    assert compiled.plural(1) == 0 and compiled.plural(2) == 2


@pytest.mark.skipif(not GETTEXT_TOOLS, reason="makemessages needs the GNU gettext tools")
def test_every_source_string_is_in_the_catalog(tmp_path, monkeypatch, settings, messages):
    """makemessages over a copy of the sources: every msgid it finds must be translated."""
    base = Path(settings.BASE_DIR)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "migrations")
    for folder in ("factcheck", "newsroom", "templates"):
        shutil.copytree(base / folder, tmp_path / folder, ignore=ignore)
    (tmp_path / "locale").mkdir()
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["fr"], verbosity=0, no_obsolete=True)
    found = parse_po(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po")[1:]
    assert len(found) > 250, "makemessages found almost nothing: wrong folder?"

    translated = {catalog_key(m): m for m in messages}
    missing = [catalog_key(m) for m in found if catalog_key(m) not in translated]
    assert not missing, (
        "strings without a French translation (run makemessages, translate, "
        f"compilemessages): {missing}"
    )
    plural_mismatch = [
        catalog_key(m)
        for m in found
        if m.get("msgid_plural") != translated[catalog_key(m)].get("msgid_plural")
    ]
    assert not plural_mismatch, f"singular/plural changed for: {plural_mismatch}"


# --- (b) the language switch renders the pages in French ----------------------------------------


@pytest.fixture
def submitted(claim, reviewer) -> Claim:
    """A claim waiting for approval, with a verdict, an explanation and a source."""
    claim = review.take_claim(claim, reviewer)
    Source.objects.create(
        claim=claim, url="https://www.senat.fr/scrutin/2024/42.html", title="Scrutin n° 42"
    )
    return review.submit_claim(
        claim,
        reviewer,
        version=claim.version,
        verdict=Verdict.objects.get(label_en="True"),
        explanation="Le compte rendu officiel le confirme.",
    )


@pytest.fixture
def in_progress(article, reviewer) -> Claim:
    """A claim the reviewer is working on: the page shows the review and sources forms."""
    claim = article.claims.order_by("-start").first()
    return review.take_claim(claim, reviewer)


def switch_to_french(client, next_url: str = "/") -> None:
    """The real language switch: the base template's form POSTs to set_language."""
    response = client.post("/i18n/setlang/", {"language": "fr", "next": next_url})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def page_text(response) -> str:
    assert response.status_code == 200, response.status_code
    return html.unescape(response.content.decode())


def sign_in(client, user) -> None:
    assert client.login(username=user.username, password=PASSWORD)


def test_switch_on_the_login_page(client):
    english = page_text(client.get("/accounts/login/"))
    assert "Sign in" in english and 'lang="en"' in english

    switch_to_french(client, "/accounts/login/")
    french = page_text(client.get("/accounts/login/"))
    assert '<html lang="fr">' in french
    for text in ("Connexion", "Nom d'utilisateur", "Mot de passe", "Aller au contenu"):
        assert text in french
    for text in ("Sign in", "Username", "Password", "Skip to content"):
        assert text not in french


def test_switch_form_posts_to_set_language(client):
    """The switch on every page is the form these tests submit."""
    text = page_text(client.get("/accounts/login/"))
    assert 'action="/i18n/setlang/"' in text
    assert 'name="language"' in text and '<option value="fr"' in text


def test_wrong_password_message_is_french(client, editor):
    switch_to_french(client, "/accounts/login/")
    response = client.post("/accounts/login/", {"username": editor.username, "password": "x"})
    assert "Saisissez un nom d’utilisateur et un mot de passe valides" in html.unescape(
        response.content.decode()
    )


EDITOR_PAGES = {
    "/articles/": ["Articles", "Importer un article", "Statut", "Affirmations", "Média"],
    "/articles/new/": [
        "Importer un article",
        "Titre",
        "Date de publication",
        "Précision de la date",
        "Détecter automatiquement",
        "Importer et extraire les affirmations",
        "Collez l'article, ou choisissez un fichier ci-dessous.",
    ],
    "/approvals/": [
        "Approbations",
        "1 verdict en attente d'approbation.",
        "Vérificateur",
        "Explication",
        "Approuver",
        "Renvoyer",
        "Que doit modifier le vérificateur\u00a0?",
        "Vrai",
    ],
}


@pytest.mark.parametrize("path", EDITOR_PAGES)
def test_editor_pages_in_french(client, editor, submitted, path):
    sign_in(client, editor)
    switch_to_french(client, path)
    text = page_text(client.get(path))
    assert '<html lang="fr">' in text
    for expected in [*EDITOR_PAGES[path], "Déconnexion", "Changer"]:
        assert expected in text, f"{expected!r} missing on {path}"


def test_switch_redirects_back_to_the_page(client, editor):
    sign_in(client, editor)
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/articles/new/"})
    assert response.status_code == 302 and response.url == "/articles/new/"
    assert "Importer un article" in page_text(client.get(response.url))


def test_queue_in_french(client, reviewer, article):
    sign_in(client, reviewer)
    switch_to_french(client, "/queue/")
    text = page_text(client.get("/queue/"))
    for expected in (
        "File d'attente de vérification",
        "Prendre la prochaine affirmation en attente",
        "Tous les types",
        "Toutes les langues",
        "Assignées à moi",
        "Appliquer",
        "Effacer les filtres",
        "En attente",
        "Résultat de vote",
        "Nombre de rencontres",
        "File d'attente",
    ):
        assert expected in text, expected


def test_claim_page_in_french(client, reviewer, in_progress):
    sign_in(client, reviewer)
    switch_to_french(client, in_progress.get_absolute_url())
    text = page_text(client.get(in_progress.get_absolute_url()))
    for expected in (
        "Retour à la file d'attente",
        "En contexte",
        "Enregistrer le brouillon",
        "Soumettre pour approbation",
        "Ajouter une source",
        "Écarter cette affirmation",
        "Historique",
        "Statut\u00a0: En attente → En cours",
        "\u00a0: «\u00a0",  # the heading: French punctuation around the claim
        "— pas encore de verdict —",
        "Passage cité",
    ):
        assert expected in text, expected


def test_article_and_report_in_french(client, editor, submitted):
    article = submitted.article
    # A vote claim of our own: the page must not depend on what the extractor finds.
    make_claims(article, 1, Claim.Kind.VOTE_RESULT, offset=0)
    sign_in(client, editor)
    switch_to_french(client, article.get_absolute_url())
    text = page_text(client.get(article.get_absolute_url()))
    for expected in ("Relancer l'extraction", "Rapport", "Publié le", "Vérifier", "Soumise"):
        assert expected in text, expected
    # Claim values read as French, not as the stored JSON keys.
    assert "289 pour, 12 contre, 5 abstentions" in text
    report = page_text(client.get(f"{article.get_absolute_url()}report/"))
    for expected in ("Rapport de vérification (interne)", "Pas encore de verdict", "Vrai"):
        assert expected in report, expected


def test_messages_and_errors_in_french(client, reviewer, in_progress):
    sign_in(client, reviewer)
    switch_to_french(client, in_progress.get_absolute_url())
    value_form = value_form_for(in_progress)
    unchanged = {value_form.add_prefix(k): v for k, v in value_form.initial.items() if v}
    data = {"action": "submit", "version": in_progress.version, "verdict": "", "explanation": ""}
    response = client.post(in_progress.get_absolute_url(), data | unchanged)
    assert response.status_code == 400
    text = html.unescape(response.content.decode())
    assert "Choisissez un verdict avant de soumettre." in text
    assert "Expliquez le verdict avant de soumettre." in text
    assert "Ajoutez au moins une source avant de soumettre." in text


def test_upload_errors_in_french(client, editor):
    sign_in(client, editor)
    switch_to_french(client, "/articles/new/")
    response = client.post("/articles/new/", {"title": "Essai", "published_precision": "day"})
    text = html.unescape(response.content.decode())
    assert "L'article n'a pas été enregistré." in text
    assert "Collez le texte de l'article ou choisissez un fichier." in text


# --- (c) no English left on the French pages -----------------------------------------------------


class VisibleText(HTMLParser):
    """Text nodes and the attributes people read (or hear), scripts and styles aside."""

    READ_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        for name, value in attrs:
            if name in self.READ_ATTRIBUTES and value:
                self.texts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(data)


def visible_texts(content: str) -> set[str]:
    parser = VisibleText()
    parser.feed(content)
    return {" ".join(t.split()).rstrip(":\u00a0 ").strip() for t in parser.texts}


@pytest.fixture(scope="module")
def english_labels(messages) -> set[str]:
    """Catalog msgids whose French differs: seeing one as a whole text means it leaked."""
    return {
        m["msgid"]
        for m in messages
        if "msgid_plural" not in m
        and not placeholders(m["msgid"])
        and m["msgstr"].strip() != m["msgid"].strip()
    }


def test_no_english_left_on_french_pages(
    client, editor, reviewer, submitted, in_progress, english_labels
):
    # Django's own strings a page may show: they must come out of Django's French catalog.
    english_labels = english_labels | {"Currently", "Change", "Clear", "This field is required."}
    # The verdict scale is data with a label per language: the English one must not show.
    english_labels |= {v.label_en for v in Verdict.objects.all() if v.label_en != v.label_fr}
    # The language menu names each language in itself: "English" there is meant.
    english_labels -= {"English"}
    pages = {
        editor: [
            "/articles/",
            "/articles/new/",
            "/approvals/",
            submitted.get_absolute_url(),
            submitted.article.get_absolute_url(),
            f"{submitted.article.get_absolute_url()}report/",
        ],
        reviewer: ["/queue/", in_progress.get_absolute_url()],
    }
    leftovers = {}
    for user, paths in pages.items():
        client.logout()
        sign_in(client, user)
        switch_to_french(client)
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            found = visible_texts(response.content.decode()) & english_labels
            if found:
                leftovers[path] = sorted(found)
    client.logout()
    switch_to_french(client)
    found = visible_texts(client.get("/accounts/login/").content.decode()) & english_labels
    if found:
        leftovers["/accounts/login/"] = sorted(found)
    assert not leftovers, f"English on French pages: {leftovers}"


def test_nav_and_buttons_are_french(client, editor):
    sign_in(client, editor)
    switch_to_french(client)
    content = client.get("/articles/").content.decode()
    nav = re.search(r"<header.*?</header>", content, re.S).group(0)
    labels = visible_texts(nav)
    assert {"Articles", "Importer", "Approbations", "Déconnexion", "Changer"} <= labels
    assert not labels & {"Home", "Upload", "Queue", "Approvals", "Sign out", "Switch"}
    # The language menu names each language in itself, whatever the page's language.
    assert {"English", "Français"} <= labels
