"""/account/api-tokens/: a user's own API tokens; a new one is shown once, on creation."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from factcheck import roles
from factcheck.access import as_uuid, role_required
from factcheck.api.models import ApiToken


class NewTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=100,
        help_text=gettext_lazy("What will use it, e.g. “CMS” or “archive import”."),
    )


@role_required(roles.is_staff_member)
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    form = NewTokenForm()
    new_token = ""
    if request.method == "POST" and request.POST.get("action") == "revoke":
        token = _own_token(request)
        token.revoke()
        messages.success(request, _("Token “%(name)s” revoked: it no longer works.")
                         % {"name": token.name})
        return redirect("factcheck:api_tokens")
    if request.method == "POST":
        form = NewTokenForm(request.POST)
        if form.is_valid():
            _token, new_token = ApiToken.issue(request.user, form.cleaned_data["name"])
            form = NewTokenForm()
    context = {
        "form": form,
        "new_token": new_token,
        "tokens": ApiToken.objects.filter(user=request.user),
    }
    # The new token is in this response only: never in a redirect, a message or the database.
    response = render(request, "factcheck/api_tokens.html", context)
    response["Cache-Control"] = "no-store"
    return response


def _own_token(request: HttpRequest) -> ApiToken:
    """The user's token named in the form, else 404 (another user's token included)."""
    return get_object_or_404(ApiToken, user=request.user, uuid=as_uuid(request.POST.get("token")))
