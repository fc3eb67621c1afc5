"""Dates in digits: "15/11/2024", "1990s", "en 97", and the guards that tell a
year from a count, a code or a name ("2 000 soldats", "No. 2024", "Euro 2024")."""

from __future__ import annotations

import re
from functools import lru_cache

from factcheck.extraction.dates import calendar as cal
from factcheck.extraction.dates.items import Item, ItemKind
from factcheck.extraction.dates.scanner import SPACES, TokenView
from factcheck.extraction.lang import shared as S

# A day is a cardinal, or an ordinal where the language says so: "1er", "21st". French
# ordinals other than "1er" ("16e", "2ème", "1re") count matchdays, ranks and editions.
_DAY_SUFFIX = re.compile(r"(\d{1,2})(?:er|st|nd|rd|th)?")
_SPACES_ONE = frozenset(SPACES)
_NUMBER_SIGNS = frozenset("°º#")  # "N°2018-03-01", "n° 2001-44"
_HOUR_MARK = "h"  # "19 h 20": the hour mark in both languages' typography
# A time glued to its hour mark: "7h", "19h30", "8pm".
GLUED_HOUR = re.compile(r"\d{1,2}(?:h\d{0,2}|[ap]m)")


class Numeric(TokenView):
    def numeric(self, k: int, strict: bool) -> Item | None:
        word = self.tok(k)
        if not word[:1].isdigit() or self.numbered(k):
            return None
        nxt = self.tok(k + 1)
        if nxt in self.t.parts or nxt in self.w.months_first or nxt in self.w.months_last:
            return None  # "3e trimestre", "6 premiers mois": periods.py reads them
        return (
            self.slashed(k)
            or self.day_month(k, strict)
            or self.ago(k)
            or self.decade(k)
            or self.year_at(k, strict)
            or self.day_only(k)
        )

    def slashed(self, k: int) -> Item | None:
        """15/11/2024, 15.11.24, 2024-11-15 (French order: day first)."""
        if k + 4 >= self.n + 0 or k + 4 > self.n - 1 + 1:
            return None
        parts = self.low[k : k + 5]
        if len(parts) < 5 or parts[1] not in "/.-" or parts[3] != parts[1]:
            return None
        if any(self.gap(x) for x in range(k + 1, k + 5)) or self.longer_run(k, parts[1]):
            return None
        if not all(p.isdigit() for p in parts[0::2]):
            return None
        a, b, c = (int(p) for p in parts[0::2])
        if len(parts[0]) == 4:
            y, m, d = a, b, c
        else:
            d, m, y = a, b, c
            if self.w.month_first_numeric and m > 12 >= d:
                d, m = m, d
            if len(parts[4]) == 2:
                y += 2000 if y < 50 else 1900
            elif len(parts[4]) != 4:
                return None
        if not (1000 <= y <= 2199 and cal.valid(y, m, d)):
            return None
        return Item(k, k + 5, ItemKind.DAY, year=y, month=m, day=d)

    def longer_run(self, k: int, sep: str) -> bool:
        """Digits joined by the same mark before or after the five tokens k..k+4: a phone
        number ("05.58.06.01.08") or a reference, not a date."""
        before = self.tok(k - 1) == sep and not self.gap(k) and self.tok(k - 2)[:1].isdigit()
        after = self.tok(k + 5) == sep and not self.gap(k + 5) and self.tok(k + 6)[:1].isdigit()
        return before or after

    def day_value(self, k: int) -> int | None:
        word = self.tok(k)
        if word in self.t.ordinals and word[:1].isdigit():
            return self.t.ordinals[word]
        return _day_number(word)

    def day_only(self, k: int) -> Item | None:
        day = self.day_value(k)
        if day is None or self.tok(k)[-1:] == "s" or self.is_count(k) or self.decimal(k):
            return None
        if self.clock(k):
            return None  # "19 h 20", "7:00 p.m.": a time, not a day
        return Item(k, k + 1, ItemKind.DAY_ONLY, day=day)

    def clock(self, k: int) -> bool:
        """A number that is an hour or its minutes: "19 h", "19 h 20", "7:00"."""
        nxt, prev = self.tok(k + 1), self.tok(k - 1)
        if nxt == _HOUR_MARK or (prev == _HOUR_MARK and self.tok(k - 2).isdigit()):
            return True
        if nxt == ":" and not self.gap(k + 1) and not self.gap(k + 2):
            return self.tok(k + 2).isdigit()
        return prev == ":" and not self.gap(k) and not self.gap(k - 1) and self.tok(k - 2).isdigit()

    def year_at(
        self, k: int, strict: bool, short: bool = False, dated: bool = False
    ) -> Item | None:
        """A year at k: 4 digits, guarded against counts, codes and names. After a
        day or a month (`dated`) any year from 1000 counts: "le 15 août 1636"."""
        word = self.tok(k)
        if not word.isdigit():
            return None
        short = short or self.tok(k - 1) in self.w.short_year_left
        if len(word) == 2 and short and self.short_year_ok(k):
            value = int(word)
            pub = self.doc.published.date.year if self.doc.published else 2000
            year = 2000 + value if 2000 + value <= pub + 5 else 1900 + value
            return Item(k, k + 1, ItemKind.YEAR, year=year)
        if len(word) != 4 or not self.year_ok(k, strict, dated):
            return None
        return Item(k, k + 1, ItemKind.YEAR, year=int(word))

    def short_year_ok(self, k: int) -> bool:
        """ "octobre 98.", "en 97 (": two digits then punctuation, not a noun."""
        if self.is_count(k):
            return False
        nxt = self.tok(k + 1)
        return not nxt or not (nxt[:1].isalnum() and nxt not in S.SHORT_YEAR_FOLLOWERS)

    def year_ok(self, k: int, strict: bool, dated: bool = False) -> bool:
        value = int(self.tok(k))
        left, right = self.tok(k - 1), self.tok(k + 1)
        if not 1000 <= value <= 2099 or self.is_count(k):
            return False
        if left in self.w.not_date_left or right in self.w.count_nouns:
            return False
        before = self.tok(k - 2)
        if (
            left == "."
            and not self.gap(k - 1)
            and (before in self.w.not_date_left or (len(before) == 1 and before.isalpha()))
        ):
            return False  # "H.R. 2024", "No. 2024", "p. 2024": a code after an abbreviation
        if (
            left in self.w.name_articles
            and self.is_title(k + 1)
            and right.isalpha()
            and right not in self.t.strong
        ):
            return False  # "the 2024 Paris Olympics": a year opening a name, as in "Euro 2024"
        if left in ("-", "/") and not self.gap(k) and self.tok(k - 2)[:1].isalpha():
            return left == "-" and self.tok(k - 2) in S.DASHED_YEAR_PREFIXES  # "Development-2024"
        if (
            left[:1].isalpha()
            and not dated
            and not self.year_left_ok(left)
            and not self.period_follows(k)
        ):
            return False  # "Euro 2024", "tarifs municipaux 2020": a name or a label
        if right in self.t.range_joins and self.is_count(k + 2):
            return False
        if self.fiscal_year(k) or self.label_year(k):
            return False
        if self.second_of_pair(k):
            return False
        if self.tok(k + 2) in self.w.count_nouns and right in self.t.range_joins:
            return False
        return value >= 1800 or left in self.w.year_left or dated

    def fiscal_at(self, x: int) -> bool:
        """A fiscal word at x: "fiscal 2018", "FY25", "(FY)", "exercice 2023-2024"."""
        word = self.tok(x)
        if word.rstrip("0123456789") not in self.w.fiscal_words:
            return False
        nxt = self.tok(x + 1)
        # "fiscal deficit", "un exercice militaire": the word names something else.
        return not (nxt.isalpha() and nxt not in self.w.fiscal_followers and word.isalpha())

    def fiscal_year(self, k: int) -> bool:
        """ "au 4ème trimestre 2022-2023": the years of a quarter of a fiscal year.
        A fiscal year alone ("fiscal 2018") stays a year: the eval sets leave it
        open (ignore spans) and TimeML corpora annotate it."""
        left = self.tok(k - 1)
        return (left in self.t.parts or left in self.t.part_codes) and self.period_follows(k)

    def second_of_pair(self, k: int) -> bool:
        """The second number of a glued pair whose first was refused ("loi n°
        2001-44", "1606/2002", "exercice 2023-2024"); a range reads its second
        year in groups.py. "11/2024" (a month) is not a pair."""
        left = self.tok(k - 1)
        if left not in ("-", "/") or self.gap(k) or self.gap(k - 1):
            return False
        first = self.tok(k - 2)
        return first.isdigit() and not (len(first) <= 2 and left == "/")

    def period_follows(self, k: int) -> bool:
        """ "liste Edouard Baldo 2014-2020": a span of years is a period, not a name."""
        if self.tok(k + 1) not in self.w.dashes or self.gap(k + 1) or self.gap(k + 2):
            return False
        if not self.tok(k).isdigit():
            return False
        second, base = self.tok(k + 2), int(self.tok(k))
        if not second.isdigit() or len(second) not in (2, 4):
            return False
        year = int(second) if len(second) == 4 else base // 100 * 100 + int(second)
        return base < year <= base + (100 if len(second) == 4 else 20)

    def label_year(self, k: int) -> bool:
        """A year, or a season of two, naming a budget or a season: "the 2024
        budget", "proposed 2018/2019 budget", "the 2023/24 campaign"."""
        right = self.tok(k + 1)
        if right in self.w.label_nouns:
            return True
        if right not in ("/", "-") or self.gap(k + 1) or self.gap(k + 2):
            return False
        second = self.tok(k + 2)
        if not second.isdigit() or len(second) not in (2, 4):
            return False
        return int(second) % 100 == (int(self.tok(k)) + 1) % 100 and (
            self.tok(k + 3) in self.w.label_nouns
        )

    def numbered(self, k: int) -> bool:
        """A number after a number sign: "N°2018-03-01", "loi n° 2001-44", "No. 12"."""
        left = self.tok(k - 1)
        if left in _NUMBER_SIGNS:
            return left == "#" or self.tok(k - 2) in self.w.not_date_left
        return False

    def year_left_ok(self, left: str) -> bool:
        return (
            left in self.w.year_word_ok
            or left in self.w.month_left
            or left in self.w.year_left
            or left in self.t.months
            or left in self.w.deictic
        )

    def is_count(self, k: int) -> bool:
        """A digit group inside a larger number: "2 000", "1,500", "12.000"."""
        word = self.tok(k)
        if not word.isdigit():
            return False
        prev, nxt = self.tok(k - 1), self.tok(k + 1)
        gap_before, gap_after = self.gap(k), self.gap(k + 1)
        if prev.isdigit() and len(prev) <= 3 and gap_before in _SPACES_ONE and len(word) == 3:
            return True
        if nxt.isdigit() and len(nxt) == 3 and gap_after in _SPACES_ONE and len(word) <= 3:
            return True
        if nxt in (",", ".") and not gap_after and len(self.tok(k + 2)) == 3:
            return self.tok(k + 2).isdigit() and not self.gap(k + 2)
        if prev in (",", ".") and not gap_before and self.tok(k - 2).isdigit():
            return not self.gap(k - 1)
        return False

    def decimal(self, k: int) -> bool:
        """ "1,8 %": a decimal number, not a day."""
        if self.tok(k + 1) in (",", ".") and not self.gap(k + 1) and not self.gap(k + 2):
            return self.tok(k + 2)[:1].isdigit()
        return self.tok(k - 1) in (",", ".") and not self.gap(k) and not self.gap(k - 1)

    def decade(self, k: int) -> Item | None:
        """1990s, the '90s (a decade is a 3-digit value: "199")."""
        word = self.tok(k)
        start = k - 1 if self.tok(k - 1) == "'" else k
        if not word.endswith("s") or not word[:-1].isdigit() or len(word) not in (3, 5):
            return None
        digits = word[:-1]
        if len(digits) == 2:
            if start == k and not self.short_decade_ok(k):
                return None
            digits = ("20" if digits in ("00", "10", "20") else "19") + digits
        if not digits.endswith("0"):
            return None
        return Item(start, k + 1, ItemKind.DECADE, year=int(digits[:3]))


    def short_decade_ok(self, k: int) -> bool:
        """ "the 60s", "the late 60s", "the mid-70s" are decades; "highs in the
        40s", "lows in the mid-30s", "a woman in her 50s" are temperatures and ages."""
        at = k - 1
        if self.tok(at) == "-":
            at -= 1
        if self.tok(at) in self.w.decade_modifiers:
            at -= 1
        if self.tok(at) != "the":
            return False
        if self.tok(at - 1) in self.w.age_possessives or self.tok(at - 2) in self.w.age_possessives:
            return False
        near = self.w.temperature_words
        return not any(
            self.tok(x) in near for x in range(max(0, k - 12), min(self.n, k + 5)) if x != k
        )


@lru_cache(maxsize=1024)  # a few dozen distinct numbers per article, each met often
def _day_number(word: str) -> int | None:
    """ "15", "1er", "21st": the day of the month, None past 1-31 or for another word."""
    found = _DAY_SUFFIX.fullmatch(word)
    if found is None:
        return None
    value = int(found.group(1))
    return value if 1 <= value <= 31 else None
