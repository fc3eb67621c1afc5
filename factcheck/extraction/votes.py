"""vote_result claims: tallies ("adopté par 289 voix contre 12") and unanimity.

A sentence that passes the cheap cue filter is cut into tokens (numbers,
multi-word labels from the tables, words, punctuation); each token gets a
one-letter tag (votes_tables.py) and tallies are read off the tag string with
small regexes. Working on tags keeps the grammar readable and the regexes
linear: they never look at the raw text.
"""

from __future__ import annotations

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
_ROLE = {"F": "for", "A": "against", "X": "abstain"}
# "contre la réforme", "pour renverser": a preposition, not a tally label.
_DETERMINERS = words("la le les l un une ce cet cette ces son sa ses leur leurs")
_ARTICLE_NUMBERS = words("un une one")  # "un vote de confiance" is no count
_EN_PRONOUN = re.compile(r"\bn?['’]?en\s+(?:\w+\s+){1,2}", re.IGNORECASE)
REACH = 80  # characters of words tokenized on each side of a number
WINDOW = 45  # characters of left context read by the cue regexes
MERGE_GAP = 30  # "unanimously, 9-0": unanimity and a tally this close are one claim


@dataclass(slots=True)
class Token:
    start: int
    end: int
    tag: str
    value: int | None = None
    word: str = ""


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


def find(doc: Document) -> list[Claim]:
    try:
        lex = LEXICONS.get(doc.lang, LEXICONS["en"])
        claims: list[Claim] = []
        for sentence in cue_sentences(doc.text, doc.sentences, lex.cue):
            claims.extend(_in_sentence(doc.text, sentence, doc.lang, lex))
        return claims
    except Exception:  # a rule bug must cost one kind of claim, never the document
        return []


def _in_sentence(text: str, sentence: Sentence, lang: str, lex: VoteLexicon) -> list[Claim]:
    tallies = _tallies(text, sentence, lang, lex)
    if tallies and lex.blockers.search(text, sentence.start, sentence.end):
        tallies = []  # polls, candidates, elections: not a vote on a motion
    for start, end in _unanimity(text, sentence, lex):
        _merge_unanimity(tallies, start, end, text)
    return [tally.claim(text) for tally in sorted(tallies, key=lambda t: t.start)]


# --- tokens and tags -------------------------------------------------------


def _regions(numbers: list[NumberMatch], sentence: Sentence) -> list[tuple[int, int]]:
    """Stretches of the sentence near its numbers: tallies are local, so the words far
    from any number need no tokens (long sentences stay cheap)."""
    regions: list[tuple[int, int]] = []
    for n in numbers:
        lo, hi = max(sentence.start, n.start - REACH), min(sentence.end, n.end + REACH)
        if regions and lo <= regions[-1][1]:
            regions[-1] = (regions[-1][0], hi)
        else:
            regions.append((lo, hi))
    return regions


def _tokens(
    text: str, region: tuple[int, int], numbers: list[NumberMatch], lex: VoteLexicon
) -> list[Token]:
    start, end = region
    fixed = [
        Token(n.start, n.end, "N", n.value, text[n.start : n.end].lower())
        for n in numbers
        if start <= n.start and n.end <= end
    ]
    for m in lex.phrases.finditer(text, start, end):
        if not any(t.start < m.end() and m.start() < t.end for t in fixed):
            fixed.append(Token(m.start(), m.end(), m.lastgroup or "w"))
    fixed.sort(key=lambda t: t.start)
    tokens: list[Token] = []
    j = 0
    for m in _WORD.finditer(text, start, end):
        while j < len(fixed) and fixed[j].end <= m.start():
            tokens.append(fixed[j])
            j += 1
        if j < len(fixed) and fixed[j].start < m.end():
            continue  # inside a number or a phrase
        word = m.group().lower()
        tokens.append(Token(m.start(), m.end(), lex.words.get(word, "w"), word=word))
    tokens.extend(fixed[j:])
    _resolve_ambiguous(tokens)
    return tokens


def _resolve_ambiguous(tokens: list[Token]) -> None:
    """Decide from the neighbours what "pour", "contre", "à" and shares are."""
    for i, token in enumerate(tokens):
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if token.word in ZERO and i > 0 and tokens[i - 1].tag == "T":
            token.tag, token.value = "N", 0
        elif token.tag == "N" and after is not None and (after.word in PERCENT or after.tag == "P"):
            token.tag = "P"
        elif token.word in ("pour", "for") and after is not None and after.tag == "w":
            token.tag = "w"  # "neuf voix pour renverser", "52 to 47 for the bill"
        elif token.word in ("contre", "against"):
            token.tag = _against_tag(tokens, i)
        elif token.word == "à" and not _between_counts(tokens, i):
            token.tag = "w"  # "à 9 voix près", "à l'unanimité"


def _against_tag(tokens: list[Token], i: int) -> str:
    """ "289 voix contre 12" joins two counts; "245 contre." labels one."""
    after = [t for t in tokens[i + 1 : i + 3] if t.tag != "V"]
    if after and after[0].tag == "N":
        return "T"
    if after and after[0].word in _DETERMINERS:
        return "w"
    return "A"


def _between_counts(tokens: list[Token], i: int) -> bool:
    before = tokens[i - 1].tag if i > 0 else ""
    after = tokens[i + 1].tag if i + 1 < len(tokens) else ""
    return before in ("N", "V") and after == "N"


# --- tallies ---------------------------------------------------------------


def _tallies(text: str, sentence: Sentence, lang: str, lex: VoteLexicon) -> list[Tally]:
    numbers = find_numbers(text, lang, sentence.start, sentence.end)
    found = []
    for region in _regions(numbers, sentence):
        tokens = _tokens(text, region, numbers, lex)
        tags = "".join(t.tag for t in tokens)
        for match in _TALLY.finditer(tags):
            items, pairs = _items(tokens, tags, match.start(), match.end())
            tally = _tally(text, sentence, tokens, match.start(), items, pairs, lex)
            if tally is not None:
                found.append(tally)
    return found


def _items(tokens: list[Token], tags: str, start: int, end: int) -> tuple[list[Item], list[bool]]:
    """The counts of one tally, and for each gap whether it is a pair connector."""
    items: list[Item] = []
    pairs: list[bool] = []
    last_end = None
    for m in _ITEM.finditer(tags, start, end):
        if last_end is not None:
            pairs.append("T" in tags[last_end : m.start()])
        last_end = m.end()
        part = tags[m.start() : m.end()]
        number = tokens[m.start() + part.index("N")]
        label = part[0] if part[0] in _ROLE else (part[-1] if part[-1] in _ROLE else None)
        items.append(
            Item(
                number.value or 0,
                label,
                "V" in part or "M" in part,
                tokens[m.start()].start,
                tokens[m.end() - 1].end,
                number.word,
            )
        )
    return items, pairs


def _tally(
    text: str,
    sentence: Sentence,
    tokens: list[Token],
    first: int,
    items: list[Item],
    pairs: list[bool],
    lex: VoteLexicon,
) -> Tally | None:
    items, pairs = _trim(items, pairs)
    start, end = items[0].start, items[-1].end
    before = text[max(sentence.start, start - WINDOW) : start]
    if lex.hypothetical.search(before):
        return None
    if len(items) > 1 and first > 0 and tokens[first - 1].word in lex.range_start:
        return None  # "from 751 to 705", "entre 280 et 290 voix"
    if len(items) == 1:
        ok = _lone_count_ok(items[0], before, lex)
    else:
        ok = _several_counts_ok(text, sentence, items, pairs, lex)
    if not ok:
        return None
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


def _several_counts_ok(
    text: str, sentence: Sentence, items: list[Item], pairs: list[bool], lex: VoteLexicon
) -> bool:
    if any(item.label for item in items) or any(item.noun for item in items):
        return any(item.label for item in items) or pairs[0]
    if not pairs[0]:
        return False  # "entre 280 et 290": two numbers that are not a tally
    if all(1000 <= item.value <= 2100 for item in items[:2]):
        return False  # "2018-2019"
    return bool(lex.context.search(text, sentence.start, sentence.end))


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
    for m in lex.unanimous.finditer(text, sentence.start, sentence.end):
        before = text[max(sentence.start, m.start() - WINDOW) : m.start()]
        if lex.not_unanimous.search(before):
            continue
        if not lex.unanimous_context.search(text, sentence.start, sentence.end):
            continue
        found.append((m.start(), m.end()))
    return found


def _merge_unanimity(tallies: list[Tally], start: int, end: int, text: str) -> None:
    for tally in tallies:
        gap = text[tally.end : start] if tally.end <= start else text[end : tally.start]
        if len(gap) <= MERGE_GAP and "." not in gap:
            tally.unanimous = True
            tally.start, tally.end = min(tally.start, start), max(tally.end, end)
            return
    tallies.append(Tally(start, end, {}, unanimous=True))
