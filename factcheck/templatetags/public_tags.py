"""Public pages: ClaimReview JSON-LD in a data block; the organisation's texts in the
reader's language."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# What could end the <script> element or start markup inside it, as JSON escapes
# (Django's json_script does the same; it only writes type="application/json").
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict[str, Any]) -> SafeString:
    """A <script type="application/ld+json"> data block: never run, so CSP allows it."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def org_text(organisation: Any, field: str) -> str:
    return organisation.text(field)
