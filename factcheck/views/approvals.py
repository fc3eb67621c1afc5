"""/approvals/: editors approve submitted verdicts or send them back with a comment."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from factcheck import roles
from factcheck.access import get_claim_for, role_required
from factcheck.actions import review
from factcheck.actions.review import ClaimActionError
from factcheck.forms.review import ApproveForm, SendBackForm
from factcheck.models import Claim, DeskSettings
from factcheck.views.refusals import ALL_FIELDS, add_errors, rebound, refusal_for

TEMPLATE = "factcheck/approvals.html"
PAGE_SIZE = 20


@dataclass
class Item:
    """One submitted claim on the page, with its two forms and what happened to it."""

    claim: Claim
    approve_form: ApproveForm = field(init=False)
    send_back_form: SendBackForm = field(init=False)
    error: str = ""
    outcome: str = ""
    status: int = 400  # of the page shown again when the step was refused

    def __post_init__(self) -> None:
        self.approve_form = approve_form_for(self.claim)
        self.send_back_form = send_back_form_for(self.claim)

    @property
    def waiting(self) -> bool:
        return self.claim.status == Claim.Status.SUBMITTED


def approve_form_for(claim: Claim) -> ApproveForm:
    # Many items share one page: ids carry the claim's pk to stay unique.
    return ApproveForm(initial={"version": claim.version}, auto_id=f"id_approve_%s_{claim.pk}")


def send_back_form_for(claim: Claim, data: Any = None) -> SendBackForm:
    return SendBackForm(
        data, initial={"version": claim.version}, auto_id=f"id_send_back_%s_{claim.pk}"
    )


@role_required(roles.is_editor)
@require_http_methods(["GET", "POST"])
def approvals(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return decide(request)
    return render(request, TEMPLATE, page_context(request))


def page_context(request: HttpRequest, replaced: Item | None = None) -> dict[str, Any]:
    """Sources arrive in one prefetch query: the page's query count does not grow with it."""
    claims = Claim.objects.visible_to(request.user).for_approval()
    own = 0
    if DeskSettings.load().second_pair_of_eyes:
        # The second pair of eyes: what you reviewed waits for another editor.
        own = claims.reviewed_by(request.user).count()
        claims = claims.not_reviewed_by(request.user)
    page = Paginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    items = [Item(claim) for claim in page.object_list]
    if replaced is not None:
        if any(item.claim.pk == replaced.claim.pk for item in items):
            items = [replaced if item.claim.pk == replaced.claim.pk else item for item in items]
        else:  # decided elsewhere meanwhile, so off the list: still say what happened to it
            items.insert(0, replaced)
    return {"page": page, "items": items, "waiting_count": page.paginator.count, "own_count": own}


def decide(request: HttpRequest) -> HttpResponse:
    """POST approve / send_back for one claim, named by uuid."""
    # Any status: deciding on a claim someone else just handled gets a message, not a 404.
    claims = Claim.objects.with_context().prefetch_related("sources")
    claim = get_claim_for(request, request.POST.get("claim", ""), claims)
    item = Item(claim)
    if request.POST.get("action") == "approve":
        outcome = approve(request, item)
    else:
        outcome = send_back(request, item)
    if request.htmx:
        return item_with_count(request, item)
    if outcome:
        messages.success(request, outcome)
        return HttpResponseRedirect(reverse("factcheck:approvals") + page_query(request))
    return render(request, TEMPLATE, page_context(request, item), status=item.status)


def item_with_count(request: HttpRequest, item: Item) -> HttpResponse:
    """The decided item, and the count above the list (out of band): it follows each decision."""
    waiting = Claim.objects.visible_to(request.user).for_approval().count()
    html = render_to_string(f"{TEMPLATE}#item", {"item": item}, request)
    html += render_to_string(
        f"{TEMPLATE}#count", {"waiting_count": waiting, "oob": True}, request
    )
    return HttpResponse(html)


def approve(request: HttpRequest, item: Item) -> str:
    form = ApproveForm(request.POST)
    if not form.is_valid():
        item.error = _("The form was incomplete; reload the page.")
        return ""
    try:
        item.claim = review.approve_claim(
            item.claim, request.user, version=form.cleaned_data["version"]
        )
    except ClaimActionError as exc:
        return refuse(item, exc)
    return decided(item, _("Approved."))


def send_back(request: HttpRequest, item: Item) -> str:
    form = send_back_form_for(item.claim, request.POST)
    item.send_back_form = form
    if not form.is_valid():
        return ""
    try:
        item.claim = review.send_back(
            item.claim, request.user, version=form.cleaned_data["version"],
            comment=form.cleaned_data["comment"],
        )
    except ClaimActionError as exc:
        return refuse(item, exc)
    return decided(item, _("Sent back to the reviewer."))


def decided(item: Item, outcome: str) -> str:
    item.outcome = outcome
    return outcome


def refuse(item: Item, exc: ClaimActionError) -> str:
    """Say why the step was refused; a stale item shows the stored claim, the typed comment kept."""
    refused = refusal_for(exc)
    item.status = refused.status
    if refused.current is None:
        # The comment's own errors go to its field; a refusal of the step, above the item.
        item.error = refused.errors.get(ALL_FIELDS, "")
        fields = {name: text for name, text in refused.errors.items() if name != ALL_FIELDS}
        add_errors(item.send_back_form, fields)
        return ""
    item.claim = _reload(refused.current)
    item.error = _("This claim changed since you loaded the page; check it again.")
    item.approve_form = approve_form_for(item.claim)
    form = item.send_back_form
    if form.is_bound:  # keep the typed comment but carry the stored version
        item.send_back_form = rebound(SendBackForm, form.data, item.claim,
                                      auto_id=f"id_send_back_%s_{item.claim.pk}")
    else:
        item.send_back_form = send_back_form_for(item.claim)
    return ""


def _reload(claim: Claim) -> Claim:
    return Claim.objects.with_context().prefetch_related("sources").get(pk=claim.pk)


def page_query(request: HttpRequest) -> str:
    page = request.POST.get("page", "")
    return f"?page={page}" if page.isdigit() else ""
