"""Meeting noun phrases: "modifiers + meeting noun" after a count or an ordinal.

"second nuclear summit", "14th round India-China Corps Commander Level Meeting",
"third round of direct talks"; a named body ("the 74th UNGA session") is a name.
"""

from __future__ import annotations

import re

from factcheck.extraction.lang import MeetingWords
from factcheck.extraction.meetings.context import Context

# "14th round India-China Corps Commander Level Meeting": a name counts word by word.
MAX_MODIFIERS = 5
MAX_TALKS_MODIFIERS = 3  # "ninth round of India-UK FTA negotiations"
_GAP = re.compile(r"[\s-]+")
# "the second Trump-Kim summit": names are modifiers too; case matters here.
_CAPITALIZED = re.compile(r"[A-Z][\w.]*(?:-[A-Z][\w.]*)*(?=[\s-])")


def _modifier(text: str, at: int, lex: MeetingWords) -> int | None:
    """End of one modifier starting at `at`: a listed word, an adjective, a name."""
    m = lex.modifier.match(text, at) or lex.adjective.match(text, at)
    if m is None and lex.capitalized_modifiers:
        m = _CAPITALIZED.match(text, at)
    if m is None or m.group().lower() in lex.not_modifiers:
        return None
    return m.end()


def noun_phrase(
    text: str, pos: int, context: Context, lex: MeetingWords, plural: bool = False
) -> tuple[int | None, int]:
    """(end of "modifiers + meeting noun" after pos or None, end of the modifiers read)."""
    origin = last = pos
    for _ in range(MAX_MODIFIERS + 1):
        gap = _GAP.match(text, pos)
        if gap is None:
            return None, last
        at = gap.end()
        end = _plural_noun(text, at, lex) if plural else _meeting_noun(text, at, context, lex)
        if end is not None:
            if lex.named_body.search(text, origin, at):
                return None, last  # "the 74th UNGA session" is a name
            return end, last
        modifier = _modifier(text, at, lex)
        if modifier is None:
            return None, last
        pos = last = modifier
    return None, last


def _plural_noun(text: str, at: int, lex: MeetingWords) -> int | None:
    noun = lex.plural_noun.match(text, at)
    if noun is None or lex.noun_stop.match(text, noun.end()):
        return None
    return noun.end()


def _meeting_noun(text: str, at: int, context: Context, lex: MeetingWords) -> int | None:
    """End of a meeting noun at `at`: a listed noun, a series of talks, a bare round."""
    noun = lex.noun.match(text, at)
    if noun is not None:
        if lex.noun_stop.match(text, noun.end()) or lex.named_session.match(text, noun.end()):
            return None  # "la troisième séance consécutive", "the 79th session of the ..."
        return noun.end()
    series = lex.series_noun.match(text, at)
    if series is None:
        return None
    link = lex.series_link.match(text, series.end())
    if link is not None:
        return _talks(text, link.end(), lex)  # "round of talks" yes, "round of voting" no
    if lex.bare_series.match(text, at) and context.talks and not context.stopped:
        return series.end()  # "The 12th round had led to ..." after "rounds of talks"
    return None


def _talks(text: str, pos: int, lex: MeetingWords) -> int | None:
    """ "direct Russian-Ukrainian talks", "India-UK FTA negotiations", "pourparlers"."""
    for _ in range(MAX_TALKS_MODIFIERS + 1):
        talks = lex.talks_noun.match(text, pos)
        if talks is not None:
            return talks.end()
        modifier = _modifier(text, pos, lex)
        gap = _GAP.match(text, modifier) if modifier is not None else None
        if gap is None:
            return None
        pos = gap.end()
    return None
