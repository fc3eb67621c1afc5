"""The one number reader: digits, number words and ordinals, French and English.

`parse_number` turns one expression into an int; `find_numbers` and
`find_ordinals` locate expressions in a text with their original offsets, so
the claim modules can build spans. Number words go through text2num; the
lexicons (lang/) only decide which tokens may form an expression.
`read_number` reads spelled days and years from a list of date tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from factcheck.extraction.lang import DEFAULT, LEXICONS, NumberWords


def _code(lang: str) -> str:
    return lang if lang in LEXICONS else DEFAULT


def _numbers(lang: str) -> NumberWords:
    return LEXICONS[lang].numbers


def _digits_pattern(words: NumberWords) -> re.Pattern[str]:
    """Digits: thousands grouped by the language's marks; decimals consumed too (so
    "58,5" is not read as 58 and 5) but give no int.

    The pattern starts with a plain \\d and checks the character before it with a
    lookbehind placed after that digit: a pattern that opens with a lookbehind
    makes the regex engine try every position, one starting with \\d lets it skip
    to the next digit (3-4x faster on prose)."""
    group, decimal = re.escape(words.group_marks), re.escape(words.decimal_mark)
    return re.compile(
        rf"\d(?<![\w.,]\d)(?:\d{{0,2}}(?:[{group}]\d{{3}})+(?!\w)|\d*(?:{decimal}\d+)?(?!\w))"
    )


_DIGITS = {code: _digits_pattern(_numbers(code)) for code in LEXICONS}
_DIGIT_ORDINAL_LOW = {
    code: re.compile(
        r"(\d(?<![\w.,]\d)\d{0,3})("
        + "|".join(map(re.escape, _numbers(code).ordinal_suffixes))
        + r")(?![\w])"
    )
    for code in LEXICONS
}
_DIGIT_ORDINAL = {
    lang: re.compile(rx.pattern, re.IGNORECASE) for lang, rx in _DIGIT_ORDINAL_LOW.items()
}
# Word patterns run on lowercased text without IGNORECASE, which the regex engine
# matches about 2-3x faster; _lowered falls back to these case-blind copies when
# lowercasing would shift offsets.
_WORD_ORDINAL_LOW = {code: re.compile(_numbers(code).ordinal_pattern) for code in LEXICONS}
_WORD_ORDINAL = {
    lang: re.compile(rx.pattern, re.IGNORECASE) for lang, rx in _WORD_ORDINAL_LOW.items()
}
# How word ordinals end: searched first, since a regex that tries every word start
# for "…ième" costs 3x more. The word is then walked back and checked whole.
_ORDINAL_TAIL = {code: re.compile(_numbers(code).ordinal_tail) for code in LEXICONS}
MAX_ORDINAL_CHARS = 48  # longer than any spelled ordinal that parses
MAX_NUMBER_WORDS = 8  # bounds the work spent on one expression, whatever the input


def _word_pattern(lang: str) -> re.Pattern[str]:
    """Spelled cardinals, longest word first. The first word is grouped by its first
    letter, the word-start lookbehind placed after that letter: a pattern that opens
    with a lookbehind tries every position, one that opens with an alternation of
    letters lets the engine skip to them (the digits trick above; 2x faster)."""
    ordered = sorted(_numbers(lang).cardinals, key=len, reverse=True)
    word = rf"(?:{'|'.join(ordered)})"
    by_letter: dict[str, list[str]] = {}
    for cardinal in ordered:
        by_letter.setdefault(cardinal[0], []).append(re.escape(cardinal[1:]))
    # A hyphen glues a number word to the next one ("twenty-one") and so bounds a
    # number, except in a tally's "-to-" ("a five-to-four ruling"): two numbers. The
    # idiom "one-to-one" (a format) stays a word.
    first = "|".join(
        rf"{re.escape(letter)}(?:(?<![\w-].)|(?<=-to-.)(?<!one-to-.))(?:{'|'.join(rests)})"
        for letter, rests in by_letter.items()
    )
    joiner = rf"(?:[\s-]+(?:{_numbers(lang).joiner}[\s-]+)?|-)"
    return re.compile(
        rf"(?:{first})(?:{joiner}{word}){{0,{MAX_NUMBER_WORDS - 1}}}"
        r"(?!\w|-(?!to-)|-to-one\b)"
    )


_NUMBER_WORDS_LOW = {lang: _word_pattern(lang) for lang in LEXICONS}
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
    return _parse_number(" ".join(words.split()).lower(), _code(lang))


@lru_cache(maxsize=4096)  # news repeats the same few numbers; adversarial input too
def _parse_number(words: str, lang: str) -> int | None:
    if not words or len(words) > 200:
        return None
    if words[0].isdigit():
        return _parse_digits(words, lang)
    if words.replace("-", " ").split()[-1] == _numbers(lang).joiner:
        return None
    try:
        return int(text2num(words, lang))
    except (ValueError, TypeError, IndexError, KeyError):
        return None


def _parse_digits(words: str, lang: str) -> int | None:
    grouped = re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+", words)
    if grouped:
        separator = words[len(words) - 4]
        if separator not in _numbers(lang).group_marks:
            return None  # "1,500" is a decimal in French, "1.500" in English
        return int(re.sub(r"\D", "", words))
    return int(words) if words.isdigit() else None


def parse_ordinal(word: str, lang: str) -> int | None:
    """ "troisième", "3e", "1er", "first", "3rd", "twenty-first" -> int; else None."""
    if not isinstance(word, str):
        return None
    return _parse_ordinal(word.strip().lower(), _code(lang))


@lru_cache(maxsize=4096)
def _parse_ordinal(word: str, lang: str) -> int | None:
    digits = _DIGIT_ORDINAL[lang].fullmatch(word)
    if digits:
        return int(digits.group(1))
    words = _numbers(lang)
    if word in words.ordinal_words:
        return words.ordinal_words[word]
    *head, last = word.split("-")
    stem = _ordinal_stem(last, words)
    if stem is None:
        return None
    stem = words.stem_fixes.get(stem, stem)
    prefix = "-".join(head) + "-" if head else ""
    for cardinal in (stem + extra for extra in words.stem_candidates):
        if cardinal in words.cardinals:
            return _parse_number(prefix + cardinal, lang)
    return None


def _ordinal_stem(last: str, words: NumberWords) -> str | None:
    """ "troisième" -> "trois", "twentieth" -> "twenty", "first" -> "one"."""
    if last in words.ordinal_stems:
        return words.ordinal_stems[last]
    for ending, replacement in words.ordinal_endings:
        if last.endswith(ending):
            return last[: len(last) - len(ending)] + replacement
    return None


def find_numbers(text: str, lang: str, start: int = 0, end: int | None = None) -> list[NumberMatch]:
    """Cardinal numbers (digits or words) in text[start:end], with offsets into text."""
    lang = _code(lang)
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
    lang = _code(lang)
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
    letters, whole = _numbers(lang).ordinal_letters, _WORD_ORDINAL_LOW[lang]
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


# Roman ordinals: "la XIIe session", "le IIIe sommet". Uppercase only, with the
# language's ordinal suffix right after: "Ve République" reads 5; "MIXe" and "CDe"
# are no numerals, and one C or L with a suffix is a word ("Ce sommet", "Le").
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN = re.compile(r"(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_ORDINAL = {
    code: re.compile(
        r"([IVXLC](?<![\w-][IVXLC])[IVXLC]{0,7})("
        + "|".join(map(re.escape, _numbers(code).ordinal_suffixes))
        + r")(?![\w])"
    )
    for code in LEXICONS
}


def find_roman_ordinals(
    text: str, lang: str, start: int = 0, end: int | None = None
) -> list[NumberMatch]:
    """Roman ordinals ("XIIe", "IIIe", "Ier") in text[start:end], with offsets into text."""
    end = len(text) if end is None else end
    found = []
    for m in _ROMAN_ORDINAL[_code(lang)].finditer(text, start, end):
        numeral = m.group(1)
        if _ROMAN.fullmatch(numeral) and (len(numeral) > 1 or numeral in "IVX"):
            found.append(NumberMatch(m.start(), m.end(), _roman_value(numeral)))
    return found


def _roman_value(numeral: str) -> int:
    total = 0
    for letter, following in zip(numeral, numeral[1:] + " ", strict=True):
        value = _ROMAN_VALUES[letter]
        total += -value if _ROMAN_VALUES.get(following, 0) > value else value
    return total


# --- spelled days and years in date tokens -------------------------------------
#
# The date grammar reads "le vingt-sept mars deux mille vingt-deux" token by
# token, and it accepts the number words of every language we know (today's
# behaviour: the first language listed wins a word both spell).


def _merged(field: str) -> frozenset[str]:
    return frozenset(word for lex in LEXICONS.values() for word in getattr(lex.numbers, field))


_SPELLED: dict[str, int] = {}
for _lex in reversed(LEXICONS.values()):
    _SPELLED.update(_lex.numbers.spelled)
_HUNDREDS = _merged("hundreds")
_THOUSANDS = _merged("thousands")
_SCORES = _merged("score_words")
ARTICLE_ONES = _merged("article_ones")
_GLUE = frozenset({lex.numbers.joiner for lex in LEXICONS.values()} | {"-"})
# Every word that may start or continue a spelled number in a date.
NUMBER_WORDS = frozenset(_SPELLED) | _HUNDREDS | _THOUSANDS


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
        value = _SPELLED.get(word)
        if word in ARTICLE_ONES and seen:
            break
        if word in _THOUSANDS:
            total += (current or 1) * 1000
            current = 0
        elif word in _HUNDREDS:
            current = (current or 1) * 100
        elif word in _SCORES and last == 4:
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
