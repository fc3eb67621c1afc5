"""meeting_count: the cases in data/meetings/, and the edges."""

import pytest

from factcheck.extraction import extract
from factcheck.extraction import meetings as meetings_module
from factcheck.extraction.model import Document
from factcheck.extraction.numbers import find_roman_ordinals
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


def test_roman_ordinals_read_with_their_suffix_only() -> None:
    """numbers.find_roman_ordinals: "XIIe", "IVème", "Ier"; words that look like numerals do not."""
    text = "la XIIe session, le IVème sommet, le Ier, la Ve, Ce sommet, Le IIIrd, MIXe, XXe siècle"
    found = [(text[m.start : m.end], m.value) for m in find_roman_ordinals(text, "fr")]
    assert found == [("XIIe", 12), ("IVème", 4), ("Ier", 1), ("Ve", 5), ("XXe", 20)]


def test_an_elliptic_ordinal_is_read_only_after_a_sentence_with_a_claim() -> None:
    """ "La seconde ..." stands for the visit of the sentence before; alone it is nothing."""
    before = "Sa première visite d'État remonte à 2018. La seconde est prévue en mai."
    assert meetings(before, "fr") == [("première visite d'État", 1), ("seconde", 2)]
    assert meetings("Il pleut. La seconde est prévue en mai.", "fr") == []
