"""One registry of claim kinds: the model's choices, the value forms and the readable
values all come from factcheck/claim_kinds.py, which matches the extractor's kinds."""

from __future__ import annotations

from django.utils import translation

from factcheck import claim_kinds
from factcheck.extraction import extract
from factcheck.extraction.kinds import KIND_NAMES
from factcheck.forms.review import ValueForm
from factcheck.models import Claim
from factcheck.templatetags.review_tags import readable_value

# One extracted value per kind, and the form data that states it.
SAMPLES = {
    "date": ("Le texte a été adopté le 15 novembre 2024.", {"date": "2024-11-15"}),
    "vote_result": ("Le texte a été adopté par 289 voix contre 12.",
                    {"for": 289, "against": 12, "abstain": None, "unanimous": False}),
    "meeting_count": ("Ils se sont rencontrés à trois reprises.", {"count": 3}),
}  # fmt: skip


def test_every_extractor_kind_is_a_model_choice_in_registry_order() -> None:
    assert tuple(kind.name for kind in claim_kinds.CLAIM_KINDS) == KIND_NAMES
    assert tuple(Claim.Kind.values) == KIND_NAMES
    assert Claim.Kind.VOTE_RESULT == "vote_result"
    with translation.override("fr"):
        assert str(Claim.Kind("meeting_count").label) == "Nombre de rencontres"


def test_each_kind_reads_and_corrects_what_the_extractor_finds() -> None:
    assert set(SAMPLES) == set(KIND_NAMES)
    for name, (text, expected) in SAMPLES.items():
        found = [c.value for c in extract(text, published="2024-11-20") if c.kind == name]
        assert found == [expected]
        form_class = claim_kinds.value_form(name)
        assert form_class is not None and issubclass(form_class, ValueForm)
        form = form_class({f"value-{k}": v for k, v in _form_data(form_class, expected).items()})
        assert form.is_valid(), form.errors
        assert form.to_value() == expected
        readable = readable_value(expected, name)
        assert readable and not readable.startswith("{")  # a sentence, not raw JSON


def test_an_unknown_kind_has_no_form_and_shows_its_raw_value() -> None:
    assert claim_kinds.value_form("temperature") is None
    assert readable_value({"celsius": 21}, "temperature") == '{"celsius": 21}'


def _form_data(form_class: type[ValueForm], value: dict) -> dict:
    initial = form_class.initial_for(value)
    return {k: ("on" if v is True else "" if v in (None, False) else v) for k, v in initial.items()}
