"""The years the text itself sets for the scanner's open dates.

An open day or month takes the year written just before it when the tense
agrees (context.YearContext); a quarter or a half takes only the year of a
part; with no publication date, the year the text writes ("Municipales 2020
... le dimanche 28 juin", "cette année").
"""

from __future__ import annotations

import datetime as dt

from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates import context
from factcheck.extraction.dates.items import Item, ItemKind
from factcheck.extraction.dates.scanner import TokenView

# A plain year sets a part's year only when written just before it, in its sentence;
# further back it may be another period's ("après une année 2023 exceptionnelle, ... un
# premier semestre morose, suivi d'une reprise au second semestre de 2024").
_PART_YEAR_REACH = 40


class TextYears(TokenView):
    # Set by DateScanner.__init__ (and the class of the scanner, for explaining).
    explaining: bool
    years: context.YearContext
    part_years: context.YearContext
    year_tokens: list[tuple[int, int]] | None

    def give_context_year(self, item: Item, start: int, direction: int) -> None:
        """An open day or month takes the year the text just set, if the tense agrees."""
        if item.year is not None:
            return
        if self.doc.published is None:
            self.give_text_year(item)
            return
        if item.kind == ItemKind.PART and item.months:
            # "the fourth quarter of 2023 ... the third quarter": only a part sets a part's year
            year = self.part_years.year_for(start)
            if year is None:  # a year just before: "until 2030, possibly in the second quarter"
                year = self.years.year_just_before(start, _PART_YEAR_REACH)
            if year is not None and context.fits(
                year, item.months[0], None, self.doc.published, direction
            ):
                item.year = year
            return
        if item.kind not in (ItemKind.DAY, ItemKind.MONTH) or item.month is None:
            return
        if item.direction or item.weekday is not None:
            return  # "juin prochain", "vendredi 13 juin": anchored on publication
        year = self.years.year_for(start)
        if year is not None and context.fits(
            year, item.month, item.day, self.doc.published, direction
        ):
            item.year = year

    def this_year(self, item: Item) -> dict | None:
        """With no publication date, "cette année" / "this year" is the year the
        text writes ("le Nouvel An 2023 ... le 1er mai tombe un lundi, cette année")."""
        if item.kind != ItemKind.RELATIVE or item.shift != ("year", 0):
            return None
        if self.year_tokens is None:
            self.year_tokens = context.year_tokens(self.low, self.joined, self.w.label_year_words)
        year = context.text_year(self.year_tokens, item.start_token)
        return None if year is None else {"date": f"{year:04d}"}

    def give_text_year(self, item: Item) -> None:
        """With no publication date, an open day, month or holiday takes the year
        the text sets: the last year written before it ("Municipales 2020 ... le
        dimanche 28 juin", a table's "2021 |" header), else the first one after.
        A weekday written with the day picks among that year and its neighbours
        ("2021 | ... Samedi 1er janvier" is 2022)."""
        if item.kind not in (ItemKind.DAY, ItemKind.MONTH, ItemKind.HOLIDAY, ItemKind.PART):
            return
        if item.kind in (ItemKind.DAY, ItemKind.MONTH) and item.month is None:
            return
        if self.year_tokens is None:  # once, on first need
            self.year_tokens = context.year_tokens(self.low, self.joined, self.w.label_year_words)
        year = context.text_year(self.year_tokens, item.start_token)
        if year is None:
            return
        if item.weekday is not None and item.day is not None and item.month is not None:
            for candidate in (year, year + 1, year - 1):
                if cal.valid(candidate, item.month, item.day) and (
                    dt.date(candidate, item.month, item.day).weekday() == item.weekday
                ):
                    year = candidate
                    break
        item.year = year
        if self.explaining:
            item.rules = (*item.rules, "date.text_year")
