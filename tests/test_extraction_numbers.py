"""Number words and digits, fr and en: the helpers every claim module leans on."""

import pytest

from factcheck.extraction.numbers import find_numbers, find_ordinals, parse_number, parse_ordinal


@pytest.mark.parametrize(
    ("words", "lang", "value"),
    [
        ("289", "fr", 289),
        ("1 500", "fr", 1500),
        ("1\u00a0500", "fr", 1500),
        ("1,500", "en", 1500),
        ("vingt-sept", "fr", 27),
        ("vingt et un", "fr", 21),
        ("trois", "fr", 3),
        ("une", "fr", 1),
        ("quatre-vingt-dix-neuf", "fr", 99),
        ("twenty-one", "en", 21),
        ("three", "en", 3),
        ("Two hundred and twelve", "en", 212),
    ],
)
def test_parse_number(words: str, lang: str, value: int) -> None:
    assert parse_number(words, lang) == value


@pytest.mark.parametrize(
    ("words", "lang"),
    [("1,500", "fr"), ("58,5", "fr"), ("3.5", "en"), ("et", "fr"), ("votes", "en"), ("", "en")],
)
def test_parse_number_rejects_non_integers(words: str, lang: str) -> None:
    assert parse_number(words, lang) is None


def test_parse_number_never_raises_on_junk() -> None:
    assert parse_number(None, "fr") is None  # type: ignore[arg-type]
    assert parse_number("deux trois", "fr") is None


@pytest.mark.parametrize(
    ("word", "lang", "value"),
    [
        ("troisième", "fr", 3),
        ("deuxième", "fr", 2),
        ("cinquième", "fr", 5),
        ("neuvième", "fr", 9),
        ("vingt-et-unième", "fr", 21),
        ("premier", "fr", 1),
        ("première", "fr", 1),
        ("seconde", "fr", 2),
        ("3e", "fr", 3),
        ("7ème", "fr", 7),
        ("1er", "fr", 1),
        ("third", "en", 3),
        ("first", "en", 1),
        ("second", "en", 2),
        ("twelfth", "en", 12),
        ("twentieth", "en", 20),
        ("twenty-first", "en", 21),
        ("3rd", "en", 3),
        ("21st", "en", 21),
    ],
)
def test_parse_ordinal(word: str, lang: str, value: int) -> None:
    assert parse_ordinal(word, lang) == value


@pytest.mark.parametrize(("word", "lang"), [("problème", "fr"), ("month", "en"), ("with", "en")])
def test_parse_ordinal_rejects_words(word: str, lang: str) -> None:
    assert parse_ordinal(word, lang) is None


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
