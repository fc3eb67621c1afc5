"""votes claims (placeholder until the rules land)."""

from __future__ import annotations

from factcheck.extraction.model import Claim, Document


def find(doc: Document) -> list[Claim]:
    return []
