"""The date scanner's token layer: one split of the lowered text gives what splitting
the text and lowering each token gave (the same tokens, gaps and offsets)."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction.dates.scanner import (
    _SPLIT,
    CONTEXT_LOWERCASE,
    LONGER_LOWERCASE,
    TokenView,
    split_tokens,
)
from factcheck.extraction.model import Document

SAMPLES = [
    "",
    "   ",
    "Le 15 novembre 2024, l’Assemblée a voté. Aujourd’hui JUSQU'À lundi.",
    "İSTANBUL, le 3 mars — İlk toplantı mardi.",  # the dotted capital I: lowered one by one
    "ΟΔΟΣ'Α ΣΟΦΟΣ. Ǆemal ǅ ǆ, Kelvin K, Å.",  # final sigma, titlecase, compatibility letters
    "Qu’il QU'ELLE puisqu’on LORSQU'IL d'abord D’ailleurs l'an 2000\n\n- Jeudi 8 mai",
]


def split_then_lowered(text: str) -> tuple[list[str], list[str]]:
    """What the scanner did before: split the text, then lower the tokens joined."""
    parts = _SPLIT.split(text)
    raws = parts[1::2]
    low = "\n".join(raws).lower().replace("’", "'").split("\n") if raws else []
    return parts, low


def check_same_tokens(text: str) -> None:
    view = TokenView(Document(text, "fr", None))
    parts, low = split_then_lowered(text)
    assert view.low[: view.n] == low
    assert view.parts[0::2] == parts[0::2]  # the gaps
    for k, raw in enumerate(parts[1::2]):
        assert view.raw(k) == raw
        assert view.text[view.start(k) : view.end(k)] == raw
        assert view.is_title(k) == raw[0].isupper()


def test_samples_split_the_same() -> None:
    for text in SAMPLES:
        check_same_tokens(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_any_text_splits_the_same(text: str) -> None:
    check_same_tokens(text)


def test_longer_lowercase_is_the_only_such_character() -> None:
    """The fast path holds while "İ" is the one character whose lowercase is longer."""
    longer = {
        chr(code)
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code < 0xE000 and len(chr(code).lower()) != 1
    }
    assert longer == set(LONGER_LOWERCASE)


def test_only_sigma_lowers_by_its_context() -> None:
    """Each cased letter lowers alone as it does between letters and after a space,
    but for "Σ": the final sigma is the one lowering that reads the neighbours."""
    context = {
        chr(code)
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code < 0xE000
        and len(chr(code).lower()) == 1
        and len(
            {chr(code).lower(), ("a" + chr(code) + "a").lower()[1], ("a" + chr(code)).lower()[1]}
        )
        > 1
    }
    assert context == set(CONTEXT_LOWERCASE)


PIECES = [
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "l'",
    "aujourd'hui",
    "qu’",
    "2024",
    "mars",
    ",",
    ".",
    "»",
    "(",
    "_",
    "x_y",
    "'",
    "’",
    "é",
    "²",
    "-",
    "\u0130",
    "Σ",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=30))
def test_split_tokens_is_the_regex_split(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert split_tokens(text) == _SPLIT.split(text)
