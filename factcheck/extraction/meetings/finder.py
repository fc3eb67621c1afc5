"""meeting_count claims: how many times named parties have met, fr and en.

Three shapes, each read from the lexicon (lang/, MeetingWords):
- an ordinal before a meeting noun: "leur troisième sommet", "the 7th session";
- an ordinal or a count of times next to a meeting verb: "met for the first
  time", "a rencontré Trump à trois reprises", "have met twice";
- a count of meeting nouns: "These 19 meetings", "trois sommets".
A count of other events ("élu à trois reprises") has no meeting verb or noun
in its clause, and a frequency ("deux fois par an") is not a count.
"""

from __future__ import annotations

import re

from factcheck.extraction.lang import MeetingWords, lexicon
from factcheck.extraction.lang import shared as S
from factcheck.extraction.lang.shared import MEETING_ADVERB_COUNTS, MEETING_FILLERS
from factcheck.extraction.model import Claim, Document, Sentence
from factcheck.extraction.numbers import NumberMatch, find_numbers, find_ordinals
from factcheck.extraction.text import cue_sentences, lowered

MAX_MODIFIERS = 2  # "first official summit", "the second Trump-Kim summit"
WINDOW = 80  # characters searched for a meeting verb on each side of a count
_GAP = re.compile(r"[\s-]+")
# "the second Trump-Kim summit": names are modifiers too; case matters here.
_CAPITALIZED = re.compile(r"[\s-]+[A-Z][\w.]*(?:-[A-Z][\w.]*)*(?=[\s-])")
_TO_PREFIX = re.compile(S.MEETING_TIMES_PREFIX, re.IGNORECASE)
_ONLY_PREFIX = re.compile(S.MEETING_ONLY_PREFIX, re.IGNORECASE)
# No article states thousands of these; past this a document is adversarial
# and the cap keeps its cost bounded.
MAX_CLAIMS = 2000


def find(doc: Document) -> list[Claim]:
    try:
        lex = lexicon(doc.lang).meetings
        low = lowered(doc.text)
        claims: list[Claim] = []
        for sentence in cue_sentences(doc.text, doc.sentences, lex.cue, low):
            claims.extend(_in_sentence(doc.text, low, sentence, doc.lang, lex))
            if len(claims) >= MAX_CLAIMS:
                return claims[:MAX_CLAIMS]
        return claims
    except Exception:  # a rule bug must cost one kind of claim, never the document
        return []


# The number searches are the costly part, and the cue words ("time", "talk",
# "session") are common: a sentence without an anchor after which a count or an
# ordinal could stand skips them. str.find on literals beats any regex here.
GATE_SLACK = 100  # an anchor may run past the sentence's end ("met 3\n\ntimes")


def _in_sentence(
    text: str, low: str, sentence: Sentence, lang: str, lex: MeetingWords
) -> list[Claim]:
    spans: list[Span] = []
    window = low[sentence.start : sentence.end + GATE_SLACK]
    if any(anchor in window for anchor in lex.anchors):
        for ordinal in find_ordinals(text, lang, sentence.start, sentence.end):
            found, rule = _ordinal_noun(text, ordinal, lex), "meeting.ordinal_noun"
            if found is None:
                found, rule = _ordinal_time(text, sentence, ordinal, lex), "meeting.ordinal_time"
            if found:
                spans.append((*found, rule))
        for number in find_numbers(text, lang, sentence.start, sentence.end):
            found, rule = _count_times(text, sentence, number, lex), "meeting.count_times"
            if found is None:
                found, rule = _count_nouns(text, number, lex), "meeting.count_nouns"
            if found:
                spans.append((*found, rule))
    spans.extend((*found, "meeting.adverb") for found in _adverbs(text, sentence, lex))
    return [_claim(text, span) for span in _without_overlaps(spans)]


# (start, end, count, the name of the rule that found it)
Span = tuple[int, int, int, str]


def _claim(text: str, span: Span) -> Claim:
    start, end, count, rule = span
    return Claim("meeting_count", start, end, text[start:end], {"count": count}, rules=(rule,))


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


# --- ordinals --------------------------------------------------------------


def _ordinal_noun(
    text: str, ordinal: NumberMatch, lex: MeetingWords
) -> tuple[int, int, int] | None:
    """ "leur troisième sommet", "first official summit", "la 7e session du Conseil"."""
    pos = ordinal.end
    for _ in range(MAX_MODIFIERS + 1):
        gap = _GAP.match(text, pos)
        if gap is None:
            return None
        noun = lex.noun.match(text, gap.end())
        if noun is not None:
            if lex.named_session.match(text, noun.end()):
                return None  # "the 79th session of the General Assembly" is a name
            return ordinal.start, noun.end(), ordinal.value
        modifier = lex.modifier.match(text, gap.end()) or _capitalized(text, pos, lex)
        if modifier is None:
            return None
        pos = modifier.end()
    return None


def _capitalized(text: str, pos: int, lex: MeetingWords) -> re.Match[str] | None:
    return _CAPITALIZED.match(text, pos) if lex.capitalized_modifiers else None


def _ordinal_time(
    text: str, sentence: Sentence, ordinal: NumberMatch, lex: MeetingWords
) -> tuple[int, int, int] | None:
    """ "met for the first time", "C'est la troisième fois qu'ils se rencontrent"."""
    word = lex.time_word.match(text, ordinal.end)
    if word is None:
        return None
    if not (
        _verb_before(text, sentence, ordinal.start, lex)
        or _verb_after(text, sentence, word.end(), lex)
    ):
        return None
    return _with_prefix(text, sentence, ordinal.start), word.end(), ordinal.value


# --- counts ----------------------------------------------------------------


def _count_times(
    text: str, sentence: Sentence, number: NumberMatch, lex: MeetingWords
) -> tuple[int, int, int] | None:
    """ "a rencontré Trump à trois reprises", "have met three times"."""
    word = lex.times.match(text, number.end)
    if word is None or lex.frequency.match(text, word.end()):
        return None
    before = text[max(sentence.start, number.start - WINDOW) : number.start]
    if lex.approximate.search(before):
        return None
    spelled = text[number.start : number.end].lower()
    if spelled in lex.article_numbers and not _ONLY_PREFIX.search(before):
        return None  # "une fois que", "encore une fois"
    if not _verb_before(text, sentence, number.start, lex):
        return None
    return _with_prefix(text, sentence, number.start), word.end(), number.value


def _count_nouns(text: str, number: NumberMatch, lex: MeetingWords) -> tuple[int, int, int] | None:
    """ "These 19 meetings", "trois sommets": a plural noun right after the count."""
    gap = re.compile(r"\s+").match(text, number.end)
    if gap is None or number.value < 2 or number.value >= 1000:
        return None  # "un sommet" is an article; "the 2019 summit" a year
    noun = lex.plural_noun.match(text, gap.end())
    if noun is None:
        return None
    if lex.approximate.search(text[max(0, number.start - 20) : number.start]):
        return None
    return number.start, noun.end(), number.value


def _adverbs(text: str, sentence: Sentence, lex: MeetingWords) -> list[tuple[int, int, int]]:
    """ "have met twice", "met only once"."""
    found = []
    for m in lex.adverb_times.finditer(text, sentence.start, sentence.end):
        if lex.frequency.match(text, m.end()):
            continue  # "twice a year", "once again"
        if _verb_before(text, sentence, m.start(), lex):
            found.append((m.start(), m.end(), MEETING_ADVERB_COUNTS[m.group().lower()]))
    return found


# --- context ---------------------------------------------------------------


def _verb_before(text: str, sentence: Sentence, pos: int, lex: MeetingWords) -> bool:
    """A meeting verb in the same clause, before pos."""
    window = text[max(sentence.start, pos - WINDOW) : pos]
    edges = [m.end() for m in lex.boundary.finditer(window)]
    # "se sont entretenus, pour la première fois,": an aside of filler words does not
    # end the clause, but "Kim, who met Trump, tested missiles" does.
    while edges and all(w.lower() in MEETING_FILLERS for w in window[edges[-1] :].split()):
        edges.pop()
    clause = window[edges[-1] :] if edges else window
    return bool(lex.verb.search(clause))


def _verb_after(text: str, sentence: Sentence, pos: int, lex: MeetingWords) -> bool:
    """ "la troisième fois que les deux dirigeants se rencontrent"."""
    window = text[pos : min(sentence.end, pos + WINDOW)]
    edge = lex.boundary.search(window)
    clause = window[: edge.start()] if edge else window
    return bool(lex.verb.search(clause))


def _with_prefix(text: str, sentence: Sentence, start: int) -> int:
    """Take "à" in "à trois reprises" and "pour la" in "pour la première fois" into the span."""
    prefix = _TO_PREFIX.search(text, max(sentence.start, start - 12), start)
    return prefix.start() if prefix else start
