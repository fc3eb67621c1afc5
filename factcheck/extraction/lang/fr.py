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
    "la nuit dernière": Shift("day", -1),  # the evening's day
    "la nuit passée": Shift("day", -1),
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
    # forms: weekends are their Saturday and Sunday; "semaine prochaine" also
    # after a modifier ("début de semaine prochaine": the whole week).
    "hier soir": Shift("day", -1),
    "hier matin": Shift("day", -1),
    "hier après-midi": Shift("day", -1),
    "demain matin": Shift("day", 1),
    "demain soir": Shift("day", 1),
    "demain après-midi": Shift("day", 1),
    "ce week-end": Shift("weekend", 0),
    "ce weekend": Shift("weekend", 0),
    "ce week end": Shift("weekend", 0),
    "le week-end dernier": Shift("weekend", -1),
    "le weekend dernier": Shift("weekend", -1),
    "le week-end passé": Shift("weekend", -1),
    "le week-end prochain": Shift("weekend", 1),
    "le weekend prochain": Shift("weekend", 1),
    "semaine prochaine": Shift("week", 1),
    "semaine dernière": Shift("week", -1),
    "semaine passée": Shift("week", -1),
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
    # forms: parts of a week give the whole week ("en fin de semaine").
    "semaine": Shift("week", 0),
    "la semaine": Shift("week", 0),
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
    # forms: parts of a week ("en milieu de semaine prochaine")
    "milieu de",
    "en milieu de",
    "le milieu de",
    "le début de",
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
    "le samedi saint": EasterOffset(-1),
    "samedi saint": EasterOffset(-1),
    "le jeudi saint": EasterOffset(-3),
    "jeudi saint": EasterOffset(-3),
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
    # Written forms of the same ordinals: "1ère", "2ème semestre", "3eme trimestre".
    "première": 1,
    "1ère": 1,
    "1re": 1,
    "seconde": 2,
    "2nd": 2,
    "2nde": 2,
    "2ème": 2,
    "2eme": 2,
    "2è": 2,
    "3ème": 3,
    "3eme": 3,
    "3è": 3,
    "4ème": 4,
    "4eme": 4,
    "4è": 4,
}

# "le dernier dimanche d'octobre", "the last Sunday in October": n = -1.
LAST_WORDS = words("dernier dernière")

QUARTER_WORDS = {"trimestre": 3, "semestre": 6, "moitié": 6}

# Words of a game report: a document holding them (twice) has halves of a
# match, not of a year.
GAME_WORDS = words(
    "match matchs but buts buteur marqué score arbitre penalty pénalty mi-temps essai essais "
    "championnat coupe ligue supporters"
)

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


# Before a word in -é(e): it is a noun ("la journée de dimanche", "au défilé de
# mercredi"), not a participle.
NOUN_DETERMINERS = words(
    "le la les l' un une des du au aux ce cet cette ces son sa ses leur leurs mon ma mes "
    "notre nos votre vos"
)

# Present-tense auxiliaries: a weak cue that the date lies ahead ("c'est dimanche").
PRESENT_WORDS = words("est sont")

# Before a date opening its clause: its verb comes after ("et dimanche nous irons").
CLAUSE_OPENERS = words("et mais puis - – —")

# Weather words: on a forecast page, a weekday without a tense cue lies ahead.
FORECAST_WORDS = words(
    "prévisions prévision prévisionniste prévisionnistes météo maxima minima maximales "
    "minimales averses averse éclaircies nuageux nuageuse nuages ensoleillé ensoleillée "
    "ensoleillement pluie pluies pluvieux orages orageux orageuses rafales températures "
    "brouillard neige grisaille ciel voilé voilée soleil venteux rafraîchissement "
    "rafraichissement redoux gelées canicule perturbation anticyclone dépression ondées"
)


# Imperfects of the -drer verbs, which end like conditionals ("s'effondrait"
# is past, "prendrait" ahead).
DRER_IMPERFECTS = words(
    "effondrait effondraient engendrait engendraient encadrait encadraient cadrait cadraient"
)


def tense_cue(tokens: TokenReader, k: int, word: str, distance: int) -> int:
    """French tense from verb forms: participles, futures, imperfects, auxiliaries."""
    tok = tokens.tok
    if word in DRER_IMPERFECTS:
        return -1
    if word.endswith(("é", "ée", "és", "ées")) and tok(k - 1) in NOUN_DETERMINERS:
        return 0  # "la journée de dimanche": a noun
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
    weekday_habit=shared.WEEKDAY_HABIT | words("un"),
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
    # forms: "dès dimanche 7h jusqu'à mardi 6h"
    range_openers={**shared.RANGE_OPENERS, "dès": words("jusqu'")},
    dashes=shared.DASHES,
    list_joins=shared.LIST_JOINS,
    not_ahead_next=shared.NOT_AHEAD_NEXT,
    day_range_closers=words("au"),  # "17 au 23 juin 2019" without "du"
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
    present_words=PRESENT_WORDS,
    clause_openers=CLAUSE_OPENERS,
    forecast_words=FORECAST_WORDS,
    weak_future_words=words("jusqu' jusque"),
    holiday_verbs=("fêt", "célèbr", "célébr", "commémor"),
    weekday_month_links=words("de d' d’"),
    contracted_subjects=frozenset(),
    weak_past_words=words("après suite"),
    label_year_words=words("exercice budget budgétaire"),
    # forms
    part_codes={"t": 3, "q": 3, "s": 6},
    part_codes_after={},
    bare_part_words=words("trimestre semestre"),
    part_not_after=frozenset(),
    part_code_left=words("au aux du en sur et ou vs versus ( depuis dès"),
    game_words=GAME_WORDS,
    fiscal_words=words("exercice exercices fiscal fiscale"),
    fiscal_followers=words("social fiscal clos comptable en"),
    label_nouns=words("budget budgets saison exercice campagne"),
    months_first=words("premiers"),
    months_last=words("derniers"),
    decade_modifiers=frozenset(),
    temperature_words=frozenset(),
    age_possessives=frozenset(),
    range_closers_alone=frozenset(),
    recurring_words=words("chaque habituellement généralement traditionnellement"),
    recurring_links=words(", à au en le la l' année ans"),
    month_modifier_left=frozenset(),
    count_fillers=words("encore déjà maintenant seulement juste"),
    closer_tails=words("à au"),  # "jusqu'à mardi"
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
    # An adverb may sit between the auxiliary and the participle ("ont massivement voté
    # pour", "se sont volontairement abstenus").
    phrases=label_rx(
        r"(?P<f>l['’](?:ont|a|avaient|avait|ayant)\s+(?:votée?s?|approuvée?s?|soutenue?s?)"
        r"|(?:ont|avaient|avait|a)\s+(?:\w+ment\s+)?(?:voté|votés)\s+(?:pour|oui|en\s+(?:sa\s+|leur\s+)?faveur"
        r"|(?:la|le|les|ce|cette)\s+(?:motion|loi|texte|résolution|proposition|projet"
        r"|amendement|réforme))"
        r"|vot(?:ent|ant)\s+(?:pour|oui|en\s+(?:sa\s+|leur\s+)?faveur)"
        r"|se\s+sont\s+(?:\w+ment\s+)?prononcée?s\s+(?:pour|en\s+faveur)"
        r"|(?:ont|avaient|a)\s+(?:\w+ment\s+)?(?:approuvé|adopté|soutenu)\b)"
        r"|(?P<F>en\s+(?:sa\s+|leur\s+)?faveur|pour\s+(?:le\s+texte|la\s+motion|la\s+résolution"
        r"|le\s+projet))"
        r"|(?P<A>contre\s+(?:le\s+texte|la\s+motion|la\s+résolution|le\s+projet))"
        r"|(?P<a>(?:ont|avaient|avait|a)\s+(?:\w+ment\s+)?voté\s+(?:contre|non)|l['’](?:ont|a)\s+rejetée?s?"
        r"|vot(?:ent|ant)\s+(?:contre|non)|se\s+sont\s+(?:\w+ment\s+)?prononcée?s\s+contre"
        r"|(?:ont|avaient|a)\s+(?:\w+ment\s+)?(?:rejeté|refusé)\b|se\s+sont\s+opposée?s)"
        r"|(?P<x>(?:se\s+sont|s['’]est|s['’]étaient|se\s+seront)\s+(?:\w+ment\s+)?abstenue?s?"
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
        r"|\b(?:adoptée?s?|approuvée?s?|votée?s?)\s+(?:que\s+|seulement\s+)?par\s+"
        r"(?:les\s+|seulement\s+)?$"
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
    decided_by=lower_rx(r"\b(?:par|avec)\s+une?\s+$"),
    list_openers=words("parmi dont notamment"),
    threshold_after=lower_rx(
        r"\s*(?:voix\s+|suffrages\s+)?(?:nécessaires?|requises?|près\b|d['’](?:écart|avance))"
    ),
    clause_end=lower_rx(r"[,;:]"),
    question=lower_rx(r"\?[\s»\"”']*$"),
)

# --- meetings ----------------------------------------------------------------

# Seats of power and titles: a visit or a reception there is one with a leader
# ("sa cinquième visite à l'Élysée", "sa première visite au Vatican"); a visit to
# a city or a country is a trip, not a meeting, unless it is a state visit.
# Never matches; its literal first character lets the engine skip through a
# sentence at C speed, where a bare "(?!)" is tried at every position (7x slower).
_NEVER = r"\x00(?!)"
_SEATS = (
    r"(?:à|au|aux|chez)\s+(?:l['’]\s*|la\s+|le\s+|son\s+|sa\s+)?"
    r"(?:[ée]lys[ée]e|vatican|saint-si[èe]ge|maison[- ]blanche|kremlin|matignon|quirinal"
    r"|palais\s+(?:de\s+l['’][ée]lys[ée]e|royal|présidentiel)|pape|président|roi|reine|homologue"
    r"|chancel\w+|premier\s+ministre)\b"
)
_VISITS = (
    r"visites?\s+(?:d['’]\s*[ée]tat|officielles?|bilatérales?|de\s+travail|d['’]amitié)"
    rf"|visites?\s+{_SEATS}|réceptions?\s+{_SEATS}"
)
_TALKS = (
    r"(?:négociations|pourparlers|discussions|dialogue|consultations|concertations?|entretiens"
    r"|rencontres|réunions|échanges|tractations)\b"
)

MEETINGS = MeetingWords(
    capitalized_modifiers=False,
    cue=words(
        "sommet rencontr réuni entret entrevue tête session édition reprise fois téléphon "
        "pourparlers négociations vus retrouv visite réception séance round cycle commission "
        "conversation"
    )
    | frozenset(["appel d", "face-à"]),
    noun=caseless_rx(
        r"(?:sommets?|rencontres?|réunions?|entretiens?|entrevues?|t[êe]tes?[- ]à[- ]t[êe]tes?"
        r"|sessions?|séances?|conversations?(?:\s+téléphoniques?)?|appels?\s+téléphoniques?"
        r"|échanges?\s+téléphoniques?|contacts?\s+téléphoniques?|commissions?\s+mixtes?"
        r"|faces?[- ]à[- ]faces?"
        r"|appels?(?=\s+(?:du|de|d['’])\s+(?:président|premier\s+ministre|chef|roi|reine|pape"
        r"|chancel|secrétaire))"
        rf"|{_VISITS}"
        r"|éditions?\s+(?:du|de\s+la|de\s+l['’])\s*(?:sommet|rencontre|réunion|forum))\b"
    ),
    plural_noun=caseless_rx(
        r"(?:sommets|rencontres|réunions|entretiens|entrevues|t[êe]tes?[- ]à[- ]t[êe]tes?"
        r"|conversations(?:\s+téléphoniques)?|appels\s+téléphoniques|séances|faces?[- ]à[- ]faces?"
        r"|visites\s+(?:d['’]\s*[ée]tat|officielles)|(?:visites|réceptions)\s+" + _SEATS + r"|"
        r"(?:cycles|rounds|séries|sessions|tours)\s+(?:de|des)\s+" + _TALKS + r")\b"
    ),
    modifier=caseless_rx(
        r"(?:vrai|véritable|grand|grande|nouveau|nouvelle|officiel|officielle|seul|seule"
        r"|nouveaux|nouvelles|grands|grandes|véritables|vrais)\b"
    ),
    named_session=caseless_rx(
        r"\s+(?:de\s+l['’]|du\s+|des\s+)(?:Assemblée\s+générale|Conseil\s+des\s+droits"
        r"|conférence\s+des\s+parties|COP|AGNU|ONU)"
    ),
    verb=caseless_rx(
        r"\b(?:rencontr\w*|entretenu\w*|entretenir|entretiennent|entretiendront|réuni(?:e|s|es)?"
        r"|retrouvé\w*|(?:se|s['’])\s+(?:sont|étaient|seront|est|était)\s+(?:déjà\s+)?"
        r"(?:vus|parlé|téléphoné|croisés|entretenus?|appelés)|reçu\w*|sommets?|réunions?"
        r"|rencontres?|échang\w*\s+(?:par|au)\s+téléphone|téléphoné|rendu\s+visite"
        r"|interviewé\w*|se\s+(?:parlent|parleront|parlaient|voient|verront|voyaient"
        r"|téléphonent|téléphoneront|retrouvent|retrouveront|réunissent|réuniront|parler|voir"
        r"|revoir|téléphoner)|s['’](?:appeler|appelleront|appellent)"
        r"|s['’]entret\w+)\b"
    ),
    times=caseless_rx(
        r"(?:\s*\(\s*\d+\s*\))?(?P<single>\s+seule)?\s+(?:fois|reprises|occasions)\b"
        r"|(?P<one>\s+seule)\s+reprise\b"
    ),
    time_word=caseless_rx(r"\s+fois\b"),
    adverb_times=caseless_rx(_NEVER),  # French has no "twice": "deux fois" is a count + "fois"
    frequency=caseless_rx(
        r"\s*(?:par|chaque|tous\s+les|toutes\s+les)\s+(?:an|année|mois|semaine|jour)"
        r"|\s*l['’](?:an|année)|\s*de\s+(?:plus|suite)|\s+encore"
    ),
    approximate=caseless_rx(
        r"(?:plus\s+de|moins\s+de|près\s+de|environ|quelque|au\s+moins|une\s+dizaine\s+de)\s*$"
    ),
    boundary=caseless_rx(r"[.;:!?()«»\"“”,]|\b(?:qui|mais|tandis|alors|puis|lorsque|quand)\b"),
    article_numbers=frozenset(["un", "une"]),
    # Phrases where a bare word would also open common non-meeting words ("rappel",
    # "la reprise économique", "autour", "le cycle de vie" passes on to the noun).
    anchors=words(
        "sommet rencontre réunion entretien entrevue tête tete session téléphoniq négociations "
        "pourparlers discussions édition fois reprises visite réception séance round "
        "commission dialogue conversation"
    )
    | frozenset(
        [
            "appel d",
            "appels d",
            "seule reprise",
            "tour d",
            "tours d",
            "cycle d",
            "cycles d",
            "face-à",
            "face à f",
        ]
    ),
    series_noun=caseless_rx(r"(?:rounds?|tours?|cycles?|séries?|sessions?|séances?)\b"),
    series_link=caseless_rx(
        r"(?:\s*\([^()]{1,40}\))?\s+(?:de\s+la\s+|de\s+l['’]|de\s+|des\s+|du\s+|d['’])"
    ),
    talks_noun=caseless_rx(_TALKS),
    bare_series=caseless_rx(r"rounds?\b"),
    talks_context=caseless_rx(
        r"\b(?:négociations?|pourparlers|discussions|dialogue|médiation|consultations)\b"
    ),
    series_stop=caseless_rx(
        r"\b(?:élections?|électoral\w*|scrutin|vote|ko|k\.-o\.|combat|boxe\w*|match\w*|tournoi)\b"
    ),
    adjective=caseless_rx(_NEVER),  # French adjectives follow the noun
    named_body=caseless_rx(r"\b(?:AGNU|ONU|COP)\b"),
    noun_stop=caseless_rx(
        r"\s+(?:consécutives?|d['’]affilée|de\s+suite|de\s+rang|de\s+(?:hausse|baisse|repli"
        r"|recul|gains?|pertes?|cotation|bourse|entraînement|tirs?|dédicaces?|cinéma|rattrapage"
        r"|questions)|d['’](?:entraînement|échauffement|essais?|habillage|hypnose)|photo"
        r"|boursière|sur\s+(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix))\b"  # une part
    ),
    apposition=caseless_rx(
        r"\b(?:sommets?|pourparlers|rencontres?|réunions?|entretiens?|négociations|sessions?"
        r"|séances?|visites?\s+d['’]\s*[ée]tat)\s*,\s*(?:(?:les|la|le|l['’])\s*)?$"
    ),
    elliptic_before=caseless_rx(r"(?<![\w'’])(?:la|les|le|l['’]|sa|son|leur)\s+$"),
    elliptic_not_before=caseless_rx(r"(?:dès|jusqu['’]au|depuis|avant|après|au|du)\s+le\s+$"),
    elliptic_after=caseless_rx(
        r"\s*(?:[,.;!?)»—–]|$|s['’]\w+|(?:est|était|sera|fut|a|avait|aura|depuis|cette|entre|avec|se"
        r"|du\s+genre|en\s+\w+|de\s+(?:l['’]année|la\s+semaine|l['’]histoire)|remonte\w*)\b)"
    ),
    context_noun=caseless_rx(
        r"\b(?:sommets?|rencontres?|réunions?|entretiens?|pourparlers|négociations|visites?"
        r"|sessions?|séances?|t[êe]tes?[- ]à[- ]t[êe]tes?|appels?|entrevues?)\b"
    ),
    survey=caseless_rx(r"\b(?:sondage|enquête|étude|questionnaire|répondants|recrutement)\b"),
    survey_noun=caseless_rx(r"entretien|entrevue"),
    parallel_cue=caseless_rx(r"\bn['’]en\b"),
    count_not_before=caseless_rx(
        r"(?:\b(?:en|de|du|des|d['’]|à|au|aux|sur|depuis|que|qu['’]|le|la|les|l['’]|par|pour"
        r"|avec|et|ou|entre|contre|sont|est|n°)|[$€£%])\s*$"
    ),
    elliptic_other=caseless_rx(
        r"\b(?:jours|journées|semaines|ans|années|heures|places|rangs|étapes|éditions"
        r"|mandats|tours|manches|sets|buts|voyages|déplacements)\b"
    ),
    first_verb=caseless_rx(_NEVER),  # French says "pour la première fois"
    other_event=caseless_rx(
        r"\b(?:élue?s?|réélue?s?|remporté\w*|gagné\w*|battu\w*|voté\w*|adopté\w*|rejeté\w*"
        r"|testé\w*|tiré\w*|relevé\w*|abaissé\w*|augmenté\w*|baissé\w*|qualifié\w*|nommée?s?)\b"
    ),
    # How a Roman ordinal ends, with the space after it: "Ve" alone opens "Venezuela".
    roman_marks=frozenset(
        ["Ie ", "Ve ", "Xe ", "Iè", "Vè", "Xè", "Ier ", "Ire ", "Iᵉ", "Vᵉ", "Xᵉ"]
    ),
    not_modifiers=words(
        "le la les l de des du d un une et ou à au aux en pour par sur avec est sont a ont sera"
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
