"""One mapping from a refused workflow step (actions.review's errors) to a response.

- StaleClaim: 409. The view shows the stored claim and keeps what was typed,
  with a form that now carries the stored version (`with_stored_version`), so
  sending it again is a deliberate overwrite.
- MissingEvidence: 400, each message on its form field.
- NotAllowed (any other refusal): 403, a form-wide message.

The claim page, its dismissal and the approvals page all go through `refusal_for`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.forms import BaseForm
from django.http import QueryDict

from factcheck.actions.review import ClaimActionError, MissingEvidence, StaleClaim
from factcheck.models import Claim

ALL_FIELDS = "__all__"


@dataclass(frozen=True)
class Refusal:
    """What a refused step means for the response: status, form errors, the stored claim."""

    status: int
    errors: dict[str, str] = field(default_factory=dict)  # form field or "__all__" -> message
    current: Claim | None = None  # the stored claim, when the form was stale

    @property
    def message(self) -> str:
        return " ".join(self.errors.values())

    def add_to(self, form: BaseForm) -> None:
        add_errors(form, self.errors)


def refusal_for(exc: ClaimActionError) -> Refusal:
    if isinstance(exc, StaleClaim):
        return Refusal(409, {ALL_FIELDS: str(exc)}, current=exc.current)
    if isinstance(exc, MissingEvidence):
        return Refusal(400, dict(exc.errors))
    return Refusal(403, {ALL_FIELDS: str(exc)})


def add_errors(form: BaseForm, errors: dict[str, str]) -> None:
    """Messages on their fields; one the form does not show goes to the top of the form."""
    for name, message in errors.items():
        form.add_error(name if name in form.fields else None, message)


def with_stored_version(data: QueryDict, current: Claim, prefix: str | None = None) -> QueryDict:
    """The typed data with the stored claim's version in the form's hidden `version` field."""
    data = data.copy()
    data[f"{prefix}-version" if prefix else "version"] = str(current.version)
    return data


def rebound(form_class: Any, data: QueryDict, current: Claim, **kwargs: Any) -> Any:
    """A form of `form_class` bound to the typed data, carrying the stored version, validated."""
    form = form_class(with_stored_version(data, current, form_class.prefix), **kwargs)
    form.is_valid()
    return form
