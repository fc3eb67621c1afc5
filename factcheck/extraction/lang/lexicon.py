"""The typed, frozen Lexicon: everything one language tells the extractor.

A Lexicon has one part per concern (dates, votes, meetings, numbers). The
kind packages read only these fields: a word list, a cue or a difference
between languages is a field here, never an `if lang == ...` in a grammar.
Word sets are lowercase; phrases are plain text, tokenized by the reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple, Protocol


class Shift(NamedTuple):
    """A relative date: so many units from publication ("hier" is Shift("day", -1))."""

    unit: str  # "day", "week", "month", "year"
    offset: int


@dataclass(frozen=True, slots=True)
class FixedDay:
    """A holiday on the same day every year: Christmas is FixedDay(12, 25)."""

    month: int
    day: int


@dataclass(frozen=True, slots=True)
class EasterOffset:
    """A movable feast, counted in days from Easter Sunday: Ascension is EasterOffset(39)."""

    days: int


@dataclass(frozen=True, slots=True)
class NthWeekday:
    """The n-th weekday of a month (n = -1: the last): Thanksgiving is NthWeekday(11, 3, 4)."""

    month: int
    weekday: int  # 0 Monday .. 6 Sunday
    n: int


@dataclass(frozen=True, slots=True)
class SeasonWeekday:
    """The n-th weekday of a season: "le premier dimanche du printemps"."""

    season: str  # "spring", "summer", "autumn", "winter"
    weekday: int
    n: int


# What fixes a holiday's day in a given year (dates/resolve.py reads it).
HolidayRule = FixedDay | EasterOffset | NthWeekday | SeasonWeekday


class TokenReader(Protocol):
    """What a language's hook may ask about the date tokens (dates/scanner.py)."""

    def tok(self, k: int) -> str: ...  # token k lowercased, "" out of range

    def is_title(self, k: int) -> bool: ...


# tense_cue(tokens, k, word, distance) -> -1 past, +1 future, 0 no cue; word is
# token k, distance how many tokens separate it from the date.
TenseCue = Callable[[TokenReader, int, str, int], int]


@dataclass(frozen=True, slots=True)
class DateWords:
    """Words and switches of the date grammar (factcheck/extraction/dates/)."""

    months: Mapping[str, int]
    # Abbreviations are months only before a dot ("nov.") or a number ("Nov 5").
    abbreviations: frozenset[str]
    weekdays: Mapping[str, int]
    relative: Mapping[str, Shift]  # phrase -> its shift from publication
    holidays: Mapping[str, HolidayRule]
    modifiers: tuple[str, ...]  # "début de", "late": widen the span, keep the precision
    period_words: Mapping[str, Shift]  # "l'année" after a modifier
    units: Mapping[str, str]  # "ans" -> "year" in "il y a deux ans"
    seasons: Mapping[str, str]  # "été" -> "summer"
    ordinals: Mapping[str, int]  # "premier", "1st": counted weekdays and quarters
    last_words: frozenset[str]  # "le dernier dimanche": the n = -1 ordinal
    quarter_words: Mapping[str, int]  # "trimestre" -> 3 months per part
    future_words: frozenset[str]  # tense cues
    past_words: frozenset[str]
    # Words after a date that fix its direction ("dernier", "prochain") and
    # before it ("last", "next"); "ce lundi" leaves it to the verb.
    after_past: frozenset[str]
    after_future: frozenset[str]
    before_past: frozenset[str]
    before_future: frozenset[str]
    deictic: frozenset[str]
    # Weekdays that are part of a name or a feast, or a habit.
    weekday_name_tails: frozenset[str]
    weekday_feast_tails: frozenset[str]
    weekday_name_heads: frozenset[str]
    weekday_habit: frozenset[str]
    # When a holiday name is a date.
    holiday_left: frozenset[str]
    holiday_day_nouns: frozenset[str]
    holiday_name_tails: frozenset[str]
    # Around months and years: what makes a bare month or a number a date.
    month_left: frozenset[str]
    year_left: frozenset[str]
    year_word_ok: frozenset[str]
    count_nouns: frozenset[str]
    not_date_left: frozenset[str]
    # The article's own dateline ("Publié le ...").
    publication_cues: frozenset[str]
    publication_links: frozenset[str]
    # Tense reading.
    clause_end: frozenset[str]
    relative_pronouns: frozenset[str]
    future_left: frozenset[str]
    # The language's own tense reading, past the future and past words: verb
    # endings, auxiliaries, participles. It is asked only about the words and
    # endings listed here (a cheap test before the call).
    tense_cue: TenseCue
    tense_cue_words: frozenset[str]
    tense_cue_endings: tuple[str, ...]
    # Ranges and lists.
    range_openers: Mapping[str, frozenset[str]]
    dashes: frozenset[str]
    list_joins: frozenset[str]
    day_range_closers: frozenset[str]  # "March 3 to 5": a day range without an opener
    not_ahead_next: frozenset[str]
    # How the language writes dates: switches of the grammar.
    names_capitalized: bool  # month and weekday names count only capitalized ("May")
    month_day_order: bool  # "July 16": the month before the day
    comma_before_year: bool  # "July 16, 2024"
    month_first_numeric: bool  # "11/15/2024" when the day cannot be the first number
    dashed_day_names: bool  # "le 14-Juillet": a day named as a holiday
    short_year_left: frozenset[str]  # "en 97": a two-digit year after these
    name_articles: frozenset[str]  # "the 2024 Paris Olympics": a year opening a name
    ambiguous_months: Mapping[str, frozenset[str]]  # "may": a month only after these
    homonym_months: Mapping[str, frozenset[str]]  # "Mars" (the planet) unless after these
    ahead_words: frozenset[str]  # "dans trois jours", "in three days"
    ahead_tails: tuple[tuple[str, ...], ...]  # "in three days' time": required after
    ago_words: frozenset[str]  # "three days ago"


@dataclass(frozen=True, slots=True)
class VoteWords:
    """Tags and cues of the vote grammar (factcheck/extraction/votes/)."""

    words: dict[str, str]  # lowercased single word -> tag
    phrases: re.Pattern[str]  # multi-word labels; the group name is the tag
    cue: frozenset[str]  # lowercase literals; a sentence without any holds no vote
    context: re.Pattern[str]  # the sentence is about a vote (needed for bare "52-47")
    blockers: re.Pattern[str]  # polls, candidates, elections: not a vote on a motion
    hypothetical: re.Pattern[str]  # just before a tally: "if", "would", "il fallait"
    acquire: re.Pattern[str]  # just before a lone count: "a recueilli", "received"
    failure: re.Pattern[str]  # the motion as worded failed ("rejected", "sank")
    success: re.Pattern[str]  # the motion as worded passed
    unanimous: re.Pattern[str]
    unanimous_context: re.Pattern[str]  # needed around a bare adverb ("unanimously")
    not_unanimous: re.Pattern[str]  # just before: negation, a rule of procedure
    range_start: frozenset[str]  # "from 751 to 705" is a range, not a tally
    standing: re.Pattern[str]  # just after a bare pair: a balance of seats ("51-49 majority")
    # After a comma, a name list that a verb label closes ("parmi lesquels", "including").
    list_openers: frozenset[str]
    threshold_after: re.Pattern[str]  # anchored after a count: "nécessaires", "needed"
    clause_end: re.Pattern[str]  # where a clause ends: blockers and outcomes stop there
    question: re.Pattern[str]  # a sentence that asks: its unanimity states no result


@dataclass(frozen=True, slots=True)
class MeetingWords:
    """Nouns, verbs and cues of the meeting grammar (factcheck/extraction/meetings/)."""

    capitalized_modifiers: bool  # "the second Trump-Kim summit": names as modifiers

    cue: frozenset[str]  # lowercase literals; a sentence without any holds no meeting
    noun: re.Pattern[str]  # a meeting noun, anchored where the ordinal's phrase goes on
    plural_noun: re.Pattern[str]  # "19 meetings", "trois sommets"
    modifier: re.Pattern[str]  # words allowed between the ordinal and the noun
    named_session: re.Pattern[str]  # right after the noun: a numbered session as a name
    verb: re.Pattern[str]  # meeting verbs, searched in the clause before a count
    times: re.Pattern[str]  # anchored after a cardinal: "fois", "times", "reprises"
    time_word: re.Pattern[str]  # anchored after an ordinal: "fois", "time"
    adverb_times: re.Pattern[str]  # "twice", "once": a count without a number
    frequency: re.Pattern[str]  # anchored after the count: "par an", "a year"
    approximate: re.Pattern[str]  # just before a count: "plus de", "more than"
    boundary: re.Pattern[str]  # a clause edge the verb search does not cross
    article_numbers: frozenset[str]  # "un sommet" is an article, not a count
    # Lowercase literals, one inside every match of times, time_word, noun and
    # plural_noun: a sentence holding none has no count or ordinal to look for.
    anchors: frozenset[str]


@dataclass(frozen=True, slots=True)
class NumberWords:
    """How a language writes numbers (factcheck/extraction/numbers.py)."""

    cardinals: frozenset[str]  # words text2num reads: "vingt", "hundred"
    ordinal_words: Mapping[str, int]  # whole-word ordinals: "premier", "seconde"
    ordinal_stems: Mapping[str, str]  # irregular last parts: "first" -> "one"
    stem_fixes: Mapping[str, str]  # "cinqu" -> "cinq"
    ordinal_suffixes: tuple[str, ...]  # after digits: "e", "er", "th"
    # Spelled ordinals: endings dropped from the last word ("ième", "th"), what
    # may be added back to find the cardinal ("quatr" + "e"), the regex of a
    # whole ordinal word, the regex of its ending (searched first: cheaper) and
    # the letters an ordinal word is made of.
    ordinal_endings: tuple[tuple[str, str], ...]
    stem_candidates: tuple[str, ...]
    ordinal_pattern: str
    ordinal_tail: str
    ordinal_letters: frozenset[str]
    # Digits: the marks grouping thousands ("1 500", "1,500") and the decimal mark.
    group_marks: str
    decimal_mark: str
    joiner: str  # inside a spelled number: "vingt et un", "hundred and twelve"
    # The small reader of spelled days and years in dates ("vingt-six", "deux
    # mil trois", "thirty-first"): values, multipliers and two quirks.
    spelled: Mapping[str, int]
    hundreds: frozenset[str]
    thousands: frozenset[str]
    score_words: frozenset[str]  # "quatre-vingt": the 4 before becomes 80
    article_ones: frozenset[str]  # "a", "an": one only as the first word


@dataclass(frozen=True, slots=True)
class Lexicon:
    code: str  # ISO 639-1
    # Language detection (language.py): function words frequent in this
    # language and rare in the others, and lingua's name for it.
    function_words: frozenset[str]
    lingua_name: str
    dates: DateWords
    votes: VoteWords
    meetings: MeetingWords
    numbers: NumberWords
