"""Real .docx and .pdf files built at run time for the upload tests."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib


def make_docx(*paragraphs: str) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_broken_docx() -> bytes:
    """A zip that claims to be a Word document but whose XML is garbage."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document>not xml at all")
    return out.getvalue()


def _pdf_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return f"({escaped})"


def make_pdf(text: str) -> bytes:
    """A minimal one-page PDF with a Helvetica text layer, offsets computed by hand."""
    return pdf_from_content(f"BT /F1 12 Tf 72 720 Td {_pdf_string(text)} Tj ET".encode("latin-1"))


def make_pdf_lines(*lines: str) -> bytes:
    """One page, one text line each, as a layout program sets them."""
    shown = " ".join(f"{_pdf_string(line)} Tj T*" for line in lines)
    return pdf_from_content(f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET".encode("latin-1"))


def make_heavy_pdf(operators: int = 600_000) -> bytes:
    """One page whose compressed content stream holds `operators` text-showing operators."""
    content = b"BT /F1 1 Tf 72 720 Td " + b"(a) Tj " * operators + b"ET"
    return pdf_from_content(content, flate=True)


def make_encrypted_pdf(text: str, user_password: str = "") -> bytes:
    """The same PDF encrypted with AES-256 (pypdf writes it; cryptography does the AES)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(text))))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_from_content(stream: bytes, *, flate: bool = False) -> bytes:
    """A one-page PDF around a content stream, with a correct cross-reference table."""
    if flate:
        stream = zlib.compress(stream, 9)
    stream_dict = b"<< /Length %d%s >>" % (len(stream), b" /Filter /FlateDecode" if flate else b"")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        stream_dict + b"\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def make_broken_pdf() -> bytes:
    """A PDF header followed by nothing a reader can use."""
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\n" + b"\x00\xff" * 50


# --- hostile files, built in code so that no big binary is committed --------------------------

WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
DOCUMENT_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:document xmlns:w="{WORD_NS}"><w:body>'
).encode()
DOCUMENT_TAIL = b"</w:body></w:document>"


def _zip_entry(name: str, deflated: bytes, crc: int, declared_size: int) -> tuple[bytes, bytes]:
    """A local header with its data, and the central directory record, for one deflated entry."""
    raw_name = name.encode()
    fields = struct.pack(
        "<HHHHHIII", 20, 0, 8, 0, 0x21, crc, len(deflated), declared_size
    )
    local = b"PK\x03\x04" + fields + struct.pack("<HH", len(raw_name), 0) + raw_name + deflated
    central = (
        b"PK\x01\x02" + struct.pack("<H", 20) + fields
        + struct.pack("<HHHHHII", len(raw_name), 0, 0, 0, 0, 0, 0) + raw_name
    )
    return local, central


def _build_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip written by hand, so that the sizes it declares can lie."""
    out, directory = bytearray(), bytearray()
    for name, deflated, crc, declared in entries:
        local, central = _zip_entry(name, deflated, crc, declared)
        # The record's last field is the local header's offset.
        directory += central[:42] + struct.pack("<I", len(out)) + central[46:]
        out += local
    start = len(out)
    out += directory
    out += b"PK\x05\x06" + struct.pack(
        "<HHHHIIH", 0, 0, len(entries), len(entries), len(directory), start, 0
    )
    return bytes(out)


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _docx_from_document(deflated: bytes, crc: int, declared: int) -> bytes:
    types, rels = CONTENT_TYPES.encode(), PACKAGE_RELS.encode()
    return _build_zip([
        ("[Content_Types].xml", _deflate(types), zlib.crc32(types), len(types)),
        ("_rels/.rels", _deflate(rels), zlib.crc32(rels), len(rels)),
        ("word/document.xml", deflated, crc, declared),
    ])


def make_docx_bomb(inflated_bytes: int = 2 * 1024**3, declared_size: int = 20_000) -> bytes:
    """A .docx whose document.xml inflates to `inflated_bytes` while the zip declares 20 KB.

    One paragraph, then a megabyte of blanks (whitespace between elements is
    valid XML) compressed once and repeated: each copy ends on a full flush, so
    copies do not refer to each other and can be concatenated; the file stays
    near 1/1000 of the inflated size.
    """
    first = DOCUMENT_HEAD + b"<w:p><w:r><w:t>Zip bomb.</w:t></w:r></w:p>"
    block = b" " * (1024 * 1024)
    copies = max(1, inflated_bytes // len(block))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(first) + compressor.flush(zlib.Z_FULL_FLUSH)
    segment = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(DOCUMENT_TAIL) + compressor.flush()
    crc = zlib.crc32(first)
    for _ in range(copies):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(DOCUMENT_TAIL, crc)
    return _docx_from_document(head + segment * copies + tail, crc, declared_size)


def make_many_paragraphs_docx(count: int = 1_400_000) -> bytes:
    """A small .docx (about 140 KB for 1.4 million) made of tiny paragraphs, honest sizes."""
    tiny = b"<w:p/>" * 9 + b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    document = DOCUMENT_HEAD + tiny * (count // 10) + DOCUMENT_TAIL
    return _docx_from_document(_deflate(document), zlib.crc32(document), len(document))


def make_raw_docx(body_xml: str) -> bytes:
    """A .docx around hand-written body XML (paragraphs, tables, text boxes)."""
    document = DOCUMENT_HEAD + body_xml.encode() + DOCUMENT_TAIL
    return _docx_from_document(_deflate(document), zlib.crc32(document), len(document))
