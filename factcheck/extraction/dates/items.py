"""Date items: one date expression over tokens, before its value is resolved."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from factcheck.extraction.lang.lexicon import HolidayRule, Shift


class ItemKind(StrEnum):
    """What a date item names; resolve.py turns each into a value."""

    DAY = "day"  # "15 novembre 2024", "vendredi 13"
    DAY_ONLY = "dayonly"  # "le 7" in "les 7 et 8 mai": a day waiting for its month
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"  # year holds the first three digits: 199 for the 1990s
    WEEKDAY = "weekday"  # "mardi", "last Monday"
    RELATIVE = "rel"  # "hier", "l'an dernier": shift from publication
    HOLIDAY = "holiday"  # "Noël", "le premier lundi de septembre": rule fixes the day
    PART = "part"  # a quarter or half: months
    SEASON = "season"  # "l'été dernier": season, direction


@dataclass(slots=True)
class Item:
    """One date expression over tokens [start_token, end_token) before resolution."""

    start_token: int
    end_token: int
    kind: ItemKind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 Monday .. 6 Sunday
    shift: Shift | None = None
    rule: HolidayRule | None = None
    months: tuple[int, int] | None = None  # first and last month of a part
    direction: int = 0  # -1 "dernier"/"last", +1 "prochain"/"next", 0 open
    strict: bool = False  # "lundi prochain" excludes the publication day
    season: str | None = None  # "summer", ...
    rules: tuple[str, ...] = ()  # names of the rules that read it, when explaining


_OPEN_YEAR = (ItemKind.DAY, ItemKind.MONTH, ItemKind.HOLIDAY)


def is_open(items: list[Item]) -> bool:
    """Whether resolving these items may depend on the tense of the clause."""
    for it in items:
        if it.kind == ItemKind.WEEKDAY or (it.year is None and it.kind in _OPEN_YEAR):
            return True
    return False


def copy_item(it: Item) -> Item:
    """A copy, built directly: dataclasses.replace costs four times more."""
    return Item(
        it.start_token,
        it.end_token,
        it.kind,
        it.year,
        it.month,
        it.day,
        it.weekday,
        it.shift,
        it.rule,
        it.months,
        it.direction,
        it.strict,
        it.season,
        it.rules,
    )
