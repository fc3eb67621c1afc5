"""Word tables for meeting counts, one per language.

meetings.py combines them with the number finders: an ordinal before a
meeting noun ("leur troisième sommet"), a count of meeting nouns ("These 19
meetings"), or a count of times ("à trois reprises", "met twice") next to a
meeting verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MeetingLexicon:
    cue: frozenset[str]  # lowercase literals; a sentence without any holds no meeting
    noun: re.Pattern[str]  # a meeting noun, anchored where the ordinal's phrase goes on
    plural_noun: re.Pattern[str]  # "19 meetings", "trois sommets"
    modifier: re.Pattern[str]  # words allowed between the ordinal and the noun
    named_session: re.Pattern[str]  # right after the noun: a numbered session as a name
    verb: re.Pattern[str]  # meeting verbs, searched in the clause before a count
    times: re.Pattern[str]  # anchored after a cardinal: "fois", "times", "reprises"
    time_word: re.Pattern[str]  # anchored after an ordinal: "fois", "time"
    adverb_times: re.Pattern[str]  # "twice", "once": a count without a number
    frequency: re.Pattern[str]  # anchored after the count: "par an", "a year"
    approximate: re.Pattern[str]  # just before a count: "plus de", "more than"
    boundary: re.Pattern[str]  # a clause edge the verb search does not cross
    article_numbers: frozenset[str]  # "un sommet" is an article, not a count
    # Lowercase literals, one inside every match of times, time_word, noun and
    # plural_noun: a sentence holding none has no count or ordinal to look for.
    anchors: frozenset[str]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


FR = MeetingLexicon(
    cue=_words(
        "sommet rencontr réuni entretien entretenu entrevue tête session édition reprise fois "
        "téléphon pourparlers négociations vus retrouv"
    ),
    noun=_rx(
        r"(?:sommets?|rencontres?|réunions?|entretiens?|entrevues?|t[êe]te[- ]à[- ]t[êe]te"
        r"|sessions?|conversations?\s+téléphoniques?|appels?\s+téléphoniques?"
        r"|échanges?\s+téléphoniques?"
        r"|(?:cycles?|rounds?|séries?|sessions?)\s+de\s+(?:négociations|pourparlers|discussions)"
        r"|éditions?\s+(?:du|de\s+la|de\s+l['’])\s*(?:sommet|rencontre|réunion|forum))\b"
    ),
    plural_noun=_rx(
        r"(?:sommets|rencontres|réunions|entretiens|entrevues|t[êe]te[- ]à[- ]t[êe]te"
        r"|conversations\s+téléphoniques|appels\s+téléphoniques"
        r"|(?:cycles|rounds|séries|sessions)\s+de\s+(?:négociations|pourparlers|discussions))\b"
    ),
    modifier=_rx(r"(?:vrai|véritable|grand|grande|nouveau|nouvelle|officiel|officielle)\b"),
    named_session=_rx(
        r"\s+(?:de\s+l['’]|du\s+|des\s+)(?:Assemblée\s+générale|Conseil\s+des\s+droits"
        r"|conférence\s+des\s+parties|COP)"
    ),
    verb=_rx(
        r"\b(?:rencontr\w*|entretenu\w*|entretenir|entretiennent|entretiendront|réuni(?:e|s|es)?"
        r"|retrouvé\w*|(?:se|s['’])\s+(?:sont|étaient|seront|est|était)\s+(?:déjà\s+)?"
        r"(?:vus|parlé|téléphoné|croisés|entretenus?)|reçu|sommets?|réunions?|rencontres?)\b"
    ),
    times=_rx(r"\s+(?:fois|reprises)\b"),
    time_word=_rx(r"\s+fois\b"),
    adverb_times=_rx(r"(?!)"),  # French has no "twice": "deux fois" is a count + "fois"
    frequency=_rx(
        r"\s*(?:par|chaque|tous\s+les|toutes\s+les)\s+(?:an|année|mois|semaine|jour)"
        r"|\s*l['’](?:an|année)|\s*de\s+(?:plus|suite)|\s+encore"
    ),
    approximate=_rx(
        r"(?:plus\s+de|moins\s+de|près\s+de|environ|quelque|au\s+moins|une\s+dizaine\s+de)\s*$"
    ),
    boundary=_rx(r"[.;:!?()«»\"“”,]|\b(?:qui|mais|tandis|alors|puis|lorsque|quand)\b"),
    article_numbers=frozenset(["un", "une"]),
    anchors=_words(
        "sommet rencontre réunion entretien entrevue tête tete session conversation appel "
        "échange négociations pourparlers discussions édition fois reprises"
    ),
)

EN = MeetingLexicon(
    cue=_words(
        "summit meet met talk encounter face sit-down one-on-one tête session time twice once "
        "thrice phone call conversation interview round spoke spoken hosted"
    ),
    noun=_rx(
        r"(?:summits?|meetings?|talks|encounters?|face-to-faces?|sit-downs?|one-on-ones?"
        r"|t[êe]te-à-t[êe]tes?|sessions?|(?:phone|telephone)\s+(?:calls?|conversations?)"
        r"|conversations?|interviews?\s+with|rounds?\s+of\s+(?:talks|negotiations|discussions))\b"
    ),
    plural_noun=_rx(
        r"(?:summits|meetings|encounters|face-to-faces|sit-downs|one-on-ones"
        r"|(?:phone|telephone)\s+(?:calls|conversations)|conversations"
        r"|rounds\s+of\s+(?:talks|negotiations|discussions))\b"
    ),
    modifier=_rx(
        r"(?:official|formal|informal|face-to-face|in-person|bilateral|direct|historic|ever"
        r"|one-on-one|personal|private|full|proper|real|summit|high-level|top-level|phone"
        r"|telephone|video|virtual|joint|trilateral|diplomatic|substantive|major|standalone"
        r"|leaders['’]?|inter-\w+)\b"
    ),
    named_session=_rx(r"\s+of\s+the\s+(?:UN\s+|United\s+Nations\s+)?(?:General\s+Assembly|COP)"),
    verb=_rx(
        r"\b(?:met|meet|meets|meeting|spoken|spoke|talked|hosted|sat\s+down|held\s+talks"
        r"|summits?|meetings?)\b"
    ),
    times=_rx(r"\s+times\b"),
    time_word=_rx(r"\s+time\b"),
    adverb_times=_rx(r"\b(?:once|twice|thrice)\b"),
    frequency=_rx(
        r"\s*(?:a|an|per|each|every)\s+(?:year|month|week|day|decade)|\s*(?:again|more|over)\b"
        r"|\s+a\s+year|\s+yearly|\s+annually"
    ),
    approximate=_rx(
        r"(?:more\s+than|fewer\s+than|less\s+than|over|about|around|nearly|almost|some"
        r"|at\s+least|roughly|dozens\s+of)\s*$"
    ),
    boundary=_rx(r"[.;:!?()\"“”,]|\b(?:who|which|but|while|whereas|when|and\s+then)\b"),
    article_numbers=frozenset(["one"]),
    anchors=_words(
        "summit meeting talks encounter face-to-face sit-down one-on-one tête tete session call "
        "conversation interview round time"
    ),
)

LEXICONS = {"fr": FR, "en": EN}
# Words of a short aside that does not end a clause: "se sont entretenus, pour la première fois".
FILLERS = _words(
    "pour la le à au en tout total déjà seulement ne for the only just already in all have has ever"
)
ADVERB_COUNTS = {"once": 1, "twice": 2, "thrice": 3}
