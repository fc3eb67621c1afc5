"""meeting_count: one test per rule and language, exact span and value, plus the "not" rules."""


import pytest

from factcheck.extraction import extract
from factcheck.extraction import meetings as meetings_module
from factcheck.extraction.model import Document
from factcheck.extraction.segment import split_sentences


def meetings(text: str, lang: str) -> list[tuple[str, int]]:
    return [
        (c.text, c.value["count"]) for c in extract(text, lang=lang) if c.kind == "meeting_count"
    ]


@pytest.mark.parametrize(
    ("lang", "text", "span", "count"),
    [
        # a count of times next to a meeting verb
        (
            "fr",
            "Kim Jong-un a rencontré Trump à trois reprises en 2018 et 2019.",
            "à trois reprises",
            3,
        ),
        ("en", "The two leaders have met three times since 2017.", "three times", 3),
        ("fr", "Les deux présidents se sont entretenus deux fois au téléphone.", "deux fois", 2),
        ("en", "Xi and Biden have spoken by phone twice since January.", "twice", 2),
        ("en", "They have met only once.", "once", 1),
        ("fr", "Les deux hommes ne se sont vus qu'une fois.", "une fois", 1),
        # an ordinal with "time"/"fois"
        ("en", "Trump and Putin met for the first time in Hamburg.", "for the first time", 1),
        (
            "fr",
            "Ils se sont entretenus pour la première fois en juillet.",
            "pour la première fois",
            1,
        ),
        (
            "fr",
            "C'est la troisième fois que les deux dirigeants se rencontrent.",
            "troisième fois",
            3,
        ),
        ("en", "It was the fourth time the two men had met.", "fourth time", 4),
        # an ordinal before a meeting noun
        ("fr", "Ce sera leur troisième sommet en un an.", "troisième sommet", 3),
        ("en", "It will be their second meeting this year.", "second meeting", 2),
        (
            "en",
            "Trump and Putin will hold their first official summit on July 16.",
            "first official summit",
            1,
        ),
        (
            "en",
            "The second Trump-Kim summit ended abruptly in Hanoi.",
            "second Trump-Kim summit",
            2,
        ),
        ("en", "Moon and Kim held their first-ever summit in April.", "first-ever summit", 1),
        (
            "fr",
            "Le premier tête-à-tête entre Trump et Poutine s'est achevé.",
            "premier tête-à-tête",
            1,
        ),
        ("fr", "La 7e session du Conseil des ministres s'est ouverte dimanche.", "7e session", 7),
        (
            "fr",
            "La deuxième édition du sommet Russie-Afrique se tient à Sotchi.",
            "deuxième édition du sommet",
            2,
        ),
        ("en", "The third round of talks opened in Geneva.", "third round of talks", 3),
        (
            "fr",
            "Le troisième cycle de négociations s'est ouvert à Genève.",
            "troisième cycle de négociations",
            3,
        ),
        ("en", "Korea Leaders to Have Third Meeting This Year", "Third Meeting", 3),
        # a count of meeting nouns
        ("en", "These 19 meetings were kept secret.", "19 meetings", 19),
        ("fr", "Les deux ministres ont tenu trois réunions depuis janvier.", "trois réunions", 3),
    ],
)
def test_meeting_count(lang: str, text: str, span: str, count: int) -> None:
    assert meetings(text, lang) == [(span, count)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # other repeated events
        ("fr", "Il a été élu à trois reprises."),
        ("en", "North Korea tested missiles seven times this year."),
        ("en", "She is a three-time champion."),
        ("en", "Kim, who met Trump in Singapore, tested missiles three times."),
        ("en", "It was the first visit by a South Korean leader to Pyongyang."),
        # frequencies
        ("fr", "Le conseil se réunit deux fois par an."),
        ("en", "The board meets twice a year."),
        # no number
        ("fr", "Ils se sont rencontrés à plusieurs reprises."),
        ("fr", "Ils se sont rencontrés une nouvelle fois."),
        ("en", "Once again, the leaders met in Brussels."),
        ("fr", "Une fois de plus, ils se sont rencontrés à Paris."),
        # participants, durations, years, approximations
        ("fr", "Trump organisera une réunion à trois avec Poutine."),
        ("en", "The two-day summit ended with a 90-minute meeting."),
        ("en", "The 2019 summit was held in Hanoi."),
        ("en", "They have met more than 20 times."),
        ("fr", "Après deux heures et demie de discussions, le sommet s'est achevé."),
        # numbered sessions used as names, ordinals of other things
        ("fr", "La 72e Assemblée générale de l'ONU s'ouvre mardi."),
        ("en", "The 79th session of the UN General Assembly opens today."),
        ("fr", "Le Premier ministre a rencontré les syndicats."),
        ("en", "MPs backed the Bill at second reading, the first time the Commons backed a deal."),
    ],
)
def test_not_a_meeting_count(lang: str, text: str) -> None:
    assert meetings(text, lang) == []


def test_never_raises_on_a_megabyte_of_adversarial_text() -> None:
    """Time is tested as a ratio in test_extraction_adversarial.py."""
    text = ("troisième sommet à trois reprises twice met 3 times fois " * 20 + "\n") * 1000
    for lang in ("fr", "en"):
        for claim in meetings_module.find(Document(text, lang, None, split_sentences(text))):
            assert text[claim.start : claim.end] == claim.text
