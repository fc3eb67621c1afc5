"""Tallies read off the tag string: "adopté par 289 voix contre 12", "52-47"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.extraction.lang import VoteWords
from factcheck.extraction.lang import shared as S
from factcheck.extraction.model import Claim, Sentence
from factcheck.extraction.numbers import NumberMatch
from factcheck.extraction.votes.tokens import Tokens, regions, tokenize

# One count: "289 voix", "131 députés sur 577 l'ont votée", "12 contre", "Pour : 15".
ITEM = r"N(?:SN)?[VM]?(?:SN)?[FAX]?|[FAX]:N"
# Between counts: punctuation, and/with, or a pair connector ("to", "-", "contre").
# A label ends a count, so "9 pour 3 contre" needs no separator.
SEP = r"(?:[,&WT]{1,3}|(?<=[FAX])|(?=[FAX]:))"
_ITEM = re.compile(ITEM)
_TALLY = re.compile(rf"(?:{ITEM})(?:{SEP}(?:{ITEM}))*")
_ROLE = {"F": "for", "A": "against", "X": "abstain"}
_EN_PRONOUN = re.compile(S.VOTE_PRONOUN, re.IGNORECASE)
WINDOW = 45  # characters of left context read by the cue regexes


@dataclass(slots=True)
class Item:
    value: int
    label: str | None
    noun: bool
    start: int
    end: int
    word: str


@dataclass(slots=True)
class Tally:
    start: int
    end: int
    counts: dict[str, int | None] = field(default_factory=dict)
    unanimous: bool = False
    rules: list[str] = field(default_factory=list)  # names of the rules that read it

    def claim(self, text: str) -> Claim:
        value = {
            "for": self.counts.get("for"),
            "against": self.counts.get("against"),
            "abstain": self.counts.get("abstain"),
            "unanimous": self.unanimous,
        }
        span = text[self.start : self.end]
        return Claim("vote_result", self.start, self.end, span, value, rules=tuple(self.rules))


MAX_CLAIMS = 2000  # per document: past this a document is adversarial


class SentenceTest:
    """A sentence-wide regex test, run at most once and only if asked: a megabyte
    "sentence" of tallies must not be rescanned for each of them (quadratic)."""

    __slots__ = ("_found", "_low", "_pattern", "_sentence")

    def __init__(self, pattern: re.Pattern[str], low: str, sentence: Sentence) -> None:
        self._pattern, self._low, self._sentence = pattern, low, sentence
        self._found: bool | None = None

    def __call__(self) -> bool:
        if self._found is None:
            sentence = self._sentence
            self._found = bool(self._pattern.search(self._low, sentence.start, sentence.end))
        return self._found


def tallies(
    low: str, sentence: Sentence, numbers: list[NumberMatch], lex: VoteWords
) -> list[Tally]:
    about_a_vote = SentenceTest(lex.context, low, sentence)
    found = []
    for region in regions(low, numbers, sentence):
        tokens = tokenize(low, region, lex)
        tags = "".join(tokens.tag)
        for match in _TALLY.finditer(tags):
            if len(match.group()) == 1 and not _received(low, sentence, tokens, match, lex):
                continue  # the common bare number ("in 2019", "12 people"): skip the rest
            items, pairs = _items(tokens, tags, match.start(), match.end())
            tally = _tally(low, sentence, tokens, match.start(), items, pairs, lex, about_a_vote)
            if tally is not None:
                found.append(tally)
        if len(found) >= MAX_CLAIMS:
            break  # one megabyte "sentence" of tallies
    return found


def _received(
    low: str, sentence: Sentence, tokens: Tokens, match: re.Match[str], lex: VoteWords
) -> bool:
    """Whether a verb of receiving comes just before a bare number, which _lone_count_ok
    requires anyway ("n'en a recueilli que 278")."""
    start = tokens.start[match.start()]
    return bool(lex.acquire.search(low[max(sentence.start, start - WINDOW) : start]))


def _items(tokens: Tokens, tags: str, start: int, end: int) -> tuple[list[Item], list[bool]]:
    """The counts of one tally, and for each gap whether it is a pair connector."""
    items: list[Item] = []
    pairs: list[bool] = []
    last_end = None
    for m in _ITEM.finditer(tags, start, end):
        if last_end is not None:
            pairs.append("T" in tags[last_end : m.start()])
        last_end = m.end()
        part = tags[m.start() : m.end()]
        number = m.start() + part.index("N")
        label = part[0] if part[0] in _ROLE else (part[-1] if part[-1] in _ROLE else None)
        items.append(
            Item(
                tokens.value[number] or 0,
                label,
                "V" in part or "M" in part,
                tokens.start[m.start()],
                tokens.end[m.end() - 1],
                tokens.word[number],
            )
        )
    return items, pairs


def _tally(
    text: str,
    sentence: Sentence,
    tokens: Tokens,
    first: int,
    items: list[Item],
    pairs: list[bool],
    lex: VoteWords,
    about_a_vote: SentenceTest,
) -> Tally | None:
    items, pairs = _trim(items, pairs)
    start, end = items[0].start, items[-1].end
    before = text[max(sentence.start, start - WINDOW) : start]
    if lex.hypothetical.search(before):
        return None
    if len(items) > 1 and first > 0 and tokens.word[first - 1] in lex.range_start:
        return None  # "from 751 to 705", "entre 280 et 290 voix"
    if len(items) == 1:
        ok = _lone_count_ok(items[0], before, lex)
    else:
        ok = _several_counts_ok(items, pairs, about_a_vote)
    if not ok:
        return None
    if _is_unlabeled_pair(items, pairs) and lex.standing.match(text, end):
        return None  # "a 51-49 majority", "the 6-3 conservative majority": seats, not a vote
    counts = _roles(items)
    rules = ["vote.lone_count" if len(items) == 1 else "vote.tally"]
    if any(item.label for item in items):
        rules.append("vote.labels")  # "pour", "contre", "abstentions" name the roles
    if _is_unlabeled_pair(items, pairs) and _failed(text, sentence, start, end, lex):
        # The winning side is named first or is the larger: a failed motion's
        # "for" is the smaller count, whatever the house style of ordering.
        a, b = items[0].value, items[1].value
        counts["for"], counts["against"] = min(a, b), max(a, b)
        rules.append("vote.failed_motion")
    return Tally(start, end, counts, rules=rules)


def _trim(items: list[Item], pairs: list[bool]) -> tuple[list[Item], list[bool]]:
    """Past a pair, a bare number is not a count: "68-32, with 12 Republicans joining"."""
    for i in range(2, len(items)):
        if items[i].label is None and not items[i].noun:
            return items[:i], pairs[: i - 1]
    return items, pairs


def _lone_count_ok(item: Item, before: str, lex: VoteWords) -> bool:
    """One count is a result only when labelled or plainly received."""
    if item.label == "X":
        return True
    if item.word in S.VOTE_ARTICLE_NUMBERS:
        return False
    if item.label is not None:
        return item.noun
    if not lex.acquire.search(before):
        return False  # a margin ("by five votes") or a threshold ("il fallait 289 voix")
    return item.noun or bool(_EN_PRONOUN.search(before))  # "n'en a recueilli que 278"


def _several_counts_ok(items: list[Item], pairs: list[bool], about_a_vote: SentenceTest) -> bool:
    if any(item.label for item in items) or any(item.noun for item in items):
        return any(item.label for item in items) or pairs[0]
    if not pairs[0]:
        return False  # "entre 280 et 290": two numbers that are not a tally
    if all(1000 <= item.value <= 2100 for item in items[:2]):
        return False  # "2018-2019"
    return about_a_vote()


def _roles(items: list[Item]) -> dict[str, int | None]:
    counts: dict[str, int | None] = {"for": None, "against": None, "abstain": None}
    unlabeled = []
    for item in items:
        role = _ROLE.get(item.label or "")
        if role is None:
            unlabeled.append(item)
        elif counts[role] is None:
            counts[role] = item.value
    free = [role for role, value in counts.items() if value is None]
    for item, role in zip(unlabeled, free, strict=False):
        counts[role] = item.value
    return counts


def _is_unlabeled_pair(items: list[Item], pairs: list[bool]) -> bool:
    return len(items) >= 2 and pairs[0] and items[0].label is None and items[1].label is None


def _failed(text: str, sentence: Sentence, start: int, end: int, lex: VoteWords) -> bool:
    """Whether the nearest outcome word around the tally says the motion failed."""
    lo, hi = max(sentence.start, start - 2 * WINDOW), min(sentence.end, end + 2 * WINDOW)
    if not lex.failure.search(text, lo, hi):
        return False  # the usual case, settled without ranking the outcome words
    best: tuple[int, bool] | None = None
    for pattern, failed in ((lex.failure, True), (lex.success, False)):
        for m in pattern.finditer(text, lo, hi):
            distance = start - m.end() if m.end() <= start else m.start() - end
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, failed)
    return best is not None and best[1]
