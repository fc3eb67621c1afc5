"""extract(text, lang=None, published=None) -> list[Claim]: the one entry point."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable

from factcheck.extraction import dates, meetings, votes
from factcheck.extraction.language import SUPPORTED, detect_language
from factcheck.extraction.model import Claim, Document, Published, Sentence
from factcheck.extraction.segment import split_sentences

# Bump when a rule changes what is extracted: stored claims record it.
EXTRACTOR_VERSION = "1"

# Far beyond any article (a long feature is ~50 KB); refusing more keeps one
# pasted dump from holding a worker for minutes.
MAX_TEXT_CHARS = 10_000_000

FINDERS: tuple[Callable[[Document], list[Claim]], ...] = (dates.find, votes.find, meetings.find)

_PUBLISHED = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def parse_published(published: dt.date | str | Published | None) -> Published | None:
    """Accept a date, "YYYY-MM-DD" or "YYYY-MM"; raise ValueError on anything else."""
    if published is None or published == "":
        return None
    if isinstance(published, Published):
        return published
    if isinstance(published, dt.datetime):  # before date: datetime is a date subclass
        return Published(published.date())
    if isinstance(published, dt.date):
        return Published(published)
    if not isinstance(published, str):
        raise ValueError(f"published must be a date or a string, not {type(published).__name__}")
    found = _PUBLISHED.fullmatch(published.strip())
    if found is None:
        raise ValueError(f"published must be YYYY-MM-DD or YYYY-MM, not {published[:40]!r}")
    year, month, day = found.groups()
    try:
        date = dt.date(int(year), int(month), int(day or 1))
    except ValueError as exc:  # "2024-13", "2024-02-30"
        raise ValueError(f"published {published!r}: {exc}") from None
    return Published(date, day=day is not None)


def resolve_language(text: str, lang: str | None) -> str:
    """The given language when we support it ("fr", "FR", "fr-CA"), else the detected one."""
    if isinstance(lang, str) and lang[:2].lower() in SUPPORTED:
        return lang[:2].lower()
    return detect_language(text)


def extract(
    text: str, lang: str | None = None, published: dt.date | str | Published | None = None
) -> list[Claim]:
    """Claims of every kind in `text`, sorted by position, each with its sentence span.

    Raises TypeError for a non-string text and ValueError for an unreadable
    `published` or a text over MAX_TEXT_CHARS; callers that must go on (the
    CLI, the Celery task) record the message against the document.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a string, not {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise ValueError(f"text is {len(text)} characters, more than {MAX_TEXT_CHARS}")
    doc = Document(
        text=text,
        lang=resolve_language(text, lang),
        published=parse_published(published),
        sentences=split_sentences(text),
    )
    claims = _checked(text, [claim for find in FINDERS for claim in find(doc)])
    return _with_sentences(claims, doc.sentences)


def _checked(text: str, claims: list[Claim]) -> list[Claim]:
    """Keep claims whose span lies in the text, its text taken from the span, sorted, unique.

    The span is what reviewers see highlighted, so it is the source of truth;
    sorting on the value too makes the order independent of finder order.
    """
    unique: dict[tuple[int, int, str, str], Claim] = {}
    for claim in claims:
        if not 0 <= claim.start < claim.end <= len(text):
            continue
        value_key = json.dumps(claim.value, sort_keys=True, default=str)
        key = (claim.start, claim.end, claim.kind, value_key)
        unique.setdefault(key, dataclasses.replace(claim, text=text[claim.start : claim.end]))
    return [unique[key] for key in sorted(unique)]


def _with_sentences(claims: list[Claim], sentences: list[Sentence]) -> list[Claim]:
    """Attach the sentence each claim starts in, widened if the claim runs past it."""
    if not sentences:
        return [dataclasses.replace(c, sentence_start=c.start, sentence_end=c.end) for c in claims]
    starts = [s.start for s in sentences]  # built once: bisect per claim keeps this n log n
    out = []
    for claim in claims:
        sentence = sentences[max(bisect.bisect_right(starts, claim.start) - 1, 0)]
        out.append(
            dataclasses.replace(
                claim,
                sentence_start=min(sentence.start, claim.start),
                sentence_end=max(sentence.end, claim.end),
            )
        )
    return out
