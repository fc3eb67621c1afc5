"""Sentence splitting on real French and English news sentences."""

from __future__ import annotations

import pytest

from factcheck.extraction.segment import split_sentences
from tests.timing import assert_linear


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "M. Macron a reçu Mme Merkel à l'Élysée. MM. Dupont et Durand étaient absents.",
            ["M. Macron a reçu Mme Merkel à l'Élysée.", "MM. Dupont et Durand étaient absents."],
        ),
        (
            "Le Dr. Martin et le Pr. Leclerc ont signé la tribune. Elle a été publiée lundi.",
            ["Le Dr. Martin et le Pr. Leclerc ont signé la tribune.", "Elle a été publiée lundi."],
        ),
        (
            "J.-P. Raffarin était Premier ministre en 2003. Il a démissionné en 2005.",
            ["J.-P. Raffarin était Premier ministre en 2003.", "Il a démissionné en 2005."],
        ),
        (
            "La réunion est prévue le 5 nov. 2024 à Paris. Elle a été reportée au 12 janv. 2025.",
            [
                "La réunion est prévue le 5 nov. 2024 à Paris.",
                "Elle a été reportée au 12 janv. 2025.",
            ],
        ),
        (
            "La croissance a atteint 3,5 % en 2023. L'inflation est restée à 2.1 points.",
            ["La croissance a atteint 3,5 % en 2023.", "L'inflation est restée à 2.1 points."],
        ),
        (
            "Il devance son coéquipier de 30,4 secondes. Un record absolu.",
            ["Il devance son coéquipier de 30,4 secondes.", "Un record absolu."],
        ),
        (
            "Le texte a été adopté à l'unanimité, etc. Le lendemain, le Sénat l'a examiné.",
            ["Le texte a été adopté à l'unanimité, etc.", "Le lendemain, le Sénat l'a examiné."],
        ),
    ],
)
def test_french_abbreviations_numbers(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sen. Mitch McConnell (R-Ky.) said the bill would pass. Rep. Nancy Pelosi disagreed.",
            [
                "Sen. Mitch McConnell (R-Ky.) said the bill would pass.",
                "Rep. Nancy Pelosi disagreed.",
            ],
        ),
        (
            "Gov. Newsom met Mr. and Mrs. Smith on Sept. 11. They talked for an hour.",
            ["Gov. Newsom met Mr. and Mrs. Smith on Sept. 11.", "They talked for an hour."],
        ),
        (
            "U.S. officials met their U.K. counterparts. The talks lasted two days.",
            ["U.S. officials met their U.K. counterparts.", "The talks lasted two days."],
        ),
        (
            "Troops were sent back to the U.S. The Pentagon confirmed it on Friday.",
            ["Troops were sent back to the U.S.", "The Pentagon confirmed it on Friday."],
        ),
        (
            "John F. Kennedy was elected in 1960. J. Smith, a historian, wrote about it.",
            ["John F. Kennedy was elected in 1960.", "J. Smith, a historian, wrote about it."],
        ),
        (
            "The vote is on No. 10 of the agenda, see p. 12. It passed 52-47.",
            ["The vote is on No. 10 of the agenda, see p. 12.", "It passed 52-47."],
        ),
        (
            "Unemployment fell to 3.5 percent. Dr. Yellen welcomed the figures.",
            ["Unemployment fell to 3.5 percent.", "Dr. Yellen welcomed the figures."],
        ),
    ],
)
def test_english_abbreviations_initials(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kim a déclaré : « Nous sommes prêts. » Au cours de la réunion, il a critiqué Séoul.",
            [
                "Kim a déclaré : « Nous sommes prêts. »",
                "Au cours de la réunion, il a critiqué Séoul.",
            ],
        ),
        (
            "“The deal is done.” The president left the room.",
            ["“The deal is done.”", "The president left the room."],
        ),
        (
            'He said: "We will win." Then he left.',
            ['He said: "We will win."', "Then he left."],
        ),
        (
            "« Pourquoi maintenant ? », a demandé la députée. Personne n'a répondu.",
            ["« Pourquoi maintenant ? », a demandé la députée.", "Personne n'a répondu."],
        ),
        (
            "« Jamais ! » s'est exclamé le ministre. La séance a été suspendue.",
            ["« Jamais ! » s'est exclamé le ministre.", "La séance a été suspendue."],
        ),
    ],
)
def test_closing_quotes_belong_to_the_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Il hésite... puis il signe. Le texte entre en vigueur.",
            ["Il hésite... puis il signe.", "Le texte entre en vigueur."],
        ),
        (
            "Les négociations ont échoué… Le sommet est annulé.",
            ["Les négociations ont échoué…", "Le sommet est annulé."],
        ),
        (
            "Le ministre a affirmé (...) que la réforme passerait. Elle a échoué.",
            ["Le ministre a affirmé (...) que la réforme passerait.", "Elle a échoué."],
        ),
    ],
)
def test_ellipses(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_blank_lines_and_headlines_end_sentences() -> None:
    text = (
        "Kim Jong Un appelle à une expansion nucléaire illimitée\n"
        "Le dirigeant nord-coréen a critiqué les États-Unis\n\n"
        "Présents : le maire et ses adjoints\n\n"
        "Trump wins Pennsylvania\nThe race was called on Wednesday."
    )
    assert sentences(text) == [
        "Kim Jong Un appelle à une expansion nucléaire illimitée",
        "Le dirigeant nord-coréen a critiqué les États-Unis",
        "Présents : le maire et ses adjoints",
        "Trump wins Pennsylvania",
        "The race was called on Wednesday.",
    ]


def test_hard_wrapped_line_continues_the_sentence() -> None:
    text = "Le Parlement a adopté le texte par 289 voix contre 12\net 5 abstentions, mardi soir."
    assert sentences(text) == [text]


def test_offsets_point_into_the_original_text() -> None:
    text = "  \n Première phrase.   Deuxième phrase !\r\n\r\n  Troisième ?  "
    found = split_sentences(text)
    assert [text[s.start : s.end] for s in found] == [
        "Première phrase.",
        "Deuxième phrase !",
        "Troisième ?",
    ]
    assert all(0 <= s.start < s.end <= len(text) for s in found)
    assert [s.start for s in found] == sorted(s.start for s in found)


def test_stray_punctuation_stays_with_its_sentence() -> None:
    text = "Washington veut étendre son influence militaire. .\n\nKim Jong-un a rencontré Trump."
    assert sentences(text) == [
        "Washington veut étendre son influence militaire. .",
        "Kim Jong-un a rencontré Trump.",
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "...", "«»", "1234567890"])
def test_degenerate_input(text: str) -> None:
    found = split_sentences(text)
    assert all(text[s.start : s.end].strip() for s in found)
    assert "".join(text[s.start : s.end] for s in found) == "".join(text.split())


@pytest.mark.parametrize(
    "unit",
    [".", "a.", ". ", "M. ", "...x", "\n \n", "« » ", "?!", "J.-P. ", "1.5 ", "U.S. "],
)
def test_linear_time_on_adversarial_runs(unit: str) -> None:
    """10x more text may take ~10x the time, never ~100x (regex backtracking)."""
    assert_linear(split_sentences, unit * (100_000 // len(unit)))
