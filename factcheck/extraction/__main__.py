"""JSONL in, JSONL out: `python -m factcheck.extraction [--explain] < in.jsonl > out.jsonl`.

Each input line is {"id", "text", "lang"?, "published"?}. Each output line is
{"id", "lang", "claims": [...]}, in the same order. A line that cannot be
processed (bad JSON, bad UTF-8, text not a string, unreadable "published")
gets an "error" field and no claims; the others go on. Blank lines are skipped.

With --explain each claim also gets "rules", the names of the grammar rules
that made it, and for dates "steps", how its value was resolved: the first
thing to read when a claim on new text is wrong (docs/extraction.md).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable
from typing import IO, Any

from factcheck.extraction.pipeline import extract, resolve_language


def process_line(line: bytes | str, explain: bool = False) -> dict[str, Any]:
    """One input line to one output record; never raises."""
    doc_id: Any = None
    lang: str | None = None
    try:
        doc = json.loads(line)  # bytes are decoded as UTF-8; bad bytes raise here
        if not isinstance(doc, dict):
            raise ValueError("each line must be a JSON object")
        doc_id = doc.get("id")
        text = doc.get("text")
        if not isinstance(text, str):
            raise TypeError(f'"text" must be a string, not {type(text).__name__}')
        lang = resolve_language(text, doc.get("lang"))
        claims = extract(text, lang=lang, published=doc.get("published"), explain=explain)
        return {"id": doc_id, "lang": lang, "claims": [c.as_dict(explain) for c in claims]}
    except Exception as exc:  # one bad document must not stop the others
        message = f"{type(exc).__name__}: {exc}"[:500]
        return {"id": doc_id, "lang": lang, "claims": [], "error": message}


def to_json_line(record: dict[str, Any]) -> bytes:
    """UTF-8 JSON; a lone surrogate (legal in JSON input, not in UTF-8) is escaped instead."""
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record) + "\n").encode("ascii")


def run(lines: Iterable[bytes | str], out: IO[bytes], explain: bool = False) -> int:
    for line in lines:
        if not line.strip():
            continue
        out.write(to_json_line(process_line(line, explain)))
    out.flush()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m factcheck.extraction", description="Claims of JSONL articles, as JSONL."
    )
    parser.add_argument(
        "--explain", action="store_true", help="add each claim's rule names and resolution steps"
    )
    args = parser.parse_args(argv)
    # Bytes in and out: the locale's encoding must not decide how articles are read.
    try:
        return run(sys.stdin.buffer, sys.stdout.buffer, args.explain)
    except BrokenPipeError:  # `| head` closed the pipe: not an error worth a traceback
        # Point stdout at /dev/null so the interpreter's final flush cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
