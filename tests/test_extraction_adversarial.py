"""Votes and meetings stay linear in the input size on hostile text.

Each case repeats a chunk into one long "sentence" (no break for the segmenter
to cut at) and compares CPU time at two sizes: eight times the text may take
about eight times as long, never ~64 times (a quadratic rule). Ratios, not
seconds, so a slow or busy machine does not fail the test.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from factcheck.extraction import meetings, votes
from factcheck.extraction.model import Claim, Document
from factcheck.extraction.segment import split_sentences

SMALL = 40_000
FACTOR = 8
MAX_RATIO = 24  # linear gives ~8; quadratic would give ~64

CASES = [
    ("votes", "fr", "289 voix contre 12 et pour , contre : 5 - 6 to vote vote 1-1-1-1-"),
    ("votes", "en", "voted for 12 in favour 3 against "),
    ("votes", "fr", "1 2 3 vote "),
    ("votes", "fr", "52-47, voix "),
    ("votes", "fr", "pour : 5, contre : 6, abstentions : 7 "),
    ("votes", "en", "unanimously "),  # was quadratic: context searched per match
    ("votes", "en", "52-47 unanimously, "),  # was quadratic: merge scanned all tallies
    ("votes", "en", "52-47, against "),
    ("votes", "fr", "vingt et un deux cent trois votes to "),
    ("votes", "en", "a" * 3000 + " 5 votes "),
    ("meetings", "en", "met three times the first summit twice "),
    ("meetings", "fr", "troisième sommet 3e session à trois reprises "),
    ("meetings", "en", "the second Trump-Kim-Moon-Xi summit, met twice a year "),
]
FINDERS: dict[str, Callable[[Document], list[Claim]]] = {
    "votes": votes.find,
    "meetings": meetings.find,
}


def _cpu_seconds(find: Callable[[Document], list[Claim]], text: str, lang: str) -> float:
    doc = Document(text, lang, None, split_sentences(text))
    best = float("inf")
    for _ in range(2):
        began = time.process_time()
        find(doc)
        best = min(best, time.process_time() - began)
    return best


@pytest.mark.parametrize(("kind", "lang", "chunk"), CASES)
def test_linear_in_size(kind: str, lang: str, chunk: str) -> None:
    small = (chunk * (SMALL // len(chunk) + 1))[:SMALL]
    large = small * FACTOR
    find = FINDERS[kind]
    # A floor keeps a near-zero small run (a cheap case) from making any ratio fail.
    small_time = max(_cpu_seconds(find, small, lang), 0.002)
    assert _cpu_seconds(find, large, lang) < MAX_RATIO * small_time


def test_dense_megabyte_is_capped() -> None:
    """A megabyte of genuine tallies stops at MAX_CLAIMS: it costs less than the 200
    articles of 5 KB it is made of, however slow the machine."""
    chunk = "289 voix contre 12 et 5 abstentions. "
    article = chunk * (5_000 // len(chunk))
    megabyte = article * 200
    doc = Document(megabyte, "fr", None, split_sentences(megabyte))
    assert len(votes.find(doc)) == votes.MAX_CLAIMS
    ratio = _cpu_seconds(votes.find, megabyte, "fr") / _cpu_seconds(votes.find, article, "fr")
    assert ratio < 200
