"""Date claims: one case per rule and per language (eval/GUIDELINES.md, "date")."""

from __future__ import annotations

import pytest

from factcheck.extraction import dates as date_finder
from factcheck.extraction import extract
from factcheck.extraction.model import Document
from factcheck.extraction.pipeline import parse_published
from tests.timing import assert_linear


def dates(text: str, lang: str, published: str | None) -> list[tuple[str, dict]]:
    return [
        (c.text, c.value) for c in extract(text, lang=lang, published=published) if c.kind == "date"
    ]


def d(value: str) -> dict:
    return {"date": value}


def r(start: str, end: str) -> dict:
    return {"start": start, "end": end}


CASES = [
    # absolute dates
    (
        "fr",
        "2024-11-20",
        "Le texte a été adopté le 15 novembre 2024 à l'Assemblée.",
        [("15 novembre 2024", d("2024-11-15"))],
    ),
    (
        "en",
        "2024-11-20",
        "The Senate confirmed him on November 15, 2024, in a close vote.",
        [("November 15, 2024", d("2024-11-15"))],
    ),
    (
        "fr",
        "2024-11-20",
        "La convocation est datée du 15/11/2024.",
        [("15/11/2024", d("2024-11-15"))],
    ),
    (
        "fr",
        "2024-11-20",
        "Le traité est entré en vigueur en avril 2001.",
        [("avril 2001", d("2001-04"))],
    ),
    ("en", "2024-11-20", "The plant was opened in 1998 by the company.", [("1998", d("1998"))]),
    # abbreviations
    (
        "fr",
        "2024-11-20",
        "La séance du 5 nov. 2024 a été levée.",
        [("5 nov. 2024", d("2024-11-05"))],
    ),
    (
        "en",
        "2024-11-20",
        "Talks resumed Sept. 12, 2023, in Geneva.",
        [("Sept. 12, 2023", d("2023-09-12"))],
    ),
    # partial dates resolved by tense
    (
        "fr",
        "2024-11-20",
        "La réunion se tiendra le 2 décembre à Paris.",
        [("2 décembre", d("2024-12-02"))],
    ),
    (
        "fr",
        "2024-11-20",
        "Elle s'était tenue le 25 décembre à Paris.",
        [("25 décembre", d("2023-12-25"))],
    ),
    (
        "en",
        "2018-07-10",
        "In November, Trump and Putin met briefly at the APEC summit.",
        [("November", d("2017-11"))],
    ),
    (
        "fr",
        "2016-10",
        "Le président était à Oyo le 26 septembre dernier.",
        [("26 septembre dernier", d("2016-09-26"))],
    ),
    (
        "fr",
        "1999-05-23",
        "La convention sera signée en juin prochain avec le préfet.",
        [("juin prochain", d("1999-06"))],
    ),
    # relative days, weeks, months, years
    ("fr", "2024-11-20", "Le ministre a démissionné hier soir.", [("hier", d("2024-11-19"))]),
    ("en", "2019-01-16", "MPs will vote on the motion tonight.", [("tonight", d("2019-01-16"))]),
    (
        "fr",
        "2022-12-12",
        "Cette semaine, les audiences reprennent.",
        [("Cette semaine", r("2022-12-12", "2022-12-18"))],
    ),
    (
        "en",
        "2024-11-20",
        "Prices rose last week across Europe.",
        [("last week", r("2024-11-11", "2024-11-17"))],
    ),
    ("fr", "2024-11-20", "Le chômage a baissé l'an dernier.", [("l'an dernier", d("2023"))]),
    ("en", "2024-11-20", "The firm was sold two years ago.", [("two years ago", d("2022"))]),
    (
        "fr",
        "2024-11-20",
        "Le pont a été inauguré il y a trois jours.",
        [("il y a trois jours", d("2024-11-17"))],
    ),
    (
        "en",
        "2019-10-22",
        "Britain is due to leave in nine days' time.",
        [("in nine days' time", d("2019-10-31"))],
    ),
    # weekdays
    (
        "fr",
        "2020-11-12",
        "Le premier ministre l'a annoncé ce jeudi soir.",
        [("ce jeudi", d("2020-11-12"))],
    ),
    (
        "en",
        "2018-10-05",
        "The Senate voted on Friday to advance the nominee.",
        [("Friday", d("2018-10-05"))],
    ),
    (
        "fr",
        "2022-12-12",
        "Le procès est ajourné jusque lundi prochain.",
        [("lundi prochain", d("2022-12-19"))],
    ),
    ("en", "2024-11-20", "He will speak on Friday in Berlin.", [("Friday", d("2024-11-22"))]),
    (
        "fr",
        "2024-12",
        "Depuis ce vendredi 13 décembre, les ministres sont réunis.",
        [("ce vendredi 13 décembre", d("2024-12-13"))],
    ),
    # month-precision publication: relative days and weeks take the month
    ("fr", "2020-03", "La décision a été prise hier par le tribunal.", [("hier", d("2020-03"))]),
    ("en", "2020-03", "The trial began on Friday.", [("Friday", d("2020-03"))]),
    # ranges
    (
        "fr",
        "2020-11-12",
        "La France a été confinée du 17 mars au 11 mai.",
        [("du 17 mars au 11 mai", r("2020-03-17", "2020-05-11"))],
    ),
    (
        "en",
        "2024-11-20",
        "Output grew from 2018 to 2020.",
        [("from 2018 to 2020", r("2018", "2020"))],
    ),
    (
        "fr",
        "2024-11-20",
        "Entre 2014 et 2020, la dette a doublé.",
        [("Entre 2014 et 2020", r("2014", "2020"))],
    ),
    (
        "en",
        "2024-03-20",
        "Talks were held between March 3 and 5 in Oslo.",
        [("between March 3 and 5", r("2024-03-03", "2024-03-05"))],
    ),
    (
        "fr",
        "2020-05",
        "Le festival est prévu du 27 juillet au 2 août 2020.",
        [("du 27 juillet au 2 août 2020", r("2020-07-27", "2020-08-02"))],
    ),
    # lists
    (
        "fr",
        "2024-11-20",
        "Kim a rencontré Trump en 2018 et 2019.",
        [("2018", d("2018")), ("2019", d("2019"))],
    ),
    (
        "fr",
        "2024-11-20",
        "Les élections ont eu lieu les 7 et 8 mai 2018.",
        [("7", d("2018-05-07")), ("8 mai 2018", d("2018-05-08"))],
    ),
    (
        "en",
        "2024-11-20",
        "Hearings were held in 2018 and 2019.",
        [("2018", d("2018")), ("2019", d("2019"))],
    ),
    # decades
    ("en", "2024-11-20", "Inflation was low in the 1990s.", [("1990s", d("199"))]),
    (
        "fr",
        "2024-11-20",
        "Le quartier a été rénové dans les années 1990.",
        [("les années 1990", d("199"))],
    ),
    # modifiers keep the base precision
    (
        "fr",
        "2020-05",
        "Le conseil a fixé à début juin sa décision.",
        [("début juin", d("2020-06"))],
    ),
    (
        "fr",
        "2024-11-20",
        "Les travaux ont commencé à la mi-novembre.",
        [("à la mi-novembre", d("2024-11"))],
    ),
    ("en", "2024-11-20", "The merger closed in late 2019.", [("in late 2019", d("2019"))]),
    (
        "en",
        "2019-10-22",
        "He hoped to leave at the end of the month.",
        [("the end of the month", d("2019-10"))],
    ),
    # quarters and seasons
    (
        "fr",
        "2024-11-20",
        "Le PIB a reculé au premier trimestre 2024.",
        [("premier trimestre 2024", r("2024-01", "2024-03"))],
    ),
    (
        "en",
        "2024-11-20",
        "Profits fell in the third quarter of 2023.",
        [("third quarter of 2023", r("2023-07", "2023-09"))],
    ),
    ("fr", "2024-11-20", "Le chantier a démarré à l'été 2019.", [("l'été 2019", d("2019"))]),
    # The nearest summer over by publication, as "in June" is the nearest June.
    ("en", "2024-11-20", "Sales slumped last summer.", [("last summer", d("2024"))]),
    ("en", "2024-11-20", "Sales will recover next summer.", [("next summer", d("2025"))]),
    ("en", "2024-04-20", "Sales slumped last summer.", [("last summer", d("2023"))]),
    # holidays that fix a day
    ("fr", "2024-11-20", "Le texte sera voté avant Noël.", [("Noël", d("2024-12-25"))]),
    (
        "fr",
        "2024-11-20",
        "La fête aura lieu pour la Saint-Sylvestre.",
        [("la Saint-Sylvestre", d("2024-12-31"))],
    ),
    (
        "en",
        "2024-11-20",
        "The deal should be signed by Christmas.",
        [("Christmas", d("2024-12-25"))],
    ),
    # movable feasts fix a day, counted from Easter (FR-TimeBank 1999-05-18-0333)
    (
        "fr",
        "1999-05-18",
        "C'est en cette fête de Pentecôte que se déroulera la fête du village.",
        [("Pentecôte", d("1999-05-23"))],
    ),
    (
        "fr",
        "2024-05-10",
        "Les magasins ouvriront lundi de Pentecôte, mais l'accord du Vendredi saint tient.",
        [("lundi de Pentecôte", d("2024-05-20"))],
    ),
    ("en", "2024-03-01", "Shops will close on Good Friday.", [("Good Friday", d("2024-03-29"))]),
    # a weekday counted in a month or a season fixes a day (FR-TimeBank 1999-05-19-0543)
    (
        "fr",
        "1999-05-19",
        "Une opération qui sera renouvelée l'an prochain, sans doute à la date prévue"
        " initialement soit le premier dimanche du printemps.",
        [("l'an prochain", d("2000")), ("premier dimanche du printemps", d("2000-03-26"))],
    ),
    (
        "en",
        "2024-05-10",
        "The vote was held on the last Sunday of October 2023.",
        [("last Sunday of October 2023", d("2023-10-29"))],
    ),
    ("fr", "2024-05-10", "Le premier dimanche du mois, le musée est gratuit.", []),
    # a relative clause after a comma has its own tense (FR-TimeBank 1999-07-07-0508)
    (
        "fr",
        "1999-07-07",
        "Les premiers résultats du recensement de mars, qui devraient être affinés d'ici"
        " la fin de l'année, confirment les tendances.",
        [("mars", d("1999-03")), ("la fin de l'année", d("1999"))],
    ),
    # dates in words
    (
        "fr",
        "2003-03",
        "L'an deux mil trois, le vingt sept mars, le conseil s'est réuni.",
        [("L'an deux mil trois, le vingt sept mars", d("2003-03-27"))],
    ),
    # not dates
    ("fr", "2024-11-20", "Le texte a été adopté par 289 voix contre 12 et 5 abstentions.", []),
    ("fr", "2024-11-20", "Il a dirigé le pays pendant trois ans avec 2 000 soldats.", []),
    ("en", "2024-11-20", "Some 1,500 troops stayed for two weeks.", []),
    ("fr", "2024-11-20", "Le sommet de l'Euro 2024 et la COP29 ont été évoqués.", []),
    ("en", "2024-11-20", "The Defence Development-2024 plan was unveiled, Noël said.", []),
    ("fr", "2024-11-20", "La veille, le lendemain et à 19 h 30, âgé de 45 ans.", []),
    (
        "en",
        "2024-11-20",
        "Two weeks earlier, later that day, the company employed 2019 people.",
        [],
    ),
    ("fr", "2024-11-20", "Les tarifs municipaux 2020 sont votés.", []),
    # the text sets the year: a year frame earlier in the sentence (FR-TimeBank)
    (
        "fr",
        "1999-07-29",
        "Dure loi des séries pour les canalisations en fonte grise de Nancy : deux ruptures"
        " en 97 (en janvier rue Saint-Dizier, en octobre rue de Metz), rien en 98.",
        [("97", d("1997")), ("janvier", d("1997-01")), ("octobre", d("1997-10")),
         ("98", d("1998"))],
    ),
    # ... or an anaphor carries the year of the date before (dev meet-en-001)
    (
        "en",
        "2018-07",
        "In November, Trump and the Russian President met briefly on the sidelines of the"
        " APEC summit in Vietnam. Earlier in the year, in July, they had a summit at the G20.",
        [("November", d("2017-11")), ("July", d("2017-07"))],
    ),
    # a dated event is a point, not a frame: the next open date may be later
    (
        "fr",
        "2003-01-31",
        "Richard Reid est accusé d'avoir tenté de faire sauter en décembre 2001 un avion."
        " Ce membre du réseau Al-Qaïda avait plaidé coupable le 22 octobre.",
        [("décembre 2001", d("2001-12")), ("22 octobre", d("2002-10-22"))],
    ),
    # a frame the tense contradicts, or one in another paragraph, is not carried
    (
        "fr",
        "2024-11-20",
        "En 2018, le chômage a baissé, et la réforme sera votée le 3 mars.",
        [("2018", d("2018")), ("3 mars", d("2025-03-03"))],
    ),
    (
        "fr",
        "2024-11-20",
        "Le chômage a baissé en 2018.\n\nLe 3 mars, le ministre a démissionné.",
        [("2018", d("2018")), ("3 mars", d("2024-03-03"))],
    ),
    # a bare weekday is the one the article writes out in full
    (
        "fr",
        "1999-05-30",
        "Maceo Parker à Besançon mardi.\n\nEn concert mardi 1er juin au grand Kursaal.",
        [("mardi", d("1999-06-01")), ("mardi 1er juin", d("1999-06-01"))],
    ),
    # a present modal before an infinitive looks ahead
    (
        "fr",
        "2003-01-15",
        "Au volant de leur Mitsubishi Pajero, Fontenay-Piccard sont désormais troisièmes et"
        " peuvent rêver du podium dimanche à Charm el-Cheikh.",
        [("dimanche", d("2003-01-19"))],
    ),
    # a summary of a period is not a label
    (
        "fr",
        "2002-01-24",
        "Ces propositions interviennent avant que le bilan 2001 de la délinquance soit rendu"
        " public.",
        [("2001", d("2001"))],
    ),
    # the article's own dateline and publication line
    ("fr", "2019-12-16", "Date de publication : 16 décembre 2019", []),
    ("en", "2024-11-20", "WASHINGTON, Nov. 20 (Reuters) - Lawmakers met.", []),
]


@pytest.mark.parametrize(("lang", "published", "text", "expected"), CASES)
def test_date_claims(lang: str, published: str, text: str, expected: list) -> None:
    assert dates(text, lang, published) == expected


def test_span_is_text_slice() -> None:
    text = "Le 15 novembre, puis le 3 décembre 2024, enfin hier."
    for claim in extract(text, lang="fr", published="2024-12-10"):
        assert text[claim.start : claim.end] == claim.text


def test_no_publication_date_drops_open_dates() -> None:
    assert dates("Il est venu hier, le 15 novembre 2024.", "fr", None) == [
        ("15 novembre 2024", d("2024-11-15"))
    ]


@pytest.mark.parametrize(
    "text",
    [
        " 1" * 200_000,
        "2018-" * 80_000,
        "lundi et " * 40_000,
        "(" * 300_000,
        "a" * 400_000,
        "du 3 au " * 50_000,
    ],
)
def test_adversarial_input_is_safe(text: str) -> None:
    """Time is tested as a ratio below (test_dates_take_linear_time_on_a_megabyte)."""
    for claim in extract(text, lang="fr", published="2020-03-04"):
        assert text[claim.start : claim.end] == claim.text


def find_dates(text: str) -> None:
    date_finder.find(Document(text, "fr", parse_published("2020-03-04"), []))


# Runs with no sentence break, each tempting one rule: lists and ranges that
# chain items, counts that look like days, words that are dates on their own.
ADVERSARIAL_UNITS = [
    "1 et 2 et 3 et ",
    "le 1er le 2 le 3 ",
    "1234567890 ",
    ".,;:!?-/ ",
    "mardi ",
    "en 2018, 2019, 2020, ",
    "2018-2019-2020-",
    "du 3 au 5 mars et ",
    "3, ",
    "il y a deux ans ",
]


@pytest.mark.parametrize("unit", ADVERSARIAL_UNITS)
def test_dates_take_linear_time_on_a_megabyte(unit: str) -> None:
    assert_linear(find_dates, unit * (100_000 // len(unit)))


@pytest.mark.parametrize("published", [None, "2020-03", "0001-01-01", "9999-12-31"])
def test_never_raises_at_calendar_edges(published: str | None) -> None:
    text = "hier, l'an prochain, Noël, lundi, 31 décembre, la semaine prochaine, 2018-19"
    extract(text, lang="fr", published=published)
    extract(text, lang="en", published=published)
