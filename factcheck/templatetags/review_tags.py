"""Readable claim values and history lines for the review pages.

Everything here returns plain text: the template autoescapes it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from django import template
from django.utils.formats import date_format, number_format
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext, pgettext

from factcheck import claim_kinds
from factcheck.models import Article, Claim, ReviewEvent
from factcheck.readable_dates import is_french, local_date

register = template.Library()


def readable_date(value: str) -> str:
    """YYYY-MM-DD / YYYY-MM / YYYY / YYY (a decade) in the reader's language."""
    try:
        if len(value) == 3:
            return gettext("the %(decade)s0s") % {"decade": value}
        if len(value) == 4:
            return value
        if len(value) == 7:
            return date_format(dt.date.fromisoformat(value + "-01"), "F Y")
        return local_date(dt.date.fromisoformat(value))
    except (TypeError, ValueError):
        return str(value)


def day_of_month(day: dt.date) -> str:
    """The day's number as the language writes it: French says "1er" for the first."""
    return local_date(day, "j")


def readable_range(start: str, end: str) -> str:
    """A range as people write it: "1–7 October 2018", "du 1er au 7 octobre 2018".

    What both ends share (the year, the month) is said once, at the end. Ranges
    of months or years: "September–October 2018", "de septembre à octobre 2018".
    """
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except (TypeError, ValueError):
        return _month_or_year_range(readable_date(start), readable_date(end))
    if (first.year, first.month) == (last.year, last.month):
        head = day_of_month(first)
    elif first.year == last.year:
        head = f"{day_of_month(first)} {date_format(first, 'F')}"
    else:
        head = readable_date(start)
    return pgettext("a range of days", "%(start)s–%(end)s") % {
        "start": head, "end": readable_date(end)
    }


def _month_or_year_range(start: str, end: str) -> str:
    if start.endswith(end[-4:]) and len(start) > 4 and len(end) > 4:  # months of one year
        start = start[:-5]
    text = pgettext("a range of months or years", "%(start)s–%(end)s") % {
        "start": start, "end": end
    }
    if is_french():  # "de avril" is written "d'avril"
        text = re.sub(r"\bde (?=[aeiouàâéèêîôûh])", "d’", text, flags=re.IGNORECASE)
    return text


def readable_vote(value: dict[str, Any]) -> str:
    parts = []
    if value.get("for") is not None:
        parts.append(gettext("%(n)s for") % {"n": value["for"]})
    if value.get("against") is not None:
        parts.append(gettext("%(n)s against") % {"n": value["against"]})
    if value.get("abstain") is not None:
        n = value["abstain"]
        parts.append(ngettext("%(n)s abstention", "%(n)s abstentions", n) % {"n": n})
    if value.get("unanimous"):
        parts.insert(0, gettext("unanimous"))
    return ", ".join(parts) or "—"


def readable_date_value(value: dict[str, Any]) -> str:
    if "start" in value:
        return readable_range(value["start"], value.get("end", ""))
    return readable_date(value.get("date", ""))


def readable_meeting_count(value: dict[str, Any]) -> str | None:
    n = value.get("count")
    if not isinstance(n, int):
        return None
    return ngettext("%(n)s meeting", "%(n)s meetings", n) % {"n": n}


@register.filter
def readable_value(value: Any, kind: str) -> str:
    """A claim's normalized value as a sentence fragment: the kind's reader (claim_kinds.py)."""
    if not isinstance(value, dict) or not value:
        return "—"
    read = claim_kinds.reader(kind)
    text = read(value) if read is not None else None
    if text is not None:
        return text
    # An unknown kind or an unreadable value shows as raw JSON rather than nothing.
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


@register.filter
def history_verdict(value: Any) -> str:
    """A verdict as ReviewEvent stores it ({"id", "en", "fr"}), in the current language."""
    if not isinstance(value, dict):
        return "—"
    lang = "fr" if (get_language() or "en").startswith("fr") else "en"
    return str(value.get(lang) or value.get("en") or "—")


def _status_label(status: Any, for_article: bool) -> str:
    choices = Article.Status if for_article else Claim.Status
    try:
        return str(choices(status).label)
    except ValueError:
        return str(status)


@register.filter
def event_summary(event: ReviewEvent, kind: str = "") -> str:
    """One line saying what a history row changed."""
    before, after = event.before or {}, event.after or {}
    action = event.action
    if action == ReviewEvent.Action.STATUS:
        for_article = event.claim_id is None
        line = gettext("Status: %(before)s → %(after)s") % {
            "before": _status_label(before.get("status"), for_article),
            "after": _status_label(after.get("status"), for_article),
        }
        return line + _dismissal_note(before, after)
    if action == ReviewEvent.Action.ASSIGNED:
        return gettext("Assigned to %(user)s") % {"user": after.get("assignee") or "—"}
    if action == ReviewEvent.Action.RELEASED:
        return gettext("Released to the pool (was assigned to %(user)s)") % {
            "user": before.get("assignee") or "—"
        }
    if action == ReviewEvent.Action.VERDICT:
        return _verdict_summary(before, after)
    if action == ReviewEvent.Action.VALUE:
        return gettext("Value: %(before)s → %(after)s") % {
            "before": readable_value(before.get("value"), kind),
            "after": readable_value(after.get("value"), kind),
        }
    if action == ReviewEvent.Action.VERIFIED:
        return gettext("Verified value: %(before)s → %(after)s") % {
            "before": readable_value(before.get("value"), kind),
            "after": readable_value(after.get("value"), kind),
        }
    if action == ReviewEvent.Action.EDITED:
        return _edit_summary(event, before, after)
    if action in (ReviewEvent.Action.SOURCE_ADDED, ReviewEvent.Action.SOURCE_REMOVED):
        source = after or before
        label = source.get("title") or source.get("url")
        return gettext("%(action)s: %(source)s") % {
            "action": event.get_action_display(),
            "source": label,
        }
    return str(event.get_action_display())


def _edit_summary(event: ReviewEvent, before: dict[str, Any], after: dict[str, Any]) -> str:
    if event.claim_id is None:
        fields = [str(Article._meta.get_field(name).verbose_name) for name in after
                  if name != "claims"]
        return gettext("Article edited: %(fields)s") % {"fields": ", ".join(fields)}
    if after.get("stale"):
        return gettext("Article text edited: these words are gone; the claim is kept, "
                       "flagged as no longer found")
    return gettext("Article text edited: the claim moved with its words "
                   "(characters %(before)s → %(after)s)") % {
        "before": f"{before.get('start')}–{before.get('end')}",
        "after": f"{after.get('start')}–{after.get('end')}",
    }


def _dismissal_note(before: dict[str, Any], after: dict[str, Any]) -> str:
    """What a status change did to a dismissal: proposed, applied, or refused."""
    if after.get("reason"):
        reason = _reason_label(after["reason"])
        if after.get("status") == Claim.Status.SUBMITTED:
            return list_separator() + gettext("dismissal proposed: %(reason)s") % {"reason": reason}
        return list_separator() + gettext("reason: %(reason)s") % {"reason": reason}
    if before.get("reason"):
        return list_separator() + gettext("dismissal refused")
    return ""


def list_separator() -> str:
    """ "; " between the parts of a history line; French typography puts a space before ";"."""
    return pgettext("between the parts of a history line", "; ")


def _reason_label(reason: str) -> str:
    try:
        return str(Claim.DismissReason(reason).label)
    except ValueError:
        return reason


def _verdict_summary(before: dict[str, Any], after: dict[str, Any]) -> str:
    parts = []
    if "verdict" in after:
        parts.append(
            gettext("Verdict: %(before)s → %(after)s")
            % {
                "before": history_verdict(before.get("verdict")),
                "after": history_verdict(after.get("verdict")),
            }
        )
    if "explanation" in after:
        parts.append(gettext("explanation edited"))
    if "claimant" in after:
        parts.append(gettext("claim made by: %(name)s") % {"name": after["claimant"] or "—"})
    return list_separator().join(parts)


@register.filter
def share(value: float | None) -> str:
    """0.125 -> "12.5 %" in the reader's number format; None -> "—"."""
    if value is None:
        return "—"
    return f"{number_format(value * 100, decimal_pos=1)} %"


@register.filter
def duration_text(value: dt.timedelta) -> str:
    """A duration in its two largest units: "2 days, 3 hours", "4 hours, 10 minutes"."""
    minutes = int(value.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts = [
        ngettext("%(n)s day", "%(n)s days", days) % {"n": days} if days else "",
        ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours} if hours else "",
        ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes} if minutes else "",
    ]
    return ", ".join([p for p in parts if p][:2]) or gettext("under a minute")


@register.simple_tag
def value_comparison(claim: Claim) -> SafeString | str:
    """ "The article says 289 for, the record says 298 for", the record marked when it differs."""
    if claim.verified_value is None:
        return ""
    said = readable_value(claim.value, claim.kind)
    record = readable_value(claim.verified_value, claim.kind)
    if claim.value_differs:
        shown = format_html(
            '<mark class="value-differs">{}</mark> <span class="badge differs">{}</span>',
            record, gettext("differs"),
        )
    else:
        shown = format_html('{} <span class="badge same">{}</span>', record, gettext("same"))
    sentence = escape(gettext("The article says %(said)s, the record says %(record)s."))
    return mark_safe(sentence % {"said": escape(said), "record": shown})  # parts escaped above
