"""Forms of work allocation: assign a claim, bulk actions in the queue, notification settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from factcheck.models import Claim


class ReviewerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_username()


def reviewer_field(**kwargs: Any) -> ReviewerChoiceField:
    from factcheck.actions.assignment import reviewers

    return ReviewerChoiceField(
        label=_("Reviewer"),
        queryset=reviewers(),
        to_field_name="username",
        empty_label=_("— choose a reviewer —"),
        error_messages={"invalid_choice": _("Choose a reviewer from the list.")},
        **kwargs,
    )


class AssignForm(forms.Form):
    prefix = "assign"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"] = reviewer_field()


class BulkForm(forms.Form):
    """What to do with the selected claims (or every claim the filters match)."""

    ACTIONS = [
        ("assign", _("Assign to the reviewer")),
        ("release", _("Release to the pool")),
        ("dismiss", _("Dismiss")),
    ]

    action = forms.ChoiceField(
        label=_("Action"),
        choices=ACTIONS,
        error_messages={"required": _("Choose what to do with the selected claims.")},
    )
    # A row's own button names one claim: it acts on that claim alone.
    row_claim = forms.UUIDField(required=False)
    all_matching = forms.BooleanField(required=False)
    reason = forms.ChoiceField(
        label=_("Reason"), required=False, choices=[("", "—"), *Claim.DismissReason.choices]
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=2000,
                           widget=forms.TextInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewer"] = reviewer_field(required=False)

    def selected_uuids(self) -> list[str]:
        """The uuids of the ticked rows (checkboxes named "claims"), or the row's own button."""
        if self.cleaned_data.get("row_claim"):
            return [str(self.cleaned_data["row_claim"])]
        return self.data.getlist("claims")

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("row_claim"):  # a row's own button always assigns that one claim
            data["action"] = "assign"
        action = data.get("action")
        if action == "assign" and not data.get("reviewer"):
            self.add_error("reviewer", _("Choose the reviewer to assign the claims to."))
        if action == "dismiss":
            if not data.get("reason"):
                self.add_error("reason", _("Choose why the claims are dismissed."))
            if not (data.get("note") or "").strip():
                self.add_error("note", _("Add a note for the editors."))
        chosen = self.data.getlist("claims") or data.get("row_claim") or data.get("all_matching")
        if not chosen:
            raise forms.ValidationError(_("Select at least one claim."))
        return data


class NotificationPreferenceForm(forms.Form):
    email = forms.BooleanField(label=_("Email me my notifications"), required=False)
