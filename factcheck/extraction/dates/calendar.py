"""Calendar arithmetic for date claims: choosing a year, weeks, Easter, formatting."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from factcheck.extraction.model import Published


def fmt(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)  # pure; an article asks the same few (month, day) again and again
def pick_year(
    pub: Published, month: int, day: int | None, direction: int, weekday: int | None = None
) -> int | None:
    """The year of a day or month given without one, seen from publication.

    A weekday written next to the date wins ("vendredi 13 décembre"); then the
    direction: -1 on or before publication, +1 on or after, 0 the nearest.
    """
    base = pub.date.year
    if not pub.month:  # only the year is known: it is the year of every open date
        return base if day is None or valid(base, month, day) else None
    candidates = [y for y in (base - 1, base, base + 1) if day is None or valid(y, month, day)]
    if not candidates:
        return None
    # Compare at day level only when both sides know the day.
    fine = pub.day and day is not None
    here = _scale(base, pub.date.month, pub.date.day if fine else None)

    def at(year: int) -> int:
        return _scale(year, month, day if fine else None)

    if direction < 0:
        past = [y for y in candidates if at(y) <= here]
        chosen = max(past) if past else None
    elif direction > 0:
        future = [y for y in candidates if at(y) >= here]
        chosen = min(future) if future else None
    else:
        chosen = min(candidates, key=lambda y: (abs(at(y) - here), -y))
    if weekday is not None and day is not None:
        matching = [y for y in candidates if dt.date(y, month, day).weekday() == weekday]
        near = chosen is not None and fine and abs(at(chosen) - here) <= _WRONG_WEEKDAY_DAYS
        if len(matching) == 1 and not (near and matching[0] != chosen):
            # The weekday picks the year ("vendredi 13 décembre"), unless the date
            # is within weeks of publication: then the weekday is the mistake
            # ("dimanche 19 mars" a week ahead, a Saturday that year).
            return matching[0]
    return chosen


_WRONG_WEEKDAY_DAYS = 31  # on the day scale of _scale (a month is 31)


def _scale(year: int, month: int, day: int | None) -> int:
    return year * 372 + (month - 1) * 31 + (15 if day is None else day)


def weekday_date(pub: dt.date, weekday: int, direction: int, strict: bool) -> dt.date:
    """The nearest such weekday on or before (direction <= 0) or after publication.

    `strict` excludes publication day itself ("lundi prochain", "last Monday").
    """
    if direction > 0:
        delta = (weekday - pub.weekday()) % 7
        if strict and delta == 0:
            delta = 7
        return pub + dt.timedelta(days=delta)
    delta = (pub.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return pub - dt.timedelta(days=delta)


def week_range(day: dt.date) -> dict[str, str]:
    monday = day - dt.timedelta(days=day.weekday())
    sunday = monday + dt.timedelta(days=6)
    return {"start": monday.isoformat(), "end": sunday.isoformat()}


def weekend_range(day: dt.date) -> dict[str, str]:
    """The Saturday and Sunday of the Monday-to-Sunday week holding `day`."""
    saturday = day + dt.timedelta(days=5 - day.weekday())
    return {"start": saturday.isoformat(), "end": (saturday + dt.timedelta(days=1)).isoformat()}


def shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (n=-1: last) given weekday of a month: Thanksgiving, Labor Day."""
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nth_weekday_from(dt.date(year, month, 1), nxt, weekday, n)


# Mean equinoxes and solstices (Meeus, Astronomical Algorithms, table 27.C):
# Julian ephemeris day as a polynomial in millennia from 2000, right to within
# minutes for 1000-3000, so the day is right but for one near midnight.
_SEASON_JDE = {
    "spring": (2451623.80984, 365242.37404, 0.05169, -0.00411, -0.00057),
    "summer": (2451716.56767, 365241.62603, 0.00325, 0.00888, -0.00030),
    "autumn": (2451810.21715, 365242.01767, -0.11575, 0.00337, 0.00078),
    "winter": (2451900.05952, 365242.74049, -0.06223, -0.00823, 0.00032),
}


_NEXT_SEASON = {"spring": "summer", "summer": "autumn", "autumn": "winter", "winter": "spring"}


def season_days(year: int, season: str) -> tuple[dt.date, dt.date]:
    """[first day, first day of the next season) of a season starting in `year`."""
    nxt = _NEXT_SEASON[season]
    return season_start(year, season), season_start(year + (season == "winter"), nxt)


def season_start(year: int, season: str) -> dt.date:
    """The first day of a season: the equinox or solstice of that year (UTC)."""
    y = (year - 2000) / 1000
    a, b, c, d, e = _SEASON_JDE[season]
    jde = a + y * (b + y * (c + y * (d + y * e)))
    return dt.date(2000, 1, 1) + dt.timedelta(days=int(jde + 0.5) - 2451545)


def nth_weekday_from(start: dt.date, end: dt.date, weekday: int, n: int) -> dt.date:
    """The n-th (n=-1: last) weekday in [start, end): "le premier dimanche du printemps"."""
    if n > 0:
        return start + dt.timedelta(days=(weekday - start.weekday()) % 7 + 7 * (n - 1))
    last = end - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
