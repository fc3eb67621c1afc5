"""English: every word list, cue and switch the extractor reads for "en".

Sets shared with French because the grammar reads them in any language
today live in shared.py; this module points at them. Date phrases are plain
text, tokenized by the date scanner at import.
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
    NthWeekday,
    NumberWords,
    Shift,
    TokenReader,
    VoteWords,
    WeekdayFrom,
)

# --- dates -------------------------------------------------------------------

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

# Relative expressions anchored on publication.
RELATIVE = {
    "today": Shift("day", 0),
    "tonight": Shift("day", 0),
    "this morning": Shift("day", 0),
    "this afternoon": Shift("day", 0),
    "this evening": Shift("day", 0),
    "yesterday": Shift("day", -1),
    "last night": Shift("day", -1),  # the evening's day
    "tomorrow": Shift("day", 1),
    "the day before yesterday": Shift("day", -2),
    "the day after tomorrow": Shift("day", 2),
    "this week": Shift("week", 0),
    "last week": Shift("week", -1),
    "next week": Shift("week", 1),
    "this month": Shift("month", 0),
    "last month": Shift("month", -1),
    "next month": Shift("month", 1),
    # forms: weekends are their Saturday and Sunday, parts of a week the week.
    "this weekend": Shift("weekend", 0),
    "this week-end": Shift("weekend", 0),
    "this coming weekend": Shift("weekend", 0),
    "last weekend": Shift("weekend", -1),
    "this past weekend": Shift("weekend", -1),
    "next weekend": Shift("weekend", 1),
    "midweek": Shift("week", 0),
    "mid-week": Shift("week", 0),
    "yesterday morning": Shift("day", -1),
    "yesterday afternoon": Shift("day", -1),
    "yesterday evening": Shift("day", -1),
    "tomorrow morning": Shift("day", 1),
    "tomorrow afternoon": Shift("day", 1),
    "tomorrow evening": Shift("day", 1),
    "tomorrow night": Shift("day", 1),
    "year end": Shift("year", 0),
    "year-end": Shift("year", 0),
    "month's end": Shift("month", 0),
    "month-end": Shift("month", 0),
    "this year": Shift("year", 0),
    "last year": Shift("year", -1),
    "next year": Shift("year", 1),
}

# Period words that a modifier can govern without a number: "la fin de
# l'année", "the end of the month" (the current one).
PERIOD_WORDS = {
    "the year": Shift("year", 0),
    "the month": Shift("month", 0),
    "year": Shift("year", 0),
    "month": Shift("month", 0),
    # forms: parts of a week give the whole week ("the end of the work week").
    "the week": Shift("week", 0),
    "the work week": Shift("week", 0),
    "the workweek": Shift("week", 0),
}

# Modifiers keep the base precision; they only widen the span.
MODIFIERS = (
    "in early",
    "in mid-",
    "in late",
    "early",
    "mid-",
    "mid",
    "late",
    "the end of",
    "the beginning of",
    "the start of",
    "the middle of",
    "end of",
    "end-",
)

# Units of "il y a deux ans", "two years ago", "dans trois jours".
UNITS = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}

# Holidays that fix a day (rule types in lexicon.py).
HOLIDAYS = {
    "christmas": FixedDay(12, 25),
    "christmas day": FixedDay(12, 25),
    "christmas eve": FixedDay(12, 24),
    "new year's day": FixedDay(1, 1),
    "new year's eve": FixedDay(12, 31),
    "boxing day": FixedDay(12, 26),
    "valentine's day": FixedDay(2, 14),
    "halloween": FixedDay(10, 31),
    "independence day": FixedDay(7, 4),
    "bastille day": FixedDay(7, 14),
    "may day": FixedDay(5, 1),
    "st patrick's day": FixedDay(3, 17),
    "easter": EasterOffset(0),
    "easter sunday": EasterOffset(0),
    "easter monday": EasterOffset(1),
    "good friday": EasterOffset(-2),
    "palm sunday": EasterOffset(-7),
    "ash wednesday": EasterOffset(-46),
    "maundy thursday": EasterOffset(-3),
    "ascension day": EasterOffset(39),
    "pentecost": EasterOffset(49),
    "whit sunday": EasterOffset(49),
    "whitsunday": EasterOffset(49),
    "whit monday": EasterOffset(50),
    "easter saturday": EasterOffset(-1),
    "holy saturday": EasterOffset(-1),
    "thanksgiving": NthWeekday(11, 3, 4),
    "thanksgiving day": NthWeekday(11, 3, 4),
    "turkey day": NthWeekday(11, 3, 4),
    "martin luther king day": NthWeekday(1, 0, 3),
    "presidents day": NthWeekday(2, 0, 3),
    "presidents' day": NthWeekday(2, 0, 3),
    "columbus day": NthWeekday(10, 0, 2),
    "veterans day": FixedDay(11, 11),
    "remembrance day": FixedDay(11, 11),
    "armistice day": FixedDay(11, 11),
    "juneteenth": FixedDay(6, 19),
    "election day": WeekdayFrom(11, 2, 1),
    "labor day": NthWeekday(9, 0, 1),
    "memorial day": NthWeekday(5, 0, -1),
}

SEASONS = {
    "summer": "summer",
    "winter": "winter",
    "spring": "spring",
    "autumn": "autumn",
    "fall": "autumn",
}

ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}

# "le dernier dimanche d'octobre", "the last Sunday in October": n = -1.
LAST_WORDS = words("last")

QUARTER_WORDS = {"quarter": 3, "half": 6}

# Tense cues, read in the clause around a date whose year is open.
FUTURE_WORDS = words(
    "will ll shall going expected scheduled due plans planned planning upcoming next until "
    "till tomorrow soon slated intends aims plan postponed delayed deadline should might must"
)

PAST_WORDS = words(
    "yesterday ago last was were had did said since already met held took went came made told "
    "saw won lost began left spoke gave fell ran found sent got became brought built bought "
    "caught chose drew drove fought flew forgot grew heard hit kept knew led meant paid put "
    "rose sat sold shot shut stood struck swore taught thought threw understood woke wore "
    "wrote read beat broke spent quit cut sought felt laid slept swept wept arose awoke bore "
    "bled blew bred clung crept dug dove fed fled flung forbade forgave froze hid hung knelt "
    "leapt overcame rang rode sang sank shook shone slid sped spun sprang stole stuck "
    "stung strode swam swung tore"
)

# English words ending in -ed that are not past verbs.
NOT_PAST = words(
    "need red bed speed feed seed hundred indeed united proceed succeed exceed breed greed "
    "shed sled embed wed ted fred ned med expected scheduled planned slated postponed delayed "
    "based related detailed limited advanced concerned supposed"
)

# Before "be" + participle: the passive looks ahead ("will be finished").
MODALS = words("will ll would should must to could may might shall can")

# Words of a game report: a document holding them (twice) has halves and
# quarters of a match, not of a year ("scored in the second half").
GAME_WORDS = words(
    "match matches game games goal goals scored scoring scorer scorers halftime kickoff "
    "penalty penalties touchdown touchdowns innings inning referee whistle possession "
    "striker strikers goalkeeper keeper quarterback deadlock equaliser equalizer visitors "
    "hosts fans league cup championship playoff playoffs"
)

# Words around a two-digit decade that make it a temperature: "highs in the 40s".
TEMPERATURE_WORDS = words(
    "high highs low lows temperature temperatures temps degree degrees ° wind chill chills "
    "readings reading upper lower teens heat dew feels thermometer mercury warm warmer cool "
    "cooler cold colder hot hotter mild chilly frost freezing forecast overnight afternoon"
)

# Between two days, these make a range without an opener: "March 3 to 5".
DAY_RANGE_CLOSERS = words("to through thru")


# Present-tense auxiliaries: a weak cue that the date lies ahead ("the offices
# are closed Friday", "the vote is Tuesday"); before "-ed" a present passive.
PRESENT_WORDS = words("is are am")

# Before a word in -ed: an adjective ("for mixed precipitation"), not a past.
ADJECTIVE_LEFT = words("a an the for of with this that these those some any more most very less")

# Before a date opening its clause: its verb comes after ("and Friday we will say").
CLAUSE_OPENERS = words("and but then - – —")

# Weather words: on a forecast page, a weekday without a tense cue lies ahead.
FORECAST_WORDS = words(
    "forecast forecasts forecaster forecasters highs lows showers cloudy sunny sunshine rain "
    "rainfall drizzle snow snowfall flurries thunderstorms storms precipitation temperatures "
    "humidity breezy windy overcast fog chilly skies clouds gusts gusty frost heatwave "
    "downpours sleet"
)


def tense_cue(tokens: TokenReader, k: int, word: str, distance: int) -> int:
    """English tense from verb forms: "-ed" pasts, passives, progressives, "would",
    "as early as", "set to"."""
    tok = tokens.tok
    if word == "early" and tok(k - 1) == "as":
        return 1  # "as early as Saturday"
    if word == "set" and tok(k + 1) in ("to", "for"):
        return 1
    if word.endswith("ing") and tok(k - 1) in PRESENT_WORDS:
        return 1  # "is returning to Michigan in July": the progressive of an arrangement
    if word == "would":
        # "said the talks would end Friday": a future seen from the report; "would
        # have ended Friday" looks back.
        return -1 if tok(k + 1) == "have" else 1
    if len(word) > 3 and word.endswith("ed") and word not in NOT_PAST:
        if tok(k - 1) in ADJECTIVE_LEFT:
            return 0  # "a chance for mixed precipitation": an adjective
        if tok(k - 1) in PRESENT_WORDS:
            return 0  # "are closed Friday": a present passive, no past
        if tok(k - 1) == "be":
            # A passive takes the tense of its auxiliary: "will be finished
            # before Christmas", "is to be closed from Dec. 24".
            aux = tok(k - 2)
            return 1 if aux in FUTURE_WORDS or aux in MODALS else 0
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
    weekday_habit=shared.WEEKDAY_HABIT | words("a"),  # "emptied on a Friday"
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
    day_range_closers=DAY_RANGE_CLOSERS,
    names_capitalized=True,
    month_day_order=True,
    comma_before_year=True,
    month_first_numeric=True,
    dashed_day_names=False,
    short_year_left=frozenset(),
    name_articles=words("the a an"),
    ambiguous_months={
        "may": words("in since until early late mid last next of - this during through"),
    },
    homonym_months={},
    ahead_words=words("in"),
    ahead_tails=(("time",), ("from", "now")),
    ago_words=words("ago"),
    tense_cue=tense_cue,
    tense_cue_words=words("early set would"),
    tense_cue_endings=("ed", "ing"),
    present_words=PRESENT_WORDS,
    clause_openers=CLAUSE_OPENERS,
    forecast_words=FORECAST_WORDS,
    weak_future_words=words("until till"),
    holiday_verbs=("celebrat", "observ", "mark"),
    weekday_month_links=words("of in"),
    contracted_subjects=words("it that there here what he she who"),
    weak_past_words=words("after following"),
    label_year_words=words("fiscal fy budget"),
    # forms
    part_codes={"q": 3, "h": 6},
    part_codes_after={"q": 3, "h": 6},
    bare_part_words=words("quarter half"),
    part_not_after=words("a an another"),
    part_code_left=words("in for during of from since to through until and or vs versus ("),
    game_words=GAME_WORDS,
    fiscal_words=words("fiscal fy"),
    fiscal_followers=words("year years quarter quarters half first second third fourth"),
    label_nouns=words("budget budgets campaign season seasons team squad term school academic"),
    months_first=words("first"),
    months_last=words("last final"),
    decade_modifiers=words("early mid late"),
    temperature_words=TEMPERATURE_WORDS,
    age_possessives=words("his her their my your our its"),
    range_closers_alone=words("through thru"),  # "Tuesday through Thursday" too
    recurring_words=words("every each annually normally usually typically"),
    recurring_links=words(", on in at the a year years"),
    month_modifier_left=words("the a an"),
    count_fillers=words("just only"),
    closer_tails=frozenset(),
)

# --- votes -------------------------------------------------------------------

VOTES = VoteWords(
    words=tags(
        V="vote votes ballots",
        M="mps meps senators members lawmakers legislators representatives deputies "
        "councillors councilors delegates countries states nations peers justices",
        F="for yes",
        A="against no",
        a="opposed",
        G="republicans democrats tories conservatives liberals socialists independents "
        "nationalists greens",
        X="abstention abstentions",
        x="abstained abstaining abstain",
        f="backed supported",
        Y="yea yeas aye ayes contents",
        Z="nay nays noes",
        O="absent excused",
        j="other remaining member",
        T="to - – vs versus",
        **{",": ", ; ( /", "&": "and plus while whereas", "W": "with including", ":": ":"},
        S="of",
        B="by",
    ),
    # An adverb may follow the verb: "voted overwhelmingly against".
    phrases=label_rx(
        r"(?P<f>(?:have|had|has)\s+voted\s+(?:\w+ly\s+)?(?:for|in\s+favou?r|yes|aye)"
        r"|(?:voted|voting)\s+(?:\w+ly\s+)?(?:for|in\s+favou?r|yes|aye)"
        r"|(?:were|was)\s+cast\s+(?:for|in\s+favou?r))"
        r"|(?P<F>in\s+favou?r|in\s+support|for\s+(?:it|the\s+(?:measure|bill|motion"
        r"|resolution|amendment|proposal|ordinance|nomination)))"
        r"|(?P<A>against\s+(?:it|the\s+(?:measure|bill|motion|resolution|amendment|proposal"
        r"|ordinance|nomination)))"
        r"|(?P<a>(?:have|had|has)\s+voted\s+(?:\w+ly\s+)?(?:against|no|nay)"
        r"|(?:voted|voting)\s+(?:\w+ly\s+)?(?:against|no|nay|in\s+opposition)"
        r"|(?:were|was)\s+cast\s+against)"
        r"|(?P<Y>(?:backed|supported)\s+by)"
        r"|(?P<Z>not\s+contents|opposed\s+by)"
        r"|(?P<O>not\s+voting|did\s+not\s+vote)"
        r"|(?P<S>out\s+of)"
        r"|(?P<P>per\s+cent|percentage\s+points?)"
    ),
    cue=words(
        "vot unanim absten abstain tally ballot passed adopt approv confirm reject defeat sank "
        "sink ayes yea nay noes contents favo motion resolution amendment bill carried cleared "
        "senate house council committee parliament assembly against dissent court ruled "
        "ruling justice decision opposition"
    ),
    context=lower_rx(
        r"\b(?:vot|pass(?:ed|es)?\b|motion|bill\b|house\b|mps\b)|tally|ballot|roll call"
        r"|unanim|absten|adopt|approv|confirm|resolution|amendment|senate|parliament|assembly"
        r"|council|committee|commons|congress|senators|lawmakers|carried"
        r"|\bcourt\b|justices|ruled|ruling|\bdecision\b|opinion"
    ),
    blockers=lower_rx(
        r"\b(?:candidate|opponent|rival\b|challenger|election|primar(?:y|ies)\b|polls?\b|polling"
        r"|survey)|turnout|electoral votes|electoral college"
    ),
    hypothetical=lower_rx(
        r"\b(?:if|would|could|might|should|needs?|needed|requires?|required|necessary"
        r"|minimum|threshold|expected|projected|likely|must|at least)\b[^.;]{0,30}$"
    ),
    acquire=lower_rx(
        r"\b(?:received|won|garnered|secured|got|obtained|drew|attracted|gained|mustered"
        r"|collected|picked up)\s+(?:(?:only|just|barely|a mere|a total of|some)\s+){0,2}$"
        r"|\bunanimously\s+by\s+(?:all|the)\s+(?:of\s+the\s+)?$"
        r"|\b(?:approved|adopted|endorsed)\s+(?:only\s+)?by\s+(?:only\s+|just\s+)?$"
    ),
    failure=lower_rx(
        r"\b(?:reject\w*|defeat\w*|sank|sink\w*|sunk|voted down|vote down|fail\w*|kill\w*"
        r"|block\w*|threw out|thrown out|turned down|voted against|shot down)"
    ),
    success=lower_rx(
        r"\b(?:pass(?:ed|es)?|adopt\w*|approv\w*|back(?:ed|s)?|confirm\w*|endors\w*|carried"
        r"|voted for|voted in favou?r|accept\w*|cleared|advanced?)\b"
    ),
    unanimous=lower_rx(
        r"\bunanimously\b"
        r"|\bunanimous\s+(?:vote|approval|consent|ballot|support|decision|ruling|verdict)\b"
        r"|\bwithout\s+(?:a\s+)?dissent(?:ing\s+vote)?\b|\b(?:with\s+no|without)\s+opposition\b"
    ),
    unanimous_context=lower_rx(
        r"\b(?:vot|pass|back|bill\b|house\b)|adopt|approv|endors|confirm|elect|agreed|decided"
        r"|carried|reject|resolution|motion|council|committee|board|senate|assembly"
        r"|parliament|members|court|justice"
    ),
    not_unanimous=lower_rx(r"(?:\bnot|n['’]t|\bnever|\brequir\w*|\bneed\w*)\s+(?:\w+\s+){0,2}$"),
    range_start=words("from between"),
    standing=lower_rx(
        r"\s*(?:[\w-]+\s+)?(?:majority|majorities|seats?|lead|edge|advantage|split)\b"
        r"(?!\s+(?:opinion|ruling|decision|verdict|vote)\b)"  # "a 6-3 majority opinion": a vote
    ),
    decided_by=lower_rx(r"\b(?:by|with)\s+(?:an?|the)\s+$"),
    list_openers=words("including among notably"),
    threshold_after=lower_rx(r"\s*(?:votes?\s+)?(?:needed|required|necessary)\b"),
    clause_end=lower_rx(r"[,;:]"),
    question=lower_rx(r"\?[\s»\"”']*$"),
)

# --- meetings ----------------------------------------------------------------

# Seats of power and titles: a visit there is one with a leader ("his first visit
# to the White House"); a visit to a city or a country is a trip, not a meeting,
# unless it is a state or official visit.
# Never matches; its literal first character lets the engine skip through a
# sentence at C speed, where a bare "(?!)" is tried at every position (7x slower).
_NEVER = r"\x00(?!)"
_SEATS = (
    r"to\s+(?:the\s+)?(?:White\s+House|Kremlin|Vatican|[ÉE]lys[ée]e|Downing\s+Street|Blue\s+House"
    r"|Zhongnanhai|Pope|President|King|Queen|Chancellor|Prime\s+Minister|Emperor|Oval\s+Office)\b"
)
_TALKS = r"(?:talks|negotiations|discussions|consultations|meetings|dialogue|parleys)\b"

MEETINGS = MeetingWords(
    capitalized_modifiers=True,
    cue=words(
        "summit meet met talk encounter face sit-down one-on-one tête session time twice once "
        "thrice phone call conversation interview round spoke spoken hosted visit dialogue "
        "occasion interaction sitting"
    ),
    noun=caseless_rx(
        r"(?:summits?|meetings?|talks|encounters?|face-to-faces?|sit-downs?|one-on-ones?"
        r"|t[êe]te-à-t[êe]tes?|sessions?|sittings?|(?:phone|telephone)\s+(?:calls?|conversations?)"
        r"|calls?(?=\s+(?:with|between)\b)|interactions?|dialogues?"
        r"|conversations?|interviews?(?=\s+(?:with|between)\b)|(?:state|official|working|bilateral)\s+visits?|visits?\s+"
        + _SEATS
        + r"|editions?\s+of\s+the\s+(?:summit|meeting|forum|dialogue))\b"
    ),
    plural_noun=caseless_rx(
        r"(?:summits|meetings|encounters|face-to-faces|sit-downs|one-on-ones|interviews|sessions"
        r"|(?:phone|telephone)\s+(?:calls|conversations)|conversations|interactions"
        r"|(?:state|official|bilateral)\s+visits|visits\s+"
        + _SEATS
        + r"|rounds\s+of\s+(?:\w+\s+){0,2}"
        + _TALKS
        + r")\b"
    ),
    modifier=caseless_rx(
        r"(?:official|formal|informal|face-to-face|in-person|bilateral|direct|historic|ever"
        r"|one-on-one|personal|private|full|proper|real|summit|high-level|top-level|phone"
        r"|telephone|video|virtual|joint|trilateral|diplomatic|substantive|major|standalone"
        r"|leaders['’]?|inter-\w+|peace|trade|border|security|ceasefire|level|round|separate"
        r"|nuclear|regular|special|extraordinary|working|expert|experts|ministerial|senior"
        r"|annual|plenary|new|previous|strategic|economic|military|technical|preparatory"
        r"|indirect|foreign|defen[cs]e|finance|ministers?|secretary|deputy|army|corps|commanders?"
        r"|exploratory|proximity|peace-keeping|renewed|resumed|expanded|extended|enlarged"
        r"|scheduled|planned|postponed|delayed|rescheduled|televised|restricted|closed|such)\b"
    ),
    named_session=caseless_rx(
        r"\s+of\s+the\s+(?:UN\s+|United\s+Nations\s+)?(?:General\s+Assembly|COP|Human\s+Rights"
        r"|Conference\s+of\s+the\s+Parties|World\s+Health\s+Assembly)"
    ),
    verb=caseless_rx(
        r"\b(?:met|meet|meets|meeting|spoken|spoke|talked|hosted|sat\s+down|held\s+talks"
        r"|summits?|meetings?|interviewed|convened|conferred)\b"
    ),
    times=caseless_rx(
        r"(?:\s*\(\s*\d+\s*\))?\s+(?:separate\s+|different\s+)?(?:times|occasions)\b"
    ),
    time_word=caseless_rx(r"\s+time\b"),
    adverb_times=caseless_rx(r"\b(?:once|twice|thrice)\b"),
    frequency=caseless_rx(
        r"\s*(?:a|an|per|each|every)\s+(?:year|month|week|day|decade)|\s*(?:again|more|over)\b"
        r"|\s+a\s+year|\s+yearly|\s+annually|-"  # "a twice-yearly summit", "once-in-a-lifetime"
    ),
    approximate=caseless_rx(
        r"(?:more\s+than|fewer\s+than|less\s+than|over|about|around|nearly|almost|some"
        r"|at\s+least|roughly|dozens\s+of|up\s+to)\s*$"
    ),
    boundary=caseless_rx(r"[.;:!?()\"“”,]|\b(?:who|which|but|while|whereas|when|and\s+then)\b"),
    article_numbers=frozenset(["one"]),
    anchors=words(
        "summit meeting talks encounter face-to-face sit-down one-on-one tête tete session call "
        "conversation interview round time visit dialogue interaction sitting occasion"
    ),
    series_noun=caseless_rx(r"(?:rounds?|cycles?|series|sessions?)\b"),
    series_link=caseless_rx(r"(?:\s*\([^()]{1,40}\))?\s+of\s+(?:the\s+)?"),
    talks_noun=caseless_rx(_TALKS),
    bare_series=caseless_rx(r"rounds?\b"),
    talks_context=caseless_rx(r"\b(?:talks|negotiations?|discussions|dialogue|consultations)\b"),
    series_stop=caseless_rx(
        r"\b(?:elections?|electoral|voting|ballots?|primary|runoff|run-off|draft|pick|fight"
        r"|bout|knockout|tournament|match|playoffs?|golf|open|sanctions|funding|stimulus|layoffs"
        r"|tariffs|seeded|seed|players?|champions?|title|league|cup|race|qualifying)\b"
    ),
    adjective=caseless_rx(
        r"(?!anniversary\b|hundred\b)[a-z]+(?:ial|al|ic|ical|ive|ian|ean|ese|ish|ary|ory|ern)\b"
        r"|[a-z]+(?:-[a-z]+)+\b"
    ),
    named_body=caseless_rx(
        r"\b(?:UNGA|UNHRC|HRC|WHA|COP|AGM|General\s+Assembly|Human\s+Rights\s+Council"
        r"|Annual\s+General|General)\b"
    ),
    noun_stop=caseless_rx(
        r"\s+(?:in\s+a\s+row|running|of\s+(?:gains|losses|trading)|straight"
        r"|out\s+of\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten))\b"  # a share
    ),
    apposition=caseless_rx(
        r"\b(?:summits?|talks|meetings?|negotiations|sessions?|(?:state|official)\s+visits?)"
        r"\s*,\s*(?:the\s+)?$"
    ),
    elliptic_before=caseless_rx(r"(?<![\w'’])(?:the|their|its|his|her|\w+['’]s)\s+$"),
    elliptic_not_before=caseless_rx(
        r"\b(?:on|by|until|till|since|from|before|after|through|of|for)\s+the\s+$"
        r"|\b(?:\d+|[a-z]+)(?:st|nd|rd|th)\s+(?:and|or|to|through)\s+the\s+$"
    ),
    elliptic_after=caseless_rx(
        r"\s*(?:[,.;!?)—–]|$|(?:in|of\s+(?:their|its|his|her|the\s+two|the\s+year|the\s+kind)"
        r"|since|this|with|between|for\s+(?:the|both)|was|is|will|had|has)\b)"
    ),
    context_noun=caseless_rx(
        r"\b(?:summits?|meetings?|talks|encounters?|interviews?|visits?|sessions?|calls?"
        r"|rounds?|negotiations|conversations?|sit-downs?|one-on-ones?)\b"
    ),
    survey=caseless_rx(
        r"\b(?:survey\w*|polls?|polling|respondents|pollsters?|study|questionnaire|sample"
        r"|recruit\w*|job)\b"
    ),
    survey_noun=caseless_rx(r"interview"),
    parallel_cue=caseless_rx(_NEVER),
    count_not_before=caseless_rx(
        r"(?:\b(?:in|on|at|of|than|since|to|from|by|for|the|per|about|with|and|or|between"
        r"|against|are|is|was|were|no|number)|[$€£%#])\s*$"
    ),
    elliptic_other=caseless_rx(
        r"\b(?:days|weeks|months|years|hours|places|ranks|stages|times|editions|terms|sets"
        r"|goals|games|innings|laps|trips|tours)\b"
    ),
    first_verb=caseless_rx(
        # starts with a literal, its word edge checked behind: the engine skips to each "first"
        r"first(?<![\w-]first)\s+(?:met|spoke|talked|sat\s+down|held\s+talks)\b"
        r"(?!\s+(?:with\s+)?(?:reporters|the\s+press|journalists))"
    ),
    other_event=caseless_rx(
        r"\b(?:elected|re-elected|reelected|won|beat|voted|passed|rejected|tested|fired|raised"
        r"|cut|lost|qualified|named|appointed)\b"
    ),
    roman_marks=frozenset(),  # English news writes "the 12th session", not "XIIth"
    # Title-case headlines: "Third Time Is The Charm For Meeting" holds no third meeting.
    not_modifiers=words(
        "the a an of and or to in on at by for with from as is are was were be been has have had "
        "will would can could may might says said say this that these those it its his her their "
        "after before over into about than but not no time times"
    ),
)


# --- numbers -----------------------------------------------------------------

NUMBERS = NumberWords(
    cardinals=words(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
        "eighty ninety hundred thousand million billion"
    ),
    ordinal_words={},
    # Ordinal words whose stem is not "cardinal + th".
    ordinal_stems={
        "first": "one",
        "second": "two",
        "third": "three",
        "fifth": "five",
        "eighth": "eight",
        "ninth": "nine",
        "twelfth": "twelve",
    },
    stem_fixes={},
    ordinal_suffixes=("st", "nd", "rd", "th"),
    ordinal_endings=(("ieth", "y"), ("th", "")),
    stem_candidates=("",),
    ordinal_pattern=r"(?<![\w-])(?:[a-z]+-)?(?:first|second|third|[a-z]+th)(?!\w)",
    ordinal_tail=r"(?:first|second|third|th)(?!\w)",
    ordinal_letters=frozenset("abcdefghijklmnopqrstuvwxyz-"),
    group_marks=",",
    decimal_mark=".",
    joiner="and",
    spelled={
        "first": 1,
        "second": 2,
        "third": 3,
        "fourth": 4,
        "fifth": 5,
        "sixth": 6,
        "seventh": 7,
        "eighth": 8,
        "ninth": 9,
        "tenth": 10,
        "eleventh": 11,
        "twelfth": 12,
        "thirteenth": 13,
        "fourteenth": 14,
        "fifteenth": 15,
        "sixteenth": 16,
        "seventeenth": 17,
        "eighteenth": 18,
        "nineteenth": 19,
        "twentieth": 20,
        "thirtieth": 30,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "a": 1,
        "an": 1,
    },
    hundreds=words("hundred"),
    thousands=words("thousand"),
    score_words=frozenset(),
    article_ones=words("a an"),
)

# Function words frequent in this language and rare or absent in the other
# (no "a", "on", "an", "as", "or", "son", "me", which both languages use).
FUNCTION_WORDS = words(
    """the of and to in is was that for with by it he she they from at his her their has have
    had were be been this which will would not but are said who its than there after into
    about when more over"""
)

LEXICON = Lexicon(
    code="en",
    function_words=FUNCTION_WORDS,
    lingua_name="ENGLISH",
    dates=DATES,
    votes=VOTES,
    meetings=MEETINGS,
    numbers=NUMBERS,
)
