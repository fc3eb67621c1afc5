"""meeting_count: the cases in data/meetings/, and the edges."""

import pytest

from factcheck.extraction import extract
from factcheck.extraction import meetings as meetings_module
from factcheck.extraction.model import Document
from factcheck.extraction.numbers import find_roman_ordinals
from factcheck.extraction.segment import split_sentences
from tests.extraction.cases import assert_claims, params
from tests.timing import assert_linear


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


@pytest.mark.parametrize(
    ("lang", "chunk"),
    [
        ("en", "2 official and "),  # counts sharing a noun further on
        ("en", "3 meetings, 5 ; "),  # bare counts after a count of meetings
        ("fr", "Ces sommets, les troisièmes, la seconde, le 3e round (Alger) du dialogue "),
        ("en", "the 14th round India-China Corps Commander Level Meeting, the 14th in "),
    ],
)
def test_new_rules_stay_linear(lang: str, chunk: str) -> None:
    """Shared nouns, elliptic counts and ordinals, long modifier runs: linear in the size."""
    small = (chunk * (20_000 // len(chunk) + 1))[:20_000]
    assert_linear(
        lambda text: meetings_module.find(Document(text, lang, None, split_sentences(text))),
        small,
        factor=8,
        max_ratio=24,
    )
