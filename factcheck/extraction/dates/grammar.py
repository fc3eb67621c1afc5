"""The date grammar: every rule by name, and which rules may start at a token.

A rule is a scanner method (days.py, periods.py, numeric.py) that reads
tokens from k and returns an Item or None. RULES lists the rules a date may
start with, in the order they are tried, each with its name (what
`python -m factcheck.extraction --explain` prints) and the first words it can
start at; the trigger table built from it makes a failed start cheap: most
candidates are function words that no rule accepts. SUB_RULES names the
rules that only run inside others ("date.year" after "15 novembre").

Adding a rule: write the method, give it a name here; docs/extraction.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from factcheck.extraction.dates.days import Days
from factcheck.extraction.dates.items import Item
from factcheck.extraction.dates.numeric import Numeric
from factcheck.extraction.dates.periods import Periods
from factcheck.extraction.dates.scanner import TABLES, Tables
from factcheck.extraction.lang import LEXICONS, DateWords
from factcheck.extraction.lang import shared as S
from factcheck.extraction.numbers import NUMBER_WORDS


class Grammar(Days, Periods, Numeric):
    parsers: dict[str, tuple[Parser, ...]]  # the trigger table of the document's language
    digit_parsers: tuple[Parser, ...]

    def item(self, k: int, strict: bool) -> Item | None:
        """The first rule that reads a date at token k (strict: as a group's first item)."""
        if k >= self.n:
            return None
        word = self.low[k]
        parsers = self.digit_parsers if word[0].isdigit() else self.parsers.get(word, ())
        for parse in parsers:
            found = parse(self, k, strict)
            if found is not None:
                return found
        return None


Parser = Callable[[Grammar, int, bool], "Item | None"]
StartWords = Callable[[Tables, DateWords], set[str]]


class Rule(NamedTuple):
    name: str
    parse: Parser
    starts: StartWords  # the first words it may start at, in a language


_MONTH_COUNT_STARTS = S.DEFINITE_ARTICLES | S.DECADE_LEADS  # "les six premiers mois"

RULES: tuple[Rule, ...] = (
    Rule("date.relative", Grammar.relative, lambda t, w: set(t.relative)),
    Rule("date.holiday", Grammar.holiday, lambda t, w: set(t.holidays)),
    Rule("date.modifier", Grammar.modified, lambda t, w: set(t.modifiers)),
    Rule("date.ordinal_weekday", Grammar.ordinal_weekday, lambda t, w: set(t.ordinals) | t.last),
    Rule(
        "date.weekday",
        Grammar.weekday,
        lambda t, w: set(t.weekdays) | w.deictic | w.before_past | w.before_future,
    ),
    Rule("date.month", Grammar.month, lambda t, w: set(t.months)),
    Rule("date.year_words", Grammar.year_words, lambda t, w: {"l'"}),  # "l'an 2000"
    Rule("date.day_in_words", Grammar.word_day, lambda t, w: set(NUMBER_WORDS)),
    Rule("date.ago", Grammar.ago, lambda t, w: set(NUMBER_WORDS)),
    Rule(
        "date.relative_count",
        Grammar.relative_count,
        lambda t, w: {S.PAST_COUNT_OPENER[0]} | w.ahead_words,
    ),
    Rule("date.quarter", Grammar.part, lambda t, w: set(t.ordinals) | t.part_codes),
    Rule(
        "date.first_months",
        Grammar.first_months,
        lambda t, w: _MONTH_COUNT_STARTS | w.months_first | w.months_last | NUMBER_WORDS,
    ),
    Rule(
        "date.season",
        Grammar.season,
        lambda t, w: set(t.seasons) | S.SEASON_LEADS,
    ),
    Rule("date.decade_words", Grammar.decade_words, lambda t, w: set(S.DECADE_LEADS)),
    Rule("date.month_named", Grammar.month_named, lambda t, w: set(S.MONTH_NOUNS)),
)
_BY_NAME = {rule.name: rule for rule in RULES}
# A token starting with a digit tries these, in this order.
DIGIT_RULES: tuple[Rule, ...] = (
    Rule("date.digits", Grammar.numeric, lambda t, w: set()),
    _BY_NAME["date.ago"],  # "3 days ago"
    # numeric() leaves these to them: "3e trimestre", "1H 2024", "6 premiers mois"
    _BY_NAME["date.quarter"],
    _BY_NAME["date.first_months"],
)
# Rules that run only inside others; named so that a trace shows them.
SUB_RULES: tuple[tuple[str, Callable[..., Item | None]], ...] = (
    ("date.slashed", Grammar.slashed),
    ("date.day_month", Grammar.day_month),
    ("date.decade", Grammar.decade),
    ("date.year", Grammar.year_at),
    ("date.day_only", Grammar.day_only),
    ("date.spelled_year", Grammar.year_in_words),
    ("date.counted", Grammar.counted),
)


def trigger_table(lang: str, rules: tuple[Rule, ...] = RULES) -> dict[str, tuple[Parser, ...]]:
    """For each first word, the parsers that can start there, in grammar order."""
    t, w = TABLES[lang], LEXICONS[lang].dates
    table: dict[str, tuple[Parser, ...]] = {}
    for rule in rules:
        for word in rule.starts(t, w):
            table[word] = (*table.get(word, ()), rule.parse)
    return table


WORD_PARSERS = {lang: trigger_table(lang) for lang in LEXICONS}
DIGIT_PARSERS: tuple[Parser, ...] = tuple(rule.parse for rule in DIGIT_RULES)
