"""Test cases as data: tests/extraction/data/<kind>/<language>[-news].jsonl.

One JSON object a line:

    {"text": "...", "published": "2024-11-20", "note": "what the case is about",
     "claims": [{"span": "15 novembre", "value": {"date": "2024-11-15"}}],
     "match": "overlap"}

`claims` lists every claim of the file's kind the text holds, in text order;
an empty list says the text holds none. A null span checks the value only;
"match": "overlap" accepts a claim whose text contains the expected span or
lies inside it (how the held-out sets score spans); otherwise spans are exact.
`<language>-news` files hold varied real-news phrasings written from
eval/GUIDELINES.md; the others one case per rule. Numbers and sentences have
their own fields (see test_numbers.py, test_segment.py).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from factcheck.extraction import extract

DATA = Path(__file__).resolve().parent / "data"
CLAIM_KIND = {"dates": "date", "votes": "vote_result", "meetings": "meeting_count"}


def case_files(folder: str) -> list[Path]:
    return sorted((DATA / folder).glob("*.jsonl"))


def language(path: Path) -> str:
    """ "fr-news.jsonl" -> "fr"."""
    return path.stem.split("-")[0]


def load(path: Path) -> list[dict[str, Any]]:
    cases = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if line.strip():
            case = json.loads(line)
            case["lang"], case["where"] = language(path), f"{path.relative_to(DATA)}:{number}"
            cases.append(case)
    return cases


def params(folder: str) -> list[Any]:
    """Every case of a folder as a pytest param, its id the file and line ("fr-news:17")."""
    return [
        pytest.param(case, id=f"{path.stem}:{case['where'].rsplit(':', 1)[1]}")
        for path in case_files(folder)
        for case in load(path)
    ]


def found_claims(case: dict[str, Any], kind: str) -> list[tuple[str, Any]]:
    claims = extract(case["text"], lang=case["lang"], published=case.get("published"))
    return [(claim.text, claim.value) for claim in claims if claim.kind == kind]


def assert_claims(case: dict[str, Any], folder: str) -> None:
    """The claims of the folder's kind in the case's text are exactly the expected ones."""
    got = found_claims(case, CLAIM_KIND[folder])
    expected = case["claims"]
    context = f"{case['where']}: {case['text']!r} gave {got}"
    assert len(got) == len(expected), context
    for (span, value), want in zip(got, expected, strict=True):
        assert value == want["value"], context
        wanted = want["span"]
        if wanted is None:
            continue
        if case.get("match") == "overlap":
            assert wanted in span or span in wanted, context
        else:
            assert span == wanted, context
