"""extract(text, lang=None, published=None) -> list[Claim]: the one entry point.

Segment the text into sentences, resolve or detect its language, run each
registered kind's finder (kinds.py), then keep valid, unique spans in text
order, each with its sentence.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from factcheck.extraction.kinds import KINDS, Finder
from factcheck.extraction.language import SUPPORTED, detect_language
from factcheck.extraction.model import Claim, Document, Published, Sentence
from factcheck.extraction.segment import split_sentences

# Bump when a rule changes what is extracted: stored claims record it.
EXTRACTOR_VERSION = "2"

# Far beyond any article (a long feature is ~50 KB); refusing more keeps one
# pasted dump from holding a worker for minutes.
MAX_TEXT_CHARS = 10_000_000

# One finder per registered kind (kinds.py); tests may add one that fails.
FINDERS: tuple[Finder, ...] = tuple(kind.find for kind in KINDS)

# "YYYY", "YYYY-MM", "YYYY-MM-DD", or an ISO datetime whose day is taken
# ("2024-11-20T08:30:00Z", "2024-11-20 08:30:00+01:00").
_PUBLISHED = re.compile(
    r"(\d{4})(?:-(\d{2})(?:-(\d{2})"
    r"(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?"
)


def parse_published(published: dt.date | str | Published | None) -> Published | None:
    """Accept a date, "YYYY-MM-DD", an ISO datetime (its day), "YYYY-MM" or "YYYY";
    raise ValueError on anything else."""
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
        raise ValueError(
            "published must be YYYY-MM-DD (or an ISO date and time), YYYY-MM or YYYY, "
            f"not {published[:40]!r}"
        )
    year, month, day = found.groups()
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
        if len(published.strip()) > 10:
            dt.datetime.fromisoformat(published.strip().replace(",", "."))  # "T25:00" fails
    except ValueError as exc:  # "2024-13", "2024-02-30"
        raise ValueError(f"published {published[:40]!r}: {exc}") from None
    return Published(date, day=day is not None, month=month is not None)


def resolve_language(text: str, lang: str | None) -> str:
    """The given language when we support it ("fr", "FR", "fr-CA"), else the detected one."""
    if isinstance(lang, str) and lang[:2].lower() in SUPPORTED:
        return lang[:2].lower()
    return detect_language(text)


def extract(
    text: str,
    lang: str | None = None,
    published: dt.date | str | Published | None = None,
    explain: bool = False,
) -> list[Claim]:
    """Claims of every kind in `text`, sorted by position, each with its sentence span.

    With `explain`, each claim also carries the names of the rules that made
    it and, for dates, the steps that resolved its value (Claim.rules, .steps).

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
        explain=explain,
    )
    found = [claim for find in FINDERS for claim in find(doc)]
    return _finished(text, found, doc.sentences)


def _finished(text: str, claims: list[Claim], sentences: list[Sentence]) -> list[Claim]:
    """Valid spans only, unique, sorted, each with its text and sentence taken from `text`.

    The span is what reviewers see highlighted, so it is the source of truth for
    the claim's text. Claims are rebuilt directly (a NamedTuple's _replace costs
    more), and this runs for every claim of every article.
    """
    # One claim per (span, kind): a span states one fact, and storage keys claims
    # on it. When two rules disagree, the smallest value key wins, whatever the
    # finders' order.
    # The value key is computed only for a span two claims share: its repr costs
    # more than the rest of the finishing. A tie keeps the first claim found.
    unique: dict[tuple[int, int, str], Claim] = {}
    size = len(text)
    for claim in claims:
        if 0 <= claim.start < claim.end <= size:
            key = (claim.start, claim.end, claim.kind)
            held = unique.get(key)
            if held is None or _value_key(claim.value) < _value_key(held.value):
                unique[key] = claim
    starts = [s.start for s in sentences]  # built once: one bisect per claim
    out = []
    for key in sorted(unique):
        kind, start, end, _, value, _, _, rules, steps = unique[key]
        sentence_start, sentence_end = start, end
        if sentences:
            sentence = sentences[max(bisect.bisect_right(starts, start) - 1, 0)]
            sentence_start = min(sentence.start, start)
            sentence_end = max(sentence.end, end)
        span = text[start:end]
        out.append(Claim(kind, start, end, span, value, sentence_start, sentence_end, rules, steps))
    return out


def _value_key(value: dict[str, Any]) -> str:
    """A deterministic, comparable key for a JSON-like value (None and ints don't compare)."""
    return repr(sorted(value.items())) if isinstance(value, dict) else repr(value)
