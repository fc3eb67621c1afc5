"""Number words and digits, fr and en: the helpers every claim module leans on."""

import pytest

from factcheck.extraction.numbers import find_numbers, find_ordinals, parse_number, parse_ordinal
from tests.extraction.cases import params


@pytest.mark.parametrize("case", params("numbers"))
def test_number_case(case: dict) -> None:
    """data/numbers/: {"reader": "number" or "ordinal", "text", "value"}; null: not one."""
    read = parse_number if case["reader"] == "number" else parse_ordinal
    assert read(case["text"], case["lang"]) == case["value"], case["where"]


def test_parse_number_never_raises_on_junk() -> None:
    assert parse_number(None, "fr") is None  # type: ignore[arg-type]
    assert parse_number("deux trois", "fr") is None


def test_find_numbers_keeps_original_offsets_fr() -> None:
    text = "adopté par 289 voix contre douze et 1 500 abstentions, vingt et un élus"
    found = [(text[n.start : n.end], n.value) for n in find_numbers(text, "fr")]
    assert found == [("289", 289), ("douze", 12), ("1 500", 1500), ("vingt et un", 21)]


def test_find_numbers_splits_lists_and_skips_decimals() -> None:
    text = "trois et cinq, 58,5 %, la COP29"
    found = [(text[n.start : n.end], n.value) for n in find_numbers(text, "fr")]
    assert found == [("trois", 3), ("cinq", 5)]


def test_find_numbers_en() -> None:
    text = "passed 52-47, by three votes to two hundred and twelve"
    found = [(text[n.start : n.end], n.value) for n in find_numbers(text, "en")]
    assert found == [("52", 52), ("47", 47), ("three", 3), ("two hundred and twelve", 212)]


def test_find_ordinals() -> None:
    text = "leur troisième sommet, la 7e session, le premier tête-à-tête"
    found = [(text[n.start : n.end], n.value) for n in find_ordinals(text, "fr")]
    assert found == [("troisième", 3), ("7e", 7), ("premier", 1)]


def test_find_numbers_is_fast_on_adversarial_text() -> None:
    text = "un et deux trois-quatre " * 40_000 + "1 " * 100_000
    assert len(find_numbers(text, "fr")) > 100_000
