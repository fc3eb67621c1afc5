"""vote_result: one test per rule and language, exact span and value, plus the "not" rules."""


import pytest

from factcheck.extraction import extract
from factcheck.extraction import votes as votes_module
from factcheck.extraction.model import Document
from factcheck.extraction.segment import split_sentences


def votes(text: str, lang: str) -> list[tuple[str, tuple]]:
    return [
        (c.text, (c.value["for"], c.value["against"], c.value["abstain"], c.value["unanimous"]))
        for c in extract(text, lang=lang)
        if c.kind == "vote_result"
    ]


@pytest.mark.parametrize(
    ("lang", "text", "span", "value"),
    [
        # full tallies, any order and shape
        (
            "fr",
            "Le texte a été adopté par 289 voix contre 12 et 5 abstentions.",
            "289 voix contre 12 et 5 abstentions",
            (289, 12, 5, False),
        ),
        (
            "fr",
            "Le projet a recueilli 495 voix pour, contre 137 non et 47 abstentions.",
            "495 voix pour, contre 137 non et 47 abstentions",
            (495, 137, 47, False),
        ),
        (
            "fr",
            "Le maire a obtenu 13 voix en sa faveur, une abstention et une voix contre.",
            "13 voix en sa faveur, une abstention et une voix contre",
            (13, 1, 1, False),
        ),
        (
            "fr",
            "Cette résolution commune a été adoptée par 337 voix pour et 245 contre.",
            "337 voix pour et 245 contre",
            (337, 245, None, False),
        ),
        (
            "fr",
            "Pour : 15 ; Contre : 2 ; Abstentions : 3.",
            "Pour : 15 ; Contre : 2 ; Abstentions : 3",
            (15, 2, 3, False),
        ),
        (
            "en",
            "The report was adopted with 519 votes in favour, 62 against and 48 abstentions.",
            "519 votes in favour, 62 against and 48 abstentions",
            (519, 62, 48, False),
        ),
        (
            "en",
            "Parliament decided by 496 votes to 114, with 33 abstentions, to amend its rules.",
            "496 votes to 114, with 33 abstentions",
            (496, 114, 33, False),
        ),
        (
            "en",
            "The resolution was adopted by 14 votes to none, with one abstention.",
            "14 votes to none, with one abstention",
            (14, 0, 1, False),
        ),
        # pairs
        ("en", "The bill passed 52-47 on Tuesday.", "52-47", (52, 47, None, False)),
        (
            "en",
            "The House gave final passage on a climactic 219-to-212 vote.",
            "219-to-212 vote",
            (219, 212, None, False),
        ),
        (
            "en",
            "The measure was approved by a vote of 52 to 47.",
            "52 to 47",
            (52, 47, None, False),
        ),
        ("en", "The House approved the bill by 219 to 212.", "219 to 212", (219, 212, None, False)),
        (
            "en",
            "The committee approved the amendment by three votes to two.",
            "three votes to two",
            (3, 2, None, False),
        ),
        (
            "fr",
            "Le Sénat a adopté le texte par deux cent douze voix contre cent trois.",
            "deux cent douze voix contre cent trois",
            (212, 103, None, False),
        ),
        # unanimity
        (
            "fr",
            "Le procès-verbal de la précédente séance est adopté à l'unanimité.",
            "à l'unanimité",
            (None, None, None, True),
        ),
        (
            "en",
            "The Senate unanimously confirmed her nomination.",
            "unanimously",
            (None, None, None, True),
        ),
        (
            "en",
            "The council voted unanimously, 9-0, to approve the budget.",
            "unanimously, 9-0",
            (9, 0, None, True),
        ),
        # a count only for
        ("fr", "La motion de censure a recueilli 278 voix.", "278 voix", (278, None, None, False)),
        ("fr", "La motion de censure n'en a recueilli que 278.", "278", (278, None, None, False)),
        (
            "fr",
            "Au total, 331 députés ont voté en faveur du texte.",
            "331 députés ont voté en faveur",
            (331, None, None, False),
        ),
        (
            "fr",
            "La motion a été rejetée puisque seuls 131 députés sur 577 l'ont votée.",
            "131 députés sur 577 l'ont votée",
            (131, None, None, False),
        ),
        # direction of rejections
        (
            "en",
            "MPs voted by 322 to 308 to reject his plan.",
            "322 to 308",
            (308, 322, None, False),
        ),
        (
            "en",
            "Parliament sank the deal by 432 votes to 202.",
            "432 votes to 202",
            (202, 432, None, False),
        ),
        (
            "en",
            "The proposal to reject failed with 324 votes against, 312 in favor.",
            "324 votes against, 312 in favor",
            (312, 324, None, False),
        ),
        ("en", "The amendment was rejected 47-53.", "47-53", (47, 53, None, False)),
        (
            "fr",
            "L'amendement a été rejeté par 120 voix contre 45.",
            "120 voix contre 45",
            (45, 120, None, False),
        ),
        (
            "en",
            "The motion to reject the bill was passed by 300 to 200.",
            "300 to 200",
            (300, 200, None, False),
        ),
    ],
)
def test_vote_result(lang: str, text: str, span: str, value: tuple) -> None:
    assert votes(text, lang) == [(span, value)]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # margins
        ("en", "The bill passed by five votes."),
        ("en", "The government has a majority of 373."),
        ("fr", "Le texte est passé à 9 voix près."),
        ("fr", "Il aura donc manqué seulement neuf voix pour renverser le gouvernement."),
        # thresholds
        ("fr", "Il fallait 289 voix pour faire tomber le gouvernement."),
        ("en", "The bill needed 60 votes to advance."),
        # shares, turnout, polls, seats
        ("fr", "Macron a obtenu 58 % des voix."),
        ("fr", "La participation a atteint 52 % lors du vote."),
        ("en", "Turnout was 67 percent, with 1,200 votes cast."),
        ("en", "Biden leads Trump 52-47 in the latest poll."),
        ("fr", "Le RN a obtenu 89 sièges à l'Assemblée."),
        ("en", "The seats fell from 751 to 705 after Brexit."),
        # hypothetical tallies
        ("en", "If 218 members vote for it, the bill would pass 218-217."),
        # candidate against candidate
        ("fr", "Le candidat a obtenu 12 000 voix contre 8 000 pour son adversaire."),
        # sports scores, years, articles
        ("en", "The Lakers beat the Celtics 110-102 on Sunday."),
        ("en", "Voting took place between 2018 and 2019 in the Senate."),
        ("fr", "Les députés ont organisé un vote contre la réforme."),
        ("fr", "Le gouvernement a obtenu un vote de confiance."),
        # unanimity that is no vote result
        ("en", "The critics were unanimous in their praise."),
        ("fr", "Le Conseil statue à l'unanimité sur ces questions."),
        ("en", "The resolution was not adopted unanimously."),
        # a party group within the body
        ("en", "In the final roll call, 34 Democrats voted no."),
    ],
)
def test_not_a_vote_result(lang: str, text: str) -> None:
    assert votes(text, lang) == []


def test_dev_article_two_tallies_one_sentence_each() -> None:
    text = (
        "MPs voted by 322 to 308 to reject his plan. Just minutes earlier MPs voted to back "
        "the deal in principle by 329 to 299 on the second reading of the Bill."
    )
    assert votes(text, "en") == [
        ("322 to 308", (308, 322, None, False)),
        ("329 to 299", (329, 299, None, False)),
    ]


def test_never_raises_on_a_megabyte_of_adversarial_text() -> None:
    """Time is tested as a ratio in test_extraction_adversarial.py."""
    chunks = ["289 voix contre 12 et ", "pour , contre : 5 - 6 to ", "vote " * 20, "1-" * 50]
    text = "".join(chunks) * 4000  # about 1 MB without a sentence boundary
    for lang in ("fr", "en"):
        for claim in votes_module.find(Document(text, lang, None, split_sentences(text))):
            assert text[claim.start : claim.end] == claim.text
