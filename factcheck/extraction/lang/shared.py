"""Word sets the grammar reads in every language, French and English words mixed.

Today's rules look these up whatever the article's language ("dernier" after
an English date, "the" before a French year), and the output must not change
while the code is reorganised. Both lexicons point here; splitting a set per
language is an accuracy change for a later issue, made by moving its words
into fr.py and en.py.
"""

from __future__ import annotations

from factcheck.extraction.lang.build import words

# Abbreviations are months only when a dot follows ("nov.", "Sept.") or a
# number does ("Nov 5"): "dec" or "mar" alone are other words.
ABBREVIATIONS = words(
    "janv févr fév fevr avr juil sept oct nov déc dec jan feb mar apr jun jul aug sep"
)

# Capitalized words after a weekday that make it part of a name
# ("Sunday Times", "accord du Vendredi saint", "Super Tuesday" is caught before).
WEEKDAY_NAME_TAILS = words(
    "times telegraph mirror express post herald tribune review night school saint gras noir "
    "black bloody sanglant fou"
)

# In any case: "vendredi saint", "mardi gras" name a feast, not the weekday.
WEEKDAY_FEAST_TAILS = words("saint gras")

# Words right after a date that fix its direction; they belong to the span.
AFTER_PAST = words("dernier dernière derniers dernières passé passée")

AFTER_FUTURE = words("prochain prochaine prochains prochaines")

BEFORE_PAST = words("last past")

BEFORE_FUTURE = words("next coming")

# "ce lundi", "this Monday": deictic, direction left to the verb.
DEICTIC = words("ce cet cette this")

# A holiday name counts as a date only after a time preposition or before a
# year: "avant Noël", "until Christmas"; "Noël Mamère" or "marché de Noël" not.
HOLIDAY_LEFT = words(
    "à a avant après pour depuis dès jusqu' entre vers at before after by until till since "
    "over for on around ici veille eve lendemain during durant pendant"
)

# A holiday after "de" / "of" is a date only as the complement of one of
# these: "le jour de Noël", "la fête de Pentecôte"; "le marché de Noël" is not.
HOLIDAY_DAY_NOUNS = words(
    "jour journée fête nuit soir soirée matin matinée réveillon dimanche lundi day night "
    "morning evening eve"
)

# Nouns right after a holiday that make it a modifier: "Christmas market",
# "Christmas shopping", "the Easter weekend" (a period, not a day).
HOLIDAY_NAME_TAILS = words(
    "market markets tree trees lights decorations shopping shoppers sales card cards gift "
    "gifts present presents party parties dinner lunch carol carols song songs film movie "
    "special message address speech truce spirit jumper jumpers pudding advert campaign bonus "
    "bonuses rush parade parades celebrations egg eggs bunny costume costumes fireworks "
    "honours honors season holidays holiday break period weekend week vacation recess "
    "offensive uprising rising accord agreement menu edition"
)

# Words that make a month name (or year) a date even with no number around
# it: "en juillet", "in November", "depuis janvier", "the 1990s".
MONTH_LEFT = words(
    "en de d' depuis dès des jusqu' avant après fin début mi courant mois à au pour entre et "
    "ou vers le ce cet in since by until till before after during early late mid last next "
    "this of from to through and or between for around throughout end on"
)

# Reading a 4-digit number as a year needs one of these before it when the
# number is outside 1900-2099 or it could be a count.
YEAR_LEFT = words(
    "en in depuis since an année year dès until by de of du from entre between avant après "
    "before after"
)

# Nouns that make the preceding number a count, not a year ("2000 soldats").
COUNT_NOUNS = words(
    "personnes habitants soldats euros dollars francs livres voix votes morts victimes "
    "blessés km kilomètres mètres m tonnes ans jours mois heures minutes secondes élèves "
    "salariés emplois logements manifestants participants visiteurs exemplaires véhicules "
    "hectares ha kg points militaires hommes femmes enfants agents policiers gendarmes postes "
    "familles foyers lits places sièges députés migrants réfugiés cas doses communes "
    "entreprises people troops soldiers residents jobs deaths cases miles tons years days "
    "months hours seconds pounds acres men women children workers employees students members "
    "voters seats delegates officers refugees units homes feet meters metres barrels vehicles "
    "signatures calories % € $ £"
)

# Tokens right before a number that make it a code or an amount, not a date.
NOT_DATE_LEFT = words(
    "$ € £ n° no nº # numéro number page p art article km route rn rd a n vol tome chapitre "
    "chapter section"
)

# Lines that carry the article's own publication date.
PUBLICATION_CUES = words(
    "publié publiée publication mis modifié actualisé published updated posted modified "
    "dateline paru parution"
)

# Words that may stand right before a year. Any other word makes the year
# part of a name or a label: "Euro 2024", "Vision 2030", "comptes
# administratifs 2002" (a fiscal year as a document title, not an event).
# A summary of a period is not a label: "le bilan 2001 de la délinquance"
# states what happened in 2001, as "le recensement de 1990" would.
YEAR_WORD_OK = words(
    "période saison exercice mois trimestre semestre quarter half jusqu' d' l' au aux à dans "
    "with than s back year years since versus vs et puis then was is were année années "
    "courant ou or que qu' début fin mi late early mid end en in depuis dès de of the le la "
    "by until before after avant après du and from to entre between summer winter spring "
    "autumn fall été hiver printemps automne an during pendant for pour through around vers "
    "circa q1 q2 q3 q4 t1 t2 t3 t4 this that bilan bilans recensement ici horizon fiscal"
)

# Words that end a clause for tense cues (besides sentence punctuation).
CLAUSE_END = words('. ! ? ; : ( ) « » “ ” "')

# After a comma, these open a relative clause about the noun before: its verb
# is not the tense of a date read forward ("du recensement de mars-avril, qui
# devraient être affinés" is a past census).
# A time of day between a range's first date and its closer: "samedi 24 août à 18h et".
TIME_LEADS = words("à at vers around")
# After a date, a clause of its own starts here: "announced on Tuesday that she would".
COMPLEMENTIZERS = words("that que qu'")
RELATIVE_PRONOUNS = words(
    "qui que qu' dont lequel laquelle lesquels lesquelles which who whose whom"
)

# Right before a date: a deadline or a start, so the date lies ahead.
FUTURE_LEFT = words(
    "jusqu' jusque ici until till through by compter partir prévu prévue prévus prévues fixé "
    "fixée reporté reportée repoussé repoussée scheduled slated set postponed delayed"
)

# Capitalized words before a weekday that make it a name ("Super Tuesday").
WEEKDAY_NAME_HEADS = words("super black cyber bloody good ash holy maundy giving small blue manic")

# Before a French weekday without a number: a habit ("le lundi", "chaque mardi").
WEEKDAY_HABIT = words("le les chaque every each")

# Range openers and the connectors that close them: "du 3 au 5 mars".
RANGE_OPENERS: dict[str, frozenset[str]] = {
    "du": words("au à"),
    "de": words("à au"),
    "d'": words("à"),
    "entre": words("et"),
    "from": words("to through until till - –"),
    "between": words("and"),
}

DASHES = words("- – —")

LIST_JOINS = words("et and , ou or & /")

# After "dans trois jours": words that make it a noun phrase ("dans un jour de
# chance"), not a date ahead.
NOT_AHEAD_NEXT = words("de d' du des où sans comme qui que plus moins avec")

# Between a publication cue and its date: "Publié le", "mis à jour le", "Updated: on".
PUBLICATION_LINKS = words("le à jour on : , - – | at the")


# --- votes and meetings --------------------------------------------------------

# "by 14 votes to none": zero spelled as a word, read as a count after a connector.
VOTE_ZERO = words("none nil zéro aucun aucune")
# Percent markers turn the number before them into a share (tag P); "pour cent" and
# "per cent" are phrases of the lexicons ("187 pour" is a count).
VOTE_PERCENT = words("% cent percent pc points")
# Labels that are also prepositions: "neuf voix pour renverser", "contre la réforme".
VOTE_FOR_WORDS = words("pour for")
VOTE_AGAINST_WORDS = words("contre against")
VOTE_TO = "à"  # "289 à 12" joins two counts; "à 9 voix près" does not
# After "contre": a determiner makes it a preposition, not a label.
VOTE_DETERMINERS = words("la le les l un une ce cet cette ces son sa ses leur leurs")
VOTE_ARTICLE_NUMBERS = words("un une one")  # "un vote de confiance" is no count
# Before a count these abbreviate "number": "Amendment No 21" is no record label.
VOTE_NUMBER_SIGNS = words("no nr")
# "n'en a recueilli que 278": the pronoun stands for the votes.
VOTE_PRONOUN = r"\bn?['’]?en\s+(?:\w+\s+){1,2}"
# Taken into a meeting count's span: "à trois reprises", "pour la première fois".
MEETING_TIMES_PREFIX = r"(?:\bà|\bpour\s+la|\bfor\s+the)\s+$"
MEETING_ONLY_PREFIX = r"qu['’]\s*$"  # "ne se sont vus qu'une fois"
# Words of a short aside that does not end a clause: "se sont entretenus, pour la première fois".
MEETING_FILLERS = words(
    "pour la le à au en tout total déjà seulement ne for the only just already in all have has ever"
)
MEETING_ADVERB_COUNTS = {"once": 1, "twice": 2, "thrice": 3}


# --- sentences (segment.py runs before the language is known) ----------------------

# Titles before a name: never the end of a sentence ("M. Le Pen", "Sen. Warren").
SENTENCE_TITLES = words(
    "M MM Mme Mmes Mlle Mlles Mgr Me Dr Pr Prof Mr Mrs Ms Messrs St Ste Sen Sens Rep Reps Gov "
    "Gen Gén Lt Col Capt Cpt Sgt Adm Cmdr Rev Hon Pres Supt Insp Cdt Lieut vs cf env av apr ca "
    "approx resp cit op éd ed Mt Ft"
)
# Abbreviations before a number ("No. 10", "p. 12", "art. 3"); elsewhere an ordinary word.
SENTENCE_BEFORE_NUMBER = words("No Nos no nos N n p pp art arts vol chap ch fig al para sect")
# May end a sentence as often as not: end it only when a typical first word follows.
SENTENCE_AMBIGUOUS = words("inc corp ltd co cie jr sr bros")

# Words that typically open a sentence; after an initial or an acronym they
# tell "plan B. Le lendemain" and "in the U.S. The report" apart from
# "John F. Kennedy" and "U.S. President".
SENTENCE_STARTERS = words(
    """Le La Les L' Un Une Des Il Elle Ils Elles On Nous Vous Je J' Ce Cet Cette Ces C' Ça Cela
    Mais Et Ou Donc Or Puis Selon Pour Par Dans En Au Aux Du De D' Depuis Après Avant Lors
    Cependant Pourtant Ainsi Alors Si Quand Comme Sa Son Ses Leur Leurs Tout Tous Toutes Qu'
    Aucun Aucune Plusieurs Certains Enfin Toutefois Néanmoins Lundi Mardi Mercredi Jeudi
    Vendredi Samedi Dimanche Hier Demain Aujourd'
    The A An This That These Those It He She They We I You But And Or So In On At For With
    By From As After Before When While If His Her Their Its Our There Here However Meanwhile
    According Some Many Most Other Yet Since During Last Next Then Still Now Under What Who
    Yesterday Today Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday Sunday"""
)


# --- the date grammar's function words --------------------------------------------
# Small sets the date rules read around their anchors, in every language.

# Tokenizer: elisions kept as one token ("jusqu'", "l'"), and "aujourd'hui".
ELISIONS = ("jusqu", "lorsqu", "puisqu", "quoiqu", "presqu", "qu")
ELIDED_LETTERS = "ldjmntsc"
# Function words that may start a date when a strong date word follows.
TRIGGER_WORDS = words(
    "mois month l' an année il dans in the les ago des aux q1 q2 q3 q4 t1 t2 t3 t4 '"
)
# Words that name a date by themselves besides months, weekdays, units...
STRONG_WORDS = words("ago time années y q1 q2 q3 q4 t1 t2 t3 t4")
# Words of phrases that are no anchor on their own ("le", "of", "jour").
FUNCTION_WORDS = words("le la l' d' de du des the of ce cet cette this last next day jour s ' -")
# Spelled numbers that are mostly articles: they start no date alone.
ARTICLE_NUMBERS = words("un une a an")
# Before a number: year-like ("en 97", "'97", "Q1", "T3").
YEAR_DIGIT_LEFT = words("en ' q t")
# "le premier lundi de septembre", "the last Sunday in October".
COUNTED_WEEKDAY_LINKS = words("de du d' of in")
DEFINITE_ARTICLES = words("l' the")  # "de l'année", "of the year"
MONTH_NOUNS = words("mois month")  # "au mois de juin", "the month of June"
MONTH_NOUN_LINKS = words("de d' of")
YEAR_NOUNS = words("an année")  # "l'an 2000"
PAST_COUNT_OPENER = ("il", "y", "a")  # "il y a deux ans"
SEASON_LEADS = words("l' cet cette ce this last next")  # "l'été 2019", "last summer"
SEASON_LEADS_ALONE = words("cet this last next")  # enough without a year: "cet été"
SEASON_LINKS = words("de of")  # "l'été de 2019"
PART_LINKS = words("de of du")  # "le premier trimestre de 2024"
DECADE_LEADS = words("les des aux")  # "les années 1990"
# Lists and ranges: "les 7, 8 et 9 mai", "entre le 3 et le 5".
RANGE_ARTICLES = words("le la les l' the")
LIST_CONJUNCTIONS = words("et and ou or")
LIST_ITEM_LEADS = words("le les the l' on in en")
# After a two-digit year, nothing that would make it a count: "octobre 98."
SHORT_YEAR_FOLLOWERS = words("et and à au")
DASHED_YEAR_PREFIXES = words("mi mid end")  # "mi-2024", "end-2024"
# Holidays: "avant Noël et", "le jour de Noël".
HOLIDAY_AND = words("et and")
HOLIDAY_ARTICLES = words("le la l' the")
HOLIDAY_OF = words("de d' du of")
DE_WORDS = words("de d'")  # "du mois de mai"; "une fête de fin d'année" is a label...
PERIOD_DATE_LEAD = "en"  # ... "en fin d'année" a date
# Tense: two tokens before the date ("jusqu'à", "d'ici"), and words skipped
# between a verb and the date ("a annoncé le 5").
FUTURE_LEFT_FAR = words("jusqu' ici")
CUE_SKIPPED = words("le ce")
