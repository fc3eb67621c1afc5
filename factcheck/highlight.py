"""Cut an article's text into segments around claim spans, for highlighting.

Pure functions: the template tag in templatetags/article_text.py turns the
segments into escaped HTML. Spans may overlap or nest; a segment lists every
claim that covers it, so nothing is dropped and nothing is printed twice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, Protocol


class Span(Protocol):
    start: int
    end: int
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True)
class Segment:
    text: str
    claims: tuple[Any, ...] = ()


def segments(text: str, spans: Iterable[Span], lo: int = 0, hi: int | None = None) -> list[Segment]:
    """`text[lo:hi]` as consecutive segments, each with the spans covering it (outermost first)."""
    hi = len(text) if hi is None else min(hi, len(text))
    # Spans outside the text (a stale claim after the text changed) are left out, not clipped.
    inside = (s for s in spans if s.start < s.end <= len(text) and s.start < hi and s.end > lo)
    valid = sorted(inside, key=lambda s: (s.start, -s.end))
    starts: dict[int, list[Span]] = defaultdict(list)
    points = {lo, hi}
    for span in valid:
        first, last = max(span.start, lo), min(span.end, hi)
        starts[first].append(span)
        points.update((first, last))
    active: list[Span] = []
    out = []
    for a, b in pairwise(sorted(points)):
        active = [s for s in active if s.end > a] + starts.get(a, [])
        out.append(Segment(text[a:b], tuple(active)))
    return out


def by_sentence(claims: Sequence[Span]) -> list[tuple[int, int, list[Any]]]:
    """Claims grouped by their sentence: (sentence_start, sentence_end, claims), in text order."""
    groups: dict[tuple[int, int], list[Any]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: (c.sentence_start, c.start, c.end)):
        groups[(claim.sentence_start, claim.sentence_end)].append(claim)
    return [(start, end, members) for (start, end), members in groups.items()]

