"""vote_result: the cases in data/votes/, and the edges."""


import pytest

from factcheck.extraction import extract
from factcheck.extraction import votes as votes_module
from factcheck.extraction.model import Document
from factcheck.extraction.segment import split_sentences
from tests.extraction.cases import assert_claims, params


def votes(text: str, lang: str) -> list[tuple[str, tuple]]:
    return [
        (c.text, (c.value["for"], c.value["against"], c.value["abstain"], c.value["unanimous"]))
        for c in extract(text, lang=lang)
        if c.kind == "vote_result"
    ]


@pytest.mark.parametrize("case", params("votes"))
def test_vote_case(case: dict) -> None:
    """data/votes/: one case per rule and "not" rule (fr, en), news phrasings (-news)."""
    assert_claims(case, "votes")


def test_dev_article_two_tallies_one_sentence_each() -> None:
    text = (
        "MPs voted by 322 to 308 to reject his plan. Just minutes earlier MPs voted to back "
        "the deal in principle by 329 to 299 on the second reading of the Bill."
    )
    assert votes(text, "en") == [
        ("322 to 308", (308, 322, None, False)),
        ("329 to 299", (329, 299, None, False)),
    ]


def test_never_raises_on_a_megabyte_of_adversarial_text() -> None:
    """Time is tested as a ratio in test_adversarial.py."""
    chunks = ["289 voix contre 12 et ", "pour , contre : 5 - 6 to ", "vote " * 20, "1-" * 50]
    text = "".join(chunks) * 4000  # about 1 MB without a sentence boundary
    for lang in ("fr", "en"):
        for claim in votes_module.find(Document(text, lang, None, split_sentences(text))):
            assert text[claim.start : claim.end] == claim.text
