"""Vote tokens: numbers, multi-word labels and words near the numbers, each tagged.

Tags (one letter per token, from the lexicon's `words` and `phrases`):

    N number            P number that is a share ("58 %")
    V vote noun         M member noun ("députés", "senators")
    F for label         A against label          X abstain label (after the count)
    f a x               the same roles said by a verb ("ont voté contre", "abstained"):
                        the count's noun phrase may come between ("143 member
                        countries voted in favor")
    Y Z Q               the same roles as record labels, before or after the count
                        ("Ayes 201", "Pour l'adoption : 56", "22 yeas", "backed by")
    O                   a count that is no role ("votants", "not voting", "absent")
    G                   a party group: how a group voted is no tally ("12 Republicans")
    j                   a word of the count's noun phrase before its noun ("autres")
    T pair connector    , list punctuation        & and/et      W with/avec
    S "sur"/"out of"    : colon                   B by/par      w anything else

Labels that are also prepositions ("pour", "for", "contre", "against") are
resolved here from the token that follows them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.extraction.lang import VoteWords
from factcheck.extraction.lang import shared as S
from factcheck.extraction.lang.shared import VOTE_PERCENT, VOTE_ZERO
from factcheck.extraction.model import Sentence
from factcheck.extraction.numbers import NumberMatch

_WORD = re.compile(r"\w+|[^\w\s]")
_WORD_TAIL = re.compile(r"\w+")
# "contre la réforme", "pour renverser": a preposition, not a tally label.
# Words whose tag depends on their neighbours (numbers too: "58 %" is a share).
_OF = frozenset(("of", "de", "du", "des"))
_AMBIGUOUS = VOTE_ZERO | S.VOTE_FOR_WORDS | S.VOTE_AGAINST_WORDS | {S.VOTE_TO}
# Characters tokenized before and after a number: enough for the longest count
# ("Abstentions : 5", "131 députés sur 577 l'ont votée", "331 députés ont voté en
# leur faveur"); a tally's further counts bring their own reach.
REACH_BEFORE = 30
REACH_AFTER = 120
# A cue sentence up to this length is tokenized whole: a count and its label can sit
# far apart ("Cinq pays ont voté contre (la Biélorussie, ...), 35 se sont abstenus").
WHOLE_SENTENCE = 600
MAX_ASIDE = 40  # tokens an aside (parenthesis, name list) may hold
MAX_WORD = 40  # how far a region edge moves to take in the whole word it cuts


@dataclass(slots=True)
class Tokens:
    """One entry per token in parallel lists: a sentence with a tally has dozens of
    tokens, and filling lists costs a fraction of building one object each."""

    start: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    word: list[str] = field(default_factory=list)  # lowercased; "" for a phrase
    value: list[int | None] = field(default_factory=list)
    asides: list[tuple[int, int]] = field(default_factory=list)  # skipped: _without_asides

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
class Region:
    start: int
    end: int
    numbers: list[NumberMatch]


def regions(low: str, numbers: list[NumberMatch], sentence: Sentence) -> list[Region]:
    """Stretches of the sentence near its numbers, each with its own numbers: tallies
    are local, so the words far from any number need no tokens (long sentences stay
    cheap). Edges move out to the end of the word they cut ("former" is no "for")."""
    if numbers and sentence.end - sentence.start <= WHOLE_SENTENCE:
        return [Region(sentence.start, sentence.end, list(numbers))]
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


def tokenize(low: str, region: Region, lex: VoteWords) -> Tokens:
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
    return _without_asides(tokens, lex)


def _without_asides(tokens: Tokens, lex: VoteWords) -> Tokens:
    """The tokens without the asides that interrupt a tally: a parenthesis holding no
    count ("une abstention (Chine)", "27 voix pour (majorité municipale)", "(58 %)",
    "(out of 193)") and a name list before a verb label (", parmi lesquels la Chine
    et l'Inde, ..., se sont abstenus"). Each aside is bounded: linear on any input."""
    tags, words = tokens.tag, tokens.word
    drop = bytearray(len(tags))
    i, last = 0, len(tags)
    while i < last:
        word = words[i]
        j = -1
        if word == "(":
            j = _aside_end(tags, words, i)
        elif word in lex.list_openers and i > 0 and tags[i - 1] == ",":
            j = _list_end(tags, i)
            i -= 1 if j > 0 else 0
        if j > 0:
            drop[i:j] = b"\x01" * (j - i)
            i = j
        else:
            i += 1
    if not any(drop):
        return tokens
    kept = Tokens()
    for k in range(last):
        if not drop[k]:
            kept.add(tokens.start[k], tokens.end[k], tags[k], words[k], tokens.value[k])
        elif k == 0 or not drop[k - 1]:
            kept.asides.append((tokens.start[k], tokens.end[k]))
        else:
            kept.asides[-1] = (kept.asides[-1][0], tokens.end[k])
    return kept


def _aside_end(tags: list[str], words: list[str], i: int) -> int:
    """The index after the ")" closing a parenthesis without a count, else -1."""
    inner = []
    for k in range(i + 1, min(i + MAX_ASIDE, len(tags))):
        if words[k] == ")":
            body = "".join(inner)
            if "N" not in body or body in ("SN", "SNM"):  # "(Chine)", "(58 %)", "(out of 193)"
                return k + 1
            return -1
        inner.append(tags[k])
    return -1


def _list_end(tags: list[str], i: int) -> int:
    """The index of the verb label that ends a name list opened at i, else -1: the list
    holds names only (no count, no vote noun) and ends with a comma."""
    for k in range(i + 1, min(i + MAX_ASIDE, len(tags))):
        tag = tags[k]
        if tag in "fax" and tags[k - 1] == ",":
            return k
        if tag not in "w,&":
            return -1
    return -1


def _resolve_ambiguous(tokens: Tokens) -> None:
    """Decide from the neighbours what "pour", "contre", "à" and shares are."""
    tags, words = tokens.tag, tokens.word
    last = len(tags) - 1
    for i, word in enumerate(words):
        if word not in _AMBIGUOUS and tags[i] != "N":
            continue
        after = i + 1 if i < last else None
        if word in VOTE_ZERO and i > 0 and tags[i - 1] == "T":
            tags[i], tokens.value[i] = "N", 0
        elif (
            tags[i] == "N"
            and after is not None
            and (words[after] in VOTE_PERCENT or tags[after] == "P")
        ):
            tags[i] = "P"
        elif (
            word in S.VOTE_FOR_WORDS
            and after is not None
            and tags[after] == "w"
            and words[after][:1].isalnum()
        ):
            tags[i] = "w"  # "neuf voix pour renverser", "52 to 47 for the bill"; not "pour."
        elif word in S.VOTE_AGAINST_WORDS:
            tags[i] = _against_tag(tokens, i)
        elif word == S.VOTE_TO and not _between_counts(tags, i):
            tags[i] = "w"  # "à 9 voix près", "à l'unanimité"
    for i in range(2, last):
        if tags[i] == "F" and tags[i - 1] == "N" and tags[i - 2] == "T" and words[i + 1] in _OF:
            tags[i] = "w"  # "voted 7 to 2 in favor of the nominee": the vote's direction
    for i in range(last):
        if tags[i] in _HEADS and tags[i + 1] == "N" and _record_slot(tags, words, i):
            tags[i] = _HEADS[tags[i]]  # "For 312, Against 290, Abstentions 2": a record line


_HEADS = {"F": "Y", "A": "Z", "X": "Q", "T": "Z"}


def _record_slot(tags: list[str], words: list[str], i: int) -> bool:
    """Whether a role word before a count opens a record item: it opens the line or
    follows a colon or comma, and its count ends there ("For 312," not "for 12 years").
    "contre" between counts stays a connector unless no label follows its count."""
    if words[i] in S.VOTE_NUMBER_SIGNS:
        return False  # "Amendment No 21"
    if tags[i] == "T" and words[i] not in S.VOTE_AGAINST_WORDS:
        return False
    if i >= 2 and tags[i - 1] == "N" and tags[i - 2] in "YZQ":
        return True  # "Pour 15 Contre 2 Abstention 1": a record line goes on
    if i > 0 and tags[i - 1] not in ":,":
        return False
    after = tags[i + 2] if i + 2 < len(tags) else ""
    if tags[i] == "T" and after in "FAXfax" and after:
        return False  # "pour, contre 137 non": a connector
    return (
        after in ("", ",", "&", ":", "Y", "Z", "Q")
        or (after in "FAX" and words[i + 2] != "" and tags[i] != "T")
        or (after == "T" and words[i + 2] in S.VOTE_AGAINST_WORDS and tags[i] != "T")
        or words[i + 2] == "."
    )


def _against_tag(tokens: Tokens, i: int) -> str:
    """ "289 voix contre 12" joins two counts; "245 contre." labels one."""
    after = [k for k in range(i + 1, min(i + 3, len(tokens.tag))) if tokens.tag[k] != "V"]
    if after and tokens.tag[after[0]] == "N":
        return "T"
    if after and tokens.word[after[0]] in S.VOTE_DETERMINERS:
        return "w"
    return "A"


def _between_counts(tags: list[str], i: int) -> bool:
    before = tags[i - 1] if i > 0 else ""
    after = tags[i + 1] if i + 1 < len(tags) else ""
    return before in ("N", "V") and after == "N"
