"""Relative dates, holidays, modifiers, quarters, seasons and decades in words:
"hier", "avant Noël", "fin 2024", "il y a deux ans", "Q1 2024", "l'été 2019"."""

from __future__ import annotations

from factcheck.extraction.dates.items import Item, ItemKind
from factcheck.extraction.dates.scanner import SPACES, TokenView
from factcheck.extraction.lang import shared as S
from factcheck.extraction.lang.lexicon import Shift
from factcheck.extraction.numbers import read_number

_ONE_SPACE = frozenset(SPACES)
# Before "les six premiers mois", "the first nine months".
_MONTH_COUNT_ARTICLES = S.DEFINITE_ARTICLES | S.DECADE_LEADS

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
# After "Christmas is": an article opens a definition ("a time for family", "une fête").
_DEFINITION_LEADS = frozenset(("a", "an", "the", "un", "une", "le", "la", "l'"))


class Periods(TokenView):
    def relative(self, k: int, strict: bool) -> Item | None:
        """ "hier", "la semaine dernière", "l'an prochain": a shift from publication."""
        hit = self.match(self.t.relative, k)
        if hit is None:
            return None
        end = hit[0]
        if hit[1][0] == "day" and self.tok(end) in self.t.weekdays:
            end += 1  # "aujourd'hui vendredi": one day named twice
        if hit[1][0] == "year" and self.tok(end) == "(" and self.tok(end + 2) == ")":
            year = self.year_at(end + 1, strict=False, dated=True)
            if year is not None:  # "cette année (2023)": one claim, the year written
                return Item(k, end + 3, ItemKind.YEAR, year=year.year)
        return Item(k, end, ItemKind.RELATIVE, shift=hit[1])  # type: ignore[arg-type]

    def holiday(self, k: int, strict: bool) -> Item | None:
        """ "avant Noël", "à Pâques 2024", "Thanksgiving": a day fixed by a rule."""
        hit = self.match(self.t.holidays, k)
        if hit is None:
            return None
        end, rule = hit
        written = self.date_after_holiday(k, end)
        if written is not None:
            return written
        year = self.year_at(end, strict=False, dated=True)  # "Noël 2022"
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
        if self.holiday_is_subject(end):
            return True  # "Noël est passé", "Christmas is six weeks away"
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

    def holiday_is_subject(self, end: int) -> bool:
        """The holiday, then "is", "was", "est", "était": the day itself is talked about,
        unless a definition follows ("Christmas is a time for family", "Noël est une
        fête")."""
        verb = self.tok(end)
        if verb not in self.w.present_words and verb not in self.t.past:
            return False
        return self.tok(end + 1) not in _DEFINITION_LEADS

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
            if self.tok(k - 1) in S.DE_WORDS and self.tok(k) not in S.RANGE_ARTICLES:
                return None  # "une fête de fin de semaine", "un jour de fin de mois"
            unit = period[1]
            return Item(k, period[0], ItemKind.RELATIVE, shift=unit)  # type: ignore[arg-type]
        if inner is None or inner.kind not in _MODIFIABLE:
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
            at = k + len(opener)
            at += self.tok(at) in self.w.count_fillers  # "il y a encore 20 ans"
            return self.counted(k, at, -1)
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

    def date_after_holiday(self, k: int, end: int) -> Item | None:
        """ "Good Friday (29 March)", "New Year's Day (Jan. 1)", "Good Friday, 29
        March": the date written after a holiday is its value, one claim."""
        paren = self.tok(end) == "("
        if not paren and self.tok(end) != ",":
            return None
        written = self.item(end + 1, strict=False)
        if written is None or written.kind != ItemKind.DAY:
            return None
        if paren:
            if self.tok(written.end_token) != ")":
                return None
            written.end_token += 1
        written.start_token = k
        return written

    def part(self, k: int, strict: bool) -> Item | None:
        """Quarters and halves: "au premier trimestre 2024", "Q1 2024", "au 3e
        trimestre", "T3", "S1 2023", "H1 24", "1H 2024", "the first half of 2024"."""
        code = self.part_code(k)
        if code is not None:
            index, size, end, year = code
            noun = ""
            if year is None and not self.bare_code_ok(k):
                return None
        else:
            word = self.tok(k)
            index = self.t.ordinals.get(word)
            hyphen = self.tok(k + 1) == "-" and not self.gap(k + 1) and not self.gap(k + 2)
            noun = self.tok(k + 1 + hyphen)
            size = self.t.parts.get(noun)
            if index is None or size is None or index * size > 12:
                return None
            if self.tok(k - 1) in self.w.part_not_after:
                return None  # "a second quarter of growth": one more, not the second
            end, year = k + 2 + hyphen, None
        first = (index - 1) * size + 1
        item = Item(k, end, ItemKind.PART, months=(first, first + size - 1), year=year)
        return self.part_tail(item, bare=code is not None or noun in self.w.bare_part_words)

    def part_tail(self, item: Item, bare: bool) -> Item | None:
        """What follows a part or a count of months: its year, "de l'année", "last
        year", a month ("the first half of May" is May), or nothing at all."""
        end = item.end_token
        if item.year is None:
            found = self.part_complement(end)
            if found is False:
                return None  # "the first half of the film", "de l'exercice"
            if isinstance(found, Item):
                found.start_token = item.start_token
                return found
            if found is not None:
                item.year, item.end_token = found
            elif not bare or self.game_document() or self.fiscal_year(end):
                # "la première moitié", "scored in the second half", "au 4ème
                # trimestre 2022-2023" (a quarter of a fiscal year)
                return None
        if self.fiscal_near(item.start_token, item.end_token):
            return None  # "the third quarter of fiscal 2024": not the calendar's
        return None if self.glued_year_follows(item.end_token) else item

    def glued_year_follows(self, k: int) -> bool:
        """ "4ème trimestre 2022-2023": a part of a fiscal year, left open."""
        if self.tok(k) not in ("-", "/") or self.gap(k) or self.gap(k + 1):
            return False
        return self.tok(k + 1).isdigit()

    def part_complement(self, k: int) -> tuple[int | None, int] | Item | bool | None:
        """(year, end) of "2024", "de l'année [2024]", "of last year"; a month item;
        None when nothing follows; False when "de"/"of" governs something else."""
        linked = self.tok(k) in S.PART_LINKS
        at = k + linked
        year = self.year_at(at + (self.tok(at) in S.DEFINITE_ARTICLES), strict=False)
        if year is not None:
            return year.year, year.end_token
        relative = self.match(self.t.relative, at)
        if relative is not None and relative[1][0] == "year":  # type: ignore[index]
            pub = self.doc.published
            offset = relative[1][1]  # type: ignore[index]
            return (pub.date.year + offset if pub else None), relative[0]
        period = self.match(self.t.periods, at) if linked else None
        if period is not None and period[1][0] == "year":  # type: ignore[index]
            after = self.year_at(period[0], strict=False)
            if after is not None:
                return after.year, after.end_token  # "de l'année 2024"
            pub = self.doc.published
            return (pub.date.year if pub else None), period[0]
        if linked:
            month = self.month(at, strict=False)
            if month is not None and month.kind == ItemKind.MONTH:
                return month  # "the first half of May": the month, as "mi-mai" is
            return False
        return None

    def part_code(self, k: int) -> tuple[int, int, int, int | None] | None:
        """ "T3", "S1 2023", "Q2 24", "Q1-2024", "1H 2024", "3Q24": (index, months
        per part, end token, year or None)."""
        word = self.tok(k)
        if word in self.t.part_codes:
            index, size = int(word[1:]), self.w.part_codes[word[0]]
            year = self.code_year(k + 1)
            if year is None:
                return index, size, k + 1, None
            return index, size, year[1], year[0]
        size = self.w.part_codes_after.get(word[1:2]) if word[:1] in "1234" else None
        if size is None or int(word[0]) * size > 12:
            return None
        glued = word[2:]
        if glued:
            if len(glued) not in (2, 4) or not glued.isdigit():
                return None
            return int(word[0]), size, k + 1, self.full_year(glued)
        year = self.code_year(k + 1)
        return None if year is None else (int(word[0]), size, year[1], year[0])

    def code_year(self, k: int) -> tuple[int, int] | None:
        """The year after a code: " 2024", " 24", "-2024", "'24", "/24"."""
        at = k
        if self.tok(at) in ("-", "/", "'") and not self.gap(at) and not self.gap(at + 1):
            at += 1
        elif self.gap(at) not in _ONE_SPACE:
            return None
        word = self.tok(at)
        if not word.isdigit() or len(word) not in (2, 4) or self.is_count(at) or self.decimal(at):
            return None
        nxt = self.tok(at + 1)
        if nxt in self.w.count_nouns or nxt == "%":
            return None  # "Q1 12 companies"
        year = self.full_year(word)
        return (year, at + 1) if 1900 <= year <= 2099 else None

    def full_year(self, digits: str) -> int:
        """ "24" -> 2024, "98" -> 1998: the century nearest publication."""
        value = int(digits)
        if len(digits) == 4:
            return value
        pub = self.doc.published
        limit = pub.date.year + 5 if pub else 2040
        return 2000 + value if 2000 + value <= limit else 1900 + value

    def bare_code_ok(self, k: int) -> bool:
        """A code without a year needs a preposition or a parenthesis before it:
        "au T2", "in Q1", "(T3 19,3 %)"; "un T3", "le tram T3" are not quarters."""
        return self.tok(k - 1) in self.w.part_code_left and not self.game_document()

    def game_document(self) -> bool:
        """Whether the document reports a game: two of its words at least."""
        found = getattr(self, "_game", None)
        if found is None:
            words = self.w.game_words
            found = sum(1 for word in self.low[: self.n] if word in words) >= 2
            self._game = found
        return found

    def fiscal_near(self, i: int, j: int) -> bool:
        """A fiscal word just before or after: "fiscal Q3", "for fiscal 2018",
        "premier semestre de l'exercice 2024", "(FY) 2024"."""
        for x in (*range(max(0, i - 3), i), *range(j, min(self.n, j + 5))):
            if self.fiscal_at(x):
                return True
        return False

    def first_months(self, k: int, strict: bool) -> Item | None:
        """ "les six premiers mois de 2024", "the first nine months of the year",
        "les trois derniers mois de 2023": a range of months of that year."""
        units = self.t.units
        if units.get(self.tok(k + 2)) != "month" and units.get(self.tok(k + 3)) != "month":
            return None  # the month noun comes second or third: a cheap test first
        at = k + (self.tok(k) in _MONTH_COUNT_ARTICLES)
        word = self.tok(at)
        if word in self.w.months_first or word in self.w.months_last:
            got = self.count_at(at + 1)
            first = word in self.w.months_first
        else:
            got = self.count_at(at)
            adjective = self.tok(got[1]) if got else ""
            first = adjective in self.w.months_first
            if got is None or not (first or adjective in self.w.months_last):
                return None
            got = (got[0], got[1] + 1)
        if got is None or not 1 <= got[0] <= 11 or self.t.units.get(self.tok(got[1])) != "month":
            return None
        months = (1, got[0]) if first else (13 - got[0], 12)
        if self.tok(got[1] + 1) not in S.PART_LINKS:
            return None  # "les six premiers mois": of a mandate, of a life
        return self.part_tail(Item(k, got[1] + 1, ItemKind.PART, months=months), bare=False)

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
