"""The ordinal rules: an ordinal before its meeting noun, in apposition, next to
"time", or standing for a noun the text has just named."""

from __future__ import annotations

import re

from factcheck.extraction.lang import MeetingWords
from factcheck.extraction.meetings.context import (
    Context,
    Found,
    Span,
    clause_before,
    verb_after,
    verb_before,
    with_prefix,
)
from factcheck.extraction.meetings.phrases import noun_phrase
from factcheck.extraction.model import Sentence
from factcheck.extraction.numbers import NumberMatch, find_ordinals, find_roman_ordinals

BEFORE = 60  # characters searched before an ordinal for its apposed noun or determiner
NAMED_BEFORE = 200  # characters searched before an elliptic ordinal for the noun it stands for
_SPACE = re.compile(r"\s+")
_FRONT = re.compile(r"[\s\"“«'‘(—–-]*")


def elliptic_spans(text: str, context: Context, lang: str, lex: MeetingWords) -> list[Span]:
    sentence = context.sentence
    spans = []
    for ordinal in find_ordinals(text, lang, sentence.start, sentence.end):
        found = _elliptic(text, context, ordinal, lex)
        if found:
            spans.append((*found, "meeting.elliptic_ordinal"))
    return spans


def ordinals(text: str, lang: str, sentence: Sentence, lex: MeetingWords) -> list[NumberMatch]:
    """Ordinals in digits, words and Roman numerals ("la XIIe session")."""
    found = find_ordinals(text, lang, sentence.start, sentence.end)
    words = text[sentence.start : sentence.end]
    if any(mark in words for mark in lex.roman_marks):
        found += find_roman_ordinals(text, lang, sentence.start, sentence.end)
    return found


def ordinal_rules(
    text: str,
    context: Context,
    ordinal: NumberMatch,
    by_start: dict[int, NumberMatch],
    by_end: dict[int, NumberMatch],
    lex: MeetingWords,
) -> list[Span]:
    found = _ordinal_noun(text, context, ordinal, by_start, by_end, lex)
    if found:
        return [(*found, "meeting.ordinal_noun")]
    found = _ordinal_time(text, context.sentence, ordinal, lex)
    if found:
        return [(*found, "meeting.ordinal_time")]
    found = _apposition(text, context.sentence, ordinal, lex)
    if found:
        return [(*found, "meeting.ordinal_apposition")]
    found = _elliptic(text, context, ordinal, lex)
    if found:
        return [(*found, "meeting.elliptic_ordinal")]
    return []


def _ordinal_noun(
    text: str,
    context: Context,
    ordinal: NumberMatch,
    by_start: dict[int, NumberMatch],
    by_end: dict[int, NumberMatch],
    lex: MeetingWords,
) -> Found | None:
    """ "leur troisième sommet", "first official summit", "la 7e session du Conseil";
    with a count, the count: "les deux premières réunions", "the first two meetings"."""
    end, _ = noun_phrase(text, ordinal.end, context, lex)
    if end is not None:
        count = _count_before(text, ordinal, by_end) if ordinal.value == 1 else None
        if count is not None:
            return count.start, end, count.value
        return ordinal.start, end, ordinal.value
    if ordinal.value != 1:
        return None
    gap = _SPACE.match(text, ordinal.end)
    count = by_start.get(gap.end()) if gap else None
    if count is None or count.value < 2:
        return None
    end, _ = noun_phrase(text, count.end, context, lex, plural=True)
    return (ordinal.start, end, count.value) if end is not None else None


def _count_before(
    text: str, ordinal: NumberMatch, by_end: dict[int, NumberMatch]
) -> NumberMatch | None:
    """ "deux premières": a count right before "first" counts the meetings."""
    pos = ordinal.start
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    count = by_end.get(pos)
    return count if count is not None and count.value >= 2 and pos < ordinal.start else None


def _apposition(
    text: str, sentence: Sentence, ordinal: NumberMatch, lex: MeetingWords
) -> Found | None:
    """ "Ces nouveaux pourparlers, les troisièmes depuis mai", "Ce sommet, deuxième du genre"."""
    start = max(sentence.start, ordinal.start - BEFORE)
    if text.find(",", start, ordinal.start) == -1 or not lex.elliptic_after.match(
        text, ordinal.end
    ):
        return None  # the cheap tests first: most ordinals stand before their noun
    noun = lex.apposition.search(text, start, ordinal.start)
    if noun is None:
        return None
    return noun.start(), ordinal.end, ordinal.value


def _elliptic(text: str, context: Context, ordinal: NumberMatch, lex: MeetingWords) -> Found | None:
    """ "the second meeting ... and the 14th in the past four years": the ordinal stands for
    a meeting noun named before it in the sentence, or for the count the sentence before
    stated ("La première visite d'état ... La seconde est à l'invitation de Joe Biden")."""
    sentence = context.sentence
    if not lex.elliptic_after.match(text, ordinal.end):
        return None  # "la seconde guerre", "le premier ministre"
    start = max(sentence.start, ordinal.start - BEFORE)
    if not lex.elliptic_before.search(text, start, ordinal.start):
        return None
    if lex.elliptic_not_before.search(text, start, ordinal.start):
        return None  # "on the 14th" is a date
    since = max(sentence.start, ordinal.start - NAMED_BEFORE)
    nouns = list(lex.context_noun.finditer(text, since, ordinal.start))
    if not (nouns or context.after_claim):
        return None
    since = nouns[-1].end() if nouns else since
    if lex.elliptic_other.search(text, since, ordinal.start):
        return None  # "met for two days in a row, Monday being the third": the third day
    return ordinal.start, ordinal.end, ordinal.value


def _ordinal_time(
    text: str, sentence: Sentence, ordinal: NumberMatch, lex: MeetingWords
) -> Found | None:
    """ "met for the first time", "C'est la troisième fois qu'ils se rencontrent",
    "Pour la troisième fois de la semaine, les deux présidents ont échangé par téléphone"."""
    word = lex.time_word.match(text, ordinal.end)
    if word is None or lex.noun_stop.match(text, word.end()):
        return None  # "for the third time in a row": a streak
    start = with_prefix(text, sentence, ordinal.start)
    # Fronted ("Pour la troisième fois, ...") or an aside ("X et Y, pour la première fois
    # depuis 2019, vont se parler"): the verb is in the clause after the next comma.
    fronted = _FRONT.fullmatch(text, sentence.start, start) is not None or text[
        sentence.start : start
    ].rstrip().endswith(",")
    if verb_before(text, sentence, ordinal.start, lex):
        return start, word.end(), ordinal.value
    if not verb_after(text, sentence, word.end(), lex, fronted):
        return None
    if lex.other_event.search(clause_before(text, sentence, start, lex)):
        return None  # "élue pour la deuxième fois ... lors de la réunion": the election repeats
    return start, word.end(), ordinal.value
