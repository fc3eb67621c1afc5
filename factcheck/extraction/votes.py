"""vote_result claims: tallies ("adopté par 289 voix contre 12") and unanimity.

A sentence that passes the cheap cue filter is cut into tokens (numbers,
multi-word labels from the tables, words, punctuation); each token gets a
one-letter tag (votes_tables.py) and tallies are read off the tag string with
small regexes. Working on tags keeps the grammar readable and the regexes
linear: they never look at the raw text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.extraction.model import Claim, Document, Sentence
from factcheck.extraction.numbers import NumberMatch, find_numbers
from factcheck.extraction.votes_tables import (
    LEXICONS,
    PERCENT,
    ZERO,
    VoteLexicon,
    cue_sentences,
    lowered,
    words,
)

# One count: "289 voix", "131 députés sur 577 l'ont votée", "12 contre", "Pour : 15".
ITEM = r"N(?:SN)?[VM]?(?:SN)?[FAX]?|[FAX]:N"
# Between counts: punctuation, and/with, or a pair connector ("to", "-", "contre").
# A label ends a count, so "9 pour 3 contre" needs no separator.
SEP = r"(?:[,&WT]{1,3}|(?<=[FAX])|(?=[FAX]:))"
_ITEM = re.compile(ITEM)
_TALLY = re.compile(rf"(?:{ITEM})(?:{SEP}(?:{ITEM}))*")
_WORD = re.compile(r"\w+|[^\w\s]")
_WORD_TAIL = re.compile(r"\w+")
_ROLE = {"F": "for", "A": "against", "X": "abstain"}
# "contre la réforme", "pour renverser": a preposition, not a tally label.
_DETERMINERS = words("la le les l un une ce cet cette ces son sa ses leur leurs")
_ARTICLE_NUMBERS = words("un une one")
# Words whose tag depends on their neighbours (numbers too: "58 %" is a share).
_AMBIGUOUS = ZERO | words("pour for contre against à")  # "un vote de confiance" is no count
_EN_PRONOUN = re.compile(r"\bn?['’]?en\s+(?:\w+\s+){1,2}", re.IGNORECASE)
# Characters tokenized before and after a number: enough for the longest count
# ("Abstentions : 5", "131 députés sur 577 l'ont votée", "331 députés ont voté en
# leur faveur"); a tally's further counts bring their own reach.
REACH_BEFORE = 30
REACH_AFTER = 50
MAX_WORD = 40  # how far a region edge moves to take in the whole word it cuts
WINDOW = 45  # characters of left context read by the cue regexes
MERGE_GAP = 30  # "unanimously, 9-0": unanimity and a tally this close are one claim
MAX_NEAR = 8  # tallies looked at for one unanimity: more never fit in MERGE_GAP


@dataclass(slots=True)
class Tokens:
    """One entry per token in parallel lists: a sentence with a tally has dozens of
    tokens, and filling lists costs a fraction of building one object each."""

    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    word: list[str] = field(default_factory=list)  # lowercased; "" for a phrase
    value: list[int | None] = field(default_factory=list)

    def add(self, start: int, end: int, tag: str, word: str, value: int | None) -> None:
        self.start.append(start)
        self.end.append(end)
        self.tag.append(tag)
        self.word.append(word)
        self.value.append(value)

    def add_words(self, low: str, start: int, end: int, table: dict[str, str]) -> None:
        # The hot spot of the module: list comprehensions run about a third faster
        # than one loop appending to five lists.
        matches = list(_WORD.finditer(low, start, end))
        words = [m.group() for m in matches]
        self.start += [m.start() for m in matches]
        self.end += [m.end() for m in matches]
        self.tag += [table.get(word, "w") for word in words]
        self.word += words
        self.value += [None] * len(words)


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

    def claim(self, text: str) -> Claim:
        value = {
            "for": self.counts.get("for"),
            "against": self.counts.get("against"),
            "abstain": self.counts.get("abstain"),
            "unanimous": self.unanimous,
        }
        return Claim("vote_result", self.start, self.end, text[self.start : self.end], value)


# No article states thousands of these; past this a document is adversarial
# and the cap keeps its cost bounded.
MAX_CLAIMS = 2000
# Numbers read per document: a long feature holds a few hundred in its vote
# sentences; tens of thousands are a table dump or an attack, and the rest of
# such a document is read for unanimity only.
MAX_NUMBERS = 20_000


def find(doc: Document) -> list[Claim]:
    try:
        lex = LEXICONS.get(doc.lang, LEXICONS["en"])
        low = lowered(doc.text)
        claims: list[Claim] = []
        budget = MAX_NUMBERS
        for sentence in cue_sentences(doc.text, doc.sentences, lex.cue, low):
            found = find_numbers(low, doc.lang, sentence.start, sentence.end) if budget else []
            numbers = found[:budget]
            budget -= len(numbers)
            claims.extend(_in_sentence(doc.text, low, sentence, numbers, lex))
            if len(claims) >= MAX_CLAIMS:
                return claims[:MAX_CLAIMS]
        return claims
    except Exception:  # a rule bug must cost one kind of claim, never the document
        return []


def _in_sentence(
    text: str, low: str, sentence: Sentence, numbers: list[NumberMatch], lex: VoteLexicon
) -> list[Claim]:
    """The rules read `low` (lowered text, same offsets); claims quote `text`."""
    tallies = _tallies(low, sentence, numbers, lex)
    if tallies and lex.blockers.search(low, sentence.start, sentence.end):
        tallies = []  # polls, candidates, elections: not a vote on a motion
    tallies = _merge_unanimity(tallies, _unanimity(low, sentence, lex), low)
    return [tally.claim(text) for tally in sorted(tallies, key=lambda t: t.start)]


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


# --- tokens and tags -------------------------------------------------------


@dataclass(slots=True)
class Region:
    start: int
    end: int
    numbers: list[NumberMatch]


def _regions(low: str, numbers: list[NumberMatch], sentence: Sentence) -> list[Region]:
    """Stretches of the sentence near its numbers, each with its own numbers: tallies
    are local, so the words far from any number need no tokens (long sentences stay
    cheap). Edges move out to the end of the word they cut ("former" is no "for")."""
    regions: list[Region] = []
    for n in numbers:
        lo = max(sentence.start, n.start - REACH_BEFORE)
        hi = min(sentence.end, n.end + REACH_AFTER)
        if regions and lo <= regions[-1].end:
            regions[-1].end = hi
            regions[-1].numbers.append(n)
        else:
            regions.append(Region(lo, hi, [n]))
    for region in regions:
        region.start = _word_start(low, region.start, sentence.start)
        region.end = _word_end(low, region.end, sentence.end)
    return regions


def _word_start(low: str, pos: int, floor: int) -> int:
    limit = max(floor, pos - MAX_WORD)  # bounded: a megabyte-long "word" stays linear
    while pos > limit and low[pos - 1].isalnum():
        pos -= 1
    return pos


def _word_end(low: str, pos: int, ceiling: int) -> int:
    found = _WORD_TAIL.match(low, pos, min(ceiling, pos + MAX_WORD))
    return found.end() if found else pos


def _tokens(low: str, region: Region, lex: VoteLexicon) -> Tokens:
    """Numbers, then phrases, then single words in the gaps between them."""
    start, end = region.start, region.end
    fixed = [(n.start, n.end, "N", n.value) for n in region.numbers]
    number_starts = [n.start for n in region.numbers]
    for m in lex.phrases.finditer(low, start, end):
        # Numbers do not overlap, so the one starting last before the phrase ends is
        # the only one that can overlap it: a bisect, not a scan (long regions).
        i = bisect.bisect_left(number_starts, m.end()) - 1
        if i < 0 or region.numbers[i].end <= m.start():
            fixed.append((m.start(), m.end(), m.lastgroup or "w", None))
    fixed.sort(key=lambda f: f[0])
    tokens = Tokens()
    pos = start
    for begin, stop, tag, value in fixed:
        tokens.add_words(low, pos, begin, lex.words)
        tokens.add(begin, stop, tag, low[begin:stop] if tag == "N" else "", value)
        pos = stop
    tokens.add_words(low, pos, end, lex.words)
    _resolve_ambiguous(tokens)
    return tokens


def _resolve_ambiguous(tokens: Tokens) -> None:
    """Decide from the neighbours what "pour", "contre", "à" and shares are."""
    tags, words = tokens.tag, tokens.word
    last = len(tags) - 1
    for i, word in enumerate(words):
        if word not in _AMBIGUOUS and tags[i] != "N":
            continue
        after = i + 1 if i < last else None
        if word in ZERO and i > 0 and tags[i - 1] == "T":
            tags[i], tokens.value[i] = "N", 0
        elif (
            tags[i] == "N" and after is not None and (words[after] in PERCENT or tags[after] == "P")
        ):
            tags[i] = "P"
        elif word in ("pour", "for") and after is not None and tags[after] == "w":
            tags[i] = "w"  # "neuf voix pour renverser", "52 to 47 for the bill"
        elif word in ("contre", "against"):
            tags[i] = _against_tag(tokens, i)
        elif word == "à" and not _between_counts(tags, i):
            tags[i] = "w"  # "à 9 voix près", "à l'unanimité"


def _against_tag(tokens: Tokens, i: int) -> str:
    """ "289 voix contre 12" joins two counts; "245 contre." labels one."""
    after = [k for k in range(i + 1, min(i + 3, len(tokens.tag))) if tokens.tag[k] != "V"]
    if after and tokens.tag[after[0]] == "N":
        return "T"
    if after and tokens.word[after[0]] in _DETERMINERS:
        return "w"
    return "A"


def _between_counts(tags: list[str], i: int) -> bool:
    before = tags[i - 1] if i > 0 else ""
    after = tags[i + 1] if i + 1 < len(tags) else ""
    return before in ("N", "V") and after == "N"


# --- tallies ---------------------------------------------------------------


def _tallies(
    low: str, sentence: Sentence, numbers: list[NumberMatch], lex: VoteLexicon
) -> list[Tally]:
    about_a_vote = SentenceTest(lex.context, low, sentence)
    found = []
    for region in _regions(low, numbers, sentence):
        tokens = _tokens(low, region, lex)
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
    low: str, sentence: Sentence, tokens: Tokens, match: re.Match[str], lex: VoteLexicon
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
    lex: VoteLexicon,
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
    if _is_unlabeled_pair(items, pairs) and _failed(text, sentence, start, end, lex):
        # The winning side is named first or is the larger: a failed motion's
        # "for" is the smaller count, whatever the house style of ordering.
        a, b = items[0].value, items[1].value
        counts["for"], counts["against"] = min(a, b), max(a, b)
    return Tally(start, end, counts)


def _trim(items: list[Item], pairs: list[bool]) -> tuple[list[Item], list[bool]]:
    """Past a pair, a bare number is not a count: "68-32, with 12 Republicans joining"."""
    for i in range(2, len(items)):
        if items[i].label is None and not items[i].noun:
            return items[:i], pairs[: i - 1]
    return items, pairs


def _lone_count_ok(item: Item, before: str, lex: VoteLexicon) -> bool:
    """One count is a result only when labelled or plainly received."""
    if item.label == "X":
        return True
    if item.word in _ARTICLE_NUMBERS:
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


def _failed(text: str, sentence: Sentence, start: int, end: int, lex: VoteLexicon) -> bool:
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


# --- unanimity -------------------------------------------------------------


def _unanimity(text: str, sentence: Sentence, lex: VoteLexicon) -> list[tuple[int, int]]:
    found = []
    about_a_decision = SentenceTest(lex.unanimous_context, text, sentence)
    for m in lex.unanimous.finditer(text, sentence.start, sentence.end):
        before = text[max(sentence.start, m.start() - WINDOW) : m.start()]
        if lex.not_unanimous.search(before):
            continue
        if not about_a_decision():
            return []
        found.append((m.start(), m.end()))
    return found


def _merge_unanimity(tallies: list[Tally], spans: list[tuple[int, int]], text: str) -> list[Tally]:
    """Join each unanimity to the first tally close to it, or make it a claim of its own.

    Tallies and spans both come in text order, so one sweep finds the tallies within
    reach of each span: linear even for a megabyte of "52-47 unanimously, "."""
    alone: list[Tally] = []
    first = 0  # tallies before this one end too early for any later span
    for start, end in spans:
        while first < len(tallies) and tallies[first].end < start - MERGE_GAP:
            first += 1
        target = _near_tally(tallies, first, start, end, text)
        if target is None and alone and _close(alone[-1], start, end, text):
            target = alone[-1]
        if target is None:
            alone.append(Tally(start, end, {}, unanimous=True))
        else:
            target.unanimous = True
            target.start, target.end = min(target.start, start), max(target.end, end)
    return tallies + alone


def _near_tally(tallies: list[Tally], first: int, start: int, end: int, text: str) -> Tally | None:
    for tally in tallies[first : first + MAX_NEAR]:
        if tally.start > end + MERGE_GAP:
            return None
        if _close(tally, start, end, text):
            return tally
    return None


def _close(tally: Tally, start: int, end: int, text: str) -> bool:
    """A short gap without a period between the tally and the unanimity span."""
    gap = text[tally.end : start] if tally.end <= start else text[end : tally.start]
    return len(gap) <= MERGE_GAP and "." not in gap
