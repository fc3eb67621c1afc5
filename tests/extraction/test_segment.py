"""Sentence splitting on real French and English news sentences."""

from __future__ import annotations

import pytest

from factcheck.extraction.segment import split_sentences
from tests.extraction.cases import params
from tests.timing import assert_linear


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize("case", params("sentences"))
def test_sentence_case(case: dict) -> None:
    """data/sentences/: abbreviations and numbers (fr, en), closing quotes, ellipses."""
    assert sentences(case["text"]) == case["sentences"], case["where"]


def test_blank_lines_and_headlines_end_sentences() -> None:
    text = (
        "Kim Jong Un appelle à une expansion nucléaire illimitée\n"
        "Le dirigeant nord-coréen a critiqué les États-Unis\n\n"
        "Présents : le maire et ses adjoints\n\n"
        "Trump wins Pennsylvania\nThe race was called on Wednesday."
    )
    assert sentences(text) == [
        "Kim Jong Un appelle à une expansion nucléaire illimitée",
        "Le dirigeant nord-coréen a critiqué les États-Unis",
        "Présents : le maire et ses adjoints",
        "Trump wins Pennsylvania",
        "The race was called on Wednesday.",
    ]


def test_hard_wrapped_line_continues_the_sentence() -> None:
    text = "Le Parlement a adopté le texte par 289 voix contre 12\net 5 abstentions, mardi soir."
    assert sentences(text) == [text]


def test_offsets_point_into_the_original_text() -> None:
    text = "  \n Première phrase.   Deuxième phrase !\r\n\r\n  Troisième ?  "
    found = split_sentences(text)
    assert [text[s.start : s.end] for s in found] == [
        "Première phrase.",
        "Deuxième phrase !",
        "Troisième ?",
    ]
    assert all(0 <= s.start < s.end <= len(text) for s in found)
    assert [s.start for s in found] == sorted(s.start for s in found)


def test_stray_punctuation_stays_with_its_sentence() -> None:
    text = "Washington veut étendre son influence militaire. .\n\nKim Jong-un a rencontré Trump."
    assert sentences(text) == [
        "Washington veut étendre son influence militaire. .",
        "Kim Jong-un a rencontré Trump.",
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "...", "«»", "1234567890"])
def test_degenerate_input(text: str) -> None:
    found = split_sentences(text)
    assert all(text[s.start : s.end].strip() for s in found)
    assert "".join(text[s.start : s.end] for s in found) == "".join(text.split())


@pytest.mark.parametrize(
    "unit",
    [".", "a.", ". ", "M. ", "...x", "\n \n", "« » ", "?!", "J.-P. ", "1.5 ", "U.S. "],
)
def test_linear_time_on_adversarial_runs(unit: str) -> None:
    """10x more text may take ~10x the time, never ~100x (regex backtracking)."""
    assert_linear(split_sentences, unit * (100_000 // len(unit)))
