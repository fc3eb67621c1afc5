"""Numbers in French and English news text: digits, number words and ordinals.

`parse_number` turns one expression into an int; `find_numbers` and
`find_ordinals` locate expressions in a text with their original offsets, so
the claim modules can build spans. Number words go through text2num; the word
lists here only decide which tokens may form an expression.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num


def _wordlist(text: str) -> frozenset[str]:
    return frozenset(text.split())


FR_WORDS = _wordlist(
    "zéro zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze "
    "quinze seize vingt vingts trente quarante cinquante soixante cent cents mille million "
    "millions milliard milliards"
)
EN_WORDS = _wordlist(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion"
)
WORDS = {"fr": FR_WORDS, "en": EN_WORDS}

# English ordinal words whose stem is not "cardinal + th".
EN_ORDINAL_STEMS = {
    "first": "one",
    "second": "two",
    "third": "three",
    "fifth": "five",
    "eighth": "eight",
    "ninth": "nine",
    "twelfth": "twelve",
}
FR_ORDINAL_WORDS = {
    "premier": 1,
    "première": 1,
    "premiere": 1,
    "premiers": 1,
    "premières": 1,
    "second": 2,
    "seconde": 2,
    "seconds": 2,
    "secondes": 2,
}
# French ordinal stems that do not simply drop "ième" (cinquième, neuvième).
FR_STEM_FIXES = {"cinqu": "cinq", "neuv": "neuf"}

# Digit suffixes marking an ordinal ("3e", "1er", "2nd", "3rd", "4th", "3ᵉ").
ORDINAL_SUFFIXES = {
    "fr": (
        "ième",
        "ieme",
        "ème",
        "eme",
        "ère",
        "ere",
        "ᵉʳ",
        "ᵉ",
        "er",
        "re",
        "nde",
        "nd",
        "è",
        "e",
    ),
    "en": ("st", "nd", "rd", "th"),
}

# Digits: thousands grouped by space or dot in French, by comma in English.
# Decimals are consumed too (so "58,5" is not read as 58 and 5) but give no int.
# Each pattern starts with a plain \d and checks the character before it with a
# lookbehind placed after that digit: a pattern that opens with a lookbehind
# makes the regex engine try every position, one starting with \d lets it skip
# to the next digit (3-4x faster on prose).
_DIGITS = {
    "fr": re.compile(
        r"\d(?<![\w.,]\d)(?:\d{0,2}(?:[ \u00a0\u202f.]\d{3})+(?!\w)|\d*(?:,\d+)?(?!\w))"
    ),
    "en": re.compile(r"\d(?<![\w.,]\d)(?:\d{0,2}(?:,\d{3})+(?!\w)|\d*(?:\.\d+)?(?!\w))"),
}
_DIGIT_ORDINAL_LOW = {
    lang: re.compile(
        r"(\d(?<![\w.,]\d)\d{0,3})(" + "|".join(map(re.escape, suffixes)) + r")(?![\w])"
    )
    for lang, suffixes in ORDINAL_SUFFIXES.items()
}
_DIGIT_ORDINAL = {
    lang: re.compile(rx.pattern, re.IGNORECASE) for lang, rx in _DIGIT_ORDINAL_LOW.items()
}
# Word patterns run on lowercased text without IGNORECASE, which the regex engine
# matches about 2-3x faster; _lowered falls back to these case-blind copies when
# lowercasing would shift offsets.
_WORD_ORDINAL_LOW = {
    "fr": re.compile(
        r"(?<![\w-])(?:(?:[a-zéè]+-){0,3}[a-zéè]+i[eè]mes?|premi[eè]re?s?|secondes?|seconds?)"
        r"(?![\w-])"
    ),
    "en": re.compile(r"(?<![\w-])(?:[a-z]+-)?(?:first|second|third|[a-z]+th)(?!\w)"),
}
_WORD_ORDINAL = {
    lang: re.compile(rx.pattern, re.IGNORECASE) for lang, rx in _WORD_ORDINAL_LOW.items()
}
# How word ordinals end: searched first, since a regex that tries every word start
# for "…ième" costs 3x more. The word is then walked back and checked whole.
_ORDINAL_TAIL = {
    "fr": re.compile(r"(?:i[eè]mes?|premi[eè]re?s?|secondes?|seconds?)(?![\w-])"),
    "en": re.compile(r"(?:first|second|third|th)(?!\w)"),
}
_ORDINAL_LETTERS = {
    "fr": frozenset("abcdefghijklmnopqrstuvwxyzéè-"),
    "en": frozenset("abcdefghijklmnopqrstuvwxyz-"),
}
MAX_ORDINAL_CHARS = 48  # longer than any spelled ordinal that parses
# Connectors allowed inside a spelled-out number: "vingt et un", "two hundred and twelve".
_JOINERS = {"fr": "et", "en": "and"}
MAX_NUMBER_WORDS = 8  # bounds the work spent on one expression, whatever the input


def _word_pattern(lang: str) -> re.Pattern[str]:
    words = "|".join(sorted(WORDS[lang], key=len, reverse=True))
    word = rf"(?:{words})"
    joiner = rf"(?:[\s-]+(?:{_JOINERS[lang]}[\s-]+)?|-)"
    return re.compile(rf"(?<![\w-]){word}(?:{joiner}{word}){{0,{MAX_NUMBER_WORDS - 1}}}(?![\w-])")


_NUMBER_WORDS_LOW = {lang: _word_pattern(lang) for lang in WORDS}
_NUMBER_WORDS = {
    lang: re.compile(rx.pattern, re.IGNORECASE) for lang, rx in _NUMBER_WORDS_LOW.items()
}


class NumberMatch(NamedTuple):
    """Immutable like a frozen dataclass, but built four times faster: a text can
    hold hundreds of thousands of numbers."""

    start: int
    end: int
    value: int


def parse_number(words: str, lang: str) -> int | None:
    """ "1 500", "1,500", "289", "vingt-sept", "twenty-one" -> int; None if not a number."""
    if not isinstance(words, str):
        return None
    return _parse_number(" ".join(words.split()).lower(), "fr" if lang == "fr" else "en")


@lru_cache(maxsize=4096)  # news repeats the same few numbers; adversarial input too
def _parse_number(words: str, lang: str) -> int | None:
    if not words or len(words) > 200:
        return None
    if words[0].isdigit():
        return _parse_digits(words, lang)
    if words.replace("-", " ").split()[-1] in (_JOINERS[lang],):
        return None
    try:
        return int(text2num(words, lang))
    except (ValueError, TypeError, IndexError, KeyError):
        return None


def _parse_digits(words: str, lang: str) -> int | None:
    grouped = re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+", words)
    if grouped:
        separator = words[len(words) - 4]
        if (lang == "fr" and separator == ",") or (lang == "en" and separator != ","):
            return None  # "1,500" is a decimal in French, "1.500" in English
        return int(re.sub(r"\D", "", words))
    return int(words) if words.isdigit() else None


def parse_ordinal(word: str, lang: str) -> int | None:
    """ "troisième", "3e", "1er", "first", "3rd", "twenty-first" -> int; else None."""
    if not isinstance(word, str):
        return None
    return _parse_ordinal(word.strip().lower(), "fr" if lang == "fr" else "en")


@lru_cache(maxsize=4096)
def _parse_ordinal(word: str, lang: str) -> int | None:
    digits = _DIGIT_ORDINAL[lang].fullmatch(word)
    if digits:
        return int(digits.group(1))
    if lang == "fr":
        return _parse_fr_ordinal(word)
    return _parse_en_ordinal(word)


def _parse_fr_ordinal(word: str) -> int | None:
    if word in FR_ORDINAL_WORDS:
        return FR_ORDINAL_WORDS[word]
    match = re.fullmatch(r"(.*?)i[eè]mes?", word)
    if not match:
        return None
    *head, stem = match.group(1).split("-")
    stem = FR_STEM_FIXES.get(stem, stem)
    prefix = "-".join(head) + "-" if head else ""
    for cardinal in (stem, stem + "e"):
        if cardinal in WORDS["fr"]:
            return _parse_number(prefix + cardinal, "fr")
    return None


def _parse_en_ordinal(word: str) -> int | None:
    *head, last = word.split("-")
    if last in EN_ORDINAL_STEMS:
        stem = EN_ORDINAL_STEMS[last]
    elif last.endswith("ieth"):
        stem = last[:-4] + "y"
    elif last.endswith("th"):
        stem = last[:-2]
    else:
        return None
    if stem not in WORDS["en"]:
        return None
    return _parse_number("-".join([*head, stem]), "en")


def find_numbers(text: str, lang: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Cardinal numbers (digits or words) in text[start:end], with offsets into text."""
    lang = "fr" if lang == "fr" else "en"
    end = len(text) if end is None else end
    found = [
        NumberMatch(m.start(), m.end(), value)
        for m in _DIGITS[lang].finditer(text, start, end)
        if (value := _parse_number(m.group(), lang)) is not None
    ]
    low, offset, pattern = _lowered(text, start, end, _NUMBER_WORDS_LOW[lang], _NUMBER_WORDS[lang])
    for m in pattern.finditer(low, start - offset, end - offset):
        found.extend(_split_words(m.group(), m.start() + offset, lang))
    found.sort(key=lambda n: n.start)
    return found


def _lowered(
    text: str, start: int, end: int, fast: re.Pattern[str], caseless: re.Pattern[str]
) -> tuple[str, int, re.Pattern[str]]:
    """(haystack, its offset in text, pattern): text[start - 1:end] lowercased for the
    fast pattern (one character more, for the lookbehinds), or text itself for the
    case-blind one when lowercasing changes the length ("İ" becomes two characters)."""
    offset = max(start - 1, 0)
    low = text[offset:end].lower()
    if len(low) == end - offset:
        return low, offset, fast
    return text, 0, caseless


def _split_words(words: str, offset: int, lang: str) -> list[NumberMatch]:
    """One spelled-out run -> its numbers; "trois et cinq" is two numbers, not none."""
    tokens = [(m.start(), m.end()) for m in re.finditer(r"[^\s-]+", words)]
    out: list[NumberMatch] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):  # longest parsable run first
            piece = words[tokens[i][0] : tokens[j - 1][1]]
            value = _parse_number(piece.lower(), lang)
            if value is not None:
                out.append(NumberMatch(offset + tokens[i][0], offset + tokens[j - 1][1], value))
                i = j
                break
        else:
            i += 1
    return out


def find_ordinals(
    text: str, lang: str, start: int = 0, end: int | None = None
) -> list[NumberMatch]:
    """Ordinals ("troisième", "7e", "premier", "third", "3rd") in text[start:end]."""
    lang = "fr" if lang == "fr" else "en"
    end = len(text) if end is None else end
    found = []
    low, offset, words = _lowered(text, start, end, _WORD_ORDINAL_LOW[lang], _WORD_ORDINAL[lang])
    if words is _WORD_ORDINAL[lang]:  # rare: lowercasing shifts offsets
        spans = [
            (m.start(), m.end(), m.group())
            for pattern in (_DIGIT_ORDINAL[lang], words)
            for m in pattern.finditer(text, start, end)
        ]
    else:
        spans = [
            (m.start() + offset, m.end() + offset, m.group())
            for m in _DIGIT_ORDINAL_LOW[lang].finditer(low, start - offset, end - offset)
        ]
        spans += _word_ordinals(low, offset, start, end, lang)
    for begin, stop, word in spans:
        value = parse_ordinal(word, lang)
        if value is not None:
            found.append(NumberMatch(begin, stop, value))
    found.sort(key=lambda n: n.start)
    return found


def _word_ordinals(
    low: str, offset: int, start: int, end: int, lang: str
) -> list[tuple[int, int, str]]:
    """Spelled ordinals in the lowercased `low` (text[offset:]): each ordinal ending,
    walked back to its word's start, then the whole word checked by the full pattern."""
    letters, whole = _ORDINAL_LETTERS[lang], _WORD_ORDINAL_LOW[lang]
    lo = start - offset
    out = []
    for tail in _ORDINAL_TAIL[lang].finditer(low, lo, end - offset):
        begin = tail.start()
        limit = max(lo, begin - MAX_ORDINAL_CHARS)
        while begin > limit and low[begin - 1] in letters:
            begin -= 1
        if whole.fullmatch(low, begin, tail.end()):
            out.append((begin + offset, tail.end() + offset, low[begin : tail.end()]))
    return out
