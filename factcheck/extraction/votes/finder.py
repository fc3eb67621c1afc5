"""vote_result claims: tallies ("adopté par 289 voix contre 12") and unanimity.

A sentence that passes the cheap cue filter is cut into tokens (numbers,
multi-word labels from the lexicon, words, punctuation); each token gets a
one-letter tag (tokens.py) and tallies are read off the tag string with small
regexes (tallies.py). Working on tags keeps the grammar readable and the
regexes linear: they never look at the raw text.
"""

from __future__ import annotations

from factcheck.extraction.lang import VoteWords, lexicon
from factcheck.extraction.model import Claim, Document, Sentence
from factcheck.extraction.numbers import NumberMatch, find_numbers
from factcheck.extraction.text import cue_sentences, doc_lowered
from factcheck.extraction.votes.tables import table_tallies
from factcheck.extraction.votes.tallies import MAX_CLAIMS, Tally, tallies
from factcheck.extraction.votes.unanimity import merge_unanimity, unanimity

# Numbers read per document: a long feature holds a few hundred in its vote
# sentences; tens of thousands are a table dump or an attack, and the rest of
# such a document is read for unanimity only.
MAX_NUMBERS = 20_000


def find(doc: Document) -> list[Claim]:
    try:
        lex = lexicon(doc.lang).votes
        low = doc_lowered(doc)
        claims: list[Claim] = []
        budget = MAX_NUMBERS
        sentences = record_blocks(doc.text, doc.sentences)
        for sentence in cue_sentences(doc.text, sentences, lex.cue, low):
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
    text: str, low: str, sentence: Sentence, numbers: list[NumberMatch], lex: VoteWords
) -> list[Claim]:
    """The rules read `low` (lowered text, same offsets); claims quote `text`."""
    blocked = Blockers(low, sentence, lex)
    found = [t for t in tallies(low, sentence, numbers, lex) if not blocked(t)]
    tables = table_tallies(low, sentence, lex)
    if tables:  # a table's reading wins over the running text's inside its span
        found = [t for t in found if not any(_overlap(t, table) for table in tables)] + tables
    found = merge_unanimity(found, unanimity(low, sentence, lex), low)
    return [tally.claim(text) for tally in sorted(found, key=lambda t: t.start)]


def _overlap(a: Tally, b: Tally) -> bool:
    return a.start < b.end and b.start < a.end


class Blockers:
    """Polls, candidates, elections: not a vote on a motion. The blocker is read from the
    sentence's start to the end of the tally's clause ("voted 5-4 to stop the recount,
    thus awarding the election" is a vote); a tally whose roles are labelled ("16 voix
    pour, 6 abstentions, 9 voix contre") is a vote whatever the sentence says.

    The sentence is searched once, for its first blocker and the last clause end before
    it, not again for each tally: a long sentence of tallies made that quadratic."""

    def __init__(self, low: str, sentence: Sentence, lex: VoteWords) -> None:
        found = lex.blockers.search(low, sentence.start, sentence.end)
        self._first_end = found.end() if found else None
        self._last_clause_end = -1
        if found:
            for m in lex.clause_end.finditer(low, sentence.start, found.start()):
                self._last_clause_end = m.start()

    def __call__(self, tally: Tally) -> bool:
        if tally.labelled or self._first_end is None:
            return False
        return self._last_clause_end < tally.end  # no clause end between tally and blocker


MAX_LINE = 80  # a record line ("Contre : 27", "- 66 contre", "  Nay 45") is short
MAX_ROW = 300  # a table row ("Votes For | | Votes Against | | ...") may be longer
MAX_BLOCK = 40  # lines joined into one record block


def record_blocks(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Runs of short lines read as one sentence: record lines ("Pour l'adoption : 56" /
    "Contre : 27", "- 187 pour" / "- 66 contre", "Yea 53" / "Nay 45") and table rows
    are cut into sentences by the segmenter, but one tally runs over them."""
    out: list[Sentence] = []
    run = 0
    for sentence in sentences:
        length = sentence.end - sentence.start
        short = length <= MAX_LINE or (
            length <= MAX_ROW and text.find("|", sentence.start, sentence.end) >= 0
        )
        if (
            out
            and short
            and run
            and run < MAX_BLOCK
            and "\n" in text[out[-1].end : sentence.start]
            and not text[out[-1].end : sentence.start].strip()
        ):
            out[-1] = Sentence(out[-1].start, sentence.end)
            run += 1
            continue
        out.append(sentence)
        run = 1 if short else 0
    return out
