"""Forms of the claim workflow: queue filters, review, value correction, sources, approvals."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from factcheck import claim_kinds
from factcheck.forms.fields import WebURLField
from factcheck.models import Article, Claim, Language, Source, Verdict

SORT_CHOICES = [
    ("oldest", _("Oldest first")),
    ("article", _("By article")),
    ("kind", _("By kind")),
]


class QueueFilterForm(forms.Form):
    """GET filters of the queue; an invalid value is dropped, never an error page."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Words of the claim, its sentence or the article's title."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *Claim.Kind.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *Language.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *Claim.Status.choices]
    )
    article = forms.ModelChoiceField(
        label=_("Article"),
        required=False,
        queryset=Article.objects.only("id", "uuid", "title"),
        to_field_name="uuid",
        widget=forms.HiddenInput,
    )
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=SORT_CHOICES)

    def clean_values(self) -> dict[str, Any]:
        self.is_valid()
        return self.cleaned_data

    def filters(self, user: Any) -> dict[str, Any]:
        """Keyword arguments for ClaimQuerySet.queue_filter, status excluded."""
        data = self.clean_values()
        return {
            "kind": data.get("kind", ""),
            "language": data.get("language", ""),
            "article": data.get("article"),
            "assignee": user if data.get("mine") else None,
            "search": data.get("q", ""),
        }

    def export_filters(self, user: Any) -> dict[str, Any]:
        """Everything the queue page filters on, status included: what an export selects."""
        return self.filters(user) | {"status": self.clean_values().get("status", "")}

    def take_filters(self) -> dict[str, Any]:
        """What "take next" honours: the claim's own properties, not status or assignee."""
        data = self.clean_values()
        return {
            "kind": data.get("kind", ""),
            "language": data.get("language", ""),
            "article": data.get("article"),
        }


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    # Choices: the verdict scale, read once (see `verdicts`) when first validated or shown.
    verdict = forms.ChoiceField(label=_("Verdict"), required=False)
    explanation = forms.CharField(
        label=_("Explanation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the sources show, in a few sentences readers will see."),
    )
    claimant = forms.CharField(
        label=_("Claim made by"),
        required=False,
        max_length=200,
        help_text=_("The person who made the claim, if the article quotes someone; "
                    "left empty, the claim is the outlet's."),
    )

    def __init__(
        self, *args: Any, claim: Claim, verdicts: list[Verdict] | None = None, **kwargs: Any
    ) -> None:
        initial = {"version": claim.version, "verdict": claim.verdict_id}
        kwargs.setdefault("initial", initial | {"explanation": claim.explanation,
                                                "claimant": claim.claimant})
        super().__init__(*args, **kwargs)
        self.claim = claim
        self._read_verdicts = verdicts
        field = self.fields["verdict"]
        assert isinstance(field, forms.ChoiceField)
        # A callable: the scale is read when the form is validated or shown, not before.
        field.choices = self.verdict_choices

    @cached_property
    def verdicts(self) -> list[Verdict]:
        """The active scale, plus the claim's current verdict should it have been retired;
        read once, and handed to the next form of the same request to spare a query."""
        verdicts = self._read_verdicts
        if verdicts is None:
            verdicts = list(Verdict.objects.all())
        return [v for v in verdicts if v.is_active or v.pk == self.claim.verdict_id]

    def verdict_choices(self) -> list[tuple[Any, str]]:
        return [("", _("— no verdict yet —"))] + [(v.pk, str(v)) for v in self.verdicts]

    def clean_verdict(self) -> Verdict | None:
        """The chosen row of the scale as read, without another query."""
        chosen = self.cleaned_data["verdict"]
        return next((v for v in self.verdicts if str(v.pk) == chosen), None)


def scale_ends(verdicts: list[Verdict]) -> tuple[Verdict, Verdict] | None:
    """The scale's false and true verdicts: the lowest and highest active ratings."""
    rated = sorted((v for v in verdicts if v.is_active and v.rating), key=lambda v: v.rating)
    return (rated[0], rated[-1]) if rated else None


def suggested_verdict(claim: Claim, verdicts: list[Verdict]) -> Verdict | None:
    """With both values known: the scale's true verdict when the record says what the
    article says, its false one when not. A hint, never chosen."""
    ends = scale_ends(verdicts)
    if claim.verified_value is None or ends is None:
        return None
    return ends[0] if claim.value_differs else ends[1]


# --- value correction, one small form per claim kind -------------------------------------------

DATE_VALUE = re.compile(r"^(\d{3}|\d{4}(-\d{2}(-\d{2})?)?)$")


def clean_date_value(text: str) -> str:
    """Check a YYYY-MM-DD / YYYY-MM / YYYY / YYY (decade) value."""
    text = text.strip()
    if not DATE_VALUE.match(text):
        raise forms.ValidationError(_("Use YYYY-MM-DD, YYYY-MM, YYYY, or YYY for a decade."))
    padded = {4: "-01-01", 7: "-01"}.get(len(text), "")
    if len(text) > 3:
        try:
            dt.date.fromisoformat(text + padded)
        except ValueError:
            raise forms.ValidationError(_("This date does not exist.")) from None
    return text


class ValueForm(forms.Form):
    prefix = "value"

    @classmethod
    def initial_for(cls, value: dict[str, Any]) -> dict[str, Any]:
        raise NotImplementedError

    def to_value(self) -> dict[str, Any]:
        raise NotImplementedError


class DateValueForm(ValueForm):
    date = forms.CharField(
        label=_("Date, or start of the range"),
        max_length=10,
        help_text=_("YYYY-MM-DD, YYYY-MM, YYYY, or YYY for a decade (199 = the 1990s)."),
    )
    end = forms.CharField(label=_("End of the range"), max_length=10, required=False)

    @classmethod
    def initial_for(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {"date": value.get("date") or value.get("start", ""), "end": value.get("end", "")}

    def clean_date(self) -> str:
        return clean_date_value(self.cleaned_data["date"])

    def clean_end(self) -> str:
        end = self.cleaned_data["end"]
        return clean_date_value(end) if end.strip() else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date"), data.get("end")
        if start and end and len(start) == len(end) and end <= start:
            self.add_error("end", _("The range must end after it starts."))
        return data

    def to_value(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data["end"]:
            return {"start": data["date"], "end": data["end"]}
        return {"date": data["date"]}


class VoteValueForm(ValueForm):
    votes_for = forms.IntegerField(label=_("For"), min_value=0, required=False)
    votes_against = forms.IntegerField(label=_("Against"), min_value=0, required=False)
    abstain = forms.IntegerField(label=_("Abstentions"), min_value=0, required=False)
    unanimous = forms.BooleanField(label=_("Unanimous"), required=False)

    @classmethod
    def initial_for(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {
            "votes_for": value.get("for"),
            "votes_against": value.get("against"),
            "abstain": value.get("abstain"),
            "unanimous": bool(value.get("unanimous")),
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        counts = [data.get(name) for name in ("votes_for", "votes_against", "abstain")]
        if all(count is None for count in counts) and not data.get("unanimous"):
            raise forms.ValidationError(_("Give at least one count, or tick unanimous."))
        return data

    def to_value(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "for": data["votes_for"],
            "against": data["votes_against"],
            "abstain": data["abstain"],
            "unanimous": data["unanimous"],
        }


class MeetingValueForm(ValueForm):
    count = forms.IntegerField(label=_("Number of meetings"), min_value=1, max_value=100000)

    @classmethod
    def initial_for(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {"count": value.get("count")}

    def to_value(self) -> dict[str, Any]:
        return {"count": self.cleaned_data["count"]}


def value_form_for(claim: Claim, data: Any = None) -> ValueForm | None:
    """The correction form of the claim's kind (factcheck/claim_kinds.py); None if unknown."""
    form_class = claim_kinds.value_form(claim.kind)
    if form_class is None:
        return None
    return form_class(data, initial=form_class.initial_for(claim.value or {}))


VERIFIED_PREFIX = "verified"


def verified_form_for(claim: Claim, data: Any = None) -> ValueForm | None:
    """What the record says, in the kind's value form; optional: left empty, it records nothing.

    A submitted form whose fields are all empty comes back unbound and empty, with
    `blank` set: no errors to show, and the verified value is cleared (verified_value).
    """
    form_class = claim_kinds.value_form(claim.kind)
    if form_class is None:
        return None
    verified = claim.verified_value
    initial = form_class.initial_for(verified) if verified is not None else {}
    options = {"prefix": VERIFIED_PREFIX, "use_required_attribute": False}
    if data is not None and _all_blank(form_class, data):
        form = form_class(initial={}, **options)
        form.blank = True
        return form
    form = form_class(data, initial=initial, **options)
    form.blank = False
    return form


def _all_blank(form_class: type[ValueForm], data: Any) -> bool:
    keys = [f"{VERIFIED_PREFIX}-{name}" for name in form_class.base_fields]
    return not any(str(data.get(key, "")).strip() for key in keys)


def verified_value(form: ValueForm | None) -> dict[str, Any] | None:
    """The value a verified form holds (call once it is valid); None when left empty."""
    if form is None or getattr(form, "blank", False):
        return None
    return form.to_value()


def verified_form_valid(form: ValueForm | None) -> bool:
    return form is None or getattr(form, "blank", False) or form.is_valid()


# --- sources, dismissal, approvals ------------------------------------------------------------


class SourceForm(forms.ModelForm):
    # The model field also accepts ftp://; sources are web pages readers follow.
    url = WebURLField(label=_("URL"), max_length=1000)

    class Meta:
        model = Source
        fields = ["url", "title", "publisher", "quoted_passage", "accessed_on"]
        widgets = {
            # <input type=date> takes ISO only: a localised value (fr: 27/11/2026) shows empty.
            "accessed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "quoted_passage": forms.Textarea(attrs={"rows": 3}),
        }

    prefix = "source"


class DismissForm(forms.Form):
    prefix = "dismiss"
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.ChoiceField(label=_("Reason"), choices=Claim.DismissReason.choices)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000
    )


class ApproveForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class SendBackForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    comment = forms.CharField(
        label=_("What should the reviewer change?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=4000,
        error_messages={"required": _("Say what the reviewer should change.")},
    )
