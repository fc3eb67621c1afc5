"""Forms of publishing: unpublish, correct a published claim, reopen a claim; the public
list's search and verdict filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from factcheck.forms.review import ReviewForm, SourceForm
from factcheck.models import Verdict


class UnpublishForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, shown to readers"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Say why the fact-check is unpublished.")},
    )


class ReopenForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    reason = forms.CharField(
        label=_("Why reopen this claim?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        error_messages={"required": _("Say why the claim is reopened.")},
    )


class CorrectionForm(ReviewForm):
    """The verdict and explanation (as the review form has them), a public note, and the
    sources: remove some, add one."""

    note = forms.CharField(
        label=_("Public note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("Shown to readers in the claim's Corrections section."),
        error_messages={"required": _("Write the public note that explains the correction.")},
    )
    remove_sources = forms.TypedMultipleChoiceField(
        label=_("Remove these sources"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, claim: Any, **kwargs: Any) -> None:
        super().__init__(*args, claim=claim, **kwargs)
        field = self.fields["remove_sources"]
        assert isinstance(field, forms.TypedMultipleChoiceField)
        field.choices = [(str(s.uuid), str(s)) for s in claim.sources.all()]


class CorrectionSourceForm(SourceForm):
    """An optional new source beside a correction: empty means none."""

    prefix = "new_source"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["url"].required = False

    def source_fields(self) -> dict[str, Any] | None:
        if not self.cleaned_data.get("url"):
            return None
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PublicSearchForm(forms.Form):
    """GET filters of /fact-checks/: an invalid value is dropped, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    verdict = forms.ModelChoiceField(
        label=_("Verdict"), required=False, queryset=Verdict.objects.all(),
        empty_label=_("Any verdict"),
    )

    def filters(self) -> dict[str, Any]:
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"q": (data.get("q") or "").strip(), "verdict": data.get("verdict")}
