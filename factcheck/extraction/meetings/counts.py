"""The count rules: counts of times, of meeting nouns, count adverbs, and the
bare count that repeats a count of meeting nouns."""

from __future__ import annotations

import bisect
import re

from factcheck.extraction.lang import MeetingWords
from factcheck.extraction.lang import shared as S
from factcheck.extraction.lang.shared import MEETING_ADVERB_COUNTS
from factcheck.extraction.meetings.context import (
    WINDOW,
    Context,
    Found,
    Span,
    clause_before,
    verb_before,
    with_prefix,
)
from factcheck.extraction.meetings.phrases import noun_phrase
from factcheck.extraction.model import Sentence
from factcheck.extraction.numbers import NumberMatch

MAX_SHARED = 3  # counts before the one that names the noun: "two ..., three ... and four ..."
GAPPED_WORDS = 3  # ", Xi only three times": a clause this short repeats the verb before it
_CONJUNCTION = re.compile(r"\s*(?:,|\band\b|\bet\b|\bor\b|\bou\b)\s*", re.IGNORECASE)
_COUNT_END = re.compile(r"\s*(?:[,.;!?)—–]|$)")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# An elliptic count is a bare number: not the end of a range ("February 15-16") and
# not an amount in a scale word ("un déficit de 230 millions").
_RANGE_BEFORE = re.compile(r"\d\s?[-–]\s?$")
_DIGIT = re.compile(r"\d")
_ONLY_PREFIX = re.compile(S.MEETING_ONLY_PREFIX, re.IGNORECASE)


def count_times(
    text: str, sentence: Sentence, number: NumberMatch, times: list[int], lex: MeetingWords
) -> Found | None:
    """ "a rencontré Trump à trois reprises", "have met three times", "à huit (8) reprises"."""
    word = lex.times.match(text, number.end)
    if word is None or lex.frequency.match(text, word.end()):
        return None
    before = text[max(sentence.start, number.start - WINDOW) : number.start]
    if lex.approximate.search(before):
        return None
    spelled = text[number.start : number.end].lower()
    single = any(word.groupdict().values())  # "une seule fois"
    if spelled in lex.article_numbers and not (_ONLY_PREFIX.search(before) or single):
        return None  # "une fois que", "encore une fois"
    if not (
        verb_before(text, sentence, number.start, lex)
        or _parallel(text, sentence, number.start, times, lex)
    ):
        return None
    return with_prefix(text, sentence, number.start), word.end(), number.value


def _parallel(text: str, sentence: Sentence, pos: int, times: list[int], lex: MeetingWords) -> bool:
    """ "X l'a rencontré à huit reprises, Y n'en a profité qu'à trois reprises": a count of
    times after another in the sentence, in a clause that repeats it by a pronoun or is
    too short to hold a verb of its own (", Xi only three times")."""
    if not times or times[-1] >= pos:
        return False
    clause = clause_before(text, sentence, pos, lex)
    return bool(lex.parallel_cue.search(clause)) or len(clause.split()) <= GAPPED_WORDS


def count_nouns(
    text: str,
    context: Context,
    number: NumberMatch,
    by_start: dict[int, NumberMatch],
    lex: MeetingWords,
    depth: int = 0,
) -> Found | None:
    """ "These 19 meetings", "trois sommets", "12 separate meetings", and the first count of
    "two ministerial level and nine official level trilateral meetings" (a few counts
    share a noun; the bound keeps a long list linear)."""
    if number.value < 2 or number.value >= 1000:
        return None  # "un sommet" is an article; "the 2019 summit" a year
    end, last = noun_phrase(text, number.end, context, lex, plural=True)
    if (end is not None or last > number.end) and lex.approximate.search(
        text[max(0, number.start - 20) : number.start]
    ):
        return None
    if end is None:
        joined = _CONJUNCTION.match(text, last) if last > number.end else None
        other = by_start.get(joined.end()) if joined and depth < MAX_SHARED else None
        if other is None or count_nouns(text, context, other, by_start, lex, depth + 1) is None:
            return None
        return number.start, last, number.value
    if lex.survey_noun.search(text, number.end, end) and lex.survey.search(
        text, context.sentence.start, context.sentence.end
    ):
        return None  # "a poll based on 1,000 interviews"
    return number.start, end, number.value


def elliptic_counts(
    text: str, sentence: Sentence, numbers: list[NumberMatch], spans: list[Span], lex: MeetingWords
) -> list[Span]:
    """ "Trump had taken part in 95 interviews and Obama reached a scorching 187": a bare
    count at a clause's end, after a count of meeting nouns in the same sentence."""
    nouns = [s for s in spans if s[3] == "meeting.count_nouns"]
    if not nouns:
        return []
    first = min(s[1] for s in nouns)
    taken = sorted((s[0], s[1]) for s in spans)
    starts = [a for a, _ in taken]
    found = []
    for number in numbers:
        if number.start < first:
            continue
        at = bisect.bisect_right(starts, number.start) - 1  # linear on a list of thousands
        if at >= 0 and number.start < max(b for _, b in taken[max(0, at - 2) : at + 1]):
            continue  # inside a claim already made
        if number.value < 2 or _YEAR.fullmatch(text, number.start, number.end):
            continue
        if not _COUNT_END.match(text, number.end):
            continue
        if _RANGE_BEFORE.search(text, max(sentence.start, number.start - 4), number.start):
            continue
        if number.value >= 1000 and not _DIGIT.search(text, number.start, number.end):
            continue  # "millions", "deux mille": an amount, never a number of meetings
        before = clause_before(text, sentence, number.start, lex)
        if lex.approximate.search(before) or lex.count_not_before.search(before):
            continue
        found.append((number.start, number.end, number.value, "meeting.elliptic_count"))
    return found


def adverbs(text: str, sentence: Sentence, times: list[int], lex: MeetingWords) -> list[Found]:
    """ "have met twice", "met only once", "Trump met Kim three times, Xi twice"."""
    found = []
    for m in lex.adverb_times.finditer(text, sentence.start, sentence.end):
        if lex.frequency.match(text, m.end()):
            continue  # "twice a year", "once again"
        if verb_before(text, sentence, m.start(), lex) or _parallel(
            text, sentence, m.start(), times, lex
        ):
            found.append((m.start(), m.end(), MEETING_ADVERB_COUNTS[m.group().lower()]))
    return found
