"""Read a bulk-import file into rows: JSONL, CSV, or a zip of article files.

Pure functions, no database: a seekable binary file in, `RawRow`s out, each
with its line number (or its position in the zip) for the report. A row that
cannot be read carries an `error` and the others go on; what makes the whole
file unreadable (not a zip, not UTF-8, too big, a zip bomb) raises
ImportFileError with a message for the person who sent it. The rows are then
validated exactly like one upload (forms/imports.py: the upload form's fields
and checks), and the zip's files are read by ingest.py under the upload limits.

The files are streamed: a JSONL or CSV line at a time, a zip entry at a time,
so a 100 MB import costs the worker a few MB, not the file's size.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import BinaryIO

from django.utils.translation import gettext as _

from factcheck import ingest

# The article fields a JSONL object or a CSV header may name (the API's names).
FIELDS = ("title", "text", "published", "language", "source_url", "outlet", "external_id")
REQUIRED_COLUMNS = ("title", "text")
JSONL, CSV, ZIP = "jsonl", "csv", "zip"
FORMAT_FOR_SUFFIX = {".jsonl": JSONL, ".ndjson": JSONL, ".csv": CSV, ".zip": ZIP}
ACCEPT = ",".join(FORMAT_FOR_SUFFIX)

MAX_IMPORT_BYTES = 200 * 1024 * 1024
# One article is at most 200,000 characters; JSON may spell each as a 6-byte \u escape.
MAX_LINE_BYTES = 6 * ingest.MAX_TEXT_CHARS + 64 * 1024
# A zip of articles: each file under the upload limit (5 MB, counted as it inflates,
# whatever the directory claims), and the whole archive under a total budget.
MAX_ZIP_ENTRIES = 20_000
MAX_ZIP_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024
# Bytes looked at to tell the format and the encoding before reading.
HEAD_BYTES = 64 * 1024
UTF16_32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE,
                 codecs.BOM_UTF16_BE)


class ImportFileError(Exception):
    """The whole file cannot be imported; the message says why, for its sender."""


@dataclass
class RawRow:
    """One row as read: its fields (or its file, for a zip entry), or why it cannot be read."""

    line: int
    name: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    file: tuple[str, bytes] | None = None
    error: str = ""


def file_format(filename: str) -> str:
    """jsonl, csv or zip, from the name; raises ImportFileError for anything else."""
    found = FORMAT_FOR_SUFFIX.get(PurePosixPath(filename).suffix.lower())
    if found is None:
        raise ImportFileError(_("Unsupported import file. Use a .jsonl, .csv or .zip file."))
    return found


def check_file(stream: BinaryIO, filename: str) -> str:
    """The format, once the file's size, head and encoding were checked; raises ImportFileError.

    Cheap (the head only, and a zip's directory), so the web request can refuse a
    bad file at once; the rest of the file is read by the task.
    """
    fmt = file_format(filename)
    size = stream.seek(0, io.SEEK_END)
    stream.seek(0)
    if not size:
        raise ImportFileError(_("The file is empty."))
    if size > MAX_IMPORT_BYTES:
        raise ImportFileError(
            _("The file is too big: the limit for an import is %(limit)s MB. Split it in parts.")
            % {"limit": MAX_IMPORT_BYTES // (1024 * 1024)}
        )
    head = stream.read(HEAD_BYTES)
    stream.seek(0)
    if fmt == ZIP:
        _zip_entries(stream)
    else:
        _check_text_head(head, at_end=size <= HEAD_BYTES)
    return fmt


def _check_text_head(head: bytes, *, at_end: bool) -> None:
    if head.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            _("This file is a zip archive: give it a .zip name to import the files inside.")
        )
    if head.startswith(UTF16_32_BOMS):
        raise ImportFileError(_("This file is in UTF-16 or UTF-32: save it as UTF-8."))
    if b"\x00" in head:
        raise ImportFileError(_("This file is not text: it looks like a binary file."))
    lines = head.split(b"\n")
    if not at_end:
        lines.pop()  # cut short by the head's end
    utf8 = [_is_utf8(line) for line in lines if not line.isascii()]
    # No line of the head's non-ASCII ones is UTF-8: the file is in another encoding. A
    # stray bad line among good ones is only that line's error, reported with its number.
    if utf8 and not any(utf8):
        raise ImportFileError(
            _("This file is not UTF-8. Save it as UTF-8 (in a spreadsheet: “CSV UTF-8”).")
        )


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_rows(stream: BinaryIO, filename: str) -> Iterator[RawRow]:
    """Every row of the file, in order; raises ImportFileError for a file it cannot read."""
    fmt = check_file(stream, filename)
    return {JSONL: _jsonl_rows, CSV: _csv_rows, ZIP: _zip_rows}[fmt](stream)


def count_rows(stream: BinaryIO, filename: str) -> int:
    """How many rows read_rows will give, for the progress bar (a quick pass, no parsing)."""
    fmt = check_file(stream, filename)
    try:
        if fmt == ZIP:
            return len(_zip_entries(stream)[1])
        if fmt == JSONL:
            return sum(1 for _ in _jsonl_rows(stream, parse=False))
        return sum(1 for _ in _csv_rows(stream))
    finally:
        stream.seek(0)


# JSONL: one JSON object a line; blank lines are skipped.


def _jsonl_rows(stream: BinaryIO, *, parse: bool = True) -> Iterator[RawRow]:
    for number, raw in _lines(stream):
        if not raw.strip():
            continue
        if not parse:
            yield RawRow(number)
        elif len(raw) > MAX_LINE_BYTES:
            yield RawRow(number, error=_too_long_line())
        else:
            yield _jsonl_row(number, raw)


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) for each line; a line over MAX_LINE_BYTES comes back cut short,
    its length still over the limit, so that it is refused without being held whole."""
    number = 0
    while line := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
        yield number, line


def _jsonl_row(number: int, raw: bytes) -> RawRow:
    try:
        text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError:
        return RawRow(number, error=_not_utf8())
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return RawRow(number, error=_("This line is not valid JSON (%(reason)s).")
                      % {"reason": exc.msg})
    if not isinstance(value, dict):
        return RawRow(number, error=_("This line is not a JSON object with the article's fields."))
    return _row_from_mapping(number, value)


def _row_from_mapping(number: int, value: dict) -> RawRow:
    unknown = sorted(set(value) - set(FIELDS))
    if unknown:
        return RawRow(number, error=_unknown_fields(unknown))
    fields: dict[str, str] = {}
    for name, item in value.items():
        if item is None:
            continue
        if isinstance(item, bool) or not isinstance(item, str | int):
            return RawRow(number, error=_("The field “%(field)s” must be a string.")
                          % {"field": name})
        fields[name] = str(item)
    return RawRow(number, name=_row_name(fields), fields=fields)


def _row_name(fields: dict[str, str]) -> str:
    return (fields.get("external_id") or fields.get("title") or "")[:300]


# CSV: a header naming the columns, then one article a record (fields may span lines).


def _csv_rows(stream: BinaryIO) -> Iterator[RawRow]:
    bad_lines: set[int] = set()
    reader = csv.reader(_decoded_lines(stream, bad_lines), strict=True)
    csv.field_size_limit(max(csv.field_size_limit(), 2 * ingest.MAX_TEXT_CHARS))
    header = _csv_header(reader)
    end = reader.line_num
    while True:
        start = end + 1
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            end = reader.line_num
            yield RawRow(start, error=_("This CSV line cannot be read (%(reason)s).")
                         % {"reason": exc})
            continue
        end = reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if bad_lines.intersection(range(start, end + 1)):
            yield RawRow(start, error=_not_utf8())
        elif len(record) != len(header):
            yield RawRow(start, error=_(
                "This line has %(found)s values; the header names %(expected)s columns."
            ) % {"found": len(record), "expected": len(header)})
        else:
            fields = {name: cell for name, cell in zip(header, record, strict=True) if cell}
            yield RawRow(start, name=_row_name(fields), fields=fields)


def _decoded_lines(stream: BinaryIO, bad_lines: set[int]) -> Iterator[str]:
    """The file's lines as text; a line that is not UTF-8 is noted in `bad_lines`, and
    decoded with replacement characters so that the CSV parser keeps its place."""
    for number, raw in _lines(stream):
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            bad_lines.add(number)
            yield raw.decode("utf-8", errors="replace")


def _csv_header(reader: Iterator[list[str]]) -> list[str]:
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error) as exc:
        raise ImportFileError(_("The CSV file has no header line naming its columns.")) from exc
    unknown = sorted(set(header) - set(FIELDS))
    if unknown:
        raise ImportFileError(_unknown_fields(unknown))
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ImportFileError(
            _("The CSV header has no “%(column)s” column. Columns: %(columns)s.")
            % {"column": missing[0], "columns": ", ".join(FIELDS)}
        )
    if len(set(header)) != len(header):
        raise ImportFileError(_("The CSV header names a column twice."))
    return header


# Zip: each .txt/.md/.html/.docx/.pdf file is one article, titled by its file name.


def _zip_entries(stream: BinaryIO) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportFileError(_("This file is not a valid zip archive.")) from exc
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise ImportFileError(
            _("This zip holds more than %(limit)s files: split it in parts.")
            % {"limit": f"{MAX_ZIP_ENTRIES:,}"}
        )
    # Declared sizes are a first, cheap refusal; inflating counts the real bytes.
    if sum(info.file_size for info in infos) > MAX_ZIP_UNPACKED_BYTES:
        raise _zip_bomb()
    return archive, [info for info in infos if _is_article_entry(info)]


def _is_article_entry(info: zipfile.ZipInfo) -> bool:
    """Files only; the folders and hidden files archivers add (__MACOSX, .DS_Store) are skipped."""
    path = PurePosixPath(info.filename)
    return not info.is_dir() and not any(
        part.startswith(".") or part == "__MACOSX" for part in path.parts
    )


def _zip_rows(stream: BinaryIO) -> Iterator[RawRow]:
    archive, entries = _zip_entries(stream)
    unpacked = 0
    with archive:
        for number, info in enumerate(entries, start=1):
            row = RawRow(number, name=info.filename[:300])
            name = PurePosixPath(info.filename).name
            if PurePosixPath(name).suffix.lower() not in ingest.EXTENSIONS:
                row.error = _("Unsupported file type. Use .txt, .md, .html, .docx or .pdf files.")
            elif info.flag_bits & 0x1:
                row.error = _("This file is encrypted in the zip: it cannot be read.")
            elif info.file_size > ingest.MAX_FILE_BYTES:
                row.error = _("The file is too big: the limit is 5 MB.")
            else:
                data, row.error = _inflate_entry(archive, info)
                unpacked += len(data)
                if unpacked > MAX_ZIP_UNPACKED_BYTES:
                    raise _zip_bomb()
                if data:
                    row.file = (name, data)
                    row.fields = {"title": title_from_filename(name)}
            yield row


def _inflate_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[bytes, str]:
    """The entry's bytes, or why not: inflated under the upload limit, whatever it declares."""
    try:
        return b"".join(ingest.inflate(archive, info, ingest.MAX_FILE_BYTES)), ""
    except ingest.IngestError:
        return b"", _("The file unpacks to more than 5 MB: it is too big, or a zip bomb.")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return b"", _("This file is damaged in the zip and cannot be read.")


def title_from_filename(name: str) -> str:
    """"vote-du-budget_2024.docx" -> "vote du budget 2024": the title a zip entry gets."""
    stem = PurePosixPath(name).stem.replace("_", " ").replace("-", " ")
    return " ".join(stem.split())[:300] or name[:300]


def _unknown_fields(unknown: list[str]) -> str:
    return _("Unknown field %(fields)s. The fields are: %(known)s.") % {
        "fields": ", ".join(f"“{name}”" for name in unknown), "known": ", ".join(FIELDS),
    }


def _not_utf8() -> str:
    return _("This line is not valid UTF-8: save the file as UTF-8.")


def _too_long_line() -> str:
    return _("This line is too long for one article (the limit is %(limit)s characters).") % {
        "limit": f"{ingest.MAX_TEXT_CHARS:,}"
    }


def _zip_bomb() -> ImportFileError:
    return ImportFileError(
        _("This zip unpacks to more than %(limit)s GB: it is too big, or a zip bomb.")
        % {"limit": MAX_ZIP_UNPACKED_BYTES // (1024**3)}
    )
