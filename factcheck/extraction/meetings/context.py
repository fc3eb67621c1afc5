"""What the meeting rules read around a number: the sentence's Context and its clauses.

The clause helpers answer whether a meeting verb governs a count or an ordinal:
in the clause before it ("have met three times"), or in the clause after it
("la troisième fois que les deux dirigeants se rencontrent").
"""

from __future__ import annotations

import re

from factcheck.extraction.lang import MeetingWords
from factcheck.extraction.lang import shared as S
from factcheck.extraction.lang.shared import MEETING_FILLERS
from factcheck.extraction.model import Sentence

WINDOW = 80  # characters searched for a meeting verb on each side of a count
_TO_PREFIX = re.compile(S.MEETING_TIMES_PREFIX, re.IGNORECASE)

# (start, end, count, the name of the rule that found it)
Span = tuple[int, int, int, str]
Found = tuple[int, int, int]


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


def clause_before(text: str, sentence: Sentence, pos: int, lex: MeetingWords) -> str:
    """The clause that ends at pos, within WINDOW characters."""
    window = text[max(sentence.start, pos - WINDOW) : pos]
    edges = [m.end() for m in lex.boundary.finditer(window)]
    # "se sont entretenus, pour la première fois,": an aside of filler words does not
    # end the clause, but "Kim, who met Trump, tested missiles" does.
    while edges and all(w.lower() in MEETING_FILLERS for w in window[edges[-1] :].split()):
        edges.pop()
    return window[edges[-1] :] if edges else window


def verb_before(text: str, sentence: Sentence, pos: int, lex: MeetingWords) -> bool:
    """A meeting verb in the same clause, before pos."""
    return bool(lex.verb.search(clause_before(text, sentence, pos, lex)))


def verb_after(
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


def with_prefix(text: str, sentence: Sentence, start: int) -> int:
    """Take "à" in "à trois reprises" and "pour la" in "pour la première fois" into the span."""
    prefix = _TO_PREFIX.search(text, max(sentence.start, start - 12), start)
    return prefix.start() if prefix else start
