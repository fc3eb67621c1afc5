"""Languages: one typed, frozen Lexicon per language (lexicon.py), filled in fr.py, en.py.

To add a language, write its module (copy en.py), add it to LEXICONS and to
language.py's detector; see docs/extraction.md, "Add a language".
"""

from __future__ import annotations

from factcheck.extraction.lang import en, fr
from factcheck.extraction.lang.lexicon import (
    DateWords,
    Lexicon,
    MeetingWords,
    NumberWords,
    VoteWords,
)

LEXICONS: dict[str, Lexicon] = {"fr": fr.LEXICON, "en": en.LEXICON}
DEFAULT = "en"


def lexicon(code: str) -> Lexicon:
    """The lexicon of a language code; an unknown language reads as the default."""
    return LEXICONS.get(code) or LEXICONS[DEFAULT]


__all__ = [
    "DEFAULT",
    "LEXICONS",
    "DateWords",
    "Lexicon",
    "MeetingWords",
    "NumberWords",
    "VoteWords",
    "lexicon",
]
