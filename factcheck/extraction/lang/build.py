"""Small helpers for writing a lexicon module (fr.py, en.py) readably."""

from __future__ import annotations

import re


def words(spaced: str) -> frozenset[str]:
    """A word set written as one spaced string: easier to read and extend than a list."""
    return frozenset(spaced.split())


def tags(**groups: str) -> dict[str, str]:
    """tags(V="voix votes") -> {"voix": "V", "votes": "V"}: the vote grammar's word tags."""
    return {word: tag for tag, spaced in groups.items() for word in spaced.split()}


def lower_rx(pattern: str) -> re.Pattern[str]:
    """A pattern of lowercase literals, matched against lowered text (text.lowered).

    Without IGNORECASE the regex engine matches two to three times faster.
    Alternatives start with a literal rather than with \\b or an optional group
    where it matters: the engine then jumps to the possible first characters
    instead of trying every position."""
    return re.compile(pattern)


def label_rx(pattern: str) -> re.Pattern[str]:
    """Multi-word labels end at a word's end: "voted no" is not in "voted none"."""
    return lower_rx(rf"(?:{pattern})(?!\w)")


def caseless_rx(pattern: str) -> re.Pattern[str]:
    """A pattern matched against the original text, case-blind."""
    return re.compile(pattern, re.IGNORECASE)
