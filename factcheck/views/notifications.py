"""/notifications/: what happened to my work; mark read; whether to email me."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from factcheck import roles
from factcheck.access import role_required
from factcheck.actions import notifications
from factcheck.forms.desk import NotificationPreferenceForm
from factcheck.models import Notification, NotificationPreference

TEMPLATE = "factcheck/notifications.html"
PAGE_SIZE = 30


@role_required(roles.is_staff_member)
@require_http_methods(["GET", "POST"])
def notification_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return change(request)
    mine = (
        Notification.objects.filter(recipient=request.user)
        .select_related("claim", "actor")
        .defer("claim__extracted_value", "claim__corrected_value", "claim__explanation")
    )
    page = Paginator(mine, PAGE_SIZE).get_page(request.GET.get("page"))
    wants = NotificationPreference.wants_email(request.user.pk)
    return render(request, TEMPLATE, {
        "page": page,
        "preference_form": NotificationPreferenceForm(initial={"email": wants}),
    })


def change(request: HttpRequest) -> HttpResponse:
    """POST: open one (marked read, then its claim), mark one or all read, or save the
    email preference; then the list again."""
    action = request.POST.get("action", "")
    if action in ("open", "read"):
        pk = request.POST.get("notification", "")
        if not pk.isdigit():
            return HttpResponseBadRequest(_("Unknown notification."))
        notifications.mark_read(request.user, [int(pk)])
        if action == "open":
            mine = Notification.objects.filter(recipient=request.user, pk=int(pk))
            opened = mine.select_related("claim").only("claim__uuid").first()
            if opened is None:
                return HttpResponseBadRequest(_("Unknown notification."))
            return HttpResponseRedirect(opened.claim.get_absolute_url())
    elif action == "read_all":
        notifications.mark_read(request.user)
        messages.success(request, _("All notifications are marked read."))
    elif action == "preferences":
        form = NotificationPreferenceForm(request.POST)
        form.is_valid()  # a checkbox: always valid
        NotificationPreference.objects.update_or_create(
            user=request.user, defaults={"email": form.cleaned_data["email"]}
        )
        messages.success(request, _("Your notification settings are saved."))
    else:
        return HttpResponseBadRequest(_("Unknown action."))
    return HttpResponseRedirect(reverse("factcheck:notifications"))
