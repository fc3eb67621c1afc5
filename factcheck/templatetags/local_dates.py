"""The one date filter of the templates: `{{ value|when }}`, `{{ value|when:"F Y" }}`.

Templates show dates and times through it, never through Django's `date` filter
(kept for machine-readable attributes such as `datetime="..."`): see
factcheck/readable_dates.py.
"""

from __future__ import annotations

import datetime as dt

from django import template

from factcheck.readable_dates import local_date

register = template.Library()


@register.filter(expects_localtime=True)
def when(value: dt.date | dt.datetime | None, format_name: str = "") -> str:
    """`{{ article.published_on|when }}`, `{{ event.created_at|when }}`: see local_date."""
    if not isinstance(value, dt.date):
        return ""
    return local_date(value, format_name)
