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


@dataclass(frozen=True, slots=True)
class WeekdayFrom:
    """The first given weekday on or after a day of the month: the US Election Day,
    "the Tuesday after the first Monday in November", is WeekdayFrom(11, 2, 1)."""

    month: int
    day: int
    weekday: int


# What fixes a holiday's day in a given year (dates/resolve.py reads it).
HolidayRule = FixedDay | EasterOffset | NthWeekday | SeasonWeekday | WeekdayFrom


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
    # resolution
    # Present-tense auxiliaries: a weak cue that the date lies ahead ("the offices
    # are closed Friday"), used only when the clause holds no past or future form.
    present_words: frozenset[str]
    # Right before a date that opens its clause: the verb governing it comes
    # after ("and Friday we will say", "et dimanche nous irons").
    clause_openers: frozenset[str]
    # Weather vocabulary: in a forecast, a weekday with no tense cue lies ahead
    # ("Partly cloudy and dry on Friday").
    forecast_words: frozenset[str]
    # Future cues that a past verb before them overrides: "slept until well after
    # daylight Tuesday" is past, "stays in force until Tuesday" ahead.
    weak_future_words: frozenset[str]
    # Verb stems that make the holiday after them a date ("fêtent l'Assomption",
    # "celebrated Thanksgiving"), compared with str.startswith.
    holiday_verbs: tuple[str, ...]
    # One or two words before a year that make it a label, not the year a text
    # without publication date sets ("Fiscal Year 2025", "budget 2026").
    label_year_words: frozenset[str]
    # Between a weekday and its month: "ce vendredi de juin", "a Friday in June".
    weekday_month_links: frozenset[str]
    # Before "'s", these make it the present "is" ("it's now 2am on Sunday"),
    # not a possessive ("Sunday's vote").
    contracted_subjects: frozenset[str]
    # Between a present auxiliary and the date, these put the date before the
    # state it explains ("a man is dead after a shooting on Saturday").
    weak_past_words: frozenset[str]
    # forms
    # Quarters and halves written as codes: the letter, then the index ("T3",
    # "S1 2023", "Q2 24"); the index first ("1H 2024", "3Q24") only with a year.
    part_codes: Mapping[str, int]  # letter -> months per part
    part_codes_after: Mapping[str, int]
    bare_part_words: frozenset[str]  # parts that stand without a year: "au 3e trimestre"
    # Before an ordinal part: one more, not the calendar's ("a second quarter of
    # growth"); French "un premier semestre morose" is the first half.
    part_not_after: frozenset[str]
    part_code_left: frozenset[str]  # before a code without a year: "au T2", "in Q1"
    # A document about a game: its halves and quarters are no dates.
    game_words: frozenset[str]
    # Near a part, a range without a year or a year: a fiscal period, left open
    # ("the third quarter of fiscal 2024", "exercice social : du 1er octobre au
    # 30 septembre", "FY 2024"). Digits after the word count too ("FY25").
    fiscal_words: frozenset[str]
    fiscal_followers: frozenset[str]  # words after "fiscal" that keep it fiscal: "year"
    # Nouns after a pair of consecutive years that make it a season or budget
    # label ("the 2023/24 campaign", "proposed 2018/2019 budget"), and after a
    # year ("the 2024 budget").
    label_nouns: frozenset[str]
    months_first: frozenset[str]  # "les six premiers mois de 2024", "the first six months"
    months_last: frozenset[str]  # "les trois derniers mois de l'année"
    # Decades in two digits: "the late 60s"; near a temperature word or after a
    # possessive they are temperatures ("highs in the 40s") or ages ("in her 50s").
    decade_modifiers: frozenset[str]
    temperature_words: frozenset[str]
    age_possessives: frozenset[str]
    # Range connectors that need no opener between years, months or decades:
    # "the mid-70s through the mid-80s", "June through August".
    range_closers_alone: frozenset[str]
    # A date without a year next to these recurs; it places no one event:
    # "Chaque 15 août", "Chaque année, à la Toussaint", "every year", "normally".
    recurring_words: frozenset[str]
    recurring_links: frozenset[str]  # what may stand between: "chaque année, à la"
    # "the November election", "a June primary": a month before an event noun.
    month_modifier_left: frozenset[str]
    count_fillers: frozenset[str]  # "il y a encore 20 ans"
    closer_tails: frozenset[str]  # after a range closer: "jusqu'à mardi"


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
    decided_by: re.Pattern[str]  # just before it, a decision's split: "by a 7-2 majority"
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
    # Series of talks: "third round of direct talks", "3e round (Alger III) du dialogue".
    series_noun: re.Pattern[str]  # anchored: "round", "tour", "cycle", a noun that needs talks
    series_link: re.Pattern[str]  # anchored after it: "of", "de", "des", an aside first
    talks_noun: re.Pattern[str]  # anchored: what a series is of ("talks", "pourparlers")
    bare_series: re.Pattern[str]  # anchored: "round" alone, a meeting when talks are near
    talks_context: re.Pattern[str]  # searched in the sentence and the one before
    series_stop: re.Pattern[str]  # searched in the sentence: rounds of an election, a match
    adjective: re.Pattern[str]  # anchored: an open class of modifiers ("nuclear", "Indo-Pacific")
    named_body: re.Pattern[str]  # searched in the modifiers: "the 74th UNGA session" is a name
    noun_stop: re.Pattern[str]  # anchored after the noun: a streak ("séance consécutive")
    apposition: re.Pattern[str]  # searched, ends at the ordinal: "Ce sommet, deuxième du genre"
    elliptic_before: re.Pattern[str]  # searched, ends at the ordinal: "the", "la", "Biden's"
    elliptic_not_before: re.Pattern[str]  # "on the 14th", "le 1er": a date, not a meeting
    elliptic_after: re.Pattern[str]  # anchored after an ordinal that stands for its noun
    context_noun: re.Pattern[str]  # searched: the meeting noun an elliptic ordinal stands for
    survey: re.Pattern[str]  # searched in the sentence: "1,000 interviews" of a poll
    survey_noun: re.Pattern[str]  # searched in a count's noun: the nouns a poll also counts
    parallel_cue: re.Pattern[str]  # "Sall n'en a profité qu'à trois reprises": same count again
    count_not_before: re.Pattern[str]  # searched, ends at a bare count: "in", "than", "de"
    elliptic_other: re.Pattern[str]  # nouns nearer an elliptic ordinal: "days", "place"
    first_verb: re.Pattern[str]  # searched: "Moon and Kim first met in April" (1)
    other_event: re.Pattern[str]  # searched before "for the third time": "élue", "won"
    roman_marks: frozenset[str]  # case-sensitive ("Ie", "Xe"): none, no Roman ordinal to read
    not_modifiers: frozenset[str]  # lowercase; never a modifier, even capitalized ("Is", "For")


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
