"""Tallies written as tables: a header row of labels, then rows of counts under them.

    Votes For | | Votes Against | | Votes Abstained | | Broker Non-Votes |
    25,646,101 | | 592,472 | | 51,291 | | 2,015,803 |

Cells are split on "|" and line breaks (some pages put each cell on its
own line). A header is a run of at least two label cells without digits, each
naming a role ("For", "Against", "Abstain") or a count that is no role ("Broker
Non-Votes"); each following run of as many number cells is one tally, its counts
bound to the header's roles in order.
"""

from __future__ import annotations

import re

from factcheck.extraction.lang import VoteWords
from factcheck.extraction.model import Sentence
from factcheck.extraction.votes.tallies import Tally

_CELL = re.compile(r"[^|\n]+")
_WORD = re.compile(r"\w+")
_COUNT = re.compile(r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+|\d+")
_ROLE = {"F": "for", "f": "for", "Y": "for", "A": "against", "a": "against", "Z": "against"}
_ROLE |= {"X": "abstain", "x": "abstain", "Q": "abstain"}
MAX_CELLS = 400  # cells read in one block: a table dump past this is not a vote record
MAX_HEADER = 6
MAX_LEAD = 200  # text before a header read for polls and elections
MAX_LABEL = 40  # a header cell is a label, not a sentence


def table_tallies(low: str, sentence: Sentence, lex: VoteWords) -> list[Tally]:
    if low.find("|", sentence.start, sentence.end) < 0:
        return []
    cells = _cells(low, sentence)
    found: list[Tally] = []
    i = 0
    while i < len(cells):
        header = _header(cells, i, lex)
        if header is None:
            i += 1
            continue
        at = i + len(header)
        lead = max(sentence.start, cells[i][0] - MAX_LEAD)
        if lex.blockers.search(low, lead, cells[at - 1][1]):
            i = at  # "Poll | For | Against": a poll or an election, not a vote
            continue
        rows = 0
        while True:
            tally, at = _row(cells, at, header)
            if tally is None:
                break
            found.append(tally)
            rows += 1
        i = at if rows else i + 1
    return found


def _cells(low: str, sentence: Sentence) -> list[tuple[int, int, str]]:
    """Non-empty cells as (start, end, stripped lowered text)."""
    cells = []
    for m in _CELL.finditer(low, sentence.start, sentence.end):
        text = m.group()
        stripped = text.strip()
        if stripped:
            lead = len(text) - len(text.lstrip())
            cells.append((m.start() + lead, m.start() + lead + len(stripped), stripped))
            if len(cells) >= MAX_CELLS:
                break
    return cells


def _header(cells: list[tuple[int, int, str]], i: int, lex: VoteWords) -> list[str | None] | None:
    """The roles of a header row starting at cell i (None: a count that is no role)."""
    roles: list[str | None] = []
    for _, _, text in cells[i : i + MAX_HEADER]:
        if len(text) > MAX_LABEL or any(c.isdigit() for c in text):
            break
        kind = _cell_label(text, lex)
        if kind is None:
            break
        roles.append(_ROLE.get(kind))
    named = [role for role in roles if role]
    if len(roles) >= 2 and "for" in named and len(named) >= 2:
        return roles
    return None


def _cell_label(text: str, lex: VoteWords) -> str | None:
    """The first role tag in a cell, "O" for a vote-count cell naming no role, else None."""
    whole = lex.words.get(text)
    if whole in _ROLE or whole == "O":
        return whole  # "non-votants" is one label, not "non"
    phrase = lex.phrases.search(text)
    if phrase is not None and phrase.lastgroup in _ROLE:
        return phrase.lastgroup
    tags = [lex.words.get(word, "w") for word in _WORD.findall(text)]
    for tag in tags:
        if tag in _ROLE:
            return tag
    return "O" if "V" in tags or "O" in tags else None


def _row(
    cells: list[tuple[int, int, str]], i: int, header: list[str | None]
) -> tuple[Tally | None, int]:
    """The tally of the number cells at i (one row label may come first), or None."""
    if i < len(cells) and not _COUNT.fullmatch(cells[i][2]):
        i += 1  # a row label: "Proposal 1", a director's name
    row = cells[i : i + len(header)]
    if len(row) < len(header) or not all(_COUNT.fullmatch(text) for _, _, text in row):
        return None, i
    counts: dict[str, int | None] = {"for": None, "against": None, "abstain": None}
    bound = []
    for (start, end, text), role in zip(row, header, strict=True):
        if role is not None and counts[role] is None:
            counts[role] = int(re.sub(r"\D", "", text))
            bound.append((start, end))
    tally = Tally(bound[0][0], bound[-1][1], counts, rules=["vote.table"], labelled=True)
    return tally, i + len(header)
