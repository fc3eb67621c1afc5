"""The date scanner's token layer: one tokenizing pass, then cheap lookups.

Performance notes (the whole date pass must stay well under 1 ms per 5 KB
article; bench/extraction.py measures it):

- One tokenizing pass: `_SPLIT.split` gives [gap, token, gap, ...] in C,
  no Match objects, and the gaps come for free; `split_tokens` gives the same
  list splitting on spaces first, the regex only for chunks that need it.
  Case-blind classes are spelled out (`_any_case`) because (?i) makes the
  scan three times slower, and the possessive first branch takes the common
  word without an apostrophe at once.
- The tokens come lowercased from the split itself: the split runs on the
  document's lowered text (shared with the other kinds), whose tokens have the
  same bounds; the case is read from the text only where a rule asks
  (`is_title`, `raw`). `tok(k)` is a list lookup bound in C, padded past the
  end so that out-of-range neighbours need no bounds checks.
- Token offsets are not stored: `start(k)` walks from the last offset asked
  for, with len("".join(...)) in C; claims come in text order, so the walks add
  up to one pass over the text.
- Candidates come from C-level maps and searches (`candidates`,
  `_digit_starts`): the Python work grows with the number of date anchors, not
  with the number of tokens. Most numbers are counts (`digit_worth`).
- Each first word maps to the few rules that can start there (the trigger
  table in grammar.py): a failed start costs one dict lookup.
- Multi-word phrases are indexed by first token, then by length: one dict
  lookup per length instead of a slice compare per phrase.
- Hot pure functions are cached (`calendar.pick_year`, `numeric._day_number`);
  items are copied by hand, not with dataclasses.replace (4x slower).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import compress, count

from factcheck.extraction.lang import DEFAULT, LEXICONS, DateWords
from factcheck.extraction.lang import shared as S
from factcheck.extraction.model import Document
from factcheck.extraction.numbers import NUMBER_WORDS
from factcheck.extraction.text import doc_lowered


def _any_case(word: str) -> str:
    """ "qu" -> "[qQ][uU]": case-blind without (?i), which makes the scan 3x slower."""
    return "".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in word)


# Elisions ("l'", "jusqu'") stay one token so tables can name them; words,
# numbers ("1er", "21st", "1990s" are one word) and single marks. A token
# always starts at a word boundary (the one before took the whole word), so
# elisions need no \b; the leading (?=\S) fails fast on spaces.
_APOSTROPHE = "['’]"
_TOKEN_BODY = (
    "(?:"
    + "|".join(map(_any_case, S.ELISIONS))
    + f"|[{S.ELIDED_LETTERS}{S.ELIDED_LETTERS.upper()}])"
    + _APOSTROPHE
    + r"(?=\w)"
    + "|"
    + _any_case("aujourd")
    + _APOSTROPHE
    + _any_case("hui")
    + r"|\w+|[^\w\s]"
)
# Most words have no apostrophe after them: the possessive first branch takes
# them at once, before the case-blind elision classes are tried.
_TOKEN_BODY = r"\w++(?!['’])|" + _TOKEN_BODY
_TOKEN = re.compile(rf"(?=\S)(?:{_TOKEN_BODY})")
# split() with the token as its one group gives [gap, token, gap, token, ...,
# gap] in C: no Match objects, and the gaps come for free.
_SPLIT = re.compile(rf"(?=\S)({_TOKEN_BODY})")
SPACES = frozenset(" \u00a0\u202f\u2009")
# Past the last token, more than any rule peeks ahead (at most ~16 tokens)
# or behind the first (at most 3): see _Scanner.tok.
_PAD = 64


def tokenize(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _low(word: str) -> str:
    return word.lower().replace("’", "'")


def _digit_starts(joined: str) -> list[int]:
    """Indices of the tokens that start with a digit, tokens joined by newlines.

    A C-level search for newline-digit plus newline counts between the hits:
    the Python work grows with the numbers, not the words.
    """
    found = [0] if joined[:1].isdigit() else []
    index, last = 0, 0
    for hit in _NEWLINE_DIGIT.finditer(joined):
        index += joined.count("\n", last, hit.end())
        last = hit.end()
        found.append(index)
    return found


_NEWLINE_DIGIT = re.compile(r"\n\d")
_MISSING = object()


PhraseIndex = dict[str, list[tuple[int, dict[tuple[str, ...], object]]]]


def _phrases(table: Mapping[str, object]) -> PhraseIndex:
    """Index multi-word phrases by first token, then by length, longest first.

    One dict lookup per length replaces a slice compare per phrase: "le"
    or "ce" start dozens of phrases. The first phrase written wins a tie.
    """
    index: dict[str, dict[int, dict[tuple[str, ...], object]]] = {}
    for phrase, payload in table.items():
        words = tuple(_phrase_words(phrase))
        index.setdefault(words[0], {}).setdefault(len(words), {}).setdefault(words, payload)
    return {first: sorted(by_len.items(), reverse=True) for first, by_len in index.items()}


@dataclass(frozen=True, slots=True)
class Tables:
    """A language's date words, indexed for the scanner: built once at import."""

    months: Mapping[str, int]
    weekdays: Mapping[str, int]
    relative: PhraseIndex
    holidays: PhraseIndex
    modifiers: PhraseIndex
    periods: PhraseIndex
    units: Mapping[str, str]
    seasons: Mapping[str, str]
    ordinals: Mapping[str, int]
    last: frozenset[str]
    parts: Mapping[str, int]
    future: frozenset[str]
    past: frozenset[str]
    triggers: frozenset[str]
    strong: frozenset[str]
    # Words and endings that the tense cue can answer for: any other word is no cue.
    cue_words: frozenset[str]
    cue_endings: tuple[str, ...]
    range_joins: frozenset[str]
    part_codes: frozenset[str]  # "t3", "s1", "h2": quarters and halves as codes


def _part_codes(w: DateWords) -> frozenset[str]:
    codes = w.part_codes.items()
    return frozenset(f"{c}{index}" for c, size in codes for index in range(1, 12 // size + 1))


def _build(w: DateWords) -> Tables:
    relative = _phrases(w.relative)
    codes = _part_codes(w)
    holidays = _phrases(w.holidays)
    modifiers = _phrases({m: True for m in w.modifiers})
    triggers = (
        set(w.months)
        | set(w.weekdays)
        | set(relative)
        | set(holidays)
        | set(modifiers)
        | set(w.seasons)
        | set(w.ordinals)
        | w.deictic
        | w.last_words
        | w.before_past
        | w.before_future
        | (NUMBER_WORDS - S.ARTICLE_NUMBERS)
        | S.TRIGGER_WORDS
        | codes
    )
    # Strong words name a date by themselves; the other triggers are function
    # words that only start a date when a strong word follows closely.
    # One anchor per phrase is enough to find its start: the longest word that
    # is no function word ("weekend" in "this past weekend", "week" in "ce
    # week-end"), so that "end", "past" or "work" alone cost no candidate.
    phrase_words = {
        _anchor(p) for table in (w.relative, w.holidays, w.period_words) for p in table
    }
    strong = (
        set(w.months)
        | set(w.weekdays)
        | set(w.seasons)
        | set(w.units)
        | set(w.quarter_words)
        | (phrase_words - S.FUNCTION_WORDS)
        | S.STRONG_WORDS
        | codes
    )
    return Tables(
        w.months,
        w.weekdays,
        relative,
        holidays,
        modifiers,
        _phrases(w.period_words),
        w.units,
        w.seasons,
        w.ordinals,
        w.last_words,
        w.quarter_words,
        w.future_words,
        w.past_words,
        frozenset(triggers),
        frozenset(strong),
        w.future_words | w.past_words | w.tense_cue_words,
        w.tense_cue_endings,
        w.dashes | {"à", "to", "et", "and"},
        codes,
    )


def _anchor(phrase: str) -> str:
    words = [word for word in _phrase_words(phrase) if word not in S.FUNCTION_WORDS]
    return max(reversed(words), key=len) if words else ""


def _phrase_words(phrase: str) -> list[str]:
    return [_low(w) for _, _, w in tokenize(phrase)]


TABLES = {code: _build(lex.dates) for code, lex in LEXICONS.items()}


# The characters whose lowercase is not theirs alone: "İ" grows ("i̇", which lowered()
# refuses), and "Σ" ends a word as "ς", within one as "σ", which its neighbours decide.
# A text holding one is split as written, then lowered token by token, as before
# (tests/extraction/test_scanner.py checks that no other character needs it).
LONGER_LOWERCASE = "\u0130"
CONTEXT_LOWERCASE = "\u03a3"


# A word then one of these closes most space-separated chunks of news: "2024," "mars."
_CLOSING_MARKS = frozenset(",.;:!?)]»\"”")
# A mark standing alone between spaces: "«", "–", ":" (French spacing), "/".
_MARKS = _CLOSING_MARKS | frozenset("«“([-–—/:&+=%*•")


def split_tokens(text: str) -> list[str]:
    """_SPLIT.split(text), most of it without the regex engine.

    No token crosses a space, so the text splits on spaces first (in C); a chunk
    that is one word, or a word and a closing mark, is its own tokens, and only
    the others (elisions, brackets, inner newlines...) go through _SPLIT. Each
    regex match costs about as much as a whole chunk's Python step, and most
    chunks are words: about a tenth fewer instructions than the regex split.
    """
    parts: list[str] = []
    gap = ""  # the spaces before the next token, with the separator just passed
    for chunk in text.split(" "):
        if chunk.isalnum():  # \w is what isalnum() accepts, plus "_"
            parts += (gap, chunk)
            gap = " "
        elif not chunk:
            gap += " "
        elif chunk in _MARKS:
            parts += (gap, chunk)
            gap = " "
        elif chunk[-1] in _CLOSING_MARKS and chunk[:-1].isalnum():
            parts += (gap, chunk[:-1], "", chunk[-1])
            gap = " "
        else:
            inner = _SPLIT.split(chunk)
            inner[0] = gap + inner[0]
            gap = inner.pop() + " "
            parts += inner
    parts.append(gap[:-1])  # no separator after the last chunk
    return parts


def _tokens(doc: Document) -> tuple[list[str], list[str]]:
    """[gap 0, token 0, gap 1, ..., last gap] and the tokens lowercased, "’" read "'".

    The lowered text splits into the same tokens as the text (case and the two
    apostrophes never change a token's bounds), so one split gives both: the
    gaps are spaces, the tokens already lowercase. Splitting the text and then
    lowering its tokens (joined, lowered, split again) made and freed a second
    string per token.
    """
    if LONGER_LOWERCASE not in doc.text and CONTEXT_LOWERCASE not in doc.text:
        parts = split_tokens(doc_lowered(doc).replace("’", "'"))
        return parts, parts[1::2]
    parts = _SPLIT.split(doc.text)
    raws = parts[1::2]
    return parts, "\n".join(raws).lower().replace("’", "'").split("\n") if raws else []


class TokenView:
    """Tokens of one document and the questions every date rule asks about them."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lang = doc.lang if doc.lang in TABLES else DEFAULT
        self.t = TABLES[self.lang]
        self.w = LEXICONS[self.lang].dates
        # parts = [gap 0, token 0, gap 1, token 1, ..., last gap]: token k is
        # parts[2k + 1] and the text before it parts[2k]; a token has its
        # length in the text, its case only in self.text (is_title, raw).
        self.parts, self.low = _tokens(doc)
        self.joined = "\n".join(self.low)
        self.n = len(self.low)
        # tok(k), the hottest call, is a list lookup bound in C: "" padding
        # past the last token (which negative indices reach too) answers for
        # the out-of-range neighbours the grammar peeks at. Slices of low may
        # run into the padding; no table holds "".
        self.low += [""] * _PAD
        self.tok: Callable[[int], str] = self.low.__getitem__
        self.cursor = (0, len(self.parts[0]))  # (token, its offset): see start()

    def candidates(self) -> list[int]:
        """Token indices that may start a date, in order.

        A date holds a strong word (a month, "hier") or a number; a function
        word ("le", "in") starts one only when such an anchor follows within
        four tokens. Anchors are found with C-level maps and searches, so the
        Python work grows with the number of anchors, not of tokens.
        """
        low, trig = self.low, self.t.triggers
        strong = compress(count(), map(self.t.strong.__contains__, low))
        anchors = sorted({*strong, *_digit_starts(self.joined)})
        out: list[int] = []
        done = 0
        for a in anchors:
            for k in range(max(done, a - 4), a):
                if low[k] in trig:
                    out.append(k)
            out.append(a)
            done = a + 1
        return out

    def strong_ahead(self, k: int, span: int = 4, digits: bool = True) -> bool:
        """A function-word trigger ("the", "in", "l'") needs a date word soon after."""
        for x in range(k + 1, min(k + 1 + span, self.n)):
            if self.low[x] in self.t.strong or (digits and self.low[x][0].isdigit()):
                return True
        return False

    def digit_worth(self, k: int) -> bool:
        """Most numbers are counts: look closer only at year-like ones or near date words."""
        word = self.low[k]
        if len(word) == 4 or word[-1] == "s" or self.tok(k - 1) in S.YEAR_DIGIT_LEFT:
            return True
        if word[1:2] in self.w.part_codes_after:
            return True  # "1H 2024", "3Q24"
        if self.tok(k + 1) in ("/", ".", "-") and not self.gap(k + 1):
            return True
        return self.strong_ahead(k, span=7, digits=False)

    # tok(k): token k lowercased, "" out of range; set in __init__.

    def gap(self, k: int) -> str:
        """The text between token k-1 and token k."""
        if k <= 0 or k >= self.n:
            return " "
        return self.parts[2 * k]

    def start(self, k: int) -> int:
        """Offset of token k, walked from the last one asked for.

        Claims come in text order, so the walks add up to one pass over the
        text, cheaper than an offset table for every token.
        """
        known, pos = self.cursor
        # len(join) copies characters in C: 3x faster than sum(map(len, ...)).
        if k >= known:
            pos += len("".join(self.parts[2 * known + 1 : 2 * k + 1]))
        else:
            pos -= len("".join(self.parts[2 * k + 1 : 2 * known + 1]))
        self.cursor = (k, pos)
        return pos

    def end(self, k: int) -> int:
        return self.start(k) + len(self.parts[2 * k + 1])

    def is_title(self, k: int) -> bool:
        return 0 <= k < self.n and self.text[self.start(k)].isupper()

    def raw(self, k: int) -> str:
        """Token k as written."""
        start = self.start(k)
        return self.text[start : start + len(self.parts[2 * k + 1])]

    def match(self, index: PhraseIndex, k: int) -> tuple[int, object] | None:
        """Longest phrase of `index` at k: (end token, payload)."""
        for size, phrases in index.get(self.tok(k), ()):
            payload = phrases.get(tuple(self.low[k : k + size]), _MISSING)
            if payload is not _MISSING:
                return k + size, payload
        return None
