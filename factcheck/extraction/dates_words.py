"""Number words for dates ("vingt-six", "deux mil trois", "thirty-first").

A small reader of its own: dates only need days (1-31) and years, and the
extraction must not depend on another module's progress.
"""

from __future__ import annotations

_FR = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
    "cinquante": 50, "soixante": 60, "premier": 1,
}
_EN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1,
}
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
_HUNDRED = {"cent", "cents", "hundred"}
_THOUSAND = {"mille", "mil", "thousand"}
_GLUE = {"et", "and", "-"}

NUMBER_WORDS = frozenset(_FR) | frozenset(_EN) | frozenset(_EN_ORDINALS) | _HUNDRED | _THOUSAND


def is_number_word(word: str) -> bool:
    return word in NUMBER_WORDS


def read_number(words: list[str]) -> tuple[int, int] | None:
    """Read number words from the start of `words`: (value, words used) or None.

    Glue words ("et", "and", "-") are consumed only between two number words.
    """
    total, current, used, last = 0, 0, 0, 0
    seen = False
    i = 0
    while i < len(words):
        word = words[i]
        if word in _GLUE and seen and i + 1 < len(words) and words[i + 1] in NUMBER_WORDS:
            i += 1
            continue
        value = _FR.get(word, _EN.get(word, _EN_ORDINALS.get(word)))
        if word in ("a", "an") and seen:
            break
        if word in _THOUSAND:
            total += (current or 1) * 1000
            current = 0
        elif word in _HUNDRED:
            current = (current or 1) * 100
        elif word in ("vingt", "vingts") and last == 4:
            current += 76  # "quatre-vingt": the 4 already added becomes 80
        elif value is not None:
            current += value
            last = value
        else:
            break
        seen = True
        i += 1
        used = i
    if not seen:
        return None
    return total + current, used
