"""Read an uploaded article file into plain text.

Pure functions, no database and no storage: bytes in, text out, or an
IngestError whose message can be shown beside the form field. The type is
decided from the content (magic bytes, zip structure), the extension only
has to agree with it, so a binary renamed .txt is refused.
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
from pathlib import PurePath

import charset_normalizer
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 200_000
# A docx is a zip: refuse archives that would inflate far beyond the upload limit.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_PDF_PAGES = 1000

TEXT, HTML, DOCX, PDF = "text", "html", "docx", "pdf"
EXTENSIONS = {".txt": TEXT, ".md": TEXT, ".html": HTML, ".htm": HTML, ".docx": DOCX, ".pdf": PDF}
ACCEPT = ",".join(EXTENSIONS)

# Signatures of common binary formats, only those with a non-printable byte so
# that no prose is refused for its first letters; the rest fail the text check.
BINARY_SIGNATURES = (
    b"\x89PNG", b"\xff\xd8\xff", b"\xd0\xcf\x11\xe0", b"\x1f\x8b", b"\xfd7zXZ",
    b"7z\xbc\xaf", b"\x7fELF", b"\x00\x00\x01\x00", b"PK\x05\x06", b"PK\x07\x08",
)
# Western encodings are tried first: the newsroom writes French and English,
# and on short texts the unrestricted detector picks exotic code pages.
WESTERN = ["cp1252", "latin_1", "iso8859_15", "mac_roman"]
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
HTML_DROP = ("script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object")
HTML_BLOCKS = (
    "p", "div", "br", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
    "article", "blockquote", "pre", "header", "footer", "table", "ul", "ol", "dl", "figure",
    "figcaption", "aside", "main", "nav", "hr", "td", "th",
)
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


class IngestError(ValidationError):
    """A file that cannot become article text; the message is for the uploader."""


def read_file(data: bytes, filename: str) -> str:
    """The text of an uploaded file, normalised; raises IngestError."""
    if not data:
        raise IngestError(_("The file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise IngestError(_("The file is too big: the limit is 5 MB."))
    expected = EXTENSIONS.get(PurePath(filename).suffix.lower())
    if expected is None:
        raise IngestError(
            _("Unsupported file type. Use a .txt, .md, .html, .docx or .pdf file.")
        )
    found = sniff(data)
    if found != expected and not (found == TEXT and expected == HTML):
        raise IngestError(_mismatch_message(found, expected))
    reader = {TEXT: read_text, HTML: read_html, DOCX: read_docx, PDF: read_pdf}[expected]
    text = normalise(reader(data))
    if not text:
        raise IngestError(_("No text could be found in this file."))
    check_length(text)
    return text


def sniff(data: bytes) -> str:
    """What the bytes are: pdf, docx, text, or "binary" (anything else)."""
    # Readers accept a PDF header after leading whitespace.
    if data[:1024].lstrip(b"\x00\t\n\r\f\v ").startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        return DOCX if _is_docx_zip(data) else "zip"
    if any(data.startswith(sig) for sig in BINARY_SIGNATURES):
        return "binary"
    try:
        decode(data)
    except IngestError:
        return "binary"
    return TEXT


def _is_docx_zip(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        # A truncated docx is still "a docx" to the user: read_docx reports it.
        return b"word/" in data[:4096]
    return "[Content_Types].xml" in names and "word/document.xml" in names


def _mismatch_message(found: str, expected: str) -> str:
    if found in ("binary", "zip"):
        if expected in (TEXT, HTML):
            return _("This file is not text: it looks like a binary file with a text extension.")
        return _("This file is not a valid %(kind)s file.") % {"kind": expected.upper()}
    return _(
        "The file's content (%(found)s) does not match its extension (%(expected)s)."
    ) % {"found": found.upper(), "expected": expected.upper()}


def decode(data: bytes) -> str:
    """Bytes to str: BOM, then strict UTF-8, then detected encodings; binary is refused."""
    text = _decode_guess(data)
    if text is None or _looks_binary(text):
        raise IngestError(
            _("This file is not readable text (unknown encoding or binary content).")
        )
    return text


def _decode_guess(data: bytes) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for isolation in (WESTERN, None):
        best = charset_normalizer.from_bytes(data, cp_isolation=isolation).best()
        if best is not None:
            return str(best)
    return None


def _looks_binary(text: str) -> bool:
    """More than 1% control characters (tabs and newlines aside) means not prose."""
    sample = text[:20_000].replace("\x00", "")
    if not sample:
        return bool(text)
    controls = sum(
        1
        for ch in sample
        if ch == "\ufffd" or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    )
    return controls > len(sample) / 100


def read_text(data: bytes) -> str:
    return decode(data)


def read_html(data: bytes) -> str:
    """Visible text of an HTML page: scripts, styles and comments dropped, blocks kept apart."""
    from lxml import etree, html

    # lxml refuses str input that still declares an encoding; we decoded it already.
    source = XML_DECLARATION.sub("", decode(data), count=1)
    try:
        root = html.document_fromstring(source)
    except (etree.ParserError, ValueError) as exc:
        raise IngestError(_("This HTML file could not be read.")) from exc
    for element in list(root.iter(etree.Comment, etree.ProcessingInstruction, *HTML_DROP)):
        element.drop_tree()
    for element in root.iter(*HTML_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    # Inline whitespace is insignificant in HTML; newlines we added mark blocks.
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(lines)


def read_docx(data: bytes) -> str:
    """Paragraphs of a Word document, tables included, in document order."""
    import docx
    from docx.table import Table

    _check_unzipped_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = []
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                blocks.extend(" | ".join(c.text for c in row.cells) for row in item.rows)
            else:
                blocks.append(item.text)
    except Exception as exc:  # python-docx raises zip, XML, key and value errors alike
        raise IngestError(_("This Word file is damaged or not a .docx document.")) from exc
    return "\n\n".join(blocks)


def _check_unzipped_size(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise IngestError(_("This Word file is damaged or not a .docx document.")) from exc
    if total > MAX_UNZIPPED_BYTES:
        raise IngestError(_("This Word file is too big once unpacked."))


def read_pdf(data: bytes) -> str:
    """Text layer of a PDF; scanned pages have none, which is reported as no text."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(_("This PDF is password-protected."))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise IngestError(_("This PDF has too many pages."))
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises many error types on damaged files
        raise IngestError(_("This PDF file is damaged and could not be read.")) from exc
    return "\n\n".join(pages)


# Control characters have no place in an article: page and vertical breaks become
# newlines, the rest (NUL included) is dropped so offsets stay meaningful.
CONTROLS = {c: None for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)} | {
    0x0B: "\n",
    0x0C: "\n",
}


def normalise(text: str) -> str:
    """Control characters removed, newlines unified, outer blank lines trimmed, no long gaps."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(CONTROLS)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def check_length(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(
            _("The text is too long: %(count)s characters, the limit is %(limit)s.")
            % {"count": len(text), "limit": MAX_TEXT_CHARS}
        )
