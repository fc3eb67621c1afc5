"""Turn parsed date items into normalized values, anchored on publication."""

from __future__ import annotations

import datetime as dt
from typing import Any

from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates.items import Item, ItemKind
from factcheck.extraction.lang.lexicon import (
    EasterOffset,
    FixedDay,
    HolidayRule,
    NthWeekday,
    SeasonWeekday,
    Shift,
    WeekdayFrom,
)
from factcheck.extraction.model import Published

Value = dict[str, str]


def resolve_group(
    entry: Any, pub: Published | None, direction: int, steps: list[str] | None = None
) -> Value | None:
    """One claim value: an item, or a [start, end] pair for a range.

    `steps`, when given, receives one line per resolved item saying how its
    value was reached (what --explain prints)."""
    if isinstance(entry, list):
        return _range(entry[0], entry[1], pub, direction, steps)
    return _point(entry, pub, direction, steps)


def _point(
    item: Item, pub: Published | None, direction: int, steps: list[str] | None
) -> Value | None:
    text = _explained(item, pub, direction, steps)
    if text is None:
        return None
    if isinstance(text, dict):
        return text
    return {"date": text}


def _range(
    a: Item, b: Item, pub: Published | None, direction: int, steps: list[str] | None
) -> Value | None:
    if a.kind == b.kind == ItemKind.WEEKDAY:
        return _weekday_range(a, b, pub, direction, steps)
    end = _explained(b, pub, direction, steps)
    if end is None or isinstance(end, dict):
        return None
    if a.year is None and a.kind in (ItemKind.DAY, ItemKind.MONTH) and b.kind == a.kind:
        a.year = int(end[:4])
        if (a.month or 0, a.day or 0) > (b.month or 0, b.day or 0):
            a.year -= 1  # "du 27 décembre au 3 janvier"
        if steps is not None:
            steps.append(f"range start takes the end's year: {a.year}")
    start = _explained(a, pub, direction, steps)
    if start is None or isinstance(start, dict) or start > end:
        return None
    return {"start": start, "end": end}


def _weekday_range(
    a: Item, b: Item, pub: Published | None, direction: int, steps: list[str] | None
) -> Value | None:
    """ "Tuesday through Thursday": the first day as resolved, the last the next
    such weekday on or after it."""
    start = _explained(a, pub, direction, steps)
    if not isinstance(start, str) or len(start) != 10:
        return None if start is None or isinstance(start, dict) else {"start": start, "end": start}
    first = dt.date.fromisoformat(start)
    end = first + dt.timedelta(days=((b.weekday or 0) - first.weekday()) % 7)
    return {"start": start, "end": end.isoformat()}


def _explained(
    item: Item, pub: Published | None, direction: int, steps: list[str] | None
) -> str | Value | None:
    value = _text(item, pub, direction)
    if steps is not None:
        steps.append(explain_item(item, pub, direction, value))
    return value


_DIRECTIONS = {-1: "past", 0: "nearest", 1: "future"}


def explain_item(item: Item, pub: Published | None, direction: int, value: object) -> str:
    """One line on how an item's value was reached: what it holds, its anchor, the result."""
    held = ", ".join(
        f"{name}={getattr(item, name)!r}"
        for name in ("year", "month", "day", "weekday", "shift", "rule", "months", "season")
        if getattr(item, name) is not None
    )
    anchor = "no publication date" if pub is None else f"publication {pub.date.isoformat()}"
    if pub is not None and not pub.month:
        anchor += " (only the year known)"
    elif pub is not None and not pub.day:
        anchor += " (month known, not the day)"
    written = item.year is not None or item.kind == ItemKind.RELATIVE
    how = "year as written" if item.year is not None else f"{anchor}, {_DIRECTIONS[direction]}"
    if item.kind == ItemKind.RELATIVE:
        how = f"shifted from {anchor}"
    elif not written and item.kind in (ItemKind.DAY, ItemKind.MONTH) and item.weekday is not None:
        how += ", the weekday written picks the year"
    return f"{item.kind.value}({held}): {how} -> {value if value is not None else 'no value'}"


def _text(item: Item, pub: Published | None, direction: int) -> str | Value | None:
    kind = item.kind
    if kind == ItemKind.DECADE:
        return f"{item.year:03d}"
    if kind in (ItemKind.YEAR, ItemKind.SEASON) or (
        item.year is not None and kind == ItemKind.PART
    ):
        return _yearish(item, pub, direction)
    if kind in (ItemKind.DAY, ItemKind.MONTH):
        return _calendar(item, pub, direction)
    if kind == ItemKind.HOLIDAY and item.year is not None and item.rule is not None:
        return _holiday_day(item.rule, item.year).isoformat()  # "Noël 2022"
    if pub is None:
        return None
    if kind == ItemKind.WEEKDAY:
        return _weekday(item, pub, direction)
    if kind == ItemKind.RELATIVE:
        return _relative(item.shift, pub)
    if kind == ItemKind.HOLIDAY:
        return _holiday(item, pub, direction)
    if kind == ItemKind.PART:
        return _yearish(item, pub, direction)
    return None


def _yearish(item: Item, pub: Published | None, direction: int) -> str | Value | None:
    year = item.year
    if year is None:
        if pub is None:
            return None
        year = pub.date.year
        if item.kind == ItemKind.SEASON and item.direction and item.season:
            year = _season_year(item.season, pub.date, item.direction)
        elif item.kind == ItemKind.PART and item.months and pub.month:
            year = _part_year(item.months, pub.date, direction)
    if item.kind == ItemKind.PART and item.months:
        return {"start": cal.fmt(year, item.months[0]), "end": cal.fmt(year, item.months[1])}
    return cal.fmt(year)


def _part_year(months: tuple[int, int], here: dt.date, direction: int) -> int:
    """The year of a quarter or half written without one: "the fourth quarter"
    published in January is the one just over. Past: the last one begun by
    publication; future: the first not over; else the nearest by its middle,
    the earlier on a tie (news reports periods once they are over)."""
    now = here.year * 12 + here.month - 1
    years = (here.year - 1, here.year, here.year + 1)
    if direction < 0:
        return max(y for y in years if y * 12 + months[0] - 1 <= now)
    if direction > 0:
        return min(y for y in years if y * 12 + months[1] - 1 >= now)
    middle = (months[0] + months[1]) / 2 - 1
    return min(years, key=lambda y: (abs(y * 12 + middle - now), y))


def _season_year(season: str, here: dt.date, direc: int) -> int:
    """ "last spring": the latest one over by publication; "next spring": the first
    one not begun. In November, last spring is this year's and next summer next
    year's. A winter is named by the year it starts in."""
    for offset in (0, -1, -2) if direc < 0 else (-1, 0, 1):
        year = here.year + offset
        start, end = cal.season_days(year, season)
        if (direc < 0 and end <= here) or (direc > 0 and start > here):
            return year
    return here.year + direc


def _calendar(item: Item, pub: Published | None, direction: int) -> str | None:
    if item.month is None:
        return None
    year = item.year
    if year is None:
        if pub is None:
            return None
        year = cal.pick_year(pub, item.month, item.day, direction, item.weekday)
    if year is None or (item.day is not None and not cal.valid(year, item.month, item.day)):
        return None
    return cal.fmt(year, item.month, item.day)


def _weekday(item: Item, pub: Published, direction: int) -> str | None:
    if not pub.day:  # the day cannot be known: the month, or the year alone
        return cal.fmt(pub.date.year, pub.date.month if pub.month else None)
    direc = item.direction or direction or -1
    day = cal.weekday_date(pub.date, item.weekday or 0, direc, item.strict)
    return day.isoformat()


def _relative(rel: Shift | None, pub: Published) -> str | Value | None:
    if rel is None:
        return None
    unit, offset = rel
    date = pub.date
    if unit == "year":
        return cal.fmt(date.year + offset)
    if not pub.month:
        return cal.fmt(date.year) if offset == 0 or unit != "month" else None
    if unit == "month":
        return cal.fmt(*cal.shift_month(date.year, date.month, offset))
    if not pub.day:
        return cal.fmt(date.year, date.month)  # a relative day or week takes the month
    if unit == "week":
        return cal.week_range(date + dt.timedelta(days=7 * offset))
    if unit == "weekend":  # "ce week-end", "last weekend": Saturday-Sunday of that week
        return cal.weekend_range(date + dt.timedelta(days=7 * offset))
    return (date + dt.timedelta(days=offset)).isoformat()


def _holiday(item: Item, pub: Published, direction: int) -> str | None:
    rule = item.rule
    if rule is None:
        return None
    years = [item.year] if item.year else [pub.date.year - 1, pub.date.year, pub.date.year + 1]
    days = [(y, _holiday_day(rule, y)) for y in years]
    if item.year:
        return days[0][1].isoformat()
    if not pub.month:  # only the year is known
        return days[1][1].isoformat()
    here = pub.date
    if not pub.day:  # month precision: compare by month
        same = [d for _, d in days if (d.year, d.month) == (here.year, here.month)]
        if same:
            return same[0].isoformat()
    if direction < 0:
        past = [d for _, d in days if d <= here]
        return past[-1].isoformat() if past else None
    if direction > 0:
        future = [d for _, d in days if d >= here]
        return future[0].isoformat() if future else None
    return min((d for _, d in days), key=lambda d: abs((d - here).days)).isoformat()


def _holiday_day(rule: HolidayRule, year: int) -> dt.date:
    match rule:
        case EasterOffset(days):
            return cal.easter(year) + dt.timedelta(days=days)
        case NthWeekday(month, weekday, n):
            return cal.nth_weekday(year, month, weekday, n)
        case SeasonWeekday(season, weekday, n):
            return cal.nth_weekday_from(*cal.season_days(year, season), weekday, n)
        case WeekdayFrom(month, day, weekday):
            first = dt.date(year, month, day)
            return first + dt.timedelta(days=(weekday - first.weekday()) % 7)
        case FixedDay(month, day):
            return dt.date(year, month, day)
