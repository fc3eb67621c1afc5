"""extract(text, lang=None, published=None) -> list[Claim]: the one entry point."""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections.abc import Callable

from factcheck.extraction import dates, meetings, votes
from factcheck.extraction.language import detect_language
from factcheck.extraction.model import Claim, Document, Published, Sentence
from factcheck.extraction.segment import split_sentences

# Bump when a rule changes what is extracted: stored claims record it.
EXTRACTOR_VERSION = "1"

FINDERS: tuple[Callable[[Document], list[Claim]], ...] = (dates.find, votes.find, meetings.find)


def parse_published(published: dt.date | str | None) -> Published | None:
    """Accept a date, "YYYY-MM-DD" or "YYYY-MM"; raise ValueError on anything else."""
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return Published(published.date())
    if isinstance(published, dt.date):
        return Published(published)
    text = str(published).strip()
    if len(text) == 7:
        return Published(dt.date.fromisoformat(text + "-01"), day=False)
    return Published(dt.date.fromisoformat(text))


def extract(
    text: str, lang: str | None = None, published: dt.date | str | Published | None = None
) -> list[Claim]:
    if not isinstance(text, str):
        raise TypeError("text must be a string")
    anchor = published if isinstance(published, Published) else parse_published(published)
    doc = Document(
        text=text,
        lang=lang if lang in ("fr", "en") else detect_language(text),
        published=anchor,
        sentences=split_sentences(text),
    )
    claims = [claim for find in FINDERS for claim in find(doc)]
    claims.sort(key=lambda c: (c.start, c.end, c.kind))
    return [_with_sentence(claim, doc.sentences) for claim in claims]


def _with_sentence(claim: Claim, sentences: list[Sentence]) -> Claim:
    starts = [s.start for s in sentences]
    index = max(bisect.bisect_right(starts, claim.start) - 1, 0)
    if not sentences:
        return claim
    sentence = sentences[index]
    return dataclasses.replace(
        claim,
        sentence_start=min(sentence.start, claim.start),
        sentence_end=max(sentence.end, claim.end),
    )
