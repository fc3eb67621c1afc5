"""Date claims: the cases in data/dates/ (eval/GUIDELINES.md, "date") and the edges."""

from __future__ import annotations

import pytest

from factcheck.extraction import dates as date_finder
from factcheck.extraction import extract
from factcheck.extraction.model import Document
from factcheck.extraction.pipeline import parse_published
from tests.extraction.cases import DATA, assert_claims, load, params
from tests.timing import assert_linear


def dates(text: str, lang: str, published: str | None) -> list[tuple[str, dict]]:
    return [
        (c.text, c.value) for c in extract(text, lang=lang, published=published) if c.kind == "date"
    ]


@pytest.mark.parametrize("case", params("dates"))
def test_date_case(case: dict) -> None:
    """data/dates/: one case per rule (fr, en), varied news phrasings (fr-news, en-news)."""
    assert_claims(case, "dates")


def test_enough_news_cases_per_language() -> None:
    for lang in ("fr", "en"):
        assert len(load(DATA / "dates" / f"{lang}-news.jsonl")) >= 60


def test_span_is_text_slice() -> None:
    text = "Le 15 novembre, puis le 3 décembre 2024, enfin hier."
    for claim in extract(text, lang="fr", published="2024-12-10"):
        assert text[claim.start : claim.end] == claim.text


def test_no_publication_date_drops_open_dates() -> None:
    assert dates("Il est venu hier, le 15 novembre 2024.", "fr", None) == [
        ("15 novembre 2024", {"date": "2024-11-15"})
    ]


@pytest.mark.parametrize(
    "text",
    [
        " 1" * 200_000,
        "2018-" * 80_000,
        "lundi et " * 40_000,
        "(" * 300_000,
        "a" * 400_000,
        "du 3 au " * 50_000,
    ],
)
def test_adversarial_input_is_safe(text: str) -> None:
    """Time is tested as a ratio below (test_dates_take_linear_time_on_a_megabyte)."""
    for claim in extract(text, lang="fr", published="2020-03-04"):
        assert text[claim.start : claim.end] == claim.text


def find_dates(text: str) -> None:
    date_finder.find(Document(text, "fr", parse_published("2020-03-04"), []))


# Runs with no sentence break, each tempting one rule: lists and ranges that
# chain items, counts that look like days, words that are dates on their own.
ADVERSARIAL_UNITS = [
    "1 et 2 et 3 et ",
    "le 1er le 2 le 3 ",
    "1234567890 ",
    ".,;:!?-/ ",
    "mardi ",
    "en 2018, 2019, 2020, ",
    "2018-2019-2020-",
    "du 3 au 5 mars et ",
    "3, ",
    "il y a deux ans ",
]


@pytest.mark.parametrize("unit", ADVERSARIAL_UNITS)
def test_dates_take_linear_time_on_a_megabyte(unit: str) -> None:
    assert_linear(find_dates, unit * (100_000 // len(unit)))


@pytest.mark.parametrize("published", [None, "2020-03", "0001-01-01", "9999-12-31"])
def test_never_raises_at_calendar_edges(published: str | None) -> None:
    text = "hier, l'an prochain, Noël, lundi, 31 décembre, la semaine prochaine, 2018-19"
    extract(text, lang="fr", published=published)
    extract(text, lang="en", published=published)


@pytest.mark.parametrize(
    ("published", "date", "day", "month"),
    [
        ("2024-11-20T08:30:00Z", "2024-11-20", True, True),
        ("2024-11-20 08:30:00+01:00", "2024-11-20", True, True),
        ("2024-11-20T08:30", "2024-11-20", True, True),
        ("2024-11", "2024-11-01", False, True),
        ("2019", "2019-01-01", False, False),
    ],
)
def test_publication_as_datetime_or_year(published: str, date: str, day: bool, month: bool) -> None:
    parsed = parse_published(published)
    assert parsed is not None
    assert (parsed.date.isoformat(), parsed.day, parsed.month) == (date, day, month)


@pytest.mark.parametrize("published", ["2024-11-20T25:00", "2024-13", "19", "2024-11-20Tnoon"])
def test_unreadable_publication_is_a_clear_error(published: str) -> None:
    with pytest.raises(ValueError, match="published"):
        parse_published(published)
