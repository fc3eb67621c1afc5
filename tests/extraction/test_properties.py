"""Properties every extraction must keep, whatever the text: no crash, spans in the
text, claims inside their sentence, deterministic output, linear time."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import Claim, extract
from factcheck.extraction.segment import split_sentences
from tests.timing import cpu_seconds

SEED = json.loads(
    (Path(__file__).parents[1] / "data" / "seed-pyongyang-washington.json").read_text("utf-8")
)
ENGLISH_NEWS = (
    "The Senate passed the bill 52-47 on Tuesday, Nov. 5, 2024. Sen. Warren (D-Mass.) said "
    "the U.S. economy grew 3.5 percent in 2023. President Trump met Kim Jong Un three times "
    "in 2018 and 2019. “These talks matter,” he said. The House voted 219 to 212 last week, "
    "with 3 abstentions; the motion was adopted unanimously, 9-0, by the committee.\n\n"
)

# Pieces that look like what the finders look for, so that random text often
# hits their rules (and their corner cases) rather than only noise.
FRAGMENTS = [
    "le 5 novembre",
    "15/11/2024",
    "en 2018 et 2019",
    "du 3 au 5 mars",
    "à trois reprises",
    "leur troisième sommet",
    "289 voix contre 12 et 5 abstentions",
    "à l'unanimité",
    "passed 52-47",
    "met three times",
    "by a vote of 52 to 47",
    "last week",
    "hier",
    "mardi",
    "M.",
    "J.-P.",
    "U.S.",
    "3,5 %",
    "« ",
    " »",
    "“",
    "”",
    "...",
    "…",
    "\n\n",
    "\n",
    " ",
    ". ",
    ", ",
    "1 ",
    "2 000",
    "vingt sept",
    "mi-novembre",
    "fin 2019",
    "2024",
    "-",
]
newsy_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map(
    "".join
)
any_text = st.one_of(st.text(max_size=300), newsy_text)
languages = st.sampled_from([None, "fr", "en"])
publication = st.sampled_from([None, "2024-11", "2024-11-05", dt.date(2019, 12, 16), "2000-02"])


def check_claims(text: str, claims: list[Claim]) -> None:
    for claim in claims:
        assert 0 <= claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
        assert claim.sentence_end <= len(text)
        assert text[claim.start : claim.end] == claim.text
        assert claim.kind in ("date", "vote_result", "meeting_count")
        json.dumps(claim.as_dict())  # what the CLI and the database store


@settings(max_examples=300, deadline=None)
@given(text=any_text, lang=languages, published=publication)
def test_extract_never_raises_and_spans_lie_in_the_text(
    text: str, lang: str | None, published: dt.date | str | None
) -> None:
    check_claims(text, extract(text, lang=lang, published=published))


@settings(max_examples=100, deadline=None)
@given(text=any_text, lang=languages, published=publication)
def test_extract_is_deterministic(
    text: str, lang: str | None, published: dt.date | str | None
) -> None:
    first = extract(text, lang=lang, published=published)
    assert extract(text, lang=lang, published=published) == first


@settings(max_examples=300, deadline=None)
@given(text=any_text)
def test_sentences_are_ordered_trimmed_and_disjoint(text: str) -> None:
    sentences = split_sentences(text)
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        chunk = text[sentence.start : sentence.end]
        assert chunk == chunk.strip()
        previous_end = sentence.end


def test_real_articles_keep_the_invariants() -> None:
    for text, lang in ((SEED["text"], "fr"), (ENGLISH_NEWS, "en")):
        for given_lang in (None, lang):
            check_claims(text, extract(text, lang=given_lang, published="2024-11"))


def adversarial_document(size: int) -> str:
    """News text plus long runs that tempt regexes into backtracking, all scaled to `size`."""
    news = SEED["text"] + "\n\n" + ENGLISH_NEWS
    parts = [
        (news, 0.4),
        ("1 ", 0.1),
        ("le 1 et 2 et 3 et 4 et 5 et ", 0.1),
        ("du 3 au 5 et du 7 au 9 et ", 0.05),
        ("1234567890", 0.1),
        (".,;:!?-/ ", 0.1),
        ("15/11/2024 ", 0.05),
        ("52-47-12-", 0.05),
        ("à trois reprises, à deux reprises, ", 0.05),
    ]
    return "\n\n".join(unit * max(1, int(size * share) // len(unit)) for unit, share in parts)


def best_time(text: str) -> float:
    check_claims(text, extract(text, lang="fr", published="2024-11"))
    return cpu_seconds(lambda: extract(text, lang="fr", published="2024-11"), runs=2)


def test_one_megabyte_document_takes_roughly_linear_time() -> None:
    small, large = adversarial_document(100_000), adversarial_document(1_000_000)
    assert 9 * len(small) < len(large) < 11 * len(small)
    # 10x the text: allow 25x the time (noise, caches), not the 100x of a quadratic rule.
    assert best_time(large) < 25 * best_time(small)
