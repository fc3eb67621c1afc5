"""Tallies read off the tag string: "adopté par 289 voix contre 12", "52-47"."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.extraction.lang import VoteWords
from factcheck.extraction.lang import shared as S
from factcheck.extraction.model import Claim, Sentence
from factcheck.extraction.numbers import NumberMatch
from factcheck.extraction.votes.tokens import Tokens, regions, tokenize

# One count, its role bound by a label before or after it:
#   "Contre : 27", "YEAS: 61", "Nombre de votants : 83"      label, colon, count
#   "Ayes 201", "yeas, 57", "backed by 86 TDs", "supported by 143 out of 193
#   members of the UN General Assembly,"                      record label, count
#   "289 voix", "131 députés sur 577 l'ont votée", "12 contre"  count, noun, label
#   "143 member countries voted in favor", "Onze membres du Conseil de sécurité
#   ont voté en faveur", "Treize des 15 membres"              count, noun phrase, verb
_AFTER = "FAXYZQOfax"
ITEM = (
    r"[FAXYZQOfax]:N[VM]?"
    r"|[YZQO],?N(?:Sw?N)?(?:[VM][wMS]{0,6}(?=[,&W])|[VM]|w(?=[,&W]))?"
    r"|N(?:Sw?N)?(?:j{1,2}M[wMjS]{0,6}[fax]|M[wMjS]{1,6}[fax]"
    rf"|[VM]?(?:SN)?[{_AFTER}]?)"
)
# Between counts: punctuation, and/with, or a pair connector ("to", "-", "contre"),
# with a few words before a count its verb labels ("the remaining 35 abstained").
# A label ends a count, so "9 pour 3 contre" needs no separator, and a verb label
# may take its object first ("eight voted against the measure, while 12 abstained"); a record label
# starts one, past the party breakdown under a record line ("Yea 53 / 44 7 2 / Nay 45").
SEP = (
    r"[,&WT]{1,3}(?:w?j(?=N[VMj]{0,3}[fax]))?"
    r"|(?<=[fax])w{1,5}[,&W]{1,3}"
    rf"|(?<=[{_AFTER}])"
    r"|(?=[FAXYZQOfax]:|[YZQO])"
    r"|(?<=N)N{1,4}(?=[YZQO])"
)
_ITEM = re.compile(ITEM)
_SEP = re.compile(SEP)
_ROLE = {
    "F": "for", "A": "against", "X": "abstain",
    "f": "for", "a": "against", "x": "abstain",
    "Y": "for", "Z": "against", "Q": "abstain",
}  # fmt: skip
_LABELS = frozenset(_ROLE) | {"O"}
_STRONG = frozenset("YZQfax")  # labels that make a lone count a result without a noun
_RECORD = frozenset("YZQ")  # "Ayes", "yeas", "Pour l'adoption": a record of a division
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
    of_total: bool = False  # "331 voix sur 574": votes out of those cast
    group: bool = False  # "backed by 12 Republicans": a party group's count
    agent: bool = False  # labelled by a phrase before it: "backed by", "le soutien de"


@dataclass(slots=True)
class Tally:
    start: int
    end: int
    counts: dict[str, int | None] = field(default_factory=dict)
    unanimous: bool = False
    rules: list[str] = field(default_factory=list)  # names of the rules that read it
    # Its roles are named by labels ("16 voix pour, 6 abstentions, 9 voix contre",
    # "Ayes 201"): no candidate-against-candidate score, whatever the sentence says.
    labelled: bool = False

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
    outcomes = Outcomes(low, sentence, lex)
    found: list[Tally] = []
    for region in regions(low, numbers, sentence):
        tokens = tokenize(low, region, lex)
        tags = "".join(tokens.tag)
        for first, items, pairs in _runs(tokens, tags):
            if _bare(items) and not _received(low, sentence, items[0].start, lex):
                continue  # the common bare number ("in 2019", "12 people"): skip the rest
            for group, gaps, at in _groups(items, pairs, first):
                tally = _tally(low, sentence, tokens, at, group, gaps, lex, about_a_vote,
                               outcomes)
                if tally is not None:
                    found.append(tally)
        if len(found) >= MAX_CLAIMS:
            break  # one megabyte "sentence" of tallies
    return found


def _runs(tokens: Tokens, tags: str) -> list[tuple[int, list[Item], list[bool]]]:
    """The chains ITEM (SEP ITEM)* of the tag string, each as its first token, its counts
    and, for each gap, whether it is a pair connector. Read item by item (anchored
    matches), so the numbers a separator skips are never taken for counts."""
    runs = []
    pos, end = 0, len(tags)
    while pos < end:
        m = _ITEM.search(tags, pos)
        if m is None:
            break
        first = m.start()
        items = [_item(tokens, tags, m.start(), m.end())]
        pairs: list[bool] = []
        pos = m.end()
        while pos < end:
            sep = _SEP.match(tags, pos)
            nxt = _ITEM.match(tags, sep.end()) if sep else None
            if sep is None or nxt is None or nxt.end() == nxt.start():
                break
            pairs.append("T" in tags[sep.start() : sep.end()])
            items.append(_item(tokens, tags, nxt.start(), nxt.end()))
            pos = nxt.end()
        runs.append((first, items, pairs))
        pos = max(pos, first + 1)
    return runs


def _bare(items: list[Item]) -> bool:
    """One count without a label, a noun or a total."""
    one = items[0]
    return len(items) == 1 and one.label is None and not one.noun and not one.of_total


def _received(low: str, sentence: Sentence, start: int, lex: VoteWords) -> bool:
    """Whether a verb of receiving comes just before a bare number, which _lone_count_ok
    requires anyway ("n'en a recueilli que 278")."""
    return bool(lex.acquire.search(low[max(sentence.start, start - WINDOW) : start]))


def _item(tokens: Tokens, tags: str, start: int, end: int) -> Item:
    part = tags[start:end]
    group = tags[end : end + 1] == "G"
    number = start + part.index("N")
    head, tail = part[0], part[-1]
    label = head if head in _LABELS else (tail if tail in _LABELS else None)
    if label == "O" and head != "O" and "SN" in part:
        label = None  # "320 voix sur 560 votants": the voters are the total
    return Item(
        tokens.value[number] or 0,
        label,
        "V" in part or "M" in part,
        tokens.start[start],
        tokens.end[end - 1],
        tokens.word[number],
        "VSN" in part,
        group,
        head in _LABELS and tokens.word[start] == "" and part[1:2] != ":",
    )


def _groups(
    items: list[Item], pairs: list[bool], first: int
) -> list[tuple[list[Item], list[bool], int]]:
    """One chain of counts cut into the tallies it holds: past a pair, a bare number starts
    another ("were 7-2 and 9-0"); an unlabeled count right after a labeled one is no role
    ("35 se sont abstenus, et 12 autres pays n'ont pas participé"); a margin before a pair
    is no count ("by one vote, 216-215"). Counts that are no role (O) are kept inside a
    tally, where they hold their place, but not at its edges."""
    groups = []
    at = first
    if any(item.group for item in items):  # how a party group voted is left open
        return _without_groups(items, pairs)
    if (
        len(items) >= 3
        and items[0].label is None
        and items[0].noun
        and not pairs[0]
        and pairs[1]
        and items[1].label is None
        and items[2].label is None
    ):
        items, pairs, at = items[1:], pairs[1:], -1  # the margin before the pair
    if (
        len(items) >= 2
        and _bare(items[:1])
        and 1000 <= items[0].value <= 2100
        and not pairs[0]
        and items[1].label
    ):
        items, pairs, at = items[1:], pairs[1:], -1  # "Depuis 2010, 12 députés votent contre"
    while items:
        cut = len(items)
        for i in range(1, len(items)):
            bare = items[i].label is None
            if (
                bare
                and i >= 2
                and not items[i].noun
                and (items[i - 1].label is None or not pairs[i - 1])
            ):
                cut = i  # "68-32, with 12 Republicans joining"; "7-2 and 9-0"
                break
            if bare and items[i - 1].label in _ROLE and not pairs[i - 1]:
                cut = i
                break
        group, gaps = items[:cut], pairs[: cut - 1]
        while group and group[0].label == "O":
            group, gaps = group[1:], gaps[1:]
        while group and group[-1].label == "O":
            group, gaps = group[:-1], gaps[:-1]
        if group:
            groups.append((group, gaps, at if group[0] is items[0] else -1))
        items, pairs = items[cut:], pairs[cut:]
        at = -1
    return groups


def _without_groups(
    items: list[Item], pairs: list[bool]
) -> list[tuple[list[Item], list[bool], int]]:
    """The runs of counts between party-group counts, each read as a chain of its own."""
    out = []
    begin = 0
    for i in range(len(items) + 1):
        if i == len(items) or items[i].group:
            if i > begin:
                out += _groups(items[begin:i], pairs[begin : i - 1], -1)
            begin = i + 1
    return out


def _tally(
    text: str,
    sentence: Sentence,
    tokens: Tokens,
    first: int,
    items: list[Item],
    pairs: list[bool],
    lex: VoteWords,
    about_a_vote: SentenceTest,
    outcomes: Outcomes,
) -> Tally | None:
    items, pairs = _before_threshold(text, items, pairs, lex)
    if not items:
        return None
    start, end = items[0].start, items[-1].end
    before = text[max(sentence.start, start - WINDOW) : start]
    if lex.hypothetical.search(before):
        return None
    if len(items) > 1 and _after_range_word(tokens, first, lex):
        return None  # "from 751 to 705", "entre 280 et 290 voix", "from January 17 to 19"
    if len(items) == 1:
        ok = _lone_count_ok(items[0], before, lex)
    else:
        ok = _several_counts_ok(
            items, pairs, _line_test(text, sentence, start, end, lex, about_a_vote)
        )
    if not ok:
        return None
    if (
        _is_unlabeled_pair(items, pairs)
        and lex.standing.match(text, end)
        and not lex.decided_by.search(before)
    ):
        return None  # "a 51-49 majority", "the 6-3 conservative majority": seats, not a vote
    counts = _roles(items)
    rules = ["vote.lone_count" if len(items) == 1 else "vote.tally"]
    labels = {item.label for item in items}
    if labels & set("FAX"):
        rules.append("vote.labels")  # "pour", "contre", "abstentions" name the roles
    if labels & set("YZQ"):
        rules.append("vote.record_labels")  # "Ayes 201, Noes 264", "Pour l'adoption : 56"
    if labels & set("fax"):
        rules.append("vote.verb_labels")  # "ont voté contre", "abstained", "votent oui"
    if "O" in labels:
        rules.append("vote.no_role")  # "votants", "not voting", "absent": held, not counted
    if any(item.of_total for item in items) and len(items) == 1:
        rules.append("vote.of_total")  # "331 voix sur 574"
    if any(start < a < end for a, _ in tokens.asides):
        rules.append("vote.aside")  # "(Chine)", ", parmi lesquels ..., ": skipped
    if "\n" in text[start:end]:
        rules.append("vote.record_lines")  # one tally over record lines
    if _is_unlabeled_pair(items, pairs) and outcomes.failed(start, end):
        # The winning side is named first or is the larger: a failed motion's
        # "for" is the smaller count, whatever the house style of ordering.
        a, b = items[0].value, items[1].value
        counts["for"], counts["against"] = min(a, b), max(a, b)
        rules.append("vote.failed_motion")
    tally = Tally(start, end, counts, rules=rules)
    tally.labelled = sum(1 for item in items if item.label in _ROLE) >= 2 or any(
        item.label in _RECORD and not item.agent for item in items
    )
    return tally


def _before_threshold(
    text: str, items: list[Item], pairs: list[bool], lex: VoteWords
) -> tuple[list[Item], list[bool]]:
    """A count followed by "nécessaires", "needed" is a threshold: it and what follows
    are no part of the tally ("a obtenu 271 voix, contre 289 nécessaires")."""
    for i, item in enumerate(items):
        if lex.threshold_after.match(text, item.end):
            return items[:i], pairs[: max(i - 1, 0)]
    return items, pairs


def _after_range_word(tokens: Tokens, first: int, lex: VoteWords) -> bool:
    """ "from 751 to 705", and "from January 17 to 19": a range word one or two tokens
    before the first count, unless "against" joins the counts: "par une majorité de 300
    voix contre 200" is a tally."""
    if first <= 0 or _against_follows(tokens, first):
        return False
    if tokens.word[first - 1] in lex.range_start:
        return True
    return first > 1 and tokens.tag[first - 1] == "w" and tokens.word[first - 2] in lex.range_start


def _against_follows(tokens: Tokens, first: int, reach: int = 2) -> bool:
    """ "contre", "against" right after the first count or its noun (tagged a label or,
    between two counts, a pair connector)."""
    return any(word in S.VOTE_AGAINST_WORDS for word in tokens.word[first + 1 : first + 1 + reach])


def _lone_count_ok(item: Item, before: str, lex: VoteWords) -> bool:
    """One count is a result only when labelled or plainly received."""
    if item.label in ("X", "Q", "x"):
        return True
    if item.word in S.VOTE_ARTICLE_NUMBERS:
        return False
    if item.agent and not item.noun:
        return False  # "avec le soutien de 3 groupes": no count of votes without its noun
    if item.label in _STRONG:
        return not 1000 <= item.value <= 2100 or item.noun  # "In 2019 voted against": a year
    if item.label == "O":
        return False
    if item.label is not None:
        return item.noun
    if item.of_total:
        return True  # "élu avec une majorité de 198 voix sur un total de 342": margins have none
    if not lex.acquire.search(before):
        return False  # a margin ("by five votes") or a threshold ("il fallait 289 voix")
    return item.noun or bool(_EN_PRONOUN.search(before))  # "n'en a recueilli que 278"


def _line_test(
    text: str, sentence: Sentence, start: int, end: int, lex: VoteWords, whole: SentenceTest
) -> SentenceTest:
    """The context test for a bare pair: on its own line when the sentence holds several
    (a record block joins short lines: "Vote des lecteurs" / "Lyon 3-1 Paris" is no
    vote), on the whole sentence otherwise."""
    if text.find("\n", sentence.start, sentence.end) < 0:
        return whole
    lo = text.rfind("\n", sentence.start, start) + 1 or sentence.start
    hi = text.find("\n", end, sentence.end)
    return SentenceTest(
        lex.context, text, Sentence(max(lo, sentence.start), hi if hi >= 0 else sentence.end)
    )


def _several_counts_ok(items: list[Item], pairs: list[bool], about_a_vote: SentenceTest) -> bool:
    if any(item.label for item in items) or any(item.noun for item in items):
        return any(item.label for item in items) or pairs[0]
    if not pairs[0]:
        return False  # "entre 280 et 290": two numbers that are not a tally
    if all(1000 <= item.value <= 2100 for item in items[:2]):
        return False  # "2018-2019"
    if 1000 <= items[0].value <= 2100 and items[1].value < 100:
        return False  # "Fiscal Year 2025-26", "2020-03-03": a year and its tail
    if any(len(item.word) > 1 and item.word[0] == "0" for item in items[:2]):
        return False  # "04-22-25": a date or a code, no count is written "04"
    return about_a_vote()


def _roles(items: list[Item]) -> dict[str, int | None]:
    counts: dict[str, int | None] = {"for": None, "against": None, "abstain": None}
    unlabeled = []
    for item in items:
        if item.label == "O":
            continue
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


class Outcomes:
    """Whether the nearest outcome word around a tally says the motion failed. Before
    the tally it is read from the sentence's start: the verb may come long before ("MPs
    rejected an amendment which required ... by 324 votes to 288"). After the tally it
    is read to the clause's end only: "219-212, with every Republican ... voted
    against" is about a group, not the motion.

    The sentence's outcome words are found once, when a first tally asks: a search per
    tally from the sentence's start was quadratic in a long sentence of tallies."""

    __slots__ = (
        "_any_failure", "_by_end", "_by_start", "_ends", "_lex", "_low", "_sentence", "_starts"
    )

    def __init__(self, low: str, sentence: Sentence, lex: VoteWords) -> None:
        self._low, self._sentence, self._lex = low, sentence, lex
        self._by_start: list[tuple[int, int, bool]] | None = None

    def failed(self, start: int, end: int) -> bool:
        by_start = self._read()
        if not self._any_failure:
            return False  # the usual case, settled without ranking the outcome words
        hi = min(self._sentence.end, end + 2 * WINDOW)
        clause = self._lex.clause_end.search(self._low, end, hi)
        if clause is not None:
            hi = clause.start()
        best: tuple[int, bool] | None = None
        before = bisect.bisect_right(self._ends, start) - 1  # the nearest ending by `start`
        if before >= 0:
            word_end, failed = self._by_end[before]
            best = (start - word_end, failed)
        after = bisect.bisect_left(self._starts, end)  # the nearest starting from `end`
        if after < len(by_start) and by_start[after][1] <= hi:
            distance = by_start[after][0] - end
            if best is None or distance < best[0]:
                best = (distance, by_start[after][2])
        return best is not None and best[1]

    def _read(self) -> list[tuple[int, int, bool]]:
        if self._by_start is None:
            low, sentence, lex = self._low, self._sentence, self._lex
            words = sorted(
                (m.start(), m.end(), failed)
                for pattern, failed in ((lex.failure, True), (lex.success, False))
                for m in pattern.finditer(low, sentence.start, sentence.end)
            )
            self._by_start = words
            self._any_failure = any(failed for _, _, failed in words)
            self._starts = [word_start for word_start, _, _ in words]
            self._by_end = sorted((word_end, failed) for _, word_end, failed in words)
            self._ends = [word_end for word_end, _ in self._by_end]
        return self._by_start
