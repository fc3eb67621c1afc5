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

This module is the driver (cue sentences, one pass of the rules a sentence,
overlaps); the rules are in ordinals.py and counts.py, the noun phrases they
read in phrases.py, the sentence's Context and its clauses in context.py.
"""

from __future__ import annotations

from factcheck.extraction.lang import MeetingWords, lexicon
from factcheck.extraction.meetings.context import Context, Span
from factcheck.extraction.meetings.counts import adverbs, count_nouns, count_times, elliptic_counts
from factcheck.extraction.meetings.ordinals import elliptic_spans, ordinal_rules, ordinals
from factcheck.extraction.model import Claim, Document, Sentence
from factcheck.extraction.numbers import find_numbers
from factcheck.extraction.text import cue_sentences, doc_lowered

# No article states thousands of these; past this a document is adversarial
# and the cap keeps its cost bounded.
MAX_CLAIMS = 2000


def find(doc: Document) -> list[Claim]:
    try:
        lex = lexicon(doc.lang).meetings
        low = doc_lowered(doc)
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
            spans.extend(elliptic_spans(text, context, lang, lex))
    else:
        numbers = find_numbers(text, lang, sentence.start, sentence.end)
        by_start = {n.start: n for n in numbers}
        by_end = {n.end: n for n in numbers}
        for ordinal in ordinals(text, lang, sentence, lex):
            spans.extend(ordinal_rules(text, context, ordinal, by_start, by_end, lex))
        for number in numbers:
            found = count_times(text, sentence, number, times, lex)
            if found is not None:
                times.append(found[0])
                spans.append((*found, "meeting.count_times"))
                continue
            found = count_nouns(text, context, number, by_start, lex)
            if found is not None:
                spans.append((*found, "meeting.count_nouns"))
        spans.extend(elliptic_counts(text, sentence, numbers, spans, lex))
    spans.extend((*found, "meeting.adverb") for found in adverbs(text, sentence, times, lex))
    spans.extend(
        (m.start(), m.end(), 1, "meeting.first_verb")
        for m in lex.first_verb.finditer(text, sentence.start, sentence.end)
    )
    return [_claim(text, span) for span in _without_overlaps(spans)]


def _elliptic_only(text: str, context: Context, lang: str, lex: MeetingWords) -> list[Claim]:
    """A sentence without a cue after one with a claim: "La seconde est à l'invitation de ..."."""
    return [
        _claim(text, span) for span in _without_overlaps(elliptic_spans(text, context, lang, lex))
    ]


def _claim(text: str, span: Span) -> Claim:
    start, end, count, rule = span
    return Claim("meeting_count", start, end, text[start:end], {"count": count}, rules=(rule,))


def _without_overlaps(spans: list[Span]) -> list[Span]:
    kept: list[Span] = []
    for span in sorted(spans):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept
