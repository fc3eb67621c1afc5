"""meeting_count claims: how many times named parties have met, fr and en.

The shapes, each read from the lexicon (lang/, MeetingWords):
- an ordinal before a meeting noun: "leur troisième sommet", "the 7th session",
  with modifiers between ("second nuclear summit", "14th round India-China
  Corps Commander Level Meeting") and series of talks ("third round of direct
  talks", "3e round (Alger III) du dialogue"); "les deux premières réunions" is 2;
- an ordinal after its noun, in apposition: "Ce sommet, deuxième du genre";
- an ordinal standing for a noun the text has just named: "the second meeting
  ... and the 14th in the past four years", "La seconde est à l'invitation";
- an ordinal or a count of times next to a meeting verb: "met for the first
  time", "a rencontré Trump à trois reprises", "have met twice", and the same
  count again in a parallel clause ("Sall n'en a profité qu'à trois reprises");
- a count of meeting nouns: "These 19 meetings", "12 separate meetings", "two
  ministerial level and nine official level meetings", and the count that
  repeats it without the noun ("95 interviews ... Obama reached 187").
A count of other events ("élu à trois reprises") has no meeting verb or noun
in its clause, and a frequency ("deux fois par an") is not a count.
"""

from __future__ import annotations

import bisect
import re

from factcheck.extraction.lang import MeetingWords, lexicon
from factcheck.extraction.lang import shared as S
from factcheck.extraction.lang.shared import MEETING_ADVERB_COUNTS, MEETING_FILLERS
from factcheck.extraction.model import Claim, Document, Sentence
from factcheck.extraction.numbers import (
    NumberMatch,
    find_numbers,
    find_ordinals,
    find_roman_ordinals,
)
from factcheck.extraction.text import cue_sentences, lowered

# "14th round India-China Corps Commander Level Meeting": a name counts word by word.
MAX_MODIFIERS = 5
MAX_TALKS_MODIFIERS = 3  # "ninth round of India-UK FTA negotiations"
WINDOW = 80  # characters searched for a meeting verb on each side of a count
BEFORE = 60  # characters searched before an ordinal for its apposed noun or determiner
NAMED_BEFORE = 200  # characters searched before an elliptic ordinal for the noun it stands for
MAX_SHARED = 3  # counts before the one that names the noun: "two ..., three ... and four ..."
GAPPED_WORDS = 3  # ", Xi only three times": a clause this short repeats the verb before it
_GAP = re.compile(r"[\s-]+")
_SPACE = re.compile(r"\s+")
# "the second Trump-Kim summit": names are modifiers too; case matters here.
_CAPITALIZED = re.compile(r"[A-Z][\w.]*(?:-[A-Z][\w.]*)*(?=[\s-])")
_CONJUNCTION = re.compile(r"\s*(?:,|\band\b|\bet\b|\bor\b|\bou\b)\s*", re.IGNORECASE)
_COUNT_END = re.compile(r"\s*(?:[,.;!?)—–]|$)")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TO_PREFIX = re.compile(S.MEETING_TIMES_PREFIX, re.IGNORECASE)
_ONLY_PREFIX = re.compile(S.MEETING_ONLY_PREFIX, re.IGNORECASE)
_FRONT = re.compile(r"[\s\"“«'‘(—–-]*")
# No article states thousands of these; past this a document is adversarial
# and the cap keeps its cost bounded.
MAX_CLAIMS = 2000


class Context:
    """What a sentence's rules read beyond the words next to a number. The two
    searches over the sentence run only when a bare "round" asks for them."""

    __slots__ = ("_lex", "_start", "_stopped", "_talks", "_text", "after_claim", "sentence")

    def __init__(
        self, text: str, sentence: Sentence, start: int, after_claim: bool, lex: MeetingWords
    ) -> None:
        self._text, self._lex, self._start = text, lex, start
        self.sentence = sentence
        self.after_claim = after_claim  # the sentence before stated a meeting count
        self._talks: bool | None = None
        self._stopped: bool | None = None

    @property
    def talks(self) -> bool:
        """Talks named in the sentence or the one before: a bare "round" is of talks."""
        if self._talks is None:
            found = self._lex.talks_context.search(self._text, self._start, self.sentence.end)
            self._talks = found is not None
        return self._talks

    @property
    def stopped(self) -> bool:
        """An election or a match in the sentence: its "rounds" are not talks."""
        if self._stopped is None:
            sentence = self.sentence
            found = self._lex.series_stop.search(self._text, sentence.start, sentence.end)
            self._stopped = found is not None
        return self._stopped


def find(doc: Document) -> list[Claim]:
    try:
        lex = lexicon(doc.lang).meetings
        low = lowered(doc.text)
        sentences = doc.sentences or [Sentence(0, len(doc.text))]
        index = {s.start: i for i, s in enumerate(sentences)}
        cues = {index[s.start] for s in cue_sentences(doc.text, sentences, lex.cue, low)}
        claims: list[Claim] = []
        claimed: set[int] = set()  # the sentences that stated a count
        for i in sorted(cues):
            context = _context(doc.text, sentences, i, i - 1 in claimed, lex)
            found = _in_sentence(doc.text, low, context, doc.lang, lex)
            while found:
                claims.extend(found)
                claimed.add(i)
                i += 1
                if i >= len(sentences) or i in cues:
                    break
                # "La seconde est à l'invitation de Joe Biden": no cue, but a claim before.
                context = Context(doc.text, sentences[i], sentences[i].start, True, lex)
                found = _elliptic_only(doc.text, context, doc.lang, lex)
            if len(claims) >= MAX_CLAIMS:
                return claims[:MAX_CLAIMS]
        return claims
    except Exception:  # a rule bug must cost one kind of claim, never the document
        return []


def _context(
    text: str, sentences: list[Sentence], i: int, after_claim: bool, lex: MeetingWords
) -> Context:
    start = sentences[i - 1].start if i > 0 else sentences[i].start
    return Context(text, sentences[i], start, after_claim, lex)


# The number searches are the costly part, and the cue words ("time", "talk",
# "session") are common: a sentence without an anchor after which a count or an
# ordinal could stand skips them. str.find on literals beats any regex here.
GATE_SLACK = 100  # an anchor may run past the sentence's end ("met 3\n\ntimes")


def _in_sentence(
    text: str, low: str, context: Context, lang: str, lex: MeetingWords
) -> list[Claim]:
    sentence = context.sentence
    spans: list[Span] = []
    times: list[int] = []  # where accepted counts of times start: parallel clauses
    window = low[sentence.start : sentence.end + GATE_SLACK]
    if not any(anchor in window for anchor in lex.anchors):
        if context.after_claim:  # no noun to count, but an ordinal may stand for one
            spans.extend(_elliptic_spans(text, context, lang, lex))
    else:
        numbers = find_numbers(text, lang, sentence.start, sentence.end)
        by_start = {n.start: n for n in numbers}
        by_end = {n.end: n for n in numbers}
        for ordinal in _ordinals(text, lang, sentence, lex):
            spans.extend(_ordinal_rules(text, context, ordinal, by_start, by_end, lex))
        for number in numbers:
            found = _count_times(text, sentence, number, times, lex)
            if found is not None:
                times.append(found[0])
                spans.append((*found, "meeting.count_times"))
                continue
            found = _count_nouns(text, context, number, by_start, lex)
            if found is not None:
                spans.append((*found, "meeting.count_nouns"))
        spans.extend(_elliptic_counts(text, sentence, numbers, spans, lex))
    spans.extend((*found, "meeting.adverb") for found in _adverbs(text, sentence, times, lex))
    spans.extend(
        (m.start(), m.end(), 1, "meeting.first_verb")
        for m in lex.first_verb.finditer(text, sentence.start, sentence.end)
    )
    return [_claim(text, span) for span in _without_overlaps(spans)]


def _elliptic_only(text: str, context: Context, lang: str, lex: MeetingWords) -> list[Claim]:
    """A sentence without a cue after one with a claim: "La seconde est à l'invitation de ..."."""
    return [
        _claim(text, span) for span in _without_overlaps(_elliptic_spans(text, context, lang, lex))
    ]


def _elliptic_spans(text: str, context: Context, lang: str, lex: MeetingWords) -> list[Span]:
    sentence = context.sentence
    spans = []
    for ordinal in find_ordinals(text, lang, sentence.start, sentence.end):
        found = _elliptic(text, context, ordinal, lex)
        if found:
            spans.append((*found, "meeting.elliptic_ordinal"))
    return spans


def _ordinals(text: str, lang: str, sentence: Sentence, lex: MeetingWords) -> list[NumberMatch]:
    """Ordinals in digits, words and Roman numerals ("la XIIe session")."""
    found = find_ordinals(text, lang, sentence.start, sentence.end)
    words = text[sentence.start : sentence.end]
    if any(mark in words for mark in lex.roman_marks):
        found += find_roman_ordinals(text, lang, sentence.start, sentence.end)
    return found


# (start, end, count, the name of the rule that found it)
Span = tuple[int, int, int, str]
Found = tuple[int, int, int]


def _claim(text: str, span: Span) -> Claim:
    start, end, count, rule = span
    return Claim("meeting_count", start, end, text[start:end], {"count": count}, rules=(rule,))


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


# --- noun phrases ----------------------------------------------------------


def _modifier(text: str, at: int, lex: MeetingWords) -> int | None:
    """End of one modifier starting at `at`: a listed word, an adjective, a name."""
    m = lex.modifier.match(text, at) or lex.adjective.match(text, at)
    if m is None and lex.capitalized_modifiers:
        m = _CAPITALIZED.match(text, at)
    if m is None or m.group().lower() in lex.not_modifiers:
        return None
    return m.end()


def _noun_phrase(
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


# --- ordinals --------------------------------------------------------------


def _ordinal_rules(
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
    end, _ = _noun_phrase(text, ordinal.end, context, lex)
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
    end, _ = _noun_phrase(text, count.end, context, lex, plural=True)
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
    start = _with_prefix(text, sentence, ordinal.start)
    # Fronted ("Pour la troisième fois, ...") or an aside ("X et Y, pour la première fois
    # depuis 2019, vont se parler"): the verb is in the clause after the next comma.
    fronted = _FRONT.fullmatch(text, sentence.start, start) is not None or text[
        sentence.start : start
    ].rstrip().endswith(",")
    if _verb_before(text, sentence, ordinal.start, lex):
        return start, word.end(), ordinal.value
    if not _verb_after(text, sentence, word.end(), lex, fronted):
        return None
    if lex.other_event.search(_clause_before(text, sentence, start, lex)):
        return None  # "élue pour la deuxième fois ... lors de la réunion": the election repeats
    return start, word.end(), ordinal.value


# --- counts ----------------------------------------------------------------


def _count_times(
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
        _verb_before(text, sentence, number.start, lex)
        or _parallel(text, sentence, number.start, times, lex)
    ):
        return None
    return _with_prefix(text, sentence, number.start), word.end(), number.value


def _parallel(text: str, sentence: Sentence, pos: int, times: list[int], lex: MeetingWords) -> bool:
    """ "X l'a rencontré à huit reprises, Y n'en a profité qu'à trois reprises": a count of
    times after another in the sentence, in a clause that repeats it by a pronoun or is
    too short to hold a verb of its own (", Xi only three times")."""
    if not times or times[-1] >= pos:
        return False
    clause = _clause_before(text, sentence, pos, lex)
    return bool(lex.parallel_cue.search(clause)) or len(clause.split()) <= GAPPED_WORDS


def _count_nouns(
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
    end, last = _noun_phrase(text, number.end, context, lex, plural=True)
    if (end is not None or last > number.end) and lex.approximate.search(
        text[max(0, number.start - 20) : number.start]
    ):
        return None
    if end is None:
        joined = _CONJUNCTION.match(text, last) if last > number.end else None
        other = by_start.get(joined.end()) if joined and depth < MAX_SHARED else None
        if other is None or _count_nouns(text, context, other, by_start, lex, depth + 1) is None:
            return None
        return number.start, last, number.value
    if lex.survey_noun.search(text, number.end, end) and lex.survey.search(
        text, context.sentence.start, context.sentence.end
    ):
        return None  # "a poll based on 1,000 interviews"
    return number.start, end, number.value


def _elliptic_counts(
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
        before = _clause_before(text, sentence, number.start, lex)
        if lex.approximate.search(before) or lex.count_not_before.search(before):
            continue
        found.append((number.start, number.end, number.value, "meeting.elliptic_count"))
    return found


def _adverbs(text: str, sentence: Sentence, times: list[int], lex: MeetingWords) -> list[Found]:
    """ "have met twice", "met only once", "Trump met Kim three times, Xi twice"."""
    found = []
    for m in lex.adverb_times.finditer(text, sentence.start, sentence.end):
        if lex.frequency.match(text, m.end()):
            continue  # "twice a year", "once again"
        if _verb_before(text, sentence, m.start(), lex) or _parallel(
            text, sentence, m.start(), times, lex
        ):
            found.append((m.start(), m.end(), MEETING_ADVERB_COUNTS[m.group().lower()]))
    return found


# --- context ---------------------------------------------------------------


def _clause_before(text: str, sentence: Sentence, pos: int, lex: MeetingWords) -> str:
    """The clause that ends at pos, within WINDOW characters."""
    window = text[max(sentence.start, pos - WINDOW) : pos]
    edges = [m.end() for m in lex.boundary.finditer(window)]
    # "se sont entretenus, pour la première fois,": an aside of filler words does not
    # end the clause, but "Kim, who met Trump, tested missiles" does.
    while edges and all(w.lower() in MEETING_FILLERS for w in window[edges[-1] :].split()):
        edges.pop()
    return window[edges[-1] :] if edges else window


def _verb_before(text: str, sentence: Sentence, pos: int, lex: MeetingWords) -> bool:
    """A meeting verb in the same clause, before pos."""
    return bool(lex.verb.search(_clause_before(text, sentence, pos, lex)))


def _verb_after(
    text: str, sentence: Sentence, pos: int, lex: MeetingWords, fronted: bool = False
) -> bool:
    """ "la troisième fois que les deux dirigeants se rencontrent"; a fronted "Pour la
    troisième fois de la semaine," or an aside governs the clause after its comma."""
    window = text[pos : min(sentence.end, pos + (2 * WINDOW if fronted else WINDOW))]
    edge = lex.boundary.search(window)
    if edge is not None and fronted:
        window = window[edge.end() :]
        edge = lex.boundary.search(window)
    clause = window[: edge.start()] if edge else window
    verb = lex.verb.search(clause)
    # "the first time the team had won the meeting": another event comes first.
    return verb is not None and not lex.other_event.search(clause, 0, verb.start())


def _with_prefix(text: str, sentence: Sentence, start: int) -> int:
    """Take "à" in "à trois reprises" and "pour la" in "pour la première fois" into the span."""
    prefix = _TO_PREFIX.search(text, max(sentence.start, start - 12), start)
    return prefix.start() if prefix else start
