"""meeting_count: the cases in data/meetings/, and the edges."""


import pytest

from factcheck.extraction import extract
from factcheck.extraction import meetings as meetings_module
from factcheck.extraction.model import Document
from factcheck.extraction.segment import split_sentences
from tests.extraction.cases import assert_claims, params


def meetings(text: str, lang: str) -> list[tuple[str, int]]:
    return [
        (c.text, c.value["count"]) for c in extract(text, lang=lang) if c.kind == "meeting_count"
    ]


@pytest.mark.parametrize("case", params("meetings"))
def test_meeting_case(case: dict) -> None:
    """data/meetings/: one case per rule and "not" rule (fr, en), news phrasings (-news)."""
    assert_claims(case, "meetings")


def test_never_raises_on_a_megabyte_of_adversarial_text() -> None:
    """Time is tested as a ratio in test_adversarial.py."""
    text = ("troisième sommet à trois reprises twice met 3 times fois " * 20 + "\n") * 1000
    for lang in ("fr", "en"):
        for claim in meetings_module.find(Document(text, lang, None, split_sentences(text))):
            assert text[claim.start : claim.end] == claim.text
