"""Article text with its claims highlighted, built from escaped segments.

The body is never rendered as HTML: every piece of text goes through
conditional_escape, and only our own <mark>/<a> tags are marked safe.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from factcheck.highlight import Segment, segments

register = template.Library()


@register.simple_tag
def highlighted(
    text: str,
    claims: Iterable[Any],
    lo: int = 0,
    hi: int | None = None,
    colour_by_verdict: bool = False,
    link: bool = True,
) -> SafeString:
    """`text[lo:hi]` as HTML with one <mark> per covered segment, linking to the claim."""
    parts = [
        _render(segment, colour_by_verdict, link)
        for segment in segments(text, list(claims), lo, hi)
    ]
    return mark_safe("".join(parts))  # every part was escaped by _render


def _render(segment: Segment, colour_by_verdict: bool, link: bool) -> str:
    if not segment.claims:
        return conditional_escape(segment.text)
    # The innermost claim is the most specific: link there, colour by it.
    claim = segment.claims[-1]
    classes = ["claim", f"kind-{claim.kind}"]
    if len(segment.claims) > 1:
        classes.append("overlap")
    if colour_by_verdict:
        classes.append(f"verdict-{claim.verdict_id}" if claim.verdict_id else "no-verdict")
    else:  # the article page: the kind colours the mark, the status its underline (app.css)
        classes += ["by-kind", f"status-{claim.status}"]
    if not link:
        return format_html('<mark class="{}">{}</mark>', " ".join(classes), segment.text)
    return format_html(
        '<mark class="{}"><a href="#claim-{}">{}</a></mark>',
        " ".join(classes),
        claim.uuid,
        segment.text,
    )
