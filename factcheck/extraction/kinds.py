"""The registry of claim kinds: one line per kind, its name and its finder.

A finder takes a Document and returns its claims of that kind; it never
raises. The pipeline runs every finder listed here, in this order. Adding a
kind: docs/extraction.md, "Add a kind" (the web side reads the same names).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from factcheck.extraction import dates, meetings, votes
from factcheck.extraction.model import Claim, Document

Finder = Callable[[Document], list[Claim]]


@dataclass(frozen=True, slots=True)
class ClaimKind:
    name: str  # the Claim.kind value, stored and exported
    find: Finder


KINDS: tuple[ClaimKind, ...] = (
    ClaimKind("date", dates.find),
    ClaimKind("vote_result", votes.find),
    ClaimKind("meeting_count", meetings.find),
)
KIND_NAMES: tuple[str, ...] = tuple(kind.name for kind in KINDS)
