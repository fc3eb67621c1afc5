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
from factcheck.extraction.text import cue_sentences, lowered
from factcheck.extraction.votes.tallies import MAX_CLAIMS, tallies
from factcheck.extraction.votes.unanimity import merge_unanimity, unanimity

# Numbers read per document: a long feature holds a few hundred in its vote
# sentences; tens of thousands are a table dump or an attack, and the rest of
# such a document is read for unanimity only.
MAX_NUMBERS = 20_000


def find(doc: Document) -> list[Claim]:
    try:
        lex = lexicon(doc.lang).votes
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
    text: str, low: str, sentence: Sentence, numbers: list[NumberMatch], lex: VoteWords
) -> list[Claim]:
    """The rules read `low` (lowered text, same offsets); claims quote `text`."""
    found = tallies(low, sentence, numbers, lex)
    if found and lex.blockers.search(low, sentence.start, sentence.end):
        found = []  # polls, candidates, elections: not a vote on a motion
    found = merge_unanimity(found, unanimity(low, sentence, lex), low)
    return [tally.claim(text) for tally in sorted(found, key=lambda t: t.start)]
