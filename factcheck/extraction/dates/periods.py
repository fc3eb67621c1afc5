"""Relative dates, holidays, modifiers, quarters, seasons and decades in words:
"hier", "avant Noël", "fin 2024", "il y a deux ans", "Q1 2024", "l'été 2019"."""

from __future__ import annotations

from factcheck.extraction.dates.items import Item, ItemKind
from factcheck.extraction.dates.scanner import TokenView
from factcheck.extraction.lang import shared as S
from factcheck.extraction.lang.lexicon import Shift
from factcheck.extraction.numbers import read_number

# What a modifier can govern: "fin 2024", "début mars", "mi-juillet".
_MODIFIABLE = (
    ItemKind.MONTH,
    ItemKind.YEAR,
    ItemKind.DECADE,
    ItemKind.RELATIVE,
    ItemKind.DAY,
    ItemKind.WEEKDAY,
    ItemKind.SEASON,
)


# The last word of a holiday's name that makes it a day by itself ("Memorial Day").
_DAY_NOUNS = frozenset(("day", "eve"))


class Periods(TokenView):
    def relative(self, k: int, strict: bool) -> Item | None:
        """ "hier", "la semaine dernière", "l'an prochain": a shift from publication."""
        hit = self.match(self.t.relative, k)
        if hit is None:
            return None
        end = hit[0]
        if hit[1][0] == "day" and self.tok(end) in self.t.weekdays:
            end += 1  # "aujourd'hui vendredi": one day named twice
        return Item(k, end, ItemKind.RELATIVE, shift=hit[1])  # type: ignore[arg-type]

    def holiday(self, k: int, strict: bool) -> Item | None:
        """ "avant Noël", "à Pâques 2024", "Thanksgiving": a day fixed by a rule."""
        hit = self.match(self.t.holidays, k)
        if hit is None:
            return None
        end, rule = hit
        year = self.year_at(end, strict=False)
        if year is None and not self.holiday_context(k, end):
            return None
        item = Item(k, end, ItemKind.HOLIDAY, rule=rule)  # type: ignore[arg-type]
        if year is not None:
            item.year, item.end_token = year.year, year.end_token
        return item

    def holiday_context(self, k: int, end: int) -> bool:
        named_day = self.tok(k) in self.t.weekdays or self.tok(k + 1) in self.t.weekdays
        day_noun = end - k > 1 and self.tok(end - 1) in _DAY_NOUNS and self.is_title(end - 1)
        if self.tok(end) in self.w.holiday_name_tails:
            return False  # "Christmas market", "Easter weekend": a thing or a period named
        named = named_day or day_noun  # "On Easter Sunday Madsyp Sax": no first name
        if self.is_title(end) and self.tok(end) not in S.HOLIDAY_AND and not named:
            return False  # "Noël Mamère": a first name
        left = self.tok(k - 1)
        if left != "du" and named_day:
            # "lundi de Pentecôte", "Good Friday": a day by its very name; not
            # a noun's complement ("l'accord du Vendredi saint" is a name).
            return True
        if day_noun or self.tok(end) in self.t.future:
            # "Memorial Day": a day by its very name; "Thanksgiving will be sadder"
            return True
        at = k - 1 - (left in S.HOLIDAY_ARTICLES)
        lead = self.tok(at)
        if lead in self.t.weekdays:  # "célébraient lundi l'Assomption"
            lead = self.tok(at - 1)
        if lead.startswith(self.w.holiday_verbs) and not self.is_title(at):
            return True  # "les chrétiens fêtent l'Assomption", "celebrated Thanksgiving"
        lead = self.tok(at)
        if lead in S.HOLIDAY_OF:
            # A noun's complement names a thing ("le marché de Noël", "les
            # vacances de la Toussaint") unless the noun is a day ("le jour de
            # Noël", "cette fête de Pentecôte", "the day of Easter").
            return self.tok(at - 1) in self.w.holiday_day_nouns
        if left in self.w.deictic:
            return True  # "this Thanksgiving", "cette Toussaint"
        return left in self.w.holiday_left or (at < k - 1 and lead in self.w.holiday_left)

    def modified(self, k: int, strict: bool) -> Item | None:
        hit = self.match(self.t.modifiers, k)
        if hit is None:
            return None
        end = hit[0]
        period = self.match(self.t.periods, end)
        inner = self.item(end, strict=False)
        if inner is None and period is not None:
            if self.tok(end) in S.DE_WORDS and self.tok(k - 1) != S.PERIOD_DATE_LEAD:
                return None  # "une fête de fin d'année": a label; "en fin d'année": a date
            unit = period[1]
            return Item(k, period[0], ItemKind.RELATIVE, shift=unit)  # type: ignore[arg-type]
        if inner is None or inner.kind not in _MODIFIABLE:
            return None
        if inner.kind == ItemKind.RELATIVE and inner.shift and inner.shift[0] == "week":
            return None
        inner.start_token = k
        return inner

    def count_at(self, k: int) -> tuple[int, int] | None:
        """A small count in digits or words: (value, end token)."""
        word = self.tok(k)
        if word.isdigit() and len(word) <= 3:
            return int(word), k + 1
        got = read_number(self.low[k : k + 5])
        return (got[0], k + got[1]) if got else None

    def relative_count(self, k: int, strict: bool) -> Item | None:
        """ "il y a deux ans", "dans trois jours", "in nine days' time"."""
        word = self.tok(k)
        opener = S.PAST_COUNT_OPENER
        if all(self.tok(k + x) == part for x, part in enumerate(opener)):
            return self.counted(k, k + len(opener), -1)
        if word in self.w.ahead_words:
            found = self.counted(k, k + 1, 1)
            tails = self.w.ahead_tails
            if found is None or not tails:
                return found
            end = found.end_token + (self.tok(found.end_token) == "'")
            for tail in tails:  # "in nine days' time", "in two weeks from now"
                if all(self.tok(end + x) == part for x, part in enumerate(tail)):
                    found.end_token = end + len(tail)
                    return found
        return None

    def counted(self, start: int, k: int, sign: int) -> Item | None:
        got = self.count_at(k)
        if got is None:
            return None
        unit = self.t.units.get(self.tok(got[1]))
        if unit is None or got[0] > 200 or self.tok(got[1] + 1) in self.w.not_ahead_next:
            return None
        return Item(start, got[1] + 1, ItemKind.RELATIVE, shift=Shift(unit, sign * got[0]))

    def ago(self, k: int, strict: bool = True) -> Item | None:
        """ "two years ago", "3 days ago"."""
        if not self.w.ago_words:
            return None
        got = self.count_at(k)
        if got is None:
            return None
        unit = self.t.units.get(self.tok(got[1]))
        if unit is None or self.tok(got[1] + 1) not in self.w.ago_words:
            return None
        return Item(k, got[1] + 2, ItemKind.RELATIVE, shift=Shift(unit, -got[0]))

    def part(self, k: int, strict: bool) -> Item | None:
        """Quarters and halves: "au premier trimestre 2024", "Q1 2024"."""
        word = self.tok(k)
        if len(word) == 2 and word[0] in "qt" and word[1] in "1234":  # "Q1", "T3"
            index, size, end = int(word[1]), 3, k + 1
        else:
            index = self.t.ordinals.get(word)
            size = self.t.parts.get(self.tok(k + 1 + (self.tok(k + 1) == "-")))
            if index is None or size is None or index * size > 12:
                return None
            end = k + 2 + (self.tok(k + 1) == "-")
        at = end + (self.tok(end) in S.PART_LINKS)
        at += self.tok(at) in S.DEFINITE_ARTICLES
        year = self.year_at(at, strict=False)
        if year is None and word[:1] in ("q", "t") and len(word) == 2:
            return None
        first = (index - 1) * size + 1
        item = Item(k, end, ItemKind.PART, months=(first, first + size - 1))
        if year is not None:
            item.year, item.end_token = year.year, year.end_token
        return item

    def season(self, k: int, strict: bool) -> Item | None:
        """Seasons give the year: "l'été 2019", "last summer", "cet hiver"."""
        start, s = k, k
        word = self.tok(k)
        direc = 0
        if word in S.SEASON_LEADS:
            s = k + 1
            direc = -1 if word == "last" else 1 if word == "next" else 0
        if self.tok(s) not in self.t.seasons:
            return None
        year = self.year_at(s + 1 + (self.tok(s + 1) in S.SEASON_LINKS), strict=False)
        if year is not None:
            return Item(start, year.end_token, ItemKind.YEAR, year=year.year)
        after = self.tok(s + 1)
        if after in self.w.after_past or after in self.w.after_future:
            direc = -1 if after in self.w.after_past else 1
            return Item(
                start, s + 2, ItemKind.SEASON, direction=direc, season=self.t.seasons[self.tok(s)]
            )
        if word in S.SEASON_LEADS_ALONE:
            return Item(
                start, s + 1, ItemKind.SEASON, direction=direc, season=self.t.seasons[self.tok(s)]
            )
        return None

    def decade_words(self, k: int, strict: bool) -> Item | None:
        """ "les années 1990", "les années 90", "the 1990s" (the last via numeric)."""
        if self.tok(k) not in S.DECADE_LEADS or self.tok(k + 1) != "années":
            return None
        word = self.tok(k + 2)
        if not word.isdigit() or not word.endswith("0") or len(word) not in (2, 4):
            return None
        digits = word if len(word) == 4 else ("20" if word in ("00", "10", "20") else "19") + word
        return Item(k, k + 3, ItemKind.DECADE, year=int(digits[:3]))
