"""French: every word list, cue and switch the extractor reads for "fr".

Sets shared with English because the grammar reads them in any language
today live in shared.py; this module points at them. Date phrases are plain
text, tokenized by the date scanner at import ("aujourd'hui" also matches
"aujourd’hui").
"""

from __future__ import annotations

from factcheck.extraction.lang import shared
from factcheck.extraction.lang.build import caseless_rx, label_rx, lower_rx, tags, words
from factcheck.extraction.lang.lexicon import (
    DateWords,
    EasterOffset,
    FixedDay,
    Lexicon,
    MeetingWords,
    NumberWords,
    Shift,
    TokenReader,
    VoteWords,
)

# --- dates -------------------------------------------------------------------

MONTHS = {
    "janvier": 1,
    "janv": 1,
    "février": 2,
    "fevrier": 2,
    "févr": 2,
    "fév": 2,
    "fevr": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "décembre": 12,
    "decembre": 12,
    "déc": 12,
    "dec": 12,
}

WEEKDAYS = {
    "lundi": 0,
    "mardi": 1,
    "mercredi": 2,
    "jeudi": 3,
    "vendredi": 4,
    "samedi": 5,
    "dimanche": 6,
}

# Relative expressions anchored on publication.
RELATIVE = {
    "aujourd'hui": Shift("day", 0),
    "ce soir": Shift("day", 0),
    "ce matin": Shift("day", 0),
    "cet après-midi": Shift("day", 0),
    "cette nuit": Shift("day", 0),
    "hier": Shift("day", -1),
    "avant-hier": Shift("day", -2),
    "demain": Shift("day", 1),
    "après-demain": Shift("day", 2),
    "cette semaine": Shift("week", 0),
    "la semaine dernière": Shift("week", -1),
    "la semaine passée": Shift("week", -1),
    "la semaine prochaine": Shift("week", 1),
    "ce mois-ci": Shift("month", 0),
    "ce mois": Shift("month", 0),
    "le mois dernier": Shift("month", -1),
    "le mois passé": Shift("month", -1),
    "le mois prochain": Shift("month", 1),
    "cette année": Shift("year", 0),
    "l'an dernier": Shift("year", -1),
    "l'année dernière": Shift("year", -1),
    "l'an passé": Shift("year", -1),
    "l'année passée": Shift("year", -1),
    "l'an prochain": Shift("year", 1),
    "l'année prochaine": Shift("year", 1),
}

# Period words that a modifier can govern without a number: "la fin de
# l'année", "the end of the month" (the current one).
PERIOD_WORDS = {
    "l'année": Shift("year", 0),
    "l'an": Shift("year", 0),
    "année": Shift("year", 0),
    "mois": Shift("month", 0),
    "du mois": Shift("month", 0),
    "de l'année": Shift("year", 0),
    # Without an article, only after "en": "en début d'année" is a
    # date, "une fête de fin d'année" a kind of party (see dates/periods.py).
    "d'année": Shift("year", 0),
    "de mois": Shift("month", 0),
}

# Modifiers keep the base precision; they only widen the span.
MODIFIERS = (
    "à la mi-",
    "mi-",
    "mi",
    "en début de",
    "au début de",
    "début de",
    "début",
    "en fin de",
    "à la fin de",
    "la fin de",
    "fin de",
    "fin",
    "courant",
    "dans le courant de",
    "à la mi",
    "au milieu de",
    "au cours de",
)

# Units of "il y a deux ans", "two years ago", "dans trois jours".
UNITS = {
    "jour": "day",
    "jours": "day",
    "semaine": "week",
    "semaines": "week",
    "mois": "month",
    "an": "year",
    "ans": "year",
    "année": "year",
    "années": "year",
}

# Holidays that fix a day (rule types in lexicon.py).
HOLIDAYS = {
    "noël": FixedDay(12, 25),
    "noel": FixedDay(12, 25),
    "la saint-sylvestre": FixedDay(12, 31),
    "la saint sylvestre": FixedDay(12, 31),
    "la toussaint": FixedDay(11, 1),
    "le jour de l'an": FixedDay(1, 1),
    "le nouvel an": FixedDay(1, 1),
    "la saint-valentin": FixedDay(2, 14),
    "la saint valentin": FixedDay(2, 14),
    "la saint-jean": FixedDay(6, 24),
    "l'assomption": FixedDay(8, 15),
    "la chandeleur": FixedDay(2, 2),
    # Movable feasts fix a day too, counted from Easter Sunday.
    "pâques": EasterOffset(0),
    "le lundi de pâques": EasterOffset(1),
    "lundi de pâques": EasterOffset(1),
    "le dimanche de pâques": EasterOffset(0),
    "dimanche de pâques": EasterOffset(0),
    "l'ascension": EasterOffset(39),
    "le jeudi de l'ascension": EasterOffset(39),
    "jeudi de l'ascension": EasterOffset(39),
    "la pentecôte": EasterOffset(49),
    "pentecôte": EasterOffset(49),
    "le dimanche de pentecôte": EasterOffset(49),
    "dimanche de pentecôte": EasterOffset(49),
    "le lundi de pentecôte": EasterOffset(50),
    "lundi de pentecôte": EasterOffset(50),
    "le vendredi saint": EasterOffset(-2),
    "vendredi saint": EasterOffset(-2),
    "le dimanche des rameaux": EasterOffset(-7),
    "dimanche des rameaux": EasterOffset(-7),
    "le mercredi des cendres": EasterOffset(-46),
    "mercredi des cendres": EasterOffset(-46),
    "la fête du travail": FixedDay(5, 1),
    "halloween": FixedDay(10, 31),
}

SEASONS = {"été": "summer", "hiver": "winter", "printemps": "spring", "automne": "autumn"}

ORDINALS = {
    "premier": 1,
    "1er": 1,
    "deuxième": 2,
    "second": 2,
    "2e": 2,
    "troisième": 3,
    "3e": 3,
    "quatrième": 4,
    "4e": 4,
}

# "le dernier dimanche d'octobre", "the last Sunday in October": n = -1.
LAST_WORDS = words("dernier dernière")

QUARTER_WORDS = {"trimestre": 3, "semestre": 6}

# Tense cues, read in the clause around a date whose year is open.
FUTURE_WORDS = words(
    "sera seront aura auront fera feront ira iront va vont doit doivent devra devront devait "
    "devaient prévu prévue prévus prévues programmé programmée jusqu' jusque bientôt demain "
    "reporté reportée repoussé repoussée fixé fixée compter partir attendu attendue envisage "
    "envisagent ici prochain prochaine prochains prochaines futur future"
)

PAST_WORDS = words(
    "hier dernier dernière derniers dernières depuis déjà été fut furent eut avait avaient "
    "était étaient"
)

# French auxiliaries that make the next participle a past (passé composé).
AUXILIARIES = words("a ont avait avaient est sont ai avons")

# Present-tense modals: before an infinitive the event lies ahead ("peuvent
# rêver du podium dimanche"). "doit", "va" are future words already.
MODALS = words(
    "peut peuvent veut veulent espère espèrent souhaite souhaitent compte comptent entend entendent"
)

# Future and conditional endings of French verbs (-ra, -ront, -rait ...).
FUTURE_ENDINGS = (
    "era",
    "eront",
    "ira",
    "iront",
    "dra",
    "dront",
    "rra",
    "rront",
    "vra",
    "vront",
    "ttra",
    "ttront",
    "ura",
    "uront",
    "erait",
    "eraient",
    "drait",
    "draient",
    "rrait",
    "rraient",
    "vrait",
    "vraient",
    "ttrait",
)


# Past participle endings: "a voté", "ont fini", "a pris", "est mort".
PARTICIPLE_ENDINGS = (
    "é", "ée", "és", "ées", "i", "is", "ie", "it", "u", "ue", "us", "ert", "int", "ort", "ait",
)  # fmt: skip


def tense_cue(tokens: TokenReader, k: int, word: str, distance: int) -> int:
    """French tense from verb forms: participles, futures, imperfects, auxiliaries."""
    tok = tokens.tok
    if distance <= 2 and word.endswith(("é", "ée", "és", "ées")) and not tokens.is_title(k):
        # "annoncées mercredi", "élu le 6 mai": a passive participle, past
        # unless its auxiliary is future ("sera voté avant Noël").
        aux = tok(k - 1) if tok(k - 1) != "être" else tok(k - 2)
        return 1 if aux in FUTURE_WORDS or aux.endswith(FUTURE_ENDINGS) else -1
    if len(word) > 4 and not tokens.is_title(k) and word.endswith(FUTURE_ENDINGS):
        return 1
    if len(word) > 4 and word.endswith(("ait", "aient")):
        return -1
    if word in MODALS:
        # "peuvent rêver du podium dimanche": a modal before an infinitive looks ahead.
        nxt = tok(k + 1)
        return 1 if nxt.endswith(("er", "ir", "re")) and nxt not in ("avoir", "être") else 0
    if word in AUXILIARIES:
        nxt = tok(k + 1 + (tok(k + 1) in ("été", "déjà", "bien", "pas", "ensuite")))
        if nxt.endswith(PARTICIPLE_ENDINGS) and nxt not in FUTURE_WORDS:
            return -1
    return 0


DATES = DateWords(
    months=MONTHS,
    weekdays=WEEKDAYS,
    relative=RELATIVE,
    holidays=HOLIDAYS,
    modifiers=MODIFIERS,
    period_words=PERIOD_WORDS,
    units=UNITS,
    seasons=SEASONS,
    ordinals=ORDINALS,
    last_words=LAST_WORDS,
    quarter_words=QUARTER_WORDS,
    future_words=FUTURE_WORDS,
    past_words=PAST_WORDS,
    abbreviations=shared.ABBREVIATIONS,
    after_past=shared.AFTER_PAST,
    after_future=shared.AFTER_FUTURE,
    before_past=shared.BEFORE_PAST,
    before_future=shared.BEFORE_FUTURE,
    deictic=shared.DEICTIC,
    weekday_name_tails=shared.WEEKDAY_NAME_TAILS,
    weekday_feast_tails=shared.WEEKDAY_FEAST_TAILS,
    weekday_name_heads=shared.WEEKDAY_NAME_HEADS,
    weekday_habit=shared.WEEKDAY_HABIT,
    holiday_left=shared.HOLIDAY_LEFT,
    holiday_day_nouns=shared.HOLIDAY_DAY_NOUNS,
    holiday_name_tails=shared.HOLIDAY_NAME_TAILS,
    month_left=shared.MONTH_LEFT,
    year_left=shared.YEAR_LEFT,
    year_word_ok=shared.YEAR_WORD_OK,
    count_nouns=shared.COUNT_NOUNS,
    not_date_left=shared.NOT_DATE_LEFT,
    publication_cues=shared.PUBLICATION_CUES,
    publication_links=shared.PUBLICATION_LINKS,
    clause_end=shared.CLAUSE_END,
    relative_pronouns=shared.RELATIVE_PRONOUNS,
    future_left=shared.FUTURE_LEFT,
    range_openers=shared.RANGE_OPENERS,
    dashes=shared.DASHES,
    list_joins=shared.LIST_JOINS,
    not_ahead_next=shared.NOT_AHEAD_NEXT,
    day_range_closers=frozenset(),
    names_capitalized=False,
    month_day_order=False,
    comma_before_year=False,
    month_first_numeric=False,
    dashed_day_names=True,
    short_year_left=words("en '"),
    name_articles=frozenset(),
    ambiguous_months={},
    homonym_months={"Mars": words("en de mi")},  # raw case: the planet is capitalized
    ahead_words=words("dans"),
    ahead_tails=(),
    ago_words=frozenset(),
    tense_cue=tense_cue,
    tense_cue_words=AUXILIARIES | MODALS,
    tense_cue_endings=("é", "ée", "és", "ées", "ait", "aient", *FUTURE_ENDINGS),
)

# --- votes -------------------------------------------------------------------

VOTES = VoteWords(
    words=tags(
        V="voix vote votes suffrage suffrages bulletins",
        M="députés députées sénateurs sénatrices élus élues parlementaires eurodéputés "
        "conseillers conseillères membres délégués états pays",
        F="pour oui favorables",
        A="contre non défavorables",
        X="abstention abstentions abstentionnistes",
        O="votants exprimés blancs nuls absents excusés présents non-votants",
        j="autres seuls restants",
        G="socialistes républicains écologistes communistes insoumis macronistes centristes "
        "frontistes indépendants",
        T="à - – vs versus",
        **{",": ", ; ( /", "&": "et plus soit tandis alors", "W": "avec", ":": ":"},
        S="sur des",
        B="par",
    ),
    phrases=label_rx(
        r"(?P<f>l['’](?:ont|a|avaient|avait)\s+(?:votée?s?|approuvée?s?|soutenue?s?)"
        r"|(?:ont|avaient|avait|a)\s+(?:voté|votés)\s+(?:pour|oui|en\s+(?:sa\s+|leur\s+)?faveur"
        r"|(?:la|le|les|ce|cette)\s+(?:motion|loi|texte|résolution|proposition|projet"
        r"|amendement|réforme))"
        r"|vot(?:ent|ant)\s+(?:pour|oui|en\s+(?:sa\s+|leur\s+)?faveur)"
        r"|se\s+sont\s+prononcée?s\s+(?:pour|en\s+faveur)"
        r"|(?:ont|avaient|a)\s+(?:approuvé|adopté|soutenu)\b)"
        r"|(?P<F>en\s+(?:sa\s+|leur\s+)?faveur|pour\s+(?:le\s+texte|la\s+motion|la\s+résolution"
        r"|le\s+projet))"
        r"|(?P<A>contre\s+(?:le\s+texte|la\s+motion|la\s+résolution|le\s+projet))"
        r"|(?P<a>(?:ont|avaient|avait|a)\s+voté\s+(?:contre|non)|l['’](?:ont|a)\s+rejetée?s?"
        r"|vot(?:ent|ant)\s+(?:contre|non)|se\s+sont\s+prononcée?s\s+contre"
        r"|(?:ont|avaient|a)\s+(?:rejeté|refusé)\b|se\s+sont\s+opposée?s)"
        r"|(?P<x>(?:se\s+sont|s['’]est|s['’]étaient|se\s+seront)\s+abstenue?s?"
        r"|s['’]abstiennent|s['’]abstenant)"
        r"|(?P<Y>pour\s+l['’]adoption|(?:le\s+)?soutien\s+de"
        r"|(?:les\s+)?suffrages\s+de(?:\s+seulement)?)"
        r"|(?P<Z>rejetée?s?\s+à)"
        r"|(?P<O>nombre\s+de\s+(?:votants|suffrages\s+exprimés)|suffrages\s+exprimés"
        r"|majorité\s+absolue|n['’]ont\s+pas\s+pris\s+part\s+au\s+vote)"
        r"|(?P<P>pour\s+cent|points?\s+de\s+pourcentage)"
    ),
    cue=words(
        "voix vot suffrage unanim absten abstien scrutin député sénateur recueilli obtenu adopt "
        "approuv rejet"
    )
    | {"pour :", "pour:", "contre :", "contre:"},
    context=lower_rx(
        r"\bvot|voix|suffrage|scrutin|unanim|absten|adopt|approuv|rejet|motion|résolution"
        r"|amendement|projet de loi|texte|assemblée|sénat|conseil|parlement|députés|sénateurs"
        r"|\bcour\b|juges"
    ),
    blockers=lower_rx(
        r"\b(?:candidat|adversaire|rival|primaire|participation\b)|élection|sondage"
        r"|intentions? de vote|taux de participation"
    ),
    hypothetical=lower_rx(
        r"\b(?:si|s['’]il|s['’]ils|pourrait|pourraient|devrait|devraient|faudrait|faut|fallait"
        r"|nécessaires?|requise?s?|besoin|minimum|seuil|doit|doivent|au moins)\b[^.;]{0,30}$"
    ),
    acquire=lower_rx(
        r"\b(?:obtenu|recueilli|réuni|rassemblé|reçu|récolté|totalisé|emporté)\s+"
        r"(?:(?:que|qu['’]|de|seulement|à peine|tout juste|au total|finalement)\s*){0,3}$"
        r"|\b(?:adoptée?s?|approuvée?s?)\s+par\s+(?:les\s+)?$"
        r"|\bunanimité\s+(?:de\s+(?:ses|leurs)|des)\s+$"
    ),
    failure=lower_rx(
        r"\b(?:rejet\w*|repouss\w*|battue?s?|retoqu\w*|refus\w*|écart[ée]\w*|voté contre"
        r"|n['’]\w+ pas (?:été )?adopt\w*|pas été adopt\w*|échoué|tombée?)"
    ),
    success=lower_rx(
        r"\b(?:adopt\w*|approuv\w*|vot[ée]e?s? pour|validée?s?|entérin\w*|soutenu\w*)"
    ),
    unanimous=lower_rx(
        r"\bà\s+l['’]unanimité(?!\s+moins)|\bunanimement\b|\bvote\s+unanime\b"
        r"|\b(?:adoption|approbation|décision)\s+unanime\b"
    ),
    unanimous_context=lower_rx(r"\w"),  # "à l'unanimité" is unambiguous in French
    not_unanimous=lower_rx(
        r"(?:\bpas|\bjamais|\bsans|\bstatuer?|\bstatuent|\brequi\w*|\bexig\w*|\bnécessit\w*"
        r"|\bdoi[tv]\w*)\s+(?:\w+\s+){0,2}$"
    ),
    range_start=words("de entre"),
    standing=lower_rx(r"\s*(?:[\w-]+\s+)?(?:majorité|sièges|avance)\b"),
    list_openers=words("parmi dont notamment"),
    threshold_after=lower_rx(
        r"\s*(?:voix\s+|suffrages\s+)?(?:nécessaires?|requises?|près\b|d['’](?:écart|avance))"
    ),
    clause_end=lower_rx(r"[,;:]"),
    question=lower_rx(r"\?[\s»\"”']*$"),
)

# --- meetings ----------------------------------------------------------------

MEETINGS = MeetingWords(
    capitalized_modifiers=False,
    cue=words(
        "sommet rencontr réuni entretien entretenu entrevue tête session édition reprise fois "
        "téléphon pourparlers négociations vus retrouv"
    ),
    noun=caseless_rx(
        r"(?:sommets?|rencontres?|réunions?|entretiens?|entrevues?|t[êe]te[- ]à[- ]t[êe]te"
        r"|sessions?|conversations?\s+téléphoniques?|appels?\s+téléphoniques?"
        r"|échanges?\s+téléphoniques?"
        r"|(?:cycles?|rounds?|séries?|sessions?)\s+de\s+(?:négociations|pourparlers|discussions)"
        r"|éditions?\s+(?:du|de\s+la|de\s+l['’])\s*(?:sommet|rencontre|réunion|forum))\b"
    ),
    plural_noun=caseless_rx(
        r"(?:sommets|rencontres|réunions|entretiens|entrevues|t[êe]te[- ]à[- ]t[êe]te"
        r"|conversations\s+téléphoniques|appels\s+téléphoniques"
        r"|(?:cycles|rounds|séries|sessions)\s+de\s+(?:négociations|pourparlers|discussions))\b"
    ),
    modifier=caseless_rx(r"(?:vrai|véritable|grand|grande|nouveau|nouvelle|officiel|officielle)\b"),
    named_session=caseless_rx(
        r"\s+(?:de\s+l['’]|du\s+|des\s+)(?:Assemblée\s+générale|Conseil\s+des\s+droits"
        r"|conférence\s+des\s+parties|COP)"
    ),
    verb=caseless_rx(
        r"\b(?:rencontr\w*|entretenu\w*|entretenir|entretiennent|entretiendront|réuni(?:e|s|es)?"
        r"|retrouvé\w*|(?:se|s['’])\s+(?:sont|étaient|seront|est|était)\s+(?:déjà\s+)?"
        r"(?:vus|parlé|téléphoné|croisés|entretenus?)|reçu|sommets?|réunions?|rencontres?)\b"
    ),
    times=caseless_rx(r"\s+(?:fois|reprises)\b"),
    time_word=caseless_rx(r"\s+fois\b"),
    adverb_times=caseless_rx(r"(?!)"),  # French has no "twice": "deux fois" is a count + "fois"
    frequency=caseless_rx(
        r"\s*(?:par|chaque|tous\s+les|toutes\s+les)\s+(?:an|année|mois|semaine|jour)"
        r"|\s*l['’](?:an|année)|\s*de\s+(?:plus|suite)|\s+encore"
    ),
    approximate=caseless_rx(
        r"(?:plus\s+de|moins\s+de|près\s+de|environ|quelque|au\s+moins|une\s+dizaine\s+de)\s*$"
    ),
    boundary=caseless_rx(r"[.;:!?()«»\"“”,]|\b(?:qui|mais|tandis|alors|puis|lorsque|quand)\b"),
    article_numbers=frozenset(["un", "une"]),
    anchors=words(
        "sommet rencontre réunion entretien entrevue tête tete session conversation appel "
        "échange négociations pourparlers discussions édition fois reprises"
    ),
)


# --- numbers -----------------------------------------------------------------

NUMBERS = NumberWords(
    cardinals=words(
        "zéro zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize "
        "quatorze quinze seize vingt vingts trente quarante cinquante soixante cent cents mille "
        "million millions milliard milliards"
    ),
    ordinal_words={
        "premier": 1,
        "première": 1,
        "premiere": 1,
        "premiers": 1,
        "premières": 1,
        "second": 2,
        "seconde": 2,
        "seconds": 2,
        "secondes": 2,
    },
    ordinal_stems={},
    # Stems that do not simply drop "ième" (cinquième, neuvième).
    stem_fixes={"cinqu": "cinq", "neuv": "neuf"},
    ordinal_suffixes=(
        "ième",
        "ieme",
        "ème",
        "eme",
        "ère",
        "ere",
        "ᵉʳ",
        "ᵉ",
        "er",
        "re",
        "nde",
        "nd",
        "è",
        "e",
    ),
    ordinal_endings=(("ièmes", ""), ("iemes", ""), ("ième", ""), ("ieme", "")),
    stem_candidates=("", "e"),
    ordinal_pattern=(
        r"(?<![\w-])(?:(?:[a-zéè]+-){0,3}[a-zéè]+i[eè]mes?|premi[eè]re?s?|secondes?|seconds?)"
        r"(?![\w-])"
    ),
    ordinal_tail=r"(?:i[eè]mes?|premi[eè]re?s?|secondes?|seconds?)(?![\w-])",
    ordinal_letters=frozenset("abcdefghijklmnopqrstuvwxyzéè-"),
    group_marks=" \u00a0\u202f.",
    decimal_mark=",",
    joiner="et",
    spelled={
        "un": 1,
        "une": 1,
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "treize": 13,
        "quatorze": 14,
        "quinze": 15,
        "seize": 16,
        "vingt": 20,
        "vingts": 20,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "soixante": 60,
        "premier": 1,
    },
    hundreds=words("cent cents"),
    thousands=words("mille mil"),
    score_words=words("vingt vingts"),
    article_ones=frozenset(),
)

# Function words frequent in this language and rare or absent in the other
# (no "a", "on", "an", "as", "or", "son", "me", which both languages use).
FUNCTION_WORDS = words(
    """le la les l' de des du d' et est un une que qu' qui pour dans par sur au aux il elle ils
    elles ne n' pas se s' sont été avec ce c' cette ces sa ses leur leurs mais ou nous vous
    y à être avait ont était comme aussi très sans entre selon après depuis"""
)

LEXICON = Lexicon(
    code="fr",
    function_words=FUNCTION_WORDS,
    lingua_name="FRENCH",
    dates=DATES,
    votes=VOTES,
    meetings=MEETINGS,
    numbers=NUMBERS,
)
