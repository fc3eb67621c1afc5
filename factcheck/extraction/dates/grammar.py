"""The date grammar: which rules may start at a token, tried in order.

Rules are methods of the scanner (days.py, periods.py, numeric.py), each
reading tokens from k and returning an Item or None. The trigger table maps a
first word to the rules that can start there, so a failed start is cheap:
most candidates are function words that no rule accepts.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.extraction.dates.days import Days
from factcheck.extraction.dates.items import Item
from factcheck.extraction.dates.numeric import Numeric
from factcheck.extraction.dates.periods import Periods
from factcheck.extraction.dates.scanner import TABLES
from factcheck.extraction.lang import LEXICONS
from factcheck.extraction.numbers import NUMBER_WORDS


class Grammar(Days, Periods, Numeric):
    parsers: dict[str, tuple[Parser, ...]]

    def item(self, k: int, strict: bool) -> Item | None:
        if k >= self.n:
            return None
        word = self.low[k]
        parsers = DIGIT_PARSERS if word[0].isdigit() else self.parsers.get(word, ())
        for parse in parsers:
            found = parse(self, k, strict)
            if found is not None:
                return found
        return None


Parser = Callable[[Grammar, int, bool], "Item | None"]
DIGIT_PARSERS: tuple[Parser, ...] = (Grammar.numeric, Grammar.ago, Grammar.part)


def word_parsers(lang: str) -> dict[str, tuple[Parser, ...]]:
    """For each first word, the parsers that can start there, in grammar order."""
    t, w = TABLES[lang], LEXICONS[lang].dates
    quarters = {f"{q}{i}" for q in "qt" for i in "1234"}
    starts: list[tuple[Parser, set[str]]] = [
        (Grammar.phrase, set(t.relative) | set(t.holidays)),
        (Grammar.modified, set(t.modifiers)),
        (Grammar.ordinal_weekday, set(t.ordinals) | t.last),
        (Grammar.weekday, set(t.weekdays) | w.deictic | w.before_past | w.before_future),
        (Grammar.month, set(t.months)),
        (Grammar.year_words, {"l'"}),
        (Grammar.word_day, set(NUMBER_WORDS)),
        (Grammar.ago, set(NUMBER_WORDS)),
        (Grammar.relative_count, {"il", "dans", "in"}),
        (Grammar.part, set(t.ordinals) | quarters),
        (Grammar.season, set(t.seasons) | {"l'", "cet", "cette", "ce", "this", "last", "next"}),
        (Grammar.decade_words, {"les", "des", "aux"}),
        (Grammar.month_named, {"mois", "month"}),
    ]
    table: dict[str, tuple[Parser, ...]] = {}
    for parse, words in starts:
        for word in words:
            table[word] = (*table.get(word, ()), parse)
    return table


WORD_PARSERS = {lang: word_parsers(lang) for lang in LEXICONS}
