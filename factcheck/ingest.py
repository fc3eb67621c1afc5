"""Read an uploaded article file into plain text.

Pure functions, no database and no storage: bytes in, text out, or an
IngestError whose message can be shown beside the form field. The type is
decided from the content (magic bytes, zip structure), the extension only
has to agree with it, so a binary renamed .txt is refused.

Every reader works under limits (inflated bytes, paragraphs, XML elements,
PDF operators, characters, time) and refuses with a reason when a file
exceeds them: bench/uploads.py measures hostile files against the target.
"""

from __future__ import annotations

import codecs
import copy
import functools
import io
import itertools
import re
import time
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

import charset_normalizer
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

if TYPE_CHECKING:
    from pypdf import PdfReader

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 200_000
# Work limits, so that any upload costs the web process well under 200 MB and
# about 2 s. A docx is a zip: what it inflates to is counted as it inflates.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000
INFLATE_CHUNK = 64 * 1024
# A 200,000-character article is a few thousand paragraphs and ~100,000 XML elements.
DOCX_MAX_PARAGRAPHS = 20_000
DOCX_MAX_ELEMENTS = 1_000_000
MAX_PDF_PAGES = 500
# pypdf runs ~50,000 text operators a second; an article needs a few thousand a page.
PDF_MAX_OPERATORS = 100_000
PYPDF_LIMITS = {
    "stream_parsing_work_maximum_count": 3 * PDF_MAX_OPERATORS,
    "zlib_maximum_output_length": 20 * 1024 * 1024,
    "lzw_maximum_output_length": 20 * 1024 * 1024,
    "run_length_maximum_output_length": 20 * 1024 * 1024,
    "array_based_stream_maximum_output_length": 20 * 1024 * 1024,
}
# A backstop: the counts above are what normally stops a hostile file.
MAX_READ_SECONDS = 5.0

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
REPLACEMENT = "\ufffd"
# Valid non-ASCII characters needed per invalid byte to call a text UTF-8 anyway.
MOSTLY_UTF8_RATIO = 3


class IngestError(ValidationError):
    """A file that cannot become article text; the message is for the uploader."""


@dataclass(frozen=True)
class Ingested:
    """An upload's text and what the editor should know about how it was read."""

    text: str
    warnings: tuple[str, ...] = ()


def read_file(data: bytes, filename: str) -> str:
    """The text of an uploaded file, normalised; raises IngestError."""
    return read_upload(data, filename).text


def read_upload(data: bytes, filename: str) -> Ingested:
    """The text of an uploaded file with warnings for the editor; raises IngestError."""
    try:
        return _read_upload(data, filename)
    finally:
        # The decoded text is cached for the steps of one upload only, not kept after it.
        decode_text.cache_clear()


def _read_upload(data: bytes, filename: str) -> Ingested:
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
    warnings = []
    if expected in (TEXT, HTML) and (replaced := decode_text(data)[1]):
        warnings.append(replaced_bytes_warning(replaced))
    return Ingested(text, tuple(warnings))


def replaced_bytes_warning(count: int) -> str:
    return ngettext(
        "%(count)s byte of this file was not valid UTF-8 and was replaced by “�”: "
        "check the text around it.",
        "%(count)s bytes of this file were not valid UTF-8 and were replaced by “�”: "
        "check the text around them.",
        count,
    ) % {"count": count}


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
    """Bytes to str: BOM, then UTF-8, then detected encodings; binary is refused."""
    return decode_text(data)[0]


# sniff(), the reader and the warning each need the decoded text of the same upload.
@functools.lru_cache(maxsize=1)
def decode_text(data: bytes) -> tuple[str, int]:
    """The text, and how many invalid UTF-8 bytes were replaced to get it."""
    text, replaced = _decode_guess(data)
    if text is None or _looks_binary(text, ignore_replacements=replaced):
        raise IngestError(
            _("This file is not readable text (unknown encoding or binary content).")
        )
    return text, replaced


def _decode_guess(data: bytes) -> tuple[str | None, int]:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), 0
            except UnicodeDecodeError:
                return None, 0
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    if mostly := _mostly_utf8(data):
        return mostly
    for isolation in (WESTERN, None):
        best = charset_normalizer.from_bytes(data, cp_isolation=isolation).best()
        if best is not None:
            return str(best), 0
    return None, 0


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with its few bad bytes replaced, when the rest is clearly UTF-8.

    One stray byte must not make a UTF-8 article decode as cp1252 ("SÃ©nat"):
    when valid multi-byte characters outnumber the bad ones and the bad ones
    are rare, the text is UTF-8. A cp1252 file has no valid multi-byte
    characters, so it still goes to the detector.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count(REPLACEMENT) - data.count(REPLACEMENT.encode())
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    good = non_ascii - text.count(REPLACEMENT)
    if good >= MOSTLY_UTF8_RATIO * bad and bad <= max(1, len(text) // 100):
        return text, bad
    return None


def _looks_binary(text: str, ignore_replacements: int = 0) -> bool:
    """More than 1% control characters (tabs and newlines aside) means not prose.

    Replacement characters count as binary, except the bad bytes of a text
    already judged to be UTF-8 (_mostly_utf8).
    """
    sample = text[:20_000].replace("\x00", "")
    if not sample:
        return bool(text)
    replacements = sample.count(REPLACEMENT) if not ignore_replacements else 0
    controls = replacements + sum(
        1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v"
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
    """Paragraphs of a Word document, tables included, in document order.

    document.xml is inflated in chunks under a byte budget and parsed as a
    stream (lxml's target interface builds no tree), so neither a zip bomb nor
    a million tiny paragraphs can cost more than the limits allow.
    """
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            info = _document_entry(archive)
            collector = _DocxText(time.monotonic() + MAX_READ_SECONDS)
            parser = etree.XMLParser(target=collector, resolve_entities=False, no_network=True)
            for chunk in inflate(archive, info, MAX_UNZIPPED_BYTES):
                parser.feed(chunk)
                collector.check_time()
            return parser.close()
    except IngestError:
        raise
    except (
        zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, zlib.error, etree.LxmlError
    ) as exc:
        raise IngestError(_("This Word file is damaged or not a .docx document.")) from exc


def _document_entry(archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise IngestError(_("This Word file is damaged or not a .docx document."))
    # Declared sizes are only a first, cheap refusal: they can lie, inflate does not trust them.
    if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
        raise _unpacked_too_big()
    return archive.getinfo("word/document.xml")


def inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> Iterator[bytes]:
    """The entry's bytes in small chunks; refused as soon as more than `budget` came out.

    zipfile stops at the size the directory declares (and then fails the CRC),
    and reading an entry whole asks zlib for up to 2 GB at once: the declared
    size is lifted out of the way, the budget is what stops, the CRC still
    checks a complete entry, and small chunks keep each inflate step small.
    """
    unbounded = copy.copy(info)
    unbounded.file_size = 1 << 62
    produced = 0
    with archive.open(unbounded) as stream:
        while chunk := stream.read(INFLATE_CHUNK):
            produced += len(chunk)
            if produced > budget:
                raise _unpacked_too_big()
            yield chunk


def _unpacked_too_big() -> IngestError:
    return IngestError(
        _("This Word file unpacks to more than %(limit)s MB, too much for an article; "
          "it may be a zip bomb.") % {"limit": MAX_UNZIPPED_BYTES // (1024 * 1024)}
    )


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Word repeats drawings and text boxes in a fallback for old readers: read them once.
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DOCX_BREAKS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n"}


class _DocxText:
    """lxml parser target: collects paragraph text and table rows as the XML streams by.

    A paragraph's text is its w:t elements; a table row becomes its cells joined
    by " | " (python-docx's layout, which earlier uploads used); a nested
    paragraph (text box) becomes a block of its own.
    """

    def __init__(self, deadline: float) -> None:
        self.blocks: list[str] = []
        self.paragraphs: list[list[str]] = []
        self.cells: list[list[str]] = []
        self.rows: list[list[str]] = []
        self.in_text = False
        self.skipping = 0
        self.elements = 0
        self.characters = 0
        self.deadline = deadline

    def start(self, tag: str, attrib: object) -> None:
        self.elements += 1
        if self.elements > DOCX_MAX_ELEMENTS:
            raise _too_complex_docx()
        if tag == MC_FALLBACK:
            self.skipping += 1
        elif self.skipping:
            return
        elif tag == f"{W}p":
            self.paragraphs.append([])
            if len(self.blocks) + len(self.paragraphs) > DOCX_MAX_PARAGRAPHS:
                raise _too_complex_docx()
        elif tag == f"{W}t":
            self.in_text = True
        elif tag in DOCX_BREAKS and self.paragraphs:
            self.paragraphs[-1].append(DOCX_BREAKS[tag])
        elif tag == f"{W}tr":
            self.rows.append([])
        elif tag == f"{W}tc":
            self.cells.append([])

    def end(self, tag: str) -> None:
        if tag == MC_FALLBACK:
            self.skipping -= 1
        elif self.skipping:
            return
        elif tag == f"{W}t":
            self.in_text = False
        elif tag == f"{W}p" and self.paragraphs:
            self._add_block("".join(self.paragraphs.pop()))
        elif tag == f"{W}tc" and self.cells and self.rows:
            self.rows[-1].append("\n".join(self.cells.pop()))
        elif tag == f"{W}tr" and self.rows:
            self._add_block(" | ".join(self.rows.pop()))

    def _add_block(self, text: str) -> None:
        # A paragraph inside a cell belongs to the cell, anything else is a block of its own.
        inside_cell = self.cells and len(self.cells) >= len(self.rows)
        (self.cells[-1] if inside_cell else self.blocks).append(text)

    def data(self, text: str) -> None:
        if self.in_text and not self.skipping and self.paragraphs:
            self.characters += len(text)
            if self.characters > 2 * MAX_TEXT_CHARS:
                raise _too_long()
            self.paragraphs[-1].append(text)

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise _too_complex_docx()

    def close(self) -> str:
        return "\n\n".join(self.blocks)


def _too_complex_docx() -> IngestError:
    return IngestError(
        _("This Word file is too complex to read (more than %(paragraphs)s paragraphs or "
          "%(elements)s XML elements). Save the article's text as a .txt file or paste it.")
        % {"paragraphs": f"{DOCX_MAX_PARAGRAPHS:,}", "elements": f"{DOCX_MAX_ELEMENTS:,}"}
    )


def _too_long() -> IngestError:
    return IngestError(
        _("The text is too long: more than %(limit)s characters.") % {"limit": MAX_TEXT_CHARS}
    )


def read_pdf(data: bytes) -> str:
    """Text layer of a PDF, lines reflowed into paragraphs; scanned pages have none.

    pypdf's own limits are lowered for the whole read, and a visitor counts the
    text operators across pages, so a page built to be slow is refused.
    """
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import FileNotDecryptedError, LimitReachedError

    budget = _PdfBudget(time.monotonic() + MAX_READ_SECONDS)
    try:
        with apply_configuration(**PYPDF_LIMITS):
            reader = PdfReader(io.BytesIO(data))
            _open_encrypted(reader)
            if len(reader.pages) > MAX_PDF_PAGES:
                raise IngestError(
                    _("This PDF has too many pages (the limit is %(limit)s).")
                    % {"limit": MAX_PDF_PAGES}
                )
            pages = []
            for page in reader.pages:
                budget.check_time()
                pages.append(page.extract_text(visitor_operand_before=budget.count) or "")
    except IngestError:
        raise
    except (LimitReachedError, _PdfTooComplex) as exc:
        raise IngestError(
            _("This PDF is too complex to read (more than %(limit)s text instructions). "
              "Save the article's text as a .txt file or paste it.")
            % {"limit": f"{PDF_MAX_OPERATORS:,}"}
        ) from exc
    except FileNotDecryptedError as exc:
        raise _password_protected() from exc
    except Exception as exc:  # pypdf raises many error types on damaged files
        raise IngestError(_("This PDF file is damaged and could not be read.")) from exc
    return "\n\n".join(reflow(page) for page in pages)


def _open_encrypted(reader: PdfReader) -> None:
    """An encrypted PDF opens when its user password is empty (a common "protection")."""
    from pypdf import PasswordType

    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise _password_protected()


def _password_protected() -> IngestError:
    return IngestError(
        _("This PDF is protected by a password. Remove the password (print it to a new PDF) "
          "or paste the article's text.")
    )


class _PdfTooComplex(Exception):
    """More text operators or time than an article needs."""


class _PdfBudget:
    def __init__(self, deadline: float) -> None:
        self.operators = 0
        self.deadline = deadline

    def count(self, operator: bytes, *args: object) -> None:
        self.operators += 1
        if self.operators > PDF_MAX_OPERATORS:
            raise _PdfTooComplex
        if not self.operators % 1000:
            self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise _PdfTooComplex


# Reflowing PDF lines. A line much shorter than the page's full lines ends its
# paragraph (or is a heading); a full line wraps into the next one.
SHORT_LINE = 0.7
LINE_END_HYPHEN = re.compile(r"(?P<word>[^\W\d_][\w'’-]*)-$")
# Hyphens that belong to the word, not to the line break: compound numbers
# ("vingt-deux", "twenty-two") and common compound prefixes.
KEPT_HYPHEN_WORDS = frozenset({
    "dix", "vingt", "trente", "quarante", "cinquante", "soixante", "cent", "cents", "mille",
    "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "onze", "douze", "treize",
    "quatorze", "quinze", "seize", "et", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
    "eighty", "ninety", "ex", "non", "anti", "vice", "self", "co", "semi", "demi", "mi", "sous",
    "porte", "arrière", "après", "avant", "grand", "grande", "belle", "beau",
})


def reflow(page: str) -> str:
    """One page's text with wrapped lines joined and end-of-line hyphens undone.

    Blank lines stay paragraph breaks; a short line ends a paragraph.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t]*\n", page):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        paragraphs.extend(_join_wrapped(lines))
    return "\n\n".join(paragraphs)


def _join_wrapped(lines: list[str]) -> list[str]:
    if not lines:
        return []
    lengths = sorted(len(line) for line in lines)
    # The width of a full line: high in the distribution, but not one stray long line.
    full = lengths[int(0.9 * (len(lengths) - 1))]
    joined = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        if len(previous) < SHORT_LINE * full:
            joined.append(line)
        else:
            joined[-1] = _join_lines(joined[-1], line)
    return joined


def _join_lines(left: str, right: str) -> str:
    if not (left.endswith("-") and left[-2:-1].isalnum()):
        return f"{left} {right}"
    hyphen = LINE_END_HYPHEN.search(left)
    if hyphen is None or not right[:1].islower():
        return left + right  # "Jean-" + "Luc", "1990-" + "2000": the hyphen is the word's
    last_part = re.split(r"[-'’]", hyphen["word"])[-1]
    # "quatre-vingt-" + "dix" and "a-" + "t-il" keep their hyphen; "sécu-" + "rité" loses it.
    keeps = last_part.lower() in KEPT_HYPHEN_WORDS or re.match(r"[a-z]-", right)
    return left + right if keeps else left[:-1] + right


# Control characters have no place in an article: page and vertical breaks become
# newlines, the rest (NUL included) is dropped so offsets stay meaningful.
CONTROLS = {c: None for c in (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F)} | {
    0x0B: "\n",
    0x0C: "\n",
}


# str.translate looks up every character (~3 ms for 5 KB of accented text, more than the
# extraction): it runs only when there is a control character to translate.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise(text: str) -> str:
    """Control characters removed, newlines unified, outer blank lines trimmed, no long gaps."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if CONTROL_CHARACTERS.search(text):
        text = text.translate(CONTROLS)
    text = re.sub(r"[ \t]+\n", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def check_length(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise IngestError(
            _("The text is too long: %(count)s characters, the limit is %(limit)s.")
            % {"count": len(text), "limit": MAX_TEXT_CHARS}
        )
