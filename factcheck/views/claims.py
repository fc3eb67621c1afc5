"""/claims/<uuid>/: one claim in context; take it, correct it, source it, judge it.

One view, one template. Each POST names its step in `action`. With HTMX the
review and sources forms swap their own fragment of factcheck/claim.html
(plus the summary and history, out of band); without it every step is a
plain POST followed by a redirect, or the page again with the errors.
"""

from __future__ import annotations

import uuid as uuid_lib
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods
from django_htmx.http import HttpResponseClientRedirect

from factcheck import roles, search
from factcheck.access import get_claim_for, role_required
from factcheck.actions import assignment, review
from factcheck.actions.assignment import ASSIGNABLE_STATUSES
from factcheck.actions.review import ClaimActionError
from factcheck.forms.desk import AssignForm
from factcheck.forms.review import (
    VERIFIED_PREFIX,
    DismissForm,
    QueueFilterForm,
    ReviewForm,
    SourceForm,
    ValueForm,
    scale_ends,
    suggested_verdict,
    value_form_for,
    verified_form_for,
    verified_form_valid,
    verified_value,
)
from factcheck.models import Claim, ReviewEvent
from factcheck.templatetags.review_tags import readable_value
from factcheck.views.queue import carried_query, claim_url, queue_url
from factcheck.views.refusals import rebound, refusal_for

TEMPLATE = "factcheck/claim.html"
# Fragments refreshed out of band after any HTMX step: they show what just changed.
OOB_FRAGMENTS = ("summary", "history")
# The page shows the newest events; "Show older events" loads this many more at a time.
HISTORY_PAGE = 20
HISTORY_BEFORE = "history_before"


@role_required(roles.is_staff_member)
@require_http_methods(["GET", "POST"])
def claim_detail(request: HttpRequest, uuid: uuid_lib.UUID) -> HttpResponse:
    claim = get_claim_for(request, uuid)
    if request.method == "GET":
        return show(request, claim)
    handler = POST_HANDLERS.get(request.POST.get("action", ""))
    if handler is None:
        return HttpResponseBadRequest(_("Unknown action."))
    return handler(request, claim)


def show(request: HttpRequest, claim: Claim) -> HttpResponse:
    """The page; with ?history_before=<event id>, also the older history (HTMX: just that)."""
    if HISTORY_BEFORE not in request.GET:
        return render(request, TEMPLATE, claim_context(request, claim, page=True))
    anchor = history_anchor(claim, request.GET[HISTORY_BEFORE])
    if anchor is None:
        return HttpResponseBadRequest(_("This point in the claim's history does not exist."))
    older, more = claim.events.select_related("actor").before(anchor).newest(HISTORY_PAGE)
    history = {"events": older, "older_cursor": older[0].pk if more else None}
    if request.htmx:
        return render(request, f"{TEMPLATE}#history_older", {"claim": claim, **history})
    # A plain link shows what the HTMX swaps add up to: everything from there to now.
    if older:
        history["events"] = list(claim.events.select_related("actor").since(older[0]))
    return render(request, TEMPLATE, claim_context(request, claim, page=True, **history))


def history_anchor(claim: Claim, value: str) -> ReviewEvent | None:
    """The claim's event named in the query string; None for anything else."""
    if not value.isdigit():
        return None
    return claim.events.filter(pk=int(value)).only("pk", "created_at").first()


def newest_history(claim: Claim) -> dict[str, Any]:
    events, more = claim.events.select_related("actor").newest(HISTORY_PAGE)
    return {"events": events, "older_cursor": events[0].pk if more else None}


def claim_context(request: HttpRequest, claim: Claim, *, page: bool = False, **extra: Any) -> dict:
    """What the page and its fragments show; forms in `extra` replace the blank ones."""
    user = request.user
    back = carried_query(request)
    context = {
        "claim": claim,
        "claim_url": claim_url(claim, back),
        "back_url": queue_url(back),
        "can_assign": assignment.can_assign(user) and claim.status in ASSIGNABLE_STATUSES,
        "can_release": assignment.can_release(user, claim),
        "assign_form": AssignForm(),
        "can_edit": review.can_edit_claim(user, claim),
        "can_take": review.can_take_claim(user, claim),
        "can_dismiss": review.can_dismiss_claim(user, claim),
        "dismissal_needs_approval": review.dismissal_needs_approval(user),
        "review_form": ReviewForm(claim=claim),
        "value_form": value_form_for(claim),
        "verified_form": verified_form_for(claim),
        "source_form": SourceForm(initial={"accessed_on": timezone.localdate()}),
        "dismiss_form": DismissForm(initial={"version": claim.version}),
        "sources": claim.sources.all(),
    }
    if "events" not in extra:
        context |= newest_history(claim)
    if page:
        # Only the full page shows the paragraph: fragments need not load the article body.
        context["before"], context["span"], context["after"] = claim.paragraph()
        context["checked_before"] = search.checked_before(claim)
        context["sent_back"] = sent_back_comment(claim)
    context |= extra
    verdicts = context["review_form"].verdicts
    context["suggestion"] = suggested_verdict(claim, verdicts)
    context["scale_ends"] = scale_ends(verdicts)
    return context


def sent_back_comment(claim: Claim) -> ReviewEvent | None:
    """The editor's comment that sent the claim back, for the banner; None unless sent back."""
    if claim.status != Claim.Status.SENT_BACK:
        return None
    comments = claim.events.filter(action=ReviewEvent.Action.COMMENT).select_related("actor")
    return comments.order_by("-created_at", "-id").first()


def render_fragments(
    request: HttpRequest, claim: Claim, main: str, **extra: Any
) -> HttpResponse:
    """The swapped fragment, then the out-of-band ones. Always 200: htmx swaps only 2xx.

    With `new_events` (what the step just recorded), the history gets only those
    rows appended instead of being rendered again whole: a long history would
    otherwise dominate the cost of every save.
    """
    if "new_events" in extra:  # the history is not rendered again: spare its query
        extra.setdefault("events", [])
    context = claim_context(request, claim, **extra)
    html = render_to_string(f"{TEMPLATE}#{main}", context, request)
    for name in OOB_FRAGMENTS:
        if name == "history" and "new_events" in extra:
            name = "history_added"
        html += render_to_string(f"{TEMPLATE}#{name}", context | {"oob": True}, request)
    return HttpResponse(html)


def respond(
    request: HttpRequest, claim: Claim, main: str, status: int = 200, **extra: Any
) -> HttpResponse:
    """A fragment for HTMX, else the whole page (with an error status when there are errors)."""
    if request.htmx:
        return render_fragments(request, claim, main, **extra)
    context = claim_context(request, claim, page=True, **extra)
    return render(request, TEMPLATE, context, status=status)


def done(request: HttpRequest, claim: Claim, message: str) -> HttpResponse:
    """Post/Redirect/Get: the message survives the redirect in the messages framework."""
    messages.success(request, message)
    url = claim_url(claim, carried_query(request))
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


# --- steps ---------------------------------------------------------------------------------------


def take(request: HttpRequest, claim: Claim) -> HttpResponse:
    try:
        review.take_claim(claim, request.user)
    except ClaimActionError as exc:
        messages.error(request, str(exc))
        return redirect(claim)
    return done(request, claim, _("This claim is now assigned to you."))


def assign(request: HttpRequest, claim: Claim) -> HttpResponse:
    form = AssignForm(request.POST)
    if not form.is_valid():
        return respond(request, claim, "review", 400, assign_form=form)
    reviewer = form.cleaned_data["reviewer"]
    try:
        assignment.assign_claim(claim, request.user, reviewer)
    except ClaimActionError as exc:
        form.add_error(None, str(exc))
        return respond(request, claim, "review", refusal_for(exc).status, assign_form=form)
    return done(request, claim, _("Assigned to %(name)s.") % {"name": reviewer.get_username()})


def release(request: HttpRequest, claim: Claim) -> HttpResponse:
    try:
        assignment.release_claim(claim, request.user)
    except ClaimActionError as exc:
        messages.error(request, str(exc))
        return redirect(claim)
    return done(request, claim, _("Released: the claim is back in the pool."))


def save_or_submit(request: HttpRequest, claim: Claim) -> HttpResponse:
    """Save draft or Submit: the verdict, explanation and (possibly corrected) value.

    The workflow function re-reads the claim under its row lock and compares
    versions; the response is rendered after its transaction has committed.
    """
    submitting = request.POST["action"] in ("submit", "submit_next")
    step = review.submit_claim if submitting else review.save_review
    review_form = ReviewForm(request.POST, claim=claim)
    value_form = value_form_for(claim, request.POST)
    verified_form = verified_form_for(claim, request.POST)
    forms = {"review_form": review_form, "value_form": value_form, "verified_form": verified_form}
    valid = [review_form.is_valid(), value_form is None or value_form.is_valid(),
             verified_form_valid(verified_form)]
    if not all(valid):
        return respond(request, claim, "review", 400, **forms)
    data = review_form.cleaned_data
    try:
        saved = step(
            claim,
            request.user,
            version=data["version"],
            verdict=data["verdict"],
            explanation=data["explanation"],
            value=changed_value(value_form),
            verified=posted_verified(request, verified_form),
            # A form without the field (an older page) leaves the claimant as it is.
            claimant=data["claimant"] if "claimant" in request.POST else review.KEEP,
        )
    except ClaimActionError as exc:
        refused = refusal_for(exc)
        if refused.current is not None:
            return conflict(request, claim, refused.current)
        refused.add_to(review_form)
        return respond(request, claim, "review", refused.status, **forms)
    if request.POST["action"] == "submit_next":
        return take_next_after(request)
    if submitting:
        return done(request, saved, _("Submitted for approval."))
    if request.htmx:
        return render_fragments(
            request,
            saved,
            "review",
            notice=_("Draft saved."),
            review_form=ReviewForm(claim=saved, verdicts=review_form.verdicts),
            new_events=getattr(saved, "recorded_events", []),
        )
    return done(request, saved, _("Draft saved."))


def take_next_after(request: HttpRequest) -> HttpResponse:
    """After "Submit and take next": the next pending claim within the queue's filters."""
    back = carried_query(request)
    filters = QueueFilterForm(QueryDict(back)).take_filters()
    messages.success(request, _("Submitted for approval."))
    try:
        following = review.take_next_claim(request.user, **filters)
    except ClaimActionError as exc:
        messages.error(request, str(exc))
        following = None
    else:
        if following is None:
            messages.info(request, _("No pending claim is left for these filters."))
    if following is None:
        url = queue_url(back)
    else:
        messages.success(request, _("The next claim is now assigned to you."))
        url = claim_url(following, back)
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


def changed_value(value_form: ValueForm | None) -> dict[str, Any] | None:
    """The reviewer's value, only when they edited the fields: untouched means no correction."""
    if value_form is None or not value_form.has_changed():
        return None
    return value_form.to_value()


def posted_verified(request: HttpRequest, form: ValueForm | None) -> Any:
    """The verified value the form sent (None: cleared); KEEP when it sent none at all."""
    sent = any(key.startswith(f"{VERIFIED_PREFIX}-") for key in request.POST)
    return verified_value(form) if form is not None and sent else review.KEEP


def conflict(request: HttpRequest, claim: Claim, current: Claim) -> HttpResponse:
    """A stale save: show stored vs typed, keep the typed text, and let a re-save overwrite."""
    if current is not claim:
        current.article = claim.article
    # The form now carries the stored version: saving again is a deliberate overwrite.
    review_form = rebound(ReviewForm, request.POST, current, claim=current)
    value_form = value_form_for(current, review_form.data)
    if value_form is not None:
        value_form.is_valid()
    last = current.events.select_related("actor").order_by("-created_at", "-id").first()
    changes = {
        "rows": differences(current, review_form, value_form),
        "actor": last.actor if last else None,
        "at": last.created_at if last else current.updated_at,
    }
    forms = {"review_form": review_form, "value_form": value_form, "conflict": changes}
    return respond(request, current, "review", 409, **forms)


def differences(current: Claim, review_form: ReviewForm, value_form: ValueForm | None) -> list:
    """Rows (label, stored, yours) where the stored claim and the typed form disagree."""
    typed = getattr(review_form, "cleaned_data", {})
    rows = []
    if current.status not in Claim.WORKING_STATUSES:
        rows.append((_("Status"), current.get_status_display(), _("In progress")))
    if "verdict" in typed and typed["verdict"] != current.verdict:
        rows.append((_("Verdict"), current.verdict or "—", typed["verdict"] or "—"))
    if "explanation" in typed and typed["explanation"] != current.explanation:
        rows.append((_("Explanation"), current.explanation or "—", typed["explanation"] or "—"))
    if "claimant" in typed and typed["claimant"].strip() != current.claimant:
        rows.append((_("Claim made by"), current.claimant or "—", typed["claimant"] or "—"))
    if value_form is not None and not value_form.errors and value_form.to_value() != current.value:
        rows.append(
            (
                _("Value"),
                readable_value(current.value, current.kind),
                readable_value(value_form.to_value(), current.kind),
            )
        )
    return rows


def dismiss(request: HttpRequest, claim: Claim) -> HttpResponse:
    form = DismissForm(request.POST)
    if not form.is_valid():
        return respond(request, claim, "review", 400, dismiss_form=form)
    data = form.cleaned_data
    try:
        dismissed = review.dismiss_claim(
            claim, request.user, version=data["version"], reason=data["reason"], note=data["note"]
        )
    except ClaimActionError as exc:
        refused = refusal_for(exc)
        if refused.current is not None:
            refused.current.article = claim.article
            claim, form = refused.current, rebound(DismissForm, request.POST, refused.current)
            form.add_error(None, _("Someone changed this claim since you opened it. Check it, "
                                   "then dismiss again if you still mean to."))
        else:
            refused.add_to(form)
        return respond(request, claim, "review", refused.status, dismiss_form=form)
    if dismissed.dismissal_proposed:
        return done(request, claim, _("Dismissal submitted: an editor will approve it or send "
                                      "it back."))
    return done(request, claim, _("Claim dismissed."))


def add_source(request: HttpRequest, claim: Claim) -> HttpResponse:
    form = SourceForm(request.POST)
    if not form.is_valid():
        return respond(request, claim, "sources", 400, source_form=form)
    try:
        review.add_source(claim, request.user, **form.cleaned_data)
    except ClaimActionError as exc:
        refused = refusal_for(exc)
        refused.add_to(form)
        return respond(request, claim, "sources", refused.status, source_form=form)
    if not request.htmx:
        return done(request, claim, _("Source added."))
    return render_fragments(request, claim, "sources", sources_notice=_("Source added."))


def remove_source(request: HttpRequest, claim: Claim) -> HttpResponse:
    try:
        source_uuid = uuid_lib.UUID(request.POST.get("source", ""))
        review.remove_source(claim, request.user, source_uuid)
    except ValueError:
        return HttpResponseBadRequest(_("Unknown source."))
    except ClaimActionError as exc:
        refused = refusal_for(exc)
        return respond(request, claim, "sources", refused.status, sources_error=refused.message)
    if not request.htmx:
        return done(request, claim, _("Source removed."))
    return render_fragments(request, claim, "sources", sources_notice=_("Source removed."))


def reuse_sources(request: HttpRequest, claim: Claim) -> HttpResponse:
    """Copy the sources of a claim listed under "Checked before" onto this one."""
    earlier = (
        Claim.objects.visible_to(request.user)
        .filter(verdict__isnull=False, uuid=parsed_uuid(request.POST.get("earlier", "")))
        .exclude(pk=claim.pk)
        .first()
    )
    if earlier is None:
        return HttpResponseBadRequest(_("Unknown earlier claim."))
    try:
        copied = review.reuse_sources(claim, request.user, earlier)
    except ClaimActionError as exc:
        refused = refusal_for(exc)
        if not request.htmx:
            messages.error(request, refused.message)
            return redirect(claim)
        return respond(request, claim, "sources", refused.status, sources_error=refused.message)
    notice = ngettext("%(n)s source reused.", "%(n)s sources reused.", len(copied)) % {
        "n": len(copied)
    }
    if not request.htmx:
        return done(request, claim, notice)
    return render_fragments(request, claim, "sources", sources_notice=notice)


def parsed_uuid(text: str) -> uuid_lib.UUID | None:
    try:
        return uuid_lib.UUID(text)
    except ValueError:
        return None


POST_HANDLERS: dict[str, Callable[[HttpRequest, Claim], HttpResponse]] = {
    "take": take,
    "assign": assign,
    "release": release,
    "submit_next": save_or_submit,
    "save": save_or_submit,
    "submit": save_or_submit,
    "dismiss": dismiss,
    "add_source": add_source,
    "remove_source": remove_source,
    "reuse_sources": reuse_sources,
}
