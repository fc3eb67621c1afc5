"""Votes and meetings stay linear in the input size on hostile text.

Each case repeats a chunk into one long "sentence" (no break for the segmenter
to cut at) and compares CPU time at two sizes: eight times the text may take
about eight times as long, never ~64 times (a quadratic rule). Ratios, not
seconds, so a slow or busy machine does not fail the test.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from factcheck.extraction import meetings, votes
from factcheck.extraction.model import Claim, Document
from factcheck.extraction.segment import split_sentences
from tests.timing import assert_linear, cpu_seconds

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
    ("votes", "en", "voted 52-47 for the candidate "),  # was quadratic: blocker searched per tally
    ("votes", "en", "the poll voted 52-47 "),
    ("votes", "en", "rejected 52-47 passed 30-2 "),  # outcome words read once per sentence
    ("votes", "en", "passed 30-2 "),  # no failure word: settled once per sentence, not per tally
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


@pytest.mark.parametrize(("kind", "lang", "chunk"), CASES)
def test_linear_in_size(kind: str, lang: str, chunk: str) -> None:
    find = FINDERS[kind]
    small = (chunk * (SMALL // len(chunk) + 1))[:SMALL]
    assert_linear(lambda text: find(Document(text, lang, None, split_sentences(text))), small,
                  factor=FACTOR, max_ratio=MAX_RATIO)


def test_dense_megabyte_is_capped() -> None:
    """A megabyte of genuine tallies stops at MAX_CLAIMS: it costs less than the 200
    articles of 5 KB it is made of, however slow the machine."""
    chunk = "289 voix contre 12 et 5 abstentions. "
    article = chunk * (5_000 // len(chunk))
    megabyte = article * 200
    doc = Document(megabyte, "fr", None, split_sentences(megabyte))
    assert len(votes.find(doc)) == votes.MAX_CLAIMS
    one = Document(article, "fr", None, split_sentences(article))
    assert cpu_seconds(lambda: votes.find(doc)) < 200 * cpu_seconds(lambda: votes.find(one))
