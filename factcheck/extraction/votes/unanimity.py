"""Unanimity ("à l'unanimité", "unanimously"), merged with a tally close to it."""

from __future__ import annotations

from factcheck.extraction.lang import VoteWords
from factcheck.extraction.model import Sentence
from factcheck.extraction.votes.tallies import WINDOW, SentenceTest, Tally

MERGE_GAP = 30  # "unanimously, 9-0": unanimity and a tally this close are one claim
MAX_NEAR = 8  # tallies looked at for one unanimity: more never fit in MERGE_GAP


def unanimity(text: str, sentence: Sentence, lex: VoteWords) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    if lex.question.search(text, sentence.start, sentence.end):
        return found  # "peut-on considérer que ... a voté à l'unanimité ?"
    about_a_decision = SentenceTest(lex.unanimous_context, text, sentence)
    for m in lex.unanimous.finditer(text, sentence.start, sentence.end):
        before = text[max(sentence.start, m.start() - WINDOW) : m.start()]
        if lex.not_unanimous.search(before):
            continue
        if not about_a_decision():
            return []
        found.append((m.start(), m.end()))
    return found


def merge_unanimity(tallies: list[Tally], spans: list[tuple[int, int]], text: str) -> list[Tally]:
    """Join each unanimity to the first tally close to it, or make it a claim of its own.

    Tallies and spans both come in text order, so one sweep finds the tallies within
    reach of each span: linear even for a megabyte of "52-47 unanimously, "."""
    alone: list[Tally] = []
    first = 0  # tallies before this one end too early for any later span
    for start, end in spans:
        while first < len(tallies) and tallies[first].end < start - MERGE_GAP:
            first += 1
        target = _near_tally(tallies, first, start, end, text)
        if target is None and alone and _close(alone[-1], start, end, text):
            target = alone[-1]
        if target is None:
            alone.append(Tally(start, end, {}, unanimous=True, rules=["vote.unanimity"]))
        else:
            if not target.unanimous:
                target.rules.append("vote.unanimity")
            target.unanimous = True
            target.start, target.end = min(target.start, start), max(target.end, end)
    return tallies + alone


def _near_tally(tallies: list[Tally], first: int, start: int, end: int, text: str) -> Tally | None:
    for tally in tallies[first : first + MAX_NEAR]:
        if tally.start > end + MERGE_GAP:
            return None
        if _close(tally, start, end, text):
            return tally
    return None


def _close(tally: Tally, start: int, end: int, text: str) -> bool:
    """A short gap without a period between the tally and the unanimity span."""
    gap = text[tally.end : start] if tally.end <= start else text[end : tally.start]
    return len(gap) <= MERGE_GAP and "." not in gap
