"""Upload: who may upload, every accepted format, every refused input, nothing stored on error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html as lxml_html

from factcheck import ingest
from factcheck.models import Article
from tests.factories import SAMPLE_TEXT
from tests.upload_files import (
    make_broken_docx,
    make_broken_pdf,
    make_docx,
    make_docx_bomb,
    make_encrypted_pdf,
    make_heavy_pdf,
    make_many_paragraphs_docx,
    make_pdf,
    make_pdf_lines,
    make_raw_docx,
)

URL = reverse("factcheck:article_new")
FRENCH = (
    "Le Sénat a adopté le texte le 15 novembre 2024 par 289 voix contre 12. "
    "Les élus étaient réunis à Paris pour un débat très animé."
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def stored_files(media_root: Path) -> list[str]:
    if not media_root.exists():
        return []
    return [os.path.join(d, f) for d, _, files in os.walk(media_root) for f in files]


def post(client, *, file: SimpleUploadedFile | None = None, follow: bool = False, **fields):
    # The form comes prefilled with today's date; the tests send a fixed one.
    data = {
        "title": "Un article",
        "published_on": "2024-11-20",
        "published_precision": "day",
        "language": "",
    } | fields
    if file is not None:
        data["file"] = file
    return client.post(URL, data, follow=follow)


def field_error(response, field: str) -> str:
    """The error text rendered beside `field` (Django ties it to the input by id)."""
    tree = lxml_html.fromstring(response.content)
    errors = tree.xpath(f'//div[@id="field-{field}"]//ul[@id="id_{field}_error"]')
    return " ".join(e.text_content() for e in errors)


def assert_refused(response, field: str, fragment: str, media_root: Path) -> None:
    assert response.status_code == 200
    assert fragment in field_error(response, field), field_error(response, field)
    assert Article.objects.count() == 0
    assert stored_files(media_root) == []


# --- who may upload ----------------------------------------------------------


def test_editor_sees_the_form(editor_client):
    response = editor_client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'enctype="multipart/form-data"' in body
    assert 'for="id_file"' in body and 'accept=".txt,.md,.html,.htm,.docx,.pdf"' in body


# --- accepted uploads --------------------------------------------------------


def test_pasted_text_is_saved_and_extraction_enqueued(
    editor_client, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = post(
            editor_client,
            text=SAMPLE_TEXT,
            published_on="2024-11-20",
            language="fr",
            source_url="example.org/senat",
            outlet="Le Quotidien",
        )
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert article.body == SAMPLE_TEXT and article.uploaded_by == editor
    assert article.requested_language == "fr" and article.outlet == "Le Quotidien"
    assert article.source_url == "https://example.org/senat"
    assert article.published_for_extraction == "2024-11-20"
    assert article.status == Article.Status.QUEUED
    assert len(callbacks) == 1  # the extraction task, sent only once the row is committed


def test_month_only_date(editor_client):
    post(editor_client, text=SAMPLE_TEXT, published_on="2024-11")
    article = Article.objects.get()
    assert article.published_precision == Article.DatePrecision.MONTH
    assert article.published_for_extraction == "2024-11"


def test_month_precision_from_the_select(editor_client):
    post(editor_client, text=SAMPLE_TEXT, published_on="2024-11-20", published_precision="month")
    assert Article.objects.get().published_for_extraction == "2024-11"


def test_extraction_runs_after_commit(editor_client, settings, django_capture_on_commit_callbacks):
    from newsroom.celery import app

    app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            post(editor_client, text=SAMPLE_TEXT, language="fr", published_on="2024-11-20")
    finally:
        app.conf.task_always_eager = False
    article = Article.objects.get()
    assert article.status == Article.Status.IN_REVIEW
    assert article.claims.count() >= 2


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.txt", FRENCH.encode(), FRENCH),
        ("a.md", b"# Title\n\n" + FRENCH.encode(), "# Title\n\n" + FRENCH),
        ("bom.txt", "\ufeff".encode() + FRENCH.encode(), FRENCH),
        ("utf16.txt", FRENCH.encode("utf-16"), FRENCH),
        ("latin1.txt", FRENCH.encode("latin-1"), FRENCH),
        ("cp1252.txt", (FRENCH + " Coût : 5 €.").encode("cp1252"), FRENCH + " Coût : 5 €."),
        ("nul.txt", FRENCH.encode().replace(b"Paris", b"Pa\x00ris"), FRENCH),
        ("a.docx", make_docx("Premier paragraphe.", FRENCH), "Premier paragraphe.\n\n" + FRENCH),
        ("a.pdf", make_pdf("Le Senat a vote le 15 novembre 2024 (289 voix)."),
         "Le Senat a vote le 15 novembre 2024 (289 voix)."),
    ],
)
def test_files_are_read(editor_client, media_root, name, content, expected):
    response = post(editor_client, file=SimpleUploadedFile(name, content))
    assert response.status_code == 302, field_error(response, "file")
    article = Article.objects.get()
    assert article.body == expected
    assert article.uploaded_file.name.startswith("articles/")
    assert len(stored_files(media_root)) == 1
    assert Path(article.uploaded_file.path).read_bytes() == content


def test_html_keeps_text_and_drops_scripts_and_styles(editor_client):
    page = (
        b"<!doctype html><html><head><title>Site</title><style>p{color:red}</style>"
        b"<script>var secret = 'SCRIPT-TEXT';</script></head><body>"
        b"<h1>Le vote</h1><p>Le S&eacute;nat a <b>adopt\xc3\xa9</b> le texte.</p>"
        b"<script>alert('SCRIPT-TEXT')</script><noscript>NOSCRIPT-TEXT</noscript>"
        b"<!-- COMMENT-TEXT --><p>Second paragraphe.</p></body></html>"
    )
    post(editor_client, file=SimpleUploadedFile("page.html", page))
    body = Article.objects.get().body
    assert body == "Le vote\nLe Sénat a adopté le texte.\nSecond paragraphe."
    for hidden in ("SCRIPT-TEXT", "NOSCRIPT-TEXT", "COMMENT-TEXT", "color:red", "Site"):
        assert hidden not in body


def test_pasted_text_loses_nul_bytes_controls_and_crlf(editor_client):
    post(editor_client, text="Premier\x00 para\x07graphe.\r\nSecond.\x0cTroisième.")
    assert Article.objects.get().body == "Premier paragraphe.\nSecond.\nTroisième."


def test_duplicate_text_warns_with_a_link_to_the_first(editor_client):
    post(editor_client, text=SAMPLE_TEXT, title="Original")
    first = Article.objects.get()
    response = post(editor_client, text="  " + SAMPLE_TEXT.replace(" ", "  "), follow=True)
    assert Article.objects.count() == 2
    warning = lxml_html.fromstring(response.content).xpath('//li[contains(@class,"warning")]')
    assert warning, response.content.decode()
    link = warning[0].xpath(".//a")[0]
    assert link.get("href") == first.get_absolute_url() and link.text == "Original"


# --- refused uploads: error beside the field, nothing stored -----------------


def test_empty_form(editor_client, media_root):
    response = post(editor_client, title="")
    assert_refused(response, "title", "required", media_root)
    assert "Paste the article" in field_error(response, "text")


def test_neither_text_nor_file(editor_client, media_root):
    assert_refused(post(editor_client), "text", "Paste the article", media_root)


def test_both_text_and_file(editor_client, media_root):
    response = post(editor_client, text=FRENCH, file=SimpleUploadedFile("a.txt", b"Autre."))
    assert_refused(response, "file", "not both", media_root)


def test_empty_file(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("a.txt", b""))
    assert_refused(response, "file", "empty", media_root)


def test_blank_file(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("a.txt", b"  \n\n \x00 "))
    assert_refused(response, "file", "No text", media_root)


def test_file_over_5_mb(editor_client, media_root):
    content = b"a" * (5 * 1024 * 1024 + 1)
    response = post(editor_client, file=SimpleUploadedFile("big.txt", content))
    assert_refused(response, "file", "5 MB", media_root)


def test_pasted_text_over_200000_characters(editor_client, media_root):
    response = post(editor_client, text="a" * 200_001)
    assert_refused(response, "text", "too long", media_root)


def test_file_text_over_200000_characters(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("long.txt", b"word " * 40_001))
    assert_refused(response, "file", "too long", media_root)


def test_pasted_text_at_the_limit_is_accepted(editor_client):
    assert post(editor_client, text="a" * 200_000).status_code == 302


@pytest.mark.parametrize("name", ["a.exe", "a.png", "a.doc", "noextension"])
def test_unsupported_extension(editor_client, media_root, name):
    response = post(editor_client, file=SimpleUploadedFile(name, FRENCH.encode()))
    assert_refused(response, "file", "Unsupported file type", media_root)


def test_png_renamed_txt(editor_client, media_root):
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(2000)
    response = post(editor_client, file=SimpleUploadedFile("photo.txt", png))
    assert_refused(response, "file", "not text", media_root)


def test_random_binary_renamed_txt(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("data.txt", os.urandom(4096)))
    assert_refused(response, "file", "not", media_root)


def test_pdf_renamed_docx(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("a.docx", make_pdf("Hello there.")))
    assert_refused(response, "file", "does not match", media_root)


def test_docx_renamed_txt(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("a.txt", make_docx(FRENCH)))
    assert_refused(response, "file", "does not match", media_root)


def test_text_renamed_pdf(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("a.pdf", FRENCH.encode()))
    assert_refused(response, "file", "does not match", media_root)


def test_malformed_docx(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("a.docx", make_broken_docx()))
    assert_refused(response, "file", "damaged", media_root)


def test_truncated_docx(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("a.docx", make_docx(FRENCH)[:3000]))
    assert_refused(response, "file", "damaged", media_root)


def test_malformed_pdf(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("a.pdf", make_broken_pdf()))
    assert_refused(response, "file", "damaged", media_root)


def test_pdf_without_text(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("scan.pdf", make_pdf("")))
    assert_refused(response, "file", "No text", media_root)


def test_html_with_only_a_script(editor_client, media_root):
    page = b"<html><body><script>document.write('x')</script></body></html>"
    response = post(editor_client, file=SimpleUploadedFile("a.html", page))
    assert_refused(response, "file", "No text", media_root)


def test_bad_metadata_is_reported_beside_each_field(editor_client, media_root):
    response = post(
        editor_client,
        text=FRENCH,
        title="x" * 301,
        published_on="2024-13-45",
        language="de",
        source_url="not a url at all",
        outlet="o" * 201,
    )
    assert_refused(response, "title", "at most 300", media_root)
    assert "valid date" in field_error(response, "published_on")
    assert "valid choice" in field_error(response, "language")
    assert "Enter a web address" in field_error(response, "source_url")
    assert "at most 200" in field_error(response, "outlet")


def test_errors_are_announced_and_focused(editor_client):
    response = post(editor_client, file=SimpleUploadedFile("a.txt", b""))
    tree = lxml_html.fromstring(response.content)
    assert tree.xpath('//p[@role="alert"]')
    file_input = tree.xpath('//input[@id="id_file"]')[0]
    assert file_input.get("aria-invalid") == "true"
    assert "id_file_error" in file_input.get("aria-describedby")
    assert file_input.get("autofocus") is not None


def test_failed_save_leaves_no_file(editor_client, media_root, monkeypatch):
    """A database failure after the file is written removes the file again."""
    from factcheck.actions import extraction

    def boom(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(extraction, "enqueue_extraction", boom)
    with pytest.raises(RuntimeError):
        extraction.submit_upload(
            upload=SimpleUploadedFile("a.txt", FRENCH.encode()), title="t", body=FRENCH
        )
    assert Article.objects.count() == 0
    assert stored_files(media_root) == []


# --- hostile files: refused with a reason, cheaply (bench/uploads.py measures the cost) ---


def test_zip_bomb_with_false_sizes_is_refused_as_it_inflates(editor_client, media_root):
    # 300 MB of XML declared as 20 KB: only a running count of inflated bytes sees it.
    bomb = make_docx_bomb(inflated_bytes=300 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024
    response = post(editor_client, file=SimpleUploadedFile("bomb.docx", bomb))
    assert_refused(response, "file", "unpacks to more than 50 MB", media_root)


def test_docx_with_a_million_tiny_paragraphs_is_refused(editor_client, media_root):
    many = make_many_paragraphs_docx()
    response = post(editor_client, file=SimpleUploadedFile("many.docx", many))
    assert_refused(response, "file", "too complex", media_root)
    assert "20,000 paragraphs" in field_error(response, "file")


def test_docx_text_over_the_limit_is_refused_while_reading():
    paragraph = "<w:p><w:r><w:t>" + "mot " * 5_000 + "</w:t></w:r></w:p>"
    with pytest.raises(ingest.IngestError, match="too long"):
        ingest.read_file(make_raw_docx(paragraph * 25), "long.docx")


def test_docx_reader_keeps_tables_breaks_and_text_boxes_once():
    body = (
        "<w:p><w:r><w:t>Titre</w:t></w:r></w:p>"
        "<w:p><w:r><w:t xml:space='preserve'>Le Sénat </w:t></w:r>"
        "<w:r><w:t>a voté.</w:t><w:tab/><w:t>Fin</w:t><w:br/><w:t>ligne</w:t></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Pour</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>289</w:t></w:r></w:p><w:p><w:r><w:t>voix</w:t></w:r></w:p></w:tc>"
        "</w:tr></w:tbl>"
        "<w:p><w:r><mc:AlternateContent xmlns:mc='http://schemas.openxmlformats.org/"
        "markup-compatibility/2006'><mc:Choice><w:txbxContent><w:p><w:r><w:t>Encadré</w:t>"
        "</w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:p><w:r><w:t>Encadré</w:t>"
        "</w:r></w:p></mc:Fallback></mc:AlternateContent><w:t>Après</w:t></w:r></w:p>"
        "<w:p><w:r><w:delText>supprimé</w:delText></w:r></w:p>"
    )
    assert ingest.read_file(make_raw_docx(body), "a.docx") == (
        "Titre\n\nLe Sénat a voté.\tFin\nligne\n\nPour | 289\nvoix\n\nEncadré\n\nAprès"
    )


def test_pdf_with_600000_text_operators_is_refused(editor_client, media_root):
    response = post(editor_client, file=SimpleUploadedFile("heavy.pdf", make_heavy_pdf()))
    assert_refused(response, "file", "too complex", media_root)


# --- how files are read: encodings, PDF reflow, encrypted PDFs ----------------


def test_one_bad_byte_keeps_utf8_and_warns(editor_client):
    broken = FRENCH.encode().replace(b"Paris", b"Pa\xffris")
    response = post(editor_client, file=SimpleUploadedFile("a.txt", broken), follow=True)
    body = Article.objects.get().body
    assert body == FRENCH.replace("Paris", "Pa\ufffdris")  # not "Le SÃ©nat"
    warning = lxml_html.fromstring(response.content).xpath('//li[contains(@class,"warning")]')
    assert warning and "not valid UTF-8" in warning[0].text_content()


def test_a_cp1252_file_is_still_read_as_cp1252():
    text = "Le Sénat a adopté le texte. Coût : 5 €, soit l'équivalent d'un café."
    assert ingest.read_upload(text.encode("cp1252"), "a.txt") == ingest.Ingested(text)


PDF_LINES = (
    "Le Sénat a adopté mardi le projet de loi relatif à la sécu-",
    "rité intérieure par 289 voix contre 12, après trois jours de",
    "débats souvent vifs entre les groupes.",
    "Les quatre-vingt-dix amendements de l'opposition ont été re-",
    "jetés en bloc, comme l'avait annoncé le rapporteur Jean-",
    "Luc Martin dès l'ouverture de la séance publique du vingt-",
    "deux novembre, sans vote sur chacun d'entre eux.",
)


def test_pdf_lines_are_reflowed_into_paragraphs(editor_client):
    post(editor_client, file=SimpleUploadedFile("a.pdf", make_pdf_lines(*PDF_LINES)))
    assert Article.objects.get().body == (
        "Le Sénat a adopté mardi le projet de loi relatif à la sécurité intérieure par 289 voix "
        "contre 12, après trois jours de débats souvent vifs entre les groupes.\n\n"
        "Les quatre-vingt-dix amendements de l'opposition ont été rejetés en bloc, comme "
        "l'avait annoncé le rapporteur Jean-Luc Martin dès l'ouverture de la séance publique "
        "du vingt-deux novembre, sans vote sur chacun d'entre eux."
    )


def test_reflow_keeps_blank_line_breaks_and_short_lines():
    page = (
        "Le vote\n"
        "Le texte a été adopté par l'Assemblée nationale après un long\n"
        "débat qui a duré jusque tard dans la nuit de mardi à mercredi\n"
        "\n"
        "Un second paragraphe commence ici, après une ligne blanche, et\n"
        "continue sur la ligne suivante."
    )
    assert ingest.reflow(page) == (
        "Le vote\n\n"
        "Le texte a été adopté par l'Assemblée nationale après un long débat qui a duré "
        "jusque tard dans la nuit de mardi à mercredi\n\n"
        "Un second paragraphe commence ici, après une ligne blanche, et continue sur la "
        "ligne suivante."
    )


def test_aes_encrypted_pdf_with_an_empty_password_is_read(editor_client):
    pdf = make_encrypted_pdf("Le Senat a vote le 15 novembre 2024.")
    response = post(editor_client, file=SimpleUploadedFile("aes.pdf", pdf))
    assert response.status_code == 302, field_error(response, "file")
    assert Article.objects.get().body == "Le Senat a vote le 15 novembre 2024."


def test_password_protected_pdf_is_refused_with_the_reason(editor_client, media_root):
    pdf = make_encrypted_pdf("Texte secret.", user_password="s3cret")
    response = post(editor_client, file=SimpleUploadedFile("locked.pdf", pdf))
    assert_refused(response, "file", "protected by a password", media_root)


# --- the publication date ----------------------------------------------------


def test_the_form_is_prefilled_with_today(editor_client):
    from django.utils import timezone

    tree = lxml_html.fromstring(editor_client.get(URL).content)
    field = tree.xpath('//input[@id="id_published_on"]')[0]
    assert field.get("type") == "text" and field.get("placeholder") == "YYYY-MM-DD"
    assert field.get("value") == timezone.localdate().isoformat()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("072018", "YYYY-MM-DD"),
        ("20/11/2024", "YYYY-MM-DD"),
        ("2024-02-30", "YYYY-MM-DD"),
        ("0018-07", "1800 or later"),
        ("1799-12-31", "1800 or later"),
        ("2999-01-01", "more than a year ahead"),
    ],
)
def test_impossible_dates_are_refused(editor_client, media_root, typed, message):
    response = post(editor_client, text=SAMPLE_TEXT, published_on=typed)
    assert_refused(response, "published_on", message, media_root)


def test_a_date_within_the_year_ahead_is_accepted(editor_client):
    import datetime as dt

    from django.utils import timezone

    soon = timezone.localdate() + dt.timedelta(days=300)
    assert post(editor_client, text=SAMPLE_TEXT, published_on=soon.isoformat()).status_code == 302
    assert Article.objects.get().published_on == soon


def test_no_publication_date_is_saved_with_a_warning(editor_client):
    response = post(editor_client, text=SAMPLE_TEXT, published_on="", follow=True)
    assert Article.objects.get().published_on is None
    warnings = lxml_html.fromstring(response.content).xpath('//li[contains(@class,"warning")]')
    assert any("No publication date" in w.text_content() for w in warnings)


def test_a_dated_upload_has_no_date_warning(editor_client):
    response = post(editor_client, text=SAMPLE_TEXT, follow=True)
    assert "No publication date" not in response.content.decode()


# --- a request too big for Django to read -------------------------------------


@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
def test_ten_megabytes_of_pasted_text_shows_the_form_with_the_reason(
    editor_client, media_root, encoding
):
    from urllib.parse import urlencode

    fields = {"title": "Trop long", "text": "a" * (10 * 1024 * 1024), "published_on": ""}
    if encoding == "multipart":
        response = editor_client.post(URL, fields)
    else:
        response = editor_client.post(
            URL, urlencode(fields), content_type="application/x-www-form-urlencoded"
        )
    assert response.status_code == 413
    assert "far too long" in field_error(response, "text")
    assert lxml_html.fromstring(response.content).xpath('//form//input[@name="title"]')
    assert Article.objects.count() == 0 and stored_files(media_root) == []


def test_too_big_request_from_a_reviewer_is_still_forbidden(client, reviewer):
    client.force_login(reviewer)
    response = client.post(URL, {"title": "x", "text": "a" * (10 * 1024 * 1024)})
    assert response.status_code == 403
