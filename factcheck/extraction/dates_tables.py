"""Word tables for date extraction, one small table per idea and per language.

Every entry is lowercase. Multi-word phrases are written as plain text and
tokenized at import by dates.py, so "aujourd'hui" and "aujourd’hui" match.
"""

from __future__ import annotations

MONTHS: dict[str, dict[str, int]] = {
    "fr": {
        "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fév": 2, "fevr": 2,
        "mars": 3, "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7,
        "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10, "oct": 10,
        "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    },
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
        "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
        "nov": 11, "december": 12, "dec": 12,
    },
}

# Abbreviations are months only when a dot follows ("nov.", "Sept.") or a
# number does ("Nov 5"): "dec" or "mar" alone are other words.
ABBREVIATIONS = frozenset({
    "janv", "févr", "fév", "fevr", "avr", "juil", "sept", "oct", "nov", "déc", "dec",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
})

WEEKDAYS: dict[str, dict[str, int]] = {
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
           "dimanche": 6},
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
           "saturday": 5, "sunday": 6},
}

# Capitalized words after a weekday that make it part of a name
# ("Sunday Times", "accord du Vendredi saint", "Super Tuesday" is caught before).
WEEKDAY_NAME_TAILS = frozenset({
    "times", "telegraph", "mirror", "express", "post", "herald", "tribune", "review",
    "night", "school", "saint", "gras", "noir", "black", "bloody", "sanglant", "fou",
})

# In any case: "vendredi saint", "mardi gras" name a feast, not the weekday.
WEEKDAY_FEAST_TAILS = frozenset({"saint", "gras"})

# Words right after a date that fix its direction; they belong to the span.
AFTER_PAST = frozenset({"dernier", "dernière", "derniers", "dernières", "passé", "passée"})
AFTER_FUTURE = frozenset({"prochain", "prochaine", "prochains", "prochaines"})
BEFORE_PAST = frozenset({"last", "past"})
BEFORE_FUTURE = frozenset({"next", "coming"})
# "ce lundi", "this Monday": deictic, direction left to the verb.
DEICTIC = frozenset({"ce", "cet", "cette", "this"})

# Relative expressions anchored on publication: (unit, offset).
RELATIVE: dict[str, dict[str, tuple[str, int]]] = {
    "fr": {
        "aujourd'hui": ("day", 0), "ce soir": ("day", 0), "ce matin": ("day", 0),
        "cet après-midi": ("day", 0), "cette nuit": ("day", 0), "hier": ("day", -1),
        "avant-hier": ("day", -2), "demain": ("day", 1), "après-demain": ("day", 2),
        "cette semaine": ("week", 0), "la semaine dernière": ("week", -1),
        "la semaine passée": ("week", -1), "la semaine prochaine": ("week", 1),
        "ce mois-ci": ("month", 0), "ce mois": ("month", 0), "le mois dernier": ("month", -1),
        "le mois passé": ("month", -1), "le mois prochain": ("month", 1),
        "cette année": ("year", 0), "l'an dernier": ("year", -1), "l'année dernière": ("year", -1),
        "l'an passé": ("year", -1), "l'année passée": ("year", -1),
        "l'an prochain": ("year", 1), "l'année prochaine": ("year", 1),
    },
    "en": {
        "today": ("day", 0), "tonight": ("day", 0), "this morning": ("day", 0),
        "this afternoon": ("day", 0), "this evening": ("day", 0), "yesterday": ("day", -1),
        "tomorrow": ("day", 1), "the day before yesterday": ("day", -2),
        "the day after tomorrow": ("day", 2), "this week": ("week", 0),
        "last week": ("week", -1), "next week": ("week", 1), "this month": ("month", 0),
        "last month": ("month", -1), "next month": ("month", 1), "this year": ("year", 0),
        "last year": ("year", -1), "next year": ("year", 1),
    },
}

# Period words that a modifier can govern without a number: "la fin de
# l'année", "the end of the month" (the current one).
PERIOD_WORDS: dict[str, dict[str, tuple[str, int]]] = {
    "fr": {"l'année": ("year", 0), "l'an": ("year", 0), "année": ("year", 0),
           "mois": ("month", 0), "du mois": ("month", 0), "de l'année": ("year", 0),
           # Without an article, only after "en": "en début d'année" is a
           # date, "une fête de fin d'année" a kind of party (see dates.py).
           "d'année": ("year", 0), "de mois": ("month", 0)},
    "en": {"the year": ("year", 0), "the month": ("month", 0), "year": ("year", 0),
           "month": ("month", 0)},
}

# Modifiers keep the base precision; they only widen the span.
MODIFIERS: dict[str, tuple[str, ...]] = {
    "fr": (
        "à la mi-", "mi-", "mi", "en début de", "au début de", "début de", "début",
        "en fin de", "à la fin de", "la fin de", "fin de", "fin", "courant", "dans le courant de",
        "à la mi", "au milieu de", "au cours de",
    ),
    "en": (
        "in early", "in mid-", "in late", "early", "mid-", "mid", "late", "the end of",
        "the beginning of", "the start of", "the middle of", "end of", "end-", "the first half of",
    ),
}

# Units of "il y a deux ans", "two years ago", "dans trois jours".
UNITS: dict[str, dict[str, str]] = {
    "fr": {"jour": "day", "jours": "day", "semaine": "week", "semaines": "week",
           "mois": "month", "an": "year", "ans": "year", "année": "year", "années": "year"},
    "en": {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
           "months": "month", "year": "year", "years": "year"},
}

# Holidays that fix a day: (month, day), or ("easter", offset in days), or
# ("nth", month, weekday, n) for "fourth Thursday of November" (n=-1: last).
HOLIDAYS: dict[str, dict[str, tuple]] = {
    "fr": {
        "noël": (12, 25), "noel": (12, 25), "la saint-sylvestre": (12, 31),
        "la saint sylvestre": (12, 31), "la toussaint": (11, 1), "le jour de l'an": (1, 1),
        "le nouvel an": (1, 1), "la saint-valentin": (2, 14), "la saint valentin": (2, 14),
        "la saint-jean": (6, 24), "l'assomption": (8, 15), "la chandeleur": (2, 2),
        # Movable feasts fix a day too, counted from Easter Sunday.
        "pâques": ("easter", 0), "le lundi de pâques": ("easter", 1),
        "lundi de pâques": ("easter", 1), "le dimanche de pâques": ("easter", 0),
        "dimanche de pâques": ("easter", 0), "l'ascension": ("easter", 39),
        "le jeudi de l'ascension": ("easter", 39), "jeudi de l'ascension": ("easter", 39),
        "la pentecôte": ("easter", 49), "pentecôte": ("easter", 49),
        "le dimanche de pentecôte": ("easter", 49), "dimanche de pentecôte": ("easter", 49),
        "le lundi de pentecôte": ("easter", 50), "lundi de pentecôte": ("easter", 50),
        "le vendredi saint": ("easter", -2), "vendredi saint": ("easter", -2),
        "le dimanche des rameaux": ("easter", -7), "dimanche des rameaux": ("easter", -7),
        "le mercredi des cendres": ("easter", -46), "mercredi des cendres": ("easter", -46),
        "la fête du travail": (5, 1), "halloween": (10, 31),
    },
    "en": {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "boxing day": (12, 26),
        "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
        "bastille day": (7, 14), "may day": (5, 1), "st patrick's day": (3, 17),
        "easter": ("easter", 0), "easter sunday": ("easter", 0), "easter monday": ("easter", 1),
        "good friday": ("easter", -2), "palm sunday": ("easter", -7),
        "ash wednesday": ("easter", -46), "maundy thursday": ("easter", -3),
        "ascension day": ("easter", 39), "pentecost": ("easter", 49),
        "whit sunday": ("easter", 49), "whitsunday": ("easter", 49),
        "whit monday": ("easter", 50), "thanksgiving": ("nth", 11, 3, 4),
        "labor day": ("nth", 9, 0, 1), "memorial day": ("nth", 5, 0, -1),
    },
}

# A holiday name counts as a date only after a time preposition or before a
# year: "avant Noël", "until Christmas"; "Noël Mamère" or "marché de Noël" not.
HOLIDAY_LEFT = frozenset({
    "à", "a", "avant", "après", "pour", "depuis", "dès", "jusqu'", "entre", "vers",
    "at", "before", "after", "by", "until", "till", "since", "over", "for", "on", "around",
    "ici", "veille", "eve", "lendemain", "during", "durant", "pendant",
})
# A holiday after "de" / "of" is a date only as the complement of one of
# these: "le jour de Noël", "la fête de Pentecôte"; "le marché de Noël" is not.
HOLIDAY_DAY_NOUNS = frozenset({
    "jour", "journée", "fête", "nuit", "soir", "soirée", "matin", "matinée", "réveillon",
    "dimanche", "lundi", "day", "night", "morning", "evening", "eve",
})
# Nouns right after a holiday that make it a modifier: "Christmas market",
# "Christmas shopping", "the Easter weekend" (a period, not a day).
HOLIDAY_NAME_TAILS = frozenset({
    "market", "markets", "tree", "trees", "lights", "decorations", "shopping", "shoppers",
    "sales", "card", "cards", "gift", "gifts", "present", "presents", "party", "parties",
    "dinner", "lunch", "carol", "carols", "song", "songs", "film", "movie", "special",
    "message", "address", "speech", "truce", "spirit", "jumper", "jumpers", "pudding",
    "advert", "campaign", "bonus", "bonuses", "rush", "parade", "parades", "celebrations",
    "egg", "eggs", "bunny", "costume", "costumes", "fireworks", "honours", "honors",
    "season", "holidays", "holiday", "break", "period", "weekend", "week", "vacation",
    "recess", "offensive", "uprising", "rising", "accord", "agreement", "menu", "edition",
})

SEASONS: dict[str, dict[str, str]] = {
    "fr": {"été": "summer", "hiver": "winter", "printemps": "spring", "automne": "autumn"},
    "en": {"summer": "summer", "winter": "winter", "spring": "spring", "autumn": "autumn",
           "fall": "autumn"},
}

ORDINALS: dict[str, dict[str, int]] = {
    "fr": {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "troisième": 3,
           "3e": 3, "quatrième": 4, "4e": 4},
    "en": {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
           "4th": 4},
}
# "le dernier dimanche d'octobre", "the last Sunday in October": n = -1.
LAST_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({"dernier", "dernière"}),
    "en": frozenset({"last"}),
}
QUARTER_WORDS: dict[str, dict[str, int]] = {  # value: months per part
    "fr": {"trimestre": 3, "semestre": 6},
    "en": {"quarter": 3, "half": 6},
}

# Words that make a month name (or year) a date even with no number around
# it: "en juillet", "in November", "depuis janvier", "the 1990s".
MONTH_LEFT = frozenset({
    "en", "de", "d'", "depuis", "dès", "des", "jusqu'", "avant", "après", "fin", "début",
    "mi", "courant", "mois", "à", "au", "pour", "entre", "et", "ou", "vers", "le", "ce", "cet",
    "in", "since", "by", "until", "till", "before", "after", "during", "early", "late", "mid",
    "last", "next", "this", "of", "from", "to", "through", "and", "or", "between", "for",
    "around", "throughout", "end", "on",
})

# Reading a 4-digit number as a year needs one of these before it when the
# number is outside 1900-2099 or it could be a count.
YEAR_LEFT = frozenset({
    "en", "in", "depuis", "since", "an", "année", "year", "dès", "until", "by",
    "de", "of", "du", "from", "entre", "between", "avant", "après", "before", "after",
})

# Nouns that make the preceding number a count, not a year ("2000 soldats").
COUNT_NOUNS = frozenset({
    "personnes", "habitants", "soldats", "euros", "dollars", "francs", "livres", "voix",
    "votes", "morts", "victimes", "blessés", "km", "kilomètres", "mètres", "m", "tonnes",
    "ans", "jours", "mois", "heures", "minutes", "secondes", "élèves", "salariés", "emplois",
    "logements", "manifestants", "participants", "visiteurs", "exemplaires", "véhicules",
    "hectares", "ha", "kg", "points", "militaires", "hommes", "femmes", "enfants", "agents",
    "policiers", "gendarmes", "postes", "familles", "foyers", "lits", "places", "sièges",
    "députés", "migrants", "réfugiés", "cas", "doses", "communes", "entreprises",
    "people", "troops", "soldiers", "residents", "jobs", "deaths", "cases", "miles", "tons",
    "years", "days", "months", "hours", "seconds", "pounds", "acres", "men",
    "women", "children", "workers", "employees", "students", "members", "voters", "seats",
    "delegates", "officers", "refugees", "units", "homes", "feet", "meters",
    "metres", "barrels", "vehicles", "signatures", "calories", "%", "€", "$", "£",
})

# Tokens right before a number that make it a code or an amount, not a date.
NOT_DATE_LEFT = frozenset({
    "$", "€", "£", "n°", "no", "nº", "#", "numéro", "number", "page", "p", "art", "article",
    "km", "route", "rn", "rd", "a", "n", "vol", "tome", "chapitre", "chapter", "section",
})

# Lines that carry the article's own publication date.
PUBLICATION_CUES = frozenset({
    "publié", "publiée", "publication", "mis", "modifié", "actualisé", "published",
    "updated", "posted", "modified", "dateline", "paru", "parution",
})

# Words that may stand right before a year. Any other word makes the year
# part of a name or a label: "Euro 2024", "Vision 2030", "comptes
# administratifs 2002" (a fiscal year as a document title, not an event).
# A summary of a period is not a label: "le bilan 2001 de la délinquance"
# states what happened in 2001, as "le recensement de 1990" would.
YEAR_WORD_OK = frozenset({
    "période", "saison", "exercice", "mois", "trimestre", "semestre", "quarter", "half",
    "jusqu'", "d'", "l'", "au", "aux", "à", "dans", "with", "than", "s", "back", "year",
    "years", "since", "versus", "vs", "et", "puis", "then", "was", "is", "were", "année",
    "années", "courant", "ou", "or", "que", "qu'", "début", "fin", "mi", "late", "early",
    "mid", "end", "en", "in", "depuis", "dès", "de", "of", "the", "le", "la", "by", "until",
    "before", "after", "avant", "après", "du", "and", "from", "to", "entre", "between",
    "summer", "winter", "spring", "autumn", "fall", "été", "hiver", "printemps", "automne",
    "an", "during", "pendant", "for", "pour", "through", "around", "vers", "circa", "q1",
    "q2", "q3", "q4", "t1", "t2", "t3", "t4", "this", "that", "bilan", "bilans",
    "recensement",
    # "d'ici 2050", "à l'horizon 2030": deadlines; "fiscal 2025" is a year as
    # "l'exercice 2025" is, not a name.
    "ici", "horizon", "fiscal",
})

# Tense cues, read in the clause around a date whose year is open.
FUTURE_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({
        "sera", "seront", "aura", "auront", "fera", "feront", "ira", "iront", "va", "vont",
        "doit", "doivent", "devra", "devront", "devait", "devaient", "prévu", "prévue",
        "prévus", "prévues", "programmé", "programmée", "jusqu'", "jusque",
        "bientôt", "demain", "reporté", "reportée", "repoussé", "repoussée", "fixé", "fixée",
        "compter", "partir", "attendu", "attendue", "envisage", "envisagent", "ici",
        "prochain", "prochaine", "prochains", "prochaines", "futur", "future",
    }),
    "en": frozenset({
        "will", "ll", "shall", "going", "expected", "scheduled", "due", "plans", "planned",
        "planning", "upcoming", "next", "until", "till", "tomorrow", "soon", "slated",
        "intends", "aims", "plan", "postponed", "delayed", "deadline",
    }),
}
PAST_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset({
        "hier", "dernier", "dernière", "derniers", "dernières", "depuis", "déjà", "été",
        "fut", "furent", "eut", "avait", "avaient", "était", "étaient",
    }),
    "en": frozenset({
        "yesterday", "ago", "last", "was", "were", "had", "did", "said", "since", "already",
        "met", "held", "took", "went", "came", "made", "told", "saw", "won", "lost", "began",
        "left", "spoke", "gave", "fell", "ran", "found", "sent", "got", "became", "brought",
        "built", "bought", "caught", "chose", "drew", "drove", "fought", "flew", "forgot",
        "grew", "heard", "hit", "kept", "knew", "led", "meant", "paid", "put", "rose",
        "sat", "sold", "shot", "shut", "stood", "struck", "swore", "taught", "thought",
        "threw", "understood", "woke", "wore", "wrote", "read", "beat", "broke", "spent",
        "quit", "cut", "sought", "felt", "laid",
    }),
}
# French auxiliaries that make the next participle a past (passé composé).
FR_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "est", "sont", "ai", "avons"})
# Present-tense modals: before an infinitive the event lies ahead ("peuvent
# rêver du podium dimanche"). "doit", "va" are future words already.
FR_MODALS = frozenset({"peut", "peuvent", "veut", "veulent", "espère", "espèrent",
                       "souhaite", "souhaitent", "compte", "comptent", "entend", "entendent"})
# Future and conditional endings of French verbs (-ra, -ront, -rait ...).
FR_FUTURE_ENDINGS = (
    "era", "eront", "ira", "iront", "dra", "dront", "rra", "rront", "vra", "vront",
    "ttra", "ttront", "ura", "uront", "erait", "eraient", "drait", "draient", "rrait",
    "rraient", "vrait", "vraient", "ttrait",
)
# English words ending in -ed that are not past verbs.
EN_NOT_PAST = frozenset({
    "need", "red", "bed", "speed", "feed", "seed", "hundred", "indeed", "united", "proceed",
    "succeed", "exceed", "breed", "greed", "shed", "sled", "embed", "wed", "ted", "fred",
    "ned", "med", "expected", "scheduled", "planned", "slated", "postponed", "delayed",
    "based", "related", "detailed", "limited", "advanced", "concerned", "supposed",
})
# Words that end a clause for tense cues (besides sentence punctuation).
CLAUSE_END = frozenset({".", "!", "?", ";", ":", "(", ")", "«", "»", "“", "”", '"'})
# After a comma, these open a relative clause about the noun before: its verb
# is not the tense of a date read forward ("du recensement de mars-avril, qui
# devraient être affinés" is a past census).
RELATIVE_PRONOUNS = frozenset({"qui", "que", "qu'", "dont", "lequel", "laquelle", "lesquels",
                               "lesquelles", "which", "who", "whose", "whom"})
# Right before a date: a deadline or a start, so the date lies ahead.
FUTURE_LEFT = frozenset({
    "jusqu'", "jusque", "ici", "until", "till", "through", "by", "compter", "partir",
    "prévu", "prévue", "prévus", "prévues", "fixé", "fixée", "reporté", "reportée",
    "repoussé", "repoussée", "scheduled", "slated", "set", "postponed", "delayed",
})

# Capitalized words before a weekday that make it a name ("Super Tuesday").
WEEKDAY_NAME_HEADS = frozenset({"super", "black", "cyber", "bloody", "good", "ash", "holy",
                                "maundy", "giving", "small", "blue", "manic"})
# Before a French weekday without a number: a habit ("le lundi", "chaque mardi").
WEEKDAY_HABIT = frozenset({"le", "les", "chaque", "every", "each"})

# Range openers and the connectors that close them: "du 3 au 5 mars".
RANGE_OPENERS: dict[str, frozenset[str]] = {
    "du": frozenset({"au", "à"}), "de": frozenset({"à", "au"}), "d'": frozenset({"à"}),
    "entre": frozenset({"et"}), "from": frozenset({"to", "through", "until", "till", "-", "–"}),
    "between": frozenset({"and"}),
}
DASHES = frozenset({"-", "–", "—"})
LIST_JOINS = frozenset({"et", "and", ",", "ou", "or", "&", "/"})
# After "dans trois jours": words that make it a noun phrase ("dans un jour de
# chance"), not a date ahead.
NOT_AHEAD_NEXT = frozenset({"de", "d'", "du", "des", "où", "sans", "comme", "qui", "que",
                            "plus", "moins", "avec"})
# Before "be" + participle: the passive looks ahead ("will be finished").
EN_MODALS = frozenset({"will", "ll", "would", "should", "must", "to", "could", "may", "might",
                       "shall", "can"})
# Between two days, these make a range without an opener: "March 3 to 5".
DAY_RANGE_CLOSERS = frozenset({"to", "through", "thru"})
# Between a publication cue and its date: "Publié le", "mis à jour le", "Updated: on".
PUBLICATION_LINKS = frozenset({"le", "à", "jour", "on", ":", ",", "-", "–", "|", "at", "the"})
