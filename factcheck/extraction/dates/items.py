"""Date items: one date expression over tokens, before its value is resolved."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Item:
    """One date expression over tokens [i, j) before resolution."""

    i: int
    j: int
    kind: str  # day, dayonly, month, year, decade, weekday, rel, holiday, part, season
    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: int | None = None
    rel: tuple[str, int] | None = None
    hol: tuple | None = None
    part: tuple[int, int] | None = None
    direc: int = 0  # -1 "dernier"/"last", +1 "prochain"/"next", 0 open
    strict: bool = False  # "lundi prochain" excludes the publication day


def is_open(items: list[Item]) -> bool:
    """Whether resolving these items may depend on the tense of the clause."""
    for it in items:
        if it.kind == "weekday" or (it.y is None and it.kind in ("day", "month", "holiday")):
            return True
    return False


def copy_item(it: Item) -> Item:
    return Item(it.i, it.j, it.kind, it.y, it.m, it.d, it.wd, it.rel, it.hol, it.part,
                it.direc, it.strict)
