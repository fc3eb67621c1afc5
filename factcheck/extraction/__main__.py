"""JSONL in, JSONL out: `python -m factcheck.extraction < in.jsonl > out.jsonl`.

Each input line is {"id", "text", "lang"?, "published"?}. Each output line is
{"id", "lang", "claims": [...]}, in the same order. A line that cannot be
processed gets an "error" field and no claims; the others go on.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from factcheck.extraction.language import detect_language
from factcheck.extraction.pipeline import extract


def process_line(line: str) -> dict[str, Any]:
    doc_id: Any = None
    try:
        doc = json.loads(line)
        if not isinstance(doc, dict):
            raise ValueError("each line must be a JSON object")
        doc_id = doc.get("id")
        text = doc.get("text")
        if not isinstance(text, str):
            raise ValueError('"text" must be a string')
        lang = doc.get("lang") if doc.get("lang") in ("fr", "en") else detect_language(text)
        claims = extract(text, lang=lang, published=doc.get("published"))
        return {"id": doc_id, "lang": lang, "claims": [c.as_dict() for c in claims]}
    except Exception as exc:  # one bad document must not stop the others
        return {"id": doc_id, "lang": None, "claims": [], "error": f"{type(exc).__name__}: {exc}"}


def run(stdin: TextIO, stdout: TextIO) -> int:
    for line in stdin:
        if not line.strip():
            continue
        stdout.write(json.dumps(process_line(line), ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.stdin, sys.stdout))
