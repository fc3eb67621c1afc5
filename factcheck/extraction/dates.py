"""Date claims, French and English: absolute, partial and relative dates.

One tokenizing regex pass, then a small hand-written grammar walks the tokens
that can start a date (month and weekday names, digits, cue words). Words
live in dates_tables.py; calendar arithmetic in dates_calendar.py. Every
value is resolved against the publication date when the text leaves the
year open (see eval/GUIDELINES.md, "date").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from factcheck.extraction import dates_calendar as cal
from factcheck.extraction import dates_context as ctx
from factcheck.extraction import dates_tables as T
from factcheck.extraction.dates_resolve import resolve_group
from factcheck.extraction.dates_words import NUMBER_WORDS, read_number
from factcheck.extraction.model import Claim, Document


def _any_case(word: str) -> str:
    """ "qu" -> "[qQ][uU]": case-blind without (?i), which makes the scan 3x slower."""
    return "".join(f"[{c}{c.upper()}]" if c.isalpha() else c for c in word)


# Elisions ("l'", "jusqu'") stay one token so tables can name them; words,
# numbers ("1er", "21st", "1990s" are one word) and single marks. A token
# always starts at a word boundary (the one before took the whole word), so
# elisions need no \b; the leading (?=\S) fails fast on spaces.
_APOSTROPHE = "['’]"
_TOKEN_BODY = (
    "(?:" + "|".join(map(_any_case, ("jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "qu")))
    + "|[ldjmntscLDJMNTSC])" + _APOSTROPHE + r"(?=\w)"
    + "|" + _any_case("aujourd") + _APOSTROPHE + _any_case("hui")
    + r"|\w+|[^\w\s]"
)
# Most words have no apostrophe after them: the possessive first branch takes
# them at once, before the case-blind elision classes are tried.
_TOKEN_BODY = r"\w++(?!['’])|" + _TOKEN_BODY
_TOKEN = re.compile(rf"(?=\S)(?:{_TOKEN_BODY})")
# split() with the token as its one group gives [gap, token, gap, token, ...,
# gap] in C: no Match objects, and the gaps come for free.
_SPLIT = re.compile(rf"(?=\S)({_TOKEN_BODY})")
_DAY_SUFFIX = re.compile(r"(\d{1,2})(?:er|re|ère|ème|e|st|nd|rd|th)?")
_SPACES = frozenset(" \u00a0\u202f\u2009")
# No article states thousands of dates; past this a document is adversarial
# and the cap keeps its cost bounded.
MAX_CLAIMS = 2000
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


PhraseIndex = dict[str, list[tuple[int, dict[tuple[str, ...], object]]]]


def _phrases(table: dict[str, object]) -> PhraseIndex:
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
class _Lang:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: PhraseIndex
    holidays: PhraseIndex
    modifiers: PhraseIndex
    periods: PhraseIndex
    units: dict[str, str]
    seasons: dict[str, str]
    ordinals: dict[str, int]
    last: frozenset[str]
    parts: dict[str, int]
    future: frozenset[str]
    past: frozenset[str]
    triggers: frozenset[str]
    strong: frozenset[str]


def _build(lang: str) -> _Lang:
    relative = _phrases(T.RELATIVE[lang])
    holidays = _phrases(T.HOLIDAYS[lang])
    modifiers = _phrases({m: True for m in T.MODIFIERS[lang]})
    triggers = (
        set(T.MONTHS[lang]) | set(T.WEEKDAYS[lang]) | set(relative) | set(holidays)
        | set(modifiers) | set(T.SEASONS[lang]) | set(T.ORDINALS[lang]) | T.DEICTIC
        | T.LAST_WORDS[lang]
        | T.BEFORE_PAST | T.BEFORE_FUTURE | (NUMBER_WORDS - {"un", "une", "a", "an"})
        | {"mois", "month", "l'", "an", "année", "il", "dans", "in", "the", "les", "ago", "des",
           "aux", "q1", "q2", "q3", "q4", "t1", "t2", "t3", "t4", "'"}
    )
    # Strong words name a date by themselves; the other triggers are function
    # words that only start a date when a strong word follows closely.
    phrase_words = {w for table in (T.RELATIVE[lang], T.HOLIDAYS[lang], T.PERIOD_WORDS[lang])
                    for p in table for w in _phrase_words(p)}
    strong = (
        set(T.MONTHS[lang]) | set(T.WEEKDAYS[lang]) | set(T.SEASONS[lang]) | set(T.UNITS[lang])
        | set(T.QUARTER_WORDS[lang]) | (phrase_words - _FUNCTION_WORDS)
        | {"ago", "time", "années", "y", "q1", "q2", "q3", "q4", "t1", "t2", "t3", "t4"}
    )
    return _Lang(
        T.MONTHS[lang], T.WEEKDAYS[lang], relative, holidays, modifiers,
        _phrases(T.PERIOD_WORDS[lang]), T.UNITS[lang], T.SEASONS[lang], T.ORDINALS[lang],
        T.LAST_WORDS[lang], T.QUARTER_WORDS[lang], T.FUTURE_WORDS[lang], T.PAST_WORDS[lang],
        frozenset(triggers),
        frozenset(strong),
    )


_FUNCTION_WORDS = frozenset({"le", "la", "l'", "d'", "de", "du", "des", "the", "of", "ce", "cet",
                             "cette", "this", "last", "next", "day", "jour", "s", "'", "-"})


def _phrase_words(phrase: str) -> list[str]:
    return [_low(w) for _, _, w in tokenize(phrase)]


_LANGS = {"fr": _build("fr"), "en": _build("en")}


@dataclass(slots=True)
class Item:
    """One date expression over tokens [i, j) before resolution."""

    i: int
    j: int
    kind: str  # day, dayonly, month, year, decade, weekday, rel, holiday, part, season
    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: int | None = None
    rel: tuple[str, int] | None = None
    hol: tuple | None = None
    part: tuple[int, int] | None = None
    direc: int = 0  # -1 "dernier"/"last", +1 "prochain"/"next", 0 open
    strict: bool = False  # "lundi prochain" excludes the publication day


def find(doc: Document) -> list[Claim]:
    """All date claims of a document; never raises."""
    try:
        return _Scanner(doc).run()
    except Exception:  # the pipeline does not catch: a bad date must not lose an article
        return []


class _Scanner:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.lang = doc.lang if doc.lang in _LANGS else "en"
        self.t = _LANGS[self.lang]
        # parts = [gap 0, token 0, gap 1, token 1, ..., last gap]: token k is
        # parts[2k + 1] and the text before it parts[2k].
        self.parts = _SPLIT.split(doc.text)
        self.raws = self.parts[1::2]
        # Every token lowercased in one C-level pass (tokens hold no newline).
        self.joined = "\n".join(self.raws).lower().replace("’", "'")
        self.low = self.joined.split("\n") if self.raws else []
        self.n = len(self.low)
        # tok(k), the hottest call, is a list lookup bound in C: "" padding
        # past the last token (which negative indices reach too) answers for
        # the out-of-range neighbours the grammar peeks at. Slices of low may
        # run into the padding; no table holds "".
        self.low += [""] * _PAD
        self.tok: Callable[[int], str] = self.low.__getitem__
        self.cursor = (0, len(self.parts[0]))  # (token, its offset): see start()
        self.claims: list[Claim] = []
        self.years = ctx.YearContext(doc.text, doc.sentences)
        self.bare_weekdays: list[tuple[int, int]] = []  # (claim index, weekday)
        self.dated_weekdays: dict[int, set[str]] = {}  # weekday -> "mardi 1er juin" dates
        self.parsers = _WORD_PARSERS[self.lang]

    # -- driver ---------------------------------------------------------------
    def run(self) -> list[Claim]:
        claims = self.claims
        k = 0
        for start in self.candidates():
            if start < k:
                continue  # inside the group just read
            if len(claims) >= MAX_CLAIMS:
                break
            word = self.low[start]
            if word[0].isdigit() and not self.digit_worth(start):
                continue
            group = self.group(start)
            if not group:
                continue
            self.emit(group)
            last = group[-1][-1] if isinstance(group[-1], list) else group[-1]
            k = max(start + 1, last.j)
        self.name_bare_weekdays()
        return claims

    def name_bare_weekdays(self) -> None:
        """A bare "mardi" with no tense cue is the "mardi 1er juin" the text writes out."""
        for index, weekday in self.bare_weekdays:
            iso = ctx.dated_weekday(weekday, self.dated_weekdays, self.doc.published)
            old = self.claims[index]
            if iso is not None and old.value != {"date": iso}:
                self.claims[index] = Claim("date", old.start, old.end, old.text, {"date": iso})

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
        if len(word) == 4 or word[-1] == "s" or self.tok(k - 1) in ("en", "'", "q", "t"):
            return True
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
            pos += len("".join(self.parts[2 * known + 1:2 * k + 1]))
        else:
            pos -= len("".join(self.parts[2 * k + 1:2 * known + 1]))
        self.cursor = (k, pos)
        return pos

    def end(self, k: int) -> int:
        return self.start(k) + len(self.raws[k])

    def is_title(self, k: int) -> bool:
        return 0 <= k < self.n and self.raws[k][0].isupper()

    def raw(self, k: int) -> str:
        return self.raws[k]

    # -- groups: ranges and lists --------------------------------------------
    def group(self, k: int) -> list | None:
        """Items starting at k, joined as a range ([a, b]) or a list of items."""
        first = self.item(k, strict=True)
        if first is None:
            return None
        items, joins = [first], []
        opener = first.i - 1
        if self.tok(opener) in _ARTICLES and self.tok(opener - 1) in T.RANGE_OPENERS:
            opener -= 1  # "entre le 3 et le 5 mars"
        closers = T.RANGE_OPENERS.get(self.tok(opener), frozenset())
        if not closers and first.kind == "day" and self.lang == "en":
            closers = T.DAY_RANGE_CLOSERS  # "March 3 to 5": a day range needs no "from"
            opener = first.i + 1
        while len(items) < 12:
            nxt = self.follow(items[-1], closers if len(items) == 1 else frozenset())
            if nxt is None:
                break
            joins.append(nxt[0])
            items.append(nxt[1])
        if len(items) >= 2 and (joins[0] in closers or joins[0] in T.DASHES):
            start = min(opener, first.i) if joins[0] in closers else first.i
            rng = _share([items[0], items[1]])
            rng[0].i = start  # _share made copies: no dataclasses.replace needed
            return [rng, *self.tail(items[2:])]
        return self.tail(items)

    def tail(self, items: list[Item]) -> list:
        shared = _share(items)
        return [it for it in shared if it.kind != "dayonly"]

    def follow(self, last: Item, closers: frozenset[str]) -> tuple[str, Item] | None:
        """The next item of a list or range after `last`, if compatible."""
        k = last.j
        join = self.tok(k)
        if join not in T.LIST_JOINS and join not in T.DASHES and join not in closers:
            return None
        if join == "," and self.tok(k + 1) in ("et", "and", "ou", "or"):
            k += 1
            join = self.tok(k)
        if join in T.DASHES and (self.gap(k) or self.gap(k + 1)) and last.kind != "year":
            return None
        k += 1
        while self.tok(k) in ("le", "les", "the", "l'", "on", "in", "en"):
            k += 1
        if last.kind == "year" and join in T.DASHES:
            short = self.short_year(k, last.y)
            if short is not None:
                return join, short
        nxt = self.item(k, strict=False)
        if nxt is None or not _compatible(last, nxt):
            return None
        return join, nxt

    def short_year(self, k: int, base: int | None) -> Item | None:
        """ "2018-19": the second year written with two digits."""
        word = self.tok(k)
        if base is None or len(word) != 2 or not word.isdigit() or self.gap(k):
            return None
        year = base // 100 * 100 + int(word)
        return Item(k, k + 1, "year", y=year) if year > base else None

    # -- items -----------------------------------------------------------------
    def item(self, k: int, strict: bool) -> Item | None:
        if k >= self.n:
            return None
        word = self.low[k]
        parsers = _DIGIT_PARSERS if word[0].isdigit() else self.parsers.get(word, ())
        for parse in parsers:
            found = parse(self, k, strict)
            if found is not None:
                return found
        return None

    def match(self, index: PhraseIndex, k: int) -> tuple[int, object] | None:
        """Longest phrase of `index` at k: (end token, payload)."""
        for size, phrases in index.get(self.tok(k), ()):
            payload = phrases.get(tuple(self.low[k:k + size]), _MISSING)
            if payload is not _MISSING:
                return k + size, payload
        return None

    def phrase(self, k: int, strict: bool) -> Item | None:
        hit = self.match(self.t.relative, k)
        if hit is not None:
            end = hit[0]
            if hit[1][0] == "day" and self.tok(end) in self.t.weekdays:
                end += 1  # "aujourd'hui vendredi": one day named twice
            return Item(k, end, "rel", rel=hit[1])  # type: ignore[arg-type]
        hit = self.match(self.t.holidays, k)
        if hit is None:
            return None
        end, rule = hit
        year = self.year_at(end, strict=False)
        if year is None and not self.holiday_context(k, end):
            return None
        item = Item(k, end, "holiday", hol=rule)  # type: ignore[arg-type]
        if year is not None:
            item.y, item.j = year.y, year.j
        return item

    def holiday_context(self, k: int, end: int) -> bool:
        if self.is_title(end) and self.tok(end) not in ("et", "and"):
            return False  # "Noël Mamère": a first name
        left = self.tok(k - 1)
        if left != "du" and (self.tok(k) in self.t.weekdays or self.tok(k + 1) in self.t.weekdays):
            # "lundi de Pentecôte", "Good Friday": a day by its very name; not
            # a noun's complement ("l'accord du Vendredi saint" is a name).
            return True
        if self.tok(end) in T.HOLIDAY_NAME_TAILS:
            return False  # "Christmas market", "Easter weekend": a thing or a period named
        at = k - 1 - (left in ("le", "la", "l'", "the"))
        lead = self.tok(at)
        if lead in ("de", "d'", "du", "of"):
            # A noun's complement names a thing ("le marché de Noël", "les
            # vacances de la Toussaint") unless the noun is a day ("le jour de
            # Noël", "cette fête de Pentecôte", "the day of Easter").
            return self.tok(at - 1) in T.HOLIDAY_DAY_NOUNS
        return left in T.HOLIDAY_LEFT or (at < k - 1 and lead in T.HOLIDAY_LEFT)

    def modified(self, k: int, strict: bool) -> Item | None:
        hit = self.match(self.t.modifiers, k)
        if hit is None:
            return None
        end = hit[0]
        period = self.match(self.t.periods, end)
        inner = self.item(end, strict=False)
        if inner is None and period is not None:
            if self.tok(end) in ("d'", "de") and self.tok(k - 1) != "en":
                return None  # "une fête de fin d'année": a label; "en fin d'année": a date
            unit = period[1]
            return Item(k, period[0], "rel", rel=unit)  # type: ignore[arg-type]
        if inner is None or inner.kind not in ("month", "year", "decade", "rel", "day",
                                               "weekday", "season"):
            return None
        if inner.kind == "rel" and inner.rel and inner.rel[0] == "week":
            return None
        inner.i = k
        return inner

    def ordinal_weekday(self, k: int, strict: bool) -> Item | None:
        """A weekday counted in a month or season fixes a day, as a holiday does:
        "le premier lundi de septembre", "the last Sunday in October",
        "le premier dimanche du printemps"."""
        word = self.tok(k)
        n = -1 if word in self.t.last else self.t.ordinals.get(word)
        wd = self.t.weekdays.get(self.tok(k + 1))
        if n is None or wd is None or self.tok(k + 2) not in ("de", "du", "d'", "of", "in"):
            return None
        if self.lang == "en" and not self.is_title(k + 1):
            return None
        at = k + 3 + (self.tok(k + 3) in ("l'", "the"))
        if self.tok(at) == "mois" and self.tok(at + 1) in ("de", "d'"):
            at += 2  # "le premier lundi du mois de mai"
        found = self.month_at(at)
        if found is not None:
            rule, end = ("nth", found[0], wd, n), found[1]
        elif self.tok(at) in self.t.seasons:
            rule, end = ("season", self.t.seasons[self.tok(at)], wd, n), at + 1
        else:
            return None
        item = Item(k, end, "holiday", hol=rule)
        year = self.year_at(end, strict=False)
        if year is not None:
            item.y, item.j = year.y, year.j
        return item

    def weekday(self, k: int, strict: bool) -> Item | None:
        start, w, direc, strict_day = k, k, 0, False
        word = self.tok(k)
        if word in T.DEICTIC or word in T.BEFORE_PAST or word in T.BEFORE_FUTURE:
            w = k + 1
            direc = -1 if word in T.BEFORE_PAST else 1 if word in T.BEFORE_FUTURE else 0
            strict_day = direc != 0
        wd = self.t.weekdays.get(self.tok(w))
        if wd is None or not self.weekday_ok(w):
            return None
        after = w + 1 + (self.tok(w + 1) == ",")
        full = self.day_month(after, strict=False) or self.word_day(after, strict=False)
        if full is not None and full.kind == "day":
            full.i, full.wd = start, wd
            return full
        if start == w and self.tok(k - 1) in T.WEEKDAY_HABIT:
            return None  # "le lundi", "every Monday": a habit, not a day
        if start == w and (self.tok(k - 1) in self.t.ordinals or self.tok(k - 1) in self.t.last):
            return None  # "le premier dimanche du mois": counted, not one day (see ordinal_weekday)
        end = w + 1
        if self.tok(end) in T.AFTER_PAST or self.tok(end) in T.AFTER_FUTURE:
            direc = -1 if self.tok(end) in T.AFTER_PAST else 1
            strict_day, end = True, end + 1
        return Item(start, end, "weekday", wd=wd, direc=direc, strict=strict_day)

    def weekday_ok(self, w: int) -> bool:
        if self.lang == "en" and not self.is_title(w):
            return False
        tail = self.tok(w + 1)
        if tail in T.WEEKDAY_FEAST_TAILS or (self.is_title(w + 1) and tail in T.WEEKDAY_NAME_TAILS):
            return False
        return not (self.is_title(w - 1) and self.tok(w - 1) in T.WEEKDAY_NAME_HEADS)

    def numeric(self, k: int, strict: bool) -> Item | None:
        word = self.tok(k)
        if not word[:1].isdigit():
            return None
        return (self.slashed(k) or self.day_month(k, strict) or self.ago(k)
                or self.decade(k) or self.year_at(k, strict) or self.day_only(k))

    def slashed(self, k: int) -> Item | None:
        """15/11/2024, 15.11.24, 2024-11-15 (French order: day first)."""
        if k + 4 >= self.n + 0 or k + 4 > self.n - 1 + 1:
            return None
        parts = self.low[k:k + 5]
        if len(parts) < 5 or parts[1] not in "/.-" or parts[3] != parts[1]:
            return None
        if any(self.gap(x) for x in range(k + 1, k + 5)):
            return None
        if not all(p.isdigit() for p in parts[0::2]):
            return None
        a, b, c = (int(p) for p in parts[0::2])
        if len(parts[0]) == 4:
            y, m, d = a, b, c
        else:
            d, m, y = a, b, c
            if self.lang == "en" and m > 12 >= d:
                d, m = m, d
            if len(parts[4]) == 2:
                y += 2000 if y < 50 else 1900
            elif len(parts[4]) != 4:
                return None
        if not (1000 <= y <= 2199 and cal.valid(y, m, d)):
            return None
        return Item(k, k + 5, "day", y=y, m=m, d=d)

    def day_value(self, k: int) -> int | None:
        word = self.tok(k)
        if word in self.t.ordinals and word[:1].isdigit():
            return self.t.ordinals[word]
        return _day_number(word)

    def month_at(self, k: int) -> tuple[int, int] | None:
        """A month name at k: (month, end token), with an abbreviation's dot."""
        word = self.tok(k)
        month = self.t.months.get(word)
        if month is None:
            return None
        if self.lang == "en" and not self.is_title(k):
            return None
        end = k + 1
        if word in T.ABBREVIATIONS:
            if self.tok(end) == "." and not self.gap(end):
                end += 1
            elif not self.tok(end)[:1].isdigit():
                return None
        return month, end

    def day_month(self, k: int, strict: bool) -> Item | None:
        """15 novembre [2024], 5th of November, 1er mai 98; en: handled by month()."""
        day = self.day_value(k)
        if day is None:
            return None
        at = k + 1 + (self.tok(k + 1) == "of")
        if self.gap(k + 1) == "":
            if self.tok(at) != "-" or self.gap(at + 1) or self.lang != "fr":
                return None
            at += 1  # "le 14-Juillet", "le 1er-Mai": the day named as a holiday
        found = self.month_at(at)
        if found is None:
            return None
        month, end = found
        return self.finish_day(Item(k, end, "day", m=month, d=day))

    def finish_day(self, item: Item) -> Item | None:
        """Year and direction words after a day or month: "2024", ", 2024", "dernier"."""
        at = item.j + (self.tok(item.j) == "," and self.lang == "en")
        year = self.year_at(at, strict=False, short=True) or self.year_in_words(at)
        if year is not None:
            item.y, item.j = year.y, year.j
        elif self.tok(item.j) in T.AFTER_PAST or self.tok(item.j) in T.AFTER_FUTURE:
            item.direc = -1 if self.tok(item.j) in T.AFTER_PAST else 1
            item.j += 1
        if item.d is not None and item.y is not None and not cal.valid(item.y, item.m, item.d):
            return None
        return item

    def year_in_words(self, k: int) -> Item | None:
        """ "le vingt-sept mars deux mille vingt-deux": a year written out after a month."""
        if self.tok(k) not in NUMBER_WORDS:
            return None
        got = read_number(self.low[k:k + 12])
        if got is None or not 1000 <= got[0] <= 2099:
            return None
        return Item(k, k + got[1], "year", y=got[0])

    def day_only(self, k: int) -> Item | None:
        day = self.day_value(k)
        if day is None or self.tok(k)[-1:] == "s" or self.is_count(k) or self.decimal(k):
            return None
        return Item(k, k + 1, "dayonly", d=day)

    def year_at(self, k: int, strict: bool, short: bool = False) -> Item | None:
        """A year at k: 4 digits, guarded against counts, codes and names."""
        word = self.tok(k)
        if not word.isdigit():
            return None
        short = short or (self.tok(k - 1) in ("en", "'") and self.lang == "fr")
        if len(word) == 2 and short and self.short_year_ok(k):
            value = int(word)
            pub = self.doc.published.date.year if self.doc.published else 2000
            year = 2000 + value if 2000 + value <= pub + 5 else 1900 + value
            return Item(k, k + 1, "year", y=year)
        if len(word) != 4 or not self.year_ok(k, strict):
            return None
        return Item(k, k + 1, "year", y=int(word))

    def short_year_ok(self, k: int) -> bool:
        """ "octobre 98.", "en 97 (": two digits then punctuation, not a noun."""
        if self.is_count(k):
            return False
        nxt = self.tok(k + 1)
        return not nxt or not (nxt[:1].isalnum() and nxt not in ("et", "and", "à", "au"))

    def year_ok(self, k: int, strict: bool) -> bool:
        value = int(self.tok(k))
        left, right = self.tok(k - 1), self.tok(k + 1)
        if not 1000 <= value <= 2099 or self.is_count(k):
            return False
        if left in T.NOT_DATE_LEFT or right in T.COUNT_NOUNS:
            return False
        before = self.tok(k - 2)
        if left == "." and not self.gap(k - 1) and (
                before in T.NOT_DATE_LEFT or (len(before) == 1 and before.isalpha())):
            return False  # "H.R. 2024", "No. 2024", "p. 2024": a code after an abbreviation
        if (self.lang == "en" and left in ("the", "a", "an") and self.is_title(k + 1)
                and right.isalpha() and right not in self.t.strong):
            return False  # "the 2024 Paris Olympics": a year opening a name, as in "Euro 2024"
        if left in ("-", "/") and not self.gap(k) and self.tok(k - 2)[:1].isalpha():
            return left == "-" and self.tok(k - 2) in ("mi", "mid", "end")  # "Development-2024"
        if left[:1].isalpha() and not self.year_left_ok(left):
            return False  # "Euro 2024", "tarifs municipaux 2020": a name or a label
        if right in _RANGE_JOINS and self.is_count(k + 2):
            return False
        if self.tok(k + 2) in T.COUNT_NOUNS and right in _RANGE_JOINS:
            return False
        return value >= 1800 or left in T.YEAR_LEFT

    def year_left_ok(self, left: str) -> bool:
        return (left in T.YEAR_WORD_OK or left in T.MONTH_LEFT or left in T.YEAR_LEFT
                or left in self.t.months or left in T.DEICTIC)

    def is_count(self, k: int) -> bool:
        """A digit group inside a larger number: "2 000", "1,500", "12.000"."""
        word = self.tok(k)
        if not word.isdigit():
            return False
        prev, nxt = self.tok(k - 1), self.tok(k + 1)
        gap_before, gap_after = self.gap(k), self.gap(k + 1)
        if prev.isdigit() and len(prev) <= 3 and gap_before in _SPACES_ONE and len(word) == 3:
            return True
        if nxt.isdigit() and len(nxt) == 3 and gap_after in _SPACES_ONE and len(word) <= 3:
            return True
        if nxt in (",", ".") and not gap_after and len(self.tok(k + 2)) == 3:
            return self.tok(k + 2).isdigit() and not self.gap(k + 2)
        if prev in (",", ".") and not gap_before and self.tok(k - 2).isdigit():
            return not self.gap(k - 1)
        return False

    def decimal(self, k: int) -> bool:
        """ "1,8 %": a decimal number, not a day."""
        if self.tok(k + 1) in (",", ".") and not self.gap(k + 1) and not self.gap(k + 2):
            return self.tok(k + 2)[:1].isdigit()
        return self.tok(k - 1) in (",", ".") and not self.gap(k) and not self.gap(k - 1)

    def decade(self, k: int) -> Item | None:
        """1990s, the '90s (a decade is a 3-digit value: "199")."""
        word = self.tok(k)
        start = k - 1 if self.tok(k - 1) == "'" else k
        if not word.endswith("s") or not word[:-1].isdigit() or len(word) not in (3, 5):
            return None
        digits = word[:-1]
        if len(digits) == 2:
            if start == k and self.tok(k - 1) != "the":
                return None
            digits = ("20" if digits in ("00", "10", "20") else "19") + digits
        if not digits.endswith("0"):
            return None
        return Item(start, k + 1, "decade", y=int(digits[:3]))

    def decade_words(self, k: int, strict: bool) -> Item | None:
        """ "les années 1990", "les années 90", "the 1990s" (the last via numeric)."""
        if self.tok(k) not in ("les", "des", "aux") or self.tok(k + 1) != "années":
            return None
        word = self.tok(k + 2)
        if not word.isdigit() or not word.endswith("0") or len(word) not in (2, 4):
            return None
        digits = word if len(word) == 4 else ("20" if word in ("00", "10", "20") else "19") + word
        return Item(k, k + 3, "decade", y=int(digits[:3]))

    def month(self, k: int, strict: bool) -> Item | None:
        found = self.month_at(k)
        if found is None:
            return None
        month, end = found
        if self.lang == "en":
            day = self.day_value(end) if self.tok(end)[:1].isdigit() else None
            # "July 16", not "May 5:30" nor "March 1,500".
            if (day is not None and not self.is_count(end) and self.tok(end + 1) != ":"
                    and len(self.tok(end)) <= 4 and self.gap(end) in _SPACES_ONE):
                return self.finish_day(Item(k, end + 1, "day", m=month, d=day))
        item = Item(k, end, "month", m=month)
        if self.tok(end) == "of" and self.tok(end + 1).isdigit():
            item.j = end + 1
        finished = self.finish_day(item)
        if finished is None:
            return None
        if strict and finished.y is None and finished.direc == 0 and not self.month_context(k):
            return None
        return finished

    def month_context(self, k: int) -> bool:
        word = self.tok(k)
        left = self.tok(k - 1)
        if self.lang == "en" and word == "may":
            return left in ("in", "since", "until", "early", "late", "mid", "last", "next",
                            "of", "-", "this", "during", "through")
        if self.lang == "fr" and self.raw(k) == "Mars" and left not in ("en", "de", "mi"):
            return False  # the planet
        return left in T.MONTH_LEFT or left in self.t.months

    def month_named(self, k: int, strict: bool) -> Item | None:
        """ "au mois de juin", "the month of June"."""
        if self.tok(k) not in ("mois", "month"):
            return None
        at = k + 1 + (self.tok(k + 1) in ("de", "d'", "of"))
        item = self.month(at, strict=False)
        if item is None or item.kind != "month":
            return None
        item.i = k
        return item

    def year_words(self, k: int, strict: bool) -> Item | None:
        """ "l'an 2000", "l'année 2001", "L'an deux mil trois, le vingt sept mars"."""
        start = k
        if self.tok(k) == "l'":
            k += 1
        if self.tok(k) not in ("an", "année") or start == k:
            return None
        at = k + 1
        if self.tok(at).isdigit():
            year = self.year_at(at, strict=False)
            if year is None:
                return None
            return Item(start, year.j, "year", y=year.y)
        got = read_number(self.low[at:at + 12])
        if got is None or not 1000 <= got[0] <= 2099:
            return None
        end = at + got[1]
        after = end + (self.tok(end) == ",")
        after += self.tok(after) == "le"
        inner = self.item(after, strict=False)
        if inner is not None and inner.kind in ("day", "month") and inner.y is None:
            inner.i, inner.y = start, got[0]
            return inner
        return Item(start, end, "year", y=got[0])

    def word_day(self, k: int, strict: bool) -> Item | None:
        """Days in words: "le vingt sept mars", "le premier mai"."""
        if self.tok(k) not in NUMBER_WORDS:
            return None
        got = read_number(self.low[k:k + 6])
        if got is None or not 1 <= got[0] <= 31:
            return None
        at = k + got[1] + (self.tok(k + got[1]) == "of")
        found = self.month_at(at)
        if found is None:
            return None
        return self.finish_day(Item(k, found[1], "day", m=found[0], d=got[0]))

    def count_at(self, k: int) -> tuple[int, int] | None:
        """A small count in digits or words: (value, end token)."""
        word = self.tok(k)
        if word.isdigit() and len(word) <= 3:
            return int(word), k + 1
        got = read_number(self.low[k:k + 5])
        return (got[0], k + got[1]) if got else None

    def relative_count(self, k: int, strict: bool) -> Item | None:
        """ "il y a deux ans", "dans trois jours", "in nine days' time"."""
        word = self.tok(k)
        if word == "il" and self.tok(k + 1) == "y" and self.tok(k + 2) == "a":
            return self.counted(k, k + 3, -1)
        if word == "dans" and self.lang == "fr":
            return self.counted(k, k + 1, 1)
        if word == "in" and self.lang == "en":
            found = self.counted(k, k + 1, 1)
            if found is None:
                return None
            end = found.j + (self.tok(found.j) == "'")
            if self.tok(end) == "time":
                found.j = end + 1
                return found
            if self.tok(end) == "from" and self.tok(end + 1) == "now":
                found.j = end + 2
                return found
        return None

    def counted(self, start: int, k: int, sign: int) -> Item | None:
        got = self.count_at(k)
        if got is None:
            return None
        unit = self.t.units.get(self.tok(got[1]))
        if unit is None or got[0] > 200 or self.tok(got[1] + 1) in T.NOT_AHEAD_NEXT:
            return None
        return Item(start, got[1] + 1, "rel", rel=(unit, sign * got[0]))

    def ago(self, k: int, strict: bool = True) -> Item | None:
        """ "two years ago", "3 days ago"."""
        got = self.count_at(k)
        if got is None or self.lang != "en":
            return None
        unit = self.t.units.get(self.tok(got[1]))
        if unit is None or self.tok(got[1] + 1) != "ago":
            return None
        return Item(k, got[1] + 2, "rel", rel=(unit, -got[0]))

    def part(self, k: int, strict: bool) -> Item | None:
        """Quarters and halves: "au premier trimestre 2024", "Q1 2024"."""
        word = self.tok(k)
        if len(word) == 2 and word[0] in "qt" and word[1] in "1234":  # "Q1", "T3"
            index, size, end = int(word[1]), 3, k + 1
        else:
            index = self.t.ordinals.get(word)
            size = self.t.parts.get(self.tok(k + 1 + (self.tok(k + 1) == "-")))
            if index is None or size is None or index * size > 12:
                return None
            end = k + 2 + (self.tok(k + 1) == "-")
        at = end + (self.tok(end) in ("de", "of", "du"))
        at += self.tok(at) in ("l'", "the")
        year = self.year_at(at, strict=False)
        if year is None and word[:1] in ("q", "t") and len(word) == 2:
            return None
        first = (index - 1) * size + 1
        item = Item(k, end, "part", part=(first, first + size - 1))
        if year is not None:
            item.y, item.j = year.y, year.j
        return item

    def season(self, k: int, strict: bool) -> Item | None:
        """Seasons give the year: "l'été 2019", "last summer", "cet hiver"."""
        start, s = k, k
        word = self.tok(k)
        direc = 0
        if word in ("l'", "cet", "cette", "ce", "this", "last", "next"):
            s = k + 1
            direc = -1 if word == "last" else 1 if word == "next" else 0
        if self.tok(s) not in self.t.seasons:
            return None
        year = self.year_at(s + 1 + (self.tok(s + 1) in ("de", "of")), strict=False)
        if year is not None:
            return Item(start, year.j, "year", y=year.y)
        after = self.tok(s + 1)
        if after in T.AFTER_PAST or after in T.AFTER_FUTURE:
            direc = -1 if after in T.AFTER_PAST else 1
            return Item(start, s + 2, "season", direc=direc, hol=(self.t.seasons[self.tok(s)],))
        if word in ("cet", "this", "last", "next"):
            return Item(start, s + 1, "season", direc=direc, hol=(self.t.seasons[self.tok(s)],))
        return None

    # -- claims ----------------------------------------------------------------
    def emit(self, group: list) -> None:
        """Claims of a group; the tense cue is read once for all its items."""
        items = [x for entry in group for x in (entry if isinstance(entry, list) else [entry])]
        # The tense is read only when the year or day is left open: most
        # claims ("hier", "en 2018") never need it.
        shared = self.direction(items[0].i, items[-1].j, 0) if _open(items) else 0
        pub = self.doc.published
        for entry in group:
            first, last = (entry[0], entry[-1]) if isinstance(entry, list) else (entry, entry)
            if self.is_publication_line(first.i):
                continue
            direction = first.direc or last.direc or shared
            start = self.start(first.i)
            self.give_context_year(last, start, direction)
            try:
                value = resolve_group(entry, pub, direction)
            except (ValueError, OverflowError):  # a year beyond 1-9999 near the anchor
                value = None
            if value is None:
                continue
            end = self.end(last.j - 1)
            self.remember(entry, value, start, direction)
            self.claims.append(Claim("date", start, end, self.text[start:end], value))

    def give_context_year(self, item: Item, start: int, direction: int) -> None:
        """An open day or month takes the year the text just set, if the tense agrees."""
        if item.kind not in ("day", "month") or item.y is not None or item.m is None:
            return
        if item.direc or item.wd is not None:
            return  # "juin prochain", "vendredi 13 juin": anchored on publication
        year = self.years.year_for(start)
        if year is not None and ctx.fits(year, item.m, item.d, self.doc.published, direction):
            item.y = year

    def remember(self, entry: Item | list[Item], value: dict, start: int, direction: int) -> None:
        """Note what a claim tells later ones: its year, or the date of its weekday."""
        if isinstance(entry, list) or "date" not in value or entry.kind == "decade":
            return  # a range or a decade sets no single year
        date = value["date"]
        # A year alone ("en 97", "l'an dernier") frames what follows; a dated
        # event ("en décembre 2001") is one point, and the next date may be later.
        frame = entry.kind == "year" or (entry.rel is not None and entry.rel[0] == "year")
        self.years.remember(start, int(date[:4]), frame)
        if entry.kind == "day" and entry.wd is not None and len(date) == 10:
            self.dated_weekdays.setdefault(entry.wd, set()).add(date)
        elif entry.kind == "weekday" and not entry.direc and not direction:
            self.bare_weekdays.append((len(self.claims), entry.wd or 0))

    def is_publication_line(self, k: int) -> bool:
        """The article's own dateline or "Publié le ..." line is not a claim."""
        parts = self.parts  # gap x is parts[2x]
        lo = k - 12
        if lo >= 1 and "\n" not in "".join(parts[2 * lo:2 * k + 1:2]):
            return False  # far from the start of its line: the common case
        first = k
        while first > 0 and k - first < 12 and "\n" not in parts[2 * first]:
            first -= 1
        if first > 0 and "\n" not in parts[2 * first]:
            return False
        line = self.low[first:k]
        cues = [x for x, word in enumerate(line) if word in T.PUBLICATION_CUES]
        if cues and cues[0] < 3 and T.PUBLICATION_LINKS.issuperset(line[cues[-1] + 1:]):
            # "Publié le", "Article mis à jour le", "Updated:" open the line;
            # not "The company posted losses in", "Le rapport sera publié cette semaine".
            return True
        head = "".join(parts[2 * first + 1:2 * k + 1])  # the line up to token k
        return bool(_DATELINE.fullmatch(head))

    def direction(self, i: int, j: int, explicit: int) -> int:
        """-1 past, +1 future, 0 open: the nearest tense cue in the clause."""
        if explicit:
            return explicit
        if self.tok(i - 1) in T.FUTURE_LEFT or self.tok(i - 2) in ("jusqu'", "ici"):
            return 1
        low, parts = self.low, self.parts
        words, endings = _CUE_SHAPES[self.lang]
        # Backwards first: the verb governing a time adverbial usually comes first.
        for k in range(i - 1, max(-1, i - 20), -1):
            word = low[k]
            if word in T.CLAUSE_END or "\n" in parts[2 * k + 2]:
                break
            if word in words or word.endswith(endings):  # cheap test before the rules
                found = self.cue(k, i - k - (low[k + 1] in ("le", "ce")))
                if found:
                    return found
        for k in range(j, min(self.n, j + 12)):
            word = low[k]
            if word in T.CLAUSE_END or "\n" in parts[2 * k]:
                break
            if word == "," and low[k + 1:k + 2] and low[k + 1] in T.RELATIVE_PRONOUNS:
                break  # "le recensement de mars, qui devraient être affinés": another clause
            if word in words or word.endswith(endings):
                found = self.cue(k)
                if found:
                    return found
        return 0

    def cue(self, k: int, dist: int = 9) -> int:
        word = self.tok(k)
        if word in self.t.future:
            return 1
        if word in self.t.past:
            return -1
        if self.lang == "en":
            return self.cue_en(k, word)
        return self.cue_fr(k, word, dist)

    def cue_en(self, k: int, word: str) -> int:
        if word == "early" and self.tok(k - 1) == "as":
            return 1  # "as early as Saturday"
        if word == "set" and self.tok(k + 1) in ("to", "for"):
            return 1
        if len(word) > 3 and word.endswith("ed") and word not in T.EN_NOT_PAST:
            if self.tok(k - 1) == "be":
                # A passive takes the tense of its auxiliary: "will be finished
                # before Christmas", "is to be closed from Dec. 24".
                aux = self.tok(k - 2)
                return 1 if aux in self.t.future or aux in T.EN_MODALS else 0
            return -1
        return 0

    def cue_fr(self, k: int, word: str, dist: int = 9) -> int:
        if dist <= 2 and word.endswith(("é", "ée", "és", "ées")) and not self.is_title(k):
            # "annoncées mercredi", "élu le 6 mai": a passive participle, past
            # unless its auxiliary is future ("sera voté avant Noël").
            aux = self.tok(k - 1) if self.tok(k - 1) != "être" else self.tok(k - 2)
            return 1 if aux in self.t.future or aux.endswith(T.FR_FUTURE_ENDINGS) else -1
        if len(word) > 4 and not self.is_title(k) and word.endswith(T.FR_FUTURE_ENDINGS):
            return 1
        if len(word) > 4 and word.endswith(("ait", "aient")):
            return -1
        if word in T.FR_MODALS:
            # "peuvent rêver du podium dimanche": a modal before an infinitive looks ahead.
            nxt = self.tok(k + 1)
            return 1 if nxt.endswith(("er", "ir", "re")) and nxt not in ("avoir", "être") else 0
        if word in T.FR_AUXILIARIES:
            nxt = self.tok(k + 1 + (self.tok(k + 1) in ("été", "déjà", "bien", "pas", "ensuite")))
            if nxt.endswith(_PARTICIPLE) and nxt not in self.t.future:
                return -1
        return 0


_SPACES_ONE = frozenset(_SPACES)
_RANGE_JOINS = T.DASHES | {"à", "to", "et", "and"}
_MISSING = object()
_ARTICLES = frozenset({"le", "la", "les", "l'", "the"})
# Words and endings that cue() can answer for: any other word is no cue.
_CUE_SHAPES: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "fr": (
        T.FUTURE_WORDS["fr"] | T.PAST_WORDS["fr"] | T.FR_AUXILIARIES | T.FR_MODALS,
        ("é", "ée", "és", "ées", "ait", "aient", *T.FR_FUTURE_ENDINGS),
    ),
    "en": (T.FUTURE_WORDS["en"] | T.PAST_WORDS["en"] | {"early", "set"}, ("ed",)),
}
Parser = Callable[[_Scanner, int, bool], "Item | None"]
_DIGIT_PARSERS: tuple[Parser, ...] = (_Scanner.numeric, _Scanner.ago, _Scanner.part)


def _word_parsers(lang: str) -> dict[str, tuple[Parser, ...]]:
    """For each first word, the parsers that can start there, in grammar order.

    Trying only these is what makes a failed start cheap: most candidates
    are function words that no parser accepts.
    """
    t = _LANGS[lang]
    quarters = {f"{q}{i}" for q in "qt" for i in "1234"}
    starts: list[tuple[Parser, set[str]]] = [
        (_Scanner.phrase, set(t.relative) | set(t.holidays)),
        (_Scanner.modified, set(t.modifiers)),
        (_Scanner.ordinal_weekday, set(t.ordinals) | t.last),
        (_Scanner.weekday, set(t.weekdays) | T.DEICTIC | T.BEFORE_PAST | T.BEFORE_FUTURE),
        (_Scanner.month, set(t.months)),
        (_Scanner.year_words, {"l'"}),
        (_Scanner.word_day, set(NUMBER_WORDS)),
        (_Scanner.ago, set(NUMBER_WORDS)),
        (_Scanner.relative_count, {"il", "dans", "in"}),
        (_Scanner.part, set(t.ordinals) | quarters),
        (_Scanner.season, set(t.seasons) | {"l'", "cet", "cette", "ce", "this", "last", "next"}),
        (_Scanner.decade_words, {"les", "des", "aux"}),
        (_Scanner.month_named, {"mois", "month"}),
    ]
    table: dict[str, tuple[Parser, ...]] = {}
    for parse, words in starts:
        for word in words:
            table[word] = (*table.get(word, ()), parse)
    return table


_WORD_PARSERS = {lang: _word_parsers(lang) for lang in _LANGS}
_PARTICIPLE = ("é", "ée", "és", "ées", "i", "is", "ie", "it", "u", "ue", "us", "ert", "int",
               "ort", "ait")
# "PARIS, " or "WASHINGTON (Reuters) - ": an upper-case place opening the line.
_DATELINE = re.compile(r"\s*[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]{1,40},\s*(?:le\s+|on\s+)?")


@lru_cache(maxsize=1024)  # a few dozen distinct numbers per article, each met often
def _day_number(word: str) -> int | None:
    """ "15", "1er", "21st": the day of the month, None past 1-31 or for another word."""
    found = _DAY_SUFFIX.fullmatch(word)
    if found is None:
        return None
    value = int(found.group(1))
    return value if 1 <= value <= 31 else None


def _open(items: list[Item]) -> bool:
    """Whether resolving these items may depend on the tense of the clause."""
    for it in items:
        if it.kind == "weekday" or (it.y is None and it.kind in ("day", "month", "holiday")):
            return True
    return False


def _copy(it: Item) -> Item:
    return Item(it.i, it.j, it.kind, it.y, it.m, it.d, it.wd, it.rel, it.hol, it.part,
                it.direc, it.strict)


def _compatible(a: Item, b: Item) -> bool:
    days = ("day", "dayonly")
    if a.kind in days and b.kind in days:
        return True
    if a.kind == "weekday" and b.kind in ("weekday", "day"):
        return True
    if a.kind == "day" and b.kind == "weekday":
        return False
    return a.kind == b.kind and a.kind in ("month", "year", "decade", "weekday")


def _share(items: list[Item]) -> list[Item]:
    """Items of a list or range share the month, year and direction they lack."""
    if len(items) == 1:
        return items
    out = [_copy(it) for it in items]  # dataclasses.replace costs 4x
    for idx in range(len(out) - 2, -1, -1):  # "les 7 et 8 mai 2018": right to left
        _inherit(out[idx], out[idx + 1])
    for idx in range(1, len(out)):  # "March 3 and 5": left to right, no year between
        if out[idx - 1].y is None:
            _inherit(out[idx], out[idx - 1])
    return out


def _inherit(item: Item, other: Item) -> None:
    if item.kind == "dayonly" and other.m is not None and other.kind == "day":
        item.kind, item.m = "day", other.m
    if item.kind in ("day", "month") and item.y is None and other.kind == item.kind:
        item.y = other.y
    if item.kind in ("day", "month") and item.kind == other.kind and item.y is None:
        item.direc = item.direc or other.direc
    if item.kind == "weekday" and other.kind == "weekday" and not item.direc:
        item.direc = other.direc
