"""Sentences and their offsets into the original text (French and English news).

One linear scan finds candidate boundaries (runs of . ! ? … with their closing
quotes, and newlines); a small decision function then looks at a bounded window
around each candidate (the token before, the word after) to rule out
abbreviations, initials, decimals and ellipses inside a sentence. Every regex
here is free of nested ambiguous quantifiers and every window is bounded, so
the cost is linear in the text length even on adversarial input.
"""

from __future__ import annotations

import re

from factcheck.extraction.lang.shared import (
    ABBREVIATIONS,
    SENTENCE_AMBIGUOUS,
    SENTENCE_BEFORE_NUMBER,
    SENTENCE_STARTERS,
    SENTENCE_TITLES,
)
from factcheck.extraction.model import Sentence

# Month abbreviations, compared lowercased: "Sept. 11", "le 5 nov. 2024"; the
# date grammar's own list.
_MONTHS = ABBREVIATIONS

_HSPACE = " \t\u00a0\u202f"  # French typography puts a (narrow) no-break space before » ? !
_TERMINAL = ".!?…"

# A run of terminal punctuation ("?!", ". .", "..."), then closing quotes or
# brackets. Everything after the first character is optional, so a match never
# fails half-way: no backtracking over long runs, hence no quadratic blow-up.
# Group repeats are bounded because the regex engine keeps state per repeat:
# a megabyte of ". . ." then becomes many small matches instead of one huge one.
# Straight quotes attach only without a space: in `. "Next` the quote opens
# the next sentence. Guillemets and curly quotes say their direction.
_CANDIDATE = re.compile(
    rf"(?P<punct>[{_TERMINAL}]+(?:[{_HSPACE}]+[{_TERMINAL}]+){{0,8}}"
    rf"(?:[{_HSPACE}]?[»”’)\]]|[\"']){{0,8}})"
    rf"|(?P<newline>\n(?:[{_HSPACE}\r\f\v]*\n){{0,8}})"
)
_OPENERS = "«“‘\"'([—–-"
_NEXT_WORD = re.compile(rf"[\s{re.escape(_OPENERS)}]*(?P<word>[^\W\d_]+(?:['’][^\W\d_]*)?)?")
_ACRONYM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, U.K, p.m, J.-P handled below
_INITIAL = re.compile(r"[^\W\d_]|[^\W\d_]\.-[^\W\d_]")  # "F" in John F. Kennedy, "J.-P"

_WINDOW_BEFORE = 24  # longer than any abbreviation we recognise
_WINDOW_AFTER = 64  # enough to skip spaces and quotes to the next word


def split_sentences(text: str) -> list[Sentence]:
    """Split `text` into sentences; offsets are into `text`, end exclusive, spaces trimmed."""
    sentences: list[Sentence] = []
    start = pos = 0
    for at in _triggers(text):
        if at < pos:
            continue  # inside the candidate just read ("?!", "\n\n")
        match = _CANDIDATE.match(text, at)
        if match is None:  # cannot happen: every trigger starts a candidate
            continue
        if _is_boundary(text, match):
            _append(text, start, match.end(), sentences)
            start = match.end()
        pos = match.end()
    _append(text, start, len(text), sentences)
    return sentences


def _triggers(text: str) -> list[int]:
    """Where a candidate may begin: every terminal mark and newline, in order.

    str.find per mark scans several times faster than a regex search for the
    character class (which then only runs where a candidate begins), and the
    regex engine's search costs most of the split on long texts.
    """
    found = []
    for mark in _TERMINAL + "\n":
        at = text.find(mark)
        while at != -1:
            found.append(at)
            at = text.find(mark, at + 1)
    found.sort()
    return found


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    newlines = match.group("newline")
    if newlines is not None:
        return newlines.count("\n") > 1 or _line_break_ends(text, match.start(), match.end())
    return _punct_ends(text, match.start(), match.end())


def _line_break_ends(text: str, pos: int, end: int) -> bool:
    """A single newline ends a headline-like line, not a hard-wrapped sentence."""
    before = text[max(0, pos - _WINDOW_BEFORE) : pos].rstrip()
    if before and before[-1] in ",;:(«“‘-–":
        return False
    following = _next_word(text, end)
    return not (following and following[0].islower())


def _punct_ends(text: str, pos: int, end: int) -> bool:
    if end < len(text) and not text[end].isspace():
        return False  # "3.5", "www.example.com", "U.S.A", "«Non!», dit-il"
    following = _next_word(text, end)
    if following and following[0].islower():
        return False  # news sentences start with a capital: "(R-Ky.) said", "? demande-t-il"
    punct = text[pos:end]
    if "…" in punct or ".." in punct:
        # "(...)" marks an omission inside a quotation.
        return pos == 0 or text[pos - 1] not in "([" or end >= len(text)
    if not punct.startswith("."):
        return True
    return end >= len(text) or _period_ends(_token_before(text, pos), following, text, end)


def _period_ends(token: str, following: str, text: str, end: int) -> bool:
    """Decide for a period after `token`; `following` is the next word (may be "")."""
    if not token:
        return True
    if token in SENTENCE_TITLES:
        return False
    lower = token.lower()
    if token in SENTENCE_BEFORE_NUMBER or lower in _MONTHS or lower == "etc":
        return not _next_char_is_digit(text, end)
    # An initial or an acronym is one letter or holds a period: most words skip the regexes.
    initial = (len(token) == 1 or "." in token) and bool(
        _INITIAL.fullmatch(token) or _ACRONYM.fullmatch(token)
    )
    if initial or lower in SENTENCE_AMBIGUOUS:
        return following in SENTENCE_STARTERS
    return True


def _token_before(text: str, pos: int) -> str:
    """The word the period is glued to, without opening quotes or brackets."""
    chunk = text[max(0, pos - _WINDOW_BEFORE) : pos]
    if not chunk or chunk[-1].isspace():
        return ""
    return chunk.split()[-1].lstrip(_OPENERS)


def _next_word(text: str, pos: int) -> str:
    """The next word after `pos`, apostrophe kept as "'" ("L’Ukraine" -> "L'")."""
    found = _NEXT_WORD.match(text, pos, min(len(text), pos + _WINDOW_AFTER))
    word = found.group("word") if found else None
    if not word:
        return ""
    word = word.replace("’", "'")
    return word[: word.index("'") + 1] if "'" in word else word


def _next_char_is_digit(text: str, pos: int) -> bool:
    rest = text[pos : pos + _WINDOW_AFTER].lstrip()
    return bool(rest) and rest[0].isdigit()


def _append(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Sentence(start, end))
