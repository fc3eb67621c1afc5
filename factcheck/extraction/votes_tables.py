"""Word tables for vote results, one per language.

Every token of a candidate sentence gets a one-letter tag from these tables;
votes.py then reads tallies off the tag string. Tags:

    N number            P number that is a share ("58 %")
    V vote noun         M member noun ("députés", "senators")
    F for label         A against label          X abstain label
    T pair connector    , list punctuation        & and/et      W with/avec
    S "sur"/"out of"    : colon                   B by/par      w anything else

Labels that are also prepositions ("pour", "for", "contre", "against") are
resolved by votes.py from the token that follows them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.extraction.model import Sentence


@dataclass(frozen=True, slots=True)
class VoteLexicon:
    words: dict[str, str]  # lowercased single word -> tag
    phrases: re.Pattern[str]  # multi-word labels; the group name is the tag
    cue: frozenset[str]  # lowercase literals; a sentence without any holds no vote
    context: re.Pattern[str]  # the sentence is about a vote (needed for bare "52-47")
    blockers: re.Pattern[str]  # polls, candidates, elections: not a vote on a motion
    hypothetical: re.Pattern[str]  # just before a tally: "if", "would", "il fallait"
    acquire: re.Pattern[str]  # just before a lone count: "a recueilli", "received"
    failure: re.Pattern[str]  # the motion as worded failed ("rejected", "sank")
    success: re.Pattern[str]  # the motion as worded passed
    unanimous: re.Pattern[str]
    unanimous_context: re.Pattern[str]  # needed around a bare adverb ("unanimously")
    not_unanimous: re.Pattern[str]  # just before: negation, a rule of procedure
    range_start: frozenset[str]  # "from 751 to 705" is a range, not a tally
    standing: re.Pattern[str]  # just after a bare pair: a balance of seats ("51-49 majority")


def _tags(**groups: str) -> dict[str, str]:
    """_tags(V="voix votes") -> {"voix": "V", "votes": "V"}."""
    return {word: tag for tag, words in groups.items() for word in words.split()}


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def lowered(text: str) -> str:
    """text.lower() with the same offsets: the lexicon patterns run on it without
    IGNORECASE, which the regex engine matches two to three times faster."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # A rare character ("İ") whose lowercase is longer stays as it is.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def cue_sentences(
    text: str, sentences: list[Sentence], cues: frozenset[str], low: str | None = None
) -> list[Sentence]:
    """The sentences holding one of the cue literals: str.find is far cheaper than a
    regex alternation, and most news sentences hold no vote or meeting at all.
    `low` is lowered(text) when the caller has it already."""
    low = lowered(text) if low is None else low
    spans = sentences or [Sentence(0, len(text))]
    starts = [s.start for s in spans]
    picked: set[int] = set()
    for cue in cues:
        at = low.find(cue)
        while at != -1:
            index = bisect.bisect_right(starts, at) - 1
            if index >= 0 and at < spans[index].end:
                picked.add(index)
                at = low.find(cue, spans[index].end)  # one hit per sentence is enough
            else:
                at = low.find(cue, at + 1)
    return [spans[i] for i in sorted(picked)]


def _rx(pattern: str) -> re.Pattern[str]:
    """A lexicon pattern: lowercase literals, matched against lowered(text).

    Alternatives start with a literal rather than with \\b or an optional group
    where it matters: the engine then jumps to the possible first characters
    instead of trying every position."""
    return re.compile(pattern)


def _phrases(pattern: str) -> re.Pattern[str]:
    """Multi-word labels end at a word's end: "voted no" is not in "voted none"."""
    return _rx(rf"(?:{pattern})(?!\w)")


# "by 14 votes to none": zero spelled as a word, read as a count after a connector.
ZERO = words("none nil zéro aucun aucune")

# Percent markers turn the number before them into a share (tag P).
PERCENT = words("% pour cent per percent pc points")

FR = VoteLexicon(
    words=_tags(
        V="voix vote votes suffrage suffrages bulletins",
        M="députés députées sénateurs sénatrices élus élues parlementaires eurodéputés "
        "conseillers conseillères membres délégués états pays votants",
        F="pour oui favorables",
        A="contre non défavorables",
        X="abstention abstentions abstentionnistes",
        T="à - – vs versus",
        **{",": ", ; (", "&": "et plus soit tandis alors", "W": "avec", ":": ":"},
        S="sur",
        B="par",
    ),
    phrases=_phrases(
        r"(?P<F>l['’](?:ont|a|avaient|avait)\s+(?:votée?s?|approuvée?s?|soutenue?s?)"
        r"|(?:ont|avaient|a)\s+(?:voté|votés)\s+(?:pour|en\s+(?:sa\s+|leur\s+)?faveur)"
        r"|en\s+(?:sa\s+|leur\s+)?faveur)"
        r"|(?P<A>(?:ont|avaient|a)\s+voté\s+contre|l['’](?:ont|a)\s+rejetée?s?)"
        r"|(?P<X>(?:se\s+sont|s['’]est|s['’]étaient|se\s+seront)\s+abstenue?s?)"
        r"|(?P<P>pour\s+cent|points?\s+de\s+pourcentage)"
    ),
    cue=words("voix vot suffrage unanim absten scrutin député sénateur recueilli")
    | {"pour :", "pour:", "contre :", "contre:"},
    context=_rx(
        r"\bvot|voix|suffrage|scrutin|unanim|absten|adopt|approuv|rejet|motion|résolution"
        r"|amendement|projet de loi|texte|assemblée|sénat|conseil|parlement|députés|sénateurs"
    ),
    blockers=_rx(
        r"\b(?:candidat|adversaire|rival|primaire|participation\b)|élection|sondage"
        r"|intentions? de vote|taux de participation"
    ),
    hypothetical=_rx(
        r"\b(?:si|s['’]il|s['’]ils|pourrait|pourraient|devrait|devraient|faudrait|faut|fallait"
        r"|nécessaires?|requise?s?|besoin|minimum|seuil)\b[^.;]{0,30}$"
    ),
    acquire=_rx(
        r"\b(?:obtenu|recueilli|réuni|rassemblé|reçu|récolté|totalisé|emporté)\s+"
        r"(?:(?:que|qu['’]|de|seulement|à peine|tout juste|au total|finalement)\s*){0,3}$"
    ),
    failure=_rx(
        r"\b(?:rejet\w*|repouss\w*|battue?s?|retoqu\w*|refus\w*|écart[ée]\w*|voté contre"
        r"|n['’]\w+ pas (?:été )?adopt\w*|pas été adopt\w*|échoué|tombée?)"
    ),
    success=_rx(r"\b(?:adopt\w*|approuv\w*|vot[ée]e?s? pour|validée?s?|entérin\w*|soutenu\w*)"),
    unanimous=_rx(r"\bà\s+l['’]unanimité(?!\s+moins)|\bunanimement\b|\bvote\s+unanime\b"),
    unanimous_context=_rx(r"\w"),  # "à l'unanimité" is unambiguous in French
    not_unanimous=_rx(
        r"(?:\bpas|\bjamais|\bsans|\bstatuer?|\bstatuent|\brequi\w*|\bexig\w*|\bnécessit\w*"
        r"|\bdoi[tv]\w*)\s+(?:\w+\s+){0,2}$"
    ),
    range_start=words("de entre"),
    standing=_rx(r"\s*(?:[\w-]+\s+)?(?:majorité|sièges|avance)\b"),
)

EN = VoteLexicon(
    words=_tags(
        V="vote votes ballots",
        M="mps meps senators members lawmakers legislators representatives deputies "
        "councillors councilors delegates countries states nations peers",
        F="for yes yea yeas aye ayes",
        A="against no nay nays noes opposed",
        X="abstention abstentions abstained abstaining",
        T="to - – vs versus",
        **{",": ", ; (", "&": "and plus while whereas", "W": "with including", ":": ":"},
        S="of",
        B="by",
    ),
    phrases=_phrases(
        r"(?P<F>(?:have|had|has)\s+voted\s+(?:for|in\s+favou?r|yes|aye)"
        r"|voted\s+(?:for|in\s+favou?r|yes|aye)|in\s+favou?r|in\s+support)"
        r"|(?P<A>(?:have|had|has)\s+voted\s+(?:against|no|nay)|voted\s+(?:against|no|nay))"
        r"|(?P<S>out\s+of)"
        r"|(?P<P>per\s+cent|percentage\s+points?)"
    ),
    cue=words(
        "vot unanim absten tally ballot passed adopt approv confirm reject defeat sank sink ayes "
        "nays favo motion resolution amendment bill carried cleared senate house council "
        "committee parliament assembly against dissent"
    ),
    context=_rx(
        r"\b(?:vot|pass(?:ed|es)?\b|motion|bill\b|house\b|mps\b)|tally|ballot|roll call"
        r"|unanim|absten|adopt|approv|confirm|resolution|amendment|senate|parliament|assembly"
        r"|council|committee|commons|congress|senators|lawmakers|carried"
    ),
    blockers=_rx(
        r"\b(?:candidate|opponent|rival\b|challenger|election|primar(?:y|ies)\b|polls?\b|polling"
        r"|survey)|turnout|electoral votes|electoral college"
    ),
    hypothetical=_rx(
        r"\b(?:if|would|could|might|should|needs?|needed|requires?|required|necessary"
        r"|minimum|threshold|expected|projected|likely)\b[^.;]{0,30}$"
    ),
    acquire=_rx(
        r"\b(?:received|won|garnered|secured|got|obtained|drew|attracted|gained|mustered"
        r"|collected|picked up)\s+(?:(?:only|just|barely|a mere|a total of|some)\s+){0,2}$"
    ),
    failure=_rx(
        r"\b(?:reject\w*|defeat\w*|sank|sink\w*|sunk|voted down|vote down|fail\w*|kill\w*"
        r"|block\w*|threw out|thrown out|turned down|voted against|shot down)"
    ),
    success=_rx(
        r"\b(?:pass(?:ed|es)?|adopt\w*|approv\w*|back(?:ed|s)?|confirm\w*|endors\w*|carried"
        r"|voted for|voted in favou?r|accept\w*|cleared|advanced?)\b"
    ),
    unanimous=_rx(
        r"\bunanimously\b|\bunanimous\s+(?:vote|approval|consent|ballot|support)\b"
        r"|\bwithout\s+(?:a\s+)?dissent(?:ing\s+vote)?\b"
    ),
    unanimous_context=_rx(
        r"\b(?:vot|pass|back|bill\b|house\b)|adopt|approv|endors|confirm|elect|agreed|decided"
        r"|carried|reject|resolution|motion|council|committee|board|senate|assembly"
        r"|parliament|members"
    ),
    not_unanimous=_rx(r"(?:\bnot|n['’]t|\bnever|\brequir\w*|\bneed\w*)\s+(?:\w+\s+){0,2}$"),
    range_start=words("from between"),
    standing=_rx(r"\s*(?:[\w-]+\s+)?(?:majority|majorities|seats?|lead|edge|advantage|split)\b"),
)

LEXICONS = {"fr": FR, "en": EN}
