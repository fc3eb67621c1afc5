"""The web side's one registry of claim kinds: label, value form, readable value.

Claim.Kind (the model's choices), the value-correction forms and the
`readable_value` filter all read this tuple; a new kind is one entry here
plus its finder in factcheck/extraction/kinds.py (docs/extraction.md, "Add a
kind"). Forms and readers are named by dotted path and imported on first use:
this module is imported by models.py, which the forms import.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from factcheck.extraction.kinds import KIND_NAMES


@dataclass(frozen=True, slots=True)
class ClaimKind:
    name: str  # the stored value: one of the extractor's kinds
    label: Promise | str
    value_form: str  # dotted path of its ValueForm (forms/review.py)
    readable: str  # dotted path of value -> sentence fragment (review_tags.py)


CLAIM_KINDS: tuple[ClaimKind, ...] = (
    ClaimKind(
        "date",
        _("Date"),
        "factcheck.forms.review.DateValueForm",
        "factcheck.templatetags.review_tags.readable_date_value",
    ),
    ClaimKind(
        "vote_result",
        _("Vote result"),
        "factcheck.forms.review.VoteValueForm",
        "factcheck.templatetags.review_tags.readable_vote",
    ),
    ClaimKind(
        "meeting_count",
        _("Meeting count"),
        "factcheck.forms.review.MeetingValueForm",
        "factcheck.templatetags.review_tags.readable_meeting_count",
    ),
)
BY_NAME = {kind.name: kind for kind in CLAIM_KINDS}

if tuple(BY_NAME) != KIND_NAMES:  # import time: a kind on one side only is a bug
    raise ImportError(f"claim kinds {tuple(BY_NAME)} differ from the extractor's {KIND_NAMES}")


def choices() -> list[tuple[str, tuple[str, Promise | str]]]:
    """Members for models.TextChoices("Kind", ...): DATE = "date", _("Date")."""
    return [(kind.name.upper(), (kind.name, kind.label)) for kind in CLAIM_KINDS]


@cache
def value_form(name: str) -> Any | None:
    """The ValueForm class of a kind; None for an unknown kind."""
    kind = BY_NAME.get(name)
    return import_string(kind.value_form) if kind else None


@cache
def reader(name: str) -> Callable[[dict[str, Any]], str] | None:
    """The readable-value function of a kind; None for an unknown kind."""
    kind = BY_NAME.get(name)
    return import_string(kind.readable) if kind else None
