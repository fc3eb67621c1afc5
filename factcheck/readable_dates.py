"""Dates as the reader's language writes them, in the site's time zone: one function for all.

Templates use it through the `when` filter (templatetags/local_dates.py), Python
code (model __str__, claim values) calls local_date directly, so French says
"1er octobre 2024" for the first of the month everywhere and no date is shown
in UTC. The formats themselves are per language in newsroom/formats/.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.translation import get_language

# An unescaped "j" (the day of the month without a leading zero) in a format string.
DAY_OF_MONTH = re.compile(r"(?<!\\)j")


def is_french() -> bool:
    return (get_language() or "en").startswith("fr")


def local_date(value: dt.date | dt.datetime, format_name: str = "") -> str:
    """`value` (a datetime in the site's time zone) in `format_name` ("DATE_FORMAT", "F Y"...).

    The default is DATETIME_FORMAT for a datetime, DATE_FORMAT for a date.
    """
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        format_name = format_name or "DATETIME_FORMAT"
    fmt = get_format(format_name or "DATE_FORMAT")
    if value.day == 1 and is_french():
        fmt = DAY_OF_MONTH.sub(r"1\\e\\r", fmt)  # "1er", escaped: "e" and "r" are codes
    return dateformat.format(value, fmt)
